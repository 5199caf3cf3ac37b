"""Which spaCy components argmine can leave out: time and source quality without each.

Run: PYTHONPATH=src python bench/spacy_components.py
On the first 60 training documents of the corpus, in one process, prints for the
pipeline with every component and without ``ner``, ``lemmatizer`` or both: the time of
the spaCy stage plus source finding, the source mention F1 (overlapping spans) and the
typing accuracy. argmine leaves out what costs time without costing quality
(``argmine.nlp.UNUSED_COMPONENTS``).
"""

from __future__ import annotations

import time

import argmine.nlp as argmine_nlp
from argmine.corpus import load_corpus
from argmine.nlp.evaluate import evaluate_sources

DOCUMENTS = 60
VARIANTS = ((), ("ner",), ("lemmatizer",), ("ner", "lemmatizer"))


def main() -> None:
    documents = load_corpus(None, "train")[:DOCUMENTS]
    for excluded in VARIANTS:
        argmine_nlp.UNUSED_COMPONENTS = excluded
        argmine_nlp.load_pipeline.cache_clear()
        nlp = argmine_nlp.load_pipeline()
        started = time.perf_counter()
        figures = evaluate_sources(documents, nlp)
        seconds = time.perf_counter() - started
        print(
            f"without {', '.join(excluded) or 'nothing':<16} {seconds:5.1f} s, "
            f"mention F1 {figures['overlap']['f1']:.3f}, typing {figures['typing_accuracy']:.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
