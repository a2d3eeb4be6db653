"""The story's dateline as a counterpart: the country a visit is to when nothing else says,
and the host whose unnamed officials a visitor holds talks with ("NAIROBI - The Somali
president arrived for a three-day visit and held talks with officials": SOM -> KEN 042,
SOM -> KENGOV 040). And the story's own country as the holder of talks it names with no
holder ("months of talks with the Soviet Union", in a story about Kuwait)."""

from __future__ import annotations

import dataclasses
from collections import Counter

from ..actors.context import actors_named_before, leading_country
from ..model import Actor
from .counterparts import _countries
from .roles import Roles, grammar


def dateline_target(
    roles: Roles, trigger, sources: list[Actor], code: str, dateline: str | None
) -> list[Actor]:
    """A visit that names no destination, and that neither its clause nor the target model
    places, is to the country of the story's ``dateline``, when a state or its agent makes
    it ("NAIROBI - The Somali president arrived on Monday for a three-day visit"); not a firm
    "heading for bankruptcy", nor envoys who "toured Gulf Arab states", in a story from
    elsewhere."""
    if roles.object_tokens(trigger) or roles.preposition_objects(trigger, "to"):
        return []
    own = _countries(sources)
    state = grammar()["state_sectors"]
    if (
        code not in grammar()["located_target_codes"]
        or not dateline
        or dateline == "IGO"
        or not own
        or dateline in own
        or not all(s.kind == "country" or set(s.sectors) & state for s in sources)
    ):
        return []
    return [Actor(dateline, dateline, (), None, "", None, "place")]


def hosted_targets(
    targets: list[Actor], sources: list[Actor], code: str, dateline: str | None
) -> list[Actor]:
    """ "NAIROBI - The Somali president held talks with officials": in a story datelined in a
    country, the unnamed officials, ministers or government a visitor meets or cooperates
    with (grammar.yaml's ``hosted_roots``) are the host country's."""
    if (
        not dateline
        or code[:2] not in grammar()["hosted_roots"]
        or any(s.country == dateline for s in sources)
    ):
        return targets
    hosts = grammar()["host_sectors"]
    return [
        dataclasses.replace(t, country=dateline, code=dateline + "".join(t.sectors[:2]))
        if not t.country and t.sectors and set(t.sectors) <= hosts and not _several_states(t)
        else t
        for t in targets
    ]


def _several_states(actor: Actor) -> bool:
    """ "approaching governments": a plural of grammar.yaml's ``government_nouns`` is the
    governments of several states, not the host's."""
    words = actor.text.lower().split()
    return bool(words) and any(words[-1] == noun + "s" for noun in grammar()["government_nouns"])


def story_party(mentions, before: int, targets: list[Actor]) -> list[Actor]:
    """The holder of talks that name only the other side ("the agreement followed months of
    talks with the Soviet Union and the U.S.", grammar.yaml's ``story_party_roots``): the
    country the story has named most before character ``before``, as the context rule
    places an unnamed official (actors/context.py), unless it is a target's own; only with
    a state or a body on the other side."""
    named = actors_named_before(mentions, before)
    state = grammar()["state_sectors"]
    if not any(t.kind in ("country", "organisation") or set(t.sectors) & state for t in targets):
        return []  # "contacts with Soviet women": no state's talks
    country = leading_country(Counter(a.country for a in named))
    if country is None or country in {t.country for t in targets}:
        return []
    name = next(a.name for a in named if a.country == country)
    return [Actor(country, country, (), name, "", None, "country")]
