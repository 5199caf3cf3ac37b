"""The classifier variants of the model card's "Choices" table, measured in one run.

Run: python bench/classifier_variants.py [--devset ../shared/devset] [--skip-cv]
Each variant is trained on the corpus train split and scored on the corpus test split
and on the devset (mission macro-F1 and per-label F1). The last line trains on the corpus
plus the devset's other documents, in folds grouped by devset document, and scores each
fold on documents it was not trained on. Takes a few minutes; nothing here is shipped.
The parse-cue variants of the model card were measured by this script at commit
1a3a261, where the parse cues still existed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from argmine.classify.evaluate import devset_rows, scores
from argmine.classify.model import build_pipeline, corpus_rows
from argmine.classify.rules import RULES, apply_rules
from argmine.corpus import MISSION_LABELS, load_corpus

VOICE_PARSE_CUES = (
    "main_subject",
    "main_negated",
    "embedded_negation",
    "quoted_speech",
    "conditional",
    "modal",
    "reporting",
)
CALL_TO_ACTION_RULES = ("reader_imperative", "infinitive_instruction")


def predict(model, rows: list[dict], rules: bool | str = True) -> list[str]:
    predicted = list(model.predict(rows))
    if not rules:
        return predicted
    if rules == "old":
        kept = [rule for rule in RULES if rule.__name__ not in CALL_TO_ACTION_RULES]
        return [next((r(row) for r in kept if r(row)), label) for row, label in zip(rows, predicted)]
    return [(apply_rules(row) or (label,))[0] for row, label in zip(rows, predicted)]


def line(name: str, test: dict | None, devset: dict) -> None:
    def cell(report):
        if report is None:
            return "   –  " + " " * 26
        f1 = "  ".join(f"{label[:4]} {report['per_label'][label]['f1']:.2f}" for label in MISSION_LABELS)
        return f"{report['mission_macro_f1']:.3f} ({f1})"

    print(f"{name:<58} test {cell(test)}   devset {cell(devset)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "devset")
    parser.add_argument("--skip-cv", action="store_true", help="Skip the grouped cross-validation with devset folds.")
    args = parser.parse_args()

    train, test = load_corpus(None, "train"), load_corpus(None, "test")
    train_rows, train_gold = corpus_rows(train)
    test_rows, test_gold = corpus_rows(test)
    dev_rows, dev_gold, dev_groups = devset_rows(args.devset)

    def run(name, rules=True, c=None):
        model = build_pipeline(*([c] if c else [])).fit(train_rows, train_gold)
        line(
            name,
            scores(test_gold, predict(model, test_rows, rules)),
            scores(dev_gold, predict(model, dev_rows, rules)),
        )

    run("the rules before the call-to-action rules", rules="old")
    run("all rules (shipped)")
    run("all rules, C = 1", c=1.0)
    if not args.skip_cv:
        from sklearn.model_selection import GroupKFold

        predicted = [None] * len(dev_rows)
        groups = np.array(dev_groups)
        for fit_index, score_index in GroupKFold(6).split(dev_rows, groups=groups):
            model = build_pipeline().fit(
                train_rows + [dev_rows[i] for i in fit_index], train_gold + [dev_gold[i] for i in fit_index]
            )
            for i, label in zip(score_index, predict(model, [dev_rows[i] for i in score_index])):
                predicted[i] = label
        line("corpus train + other devset documents (6 grouped folds)", None, scores(dev_gold, predicted))


if __name__ == "__main__":
    main()
