"""Ingest: documents in, coded and stored, one transaction per batch.

Articles already in the store (same locator, same content) are recognised after cleaning
and skip the parser, so a run that was interrupted resumes quickly and ends with the same
database as a run that was not.

An error about the database itself (read-only, full disk, not a database) stops the run at
once with ``StoreUnavailable`` (E301) or ``NotADatabase`` (E302): each later article would
fail the same way. Any other error fails only the article that caused it (E300).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..config import Settings
from ..errors import NotADatabase, StoreError, StoreUnavailable
from ..model import Article
from ..parallel import Runner
from .connection import BUSY_TIMEOUT_SECONDS, LOCK_WAIT_SECONDS
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
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per stage


def ingest(
    documents: Iterable,
    db_path,
    settings: Settings | None = None,
    on_batch=None,
    executor=None,
    lock_wait: float = LOCK_WAIT_SECONDS,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
) -> IngestReport:
    """Code ``documents`` and store them in the database at ``db_path``.

    ``executor`` runs the coding (see ``communique.parallel``; default: this process); the
    store is written here, one transaction per partition, in input order, so the database
    is the same whichever executor ran the work. ``lock_wait``: how long a batch waits for
    a database another process holds locked (seconds, see ``Store``).

    Raises ``StoreUnavailable`` or ``NotADatabase`` when the database cannot take writes at
    all, before coding anything when that shows on opening it.
    """
    from .. import CODE_STAGES

    settings = settings or Settings()
    report = IngestReport()
    stored: dict[str, str] = {}  # pipeline id -> stored id, for near-duplicates in this run
    seen: set[str] = set()  # stored ids met in this run
    skipped: set[int] = set()  # the articles keep() turned away, by object identity
    broken: list[Exception] = []  # a database error met in keep(), raised after its batch
    with Store(db_path, busy_timeout=busy_timeout, lock_wait=lock_wait) as store:

        def keep(article: Article) -> bool:
            article_id = Store.article_id(article)
            try:
                fresh = article_id not in seen and not store.known(article_id)
            except (StoreUnavailable, NotADatabase) as error:
                # The runner would make this one article's error: the run must stop instead.
                broken.append(error)
                return False
            if not fresh:  # stored before, or earlier in this run: skips the parser
                report.skipped += 1
                skipped.add(id(article))
            stored[article.id] = article_id
            seen.add(article_id)
            return fresh

        runner = Runner(settings, CODE_STAGES, executor, keep=keep)
        for articles in runner.run(documents):
            if broken:
                raise broken[0]
            report.failed.extend(a for a in articles if a.error is not None)
            coded = [a for a in articles if a.error is None and id(a) not in skipped]
            skipped.clear()
            near = {a.id: stored.get(a.duplicate_of) for a in coded if a.duplicate_of}
            start = time.perf_counter()
            added = _store(store, coded, near, report)
            runner.seconds["store"] += time.perf_counter() - start
            report.documents += len(articles)
            for key, value in added.items():
                setattr(report, key, getattr(report, key) + value)
            if on_batch is not None:
                on_batch(len(articles))
        report.seconds = dict(runner.seconds)
    return report


def _store(store: Store, articles: list[Article], near: dict, report: IngestReport) -> dict:
    """Store a batch in one transaction; if that fails, one article at a time, so that one
    article the store cannot take becomes an error record and the others are kept."""
    try:
        return store.add_batch(articles, near)
    except (StoreUnavailable, NotADatabase):
        raise  # about the database, not the batch: the run stops
    except Exception as error:  # noqa: BLE001 - any other failure is retried article by article
        logger.warning("storing a batch failed (%s); storing its articles one by one", error)
    total = {"articles": 0, "duplicates": 0, "events": 0, "mentions": 0}
    for article in articles:
        try:
            added = store.add_batch([article], near)
        except (StoreUnavailable, NotADatabase):
            raise
        except Exception as error:  # noqa: BLE001
            article.error = StoreError(
                f"the article could not be stored: {type(error).__name__}: {error}"
            )
            report.failed.append(article)
            continue
        for key, value in added.items():
            total[key] += value
    return total
