"""The GeoJSON export: the events that have coordinates as an RFC 7946 FeatureCollection.

One Point feature per event whose location the places stage resolved, at [longitude,
latitude] (RFC 7946's order, WGS 84, no "crs" member), its properties the event's flat row
(records/columns.py: the CSV's and Parquet's columns, the date as YYYY-MM-DD) and its id
the event's. Events without coordinates are left out: a feature with a null geometry is
valid GeoJSON, but a map has nowhere to put it. The collection is written feature by
feature, so an export of any size takes no more memory than one event.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable
from typing import TextIO

from ..records.columns import flat_row
from ..records.event import Event

logger = logging.getLogger(__name__)


def _value(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def feature(event: Event) -> dict | None:
    """The GeoJSON Feature of ``event``; None when its location has no coordinates."""
    location = event.location
    if location is None or not location.located:
        return None
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [location.lon, location.lat]},
        "properties": {name: _value(value) for name, value in flat_row(event).items()},
    }


def write_geojson(fh: TextIO, events: Iterable[Event]) -> int:
    """``events`` with coordinates as one FeatureCollection; returns the features written."""
    fh.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for event in events:
        found = feature(event)
        if found is None:
            continue
        # ensure_ascii: a text's \u2028 or \x85 stays an escape, and the file stays ASCII
        fh.write((",\n" if count else "") + json.dumps(found, allow_nan=False))
        count += 1
    fh.write("\n]}\n")
    logger.debug("%d located events as GeoJSON features", count)
    return count
