"""Sources: who or what a text cites, typed, and gathered across their mentions.

Mentions come from prepositional cues ("selon X", "d'après X"), reporting verbs with
their subject, wherever it stands ("X affirme que", "..., estime la CGT"), bare study
mentions ("l'étude du site web Workopolis"), credit lines ("Source : ..."), URLs in the
text and the page's hyperlinks (``Doc._.argmine_links``). Headings, asked-for sayings
("il faut que le ministère publie"), pronouns with nothing before them and pronouns after
another mention of their sentence are dropped; a
study and the journal it appeared in make one mention. Types come from the head noun
and a gazetteer before NER labels. Mentions are then gathered into sources: by shared
names, by an acronym in brackets and its expansion, by a domain and its name, and
anaphoric mentions ("la même étude", "cette enquête", "selon elle") go to the latest
source they can refer to.

Results: ``doc.spans["argmine_sources"]`` (label = mention type), ``Span._.argmine_source``
(the source id), ``Span._.argmine_cue``, and ``Doc._.argmine_sources`` (one plain dict per
source: id, name, type).

The package: ``frames`` holds the finders, one attribution frame each, in the order
that settles overlaps; ``spans`` builds a mention's span, ``names`` its names and
``kinds`` its type; ``coreference`` turns mentions into sources; ``document`` keeps the
doc's text, tokens and headings for one call, and ``mention`` the record they all share.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from argmine.nlp.sources.coreference import (
    gather,
    merge_appositions,
    merge_studies_with_their_journals,
    take_acronyms,
    without_orphan_pronouns,
    without_repeated_pronouns,
)
from argmine.nlp.sources.document import CACHE_KEYS, CREDIT_PATTERN, MAX_HEADING_WORDS, in_a_heading
from argmine.nlp.sources.frames import FINDERS
from argmine.nlp.sources.frames.left_subjects import MAX_INCISE_TOKENS
from argmine.nlp.sources.kinds import URL_PATTERN
from argmine.nlp.sources.mention import Mention
from argmine.nlp.sources.spans import MAX_MENTION_TOKENS

__all__ = [
    "CREDIT_PATTERN",
    "MAX_HEADING_WORDS",
    "MAX_INCISE_TOKENS",
    "MAX_MENTION_TOKENS",
    "SPAN_KEY",
    "URL_PATTERN",
    "Mention",
    "SourceFinder",
    "gather",
    "make_source_finder",
    "register_extensions",
]

SPAN_KEY = "argmine_sources"


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
            mentions = without_repeated_pronouns(doc, without_orphan_pronouns(doc, self.find_mentions(doc)))
            sources = gather(doc, mentions)
            self.set_annotations(doc, mentions, sources)
        finally:
            for key in CACHE_KEYS:
                doc.user_data.pop(key, None)
        return doc

    def find_mentions(self, doc: Doc) -> list[Mention]:
        found: list[Mention] = []
        for finder in FINDERS:
            for mention in finder(doc):
                if not any(_overlaps(mention, other) for other in found):
                    found.append(mention)
                elif mention.keys:
                    for other in found:
                        if _overlaps(mention, other):
                            other.keys |= mention.keys
                            other.names.update(mention.names)
        take_acronyms(doc, found)
        found = [mention for mention in found if not in_a_heading(doc, mention)]
        return merge_appositions(doc, merge_studies_with_their_journals(doc, sorted(found, key=lambda m: m.start)))

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


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end
