"""Scoring against gold files: one path, gold -> code -> score, for every kind of gold.

``evaluate_gold`` reads a gold file with the reader of its format (``read_gold``), codes its
documents through the public ``Pipeline`` (``code_gold``) and scores the articles with the
scorer of its kind (``score_gold``):

- the seed format and the holdout format (``evaluate_articles``): events against items, by
  the rules of ``../shared/tools/score_events.py``;
- the PLOVER gold standard (``evaluate_plover``): coded sentences, their type and actors.

Every reader returns a ``Gold``: the documents to code, each with its gold items, the
settings and the stages to code them with. Scores keep counts, as integers; ratios are
computed from them only when printed or serialised (``as_dict``).

``extraction_scores`` is the metric of the Zyte (Scrapinghub) article-extraction benchmark,
reproduced from its ``evaluate.py``: 4-word shingles of ``\\w+`` tokens (case kept), true and
false positives per page normalised by the page's shingle count, precision and recall
averaged over pages, F1 from the two averages.
"""

from __future__ import annotations

import json
import logging
import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .config import Settings
from .errors import BadGold
from .model import Article, Document

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class GoldUnit:
    """One document to code and the gold items it is scored against."""

    label: str  # how reports name it: the doc_id, the path or the sentence's id
    document: Document
    items: tuple  # EventItem (seed, holdout) or PloverItem (PLOVER) records


@dataclass(frozen=True)
class Gold:
    """A gold file read: its units in order, and how to code them.

    ``kind`` is "seed", "articles" (the holdout format) or "plover". When the first of
    ``stages`` takes documents (clean), the documents are coded whole; else their content
    is the clean text (the PLOVER sentences).
    """

    kind: str
    path: Path
    units: tuple[GoldUnit, ...]
    settings: Settings
    stages: tuple[str, ...]


class Score(Protocol):
    """What a scorer returns: counts, and the ratios made from them on demand."""

    kind: str

    @property
    def recall(self) -> float: ...

    @property
    def precision(self) -> float: ...

    @property
    def type_accuracy(self) -> float: ...

    def as_dict(self) -> dict: ...


def ratio(part: int, whole: int) -> float:
    """``part / whole``, or 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def read_gold(path, settings: Settings | None = None, corpus=None) -> Gold:
    """Read a gold file with the reader of its format: the PLOVER gold standard (a JSON
    list of coded sentences), the holdout format (``{"articles": [...]}``, paths under
    ``corpus``) or the seed format (one article beside the gold file)."""
    from .evaluate_articles import read_holdout, read_seed
    from .evaluate_plover import read_plover

    path = Path(path)
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadGold(f"{path} is not a JSON file: {error}") from None
    if not isinstance(data, list | dict):
        raise BadGold(f"{path} holds neither a list of sentences nor an object")
    settings = (settings or Settings()).replace(dedupe=False)
    if isinstance(data, list):
        return read_plover(path, data, settings)
    if "articles" in data:
        return read_holdout(path, data, settings, Path(corpus) if corpus else path.parent)
    return read_seed(path, data, settings)


def code_gold(gold: Gold, stages: Sequence[str] | None = None) -> list[Article]:
    """Code the gold's documents through the pipeline, one article per unit, in order.

    ``stages`` (by default the gold's own) may stop early: ``("parse", "actors")`` scores
    the actors alone."""
    from .pipeline import Pipeline
    from .stages import stage_spec

    stages = tuple(stages or gold.stages)
    pipeline = Pipeline(gold.settings, stages=stages)
    documents = [unit.document for unit in gold.units]
    if stage_spec(stages[0]).takes_documents:
        articles = list(pipeline.pipe(documents))
    else:
        articles = pipeline.process([_text_article(document) for document in documents])
    for unit, article in zip(gold.units, articles):
        if article.error is not None:
            logger.warning("%s: %s %s", unit.label, article.error.code, article.error)
    return articles


def _text_article(document: Document) -> Article:
    """An article whose clean text is the document's content, for stages after clean."""
    article = Article.from_document(document)
    article.text = document.content or ""
    return article


def score_gold(gold: Gold, articles: list[Article]) -> Score:
    """Score the coded articles with the scorer of the gold's kind."""
    if gold.kind == "plover":
        from .actors.gazetteer import load_gazetteer
        from .evaluate_plover import score_plover

        return score_plover(gold, articles, load_gazetteer().to_iso)
    from .evaluate_articles import score_articles

    return score_articles(gold, articles)


def evaluate_gold(
    path, settings: Settings | None = None, corpus=None, stages: Sequence[str] | None = None
) -> Score:
    """Score the coder on a gold file of any format: read, code, score."""
    gold = read_gold(path, settings, corpus)
    return score_gold(gold, code_gold(gold, stages))


# -- the Zyte article-extraction metric --------------------------------------------------------
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str | None, n: int) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def shingle_match(
    true: str | None, predicted: str | None, n: int = 4
) -> tuple[float, float, float]:
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
        float(_TOKEN.findall(truth[key]) == _TOKEN.findall(predicted.get(key) or ""))
        for key in truth
    )
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "accuracy": accuracy,
        "pages": len(matches),
    }
