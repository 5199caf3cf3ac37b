"""Source mentions against the corpus: detection, typing and coreference figures.

Detection is scored at mention level, with exact spans and with overlapping spans
(one predicted mention matches at most one gold mention). Typing accuracy is over the
overlap-matched pairs. Coreference is scored on pairs of matched mentions: a pair is
"same source" in gold when both link to one document source, in prediction when both
carry one source id.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from argmine.corpus import CorpusDocument


def match_mentions(
    gold: list[tuple[int, int]], predicted: list[tuple[int, int]], *, exact: bool
) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, greedily by largest overlap."""
    candidates = []
    for g, (gs, ge) in enumerate(gold):
        for p, (ps, pe) in enumerate(predicted):
            if exact and (gs, ge) != (ps, pe):
                continue
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                candidates.append((overlap, g, p))
    used_gold, used_predicted, pairs = set(), set(), []
    for _, g, p in sorted(candidates, reverse=True):
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
            pairs.append((g, p))
    return pairs


def evaluate_sources(documents: list[CorpusDocument], nlp) -> dict:
    from argmine.nlp import make_doc

    totals = {
        "gold": 0,
        "predicted": 0,
        "exact": 0,
        "overlap": 0,
        "typed": 0,
        "coref_gold": 0,
        "coref_predicted": 0,
        "coref_both": 0,
    }
    texts = (make_doc(nlp, document.text) for document in documents)
    for document, doc in zip(documents, nlp.pipe(texts, batch_size=16)):
        gold = [m for s in document.sentences for m in s.mentions]
        predicted = list(doc.spans.get("argmine_sources", []))
        pairs = _count_detection(totals, [(m.start, m.end) for m in gold], [m.type for m in gold], predicted)
        for (g1, p1), (g2, p2) in combinations(pairs, 2):
            same_gold = gold[g1].source == gold[g2].source
            same_predicted = predicted[p1]._.argmine_source == predicted[p2]._.argmine_source
            totals["coref_gold"] += same_gold
            totals["coref_predicted"] += same_predicted
            totals["coref_both"] += same_gold and same_predicted
    return {
        **_detection_figures(len(documents), totals),
        "coreference_pairs": _prf(totals["coref_both"], totals["coref_predicted"], totals["coref_gold"]),
    }


def evaluate_devset_sources(directory: Path, nlp) -> dict:
    """Mention detection and typing on a devset-shaped directory (``docs.jsonl`` and
    ``sentences.jsonl``, sources given as text inside their sentence), read in place.
    Each document's paragraphs are joined by blank lines and analysed whole."""
    from argmine.devset import read_devset
    from argmine.nlp import make_doc

    by_id, by_document = read_devset(directory)
    documents = list(by_id.values())
    totals = {"gold": 0, "predicted": 0, "exact": 0, "overlap": 0, "typed": 0}
    texts = ["\n\n".join(document["paragraphs"]) for document in documents]
    for document, text, doc in zip(documents, texts, nlp.pipe(make_doc(nlp, text) for text in texts)):
        gold = _devset_gold_mentions(text, by_document.get(document["doc"], []))
        predicted = list(doc.spans.get("argmine_sources", []))
        _count_detection(totals, [(start, end) for start, end, _ in gold], [kind for _, _, kind in gold], predicted)
    return _detection_figures(len(documents), totals)


def _count_detection(totals: dict, gold_spans: list, gold_types: list[str], predicted: list) -> list[tuple[int, int]]:
    """Add one document's detection and typing counts to ``totals``; return its
    overlap-matched (gold, predicted) pairs."""
    predicted_spans = [(m.start_char, m.end_char) for m in predicted]
    pairs = match_mentions(gold_spans, predicted_spans, exact=False)
    totals["gold"] += len(gold_spans)
    totals["predicted"] += len(predicted)
    totals["exact"] += len(match_mentions(gold_spans, predicted_spans, exact=True))
    totals["overlap"] += len(pairs)
    totals["typed"] += sum(gold_types[g] == predicted[p].label_ for g, p in pairs)
    return pairs


def _detection_figures(documents: int, totals: dict) -> dict:
    return {
        "documents": documents,
        "gold_mentions": totals["gold"],
        "predicted_mentions": totals["predicted"],
        "exact": _prf(totals["exact"], totals["predicted"], totals["gold"]),
        "overlap": _prf(totals["overlap"], totals["predicted"], totals["gold"]),
        "typing_accuracy": round(totals["typed"] / totals["overlap"], 3) if totals["overlap"] else 0.0,
    }


def _devset_gold_mentions(text: str, sentences: list[dict]) -> list[tuple[int, int, str]]:
    """(start, end, type) of each gold source in the document text: each sentence is
    found after the one before it, each source inside its sentence."""
    mentions, cursor = [], 0
    for sentence in sentences:
        start = text.find(sentence["text"], cursor)
        if start < 0:
            start = text.find(sentence["text"])
        if start < 0:
            continue
        cursor = start + len(sentence["text"])
        for source in sentence.get("sources", ()):
            offset = sentence["text"].find(source["text"])
            if offset >= 0:
                mentions.append((start + offset, start + offset + len(source["text"]), source["type"]))
    return mentions


def _prf(hits: int, predicted: int, gold: int) -> dict:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
