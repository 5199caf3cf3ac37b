"""A source after its verb: an inverted subject ("..., estime la CGT"), the speaker after a
closing quote ("« ... », m'a dit Jérôme") and an incise pronoun ("ajoute-t-elle")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from argmine.nlp.lexicons import WEEKDAYS, source_verb_forms
from argmine.nlp.sources.document import doc_text, doc_tokens
from argmine.nlp.sources.frames.reporting import addresses_the_reader
from argmine.nlp.sources.kinds import INCISE, is_source_like, is_vague
from argmine.nlp.sources.mention import Mention
from argmine.nlp.sources.spans import mention_from_tokens, next_nominal, phrase_mention

_WEEKDAYS = set(WEEKDAYS)
_MONTHS = {
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
}
_TIME_WORDS = _WEEKDAYS | {"hier", "récemment", "aujourd'hui", "encore", "déjà"}
_TIME_NOUNS = (
    _WEEKDAYS
    | _MONTHS
    | {"mois", "semaine", "année", "an", "jour", "matin", "soir", "printemps", "été", "automne", "hiver"}
)
_TIME_ADJECTIVES = {"dernier", "dernière", "passé", "passée", "prochain", "prochaine", "matin", "soir"}
_INVERSION_OPENERS = (",", "»", '"', "”", "que", "qu'")
_INCISE_OPENERS = (",", "»", '"', "”", "'")
_CLITIC_BEFORE_INCISE = re.compile(r"\s(?:nous|vous|lui|leur)\s*$", re.I)
"""The clitic of "», nous a-t-elle expliqué", between the incise and what opens it."""
_CLITICS_AND_AUXILIARIES = {
    "m'",
    "me",
    "lui",
    "nous",
    "leur",
    "se",
    "s'",
    "l'",
    "le",
    "a",
    "ont",
    "avait",
    "avaient",
    "aura",
    "vous",
    "t'",
    "en",
    "y",
}
_NOT_A_SPEAKING_VERB = {
    "avec",
    "selon",
    "comme",
    "de",
    "et",
    "ou",
    "ni",
    "mais",
    "que",
    "qu'",
    "où",
    "dont",
    "qui",
    "on",
    "tout",
    "est",
    "faut",
}
"""Words the tagger cannot be trusted on after "», ": a preposition, a conjunction or a
copula opens a comment on the quoted words ("« défensif », avec une forte part"), not the
verb of an incise."""
_INCISE_PRONOUNS_AND_ADVERBS = {
    "-t-il",
    "-t-elle",
    "-il",
    "-elle",
    "encore",
    "alors",
    "aussi",
    "pourtant",
    "ainsi",
    "volontiers",
    "simplement",
    "d'ailleurs",
    "lui",
    "elle",
}


def inverted_mentions(doc: Doc):
    """ "« ... », estime Jeanne Morel", "une explication que conteste le syndicat": the
    parser often misses the inverted subject."""
    forms = source_verb_forms()
    for verb in doc_tokens(doc):
        if verb.lower_ not in forms or verb.i == 0 or verb.i + 1 >= len(doc) or verb.is_upper:
            continue
        if addresses_the_reader(verb):
            continue  # "réclamez le règlement complet"
        before = doc[verb.i - 1]
        if not (before.lower_ in _INVERSION_OPENERS or _after_comme_le(verb)):
            continue
        if doc[verb.i + 1].pos_ not in ("DET", "PROPN", "NOUN"):
            continue
        target = next_nominal(doc, _after_time_phrases(doc_tokens(doc), verb.i + 1))
        if target is not None:
            mention = phrase_mention(doc, target, verb.text)
            if mention and is_source_like(doc, mention):
                yield mention


def _after_comme_le(verb: Token) -> bool:
    """ "comme l'ont titré plusieurs sites", "comme le répète le ministre": the subject
    follows a verb that "comme" and its clitic open."""
    doc = verb.doc
    index = verb.i - 1
    while index > 0 and doc[index].lower_ in ("a", "ont", "avait", "avaient"):
        index -= 1
    return index > 0 and doc[index].lower_ in ("le", "l'", "l’") and doc[index - 1].lower_ == "comme"


def after_quote_mentions(doc: Doc):
    """ "« ... », m'a dit Jérôme", "« ... », insiste la chercheuse", "« ... », a réagi Marc
    Ducasse": after a closing quote and a comma, a verb (with its clitics and auxiliary)
    and then a noun phrase name the speaker, whatever the verb. The tagger often takes
    the verb for a name and the noun for an adjective here, so this reads forms."""
    tokens = doc_tokens(doc)
    for index, token in enumerate(tokens[:-3]):
        if token.text not in ("»", "”", '"') or tokens[index + 1].text != ",":
            continue
        position = index + 2
        while position < len(tokens) and tokens[position].lower_ in _CLITICS_AND_AUXILIARIES:
            position += 1
        if position >= len(tokens) - 1 or not _may_be_an_incise_verb(tokens[position]):
            continue
        start = _after_time_phrases(tokens, position + 1)
        while start < len(tokens) and tokens[start].lower_ in _INCISE_PRONOUNS_AND_ADVERBS:
            start += 1
        if start >= len(tokens) or not (tokens[start].pos_ == "DET" or tokens[start].text[:1].isupper()):
            continue
        end = start
        while (
            end + 1 < len(tokens)
            and (
                tokens[end + 1].text[:1].isupper()
                or tokens[end + 1].pos_ in ("NOUN", "ADJ", "PROPN")
                or tokens[end + 1].text.startswith("-")
            )
            and not tokens[end + 1].is_punct
        ):
            end += 1
        if end == start and tokens[start].pos_ == "DET":
            continue
        mention = mention_from_tokens(doc, tokens[start], tokens[end], tokens[position].text)
        if mention:
            if mention.type == "other" and not is_vague(doc_text(doc)[mention.start : mention.end]):
                mention.type = "person"
            yield mention


def _may_be_an_incise_verb(token: Token) -> bool:
    return token.is_alpha and not token.text[:1].isupper() and token.lower_ not in _NOT_A_SPEAKING_VERB


def incise_pronoun_mentions(doc: Doc):
    """ "ajoute-t-elle", "m'a-t-il expliqué", "dit-il": the pronoun names the speaker.
    An incise follows a comma, a quote or a clitic; elsewhere the inversion asks a
    question ("L'étude a-t-elle été reproduite ?")."""
    forms = source_verb_forms() | {"a", "ont", "avait", "avaient"}
    text = doc_text(doc)
    for match in INCISE.finditer(text):
        opener = _CLITIC_BEFORE_INCISE.sub("", text[max(match.start() - 10, 0) : match.start()]).rstrip()
        if match.group(1).lower() in forms and opener.endswith(_INCISE_OPENERS):
            mention = Mention(match.start(), match.end(), "person", match.group(0))
            mention.anaphoric = True
            yield mention


def _after_time_phrases(tokens: list[Token], index: int) -> int:
    """Skip "le mois dernier", "mardi", "en janvier" between an inverted verb and its
    subject ("expliquait le mois dernier la fédération")."""
    while index < len(tokens):
        token = tokens[index]
        if token.lower_ in _TIME_WORDS:
            index += 1
        elif token.lower_ == "en" and index + 1 < len(tokens) and _is_date_word(tokens[index + 1]):
            index += 2
        elif token.pos_ == "DET" and index + 1 < len(tokens) and tokens[index + 1].lower_ in _TIME_NOUNS:
            index += 2
            while index < len(tokens) and tokens[index].lower_ in _TIME_ADJECTIVES:
                index += 1
        else:
            return index
    return index


def _is_date_word(token: Token) -> bool:
    return token.lower_ in _MONTHS or token.like_num


_SIGNATURE = re.compile(
    r"(?:^[ \t]*[—–-][ \t]+|[»\"”][ \t]*(?:\(|[—–][ \t]+))(?P<name>[A-ZÀÂÇÉÈÊÎÔÛ][\w'’.-]+(?: [A-ZÀÂÇÉÈÊÎÔÛ][\w'’.-]+){0,3})(?=,|\)|[ \t]*$)",
    re.M,
)
"""A quote signed by its speaker: "— Aïssatou Bello, mère d'élève" after it or on the
line below, or "« Release early. » (Eric S. Raymond)"."""


def signed_quote_mentions(doc: Doc):
    for match in _SIGNATURE.finditer(doc_text(doc)):
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
        if span is not None and len(span):
            mention = mention_from_tokens(doc, span[0], span[-1], "signature")
            if mention:
                mention.type = "person" if mention.type == "other" else mention.type
                yield mention
