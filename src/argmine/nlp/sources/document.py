"""The doc as the finders read it, built once per call of the component: its text, its
tokens, the tokens of sentences that carry a figure, and the character ranges of its
headings (short one-line paragraphs), where mentions are dropped."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from argmine.nlp.sources.mention import Mention

_TEXT_KEY = "argmine_text"
_TOKENS_KEY = "argmine_tokens"
_FIGURES_KEY = "argmine_figure_tokens"
_HEADINGS_KEY = "argmine_heading_ranges"
CACHE_KEYS = (_TEXT_KEY, _TOKENS_KEY, _FIGURES_KEY, _HEADINGS_KEY)
"""Where the views below live in ``Doc.user_data``; the component drops them after each call."""
_PARAGRAPH = re.compile(r"(?:^|\n\n)([^\n]+)(?=\n\n|$)")
_CLOSING_PUNCTUATION = (".", "!", "?", "…", "»", '"', "”", ";", ":", ")")
MAX_HEADING_WORDS = 10
CREDIT_PATTERN = re.compile(
    r"^\s*(?:[-–•]\s*)?(?:(source|sources|crédits?|credits?|photo|image|illustration)\s*:\s*|(?-i:(Sources?)) (?=[A-ZÀ-Ý]))",
    re.I,
)
"""A credit line: "Source : Insee", "Crédit : ...", and "- Source Météo France" with a capital."""


def doc_text(doc: Doc) -> str:
    """The doc's text, built once: ``Doc.text`` joins every token on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = "".join(token.text_with_ws for token in doc_tokens(doc))
    return text


def doc_tokens(doc: Doc) -> list[Token]:
    """The doc's tokens, made once: every ``for token in doc`` builds new Token objects,
    and the finders' passes over the doc cost more than the rest of the component."""
    tokens = doc.user_data.get(_TOKENS_KEY)
    if tokens is None:
        tokens = doc.user_data[_TOKENS_KEY] = list(doc)
    return tokens


def tokens_in_sentences_with_figures(doc: Doc) -> set[int]:
    found = doc.user_data.get(_FIGURES_KEY)
    if found is None:
        found = set()
        for sentence in doc.sents:
            if any(token.like_num or "%" in token.text for token in sentence):
                found.update(range(sentence.start, sentence.end))
        doc.user_data[_FIGURES_KEY] = found
    return found


def in_a_heading(doc: Doc, mention: Mention) -> bool:
    """A heading ("Ce que disent les chercheurs") announces what follows and cites no
    one; credit lines and links, which look like headings, still do."""
    if mention.type == "url" or mention.cue.endswith(":"):
        return False
    return any(start <= mention.start < end for start, end in _heading_ranges(doc))


def _heading_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of short one-line paragraphs with no closing punctuation."""
    ranges = doc.user_data.get(_HEADINGS_KEY)
    if ranges is None:
        ranges = doc.user_data[_HEADINGS_KEY] = [
            match.span(1)
            for match in _PARAGRAPH.finditer(doc_text(doc))
            if len(match.group(1).split()) <= MAX_HEADING_WORDS
            and not match.group(1).rstrip().endswith(_CLOSING_PUNCTUATION)
            and not CREDIT_PATTERN.match(match.group(1))
            and match.group(1)[:1].isalpha()
        ]
    return ranges
