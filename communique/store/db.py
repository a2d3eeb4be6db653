"""The event database: SQLite (stdlib), WAL, schema version in ``PRAGMA user_version``.

One event, many reports. Every article is stored (a syndicated copy too, marked
``duplicate_of``), but an event that several reports tell is one row of ``events``: two
coded events are the same event when they have the same source code, target code, CAMEO
code and negation, both come from headlines or both from texts, and their dates are at most
a day apart (or both unknown). Linked agreements are not compared: two outlets seldom name
an agreement alike. Each report of it adds a row to
``event_mentions`` with its own evidence, and the event's counts follow GDELT's meanings:
``num_mentions`` (reports of it, over all articles), ``num_articles`` (distinct articles),
``num_sources`` (distinct outlets).

Writes are idempotent and transactional per batch: an article is keyed by its locator (path
or URL) and its content, so ingesting the same document again adds nothing, and a run that
was killed resumes to the same result.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 2
SAME_EVENT_DAYS = 1  # reports of one event may date it a day apart ("yesterday", "on Monday")

MIGRATIONS = {
    1: """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,            -- hash of locator and content
        content_hash TEXT NOT NULL,     -- hash of the clean text
        path TEXT, url TEXT, title TEXT, date TEXT, source TEXT,
        text TEXT NOT NULL,
        duplicate_of TEXT REFERENCES articles(id),
        warnings TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX articles_content ON articles(content_hash);
    CREATE TABLE removed_blocks (
        article_id TEXT NOT NULL REFERENCES articles(id),
        position INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
    );
    CREATE TABLE actors (
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, position INTEGER NOT NULL,
        code TEXT, country TEXT, sectors TEXT NOT NULL, name TEXT, text TEXT NOT NULL,
        "group" TEXT, kind TEXT, rule TEXT,
        PRIMARY KEY (article_id, position)
    );
    CREATE INDEX actors_country ON actors(country);
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        date TEXT, date_precision TEXT,
        source_code TEXT, source_country TEXT, source TEXT NOT NULL,
        target_code TEXT, target_country TEXT, target TEXT,
        cameo TEXT NOT NULL, cameo_root TEXT NOT NULL, cameo_name TEXT NOT NULL,
        quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
        plover_event TEXT, plover_mode TEXT, plover_context TEXT NOT NULL,
        location_text TEXT, location_country TEXT,
        modality TEXT NOT NULL, negated INTEGER NOT NULL, historical INTEGER NOT NULL,
        headline INTEGER NOT NULL, agreement_id TEXT, confidence REAL NOT NULL,
        num_mentions INTEGER NOT NULL DEFAULT 0,
        num_articles INTEGER NOT NULL DEFAULT 0,
        num_sources INTEGER NOT NULL DEFAULT 0,
        first_article_id TEXT REFERENCES articles(id)
    );
    CREATE INDEX events_dyad ON events(source_country, target_country, date);
    CREATE INDEX events_target ON events(target_country, date);
    CREATE INDEX events_cameo ON events(cameo);
    CREATE INDEX events_date ON events(date);
    CREATE TABLE event_mentions (
        event_id TEXT NOT NULL REFERENCES events(id),
        article_id TEXT NOT NULL REFERENCES articles(id),
        sentence TEXT NOT NULL, start INTEGER, "end" INTEGER, trigger TEXT NOT NULL,
        field TEXT NOT NULL, confidence REAL NOT NULL, outlet TEXT,
        PRIMARY KEY (event_id, article_id, start, trigger)
    );
    CREATE INDEX event_mentions_article ON event_mentions(article_id);
    CREATE TABLE agreements (
        id TEXT PRIMARY KEY,
        parties TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, topics TEXT NOT NULL,
        status TEXT NOT NULL, date TEXT, article_id TEXT NOT NULL REFERENCES articles(id),
        sentence TEXT NOT NULL, start INTEGER, "end" INTEGER,
        num_articles INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE agreement_parties (
        agreement_id TEXT NOT NULL REFERENCES agreements(id), country TEXT NOT NULL,
        PRIMARY KEY (agreement_id, country)
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    # The same-event lookup of every report (source, target, CAMEO, a day either side): 1.6 ms
    # a report by the CAMEO index alone on the full corpora (35,000 events), 0.01 ms with this.
    2: """
    CREATE INDEX events_same ON events(cameo, source_code, target_code, date);
    """,
}


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """Open (and create or migrate) the database. Read-only connections never write."""
    if readonly:
        connection = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True,
                                     check_same_thread=False)
    else:
        connection = sqlite3.connect(path, check_same_thread=False)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA busy_timeout = 10000")
    if not readonly:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        migrate(connection)
    return connection


def migrate(connection: sqlite3.Connection) -> int:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise RuntimeError(f"the database has schema version {version}; this communique knows "
                           f"up to {SCHEMA_VERSION}: upgrade communique")
    for step in range(version + 1, SCHEMA_VERSION + 1):
        logger.info("migrating the database to schema version %d", step)
        with connection:
            connection.executescript("BEGIN;" + MIGRATIONS[step] + f"PRAGMA user_version = {step};"
                                     "COMMIT;")
    return SCHEMA_VERSION


def event_key(event: dict) -> str:
    """The identity of an event across reports (see the module docstring)."""
    target = event.get("target") or {}
    return _hash(event["source"].get("code") or "", target.get("code") or "", event["cameo"],
                 event.get("date") or "", "1" if event.get("negated") else "0",
                 "h" if event.get("headline") else "")


class Store:
    """Writes coded articles; one transaction per batch."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.connection = connect(path)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def known(self, article_id: str) -> bool:
        return self.connection.execute("SELECT 1 FROM articles WHERE id = ?",
                                       (article_id,)).fetchone() is not None

    def add_batch(self, articles: Iterable, near_duplicates: dict | None = None) -> dict:
        """Store a batch of coded articles atomically; returns what was added.

        ``near_duplicates`` maps an article's pipeline id to the stored id of the earlier
        article it nearly repeats (the dedupe stage's finding)."""
        added = {"articles": 0, "duplicates": 0, "events": 0, "mentions": 0}
        near_duplicates = near_duplicates or {}
        with self.connection:
            for article in articles:
                self._add(article, added, near_duplicates.get(article.id))
        return added

    @staticmethod
    def article_id(article) -> str:
        """The stored id: the hash of the document's locator and its clean text."""
        return _hash(locator(article), article.text)

    def _add(self, article, added: dict, near_duplicate: str | None = None) -> None:
        db = self.connection
        content_hash = _hash(article.text)
        article_id = self.article_id(article)
        if self.known(article_id):
            return  # the same document again: nothing to add
        first = db.execute("SELECT id FROM articles WHERE content_hash = ? AND duplicate_of IS NULL "
                           "ORDER BY rowid LIMIT 1", (content_hash,)).fetchone()
        duplicate_of = first["id"] if first else (near_duplicate if near_duplicate and
                                                  self.known(near_duplicate) else None)
        db.execute("INSERT INTO articles (id, content_hash, path, url, title, date, source, text, "
                   "duplicate_of, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (article_id, content_hash, article.path, article.url, article.title,
                    article.date, article.source, article.text, duplicate_of,
                    json.dumps(article.warnings)))
        added["articles"] += 1
        added["duplicates"] += duplicate_of is not None
        db.executemany("INSERT INTO removed_blocks VALUES (?, ?, ?, ?)",
                       [(article_id, n, b.kind, b.text) for n, b in enumerate(article.removed)])
        db.executemany(
            'INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [(article_id, a["start"], a["end"], n, a["code"], a["country"], json.dumps(a["sectors"]),
              a["name"], a["text"], a["group"], a["kind"], a["rule"])
             for n, a in enumerate(article.actors_record().get("actors", []))])
        agreement_ids = {}
        for agreement in article.agreements:
            agreement_ids[agreement["id"]] = self._add_agreement(article_id, agreement)
        for event in article.events:
            self._add_event(article, article_id, event, agreement_ids, added)

    def _same_event(self, event: dict) -> str | None:
        """A stored event this one is another report of (see the module docstring)."""
        target = event.get("target") or {}
        day = event.get("date")
        if day is None:
            return None
        try:
            start, end = (date.fromisoformat(day) + timedelta(days=d)
                          for d in (-SAME_EVENT_DAYS, SAME_EVENT_DAYS))
        except (ValueError, OverflowError):
            return None
        row = self.connection.execute(
            "SELECT id FROM events WHERE source_code IS ? AND target_code IS ? AND cameo = ? "
            "AND negated = ? AND headline = ? AND date BETWEEN ? AND ? "
            "ORDER BY ABS(julianday(date) - julianday(?)), id LIMIT 1",
            (event["source"].get("code"), target.get("code"), event["cameo"],
             int(event.get("negated", False)), int(event.get("headline", False)),
             start.isoformat(), end.isoformat(), day)).fetchone()
        return row["id"] if row else None

    def _add_event(self, article, article_id: str, event: dict, agreement_ids, added) -> None:
        db = self.connection
        key = self._same_event(event) or event_key(event)
        source, target = event["source"], event["target"]
        location = event.get("location") or {}
        agreement_id = agreement_ids.get(event.get("agreement_id"))
        db.execute(
            "INSERT OR IGNORE INTO events (id, date, date_precision, source_code, source_country, "
            "source, target_code, target_country, target, cameo, cameo_root, cameo_name, "
            "quad_class, goldstein, plover_event, plover_mode, plover_context, location_text, "
            "location_country, modality, negated, historical, headline, agreement_id, confidence, "
            "first_article_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?)",
            (key, event["date"], event["date_precision"], source["code"], source["country"],
             json.dumps(source, ensure_ascii=False), (target or {}).get("code"),
             (target or {}).get("country"), json.dumps(target, ensure_ascii=False) if target else None,
             event["cameo"], event["cameo_root"], event["cameo_name"], event["quad_class"],
             event["goldstein"], event["plover"]["event"] or None, event["plover"]["mode"],
             json.dumps(event["plover"]["context"]), location.get("text"), location.get("country"),
             event["modality"], int(event["negated"]), int(event["historical"]),
             int(event.get("headline", False)), agreement_id, event["confidence"], article_id))
        added["events"] += db.execute("SELECT changes()").fetchone()[0]
        evidence = event["evidence"]
        outlet = article.source or _outlet(article)
        cursor = db.execute(
            "INSERT OR IGNORE INTO event_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, article_id, evidence["sentence"], evidence.get("start"), evidence.get("end"),
             evidence["trigger"], evidence.get("field", "text"), event["confidence"], outlet))
        if cursor.rowcount:
            added["mentions"] += 1
            db.execute(
                "UPDATE events SET num_mentions = num_mentions + 1, "
                "confidence = MAX(confidence, ?), agreement_id = COALESCE(agreement_id, ?), "
                "num_articles = (SELECT COUNT(DISTINCT article_id) FROM event_mentions "
                "                WHERE event_id = events.id), "
                "num_sources = (SELECT COUNT(DISTINCT outlet) FROM event_mentions "
                "               WHERE event_id = events.id) WHERE id = ?",
                (event["confidence"], agreement_id, key))

    def _add_agreement(self, article_id: str, agreement: dict) -> str:
        """One record per agreement: the same title and parties in another report is the same
        agreement (its ``num_articles`` grows)."""
        db = self.connection
        parties = sorted(agreement["parties"])
        key = _hash(agreement["kind"], agreement["title"].lower(), *parties)
        evidence = agreement["evidence"]
        cursor = db.execute(
            "INSERT OR IGNORE INTO agreements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            (key, json.dumps(agreement["parties"]), agreement["kind"], agreement["title"],
             json.dumps(agreement["topics"]), agreement["status"], agreement["date"], article_id,
             evidence["sentence"], evidence.get("span_start"), evidence.get("span_end")))
        if cursor.rowcount:
            db.executemany("INSERT OR IGNORE INTO agreement_parties VALUES (?, ?)",
                           [(key, party) for party in parties])
        else:
            db.execute("UPDATE agreements SET num_articles = num_articles + 1 WHERE id = ?", (key,))
        return key


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
    """Where an article comes from, when it names no source: the host of its URL, or its
    folder."""
    if article.url:
        from urllib.parse import urlsplit

        return urlsplit(article.url).hostname or article.url
    if article.path:
        return str(Path(article.path).parent)
    return "unknown"
