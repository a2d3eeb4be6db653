"""The French data files checked as the English ones are (dictionaries.py): every CAMEO code
in the CAMEO table, every country one of the English gazetteer's (ISO 3166 and Kosovo) or
IGO, every sector in sectors.tsv, no key twice, each problem named by its file and line."""

from __future__ import annotations

from ..dictionaries import Problem
from ..dictionary_files import read_table
from ..events.cameo import cameo_codes
from ..yaml_data import read_yaml
from .gazetteer import DATA

PREPOSITIONS = {
    "obj",
    "à",
    "avec",
    "contre",
    "de",
    "en",
    "dans",
    "auprès",
    "vers",
    "chez",
    "pour",
    "sur",
    "envers",
    "entre",  # "a dénoncé les accords entre Israël et les deux pays du Golfe"
    "face",  # "face à": the parser hangs the fixed expression on its first word
    "aux côtés de",
}


def french_problems() -> list[Problem]:
    from ..actors.gazetteer import DATA as ACTORS

    sectors = {row["code"] for _, row in read_table(ACTORS / "sectors.tsv").rows}
    # the English gazetteer's codes: ISO 3166-1 and Kosovo (XKX), which it is outside of
    countries = {row["iso3"] for _, row in read_table(ACTORS / "countries.tsv").rows}
    problems: list[Problem] = []

    def rows(name: str):
        return read_table(DATA / name).rows

    def problem(name: str, line: int, message: str) -> None:
        problems.append(Problem(f"french/data/{name}", line, message))

    def unique(name: str, seen: dict, key, line: int) -> None:
        if key in seen:
            problem(name, line, f"{key!r} is listed twice (first at line {seen[key]})")
        seen.setdefault(key, line)

    def country(name: str, line: int, code: str, igo: bool = True) -> None:
        if not (igo and code == "IGO") and code not in countries:
            problem(name, line, f"unknown country code {code!r} (not in actors/data/countries.tsv)")

    def sector_list(name: str, line: int, value: str) -> None:
        for sector in value.split():
            if sector not in sectors:
                problem(name, line, f"unknown sector {sector!r} (not in sectors.tsv)")

    for name, keys in (("verbs.tsv", ("verb", "object")), ("nouns.tsv", ("noun", "object"))):
        seen: dict = {}
        for line, row in rows(name):
            unique(name, seen, tuple(row[k] for k in keys), line)
            if row["code"] not in cameo_codes():
                problem(name, line, f"unknown CAMEO code {row['code']!r} (not in cameo.tsv)")
            for target in filter(None, row["target"].split("|")):
                if target not in PREPOSITIONS and target != "-":
                    problem(name, line, f"unknown target {target!r}: obj or a preposition")
    names: dict = {}
    for line, row in rows("countries.tsv"):
        country("countries.tsv", line, row["iso3"], igo=False)
        for alias in [row["name"], *filter(None, row["aliases"].split("|"))]:
            unique("countries.tsv", names, alias.casefold(), line)
    for name in ("organisations.tsv", "places.tsv"):
        seen = {}
        for line, row in rows(name):
            unique(name, seen, row["name"].casefold(), line)
            if name == "places.tsv" and not row["iso3"] and not row["sectors"]:
                continue  # a part of the world: "l'Amérique latine" is no state's
            country(name, line, row.get("country") or row.get("iso3") or "")
            sector_list(name, line, row["sectors"])
    seen = {}
    for line, row in rows("titles.tsv"):
        unique("titles.tsv", seen, row["noun"].casefold(), line)
        sector_list("titles.tsv", line, row["sectors"])
        if row["country"]:
            country("titles.tsv", line, row["country"], igo=False)
    seen = {}
    for line, row in rows("compound_prefixes.tsv"):
        unique("compound_prefixes.tsv", seen, row["prefix"], line)
        country("compound_prefixes.tsv", line, row["iso3"], igo=False)
    people = _table_people()
    seen = {}
    for line, row in rows("name_spellings.tsv"):
        if row["name"] not in people:
            problem("name_spellings.tsv", line, f"{row['name']!r} is no person of the tables")
        for spelling in row["french"].split("|"):
            unique("name_spellings.tsv", seen, spelling.strip(), line)
    organisations = {row["name"] for _, row in rows("organisations.tsv")}
    grammar = read_yaml(DATA / "grammar.yaml")
    for key, body in grammar.get("regional_bodies", {}).items():
        if body not in organisations:
            problem("grammar.yaml", 0, f"regional_bodies: {key!r} names {body!r}, no organisation")
    for verb, code in grammar.get("phone_verbs", {}).items():
        if code not in cameo_codes():
            problem("grammar.yaml", 0, f"phone_verbs: {verb!r} gives {code!r}, no CAMEO code")
    problems.extend(_agreement_problems())
    return problems


def _table_people() -> set[str]:
    """The names and aliases of leaders.tsv and people.tsv."""
    from ..actors.gazetteer import DATA as ACTORS

    names = set()
    for table in ("leaders.tsv", "people.tsv"):
        for _, row in read_table(ACTORS / table).rows:
            names.add(row["name"])
            names.update(alias.strip() for alias in (row["aliases"] or "").split("|"))
    return names


def _agreement_problems() -> list[Problem]:
    """french/data/agreements.yaml speaks the English file's language: its kinds, statuses and
    topics are those of events/data/agreements.yaml, so that records compare across both."""
    from ..events.agreements import DATA as EVENTS

    english = read_yaml(EVENTS / "agreements.yaml")
    french = read_yaml(DATA / "agreements.yaml")
    problems = []
    for part, allowed in (
        ("kinds", set(english["kinds"].values())),
        ("status", set(english["status"].values())),
    ):
        for word, value in french[part].items():
            if value not in allowed:
                problems.append(
                    Problem(
                        "french/data/agreements.yaml",
                        0,
                        f"{part}: {word!r} gives {value!r}, not one of the English file's",
                    )
                )
    for topic in set(french["topics"]) - set(english["topics"]):
        problems.append(
            Problem("french/data/agreements.yaml", 0, f"topic {topic!r} is not an English topic")
        )
    return problems
