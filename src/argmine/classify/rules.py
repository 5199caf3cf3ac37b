"""High-precision linguistic rules, applied over the learned model's choice.

Each rule is a labelling function: it looks at one sentence (its normalised text and
its paragraph kind) and returns a label or ``None``. A rule fires only on forms whose
meaning the scheme fixes (``../ANNOTATION.md``); ``argmine evaluate --rules`` measures
each one's precision and coverage.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_HASTY_CONCLUSION = re.compile(
    r"\b(?:précipité|hâtif|abusif|exagéré|trompeur|erroné|faux|illusoire|naïf|un peu court|prématuré)"
    r"\s+(?:d'en |de )(?:croire|penser|conclure|dire|affirmer|prétendre|déduire|voir)\b",
    re.I,
)
_ATTRIBUTION_IDIOM = re.compile(r"\bce n'est pas (?:moi|nous) qui le (?:dis|disons)\b.*\b(?:mais|c'est)\b", re.I)


def heading_or_caption(text: str, kind: str) -> str | None:
    """Headings and captions are ``other``, even in the imperative."""
    return "other" if kind in ("heading", "caption") else None


def hasty_conclusion(text: str, kind: str) -> str | None:
    """ "il est précipité de croire que", "hâtif d'en conclure": a rebuttal by definition."""
    return "rebuttal" if _HASTY_CONCLUSION.search(text) else None


def attribution_idiom(text: str, kind: str) -> str | None:
    """ "Ce n'est pas nous qui le disons, mais X": attributes to X; its negation disputes nothing."""
    return "finding" if _ATTRIBUTION_IDIOM.search(text) else None


RULES: tuple[Callable[[str, str], str | None], ...] = (heading_or_caption, hasty_conclusion, attribution_idiom)


def apply_rules(text: str, kind: str) -> tuple[str, str] | None:
    """(label, rule name) of the first rule that fires, or ``None``."""
    for rule in RULES:
        label = rule(text, kind)
        if label:
            return label, rule.__name__
    return None
