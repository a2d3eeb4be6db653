"""The French gazetteer: country names, demonyms, capitals, organisations and titles in
French (french/data/), with the people and places of the shared tables (leaders and public
figures are named alike in every language, but for the French spellings of
name_spellings.tsv: "Vladimir Poutine", "Mouammar Kadhafi")."""

from __future__ import annotations

import dataclasses
import functools
import logging
from dataclasses import dataclass
from importlib import resources

import spacy

from ..actors.anchors import AnchorMatcher, phrase_tables
from ..actors.gazetteer import DATA as SHARED_DATA
from ..actors.gazetteer import Entry, Gazetteer, load_gazetteer
from ..compiled import cached_object, code_digest, data_digests
from ..dictionary_files import read_table

logger = logging.getLogger(__name__)

DATA = resources.files(__package__).joinpath("data")
SHARED_KINDS = ("person", "place")  # taken from the shared tables


@dataclass(frozen=True)
class Title:
    """A noun that names who acts for a state ("ministre"), and the country it stands for by
    itself, if any ("président de la République": France)."""

    sectors: tuple[str, ...]
    country: str | None


def rows(name: str) -> list[dict]:
    """The rows of one of the French data files."""
    return [row for _, row in read_table(DATA / name).rows]


def split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def inflections(adjective: str) -> list[str]:
    """A masculine singular demonym with its feminine and plural forms."""
    if adjective.endswith(("en", "on")):
        feminine = adjective + "ne"
    elif adjective.endswith("ec"):
        feminine = adjective + "que"  # grec, grecque
    elif adjective.endswith("c"):
        feminine = adjective[:-1] + "que"  # turc, turque
    elif adjective.endswith("e"):
        feminine = adjective
    else:
        feminine = adjective + "e"
    masculine_plural = adjective if adjective.endswith(("s", "x")) else adjective + "s"
    return list(dict.fromkeys([adjective, feminine, masculine_plural, feminine + "s"]))


def _french_entries() -> list[Entry]:
    entries = []
    for row in rows("countries.tsv"):
        iso3 = row["iso3"]
        names = [row["name"], *split(row["aliases"])]
        entries.append(Entry("country", iso3, row["name"], iso3, patterns=tuple(names)))
        demonyms = [form for adjective in split(row["demonyms"]) for form in inflections(adjective)]
        if demonyms:
            entries.append(Entry("demonym", iso3, row["name"], iso3, patterns=tuple(demonyms)))
    for row in rows("places.tsv"):
        entries.append(
            Entry(
                "place",
                row["name"],
                row["name"],
                row["iso3"],
                tuple(row["sectors"].split()),
                place_kind="capital",
                patterns=(row["name"],),
            )
        )
    for row in rows("organisations.tsv"):
        sectors = tuple(row["sectors"].split())
        country = row["country"]
        code = country + "".join(s for s in sectors[:2] if s != country)
        entries.append(
            Entry(
                "organisation",
                row["name"],
                row["name"],
                country,
                sectors,
                code=code,
                patterns=(row["name"], *split(row["aliases"])),
            )
        )
    return entries


@functools.cache
def french_gazetteer() -> Gazetteer:
    parts = ["french-gazetteer", code_digest(), *data_digests(DATA), *data_digests(SHARED_DATA)]
    return cached_object("french-gazetteer", parts, _build)


def _build() -> Gazetteer:
    shared = load_gazetteer(())
    spellings = french_spellings()
    entries = _french_entries() + [
        _as_french_writes(e, spellings) for e in shared.entries if e.kind in SHARED_KINDS
    ]
    logger.info("French gazetteer: %d entries", len(entries))
    return Gazetteer(entries, shared.cameo_codes, shared.country_names)


def french_spellings() -> dict[str, list[str]]:
    """name_spellings.tsv: a person's name or alias in the shared tables -> its French
    spellings."""
    return {row["name"]: split(row["french"]) for row in rows("name_spellings.tsv")}


def _as_french_writes(entry: Entry, spellings: dict[str, list[str]]) -> Entry:
    if entry.kind != "person":
        return entry
    french = [spelling for name in entry.patterns for spelling in spellings.get(name, ())]
    if not french:
        return entry
    return dataclasses.replace(entry, patterns=tuple(dict.fromkeys([*entry.patterns, *french])))


@functools.cache
def french_anchor_matcher(nlp) -> AnchorMatcher:
    gazetteer = french_gazetteer()
    parts = [
        "french-anchors",
        code_digest(),
        *data_digests(DATA),
        *data_digests(SHARED_DATA),
        spacy.__version__,
        nlp.meta.get("name", ""),
        nlp.meta.get("version", ""),
    ]
    return AnchorMatcher(
        gazetteer, cached_object("french-anchors", parts, lambda: phrase_tables(gazetteer, nlp))
    )


@functools.cache
def titles() -> dict[tuple[str, ...], Title]:
    """Titles by their words, lower case; a one-word title is compared with lemmas."""
    table = {}
    for row in rows("titles.tsv"):
        # "chef de l'état" is four tokens to the parser: "l'" stands apart
        words = tuple(row["noun"].lower().replace("'", "' ").split())
        table[words] = Title(tuple(row["sectors"].split()), row["country"] or None)
    return table
