"""Claim units: a sentence split where its argument turns, at clause level.

"S'il est indéniable que A, il est précipité de croire que B" is a concession (A) and a
main claim (B). A sentence opened by a concessive or conditional subordinator and
carrying a comma after it splits there; every other sentence is one ``main`` unit.
``doc.spans["argmine_claims"]``, label = role (``concession``, ``condition``,
``reason``, ``main``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

SPAN_KEY = "argmine_claims"
_OPENING_ROLES = (
    (
        re.compile(
            r"^(?:s'il est (?:vrai|indéniable|incontestable|évident|exact) que|même si|bien que|quoique|"
            r"certes|s'il est vrai|malgré|en dépit de|alors même que|si\s+\w+\s+(?:peut|peuvent))\b",
            re.I,
        ),
        "concession",
    ),
    (re.compile(r"^(?:si|s'il|s'ils|à condition que|pour peu que|dans le cas où|au cas où)\b", re.I), "condition"),
    (re.compile(r"^(?:parce que|puisque|comme|étant donné que|vu que|dès lors que)\b", re.I), "reason"),
)


@Language.component("argmine_claims", assigns=["doc.spans"], requires=["doc.sents"])
def find_claim_units(doc: Doc) -> Doc:
    units = []
    for sentence in doc.sents:
        units.extend(split_sentence(sentence))
    doc.spans[SPAN_KEY] = units
    return doc


def split_sentence(sentence: Span) -> list[Span]:
    doc = sentence.doc
    tokens = [t for t in sentence if not t.is_space]
    if not tokens:
        return []
    first, last = tokens[0].i, tokens[-1].i + 1
    text = doc[first:last].text.replace("’", "'")
    for pattern, role in _OPENING_ROLES:
        if pattern.match(text):
            comma = _clause_comma(doc, first, last)
            if comma is not None:
                return [Span(doc, first, comma, label=role), Span(doc, comma + 1, last, label="main")]
    return [Span(doc, first, last, label="main")]


def _clause_comma(doc: Doc, first: int, last: int) -> int | None:
    """The comma after which the main clause starts: the one before the sentence's root."""
    root = next((t for t in doc[first:last] if t.dep_ == "ROOT"), None)
    commas = [t.i for t in doc[first:last] if t.text == "," and first + 2 < t.i < last - 2]
    if not commas:
        return None
    if root is not None:
        before_root = [i for i in commas if i < root.i]
        if before_root:
            return before_root[-1]
    return commas[0]
