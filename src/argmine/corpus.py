"""Reading, checking and summarising the annotated corpus in ``corpus/``.

The file format is described in ``corpus/FORMAT.md``. Offsets are never stored: a
document's text is its paragraphs joined by a blank line, a paragraph its sentences
joined by one space, and every span is computed from that rule here.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("finding", "rebuttal", "call_to_action", "claim", "other")
MISSION_LABELS = ("finding", "rebuttal", "call_to_action")
SOURCE_TYPES = ("study", "organization", "person", "media", "url", "other")
PARAGRAPH_KINDS = ("heading", "paragraph", "quote", "list_item", "caption")
REGISTERS = (
    "personal_blog",
    "company_blog",
    "op-ed",
    "newsletter",
    "appeal",
    "press_release",
    "popularisation",
    "forum",
    "qa",
    "listicle",
    "news",
    "review",
)
VARIETIES = ("fr-FR", "fr-CA", "fr-BE", "fr-CH", "fr-AF")
SPLITS = ("train", "dev", "test")
PARAGRAPH_SEPARATOR = "\n\n"
SENTENCE_SEPARATOR = " "
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class CorpusMention:
    start: int
    end: int
    type: str
    cue: str
    source: str


@dataclass(frozen=True)
class CorpusSentence:
    start: int
    end: int
    paragraph: int
    label: str
    mentions: tuple[CorpusMention, ...] = ()


@dataclass(frozen=True)
class CorpusParagraph:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class CorpusDocument:
    id: str
    title: str
    topic: str
    register: str
    variety: str
    text: str
    paragraphs: tuple[CorpusParagraph, ...]
    sentences: tuple[CorpusSentence, ...]
    sources: dict[str, dict] = field(default_factory=dict)
    metadata: dict = field(default_factory=dict)

    def sentence_text(self, sentence: CorpusSentence) -> str:
        return self.text[sentence.start : sentence.end]


class CorpusFormatError(ValueError):
    """A corpus file does not follow ``corpus/FORMAT.md``."""


def default_corpus_dir() -> Path:
    """``./corpus`` when run from a checkout, else the source tree's: the corpus is not
    installed with the package."""
    here = Path.cwd() / "corpus"
    if (here / "splits.json").exists():
        return here
    return Path(__file__).resolve().parents[2] / "corpus"


def load_splits(corpus_dir: Path) -> dict[str, str]:
    """Map each topic to its split."""
    raw = json.loads((corpus_dir / "splits.json").read_text(encoding="utf-8"))
    topic_split: dict[str, str] = {}
    for split, topics in raw.items():
        if split not in SPLITS:
            raise CorpusFormatError(f"splits.json: unknown split {split!r}")
        for topic in topics:
            if topic in topic_split:
                raise CorpusFormatError(f"splits.json: topic {topic!r} is in both {topic_split[topic]} and {split}")
            topic_split[topic] = split
    return topic_split


def parse_document(raw: dict, name: str = "?") -> CorpusDocument:
    """Build a document from its JSON form, computing every offset; raise on any defect."""
    problems = []

    def need(condition: bool, message: str) -> None:
        if not condition:
            problems.append(f"{name}: {message}")

    doc_id = raw.get("id", "")
    need(isinstance(doc_id, str) and bool(_ID.match(doc_id)), f"bad id {doc_id!r}")
    need(raw.get("register") in REGISTERS, f"unknown register {raw.get('register')!r}")
    need(raw.get("variety") in VARIETIES, f"unknown variety {raw.get('variety')!r}")
    need(bool(raw.get("title")), "missing title")
    sources = {}
    for source in raw.get("sources", []):
        sid = source.get("id")
        need(sid not in sources, f"source id {sid!r} given twice")
        need(source.get("type") in SOURCE_TYPES, f"source {sid!r}: unknown type {source.get('type')!r}")
        need(bool(source.get("name")), f"source {sid!r}: missing name")
        sources[sid] = source

    text_parts: list[str] = []
    paragraphs: list[CorpusParagraph] = []
    sentences: list[CorpusSentence] = []
    used_sources: set[str] = set()
    offset = 0
    for p_index, paragraph in enumerate(raw.get("paragraphs", [])):
        where = f"paragraph {p_index}"
        need(paragraph.get("kind") in PARAGRAPH_KINDS, f"{where}: unknown kind {paragraph.get('kind')!r}")
        if p_index:
            text_parts.append(PARAGRAPH_SEPARATOR)
            offset += len(PARAGRAPH_SEPARATOR)
        p_start = offset
        p_sentences = paragraph.get("sentences", [])
        need(bool(p_sentences), f"{where}: no sentences")
        for s_index, sentence in enumerate(p_sentences):
            swhere = f"{where}, sentence {s_index}"
            if s_index:
                text_parts.append(SENTENCE_SEPARATOR)
                offset += len(SENTENCE_SEPARATOR)
            s_text = sentence.get("text", "")
            need(
                isinstance(s_text, str) and s_text.strip() == s_text and bool(s_text),
                f"{swhere}: text empty or with surrounding spaces: {s_text!r}",
            )
            need("\n" not in s_text, f"{swhere}: a sentence holds no line break")
            need(sentence.get("label") in LABELS, f"{swhere}: unknown label {sentence.get('label')!r}")
            mentions = []
            for mention in sentence.get("mentions", []):
                m_text = mention.get("text", "")
                occurrence = mention.get("occurrence", 1)
                position = _nth_index(s_text, m_text, occurrence) if m_text else -1
                need(position >= 0, f"{swhere}: mention {m_text!r} is not in the sentence")
                need(
                    mention.get("type") in SOURCE_TYPES,
                    f"{swhere}: mention {m_text!r}: unknown type {mention.get('type')!r}",
                )
                need(
                    mention.get("source") in sources,
                    f"{swhere}: mention {m_text!r}: unknown source {mention.get('source')!r}",
                )
                need(bool(mention.get("cue")), f"{swhere}: mention {m_text!r}: missing cue")
                if position >= 0:
                    used_sources.add(mention.get("source"))
                    mentions.append(
                        CorpusMention(
                            start=offset + position,
                            end=offset + position + len(m_text),
                            type=mention.get("type"),
                            cue=mention.get("cue", ""),
                            source=mention.get("source"),
                        )
                    )
            text_parts.append(s_text)
            sentences.append(
                CorpusSentence(
                    start=offset,
                    end=offset + len(s_text),
                    paragraph=p_index,
                    label=sentence.get("label"),
                    mentions=tuple(mentions),
                )
            )
            offset += len(s_text)
        paragraphs.append(CorpusParagraph(start=p_start, end=offset, kind=paragraph.get("kind")))
    need(bool(paragraphs), "no paragraphs")
    for sid in sources:
        need(sid in used_sources, f"source {sid!r} has no mention")
    if problems:
        raise CorpusFormatError("\n".join(problems))
    return CorpusDocument(
        id=doc_id,
        title=raw["title"],
        topic=raw.get("topic", ""),
        register=raw["register"],
        variety=raw["variety"],
        text="".join(text_parts),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        sources=sources,
        metadata=raw.get("metadata", {}),
    )


def _nth_index(haystack: str, needle: str, n: int) -> int:
    position = -1
    for _ in range(max(n, 1)):
        position = haystack.find(needle, position + 1)
        if position < 0:
            return -1
    return position


def iter_document_files(corpus_dir: Path) -> list[Path]:
    return sorted((corpus_dir / "documents").glob("*.json"))


def load_corpus(corpus_dir: Path | None = None, split: str | None = None) -> list[CorpusDocument]:
    """Load every document (of one split, if given); raise ``CorpusFormatError`` on a defect."""
    corpus_dir = corpus_dir or default_corpus_dir()
    topic_split = load_splits(corpus_dir)
    documents = []
    for path in iter_document_files(corpus_dir):
        document = parse_document(json.loads(path.read_text(encoding="utf-8")), path.name)
        if split is None or topic_split.get(document.topic) == split:
            documents.append(document)
    return documents


def check_corpus(corpus_dir: Path | None = None) -> list[str]:
    """Every problem found in the corpus, one message each; an empty list means it is sound."""
    corpus_dir = corpus_dir or default_corpus_dir()
    problems: list[str] = []
    try:
        topic_split = load_splits(corpus_dir)
    except (OSError, ValueError) as error:
        return [f"splits.json: {error}"]
    seen_ids: dict[str, str] = {}
    for path in iter_document_files(corpus_dir):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            document = parse_document(raw, path.name)
        except json.JSONDecodeError as error:
            problems.append(f"{path.name}: not valid JSON: {error}")
            continue
        except CorpusFormatError as error:
            problems.extend(str(error).splitlines())
            continue
        if document.id != path.stem:
            problems.append(f"{path.name}: id {document.id!r} differs from the file name")
        if document.topic not in topic_split:
            problems.append(f"{path.name}: topic {document.topic!r} is in no split of splits.json")
        if document.id in seen_ids:
            problems.append(f"{path.name}: id also used by {seen_ids[document.id]}")
        seen_ids[document.id] = path.name
    for page in sorted((corpus_dir / "html").glob("*.html")):
        if page.stem not in seen_ids:
            problems.append(f"html/{page.name}: no document {page.stem!r}")
        if not page.with_suffix(".expected.json").exists():
            problems.append(f"html/{page.name}: no {page.stem}.expected.json")
    return problems


def corpus_stats(corpus_dir: Path | None = None) -> dict:
    corpus_dir = corpus_dir or default_corpus_dir()
    documents = load_corpus(corpus_dir)
    topic_split = load_splits(corpus_dir)
    labels = Counter(s.label for d in documents for s in d.sentences)
    by_split = Counter(topic_split[d.topic] for d in documents)
    return {
        "documents": len(documents),
        "sentences": sum(len(d.sentences) for d in documents),
        "labels": {label: labels.get(label, 0) for label in LABELS},
        "topics": len({d.topic for d in documents}),
        "html_pages": len(list((corpus_dir / "html").glob("*.html"))),
        "source_mentions": sum(len(s.mentions) for d in documents for s in d.sentences),
        "registers": dict(Counter(d.register for d in documents).most_common()),
        "varieties": dict(Counter(d.variety for d in documents).most_common()),
        "splits": {split: by_split.get(split, 0) for split in SPLITS},
    }


def agreement(corpus_dir: Path | None = None) -> dict:
    """Cohen's kappa, overall and per label (one against the rest), between the first
    labelling pass and the blind second pass (``agreement/``), and how many first-pass
    labels the adjudication changed in the corpus."""
    from sklearn.metrics import cohen_kappa_score, f1_score

    corpus_dir = corpus_dir or default_corpus_dir()
    passes = [
        json.loads((corpus_dir / "agreement" / name).read_text(encoding="utf-8"))["documents"]
        for name in ("first-pass.json", "second-pass.json")
    ]
    documents = {d.id: d for d in load_corpus(corpus_dir)}
    first_labels, second_labels, adjudicated = [], [], 0
    for doc_id, labels in passes[1].items():
        sentences = documents[doc_id].sentences
        if not len(labels) == len(passes[0][doc_id]) == len(sentences):
            raise CorpusFormatError(f"agreement: {doc_id} has {len(sentences)} sentences, not as many in both passes")
        first_labels.extend(passes[0][doc_id])
        second_labels.extend(labels)
        adjudicated += sum(a != s.label for a, s in zip(passes[0][doc_id], sentences))
    agreed = sum(a == b for a, b in zip(first_labels, second_labels))
    return {
        "documents": len(passes[1]),
        "sentences": len(first_labels),
        "observed_agreement": round(agreed / len(first_labels), 3),
        "kappa": round(cohen_kappa_score(first_labels, second_labels), 3),
        "kappa_per_label": {
            label: round(cohen_kappa_score([a == label for a in first_labels], [b == label for b in second_labels]), 3)
            for label in LABELS
        },
        "mission_macro_f1": round(
            f1_score(first_labels, second_labels, labels=list(MISSION_LABELS), average="macro"), 3
        ),
        "changed_by_adjudication": adjudicated,
    }


if __name__ == "__main__":  # a helper for corpus writers: python src/argmine/corpus.py
    import sys

    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else default_corpus_dir()
    found = check_corpus(directory)
    print("\n".join(found) or "corpus ok")
    print(json.dumps(corpus_stats(directory), ensure_ascii=False, indent=1) if not found else "")
    sys.exit(1 if found else 0)
