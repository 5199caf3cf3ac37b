"""Sentence boundaries that respect the page: paragraphs, line breaks and quotes.

Runs before the parser, which keeps the boundaries set here: a line break always starts
a sentence, and no sentence starts inside « ... », “ ... ” or a balanced pair of
straight quotes. Quotes are matched per paragraph, so a stray « closes at the end of
its paragraph instead of swallowing the rest of the document.
"""

from __future__ import annotations

import unicodedata

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_OPENERS = {"«": "»", "“": "”", "\u201e": "”"}
_TERMINALS = set(".!?…")
_CLOSERS = {"»", "”", '"', ")", "]"}


@Language.component("argmine_sentences", assigns=["token.is_sent_start"])
def set_sentence_boundaries(doc: Doc) -> Doc:
    """Boundaries written in one ``Doc.from_array``: spaCy's ``Token.is_sent_start`` setter
    scans the whole doc on each call, which made this component quadratic (minutes for a
    100,000-word text)."""
    if not len(doc):
        return doc
    starts = doc.to_array(SENT_START).astype("int64")
    starts[starts > 1] = -1  # to_array gives the -1 of "not a start" as an unsigned integer
    for start, end in _paragraph_token_ranges(doc):
        if start < len(doc) and start > 0:
            starts[start] = 1
        for index in range(start + 1, end):
            if not _may_end_sentence(doc, index - 1):
                starts[index] = -1
        for quote_start, quote_end in find_quote_token_ranges(doc, start, end):
            for index in range(quote_start + 1, quote_end + 1):
                token = doc[index]
                if not token.is_space or "\n" not in token.text:
                    starts[index] = -1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc


def _may_end_sentence(doc: Doc, index: int) -> bool:
    """Whether a sentence may end at token ``index``: after . ! ? …, a closing quote or
    bracket that follows one, or an emoji. The parser alone splits after "Bref" or
    "Par ailleurs" in long documents."""
    while index >= 0 and doc[index].is_space:
        index -= 1
    if index < 0:
        return False
    text = doc[index].text
    if text[-1] in _TERMINALS:
        return True
    if text in _CLOSERS and index > 0:
        return doc[index - 1].text[-1] in _TERMINALS
    return unicodedata.category(text[-1]) == "So"


def _paragraph_token_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges between line breaks (a paragraph, or a line of a caption)."""
    ranges, start = [], 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            if token.i > start:
                ranges.append((start, token.i))
            start = token.i + 1
        elif "\n" in token.whitespace_:
            ranges.append((start, token.i + 1))
            start = token.i + 1
    if start < len(doc):
        ranges.append((start, len(doc)))
    return ranges


def find_quote_token_ranges(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """(opening, closing) token indices of the quotes in doc[start:end].

    Guillemets and curly quotes nest; an unclosed one runs to the end of the range.
    Straight double quotes pair up only when the range holds an even number of them.
    """
    found: list[tuple[int, int]] = []
    stack: list[tuple[int, str]] = []
    straight = [t.i for t in doc[start:end] if t.text == '"']
    straight_open: int | None = None
    use_straight = len(straight) % 2 == 0
    for token in doc[start:end]:
        text = token.text
        if text in _OPENERS:
            stack.append((token.i, _OPENERS[text]))
        elif stack and text == stack[-1][1]:
            opening, _ = stack.pop()
            if not stack:
                found.append((opening, token.i))
        elif text == '"' and use_straight:
            if straight_open is None:
                straight_open = token.i
            else:
                if not stack:
                    found.append((straight_open, token.i))
                straight_open = None
    if stack:
        found.append((stack[0][0], end - 1))
    return sorted(found)
