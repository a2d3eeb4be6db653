"""Clauses that qualify a noun: a past participle ("la Grèce et Chypre, soutenus par la
France") and the infinitive of a noun of intent ("sa volonté de retirer les troupes").

A participle that names its doer ("par la France") is that doer's act on the party the noun
names (FRA -> GRC, FRA -> CYP); one that names none ("les otages enlevés au Bénin") only
describes the noun, and so does one whose doer leads, goes along or reported it
(grammar.yaml's ``describing_participles``: "la coalition menée par l'Arabie saoudite",
"rapporté par l'AFP"). What a noun of intent's infinitive says is the act of whoever holds
the noun (grammar.yaml's ``intent_nouns``).
"""

from __future__ import annotations

from ..model import Actor
from .patterns import grammar, verb_lemma


def participle_parties(roles, participle, head=None) -> tuple[list[Actor], list[Actor]]:
    """The doer and the party of a passive participle qualifying a noun (its ``head``, by
    default the one the parser gave it); none if either is missing or the participle only
    describes."""
    if verb_lemma(participle) in grammar()["describing_participles"]:
        return [], []
    agents = roles.obliques(participle, "par") or misplaced_agents(participle)
    sources = roles.actors_of([t for a in agents for t in roles.with_conjuncts(a)])
    if not sources:
        return [], []
    head = participle.head if head is None else head
    nouns = roles.with_conjuncts(head, ("conj",))
    if not _agrees(participle, nouns) and head.dep_ == "conj":
        # "l'Italie et l'Espagne soutenues par la France": hung on the last of a list
        nouns = roles.with_conjuncts(head.head, ("conj",))
    if not _agrees(participle, nouns):
        return [], []  # "contre les rebelles, soutenus par l'Iran" hung on "l'Arabie"
    # the noun itself must name a party: "un sommet refusé par Macron" is no act on anyone
    targets = list(dict.fromkeys(a for m in roles.mentions_at(nouns) for a in m.actors))
    return (sources, targets) if targets else ([], [])


def set_off_noun(participle):
    """The noun a passive participle set off by a comma qualifies when the parser hung it on
    the clause's verb: the nearest noun before the comma that agrees with it in gender and
    number ("les forces de Haftar, rivales du GNA, appuyé lui par la Turquie": the GNA). None
    for any other participle, and for one that names no doer."""
    verb, doc = participle.head, participle.doc
    if not (
        participle.dep_ == "advcl"
        and verb.pos_ in ("VERB", "AUX")
        and verb.i < participle.i
        and "Part" in participle.morph.get("VerbForm")
        and "Past" in participle.morph.get("Tense")
        and not any(c.dep_.startswith("aux") for c in participle.children)
        and doc[participle.i - 1].text == ","
        and misplaced_agents(participle)
    ):
        return None
    for token in reversed(doc[verb.i + 1 : participle.i - 1]):
        if token.pos_ in ("NOUN", "PROPN") and all(
            not token.morph.get(feature)
            or token.morph.get(feature) == participle.morph.get(feature)
            for feature in ("Gender", "Number")
        ):
            return token
    return None


def _agrees(participle, nouns) -> bool:
    """Whether a participle agrees in number with the nouns it qualifies, as French
    participles do: plural for several, or for a plural noun."""
    number = participle.morph.get("Number")
    noun_number = ["Plur"] if len(nouns) > 1 else nouns[0].morph.get("Number")
    return not number or not noun_number or number == noun_number


def misplaced_agents(verb) -> list:
    """ "Paris est classée en zone rouge par la Belgique": the parser may hang the passive's
    agent on a word of the verb's complement ("rouge"); it still labels it the agent. Not
    below another verb, whose agent it would be."""
    found, stack = [], [c for c in verb.children if c.pos_ not in ("VERB", "AUX")]
    while stack:
        token = stack.pop()
        if token.dep_ == "obl:agent":
            found.append(token)
        stack.extend(c for c in token.children if c.pos_ not in ("VERB", "AUX"))
    return found


def intent_holders(infinitive) -> list | None:
    """Who holds the noun of intent whose infinitive says what is intended (grammar.yaml's
    ``intent_nouns``): the noun's "de" complement ("la volonté de Paris de rencontrer"), or
    an empty list for the subject of the verb that has the noun ("a réaffirmé sa volonté de
    retirer", "a annoncé son intention de se rendre"); None if the infinitive is no such
    intent's."""
    noun = infinitive.head
    if not (
        infinitive.dep_ == "acl"
        and "Inf" in infinitive.morph.get("VerbForm")
        and noun.lemma_.lower() in grammar()["intent_nouns"]
    ):
        return None
    holders = [c for c in noun.children if c.dep_ == "nmod" and c.i < infinitive.i]
    if holders:
        return holders
    return [] if noun.dep_ == "obj" and noun.head.pos_ in ("VERB", "AUX") else None
