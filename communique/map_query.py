"""What the map shows: the events that have coordinates grouped by place, and the events
located in each country, under the filters of the events list (query.py).

A place is one point: the events whose locations resolved to the same coordinates. Its
counts are those of the events list with the same filters (every event it lists, negated
and hypothetical ones too), so that a dot of 5 opens a list of 5.
"""

from __future__ import annotations

import logging

from . import query
from .geo_filters import PLACES_FROM

logger = logging.getLogger(__name__)

MAX_PLACES = 2_000  # dots on one map: the busiest places, past this many


def places(connection, **filters) -> list[dict]:
    """The places of the events matching ``filters``, busiest first: lat, lon, name, country
    (ISO3), events, and events per QuadClass (``quads``: {1: n, ...})."""
    if query._version(connection) < PLACES_FROM:
        return []
    where, params = query._event_conditions(connection, **filters)
    where = [*where, "location_lat IS NOT NULL AND location_lon IS NOT NULL"]
    rows = connection.execute(
        "SELECT location_lat AS lat, location_lon AS lon, MIN(location_name) AS name, "
        "MIN(location_country) AS country, COUNT(*) AS events, "
        + ", ".join(f"SUM(quad_class = {n}) AS q{n}" for n in range(1, 5))
        + " FROM events"
        + query._where(where)
        + " GROUP BY location_lat, location_lon ORDER BY events DESC, name LIMIT ?",
        [*params, MAX_PLACES],
    ).fetchall()
    return [
        {
            "lat": row["lat"],
            "lon": row["lon"],
            "name": row["name"],
            "country": row["country"],
            "events": row["events"],
            "quads": {n: row[f"q{n}"] for n in range(1, 5)},
        }
        for row in rows
    ]


def countries(connection, **filters) -> dict[str, int]:
    """Events matching ``filters`` per country they happened in (their location's)."""
    where, params = query._event_conditions(connection, **filters)
    where = [*where, "location_country IS NOT NULL"]
    rows = connection.execute(
        "SELECT location_country, COUNT(*) FROM events"
        + query._where(where)
        + " GROUP BY location_country",
        params,
    ).fetchall()
    return {code: count for code, count in rows}
