"""The ``Analysis`` value and its JSON form, validated by ``schema/analysis.schema.json``.

Every offset is a character offset into ``text``, end exclusive: ``text[start:end]``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources

from argmine.document import Metadata, Origin, Paragraph

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Sentence:
    id: str
    start: int
    end: int
    paragraph: int
    label: str
    scores: dict[str, float]
    sources: tuple[str, ...] = ()
    explanation: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Claim:
    id: str
    sentence: str
    start: int
    end: int
    role: str


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str
    cue: str
    sentence: str | None


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    type: str
    mentions: tuple[Mention, ...]
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    sentence: str | None
    source: str | None


@dataclass(frozen=True)
class Relation:
    type: str
    source: str
    target: str


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str
    spacy_model: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    id: str
    origin: Origin
    metadata: Metadata
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    sources: tuple[Source, ...]
    quotes: tuple[Quote, ...]
    relations: tuple[Relation, ...]
    model: ModelInfo
    warnings: tuple[str, ...] = ()
    schema_version: str = field(default=SCHEMA_VERSION)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["metadata"]["tags"] = list(data["metadata"]["tags"])
        for sentence in data["sentences"]:
            if sentence["explanation"] is None:
                del sentence["explanation"]
        data["relations"] = [{"type": r["type"], "from": r["source"], "to": r["target"]} for r in data["relations"]]
        ordered = {"schema_version": data.pop("schema_version"), "id": data.pop("id")}
        ordered.update(data)
        return _lists(ordered)

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _lists(value):
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


@lru_cache(maxsize=1)
def schema() -> dict:
    text = resources.files("argmine.schema").joinpath("analysis.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate(record: dict) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``record`` follows the schema."""
    import jsonschema

    jsonschema.validate(record, schema())
