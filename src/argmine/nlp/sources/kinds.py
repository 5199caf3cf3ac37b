"""What kind of mention a span is: its type (from the head noun and the gazetteer before
NER labels), and whether it is vague, a pronoun, anaphoric or able to name a source."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from argmine.nlp.lexicons import fold, gazetteer, person_nouns, source_nouns, study_nouns, vague_sources
from argmine.nlp.sources.document import doc_text
from argmine.nlp.sources.mention import Mention
from argmine.nlp.sources.names import gazetteer_entry

URL_PATTERN = re.compile(r"(?:https?://|www\.)[^\s«»\"<>()]*[^\s«»\"<>().,;:!?']", re.I)
PRONOUNS = {"il", "elle", "ils", "elles", "lui", "eux", "celle-ci", "celui-ci", "ceux-ci", "celles-ci"}
INCISE = re.compile(
    r"\b([a-zàâçéèêëîïôûù]+)-(?:t-)?(?:il|elle|ils|elles)\b(?:\s+(?:expliqué|précisé|ajouté|"
    r"affirmé|dit|confié|raconté|souligné|assuré|rappelé|indiqué))?",
    re.I,
)
_COUNTED_SHARE = re.compile(
    r"(?:(?:à )?peine )?(?:\d[\d\s,.]*\s?(?:%|pour\s?cent)|(?:la|une) (?:moitié|majorité|minorité)|"
    r"(?:un|deux|trois) (?:quarts?|tiers)|(?:un|une) sur \w+)\s+(?:des|de ces|de nos|d'entre)\b",
    re.I,
)
_ANAPHORIC_DETERMINERS = {"ce", "cet", "cette", "ces", "le", "la", "les", "l'"}
_NOMINAL_POS = ("NOUN", "PROPN", "PRON", "NUM", "X")
_VAGUE_QUANTIFIERS = {"plusieurs", "certains", "certaines", "quelques", "nombre", "beaucoup", "maints"}
_PRODUCED_DATA_NOUNS = {"données", "relevés", "projections", "mesures", "chiffres", "estimations", "statistiques"}
_TITLE_WORDS = {
    "courrier",
    "écho",
    "echo",
    "dépêche",
    "tribune",
    "voix",
    "soleil",
    "liberté",
    "monde",
    "presse",
    "nouvelliste",
    "progrès",
    "républicain",
    "matin",
    "temps",
    "parisien",
    "gazette",
    "journal",
    "quotidien",
}
_RESEARCHERS = {"chercheurs", "chercheuses"}
_DEFINITE_DETERMINERS = {"les", "ses", "leurs", "ces"}
OF_WORDS = frozenset({"de", "du", "des", "d'", "d’"})
"""The forms of "de" that open a complement ("les chiffres de l'Insee", "du ministère")."""


def mention_type(span: Span) -> str:
    text = span.text
    if URL_PATTERN.fullmatch(text.strip()):
        return "url"
    head = head_noun(span)
    producer = named_producer(span, head)
    if producer is not None:
        return mention_type(producer)
    researchers = researchers_type(span, head)
    if researchers:
        return researchers
    head_words = {head.lower_, head.lemma_.lower()}
    if head_words & study_nouns():
        return "study"
    entry = gazetteer_entry(text)
    if entry:
        return entry[1]
    if is_newspaper_title(span):
        return "media"
    for token in span:
        entry = gazetteer().get(fold(token.text)) if token.pos_ == "PROPN" else None
        if entry and token.i == head.i:
            return entry[1]
    if is_vague(text):
        return "other"
    if has_person_apposition(span):
        return "person"
    if head_words & person_nouns() or span[0].lower_ in person_nouns() or any(t.ent_type_ == "PER" for t in span):
        return "person"
    if any(t.lower_ in person_nouns() for t in span) and any(t.pos_ == "PROPN" for t in span):
        return "person"
    kind = source_nouns().get(head.lower_) or source_nouns().get(head.lemma_.lower())
    if kind:
        return kind
    if any(t.is_alpha and t.is_upper and 2 <= len(t) <= 8 for t in span):
        return "organization"  # an acronym: "l'IRBD", "la BCEAO"
    if head.text[:1].isupper() and head.i > span.start:
        return "organization"  # a name led by an article: "la Protection judiciaire de la jeunesse"
    if any(t.ent_type_ == "ORG" for t in span):
        return "organization"
    if head.pos_ == "PROPN":
        return "person" if head.ent_type_ == "PER" else "organization"
    if any(t.pos_ == "PROPN" for t in span):
        return "organization"
    return "other"


def named_producer(span: Span, head: Token) -> Span | None:
    """The named body whose figures a data noun cites: "les données de Statistique
    Canada", "les relevés de Météo-France" are typed as the body that produced them."""
    if head.lower_ not in _PRODUCED_DATA_NOUNS:
        return None
    of = next((token for token in span if token.i > head.i and _opens_a_named_complement(token)), None)
    if of is None or of.i + 1 >= span.end:
        return None
    rest = span.doc[of.i + 1 : span.end]
    return rest if any(token.text[:1].isupper() for token in rest) else None


def _opens_a_named_complement(token: Token) -> bool:
    """ "du ministère", "de l'Insee", "de Météo-France", not "de comptage"."""
    if token.lower_ not in OF_WORDS or token.i + 1 >= len(token.doc):
        return False
    after = token.doc[token.i + 1]
    return token.lower_ in ("du", "des") or after.pos_ == "DET" or after.text[:1].isupper()


def is_newspaper_title(span: Span) -> bool:
    """A newspaper's title: an article and a capitalised word that titles papers ("Le
    Courrier de l'Ouest", "La Dépêche", "L'Écho du Nord"); lower case, "le courrier du
    ministère" is a letter."""
    if len(span) < 2 or span[0].lower_ not in ("le", "la", "l'", "l’"):
        return False
    word = span[1]
    return word.text[:1].isupper() and word.lower_ in _TITLE_WORDS


def researchers_type(span: Span, head: Token) -> str | None:
    """ "Les chercheurs" opening a sentence narrate what the authors of the study at hand
    did; "les chercheurs de l'Inserm" speak for their institution. Elsewhere ("selon les
    chercheurs") the phrase is as often a vague attribution, left to the other rules."""
    if head.lower_ not in _RESEARCHERS or span[0].lower_ not in _DEFINITE_DETERMINERS:
        return None
    after = span.doc[head.i + 1 : span.end]
    if len(after) > 1 and after[0].lower_ in OF_WORDS:
        return "organization"
    return "study" if len(span) == 2 and span[0].is_sent_start else None


def has_person_apposition(span: Span) -> bool:
    """A bare name followed by a comma and a person noun or an age: "Lina Moreau,
    nutritionniste", "Paul, mon voisin", "Inès, 15 ans" name a person whatever NER made
    of the name."""
    if span[0].pos_ == "DET" or not all(token.text[:1].isupper() for token in span if token.is_alpha):
        return False
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return False
    after = doc[span.end + 1]
    if after.like_num and doc[span.end + 2].lower_ == "ans":
        return True
    if after.pos_ == "DET":
        after = doc[span.end + 2]
    return after.lower_ in person_nouns() or after.lemma_.lower() in person_nouns()


def head_noun(span: Span) -> Token:
    """The span's head, or its first noun when the parser hung the span on a determiner
    or an adjective ("Le même institut note que", where "institut" is tagged an adjective)."""
    root = span.root
    if root.pos_ in _NOMINAL_POS:
        return root
    typed = next((token for token in span if is_typed_noun(token)), None)
    return typed or next((token for token in span if token.pos_ in _NOMINAL_POS), root)


def is_typed_noun(token: Token) -> bool:
    return token.lower_ in study_nouns() or token.lower_ in source_nouns() or token.lower_ in person_nouns()


def is_source_like(doc: Doc, mention: Mention) -> bool:
    """A cited noun phrase that can name where information comes from: a name, a typed
    head noun, a vague attribution or a pronoun ("selon les cultures" names nothing)."""
    text = doc_text(doc)[mention.start : mention.end]
    if is_counted_share(text):
        return False
    return bool(mention.keys) or mention.type != "other" or mention.anaphoric or is_vague(text) or _names_people(text)


def _names_people(text: str) -> bool:
    """ "d'après les notaires", "Les agents immobiliers le constatent": people of a trade,
    in the plural (typed "other", as the corpus types groups)."""
    words = fold(text).split()
    return len(words) >= 2 and words[0] in ("des", "les") and words[1] in _plural_person_nouns()


@lru_cache(maxsize=1)
def _plural_person_nouns() -> frozenset[str]:
    return frozenset(_plural(fold(noun)) for noun in person_nouns())


def is_counted_share(text: str) -> bool:
    """ "71 % des Français", "la moitié des répondants", "un tiers d'entre eux": a share of
    the people a survey asked is what it found, not who reports it."""
    return _COUNTED_SHARE.match(text) is not None


def is_vague(text: str) -> bool:
    """A vague attribution: a listed phrase ("des experts"), or people counted vaguely
    ("Plusieurs magistrats", "Certains chefs de quartier", "Des économistes de l'énergie")."""
    folded = fold(text)
    if any(folded == v or folded.startswith(v + " ") for v in _folded_vague_sources()):
        return True
    words = folded.split()
    if len(words) >= 2 and words[0] in _VAGUE_QUANTIFIERS:
        return True
    return len(words) >= 2 and words[0] in ("des", "les") and words[1] in _folded_person_nouns()


@lru_cache(maxsize=1)
def _folded_vague_sources() -> tuple[str, ...]:
    return tuple(fold(phrase) for phrase in vague_sources())


@lru_cache(maxsize=1)
def _folded_person_nouns() -> frozenset[str]:
    return frozenset(fold(noun) for noun in person_nouns()) | {
        "gens",
        "habitants",
        "parents",
        "critiques",
        "chercheurs",
        "economistes",
        "observateurs",
        "partisans",
        "opposants",
        "defenseurs",
        "detracteurs",
        "representants",
        "promoteurs",
        "industriels",
        "fabricants",
        "constructeurs",
        "editeurs",
        "vendeurs",
        "commentateurs",
        "editorialistes",
        "elus",
        "conseillers",
        "professionnels",
        "plateformes",
        "operateurs",
        "assureurs",
        "specialistes",
        "analystes",
        "scientifiques",
    }


def is_anaphoric(span: Span, mention: Mention) -> bool:
    if mention.keys:
        return False
    if span[0].lower_ in PRONOUNS and len(span) == 1:
        return True
    words = {t.lower_ for t in span}
    if "même" in words or "mêmes" in words:
        return mention.type != "other" or bool(words & {"source", "sources"})  # not "du même souffle"
    first = span[0].lower_
    return first in _ANAPHORIC_DETERMINERS and mention.type == "study"


def is_pronoun(doc: Doc, mention: Mention) -> bool:
    text = doc_text(doc)[mention.start : mention.end].lower()
    return text in PRONOUNS or text.startswith("-") or bool(INCISE.fullmatch(text))


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "z")):
        return noun
    if noun.endswith("eau"):
        return noun + "x"
    if noun.endswith("al"):
        return noun[:-2] + "aux"
    return noun + "s"
