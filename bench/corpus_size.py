"""How the devset figure grows with the corpus: train on 30 documents, then on all.

Run: python bench/corpus_size.py [--devset ../shared/devset]
Prints the mission macro-F1 on the corpus test split and on the devset for a model
trained on a seeded sample of 30 training documents (the size the first corpus had)
and for one trained on the whole train split.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from argmine.classify import model
from argmine.classify.evaluate import devset_rows, scores
from argmine.corpus import load_corpus

FIRST_CORPUS_DOCUMENTS = 30
SEED = 13


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devset", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "devset")
    args = parser.parse_args()
    train = load_corpus(None, "train")
    test_rows, test_gold = model.corpus_rows(load_corpus(None, "test"))
    dev_rows, dev_gold, _ = devset_rows(args.devset)
    sample = random.Random(SEED).sample(train, FIRST_CORPUS_DOCUMENTS)
    for name, documents in ((f"{FIRST_CORPUS_DOCUMENTS} documents", sample), (f"{len(train)} documents", train)):
        fitted = model.train(documents)
        test = scores(test_gold, model.label_rows(fitted, test_rows)[0])
        dev = scores(dev_gold, model.label_rows(fitted, dev_rows)[0])
        print(
            f"{name:>14}: corpus test mission macro-F1 {test['mission_macro_f1']:.3f}, "
            f"devset {dev['mission_macro_f1']:.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
