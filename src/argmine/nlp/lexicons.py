"""Word lists read from ``argmine/data``: data files, not Python literals."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_IRREGULAR_FORMS = {
    "dire": "dit dis disent disait disaient dira diront dirait diraient disant",
    "écrire": "écrit écris écrivent écrivait écrivaient écrira écrivant",
    "prévoir": "prévoit prévoient prévoyait prévoyaient prévu prévue prévus prévues prévoira",
    "conclure": "conclut concluent concluait concluaient conclu conclue conclus conclura",
    "reconnaître": "reconnaît reconnait reconnaissent reconnaissait reconnu reconnue reconnaîtra",
    "soutenir": "soutient soutiennent soutenait soutenaient soutenu soutiendra",
    "prédire": "prédit prédisent prédisait prédira",
    "craindre": "craint craignent craignait craindra",
    "avertir": "avertit avertissent avertissait averti avertira",
    "établir": "établit établissent établissait établi établie",
    "prévenir": "prévient préviennent prévenait prévenu prévenue préviendra",
    "répondre": "répond répondent répondait répondu répondra",
    "défendre": "défend défendent défendait défendu défendra",
    "admettre": "admet admettent admettait admis admise admettra",
    "croire": "croit croient croyait croyaient cru croira",
    "prétendre": "prétend prétendent prétendait prétendu prétendra",
    "contredire": "contredit contredisent contredisait contredira",
    "démentir": "dément démentent démentait démenti démentira",
    "concéder": "concède concèdent concédait concédé",
    "décrire": "décrit décrivent décrivait décrivaient décrira",
    "promettre": "promet promettent promettait promettaient promis promettra",
    "soumettre": "soumet soumettent soumettait soumettaient soumis soumettra",
    "interdire": "interdit interdisent interdisait interdira",
}
_SOURCE_VERB_ACCENTED_FORMS = "martèle martèlent martèlera assène assènent assénait asséné assènera".split()
"""Forms of "marteler" and "asséner" that take a grave accent, which the "-er" forms
miss; for source finding only, as the classifier was trained on the forms it has."""
_AGREED_PARTICIPLE_ENDINGS = ("ée", "és", "ées")
_ER_ENDINGS = ("e es ent ait aient ais é ée és ées era eront erait eraient ant er ons ez a ent èrent ât").split()


def _lines(name: str) -> list[str]:
    text = resources.files("argmine.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def reporting_verb_lemmas() -> frozenset[str]:
    return frozenset(_lines("reporting_verbs.txt"))


@cache
def reporting_verb_forms() -> frozenset[str]:
    """Every inflected form: the lemmatiser leaves "estime", "montre" unlemmatised."""
    forms = set()
    for lemma in reporting_verb_lemmas():
        forms.add(lemma)
        if lemma in _IRREGULAR_FORMS:
            forms.update(_IRREGULAR_FORMS[lemma].split())
        elif lemma.endswith("er"):
            forms.update(_er_forms(lemma[:-2]))
    return frozenset(forms)


@cache
def source_verb_forms() -> frozenset[str]:
    """Forms of verbs whose subject is a source, for source finding only: the reporting
    verbs, and the verbs of ``source_verbs.txt`` ("publie", "évoque") but not their
    agreed participles, which qualify a noun ("les chiffres publiés") more than they cite."""
    forms = set(reporting_verb_forms()) | set(_SOURCE_VERB_ACCENTED_FORMS)
    for lemma in _lines("source_verbs.txt"):
        forms.add(lemma)
        if lemma in _IRREGULAR_FORMS:
            forms.update(_IRREGULAR_FORMS[lemma].split())
        elif lemma.endswith("er"):
            forms.update(form for form in _er_forms(lemma[:-2]) if not form.endswith(_AGREED_PARTICIPLE_ENDINGS))
    return frozenset(forms)


def _er_forms(stem: str) -> set[str]:
    """Forms of a "-er" verb from its stem, with the soft "c" and "g" kept before a and o."""
    forms = set()
    for ending in _ER_ENDINGS:
        if stem.endswith("c") and ending[0] in "ao":
            forms.add(stem[:-1] + "ç" + ending)
        elif stem.endswith("g") and ending[0] in "ao":
            forms.add(stem + "e" + ending)
        else:
            forms.add(stem + ending)
    if stem.endswith(("el", "et")):
        forms.update(stem + stem[-1] + e for e in ("e", "es", "ent", "era", "eront", "erait", "eraient"))
    elif len(stem) > 2 and stem[-2] == "e":
        grave = stem[:-2] + "è" + stem[-1]
        forms.update(grave + e for e in ("e", "es", "ent", "era", "eront", "erait", "eraient"))
    if "é" in stem[-3:]:
        grave = stem[: stem.rindex("é")] + "è" + stem[stem.rindex("é") + 1 :]
        forms.update(grave + e for e in ("e", "es", "ent"))
    return forms


@cache
def attribution_cues() -> tuple[str, ...]:
    return tuple(_lines("attribution_cues.txt"))


@cache
def study_nouns() -> frozenset[str]:
    return frozenset(_lines("study_nouns.txt"))


@cache
def source_nouns() -> dict[str, str]:
    """Head noun to source type, for cited noun phrases ("le syndicat", "ces données")."""
    return dict(line.split("\t")[:2] for line in _lines("source_nouns.tsv"))


@cache
def person_nouns() -> frozenset[str]:
    return frozenset(_lines("person_nouns.txt"))


@cache
def vague_sources() -> tuple[str, ...]:
    return tuple(sorted(_lines("vague_sources.txt"), key=len, reverse=True))


@cache
def gazetteer_edge_words() -> tuple[frozenset[str], frozenset[str]]:
    """The folded first and last words of the gazetteer's names and aliases."""
    words = [key.split() for key in gazetteer()]
    return frozenset(w[0] for w in words if w), frozenset(w[-1] for w in words if w)


@cache
def gazetteer() -> dict[str, tuple[str, str]]:
    """Folded name or alias to (canonical name, type)."""
    entries = {}
    for line in _lines("gazetteer.tsv"):
        name, kind, *rest = line.split("\t")
        entries[fold(name)] = (name, kind)
        for alias in rest[0].split(",") if rest else []:
            if alias.strip():
                entries[fold(alias)] = (name, kind)
    return entries


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, no apostrophes or hyphens: for matching names."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("'", " ").replace("’", " ").replace("-", " ").split())
