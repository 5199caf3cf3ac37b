"""A study noun that cites ("l'étude du site web Workopolis", "la même enquête")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from argmine.nlp.lexicons import study_nouns
from argmine.nlp.sources.document import doc_text, doc_tokens
from argmine.nlp.sources.kinds import OF_WORDS
from argmine.nlp.sources.mention import Mention
from argmine.nlp.sources.spans import phrase_mention

_NEGATIVE_DETERMINERS = {"aucun", "aucune", "nul", "nulle"}
_FIRST_PERSON_POSSESSIVES = {"notre", "nos", "mon", "ma", "mes"}
_FINDINGS_NOUNS = {
    "recommandations",
    "conclusions",
    "résultats",
    "chiffres",
    "données",
    "estimations",
    "projections",
    "statistiques",
    "travaux",
    "calculs",
    "relevés",
}
_READER_S_AND_OWN = _FIRST_PERSON_POSSESSIVES | {"vos", "votre", "tes", "ton", "ta"}
_OWN_DATA_NOUNS = {"données", "tests", "test", "questionnaire", "analyse"}
"""Nouns of research that, with "notre" or "mon", name the author's own study ("dans nos
tests", "notre propre questionnaire"), though they name none alone."""


def study_mentions(doc: Doc):
    nouns = study_nouns()
    for token in doc_tokens(doc):
        if not _is_a_noun(token) or token.lemma_.lower() not in nouns and token.lower_ not in nouns:
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


def _is_a_noun(token: Token) -> bool:
    """A noun, or a study noun the tagger took for a verb after its determiner ("Dans ce
    même baromètre")."""
    if token.pos_ == "NOUN":
        return True
    before = token.doc[token.i - 1] if token.i else None
    return token.pos_ == "VERB" and before is not None and (before.pos_ == "DET" or before.lower_ == "même")


def producer_mentions(doc: Doc):
    """ "Les résultats de PISA 2022 sont sans appel", "les chiffres de France Stratégie":
    the findings of a named body cite it, whatever the verb."""
    for token in doc_tokens(doc):
        if token.lower_ not in _FINDINGS_NOUNS or token.i + 2 >= len(doc):
            continue
        of, name = doc[token.i + 1], doc[token.i + 2]
        if name.lower_ in ("la", "l'", "l’") and token.i + 3 < len(doc):
            name = doc[token.i + 3]
        if of.lower_ not in OF_WORDS or not name.text[:1].isupper():
            continue
        if any(child.lower_ in _READER_S_AND_OWN for child in token.children):
            continue  # "vos propres données de la Search Console"
        mention = phrase_mention(doc, token, "mention")
        if mention and mention.keys:
            yield mention


def own_research_mentions(doc: Doc):
    """ "Dans nos données", "notre enquête", "mon petit sondage": the author's or their
    organisation's own research backs what follows, as any cited study does."""
    nouns = study_nouns() | _OWN_DATA_NOUNS
    for token in doc_tokens(doc):
        possessive = _first_person_possessive(token) if token.pos_ == "NOUN" and token.lower_ in nouns else None
        if possessive is None:
            continue
        mention = phrase_mention(doc, token, "mention", not_before=possessive.i)
        if mention:
            mention.type = "study"
            yield mention


def _first_person_possessive(noun: Token) -> Token | None:
    """ "nos propres tests", "mon petit sondage": the possessive, then adjectives only."""
    index = noun.i - 1
    while index >= 0 and noun.i - index <= 3 and noun.doc[index].pos_ == "ADJ":
        index -= 1
    if index >= 0 and noun.doc[index].lower_ in _FIRST_PERSON_POSSESSIVES:
        return noun.doc[index]
    return None


def _cites_a_study(head: Token, mention: Mention) -> bool:
    """A study noun that cites: named, repeated ("la même étude"), the subject of a verb,
    or described ("publiée mardi", "menée auprès de"); not "l'étude complète" in a heading."""
    if mention.keys or mention.anaphoric and "même" in doc_text(head.doc)[mention.start : mention.end].lower():
        return True
    if _opens_its_sentence_after_dans(head, mention):
        return True
    if head.dep_ in ("nsubj", "nsubj:pass"):
        generic = any(child.dep_ == "cop" for child in head.head.children) or any(
            child.dep_ == "det" and child.lower_ == "les" for child in head.children
        )
        return not generic  # not "Un sondage est une photographie", "Les études disponibles"
    return any(child.dep_ in ("acl", "nmod") and child.pos_ in ("VERB", "PROPN") for child in head.children)


def _opens_its_sentence_after_dans(head: Token, mention: Mention) -> bool:
    """ "Dans l'étude nantaise, la teneur en gluten ne baisse que de 3 %": the sentence
    reports what the study found."""
    doc = head.doc
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0 or span.end >= len(doc):
        return False
    dans = doc[span.start - 1]
    own = span[0].lower_ in ("son", "sa", "ses", "leur", "leurs")  # "Dans son rapport, l'Observatoire estime"
    return dans.lower_ == "dans" and dans.is_sent_start and doc[span.end].text == "," and not own
