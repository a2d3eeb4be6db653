"""The parties of a French event noun: who makes the visit, the sanctions or the support, and
to whom ("la visite d'Emmanuel Macron au Mali", "a décidé la fermeture des frontières avec
le Mali", "le soutien que nous apportons au Mali"). A mixin of french/roles.py's FrenchRoles,
whose subjects, obliques and actors it uses."""

from __future__ import annotations

import dataclasses

from ..events.pairs import fights, is_symmetric
from ..model import Actor
from .patterns import SUBJECTS, VerbPattern, grammar, noun_patterns, verb_lemma, with_etre
from .verbal import as_criticism


# how far into the phrase of sanctions their target is looked for ("d'un embargo vieux de
# 30 ans sur la vente d'armes à Chypre": 12 tokens)
SANCTION_PHRASE_TOKENS = 16


class NounRoles:
    """Event nouns' patterns and parties, over FrenchRoles' clause reading."""

    def noun_pattern_of(self, noun) -> VerbPattern | None:
        """The event noun's pattern: one that needs the "de" complement the noun has ("la
        fermeture des frontières") before one that needs none."""
        patterns = noun_patterns().get(noun.lemma_.lower(), [])
        if patterns and _in_a_set_phrase(noun):
            return None  # "en échange du scientifique", "un accord de libre-échange"
        objects = {p.object for p in patterns if p.object}
        complements = {  # looked for only where a pattern needs one
            c.lemma_.lower()
            for c in (noun.children if objects else ())
            if c.dep_ == "nmod" and self.preposition(c) == "de"
        }
        with_object = [p for p in patterns if p.object and p.object in complements]
        plain = [p for p in patterns if not p.object]
        pattern = (with_object or plain or [None])[0]
        military = grammar()["military_support_codes"]
        if pattern is not None and pattern.code in military and self._military_support(noun):
            pattern = dataclasses.replace(pattern, code=military[pattern.code])
        return as_criticism(pattern, noun, lambda: self.obliques(noun, "contre"))

    def _military_support(self, noun) -> bool:
        """ "un soutien militaire", "son appui aux troupes nigériennes" (grammar.yaml's
        ``support_nouns``)."""
        words = grammar()
        if noun.lemma_.lower() not in words["support_nouns"]:
            return False
        if any(
            c.dep_ == "amod" and c.lemma_.lower() in words["military_qualifiers"]
            for c in noun.children
        ):
            return True
        receivers = self.obliques(noun, "à")
        if not receivers and noun.head.pos_ in ("VERB", "AUX"):
            receivers = [t for t in self.obliques(noun.head, "à") if t.i > noun.i]
        if any(r.lemma_.lower() in words["armed_receivers"] for r in receivers):
            return True
        # "un précieux soutien des Etats-Unis dans la conduite de l'opération": support
        # in an operation
        places = self.obliques(noun, "dans")
        if not places and noun.head.pos_ in ("VERB", "AUX"):
            places = [t for t in self.obliques(noun.head, "dans") if t.i > noun.i]
        return any(
            t.lemma_.lower() in words["armed_receivers"] for place in places for t in place.subtree
        )

    def noun_parties(self, noun, pattern: VerbPattern) -> tuple[list[Actor], list[Actor]]:
        """An event noun's agent ("la visite d'Emmanuel Macron"), else the subject of the
        clause it sits in; its target after one of the pattern's prepositions."""
        agents = [c for c in noun.children if c.dep_ == "nmod" and self.preposition(c) == "de"]
        # "des protestations de l'ONU, de l'Union européenne et de la France": each of them;
        # not of an act parties do together, where "l'accord de la France et de Malte" is
        # more often the consent of each than an agreement between the two
        agents += [
            c
            for agent in agents
            for c in agent.children
            if c.dep_ == "conj" and self.preposition(c) == "de" and not is_symmetric(pattern.code)
        ]
        acted_on = [a for a in agents if a.lemma_.lower() == pattern.object]
        if pattern.object:  # "la fermeture des frontières": what is closed does not act
            agents = [a for a in agents if a.lemma_.lower() != pattern.object]
        # "la levée par les États-Unis d'un embargo": who acts, after "par"
        phrases = [c for c in noun.children if c.dep_.startswith(("obl", "nmod"))]
        sources = self.actors_of([c for c in phrases if self.preposition(c) == "par"])
        sources = sources or self.actors_of(agents)
        governor = noun.head
        taken_by_verb = (
            noun.dep_ == "obj" and verb_lemma(governor) not in grammar()["light_verbs"]
        ) or (  # "a dénoncé des sanctions": whose sanctions, the clause does not say
            governor.pos_ in ("VERB", "AUX")
            and (governing := self.pattern_of(governor)) is not None
            # "s'envolera pour une rencontre avec": an act of its own, the verb's purpose
            and (self.preposition(noun) != "pour" or governing.code == pattern.code)
        )  # "participent à l'opération": the verb's act, not the clause's subjects' together
        through_adverb = False
        undergoer: list[Actor] = []  # a passive clause's subject: "placé sous embargo"
        carrier = self._relative_carrier(noun)
        if not sources and carrier is not None:
            # "le soutien que nous apportons au Mali": who carries the act is the relative
            # clause's subject, and the other party may hang on its verb
            sources = self.actors_of(self.subjects(carrier)[0])
        elif not sources and not taken_by_verb and not self._referenced_agreement(noun, pattern):
            clause = noun.head
            while clause.pos_ in ("NOUN", "PROPN", "ADV") and clause.head.i != clause.i:
                through_adverb = through_adverb or clause.pos_ == "ADV"
                clause = clause.head  # "à l'issue d'un sommet avec", "lors d'un entretien"
            if clause.pos_ in ("VERB", "AUX"):
                subjects, passive = self.subjects(clause)
                if passive and not with_etre(clause) and noun.dep_ not in SUBJECTS:
                    # "le Mali a été placé sous embargo par ses voisins": the agent does it,
                    # to the subject
                    agents = [c for c in clause.children if c.dep_ == "obl:agent"]
                    sources = self.actors_of(agents or self.obliques(clause, "par"))
                    undergoer = self.actors_of(subjects)
                else:
                    sources = self.actors_of(subjects)
                    # "après l'attaque, le ministère a placé le Niger en zone rouge": a noun
                    # that only says when the clause happens, unless the clause's subjects
                    # are its parties ("après un sommet, Macron et Merkel ont renoncé")
                    timed = self.preposition(noun) in grammar()["time_prepositions"]
                    through_adverb = through_adverb or (timed and len(sources) < 2)
        targets: list[Actor] = []
        for where in pattern.targets:
            found = self.obliques(noun, where)
            if not found:  # "la fermeture des frontières avec le Mali"
                found = [t for thing in acted_on for t in self.obliques(thing, where)]
            if not found and carrier is not None:
                found = self.obliques(carrier, where)
            holder = noun.head
            if noun.dep_ == "nmod" and (
                holder.lemma_.lower() in grammar()["occasion_nouns"]
                or holder.lemma_.lower() in grammar()["message_nouns"]
            ):
                # "a déclaré au cours d'une conférence de presse avec", "remettre une note
                # de protestation au ministère français"
                holder = holder.head
            if not found and holder.pos_ in ("VERB", "AUX", "ADV"):
                # "a apporté son soutien à l'Egypte", "a déclaré lors d'une conférence de
                # presse avec la chancelière": the parser hangs the party on the verb, or on
                # the adverb the noun depends on ("lors d'un entretien avec son homologue")
                found = [t for t in self.obliques(holder, where) if t.i > noun.i]
            targets = self.actors_of(found, aimed=True)
            if targets:
                break
            if found and fights(pattern.code):
                # "une offensive de Barkhane et des FAMa contre l'EIGS": fought together
                self.unknown_party.add(noun.i)
        targets = (
            targets
            or undergoer
            or self._receivers(noun, sources)
            or self._sanctioned(acted_on, sources)
        )
        if through_adverb and not targets:
            # "un militaire a été tué lors d'une opération": the clause's subject takes part
            # in what "lors de" names only when its other party is named ("lors d'un
            # entretien avec son homologue")
            sources = []
        return sources, targets

    def _sanctioned(self, acted_on, sources: list[Actor]) -> list[Actor]:
        """Whom sanctions that an act lifts or eases are aimed at, named in the words after
        them: "la levée par Washington d'un embargo sur la vente d'armes à Chypre" is aimed
        at Cyprus."""
        sanctions = grammar()["things_named_again"]["sanctions"]
        own = {s.country for s in sources}
        for thing in acted_on:
            if thing.lemma_.lower() not in sanctions:
                continue
            # the words after them, up to a clause: the parser often hangs "sur la vente
            # d'armes à Chypre" on the verb
            phrase = []
            for token in thing.doc[thing.i + 1 : thing.i + 1 + SANCTION_PHRASE_TOKENS]:
                if token.is_punct or token.pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
                    break
                phrase.append(token)
            found = [a for a in self.actors_of(phrase, aimed=True) if a.country not in own]
            if found:
                return found[:1]
        return []

    def _receivers(self, noun, sources: list[Actor]) -> list[Actor]:
        """ "Il s'est heurté à un refus du Soudan": the subject of a verb of receiving
        (grammar.yaml's ``receiving_verbs``) is whom the act its noun names is aimed at, when
        the noun's "de" complement names who acts."""
        governor = noun.head
        if (
            not sources
            or governor.pos_ not in ("VERB", "AUX")
            or verb_lemma(governor) not in grammar()["receiving_verbs"]
        ):
            return []
        own = {s.country for s in sources}
        return [a for a in self.actors_of(self.subjects(governor)[0]) if a.country not in own]

    def _referenced_agreement(self, noun, pattern: VerbPattern) -> bool:
        """An agreement named as a thing ("regrettent la décision de sortir de l'accord
        nucléaire", "des discussions sur des accords de libre-échange") is no agreement the
        clause's subject makes: that takes a verb that reaches one ("sont parvenus à un
        accord avec", "l'accord conclu avec", grammar.yaml's ``agreement_reaching_verbs``)
        or only carries it (``light_verbs``)."""
        if not pattern.code.startswith(tuple(grammar()["agreement_codes"])):
            return False
        reaching = grammar()["agreement_reaching_verbs"] | grammar()["light_verbs"]
        governor = noun.head
        if governor.pos_ in ("VERB", "AUX") and verb_lemma(governor) in reaching:
            return False
        return not any(
            c.dep_ in ("acl", "acl:relcl") and verb_lemma(c) in reaching for c in noun.children
        )

    def _relative_carrier(self, noun):
        """The verb of a relative clause whose object is ``noun`` ("l'aide que la France
        apporte"), if it only carries the act (grammar.yaml's ``light_verbs``)."""
        for clause in noun.children:
            if (
                clause.dep_ == "acl:relcl"
                and verb_lemma(clause) in grammar()["light_verbs"]
                and any(c.dep_ == "obj" and c.lower_ in ("que", "qu'") for c in clause.children)
            ):
                return clause
        return None


def _in_a_set_phrase(noun) -> bool:
    """ "en échange de", "libre-échange", "le coup d'envoi": grammar.yaml's ``idiom_nouns``."""
    marks = grammar()["idiom_nouns"].get(noun.lemma_.lower())
    if not marks:
        return False
    doc = noun.doc
    hyphenated = noun.i >= 2 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].lower_ in marks
    return (
        hyphenated
        or noun.head.lemma_.lower() in marks
        or any(c.dep_ == "case" and c.lower_ in marks for c in noun.children)
    )
