"""`argmine evaluate` on a directory shaped like the shared devset, written here."""

import json

import pytest
from click.testing import CliRunner

from argmine.cli import main

PARAGRAPHS = [
    "Selon l'Insee, les loyers ont augmenté de 4 % en un an. Inscrivez-vous à notre lettre.",
    "Le maire affirme que tout va bien. Ce n'est pas ce que montrent les chiffres.",
]
SENTENCES = [
    ("Selon l'Insee, les loyers ont augmenté de 4 % en un an.", 0, "finding", [("l'Insee", "organization")]),
    ("Inscrivez-vous à notre lettre.", 0, "call_to_action", []),
    ("Le maire affirme que tout va bien.", 1, "finding", [("Le maire", "person")]),
    ("Ce n'est pas ce que montrent les chiffres.", 1, "rebuttal", []),
]


@pytest.fixture(scope="module")
def devset(tmp_path_factory):
    directory = tmp_path_factory.mktemp("devset")
    (directory / "docs.jsonl").write_text(
        json.dumps({"doc": "d1", "title": "Loyers", "paragraphs": PARAGRAPHS}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    lines = [
        json.dumps(
            {
                "doc": "d1",
                "p": p,
                "i": i,
                "text": text,
                "label": label,
                "sources": [{"text": t, "type": k} for t, k in s],
            },
            ensure_ascii=False,
        )
        for i, (text, p, label, s) in enumerate(SENTENCES)
    ]
    (directory / "sentences.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def test_sentence_labels_are_scored_on_a_devset(devset):
    result = CliRunner().invoke(main, ["evaluate", "--devset", str(devset), "--json"])
    assert result.exit_code == 0, result.output
    report = next(iter(json.loads(result.output).values()))
    assert report["sentences"] == 4 and report["per_label"]["call_to_action"]["support"] == 1


def test_source_mentions_are_scored_on_a_devset(devset):
    result = CliRunner().invoke(main, ["evaluate", "--sources", "--devset", str(devset)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)[f"sources, devset {devset}"]
    assert figures["gold_mentions"] == 2 and figures["overlap"]["recall"] == 1.0
