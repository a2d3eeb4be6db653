"""The /map page's drawing: a world map as inline SVG, drawn on the server (the pages have no
script). Country outlines are Natural Earth's 1:110m (``data/countries.tsv``, made by
scripts/build_map_outlines.py) on an equirectangular plane of 1000 x 500; each place with
events is a dot, its area proportional to its events, its colour its commonest QuadClass;
each country is shaded by the events located in it, in six steps on a log scale (a country
of 2,000 events beside one of 2 would otherwise leave all the rest blank).
"""

from __future__ import annotations

import functools
import logging
import math
from importlib import resources
from urllib.parse import urlencode

from ..dictionary_files import read_table

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 1000, 500
SCALE = WIDTH / 360
TOP, BOTTOM = 84.0, -58.0  # the latitudes shown: Antarctica is left out
SHADES = 5  # shade-1 .. shade-5; shade-0 for a country with no event
MIN_R, MAX_R = 3.0, 18.0
QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
NEAR_KM = 1  # a dot's link: the events within this of its point (one place's coordinates)


@functools.cache
def outlines() -> tuple[tuple[str, str, str], ...]:
    """(ISO3, name, SVG path) of every country."""
    path = resources.files(__package__) / "data" / "countries.tsv"
    return tuple((row["iso3"], row["name"], row["path"]) for _, row in read_table(path).rows)


def project(lat: float, lon: float) -> tuple[float, float]:
    return round((lon + 180) * SCALE, 1), round((90 - lat) * SCALE, 1)


def _shade(count: int, top: int) -> int:
    if not count:
        return 0
    return max(1, min(SHADES, math.ceil(SHADES * math.log1p(count) / math.log1p(top))))


def drawing(places: list[dict], countries: dict[str, int], filters: dict) -> dict:
    """What map.html draws: the viewBox, the countries with their shade, the dots with their
    link, and the legend's entries."""
    top_country = max(countries.values(), default=0)
    shapes = [
        {
            "code": code,
            "name": name,
            "path": path,
            "events": countries.get(code, 0),
            "shade": _shade(countries.get(code, 0), top_country),
        }
        for code, name, path in outlines()
    ]
    busiest = max((place["events"] for place in places), default=1)
    kept = {k: v for k, v in filters.items() if v not in (None, "", False)}
    dots = []
    for place in sorted(places, key=lambda p: -p["events"]):  # small dots drawn on top
        x, y = project(place["lat"], place["lon"])
        quad = max(place["quads"], key=lambda n: (place["quads"][n] or 0, -n))
        near = f"{place['lat']:.5f},{place['lon']:.5f},{NEAR_KM}"
        dots.append(
            {
                **place,
                "x": x,
                "y": y,
                "r": round(MIN_R + (MAX_R - MIN_R) * math.sqrt(place["events"] / busiest), 1),
                "quad": quad,
                "href": "/events?" + urlencode({**kept, "near": near}),
            }
        )
    y_top, y_bottom = (90 - TOP) * SCALE, (90 - BOTTOM) * SCALE
    return {
        "view_box": f"0 {y_top:.0f} {WIDTH} {y_bottom - y_top:.0f}",
        "legend_y": round(y_bottom - 100),
        "countries": shapes,
        "dots": dots,
        "quads": QUADS,
        "busiest": busiest,
        "top_country": top_country,
    }
