"""The gazetteer: every name the actor stage knows, loaded once per process from data files.

The files in ``data/`` are plain TSV and YAML so that users can read and extend them:

- ``countries.tsv``: ISO 3166-1 alpha-3 code, CAMEO code, name, aliases, demonyms;
- ``historical_names.tsv``: former states and former names of states ("the Soviet Union",
  "West Germany", "Zaire"), with aliases and demonyms: coded as today's state (ISO3 of
  the successor the project chose: East and West Germany DEU, the USSR RUS, Yugoslavia SRB),
  while the actor keeps the historical name. A name belongs in one of the two files only;
- ``places.tsv``: capitals and seats of government (metonyms: "Moscow said"), cities, regions;
- ``organisations.yaml``: international and non-state organisations, with members;
  ``short_names`` count only written "the Twelve" (capitalised, after "the", not a word of
  a longer name) and ``short_names_in_context`` only so, once the organisation has been
  named earlier in the text ("the European Community ... the Community") and no other body
  with that word in its name since ("the European Commission ... the U.S. International
  Trade Commission ... the Commission" is not the European one), or once a body of its
  ``short_names_after`` has ("the EC ... the Commission"); a city in
  ``seats_in_context`` stands for the organisation once it has been named, unless it is
  where things happen ("the EU ... Brussels said", not "talks in Brussels");
- ``communities.tsv``: ethnic and religious communities, with a country only where the
  community belongs to one state in the news ("Yoruba": NGA; "Kurdish": none);
- ``titles.tsv``: titles, roles and group nouns mapped to CAMEO sectors;
- ``leaders.tsv``: dated offices of heads of state and government and ministers;
- ``people.tsv``: public figures who hold no state office (clerics, activists, opposition
  leaders, businesspeople, militants), each with the country the news associates them
  with and their sectors; a person in ``leaders.tsv`` is left out here. A later surname
  carries the person as for leaders; after a title ("Ayatollah Sistani") a surname is
  looked up here only when no office holder has it;
- ``references.tsv``: plural and descriptive references ("the two countries",
  "the former colonial power") and what they may stand for.

User dictionaries in the format of any of these files but countries.tsv extend them: their
entries come first and replace the packaged ones with the same key (user_dictionaries.py).

Matching is by spaCy ``PhraseMatcher``. Aliases in capitals ("US", "AES") match exactly;
other proper names match case-insensitively but must start with a capital letter in the
text, so "chad" or "turkey" in lower case are not countries; titles and group nouns match
in any case, with regular plurals added by the loader.
"""

from __future__ import annotations

import dataclasses
import re
import functools
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

import pycountry

from ..compiled import cached_object, code_digest, data_digests, file_digest
from ..dictionary_files import read_table
from ..events.roles import grammar
from ..yaml_data import read_yaml
from ..user_dictionaries import chosen, merged_rows

logger = logging.getLogger(__name__)

DATA = resources.files("communique.actors") / "data"
GRAMMAR = resources.files("communique.events") / "data" / "grammar.yaml"

# When one stretch of text matches several kinds, the first kind here wins.
KIND_PRIORITY = (
    "organisation",
    "person",
    "country",
    "demonym",
    "community",
    "place",
    "reference",
    "title",
    "agent",
)
PROPER_KINDS = {"organisation", "person", "country", "demonym", "community", "place"}
# Offices that begin this long after a story's date are not the person's then. The tables'
# start dates are often when a source began to track someone already in office, so a
# margin is kept: with none, the source countries of the PLOVER gold fell from 0.857 to 0.851.
LATER_OFFICE_DAYS = 10 * 365


@dataclass(frozen=True)
class Office:
    country: str
    sectors: tuple[str, ...]
    role: str
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def begins_long_after(self, day: date) -> bool:
        """Whether the office began more than ``LATER_OFFICE_DAYS`` after ``day``: in 1987,
        "King Khaled" is no Malaysian minister of 2004."""
        return self.start is not None and (self.start - day).days > LATER_OFFICE_DAYS


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
    historical: bool = False  # a former state or name: the actor keeps this entry's name
    short_name: str | None = None  # "the" ("the Twelve") or "named" (also after the full name)
    named_with: tuple[str, ...] = ()  # bodies whose naming allows a "named" short name too
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

    @property
    def holds_offices(self) -> bool:
        """A person of leaders.tsv (dated offices), not a public figure of people.tsv."""
        return any(office.start or office.end for office in self.offices)


def _split(value: str | None, sep: str = "|") -> list[str]:
    return [part.strip() for part in (value or "").split(sep) if part.strip()]


def _read_tsv(name: str, dictionaries: tuple[str, ...] = ()) -> list[dict]:
    """The rows of a data file ("#" lines skipped) with those of the user ``dictionaries``."""
    return merged_rows(name, [row for _, row in read_table(DATA / name).rows], dictionaries)


def country_names() -> dict[str, str]:
    """Every country's name and aliases in lower case, without a leading "the", -> ISO3
    (countries.tsv): how users may name a country where a code is asked for."""
    names: dict[str, str] = {}
    for row in _read_tsv("countries.tsv"):
        for name in [row["name"], *_split(row["aliases"])]:
            names.setdefault(name.lower().removeprefix("the "), row["iso3"])
    return names


def load_country_table() -> dict[str, str]:
    """ISO3 -> the country's common name (countries.tsv)."""
    return {row["iso3"]: row["name"] for row in _read_tsv("countries.tsv")}


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


def singular(word: str) -> str | None:
    """The word whose regular plural (``plural``) ``word`` is, if one is: "ministers" is
    "minister"'s, "allies" "ally"'s; "congress" is no plural."""
    candidates = [word[:-1], word[:-2], word[:-3] + "y", word[:-3] + "man"]
    return next((c for c in candidates if c and plural(c) == word), None)


# Prepositions before a seat that make it a place, not the organisation: "talks in Brussels".

# How much more a country's office holders must be documented for its namesake to win.
COVERAGE_LEAD = 5


class Gazetteer:
    """All entries, and the data for turning a country code into names and CAMEO codes."""

    def __init__(self, entries: list[Entry], cameo_codes: dict[str, str], names: dict[str, str]):
        self.entries = entries
        self.cameo_codes = cameo_codes  # ISO3 -> CAMEO country code
        self.iso_from_cameo = {cameo: iso for iso, cameo in cameo_codes.items()}
        self.country_names = names  # ISO3 -> common name
        self._places: dict[str, set[str]] | None = None  # place_country's index, built once
        self._bodies_of_roles: dict[str, Entry | None] = {}  # body_named_in's answers
        self.organisations = {
            e.key: e for e in entries if e.kind == "organisation" and e.short_name is None
        }
        # Office holders and public figures by surname, for a title with a surname the text
        # alone does not resolve ("President Mugabe", "Ayatollah Sistani").
        self.surnames: dict[str, list[Entry]] = {}
        self.figure_surnames: dict[str, list[Entry]] = {}
        # How many office holders the tables know per country: how much of the news a
        # country makes, to tell "President Bush" (the US, 700 holders) from a namesake in
        # the Cayman Islands (30).
        self.holders_per_country: Counter = Counter()
        for entry in entries:
            if entry.kind == "person":
                self.holders_per_country.update({o.country for o in entry.offices})
                index = self.surnames if entry.holds_offices else self.figure_surnames
                for surname in _surnames_of(entry):
                    index.setdefault(surname, []).append(entry)

    def body_named_in(self, role: str) -> Entry | None:
        """The intergovernmental body an office's ``role`` names ("UN secretary-general",
        "European Commission president"): the one with the longest name or acronym there.
        Worked out once per role: a few dozen roles, asked for at every mention."""
        if role not in self._bodies_of_roles:
            found = [
                (len(pattern), entry)
                for entry in self.organisations.values()
                if entry.country == "IGO"
                for pattern in entry.patterns
                if re.search(rf"(?<!\w){re.escape(pattern)}(?!\w)", role)
            ]
            self._bodies_of_roles[role] = max(found, key=lambda p: p[0])[1] if found else None
        return self._bodies_of_roles[role]

    def office_holder(
        self, surname: str, day: date | None, named: frozenset[str] = frozenset()
    ) -> tuple[Entry, Office] | None:
        """The one office holder with this surname: in office on ``day`` if anyone is, else
        at any time; when no office holder has it, the one public figure of people.tsv.
        Holders of several countries are narrowed to those of the countries the article
        names (``named``); None when no one, or still several, qualify."""
        for on_day in (True, False) if day is not None else (False,):
            found = {}
            for entry in self.surnames.get(surname.lower(), ()):
                for office in entry.offices:
                    if "ELI" not in office.sectors and (not on_day or office.holds_on(day)):
                        found.setdefault(office.country, []).append((entry, office))
            if len(found) > 1 and named & found.keys():
                # "President Bush" in a story that names the US, not the Cayman Islands
                found = {country: found[country] for country in found if country in named}
            if len(found) > 1:
                found = self._most_covered(found)
            if len(found) == 1:
                holders = next(iter(found.values()))
                if day is not None:
                    # in 1987, "King Khaled" is no Malaysian minister of 2004
                    holders = [(e, o) for e, o in holders if not o.begins_long_after(day)]
                return holders[0] if holders else None
            if found:
                return None
        found = {
            entry.country: (entry, entry.offices[0])
            for entry in self.figure_surnames.get(surname.lower(), ())
            if entry.offices
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def place_country(self, name: str | None) -> str | None:
        """The one country a place or country name stands for, whatever its case: a
        dateline's "NAIROBI" is Kenya, "WASHINGTON" the United States; None for a name of
        several countries or of none."""
        if not name:
            return None
        if self._places is None:
            places: dict[str, set[str]] = {}
            for entry in self.entries:
                if entry.kind in ("country", "place") and entry.country and not entry.short_name:
                    for pattern in entry.patterns:
                        places.setdefault(pattern.lower(), set()).add(entry.country)
            self._places = places
        # "WASHINGTON, D.C." or "LONDON, England": the city before the comma
        countries = self._places.get(name.split(",")[0].strip().lower(), set())
        return next(iter(countries)) if len(countries) == 1 else None

    def _most_covered(self, found: dict) -> dict:
        """The one candidate whose country the tables cover ``COVERAGE_LEAD`` times more than
        any other's, or all of them when none leads so clearly."""
        ranked = sorted(found, key=lambda country: -self.holders_per_country[country])
        first, second = (self.holders_per_country[c] for c in ranked[:2])
        return {ranked[0]: found[ranked[0]]} if first >= COVERAGE_LEAD * second else found

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
        entries.append(
            Entry(
                "country",
                iso,
                row["name"],
                iso,
                patterns=tuple(dict.fromkeys([row["name"], *_split(row["aliases"])])),
            )
        )
        if row["adjectives"]:
            entries.append(
                Entry("demonym", iso, row["name"], iso, patterns=tuple(_split(row["adjectives"])))
            )
    return entries, cameo, names


def _historical_entries(dictionaries: tuple[str, ...]) -> list[Entry]:
    entries = []
    for row in _read_tsv("historical_names.tsv", dictionaries):
        iso, name = row["iso3"], row["name"]
        entries.append(
            Entry(
                "country",
                iso,
                name,
                iso,
                historical=True,
                patterns=tuple(dict.fromkeys([name, *_split(row["aliases"])])),
            )
        )
        if row["adjectives"]:
            entries.append(
                Entry(
                    "demonym",
                    iso,
                    name,
                    iso,
                    historical=True,
                    patterns=tuple(_split(row["adjectives"])),
                )
            )
    return entries


def _place_entries(dictionaries: tuple[str, ...]) -> list[Entry]:
    return [
        Entry(
            "place",
            row["name"],
            row["name"],
            row["iso3"],
            tuple(row["sectors"].split()),
            place_kind=row["kind"],
            patterns=(row["name"],),
        )
        for row in _read_tsv("places.tsv", dictionaries)
    ]


def _community_entries(dictionaries: tuple[str, ...]) -> list[Entry]:
    return [
        Entry(
            "community",
            row["names"],
            _split(row["names"])[0],
            row["iso3"] or None,
            tuple(row["sectors"].split()),
            patterns=tuple(_split(row["names"])),
        )
        for row in _read_tsv("communities.tsv", dictionaries)
    ]


def _organisation_entries(dictionaries: tuple[str, ...]) -> list[Entry]:
    entries = []
    for item in merged_rows(
        "organisations.yaml", read_yaml(DATA / "organisations.yaml"), dictionaries
    ):
        patterns = [item["name"], *(item.get("aliases") or []), *(item.get("acronyms") or [])]
        entry = Entry(
            "organisation",
            item["name"],
            item["name"],
            item.get("country"),
            tuple(item.get("sectors") or ()),
            code=item.get("code"),
            members=tuple(item.get("members") or ()),
            expand=bool(item.get("expand")),
            named_with=tuple(item.get("short_names_after") or ()),
            patterns=tuple(dict.fromkeys(patterns)),
        )
        entries.append(entry)
        for key, rule in (
            ("short_names", "the"),
            ("short_names_in_context", "named"),
            ("seats_in_context", "seat"),
        ):
            if item.get(key):
                entries.append(
                    dataclasses.replace(entry, short_name=rule, patterns=tuple(item[key]))
                )
    return entries


def _title_entries(dictionaries: tuple[str, ...]) -> list[Entry]:
    entries = []
    for row in _read_tsv("titles.tsv", dictionaries):
        phrase = row["phrase"].strip()
        patterns = [phrase]
        if row["kind"] in ("title", "agent"):
            patterns.append(plural(phrase))
        entries.append(
            Entry(
                row["kind"],
                phrase,
                None,
                None,
                tuple(row["sectors"].split()),
                patterns=tuple(dict.fromkeys(patterns)),
            )
        )
    return entries


def _leader_entries(dictionaries: tuple[str, ...]) -> list[Entry]:
    people: dict[str, dict] = {}
    rows = _read_tsv("leaders.tsv", dictionaries)
    # The 2014 Phoenix table leaves offices open that have since ended; where our own rows
    # cover a person, those open ends are dropped.
    curated = {_person_key(row["name"]) for row in rows if row["source"] != "phoenix-2014"}
    for row in rows:
        key = _person_key(row["name"])
        if key in curated and row["source"] == "phoenix-2014" and not row["end"]:
            continue
        person = people.setdefault(
            key, {"name": row["name"], "offices": [], "aliases": {row["name"]: None}}
        )
        person["offices"].append(
            Office(
                row["iso3"],
                tuple(row["sectors"].split()),
                row["role"],
                _parse_date(row["start"]),
                _parse_date(row["end"]),
            )
        )
        person["aliases"].update(dict.fromkeys(_split(row["aliases"])))
    return [
        Entry(
            "person",
            person["name"],
            person["name"],
            None,
            offices=tuple(person["offices"]),
            patterns=tuple(
                _with_hyphens(
                    _with_bare_initials(
                        _as_news_writes_malay_names(person["aliases"], person["offices"])
                    )
                )
            ),
        )
        for person in people.values()
    ]


def _as_news_writes_malay_names(names, offices) -> list[str]:
    """Malay names also without the titles before them and the "bin" inside them, as news
    writes them: "Mahathir Mohamad" for "Dato' Seri Mahathir bin Mohamad" (grammar.yaml's
    ``malay_name_countries``, ``malay_name_titles`` and ``malay_name_links``)."""
    found = dict.fromkeys(names)
    words = grammar()
    if not any(office.country in words["malay_name_countries"] for office in offices):
        return list(found)
    for name in list(found):
        bare = name
        for title in sorted(words["malay_name_titles"], key=len, reverse=True):
            if bare.startswith(title + " "):
                bare = bare[len(title) + 1 :]
                break
        found.setdefault(" ".join(w for w in bare.split() if w not in words["malay_name_links"]))
    return list(found)


def _surnames_of(entry: Entry) -> set[str]:
    """The words a title puts before a person's name ("President Mugabe"): the last of each
    name, and for people of countries whose names put the family first (grammar.yaml's
    ``first_word_name_countries``) the first ("President Chun", "Chairman Kim"), the last
    then only when it is no syllable of a given name ("Ban Ki-moon" is no "President Moon")."""
    names = [p for p in entry.patterns if " " in p]
    last = {p.split()[-1].lower() for p in names}
    if not {o.country for o in entry.offices} & set(grammar()["first_word_name_countries"]):
        return last
    first = {p.split()[0].lower() for p in names}
    return first if any("-" in p.split()[-1] for p in names) else first | last


def _person_key(name: str) -> str:
    """One person however the tables hyphenate the name: Phoenix writes "Ban Ki Moon" and
    "Jean Pierre Bemba", news and our own rows "Ban Ki-moon" and "Jean-Pierre Bemba"."""
    return " ".join(name.lower().replace("-", " ").split())


def _with_hyphens(names) -> list[str]:
    """Names of three words, also with a hyphen inside them, as news writes the names the
    Phoenix table spells without: a compound given name first ("Jean-Pierre Bemba"), or a
    family name first and a two-syllable given name after it ("Roh Moo-hyun", "Chun
    Doo-hwan"). The order turned round ("Woong-Bae Rha") is an alias of its row: made for
    every name, it would index given names as surnames."""
    found = dict.fromkeys(names)
    for name in list(found):
        parts = name.split()
        if len(parts) != 3 or "-" in name or any(_initial(part) or len(part) < 2 for part in parts):
            continue
        first, second, third = parts
        found.setdefault(f"{first}-{second} {third}")
        found.setdefault(f"{first} {second}-{third.lower()}")
    return list(found)


def _with_bare_initials(names) -> list[str]:
    """Names, and those with initials written without their full stops ("George W Bush" for
    "George W. Bush", as British style writes them), and without a middle initial ("Paul
    Volcker" for "Paul A. Volcker", as most news writes them)."""
    found = dict.fromkeys(names)
    for name in list(found):
        parts = name.split()
        found.setdefault(
            " ".join(part[:-1] if len(part) == 2 and part.endswith(".") else part for part in parts)
        )
        middle = [i for i, part in enumerate(parts[1:-1], 1) if _initial(part)]
        if len(parts) >= 3 and not _initial(parts[0]) and middle:
            found.setdefault(" ".join(p for i, p in enumerate(parts) if i not in middle))
    return list(found)


def _initial(part: str) -> bool:
    return len(part) == 2 and part[1] == "." and part[0].isupper()


def _people_entries(leaders: set[str], dictionaries: tuple[str, ...]) -> list[Entry]:
    """Public figures: one office with no dates, so that the resolver codes them like a
    leader out of office, with the row's country and sectors."""
    entries = []
    for row in _read_tsv("people.tsv", dictionaries):
        name, iso = row["name"], row["iso3"] or None
        if name in leaders:
            continue  # leaders.tsv has the person's dated offices
        sectors = tuple(row["sectors"].split())
        offices = (Office(iso, sectors, row["role"], None, None),) if iso else ()
        entries.append(
            Entry(
                "person",
                name,
                name,
                iso,
                sectors,
                offices=offices,
                patterns=tuple(dict.fromkeys([name, *_split(row["aliases"])])),
            )
        )
    return entries


def _reference_entries(dictionaries: tuple[str, ...]) -> list[Entry]:
    return [
        Entry(
            "reference",
            row["phrase"],
            None,
            None,
            sectors=tuple(row["sectors"].split()),
            reference=row["kind"],
            candidates=tuple(row["candidates"].split()),
            patterns=(row["phrase"],),
        )
        for row in _read_tsv("references.tsv", dictionaries)
    ]


def load_gazetteer(dictionaries: Sequence[str] | None = None) -> Gazetteer:
    """The packaged data files with the user ``dictionaries`` (None: the process's active
    ones), built once per process and set of dictionaries."""
    return _gazetteer(chosen(dictionaries))


@functools.cache
def _gazetteer(dictionaries: tuple[str, ...]) -> Gazetteer:
    """Built from the data files once, then read back from the compiled cache (0.55 s to
    build, 0.1 s to read back: issue 17)."""
    parts = ["gazetteer", *source_parts(dictionaries)]
    return cached_object("gazetteer", parts, lambda: _build_gazetteer(dictionaries))


def source_parts(dictionaries: tuple[str, ...]) -> list[str]:
    """What the gazetteer is built from, as cache key parts: the code, pycountry, the data
    files, the word lists of names in the events' grammar.yaml and the user's dictionaries."""
    return [
        code_digest(),
        pycountry.__version__,
        file_digest(GRAMMAR),
        *data_digests(DATA, dictionaries),
    ]


def _build_gazetteer(dictionaries: tuple[str, ...]) -> Gazetteer:
    countries, cameo, names = _country_entries()
    leaders = _leader_entries(dictionaries)
    entries = (
        countries
        + _historical_entries(dictionaries)
        + _community_entries(dictionaries)
        + _place_entries(dictionaries)
        + _organisation_entries(dictionaries)
        + leaders
        + _people_entries({entry.name for entry in leaders}, dictionaries)
        + _title_entries(dictionaries)
        + _reference_entries(dictionaries)
    )
    logger.info("gazetteer: %d entries", len(entries))
    return Gazetteer(entries, cameo, names)


@functools.cache
def name_words() -> dict[str, str]:
    """The written form of each word of the names of countries, their peoples and places,
    and of the organisations' acronyms, by its lowercase: how a headline in capitals writes
    "SRI LANKA" and "EC" (nlp/headline_case.py)."""
    forms: dict[str, str] = {}
    lowercase: set[str] = set()
    for entry in load_gazetteer().entries:
        if entry.kind in ("country", "demonym", "place"):
            words = [w for pattern in entry.patterns for w in pattern.split()]
        elif entry.kind == "organisation":
            words = [pattern for pattern in entry.patterns if is_acronym(pattern)]
        else:
            continue
        for word in words:
            if word[:1].isupper():
                forms.setdefault(word.lower(), word)
            else:
                lowercase.add(word.lower())  # "of", "and": no name's own word
    return {key: form for key, form in forms.items() if key not in lowercase}


def is_acronym(pattern: str) -> bool:
    letters = [c for c in pattern if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in pattern
