"""The classifier variants of the model card's "Choices" table, measured in one run.

Run: python bench/classifier_variants.py [--devset ../shared/devset] [--skip-cv] [--skip-calibration]
Each variant is trained on the corpus train split and scored on the corpus test split
and on the devset (mission macro-F1 and per-label F1). The last line trains on the corpus
plus the devset's other documents, in folds grouped by devset document, and scores each
fold on documents it was not trained on. It also prints the expected calibration error
of the shipped model and of a sigmoid-calibrated one. Takes a few minutes; nothing here
is shipped. The parse-cue variants of the model card were measured by this script at
commits 3263f19 (118 training documents) and 1a3a261 (188), where they still existed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from argmine.classify.evaluate import devset_rows, scores
from argmine.classify.model import build_pipeline, corpus_rows
from argmine.classify.rules import RULES, apply_rules
from argmine.corpus import MISSION_LABELS, load_corpus

CALL_TO_ACTION_RULES = ("reader_imperative", "asks_for_the_reader_s_word", "infinitive_instruction")
EARLIER_RULES = tuple(rule for rule in RULES if rule.__name__ not in CALL_TO_ACTION_RULES)
CALIBRATION_BINS = 10


def predict(model, rows: list[dict], rules: tuple = RULES) -> list[str]:
    return [(apply_rules(row, rules) or (label,))[0] for row, label in zip(rows, model.predict(rows))]


def calibration_error(model, rows: list[dict], gold: list[str]) -> tuple[float, float, float]:
    """Expected calibration error of the top label, its mean confidence and the accuracy."""
    probabilities = model.predict_proba(rows)
    confidence = probabilities.max(axis=1)
    right = np.array(model.classes_)[probabilities.argmax(axis=1)] == np.array(gold)
    error = 0.0
    for low in np.linspace(0, 1, CALIBRATION_BINS, endpoint=False):
        in_bin = (confidence > low) & (confidence <= low + 1 / CALIBRATION_BINS)
        if in_bin.any():
            error += in_bin.mean() * abs(right[in_bin].mean() - confidence[in_bin].mean())
    return error, confidence.mean(), right.mean()


def calibration_line(name: str, model, test: tuple, devset: tuple) -> None:
    cells = [
        "{} ECE {:.3f} (confidence {:.2f}, accuracy {:.2f})".format(tag, *calibration_error(model, *rows))
        for tag, rows in (("test", test), ("devset", devset))
    ]
    print(f"{name:<58} " + "   ".join(cells))


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
    parser.add_argument("--skip-calibration", action="store_true", help="Skip the calibrated variant.")
    args = parser.parse_args()

    train, test = load_corpus(None, "train"), load_corpus(None, "test")
    train_rows, train_gold = corpus_rows(train)
    test_rows, test_gold = corpus_rows(test)
    dev_rows, dev_gold, dev_groups = devset_rows(args.devset)

    def run(name, rules=RULES, c=None):
        model = build_pipeline(*([c] if c else [])).fit(train_rows, train_gold)
        line(
            name,
            scores(test_gold, predict(model, test_rows, rules)),
            scores(dev_gold, predict(model, dev_rows, rules)),
        )
        return model

    run("the rules before the call-to-action rules", rules=EARLIER_RULES)
    shipped = run("all rules (shipped)")
    run("all rules, C = 1", c=1.0)
    calibration_line("calibration of the shipped model", shipped, (test_rows, test_gold), (dev_rows, dev_gold))
    if not args.skip_calibration:
        from sklearn.calibration import CalibratedClassifierCV

        calibrated = CalibratedClassifierCV(build_pipeline(), method="sigmoid", cv=5).fit(train_rows, train_gold)
        line(
            "sigmoid calibration (5 folds)",
            scores(test_gold, predict(calibrated, test_rows)),
            scores(dev_gold, predict(calibrated, dev_rows)),
        )
        calibration_line("calibration after it", calibrated, (test_rows, test_gold), (dev_rows, dev_gold))
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
