"""The gazetteer: every name the actor stage knows, loaded once per process from data files.

The files in ``data/`` are plain TSV and YAML so that users can read and extend them:

- ``countries.tsv``: ISO 3166-1 alpha-3 code, CAMEO code, name, aliases, demonyms;
- ``places.tsv``: capitals and seats of government (metonyms: "Moscow said"), cities, regions;
- ``organisations.yaml``: international and non-state organisations, with members;
- ``communities.tsv``: ethnic and religious communities, with a country only where the
  community belongs to one state in the news ("Yoruba": NGA; "Kurdish": none);
- ``titles.tsv``: titles, roles and group nouns mapped to CAMEO sectors;
- ``leaders.tsv``: dated offices of heads of state and government and ministers;
- ``references.tsv``: plural and descriptive references ("the two countries",
  "the former colonial power") and what they may stand for.

Matching is by spaCy ``PhraseMatcher``. Aliases in capitals ("US", "AES") match exactly;
other proper names match case-insensitively but must start with a capital letter in the
text, so "chad" or "turkey" in lower case are not countries; titles and group nouns match
in any case, with regular plurals added by the loader.
"""
from __future__ import annotations

import csv
import functools
import logging
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

import pycountry
import srsly

logger = logging.getLogger(__name__)

DATA = resources.files("communique.actors") / "data"

# When one stretch of text matches several kinds, the first kind here wins.
KIND_PRIORITY = ("organisation", "person", "country", "demonym", "community", "place",
                 "reference", "title", "agent")
PROPER_KINDS = {"organisation", "person", "country", "demonym", "community", "place"}


@dataclass(frozen=True)
class Office:
    country: str
    sectors: tuple[str, ...]
    role: str
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """One thing the gazetteer knows, under all its names."""
    kind: str  # see KIND_PRIORITY
    key: str  # ISO code, organisation or person name, title phrase
    name: str | None = None
    country: str | None = None
    sectors: tuple[str, ...] = ()
    code: str | None = None  # CAMEO-style actor code of organisations
    members: tuple[str, ...] = ()
    expand: bool = False  # a bloc that acts as its member states
    place_kind: str | None = None  # capital, seat, city, region
    offices: tuple[Office, ...] = ()
    candidates: tuple[str, ...] = ()  # references: the countries a description may stand for
    reference: str | None = None  # references: pair, group, description
    patterns: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def office_on(self, day: date | None) -> Office | None:
        """The office held on ``day``; without a day, or out of office, the latest one."""
        if not self.offices:
            return None
        def latest(office: Office) -> date:
            return office.start or date.min

        if day is not None:
            holding = [office for office in self.offices if office.holds_on(day)]
            if holding:
                return max(holding, key=latest)
        return max(self.offices, key=latest)


def _split(value: str | None, sep: str = "|") -> list[str]:
    return [part.strip() for part in (value or "").split(sep) if part.strip()]


def _read_tsv(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _parse_date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def plural(phrase: str) -> str:
    """The regular English plural of a phrase's last word."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith("man"):
        last = last[:-3] + "men"
    else:
        last += "s"
    return f"{head} {last}" if head else last


class Gazetteer:
    """All entries, and the data for turning a country code into names and CAMEO codes."""

    def __init__(self, entries: list[Entry], cameo_codes: dict[str, str], names: dict[str, str]):
        self.entries = entries
        self.cameo_codes = cameo_codes  # ISO3 -> CAMEO country code
        self.iso_from_cameo = {cameo: iso for iso, cameo in cameo_codes.items()}
        self.country_names = names  # ISO3 -> common name
        self.organisations = {e.key: e for e in entries if e.kind == "organisation"}
        # Office holders by surname, for a title with a surname the text alone does not
        # resolve ("President Mugabe").
        self.surnames: dict[str, list[Entry]] = {}
        for entry in entries:
            if entry.kind == "person":
                for surname in {p.split()[-1].lower() for p in entry.patterns if " " in p}:
                    self.surnames.setdefault(surname, []).append(entry)

    def office_holder(self, surname: str, day: date | None) -> tuple[Entry, Office] | None:
        """The one office holder with this surname: in office on ``day`` if anyone is, else
        at any time. None when no one, or people of several countries, qualify."""
        for on_day in ((True, False) if day is not None else (False,)):
            found = {}
            for entry in self.surnames.get(surname.lower(), ()):
                for office in entry.offices:
                    if "ELI" not in office.sectors and (not on_day or office.holds_on(day)):
                        found.setdefault(office.country, (entry, office))
            if found:
                return next(iter(found.values())) if len(found) == 1 else None
        return None

    def country_name(self, iso3: str | None) -> str | None:
        if iso3 is None:
            return None
        if iso3 in self.country_names:
            return self.country_names[iso3]
        record = pycountry.countries.get(alpha_3=iso3)
        return record.name if record else iso3

    def to_iso(self, code: str) -> str | None:
        """ISO3 for a CAMEO or ISO country code ("JAP" -> "JPN"); None if unknown."""
        if code in self.country_names:
            return code
        return self.iso_from_cameo.get(code)


def _country_entries() -> tuple[list[Entry], dict[str, str], dict[str, str]]:
    entries, cameo, names = [], {}, {}
    for row in _read_tsv("countries.tsv"):
        iso = row["iso3"]
        cameo[iso] = row["cameo"] or iso
        names[iso] = row["name"]
        entries.append(Entry("country", iso, row["name"], iso,
                             patterns=tuple(dict.fromkeys([row["name"], *_split(row["aliases"])]))))
        if row["adjectives"]:
            entries.append(Entry("demonym", iso, row["name"], iso,
                                 patterns=tuple(_split(row["adjectives"]))))
    return entries, cameo, names


def _place_entries() -> list[Entry]:
    return [Entry("place", row["name"], row["name"], row["iso3"], tuple(row["sectors"].split()),
                  place_kind=row["kind"], patterns=(row["name"],))
            for row in _read_tsv("places.tsv")]


def _community_entries() -> list[Entry]:
    return [Entry("community", row["names"], _split(row["names"])[0], row["iso3"] or None,
                  tuple(row["sectors"].split()), patterns=tuple(_split(row["names"])))
            for row in _read_tsv("communities.tsv")]


def _organisation_entries() -> list[Entry]:
    entries = []
    for item in srsly.read_yaml(DATA / "organisations.yaml"):
        patterns = [item["name"], *(item.get("aliases") or []), *(item.get("acronyms") or [])]
        entries.append(Entry(
            "organisation", item["name"], item["name"], item.get("country"),
            tuple(item.get("sectors") or ()), code=item.get("code"),
            members=tuple(item.get("members") or ()), expand=bool(item.get("expand")),
            patterns=tuple(dict.fromkeys(patterns))))
    return entries


def _title_entries() -> list[Entry]:
    entries = []
    for row in _read_tsv("titles.tsv"):
        phrase = row["phrase"].strip()
        patterns = [phrase]
        if row["kind"] in ("title", "agent"):
            patterns.append(plural(phrase))
        entries.append(Entry(row["kind"], phrase, None, None, tuple(row["sectors"].split()),
                             patterns=tuple(dict.fromkeys(patterns))))
    return entries


def _leader_entries() -> list[Entry]:
    people: dict[str, dict] = {}
    rows = _read_tsv("leaders.tsv")
    # The 2014 Phoenix table leaves offices open that have since ended; where our own rows
    # cover a person, those open ends are dropped.
    curated = {row["name"] for row in rows if row["source"] != "phoenix-2014"}
    for row in rows:
        if row["name"] in curated and row["source"] == "phoenix-2014" and not row["end"]:
            continue
        person = people.setdefault(row["name"], {"offices": [], "aliases": {row["name"]: None}})
        person["offices"].append(Office(row["iso3"], tuple(row["sectors"].split()), row["role"],
                                        _parse_date(row["start"]), _parse_date(row["end"])))
        person["aliases"].update(dict.fromkeys(_split(row["aliases"])))
    return [Entry("person", name, name, None, offices=tuple(person["offices"]),
                  patterns=tuple(person["aliases"])) for name, person in people.items()]


def _reference_entries() -> list[Entry]:
    return [Entry("reference", row["phrase"], None, None, reference=row["kind"],
                  candidates=tuple(row["candidates"].split()), patterns=(row["phrase"],))
            for row in _read_tsv("references.tsv")]


@functools.cache
def load_gazetteer() -> Gazetteer:
    countries, cameo, names = _country_entries()
    entries = (countries + _community_entries() + _place_entries() + _organisation_entries()
               + _leader_entries()
               + _title_entries() + _reference_entries())
    logger.info("gazetteer: %d entries", len(entries))
    return Gazetteer(entries, cameo, names)


def is_acronym(pattern: str) -> bool:
    letters = [c for c in pattern if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in pattern
