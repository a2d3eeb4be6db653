"""Triggers: the words of a sentence that carry an event, and the pattern each matches.

Every verb whose lemma has patterns, every event noun ("talks", "visit", "sanctions")
that no verb's pattern already used, and every adjective of attitude said of a subject
("was opposed to", "is critical of") is a trigger; so is a verb that only carries the act
its object names ("made an appeal to Japan": grammar.yaml's ``light_verbs``), and a demand
made by saying ("X said Y must Z", "X told Y to Z").
"""

from __future__ import annotations

from dataclasses import dataclass

from .guards import a_figure
from .patterns import Pattern, best_pattern, frame, verb_lemmas
from ..actors.tree import Tree
from .clauses import infinitive_subjects
from .roles import Roles, grammar


# Resolution rules of mentions that describe who they stand for: a verb inside one is part of
# the description ("countries hit by the tsunami"), not an act.
DESCRIBING_RULES = frozenset({"members", "named_members"})


@dataclass
class Trigger:
    token: object
    key: str  # the pattern index key: a verb lemma or n:noun
    pattern: Pattern


class TriggerFinder:
    """Finds the triggers of an article's sentences against the loaded pattern index."""

    def __init__(self, roles: Roles, patterns, tree: Tree):
        self.roles = roles
        self.patterns = patterns
        self.tree = tree

    def _tagged(self, sentence, tag: str):
        """The sentence's tokens of a coarse part of speech, read off the tree's columns."""
        tags, doc = self.tree.tags, self.tree.doc
        return (doc[i] for i in range(sentence.start, sentence.end) if tags[i] == tag)

    def triggers(self, sentence) -> list[Trigger]:
        patterns = self.patterns
        found: list[Trigger] = []
        consumed: set[int] = set()
        for token in self._tagged(sentence, "VERB"):
            if token.dep_ == "prep" and token.lower_ in grammar()["prepositional_participles"]:
                continue  # a participle as a preposition: "according to", "following"
            described = self.roles.by_token.get(token.i)
            if described is not None and described.rule in DESCRIBING_RULES:
                continue  # "countries hit by the tsunami": part of a description, no act
            lemmas = [lemma for lemma in verb_lemmas(token) if lemma in patterns]
            if token.lemma_.lower() in grammar()["receiving_verbs"] and any(
                c.dep_ == "dobj" and "n:" + c.lemma_.lower() in patterns for c in token.children
            ):
                continue  # "received criticism", "got an invitation": the noun is the event
            words = frame(token) if lemmas else []
            own = next(filter(None, (self._match(token, lemma, words) for lemma in lemmas)), None)
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if own is None or not any(o.lemma_.lower() in own.pattern.words for o in objects):
                # unless the verb has a pattern of its own for this object ("issued an
                # ultimatum", 139)
                light = self._light_verb(token)
                if light is not None:
                    found.append(light)
                    consumed.update(o.i for o in objects)
                    continue
            if own is not None:
                found.append(own)
                # Nouns the pattern used are part of this event ("held talks").
                consumed.update(i for i, word in words if word in own.pattern.words)
        lemmas = self.tree.lemmas
        for token in self._tagged(sentence, "NOUN"):
            key = "n:" + lemmas[token.i]
            if key not in patterns or token.i in consumed:
                continue
            # "a hunger strike": a compound that is an event noun of its own says which event
            # the head is (a protest, not an air strike); the head carries its arguments
            kinds = [
                c
                for c in token.children
                if c.dep_ == "compound" and c.pos_ == "NOUN" and "n:" + c.lemma_.lower() in patterns
            ]
            if kinds:
                consumed.update(c.i for c in kinds)
                key = "n:" + kinds[0].lemma_.lower()
            trigger = self._match(token, key, frame(token))
            if trigger is not None:
                found.append(trigger)
        for token in self._tagged(sentence, "ADJ"):
            # "Britain was firmly opposed to the U.S. proposal", "is critical of Japan": an
            # adjective said of its subject carries the attitude (a:LEMMA in patterns.tsv)
            key = "a:" + lemmas[token.i]
            if token.dep_ != "acomp" or key not in patterns:
                continue
            trigger = self._match(token, key, frame(token))
            if trigger is not None:
                found.append(trigger)
        return found

    def _light_verb(self, token) -> Trigger | None:
        """ "repeated an invitation to Turkey", "made an appeal to Japan", "renewed its call on
        Iran to ...": a verb that only carries its object (grammar.yaml's ``light_verbs``)
        codes as the verb of the act its object names (``nominal_verbs``), with the object's
        own words as the pattern's frame."""
        if token.lemma_.lower() not in grammar()["light_verbs"]:
            return None
        nominals = grammar()["nominal_verbs"]
        for noun in (c for c in token.children if c.dep_ == "dobj"):
            # the noun, or a noun naming the act before it: "undertook a mediation mission"
            named = [noun, *(c for c in noun.children if c.dep_ == "compound")]
            verb = next(
                (nominals[n.lemma_.lower()] for n in named if n.lemma_.lower() in nominals), None
            )
            if verb in self.patterns:
                words = [(i, w) for i, w in frame(noun) if not w.startswith("<")]
                return self._match(token, verb, words)
        return None

    def _match(self, token, key: str, words) -> Trigger | None:
        fallback = None
        for pattern in best_pattern(key, words):
            # "struck Iraq" (195) and "workers struck" (143): an object pattern needs an actor
            # as object when another reading of the same words exists.
            if pattern.target == "object" and not self.roles.mentions(
                self.roles.object_tokens(token)
            ):
                fallback = fallback or pattern
                continue
            return Trigger(token, key, pattern)
        return Trigger(token, key, fallback) if fallback else None

    def _told_to(self, verb) -> bool:
        """Whether a verb has someone do what its infinitive says: an object and the
        infinitive ("told Japan to resolve the row"), or the infinitive's subject, as the
        parser reads "wants Japan to agree" (roles.infinitive_subjects)."""
        if any(c.dep_ == "dobj" for c in verb.children):
            return any(
                c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                for c in verb.children
            )
        # "wants Taiwan's currency to appreciate": a figure a country qualifies is told nothing
        told = [s for s in infinitive_subjects(verb) if not a_figure(self.roles, s)]
        return bool(self.roles.mentions(told))

    def demands(self, sentence) -> list[Trigger]:
        """ "X said Y must Z": X demands of Y (CAMEO 100), whatever Z is; so does "X told Y
        to Z" (the verbs of grammar.yaml's ``ordering_verbs``)."""
        found = []
        for token in self._tagged(sentence, "VERB"):
            lemma = self.tree.lemmas[token.i]
            if lemma in grammar()["ordering_verbs"] and self._told_to(token):
                found.append(
                    Trigger(
                        token,
                        "demand",
                        Pattern(
                            token.lemma_,
                            (),
                            "object",
                            "100",
                            0,
                            origin="grammar.yaml:ordering_verbs",
                        ),
                    )
                )
                continue
            if lemma not in grammar()["demand_verbs"]:
                continue
            for clause in demand_clauses(token):
                if obliges(clause):
                    found.append(
                        Trigger(
                            token,
                            "demand",
                            Pattern(
                                token.lemma_,
                                (),
                                "ccomp",
                                "100",
                                0,
                                origin="grammar.yaml:demand_verbs",
                            ),
                        )
                    )
                    break
        return found


def obliges(clause) -> bool:
    """Whether a clause says its subject must act: "must", "should" or "ought" on its verb
    (grammar.yaml's ``demand_modals``), or "has to", "needs to" (``obligation_verbs``)."""
    if any(c.dep_ == "aux" and c.lower_ in grammar()["demand_modals"] for c in clause.children):
        return True
    # "will need to import more corn", "would have to enact": a forecast, a condition
    foreseen = any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)
    return (
        clause.lemma_.lower() in grammar()["obligation_verbs"]
        and not foreseen
        and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in clause.children
        )
    )


def demand_clauses(verb) -> list:
    """The clauses a verb of saying says something must be done in: its complement ("said
    Iran must release the hostages"), the complement of the speaker's belief it reports
    ("said he believed Brazil must act", grammar.yaml's ``belief_verbs``), or the clause of
    a noun it states ("reiterated Canada's position that the United States should adhere to
    the treaty", ``stance_nouns``)."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    clauses += [
        c
        for belief in clauses
        if belief.lemma_.lower() in grammar()["belief_verbs"]
        for c in belief.children
        if c.dep_ == "ccomp"
    ]
    for thing in verb.children:
        if thing.dep_ == "dobj" and thing.lemma_.lower() in grammar()["stance_nouns"]:
            clauses += [c for c in thing.children if c.dep_ in ("acl", "ccomp")]
    return clauses
