"""Sources: who or what a text cites, typed, and gathered across their mentions.

Mentions come from prepositional cues ("selon X", "d'après X"), reporting verbs with
their subject, wherever it stands ("X affirme que", "..., estime la CGT"), bare study
mentions ("l'étude du site web Workopolis"), credit lines ("Source : ..."), URLs in the
text and the page's hyperlinks (``Doc._.argmine_links``). Headings, asked-for sayings
("il faut que le ministère publie") and pronouns with nothing before them are dropped; a
study and the journal it appeared in make one mention. Types come from the head noun
and a gazetteer before NER labels. Mentions are then gathered into sources: by shared
names, by an acronym in brackets and its expansion, by a domain and its name, and
anaphoric mentions ("la même étude", "cette enquête", "selon elle") go to the latest
source they can refer to.

Results: ``doc.spans["argmine_sources"]`` (label = mention type), ``Span._.argmine_source``
(the source id), ``Span._.argmine_cue``, and ``Doc._.argmine_sources`` (one plain dict per
source: id, name, type).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from argmine.nlp.lexicons import (
    attribution_cues,
    fold,
    gazetteer,
    gazetteer_edge_words,
    person_nouns,
    reporting_verb_lemmas,
    source_nouns,
    source_verb_forms,
    study_nouns,
    vague_sources,
)

SPAN_KEY = "argmine_sources"
_TEXT_KEY = "argmine_text"
_TOKENS_KEY = "argmine_tokens"
_FIGURES_KEY = "argmine_figure_tokens"
_HEADINGS_KEY = "argmine_heading_ranges"
_PARAGRAPH = re.compile(r"(?:^|\n\n)([^\n]+)(?=\n\n|$)")
_CLOSING_PUNCTUATION = (".", "!", "?", "…", "»", '"', "”", ";", ":", ")")
MAX_HEADING_WORDS = 10
URL_PATTERN = re.compile(r"(?:https?://|www\.)[^\s«»\"<>()]*[^\s«»\"<>().,;:!?']", re.I)
CREDIT_PATTERN = re.compile(r"^\s*(source|sources|crédits?|credits?|photo|image|illustration)\s*:\s*", re.I)
_NEGATIVE_DETERMINERS = {"aucun", "aucune", "nul", "nulle"}
_SUBJECT_ADVERBS = {
    "pourtant",
    "toujours",
    "aussi",
    "d'ailleurs",
    "lui",
    "elle",
    "eux",
    "même",
    "encore",
    "déjà",
    "donc",
    "ainsi",
    "également",
    "plutôt",
    "toutefois",
    "cependant",
    "ne",
    "n'",
}
_AUXILIARIES = {
    "a",
    "ont",
    "avait",
    "avaient",
    "aura",
    "auront",
    "aurait",
    "auraient",
    "est",
    "sont",
    "était",
    "étaient",
}
_FAIRE_FORMS = frozenset({"fait", "font", "faisait", "faisaient", "fera", "feront"})
_METTRE_FORMS = frozenset({"met", "mettent", "mettait", "mettaient", "mis", "mettra"})
_PHRASAL_VERB_FORMS = _FAIRE_FORMS | _METTRE_FORMS
_WEEKDAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
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
_NAMED_TYPES = ("person", "organization", "media", "study")
_OBJECT_CLITICS = {"le", "la", "les", "l'", "en", "y", "lui", "leur", "nous", "vous", "me", "m'"}
_WISHING_WORDS = {
    "faut",
    "faudrait",
    "fallait",
    "sans",
    "exigeons",
    "demandons",
    "réclamons",
    "souhaitons",
    "voulons",
    "veut",
    "attendons",
    "avant",
}
_NP_POS = {"DET", "NOUN", "PROPN", "ADJ", "ADP", "NUM"}
_VAGUE_QUANTIFIERS = {"plusieurs", "certains", "certaines", "quelques", "nombre", "beaucoup", "maints"}
MAX_INCISE_TOKENS = 12
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
_RESEARCH_VERB_STEMS = (
    "compt",
    "mesur",
    "suivi",
    "suit",
    "relu",
    "film",
    "analys",
    "interrog",
    "sond",
    "étudi",
    "enregistr",
    "examin",
    "éplu",
    "recens",
    "passé",
    "test",
    "compar",
    "calcul",
    "trouv",
    "chiffr",
    "évalu",
    "observ",
)
"""Verbs of doing research ("a compté", "a passé en revue"); any verb with a source-like
subject cost 8 points of precision for 3 of recall on the corpus's train and dev splits."""
_MEDIA_CUE = re.compile(
    r"\b(?:dans les colonnes (?:de |du |d')|sur le plateau (?:de |du |d')|à l'antenne (?:de |du |d')|au micro (?:de |du |d')|"
    r"(?:un |l')article (?:de |du |d')|dans |sur |par |selon |pour |à |au )",
    re.I,
)
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\(([A-ZÀÂÇÉÈÊÎÔÛ][A-ZÀÂÇÉÈÊÎÔÛa-z&-]{1,9})\)")
_STUDY_JOURNAL_LINK = re.compile(
    r",?\s+(?:publié|parue?|réalisé|mené|commandé|conduit|compilé|repris|financé)e?s?\s+"
    r"(?:[\w'-]+\s+){0,3}?dans\s+",
    re.I,
)
"""What joins a study to the journal or medium that published it ("publiée mardi dans")."""
_INNER_CREDIT = re.compile(r"(?:^|[/|•–—-]\s*)(?:source|sources|crédits?|credits?)\s*:\s*", re.I)
_NP_DEPS = {"det", "amod", "nmod", "flat:name", "flat:foreign", "flat", "fixed", "compound", "nummod", "appos"}
_NP_INNER_DEPS = _NP_DEPS | {"case"}
_ANAPHORIC_DETERMINERS = {"ce", "cet", "cette", "ces", "le", "la", "les", "l'"}
_PRONOUNS = {"il", "elle", "ils", "elles", "lui", "eux", "celle-ci", "celui-ci", "ceux-ci", "celles-ci"}
_INCISE = re.compile(
    r"\b([a-zàâçéèêëîïôûù]+)-(?:t-)?(?:il|elle|ils|elles)\b(?:\s+(?:expliqué|précisé|ajouté|"
    r"affirmé|dit|confié|raconté|souligné|assuré|rappelé|indiqué))?",
    re.I,
)
_PARTICIPLE_CUE = re.compile(
    r"\b(?:(?:cité|citée|cités|citées|interrogé|interrogée|interrogés|interrogées|interviewé|interviewée|"
    r"publié|publiée|publiés|publiées|réalisé|réalisée|réalisés|mené|menée|menés|commandé|commandée|"
    r"relayé|relayée|rapporté|rapportée|diffusé|diffusée)\s+(?:(?:chaque année|en \d{4}|récemment)\s+)?"
    r"(?:par|dans|avec|pour)"
    r"|[a-zàâçéèêëîïôûù]{3,}(?:é|ée|és|ées|is|ise|ises|us|ues)\s+(?:[\wàâçéèêëîïôûù'’-]+\s+){0,4}?par)\s+",
    re.I,
)
"""A participle and its agent: "citée par Radio-Canada", "les données compilées par l'IRBD",
"les 1 800 stations passées au crible par l'institut"."""
_TYPE_PRIORITY = ("study", "person", "organization", "media", "other", "url")
MAX_MENTION_TOKENS = 14
"""Longer noun phrases are clauses the parser attached wrongly (seen on long incises)."""


@dataclass
class Mention:
    start: int
    end: int
    type: str
    cue: str
    keys: set[str] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)
    anaphoric: bool = False
    source_id: str = ""


def register_extensions() -> None:
    for name, default in (("argmine_source", None), ("argmine_cue", None)):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name in ("argmine_sources", "argmine_links"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class SourceFinder:
    """spaCy component: finds source mentions and gathers them into sources."""

    def __init__(self, nlp: Language, name: str = "argmine_sources") -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        try:
            mentions = _without_orphan_pronouns(doc, self.find_mentions(doc))
            sources = gather(doc, mentions)
            self.set_annotations(doc, mentions, sources)
        finally:
            for key in (_TEXT_KEY, _TOKENS_KEY, _FIGURES_KEY, _HEADINGS_KEY):
                doc.user_data.pop(key, None)
        return doc

    def find_mentions(self, doc: Doc) -> list[Mention]:
        found: list[Mention] = []
        for finder in (
            _credit_mentions,
            _after_quote_mentions,
            _cue_mentions,
            _participle_mentions,
            _inverted_mentions,
            _incise_pronoun_mentions,
            _pour_mentions,
            _reporting_mentions,
            _left_subject_mentions,
            _media_mentions,
            _research_subject_mentions,
            _study_mentions,
            _url_mentions,
            _link_mentions,
        ):
            for mention in finder(doc):
                if not any(_overlaps(mention, other) for other in found):
                    found.append(mention)
                elif mention.keys:
                    for other in found:
                        if _overlaps(mention, other):
                            other.keys |= mention.keys
                            other.names.update(mention.names)
        _take_acronyms(doc, found)
        found = [mention for mention in found if not _in_a_heading(doc, mention)]
        return _merge_studies_with_their_journals(doc, sorted(found, key=lambda m: m.start))

    def set_annotations(self, doc: Doc, mentions: list[Mention], sources: list[dict]) -> None:
        spans = []
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, label=mention.type, alignment_mode="expand")
            if span is None:
                continue
            span._.argmine_source = mention.source_id
            span._.argmine_cue = mention.cue
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        doc._.argmine_sources = sources


@Language.factory(
    "argmine_sources",
    assigns=["doc.spans", "doc._.argmine_sources", "span._.argmine_source", "span._.argmine_cue"],
    requires=["token.dep", "token.pos"],
)
def make_source_finder(nlp: Language, name: str) -> SourceFinder:
    return SourceFinder(nlp, name)


def _text(doc: Doc) -> str:
    """The doc's text, built once: ``Doc.text`` joins every token on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = "".join(token.text_with_ws for token in _tokens(doc))
    return text


def _tokens(doc: Doc) -> list[Token]:
    """The doc's tokens, made once: every ``for token in doc`` builds new Token objects,
    and the finders' passes over the doc cost more than the rest of the component."""
    tokens = doc.user_data.get(_TOKENS_KEY)
    if tokens is None:
        tokens = doc.user_data[_TOKENS_KEY] = list(doc)
    return tokens


def _tokens_in_sentences_with_figures(doc: Doc) -> set[int]:
    found = doc.user_data.get(_FIGURES_KEY)
    if found is None:
        found = set()
        for sentence in doc.sents:
            if any(token.like_num or "%" in token.text for token in sentence):
                found.update(range(sentence.start, sentence.end))
        doc.user_data[_FIGURES_KEY] = found
    return found


def _mention_from_tokens(doc: Doc, first: Token, last: Token, cue: str) -> Mention | None:
    span = doc[first.i : last.i + 1]
    while len(span) and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    while len(span) and (span[0].is_punct or span[0].is_space):
        span = span[1:]
    if not len(span) or len(span) > MAX_MENTION_TOKENS or span[0].text.startswith("-"):
        return None
    span = _with_gazetteer_name(_with_hyphenated_names(span))
    if _is_dateline(span):
        return None
    mention = Mention(span.start_char, span.end_char, _mention_type(span), cue)
    mention.keys, mention.names = _names(span)
    mention.anaphoric = _is_anaphoric(span, mention)
    return mention


def _with_gazetteer_name(span: Span) -> Span:
    """Grow a span over a known name that crosses its edge ("Choisir" in "L'UFC-Que
    Choisir", "Les données de Statistique" before "Canada"): the tagger splits a name
    when it misreads one of its words."""
    doc = span.doc
    first_words, last_words = gazetteer_edge_words()
    limit_start = max(span.start - 3, 0)
    limit_end = min(span.end + 3, len(doc))
    windows = [
        (first, last)
        for last in range(limit_end, span.end, -1)
        if _edge_word(doc[last - 1], -1) in last_words
        for first in range(max(last - 5, span.start), span.end)
    ] + [
        (first, last)
        for first in range(limit_start, span.start)
        if _edge_word(doc[first], 0) in first_words
        for last in range(min(first + 5, span.end), span.start, -1)
    ]
    for first, last in windows:
        if _gazetteer_entry(doc[first:last].text):
            return doc[min(first, span.start) : max(last, span.end)]
    return span


def _edge_word(token: Token, position: int) -> str:
    words = fold(token.text).split()
    return words[position] if words else ""


def _is_dateline(span: Span) -> bool:
    """ "Lyon, le 3 mai 2025 — ...": the place that opens a press release is no source."""
    doc = span.doc
    after = doc[span.end : span.end + 3]
    return (
        (span.start == 0 or "\n" in doc[span.start - 1].text_with_ws)
        and len(after) == 3
        and after[0].text == ","
        and after[1].lower_ in ("le", "du")
        and after[2].like_num
    )


def _with_hyphenated_names(span: Span) -> Span:
    """Grow a span over names the tokenizer cut at hyphens ("Test-Achats", "UFC-Que Choisir")."""
    doc, start, end = span.doc, span.start, span.end
    while (
        start > 0 and not doc[start - 1].whitespace_ and (doc[start].text[0] == "-" or doc[start - 1].text[-1] == "-")
    ):
        start -= 1
    while end < len(doc) and not doc[end - 1].whitespace_ and (doc[end].text[0] == "-" or doc[end - 1].text[-1] == "-"):
        end += 1
    if doc[end - 1].text.endswith("-") and end < len(doc) and doc[end].text[:1].isupper():
        end += 1
    return doc[start:end]


def _phrase_mention(doc: Doc, head: Token, cue: str, *, not_before: int = 0) -> Mention | None:
    """The mention made of ``head``'s noun phrase, starting no earlier than ``not_before``
    (so "selon" never ends up inside the mention it introduces)."""
    first, last = _noun_phrase(doc, head)
    return _mention_from_tokens(doc, doc[max(first.i, not_before)], last, cue)


def _noun_phrase(doc: Doc, head: Token) -> tuple[Token, Token]:
    """First and last token of ``head``'s noun phrase, without clauses, coordination or
    verbs (the tagger takes "relève" in "La même enquête relève que" for an adjective)."""
    keep = {head.i}
    stack = [(child, True) for child in head.children]
    verbs = source_verb_forms()
    while stack:
        token, top = stack.pop()
        allowed = _NP_DEPS if top else _NP_INNER_DEPS
        if token.dep_ in allowed and token.pos_ not in ("VERB", "AUX") and token.lower_ not in verbs:
            keep.add(token.i)
            stack.extend((child, False) for child in token.children)
    first = last = head.i
    while first - 1 in keep:
        first -= 1
    while last + 1 in keep:
        last += 1
    return doc[first], doc[last]


def _cue_mentions(doc: Doc):
    lowered = _text(doc).lower()
    for cue in attribution_cues():
        position = lowered.find(cue)
        while position >= 0:
            end = position + len(cue)
            starts_word = position == 0 or not lowered[position - 1].isalnum()
            after = doc.char_span(end, end + 1, alignment_mode="expand") if end < len(_text(doc)) else None
            if starts_word and after is not None and (cue.endswith("'") or not lowered[end : end + 1].isalnum()):
                target = _next_nominal(doc, after.start)
                if target is not None:
                    mention = _phrase_mention(doc, target, _text(doc)[position:end], not_before=after.start)
                    if mention and _is_source_like(doc, mention):
                        yield mention
            position = lowered.find(cue, end)


def _next_nominal(doc: Doc, index: int) -> Token | None:
    for token in doc[index : index + 4]:
        if token.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X") and not token.is_punct:
            head = token
            while (
                head.dep_ in ("flat:name", "flat", "fixed", "compound")
                and head.head.i < token.i + 4
                and head.head != head
            ):
                head = head.head
            return head if head.i >= index else token
        if token.is_punct or token.is_space:
            return None
    return None


def _reporting_mentions(doc: Doc):
    forms, lemmas = source_verb_forms(), reporting_verb_lemmas()
    for verb in _tokens(doc):
        if verb.pos_ not in ("VERB", "AUX") or not (verb.lower_ in forms or verb.lemma_ in lemmas):
            continue
        if _attributes_nothing(verb):
            continue
        for subject in _subjects(verb):
            if subject.lower_ == "qui":
                subject = _relative_antecedent(verb, subject)
                if subject is None:
                    continue
            if subject.pos_ == "PRON" and (subject.lower_ not in _PRONOUNS or subject.dep_ == "nsubj:pass"):
                continue
            mention = _phrase_mention(doc, subject, verb.text)
            if mention and _is_source_like(doc, mention):
                yield mention


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it is coordinated with ("L'association
    se réjouit de la hausse et affirme que...")."""
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubj:pass")]
    if not subjects and verb.dep_ == "conj" and verb.head.i < verb.i:
        subjects = [child for child in verb.head.children if child.dep_ in ("nsubj", "nsubj:pass")]
    return subjects


def _relative_antecedent(verb: Token, relative: Token) -> Token | None:
    """What "qui" stands for: the noun phrase just before it ("ceux de l'Ademe, qui
    évalue"), or a noun above it that the parser hangs the clause on ("le directeur de
    l'institut, qui estime")."""
    doc = relative.doc
    index = relative.i - 1
    if index >= 0 and doc[index].text == ",":
        index -= 1
    if index < 0 or doc[index].pos_ not in ("NOUN", "PROPN"):
        return verb.head if verb.dep_ == "acl:relcl" else None
    head = doc[index]
    while head.dep_ in ("flat:name", "flat", "amod") and head.head.i < head.i:
        head = head.head
    above = head
    while above.dep_ == "nmod" and above.head.pos_ in ("NOUN", "PROPN") and above.head.i < above.i:
        above = above.head
        if verb.dep_ == "acl:relcl" and verb.head == above:
            return above
    return head


def _research_subject_mentions(doc: Doc):
    """ "Une équipe de l'université de Rennes a relu 11 000 articles", "MétéoSuisse a compté
    dix-sept nuits tropicales": a named or typed source as the subject of any verb, in a
    sentence that carries a figure, reports what that source found or did."""
    for verb in _tokens(doc):
        if verb.pos_ != "VERB" or not verb.lower_.startswith(_RESEARCH_VERB_STEMS):
            continue
        if verb.i not in _tokens_in_sentences_with_figures(doc):
            continue
        for subject in verb.children:
            if subject.dep_ not in ("nsubj", "nsubj:pass") or subject.pos_ == "PRON":
                continue
            mention = _phrase_mention(doc, subject, verb.text)
            if mention and (
                mention.type in ("study", "organization", "media") or mention.type == "person" and mention.keys
            ):
                yield mention


def _media_mentions(doc: Doc):
    """A known medium after a preposition of publication: "dans Le Soir", "sur franceinfo",
    "dans les colonnes du Monde" (where "du" holds the medium's article), "J'ai lu dans
    Ouest-France"."""
    text = _text(doc)
    first_words = gazetteer_edge_words()[0]
    for match in _MEDIA_CUE.finditer(text):
        rest = text[match.end() : match.end() + 60]
        if (
            not rest[:1].isupper()
            and not re.match(r"(?:le |la |les |l')\S", rest, re.I)
            and fold(rest.split(" ", 1)[0]) not in first_words
        ):
            continue
        article = "le " if match.group(0).lower().endswith(("du ", "au ")) else ""
        ends = [m.start() for m in re.finditer(r"[\s,.;:!?»)]|$", rest)][:6]
        for length in reversed(ends):
            candidate = rest[:length]
            entry = _gazetteer_entry(candidate) or (article and _gazetteer_entry(article + candidate))
            if length > 1 and entry and entry[1] == "media":
                span = doc.char_span(match.end(), match.end() + length, alignment_mode="expand")
                if span is not None:
                    mention = Mention(span.start_char, span.end_char, "media", match.group(0).strip())
                    mention.keys, mention.names = _names(span)
                    yield mention
                break


def _after_quote_mentions(doc: Doc):
    """ "« ... », m'a dit Jérôme", "« ... », insiste la chercheuse", "« ... », a réagi Marc
    Ducasse": after a closing quote and a comma, a verb (with its clitics and auxiliary)
    and then a noun phrase name the speaker, whatever the verb. The tagger often takes
    the verb for a name and the noun for an adjective here, so this reads forms."""
    tokens = _tokens(doc)
    for index, token in enumerate(tokens[:-3]):
        if token.text not in ("»", "”", '"') or tokens[index + 1].text != ",":
            continue
        position = index + 2
        while position < len(tokens) and tokens[position].lower_ in _CLITICS_AND_AUXILIARIES:
            position += 1
        if position >= len(tokens) - 1 or not tokens[position].is_alpha or tokens[position].text[:1].isupper():
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
        mention = _mention_from_tokens(doc, tokens[start], tokens[end], tokens[position].text)
        if mention:
            if mention.type == "other" and not _is_vague(_text(doc)[mention.start : mention.end]):
                mention.type = "person"
            yield mention


def _attributes_nothing(verb: Token) -> bool:
    """A verb that reports no saying: denied, wished for, an infinitive ("Autant le
    dire"), or a word of a heading in capitals."""
    return _is_negated(verb) or _is_wished(verb) or verb.is_upper or "Inf" in verb.morph.get("VerbForm")


def _is_wished(verb: Token) -> bool:
    """ "Il faut que le ministère publie ses chiffres", "sans qu'un cabinet publie": a
    saying that is asked for or denied has not happened, so it attributes nothing."""
    doc = verb.doc
    for index in range(verb.i - 1, max(verb.i - 8, 0), -1):
        if doc[index].lower_ in ("que", "qu'"):
            return doc[index - 1].lower_ in _WISHING_WORDS
        if doc[index].is_punct:
            return False
    return False


def _in_a_heading(doc: Doc, mention: Mention) -> bool:
    """A heading ("Ce que disent les chercheurs") announces what follows and cites no
    one; credit lines and links, which look like headings, still do."""
    if mention.type == "url" or mention.cue.endswith(":"):
        return False
    return any(start <= mention.start < end for start, end in _heading_ranges(doc))


def _heading_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of short one-line paragraphs with no closing punctuation."""
    ranges = doc.user_data.get(_HEADINGS_KEY)
    if ranges is None:
        ranges = doc.user_data[_HEADINGS_KEY] = [
            match.span(1)
            for match in _PARAGRAPH.finditer(_text(doc))
            if len(match.group(1).split()) <= MAX_HEADING_WORDS
            and not match.group(1).rstrip().endswith(_CLOSING_PUNCTUATION)
            and not CREDIT_PATTERN.match(match.group(1))
            and match.group(1)[:1].isalpha()
        ]
    return ranges


def _merge_studies_with_their_journals(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "une méta-analyse parue dans la revue Y", "un rapport publié dans Le Soir": the
    study and where it appeared are one source, named by one mention from the study noun
    to the title. An author after "par" stays a mention of its own ("une étude menée par
    l'institut X")."""
    text = _text(doc)
    merged: list[Mention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.type == "study"
            and mention.type != "url"
            and _STUDY_JOURNAL_LINK.fullmatch(text[previous.end : mention.start])
        ):
            previous.end = mention.end
            if not previous.keys:
                previous.keys, previous.names = mention.keys, mention.names
                previous.anaphoric = previous.anaphoric and not mention.keys
            continue
        merged.append(mention)
    return merged


def _take_acronyms(doc: Doc, mentions: list[Mention]) -> None:
    """ "la Fédération des étudiants francophones (FEF)": the acronym in brackets after a
    mention becomes one of its names, so that later mentions ("la FEF") join it; a
    mention that swallowed the brackets gives them back."""
    text = _text(doc)
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


def _is_negated(verb: Token) -> bool:
    """ "Rien dans ce document ne dit que...": a denied saying attributes nothing."""
    return any(child.lower_ in ("ne", "n'") for child in verb.children) or (
        verb.i > 0 and verb.doc[verb.i - 1].lower_ in ("ne", "n'")
    )


def _inverted_mentions(doc: Doc):
    """ "« ... », estime Jeanne Morel", "une explication que conteste le syndicat": the
    parser often misses the inverted subject."""
    forms = source_verb_forms()
    for verb in _tokens(doc):
        if verb.lower_ not in forms or verb.i == 0 or verb.i + 1 >= len(doc) or verb.is_upper:
            continue
        before = doc[verb.i - 1]
        if before.lower_ not in _INVERSION_OPENERS or doc[verb.i + 1].pos_ not in ("DET", "PROPN", "NOUN"):
            continue
        target = _next_nominal(doc, _after_time_phrases(_tokens(doc), verb.i + 1))
        if target is not None:
            mention = _phrase_mention(doc, target, verb.text)
            if mention and _is_source_like(doc, mention):
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


def _incise_pronoun_mentions(doc: Doc):
    """ "ajoute-t-elle", "m'a-t-il expliqué", "dit-il": the pronoun names the speaker.
    An incise follows a comma, a quote or a clitic; elsewhere the inversion asks a
    question ("L'étude a-t-elle été reproduite ?")."""
    forms = source_verb_forms() | {"a", "ont", "avait", "avaient"}
    text = _text(doc)
    for match in _INCISE.finditer(text):
        opener = text[max(match.start() - 4, 0) : match.start()].rstrip()
        if match.group(1).lower() in forms and opener.endswith(_INCISE_OPENERS):
            mention = Mention(match.start(), match.end(), "person", match.group(0))
            mention.anaphoric = True
            yield mention


def _participle_mentions(doc: Doc):
    """ "citée par Radio-Canada", "publiée dans JAMA", "réalisé avec OpinionWay"."""
    for match in _PARTICIPLE_CUE.finditer(_text(doc)):
        after = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        target = _next_nominal(doc, after.start) if after is not None else None
        if target is None:
            continue
        mention = _phrase_mention(doc, target, match.group(0).strip(), not_before=after.start)
        if mention and (mention.keys or mention.type in ("media", "organization", "person", "study")):
            yield mention


def _pour_mentions(doc: Doc):
    """ "Pour Marion Durieux, trois gestes suffisent": a sentence-initial "Pour" and a
    noun phrase that can hold a view, closed by a comma, attribute the rest of the sentence."""
    for sentence in doc.sents:
        tokens = [t for t in sentence if not t.is_space]
        if len(tokens) < 4 or tokens[0].lower_ not in ("pour", "selon"):
            continue
        comma = next((t for t in tokens[1:12] if t.text == ","), None)
        if comma is None or comma.i - tokens[0].i < 2:
            continue
        mention = _mention_from_tokens(doc, tokens[1], doc[comma.i - 1], tokens[0].text)
        if mention and _can_hold_a_view(doc, mention):
            yield mention


def _can_hold_a_view(doc: Doc, mention: Mention) -> bool:
    """ "Pour le criminologue,", "Pour certains observateurs,", "Pour elle,": whoever can
    hold a view; not "Pour un agriculteur de la Drôme," or "Pour les produits frais,"
    (for whom something holds), whose head is a plain common noun."""
    if mention.anaphoric or _is_vague(_text(doc)[mention.start : mention.end]):
        return True
    if not mention.keys and mention.type not in _NAMED_TYPES:
        return False
    head = doc.char_span(mention.start, mention.end, alignment_mode="expand").root
    return mention.type == "person" or head.text[:1].isupper() or _is_typed_noun(head) or head.pos_ == "PROPN"


def _study_mentions(doc: Doc):
    nouns = study_nouns()
    for token in _tokens(doc):
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns and token.lower_ not in nouns:
            continue
        if token.i and doc[token.i - 1].lower_ == "par":
            continue
        determiners = [child.lower_ for child in token.children if child.dep_ == "det"]
        if not determiners or determiners[0] in _NEGATIVE_DETERMINERS:
            continue
        mention = _phrase_mention(doc, token, "mention")
        if mention and _cites_a_study(token, mention):
            mention.type = "study"
            yield mention


def _cites_a_study(head: Token, mention: Mention) -> bool:
    """A study noun that cites: named, repeated ("la même étude"), the subject of a verb,
    or described ("publiée mardi", "menée auprès de"); not "l'étude complète" in a heading."""
    if mention.keys or mention.anaphoric and "même" in _text(head.doc)[mention.start : mention.end].lower():
        return True
    if head.dep_ in ("nsubj", "nsubj:pass"):
        generic = any(child.dep_ == "cop" for child in head.head.children) or any(
            child.dep_ == "det" and child.lower_ == "les" for child in head.children
        )
        return not generic  # not "Un sondage est une photographie", "Les études disponibles"
    return any(child.dep_ in ("acl", "nmod") and child.pos_ in ("VERB", "PROPN") for child in head.children)


def _left_subject_mentions(doc: Doc):
    """ "La FSMA rappelle que": the tagger often takes the verb for a noun and no subject
    is parsed; the noun phrase just left of a reporting verb form that opens a "que",
    quote or colon clause is its subject."""
    forms = source_verb_forms()
    for verb in _tokens(doc):
        phrasal = verb.lower_ in _PHRASAL_VERB_FORMS and _is_phrasal_cue(verb)
        if verb.lower_ not in forms and not phrasal or verb.i + 1 >= len(doc) or verb.i == 0:
            continue
        if _attributes_nothing(verb):
            continue
        cue = doc[verb.i : verb.i + (3 if doc[verb.i + 1].lower_ == "en" else 2)].text if phrasal else verb.text
        following = doc[verb.i + 1 : verb.i + 7]
        if not phrasal and not any(t.lower_ in ("que", "qu'", "«", ":", '"', "de", "d'") for t in following):
            continue
        pronoun = _subject_pronoun_before(doc, verb.i)
        end = _skip_incises(doc, verb.i - 1)
        if pronoun is None and end >= 0 and doc[end].lower_ in _PRONOUNS and doc[end].lower_ not in ("lui", "eux"):
            pronoun = doc[end]
        if pronoun is not None:
            mention = _mention_from_tokens(doc, pronoun, pronoun, cue)
            if mention:
                yield mention
            continue
        head = _noun_before_adjectives(doc, end)
        if head < 0 or (
            doc[head].pos_ not in ("NOUN", "PROPN")
            and not doc[head].is_upper
            and not _is_typed_noun(doc[head])
            and not _is_sentence_initial_name(doc[head])
        ):
            continue
        while end + 1 < verb.i and doc[end + 1].pos_ == "ADJ":
            end += 1
        start = head
        while start - 1 >= 0 and not doc[start - 1].is_sent_end and doc[start - 1].pos_ in _NP_POS:
            start -= 1
        while start < end and doc[start].pos_ == "ADP":
            start += 1
        mention = _mention_from_tokens(doc, doc[start], doc[end], cue)
        if mention and _is_source_like(doc, mention):
            yield mention


def _is_phrasal_cue(verb: Token) -> bool:
    """ "font valoir", "fait remarquer", "met en garde", "mettent en avant": a verb of
    saying made of words that say nothing alone."""
    following = " ".join(token.lower_ for token in verb.doc[verb.i + 1 : verb.i + 3])
    if verb.lower_ in _FAIRE_FORMS:
        return following.split(" ")[0] in ("valoir", "remarquer", "observer")
    return verb.lower_ in _METTRE_FORMS and following in ("en garde", "en avant")


def _subject_pronoun_before(doc: Doc, index: int) -> Token | None:
    """ "un chiffre qu'elle juge", "comme il l'a écrit": a subject pronoun just before the
    verb, past its object clitics and auxiliary."""
    index -= 1
    while index >= 0 and doc[index].lower_ in _OBJECT_CLITICS | _AUXILIARIES:
        index -= 1
    if index >= 0 and doc[index].lower_ in ("il", "elle", "ils", "elles"):
        return doc[index]
    return None


def _is_typed_noun(token: Token) -> bool:
    return token.lower_ in study_nouns() or token.lower_ in source_nouns() or token.lower_ in person_nouns()


def _noun_before_adjectives(doc: Doc, index: int) -> int:
    """Walk left over the adjectives after a head noun ("L'Agence spatiale canadienne"),
    which the tagger often takes for verbs just before a reporting verb."""
    while (
        index > 0
        and not _is_typed_noun(doc[index])
        and doc[index].pos_ in ("ADJ", "VERB")
        and doc[index].is_lower
        and doc[index].lower_ not in source_verb_forms()
        and doc[index - 1].pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
        and not doc[index - 1].is_punct
    ):
        index -= 1
    return index


def _is_sentence_initial_name(token: Token) -> bool:
    """ "Enedis rappelle que": an opening capitalised word that is not a function word
    is a name, whatever tag the tagger gives it."""
    return token.is_sent_start and token.is_title and token.is_alpha and len(token) > 2 and not token.is_stop


def _skip_incises(doc: Doc, index: int) -> int:
    """Walk left over adverbs, auxiliaries and a comma-framed incise ("Biowallonie, de son
    côté, rappelle", "Le Club, qui n'a pas participé au test, rappelle", "L'Anses a
    d'ailleurs estimé")."""
    while index >= 0:
        if doc[index].lower_ in _SUBJECT_ADVERBS or doc[index].lower_ in _AUXILIARIES | _OBJECT_CLITICS:
            index -= 1
        elif doc[index].pos_ == "ADV" and doc[index].is_lower and not doc[index].is_punct:
            index -= 2 if index and doc[index - 1].lower_ in ("d'", "de", "en", "pour", "par") else 1
        elif doc[index].text == ",":
            opening = next(
                (i for i in range(index - 1, max(index - MAX_INCISE_TOKENS, -1), -1) if doc[i].text == ","), None
            )
            if opening is None:
                return index - 1
            if _is_name(doc[opening + 1 : index]):
                return index - 1
            index = opening - 1
        else:
            return index
    return index


def _is_name(span: Span) -> bool:
    """ "Marc Morel" in "Mon professeur, Marc Morel, estime": a name in apposition is the
    subject to cite, rather than the description before it."""
    return 0 < len(span) <= 4 and all(token.is_title and token.pos_ in ("PROPN", "NOUN", "X") for token in span)


def _credit_mentions(doc: Doc):
    for match in re.finditer(r"(?m)^[^\n]*$", _text(doc)):
        line = match.group(0)
        credit = CREDIT_PATTERN.match(line)
        if not credit or len(line) > 200:
            continue
        last_credit = next(reversed(list(_INNER_CREDIT.finditer(line))), None)
        if last_credit is not None and last_credit.end() > credit.end():
            credit = last_credit
        start = match.start() + credit.end()
        end = match.end()
        while end > start and _text(doc)[end - 1] in " .;\u00a0":
            end -= 1
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            mention = Mention(span.start_char, span.end_char, _mention_type(span), line[: credit.end()].strip())
            mention.keys, mention.names = _names(span)
            yield mention


def _url_mentions(doc: Doc):
    for match in URL_PATTERN.finditer(_text(doc)):
        mention = Mention(match.start(), match.end(), "url", "url")
        mention.keys, mention.names = _url_keys(match.group(0))
        yield mention


def _link_mentions(doc: Doc):
    for start, end, href in doc._.argmine_links or ():
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        mention = Mention(span.start_char, span.end_char, "url", "lien")
        mention.keys, mention.names = _url_keys(href)
        yield mention


def _url_keys(url: str) -> tuple[set[str], dict[str, str]]:
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


def _names(span: Span) -> tuple[set[str], dict[str, str]]:
    """Folded proper names in the span (keys to gather mentions), with their written form."""
    keys: set[str] = set()
    names: dict[str, str] = {}
    entry = _gazetteer_entry(span.text)
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
        )
    if token.is_upper and len(token) > 5 and fold(token.text) not in gazetteer():
        return False
    return token.pos_ == "PROPN" or (token.i > span.start and token.text[:1].isupper())


def _gazetteer_entry(text: str) -> tuple[str, str] | None:
    return gazetteer().get(fold(text)) or gazetteer().get(fold(_strip_determiner(text)))


def _strip_determiner(text: str) -> str:
    return re.sub(r"^(?:l'|l’|le |la |les |du |des |de la |de l'|un |une )", "", text.strip(), flags=re.I)


def _mention_type(span: Span) -> str:
    text = span.text
    if URL_PATTERN.fullmatch(text.strip()):
        return "url"
    head = span.root
    head_words = {head.lower_, head.lemma_.lower()}
    if head_words & study_nouns():
        return "study"
    entry = _gazetteer_entry(text)
    if entry:
        return entry[1]
    for token in span:
        entry = gazetteer().get(fold(token.text)) if token.pos_ == "PROPN" else None
        if entry and token.i == head.i:
            return entry[1]
    if _is_vague(text):
        return "other"
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


def _is_source_like(doc: Doc, mention: Mention) -> bool:
    """A cited noun phrase that can name where information comes from: a name, a typed
    head noun, a vague attribution or a pronoun ("selon les cultures" names nothing)."""
    return (
        bool(mention.keys)
        or mention.type != "other"
        or mention.anaphoric
        or _is_vague(_text(doc)[mention.start : mention.end])
    )


def _is_vague(text: str) -> bool:
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


def _is_anaphoric(span: Span, mention: Mention) -> bool:
    if mention.keys:
        return False
    if span[0].lower_ in _PRONOUNS and len(span) == 1:
        return True
    words = {t.lower_ for t in span}
    if "même" in words or "mêmes" in words:
        return mention.type != "other"  # "la même étude", not "du même souffle"
    first = span[0].lower_
    return first in _ANAPHORIC_DETERMINERS and mention.type == "study"


def _without_orphan_pronouns(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Drop a pronoun ("elle estime") that no earlier mention can stand behind: it names
    the subject of the text, not a source."""
    kept: list[Mention] = []
    for mention in mentions:
        if not _is_pronoun(doc, mention) or any(not _is_pronoun(doc, other) for other in kept):
            kept.append(mention)
    return kept


def _is_pronoun(doc: Doc, mention: Mention) -> bool:
    text = _text(doc)[mention.start : mention.end].lower()
    return text in _PRONOUNS or text.startswith("-") or bool(_INCISE.fullmatch(text))


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def gather(doc: Doc, mentions: list[Mention]) -> list[dict]:
    """Group mentions into sources; set ``mention.source_id``; return the sources."""
    _borrow_known_names(doc, mentions)
    clusters: list[list[Mention]] = []
    cluster_of_key: dict[str, int] = {}
    for mention in mentions:
        target = None
        for key in mention.keys:
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
            target = _antecedent(clusters, mention)
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


def _borrow_known_names(doc: Doc, mentions: list[Mention]) -> None:
    """A mention with no name of its own takes a name that another mention of the
    document carries, when one of its words is that name: "LE SITE D'EMPLOI WORKOPOLIS"
    (capitals hide the proper noun) joins "l'étude du site web Workopolis"."""
    known = {key for mention in mentions for key in mention.keys if len(key) > 3}
    if not known:
        return
    text = _text(doc)
    for mention in mentions:
        if mention.keys or mention.type == "url":
            continue
        words = {fold(word).replace(" ", "") for word in re.findall(r"[\w-]+", text[mention.start : mention.end])}
        found = words & known
        if found:
            mention.keys = set(found)
            mention.anaphoric = False


def _antecedent(clusters: list[list[Mention]], mention: Mention) -> int | None:
    """The latest earlier source of a compatible type."""
    wanted = {"study"} if mention.type == "study" else {"person", "organization", "media", "study", "other"}
    for index in range(len(clusters) - 1, -1, -1):
        if any(m.type in wanted and m.start < mention.start for m in clusters[index]):
            return index
    return None


def _cluster_type(cluster: list[Mention]) -> str:
    types = {m.type for m in cluster}
    return next(t for t in _TYPE_PRIORITY if t in types)


def _canonical_name(doc: Doc, cluster: list[Mention]) -> str:
    for mention in cluster:
        if mention.names:
            return next(iter(mention.names.values()))
    for mention in cluster:
        if mention.keys and mention.type == "url":
            return _text(doc)[mention.start : mention.end]
    for mention in cluster:
        if not mention.anaphoric:
            return _strip_determiner(_text(doc)[mention.start : mention.end])
    return _strip_determiner(_text(doc)[cluster[0].start : cluster[0].end])
