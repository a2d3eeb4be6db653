"""French compound demonyms: "franco-malien", "germano-russe", "le texte franco-tunisien".

One adjective names two states. Where it qualifies what acts or is acted on (a title, an
event noun, what a state does, an object: as french/actors.py reads plain demonyms), the
noun becomes one mention of both countries, so that "la coopération franco-malienne" is a
cooperation between France and Mali and "a rejeté le texte franco-tunisien" a rejection of
both. The first halves are in french/data/compound_prefixes.tsv; the second is any demonym
of countries.tsv, inflected.
"""

from __future__ import annotations

import functools

from ..dictionary_files import read_table
from .gazetteer import DATA, inflections, rows, split


@functools.cache
def prefixes() -> dict[str, str]:
    return {
        row["prefix"]: row["iso3"] for _, row in read_table(DATA / "compound_prefixes.tsv").rows
    }


@functools.cache
def demonyms() -> dict[str, str]:
    """Every inflected demonym of countries.tsv, lower case, to its country."""
    table = {}
    for row in rows("countries.tsv"):
        for adjective in split(row["demonyms"]):
            for form in inflections(adjective):
                table.setdefault(form.lower(), row["iso3"])
    return table


def compound_countries(word: str) -> tuple[str, ...] | None:
    """The countries a compound demonym names, in order, or None: "franco-maliennes" ->
    ("FRA", "MLI")."""
    parts = word.lower().split("-")
    if len(parts) < 2:
        return None
    countries = [prefixes().get(part) for part in parts[:-1]]
    countries.append(demonyms().get(parts[-1]))
    if None in countries or len(set(countries)) < 2:
        return None
    return tuple(dict.fromkeys(countries))
