"""The event coder: sentences with resolved actors in, CAMEO and PLOVER events out.

For each sentence, the triggers (triggers.py: verbs and event nouns whose lemma has
patterns) each match their most specific pattern, which gives the CAMEO code; the dependency
parse gives the source and the target (roles.py, counterparts.py); the words around the
trigger give modality, negation and the date; agreements are collected by agreements.py.

Direction of symmetric events. For meeting, signing, negotiating and cooperating, the
subject is the source and the partner the target ("Putin met with Goita": RUS -> MLI). When
both parties come as one group ("they signed", "Russia and Mali signed", "talks between
Serbia and Kosovo" held by someone unnamed), each acts on the other: one event each way. A
second trigger in the same sentence does not code the reverse of an event already coded.

Within an article there is one event per source code, target code, CAMEO code and
sentence: a second trigger for the same thing in the same sentence adds nothing.
"""

from __future__ import annotations

import logging

from ..actors.tree import tree_of
from ..limits import check_budget
from ..model import Actor, Article
from ..nlp.parse import written
from ..records.event import Location
from .antecedents import ThingMemory, english_words
from .attach import TargetAttacher
from .event_record import coded_event
from .guards import (
    a_company_thing,
    a_figure,
    attacks_words,
    defends_words,
    done_by_a_thing,
    charge_sense,
    compares,
    helps_no_one,
    invitation_sense,
    leaves_something,
    market_sense,
    naming_sense,
    no_force,
    official_protest,
    seizes_a_business,
    suggests_a_fact,
)
from .clause_targets import (
    addresses_its_own,
    complement_targets,
    demanded_of,
    purpose_targets,
)
from .counterparts import (
    says_where,
    located_targets,
    object_phrase_targets,
    passive_subject_targets,
    possessor_targets,
    protest_targets,
    victim_of_object,
)
from .hosts import dateline_target, hosted_targets, story_party
from .modality import clause_modality
from .pairs import event_pairs, is_symmetric, topic_prepositions
from .passive_sources import (
    authorities_of_the_place,
    authors_of_documents,
    claimed_by_the_speaker,
    owner_of_the_act,
)
from .patterns import Pattern, load_patterns
from .nominal import noun_parties, noun_prepositions, sides_unknown
from .clauses import agents_of
from .roles import Roles, coded_actors, grammar
from .statements import (
    disapproving,
    reports_an_act,
    reports_hostility,
    threatened_by_condition,
    warns_of_a_state,
)
from .timing import event_date, is_historical
from .triggers import Trigger, TriggerFinder

logger = logging.getLogger(__name__)

HOSTILE_ROOTS = "11"  # CAMEO roots from 11 (disapprove) to 20 are conflict
STATEMENT, CRITICISM, ACCUSATION = "010", "111", "112"
VERBAL_DEFENCE = "052"
PESSIMISTIC_COMMENT, THREAT = "012", "130"


class ArticleCoder:
    def __init__(
        self,
        article: Article,
        patterns: dict | None = None,
        attacher: TargetAttacher | None = None,
    ):
        self.article = article
        self.attacher = (
            attacher
            if attacher is not None
            else TargetAttacher(
                article,
                saying=grammar()["saying_verbs"],
                concessive=grammar()["concessive_prepositions"],
                topics=grammar()["topic_only_prepositions"],
            )
        )
        self.patterns = patterns if patterns is not None else load_patterns()
        self.doc = article.doc
        self.roles = Roles(self.doc, article.mentions)
        self.tree = tree_of(self.doc)  # subtrees in time linear in their size, however deep
        self.events: list[dict] = []
        self.seen: set[tuple] = set()
        self.trigger_of: dict[str, int] = {}  # event id -> the trigger's token index
        # acts on sanctions and agreements, for their nouns named again
        self.things = ThingMemory(
            english_words(),
            lambda tokens: bool(self.roles.mentions(tokens)),
            lambda tokens: coded_actors(self.roles.mentions(tokens)),
        )

    def run(self) -> list[dict]:
        finder = TriggerFinder(self.roles, self.patterns, self.tree)
        for sentence in self.doc.sents:
            check_budget()
            for trigger in finder.triggers(sentence) + finder.demands(sentence):
                check_budget()  # one sentence may hold a whole text's clauses
                self.code(trigger, sentence)
        return self.events

    # -- one trigger ------------------------------------------------------------------------
    def code(self, trigger: Trigger, sentence) -> None:
        token = trigger.token
        if trigger.pattern.code == "---":
            return  # words that make no event: "met its obligations"
        participle = token.dep_ == "acl" and token.tag_ in ("VBG", "VBN")
        if compares(token):
            return  # "the law was not adopted as planned": a plan referred to, not an act
        if seizes_a_business(token, trigger.pattern.code):
            return  # a purchase: "Nomura took over a British bank"
        if no_force(token, trigger.pattern.code):
            return  # "Reagan, fighting to recover politically", "hit Japanese sales"
        if helps_no_one(token, trigger.pattern.code):
            return  # "tariff cuts to help narrow its trade surplus with the U.S."
        if market_sense(token) or any(
            market_sense(o)
            for o in token.children
            if o.dep_ == "dobj" and o.lemma_.lower() in trigger.pattern.words
        ):
            # "stronger Japanese demand for American goods": buying, not demanding; "imported
            # sugar to meet consumer demand" yields to no one
            return
        mood = clause_modality(token)
        sources, targets = self.parties(trigger, mood)
        if not sources and participle:
            return  # a participle describing a thing: "a framework supporting relations"
        if trigger.key.startswith("a:") and not targets:
            return  # an attitude at no one named: "many Britons are unhappy with their service"
        if token.lemma_.lower() in grammar()["verbs_needing_a_target"] and (
            not targets or leaves_something(token)
        ):
            # going nowhere in particular: "A and B left the session"; or no going at all:
            # "left shipowners a loophole", "leaving the oasis undefended"
            return
        if (
            not sources
            and targets
            and trigger.key.startswith("n:")
            and trigger.pattern.code[:2] in grammar()["story_party_roots"]
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
        ):
            sources = story_party(self.article.mentions, token.idx, targets)
        if not sources:
            # Someone unnamed acts: a subject without a country ("a roadside bomb killed"), or
            # the unsaid agent of a passive ("three civilians were killed").
            subjects, _ = self.roles.subject_tokens(token)
            named = [t for t in subjects[:1] if t.pos_ in ("NOUN", "PROPN")]
            if not (named or targets):
                return
            if named and named[0].lemma_.lower() in grammar()["abstract_objects"]:
                return  # a plan or a delay does not act: "a fresh delay has hit EU rules"
            if subjects[:1] and subjects[0].lower_ in grammar()["thing_pronouns"]:
                return  # "after it failed to win the support of MEPs": "it", no actor, is a thing
            if named and a_company_thing(self.roles, named[0]):
                return  # "Sony PSP console hits US": a product, not a force
            sources = [self.unknown_source(named)]
        modality, negated = mood.modality, mood.negated
        code = mood.code(trigger.pattern.code)
        if suggests_a_fact(token, code):
            code = STATEMENT  # "suggested Germany saw the EU as an empire"
        code = naming_sense(token, code)
        if (
            code == STATEMENT
            and disapproving(token)
            or attacks_words(token, trigger.pattern.code, trigger.pattern.words)
        ):
            code = CRITICISM
        elif defends_words(token, code):
            code = VERBAL_DEFENCE
        elif (
            code == THREAT
            and token.lemma_.lower() in grammar()["warning_verbs"]
            and warns_of_a_state(token)
        ):
            code = PESSIMISTIC_COMMENT
        elif code == STATEMENT and reports_hostility(
            self.roles, self.tree, token, sources, targets
        ):
            code = ACCUSATION
        if code in (STATEMENT, THREAT) and not foreign_targets(targets, sources):
            threatened = threatened_by_condition(self.roles, token, sources)
            if threatened:
                code, targets = THREAT, threatened
        code = official_protest(self.roles, token, sources, code)
        code = charge_sense(self.roles, token, code)
        code = invitation_sense(token, code)
        refusal = mood.refusal(trigger.pattern.code)
        if refusal is not None:
            # a refusal is stated now, whatever mood the refused act was in
            code, negated = refusal, False
            modality = "asserted" if modality in ("hypothetical", "intended") else modality
        date, precision = event_date(token, self.tree, self.article.date, modality)
        historical = is_historical(date, precision, self.article.date)
        location = self.location(token)
        prepositions = (
            noun_prepositions(self.roles, token)
            if token.pos_ == "NOUN"
            else self.roles.preposition_objects(token)
        )
        mutual = any(
            preposition in ("between", "among") and not sides_unknown(self.roles, pobj)
            for preposition, pobj in prepositions
        )
        # "the strikes by France and Mali", "French and Malian troops launched air strikes":
        # an act the text names with a noun is carried out together
        named_act = token.pos_ == "NOUN" or bool(trigger.pattern.words)
        pairs = event_pairs(sources, targets, code, mutual, named_act=named_act)
        if code in grammar()["codes_needing_a_target"]:
            pairs = [(s, t) for s, t in pairs if t is not None]  # hosting no one
        added: set[tuple] = set()  # by this trigger: its own reverse pairs stay
        for source, target in pairs:
            key = (source.code, target.code if target else None, code, sentence.start_char)
            reverse = (target.code if target else None, source.code, code, sentence.start_char)
            if key in self.seen or (
                is_symmetric(code) and reverse in self.seen and reverse not in added
            ):
                continue
            self.seen.add(key)
            added.add(key)
            event = self.record(
                trigger,
                sentence,
                source,
                target,
                code=code,
                modality=modality,
                negated=negated,
                historical=historical,
                date=date,
                precision=precision,
                location=location,
            )
            self.trigger_of[event["id"]] = token.i
            self.events.append(event)
            self.things.remember(token, source, target)

    def parties(self, trigger: Trigger, mood) -> tuple[list[Actor], list[Actor]]:
        token, pattern = trigger.token, trigger.pattern
        roles = self.roles
        passive = False
        if trigger.key.startswith("n:"):
            sources, targets = noun_parties(self.roles, token, pattern)
        else:
            subject_tokens, passive = roles.subject_tokens(token)
            if passive and done_by_a_thing(roles, subject_tokens):
                return [], []
            # "Taiwan's trade surplus hit a record": a figure a country qualifies does not act
            subject_tokens = [t for t in subject_tokens if not a_figure(roles, t)]
            sources = coded_actors(roles.mentions(subject_tokens))
            if not sources and not passive:
                # "the closures arranged by Israel restrict ...", "the attack by Iraq killed
                # ...": a subject that is a thing done stands for whoever did it
                sources = coded_actors(
                    roles.mentions(
                        [a for t in subject_tokens if t.pos_ == "NOUN" for a in agents_of(t)]
                    )
                ) or authors_of_documents(roles, subject_tokens)
            if pattern.target == "giver" and not passive:
                # "Jordan was to receive 1.25 billion dlrs from Algeria": the one it comes
                # from gives it, to the subject
                givers = [pobj for _, pobj in roles.preposition_objects(token, "from")]
                # "will receive loans totalling 390 mln dlrs from Japan": "from" inside what
                # is received
                givers = givers or [
                    pobj
                    for thing in roles.object_tokens(token)
                    for word in thing.subtree
                    if word.dep_ == "prep" and word.lower_ == "from"
                    for pobj in word.children
                    if pobj.dep_ == "pobj"
                ]
                # "receive IMF support": the giver may also qualify what is received
                givers = givers or roles.object_tokens(token)
                found = coded_actors(roles.mentions(givers))
                return (found, sources) if found else (sources, [])
            if passive:
                targets = coded_actors(roles.mentions(roles.passive_target_tokens(token)))
            else:
                targets = self._targets(token, pattern, sources)
        if (
            not targets
            and token.dep_ in ("advcl", "conj", "xcomp")
            and not passive
            and not pattern.target
        ):
            head_pattern = Pattern(pattern.trigger, (), "", pattern.code, pattern.source)
            targets = self._targets(token.head, head_pattern, sources)
        if not any(s.country for s in sources):
            held, aimed = owner_of_the_act(roles, token, pattern, passive)
            if held:
                sources, targets = held, aimed or targets
        if passive and not any(s.country for s in sources):
            sources = (
                authorities_of_the_place(roles, token, pattern.code)
                or claimed_by_the_speaker(roles, token, pattern.code, targets)
                or sources
            )
        own = {s.country for s in sources}
        if not any(t.country and t.country not in own for t in targets) and (
            pattern.code.startswith("01") and reports_an_act(roles, self.tree, token)
        ):
            return sources, targets  # news of someone's act, told to no one in particular
        if addresses_its_own(pattern, targets, own):
            # "Ministers called on the EC Commission to prepare a report on U.S.-Japanese
            # trade": the appeal is to the speaker's own side, named where the pattern says
            return sources, targets
        if not any(t.country and t.country not in own for t in targets) and pattern.target not in (
            "none",
            "ccomp",
        ):
            # No target, one without a country ("mobilized army reservists for a war against
            # Iraq") or the source's own ("vetoed its bid", with "its" read as Austria's):
            # look where news puts the other side.
            targets = self.counterparts(token, pattern, sources, passive) or targets
        targets = hosted_targets(targets, sources, pattern.code, self.article.dateline_country)
        if pattern.target not in ("none", "ccomp") and not any(
            t.country and t.country not in own for t in targets
        ):
            # the grammar found no one on the other side: the model may (attach.py); a
            # demand is made only of whom its clause says must act
            kind = "statements" if pattern.code.startswith("01") else None
            attached = self.attacher.attach(
                token, pattern.code, sources, kind, (mood.modality, mood.negated)
            )
            if attached is not None:
                targets = [attached]
            else:
                # "NAIROBI - The Somali president arrived for a three-day visit": a visit
                # that neither the clause nor the model places is to the dateline's country
                targets = (
                    dateline_target(
                        self.roles, token, sources, pattern.code, self.article.dateline_country
                    )
                    or targets
                )
        return sources, targets

    def counterparts(self, token, pattern: Pattern, sources, passive: bool) -> list[Actor]:
        roles, tree = self.roles, self.tree

        def actors_of(mentions):
            return coded_actors(mentions, pattern.target == "place")

        if passive:
            found = passive_subject_targets(roles, tree, token, sources, actors_of)
        else:
            # what some verbs of saying take as their object is what is said, not whom it is
            # said to ("Noting the reactions of U.S. banks, Funaro told journalists";
            # grammar.yaml's ``content_object_verbs``)
            said = (
                pattern.code.startswith("01")
                and token.lemma_.lower() in grammar()["content_object_verbs"]
            )
            found = (
                (
                    not said
                    and object_phrase_targets(roles, tree, token, sources, actors_of, pattern.code)
                )
                or protest_targets(roles, tree, token, sources, actors_of, pattern.code)
                or complement_targets(roles, tree, token, sources, actors_of)
                or purpose_targets(roles, tree, token, sources, actors_of)
                or possessor_targets(self.article.mentions, tree, token, sources, pattern.code)
            )
        return (
            found
            or self.things.targets(token, sources, pattern.code.startswith("01"))
            or located_targets(roles, token, sources, pattern.code)
        )

    def _targets(self, token, pattern: Pattern, sources=()) -> list[Actor]:
        roles = self.roles
        allow_places = pattern.target == "place"
        if pattern.target == "none":
            return []
        if pattern.target == "ccomp":
            return demanded_of(roles, token)
        if pattern.target == "object":
            return coded_actors(roles.mentions(roles.object_tokens(token)), allow_places)
        only = pattern.target[5:] if pattern.target.startswith("prep:") else None
        if only is None:
            found = coded_actors(roles.mentions(roles.object_tokens(token)), allow_places)
            if found:
                return found
        helpers = grammar()["helper_nouns"]
        judged = token.lemma_.lower() in grammar()["appraising_verbs"]
        topics = topic_prepositions(token, pattern.code, sources)
        pairs = [
            (preposition, pobj)
            for preposition, pobj in roles.preposition_objects(token, only)
            if (allow_places or not says_where(preposition, pattern.code))
            and preposition not in topics
            and not (preposition == "with" and pobj.lemma_.lower() in helpers)
            # "condemned the attack on the French embassy": not whom the judged act hit
            and not (judged and victim_of_object(token, preposition, pobj))
        ]
        if pattern.code[:2] >= HOSTILE_ROOTS:
            # "filed a complaint against Brussels with the WTO": a hostile act is aimed
            # "against" someone; "with" names where, or with whom, it is done
            pairs.sort(key=lambda pair: pair[0] != "against")
        # An actor named outright ("the blockade of Serbia") before one that only qualifies
        # another noun ("with Albania's backing").
        for direct in (True, False):
            for preposition, pobj in pairs:
                if direct and not roles.names_actor(pobj):
                    continue
                found = coded_actors(roles.mentions([pobj]), allow_places)
                if found:
                    return found
        if token.lemma_.lower() in grammar()["clause_addressee_verbs"]:
            # "demanded that the Turkish government provide information": who is to act is
            # whom the demand is made of
            for clause in token.children:
                if clause.dep_ == "ccomp":
                    found = coded_actors(roles.mentions(roles.subject_tokens(clause)[0]))
                    if found:
                        return found
        for child in token.children:  # "agreed to enhance cooperation with X"
            if child.dep_ == "xcomp":
                found = self._targets(
                    child, Pattern(pattern.trigger, (), "", pattern.code, pattern.source), sources
                )
                if found:
                    return found
        return []

    def unknown_source(self, subjects) -> Actor:
        """Someone the text does not name, or names without a country ("a roadside bomb")."""
        text = ""
        if subjects:
            subtree = self.tree.subtree_indices(subjects[0])
            text = self.doc[subtree[0] : subtree[-1] + 1].text
        return Actor(None, None, (), None, text, None, "unknown")

    # -- attributes ---------------------------------------------------------------------------
    def location(self, token) -> dict | None:
        for mention in self.roles.locations(token):
            actor = mention.actors[0]
            if actor.country:
                return {"text": actor.text, "country": actor.country}
        return None

    def record(
        self,
        trigger,
        sentence,
        source,
        target,
        *,
        code,
        modality,
        negated,
        historical,
        date,
        precision,
        location,
    ) -> dict:
        """The event as the dict articles carry (``Event.to_dict()``: the contract's shape)."""
        token = trigger.token
        words = [token] + [c for c in token.children if c.dep_ == "prt"]
        trigger_text = " ".join(written(token.doc[w.i : w.i + 1]) for w in words)
        return coded_event(
            self.article.id,
            sentence,
            token.i,
            trigger_text,
            code,
            source,
            target,
            specific=bool(trigger.pattern.words),
            modality=modality,
            negated=negated,
            historical=historical,
            date=date,
            precision=precision,
            location=Location.from_dict(location),
            origin=trigger.pattern.origin,
        )


def foreign_targets(targets, sources) -> bool:
    """Whether any target is of another country than the sources'."""
    own = {s.country for s in sources}
    return any(t is not None and t.country and t.country not in own for t in targets)
