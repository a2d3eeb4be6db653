"""Which pattern a French verb triggers: one that needs the object the verb has ("rappeler
son ambassadeur", "mettre en garde"), support to forces as military aid, force made with
words as criticism, and no pattern of its own for a light verb that carries another act ("a
ordonné le rappel de l'ambassadeur"). A mixin of french/roles.py's FrenchRoles."""

from __future__ import annotations

import dataclasses

from .patterns import (
    OBJECTS,
    RECIPROCAL,
    VerbPattern,
    grammar,
    noun_patterns,
    objects_of,
    phrase_nouns,
    verb_lemma,
    verb_patterns,
)
from .verbal import as_criticism


# Prepositions that name whom a pronominal verb's act is aimed at: "s'attaquer à",
# "s'opposer à", "s'allier avec", "se venger contre".
AIMED_PREPOSITIONS = frozenset({"à", "contre", "avec", "sur", "envers", "auprès"})


class VerbRoles:
    """Verb patterns, over FrenchRoles' clause reading and NounRoles' noun patterns."""

    def pattern_of(self, token) -> VerbPattern | None:
        """The verb pattern that ``token`` triggers: one that needs the object the verb has
        ("rappeler son ambassadeur") before one that needs none; None if none fits."""
        patterns = verb_patterns().get(verb_lemma(token))
        if not patterns or self._carries_a_noun(token, patterns):
            return None
        reflexive = any(
            c.lower_ in grammar()["reflexive_pronouns"]
            and (c.dep_.startswith(("expl", "obj")) or (c.dep_ == "iobj" and c.lemma_ == "se"))
            for c in token.children
        )  # "qui se sont livré trois guerres": third-person "se" may be read as indirect
        # a passive's subject is its object: "l'ambassadeur a été convoqué"
        objects = {c.lemma_.lower() for c in token.children if c.dep_ in (*OBJECTS, "nsubj:pass")}
        # and their written forms: a noun used in the plural, which verbs.tsv writes so
        # ("présenter ses excuses", "adresser ses condoléances"), has a singular lemma
        objects |= {c.lower_ for c in token.children if c.dep_ in (*OBJECTS, "nsubj:pass")}
        objects |= {  # "a mis en garde la Turquie": the word of a phrase verb
            c.lemma_.lower()
            for c in token.children
            if c.dep_.startswith("obl") and any(g.lower_ == "en" for g in c.children)
        }
        objects |= {phrase.lemma_.lower() for phrase in phrase_nouns(token)}  # "du doigt"
        if any(  # "condamné à 16 ans de prison": verbs.tsv's object of a sentence
            c.dep_.startswith("obl")
            and c.lemma_.lower() in grammar()["sentence_nouns"]
            and any(g.dep_ == "case" and g.lower_ == "à" for g in c.children)
            for c in token.children
        ):
            objects.add("peine")
        objects |= {  # "dénie toute forme de légitimité"
            n.lemma_.lower()
            for c in token.children
            if c.dep_ in OBJECTS and c.lemma_.lower() in grammar()["kind_nouns"]
            for n in c.children
            if n.dep_ == "nmod"
        }
        if any(p.object == "jusque" for p in patterns) and _sets_a_deadline(token):
            objects.add("jusque")  # verbs.tsv's object of a deadline
        candidates = [p for p in patterns if p.reflexive == reflexive]
        if reflexive and not candidates and self._reciprocal(token):
            # "se" for each other: the plain verb, aimed at the subject's other members
            # when no one else is named where its pattern looks
            candidates = [
                dataclasses.replace(p, targets=(*p.targets, RECIPROCAL))
                for p in patterns
                if not p.reflexive
            ]
        with_object = [p for p in candidates if p.object and p.object in objects]
        plain = [p for p in candidates if not p.object]
        pattern = (with_object or plain or [None])[0]
        military = grammar()["military_support_codes"]
        if (
            pattern is not None
            and pattern.code in military
            and pattern.verb in grammar()["support_verbs"]
            and (
                objects & grammar()["armed_receivers"]
                or any(
                    c.dep_ == "advmod" and c.lower_ in grammar()["military_adverbs"]
                    for c in token.children
                )
            )
        ):
            # "l'Egypte soutient les forces du maréchal Haftar", "soutenu militairement":
            # support given to forces, or in arms
            pattern = dataclasses.replace(pattern, code=military[pattern.code])
        if pattern is not None and self._a_call(token):
            call = grammar()["phone_verbs"].get(pattern.verb, pattern.code)
            pattern = dataclasses.replace(pattern, code=call)
        return as_criticism(pattern, token, lambda: objects_of(token))

    def _reciprocal(self, verb) -> bool:
        """Whether a reflexive verb's "se" means each other: its subject names actors of two
        countries or more ("la Grèce et la Turquie se sont rencontrées"), and no one else is
        named where the act could be aimed ("la France et le Mali s'attaquent aux
        jihadistes": a pronominal verb with its own party)."""
        if any(
            c.pos_ in ("NOUN", "PROPN")
            and (
                c.dep_ in OBJECTS
                or (c.dep_.startswith("obl") and self.preposition(c) in AIMED_PREPOSITIONS)
            )
            for c in verb.children
        ):
            return False
        subjects = [c for s in self.subjects(verb)[0] for c in self.with_conjuncts(s)]
        return len({a.country for a in self.actors_of(subjects) if a.country}) > 1

    def _a_call(self, verb) -> bool:
        """ "il appellerait M. Johnson dès mercredi": a verb of calling (grammar.yaml's
        ``phone_verbs``) with someone to call and nothing they are called to do ("a appelé
        l'Iran à préserver l'accord", "a appelé à la retenue") is a call on the telephone."""
        if verb_lemma(verb) not in grammar()["phone_verbs"]:
            return False
        objects = [c for c in verb.children if c.dep_ in OBJECTS]
        if not objects:
            return False
        # what they are called to do may hang on the verb, on its object ("a appelé les
        # autorités bélarusses à cesser ...") or on the object's last conjunct ("appelle la
        # Turquie et la Grèce à résoudre ...")
        objects += [
            c
            for holder in (verb, *objects)
            for c in holder.children
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
        ]
        return not any(
            g.lower_ in ("à", "a", "au", "aux")
            for holder in (verb, *objects)
            for c in holder.children
            if c.dep_ in ("xcomp", "ccomp", "advcl", "acl") or c.dep_.startswith(("obl", "nmod"))
            for g in c.children
            if g.dep_ in ("mark", "case")
        )

    def _carries_a_noun(self, verb, patterns: list[VerbPattern]) -> bool:
        """ "a ordonné le rappel de l'ambassadeur": a light verb (grammar.yaml's
        ``light_verbs``) whose object is an event noun of another kind of act only carries
        the noun's act ("a imposé un embargo au Mali" is the verb's own act too)."""
        if verb_lemma(verb) not in grammar()["light_verbs"]:
            return False
        roots = {p.code[:2] for p in patterns}
        for noun in verb.children:
            if noun.dep_ in OBJECTS and noun.lemma_.lower() in noun_patterns():
                carried = self.noun_pattern_of(noun)
                if carried is not None and carried.code[:2] not in roots:
                    return True
        return False


def _sets_a_deadline(verb) -> bool:
    """ "ont donné à la junte jusqu'à mardi pour désigner un président": a time "jusqu'à"
    and what must be done by then ("pour" and an infinitive) make a deadline, an ultimatum
    when given (verbs.tsv's rows with the object "jusque")."""
    purpose = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "pour" for m in c.children)
        for c in verb.children
    )
    phrases = [c for c in verb.children if c.dep_.startswith(("obl", "obj"))]
    phrases += [n for c in phrases for n in c.children if n.dep_ == "nmod"]
    return purpose and any(
        any(g.dep_ == "case" and g.lemma_.lower() == "jusque" for g in p.children) for p in phrases
    )
