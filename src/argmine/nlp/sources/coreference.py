"""From mentions to sources: acronyms in brackets, studies merged with the journal that
published them, pronouns with nothing before them dropped, then mentions gathered by
shared names and anaphoric ones sent to the latest source they can refer to, each source
with a type and a canonical name."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from argmine.nlp.lexicons import fold
from argmine.nlp.sources.document import doc_text
from argmine.nlp.sources.kinds import is_pronoun
from argmine.nlp.sources.mention import Mention
from argmine.nlp.sources.names import strip_determiner

_ACRONYM_IN_BRACKETS = re.compile(r"\s*\(([A-ZÀÂÇÉÈÊÎÔÛ][A-ZÀÂÇÉÈÊÎÔÛa-z&-]{1,9})\)")
_STUDY_JOURNAL_LINK = re.compile(
    r",?\s+(?:publié|parue?|réalisé|mené|commandé|conduit|compilé|repris|financé)e?s?\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:dans|par|pour(?: le compte d['e]\s*)?)\s+",
    re.I,
)
"""What joins a study to the journal that published it or to its maker ("publiée mardi
dans", "menée en 2022 par", "réalisé pour")."""
_PRONOUN_AGREEMENT = {
    "il": ("Masc", "Sing"),
    "elle": ("Fem", "Sing"),
    "ils": ("Masc", "Plur"),
    "elles": ("Fem", "Plur"),
    "lui": ("Masc", "Sing"),
    "eux": ("Masc", "Plur"),
    "celui-ci": ("Masc", "Sing"),
    "celle-ci": ("Fem", "Sing"),
    "ceux-ci": ("Masc", "Plur"),
    "celles-ci": ("Fem", "Plur"),
}
_INCISE_PRONOUN = re.compile(r"-(?:t-)?(il|elle|ils|elles)\b")
_TYPE_PRIORITY = ("study", "person", "organization", "media", "other", "url")


def take_acronyms(doc: Doc, mentions: list[Mention]) -> None:
    """ "la Fédération des étudiants francophones (FEF)": the acronym in brackets after a
    mention becomes one of its names, so that later mentions ("la FEF") join it; a
    mention that swallowed the brackets gives them back."""
    text = doc_text(doc)
    for mention in mentions:
        if mention.type == "url":
            continue
        inside = _ACRONYM_IN_BRACKETS.search(text, mention.start, mention.end)
        if inside and inside.end() == mention.end:
            mention.end = inside.start()
            match = inside
        else:
            match = _ACRONYM_IN_BRACKETS.match(text, mention.end)
        if match is None:
            continue
        key = fold(match.group(1)).replace(" ", "")
        mention.keys.add(key)
        mention.names.setdefault(key, match.group(1))
        mention.anaphoric = False


def merge_studies_with_their_journals(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "une méta-analyse parue dans la revue Y", "un sondage Ifop réalisé pour Le
    Courrier de Loire", "une étude menée par l'institut X": the study and where it
    appeared or who made it are one mention, from the study noun to the name (as the
    corpus and the devset mark them)."""
    text = doc_text(doc)

    def joined(study: Mention, mention: Mention) -> bool:
        return (
            study.type == "study"
            and mention.type != "url"
            and _STUDY_JOURNAL_LINK.fullmatch(text[study.end : mention.start]) is not None
        )

    def absorb(study: Mention, mention: Mention) -> None:
        study.end = mention.end
        if not study.keys:
            study.keys, study.names = mention.keys, mention.names
            study.anaphoric = study.anaphoric and not mention.keys

    return _merged(mentions, joined, absorb)


def merge_appositions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Le président de l'agglo, Hervé Pellerin, a déclaré", "La GSMA, l'association des
    opérateurs mobiles, estime": a name and the description in apposition to it are one
    mention. The parse must link them, so that a list ("l'Insee, la Dares") or a cue
    before a name ("Selon l'étude, Jean Dupont...") stays apart."""
    text = doc_text(doc)

    def joined(first: Mention, second: Mention) -> bool:
        return (
            "url" not in (first.type, second.type)
            and text[first.end : second.start].strip() == ","
            and _in_apposition(doc, first, second)
        )

    def absorb(first: Mention, second: Mention) -> None:
        first.end = second.end
        first.keys |= second.keys
        for key, name in second.names.items():
            first.names.setdefault(key, name)
        first.anaphoric = first.anaphoric and second.anaphoric
        if first.type == "other" or second.type == "person":
            first.type = second.type

    return _merged(mentions, joined, absorb)


def _merged(
    mentions: list[Mention],
    joined: Callable[[Mention, Mention], bool],
    absorb: Callable[[Mention, Mention], None],
) -> list[Mention]:
    """Mentions in order, each that ``joined`` the one before absorbed into it."""
    merged: list[Mention] = []
    for mention in mentions:
        if merged and joined(merged[-1], mention):
            absorb(merged[-1], mention)
        else:
            merged.append(mention)
    return merged


def _in_apposition(doc: Doc, first: Mention, second: Mention) -> bool:
    one = doc.char_span(first.start, first.end, alignment_mode="expand")
    two = doc.char_span(second.start, second.end, alignment_mode="expand")
    if one is None or two is None or one.sent.start != two.sent.start:
        return False
    names = [span.root.pos_ == "PROPN" for span in (one, two)]
    if names[0] == names[1] or any(child.dep_ == "case" for child in one.root.children):
        return False
    if first.type != second.type and "other" not in (first.type, second.type):
        return False
    return any(token.head in one and token.dep_ in ("appos", "conj", "flat:name", "nmod") for token in two) or (
        one.root.head in two and one.root.dep_ == "appos"
    )


def without_orphan_pronouns(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Drop a pronoun ("elle estime") that no earlier mention can stand behind: it names
    the subject of the text, not a source."""
    kept: list[Mention] = []
    for mention in mentions:
        if not is_pronoun(doc, mention) or any(not is_pronoun(doc, other) for other in kept):
            kept.append(mention)
    return kept


def without_repeated_pronouns(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Drop a pronoun that follows another mention in its sentence ("L'Office rappelle
    que..., mais il admet que", "La CNSE rejette ces chiffres, qu'elle juge faux"): the
    source is already cited there, and the corpus marks it once per sentence."""
    kept: list[Mention] = []
    last_sentence_start = -1
    for mention in mentions:
        sentence_start = _sentence_start(doc, mention)
        if not (is_pronoun(doc, mention) and sentence_start == last_sentence_start):
            kept.append(mention)
        last_sentence_start = sentence_start
    return kept


def _sentence_start(doc: Doc, mention: Mention) -> int:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.sent.start if span is not None else -1


def gather(doc: Doc, mentions: list[Mention]) -> list[dict]:
    """Group mentions into sources; set ``mention.source_id``; return the sources."""
    _borrow_known_names(doc, mentions)
    clusters: list[list[Mention]] = []
    cluster_of_key: dict[str, int] = {}
    for mention in mentions:
        target = None
        for key in _longest_first(mention.keys):
            if key in cluster_of_key:
                target = cluster_of_key[key]
                break
            for known, index in cluster_of_key.items():
                if len(key) > 3 and len(known) > 3 and (known.endswith(key) or key.endswith(known)):
                    target = index
                    break
            if target is not None:
                break
        if target is None and mention.anaphoric:
            target = _antecedent(doc, clusters, mention)
        if target is None:
            clusters.append([])
            target = len(clusters) - 1
        clusters[target].append(mention)
        for key in mention.keys:
            cluster_of_key.setdefault(key, target)
    sources = []
    for index, cluster in enumerate(clusters, start=1):
        source_id = f"src{index}"
        for mention in cluster:
            mention.source_id = source_id
        kind = _cluster_type(cluster)
        for mention in cluster:
            if mention.anaphoric and mention.type == "other" and kind not in ("url", "other"):
                mention.type = kind
        sources.append({"id": source_id, "name": _canonical_name(doc, cluster), "type": kind})
    return sources


def _longest_first(keys: set[str]) -> list[str]:
    """A mention's names, the most specific first and in a fixed order: a set's order
    changes with Python's string hashing, and with it which cluster a mention joins."""
    return sorted(keys, key=lambda key: (-len(key), key))


def _borrow_known_names(doc: Doc, mentions: list[Mention]) -> None:
    """A mention with no name of its own takes a name that another mention of the
    document carries, when one of its words is that name: "LE SITE D'EMPLOI WORKOPOLIS"
    (capitals hide the proper noun) joins "l'étude du site web Workopolis"."""
    known = {key for mention in mentions for key in mention.keys if len(key) > 3}
    if not known:
        return
    text = doc_text(doc)
    for mention in mentions:
        if mention.keys or mention.type == "url":
            continue
        words = {fold(word).replace(" ", "") for word in re.findall(r"[\w-]+", text[mention.start : mention.end])}
        found = words & known
        if found:
            mention.keys = set(found)
            mention.anaphoric = False


def _antecedent(doc: Doc, clusters: list[list[Mention]], mention: Mention) -> int | None:
    """The latest earlier source of a compatible type whose latest mention agrees in
    gender and number with a pronoun ("Elle" is not "le ministère")."""
    wanted = {"study"} if mention.type == "study" else {"person", "organization", "media", "study", "other"}
    pronoun = _pronoun_agreement(doc, mention) if is_pronoun(doc, mention) else None
    for index in range(len(clusters) - 1, -1, -1):
        earlier = [m for m in clusters[index] if m.type in wanted and m.start < mention.start]
        if earlier and (pronoun is None or _agrees(pronoun, _agreement(doc, earlier[-1]))):
            return index
    return None


def _pronoun_agreement(doc: Doc, mention: Mention) -> tuple[str, str]:
    word = _INCISE_PRONOUN.search(doc_text(doc)[mention.start : mention.end].lower())
    word = word.group(1) if word else doc_text(doc)[mention.start : mention.end].lower()
    return _PRONOUN_AGREEMENT.get(word, ("", ""))


def _agreement(doc: Doc, mention: Mention) -> tuple[str, str]:
    """Gender and number of a mention, "" where unknown: from the pronoun's form, or the
    morphology of the noun phrase's determiner and head; a bare name has none."""
    if is_pronoun(doc, mention):
        return _pronoun_agreement(doc, mention)
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return "", ""
    head = span.root
    determiner = next((child for child in head.children if child.dep_ == "det"), None)
    if determiner is None and (head.pos_ in ("PROPN", "X") or head.text[:1].isupper()):
        return "", ""
    words = [determiner, head] if determiner is not None else [head]
    return _first_feature(words, "Gender"), _first_feature(words, "Number")


def _first_feature(tokens: list[Token], feature: str) -> str:
    """The determiner's gender before the noun's: "la sociologue" is feminine, whatever
    the tagger makes of an epicene noun."""
    return next(("".join(t.morph.get(feature)) for t in tokens if t.morph.get(feature)), "")


def _agrees(pronoun: tuple[str, str], antecedent: tuple[str, str]) -> bool:
    return all(not a or not b or a == b for a, b in zip(pronoun, antecedent))


def _cluster_type(cluster: list[Mention]) -> str:
    types = {m.type for m in cluster}
    return next(t for t in _TYPE_PRIORITY if t in types)


def _canonical_name(doc: Doc, cluster: list[Mention]) -> str:
    for mention in cluster:
        if mention.names:
            return next(iter(mention.names.values()))
    for mention in cluster:
        if mention.keys and mention.type == "url":
            return doc_text(doc)[mention.start : mention.end]
    for mention in cluster:
        if not mention.anaphoric:
            return strip_determiner(doc_text(doc)[mention.start : mention.end])
    return strip_determiner(doc_text(doc)[cluster[0].start : cluster[0].end])
