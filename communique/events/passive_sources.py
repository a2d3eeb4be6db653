"""Who did it when the text names no one: for a passive, the state where an act of the state
happens, or the state that reports force on another state's forces (coder.py asks when the
passive's subject and its "by" give no country); for a document that speaks ("The report
urged Australia"), whoever issued it."""

from __future__ import annotations

from ..model import Actor
from .nominal import noun_parties
from .patterns import Pattern, best_pattern, frame
from .clauses import passive_objects
from .roles import Roles, coded_actors, grammar


def owner_of_the_act(
    roles: Roles, token, pattern: Pattern, passive: bool = True
) -> tuple[list[Actor], list[Actor]]:
    """ "The EU embargo on arms exports to China is to be lifted": what a passive is done to
    is an act of its own (a noun with a pattern: an embargo, sanctions, talks), and whoever
    holds that act does this one to its target, when the verb is one its holder does to an
    act of its own (grammar.yaml's ``own_act_verbs``: lifting, suspending, extending; an
    offer that "was rejected" is rejected by another). So does the object of an active verb
    that names no doer: "moves to lift the European Union's ban on arms exports to China"
    are the EU's, against China, not against the EU. (sources, targets), or two empty
    lists."""
    if token.lemma_.lower() not in grammar()["own_act_verbs"]:
        return [], []
    done_to = passive_objects(token) if passive else [c for c in token.children if c.dep_ == "dobj"]
    for noun in done_to:
        if noun.pos_ == "NOUN" and best_pattern("n:" + noun.lemma_.lower(), frame(noun)):
            sources, targets = noun_parties(roles, noun, pattern)
            if any(s.country for s in sources):
                return sources, targets
    return [], []


def authorities_of_the_place(roles: Roles, token, code: str) -> list[Actor]:
    """ "A missionary was arrested in Lebanon": arrests, expulsions and other acts of the
    state (grammar.yaml's ``located_source_roots``) done with no one named are the
    authorities' of the country where they happen."""
    if code[:2] not in grammar()["located_source_roots"]:
        return []
    for mention in roles.locations(token):
        countries = {a.country for a in mention.actors if a.country and a.country != "IGO"}
        if len(countries) == 1:
            actor = mention.actors[0]
            return [
                Actor(actor.country, actor.country, ("GOV",), actor.name, actor.text, None, "place")
            ]
    return []


def claimed_by_the_speaker(roles: Roles, token, code: str, targets: list[Actor]) -> list[Actor]:
    """ "Iran said at least 2,000 Iraqi troops had been killed": force done by no one named on
    another state's forces (grammar.yaml's ``speaker_claimed_roots``), in what a state
    reports, is the reporting state's own claim. Not a body's report ("the UN said"), nor
    civilians killed (an accusation, not a claim)."""
    if (
        code[:2] not in grammar()["speaker_claimed_roots"]
        or token.dep_ != "ccomp"
        or token.head.lemma_.lower() not in grammar()["saying_verbs"]
    ):
        return []
    speakers = coded_actors(roles.mentions(roles.subject_tokens(token.head)[0]))
    countries = {s.country for s in speakers if s.country}
    if len(countries) != 1 or "IGO" in countries:
        return []
    victims = [t for t in targets if t.country]
    if victims and all(t.country not in countries and "MIL" in t.sectors for t in victims):
        return speakers[:1]
    return []


def authors_of_documents(roles: Roles, subjects) -> list[Actor]:
    """ "The report urged Australia to broaden its export base", "The communique said Japan
    affirmed its intention": a document that speaks (grammar.yaml's ``document_nouns``)
    speaks for whoever issued it, named with the last document named before it: its
    possessor ("said in its latest annual review"), or the subject of the clause that has it
    as its object or says something in it ("The OECD published a survey", "the ministers
    said in a communique")."""
    for subject in subjects:
        if subject.pos_ != "NOUN" or subject.lemma_.lower() not in grammar()["document_nouns"]:
            continue
        for i in range(subject.i - 1, -1, -1):
            named = subject.doc[i]
            if named.pos_ == "NOUN" and named.lemma_.lower() in grammar()["document_nouns"]:
                return _issuers(roles, named)
    return []


def _issuers(roles: Roles, document) -> list[Actor]:
    """Who issued a document: its possessor, else the subject of the verb it is the object
    of, or is in ("said in a statement")."""
    owners = [c for c in document.children if c.dep_ == "poss"]
    found = coded_actors(roles.mentions(owners))
    if found:
        return found
    verb = document.head
    if document.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif document.dep_ != "dobj":
        return []
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    return coded_actors(roles.mentions(roles.subject_tokens(verb)[0]))
