"""One event, many reports: which stored event a coded event is another report of.

Two reports tell the same event when they are of the same *kind* (same source code, target
code, CAMEO code and negation, both from headlines or both from texts) and their dates are
at most ``SAME_EVENT_DAYS`` apart, and, when a side has no country ("RUS -> ?"), they come
from the same story (an article and its copies): only reports with both sides coded merge
across stories. Reports a day apart chain: an event is a connected
component of the reports of one kind whose dates follow each other at most a day apart
(Monday's, Tuesday's and Wednesday's reports are one event; Monday's and Wednesday's alone
are two, until Tuesday's joins them). So the events do not depend on the order the reports
were stored in, and everything about an event derives from its reports, never from which
came first:

- its first report is the earliest by date, then by article id, start offset and trigger
  (``first_article_id``, ``first_start``, ``first_trigger``): the event's fields (the actors
  as named, the location, modality, date precision) are that report's, and its mention is
  the evidence shown with the event;
- its id is ``event_key`` of its kind and its first day (``date``); ``last_date`` is its
  last day;
- ``confidence`` is the highest of its reports', ``agreement_id`` the smallest linked
  agreement's id, and the counts are those of its mentions.

A report that joins a chain one day earlier renames the event (its first day changed); a
report that bridges two chains merges them: the later one's mentions move to the earlier
one. Both touch only the rows of those events (indexed), never the table. Reports without
a date are one event per kind.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from datetime import date, timedelta

logger = logging.getLogger(__name__)

SAME_EVENT_DAYS = 1  # reports of one event may date it a day apart ("yesterday", "on Monday")

# The columns an event takes from its first report (its kind's columns never differ).
FIELDS = ("date", "date_precision", "source_country", "source", "target_country", "target",
          "cameo_root", "cameo_name", "quad_class", "goldstein", "plover_event", "plover_mode",
          "plover_context", "location_text", "location_country", "modality", "historical",
          "first_article_id", "first_start", "first_trigger")
KIND = ("source_code", "target_code", "cameo", "negated", "headline")
CHAIN_COLUMNS = ("id, date, last_date, first_article_id, first_start, first_trigger, "
                 "confidence, agreement_id")


def stable_hash(*parts: str) -> str:
    # surrogatepass: a lone surrogate (an undecodable byte kept by a reader) hashes, never
    # raises; the same text always gives the same id.
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def event_key(event: dict, day: str | None = None, article_id: str | None = None) -> str:
    """The id of the event of ``event``'s kind whose first day is ``day`` (by default the
    report's own date). An event with a side not coded with a country is its article's own
    (``article_id``): "someone said" in two stories is not one statement."""
    target = event.get("target") or {}
    parts = [event["source"].get("code") or "", target.get("code") or "", event["cameo"],
             (event.get("date") if day is None else day) or "",
             "1" if event.get("negated") else "0", "h" if event.get("headline") else ""]
    if not both_sides_coded(event):
        parts.append(article_id or "")
    return stable_hash(*parts)


def both_sides_coded(event: dict) -> bool:
    """Whether both sides have a country: only such reports may be merged across articles."""
    return bool(event["source"].get("country") and (event.get("target") or {}).get("country"))


def _kind(event: dict) -> tuple:
    return (event["source"].get("code"), (event.get("target") or {}).get("code"),
            event["cameo"], int(bool(event.get("negated"))), int(bool(event.get("headline"))))


def _rank(day, article_id, start, trigger) -> tuple:
    """The order of reports: the first report of an event is the smallest."""
    return (day or "", article_id or "", -1 if start is None else start, trigger or "")


def _row_rank(row) -> tuple:
    return _rank(row["date"], row["first_article_id"], row["first_start"], row["first_trigger"])


def _fields(event: dict, article_id: str) -> dict:
    source, target = event["source"], event.get("target")
    location = event.get("location") or {}
    evidence = event["evidence"]
    return {
        "date": event.get("date"), "date_precision": event.get("date_precision"),
        "source_country": source.get("country"),
        "source": json.dumps(source, ensure_ascii=False),
        "target_country": (target or {}).get("country"),
        "target": json.dumps(target, ensure_ascii=False) if target else None,
        "cameo_root": event["cameo_root"], "cameo_name": event["cameo_name"],
        "quad_class": event["quad_class"], "goldstein": event["goldstein"],
        "plover_event": event["plover"]["event"] or None, "plover_mode": event["plover"]["mode"],
        "plover_context": json.dumps(event["plover"]["context"]),
        "location_text": location.get("text"), "location_country": location.get("country"),
        "modality": event["modality"], "historical": int(event["historical"]),
        "first_article_id": article_id, "first_start": evidence.get("start"),
        "first_trigger": evidence["trigger"],
    }


def _day(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _chains(db: sqlite3.Connection, event: dict, article_id: str,
            story: str) -> list[sqlite3.Row]:
    """The stored events this report belongs to: none, one, or two it bridges. ``story`` is
    the original the article is a copy of, or the article itself."""
    day = _day(event.get("date"))
    if day is None:  # undated: one event per kind (and per unreadable date, were there any)
        row = db.execute(f"SELECT {CHAIN_COLUMNS} FROM events WHERE id = ?",
                         (event_key(event, article_id=story),)).fetchone()
        return [row] if row else []
    # an event of one story: some report of it is in this article or the original it copies
    # (by the index on mentions' articles: a handful of rows, however large the table)
    own = "" if both_sides_coded(event) else (
        "AND id IN (SELECT event_id FROM event_mentions WHERE article_id IN (?, ?)) ")
    try:
        before, after = (day + timedelta(days=d) for d in (-SAME_EVENT_DAYS, SAME_EVENT_DAYS))
    except OverflowError:  # year 1 or 9999: no neighbours to look for
        before = after = day
    # Chains of one kind never overlap and lie two days apart or more, so the only ones a
    # report can touch are the two that start last on or before the day after it.
    rows = db.execute(
        f"SELECT {CHAIN_COLUMNS} FROM events WHERE cameo = ? AND source_code IS ? "
        f"AND target_code IS ? AND negated = ? AND headline = ? {own}AND date <= ? "
        "ORDER BY date DESC LIMIT 2",
        (event["cameo"], *_kind(event)[:2], *_kind(event)[3:],
         *([] if not own else [story, article_id]), after.isoformat())).fetchall()
    return [row for row in rows if (row["last_date"] or row["date"]) >= before.isoformat()]


def add_report(db: sqlite3.Connection, event: dict, article_id: str, sentence: str | None,
               outlet: str | None, agreement_id: str | None,
               story: str | None = None) -> tuple[int, int]:
    """Store one report: its event (new, grown, renamed or merged) and its mention.
    ``story``: the stored original ``article_id`` is a copy of, if any.
    Returns (events added, net: a merge removes one; mentions added)."""
    story = story or article_id
    evidence = event["evidence"]
    start, trigger = evidence.get("start"), evidence["trigger"]
    rank = _rank(event.get("date"), article_id, start, trigger)
    confidence = event["confidence"]
    chains = _chains(db, event, article_id, story)
    added_events = 0
    if not chains:
        event_id = event_key(event, article_id=story)
        fields = _fields(event, article_id)
        columns = ("id", *KIND, *FIELDS, "last_date", "confidence", "agreement_id")
        db.execute(f"INSERT INTO events ({', '.join(columns)}) "
                   f"VALUES ({', '.join('?' * len(columns))})",
                   (event_id, *_kind(event), *fields.values(), event.get("date"), confidence,
                    agreement_id))
        added_events = 1
    else:
        keep, *others = sorted(chains, key=_row_rank)
        event_id = keep["id"]
        if rank < _row_rank(keep):  # this report is the event's first now
            fields = _fields(event, article_id)
            db.execute(f"UPDATE events SET {', '.join(f'{c} = ?' for c in fields)} WHERE id = ?",
                       (*fields.values(), event_id))
            key = event_key(event, article_id=story)
            if _day(event.get("date")) is not None and key != event_id:
                event_id = _rename(db, event_id, key)  # a day earlier
        for other in others:
            _merge(db, other["id"], event_id)
            added_events -= 1
        days = [d for d in (event.get("date"), *(c["last_date"] for c in chains)) if d]
        agreements = [a for a in (agreement_id, *(c["agreement_id"] for c in chains)) if a]
        db.execute("UPDATE events SET last_date = ?, confidence = ?, agreement_id = ? "
                   "WHERE id = ?",
                   (max(days) if days else None, max(confidence, *(c["confidence"] for c in chains)),
                    min(agreements) if agreements else None, event_id))
    cursor = db.execute(
        'INSERT OR IGNORE INTO event_mentions (event_id, article_id, sentence, start, "end", '
        "trigger, field, confidence, outlet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, article_id, sentence, start, evidence.get("end"), trigger,
         evidence.get("field", "text"), confidence, outlet))
    added_mentions = cursor.rowcount
    if not added_mentions:  # the same mention again (two triggers alike in one sentence)
        db.execute("UPDATE event_mentions SET confidence = MAX(confidence, ?) WHERE event_id = ? "
                   "AND article_id = ? AND start IS ? AND trigger = ?",
                   (confidence, event_id, article_id, start, trigger))
    if added_mentions or len(chains) > 1:
        db.execute("UPDATE events SET (num_mentions, num_articles, num_sources) = "
                   "(SELECT COUNT(*), COUNT(DISTINCT article_id), COUNT(DISTINCT outlet) "
                   " FROM event_mentions WHERE event_id = ?) WHERE id = ?", (event_id, event_id))
    return added_events, added_mentions


def _rename(db: sqlite3.Connection, old: str, new: str) -> str:
    """The event's first day moved: its id follows (foreign keys are checked at commit)."""
    db.execute("UPDATE events SET id = ? WHERE id = ?", (new, old))
    db.execute("UPDATE event_mentions SET event_id = ? WHERE event_id = ?", (new, old))
    return new


def _merge(db: sqlite3.Connection, loser: str, keep: str) -> None:
    """Two chains bridged: ``loser``'s mentions move to ``keep``; a mention both have keeps
    the higher confidence."""
    db.execute("UPDATE event_mentions AS k SET confidence = MAX(k.confidence, l.confidence) "
               "FROM event_mentions AS l WHERE l.event_id = ? AND k.event_id = ? "
               "AND k.article_id = l.article_id AND k.start IS l.start AND k.trigger = l.trigger",
               (loser, keep))
    db.execute("UPDATE OR IGNORE event_mentions SET event_id = ? WHERE event_id = ?", (keep, loser))
    db.execute("DELETE FROM event_mentions WHERE event_id = ?", (loser,))
    db.execute("DELETE FROM events WHERE id = ?", (loser,))
