"""One event, many reports: which stored event a coded event is another report of.

Two reports tell the same event when they are of the same *kind* (``records.identity``'s
``event_kind``: same source code, target code, CAMEO code and negation, both from headlines
or both from texts) and their dates are
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

import logging
import sqlite3
from datetime import date, timedelta

from ..records.columns import KIND_COLUMNS, REPORT_COLUMNS
from ..records.event import Event
from ..records.identity import (
    SAME_EVENT_DAYS,
    both_sides_coded,
    event_key,
    event_kind,
    stable_hash,
)

logger = logging.getLogger(__name__)

__all__ = ["SAME_EVENT_DAYS", "add_report", "event_key", "stable_hash"]

CHAIN_COLUMNS = (
    "id, date, last_date, first_article_id, first_start, first_trigger, confidence, agreement_id"
)
# One kind's chains, by the index events_same (store/schema.py): the kind's columns, then date.
SAME_KIND = " AND ".join(f"{column.name} IS ?" for column in KIND_COLUMNS)


def _rank(day, article_id, start, trigger) -> tuple:
    """The order of reports: the first report of an event is the smallest."""
    return (day or "", article_id or "", -1 if start is None else start, trigger or "")


def _row_rank(row) -> tuple:
    return _rank(row["date"], row["first_article_id"], row["first_start"], row["first_trigger"])


def _fields(report: Event) -> dict:
    """The columns an event takes from its first report."""
    return {column.name: column.value(report) for column in REPORT_COLUMNS}


def _day(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _chains(db: sqlite3.Connection, report: Event, story: str) -> list[sqlite3.Row]:
    """The stored events this report belongs to: none, one, or two it bridges. ``story`` is
    the original the report's article is a copy of, or the article itself."""
    day = _day(report.date)
    if day is None:  # undated: one event per kind (and per unreadable date, were there any)
        row = db.execute(
            f"SELECT {CHAIN_COLUMNS} FROM events WHERE id = ?",
            (event_key(report, article_id=story),),
        ).fetchone()
        return [row] if row else []
    # an event of one story: some report of it is in this article or the original it copies
    # (by the index on mentions' articles: a handful of rows, however large the table)
    own = (
        ""
        if both_sides_coded(report)
        else ("AND id IN (SELECT event_id FROM event_mentions WHERE article_id IN (?, ?)) ")
    )
    try:
        before, after = (day + timedelta(days=d) for d in (-SAME_EVENT_DAYS, SAME_EVENT_DAYS))
    except OverflowError:  # year 1 or 9999: no neighbours to look for
        before = after = day
    # Chains of one kind never overlap and lie two days apart or more, so the only ones a
    # report can touch are the two that start last on or before the day after it.
    rows = db.execute(
        f"SELECT {CHAIN_COLUMNS} FROM events WHERE {SAME_KIND} {own}AND date <= ? "
        "ORDER BY date DESC LIMIT 2",
        (
            *event_kind(report),
            *([] if not own else [story, report.evidence.article_id]),
            after.isoformat(),
        ),
    ).fetchall()
    return [row for row in rows if (row["last_date"] or row["date"]) >= before.isoformat()]


def add_report(
    db: sqlite3.Connection,
    report: Event,
    sentence: str | None,
    outlet: str | None,
    agreement_id: str | None,
    story: str | None = None,
) -> tuple[int, int]:
    """Store one report: its event (new, grown, renamed or merged) and its mention. The
    report's evidence names its stored article (``article_id``); ``sentence`` is the
    evidence's sentence when the article's text does not give it back (``db.Evidence``);
    ``story``: the stored original that article is a copy of, if any.
    Returns (events added, net: a merge removes one; mentions added)."""
    evidence = report.evidence
    article_id = evidence.article_id
    story = story or article_id
    start, trigger = evidence.start, evidence.trigger
    rank = _rank(report.date, article_id, start, trigger)
    confidence = report.confidence
    chains = _chains(db, report, story)
    added_events = 0
    if not chains:
        event_id = event_key(report, article_id=story)
        columns = (
            "id",
            *(c.name for c in KIND_COLUMNS),
            *(c.name for c in REPORT_COLUMNS),
            "last_date",
            "confidence",
            "agreement_id",
        )
        db.execute(
            f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            (
                event_id,
                *event_kind(report),
                *_fields(report).values(),
                report.date,
                confidence,
                agreement_id,
            ),
        )
        added_events = 1
    else:
        keep, *others = sorted(chains, key=_row_rank)
        event_id = keep["id"]
        if rank < _row_rank(keep):  # this report is the event's first now
            fields = _fields(report)
            db.execute(
                f"UPDATE events SET {', '.join(f'{c} = ?' for c in fields)} WHERE id = ?",
                (*fields.values(), event_id),
            )
            key = event_key(report, article_id=story)
            if _day(report.date) is not None and key != event_id:
                event_id = _rename(db, event_id, key)  # a day earlier
        for other in others:
            _merge(db, other["id"], event_id)
            added_events -= 1
        days = [d for d in (report.date, *(c["last_date"] for c in chains)) if d]
        agreements = [a for a in (agreement_id, *(c["agreement_id"] for c in chains)) if a]
        db.execute(
            "UPDATE events SET last_date = ?, confidence = ?, agreement_id = ? WHERE id = ?",
            (
                max(days) if days else None,
                max(confidence, *(c["confidence"] for c in chains)),
                min(agreements) if agreements else None,
                event_id,
            ),
        )
    cursor = db.execute(
        'INSERT OR IGNORE INTO event_mentions (event_id, article_id, sentence, start, "end", '
        "trigger, field, confidence, outlet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event_id,
            article_id,
            sentence,
            start,
            evidence.end,
            trigger,
            evidence.field,
            confidence,
            outlet,
        ),
    )
    added_mentions = cursor.rowcount
    if not added_mentions:  # the same mention again (two triggers alike in one sentence)
        db.execute(
            "UPDATE event_mentions SET confidence = MAX(confidence, ?) WHERE event_id = ? "
            "AND article_id = ? AND start IS ? AND trigger = ?",
            (confidence, event_id, article_id, start, trigger),
        )
    if added_mentions or len(chains) > 1:
        db.execute(
            "UPDATE events SET (num_mentions, num_articles, num_sources) = "
            "(SELECT COUNT(*), COUNT(DISTINCT article_id), COUNT(DISTINCT outlet) "
            " FROM event_mentions WHERE event_id = ?) WHERE id = ?",
            (event_id, event_id),
        )
    return added_events, added_mentions


def _rename(db: sqlite3.Connection, old: str, new: str) -> str:
    """The event's first day moved: its id follows (foreign keys are checked at commit)."""
    db.execute("UPDATE events SET id = ? WHERE id = ?", (new, old))
    db.execute("UPDATE event_mentions SET event_id = ? WHERE event_id = ?", (new, old))
    return new


def _merge(db: sqlite3.Connection, loser: str, keep: str) -> None:
    """Two chains bridged: ``loser``'s mentions move to ``keep``; a mention both have keeps
    the higher confidence."""
    db.execute(
        "UPDATE event_mentions AS k SET confidence = MAX(k.confidence, l.confidence) "
        "FROM event_mentions AS l WHERE l.event_id = ? AND k.event_id = ? "
        "AND k.article_id = l.article_id AND k.start IS l.start AND k.trigger = l.trigger",
        (loser, keep),
    )
    db.execute("UPDATE OR IGNORE event_mentions SET event_id = ? WHERE event_id = ?", (keep, loser))
    db.execute("DELETE FROM event_mentions WHERE event_id = ?", (loser,))
    db.execute("DELETE FROM events WHERE id = ?", (loser,))
