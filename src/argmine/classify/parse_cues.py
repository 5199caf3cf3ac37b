"""What the spaCy parse says about a sentence's voice: who the main verb's subject is
(the author, "we", the reader, a study...), whether the main verb or an embedded one is
negated, quoted speech, the conditional, modal verbs and whom they bind, reporting
frames and their subjects.

These name grammatical facts, not words, so they carry over to writing the bag of words
has never seen. The tagger's mood, tense and part of speech were tried too and left
out: they raised the corpus test split but lowered the real-writing devset, where
``fr_core_news_sm`` misses most imperatives (``models/README.md``).
"""

from __future__ import annotations

from argmine.nlp.lexicons import reporting_verb_forms, study_nouns

_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
_PRONOUN_PERSON = {
    "je": "author",
    "j'": "author",
    "nous": "we",
    "on": "we",
    "vous": "reader",
    "tu": "reader",
    "il": "third",
    "elle": "third",
    "ils": "third",
    "elles": "third",
    "ce": "this",
    "c'": "this",
    "cela": "this",
    "ça": "this",
}
_MODAL_FORMS = frozenset(
    "doit doivent dois devons devez devrait devraient devrions devriez faut faudrait faudra fallait "
    "peut peuvent pouvez pouvons pourrait pourraient pourriez".split()
)
_NEGATION_WORDS = frozenset({"pas", "jamais", "rien", "guère", "aucun", "aucune", "nullement"})
_CONDITIONAL = ("rait", "raient", "rions", "riez")
"""Conditional endings: the tagger reads many conditionals as imperfects."""
_NE = frozenset({"ne", "n'"})
"""The "ne" of a negation attaches to the verb it negates; "pas" often attaches elsewhere."""
_OPENING_QUOTES = frozenset({"«", "“"})
_CLOSING_QUOTES = frozenset({"»", "”"})


def parse_cues(span) -> dict[str, float]:
    """Parse features of one sentence (a spaCy ``Span`` of a parsed ``Doc``)."""
    tokens = list(span)
    if not tokens:
        return {}
    quoted = _quoted(tokens)
    main = _main_verb(span, tokens)
    cues: dict[str, float] = {f"parse:main_subject={_subject(main)}": 1.0}
    if any(child.lower_ in _NEGATION_WORDS or child.lower_ in _NE for child in main.children):
        cues["parse:main_negated"] = 1.0
    if any(t.lower_ in _NE and t.head != main for t, q in zip(tokens, quoted) if not q):
        cues["parse:embedded_negation"] = 1.0
    if any(quoted):
        cues["parse:quoted_speech"] = 1.0
    for token, inside in zip(tokens, quoted):
        if not inside:
            _verb_cues(token, main, cues)
    return cues


def _verb_cues(token, main, cues: dict[str, float]) -> None:
    if token.pos_ in ("VERB", "AUX") and ("Cnd" in token.morph.get("Mood") or token.lower_.endswith(_CONDITIONAL)):
        cues["parse:conditional"] = 1.0
    if token.lower_ in _MODAL_FORMS:
        cues["parse:modal"] = 1.0
        cues[f"parse:modal_subject={_subject(token)}"] = 1.0
    if token.pos_ == "VERB" and token.lower_ in reporting_verb_forms():
        cues["parse:reporting"] = 1.0
        cues[f"parse:reporting_subject={_subject(token)}"] = 1.0
        if any(child.dep_ == "ccomp" for child in token.children):
            cues["parse:reporting_clause"] = 1.0
        if token == main:
            cues["parse:reporting_main"] = 1.0


def _main_verb(span, tokens):
    """The root heading the most tokens: a sentence the parser split still has one main clause."""
    roots = [t for t in tokens if t.head == t or not (span.start <= t.head.i < span.end)]
    return max(roots, key=lambda t: sum(1 for _ in t.subtree))


def _subject(token) -> str:
    """Who the verb's subject is: the author, "we", the reader, a third party, a study..."""
    subjects = [child for child in token.children if child.dep_ in _SUBJECT_DEPS]
    if not subjects:
        return "none"
    subject = subjects[0].lower_
    if subject in _PRONOUN_PERSON:
        return _PRONOUN_PERSON[subject]
    if subject in study_nouns():
        return "study"
    return subjects[0].pos_.lower()


def _quoted(tokens) -> list[bool]:
    """Whether each token is inside « » or “ ”: quoted words are someone else's voice."""
    depth, inside = 0, []
    for token in tokens:
        if token.text in _OPENING_QUOTES:
            depth += 1
        inside.append(depth > 0)
        if token.text in _CLOSING_QUOTES:
            depth = max(0, depth - 1)
    return inside
