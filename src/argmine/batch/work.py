"""The worker side of a batch: a chunk of tasks in, finished JSON lines out.

Everything here runs where the analysis runs: in the batch's own process (one worker),
in a pool process, or on a Dask worker. The models load once per process through a
module-level cached ``Analyzer``; what travels back is an ``Outcome`` per task, holding
the finished JSON line, never a spaCy object.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import threading
import time
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from argmine.batch.inputs import Task
from argmine.options import Options

STATUSES = ("ok", "error", "duplicate")


@dataclass(frozen=True)
class Outcome:
    """What became of one task; ``line`` is its output line (absent for a duplicate)."""

    key: str
    id: str
    kind: str
    status: str
    origin: dict
    line: str | None = None
    text_hash: str | None = None
    duplicate_of: str | None = None
    labels: tuple[tuple[str, int], ...] = ()
    seconds: float = 0.0


@lru_cache(maxsize=4)
def cached_analyzer(options: Options, spacy_model: str | None = None):
    from argmine.analyzer import Analyzer

    return Analyzer(options=options, spacy_model=spacy_model)


def load_models(options: Options, spacy_model: str | None = None) -> None:
    """Load the spaCy pipeline and the classifier now (a pool's initializer), not on the first chunk."""
    analyzer = cached_analyzer(options, spacy_model)
    analyzer.nlp, analyzer.classifier  # noqa: B018  (the properties load and cache)


_seen_lock = threading.Lock()
_seen_run = {"run": None, "texts": {}}
"""Main texts this process has analysed in the current run: text hash -> record id."""


def _seen_texts(run_id: str) -> dict[str, str]:
    if _seen_run["run"] != run_id:
        _seen_run["run"], _seen_run["texts"] = run_id, {}
    return _seen_run["texts"]


def text_hash(text: str) -> str:
    return hashlib.blake2b(text.strip().encode("utf-8"), digest_size=16).hexdigest()


def task_id(task: Task) -> str:
    return task.record_id or hashlib.sha256(task.key.encode("utf-8")).hexdigest()[:16]


def analyze_chunk(
    tasks: list[Task], *, options: Options, spacy_model: str | None = None, run_id: str = ""
) -> list[Outcome]:
    """Read, deduplicate and analyse ``tasks`` (through one ``nlp.pipe``); one ``Outcome`` each, in order.

    A failure of one document becomes its error outcome; only a model that cannot load
    (``ModelError``) propagates, since no document could succeed without it.
    """
    analyzer = cached_analyzer(options, spacy_model)
    nlp, _ = analyzer.nlp, analyzer.classifier
    outcomes: list[Outcome | None] = [None] * len(tasks)
    pending: list[tuple[int, object, str, float]] = []
    repeats: list[tuple[int, object, str, float]] = []
    chunk_first: dict[str, int] = {}
    for index, task in enumerate(tasks):
        started = time.perf_counter()
        try:
            document = _document(task, options)
        except Exception as error:  # one bad input never stops the batch
            outcomes[index] = _error(task, error, origin=_input_origin(task), seconds=time.perf_counter() - started)
            continue
        digest = text_hash(document.text)
        with _seen_lock:
            first = _seen_texts(run_id).get(digest)
        seconds = time.perf_counter() - started
        if first is not None:
            outcomes[index] = _duplicate(task, document, digest, first, seconds)
        elif digest in chunk_first:
            repeats.append((index, document, digest, seconds))
        else:
            chunk_first[digest] = index
            pending.append((index, document, digest, seconds))
    started = time.perf_counter()
    results = _analyze(analyzer, nlp, [document for _, document, _, _ in pending])
    nlp_seconds = time.perf_counter() - started
    total_chars = sum(len(document.text) for _, document, _, _ in pending) or 1
    for (index, document, digest, seconds), result in zip(pending, results):
        task = tasks[index]
        seconds += nlp_seconds * len(document.text) / total_chars
        if isinstance(result, Exception):
            outcomes[index] = _error(task, result, origin=_document_origin(task, document), seconds=seconds)
            continue
        record_id = task_id(task)
        result["id"] = record_id
        result["origin"]["input"] = task.key
        labels = Counter(sentence["label"] for sentence in result["sentences"])
        outcomes[index] = Outcome(
            key=task.key,
            id=record_id,
            kind=task.kind,
            status="ok",
            origin=result["origin"],
            line=json.dumps(result, ensure_ascii=False),
            text_hash=digest,
            labels=tuple(sorted(labels.items())),
            seconds=seconds,
        )
        with _seen_lock:
            _seen_texts(run_id).setdefault(digest, record_id)
    for index, document, digest, seconds in repeats:
        first = outcomes[chunk_first[digest]]
        if first.status == "ok":
            outcomes[index] = _duplicate(tasks[index], document, digest, first.id, seconds)
        else:
            message = json.loads(first.line)["error"]["message"]
            outcomes[index] = _error(
                tasks[index],
                RuntimeError(f"same main text as {first.id}, which failed: {message}"),
                origin=_document_origin(tasks[index], document),
                seconds=seconds,
            )
    return outcomes


def _analyze(analyzer, nlp, documents) -> list:
    """Analysis dicts through one batched ``nlp.pipe``; on any failure, again one by one so only the culprit fails.

    The chunk gets ``options.time_limit`` per document; past it, each document is retried
    with its own limit, so a stuck one becomes an error record and the rest go on.

    Each pass runs in a spaCy memory zone, so strings the documents add to the vocabulary
    are freed afterwards and a long batch's memory stays flat.
    """
    from argmine.limits import time_limit

    if not documents:
        return []
    limit = analyzer.options.time_limit
    try:
        with nlp.memory_zone(), time_limit(limit * len(documents) if limit else None, name="chunk"):
            return [analysis.to_dict() for analysis in analyzer.analyze_documents(documents)]
    except Exception:  # noqa: BLE001  (retried one by one below, a stuck one hits its own limit)
        results = []
        for document in documents:
            name = document.origin.path or document.origin.url or "input"
            try:
                with nlp.memory_zone(), time_limit(limit, name=name):
                    results.append(analyzer.analyze_document(document).to_dict())
            except Exception as error:
                results.append(error)
        return results


def _document(task: Task, options: Options):
    from argmine.document import Origin
    from argmine.ingest import document_from_bytes, document_from_text, read_source

    if task.error is not None:
        raise _Listed(*task.error)
    if task.text is not None:
        origin = Origin(path=task.path, url=task.url)
        return document_from_text(task.text, name=task.key, origin=origin, html=task.html, options=options)
    if task.data is not None:
        origin = Origin(
            path=task.path if task.kind == "warc" else None,
            url=task.url,
            fetched_at=task.fetched_at,
            content_type=task.content_type,
        )
        return document_from_bytes(
            task.data,
            name=task.url or task.key,
            origin=origin,
            content_type=task.content_type,
            charset=task.charset,
            options=options,
        )
    return read_source(task.path or task.key, options=options)


class _Listed(Exception):
    """A failure found while listing or fetching the input, carried by the task as (type, message)."""

    def __init__(self, type_name: str, message: str) -> None:
        super().__init__(message)
        self.type_name = type_name


def _input_origin(task: Task) -> dict:
    origin = {"path": task.path, "url": task.url} if task.kind != "file" else {"path": task.path or task.key}
    return {**{k: v for k, v in origin.items() if v is not None}, "input": task.key}


def _document_origin(task: Task, document) -> dict:
    return {**dataclasses.asdict(document.origin), "input": task.key}


def _error(task: Task, error: Exception, *, origin: dict, seconds: float) -> Outcome:
    type_name = error.type_name if isinstance(error, _Listed) else type(error).__name__
    text = str(error)
    record_id = task_id(task)
    record = {
        "id": record_id,
        "origin": origin,
        "error": {"type": type_name, "message": text.splitlines()[0] if text else ""},
    }
    return Outcome(
        key=task.key,
        id=record_id,
        kind=task.kind,
        status="error",
        origin=origin,
        line=json.dumps(record, ensure_ascii=False),
        seconds=seconds,
    )


def _duplicate(task: Task, document, digest: str, first: str, seconds: float) -> Outcome:
    return Outcome(
        key=task.key,
        id=task_id(task),
        kind=task.kind,
        status="duplicate",
        origin=_document_origin(task, document),
        text_hash=digest,
        duplicate_of=first,
        seconds=seconds,
    )


def duplicate_line(outcome: Outcome, first: str) -> str:
    """The output line of a page whose main text was already analysed as ``first``."""
    return json.dumps({"id": outcome.id, "origin": outcome.origin, "duplicate_of": first}, ensure_ascii=False)
