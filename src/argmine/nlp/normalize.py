"""Text normalisation for the French model that keeps every offset valid.

``fr_core_news_sm`` tags a curly apostrophe as a noun and splits sentences on it, and
treats non-breaking spaces as words; ALL-CAPS runs give it junk tags and entities.
Each replacement here is one character for one character, so an offset into the
normalised text is the same offset into the original: spaCy sees the normalised text,
every span argmine reports points into the original.
"""

from __future__ import annotations

import re

_ONE_FOR_ONE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u0060": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u200b": " ",
        "\ufeff": " ",
        "\u2060": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
    }
)
_CAPS_RUN = re.compile(r"(?<![^\W\d_])[^\W\d_][^\W\d_'’\-]*(?:[\s'’\-,:;]+[^\W\d_][^\W\d_'’\-]*){2,}")
"""A run starts at a word's first letter: trying every letter of a long word (a base64
blob) made the search quadratic, minutes for a 100,000-letter word."""
MIN_CAPS_RUN_WORDS = 3
"""Shorter upper-case runs are acronyms and names (OMS, CGT, Le Monde), left as written."""


def normalize(text: str) -> str:
    """The text as the French model reads it best; always the same length as ``text``."""
    normalized = text.translate(_ONE_FOR_ONE)
    normalized = _CAPS_RUN.sub(_lower_caps_run, normalized)
    assert len(normalized) == len(text)
    return normalized


def _lower_caps_run(match: re.Match) -> str:
    run = match.group(0)
    letters = [c for c in run if c.isalpha()]
    if len(letters) < 6 or not all(c.isupper() for c in letters):
        return run
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in run)
    return run[0] + lowered[1:]
