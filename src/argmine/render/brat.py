"""brat standoff export, and its way back into the corpus format.

An analysis becomes ``<name>.txt`` (its text) and ``<name>.ann``: one entity per sentence,
typed by its label; one entity per source mention, typed ``source_<type>``; ``attacks`` and
``supports`` relations between sentences; notes carrying the scores and, for a mention,
its source, so that corrected files come back with their sources grouped. brat and
INCEpTION both read this; ``annotation.conf`` and ``visual.conf`` declare the types for brat.
A sidecar ``<name>.argmine.json`` keeps what brat has no place for: title, metadata and
paragraph kinds.

``brat_to_corpus`` turns corrected files back into a document of ``corpus/FORMAT.md``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from argmine.corpus import LABELS, SOURCE_TYPES, CorpusFormatError, parse_document
from argmine.errors import InputError

MENTION_PREFIX = "source_"
SIDECAR_SUFFIX = ".argmine.json"
NOTE_SEPARATOR = " | "
DEFAULT_CUE = "mention"
"""The cue of a mention an editor adds by hand: the word argmine itself uses for a bare mention."""
CORPUS_METADATA_KEYS = ("author", "date", "category", "tags", "sitename")
_LINE_BREAK_RUN = re.compile(r"\s*[\n\r\u2028\u2029\x0b\x0c\x85]\s*")

ANNOTATION_CONF = """[entities]
{labels}
{mentions}

[relations]
attacks\tArg1:rebuttal, Arg2:finding|claim|rebuttal|call_to_action|other
supports\tArg1:finding|claim|rebuttal|call_to_action|other, Arg2:finding|claim|rebuttal|call_to_action|other
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
"""
VISUAL_CONF = """[labels]
finding | finding
rebuttal | rebuttal
call_to_action | call to action | action
claim | claim
other | other

[drawing]
finding\tbgColor:#56B4E9
rebuttal\tbgColor:#D55E00
call_to_action\tbgColor:#CC79A7
claim\tbgColor:#E69F00
other\tbgColor:#dddddd
{mention_colours}
attacks\tcolor:#D55E00, dashArray:3-3
supports\tcolor:#0072B2
"""


def export_name(record: dict) -> str:
    """A file name for the record: the slug of its file or URL, else its id."""
    origin = record.get("origin") or {}
    base = origin.get("path") or (origin.get("url") or "").rstrip("/").rsplit("/", 1)[-1]
    base = Path(base).stem if base and base != "-" else ""
    return slug(base) or record.get("id") or "document"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))[:80].strip("-")


def to_brat(record: dict) -> tuple[str, str]:
    """The ``.txt`` and ``.ann`` of one analysis record."""
    text = record["text"]
    lines, notes = [], []
    entity_of: dict[str, str] = {}
    for sentence in record.get("sentences", []):
        tid = f"T{len(entity_of) + 1}"
        entity_of[sentence["id"]] = tid
        lines.append(_entity(tid, sentence["label"], text, sentence["start"], sentence["end"]))
        scores = " ".join(f"{label}={value:.2f}" for label, value in sentence.get("scores", {}).items())
        notes.append((tid, f"{sentence['id']}{NOTE_SEPARATOR}{scores}"))
    count = len(entity_of)
    for source in record.get("sources", []):
        for mention in source.get("mentions", []):
            count += 1
            tid = f"T{count}"
            lines.append(_entity(tid, MENTION_PREFIX + mention["type"], text, mention["start"], mention["end"]))
            fields = {"source": source["id"], "source_type": source["type"], "cue": mention.get("cue") or DEFAULT_CUE}
            fields["name"] = source["name"]
            notes.append((tid, NOTE_SEPARATOR.join(f"{k}={_one_line(v)}" for k, v in fields.items())))
    for i, relation in enumerate(record.get("relations", []), start=1):
        a, b = entity_of.get(relation["from"]), entity_of.get(relation["to"])
        if a and b:
            lines.append(f"R{i}\t{relation['type']} Arg1:{a} Arg2:{b}")
    for i, (tid, note) in enumerate(notes, start=1):
        lines.append(f"#{i}\tAnnotatorNotes {tid}\t{note}")
    return text, "\n".join(lines) + "\n"


def sidecar(record: dict) -> dict:
    metadata = record.get("metadata") or {}
    return {
        "title": metadata.get("title"),
        "metadata": {k: metadata.get(k) for k in CORPUS_METADATA_KEYS if metadata.get(k)},
        "paragraphs": [[p["start"], p["end"], p["kind"]] for p in record.get("paragraphs", [])],
    }


def annotation_conf() -> str:
    return ANNOTATION_CONF.format(
        labels="\n".join(LABELS), mentions="\n".join(MENTION_PREFIX + kind for kind in SOURCE_TYPES)
    )


def visual_conf() -> str:
    return VISUAL_CONF.format(
        mention_colours="\n".join(f"{MENTION_PREFIX}{kind}\tbgColor:#009E73, fgColor:white" for kind in SOURCE_TYPES)
    )


def write_brat(records: list[dict], directory: Path) -> list[Path]:
    """Write each record's ``.txt``, ``.ann`` and sidecar into ``directory``, with brat's config files."""
    directory.mkdir(parents=True, exist_ok=True)
    written, used = [], set()
    for record in records:
        name = export_name(record)
        if name in used:
            name = f"{name}-{record.get('id', len(used))}"
        used.add(name)
        text, ann = to_brat(record)
        (directory / f"{name}.txt").write_text(text, encoding="utf-8", newline="\n")
        (directory / f"{name}.ann").write_text(ann, encoding="utf-8", newline="\n")
        (directory / f"{name}{SIDECAR_SUFFIX}").write_text(
            json.dumps(sidecar(record), ensure_ascii=False, indent=1), encoding="utf-8"
        )
        written.append(directory / f"{name}.ann")
    (directory / "annotation.conf").write_text(annotation_conf(), encoding="utf-8")
    (directory / "visual.conf").write_text(visual_conf(), encoding="utf-8")
    return written


def _entity(tid: str, kind: str, text: str, start: int, end: int) -> str:
    fragments = _fragments(text, start, end)
    spans = ";".join(f"{a} {b}" for a, b in fragments)
    return f"{tid}\t{kind} {spans}\t{' '.join(text[a:b] for a, b in fragments)}"


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """brat spans hold no line break: a span across lines becomes one fragment per line."""
    fragments, position = [], start
    for match in re.finditer(r"[\n\r]+", text[start:end]):
        if match.start() + start > position:
            fragments.append((position, match.start() + start))
        position = match.end() + start
    if position < end:
        fragments.append((position, end))
    return fragments or [(start, end)]


def _one_line(value) -> str:
    return " ".join(str(value).replace("|", "/").split())


@dataclass(frozen=True)
class _Entity:
    id: str
    type: str
    start: int
    end: int


def read_ann(ann: str, *, name: str) -> tuple[list[_Entity], dict[str, str]]:
    """The text-bound entities of a ``.ann`` and the note of each; other lines are ignored."""
    entities, notes = [], {}
    for number, line in enumerate(ann.splitlines(), start=1):
        if line.startswith("T"):
            parts = line.split("\t")
            head = parts[1].split(" ", 1) if len(parts) >= 2 else []
            try:
                spans = [tuple(int(x) for x in fragment.split()) for fragment in head[1].split(";")]
                start, end = min(a for a, _ in spans), max(b for _, b in spans)
            except (IndexError, ValueError):
                raise InputError(f"{name}: line {number}: not a brat entity: {line[:80]!r}") from None
            entities.append(_Entity(parts[0], head[0], start, end))
        elif line.startswith("#"):
            parts = line.split("\t")
            target = parts[1].split(" ") if len(parts) >= 3 else []
            if len(target) == 2 and target[0] == "AnnotatorNotes":
                notes[target[1]] = parts[2]
    return entities, notes


def brat_to_corpus(
    text: str,
    ann: str,
    *,
    doc_id: str,
    register: str,
    variety: str,
    topic: str = "",
    title: str | None = None,
    metadata: dict | None = None,
    paragraphs: list | None = None,
    name: str = "input",
) -> dict:
    """A corpus document (``corpus/FORMAT.md``) from brat files; raises ``InputError`` on a defect.

    Paragraphs come from ``paragraphs`` ((start, end, kind) from the sidecar) or else from
    blank lines. Every non-blank character must lie in exactly one sentence entity.
    """
    entities, notes = read_ann(ann, name=name)
    sentences = sorted((e for e in entities if e.type in LABELS), key=lambda e: e.start)
    mentions = sorted((e for e in entities if e.type.startswith(MENTION_PREFIX)), key=lambda e: e.start)
    for entity in entities:
        if entity.end > len(text) or entity.start < 0 or entity.start >= entity.end:
            raise InputError(f"{name}: {entity.id} spans {entity.start}-{entity.end}, outside the text")
        if entity.type not in LABELS and not entity.type.startswith(MENTION_PREFIX):
            raise InputError(f"{name}: {entity.id} has the unknown type {entity.type!r}")
    for before, after in zip(sentences, sentences[1:]):
        if after.start < before.end:
            raise InputError(f"{name}: sentences {before.id} and {after.id} overlap")
    covered = [False] * len(text)
    for sentence in sentences:
        covered[sentence.start : sentence.end] = [True] * (sentence.end - sentence.start)
    for offset, char in enumerate(text):
        if not covered[offset] and not char.isspace():
            snippet = " ".join(text[offset : offset + 40].split())
            raise InputError(f"{name}: the text at offset {offset} is in no sentence: {snippet!r}")
    blocks = _paragraph_blocks(text, paragraphs)
    by_block: dict[int, list[_Entity]] = {}
    for sentence in sentences:
        block = next((i for i, (a, b, _) in enumerate(blocks) if a <= sentence.start < b), None)
        if block is None or sentence.end > blocks[block][1]:
            raise InputError(f"{name}: sentence {sentence.id} crosses a paragraph break")
        by_block.setdefault(block, []).append(sentence)
    sources: dict[str, dict] = {}
    per_sentence: dict[str, list[dict]] = {}
    for mention in mentions:
        holder = next((s for s in sentences if s.start <= mention.start and mention.end <= s.end), None)
        if holder is None:
            raise InputError(f"{name}: mention {mention.id} is not inside one sentence")
        kind = mention.type[len(MENTION_PREFIX) :]
        if kind not in SOURCE_TYPES:
            raise InputError(f"{name}: {mention.id} has the unknown source type {kind!r}")
        fields = _note_fields(notes.get(mention.id, ""))
        words = _normalize(text[mention.start : mention.end])
        source_id = fields.get("source") or slug(words) or mention.id.lower()
        if source_id not in sources:
            source_type = fields.get("source_type") if fields.get("source_type") in SOURCE_TYPES else kind
            sources[source_id] = {"id": source_id, "name": fields.get("name") or words, "type": source_type}
        entry = {"text": words, "type": kind, "cue": fields.get("cue") or DEFAULT_CUE, "source": source_id}
        raw_mention = text[mention.start : mention.end]
        own_start = mention.start - holder.start + len(raw_mention) - len(raw_mention.lstrip())
        occurrence = _occurrences_before(text[holder.start : holder.end], raw_mention.strip(), own_start) + 1
        if occurrence > 1:
            entry["occurrence"] = occurrence
        per_sentence.setdefault(holder.id, []).append(entry)
    document_paragraphs = []
    for block in sorted(by_block):
        items = []
        for sentence in by_block[block]:
            item = {"text": _normalize(text[sentence.start : sentence.end]), "label": sentence.type}
            if sentence.id in per_sentence:
                item["mentions"] = per_sentence[sentence.id]
            items.append(item)
        document_paragraphs.append({"kind": blocks[block][2], "sentences": items})
    first = document_paragraphs[0]["sentences"][0]["text"] if document_paragraphs else ""
    raw = {
        "id": doc_id,
        "title": title or first,
        "topic": topic,
        "register": register,
        "variety": variety,
        "metadata": {k: v for k, v in (metadata or {}).items() if k in CORPUS_METADATA_KEYS and v},
        "sources": list(sources.values()),
        "paragraphs": document_paragraphs,
    }
    if not raw["metadata"]:
        del raw["metadata"]
    try:
        parse_document(raw, name)
    except CorpusFormatError as error:
        raise InputError(str(error).splitlines()[0]) from None
    return raw


def _paragraph_blocks(text: str, paragraphs: list | None) -> list[tuple[int, int, str]]:
    if paragraphs:
        return [(int(a), int(b), str(kind)) for a, b, kind in paragraphs]
    return [(m.start(), m.end(), "paragraph") for m in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", text, re.S)]


def _note_fields(note: str) -> dict[str, str]:
    fields = {}
    for part in note.split(NOTE_SEPARATOR.strip()):
        key, sep, value = part.partition("=")
        if sep:
            fields[key.strip()] = value.strip()
    return fields


def _normalize(text: str) -> str:
    """A sentence in the corpus holds no line break: a run of space with one becomes one space."""
    return _LINE_BREAK_RUN.sub(" ", text).strip()


def _occurrences_before(haystack: str, needle: str, position: int) -> int:
    """How many times ``needle`` starts before ``position``, counted as ``corpus._nth_index`` does."""
    count, found = 0, haystack.find(needle)
    while 0 <= found < position:
        count += 1
        found = haystack.find(needle, found + 1)
    return count


def read_brat_file(path: Path) -> tuple[str, str, dict]:
    """The text, annotations and sidecar (or {}) of ``path`` (the ``.ann`` or the ``.txt``)."""
    base = path.with_suffix("")
    txt, ann, side = base.with_suffix(".txt"), base.with_suffix(".ann"), Path(f"{base}{SIDECAR_SUFFIX}")
    for needed in (txt, ann):
        if not needed.is_file():
            raise InputError(f"{path}: no {needed.name} beside it")
    try:
        text = txt.read_text(encoding="utf-8")
        annotations = ann.read_text(encoding="utf-8")
        extra = json.loads(side.read_text(encoding="utf-8")) if side.is_file() else {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: cannot read ({error})") from None
    return text, annotations, extra


def brat_files(path: Path) -> list[Path]:
    """The ``.ann`` files of a directory, or the one file given."""
    if path.is_dir():
        return sorted(path.glob("*.ann"))
    if path.suffix in (".ann", ".txt"):
        return [path.with_suffix(".ann")]
    raise InputError(f"{path}: neither a directory nor a .ann or .txt file")


def import_brat(
    path: Path,
    *,
    output_dir: Path,
    register: str | None = None,
    variety: str | None = None,
    topic: str | None = None,
) -> Path:
    """Import one brat document into ``output_dir/<id>.json``; return the path written.

    ``register``, ``variety`` and ``topic`` come from the options, else from a document of
    the same id already in ``output_dir`` (a correction of it), else from the sidecar.
    """
    text, annotations, extra = read_brat_file(path)
    doc_id = slug(path.with_suffix("").name.removesuffix(".argmine"))
    if not doc_id:
        raise InputError(f"{path}: cannot make a corpus id from the file name")
    target = output_dir / f"{doc_id}.json"
    existing = {}
    if target.is_file():
        try:
            existing = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            existing = {}

    def pick(key: str, given: str | None) -> str | None:
        return given or existing.get(key) or extra.get(key)

    register, variety = pick("register", register), pick("variety", variety)
    if not register or not variety:
        raise InputError(f"{path}: no register or variety known; give --register and --variety")
    raw = brat_to_corpus(
        text,
        annotations,
        doc_id=doc_id,
        register=register,
        variety=variety,
        topic=pick("topic", topic) or "",
        title=existing.get("title") or extra.get("title"),
        metadata=existing.get("metadata") or extra.get("metadata"),
        paragraphs=extra.get("paragraphs"),
        name=str(path),
    )
    output_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(raw, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target
