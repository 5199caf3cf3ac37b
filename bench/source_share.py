"""What share of argmine's spaCy stage the source finder takes.

Run: PYTHONPATH=src python bench/source_share.py [--documents 80] [--repeats 3]
Times each component of argmine's pipeline on the first training documents of the
corpus, in one process, and prints the best of the repeats: every component's seconds,
the share of ``argmine_sources`` in the whole stage and its ratio to the rest.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

from argmine.corpus import load_corpus
from argmine.nlp import load_pipeline, make_doc


def component_seconds(nlp, texts: list[str]) -> dict[str, float]:
    seconds: dict[str, float] = defaultdict(float)
    for text in texts:
        doc = make_doc(nlp, text)
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            seconds[name] += time.perf_counter() - start
    return dict(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=80)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    nlp = load_pipeline()
    texts = [document.text for document in load_corpus(None, "train")[: args.documents]]
    component_seconds(nlp, texts[:5])
    best = min((component_seconds(nlp, texts) for _ in range(args.repeats)), key=lambda s: sum(s.values()))
    total = sum(best.values())
    sources = best["argmine_sources"]
    print(f"{len(texts)} documents, spaCy stage {total:.2f} s: " + ", ".join(f"{k} {v:.2f} s" for k, v in best.items()))
    print(f"argmine_sources: {sources / total:.3f} of the stage, {sources / (total - sources):.3f}x the rest")


if __name__ == "__main__":
    main()
