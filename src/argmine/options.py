"""Options shared by every stage, gathered in one frozen value.

Public functions take the required arguments, then keyword-only options; internal
functions receive the whole ``Options``, never a train of booleans.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmine import __version__

MAX_INPUT_BYTES = 20 * 1024 * 1024
"""Larger inputs are refused: the biggest real blog pages seen are under 5 MB of HTML."""

MAX_TEXT_CHARS = 1_000_000
"""spaCy's own default ``max_length``; longer main texts are refused with a clear error."""

FETCH_TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5
USER_AGENT = f"argmine/{__version__} (+https://pypi.org/project/argmine/; French argument mining)"
FETCHABLE_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")


@dataclass(frozen=True)
class Options:
    max_input_bytes: int = MAX_INPUT_BYTES
    max_text_chars: int = MAX_TEXT_CHARS
    timeout: float = FETCH_TIMEOUT_SECONDS
    max_redirects: int = MAX_REDIRECTS
    user_agent: str = USER_AGENT
    favor_precision: bool = True
    """Passed to trafilatura: blog pages carry much boilerplate, and recall costs little here."""
    explain: bool = False
