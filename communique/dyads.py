"""Dyads: the relations of two countries, as a ranking of pairs and as a timeline.

Both count events by the one rule of ``query.COUNTED`` (negated and hypothetical events are
listed but not counted), and both take a dyad in both directions unless asked otherwise, so
that the CLI, the API, the home page, the network and a dyad's page give the same numbers.
A timeline has every period from its first to its last, the empty ones as zeros: a chart or
a model that skipped them would run quiet months together.
"""

from __future__ import annotations

from .query import (
    COUNTED,
    INTERVALS,
    MAX_LIMIT,
    MAX_OFFSET,
    PERIODS,
    QueryError,
    _bounded,
    _date_filter,
    _dyad_filter,
    _where,
    country_code,
    involving,
)
from .series import period_label, period_starts

QUADS = ("quad1", "quad2", "quad3", "quad4")


def dyad_timeline(
    connection,
    a: str,
    b: str,
    interval: str = "month",
    either_direction: bool = True,
    since=None,
    until=None,
) -> list[dict]:
    """Per period: event counts by QuadClass and the Goldstein sum, for the dyad A-B,
    countries given by code or name. Every period from the first to the last with an event
    (from ``since`` to ``until`` when given) has a row, zeros where nothing was counted."""
    if interval not in INTERVALS:
        raise QueryError(f"interval must be one of {', '.join(INTERVALS)}")
    a, b = country_code(a, "a"), country_code(b, "b")
    if not (a and b):
        raise QueryError("a dyad needs two country codes")
    where = ["date IS NOT NULL", COUNTED]
    params: list = []
    _dyad_filter(a, b, either_direction, where, params)
    _date_filter(since, until, where, params)
    sql = (
        f"SELECT {PERIODS[interval]} AS period, SUM(quad_class = 1) AS quad1, "
        "SUM(quad_class = 2) AS quad2, SUM(quad_class = 3) AS quad3, "
        "SUM(quad_class = 4) AS quad4, COUNT(*) AS events, "
        "ROUND(SUM(goldstein), 2) AS goldstein FROM events WHERE "
        + " AND ".join(where)
        + " GROUP BY period ORDER BY period"
    )
    found = {row["period"]: dict(row) for row in connection.execute(sql, params).fetchall()}
    return _zero_filled(found, interval, since, until)


def _zero_filled(found: dict[str, dict], interval: str, since, until) -> list[dict]:
    return [
        found.get(label)
        or {"period": label, **dict.fromkeys(QUADS, 0), "events": 0, "goldstein": 0.0}
        for label in (
            period_label(start, interval) for start in period_starts(found, interval, since, until)
        )
    ]


def _dyad_ranking(since, until, min_events, country) -> tuple[str, list]:
    where = [
        "source_country IS NOT NULL",
        "target_country IS NOT NULL",
        "source_country != target_country",
        COUNTED,
    ]
    params: list = []
    _date_filter(since, until, where, params)
    involving(country, where, params)
    sql = (
        "SELECT min(source_country, target_country) AS a, "
        "max(source_country, target_country) AS b, COUNT(*) AS events, "
        "SUM(source_country < target_country) AS a_to_b, "
        "SUM(source_country > target_country) AS b_to_a, "
        "SUM(quad_class IN (1, 2)) AS cooperation, SUM(quad_class IN (3, 4)) AS conflict, "
        "SUM(num_mentions) AS mentions, ROUND(SUM(goldstein), 2) AS goldstein "
        "FROM events" + _where(where) + " GROUP BY a, b HAVING COUNT(*) >= ?"
    )
    return sql, [*params, _bounded(min_events, MAX_OFFSET)]


def dyads(
    connection,
    since=None,
    until=None,
    min_events: int = 1,
    limit: int = 500,
    offset: int = 0,
    country=None,
) -> list[dict]:
    """Dyads ranked by their events: one row per unordered pair of two different countries
    (``a`` before ``b`` in the alphabet), events counted in both directions (``a_to_b`` and
    ``b_to_a`` split them) by the one rule of ``COUNTED``. The CLI's ``dyads``, the API, the
    home page and the network all read this, so their counts agree."""
    sql, params = _dyad_ranking(since, until, min_events, country)
    rows = connection.execute(
        sql + " ORDER BY events DESC, a, b LIMIT ? OFFSET ?",
        [*params, _bounded(limit, MAX_LIMIT), _bounded(offset, MAX_OFFSET)],
    ).fetchall()
    return [dict(row) for row in rows]


def count_dyads(connection, since=None, until=None, min_events: int = 1, country=None) -> int:
    """How many dyads ``dyads`` would rank with no limit."""
    sql, params = _dyad_ranking(since, until, min_events, country)
    return connection.execute(f"SELECT COUNT(*) FROM ({sql})", params).fetchone()[0]
