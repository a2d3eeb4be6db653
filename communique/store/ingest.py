"""Ingest: documents in, coded and stored, one transaction per batch.

Articles already in the store (same locator, same content) are recognised after cleaning
and skip the parser, so a run that was interrupted resumes quickly and ends with the same
database as a run that was not.
"""
from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..config import Settings
from ..errors import StoreError
from ..model import Article
from ..pipeline import Pipeline
from .db import Store

logger = logging.getLogger(__name__)


@dataclass
class IngestReport:
    documents: int = 0
    skipped: int = 0  # already stored
    articles: int = 0
    duplicates: int = 0
    events: int = 0
    mentions: int = 0
    failed: list[Article] = field(default_factory=list)


def ingest(documents: Iterable, db_path, settings: Settings | None = None,
           on_batch=None) -> IngestReport:
    settings = settings or Settings()
    front = Pipeline(settings, stages=("clean", "dedupe"))
    back = Pipeline(settings.replace(dedupe=False), stages=("parse", "actors", "events"))
    report = IngestReport()
    stored: dict[str, str] = {}  # pipeline id -> stored id, for near-duplicates in this run
    seen: set[str] = set()  # stored ids met in this run
    with Store(db_path) as store:
        iterator = iter(documents)
        while batch := list(itertools.islice(iterator, settings.batch_size)):
            cleaned = list(front.pipe(batch, batch_size=len(batch)))
            fresh = []
            for article in cleaned:
                if article.error is not None:
                    report.failed.append(article)
                    continue
                article_id = Store.article_id(article)
                if article_id in seen or store.known(article_id):
                    report.skipped += 1  # stored before, or earlier in this run
                else:
                    fresh.append(article)
                stored[article.id] = article_id
                seen.add(article_id)
            coded = back.process(fresh)
            report.failed.extend(a for a in coded if a.error is not None)
            near = {a.id: stored.get(a.duplicate_of) for a in coded if a.duplicate_of}
            added = _store(store, [a for a in coded if a.error is None], near, report)
            report.documents += len(batch)
            for key, value in added.items():
                setattr(report, key, getattr(report, key) + value)
            if on_batch is not None:
                on_batch(len(batch))
    return report


def _store(store: Store, articles: list[Article], near: dict, report: IngestReport) -> dict:
    """Store a batch in one transaction; if that fails, one article at a time, so that one
    article the store cannot take becomes an error record and the others are kept."""
    try:
        return store.add_batch(articles, near)
    except Exception as error:  # noqa: BLE001 - any failure is retried article by article
        logger.warning("storing a batch failed (%s); storing its articles one by one", error)
    total = {"articles": 0, "duplicates": 0, "events": 0, "mentions": 0}
    for article in articles:
        try:
            added = store.add_batch([article], near)
        except Exception as error:  # noqa: BLE001
            article.error = StoreError(f"the article could not be stored: {type(error).__name__}: "
                                       f"{error}")
            report.failed.append(article)
            continue
        for key, value in added.items():
            total[key] += value
    return total
