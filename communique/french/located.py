"""Where a French act is aimed when the clause names no one: a visit at the country where
the visitor is ("arrivé lundi à Bamako"), an appeal or demand at the country where what it
asks for is to happen ("a appelé à une transition civile au Mali")."""

from __future__ import annotations

from ..events.roles import grammar as cameo_policy
from ..model import Actor
from .patterns import OBJECTS, OBLIQUES, grammar

PLACED = frozenset({"à", "en", "dans"})  # "au Mali", "en Libye", "dans la région de Mopti"


def located_targets(roles, trigger, sources: list[Actor], code: str) -> list[Actor]:
    """A visit is to the country where the visitor is, as in English (the codes of
    events/data/grammar.yaml's ``located_target_codes``): "arrivé lundi à Bamako". Force
    is not aimed at where it is used, as English has it: in the Sahel, "Barkhane a
    neutralisé des jihadistes au Mali" is against the jihadists, not the Malian state
    (measured: on the French dev set such events were false), so they keep no target."""
    called = code[:2] in grammar()["called_place_roots"]
    if code not in cameo_policy()["located_target_codes"] and not called:
        return []
    own = {s.country for s in sources}
    holders = [trigger, *(c for c in trigger.children if c.dep_ in OBJECTS)]
    if called:
        # "a appelé à la mise en place d'une transition civile au Mali": what is asked
        # for is to happen there, and there is whom it is asked of
        holders = [*holders, *_asked_for(roles, trigger)]
    for holder in holders:
        for child in holder.children:
            if child.dep_ not in OBLIQUES or roles.preposition(child) not in PLACED:
                continue
            mention = roles.by_head.get(child.i)
            found = [mention] if mention is not None else roles.mentions_below(child)
            countries = {
                a.country for m in found for a in m.actors if a.country not in (None, "IGO")
            }
            if len(countries) == 1 and not countries & own:
                actor = found[0].actors[0]
                return [
                    Actor(actor.country, actor.country, (), actor.name, actor.text, None, "place")
                ]
    return []


def _asked_for(roles, trigger) -> list:
    """The nouns of what an appeal or demand asks for, down its objects and prepositional
    phrases: "à la mise en place sans délai d'une transition", wherever the parser hangs
    it ("a appelé dans un communiqué « à la mise en place »")."""
    found, level = [], [trigger]
    for _ in range(5):
        level = [
            c
            for t in level
            for c in t.children
            if c.dep_ in OBJECTS + OBLIQUES and c.pos_ in ("NOUN", "PROPN")
        ]
        found += level
    return found


def envoys_host(roles, subjects, verb=None) -> list[Actor]:
    """Who summons an envoy when the passive names no one: the country the envoy is posted
    to ("l'ambassadeur de Russie au Royaume-Uni a été convoqué": the United Kingdom), else
    the one whose office it is summoned to ("l'ambassadrice de France est convoquée lundi au
    ministère bulgare": Bulgaria)."""
    envoys = [s for s in subjects if s.lemma_.lower() in grammar()["envoy_nouns"]]
    posted = [p for e in envoys for where in PLACED for p in roles.obliques(e, where)]
    found = roles.actors_of(posted)
    if found or not envoys or verb is None:
        return found
    own = {a.country for a in roles.actors_of(envoys)}
    summoned_to = [p for where in PLACED for p in roles.obliques(verb, where)]
    return [a for a in roles.actors_of(summoned_to) if a.country and a.country not in own][:1]
