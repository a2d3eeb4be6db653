"""Queries over the event database, shared by the command line, the HTTP API and the pages.

Every function takes an open connection (``store.db.connect(path, readonly=True)``) and
returns plain dicts: events in the contract's Event shape with ``num_mentions``,
``num_articles`` and ``num_sources`` beside it.
"""
from __future__ import annotations

import json
import re
import sqlite3
from datetime import date

MAX_LIMIT = 10_000
MAX_OFFSET = 2**62  # SQLite integers are 64-bit; any offset beyond the rows is as good


def _bounded(value, high: int) -> int:
    """A page parameter clamped to [0, high], whatever the caller passed."""
    return max(0, min(int(value), high))
INTERVALS = ("day", "week", "month")
_CODE = re.compile(r"^[A-Z]{3}$")


class QueryError(ValueError):
    """A query that cannot be answered as asked (a bad date, country code or interval)."""


def _country(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    value = value.strip().upper()
    if not _CODE.match(value):
        raise QueryError(f"{name} must be a three-letter country code (ISO 3166 alpha-3 or IGO)")
    return value


def _day(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(f"{name} must be a date as YYYY-MM-DD") from None


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query that cannot be a syntax error: each word quoted."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + word + '"' for word in words)


def _dyad_filter(source, target, either_direction: bool, where: list, params: list) -> None:
    if source and target and either_direction:
        where.append("((source_country = ? AND target_country = ?) OR "
                     "(source_country = ? AND target_country = ?))")
        params += [source, target, target, source]
        return
    if source:
        where.append("source_country = ?")
        params.append(source)
    if target:
        where.append("target_country = ?")
        params.append(target)


def _date_filter(since, until, where: list, params: list) -> None:
    since, until = _day(since, "since"), _day(until, "until")
    if since:
        where.append("date >= ?")
        params.append(since)
    if until:
        where.append("date <= ?")
        params.append(until)


def event_record(row: sqlite3.Row, evidence: sqlite3.Row | None = None) -> dict:
    record = {
        "id": row["id"], "date": row["date"], "date_precision": row["date_precision"],
        "source": json.loads(row["source"]),
        "target": json.loads(row["target"]) if row["target"] else None,
        "cameo": row["cameo"], "cameo_root": row["cameo_root"], "cameo_name": row["cameo_name"],
        "quad_class": row["quad_class"], "goldstein": row["goldstein"],
        "plover": {"event": row["plover_event"], "mode": row["plover_mode"],
                   "context": json.loads(row["plover_context"])},
        "location": ({"text": row["location_text"], "country": row["location_country"]}
                     if row["location_text"] else None),
        "modality": row["modality"], "negated": bool(row["negated"]),
        "historical": bool(row["historical"]), "headline": bool(row["headline"]),
        "agreement_id": row["agreement_id"], "confidence": row["confidence"],
        "num_mentions": row["num_mentions"], "num_articles": row["num_articles"],
        "num_sources": row["num_sources"],
    }
    if evidence is not None:
        record["evidence"] = {"sentence": evidence["sentence"], "start": evidence["start"],
                              "end": evidence["end"], "trigger": evidence["trigger"],
                              "field": evidence["field"], "article_id": evidence["article_id"]}
    return record


def events(connection, source=None, target=None, either_direction=False, cameo=None, quad=None,
           since=None, until=None, q=None, article_id=None, limit=100, offset=0) -> list[dict]:
    """Events, newest first, filtered by any of: source and target country (a dyad, in
    either direction if asked), CAMEO code prefix, QuadClass, date range and words of the
    reporting articles."""
    source, target = _country(source, "source"), _country(target, "target")
    where, params = [], []
    _dyad_filter(source, target, either_direction, where, params)
    _date_filter(since, until, where, params)
    if cameo:
        if not str(cameo).isdigit() or len(str(cameo)) > 4:
            raise QueryError("cameo must be a CAMEO code or its first digits, e.g. 04 or 057")
        where.append("cameo LIKE ?")
        params.append(f"{cameo}%")
    if quad is not None:
        if int(quad) not in (1, 2, 3, 4):
            raise QueryError("quad must be 1, 2, 3 or 4")
        where.append("quad_class = ?")
        params.append(int(quad))
    if q:
        query = fts_query(q)
        if not query:
            return []
        where.append("id IN (SELECT event_id FROM event_mentions WHERE article_id IN "
                     "(SELECT id FROM articles WHERE rowid IN "
                     "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)))")
        params.append(query)
    if article_id:
        where.append("id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)")
        params.append(article_id)
    limit = _bounded(limit, MAX_LIMIT)
    sql = ("SELECT * FROM events" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY date DESC, num_mentions DESC, id LIMIT ? OFFSET ?")
    rows = connection.execute(sql, [*params, limit, _bounded(offset, MAX_OFFSET)]).fetchall()
    return [event_record(row, first_mention(connection, row["id"], article_id)) for row in rows]


# A mention's sentence: stored only when the article's text (or title, for a headline event)
# does not give it back from the offsets (store/schema.py, version 3).
_MENTION = ("SELECT m.event_id, m.article_id, COALESCE(m.sentence, substr(CASE m.field "
            "WHEN 'title' THEN a.title ELSE a.text END, m.start + 1, m.\"end\" - m.start)) "
            "AS sentence, m.start, m.\"end\", m.trigger, m.field, m.confidence, m.outlet "
            "FROM event_mentions m LEFT JOIN articles a ON a.id = m.article_id ")


def _version(connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def first_mention(connection, event_id: str, article_id: str | None = None):
    """The evidence of an event: the mention of its first report (the one its fields come
    from), or with ``article_id``, its first mention in that article (first in the text).
    A row with event_id, article_id, sentence, start, end, trigger, field, confidence and
    outlet."""
    if article_id:
        return connection.execute(_MENTION + "WHERE m.event_id = ? AND m.article_id = ? "
                                  "ORDER BY m.start, m.trigger LIMIT 1",
                                  (event_id, article_id)).fetchone()
    if _version(connection) >= 3:
        row = connection.execute(
            _MENTION + "JOIN events e ON e.id = m.event_id WHERE m.event_id = ? "
            "AND m.article_id = e.first_article_id AND m.start IS e.first_start "
            "AND m.trigger = e.first_trigger", (event_id,)).fetchone()
        if row is not None:
            return row
    # Before version 3 (read as it is, e.g. from read-only media): the first stored mention.
    return connection.execute(_MENTION + "WHERE m.event_id = ? ORDER BY m.rowid LIMIT 1",
                              (event_id,)).fetchone()


PERIODS = {"day": "date", "week": "date(date, '-6 days', 'weekday 1')",
           "month": "substr(date, 1, 7)"}  # a week is named by its Monday


def dyad_timeline(connection, a: str, b: str, interval: str = "month",
                  either_direction: bool = True, since=None, until=None) -> list[dict]:
    """Per period: event counts by QuadClass and the Goldstein sum, for the dyad A-B
    (negated and hypothetical events left out)."""
    if interval not in INTERVALS:
        raise QueryError(f"interval must be one of {', '.join(INTERVALS)}")
    a, b = _country(a, "a"), _country(b, "b")
    if not (a and b):
        raise QueryError("a dyad needs two country codes")
    where = ["date IS NOT NULL", "negated = 0", "modality != 'hypothetical'"]
    params: list = []
    _dyad_filter(a, b, either_direction, where, params)
    _date_filter(since, until, where, params)
    sql = (f"SELECT {PERIODS[interval]} AS period, SUM(quad_class = 1) AS quad1, "
           "SUM(quad_class = 2) AS quad2, SUM(quad_class = 3) AS quad3, "
           "SUM(quad_class = 4) AS quad4, COUNT(*) AS events, "
           "ROUND(SUM(goldstein), 2) AS goldstein FROM events WHERE " + " AND ".join(where)
           + " GROUP BY period ORDER BY period")
    return [dict(row) for row in connection.execute(sql, params).fetchall()]


def network(connection, since=None, until=None, min_events: int = 1,
            limit: int = 500) -> list[dict]:
    """The actor network: one weighted edge per ordered pair of countries."""
    where = ["source_country IS NOT NULL", "target_country IS NOT NULL",
             "source_country != target_country", "negated = 0", "modality != 'hypothetical'"]
    params: list = []
    _date_filter(since, until, where, params)
    sql = ("SELECT source_country AS source, target_country AS target, COUNT(*) AS events, "
           "SUM(num_mentions) AS mentions, ROUND(SUM(goldstein), 2) AS goldstein, "
           "SUM(quad_class IN (1, 2)) AS cooperation, SUM(quad_class IN (3, 4)) AS conflict "
           "FROM events WHERE " + " AND ".join(where)
           + " GROUP BY source_country, target_country HAVING COUNT(*) >= ? "
             "ORDER BY events DESC, source, target LIMIT ?")
    rows = connection.execute(sql, [*params, _bounded(min_events, MAX_OFFSET),
                                    _bounded(limit, MAX_LIMIT)]).fetchall()
    return [dict(row) for row in rows]


def agreements(connection, party=None, topic=None, limit=100, offset=0) -> list[dict]:
    party = _country(party, "party")
    where, params = [], []
    if party:
        where.append("g.id IN (SELECT agreement_id FROM agreement_parties WHERE country = ?)")
        params.append(party)
    if topic:
        where.append("EXISTS (SELECT 1 FROM json_each(g.topics) WHERE value = ?)")
        params.append(topic.lower())
    # The sentence is the article's text between the sentence's offsets, unless stored.
    sentence = ("COALESCE(g.sentence, substr(a.text, g.sentence_start + 1, "
                "g.sentence_end - g.sentence_start))" if _version(connection) >= 3
                else "g.sentence")
    sql = (f"SELECT g.*, {sentence} AS evidence_sentence FROM agreements g "
           "LEFT JOIN articles a ON a.id = g.article_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY g.date DESC, g.id LIMIT ? OFFSET ?")
    rows = connection.execute(sql, [*params, _bounded(limit, MAX_LIMIT),
                                    _bounded(offset, MAX_OFFSET)]).fetchall()
    return [{"id": r["id"], "parties": json.loads(r["parties"]), "kind": r["kind"],
             "title": r["title"], "topics": json.loads(r["topics"]), "status": r["status"],
             "date": r["date"], "num_articles": r["num_articles"],
             "evidence": {"article_id": r["article_id"], "sentence": r["evidence_sentence"],
                          "start": r["start"], "end": r["end"]}} for r in rows]


def article(connection, article_id: str, limit: int = 100, offset: int = 0) -> dict | None:
    """One article with a page of its events (newest first, as ``events`` orders them) and
    ``events_total``, the count of them all. Paged because a long article may hold thousands
    of events: all of them made one answer of 48 MB."""
    row = connection.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    removed = connection.execute("SELECT kind, text FROM removed_blocks WHERE article_id = ? "
                                 "ORDER BY position", (article_id,)).fetchall()
    total = connection.execute("SELECT COUNT(DISTINCT event_id) FROM event_mentions "
                               "WHERE article_id = ?", (article_id,)).fetchone()[0]
    return {"id": row["id"], "path": row["path"], "url": row["url"], "title": row["title"],
            "date": row["date"], "source": row["source"], "text": row["text"],
            "duplicate_of": row["duplicate_of"],
            "removed": [dict(block) for block in removed],
            "events": events(connection, article_id=article_id, limit=limit, offset=offset),
            "events_total": total}


def overview(connection) -> dict:
    """Counts of what the database holds, and its ten busiest dyads."""
    def count(sql: str) -> int:
        return connection.execute(sql).fetchone()[0]

    return {"articles": count("SELECT COUNT(*) FROM articles"),
            "duplicates": count("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "events": count("SELECT COUNT(*) FROM events"),
            "mentions": count("SELECT COUNT(*) FROM event_mentions"),
            "agreements": count("SELECT COUNT(*) FROM agreements"),
            "dyads": network(connection, limit=10)}
