"""CSV export: one row per sentence, for spreadsheets and quick counts.

A text cell that a spreadsheet would read as a formula (it starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) is prefixed with an apostrophe: the text comes from the
open web. Offsets always refer to the analysis ``text``, not to the prefixed cell.
"""

from __future__ import annotations

import csv
import io

from argmine.corpus import LABELS

COLUMNS = (
    ("document", "sentence", "start", "end", "paragraph", "label")
    + tuple(f"score_{label}" for label in LABELS)
    + ("sources", "source_ids", "text")
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_rows(record: dict, *, explain: bool = False) -> list[list]:
    """The rows of one analysis record (none for an error record)."""
    names = {source["id"]: source["name"] for source in record.get("sources", [])}
    rows = []
    for sentence in record.get("sentences", []):
        scores = sentence.get("scores", {})
        row = [
            record.get("id", ""),
            sentence["id"],
            sentence["start"],
            sentence["end"],
            sentence.get("paragraph", ""),
            sentence["label"],
            *(f"{scores[label]:.4f}" if label in scores else "" for label in LABELS),
            _cell("; ".join(names.get(s, s) for s in sentence.get("sources", []))),
            " ".join(sentence.get("sources", [])),
            _cell(record["text"][sentence["start"] : sentence["end"]]),
        ]
        if explain:
            row.append(_cell("; ".join(sentence.get("explanation") or ())))
        rows.append(row)
    return rows


def render_csv(records: list[dict], *, explain: bool = False) -> str:
    """A CSV table of every sentence of ``records``, with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS + (("explanation",) if explain else ()))
    for record in records:
        writer.writerows(csv_rows(record, explain=explain))
    return buffer.getvalue()


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
