"""The place filters of event queries: ``near=lat,lon,km`` (events within ``km`` of a point)
and ``bbox=west,south,east,north`` (events inside a box, in degrees, RFC 7946's order).

Both read an event's resolved location (schema 5: ``location_lat``, ``location_lon``), so an
event without coordinates matches neither; a database of an older schema, read as it is,
has none, and nothing matches there. ``near`` takes the box around the circle first (the
coordinates' index serves it), then the great-circle distance. A box whose west edge is
east of its east edge crosses the antimeridian ("170,-20,-170,20": Fiji).
"""

from __future__ import annotations

import logging
import math
import re

logger = logging.getLogger(__name__)

EARTH_KM = 6371.0088  # mean radius (IUGG)
MAX_KM = 20_016  # half the circumference: every point of the Earth is nearer
PLACES_FROM = 5  # the schema version that keeps events' coordinates
_NUMBER = r"\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*"


class PlaceFilterError(ValueError):
    """A near or bbox filter that cannot be read; query.py turns it into its QueryError."""


def _numbers(value: str, count: int, name: str, form: str) -> list[float]:
    match = re.fullmatch(",".join([_NUMBER] * count), value or "")
    if not match:
        raise PlaceFilterError(f"{name} must be {form}")
    return [float(group) for group in match.groups()]


def _check(lat: float, lon: float, name: str) -> None:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise PlaceFilterError(f"{name}: latitudes are -90 to 90, longitudes -180 to 180")


def parse_near(value: str) -> tuple[float, float, float]:
    lat, lon, km = _numbers(value, 3, "near", "lat,lon,km, e.g. near=55.75,37.62,50")
    _check(lat, lon, "near")
    if not 0 < km <= MAX_KM:
        raise PlaceFilterError(f"near: the distance must be above 0 and at most {MAX_KM} km")
    return lat, lon, km


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    west, south, east, north = _numbers(
        value, 4, "bbox", "west,south,east,north in degrees, e.g. bbox=-18,4,25,25"
    )
    _check(south, west, "bbox")
    _check(north, east, "bbox")
    if south > north:
        raise PlaceFilterError("bbox: the south edge must not be north of the north edge")
    return west, south, east, north


def km_between(lat1, lon1, lat2, lon2) -> float | None:
    """Great-circle distance (haversine); None when a point is missing."""
    if None in (lat1, lon1, lat2, lon2):
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _box(west, south, east, north, where: list, params: list) -> None:
    where.append("location_lat BETWEEN ? AND ?")
    params += [south, north]
    if west <= east:
        where.append("location_lon BETWEEN ? AND ?")
        params += [west, east]
    else:  # across the antimeridian
        where.append("(location_lon >= ? OR location_lon <= ?)")
        params += [west, east]


def place_conditions(connection, near, bbox, version: int, where: list, params: list) -> None:
    """Add the WHERE conditions of ``near`` and ``bbox`` (either may be None)."""
    near = parse_near(near) if near else None
    bbox = parse_bbox(bbox) if bbox else None
    if version < PLACES_FROM:
        where.append("0")  # no event of this database has coordinates
        return
    if bbox:
        _box(*bbox, where, params)
    if near:
        lat, lon, km = near
        dlat = math.degrees(km / EARTH_KM)
        south, north = max(-90.0, lat - dlat), min(90.0, lat + dlat)
        # the box's longitudes: all of them near a pole, else as wide as the circle there
        widest = max(abs(south), abs(north))
        if widest >= 89.9 or dlat >= 90:
            west, east = -180.0, 180.0
        else:
            dlon = math.degrees(km / (EARTH_KM * math.cos(math.radians(widest))))
            west, east = (lon - dlon, lon + dlon) if dlon < 180 else (-180.0, 180.0)
            west = west + 360 if west < -180 else west
            east = east - 360 if east > 180 else east
        _box(west, south, east, north, where, params)
        connection.create_function("communique_km", 4, km_between, deterministic=True)
        where.append("communique_km(location_lat, location_lon, ?, ?) <= ?")
        params += [lat, lon, km]
