"""Pairs: who acts on whom, once the sources and targets of a trigger are known.

- Each source acts on each target; no actor acts on itself, nor a group member on its own
  country. A pair with neither side coded with a country ("someone said") or with no
  political side (athletes, companies, newspapers alone: ``political``) is no event
  (``recordable``); a state with itself or its own government ("CANGOV -> CAN") keeps its
  act without a target.
- Parties named together act on each other, one event each way: "Russia and Mali signed",
  "they agreed", and "talks between Serbia and Kosovo" held by someone unnamed (but not
  "talks with Russia and Saudi Arabia", which are each with someone else). So do two
  or three parties only: a longer list, or the members a bloc stands for ("the G8
  agreed"), acts together on no one of them.
- Side by side is not face to face: "Mali and Niger fought" is each against the other, but
  "Mali and Niger fought terrorist groups" is the two together. Conjoined parties meet, sign
  or cooperate with each other whatever else the clause names; they fight each other only
  when it names no one else, and never when the act is a noun: "French and Malian forces
  launched strikes" is the two together.
"""

from __future__ import annotations

from ..model import Actor
from .roles import grammar

FIGHTING = "19"  # the one symmetric root that is not cooperation
MAX_PARTIES_EACH_WAY = 3
AIMED_ROOTS = "10"  # demands, disapproval, rejection, threats, protest and force: 10-20


def event_pairs(
    sources: list[Actor],
    targets: list[Actor],
    code: str,
    mutual: bool = False,
    named_act: bool = False,
) -> list[tuple[Actor, Actor | None]]:
    """``mutual``: the targets are named as parties to each other ("between", "among").
    ``named_act``: the trigger is a noun ("the strikes by France and Mali", "ont mené des
    frappes"), whose parties carry it out together unless ``mutual`` says otherwise."""
    symmetric = is_symmetric(code)
    named_sources = _by_country(sources)
    named_targets = _by_country(targets)
    if symmetric and mutual and not named_sources and _each_way(named_targets):
        return _each_way(named_targets)
    together = (
        symmetric
        and bool(_each_way(named_sources))
        and not named_targets
        and (not fights(code) or not (targets or named_act))
    )
    if together:
        return _each_way(named_sources)
    if targets:
        pairs = [
            (s, t)
            for s in sources
            for t in targets
            if not (s.country == t.country and (s.code == t.code or s.group or t.group))
        ]
    else:
        pairs = [(s, None) for s in sources]
    # "Kostunica promised to democratize Serbia": the state acting on itself has no target
    pairs = [(s, None) if t is not None and _same_state(s, t) else (s, t) for s, t in pairs]
    pairs = [_qualifiers_weighed(s, t, code) for s, t in pairs]
    return [(s, t) for s, t in dict.fromkeys(pairs) if recordable(s, t, code)]


def fights(code: str) -> bool:
    """Whether the act is fighting, the one symmetric act that parties named together do
    to each other only when the clause names no one else."""
    return code.startswith(FIGHTING)


def held_together(code: str, sources: list[Actor]) -> bool:
    """Whether parties of two countries or more hold talks (grammar.yaml's ``topic_roots``)
    with each other: then what the talks are about names no partner ("the two leaders had
    talked about Afghanistan")."""
    return code[:2] in grammar()["topic_roots"] and len(_by_country(sources)) > 1


def topic_prepositions(trigger, code: str, sources: list[Actor]) -> frozenset:
    """The prepositions after which talks (grammar.yaml's ``topic_roots``) name what they are
    about, not a partner: for talks held together (``held_together``), and for a verb of
    conversation whoever talks ("talked of the struggle between the U.S. and Japan":
    grammar.yaml's ``conversation_verbs``)."""
    words = grammar()
    if code[:2] not in words["topic_roots"]:
        return frozenset()  # "speaking of loans to Poland, said": a statement about Poland
    if trigger.lemma_.lower() in words["conversation_verbs"]:
        return frozenset(words["conversation_topic_prepositions"])
    if held_together(code, sources):
        return frozenset(words["topic_only_prepositions"])
    return frozenset()


def is_symmetric(code: str) -> bool:
    """Whether the two parties of an act with this code do it to each other (grammar.yaml's
    ``symmetric_code_prefixes``)."""
    return code.startswith(tuple(grammar()["symmetric_code_prefixes"]))


def _qualifiers_weighed(
    source: Actor, target: Actor | None, code: str
) -> tuple[Actor, Actor | None]:
    """A target that is a country only qualifying a thing ("Iraqi oil fields", "a French
    idea", "US shows": kind ``qualifier``) is aimed at when an organised political actor
    acts on it ("Turkey welcomed a Greek proposal"), or when the act is hostile or hits
    whatever it is done to ("rebels rejected a Senegalese peace plan", "a bomb hit Iraqi
    oil fields"); not when viewers download US shows. (As a source, a qualifier keeps
    its country: "Russian aircraft killed", "Israeli army bulldozers demolished".)"""
    aimed = code[:2] >= AIMED_ROOTS or code[:2] in grammar()["located_target_roots"]
    if target is not None and target.kind == "qualifier" and not (aimed or organised(source)):
        target = None
    return source, target


def organised(actor: Actor) -> bool:
    """A political actor that is more than people of a country or a thing's country: a
    state, its organs, an intergovernmental body, a party, rebels, a known organisation."""
    return (
        political(actor)
        and actor.kind != "qualifier"
        and not (actor.sectors and set(actor.sectors) <= grammar()["people_sectors"])
    )


def political(actor: Actor) -> bool:
    """A side that can make an event political: any actor with a country, except a company,
    a newspaper (only sectors of grammar.yaml's ``nonpolitical_sectors``), an organisation
    the tables do not know whose name does not say it is an organ of state (a company or
    a club: ``state_organ_words``) and a named private person (an athlete: a person with a
    country and no sector)."""
    if not actor.country:
        return False
    if actor.country == "IGO":
        return True  # states acting together, whatever their field: the IMF, the WTO, OPEC
    if actor.sectors and set(actor.sectors) <= grammar()["nonpolitical_sectors"]:
        return False
    if actor.kind == "organisation" and not actor.sectors and actor.country != "IGO":
        # not in the tables: a company or a club, unless its name says it is a state's organ
        return bool(set((actor.text or "").lower().split()) & grammar()["state_organ_words"])
    return not (actor.kind == "person" and not actor.sectors)


def recordable(source: Actor, target: Actor | None, code: str | None = None) -> bool:
    """Whether a pair makes an event an analyst can use: at least one side coded with a
    country (or an IGO), and not a state paired with itself: a country with itself or with
    its own government ("CANGOV -> CAN"; ``event_pairs`` keeps such an act without its
    target). A state and a group of its own (TUR -> TURREF) or two groups of one country
    (GOV -> OPP) are a domestic event and stay. Civilians acting with no organised actor
    on the other side make an event only by the acts of grammar.yaml's ``civilian_roots``
    (they protest, or fight): "Thousands of people demonstrated in Moscow". Someone unnamed
    acting on people or on a thing of a country makes one only by coercion or force
    (``unnamed_source_roots``), and a statement needs a political source
    (``political_source_roots``)."""
    source_country = source.country
    target_country = target.country if target is not None else None
    if not source_country and not target_country:
        return False
    if not (political(source) or (target is not None and political(target))):
        return False  # "Kenyan runner Lagat beat Canada's Brannen", "an Indian firm helps"
    sides = [side for side in (source, target) if side is not None and side.country]
    if (
        code is not None
        and set(source.sectors) == {"CVL"}
        and not any(organised(side) for side in sides)
        and code[:2] not in grammar()["civilian_roots"]
    ):
        return False  # "US gamers will buy", "a US woman is suing HP"; but people protest
    if (
        code is not None
        and source.kind == "qualifier"
        and source.country != "IGO"
        and code[:2] < AIMED_ROOTS
        and not (target is not None and organised(target))
    ):
        return False  # "the American system allows", "US registrars who handle domains"
    if (
        code is not None
        and not source_country
        and not (target is not None and organised(target))
        and code[:2] not in grammar()["unnamed_source_roots"]
    ):
        return False  # "a network is helping poor farmers in Peru", "analysts predict"
    if (
        code is not None
        and code[:2] in grammar()["political_source_roots"]
        and not political(source)
    ):
        return False  # "Britain is broadband Britain, said BT's managing director"
    return not (target is not None and _same_state(source, target))


def _same_state(source: Actor, target: Actor) -> bool:
    return (
        bool(source.country)
        and source.country == target.country
        and (source.code == target.code or (_the_state(source) and _the_state(target)))
    )


def _the_state(actor: Actor) -> bool:
    """The country itself or its government, which CAMEO treats as one actor."""
    return actor.code in (None, actor.country) or set(actor.sectors) <= {"GOV"}


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
