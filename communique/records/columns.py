"""The event record as table columns: the store's ``events`` table and the flat exports.

A ``Column`` names a cell, gives its type and says how an ``Event`` fills it, so a table's
column list, its INSERT and its rows come from one place:

- ``KIND_COLUMNS`` and ``REPORT_COLUMNS``: what a report gives the ``events`` table (its
  kind, and the fields an event takes from its first report; ``store/merge.py``).
  ``event_from_row`` reads a row back. The table itself is created by the schema's
  migrations (``store/schema.py``), which stay as they were written; a test checks that
  they make these columns with these types;
- ``FLAT_EVENT_COLUMNS``: one flat row per event, for CSV, Parquet and the Parquet shards of
  ``communique code --out`` (``store/export.py``, ``store/shards.py``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .event import PLACE_FIELDS, Counts, Event, Evidence, Location, Plover, actor_from_dict
from .identity import EventKind, event_kind

logger = logging.getLogger(__name__)

# Arrow's type names, which Parquet and the CSV's readers are told; SQLite's equivalents.
SQL_TYPES = {
    "string": "TEXT",
    "int64": "INTEGER",
    "float64": "REAL",
    "bool": "INTEGER",
    "date": "TEXT",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a key of SQL_TYPES
    value: Callable[[Event], Any]

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.type]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


# The place a location was resolved to (schema 5; the flat row's last columns): "location_"
# and the field of ``Location``, each with its type.
_PLACE_TYPES = {
    "name": "string",
    "lat": "float64",
    "lon": "float64",
    "admin1": "string",
    "geonameid": "int64",
    "feature": "string",
}


def _place_columns() -> tuple[Column, ...]:
    return tuple(
        Column(
            f"location_{field}",
            _PLACE_TYPES[field],
            lambda e, f=field: getattr(e.location, f) if e.location else None,
        )
        for field in PLACE_FIELDS
    )


_KIND_TYPES = {
    "source_code": "string",
    "target_code": "string",
    "cameo": "string",
    "negated": "bool",
    "headline": "bool",
}
KIND_COLUMNS = tuple(
    Column(name, _KIND_TYPES[name], lambda event, n=position: event_kind(event)[n])
    for position, name in enumerate(EventKind._fields)
)

REPORT_COLUMNS = (
    Column("date", "string", lambda e: e.date),
    Column("date_precision", "string", lambda e: e.date_precision),
    Column("source_country", "string", lambda e: e.source_country),
    Column("source", "string", lambda e: _json(e.source.to_dict())),
    Column("target_country", "string", lambda e: e.target_country),
    Column("target", "string", lambda e: _json(e.target.to_dict()) if e.target else None),
    Column("cameo_root", "string", lambda e: e.cameo_root),
    Column("cameo_name", "string", lambda e: e.cameo_name),
    Column("quad_class", "int64", lambda e: e.quad_class),
    Column("goldstein", "float64", lambda e: e.goldstein),
    Column("plover_event", "string", lambda e: e.plover.event or None),
    Column("plover_mode", "string", lambda e: e.plover.mode),
    Column("plover_context", "string", lambda e: _json(list(e.plover.context))),
    Column("location_text", "string", lambda e: e.location.text if e.location else None),
    Column("location_country", "string", lambda e: e.location.country if e.location else None),
    Column("modality", "string", lambda e: e.modality),
    Column("historical", "bool", lambda e: int(e.historical)),
    # which report is the first, whose mention is the evidence shown with the event
    Column("first_article_id", "string", lambda e: e.evidence.article_id),
    Column("first_start", "int64", lambda e: e.evidence.start),
    Column("first_trigger", "string", lambda e: e.evidence.trigger),
    *_place_columns(),
)


def event_from_row(row, mention=None) -> Event:
    """A stored event (a row of ``events``), with the evidence of ``mention`` (a row of
    ``event_mentions`` with its sentence and its article's ``lang``, as
    ``query.first_mention`` gives) when given."""
    evidence = None
    if mention is not None:
        evidence = Evidence(
            mention["sentence"],
            mention["start"],
            mention["end"],
            mention["trigger"],
            mention["field"],
            mention["article_id"],
            mention["lang"] if "lang" in mention.keys() else None,
        )
    return Event(
        id=row["id"],
        date=row["date"],
        date_precision=row["date_precision"],
        source=actor_from_dict(json.loads(row["source"])),
        target=actor_from_dict(json.loads(row["target"])) if row["target"] else None,
        cameo=row["cameo"],
        cameo_root=row["cameo_root"],
        cameo_name=row["cameo_name"],
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        plover=Plover(
            row["plover_event"], row["plover_mode"], tuple(json.loads(row["plover_context"]))
        ),
        location=(
            Location(
                row["location_text"],
                row["location_country"],
                # a database of schema 4, read without migrating (read-only), has no place
                **{
                    field: row[f"location_{field}"]
                    for field in PLACE_FIELDS
                    if f"location_{field}" in row.keys()
                },
            )
            if row["location_text"]
            else None
        ),
        modality=row["modality"],
        negated=bool(row["negated"]),
        historical=bool(row["historical"]),
        agreement_id=row["agreement_id"],
        evidence=evidence,
        headline=bool(row["headline"]),
        confidence=row["confidence"],
        counts=Counts(row["num_mentions"], row["num_articles"], row["num_sources"]),
    )


def calendar_date(value: str | None) -> dt.date | None:
    """The date of an event as a calendar date: YYYY-MM-DD, or the first day of a YYYY-MM
    or a YYYY (``date_precision`` keeps what was known); None for none."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat({4: f"{value}-01-01", 7: f"{value}-01"}.get(len(value), value))
    except ValueError:
        logger.warning("the event date %r is not a date; exported without one", value)
        return None


def _actor_columns(role: str) -> tuple[Column, ...]:
    def side(event: Event):
        return event.source if role == "source" else event.target

    def cell(read):
        return lambda event: read(side(event)) if side(event) is not None else None

    return (
        Column(f"{role}_code", "string", cell(lambda a: a.code)),
        Column(f"{role}_country", "string", cell(lambda a: a.country)),
        Column(f"{role}_sectors", "string", cell(lambda a: ",".join(a.sectors) or None)),
        Column(f"{role}_name", "string", cell(lambda a: a.name)),
        Column(f"{role}_text", "string", cell(lambda a: a.text)),
        Column(f"{role}_group", "string", cell(lambda a: a.group)),
    )


def _evidence_cell(read):
    return lambda event: read(event.evidence) if event.evidence is not None else None


# The flat row of an event ("date": a calendar date, written in CSV as YYYY-MM-DD). The CAMEO
# codes are "string": codes such as "010" and "04" are not numbers. Columns added later come
# last, so that a reader by position reads the earlier ones where they were: ``lang``, the
# language of the article the evidence is from (ISO 639-1; empty when not known), then the
# place the location was resolved to (``location_name`` ... ``location_feature``; empty
# for an event with no coordinates).
FLAT_EVENT_COLUMNS = (
    Column("id", "string", lambda e: e.id),
    Column("date", "date", lambda e: calendar_date(e.date)),
    Column("date_precision", "string", lambda e: e.date_precision),
    *_actor_columns("source"),
    *_actor_columns("target"),
    Column("cameo", "string", lambda e: e.cameo),
    Column("cameo_root", "string", lambda e: e.cameo_root),
    Column("cameo_name", "string", lambda e: e.cameo_name),
    Column("quad_class", "int64", lambda e: e.quad_class),
    Column("goldstein", "float64", lambda e: e.goldstein),
    Column("plover_event", "string", lambda e: e.plover.event),
    Column("plover_mode", "string", lambda e: e.plover.mode),
    Column("plover_context", "string", lambda e: ",".join(e.plover.context) or None),
    Column("location_text", "string", lambda e: e.location.text if e.location else None),
    Column("location_country", "string", lambda e: e.location.country if e.location else None),
    Column("modality", "string", lambda e: e.modality),
    Column("negated", "bool", lambda e: e.negated),
    Column("historical", "bool", lambda e: e.historical),
    Column("headline", "bool", lambda e: e.headline),
    Column("agreement_id", "string", lambda e: e.agreement_id),
    Column("confidence", "float64", lambda e: e.confidence),
    Column("num_mentions", "int64", lambda e: e.counts.num_mentions),
    Column("num_articles", "int64", lambda e: e.counts.num_articles),
    Column("num_sources", "int64", lambda e: e.counts.num_sources),
    Column("article_id", "string", _evidence_cell(lambda evidence: evidence.article_id)),
    Column("sentence", "string", _evidence_cell(lambda evidence: evidence.sentence)),
    Column("trigger", "string", _evidence_cell(lambda evidence: evidence.trigger)),
    Column("lang", "string", _evidence_cell(lambda evidence: evidence.lang)),
    *_place_columns(),
)


def flat_row(event: Event) -> dict:
    """An event as one flat row: the cells of ``FLAT_EVENT_COLUMNS``, values of their types."""
    return {column.name: column.value(event) for column in FLAT_EVENT_COLUMNS}
