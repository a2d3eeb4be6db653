"""The records that cross the modules of the places package: a gazetteer entry and a place
found in an article."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GazetteerEntry:
    """One place of the gazetteer. ``country`` is ISO 3166-1 alpha-2 and ``country3`` alpha-3;
    ``admin1`` is the GeoNames admin-1 key, country and code ("US.TX", "FR.11"); ``feature``
    is the GeoNames class and code ("P.PPLC", "A.ADM1", "A.PCLI", "L.CONT"). ``rank_population``
    orders places where GeoNames gives no population (a region: its cities' total)."""

    key: int  # the row in the gazetteer file
    geonameid: int | None
    name: str
    country: str | None
    country3: str | None
    admin1: str | None
    lat: float
    lon: float
    feature: str
    population: int | None
    rank_population: int


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry that a name in the text may stand for; ``alternate`` says the name
    is one of the entry's alternate names, not its own name or one of our aliases."""

    entry: GazetteerEntry
    alternate: bool = False


@dataclass
class Place:
    """A place name in the clean text (``start``/``end`` index ``Article.text``) and the
    place it was resolved to."""

    text: str
    start: int
    end: int
    name: str
    geonameid: int | None
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    lat: float
    lon: float
    feature: str
    population: int | None

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "geonameid": self.geonameid,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "population": self.population,
        }
