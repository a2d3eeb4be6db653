"""Nominal events: who holds "a meeting between A and B", "A's visit to B", "talks with B",
"a demand by the IMF" (triggers that are nouns, keyed ``n:LEMMA`` in the patterns)."""

from __future__ import annotations

from ..model import Actor
from .pairs import is_symmetric, organised
from .patterns import Pattern
from .roles import Roles, coded_actors, grammar


def noun_parties(roles: Roles, token, pattern: Pattern) -> tuple[list[Actor], list[Actor]]:
    """Nominal events: "a meeting between A and B", "A's visit to B", "talks with B"."""
    possessors = [c for c in token.children if c.dep_ in ("poss", "compound", "amod")]
    agents = coded_actors(roles.mentions([p for _, p in roles.preposition_objects(token, "by")]))
    if not agents and pattern.code[:2] not in grammar()["located_target_roots"]:
        # "protests from Taiwan", "a request from Manila": "from" names who acts, as "by"
        # does; not where a force moves ("the withdrawal from Lebanon")
        agents = coded_actors(
            roles.mentions([p for _, p in noun_prepositions(roles, token, "from")])
        )
    if agents:
        # "a Moscow visit by Shultz": the agent acts; a place or country before the noun
        # is where it is aimed.
        aimed = coded_actors(roles.mentions(possessors), allow_places=True)
        aimed = [a for a in aimed if a.country not in {g.country for g in agents}]
        return agents, aimed or reacting(roles, token, agents)
    # "returning from a U.S. visit": a name compounded with a visit is where it goes; whose
    # visit it is, "Shultz's visit", "the Chinese visit", comes as a possessive or adjective
    destinations = [
        p
        for p in possessors
        if pattern.target == "place" and p.dep_ == "compound" and p.pos_ == "PROPN"
    ]
    possessors = [p for p in possessors if p not in destinations]
    sources = coded_actors(roles.mentions(possessors))
    if not sources and is_symmetric(pattern.code):
        # "a meeting of the foreign ministers of India and Pakistan": the parties it is of
        # hold it together, with each other
        members = coded_actors(
            roles.mentions([p for _, p in noun_prepositions(roles, token, "of")])
        )
        # states or their agents, not "a meeting of Soviet and British businessmen"
        if len({a.country for a in members if organised(a)}) > 1:
            return members, []
    between = [p for _, p in noun_prepositions(roles, token, "between")]
    if any(sides_unknown(roles, p) for p in between):
        between = []
    if between and not sources:
        # "talks between Serbia and Kosovo": the parties act on each other, each way
        # (``event_pairs`` with ``mutual``), whoever holds the talks
        return [], coded_actors(roles.mentions(between))
    if (
        not sources
        and token.dep_ == "dobj"
        and token.head.lemma_.lower() in grammar()["receiving_verbs"]
        # "Britain and France have drawn up proposals": a verb with a particle of making
        # makes what it takes, it does not receive it
        and not any(
            c.dep_ == "prt" and c.lower_ in grammar()["making_particles"]
            for c in token.head.children
        )
    ):
        # "Japan drew criticism from China": the subject is on the receiving end, and
        # "from" names who acts
        givers = [p for _, p in roles.preposition_objects(token.head, "from")]
        givers += [p for _, p in roles.preposition_objects(token, "from")]
        return (
            coded_actors(roles.mentions(givers)),
            coded_actors(roles.mentions(roles.subject_tokens(token.head)[0])),
        )
    if not sources and token.dep_ in ("dobj", "pobj", "nsubj"):
        holder = token.head
        if (
            token.dep_ == "pobj"
            and holder.lower_ == "of"
            and holder.head.lemma_.lower() in grammar()["span_nouns"]
            and holder.head.dep_ == "pobj"
        ):
            holder = holder.head.head  # "after a day of meetings with Bush, Clark said"
        if token.dep_ == "pobj" and holder.head.pos_ in ("VERB", "AUX"):
            holder = holder.head  # "negotiators return to Geneva for talks"
        if holder.lemma_.lower() not in grammar()["appraising_verbs"]:
            # "Beijing described the embargo as a product of the Cold War": who speaks of
            # an act, or judges it, did not do it
            sources = coded_actors(roles.mentions(_holders(roles, holder, token)))
        if not sources and token.dep_ == "nsubj":
            sources = _reporting_party(roles, token, pattern)
    targets = []
    # "the invasion of South Lebanon", "the blockade of Serbia", "the attack on Gaza": after
    # a noun of an act aimed at another party, "of", "on" and "against" name that party, and
    # a place names its country.
    aimed = (
        pattern.code[:2] in grammar()["other_directed_roots"] | grammar()["located_target_roots"]
    )
    for preposition, pobj in noun_prepositions(roles, token):
        # "a request to Washington": a capital or a country addressed, not a destination
        places = (
            pattern.target == "place"
            or (aimed and preposition in ("of", "on", "against"))
            or preposition == "to"
        )
        if preposition == "between" and sides_unknown(roles, pobj):
            continue
        if (
            preposition in ("with", "to", "on", "against", "between", "for", "over")
            or (pattern.target == "place" and preposition in ("to", "in"))
            or (aimed and preposition == "of")
        ):
            targets = coded_actors(roles.mentions([pobj]), places)
            if targets:
                break
    targets = targets or coded_actors(roles.mentions(destinations), allow_places=True)
    return sources, targets or reacting(roles, token, sources)


def sides_unknown(roles: Roles, pobj) -> bool:
    """ "talks between banks and Mexico, Chile, and Venezuela": where a party "between" names
    is no actor, the sides are not known; the states are on one side, not with each other."""
    return any(
        not coded_actors([m for m in [roles.mention(part)] if m is not None])
        for part in (pobj, *pobj.conjuncts)
    )


def _reporting_party(roles: Roles, token, pattern: Pattern) -> list[Actor]:
    """ "Talks with Iran ended in Geneva, the French ministry said": talks with another
    party, reported by a side with no other party named, are that side's own talks; so is
    a meeting of a body ("Baker said the meeting of six major industrial nations ...")."""
    clause = token.head
    if (
        pattern.code[:2] not in grammar()["reported_party_roots"]
        or clause.dep_ != "ccomp"
        or clause.head.lemma_.lower() not in grammar()["saying_verbs"]
        or not (noun_prepositions(roles, token, "with") or _of_a_body(roles, token))
    ):
        return []
    return coded_actors(roles.mentions(roles.subject_tokens(clause.head)[0]))


def _of_a_body(roles: Roles, token) -> bool:
    """Whether the noun is "of" an intergovernmental body: "the meeting of NATO ambassadors"."""
    of = [pobj for _, pobj in noun_prepositions(roles, token, "of")]
    return any(actor.country == "IGO" for actor in coded_actors(roles.mentions(of)))


def noun_prepositions(roles: Roles, token, only: str | None = None) -> list:
    """The noun's (preposition, object) pairs, then those of "with" and "between" on a
    participle that describes it: in "the meetings scheduled next month between Reagan and
    Nakasone" and "talks held in Geneva with Iran", the parser hangs the parties on the
    participle."""
    pairs = roles.preposition_objects(token, only)
    for participle in token.children:
        if participle.dep_ == "acl" and participle.tag_ == "VBN":
            pairs += [
                (preposition, pobj)
                for preposition, pobj in roles.preposition_objects(participle, only)
                if preposition in ("with", "between")
            ]
    return pairs


def reacting(roles: Roles, token, sources: list[Actor]) -> list[Actor]:
    """ "Sudan rejected a demand by the IMF", "Turkey welcomed the EU's offer": who reacts
    to an act (grammar.yaml's ``reaction_verbs``) is whom it was made of."""
    if (
        not sources
        or token.dep_ != "dobj"
        or token.head.lemma_.lower() not in grammar()["reaction_verbs"]
    ):
        return []
    own = {s.country for s in sources}
    subjects = roles.subject_tokens(token.head)[0]
    return [a for a in coded_actors(roles.mentions(subjects)) if a.country not in own]


def _holders(roles: Roles, verb, noun) -> list:
    """Who holds an event noun on a verb: the verb's subject. In the passive, one in a phrase
    of its own ("During a visit to the U.S., Kondo was asked by Volcker") is the passive
    subject's, whom the clause is about, not the agent's; an object stays the agent's ("the
    talks were held by Iran")."""
    subjects, passive = roles.subject_tokens(verb)
    if passive and noun.dep_ == "pobj":
        told = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if roles.mentions(told):
            return told
    return subjects
