"""Roles: who is the source and who the target of a trigger, read off the dependency parse.

Handles the subject of the clause, coordinated subjects ("Russia and Mali signed"), the
passive ("was attacked by X": X is the source), relative clauses ("the president, who
arrived": the president), participles and infinitives that share their governing clause's
subject ("..., agreeing to enhance cooperation"), objects, indirect objects and prepositional
objects, also when the preposition hangs on the object ("ties with France").
"""

from __future__ import annotations

import dataclasses

from ..model import Actor, Mention
from .clauses import (
    infinitive_subjects,
    likens,
    outer_speaker_verb,
    passive_objects,
    participle_clause,
    passive_modifier,
    quoted_speakers,
    stranded_object,
)
from .word_lists import grammar

RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
SHARED_SUBJECT_DEPS = {"xcomp", "advcl", "conj", "acl", "acomp"}
TARGET_PREPOSITIONS = (
    "with",
    "to",
    "against",
    "on",
    "at",
    "from",
    "for",
    "toward",
    "towards",
    "into",
    "over",
    "upon",
    "between",
    "among",
    "of",
    "in",
)


class Roles:
    """Maps tokens to the mentions of one article and finds the roles of triggers."""

    def __init__(self, doc, mentions: list[Mention]):
        self.doc = doc
        self.by_head: dict[int, Mention] = {}
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            self.by_head.setdefault(mention.head, mention)
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span or ():
                self.by_token.setdefault(token.i, mention)

    def mention(self, token) -> Mention | None:
        found = self.by_head.get(token.i) or self.by_token.get(token.i)
        if found is None and not likens(token):
            # A noun that is no actor stands for the actor that qualifies it: "sought Russian
            # support" is a request to Russia, "Mali's security" concerns Mali; not "Mali's
            # neighbours", who are others (grammar.yaml's ``relational_nouns``), though "its
            # EC partners" are the Community.
            relation = token.lemma_.lower() in grammar()["relational_nouns"]
            for child in token.children:
                if relation and child.dep_ == "poss":
                    continue
                if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i in self.by_head:
                    qualifier = self.by_head[child.i]
                    if token.lemma_.lower() in grammar()["private_people"]:
                        return _as_civilians(qualifier)  # "a US woman", "British viewers"
                    return qualifier
            if token.lower_ in grammar()["part_nouns"] or token.like_num:
                # "a group of Moroccan diplomats", "thousands of Kurds": the part is the whole.
                for prep in token.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj" and self.mention(pobj) is not None:
                                return self.mention(pobj)
        return found

    def names_actor(self, token) -> bool:
        """Whether the token itself is part of an actor's name, not a noun it qualifies."""
        return token.i in self.by_head or token.i in self.by_token

    def mentions(self, tokens) -> list[Mention]:
        found = []
        for token in tokens:
            # "his Israeli counterpart, Ariel Sharon, and the Palestinian leader": the parser
            # may join the next conjunct to the apposition of an actor (not to examples of a
            # noun that is none: "countries - especially Japan and South Korea - which")
            named = (
                [c for c in token.children if c.dep_ == "appos"]
                if self.mention(token) is not None
                else []
            )
            parts = [token, *token.conjuncts, *(c for a in named for c in a.conjuncts)]
            for part in parts + _gapped_conjuncts(token):
                mention = self.mention(part)
                if mention is not None and mention not in found:
                    found.append(mention)
        return found

    # -- sources ----------------------------------------------------------------------------
    def subject_tokens(self, verb, depth: int = 0) -> tuple[list, bool]:
        """The tokens naming who acts, and whether the clause is passive."""
        children = list(verb.children)
        # "the UK was prepared to veto": the parser may hang the subject on the auxiliary
        children += [
            c
            for aux in verb.children
            if aux.dep_ in ("aux", "auxpass")
            for c in aux.children
            if c.dep_ in ("nsubj", "nsubjpass")
        ]
        agent = [
            pobj
            for c in children
            if c.dep_ == "agent"
            for pobj in c.children
            if pobj.dep_ == "pobj"
        ]
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
            lemma = verb.lemma_.lower()
            stative = lemma in grammar()["stative_participles"] or verb.tag_ == "JJ"
            if (not agent and stative) or (
                lemma in grammar()["speaker_passives"]
                and any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
            ):
                # "Israel is opposed to French mediation": a state, not a passive; Israel
                # opposes. "X was quoted (by Tehran radio) as saying": X speaks.
                return [c for c in children if c.dep_ in ("nsubjpass", "nsubj")], False
            return agent, True
        subjects = [c for c in children if c.dep_ in ("nsubj", "csubj", "expl")]
        quoted = quoted_speakers(verb)
        if quoted:
            # "the spokesman quoted Wallis as saying": Wallis speaks, the spokesman reports
            return quoted, False
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return [verb.head], False
            return [subject], False
        if depth > 4:
            return [], False
        if verb.dep_ == "relcl":
            return [verb.head], False  # "the president, who arrived"
        if passive_modifier(verb, agent):
            # "Iran, attacked by Iraq in 1980", "the ban imposed by Reagan": done by the agent
            # to the noun
            return agent, True
        if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN"):
            head = verb.head
            if (
                self.mention(head) is not None
                or head.dep_ not in ("dobj", "attr")
                or verb.tag_ == "VBN"
            ):
                # "troops stationed in", "protesters demanding"; a past participle says what
                # was done to its noun, not by whom: "to fund expenses associated with it"
                return [head], False
            # "issued a declaration demanding ...": whoever issued it demands
            return self.subject_tokens(head.head, depth + 1)
        if verb.dep_ == "pcomp" and verb.head.dep_ in ("prep", "agent"):
            # "guilty of violating": the subject of "are"; "accused X of violating": X
            holder = verb.head.head
            while holder.dep_ in ("acomp", "prep", "pobj") and holder.head.i != holder.i:
                holder = holder.head
            quoted = quoted_speakers(holder)
            if quoted:
                # "quoted the commander as saying Iranian troops had been repulsed"
                return quoted, False
            objects = [c for c in holder.children if c.dep_ == "dobj"]
            if verb.head.lower_ not in ("of", "for", "from", "with"):
                # "spent two days in Tanzania before heading to Mozambique": who spent them
                objects = []
            return (objects, False) if objects else self.subject_tokens(holder, depth + 1)
        if participle_clause(verb):
            # "Asked about Japan's surplus, Baker said": Baker was asked; "Backed by France,
            # Mali ...": France backs; "SUNA, monitored by the BBC, said": background
            return agent, True
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in grammar()["intent_nouns"]:
            owners = [c for c in verb.head.children if c.dep_ == "poss"]
            if owners:
                # "Turkey's bid to join the EU", "its decision to admit China": the one whose
                # bid or decision it is does the act
                return owners, False
            if (
                verb.head.dep_ == "dobj"
                and verb.head.head.lemma_.lower() in grammar()["intent_holding_verbs"]
            ):
                # "Japan has no plans to impose sanctions": who has the plan; not "welcomed
                # the decision to lift sanctions", someone else's
                return self.subject_tokens(verb.head.head, depth + 1)
        if verb.dep_ in SHARED_SUBJECT_DEPS and verb.head.i != verb.i:
            head = outer_speaker_verb(verb) or verb.head
            if verb.dep_ == "xcomp" and head.lemma_.lower() in grammar()["object_control_verbs"]:
                objects = [c for c in head.children if c.dep_ in ("dobj", "dative")] or [
                    # "called on President Reagan to retaliate": Reagan is the one to act
                    pobj
                    for prep in head.children
                    if prep.dep_ == "prep" and prep.lower_ in ("on", "upon")
                    for pobj in prep.children
                    if pobj.dep_ == "pobj"
                ]
                if objects:  # "urged Iran to stop": Iran is the one to stop
                    return objects, False
            raised = [c for c in head.children if c.dep_ == "nsubjpass"]
            if verb.dep_ == "xcomp" and raised:
                # "a US team was scheduled to meet", "Iran was urged to stop": the passive's
                # subject does the infinitive's act
                return raised, False
            return self.subject_tokens(head, depth + 1)
        return [], False

    def passive_target_tokens(self, verb) -> list:
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            # "Iran, attacked by Iraq": the actor the participle qualifies; not the qualifiers
            # of a thing ("the US ban imposed by Reagan", "the EC measure offered by Danforth")
            return [verb.head] if self.mention(verb.head) is not None else []
        if participle_clause(verb):
            # the main clause's subject, when the participle comes before it
            return [c for c in verb.head.children if c.dep_ == "nsubj" and c.i > verb.i]
        return [c for c in verb.children if c.dep_ == "nsubjpass"] or passive_objects(verb)

    # -- targets ----------------------------------------------------------------------------
    def object_tokens(self, trigger) -> list:
        own = [c for c in trigger.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
        if own or trigger.pos_ != "VERB":
            return own
        if trigger.lemma_.lower() in grammar()["object_control_verbs"]:
            told = infinitive_subjects(trigger)
            if told:
                return told
        # "frigates shelled and destroyed two Iranian platforms": verbs joined with one
        # subject share the object the parser hangs on the last of them.
        for conj in trigger.children:
            if (
                conj.dep_ == "conj"
                and conj.pos_ == "VERB"
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
            ):
                return [c for c in conj.children if c.dep_ == "dobj"]
        return []

    def preposition_objects(self, head, only: str | None = None) -> list:
        """(preposition, object) pairs on ``head`` and on its objects, in preference order."""
        pairs = []
        holders = [head, *self.object_tokens(head)]
        # "said in a letter to the Secretary General": whom the message goes to
        holders += [
            pobj
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "in"
            for pobj in prep.children
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in grammar()["message_nouns"]
        ]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ not in ("prep", "dative") or (only and prep.lower_ != only):
                    continue
                if prep.lower_ in grammar()["prepositional_participles"]:
                    continue  # "offer services, including UK Online": examples, not a party
                if prep.lower_ in grammar()["concessive_prepositions"]:
                    continue  # "despite Spanish opposition": a circumstance, not a party
                objects = [pobj for pobj in prep.children if pobj.dep_ == "pobj"]
                for pobj in objects or stranded_object(prep):
                    pairs.append((prep.lower_, pobj))
        order = {p: n for n, p in enumerate(TARGET_PREPOSITIONS)}
        pairs.sort(key=lambda pair: order.get(pair[0], len(order)))
        return pairs

    def locations(self, trigger) -> list[Mention]:
        """Places the trigger's clause, or the clause it hangs on, says it happened in."""
        holders = [trigger]
        token = trigger
        if trigger.dep_ == "acl" and trigger.head.dep_ == "nsubj":
            # "the minister, touring West Africa, said in Dakar": where the one it describes acts
            holders.append(trigger.head.head)
        while (
            token.dep_ in ("relcl", "advcl", "xcomp", "conj", "pobj", "prep", "npadvmod")
            and token.head.i != token.i
            and len(holders) < 5
        ):
            token = token.head
            holders.append(token)
            if token.pos_ in ("VERB", "AUX"):
                break
        found = []
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                    for place in (p for p in prep.children if p.dep_ == "pobj"):
                        found.extend(self.place_mentions(place))
        return found

    def place_mentions(self, place) -> list[Mention]:
        """The mentions a place noun names: itself, or the name it carries ("the capital
        Kabul", "the northern city of Kirkuk")."""
        return self.mentions([place]) or self.mentions(_named_place(place))


def _named_place(place) -> list:
    """The name a place noun carries: "the capital Kabul", "the northern city of Kirkuk"."""
    named = [c for c in place.children if c.dep_ in ("appos", "compound")]
    named += [
        p
        for of in place.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for p in of.children
        if p.dep_ == "pobj"
    ]
    return named


def _as_civilians(mention: Mention) -> Mention:
    """The private people of the countries a mention names: "a US woman" is American, not
    the United States."""
    actors = [
        dataclasses.replace(
            a,
            code=(a.country or "") + "CVL" if a.country else a.code,
            sectors=("CVL",),
            kind="agent",
        )
        for a in mention.actors
        if a.country != "IGO"
    ]
    return dataclasses.replace(mention, actors=actors)


def coded_actors(mentions, allow_places: bool = False) -> list[Actor]:
    """The actors of mentions that have a country or a sector; places only when
    ``allow_places`` (a place then stands for its government: a visit to Moscow)."""
    actors = []
    for mention in mentions:
        for actor in mention.actors:
            if actor.kind == "place" and not allow_places:
                continue
            if actor.kind == "place":
                actor = Actor(
                    actor.country, actor.country, ("GOV",), actor.name, actor.text, None, "place"
                )
            if actor.country or actor.sectors:
                actors.append(actor)
    return actors


def _gapped_conjuncts(token) -> list:
    """ "spoke to US President George Bush, and the presidents of Sri Lanka and Indonesia": a
    noun the parser joins to the verb after a preposition's object is another object of that
    preposition (the nearest before it)."""
    prep = token.head
    verb = prep.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
        return []
    later_preps = [p.i for p in verb.children if p.dep_ == "prep" and p.i > prep.i]
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ in ("NOUN", "PROPN")
        and c.i > token.i
        and not any(token.i < i < c.i for i in later_preps)
    ]
