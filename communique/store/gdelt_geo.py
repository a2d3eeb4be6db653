"""GDELT's Geo fields of an event: ActionGeo from the place its location was resolved to,
Actor1Geo and Actor2Geo from the country of an actor that has one.

Each Geo block is GDELT's eight fields: Type, FullName, CountryCode, ADM1Code, ADM2Code,
Lat, Long, FeatureID. As GDELT writes them:

- Type: 1 a country, 2 a US state, 3 a US city or landmark, 4 a city or landmark elsewhere,
  5 a region (admin-1) elsewhere;
- FullName: the place, its admin-1 region and its country ("Moscow, Moscow, Russia");
- CountryCode: FIPS 10-4, not ISO (Russia RS, Germany GM; ``data/fips_countries.tsv``);
- ADM1Code: the FIPS country code and the admin-1 code ("RS48", "USTX"); a country's is its
  FIPS code. GeoNames' admin-1 codes are FIPS codes for most countries, as GDELT's are, and
  ISO or national codes for some (the US states' letters, which GDELT uses too);
- FeatureID: the GeoNames id of a place (GDELT gives the GNS or GNIS id; both name the same
  place); a country's is its FIPS code and a region's its ADM1Code, as GDELT's are.

An actor's place is the point of its country (GDELT places an actor at the place the text
names nearest to it; we know an actor's country, not its city). ADM2Code stays empty.
"""

from __future__ import annotations

import functools
import logging
from importlib import resources

from ..dictionary_files import read_table
from ..model import Actor
from ..places.gazetteer import load_gazetteer
from ..records.event import Location

logger = logging.getLogger(__name__)

COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5
EMPTY = ["", "", "", "", "", "", "", ""]


@functools.cache
def fips_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-3 to FIPS 10-4 country codes."""
    path = resources.files(__package__) / "data" / "fips_countries.tsv"
    return {row["iso3"]: row["fips"] for _, row in read_table(path).rows}


def geo_type(feature: str | None, country: str | None) -> int:
    """GDELT's Geo_Type of a GeoNames feature ("A.PCLI", "A.ADM1", "P.PPL") in a country
    (ISO3)."""
    feature = feature or ""
    if feature.startswith("A.PCL"):
        return COUNTRY
    if feature.startswith("A.ADM"):
        return US_STATE if country == "USA" else WORLD_STATE
    return US_CITY if country == "USA" else WORLD_CITY


def _country_name(iso3: str | None) -> str:
    entry = load_gazetteer().country(iso3) if iso3 else None
    return entry.name if entry else ""


def action_geo(location: Location | None) -> list:
    """The eight ActionGeo cells of an event's location; empty for none. A location that was
    not resolved keeps its words and country as it always had (Type 1 or 4 unknown: the
    country's point is not the place), with no coordinates."""
    if location is None or not location.text:
        return list(EMPTY)
    fips = fips_codes().get(location.country or "", "")
    if not location.located:
        return [WORLD_CITY, location.text, fips, "", "", "", "", ""]
    kind = geo_type(location.feature, location.country)
    region = location.admin1 or ""
    region_code = region.split(".", 1)[1] if "." in region else ""
    adm1 = fips + region_code if fips and region_code and kind != COUNTRY else fips
    if kind == COUNTRY:
        parts = [location.name or location.text]
        feature_id = fips
    else:
        region_name = load_gazetteer().admin1_name(region) if region else None
        own = location.name or location.text
        in_region = region_name and kind not in (US_STATE, WORLD_STATE)
        parts = [own, *([region_name] if in_region else [])]
        parts.append(_country_name(location.country))
        feature_id = adm1 if kind in (US_STATE, WORLD_STATE) else location.geonameid
    full_name = ", ".join(part for part in parts if part)
    return [kind, full_name, fips, adm1, "", location.lat, location.lon, feature_id or ""]


def actor_geo(actor: Actor | None) -> list:
    """The eight Geo cells of an actor: its country's point, when it has a country."""
    if actor is None or not actor.country or actor.country == "IGO":
        return list(EMPTY)
    entry = load_gazetteer().country(actor.country)
    fips = fips_codes().get(actor.country, "")
    if entry is None:
        return list(EMPTY)
    return [COUNTRY, entry.name, fips, fips, "", entry.lat, entry.lon, fips]
