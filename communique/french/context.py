"""Context for French titles that name no country: "le chef de l'État", "la junte", "les
autorités", "le ministre des Affaires étrangères".

French news names a state once and then writes its offices bare. As in English
(actors/context.py, rule 4), a title with the definite article takes the country the article
has named most so far, if that country leads every other country and organisation by at
least ``MIN_LEAD`` mentions. The titles that may be read so are listed in grammar.yaml
(``context_titles``, ``context_plurals``): offices of a state, not "les soldats" or
"les diplomates", who in a story on Mali are as often French as Malian. A title followed by
a name the gazetteer does not know ("le président Kais Saied") is left alone: the name says
whose president it is, and the gazetteer cannot read it.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter

from ..actors.context import MIN_LEAD, actors_named_before, leader, leading_country
from ..model import Actor, Mention
from .gazetteer import titles
from .patterns import grammar

logger = logging.getLogger(__name__)

# the definite article, and the demonstrative: "la Cédéao a suspendu ce pays"
DEFINITE = frozenset({"le", "la", "l'", "l’", "les", "ce", "cet", "cette", "ces"})
DEMONSTRATIVE = frozenset({"ce", "cet", "cette"})
NAMING = frozenset({"flat:name", "appos", "nmod"})
# the article contracted with a preposition, which the parser reads as the preposition alone:
# "dénie toute légitimité aux putschistes"
CONTRACTED = frozenset({"au", "aux", "du", "des"})


def fill_titles(
    doc,
    mentions: list[Mention],
    country_name,
    headline: list[str] = (),
    headline_officers: list[str] = (),
) -> list[Mention]:
    """``mentions`` in text order, with mentions for the bare titles the context resolves
    added; ``country_name`` gives a country's name from its code. For the offices of
    many (grammar.yaml's ``travelling_titles`` aside), a country the ``headline`` names
    counts as named ``MIN_LEAD`` times before the text begins: "Mali: la junte libère deux
    détenus" is a story on Mali's junta. An office one person holds is first the office
    holder's the headline names (``headline_officers``, when they are of one country):
    "Emmanuel Macron dénonce le jeu dangereux de la Turquie" | "Le chef de l'État a
    précisé", after Tunisia's president was named, is Macron."""
    singular, plural = grammar()["context_titles"], grammar()["context_plurals"]
    covered = {i for m in mentions for i in _token_range(doc, m)}
    by_start = sorted(mentions, key=lambda m: m.start)
    prior = Counter({country: MIN_LEAD for country in headline})
    bodies: Counter = Counter()
    body_actors: dict[str, Actor] = {}
    added: list[Mention] = []
    position = 0
    officer: tuple[int, str] | None = None  # (where, country) of the last office holder named
    # the country named last before the sentence; not a place, as in "à 18H30 heure de Paris"
    last_state: str | None = None
    state_so_far: str | None = None
    for token in doc:
        if token.is_sent_start:
            last_state = state_so_far
        while position < len(by_start) and by_start[position].start < token.idx:
            states = {
                a.country for a in by_start[position].actors if a.country and a.kind != "place"
            }
            if len(states) == 1 and "IGO" not in states:
                state_so_far = states.pop()
            for actor in by_start[position].actors:
                key = _body_key(actor)
                if key and actor.kind != "place":
                    bodies[key] += 1
                    body_actors.setdefault(key, actor)
                if actor.kind == "person" and "GOV" in actor.sectors and actor.country:
                    officer = (by_start[position].start, actor.country)
            position += 1
        if token.i in covered or token.pos_ != "NOUN":
            continue
        if _neighbours(token):
            # "les voisins du Mali ont fermé leurs frontières", in a story on the Cédéao:
            # the neighbours acting together are the body the phrase makes them members of
            # ("les voisins du Mali membres de la Cédéao"), else the one the story names most
            key = leader(Counter({k: n for k, n in bodies.items() if k.startswith("IGO:")}))
            body = _member_body(token, by_start) or body_actors.get(key)
            if body is not None:
                actor = dataclasses.replace(body, text=token.text)
                added.append(
                    Mention(token.idx, token.idx + len(token), token.i, [actor], "fr:body")
                )
            continue
        title = _title_words(token, singular, plural)
        if title is None or not _definite(token) or _named(token) or _whose(token):
            continue
        if _demonstrative(token) and title in grammar()["demonstrative_states"]:
            # "La Cédéao a suspendu le Mali. Ce pays ...": the one named last before the
            # sentence, not one its own clause names ("le Niger a critiqué ce pays")
            country = last_state
        elif title in grammar()["travelling_titles"]:
            # an office one person holds, who may be abroad ("Liban: le chef de l'État
            # promet"), or an organisation's ("le président de la Commission")
            country = (
                (headline_officers[0] if len(set(headline_officers)) == 1 else None)
                or leading_country(bodies)
                or _recent_officer(token, officer)
            )
        else:
            # a state's collective offices: neither the organisations a story names ("la
            # Cédéao a reçu la junte") nor its headline's country are in the running
            states = Counter({k: n for k, n in bodies.items() if "IGO" not in k})
            country = leading_country(states + prior)
        if country is None:
            continue
        entry = titles().get(tuple(title.replace("'", "' ").split()))
        sectors = entry.sectors if entry is not None else ("GOV",)
        actor = Actor(
            country + sectors[0],
            country,
            sectors,
            country_name(country),
            token.text,
            None,
            "agent",
        )
        added.append(Mention(token.idx, token.idx + len(token), token.i, [actor], "fr:context"))
    return sorted([*mentions, *added], key=lambda m: m.start)


def _recent_officer(token, officer: tuple[int, str] | None) -> str | None:
    """The country of an office holder named in this sentence or the one before, when no
    country leads the story: "Emmanuel Macron est arrivé à Niamey. Le chef de l'État ..."."""
    if officer is None:
        return None
    sentence = token.sent
    before = sentence.doc[sentence.start - 1].sent.start_char if sentence.start else 0
    start, country = officer
    return country if start >= before else None


def story_country(mentions: list[Mention], before: int, sources: list[Actor]) -> list[Actor]:
    """The country the article has named most before ``before`` (a character offset), as
    a target, unless it is a source's own: aid whose receiver the sentence leaves unsaid
    goes where the story is."""
    named = actors_named_before(mentions, before)
    country = leading_country(Counter(_body_key(actor) for actor in named))
    if country is None or country in {s.country for s in sources}:
        return []
    name = next(a.name for a in named if a.country == country)
    return [Actor(country, country, (), name, "", None, "place")]


def _body_key(actor: Actor) -> str | None:
    """A country's code, or an organisation's name: the French gazetteer codes every
    intergovernmental body "IGO", which must count neither as a country (a junta is never
    the Cédéao's) nor as one body with all the others."""
    if actor.country == "IGO":
        return "IGO:" + (actor.name or actor.code or "")
    return actor.country


def _neighbours(token) -> bool:
    """ "les voisins du Mali", "les pays voisins": a state's neighbours, together."""
    if "Plur" not in token.morph.get("Number") or not _definite(token):
        return False
    return token.lemma_.lower() == "voisin" or (
        token.lemma_.lower() == "pays"
        and any(c.dep_ == "amod" and c.lemma_.lower() == "voisin" for c in token.children)
    )


def _member_body(token, mentions: list[Mention]) -> Actor | None:
    """The organisation named after "membres" in the phrase ``token`` heads: "les voisins du
    Mali membres de la Cédéao" (which the parser may hang on "Mali", not on "membres")."""
    words = list(token.subtree)
    member = next((w for w in words if w.i > token.i and w.lemma_.lower() == "membre"), None)
    if member is None:
        return None
    end = words[-1].idx + len(words[-1])
    for mention in mentions:
        if member.idx < mention.start < end:
            bodies = [a for a in mention.actors if a.country == "IGO" and a.kind != "place"]
            if bodies:
                return bodies[0]
    return None


def _title_words(token, singular: frozenset, plural: frozenset) -> str | None:
    """The context title ``token`` heads: its lemma, or "chef de l'état" for "chef" with
    "de l'État" under it."""
    lemma = token.lemma_.lower()
    if lemma == "chef":
        state = [c for c in token.children if c.dep_ == "nmod" and c.lower_ in ("état", "etat")]
        return "chef de l'état" if state else None
    if "Plur" in token.morph.get("Number"):
        return lemma if lemma in plural else None
    return lemma if lemma in singular else None


def _definite(token) -> bool:
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or (c.dep_ == "case" and c.lower_ in CONTRACTED)
        for c in token.children
    )


def _demonstrative(token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVE for c in token.children)


def _whose(token) -> bool:
    """ "le président égyptien, dont le pays est un allié": "dont" says whose."""
    return any(c.lower_ == "dont" for c in (*token.children, *token.head.children))


def _named(token) -> bool:
    """ "le président Kais Saied", "le ministre Ayman Safadi": a name says whose."""
    return any(c.dep_ in NAMING and c.pos_ == "PROPN" for c in token.children)


def _token_range(doc, mention: Mention) -> range:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return (
        range(span.start, span.end) if span is not None else range(mention.head, mention.head + 1)
    )
