"""The names a mention carries: folded keys that gather mentions into one source, with
their written form, from proper nouns, the gazetteer and URLs."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from spacy.tokens import Span, Token

from argmine.nlp.lexicons import fold, gazetteer


def proper_names(span: Span) -> tuple[set[str], dict[str, str]]:
    """Folded proper names in the span (keys to gather mentions), with their written form."""
    keys: set[str] = set()
    names: dict[str, str] = {}
    entry = gazetteer_entry(span.text)
    if entry:
        key = fold(entry[0]).replace(" ", "")
        return {key}, {key: entry[0]}
    run: list[Token] = []
    for token in list(span) + [None]:
        if token is not None and _is_name_token(token, span):
            run.append(token)
            continue
        if run:
            text = span.doc[run[0].i : run[-1].i + 1].text
            entry = gazetteer().get(fold(text))
            written = entry[0] if entry else text
            key = fold(written).replace(" ", "")
            if len(key) > 1:
                keys.add(key)
                names[key] = written
            run = []
    return keys, names


def _is_name_token(token: Token, span: Span) -> bool:
    """A word of a proper name. At a sentence start, a capitalised noun with no article
    before it is one too: French common nouns open a sentence with a determiner, names
    ("Enedis rappelle", "Biowallonie estime") do not."""
    if not token.is_alpha:
        return False
    if token.is_sent_start and token.pos_ != "PROPN":
        return (
            token.i == span.start
            and token.text[:1].isupper()
            and token.pos_ in ("NOUN", "X", "ADV", "ADJ", "VERB")
            and len(token) > 2
            and not token.is_stop
            and not is_misread_opener(token)
        )
    if token.is_upper and len(token) > 5 and fold(token.text) not in gazetteer():
        return False
    return token.pos_ == "PROPN" or (token.i > span.start and token.text[:1].isupper())


def url_keys(url: str) -> tuple[set[str], dict[str, str]]:
    host = urlsplit(url if "://" in url else "http://" + url).hostname or ""
    labels = [
        label
        for label in host.split(".")
        if label not in ("www", "fr", "com", "org", "net", "ca", "be", "ch", "gouv", "eu", "info", "io")
    ]
    if not labels:
        return set(), {}
    core = fold(labels[-1])
    return {core.replace(" ", "")}, {}


def gazetteer_entry(text: str) -> tuple[str, str] | None:
    return gazetteer().get(fold(text)) or gazetteer().get(fold(strip_determiner(text)))


def strip_determiner(text: str) -> str:
    return re.sub(r"^(?:l'|l’|le |la |les |du |des |de la |de l'|un |une )", "", text.strip(), flags=re.I)


def is_misread_opener(token: Token) -> bool:
    """A capitalised sentence opener that the tagger may take for a name but is none: an
    adverb in -ment ("Concrètement on parle") or an infinitive with its object
    ("Installer les outils demandés"; "Gartner a prédit" is tagged an infinitive too)."""
    doc = token.doc
    instruction = "Inf" in token.morph.get("VerbForm") and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "DET"
    return token.lower_.endswith("ment") or instruction
