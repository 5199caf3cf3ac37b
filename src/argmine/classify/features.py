"""Sentence features: the words, and cues a linguist would look at.

One row per sentence, a plain dict: its text, its paragraph kind and position, and
cue flags computed from the text alone, so that training on the corpus and labelling
a page see exactly the same features. Cues read off the spaCy parse (the main verb's
subject, negation scope, mood) were measured and left out: they lowered the figures on
real writing (``models/README.md``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmine.nlp.lexicons import reporting_verb_forms, study_nouns
from argmine.nlp.normalize import normalize

_LIST_MARKER = re.compile(r"^\d{1,2}[.)]\s*")
_TOKEN = re.compile(r"\w+'|\w+(?:-\w+)*|[^\w\s]", re.U)
_IMPERATIVE_CLITIC = re.compile(
    r"(?:^|[\s,;:(«\"])(\w+(?:ez|ons|e|s))-(?:vous|nous|moi|toi|le|la|les|lui|leur|en|y)\b", re.I
)
_INITIAL_IMPERATIVE = re.compile(
    r"^(?:et |alors |donc |puis |enfin |surtout |mais |ensuite |bref, )?"
    r"(?:n'|ne (?:(?:vous|nous|te|le|la|les|lui|leur) |m'|t'|l'|y |en )?)?([a-zàâçéèêëîïôûùüÿœ]+(?:ez|ons))\b",
    re.I,
)
_NOT_IMPERATIVE = {
    "chez",
    "assez",
    "nez",
    "allons",
    "sommes",
    "avons",
    "mons",
    "raisons",
    "maisons",
    "questions",
    "nations",
    "millions",
    "actions",
    "solutions",
    "régions",
    "saisons",
    "façons",
    "occasions",
    "opinions",
    "ions",
    "leçons",
    "garçons",
    "réactions",
    "relations",
    "sons",
    "bons",
    "dons",
    "noms",
    "rayons",
    "crayons",
    "prisons",
    "lions",
    "ponts",
}
_CUES = {
    "modal_injunction": r"\b(?:il faut|il faudrait|il faudra|il est urgent|il convient|il est temps|il importe|"
    r"nous devons|vous devez|on doit|doivent|devraient|devrait|doit)\b",
    "reader_address": r"\b(?:vous|votre|vos|vôtre)\b",
    "we": r"\b(?:nous|notre|nos|on)\b",
    "first_person": r"\b(?:je|j'|moi|mon|ma|mes)\b",
    "invitation": r"\b(?:n'hésitez|partagez|inscrivez|abonnez|dites-nous|contactez|rejoignez|signez|votez|"
    r"téléchargez|découvrez|essayez|agissez|mobilisez|participez|écrivez-nous|faites-nous)\b",
    "attribution": r"\b(?:selon|d'après|aux yeux d|de l'avis d|a déclaré|a affirmé|a indiqué|a expliqué)\b",
    "percent": r"\d\s?%|\bpour ?cent\b|\bpourcentage",
    "number": r"\d",
    "contrast": r"\b(?:pourtant|cependant|toutefois|néanmoins|or|en revanche|au contraire|contrairement|"
    r"à l'inverse|en réalité|plutôt|loin d|faux|erroné|mythe|idée reçue|contrairement à)\b",
    "concession": r"\b(?:certes|même si|bien que|quoique|s'il est vrai|il est vrai que|malgré)\b",
    "negation": r"\b(?:ne|n')\b[^.]*?\b(?:pas|jamais|plus|rien|guère|point|aucun|aucune)\b",
    "refutation": r"\b(?:rien ne (?:prouve|montre|permet)|n'est pas|ne sont pas|ce n'est pas|il est faux|"
    r"il est précipité|prétendre|prétendent|prétend|soi-disant|trop vite|aller vite|"
    r"n'en est rien|démenti|contredit|contredisent|réfute|détrompez)\b",
    "evaluation": r"\b(?:important|essentiel|évident|clair|absurde|dangereux|inacceptable|nécessaire|"
    r"scandaleux|excellent|meilleur|pire|trop|vraiment|clairement|évidemment)\b",
    "future": r"\b\w+(?:era|eront|erait|eraient|ira|iront|rait|raient)\b",
    "question": r"\?",
    "exclamation": r"!",
    "quote_mark": r"[«»\"“”]",
    "reported_speech": r"(?:^[«\"“]|[»\"”],?\s+(?:a\s+)?\w+(?:-t)?-?(?:il|elle|ils|elles)?\b|"
    r"\b\w+-t-(?:il|elle|ils|elles)\b|\bselon (?:lui|elle|eux|elles)\b|\bexplique|\bajoute|\bestime)",
    "infinitive_opening": r"^(?:\d{1,2}[.)]\s*)?(?:ne pas |n'|ne jamais )?[a-zàâçéèêëîïôûù]+(?:er|ir|re)\b"
    r"(?!\s+(?:est|sont|a|ont|reste|restent|permet|peut|fait|n'est|ne|c'est)\b)",
    "recommendation": r"\b(?:il est (?:fortement )?(?:conseillé|recommandé|préférable|important|essentiel|utile) de|"
    r"je vous (?:propose|conseille|recommande|invite)|pensez à|n'oubliez pas|prenez le temps|"
    r"vous pourriez|vous pouvez|mieux vaut|évitez)\b",
    "opens_with_but": r"^(?:mais|pourtant|cependant|toutefois|or|reste que|sauf que)\b",
    "source_verb": r"\b(?:montre|montrent|révèle|révèlent|indique|indiquent|conclut|concluent|estime|estiment|"
    r"affirme|affirment|souligne|soulignent|constate|constatent|observe|observent|rapporte|rapportent)\b",
}
_CUE_PATTERNS = {name: re.compile(pattern, re.I) for name, pattern in _CUES.items()}
NEIGHBOUR_CUES = (
    "attribution",
    "reported_speech",
    "quote_mark",
    "percent",
    "contrast",
    "refutation",
    "question",
    "imperative",
    "opens_with_but",
    "study_noun",
    "reporting_verb",
    "has_source",
)


@dataclass(frozen=True)
class SentenceContext:
    """Where a sentence stands: what the features need beyond its words."""

    paragraph_kind: str = "paragraph"
    index_in_paragraph: int = 0
    paragraph_sentences: int = 1
    index_in_document: int = 0
    document_sentences: int = 1
    has_source: bool = False


def tokenize(text: str) -> list[str]:
    """French word tokens that keep the "n'" of negations and elided articles."""
    return _TOKEN.findall(normalize(text).lower())


def sentence_row(text: str, context: SentenceContext) -> dict:
    normalized = normalize(text)
    lowered = normalized.lower()
    tokens = tokenize(text)
    cues: dict[str, float] = {f"cue={name}": 1.0 for name, pattern in _CUE_PATTERNS.items() if pattern.search(lowered)}
    if _imperative(normalized):
        cues["cue=imperative"] = 1.0
    if any(t in reporting_verb_forms() for t in tokens):
        cues["cue=reporting_verb"] = 1.0
    if any(t in study_nouns() for t in tokens):
        cues["cue=study_noun"] = 1.0
    if context.has_source:
        cues["cue=has_source"] = 1.0
    cues[f"kind={context.paragraph_kind}"] = 1.0
    cues["first_in_paragraph"] = float(context.index_in_paragraph == 0)
    cues["last_in_paragraph"] = float(context.index_in_paragraph == context.paragraph_sentences - 1)
    cues["alone_in_paragraph"] = float(context.paragraph_sentences == 1)
    cues["document_position"] = context.index_in_document / max(context.document_sentences - 1, 1)
    cues["last_in_document"] = float(context.index_in_document >= context.document_sentences - 2)
    words = sum(1 for t in tokens if t[0].isalnum())
    cues["length_bucket=" + ("short" if words < 8 else "medium" if words < 25 else "long")] = 1.0
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 5 and all(c.isupper() for c in letters):
        cues["all_caps"] = 1.0
    return {"text": normalized, "kind": context.paragraph_kind, "cues": cues}


def with_neighbours(rows: list[dict]) -> list[dict]:
    """Add the previous and next sentences' main cues to each row of one document:
    a rebuttal often follows a finding, a quote runs over several sentences."""
    for index, row in enumerate(rows):
        for offset, prefix in ((-1, "previous"), (1, "next")):
            other = index + offset
            if 0 <= other < len(rows):
                for name in NEIGHBOUR_CUES:
                    if rows[other]["cues"].get(f"cue={name}"):
                        row["cues"][f"{prefix}:{name}"] = 1.0
    return rows


def _imperative(text: str) -> bool:
    """An imperative by its form: the tagger misses most sentence-initial imperatives."""
    stripped = _LIST_MARKER.sub("", text.strip().lstrip('-•*«"( ').strip())
    if _IMPERATIVE_CLITIC.search(stripped):
        word = _IMPERATIVE_CLITIC.search(stripped).group(1).lower()
        if word not in _NOT_IMPERATIVE and not word.endswith(("ions",)):
            return True
    match = _INITIAL_IMPERATIVE.match(stripped)
    if match:
        word = match.group(1).lower()
        return word not in _NOT_IMPERATIVE and not word.endswith("ions") and len(word) > 4
    return False


def text_column(rows: list[dict]) -> list[str]:
    return [row["text"] for row in rows]


def cue_column(rows: list[dict]) -> list[dict]:
    return [row["cues"] for row in rows]
