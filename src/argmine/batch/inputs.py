"""Listing a batch's inputs as ``Task`` values, streaming.

An input is a file, a directory (walked recursively, by extension), a glob, a JSON Lines
file whose records carry ``url``, ``html`` or ``text``, a WARC file (its HTML responses),
or a URL from a ``--urls`` file. Each task has a stable ``key`` (path, URL, ``file:line``,
``file@offset``) that ``--resume`` uses to skip what is already done. Trouble found while
listing (a glob matching nothing, a broken JSON line, an unreadable archive) becomes a task
that carries its error, so it ends up as an error record like any other failure.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from argmine.ingest.fetch import is_url
from argmine.options import Options

DOCUMENT_EXTENSIONS = (".html", ".htm", ".xhtml", ".txt", ".md", ".markdown")
"""What a directory walk picks up; a file named on the command line is read whatever its name."""

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Task:
    """One input to analyse, and everything a worker needs to read it."""

    key: str
    kind: str
    """Where it came from: ``file``, ``jsonl``, ``warc`` or ``url``."""
    path: str | None = None
    url: str | None = None
    record_id: str | None = None
    text: str | None = None
    html: bool | None = None
    data: bytes | None = None
    content_type: str | None = None
    charset: str | None = None
    fetched_at: str | None = None
    error: tuple[str, str] | None = None
    """(type, message) of a failure found before analysis."""

    @property
    def needs_fetch(self) -> bool:
        return self.url is not None and self.text is None and self.data is None and self.error is None

    def failed(self, error: Exception) -> Task:
        return replace(self, error=(type(error).__name__, _one_line(error)))


def iter_tasks(
    inputs: Iterable[str], *, urls_file: str | Path | None = None, options: Options | None = None, payload: bool = True
) -> Iterator[Task]:
    """Every task of ``inputs`` then of ``urls_file``, read lazily; ``payload=False`` only lists them."""
    options = options or Options()
    for item in inputs:
        yield from _tasks_of_input(str(item), options, payload)
    if urls_file is not None:
        yield from _url_tasks(Path(urls_file))


def _tasks_of_input(item: str, options: Options, payload: bool) -> Iterator[Task]:
    from argmine.errors import InputError

    if is_url(item):
        yield Task(key=item, kind="url", url=item)
        return
    path = Path(item)
    if path.is_dir():
        yield from _directory_tasks(path)
    elif path.exists():
        yield from _file_tasks(path, options, payload)
    elif glob.has_magic(item):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield Task(key=item, kind="file", path=item).failed(InputError(f"{item}: no file matches"))
        for match in matches:
            match_path = Path(match)
            yield from (
                _directory_tasks(match_path) if match_path.is_dir() else _file_tasks(match_path, options, payload)
            )
    else:
        yield Task(key=item, kind="file", path=item).failed(InputError(f"{item}: no such file"))


def _directory_tasks(directory: Path) -> Iterator[Task]:
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(DOCUMENT_EXTENSIONS):
                path = str(Path(root) / name)
                yield Task(key=path, kind="file", path=path)


def _file_tasks(path: Path, options: Options, payload: bool) -> Iterator[Task]:
    name = path.name.lower()
    if name.endswith(".jsonl"):
        yield from _jsonl_tasks(path, payload)
    elif name.endswith(WARC_SUFFIXES):
        yield from _warc_tasks(path, options, payload)
    else:
        yield Task(key=str(path), kind="file", path=str(path))


def _jsonl_tasks(path: Path, payload: bool) -> Iterator[Task]:
    from argmine.errors import InputError

    try:
        stream = path.open("r", encoding="utf-8", errors="replace")
    except OSError as error:
        yield Task(key=str(path), kind="jsonl", path=str(path)).failed(
            InputError(f"{path}: cannot read ({error.strerror or error})")
        )
        return
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            task = Task(key=f"{path}:{number}", kind="jsonl", path=str(path))
            if not payload:
                yield task
                continue
            yield _jsonl_record(task, line)


def _jsonl_record(task: Task, line: str) -> Task:
    from argmine.errors import InputError

    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return task.failed(InputError(f"{task.key}: not valid JSON ({error.msg})"))
    if not isinstance(record, dict):
        return task.failed(InputError(f"{task.key}: a JSON object was expected"))
    record_id = record.get("id")
    task = replace(task, record_id=None if record_id is None else str(record_id))
    url = record.get("url")
    for field, is_html in (("html", True), ("text", False)):
        value = record.get(field)
        if isinstance(value, str):
            return replace(task, text=value, html=is_html, url=url if isinstance(url, str) else None)
    if isinstance(url, str) and is_url(url):
        return replace(task, url=url)
    return task.failed(InputError(f"{task.key}: the record has no url, html or text"))


def _warc_tasks(path: Path, options: Options, payload: bool) -> Iterator[Task]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from argmine.errors import InputError
    from argmine.ingest.fetch import _content_type

    try:
        stream = path.open("rb")
    except OSError as error:
        yield Task(key=str(path), kind="warc", path=str(path)).failed(
            InputError(f"{path}: cannot read ({error.strerror or error})")
        )
        return
    with stream:
        records = ArchiveIterator(stream)
        # The payload is read before get_record_offset(), which moves past an unread payload.
        try:
            for record in records:
                if record.format != "warc":
                    raise ArchiveLoadFailed(f"a record in {record.format} format")
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode() or ""
                content_type, charset = _content_type(record.http_headers.get_header("Content-Type") or "")
                if not status.startswith("2") or content_type not in HTML_CONTENT_TYPES:
                    continue
                body = record.content_stream().read(options.max_input_bytes + 1) if payload else None
                task = Task(
                    key=f"{path}@{records.get_record_offset()}",
                    kind="warc",
                    path=str(path),
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    content_type=content_type,
                    charset=charset,
                    fetched_at=record.rec_headers.get_header("WARC-Date"),
                    data=body,
                )
                yield task
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
            yield Task(key=str(path), kind="warc", path=str(path)).failed(
                InputError(f"{path}: not a readable WARC file ({_one_line(error)})")
            )


def _url_tasks(urls_file: Path) -> Iterator[Task]:
    from argmine.errors import InputError

    with urls_file.open("r", encoding="utf-8", errors="replace") as stream:
        for number, line in enumerate(stream, start=1):
            url = line.strip()
            if not url or url.startswith("#"):
                continue
            if is_url(url):
                yield Task(key=url, kind="url", url=url)
            else:
                yield Task(key=f"{urls_file}:{number}", kind="url").failed(
                    InputError(f"{urls_file}:{number}: not an http(s) URL: {url[:80]}")
                )


def _one_line(error: Exception) -> str:
    text = str(error)
    return text.splitlines()[0] if text else type(error).__name__
