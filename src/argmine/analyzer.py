"""``Analyzer``: the line from source to ``Analysis``, with models loaded once.

``argmine.analyze(source)`` is a thin wrapper over a process-wide ``Analyzer``; the CLI,
the batch runner and other programs all go through here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from argmine import __version__
from argmine.analysis import (
    Analysis,
    Claim,
    Mention,
    ModelInfo,
    Quote,
    Relation,
    Sentence,
    Source,
)
from argmine.corpus import LABELS
from argmine.document import Document
from argmine.options import Options

NLP_BATCH_SIZE = 16
ATTACK_WINDOW_SENTENCES = 8
"""A rebuttal attacks a finding or claim at most this many sentences before it."""


class Analyzer:
    """Loads the spaCy pipeline and the classifier on first use, then reuses them."""

    def __init__(
        self, *, options: Options | None = None, spacy_model: str | None = None, model_path: str | Path | None = None
    ) -> None:
        from argmine.nlp import DEFAULT_MODEL

        self.options = options or Options()
        self.spacy_model = spacy_model or DEFAULT_MODEL
        self.model_path = str(model_path) if model_path else None

    @property
    def nlp(self):
        from argmine.nlp import load_pipeline

        return load_pipeline(self.spacy_model)

    @property
    def classifier(self):
        from argmine.classify.model import load_bundled

        return load_bundled(self.model_path)

    def analyze(self, source: str | Path) -> Analysis:
        """Read and analyse one source within ``options.time_limit`` (models load outside it)."""
        from argmine.ingest import read_source
        from argmine.limits import time_limit

        self.nlp, self.classifier  # noqa: B018 (loads both before the clock starts)
        with time_limit(self.options.time_limit, name=str(source)):
            return self.analyze_document(read_source(source, options=self.options))

    def analyze_document(self, document: Document) -> Analysis:
        return next(self.analyze_documents([document]))

    def analyze_documents(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """Analyse many documents, batching the spaCy stage with ``nlp.pipe``."""
        from argmine.nlp import make_doc

        nlp, classifier = self.nlp, self.classifier

        def docs_with_context():
            for document in documents:
                yield make_doc(nlp, document.text, document.links), document

        for doc, document in nlp.pipe(docs_with_context(), as_tuples=True, batch_size=NLP_BATCH_SIZE):
            yield self._build(document, doc, classifier)

    def _build(self, document: Document, doc, classifier) -> Analysis:
        from argmine.classify.features import SentenceContext, sentence_row, with_neighbours
        from argmine.classify.model import label_rows

        text = document.text
        spans = _sentence_spans(doc, document)
        mentions = list(doc.spans.get("argmine_sources", []))
        sentence_of = _locator(spans)
        backed: dict[int, list[str]] = {}
        for mention in mentions:
            index = sentence_of(mention.start_char)
            if index is not None and mention._.argmine_source not in backed.setdefault(index, []):
                backed[index].append(mention._.argmine_source)
        per_paragraph: dict[int, int] = {}
        for _, _, paragraph in spans:
            per_paragraph[paragraph] = per_paragraph.get(paragraph, 0) + 1
        rows, seen = [], {}
        for index, (start, end, paragraph) in enumerate(spans):
            position = seen.get(paragraph, 0)
            seen[paragraph] = position + 1
            context = SentenceContext(
                paragraph_kind=document.paragraphs[paragraph].kind if document.paragraphs else "paragraph",
                index_in_paragraph=position,
                paragraph_sentences=per_paragraph[paragraph],
                index_in_document=index,
                document_sentences=len(spans),
                has_source=bool(backed.get(index)),
            )
            rows.append(sentence_row(text[start:end], context))
        labels, probabilities, decided_by = label_rows(classifier, with_neighbours(rows))
        explanations = _explain(classifier, rows, labels, decided_by) if self.options.explain else [None] * len(rows)
        sentences = tuple(
            Sentence(
                id=f"s{i + 1}",
                start=start,
                end=end,
                paragraph=paragraph,
                label=labels[i],
                scores=probabilities[i],
                sources=tuple(backed.get(i, ())),
                explanation=explanations[i],
            )
            for i, (start, end, paragraph) in enumerate(spans)
        )
        return Analysis(
            id=_document_id(document),
            origin=document.origin,
            metadata=document.metadata,
            text=text,
            paragraphs=document.paragraphs,
            sentences=sentences,
            claims=_claims(doc, sentences, sentence_of),
            sources=_sources(doc, mentions, sentences, sentence_of),
            quotes=tuple(
                Quote(
                    start=q.start_char,
                    end=q.end_char,
                    sentence=_sid(sentence_of(q.start_char)),
                    source=q._.argmine_source,
                )
                for q in doc.spans.get("argmine_quotes", [])
            ),
            relations=_relations(sentences),
            model=ModelInfo(name="argmine-sentences", version=__version__, spacy_model=self.spacy_model, labels=LABELS),
            warnings=document.warnings,
        )


def _sentence_spans(doc, document: Document) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of each sentence, trimmed of surrounding white space."""
    text = document.text
    paragraph_starts = [p.start for p in document.paragraphs]
    spans = []
    paragraph = 0
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        while paragraph + 1 < len(paragraph_starts) and paragraph_starts[paragraph + 1] <= start:
            paragraph += 1
        spans.append((start, end, paragraph))
    return spans


def _locator(spans: list[tuple[int, int, int]]):
    import bisect

    starts = [start for start, _, _ in spans]

    def sentence_of(offset: int) -> int | None:
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < spans[index][1]:
            return index
        return None

    return sentence_of


def _sid(index: int | None) -> str | None:
    return None if index is None else f"s{index + 1}"


def _explain(
    classifier, rows: list[dict], labels: list[str], decided_by: list[str | None], top: int = 5
) -> list[tuple[str, ...]]:
    """The rule that decided, or the features that pushed most towards the label (linear weights)."""
    features = classifier.named_steps["features"]
    model = classifier.named_steps["classifier"]
    names = [
        f"{part}: {feature}"
        for part, pipeline in features.transformer_list
        for feature in pipeline.steps[-1][1].get_feature_names_out()
    ]
    matrix = features.transform(rows)
    classes = list(model.classes_)
    explanations = []
    for i, label in enumerate(labels):
        row = matrix.getrow(i)
        weights = model.coef_[classes.index(label)]
        contributions = sorted(((row.data[k] * weights[j], names[j]) for k, j in enumerate(row.indices)), reverse=True)[
            :top
        ]
        reasons = tuple(f"{name} ({value:+.2f})" for value, name in contributions if value > 0)
        explanations.append(((f"rule: {decided_by[i]}",) if decided_by[i] else ()) + reasons)
    return explanations


def _claims(doc, sentences: tuple[Sentence, ...], sentence_of) -> tuple[Claim, ...]:
    claims = []
    text = doc.text  # Doc.text joins every token: read it once, not per claim
    for unit in doc.spans.get("argmine_claims", []):
        index = sentence_of(unit.start_char)
        if index is None or sentences[index].label == "other":
            continue
        start, end = unit.start_char, min(unit.end_char, sentences[index].end)
        while end > start and text[end - 1].isspace():
            end -= 1
        claims.append(
            Claim(id=f"c{len(claims) + 1}", sentence=sentences[index].id, start=start, end=end, role=unit.label_)
        )
    return tuple(claims)


def _sources(doc, mentions, sentences, sentence_of) -> tuple[Source, ...]:
    by_source: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_source.setdefault(mention._.argmine_source, []).append(
            Mention(
                start=mention.start_char,
                end=mention.end_char,
                type=mention.label_,
                cue=mention._.argmine_cue or "",
                sentence=_sid(sentence_of(mention.start_char)),
            )
        )
    sources = []
    for record in doc._.argmine_sources or []:
        found = by_source.get(record["id"], [])
        if not found:
            continue
        backed = tuple(dict.fromkeys(m.sentence for m in found if m.sentence))
        sources.append(
            Source(id=record["id"], name=record["name"], type=record["type"], mentions=tuple(found), sentences=backed)
        )
    return tuple(sources)


def _relations(sentences: tuple[Sentence, ...]) -> tuple[Relation, ...]:
    """First version: a rebuttal attacks the nearest earlier finding (else claim) close by;
    a finding supports the next claim of its paragraph."""
    relations = []
    for i, sentence in enumerate(sentences):
        if sentence.label == "rebuttal":
            window = sentences[max(0, i - ATTACK_WINDOW_SENTENCES) : i]
            target = next((s for s in reversed(window) if s.label == "finding"), None) or next(
                (s for s in reversed(window) if s.label == "claim"), None
            )
            if target:
                relations.append(Relation("attacks", sentence.id, target.id))
        elif sentence.label == "finding":
            target = next(
                (s for s in sentences[i + 1 :] if s.paragraph == sentence.paragraph and s.label == "claim"), None
            )
            if target:
                relations.append(Relation("supports", sentence.id, target.id))
    return tuple(relations)


def _document_id(document: Document) -> str:
    key = document.origin.url or document.origin.path or document.text
    if document.origin.path == "-":
        key = document.text
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
