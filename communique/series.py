"""Time series of event counts per dyad or per country, as a table for R and pandas.

Why a separate table and not the event export: analysts model counts over time, and a
count series needs what a list of events cannot give them, the periods in which nothing
happened. So the series is ZERO-FILLED: every key (a dyad or a country) has a row for every
period of the range, with 0 events where there were none. Without the zeros a rolling mean
or a regression would silently skip the quiet months and overstate the activity.

Counting follows the one rule of ``query.COUNTED`` (negated and hypothetical events are
never counted), so the series agrees with every other count communique shows. An event
whose date is coarser than the period (a year-precision event in a month series) cannot be
placed in one period without inventing a date, so it is left out and the number left out
is logged.
"""

from __future__ import annotations

import csv
import logging
from datetime import date, timedelta
from pathlib import Path

from . import query
from .query import QueryError

logger = logging.getLogger(__name__)

BYS = ("dyad", "country")
KEYS = {"dyad": ("a", "b"), "country": ("country",)}
COUNTS = ("events", "quad1", "quad2", "quad3", "quad4")
SERIES_FORMATS = ("csv", "parquet")
# The precisions fine enough to place an event in one period. A date stored without a
# precision is taken as the day it names, as every other query of communique takes it.
PRECISIONS = {"day": ("day",), "week": ("day",), "month": ("day", "month")}


def columns(by: str) -> tuple[str, ...]:
    """The columns of a series row, in the order of the CSV and Parquet files."""
    return ("period", "start", *KEYS[by], *COUNTS, "goldstein_sum", "goldstein_mean")


def period_start(day: date, period: str) -> date:
    """The first day of the period holding ``day``: a week starts on Monday (ISO 8601)."""
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day


def next_period(start: date, period: str) -> date:
    """The first day of the period after the one starting on ``start``."""
    if period == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + timedelta(days=7 if period == "week" else 1)


def period_label(start: date, period: str) -> str:
    """A period's name: the day, the week's Monday, or YYYY-MM for a month."""
    return start.isoformat()[:7] if period == "month" else start.isoformat()


def period_from_label(label: str, period: str) -> date:
    return date.fromisoformat(label + "-01" if period == "month" else label)


def period_starts(
    labels, period: str, since: str | None = None, until: str | None = None
) -> list[date]:
    """The first day of every period from the first of ``labels`` (or the one holding
    ``since``) to the last (or the one holding ``until``): the periods of a zero-filled
    series. Empty when there are no labels and no bounds to say where to start or end."""
    labels = sorted(labels)
    if not labels and not (since and until):
        return []
    first = (
        period_start(date.fromisoformat(since), period)
        if since
        else period_from_label(labels[0], period)
    )
    last = (
        period_start(date.fromisoformat(until), period)
        if until
        else period_from_label(labels[-1], period)
    )
    starts = []
    while first <= last:
        starts.append(first)
        first = next_period(first, period)
    return starts


def _selection(by: str, period: str, common: str) -> tuple[str, int, str]:
    """The SQL that yields one row (key..., date, quad_class, goldstein) per counted event
    side, how many times it uses the parameters of ``common``, and the condition of the
    events with a key whose date is too coarse (for the left-out count)."""
    precision = f"COALESCE(date_precision, 'day') IN ({', '.join(map(repr, PRECISIONS[period]))})"
    placed = f"{common} AND {precision}"
    if by == "dyad":
        keyed = (
            "source_country IS NOT NULL AND target_country IS NOT NULL "
            "AND source_country != target_country"
        )
        sql = (
            "SELECT min(source_country, target_country) AS a, "
            "max(source_country, target_country) AS b, date, quad_class, goldstein "
            f"FROM events WHERE {keyed} AND {placed}"
        )
        return sql, 1, f"{keyed} AND {common} AND NOT ({precision})"
    # An event counts once for each distinct country on its sides: the target side only
    # when it is not the source's country again.
    sql = (
        "SELECT source_country AS country, date, quad_class, goldstein FROM events "
        f"WHERE source_country IS NOT NULL AND {placed} UNION ALL "
        "SELECT target_country, date, quad_class, goldstein FROM events "
        "WHERE target_country IS NOT NULL AND target_country IS NOT source_country "
        f"AND {placed}"
    )
    keyed = "(source_country IS NOT NULL OR target_country IS NOT NULL)"
    return sql, 2, f"{keyed} AND {common} AND NOT ({precision})"


def series(
    connection, by: str = "dyad", period: str = "month", since=None, until=None
) -> list[dict]:
    """Per key (an unordered dyad ``a``-``b`` with a < b, or a ``country``) and per period:
    the counted events, by QuadClass, with the Goldstein sum and mean. Zero-filled from the
    first period to the last (from ``since`` to ``until`` when given); ordered by key, then
    period. ``goldstein_mean`` is None in a period without events: the mean of nothing is
    unknown, and 0 would read as a neutral month."""
    if by not in BYS:
        raise QueryError(f"by must be one of {', '.join(BYS)}, not {by!r}")
    if period not in query.PERIODS:
        raise QueryError(f"period must be one of {', '.join(query.PERIODS)}, not {period!r}")
    since, until = query._day(since, "since"), query._day(until, "until")
    if since and until and since > until:
        raise QueryError(f"since ({since}) is after until ({until})")
    where, params = ["date IS NOT NULL", f"({query.COUNTED})"], []
    query._date_filter(since, until, where, params)
    sql, uses, coarse = _selection(by, period, " AND ".join(where))
    keys = KEYS[by]
    key_list = ", ".join(keys)
    grouped = (
        f"SELECT {key_list}, {query.PERIODS[period]} AS period, COUNT(*) AS events, "
        + ", ".join(f"SUM(quad_class = {n}) AS quad{n}" for n in range(1, 5))
        + f", SUM(goldstein) AS goldstein FROM ({sql}) "
        f"GROUP BY {key_list}, period HAVING period IS NOT NULL"
    )
    found: dict[tuple, dict] = {}
    for row in connection.execute(grouped, params * uses):
        found[(tuple(row[k] for k in keys), row["period"])] = dict(row)
    left_out = connection.execute(f"SELECT COUNT(*) FROM events WHERE {coarse}", params).fetchone()[
        0
    ]
    if left_out:
        logger.info(
            "counted events left out of the %s series, dated only to a %s: %d",
            period,
            "year" if period == "month" else "month or a year",
            left_out,
        )
    if not found:
        return []
    starts = period_starts({label for _, label in found}, period, since, until)
    rows = []
    for key in sorted({key for key, _ in found}):
        for start in starts:
            label = period_label(start, period)
            cell = found.get((key, label))
            total = cell["goldstein"] if cell else 0.0
            events = cell["events"] if cell else 0
            rows.append(
                {
                    "period": label,
                    "start": start.isoformat(),
                    **dict(zip(keys, key)),
                    **{name: (cell[name] if cell else 0) for name in COUNTS},
                    "goldstein_sum": round(total, 2),
                    # 4 places: the float noise gone, the precision of a mean kept.
                    "goldstein_mean": round(total / events, 4) if events else None,
                }
            )
    logger.debug(
        "%d series rows: %d periods x %d keys", len(rows), len(starts), len(rows) // len(starts)
    )
    return rows


def write_series(rows: list[dict], out, output_format: str, by: str = "dyad") -> int:
    """Write ``rows`` as CSV (with a header) or Parquet; returns the number of rows.

    ``out`` is a path, written atomically (a failure leaves it as it was), or for CSV an
    open text stream such as stdout. ``by`` names the key columns only when ``rows`` is
    empty, so that an empty series still has its header and schema.
    """
    from .store.export import atomic_file, csv_cell

    if output_format not in SERIES_FORMATS:
        raise ValueError(f"unknown format {output_format}; known: {', '.join(SERIES_FORMATS)}")
    names = tuple(rows[0]) if rows else columns(by)
    if output_format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {
            "period": pa.string(),
            "start": pa.date32(),
            "goldstein_sum": pa.float64(),
            "goldstein_mean": pa.float64(),
            **{name: pa.int64() for name in COUNTS},
        }
        schema = pa.schema([(name, types.get(name, pa.string())) for name in names])
        typed = [{**row, "start": date.fromisoformat(row["start"])} for row in rows]
        if hasattr(out, "write"):
            raise ValueError("Parquet is written to a file, not to a stream")
        with atomic_file(Path(out), "wb") as fh:
            pq.write_table(pa.Table.from_pylist(typed, schema=schema), fh)
        return len(rows)

    def write(fh) -> None:
        writer = csv.writer(fh)
        writer.writerow(names)
        # csv_cell: the file may be opened in a spreadsheet, like every CSV of communique.
        writer.writerows([csv_cell(row[name]) for name in names] for row in rows)

    if hasattr(out, "write"):
        write(out)
    else:
        with atomic_file(Path(out), "w", encoding="utf-8", newline="") as fh:
            write(fh)
    logger.info("%d series rows written as %s", len(rows), output_format)
    return len(rows)
