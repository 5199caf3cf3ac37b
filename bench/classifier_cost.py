"""Cost of the classifier against the spaCy parse, on the same 50-sentence article.

Run: python bench/classifier_cost.py
Prints, in one process: the spaCy parse of a 50-sentence article (fr_core_news_sm, bare
``nlp``), loading the classifier from its skops file, and labelling the 50 sentences,
each as a ratio to the parse.
"""

from __future__ import annotations

import time

from argmine.classify import model
from argmine.classify.features import SentenceContext, sentence_row, with_neighbours
from argmine.corpus import load_corpus

SENTENCES = 50
REPEATS = 5


def best_of(function) -> float:
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    import spacy

    texts = [d.sentence_text(s) for d in load_corpus(None, "test") for s in d.sentences][:SENTENCES]
    article = " ".join(texts)
    nlp = spacy.load("fr_core_news_sm")
    nlp(article)
    parse = best_of(lambda: nlp(article))
    load = best_of(lambda: model.load(model.bundled_model_path()))
    classifier = model.load(model.bundled_model_path())

    def label() -> None:
        rows = with_neighbours(
            [
                sentence_row(text, SentenceContext(index_in_document=i, document_sentences=SENTENCES))
                for i, text in enumerate(texts)
            ]
        )
        model.label_rows(classifier, rows)

    labelling = best_of(label)
    print(f"spaCy parse of {SENTENCES} sentences: {parse * 1000:.0f} ms (1.00)")
    print(f"labelling them:                     {labelling * 1000:.0f} ms ({labelling / parse:.2f} of the parse)")
    print(f"loading the classifier (once):      {load * 1000:.0f} ms ({load / parse:.2f} of the parse)")


if __name__ == "__main__":
    main()
