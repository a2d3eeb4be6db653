"""Anchors in context: the names the text allows where they stand.

Short names count only where the text allows them: "the Twelve agreed" is the European
Community, "twelve people" or "the Twelve Apostles" is not; "the Community" only once the
Community has been named before, and "the Commission" only while no other commission was
named since. A country that closes a company's name ("Sony Computer Entertainment America")
is no country.
"""

from __future__ import annotations

import dataclasses

from .gazetteer import Entry


def in_context(doc, anchors: list) -> list:
    """The anchors without the short names the text does not allow: "the Twelve agreed"
    is the European Community, "twelve people" or "the Twelve Apostles" is not, and
    "the Community" only once the Community has been named before."""
    named: set[str] = set()
    kept = []
    anchored = {i for anchor in anchors for i in range(anchor.start, anchor.end)}
    # The body last named with each word: "the Commission" is the European Commission
    # only if no other commission ("the U.S. International Trade Commission") came since.
    last_with_word: dict[str, str | None] = {}
    bodies: set[int] = set()  # tokens of the organisations kept so far
    others = [e for e in doc.ents if e.label_ == "ORG"]
    seen = 0  # the recognised organisations before the anchor, in text order
    for anchor in anchors:  # in text order
        while seen < len(others) and others[seen].end <= anchor.start:
            other = others[seen]
            seen += 1
            if not bodies.intersection(range(other.start, other.end)):
                last_with_word.update((t.lower_, None) for t in other)
        if anchor.kind == "country" and (
            _ends_a_company_name(doc, anchor, anchored) or _names_a_thing(doc, anchor)
        ):
            continue
        entries = tuple(
            e
            for e in anchor.entries
            if e.short_name is None or _short_name_fits(doc, anchor, e, named, last_with_word)
        )
        if len(entries) != len(anchor.entries):
            if not entries:
                continue
            anchor = dataclasses.replace(anchor, entries=entries)
        named.update(e.key for e in entries if e.kind == "organisation")
        if entries[0].kind == "organisation":
            bodies.update(range(anchor.start, anchor.end))
        if len(entries) == 1 and entries[0].kind == "organisation":
            last_with_word.update(
                (t.lower_, entries[0].key) for t in doc[anchor.start : anchor.end]
            )
        kept.append(anchor)
    return kept


def _grammar():
    from ..events.roles import grammar  # here: the events package imports this module

    return grammar()


def _names_a_thing(doc, anchor) -> bool:
    """ "the Uruguay Round": a country before a capitalised noun of grammar.yaml's
    ``country_named_things`` names that thing (a round of trade talks), not the country."""
    if anchor.end >= len(doc):
        return False
    after = doc[anchor.end]
    return after.is_title and after.lower_ in _grammar()["country_named_things"]


def _ends_a_company_name(doc, anchor, anchored: set[int]) -> bool:
    """ "Kaz Hirai, president of Sony Computer Entertainment America": a country that closes a
    longer name the recogniser reads as an organisation, whose other words name nothing the
    tables know (no title, body or place), is part of a company's name, not the country."""
    last = doc[anchor.end - 1]
    if doc[anchor.start].ent_iob_ != "I" or last.ent_type_ != "ORG":
        return False
    if anchor.end < len(doc) and doc[anchor.end].ent_iob_ == "I":
        return False  # the name goes on: "the Mali Defence Forces"
    start = anchor.start - 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    words = doc[start : anchor.start]
    return all(t.i not in anchored and (t.pos_ == "PROPN" or t.lower_ == "of") for t in words)


def _short_name_fits(
    doc, anchor, entry: Entry, named: set[str], last_with_word: dict[str, str | None]
) -> bool:
    start, last = anchor.start, doc[anchor.end - 1]
    if entry.short_name == "seat":
        # "Brussels said" is the EU once the EU was named, unless it is where things happen
        return entry.key in named and not (
            last.dep_ == "pobj" and last.head.lower_ in _grammar()["seat_placing_prepositions"]
        )
    if start == 0 or doc[start - 1].lower_ != "the" or not doc[start].text[:1].isupper():
        return False
    if last.head.i >= anchor.end and last.dep_ in ("nummod", "compound", "amod", "nmod"):
        return False  # a word of a longer name: "the Community Charter", "the Twelve Apostles"
    if entry.short_name == "the":
        return True
    words = [t.lower_ for t in doc[anchor.start : anchor.end]]
    # "the Commission" once the Commission, or the Community it serves, was named
    return bool({entry.key, *entry.named_with} & named) and all(
        last_with_word.get(w, entry.key) == entry.key for w in words
    )
