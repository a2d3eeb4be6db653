"""Scoring coded articles against gold items: the seed format and the holdout format.

The rules are those of ``../shared/tools/score_events.py``, the scorer every release is
measured with: only international events count (source and target countries known and
different, neither negated nor hypothetical); an event matches an item when its countries,
its CAMEO root and its evidence sentence agree with the item's. Recall counts the required
items found, precision the produced events that match any item.

Gold files:
- the seed format: ``{"article": PATH, "publication_date_given", "events": [...]}``;
- the holdout format: ``{"articles": [{"path": PATH, "events": [...]}, ...]}``, where a
  story inside a JSONL file is named by ``"doc_id"`` (its ``id``) beside the file's ``path``.
Holdout paths are relative to ``corpus`` (by default the gold file's folder); the seed's
article lies beside its gold file.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from .model import Document

logger = logging.getLogger(__name__)


@dataclass
class GoldArticle:
    label: str  # the doc_id, or the path
    path: str
    doc_id: str | None
    date: str | None
    items: list[dict]


def _country(actor) -> str | None:
    return (actor or {}).get("country")


def eligible(event) -> bool:
    """Dyadic, international and asserted enough to count, as the scorer's rules say."""
    source, target = _country(event.get("source")), _country(event.get("target"))
    return bool(source and target and source != target and not event.get("negated")
                and event.get("modality") != "hypothetical" and event.get("cameo"))


def matches_item(event, item) -> bool:
    source, target = _country(event["source"]), _country(event["target"])
    if str(event["cameo"])[:2] not in item["cameo_roots"]:
        return False
    if item.get("sentence_contains") and item["sentence_contains"] not in (
            event.get("evidence") or {}).get("sentence", ""):
        return False
    if item.get("historical") and not event.get("historical"):
        return False
    forward = source in item["sources"] and target in item["targets"]
    backward = item.get("symmetric") and target in item["sources"] and source in item["targets"]
    return bool(forward or backward)


def seed_event_scores(gold: dict, events: list[dict]) -> dict:
    """One article's items against its events: recall, precision, duplicates, exact codes,
    with the counts behind them."""
    items = gold["events"]
    produced = [e for e in events if eligible(e)]
    required = [g for g in items if g.get("required")]
    found = [g for g in required if any(matches_item(e, g) for e in produced)]
    good = [e for e in produced if any(matches_item(e, g) for g in items)]
    keys = [(e["source"].get("code"), e["target"].get("code"), e["cameo"],
             e["evidence"]["sentence"]) for e in produced]
    typed = [g for g in items if g.get("cameo_expected")]
    exact = [g for g in typed if any(matches_item(e, g) and e["cameo"] == g["cameo_expected"]
                                     for e in produced)]
    return {"recall": len(found) / len(required) if required else 0.0,
            "precision": len(good) / len(produced) if produced else 0.0,
            "type_accuracy": len(exact) / len(typed) if typed else 0.0,
            "duplicates": len(keys) - len(set(keys)),
            "counts": {"found": len(found), "required": len(required), "good": len(good),
                       "produced": len(produced), "typed": len(typed), "exact": len(exact)},
            "missed": [g["id"] for g in required if g not in found],
            "unmatched": [(_country(e["source"]), _country(e["target"]), e["cameo"],
                           e["evidence"]["sentence"][:80]) for e in produced if e not in good]}


def gold_articles(gold: dict) -> list[GoldArticle]:
    if "articles" not in gold:
        return [GoldArticle(gold["article"], gold["article"], None,
                            gold.get("publication_date_given"), gold["events"])]
    return [GoldArticle(a.get("doc_id") or a["path"], a["path"], a.get("doc_id"), a.get("date"),
                        a["events"]) for a in gold["articles"]]


def read_documents(articles: list[GoldArticle], corpus: Path, settings) -> list[Document]:
    """The documents the gold names, in its order: files read whole, JSONL stories by id
    (each JSONL file read once)."""
    from .ingest.readers import iter_documents

    stories: dict[str, dict[str, Document]] = {}
    for path in {a.path for a in articles if a.doc_id}:
        wanted = {a.doc_id for a in articles if a.path == path}
        stories[path] = {d.id: d for d in iter_documents([str(corpus / path)], settings)
                         if d.id in wanted}
    documents = []
    for article in articles:
        if article.doc_id:
            found = stories[article.path].get(article.doc_id)
            if found is None:
                raise ValueError(f"{article.doc_id} is not in {corpus / article.path}")
        else:
            found = next(iter_documents([str(corpus / article.path)], settings))
        if article.date and not found.date:
            found.date = article.date
        documents.append(found)
    return documents


def score_gold_articles(path, settings=None, corpus=None) -> dict:
    """Code the articles of a seed- or holdout-format gold file and score them together."""
    from . import CODE_STAGES
    from .config import Settings
    from .pipeline import Pipeline

    path = Path(path)
    with open(path, encoding="utf-8") as fh:
        gold = json.load(fh)
    articles = gold_articles(gold)
    # A seed-format article lies beside its gold file; holdout paths are under the corpus.
    corpus = Path(corpus) if corpus and "articles" in gold else path.parent
    settings = (settings or Settings()).replace(dedupe=False)
    if len(articles) == 1 and articles[0].date:
        settings = settings.replace(default_date=articles[0].date)
    documents = read_documents(articles, corpus, settings)
    coded = list(Pipeline(settings, stages=CODE_STAGES).pipe(iter(documents)))
    totals = dict.fromkeys(("found", "required", "good", "produced", "typed", "exact"), 0)
    duplicates = 0
    details = []
    for article, result in zip(articles, coded):
        if result.error is not None:
            logger.warning("%s: %s %s", article.label, result.error.code, result.error)
        scores = seed_event_scores({"events": article.items}, result.events)
        for key, value in scores.pop("counts").items():
            totals[key] += value
        duplicates += scores["duplicates"]
        details.append({"path": article.label, **scores})
    return {"format": "seed" if "articles" not in gold else "articles",
            "recall": _share(totals["found"], totals["required"]),
            "precision": _share(totals["good"], totals["produced"]),
            "type_accuracy": _share(totals["exact"], totals["typed"]),
            "duplicates": duplicates, **totals, "articles": details}


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0
