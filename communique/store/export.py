"""Exports of the event table in the formats users' tools read.

- ``csv`` and ``parquet``: one flat row per event (the columns of ``FLAT_COLUMNS``, with
  their types; the last, ``lang``, is the language of the article its evidence is from).
  Parquet carries the types: ``date`` is a Parquet date (an event known to the month or the
  year has its first day, and ``date_precision`` says which), the CAMEO codes are strings.
  CSV carries none: its cells are written as they are ("010", never 10), and a reader that
  guesses types must be told that ``cameo`` and ``cameo_root`` are text
  (``pd.read_csv(path, dtype={"cameo": str, "cameo_root": str})``), or "010" becomes 10;
- ``gdelt``: GDELT 2.0's event table, 61 tab-separated columns in GDELT's order, no header
  (as GDELT publishes it). Actor country codes are CAMEO's three letters; the Geo fields
  are GDELT's (FIPS country codes, coordinates; ``gdelt_geo.py``): ActionGeo the place the
  event's location was resolved to, Actor1Geo and Actor2Geo the actors' countries. The table has no field for a language
  (GDELT keeps it in its mentions table), and a 62nd column would break its readers: none;
- ``geojson``: an RFC 7946 FeatureCollection, one Point feature per event whose location
  has coordinates, the flat row's fields as its properties (``geojson.py``);
- ``plover``: one PLOVER JSON object a line (id, date, actor, recipient, event, mode,
  context, text, ..., and ``lang``, the language of the article ``text`` is from).

CSV is the format people open in a spreadsheet, so a text cell that a spreadsheet would run
as a formula is neutralised (``csv_cell``). GDELT, PLOVER and Parquet are data for programs
and stay exactly as stored. Every export is written to a temporary file beside the
destination and renamed over it only when complete (``atomic_file``): a full disk or any
other error leaves the destination as it was.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
import logging
import os
import re
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .. import query
from ..actors.gazetteer import load_gazetteer
from ..records.columns import FLAT_EVENT_COLUMNS, calendar_date, event_from_row, flat_row
from ..records.event import Event
from .gdelt_geo import action_geo, actor_geo
from .geojson import write_geojson

__all__ = [
    "FLAT_COLUMNS",
    "FORMATS",
    "GDELT_COLUMNS",
    "calendar_date",
    "export",
    "flat_row",
    "write_csv",
]

logger = logging.getLogger(__name__)

FORMATS = ("gdelt", "plover", "csv", "parquet", "geojson")

# The flat row of an event and its types, as (name, type) pairs (records/columns.py).
FLAT_COLUMNS = tuple((column.name, column.type) for column in FLAT_EVENT_COLUMNS)
FLAT_NAMES = [name for name, _ in FLAT_COLUMNS]

GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"Actor{n}{field}"
        for n in (1, 2)
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{place}_{field}"
        for place in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for field in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)


def arrow_schema(columns):
    """The Arrow schema of a table given as (name, type) pairs like ``FLAT_COLUMNS``."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
    }
    return pa.schema([(name, types[kind]) for name, kind in columns])


def _every_event(connection) -> Iterator[Event]:
    """Every event, oldest first, streamed from one cursor (an export is not capped)."""
    for row in connection.cursor().execute("SELECT * FROM events ORDER BY date, id"):
        yield event_from_row(row, query.first_mention(connection, row["id"]))


def fraction_date(day: dt.date) -> str:
    """GDELT's FractionDate, as the share of the year gone before ``day``:
    ``year + (day of year - 1) / days in that year``, to 4 decimals.

    GDELT documents ``year + (MONTH * 30 + DAY) / 365``, an approximation that starts the
    year at .0849, reaches the next year from 5 December on (2025-12-31 gives 2026.0712) and
    gives the 31st of a month and the 1st of the next the same value. This one stays in
    [year, year + 1): 1 January is year.0000, 31 December year.9973 (364/365 or 365/366), and
    each day is above the one before (a day is 1/366 = 0.0027 or more, above the rounding).
    """
    days_in_year = 366 if calendar.isleap(day.year) else 365
    return f"{day.year + (day.timetuple().tm_yday - 1) / days_in_year:.4f}"


def gdelt_row(event: Event, article: dict | None) -> list:
    gazetteer = load_gazetteer()
    day = (event.date or "").replace("-", "")
    year = day[:4]
    try:
        fraction = fraction_date(dt.date.fromisoformat(event.date))
    except (TypeError, ValueError):  # no date, or only a month or a year: no FractionDate
        fraction = ""
    cells: list = [int(event.id[:15], 16), day, day[:6], year, fraction]
    for actor in (event.source, event.target):
        if actor is None:
            cells += [""] * 10
            continue
        country = actor.country
        cameo_country = (
            "IGO"
            if country == "IGO"
            else (gazetteer.cameo_codes.get(country, country) if country else "")
        )
        known_group = actor.code if actor.kind == "organisation" else ""
        cells += [
            actor.code or "",
            (actor.name or actor.text or "").upper(),
            cameo_country or "",
            known_group or "",
            "",
            "",
            "",
            *(list(actor.sectors) + ["", "", ""])[:3],
        ]
    counts = event.counts
    start = event.evidence.start if event.evidence else None
    cells += [
        1 if start == 0 else 0,
        event.cameo,
        event.cameo[:3],
        event.cameo_root,
        event.quad_class,
        event.goldstein,
        counts.num_mentions,
        counts.num_sources,
        counts.num_articles,
        "",
    ]
    cells += actor_geo(event.source) + actor_geo(event.target) + action_geo(event.location)
    added = ((article or {}).get("date") or event.date or "").replace("-", "")
    cells += [
        added + "000000" if added else "",
        (article or {}).get("url") or (article or {}).get("path") or "",
    ]
    return cells


# A spreadsheet runs a cell starting with one of these as a formula (=HYPERLINK(...),
# @SUM(...), -2+3+cmd|...); tab and carriage return are OWASP's "CSV injection" list too.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number such as "-2.5" only ever evaluates to itself, and quoting it would turn it
# into text in a spreadsheet: a number stays a number whether it arrives as a float or as text.
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", re.ASCII)


def csv_cell(value):
    """A cell of a CSV for spreadsheets: text that a spreadsheet would run as a formula gets a
    leading ``'`` (OWASP's advice), which spreadsheets show as text and do not run. Numbers,
    text that is a plain number, booleans and None are left as they are."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_START)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def write_csv(fh, events: Iterable[Event]) -> int:
    """The flat rows of ``events`` as CSV with a header, formula cells neutralised; used by
    both `export --format csv` and `events --format csv`. Returns the number of rows."""
    writer = csv.writer(fh)
    writer.writerow(FLAT_NAMES)
    count = 0
    for event in events:
        row = flat_row(event)
        writer.writerow([csv_cell(row[name]) for name in FLAT_NAMES])
        count += 1
    return count


@contextmanager
def atomic_file(out: Path, mode: str = "w", **open_args):
    """Open a temporary file in the folder of ``out``, and rename it to ``out`` only when the
    block ends without an error; on any error it is removed and ``out`` is left as it was.

    The temporary name is random (two exports to one file do not write into each other) and
    hidden; the same folder makes the rename atomic. The data is synced before the rename,
    so a crash cannot leave a complete name over incomplete data.
    """
    out = Path(out)
    partial = out.with_name(f".{out.name}.{secrets.token_hex(4)}.partial")
    # O_EXCL: never write through a file or a link already there. 0o666 lets the umask decide
    # the mode, as for a plain open(out, "w").
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with open(fd, mode, **open_args) as fh:
            with suppress(FileNotFoundError):  # replacing a file keeps its permissions
                os.fchmod(fh.fileno(), os.stat(out).st_mode & 0o7777)
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, out)
    except BaseException:
        with suppress(OSError):
            os.unlink(partial)
        logger.debug("removed the unfinished %s", partial)
        raise


# Characters that end a line or a field for some reader of a TSV: tab, newline and \r, but
# also \x0b, \x0c, \x1c-\x1e, \x85, U+2028 and U+2029 (str.splitlines) and any other control
# character. They become spaces, so each event stays one line of 61 fields.
_NOT_IN_TSV = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _tsv(cell) -> str:
    if cell is None:
        return ""
    return _NOT_IN_TSV.sub(" ", cell) if isinstance(cell, str) else str(cell)


def _jsonl(record: dict) -> str:
    # json.dumps escapes C0 controls but leaves \x85, U+2028 and U+2029 raw, which
    # str.splitlines and some JSON-lines readers take for line ends. They can only occur
    # inside strings, where their \u escapes mean the same.
    line = json.dumps(record, ensure_ascii=False)
    return line.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def export(connection, output_format: str, out: Path) -> int:
    """Write every event to ``out``, atomically; returns the number of events written."""
    if output_format not in FORMATS:
        raise ValueError(f"unknown format {output_format}; known: {', '.join(FORMATS)}")
    out = Path(out)
    if output_format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        # Parquet is typed data for programs, not a spreadsheet: its text stays as stored.
        rows = [flat_row(event) for event in _every_event(connection)]
        with atomic_file(out, "wb") as fh:
            pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(FLAT_COLUMNS)), fh)
        count = len(rows)
    elif output_format == "csv":
        with atomic_file(out, "w", encoding="utf-8", newline="") as fh:
            count = write_csv(fh, _every_event(connection))
    elif output_format == "geojson":
        with atomic_file(out, "w", encoding="utf-8", newline="") as fh:
            count = write_geojson(fh, _every_event(connection))
    else:
        count = 0
        articles = {}
        with atomic_file(out, "w", encoding="utf-8", newline="") as fh:
            for event in _every_event(connection):
                count += 1
                if output_format == "plover":
                    fh.write(_jsonl(plover_record(event)) + "\n")
                    continue
                article_id = event.evidence.article_id if event.evidence else None
                if article_id not in articles:
                    row = connection.execute(
                        "SELECT path, url, date FROM articles WHERE id = ?", (article_id,)
                    ).fetchone()
                    articles[article_id] = dict(row) if row else None
                # Fields as they are, no quoting or escaping: GDELT's readers split on tabs
                # (quoting=QUOTE_NONE), so a quote or a backslash is data, not syntax.
                fh.write(
                    "\t".join(_tsv(cell) for cell in gdelt_row(event, articles[article_id])) + "\n"
                )
    logger.info("%d events written to %s as %s", count, out, output_format)
    return count


def plover_record(event: Event) -> dict:
    """An event as a PLOVER record (field names of the PLOVER specification)."""
    evidence = event.evidence

    def actor(value):
        if not value:
            return None
        return {
            "actorText": value.text,
            "code": value.country or value.code,
            "sector": ",".join(value.sectors) or None,
            "group": value.group,
        }

    counts = event.counts
    return {
        "id": event.id,
        "date": event.date,
        "datePrecision": event.date_precision,
        "actor": actor(event.source),
        "recipient": actor(event.target),
        "event": event.plover.event,
        "mode": event.plover.mode,
        "context": list(event.plover.context),
        "cameo": event.cameo,
        "text": evidence.sentence if evidence else None,
        "eventText": evidence.trigger if evidence else None,
        "location": event.location.to_dict() if event.location else None,
        "negated": event.negated,
        "modality": event.modality,
        "historical": event.historical,
        "numMentions": counts.num_mentions,
        "numArticles": counts.num_articles,
        "numSources": counts.num_sources,
        "lang": evidence.lang if evidence else None,
    }
