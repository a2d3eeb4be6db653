"""The event database: SQLite (stdlib), WAL, schema version in ``PRAGMA user_version``.

One event, many reports. Every article is stored (a syndicated copy too, marked
``duplicate_of``), but an event that several reports tell is one row of ``events`` (how
reports are matched and chained, whatever the order they come in: ``merge.py``). Each
report of it adds a row to ``event_mentions`` pointing at its evidence (the sentence's
offsets in the article's text or title: ``schema.py``), and the event's counts follow
GDELT's meanings: ``num_mentions`` (reports of it, over all articles), ``num_articles``
(distinct articles), ``num_sources`` (distinct outlets).

Writes are idempotent and transactional per batch: an article is keyed by its locator (path
or URL) and its content, so ingesting the same document again adds nothing, and a run that
was killed resumes to the same result. A database that cannot be written at all (read-only,
full disk) raises ``StoreUnavailable``; one locked by another process is waited for
(``connection.py``).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..records.agreement import Agreement
from ..records.event import Event
from .connection import (
    BUSY_TIMEOUT_SECONDS,
    LOCK_WAIT_SECONDS,
    connect,
    is_persistent,
    unavailable,
    write,
)
from .merge import SAME_EVENT_DAYS, add_report, event_key, stable_hash
from .schema import SCHEMA_VERSION, insert, migrate

logger = logging.getLogger(__name__)

ACTOR_COLUMNS = (
    "article_id",
    "start",
    "end",
    "position",
    "code",
    "country",
    "sectors",
    "name",
    "text",
    "group",
    "kind",
    "rule",
)

__all__ = [
    "SAME_EVENT_DAYS",
    "SCHEMA_VERSION",
    "Store",
    "connect",
    "event_key",
    "locator",
    "migrate",
]


class Store:
    """Writes coded articles; one transaction per batch.

    ``busy_timeout`` and ``lock_wait`` (seconds): how long SQLite waits for a lock within
    one attempt, and how long a batch keeps retrying while another process holds the
    database locked (see ``connection.write``).
    """

    def __init__(
        self,
        path: str | Path,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
        lock_wait: float = LOCK_WAIT_SECONDS,
    ):
        self.path = Path(path)
        self.lock_wait = lock_wait
        self.connection = connect(path, busy_timeout=busy_timeout, lock_wait=lock_wait)
        try:
            # A write that changes nothing (the version it has): a read-only file or medium
            # fails here, before any document is coded, not at the first batch. (BEGIN
            # IMMEDIATE alone passes on a read-only file in WAL mode.)
            write(
                self.connection,
                lambda: self.connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}"),
                self.path,
                lock_wait,
            )
        except sqlite3.Error as error:
            self.connection.close()
            raise unavailable(error, self.path) from None
        except BaseException:
            self.connection.close()
            raise

    def close(self) -> None:
        self.connection.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def known(self, article_id: str) -> bool:
        try:
            return (
                self.connection.execute(
                    "SELECT 1 FROM articles WHERE id = ?", (article_id,)
                ).fetchone()
                is not None
            )
        except sqlite3.Error as error:  # a lookup by key fails only when the database does
            raise unavailable(error, self.path) from None

    def add_batch(self, articles: Iterable, near_duplicates: dict | None = None) -> dict:
        """Store a batch of coded articles atomically; returns what was added.

        ``near_duplicates`` maps an article's pipeline id to the stored id of the earlier
        article it nearly repeats (the dedupe stage's finding). An error about the database
        itself raises ``StoreUnavailable``; any other error is the batch's, rolled back."""
        articles = list(articles)  # a transaction retried after a lock reads them again
        near_duplicates = near_duplicates or {}

        def work() -> dict:
            added = {"articles": 0, "duplicates": 0, "events": 0, "mentions": 0}
            # Renaming or merging an event moves its mentions after it: references are
            # checked at commit.
            self.connection.execute("PRAGMA defer_foreign_keys = ON")
            for article in articles:
                self._add(article, added, near_duplicates.get(article.id))
            return added

        try:
            return write(self.connection, work, self.path, self.lock_wait)
        except sqlite3.Error as error:
            if is_persistent(error):
                raise unavailable(error, self.path) from None
            raise

    @staticmethod
    def article_id(article) -> str:
        """The stored id: the hash of the document's locator and its clean text."""
        return stable_hash(locator(article), article.text)

    def _add(self, article, added: dict, near_duplicate: str | None = None) -> None:
        db = self.connection
        content_hash = stable_hash(article.text)
        article_id = self.article_id(article)
        if self.known(article_id):
            return  # the same document again: nothing to add
        first = db.execute(
            "SELECT id FROM articles WHERE content_hash = ? AND duplicate_of IS NULL "
            "ORDER BY rowid LIMIT 1",
            (content_hash,),
        ).fetchone()
        duplicate_of = (
            first["id"]
            if first
            else (near_duplicate if near_duplicate and self.known(near_duplicate) else None)
        )
        db.execute(
            "INSERT INTO articles (id, content_hash, path, url, title, date, source, lang, "
            "text, duplicate_of, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                content_hash,
                article.path,
                article.url,
                article.title,
                article.date,
                article.source,
                article.lang,  # the clean stage's (schema version 4)
                article.text,
                duplicate_of,
                json.dumps(article.warnings),
            ),
        )
        added["articles"] += 1
        added["duplicates"] += duplicate_of is not None
        db.executemany(
            insert("removed_blocks", ("article_id", "position", "kind", "text")),
            [(article_id, n, b.kind, b.text) for n, b in enumerate(article.removed)],
        )
        db.executemany(
            insert("actors", ACTOR_COLUMNS),
            [
                (
                    article_id,
                    a["start"],
                    a["end"],
                    n,
                    a["code"],
                    a["country"],
                    json.dumps(a["sectors"]),
                    a["name"],
                    a["text"],
                    a["group"],
                    a["kind"],
                    a["rule"],
                )
                for n, a in enumerate(article.actors_record().get("actors", []))
            ],
        )
        evidence = Evidence(article)
        agreement_ids = {}
        for record in article.agreements:
            agreement = Agreement.from_dict(record)
            agreement_ids[agreement.id] = self._add_agreement(article_id, agreement, evidence)
        outlet = article.source or _outlet(article)
        for record in article.events:
            event = Event.from_dict(record)
            # a report is an event told by a stored article
            report = replace(event, evidence=replace(event.evidence, article_id=article_id))
            events, mentions = add_report(
                db,
                report,
                evidence.stored(
                    event.evidence.sentence,
                    event.evidence.start,
                    event.evidence.end,
                    event.evidence.field,
                ),
                outlet,
                agreement_ids.get(event.agreement_id),
                story=duplicate_of,
            )
            added["events"] += events
            added["mentions"] += mentions

    def _add_agreement(self, article_id: str, agreement: Agreement, evidence: Evidence) -> str:
        """One record per agreement: the same title and parties in another report is the same
        agreement (its ``num_articles`` grows). Its fields are those of its first report, by
        date then article id, whatever the order they were stored in."""
        db = self.connection
        parties = sorted(agreement.parties)
        key = stable_hash(agreement.kind, agreement.title.lower(), *parties)
        told = agreement.evidence
        # The table's start and end are the agreement's name's; the sentence's are
        # sentence_start and sentence_end (schema version 3).
        fields = (
            json.dumps(list(agreement.parties)),
            agreement.kind,
            agreement.title,
            json.dumps(list(agreement.topics)),
            agreement.status,
            agreement.date,
            article_id,
            evidence.stored(told.sentence, told.start, told.end, "text"),
            told.span_start,
            told.span_end,
            told.start,
            told.end,
        )
        cursor = db.execute(
            "INSERT OR IGNORE INTO agreements (id, parties, kind, title, topics, status, date, "
            'article_id, sentence, start, "end", sentence_start, sentence_end, num_articles) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            (key, *fields),
        )
        if cursor.rowcount:
            db.executemany(
                insert("agreement_parties", ("agreement_id", "country"), "INSERT OR IGNORE"),
                [(key, party) for party in parties],
            )
            return key
        db.execute("UPDATE agreements SET num_articles = num_articles + 1 WHERE id = ?", (key,))
        # This report is the agreement's first now? (An unknown date sorts last: '~' > digits.)
        db.execute(
            "UPDATE agreements SET parties = ?, kind = ?, title = ?, topics = ?, status = ?, "
            'date = ?, article_id = ?, sentence = ?, start = ?, "end" = ?, sentence_start = ?, '
            "sentence_end = ? WHERE id = ? AND (COALESCE(date, '~'), article_id) > "
            "(COALESCE(?, '~'), ?)",
            (*fields, key, agreement.date, article_id),
        )
        return key


class Evidence:
    """The article a batch is storing, to tell which sentences it gives back by offsets."""

    def __init__(self, article):
        self.sources = {"text": article.text or "", "title": article.title or ""}
        # SQLite's substr stops at a NUL character: such a text keeps its sentences whole.
        self.exact = {field: "\x00" not in text for field, text in self.sources.items()}

    def stored(
        self, sentence: str, start: int | None, end: int | None, field: str = "text"
    ) -> str | None:
        """None when the sentence is the article's text (or title) from start to end, so
        that only the offsets are stored; else the sentence itself."""
        field = "title" if field == "title" else "text"
        if (
            self.exact[field]
            and isinstance(start, int)
            and isinstance(end, int)
            and 0 <= start <= end
            and self.sources[field][start:end] == sentence
        ):
            return None
        return sentence


CONTAINERS = (".jsonl", ".jsonl.gz", ".warc", ".warc.gz")


def locator(article) -> str:
    """Where a document lives: its URL, else its file, else its id; a document inside a
    container file (a JSONL line, a WARC record, stdin) is its file and its id there."""
    if article.url:
        return article.url
    path = article.path or ""
    if not path or path == "-" or path.endswith(CONTAINERS):
        return f"{path}#{article.id}"
    return path


def _outlet(article) -> str:
    """Where an article comes from, when it names no source: the host of its URL. A folder
    is no outlet (bbc/politics and bbc/business are one broadcaster): articles with neither
    count as one unknown outlet."""
    if article.url:
        from urllib.parse import urlsplit

        return urlsplit(article.url).hostname or article.url
    return "unknown"
