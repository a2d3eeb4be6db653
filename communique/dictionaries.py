"""Checks of the dictionaries a user may edit: the event patterns and the gazetteer.

``validate_dictionaries()`` reads every file in ``communique/events/data`` and
``communique/actors/data`` and returns the problems it finds, each with its file and line:

- a CAMEO code that ``cameo.tsv`` does not list (a code a pattern emits, its reciprocal, a
  modality code), or PETRARCH2's "code:reciprocal" written in one column;
- a sector code that ``actors/data/sectors.tsv`` does not list;
- a country code that is not an ISO3 code of ``countries.tsv`` (nor ``IGO``);
- a key given twice in one file: the same pattern words for one trigger (only the first can
  ever be chosen), the same country, the same name for two countries, communities,
  places or organisations, the same office twice, a YAML key twice; a synset no file defines.

A name shared by two people in ``leaders.tsv`` is a warning: it is mostly one person under two
spellings, whose rows should be merged. Run ``python -m communique.dictionaries`` after an
edit; it prints the problems and exits 1 if any is an error.
"""
from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from srsly.ruamel_yaml import YAML

EVENTS = resources.files("communique.events") / "data"
ACTORS = resources.files("communique.actors") / "data"
SPECIAL_COUNTRIES = {"IGO"}  # intergovernmental: no one country
NO_EVENT = "---"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message}"


def _tsv(path) -> list[tuple[int, dict]]:
    """(line number, row) of a TSV file; lines starting with "#" and blank lines skipped."""
    with path.open(encoding="utf-8", newline="") as fh:
        numbered = [(n, line) for n, line in enumerate(fh, 1)
                    if not line.startswith("#") and line.strip()]
    rows = csv.DictReader([line for _, line in numbered], delimiter="\t", quoting=csv.QUOTE_NONE)
    return [(n, {k: (v or "").strip() for k, v in row.items() if k}) for (n, _), row
            in zip(numbered[1:], rows)]


def _split(value: str, sep: str = "|") -> list[str]:
    return [part.strip() for part in value.split(sep) if part.strip()]


def _words(value: str) -> str:
    return " ".join(w for w in value.split() if w != "-")


class _Checker:
    def __init__(self, events, actors):
        self.events, self.actors = events, actors
        self.problems: list[Problem] = []
        self.file = ""
        self.codes = {row["code"] for _, row in _tsv(events / "cameo.tsv")}
        self.sectors = {row["code"] for _, row in _tsv(actors / "sectors.tsv")}
        self.countries = {row["iso3"] for _, row in _tsv(actors / "countries.tsv")}

    def problem(self, line: int, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, line, message, severity))

    def rows(self, name: str) -> list[tuple[int, dict]]:
        self.file = name
        directory = self.events if name.startswith("events/") else self.actors
        path = directory / name.split("/")[-1]
        return _tsv(path) if path.is_file() else []

    def yaml(self, name: str):
        self.file = name
        directory = self.events if name.startswith("events/") else self.actors
        try:
            return YAML().load((directory / name.split("/")[-1]).read_text(encoding="utf-8"))
        except Exception as error:  # a duplicate key, or no YAML at all
            mark = getattr(error, "problem_mark", None)
            self.problem(mark.line + 1 if mark else 1,
                         (getattr(error, "problem", None) or str(error)).split(" with value")[0])
            return None

    def code(self, line: int, code, column: str, no_event: bool = False) -> None:
        if code in self.codes or (no_event and code == NO_EVENT):
            return
        if isinstance(code, str) and ":" in code:
            self.problem(line, f"{column} {code!r}: PETRARCH2's code:reciprocal; put the "
                               "second in the reciprocal column")
        else:
            self.problem(line, f"{column}: unknown CAMEO code {code!r} (not in cameo.tsv)")

    def sector_list(self, line: int, sectors) -> None:
        for sector in sectors:
            if sector not in self.sectors:
                self.problem(line, f"unknown sector {sector!r} (not in sectors.tsv)")

    def country(self, line: int, iso3, column: str) -> None:
        if iso3 not in self.countries and iso3 not in SPECIAL_COUNTRIES:
            self.problem(line, f"{column}: {iso3!r} is no ISO3 code of countries.tsv")

    def unique(self, seen: dict, key, line: int, owner=None, what: str = "key") -> None:
        """Report ``key`` seen before: for another ``owner``, or (owner None) at all."""
        if key in seen:
            first_line, first_owner = seen[key]
            if owner is None or first_owner != owner:
                to = f" for {first_owner!r}" if isinstance(owner, str) else ""
                self.problem(line, f"{what} {key!r} is on line {first_line} already{to}")
        else:
            seen[key] = (line, owner)

    # -- the event dictionaries ---------------------------------------------------------------
    def event_files(self) -> None:
        seen: dict = {}
        for n, row in self.rows("events/cameo.tsv"):
            self.unique(seen, row["code"], n, what="CAMEO code")
        seen = {}
        for n, row in self.rows("events/patterns.tsv"):
            self.code(n, row["code"], "code", no_event=True)
            self.unique(seen, (row["trigger"], _words(row["words"]), row["target"]), n,
                        what="trigger, words and target")
        synsets: dict = {}
        for n, row in self.rows("events/synsets.tsv"):
            self.unique(synsets, row["name"], n, what="synset")
        seen = {}
        for n, row in self.rows("events/verbs.tsv"):
            for column in ("default_code", "verb_code"):
                if row.get(column):
                    self.code(n, row[column], column, no_event=True)
            if row.get("reciprocal"):
                self.code(n, row["reciprocal"], "reciprocal")
            self.unique(seen, (row["lemma"], _words(row["particle"]), row["verb_class"]), n,
                        what="verb, particle and class")
        seen = {}
        for n, row in self.rows("events/verb_patterns.tsv"):
            if row["code"]:
                self.code(n, row["code"], "code", no_event=True)
            if row.get("reciprocal"):
                self.code(n, row["reciprocal"], "reciprocal")
            for word in row["words"].split():
                if word.lstrip("<").startswith("&") and word.lstrip("<&") not in synsets:
                    self.problem(n, f"unknown synset {word!r} (not in synsets.tsv)")
            self.unique(seen, (row["verb_class"], _words(row["words"]), row["target"]), n,
                        what="class, words and target")
        modality = self.yaml("events/modality.yaml") or {}
        for table in ("threat_codes", "intent_codes"):
            codes = modality.get(table) or {}
            for root, code in codes.items():
                line = codes.lc.key(root)[0] + 1
                if not (isinstance(root, str) and len(root) == 2 and root in self.codes):
                    self.problem(line, f"{table}: {root!r} is no CAMEO root (two digits, quoted)")
                self.code(line, code, table)
        for name in ("events/agreements.yaml", "events/grammar.yaml"):
            self.yaml(name)

    # -- the gazetteer ------------------------------------------------------------------------
    def actor_files(self) -> None:
        isos, cameos, names, adjectives = {}, {}, {}, {}
        for n, row in self.rows("actors/countries.tsv"):
            iso = row["iso3"]
            self.unique(isos, iso, n, what="country")
            self.unique(cameos, row["cameo"] or iso, n, owner=iso, what="CAMEO country code")
            for name in dict.fromkeys([row["name"], *_split(row["aliases"])]):
                self.unique(names, name.casefold(), n, owner=iso, what="name")
            for name in _split(row["adjectives"]):
                self.unique(adjectives, name.casefold(), n, owner=iso, what="adjective")
        seen: dict = {}
        for n, row in self.rows("actors/places.tsv"):
            self.country(n, row["iso3"], "iso3")
            self.sector_list(n, row["sectors"].split())
            self.unique(seen, row["name"].casefold(), n, what="place")
        seen = {}
        for n, row in self.rows("actors/communities.tsv"):
            if row["iso3"]:
                self.country(n, row["iso3"], "iso3")
            self.sector_list(n, row["sectors"].split())
            for name in _split(row["names"]):
                self.unique(seen, name.casefold(), n, owner=n, what="community name")
        for name, key in (("actors/titles.tsv", "phrase"), ("actors/references.tsv", "phrase")):
            seen = {}
            for n, row in self.rows(name):
                self.sector_list(n, row["sectors"].split())
                for iso in row.get("candidates", "").split():
                    self.country(n, iso, "candidates")
                self.unique(seen, row[key].casefold(), n, what=key)
        self.leaders()
        self.organisations()

    def leaders(self) -> None:
        offices: dict = {}
        people: dict[str, tuple[int, str]] = {}
        for n, row in self.rows("actors/leaders.tsv"):
            self.country(n, row["iso3"], "iso3")
            self.sector_list(n, row["sectors"].split())
            self.unique(offices, tuple(row[c] for c in ("name", "iso3", "sectors", "role",
                                                        "start", "end")), n, what="office")
            for name in dict.fromkeys([row["name"], *_split(row["aliases"])]):
                first = people.setdefault(name.casefold(), (n, row["name"]))
                if first[1] != row["name"]:
                    self.problem(n, f"name {name!r} of {row['name']!r} is on line {first[0]} "
                                    f"for {first[1]!r} (one person under two names?)", "warning")

    def organisations(self) -> None:
        organisations: dict = {}
        names: dict = {}
        for item in self.yaml("actors/organisations.yaml") or []:
            def line(field: str) -> int:
                return (item.lc.key(field)[0] if field in item else item.lc.line) + 1

            name = str(item.get("name"))
            self.unique(organisations, name, line("name"), what="organisation")
            if item.get("country") is not None:
                self.country(line("country"), item["country"], "country")
            for iso in item.get("members") or []:
                self.country(line("members"), iso, "members")
            self.sector_list(line("sectors"), item.get("sectors") or [])
            for field in ("name", "aliases", "acronyms"):
                aliases = [item[field]] if field == "name" else item.get(field) or []
                for alias in aliases:
                    self.unique(names, str(alias).casefold(), line(field), owner=name,
                                what="name")


def validate_dictionaries(events=None, actors=None) -> list[Problem]:
    """Every problem in the dictionaries, file by file. ``events`` and ``actors`` are the
    data directories (default: the package's own)."""
    checker = _Checker(Path(events) if events else EVENTS, Path(actors) if actors else ACTORS)
    checker.event_files()
    checker.actor_files()
    return checker.problems


def main() -> int:
    problems = validate_dictionaries()
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    print(f"{errors} errors, {len(problems) - errors} warnings", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
