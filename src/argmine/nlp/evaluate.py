"""Source mentions against the corpus: detection, typing and coreference figures.

Detection is scored at mention level, with exact spans and with overlapping spans
(one predicted mention matches at most one gold mention). Typing accuracy is over the
overlap-matched pairs. Coreference is scored on pairs of matched mentions: a pair is
"same source" in gold when both link to one document source, in prediction when both
carry one source id.
"""

from __future__ import annotations

from itertools import combinations

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
        gold_spans = [(m.start, m.end) for m in gold]
        predicted_spans = [(m.start_char, m.end_char) for m in predicted]
        totals["gold"] += len(gold)
        totals["predicted"] += len(predicted)
        totals["exact"] += len(match_mentions(gold_spans, predicted_spans, exact=True))
        pairs = match_mentions(gold_spans, predicted_spans, exact=False)
        totals["overlap"] += len(pairs)
        totals["typed"] += sum(gold[g].type == predicted[p].label_ for g, p in pairs)
        for (g1, p1), (g2, p2) in combinations(pairs, 2):
            same_gold = gold[g1].source == gold[g2].source
            same_predicted = predicted[p1]._.argmine_source == predicted[p2]._.argmine_source
            totals["coref_gold"] += same_gold
            totals["coref_predicted"] += same_predicted
            totals["coref_both"] += same_gold and same_predicted
    return {
        "documents": len(documents),
        "gold_mentions": totals["gold"],
        "predicted_mentions": totals["predicted"],
        "exact": _prf(totals["exact"], totals["predicted"], totals["gold"]),
        "overlap": _prf(totals["overlap"], totals["predicted"], totals["gold"]),
        "typing_accuracy": round(totals["typed"] / totals["overlap"], 3) if totals["overlap"] else 0.0,
        "coreference_pairs": _prf(totals["coref_both"], totals["coref_predicted"], totals["coref_gold"]),
    }


def _prf(hits: int, predicted: int, gold: int) -> dict:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
