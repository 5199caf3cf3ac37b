"""A named programme or channel: "dans le podcast Table ouverte", "au balado Nuits
blanches", "sur la chaîne Bricole avec Léo", "sur les ondes de Radio Soleil". The
gazetteer knows few of them, and their titles mix capitalised and lower-case words, so
the word for the kind of programme is what finds them."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from argmine.nlp.sources.document import doc_text
from argmine.nlp.sources.mention import Mention
from argmine.nlp.sources.names import proper_names

_PROGRAMME = re.compile(
    r"\b(?:[Aa]u |[Dd]u )?(?P<start>(?:[Ll]e |[Ll]a |[Ll]'|[Ll]’)?)(?:[Pp]odcast|[Bb]alado|[Éé]mission|[Cc]haîne)\s+"
    r"(?:(?:de |d'|d’)?[a-zàâçéèêëîïôûù]+\s+){0,2}?(?=[A-ZÀÂÇÉÈÊÎÔÛ])"
)
"""The programme's kind and up to two lower-case words before its capitalised title:
"la chaîne de vulgarisation Ciel Ouvert", "la chaîne britannique BBC"."""
_AIRWAVES = re.compile(
    r"\b(?:[Ss]ur les ondes|sur le plateau|à l'antenne|au micro|dans les colonnes) (?:de |d'|d’)(?=[A-ZÀÂÇÉÈÊÎÔÛ0-9])"
)
"""A medium named after its airwaves, set or columns: "sur les ondes de Radio Nationale",
"dans les colonnes de 20 Minutes" (a title may open on a figure)."""
_TITLE_STOP_WORDS = {"que", "qu'", "qui", "où", "dont", "et", "mais", "ou", "car", "pour", "selon"}
MAX_TITLE_TOKENS = 5


def programme_mentions(doc: Doc):
    text = doc_text(doc)
    for match in _PROGRAMME.finditer(text):
        mention = _titled_mention(doc, match.start("start"), match.end(), match.group(0).strip())
        if mention:
            yield mention
    for match in _AIRWAVES.finditer(text):
        mention = _titled_mention(doc, match.end(), match.end(), match.group(0).strip(), capitalised_only=True)
        if mention:
            yield mention


def _titled_mention(doc: Doc, start: int, title_start: int, cue: str, *, capitalised_only: bool = False):
    title = doc.char_span(title_start, title_start + 1, alignment_mode="expand")
    if title is None:
        return None
    last = _title_end(doc, title[0], capitalised_only)
    span = doc.char_span(start, last.idx + len(last), alignment_mode="expand")
    if span is None or span[0].sent != last.sent:
        return None
    mention = Mention(span.start_char, span.end_char, "media", cue)
    mention.keys, mention.names = proper_names(doc[title[0].i : last.i + 1])
    return mention


def _title_end(doc: Doc, first: Token, capitalised_only: bool) -> Token:
    """The title's last word: capitalised words and, unless ``capitalised_only``, the
    lower-case words between them ("Job de nuit"), up to a punctuation mark, a verb or
    a relative pronoun."""
    last = first
    for token in doc[first.i + 1 : first.i + MAX_TITLE_TOKENS]:
        if token.is_punct or token.lower_ in _TITLE_STOP_WORDS or token.pos_ in ("VERB", "AUX"):
            break
        if capitalised_only and not token.text[:1].isupper() and not _follows_a_figure(token, first):
            break
        last = token
    return last


def _follows_a_figure(token: Token, first: Token) -> bool:
    """ "20 Minutes", "24 heures": the word after a title's opening figure is part of it."""
    return token.i == first.i + 1 and first.like_num
