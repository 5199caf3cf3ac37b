"""Per-label precision, recall and F1, the mission macro-F1, and a confusion matrix.

Evaluates on the corpus's fixed splits or on a directory shaped like the shared
development set (``docs.jsonl`` + ``sentences.jsonl``), which is read in place and never
copied into the project.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from argmine.classify.features import SentenceContext, sentence_row, with_neighbours
from argmine.corpus import LABELS, MISSION_LABELS


def scores(gold: list[str], predicted: list[str]) -> dict:
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=list(LABELS), zero_division=0
    )
    per_label = {
        label: {
            "precision": round(float(p), 3),
            "recall": round(float(r), 3),
            "f1": round(float(f), 3),
            "support": int(s),
        }
        for label, p, r, f, s in zip(LABELS, precision, recall, f1, support)
    }
    mission = sum(per_label[label]["f1"] for label in MISSION_LABELS) / len(MISSION_LABELS)
    matrix = confusion_matrix(gold, predicted, labels=list(LABELS)).tolist()
    return {
        "sentences": len(gold),
        "per_label": per_label,
        "mission_macro_f1": round(mission, 3),
        "labels": list(LABELS),
        "confusion": matrix,
    }


def devset_rows(directory: Path) -> tuple[list[dict], list[str], list[str]]:
    """Feature rows, gold labels and document ids of a devset-shaped directory."""
    from argmine.devset import read_devset

    documents, by_document = read_devset(directory)
    rows, labels, groups = [], [], []
    for doc_id, sentences in by_document.items():
        paragraphs = documents.get(doc_id, {}).get("paragraphs", [])
        counts = defaultdict(int)
        for sentence in sentences:
            counts[sentence["p"]] += 1
        seen = defaultdict(int)
        document_rows = []
        for index, sentence in enumerate(sentences):
            paragraph = paragraphs[sentence["p"]] if sentence["p"] < len(paragraphs) else ""
            context = SentenceContext(
                paragraph_kind=_guess_kind(paragraph, sentence["text"]),
                index_in_paragraph=seen[sentence["p"]],
                paragraph_sentences=counts[sentence["p"]],
                index_in_document=index,
                document_sentences=len(sentences),
                has_source=bool(sentence.get("sources")),
            )
            seen[sentence["p"]] += 1
            document_rows.append(sentence_row(sentence["text"], context))
            labels.append(sentence["label"])
            groups.append(doc_id)
        rows.extend(with_neighbours(document_rows))
    return rows, labels, groups


def _guess_kind(paragraph: str, sentence: str) -> str:
    """The devset stores paragraph texts, not kinds. A lone unpunctuated short line may be
    a heading or a list item ("Vérifier la compatibilité"), which the heading rule would
    turn to ``other``: only a line without a verb-like first word is taken for a heading."""
    text = paragraph.strip()
    words = text.split()
    if text == sentence.strip() and len(words) <= 12 and text[-1:] not in '.!?…»":;/':
        first = words[0].lower().strip("0123456789.)")
        if not first.endswith(("er", "ir", "re", "ez", "ons")):
            return "heading"
    return "paragraph"


def format_report(report: dict, title: str) -> str:
    lines = [
        f"{title}: {report['sentences']} sentences, mission macro-F1 {report['mission_macro_f1']:.3f}",
        f"{'label':<16}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}",
    ]
    for label, row in report["per_label"].items():
        lines.append(f"{label:<16}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}{row['support']:>9}")
    lines.append("confusion (rows gold, columns predicted): " + " ".join(label[:4] for label in report["labels"]))
    for label, row in zip(report["labels"], report["confusion"]):
        lines.append(f"  {label:<16}" + "".join(f"{n:>6}" for n in row))
    return "\n".join(lines)


def rule_report(rows: list[dict], gold: list[str]) -> dict:
    """Each rule's coverage (sentences it fires on) and precision against the gold labels."""
    from argmine.classify.rules import RULES

    report = {}
    for rule in RULES:
        fired = [(rule(row), label) for row, label in zip(rows, gold)]
        fired = [(predicted, label) for predicted, label in fired if predicted]
        right = sum(predicted == label for predicted, label in fired)
        report[rule.__name__] = {
            "fires": len(fired),
            "coverage": round(len(fired) / len(rows), 3) if rows else 0.0,
            "precision": round(right / len(fired), 3) if fired else None,
        }
    return report
