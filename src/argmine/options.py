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
"""spaCy's own default ``max_length``; longer main texts are refused, or cut (``long_text``)."""

LONG_TEXT_CHOICES = ("refuse", "truncate")
"""What to do with a main text over ``max_text_chars``: an ``InputError``, or analyse its
first ``max_text_chars`` characters (cut at a paragraph break) with a warning."""

DOCUMENT_TIME_LIMIT_SECONDS = 300.0
"""Wall-clock limit on one document's analysis, models already loaded. The longest accepted
text (1,000,000 characters) takes about 50 s on the 2-core development machine
(bench/hostile_limits.py), so only a stuck document reaches this."""

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
    allow_private_urls: bool = True
    """False refuses URLs (and redirects) to private, loopback or link-local addresses: ``argmine serve``."""
    long_text: str = "refuse"
    """One of ``LONG_TEXT_CHOICES``."""
    time_limit: float | None = DOCUMENT_TIME_LIMIT_SECONDS
    """Seconds one document may take (``argmine.limits.time_limit``); ``None``: no limit."""

    def __post_init__(self) -> None:
        if self.long_text not in LONG_TEXT_CHOICES:
            raise ValueError(f"long_text must be one of {', '.join(LONG_TEXT_CHOICES)}, not {self.long_text!r}")
