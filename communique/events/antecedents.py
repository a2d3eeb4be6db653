"""Things named again: the other side of an act on a thing the article named before.

News names a sanction or an agreement once with its parties ("the EU embargo on arms
exports to China", "imposed sanctions on Iran", "signed a trade pact with Japan") and then by
its noun alone: "the EU pledged to work towards lifting the ban", "Germany called for the
embargo to be lifted", "the Community has challenged the agreement". The act on "the ban" is
aimed at the party the ban was aimed at; the act on "the agreement" at the parties who made
it, other than the source.

A thing named again is a definite noun ("the", "this", a possessive "its" or "their") of a
group of grammar.yaml's ``things_named_again`` that names no actor of its own, in the place
of the trigger's object: its object, its passive subject, a preposition's object, the same
in its infinitive or its "for" clause ("called for the embargo to be lifted"), or the
subject of what a verb of saying says ("Tehran said the sanctions were illegal"). Its
antecedent is the latest event coded before it in the article, between two countries, whose
trigger or object is a noun of the same group. The memory is shared by the languages; each
gives its words (``english_words`` here, french/things.py for French).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable

from ..model import Actor
from .clauses import passive_objects
from .roles import grammar

logger = logging.getLogger(__name__)

DEFINITE = {"the", "this", "that", "these", "those", "its", "their"}
THING_SENTENCES = 3  # how far back a thing named with its parties is looked for
OBJECT_DEPS = {"dobj", "nsubjpass"}


def _acted_on(clause) -> list:
    """A clause's objects, passive subject and prepositions' objects that are nouns."""
    found = []
    for child in clause.children:
        if child.dep_ in OBJECT_DEPS:
            found.append(child)
        elif child.dep_ == "prep":
            found += [c for c in child.children if c.dep_ == "pobj"]
    return [t for t in found if t.pos_ == "NOUN"]


def _inner_clauses(trigger) -> list:
    """Clauses that say what the trigger does: its infinitive ("agreed to extend the pact") or
    a "for" clause ("called for the embargo to be lifted"); not a condition ("if the embargo
    is lifted, it could lead to ...") or a purpose further on."""
    return [
        c
        for c in trigger.children
        if c.dep_ in ("xcomp", "pcomp")
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children))
    ]


def _own_phrase(noun) -> list:
    """The noun's phrase without what it is described as, which the parser may hang on it
    ("challenged the agreement as a violation of GATT practices": GATT is no party to it)."""
    described = {
        t.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree
    }
    return [t for t in noun.subtree if t.i not in described]


@dataclass(frozen=True)
class NamedThing:
    """An event on a thing of a group: what the group is, and its parties."""

    group: str
    source: Actor
    target: Actor


def group_of(groups: dict, lemma: str) -> str | None:
    """The group of ``things_named_again`` a noun's lemma belongs to, if any."""
    for group, nouns in groups.items():
        if lemma in nouns:
            return group
    return None


def thing_nouns(trigger) -> list:
    """The nouns an act is done on: the trigger itself when it is a noun, its objects, passive
    subject and prepositions' objects, and those of a clause saying what it does."""
    found = [trigger] if trigger.pos_ == "NOUN" else []
    found += _acted_on(trigger)
    # "the embargo is likely to be lifted": the subject raised from a passive infinitive
    found += [n for n in passive_objects(trigger) if n not in found and n.pos_ == "NOUN"]
    for clause in _inner_clauses(trigger):
        found += _acted_on(clause)
    if trigger.lemma_.lower() in grammar()["complement_target_verbs"]:
        # what is said of the thing: "Tehran said the sanctions were illegal"
        for clause in trigger.children:
            if clause.dep_ == "ccomp":
                found += [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    return found


@dataclass(frozen=True)
class ThingWords:
    """How a language names things again: its groups, its definite determiners, the nouns a
    trigger acts on and the label of a passive subject."""

    groups: dict
    definite: frozenset
    nouns_of: Callable
    passive_subject: str


def english_words() -> ThingWords:
    return ThingWords(grammar()["things_named_again"], DEFINITE, thing_nouns, "nsubjpass")


class ThingMemory:
    """The events of an article on things of a group, in the order they were coded.

    ``names_actors(tokens)`` says whether tokens name an actor of their own ("the U.S. ban",
    "the ban on arms sales to China"): such a noun has its own parties."""

    def __init__(
        self, words: ThingWords, names_actors: Callable, parties_of: Callable | None = None
    ):
        self.words = words
        self.names_actors = names_actors
        # the actors tokens name, for a thing named with its parties and no act on it ("a
        # 1986 U.S.-Japan pact on microchip trade"); None: only things acted on are known
        self.parties_of = parties_of
        self.things: list[NamedThing] = []

    def remember(self, trigger, source: Actor, target: Actor | None) -> None:
        if target is None or not source.country or not target.country:
            return
        if source.country == target.country:
            return
        for noun in self.words.nouns_of(trigger):
            group = group_of(self.words.groups, noun.lemma_.lower())
            if group is not None:
                self.things.append(NamedThing(group, source, target))
                return

    def named_again(self, noun) -> str | None:
        """The group of a definite noun that names no actor of its own ("lifting the ban"),
        or None ("the ban on China" names its party; "a ban" is a new one)."""
        group = group_of(self.words.groups, noun.lemma_.lower())
        if group is None:
            return None
        if not any(c.lower_ in self.words.definite for c in noun.children if c.i < noun.i):
            return None
        if self.names_actors(_own_phrase(noun)):
            return None
        return group

    def targets(self, trigger, sources: list[Actor], statement: bool = False) -> list[Actor]:
        """The other side of an act on a thing named again, from its antecedent; for a
        statement ("said the accord will not prevent the yen from rising"), only from an
        act coded on it, which says it is in dispute."""
        if not self.things and self.parties_of is None:
            return []
        own = {s.country for s in sources if s.country}
        for noun in self.words.nouns_of(trigger):
            # The noun itself as a trigger ("called for the sanctions to be lifted"), or as the
            # trigger's passive subject ("the 15-year-old ban was imposed after ..."), is the
            # thing coded before told again, not a new act on it.
            told_again = noun.i == trigger.i or (
                noun.head.i == trigger.i and noun.dep_ == self.words.passive_subject
            )
            group = None if told_again else self.named_again(noun)
            if group is None:
                continue
            for thing in reversed(self.things):
                if thing.group != group:
                    continue
                for party in (thing.target, thing.source):
                    if party.country not in own:
                        logger.debug("%r named again: %s", noun.text, party.country)
                        return [party]
                return []
            return [] if statement else self._named_with_parties(noun, group, own)
        return []

    def _named_with_parties(self, noun, group: str, own: set[str]) -> list[Actor]:
        """The other side of a thing no act was coded on, from the latest noun of its group
        before it, within ``THING_SENTENCES``, that names its parties: "President Reagan ...
        alleging that Japan has failed to abide by a 1986 U.S.-Japan pact on microchip trade.
        But the European Community has challenged the agreement" (EC -> USA). Whom the thing
        is aimed at ("on", "against") comes first."""
        if self.parties_of is None:
            return []
        start = noun.sent.start  # back THING_SENTENCES sentences, not through the whole doc
        for _ in range(THING_SENTENCES):
            if start == 0:
                break
            start = noun.doc[start - 1].sent.start
        for earlier in reversed(noun.doc[start : noun.i]):
            if (
                earlier.pos_ != "NOUN"
                or group_of(self.words.groups, earlier.lemma_.lower()) != group
            ):
                continue
            aimed = [
                t
                for prep in earlier.children
                if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "to")
                for t in prep.subtree
            ]
            rest = [t for t in _own_phrase(earlier) if t not in aimed]
            for party in self.parties_of(aimed) + self.parties_of(rest):
                if party.country and party.country not in own:
                    logger.debug("%r named with its parties before: %s", noun.text, party.country)
                    return [party]
        return []
