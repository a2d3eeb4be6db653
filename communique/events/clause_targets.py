"""Clause targets: the counterpart an event's clause names in a clause of its own.

- The complement of a verb of saying or of attitude that has no addressee: "Lavrov said
  Washington's sanctions were illegal" (RUS -> USA), "said it would be a mistake to sell
  weapons to Venezuela", "Blair said he looked forward to working with Bush" (GBR -> USA).
- The purpose of an act: "the US lifted a trade ban to reward Tripoli" (USA -> LBY),
  "demonstrators blocked a road to show their disapproval of the United States' policies",
  "proposed a meeting to improve relations with North Korea".

Either clause must name exactly one foreign country (or organisation): a clause naming
several leaves the event without a target, as the text does not say which it is aimed at.

And when none is to be looked for: a verbal act addressed by name to the speaker's own side
("urged the Reagan administration to offer subsidies to the Soviet Union") is aimed at no
one else (``addresses_its_own``).
"""

from __future__ import annotations

import logging

from ..model import Actor
from .counterparts import (
    COMPLEMENT_DEPS,
    OBJECT_DEPTH,
    _actor_mentions,
    _clause_tokens,
    _countries,
    _distinct,
    _foreign,
    _phrase_tokens,
    tells_someone,
)
from .clauses import predicate_approves, predicate_disapproves
from .roles import Roles, coded_actors, grammar
from .statements import SELF_PRONOUNS
from .triggers import demand_clauses, obliges

logger = logging.getLogger(__name__)

SPEAKER_PRONOUNS = frozenset({"he", "she", "we", "i"})

# Verbal acts, addressed to someone: statements, appeals, demands, disapproval, rejection
# and threats. A material act on one's own side ("expelled the envoy") may still be aimed
# at another, as its reason says ("in response to the Iranian attack").
ADDRESSED_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
PRONOUN_WORDS = frozenset({"it", "its", "they", "them", "their", "he", "him", "his", "she", "her"})


def complement_targets(roles: Roles, tree, trigger, sources: list[Actor], actors_of) -> list[Actor]:
    """The one foreign actor a verb of saying's complement clause is about.

    A foreign actor in the complement's subject is the target ("said Washington's sanctions
    were illegal"). A verb that takes a stance (warn, insist, accuse, complain: the
    ``stance_verbs`` of grammar.yaml) may find it anywhere in the clause ("warned that arms
    sales to Venezuela would be a mistake"), and so may a judgement with an empty subject
    ("said it would be a mistake to sell weapons to Venezuela"), and so may a complement that
    disapproves ("said they were very disturbed by the U.S. moves") or feels approval or its
    lack ("said the Philippines is very happy about the ADB's support"); otherwise a plain "said"
    may not, since most of what is said mentions countries without being aimed at them.
    Either way the place searched must name exactly one foreign actor.
    """
    lemma = trigger.lemma_.lower()
    if lemma not in grammar()["complement_target_verbs"]:
        return []
    own = _countries(sources)
    # "urged European leaders to wake up ...": the infinitive is what the object is told to
    # do, not what was said about someone
    told = tells_someone(roles, trigger)
    if lemma in grammar()["stance_verbs"] and _addresses_own_side(roles, trigger, own, actors_of):
        # "the attorney general warned Tony Blair that the Iraq war could be illegal": the
        # warning is given to the speaker's own side, not aimed at what it is about
        return []
    for clause in tree.children(trigger):
        if clause.dep_ not in COMPLEMENT_DEPS or (told and clause.dep_ == "xcomp"):
            continue
        subjects = [c for c in tree.children(clause) if c.dep_ in ("nsubj", "nsubjpass")]
        # "X said it was satisfied": a pronoun subject is the speaker, whatever the reference
        # resolver made of it. "said China's wheat crop fell", "said OPEC production was below
        # its quota": a figure or a matter reported (grammar.yaml's ``figure_nouns``) is no
        # party addressed.
        tokens = [
            t
            for s in subjects
            if s.pos_ != "PRON" and s.lemma_.lower() not in grammar()["figure_nouns"]
            for t in _phrase_tokens(tree, s, OBJECT_DEPTH)
        ]
        subject_actors = [a for t in tokens for a in actors_of(_actor_mentions(roles, t))]
        found = _distinct([a for a in subject_actors if _foreign(a, own)])
        if not found:
            # "said no decisions had been taken - Chinese human rights had improved": a
            # clause joined to the complement is said too, and is about its subject
            found = _distinct(
                [
                    a
                    for a in _joined_subject_actors(roles, tree, clause, actors_of)
                    if _foreign(a, own)
                ]
            )
        joint = any(c.dep_ == "conj" for s in subjects for c in tree.children(s))
        if joint and found and len(found) < len(_distinct(subject_actors)):
            # "Mandelson said the EU and US hoped to avoid ...": what the speaker's side and
            # another do together is said of both, at neither ("Britain's EU rebate is not
            # up for renegotiation" is one thing, of both)
            return []
        # "he said he looked forward to working with Bush": a pronoun subject, the speaker,
        # is the speaker's own side too
        own_side = (bool(subject_actors) and all(a.country in own for a in subject_actors)) or (
            bool(subjects) and all(s.lower_ in SPEAKER_PRONOUNS for s in subjects)
        )
        if not found and own_side and subject_actors and lemma not in grammar()["stance_verbs"]:
            if predicate_disapproves(clause, judgements_only=True):
                # "Ancram said Mr Straw was naive if he accepted China's claim": the
                # judgement falls on the speaker's own side, not on China
                return []
        if not found and (
            lemma in grammar()["stance_verbs"]
            or _extraposed(clause, subjects)
            or predicate_disapproves(clause)
            or predicate_approves(clause)
        ):
            found = _foreign_actors(roles, tree, clause, own, actors_of)
        elif not found and own_side:
            # what the speaker's side does with someone ("he looked forward to working with
            # Bush"), not the topics it is about ("felt let down on issues from Iraq")
            found = _foreign_actors(roles, tree, clause, own, actors_of, _by_topic)
        return found if len(found) == 1 else []
    return []


def _joined_subject_actors(roles: Roles, tree, clause, actors_of) -> list[Actor]:
    """The actors in the subjects (no pronoun, no figure) of the clauses conjoined to a
    complement."""
    subjects = [
        s
        for joined in tree.children(clause)
        if joined.dep_ == "conj" and joined.pos_ in ("VERB", "AUX")
        for s in tree.children(joined)
        if s.dep_ in ("nsubj", "nsubjpass")
        and s.pos_ != "PRON"
        and s.lemma_.lower() not in grammar()["figure_nouns"]
    ]
    tokens = [t for s in subjects for t in _phrase_tokens(tree, s, OBJECT_DEPTH)]
    return [a for t in tokens for a in actors_of(_actor_mentions(roles, t))]


def _addresses_own_side(roles: Roles, trigger, own: set[str], actors_of) -> bool:
    """Whether the trigger's object names actors, all of the source's own countries."""
    addressed = [
        a.country for o in roles.object_tokens(trigger) for a in actors_of(roles.mentions([o]))
    ]
    return bool(addressed) and all(country in own for country in addressed)


def addresses_its_own(pattern, targets: list[Actor], own: set) -> bool:
    """Whether a verbal act (``ADDRESSED_ROOTS``) names whom it addresses, in the pattern's
    own place for the other side ("call on", "urge" and its object), as the source's side,
    by name and not by a pronoun ("vetoed its bid", with "its" read as Austria's, may be a
    misreading)."""
    return (
        pattern.code[:2] in ADDRESSED_ROOTS
        and (pattern.target == "object" or pattern.target.startswith("prep:"))
        and bool(targets)
        and all(t.country in own and t.text.lower() not in PRONOUN_WORDS for t in targets)
    )


def _foreign_actors(roles: Roles, tree, clause, own: set[str], actors_of, skip=None) -> list[Actor]:
    """The actors of other countries than ``own`` that a clause names, one per country
    (none of the tokens ``skip`` rules out, nor what the clause is done in spite of)."""
    return _distinct(
        [
            a
            for t in _clause_tokens(tree, clause)
            if (skip is None or not skip(t, clause)) and not _conceded(t, clause)
            for a in actors_of(_actor_mentions(roles, t))
            if _foreign(a, own)
        ]
    )


def _by_topic(token, clause) -> bool:
    """Whether ``token`` hangs under a preposition of topic or place between it and the
    clause (grammar.yaml's ``topic_prepositions`` and ``where_prepositions``)."""
    return _under(token, clause, grammar()["topic_prepositions"] | grammar()["where_prepositions"])


def _conceded(token, clause) -> bool:
    """Whether ``token`` hangs under a concessive preposition ("wanted it to end, despite US
    objections": grammar.yaml's ``concessive_prepositions``) between it and the clause."""
    return _under(token, clause, grammar()["concessive_prepositions"])


def _under(token, clause, prepositions) -> bool:
    while token.i != clause.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in prepositions:
            return True
        token = token.head
    return False


def _extraposed(clause, subjects) -> bool:
    """ "it would be a mistake to ...", "it was wrong to ...": the clause judges what follows,
    and the one foreign actor there is what the judgement is about."""
    if not (len(subjects) == 1 and subjects[0].lower_ == "it" and clause.lemma_ == "be"):
        return False
    judged = [c for c in clause.children if c.dep_ in ("attr", "acomp")]
    # ... and what is judged follows as an infinitive, on the verb or on the judgement
    return bool(judged) and any(
        verb.pos_ in ("VERB", "AUX")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)
        for holder in (clause, *judged)
        for verb in holder.children
    )


def purpose_targets(roles: Roles, tree, trigger, sources: list[Actor], actors_of) -> list[Actor]:
    """The one foreign actor named by the purpose of an act: an infinitive hung on the
    trigger as an adverbial clause ("lifted a trade ban to reward Tripoli"), or on its object
    (the parser's other reading of the same words)."""
    own = _countries(sources)
    objects = [c for c in tree.children(trigger) if c.dep_ == "dobj"]
    purposes = [c for c in tree.children(trigger) if c.dep_ == "advcl"] + [
        c for o in objects for c in tree.children(o) if c.dep_ in ("relcl", "acl")
    ]
    for clause in purposes:
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tree.children(clause)):
            continue
        found = _foreign_actors(roles, tree, clause, own, actors_of)
        return found if len(found) == 1 else []
    return []


def demanded_of(roles: Roles, verb) -> list[Actor]:
    """ "Britain said Iran must release the hostages": the subject of the complement a
    demand is made of; none when it is a pronoun of the speakers' own ("Spain and Portugal
    argued they should not have to pay": of themselves)."""
    for clause in demand_clauses(verb):
        if obliges(clause):
            subjects = roles.subject_tokens(clause)[0]
            addressed = coded_actors(roles.mentions(_addressees(verb)))
            if addressed and subjects and all(s.pos_ == "PRON" for s in subjects):
                # "issued a stern reminder to Iraq that it must cooperate": the pronoun is
                # the one the demand is addressed to
                return addressed
            if any(s.lower_ in SELF_PRONOUNS for s in subjects):
                return []
            return coded_actors(roles.mentions(subjects))
    return []


def _addressees(verb) -> list:
    """Whom a verb of saying addresses: "told Iraq", "a reminder to Iraq"."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ != "NOUN"]
    for phrase in (verb, *(c for c in verb.children if c.dep_ == "dobj")):
        for prep in phrase.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
                found += [p for p in prep.children if p.dep_ == "pobj"]
    return found
