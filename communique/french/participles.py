"""Past participles that qualify a noun: "la Grèce et Chypre, soutenus par la France".

A participle that names its doer ("par la France") is that doer's act on the party the noun
names (FRA -> GRC, FRA -> CYP); one that names none ("les otages enlevés au Bénin") only
describes the noun, and so does one whose doer leads, goes along or reported it
(grammar.yaml's ``describing_participles``: "la coalition menée par l'Arabie saoudite",
"rapporté par l'AFP").
"""

from __future__ import annotations

from ..model import Actor
from .patterns import grammar, verb_lemma


def participle_parties(roles, participle) -> tuple[list[Actor], list[Actor]]:
    """The doer and the party of a passive participle qualifying a noun; none if either is
    missing or the participle only describes."""
    if verb_lemma(participle) in grammar()["describing_participles"]:
        return [], []
    agents = roles.obliques(participle, "par") or misplaced_agents(participle)
    sources = roles.actors_of([t for a in agents for t in roles.with_conjuncts(a)])
    if not sources:
        return [], []
    head = participle.head
    nouns = roles.with_conjuncts(head, ("conj",))
    if not _agrees(participle, nouns) and head.dep_ == "conj":
        # "l'Italie et l'Espagne soutenues par la France": hung on the last of a list
        nouns = roles.with_conjuncts(head.head, ("conj",))
    if not _agrees(participle, nouns):
        return [], []  # "contre les rebelles, soutenus par l'Iran" hung on "l'Arabie"
    # the noun itself must name a party: "un sommet refusé par Macron" is no act on anyone
    targets = list(dict.fromkeys(a for m in roles.mentions_at(nouns) for a in m.actors))
    return (sources, targets) if targets else ([], [])


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
