"""A study noun that cites ("l'étude du site web Workopolis", "la même enquête")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from argmine.nlp.lexicons import study_nouns
from argmine.nlp.sources.document import doc_text, doc_tokens
from argmine.nlp.sources.mention import Mention
from argmine.nlp.sources.spans import phrase_mention

_NEGATIVE_DETERMINERS = {"aucun", "aucune", "nul", "nulle"}


def study_mentions(doc: Doc):
    nouns = study_nouns()
    for token in doc_tokens(doc):
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns and token.lower_ not in nouns:
            continue
        if token.i and doc[token.i - 1].lower_ == "par":
            continue
        determiners = [child.lower_ for child in token.children if child.dep_ == "det"]
        if not determiners or determiners[0] in _NEGATIVE_DETERMINERS:
            continue
        mention = phrase_mention(doc, token, "mention")
        if mention and _cites_a_study(token, mention):
            mention.type = "study"
            yield mention


def _cites_a_study(head: Token, mention: Mention) -> bool:
    """A study noun that cites: named, repeated ("la même étude"), the subject of a verb,
    or described ("publiée mardi", "menée auprès de"); not "l'étude complète" in a heading."""
    if mention.keys or mention.anaphoric and "même" in doc_text(head.doc)[mention.start : mention.end].lower():
        return True
    if head.dep_ in ("nsubj", "nsubj:pass"):
        generic = any(child.dep_ == "cop" for child in head.head.children) or any(
            child.dep_ == "det" and child.lower_ == "les" for child in head.children
        )
        return not generic  # not "Un sondage est une photographie", "Les études disponibles"
    return any(child.dep_ in ("acl", "nmod") and child.pos_ in ("VERB", "PROPN") for child in head.children)
