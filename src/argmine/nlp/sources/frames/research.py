"""A source as the subject of a research action with no reporting verb: "Des chercheurs
de l'université X ont croisé les données", "L'institut a lancé une enquête", "Le
Conseil s'est penché sur la question", and a reading of something ("Le ministre y voit
la preuve que")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from argmine.nlp.lexicons import source_nouns, study_nouns
from argmine.nlp.sources.document import doc_tokens
from argmine.nlp.sources.frames.reporting import attributes_nothing
from argmine.nlp.sources.kinds import PRONOUNS, is_source_like
from argmine.nlp.sources.spans import phrase_mention

_STUDY_MAKING_FORM = re.compile(
    r"(?:lan[cç]|m[eè]n|crois|réalis|command|dépouill)(?:e|es|ent|ait|aient|é|ée|és|ées|era|eront|ant)"
    r"|condui(?:t|sent|sait|saient|te|ts|tes|ra|ront)"
)
"""Forms of verbs that make a study when their object is one ("a lancé une enquête") or
data ("ont croisé les données"); the pipeline has no lemmatiser."""
_SEEING_FORMS = {"voit", "voient", "voyait", "voyaient", "vu", "verra"}


def research_action_mentions(doc: Doc):
    for verb in doc_tokens(doc):
        if verb.pos_ != "VERB" or not (_makes_a_study(verb) or _looks_into(verb) or _reads_into(verb)):
            continue
        if attributes_nothing(verb):
            continue
        for subject in verb.children:
            if subject.dep_ != "nsubj" or subject.pos_ == "PRON" and subject.lower_ not in PRONOUNS:
                continue
            mention = phrase_mention(doc, subject, _cue(verb))
            if mention and is_source_like(doc, mention):
                yield mention


def _makes_a_study(verb: Token) -> bool:
    return _STUDY_MAKING_FORM.fullmatch(verb.lower_) is not None and any(
        child.dep_ == "obj" and _is_research_noun(child) for child in verb.children
    )


def _is_research_noun(token: Token) -> bool:
    word = token.lower_
    return word in study_nouns() or source_nouns().get(word) == "study"


def _looks_into(verb: Token) -> bool:
    """ "s'est penché sur", "se penchent sur": a source that examined a question."""
    return verb.lower_.startswith("pench") and any(child.lower_ in ("se", "s'") for child in verb.children)


def _reads_into(verb: Token) -> bool:
    """ "y voit la preuve que", "y a vu un signal": a reading of facts, which cites its reader."""
    return verb.lower_ in _SEEING_FORMS and any(token.lower_ == "y" for token in verb.doc[max(verb.i - 3, 0) : verb.i])


def _cue(verb: Token) -> str:
    return f"y {verb.text}" if _reads_into(verb) else verb.text
