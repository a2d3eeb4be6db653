"""Scoring against gold files.

``extraction_scores`` is the metric of the Zyte (Scrapinghub) article-extraction benchmark,
reproduced from its ``evaluate.py``: 4-word shingles of ``\\w+`` tokens (case kept), true and
false positives per page normalised by the page's shingle count, precision and recall
averaged over pages, F1 from the two averages.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Mapping

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str | None, n: int) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def shingle_match(true: str | None, predicted: str | None, n: int = 4) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, as fractions of all its shingles."""
    t, p = _shingles(true, n), _shingles(predicted, n)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tp += min(t[key], p[key])
        fp += max(0, p[key] - t[key])
        fn += max(0, t[key] - p[key])
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def extraction_scores(truth: Mapping[str, str], predicted: Mapping[str, str | None]) -> dict:
    """Precision, recall, F1 and exact-match accuracy over the pages of ``truth``."""
    matches = [shingle_match(truth[key], predicted.get(key)) for key in truth]
    precision = statistics.mean([_precision(*m) for m in matches if m[0] + m[1] > 0])
    recall = statistics.mean([_recall(*m) for m in matches if m[0] + m[2] > 0])
    accuracy = statistics.mean(
        float(_TOKEN.findall(truth[key]) == _TOKEN.findall(predicted.get(key) or "")) for key in truth)
    return {"precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "accuracy": accuracy, "pages": len(matches)}
