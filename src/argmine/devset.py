"""Reading a directory shaped like the shared development set, in place.

``docs.jsonl`` holds one document per line (``doc``, ``title``, ``paragraphs``);
``sentences.jsonl`` one sentence per line (``doc``, ``p``, ``i``, ``text``, ``label``,
``sources``). Its text is read for measuring only and never copied into the project.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path


def read_devset(directory: Path) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    """The documents by id, and each document's sentences in reading order."""
    documents = {record["doc"]: record for record in _records(directory / "docs.jsonl")}
    sentences: dict[str, list[dict]] = defaultdict(list)
    for record in _records(directory / "sentences.jsonl"):
        sentences[record["doc"]].append(record)
    for records in sentences.values():
        records.sort(key=lambda sentence: sentence["i"])
    return documents, dict(sentences)


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
