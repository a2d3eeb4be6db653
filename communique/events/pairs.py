"""Pairs: who acts on whom, once the sources and targets of a trigger are known.

- Each source acts on each target; no actor acts on itself, nor a group member on its own
  country.
- Parties named together act on each other, one event each way: "Russia and Mali signed",
  "they agreed", and "talks between Serbia and Kosovo" held by someone unnamed (but not
  "talks with Russia and Saudi Arabia", which are each with someone else). So do two
  or three parties only: a longer list, or the members a bloc stands for ("the G8
  agreed"), acts together on no one of them.
- Side by side is not face to face: "Mali and Niger fought" is each against the other, but
  "Mali and Niger fought terrorist groups" is the two together. Conjoined parties meet, sign
  or cooperate with each other whatever else the clause names; they fight each other only
  when it names no one else.
"""
from __future__ import annotations

from ..model import Actor

# Codes whose two parties do the same thing to each other: coded once per pair.
SYMMETRIC_PREFIXES = ("030", "036", "040", "041", "044", "046", "05", "06", "19")
COOPERATIVE_PREFIXES = tuple(p for p in SYMMETRIC_PREFIXES if p != "19")
MAX_PARTIES_EACH_WAY = 3


def event_pairs(sources: list[Actor], targets: list[Actor], code: str,
                mutual: bool = False) -> list[tuple[Actor, Actor | None]]:
    """``mutual``: the targets are named as parties to each other ("between", "among")."""
    symmetric = code.startswith(SYMMETRIC_PREFIXES)
    named_sources = _by_country(sources)
    named_targets = _by_country(targets)
    if symmetric and mutual and not named_sources and _each_way(named_targets):
        return _each_way(named_targets)
    together = symmetric and bool(_each_way(named_sources)) and not named_targets and (
        not targets or code.startswith(COOPERATIVE_PREFIXES))
    if together:
        return _each_way(named_sources)
    if targets:
        return [(s, t) for s in sources for t in targets
                if not (s.country == t.country and (s.code == t.code or s.group or t.group))]
    return [(s, None) for s in sources]


def _by_country(actors: list[Actor]) -> list[Actor]:
    """The first actor of each country, in order."""
    found: dict[str, Actor] = {}
    for actor in actors:
        if actor.country:
            found.setdefault(actor.country, actor)
    return list(found.values())


def _each_way(parties: list[Actor]) -> list[tuple[Actor, Actor]]:
    if not 1 < len(parties) <= MAX_PARTIES_EACH_WAY:
        return []
    return [(a, b) for a in parties for b in parties if a.country != b.country]
