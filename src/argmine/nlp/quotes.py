"""Quotes in « », “ ” and balanced straight quotes, with the source that speaks them.

``doc.spans["argmine_quotes"]``: one span per quote, guillemets included;
``Span._.argmine_source`` is the id of the source cited in the same sentence, if any.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from argmine.nlp.sentences import find_quote_token_ranges
from argmine.nlp.sources import SPAN_KEY as SOURCES_KEY
from argmine.nlp.sources import register_extensions

SPAN_KEY = "argmine_quotes"
MIN_QUOTE_TOKENS = 3
"""Shorter quoted runs are scare quotes around a word (« followers »), not speech."""


@Language.component("argmine_quotes", assigns=["doc.spans"], requires=["doc.sents"])
def find_quotes(doc: Doc) -> Doc:
    register_extensions()
    mentions = list(doc.spans[SOURCES_KEY]) if SOURCES_KEY in doc.spans else []
    quotes = []
    for sentence in doc.sents:
        for start, end in find_quote_token_ranges(doc, sentence.start, sentence.end):
            if end - start - 1 < MIN_QUOTE_TOKENS:
                continue
            quote = Span(doc, start, end + 1, label="quote")
            speaker = _speaker(sentence, quote, mentions)
            quote._.argmine_source = speaker
            quotes.append(quote)
    doc.spans[SPAN_KEY] = quotes
    return doc


def _speaker(sentence: Span, quote: Span, mentions: list[Span]) -> str | None:
    outside = [
        m
        for m in mentions
        if sentence.start <= m.start and m.end <= sentence.end and not (quote.start <= m.start and m.end <= quote.end)
    ]
    return outside[0]._.argmine_source if outside else None
