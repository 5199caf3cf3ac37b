"""How the figures grow with the corpus: train on seeded samples of the train split, then on all.

Run: python bench/corpus_size.py [--devset ../shared/devset] [--sizes 30,118]
Prints the mission macro-F1 on the corpus test split and on the devset for models
trained on seeded samples of the training documents (30: the size of the first corpus;
118: the train split before the real-blog voices were added) and on the whole split.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from argmine.classify import model
from argmine.classify.evaluate import devset_rows, scores
from argmine.corpus import load_corpus

SEED = 13


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devset", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "devset")
    parser.add_argument("--sizes", default="30,118", help="Comma-separated sample sizes.")
    args = parser.parse_args()
    train = load_corpus(None, "train")
    test_rows, test_gold = model.corpus_rows(load_corpus(None, "test"))
    dev_rows, dev_gold, _ = devset_rows(args.devset)
    sizes = [int(size) for size in args.sizes.split(",") if 0 < int(size) < len(train)]
    samples = [(f"{size} documents", random.Random(SEED).sample(train, size)) for size in sizes]
    for name, documents in [*samples, (f"{len(train)} documents", train)]:
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
