"""Checks of the dictionaries: the packaged event patterns and gazetteer, and users' own.

``validate_dictionaries()`` reads every file in ``communique/events/data`` and
``communique/actors/data``; ``validate_files(paths)`` reads a user's files, each in the format
of a packaged one (see ``dictionary_files``), against the packaged tables. Both return the
problems they find, each with its file and line:

- a packaged file that does not open with "#" lines documenting it, a TSV file without the
  columns of its format, a row whose columns are not separated by tabs;
- a CAMEO code that ``cameo.tsv`` does not list (a code a pattern emits, its reciprocal, a
  modality code), or PETRARCH2's "code:reciprocal" written in one column; a pattern's
  target that is none of "", object, place, none, subject-before, giver, prep:WORD; a kind of
  place, title or reference the actor stage does not know;
- a sector code that ``actors/data/sectors.tsv`` does not list;
- a country code that is not an ISO3 code of ``countries.tsv`` (nor ``IGO``);
- a leader's start or end that is no YYYY-MM-DD date, or an end before the start;
- a key given twice in one file: the same pattern words for one trigger (only the first can
  ever be chosen), the same country, the same name for two countries, communities,
  places, people or organisations, the same office twice, a YAML key twice; a synset no
  file defines.

A name shared by two people in ``leaders.tsv`` is a warning: it is mostly one person under two
spellings, whose rows should be merged. ``communique check-data [PATH ...]`` (or ``python -m
communique.dictionaries``) prints the problems and exits 1 if any is an error.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from srsly.ruamel_yaml import YAML

from .dictionary_files import FORMATS, Format, read_table, recognise, words_key
from .events.logistic import ModelFileError, read_model

EVENTS = resources.files("communique.events") / "data"
ACTORS = resources.files("communique.actors") / "data"
SPECIAL_COUNTRIES = {"IGO"}  # intergovernmental: no one country
NO_EVENT = "---"
TARGET = re.compile(r"(|object|place|none|subject-before|giver|prep:\S+)")
# The kinds of entry the actor stage tells apart, by file.
PLACE_KINDS = ("capital", "seat", "city", "region", "waters", "area")
TITLE_KINDS = ("title", "agent")
REFERENCE_KINDS = (
    "pair",
    "group",
    "description",
    "members",
    "named_members",
    "person",
    "thing",
)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # 0: the file as a whole
    message: str
    severity: str = "error"  # or "warning"

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        return f"{self.where}: {self.severity}: {self.message}"


def _split(value: str, sep: str = "|") -> list[str]:
    return [part.strip() for part in value.split(sep) if part.strip()]


class _Checker:
    def __init__(self, events, actors):
        self.events, self.actors = events, actors
        self.problems: list[Problem] = []
        self.file = ""
        self.codes = {row["code"] for _, row in read_table(events / "cameo.tsv").rows}
        self.sectors = {row["code"] for _, row in read_table(actors / "sectors.tsv").rows}
        self.countries = {row["iso3"] for _, row in read_table(actors / "countries.tsv").rows}
        self.synsets = {row["name"] for _, row in read_table(events / "synsets.tsv").rows}

    def problem(self, line: int, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, line, message, severity))

    def check(self, form: Format, path, shown: str, packaged: bool) -> None:
        """Check one file of format ``form``; ``shown`` names it in problems. A packaged file
        must also open with the comment lines that document it."""
        self.file = shown
        if packaged and not path.read_text(encoding="utf-8").startswith("#"):
            self.problem(
                1,
                "no documentation: a data file opens with '#' lines saying what "
                "it holds, then (TSV) the column header",
            )
        check = getattr(self, "check_" + form.name.split(".")[0])
        if form.is_yaml:
            check(self.yaml(path))
            return
        try:
            table = read_table(path, form.optional)
        except (UnicodeDecodeError, csv.Error) as error:
            self.problem(0, f"not a TSV file of UTF-8 text ({error})")
            return
        missing = [column for column in form.required if column not in table.columns]
        if missing:
            self.problem(
                table.header_line or 1,
                f"no column {', '.join(map(repr, missing))}: "
                f"a {form.name} file has the tab-separated columns "
                f"{' '.join(form.required + form.optional)}",
            )
            return
        for line in table.untabbed:
            self.problem(line, "no tab in the line: columns are separated by tabs")
        check(table.rows)

    def yaml(self, path):
        try:
            return YAML().load(path.read_text(encoding="utf-8-sig"))
        except Exception as error:  # a duplicate key, or no YAML at all
            mark = getattr(error, "problem_mark", None)
            self.problem(
                mark.line + 1 if mark else 1,
                (getattr(error, "problem", None) or str(error)).split(" with value")[0],
            )
            return None

    def code(self, line: int, code, column: str, no_event: bool = False) -> None:
        if code in self.codes or (no_event and code == NO_EVENT):
            return
        if isinstance(code, str) and ":" in code:
            self.problem(
                line,
                f"{column} {code!r}: PETRARCH2's code:reciprocal; put the "
                "second in the reciprocal column",
            )
        else:
            self.problem(line, f"{column}: unknown CAMEO code {code!r} (not in cameo.tsv)")

    def sector_list(self, line: int, sectors) -> None:
        for sector in sectors:
            if sector not in self.sectors:
                self.problem(line, f"unknown sector {sector!r} (not in sectors.tsv)")

    def country(self, line: int, iso3, column: str) -> None:
        if iso3 not in self.countries and iso3 not in SPECIAL_COUNTRIES:
            self.problem(line, f"{column}: {iso3!r} is no ISO3 code of countries.tsv")

    def kind(self, line: int, kind: str, kinds: tuple[str, ...]) -> None:
        if kind not in kinds:
            self.problem(line, f"kind {kind!r} is none of {', '.join(kinds)}")

    def target(self, line: int, target: str) -> None:
        if not TARGET.fullmatch(target):
            self.problem(
                line,
                f"target {target!r} is none of object, place, none, "
                "subject-before, giver, prep:WORD or empty",
            )

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
    def check_cameo(self, rows) -> None:
        seen: dict = {}
        for n, row in rows:
            self.unique(seen, row["code"], n, what="CAMEO code")

    def check_patterns(self, rows) -> None:
        seen: dict = {}
        for n, row in rows:
            self.code(n, row["code"], "code", no_event=True)
            self.target(n, row["target"])
            self.unique(
                seen,
                (row["trigger"], words_key(row["words"]), row["target"]),
                n,
                what="trigger, words and target",
            )

    def check_synsets(self, rows) -> None:
        seen: dict = {}
        for n, row in rows:
            self.unique(seen, row["name"], n, what="synset")

    def check_verbs(self, rows) -> None:
        seen: dict = {}
        for n, row in rows:
            for column in ("default_code", "verb_code"):
                if row.get(column):
                    self.code(n, row[column], column, no_event=True)
            if row.get("reciprocal"):
                self.code(n, row["reciprocal"], "reciprocal")
            self.unique(
                seen,
                (row["lemma"], words_key(row["particle"]), row["verb_class"]),
                n,
                what="verb, particle and class",
            )

    def check_verb_patterns(self, rows) -> None:
        seen: dict = {}
        for n, row in rows:
            if row["code"]:
                self.code(n, row["code"], "code", no_event=True)
            if row.get("reciprocal"):
                self.code(n, row["reciprocal"], "reciprocal")
            self.target(n, row["target"])
            for word in row["words"].split():
                if word.lstrip("<").startswith("&") and word.lstrip("<&") not in self.synsets:
                    self.problem(n, f"unknown synset {word!r} (not in synsets.tsv)")
            self.unique(
                seen,
                (row["verb_class"], words_key(row["words"]), row["target"]),
                n,
                what="class, words and target",
            )

    def check_modality(self, modality) -> None:
        for table in ("threat_codes", "intent_codes"):
            codes = (modality or {}).get(table) or {}
            for root, code in codes.items():
                line = codes.lc.key(root)[0] + 1
                if not (isinstance(root, str) and root in self.codes):
                    self.problem(line, f"{table}: {root!r} is no CAMEO root or code (quoted)")
                self.code(line, code, table)

    def check_agreements(self, data) -> None:
        pass  # read as YAML only: word lists

    check_grammar = check_agreements

    # -- the gazetteer ------------------------------------------------------------------------
    def check_sectors(self, rows) -> None:
        seen: dict = {}
        for n, row in rows:
            self.unique(seen, row["code"], n, what="sector")

    def check_countries(self, rows) -> None:
        isos, cameos, names, adjectives = {}, {}, {}, {}
        for n, row in rows:
            iso = row["iso3"]
            self.unique(isos, iso, n, what="country")
            self.unique(cameos, row["cameo"] or iso, n, owner=iso, what="CAMEO country code")
            for name in dict.fromkeys([row["name"], *_split(row["aliases"])]):
                self.unique(names, name.casefold(), n, owner=iso, what="name")
            for name in _split(row["adjectives"]):
                self.unique(adjectives, name.casefold(), n, owner=iso, what="adjective")

    def check_historical_names(self, rows) -> None:
        seen: dict = {}
        for n, row in rows:
            self.country(n, row["iso3"], "iso3")
            self.unique(seen, row["name"].casefold(), n, what="name")

    def check_places(self, rows) -> None:
        seen: dict = {}
        for n, row in rows:
            if row["kind"] in ("waters", "area"):
                # a sea no country owns: "the Indian Ocean" is not India; nor a part of the
                # world: "Latin America" is not the United States
                if row["iso3"] or row["sectors"]:
                    self.problem(n, f"{row['kind']} {row['name']!r} take no iso3 and no sectors")
            else:
                self.country(n, row["iso3"], "iso3")
            self.kind(n, row["kind"], PLACE_KINDS)
            self.sector_list(n, row["sectors"].split())
            self.unique(seen, row["name"].casefold(), n, what="place")

    def check_communities(self, rows) -> None:
        seen: dict = {}
        for n, row in rows:
            if row["iso3"]:
                self.country(n, row["iso3"], "iso3")
            self.sector_list(n, row["sectors"].split())
            for name in _split(row["names"]):
                self.unique(seen, name.casefold(), n, owner=n, what="community name")

    def check_titles(self, rows, kinds: tuple[str, ...] = TITLE_KINDS) -> None:
        seen: dict = {}
        for n, row in rows:
            self.kind(n, row["kind"], kinds)
            self.sector_list(n, row["sectors"].split())
            for iso in row.get("candidates", "").split():
                self.country(n, iso, "candidates")
            self.unique(seen, row["phrase"].casefold(), n, what="phrase")

    def check_references(self, rows) -> None:
        self.check_titles(rows, REFERENCE_KINDS)

    def check_people(self, rows) -> None:
        seen: dict = {}
        for n, row in rows:
            if row["iso3"]:
                self.country(n, row["iso3"], "iso3")
            self.sector_list(n, row["sectors"].split())
            self.unique(seen, row["name"], n, what="person")

    def check_leaders(self, rows) -> None:
        offices: dict = {}
        people: dict[str, tuple[int, str]] = {}
        for n, row in rows:
            self.country(n, row["iso3"], "iso3")
            self.sector_list(n, row["sectors"].split())
            self.dates(n, row["start"], row["end"])
            self.unique(
                offices,
                tuple(row.get(c, "") for c in ("name", "iso3", "sectors", "role", "start", "end")),
                n,
                what="office",
            )
            for name in dict.fromkeys([row["name"], *_split(row.get("aliases", ""))]):
                first = people.setdefault(name.casefold(), (n, row["name"]))
                if first[1] != row["name"]:
                    self.problem(
                        n,
                        f"name {name!r} of {row['name']!r} is on line {first[0]} "
                        f"for {first[1]!r} (one person under two names?)",
                        "warning",
                    )

    def dates(self, line: int, start: str, end: str) -> None:
        days = {}
        for column, value in (("start", start), ("end", end)):
            try:
                days[column] = dt.date.fromisoformat(value) if value else None
            except ValueError:
                self.problem(line, f"{column} {value!r} is no date as YYYY-MM-DD")
                return
        if days["start"] and days["end"] and days["end"] < days["start"]:
            self.problem(line, f"end {end} is before start {start}")

    def check_organisations(self, items) -> None:
        organisations: dict = {}
        names: dict = {}
        if items is not None and not isinstance(items, list):
            self.problem(1, "organisations are a YAML list of items (- name: ...)")
            return
        for position, item in enumerate(items or []):
            if not isinstance(item, dict) or "name" not in item:
                self.problem(
                    items.lc.item(position)[0] + 1,
                    "an organisation is an item with a name (- name: ...)",
                )
                continue

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
                    self.unique(names, str(alias).casefold(), line(field), owner=name, what="name")


def validate_dictionaries(events=None, actors=None) -> list[Problem]:
    """Every problem in the packaged dictionaries, file by file. ``events`` and ``actors`` are
    the data directories (default: the package's own)."""
    checker = _Checker(Path(events) if events else EVENTS, Path(actors) if actors else ACTORS)
    for form in FORMATS.values():
        path = (checker.events if form.folder == "events" else checker.actors) / form.name
        if path.is_file():
            checker.check(form, path, form.shown, packaged=True)
    for path in sorted(checker.events.glob("*_model_*.tsv")):  # events/attach.py's models
        try:
            read_model(path)
        except ModelFileError as error:
            checker.problems.append(Problem(f"events/data/{path.name}", error.line, error.message))
    if events is None and actors is None:
        from .french.check import french_problems

        checker.problems.extend(french_problems())
    return checker.problems


def validate_files(paths) -> list[Problem]:
    """Every problem in a user's dictionary files, checked against the packaged tables; a
    file is named in its problems as ``paths`` give it."""
    checker = _Checker(EVENTS, ACTORS)
    formats = {path: recognise(path) if Path(path).is_file() else None for path in map(str, paths)}
    for path, form in formats.items():
        if form is not None and form.name == "synsets.tsv":  # any file's patterns may use them
            checker.synsets.update(row["name"] for _, row in read_table(Path(path)).rows)
    for path, form in formats.items():
        if form is not None:
            checker.check(form, Path(path), path, packaged=False)
        elif not Path(path).is_file():
            checker.problems.append(Problem(path, 0, "no such file"))
        else:
            checker.problems.append(
                Problem(
                    path,
                    0,
                    (
                        "not a dictionary file: name it as the packaged file of its format (leaders.tsv, "
                        "organisations.yaml, patterns.tsv, ...) or give it that file's column header"
                    ),
                )
            )
    return checker.problems


def main(argv: list[str] | None = None) -> int:
    paths = sys.argv[1:] if argv is None else argv
    problems = validate_files(paths) if paths else validate_dictionaries()
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    print(f"{errors} errors, {len(problems) - errors} warnings", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
