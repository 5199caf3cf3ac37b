"""A person introduced by name and role ("Claire Martel, diététicienne au CHU de
Bordeaux", "le Dr Arsène Mabiala"): articles introduce so the people they go on to
quote ("Selon elle, ..."), even when the introduction itself reports nothing."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from argmine.nlp.lexicons import person_nouns
from argmine.nlp.sources.document import doc_tokens
from argmine.nlp.sources.kinds import OF_WORDS
from argmine.nlp.sources.spans import mention_from_tokens

_PLACE_PREPOSITIONS = OF_WORDS | {"chez", "dans", "en", "sur"}
_TITLES = {"Dr", "Pr", "Me", "Mme", "M.", "docteur", "docteure", "professeur", "professeure"}


def introduced_person_mentions(doc: Doc):
    for token in doc_tokens(doc):
        if token.pos_ != "PROPN" or token.dep_ == "flat:name" or not token.text[:1].isupper():
            continue
        name = _name(token)
        titled = name.start > 0 and doc[name.start - 1].text in _TITLES
        if not _in_a_clause(name):
            continue
        if titled or _has_a_role_after(name) and not _after_a_preposition(name):
            first = doc[name.start - 1] if titled else name[0]
            mention = mention_from_tokens(doc, first, name[-1], "présentation")
            if mention:
                mention.type = "person" if mention.type == "other" else mention.type
                yield mention


def _name(token: Token) -> Span:
    end = token.i + 1
    while end < len(token.doc) and token.doc[end].dep_ == "flat:name" and token.doc[end].head == token:
        end += 1
    return token.doc[token.i : end]


def _has_a_role_after(name: Span) -> bool:
    """ "Claudia Rüegg, ingénieure chez...": a comma, then a person noun with no
    determiner; with one ("Ngombé, le chef de village"), the name is a place, and before
    a title ("Jeudi, Mme Berthier"), a day."""
    doc = name.doc
    if name.end + 1 >= len(doc) or doc[name.end].text != ",":
        return False
    role = doc[name.end + 1]
    return (
        role.pos_ != "PRON"
        and role.text not in _TITLES
        and (role.lower_ in person_nouns() or role.lemma_.lower() in person_nouns())
    )


def _after_a_preposition(name: Span) -> bool:
    """ "formatrice chez Clair Budget", "du district de Fleurimont": a place or an
    employer, not the person introduced ("à Claire Martel, diététicienne" is one)."""
    return name.start > 0 and name.doc[name.start - 1].lower_ in _PLACE_PREPOSITIONS


def _in_a_clause(name: Span) -> bool:
    """Not a signature line ("Pour le comité, Marc Gillard, président."): the sentence
    has a verb."""
    return any(token.pos_ in ("VERB", "AUX") for token in name.sent)
