"""Counterparts: the target of an event when the trigger's own arguments name none.

``roles.py`` finds targets where the grammar puts them: the object, an indirect object, the
object of a preposition. Real news often puts the other side one step further:

- inside the object phrase, as a possessive, a demonym, a compound or a nested preposition:
  "rejected Tokyo's demand", "pushed Eritrean forces back", "speeded up the withdrawal of
  forces from Panama";
- in a clause of its own, the complement of a verb of saying or the purpose of an act
  (clause_targets.py);
- in a possessive pronoun of the object of an act aimed at another party: "Turkey applied,
  but Austria vetoed its bid" (AUT -> TUR);
- inside a passive subject: "a camp for Congolese refugees was attacked";
- for force used abroad, in the place where it is used: "Israeli tanks fired at targets in
  Jericho" (ISR -> PSE); for protest, coercion or force by people or armed groups at home,
  their own government: "Iraqi Kurds demonstrated in Kirkuk" (IRQETH -> IRQGOV); for
  coercion by the state at home, the people of the place: "Turkish authorities imposed a
  curfew in Cizre" (TURGOV -> TURCVL).

The searches stay inside the trigger's own clause material: they do not enter relative
clauses or other clauses hung on the object, and they take a country only when it is not the
source's own. Each rule was kept only where it raised recall on the dev set or the
error-analysis articles without costing more precision than it gave (issue 14's closing
note has the figures).
"""

from __future__ import annotations


import logging
from collections import deque

from ..model import Actor
from .pairs import AIMED_ROOTS, held_together, topic_prepositions
from .patterns import best_pattern
from .clauses import likens
from .roles import Roles, grammar

logger = logging.getLogger(__name__)

# Dependents that open another clause or an aside: the search does not enter them. (An
# apposition names the same thing again, so it is entered: "denounced as an ugly crime
# Serbia's suppression of the unrest".)
CLAUSE_DEPS = {
    "relcl",
    "acl",
    "advcl",
    "ccomp",
    "csubj",
    "parataxis",
    "punct",
    "cc",
    "mark",
    "det",
    "neg",
    "aux",
    "auxpass",
    "case",
}
# Inside a complement the infinitives and participles are part of what is said ("it would be
# a mistake to sell weapons to Venezuela", parsed as a relative clause); a complement nested
# in it is someone else's saying.
NESTED_CLAUSE_DEPS = {"ccomp", "csubj", "parataxis", "punct"}
# How deep inside the object phrase a counterpart may sit: "the withdrawal of some invasion
# forces from Panama" (withdrawal > of > forces > from > Panama) is four steps, and nested
# prepositions and participles ("assistance to the war waged by ...") add up.
OBJECT_DEPTH = 6
# sources of this many countries or more are a group, whose members it may act on; two are
# a pair ("both sides"), each the other's counterpart
GROUP_OF_MEMBERS = 3
COMPLEMENT_DEPS = ("ccomp", "xcomp")
POSSESSIVE_PRONOUNS = {"its", "their"}
PROTEST_ROOT = "14"
HOSTILE_FROM = "11"  # CAMEO roots from disapproval on
VICTIM_PREPOSITIONS = ("on", "against", "of", "at")  # "the attack on", "the bombing of"


def object_phrase_targets(
    roles: Roles, tree, trigger, sources: list[Actor], actors_of, code: str = ""
) -> list[Actor]:
    """The nearest actor of another country inside the trigger's object phrases."""
    starts = []
    # "a Turkish ship which Greece had threatened to tackle": a relative clause's object is
    # the noun it qualifies.
    if (
        trigger.dep_ == "relcl"
        and not roles.object_tokens(trigger)
        and not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "which", "that")
            for c in tree.children(trigger)
        )
    ):
        starts.append(trigger.head)
    # The trigger's own objects, then those of an infinitive it governs ("refused to commit
    # to any assistance to the US-led war"), unless its object is someone told to do it:
    # "urged European leaders to wake up from their denial over Bush's re-election" is aimed
    # at the leaders, whoever they are, not at Bush.
    infinitives = (
        []
        if tells_someone(roles, trigger)
        else [c for c in tree.children(trigger) if c.dep_ == "xcomp"]
    )
    # "condemned the attack on the French embassy": judging an act is aimed at who did it,
    # not at whom it hit
    judged = trigger.lemma_.lower() in grammar()["appraising_verbs"]
    # "held talks on Cyprus": talks are held with someone, about their topic
    topical = held_together(code, sources)
    for verb in (trigger, *infinitives):
        starts += roles.object_tokens(verb)
        starts += [
            pobj
            for preposition, pobj in roles.preposition_objects(verb)
            if not says_where(preposition, code)
            and not (judged and victim_of_object(verb, preposition, pobj))
            and preposition not in topic_prepositions(verb, code, sources)
        ]
    own = _countries(sources)
    if len(own) >= GROUP_OF_MEMBERS:
        # a group acts on one of its own members: "the G-7 (the U.S., Japan, West Germany
        # ...) said they welcomed proposals announced by Japan's LDP"
        own = set()
    for start in starts:
        for token in _phrase_tokens(
            tree, start, OBJECT_DEPTH, skip_victims=judged, skip_topics=topical
        ):
            # with the token's conjuncts: "closed its borders with Iran and Turkey"
            found = _distinct(
                [a for a in actors_of(_actor_mentions(roles, token)) if _foreign(a, own)]
            )
            if found:
                return found
    return []


def possessor_targets(mentions, tree, trigger, sources: list[Actor], code: str) -> list[Actor]:
    """ "Turkey applied, but Austria vetoed its bid": a possessive pronoun in the object of an
    act against or for another party (the roots in grammar.yaml's ``other_directed_roots``)
    is the nearest country named before it that is not the source's own. Read as the source
    itself ("Austria raised its tariffs"), it would give no event; so the rule only adds the
    reading the verb calls for."""
    if code[:2] not in grammar()["other_directed_roots"]:
        return []
    own = _countries(sources)
    objects = [c for c in tree.children(trigger) if c.dep_ in ("dobj", "nsubjpass")]
    pronouns = [
        c
        for o in objects
        for c in tree.children(o)
        if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS
    ]
    if not pronouns or not own:
        return []
    doc = trigger.doc
    earliest = doc[max(0, trigger.sent.start - 1)].sent.start_char  # this sentence or the last
    before = [m for m in mentions if earliest <= m.start < pronouns[0].idx]
    for mention in reversed(before):
        countries = [a for a in mention.actors if a.country and a.kind != "place"]
        if countries and all(a.country in own for a in countries):
            continue
        if countries:
            foreign = [a for a in countries if a.country not in own]
            return foreign[:1]
    return []


def passive_subject_targets(
    roles: Roles, tree, trigger, sources: list[Actor], actors_of
) -> list[Actor]:
    """ "A camp for Congolese refugees was attacked": the nearest foreign actor inside the
    passive subject's phrase."""
    own = _countries(sources)
    for start in roles.passive_target_tokens(trigger):
        for token in _phrase_tokens(tree, start, OBJECT_DEPTH):
            found = [a for a in actors_of(_actor_mentions(roles, token)) if _foreign(a, own)]
            if found:
                return found[:1]
    return []


def located_targets(roles: Roles, trigger, sources: list[Actor], code: str) -> list[Actor]:
    """Force used abroad is aimed at the country where it is used, and a visit is to the
    country where the visitor is: the place the clause names ("in Jericho", "in Tel Aviv",
    "said in Dakar"), for the codes in grammar.yaml's ``located_target_roots`` and
    ``located_target_codes``, when it is not the source's own country."""
    by_the_state = any(set(s.sectors) & grammar()["state_sectors"] for s in sources)
    domestic = (
        code[:2]
        in grammar()["domestic_state_target_roots" if by_the_state else "domestic_target_roots"]
    )
    located = (
        code[:2] in grammar()["located_target_roots"] or code in grammar()["located_target_codes"]
    )
    # "called for a democratic transition in Algeria": what is asked for happens there; not
    # where the asking is ("called in Washington for ...")
    asked_there = code[:2] in grammar()["asked_place_roots"]
    if not located and not domestic and not asked_there:
        return []
    own = _countries(sources)
    if not own:
        return []
    # where the clause happens, or where what it is aimed at is ("fired at targets in Jericho")
    aimed_at = [pobj for _, pobj in roles.preposition_objects(trigger)]
    inner = [
        m
        for holder in (*roles.object_tokens(trigger), *aimed_at)
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at")
        for place in prep.children
        if place.dep_ == "pobj"
        for m in roles.place_mentions(place)
    ]
    for mention in inner if asked_there else [*roles.locations(trigger), *inner]:
        countries = {a.country for a in mention.actors if a.country and a.country != "IGO"}
        if len(countries) == 1 and not countries & own and (located or asked_there):
            actor = mention.actors[0]
            return [Actor(actor.country, actor.country, (), actor.name, actor.text, None, "place")]
        if len(countries) == 1 and countries <= own and domestic:
            # "Thousands of Iraqi Kurds demonstrated in Kirkuk", "rebels exploded bombs in
            # Kabul": people or armed groups acting at home act against their government;
            # "authorities imposed a curfew in Cizre": the state, against the people there
            actor = mention.actors[0]
            sector = "CVL" if by_the_state else "GOV"
            return [
                Actor(
                    actor.country + sector,
                    actor.country,
                    (sector,),
                    actor.name,
                    actor.text,
                    None,
                    "place",
                )
            ]
    return []


def protest_targets(
    roles: Roles, tree, trigger, sources: list[Actor], actors_of, code: str
) -> list[Actor]:
    """Whom a protest or a hostile act answers: the first party other than the actors named
    inside a phrase of protest or reaction on the clause ("in protest against violations by
    Algerian security forces", "in defiance of Chinese authorities": grammar.yaml's
    ``protest_nouns``, for protests; "announced the sanctions in retaliation for Japan's
    failure": ``reaction_nouns``, for any act from demands to force, roots 10 to 20). A party
    of the actors' own country counts when it is an organ of the state."""
    if code[:2] == PROTEST_ROOT:
        nouns = grammar()["protest_nouns"] | grammar()["reaction_nouns"]
    elif code[:2] >= AIMED_ROOTS:
        nouns = grammar()["reaction_nouns"]
    else:
        return []
    own = _countries(sources)
    themselves = {s.code for s in sources}
    state = grammar()["state_sectors"]
    holders = [trigger, *(c for c in tree.children(trigger) if c.dep_ in ("advcl", "xcomp"))]
    if trigger.dep_ == "dobj" and trigger.pos_ == "NOUN":
        holders.append(trigger.head)  # "announced the sanctions in retaliation for ..."
    for holder in holders:
        for prep in tree.children(holder):
            if prep.dep_ != "prep":
                continue
            for noun in tree.children(prep):
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in nouns:
                    continue
                for token in _phrase_tokens(tree, noun, OBJECT_DEPTH):
                    found = [
                        a
                        for a in actors_of(_actor_mentions(roles, token))
                        if _foreign(a, own) or (set(a.sectors) & state and a.code not in themselves)
                    ]
                    if found:
                        return found[:1]
    return []


def _distinct(actors: list[Actor]) -> list[Actor]:
    found: dict[str, Actor] = {}
    for actor in actors:
        found.setdefault(actor.country, actor)
    return list(found.values())


def _phrase_tokens(
    tree, start, depth: int, barriers=CLAUSE_DEPS, skip_victims: bool = False, skip_topics=False
):
    """The tokens of a phrase, nearest first, not entering clauses hung on it nor places;
    with ``skip_victims``, not whom a noun of an act aimed at someone hits ("the attack on
    the embassy", "the bombing of the embassy"); with ``skip_topics``, not what it is about
    (grammar.yaml's ``topic_only_prepositions``: "talks on Cyprus")."""
    queue = deque([(start, 0)])
    while queue:
        token, level = queue.popleft()
        yield token
        if level == depth:
            continue
        for child in tree.children(token):
            if child.dep_ in barriers and not _participle(child) or likens(child):
                continue
            if skip_victims and child.dep_ == "prep" and hit_by(token, child.lower_):
                continue
            if (
                skip_topics
                and child.dep_ == "prep"
                and child.lower_ in grammar()["topic_only_prepositions"]
            ):
                continue
            if child.dep_ == "prep" and (
                says_where(child.lower_, objects=[c for c in child.children if c.dep_ == "pobj"])
                or child.lower_ in grammar()["prepositional_participles"]
            ):
                continue  # "across the US", "services, including UK Online"
            queue.append((child, level + 1))


def victim_of_object(verb, preposition: str, pobj) -> bool:
    """Whether a (preposition, object) pair of ``Roles.preposition_objects`` names whom the
    act that the verb's object names hit: "condemned the attack on the embassy"."""
    holder = pobj.head.head
    return holder is not verb and hit_by(holder, preposition)


def hit_by(noun, preposition: str) -> bool:
    """Whether a preposition after a noun names whom the act the noun names is aimed at."""
    if preposition not in VICTIM_PREPOSITIONS or noun.pos_ != "NOUN":
        return False
    patterns = best_pattern("n:" + noun.lemma_.lower(), ())
    return bool(patterns) and patterns[0].code[:2] >= HOSTILE_FROM


def says_where(preposition: str, code: str = "", objects=()) -> bool:
    """Whether a preposition says where, not at whom nor why: "in the US", but not "at" after
    a hostile act (``code``: "lashed out at the policies of the G7", "fired at the ship"),
    nor before one of ``objects`` that is a noun of reason ("in the face of Iranian
    missiles", "in Japan's favour")."""
    if preposition == "at" and code[:2] >= HOSTILE_FROM:
        return False
    return preposition in grammar()["where_prepositions"] and not any(
        o.lemma_.lower() in grammar()["reason_nouns"] for o in objects
    )


def tells_someone(roles: Roles, trigger) -> bool:
    """Whether the trigger's object is someone ("urged European leaders to ..."): then an
    infinitive it governs is what they are told to do, not what the act is about."""
    return any(roles.mention(o) is not None for o in roles.object_tokens(trigger))


def _participle(token) -> bool:
    """ "gas supplied by Turkmenistan", "the money pledged by the US": a participle that
    qualifies the phrase names the party the thing comes from or goes to."""
    return token.dep_ == "acl" and token.tag_ in ("VBN", "VBG")


def _clause_tokens(tree, clause):
    """The tokens of a complement clause, its subject's phrase first, not entering clauses
    nested in it (what someone else said inside what was said)."""
    subjects = [c for c in tree.children(clause) if c.dep_ in ("nsubj", "nsubjpass")]
    seen: set[int] = set()
    for root in (*subjects, clause):
        for token in _phrase_tokens(tree, root, 6, NESTED_CLAUSE_DEPS):
            if token.i not in seen:
                seen.add(token.i)
                yield token


def _actor_mentions(roles: Roles, token) -> list:
    """The mentions of ``token`` and its conjuncts, but not a capital naming a thing ("the
    Paris accord", "a Brussels summit": there the city places the thing, it does not act),
    nor the conjuncts of a token that names no actor (they are met on their own), nor a name
    the parser joins to a thing."""
    doc = token.doc
    if roles.mention(token) is None:
        return []
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if (
        first is not token
        and token.pos_ == "PROPN"
        and first.pos_ == "NOUN"
        and roles.mention(first) is None
    ):
        # "excluded from the real discussions, the Netherlands, Belgium and Switzerland": a
        # name joined to a thing is the parser's misreading of a list
        return []
    return [
        m
        for m in roles.mentions([token])
        if not (
            m.rule == "metonym"
            and doc[m.head].dep_ == "compound"
            and doc[m.head].head.pos_ == "NOUN"
        )
    ]


def _countries(actors: list[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def _foreign(actor: Actor, own: set[str]) -> bool:
    return bool(actor.country) and actor.country not in own
