"""High-precision linguistic rules, applied over the learned model's choice.

Each rule is a labelling function: it looks at one sentence's feature row (its
normalised ``text``, its paragraph ``kind`` and its ``cues``, the neighbours' included)
and returns a label or ``None``. A rule fires only on forms whose meaning the scheme
fixes (``ANNOTATION.md``, ``corpus/GUIDELINES.md``); ``argmine evaluate --rules``
measures each one's precision and coverage. Rules are tried in order; the first that
fires decides, and the attribution idiom comes before the cleft it contains.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_HASTY_CONCLUSION = re.compile(
    r"\b(?:précipité|hâtif|abusif|exagéré|trompeur|erroné|faux|illusoire|naïf|un peu court|prématuré)"
    r"\s+(?:d'en |de )(?:croire|penser|conclure|dire|affirmer|prétendre|déduire|voir)\b",
    re.I,
)
_ATTRIBUTION_IDIOM = re.compile(r"\bce n'est pas (?:moi|nous) qui le (?:dis|disons)\b.*\b(?:mais|c'est)\b", re.I)
_CORRECTIVE_CLEFT = re.compile(
    r"\b(?:ce|c')\s*(?:n'|ne\s+)?(?:est|sont|était|étaient)\s+pas\b.*\bqui\b"
    r"|\bce n'est pas\b[^.]*,\s*c'est\b|\bnon pas\b[^.]*\bmais\b|\bpas\b[^.]*,\s*mais plutôt\b",
    re.I,
)
_CONCESSION_OPENING = re.compile(
    r"^(?:oui|certes|bien sûr|évidemment|certainement|il est vrai que|c'est vrai|soit)\b", re.I
)


_WORD = re.compile(r"\w+", re.U)
_SIGNPOST_IMPERATIVES = frozenset(
    "passons prenons voyons mettons rappelons imaginons supposons disons notons revenons considérons admettons "
    "avouons reconnaissons remarquons précisons observons regardons comparons commençons continuons terminons "
    "concluons résumons souvenez imaginez supposez figurez rendez détrompez".split()
)
"""Imperatives that steer the text or the reader's imagination ("Passons.", "Imaginez
un instant...", and "Laissez-moi vous montrer" below), the noun "rendez-vous", and "détrompez-vous", which the scheme labels
by what it does (a rebuttal): none asks the reader to act."""
_ASKS_FOR_THE_READER_S_WORD = re.compile(
    r"\b(?:nous (?:voulons|attendons|aimerions|souhaitons)|j'attends|j'aimerais|donnez-nous|dites-nous|"
    r"partagez|laissez)\b[^.?!]*\b(?:votre|vos)\s+(?:avis|opinion|commentaires?|témoignages?|retours?|"
    r"réactions?|expériences?|idées?)\b|\bqu'en pensez-vous\b|^et vous\s*[,?]",
    re.I,
)
_INFINITIVE_ITEM = re.compile(
    r"^(?:\d{1,2}[.)]\s*|[-•*]\s*)?(?:ne (?:pas|plus|jamais) |n'|ne )?[a-zàâçéèêëîïôûù]+(?:er|ir|re|oir)\b"
)


def heading_or_caption(row: dict) -> str | None:
    """Headings and captions are ``other``, even in the imperative."""
    return "other" if row["kind"] in ("heading", "caption") else None


def reader_imperative(row: dict) -> str | None:
    """An imperative outside quotes ("Vérifiez l'adresse.", "Ne vous laissez pas séduire")
    asks the reader to act, unless it is a signpost or a question. The learned model
    weighs the form too little on real writing, where imperatives are rarer than in the
    corpus (``argmine evaluate --rules``)."""
    text = row["text"].strip().rstrip('»"” ')
    if not row["cues"].get("cue=imperative") or row["kind"] in ("quote", "heading", "caption") or text.endswith("?"):
        return None
    lowered = text.lower()
    if set(_WORD.findall(lowered)) & _SIGNPOST_IMPERATIVES or "laissez-moi" in lowered:
        return None
    return "call_to_action"


def asks_for_the_reader_s_word(row: dict) -> str | None:
    """ "Nous voulons votre avis", "Et vous, qu'en pensez-vous ?": the author asks the
    reader to answer, a call to action by the scheme, question or not."""
    if row["kind"] in ("quote", "heading", "caption"):
        return None
    return "call_to_action" if _ASKS_FOR_THE_READER_S_WORD.search(row["text"]) else None


def infinitive_instruction(row: dict) -> str | None:
    """A list item, or a line in lower case, that opens on an infinitive ("vérifier la
    source", "ne pas cliquer sur le lien") is an instruction of a checklist."""
    text = row["text"].strip()
    if len(text.split()) >= 20 or text.endswith("?"):
        return None
    if row["kind"] != "list_item" and not text[:1].islower():
        return None
    return "call_to_action" if _INFINITIVE_ITEM.match(text.lower()) else None


def hasty_conclusion(row: dict) -> str | None:
    """ "il est précipité de croire que", "hâtif d'en conclure": a rebuttal by definition."""
    return "rebuttal" if _HASTY_CONCLUSION.search(row["text"]) else None


def attribution_idiom(row: dict) -> str | None:
    """ "Ce n'est pas nous qui le disons, mais X": attributes to X; its negation disputes nothing."""
    return "finding" if _ATTRIBUTION_IDIOM.search(row["text"]) else None


def corrective_cleft(row: dict) -> str | None:
    """ "Ce ne sont pas les métiers qui sont en danger", "non pas X mais Y": a correction.
    On the corpus's train and dev splits it fires on 36 sentences, 29 of them rebuttals."""
    return "rebuttal" if _CORRECTIVE_CLEFT.search(row["text"]) else None


def concession_before_but(row: dict) -> str | None:
    """ "Oui, X." followed by "Mais Y.": a concession alone is a claim (the next sentence
    carries the rebuttal). Fires on 4 corpus sentences, all claims."""
    if _CONCESSION_OPENING.match(row["text"]) and row["cues"].get("next:opens_with_but"):
        return "claim"
    return None


RULES: tuple[Callable[[dict], str | None], ...] = (
    heading_or_caption,
    reader_imperative,
    asks_for_the_reader_s_word,
    infinitive_instruction,
    hasty_conclusion,
    attribution_idiom,
    corrective_cleft,
    concession_before_but,
)


def apply_rules(row: dict, rules: tuple[Callable[[dict], str | None], ...] = RULES) -> tuple[str, str] | None:
    """(label, rule name) of the first of ``rules`` that fires on a feature row, or ``None``."""
    for rule in rules:
        label = rule(row)
        if label:
            return label, rule.__name__
    return None
