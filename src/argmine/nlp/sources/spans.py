"""A mention's span: the noun phrase of a head token, trimmed, grown over names the
tokenizer or the tagger cut (hyphens, gazetteer entries), and never a dateline."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from argmine.nlp.lexicons import fold, gazetteer_edge_words, source_verb_forms
from argmine.nlp.sources.kinds import OF_WORDS, is_anaphoric, mention_type
from argmine.nlp.sources.mention import Mention
from argmine.nlp.sources.names import gazetteer_entry, is_misread_opener, proper_names

_NP_DEPS = {"det", "amod", "nmod", "flat:name", "flat:foreign", "flat", "fixed", "compound", "nummod", "appos"}
_NP_INNER_DEPS = _NP_DEPS | {"case"}
_NEVER_SOURCES = {"moi", "toi", "pis", "ps", "bonjour", "salut", "merci"}
"""Words the tagger takes for names at a sentence start ("Moi je pense", "pis j'ai
passé", "PS : j'écris"): the author speaking, a connective of Quebec speech, a greeting."""
MAX_MENTION_TOKENS = 14
"""Longer noun phrases are clauses the parser attached wrongly (seen on long incises)."""


def mention_from_tokens(doc: Doc, first: Token, last: Token, cue: str) -> Mention | None:
    span = doc[first.i : last.i + 1]
    while len(span) and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    while len(span) and (span[0].is_punct or span[0].is_space):
        span = span[1:]
    if (
        not len(span)
        or len(span) > MAX_MENTION_TOKENS
        or span[0].text.startswith("-")
        or span[0].lower_ in _NEVER_SOURCES
        or len(span) == 1
        and span[0].is_sent_start
        and is_misread_opener(span[0])
    ):
        return None
    span = _with_gazetteer_name(_with_hyphenated_names(span))
    if _is_dateline(span):
        return None
    mention = Mention(span.start_char, span.end_char, mention_type(span), cue)
    mention.keys, mention.names = proper_names(span)
    mention.anaphoric = is_anaphoric(span, mention)
    return mention


def _with_gazetteer_name(span: Span) -> Span:
    """Grow a span over a known name that crosses its edge ("Choisir" in "L'UFC-Que
    Choisir", "Les données de Statistique" before "Canada"): the tagger splits a name
    when it misreads one of its words."""
    doc = span.doc
    first_words, last_words = gazetteer_edge_words()
    limit_start = max(span.start - 3, 0)
    limit_end = min(span.end + 3, len(doc))
    windows = [
        (first, last)
        for last in range(limit_end, span.end, -1)
        if _edge_word(doc[last - 1], -1) in last_words
        for first in range(max(last - 5, span.start), span.end)
    ] + [
        (first, last)
        for first in range(limit_start, span.start)
        if _edge_word(doc[first], 0) in first_words
        for last in range(min(first + 5, span.end), span.start, -1)
    ]
    for first, last in windows:
        if doc[first].lower_ not in OF_WORDS and gazetteer_entry(doc[first:last].text):
            return doc[min(first, span.start) : max(last, span.end)]
    return span


def _edge_word(token: Token, position: int) -> str:
    words = fold(token.text).split()
    return words[position] if words else ""


def _is_dateline(span: Span) -> bool:
    """ "Lyon, le 3 mai 2025 — ...": the place that opens a press release is no source."""
    doc = span.doc
    after = doc[span.end : span.end + 3]
    return (
        (span.start == 0 or "\n" in doc[span.start - 1].text_with_ws)
        and len(after) == 3
        and after[0].text == ","
        and after[1].lower_ in ("le", "du")
        and after[2].like_num
    )


def _with_hyphenated_names(span: Span) -> Span:
    """Grow a span over names the tokenizer cut at hyphens ("Test-Achats", "UFC-Que Choisir")."""
    doc, start, end = span.doc, span.start, span.end
    while (
        start > 0 and not doc[start - 1].whitespace_ and (doc[start].text[0] == "-" or doc[start - 1].text[-1] == "-")
    ):
        start -= 1
    while end < len(doc) and not doc[end - 1].whitespace_ and (doc[end].text[0] == "-" or doc[end - 1].text[-1] == "-"):
        end += 1
    if doc[end - 1].text.endswith("-") and end < len(doc) and doc[end].text[:1].isupper():
        end += 1
    return doc[start:end]


def phrase_mention(doc: Doc, head: Token, cue: str, *, not_before: int = 0) -> Mention | None:
    """The mention made of ``head``'s noun phrase, starting no earlier than ``not_before``
    (so "selon" never ends up inside the mention it introduces)."""
    first, last = _noun_phrase(doc, head)
    return mention_from_tokens(doc, doc[max(first.i, not_before)], last, cue)


def _noun_phrase(doc: Doc, head: Token) -> tuple[Token, Token]:
    """First and last token of ``head``'s noun phrase, without clauses, coordination or
    verbs (the tagger takes "relève" in "La même enquête relève que" for an adjective)."""
    keep = {head.i}
    stack = [(child, True) for child in head.children]
    verbs = source_verb_forms()
    while stack:
        token, top = stack.pop()
        allowed = _NP_DEPS if top else _NP_INNER_DEPS
        if token.dep_ in allowed and token.pos_ not in ("VERB", "AUX", "PRON") and token.lower_ not in verbs:
            keep.add(token.i)
            stack.extend((child, False) for child in token.children)
    first = last = head.i
    while first - 1 in keep:
        first -= 1
    while last + 1 in keep:
        last += 1
    return doc[first], doc[last]


def next_nominal(doc: Doc, index: int) -> Token | None:
    for token in doc[index : index + 4]:
        if token.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X") and not token.is_punct:
            head = token
            while (
                head.dep_ in ("flat:name", "flat", "fixed", "compound")
                and head.head.i < token.i + 4
                and head.head != head
            ):
                head = head.head
            return head if head.i >= index else token
        if token.is_punct or token.is_space:
            return None
    return None
