"""Writing analyses in the rendered formats (html, brat, csv) to files or standard output.

The CLI's ``analyze --format`` and ``report`` commands call here; each format's own module
knows only how to turn records into text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from argmine.errors import InputError

RENDERED_FORMATS = ("html", "brat", "csv")
INDEX_NAME = "index.html"


def write_rendered(
    records: list[dict], *, output_format: str, output: Path | None, explain: bool = False
) -> list[Path]:
    """Write ``records`` (analyses and error records) as ``output_format``; return the files written.

    html: one page to ``output`` (or standard output), or, for several records, a directory
    with a page per document and ``index.html``. brat: a directory. csv: one table.
    """
    if output_format == "csv":
        from argmine.render.csv import render_csv

        return _emit(render_csv([r for r in records if "error" not in r], explain=explain), output)
    if output_format == "brat":
        from argmine.render.brat import write_brat

        if output is None:
            raise InputError("--format brat writes files: give -o DIRECTORY")
        return write_brat([r for r in records if "error" not in r], output)
    if output_format == "html":
        return write_html(records, output=output, explain=explain)
    raise ValueError(f"unknown format {output_format!r}")


def write_html(records: list[dict], *, output: Path | None, explain: bool = False) -> list[Path]:
    from argmine.render.html import render_index, render_report

    if len(records) == 1 and not _is_directory(output):
        if "error" in records[0]:
            return []
        return _emit(render_report(records[0], explain=explain), output)
    if output is None:
        raise InputError("several documents give several pages: give -o DIRECTORY")
    output.mkdir(parents=True, exist_ok=True)
    entries, written = [], []
    for record in records:
        if "error" in record:
            entries.append((record, None))
            continue
        name = f"{record['id']}.html"
        (output / name).write_text(render_report(record, explain=explain), encoding="utf-8")
        written.append(output / name)
        entries.append((record, name))
    (output / INDEX_NAME).write_text(render_index(entries), encoding="utf-8")
    return [output / INDEX_NAME, *written]


def read_analyses(path: Path) -> list[dict] | None:
    """The analysis records of a ``.json`` or ``.jsonl`` file written by argmine, or None if it is not one."""
    if path.suffix.lower() not in (".json", ".jsonl") or not path.is_file():
        return None
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read ({error})") from None
    try:
        if path.suffix.lower() == ".json":
            records = [json.loads(content)]
        else:
            records = [json.loads(line) for line in content.splitlines() if line.strip()]
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: not valid JSON ({error.msg}, line {error.lineno})") from None
    if not records or not all(isinstance(r, dict) and ("sentences" in r or "error" in r) for r in records):
        return None
    for record in records:
        if "error" not in record and not isinstance(record.get("text"), str):
            raise InputError(f"{path}: an analysis without its text")
    return records


def _is_directory(output: Path | None) -> bool:
    return output is not None and (output.is_dir() or str(output).endswith(("/", "\\")) or not output.suffix)


def _emit(content: str, output: Path | None) -> list[Path]:
    if output is None:
        sys.stdout.write(content)
        return []
    output.write_text(content, encoding="utf-8", newline="")
    return [output]
