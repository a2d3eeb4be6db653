"""References: phrases that stand for actors named earlier in the article.

Three kinds, listed with their phrases in ``data/references.tsv``:

- ``pair`` ("the two countries", "both sides"): the last two distinct countries mentioned.
- ``group`` ("these countries", "they"): the most recent plural antecedent, searched in the
  sentence so far and then in the two sentences before it. A plural antecedent is a
  coordination ("Russia and Mali"), a phrase with several countries ("Hungarian and Romanian
  officials"), an organisation with members, or, failing those, two or more countries in the
  same sentence before the reference (the parties of a meeting: "Putin met with Mali's
  leader, where they signed"). When the antecedent's sentence also names an organisation that
  all of the antecedent's countries belong to, the group is that organisation and takes in
  every member the sentence names ("Mali is a founding member of the Alliance of Sahel States
  alongside Niger and Burkina Faso ... These countries": Mali, Niger, Burkina Faso, naming the
  Alliance).
- ``description`` ("the former colonial power"): the most recently mentioned country among
  the description's candidates.
- ``person`` ("he", "she"): the last person with a country, in this sentence or the one
  before; ``thing`` ("it"): the last state or organisation there, unless "it" is the empty
  subject of "it is clear that".

Each member of a group becomes its own actor, naming the group.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Actor, Mention
from .gazetteer import Entry, Gazetteer

GROUP_LOOKBACK_SENTENCES = 2
PRONOUN_LOOKBACK_SENTENCES = 1


@dataclass
class Seen:
    """A mention as the reference resolver remembers it."""
    sentence: int
    head: int
    start: int  # first token
    countries: list[str]
    organisation: Entry | None
    plural: bool
    coordination: int | None  # first conjunct's head, shared by all conjuncts
    actors: tuple = ()


class ReferenceResolver:
    def __init__(self, doc, gazetteer: Gazetteer):
        self.doc = doc
        self.gazetteer = gazetteer
        self.seen: list[Seen] = []
        self.sentence_of = {}
        for number, sentence in enumerate(doc.sents):
            for token in sentence:
                self.sentence_of[token.i] = number

    def observe(self, mention: Mention, tokens: set[int]) -> None:
        if all(actor.kind == "place" for actor in mention.actors):
            return  # where things happen is no antecedent of "both sides"
        head = self.doc[mention.head]
        countries = []
        organisation = None
        for actor in mention.actors:
            if actor.group and actor.group in self.gazetteer.organisations:
                organisation = self.gazetteer.organisations[actor.group]
            if actor.kind == "organisation" and actor.name in self.gazetteer.organisations:
                organisation = self.gazetteer.organisations[actor.name]
            if actor.country and actor.country != "IGO" and actor.country not in countries:
                countries.append(actor.country)
        first = head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        coordination = first.i if first.i != head.i or any(
            child.dep_ == "conj" for child in head.children) else None
        plural = head.tag_ in ("NNS", "NNPS") or len(countries) > 1 or (
            organisation is not None and bool(organisation.members))
        self.seen.append(Seen(self.sentence_of.get(head.i, 0), head.i, min(tokens), countries,
                              organisation, plural, coordination, tuple(mention.actors)))

    # -- resolution -------------------------------------------------------------------------
    def resolve(self, anchor, root) -> tuple[list[Actor], str] | None:
        entry = anchor.entry
        before = [seen for seen in self.seen if seen.start < anchor.start]
        sectors = entry.sectors
        if entry.reference == "pair":
            countries = []
            for seen in reversed(before):
                for country in seen.countries:
                    if country not in countries:
                        countries.append(country)
                if len(countries) >= 2:
                    break
            if len(countries) < 2:
                return None
            countries = list(reversed(countries[:2]))
            return self._members(countries, sectors, self._join(countries)), "pair"
        if entry.reference == "description":
            candidates = set(entry.candidates)
            for seen in reversed(before):
                for country in seen.countries:
                    if country in candidates:
                        return [Actor(self._code(country, sectors), country, sectors,
                                      self.gazetteer.country_name(country), "", None,
                                      "country")], "description"
            return None
        if entry.reference in ("person", "thing"):
            if entry.reference == "thing" and _empty_subject(root):
                return None
            kinds = {"person"} if entry.reference == "person" else {"country", "organisation"}
            sentence = self.sentence_of.get(root.i, 0)
            for seen in reversed(before):
                if seen.sentence < sentence - PRONOUN_LOOKBACK_SENTENCES:
                    break
                actors = [a for a in seen.actors if a.kind in kinds and (a.country or a.sectors)]
                if actors and len(actors) == len(seen.actors):
                    return actors, entry.reference
            return None
        if entry.reference == "group":
            found = self._group(before, self.sentence_of.get(root.i, 0), root)
            if found is None:
                return None
            if isinstance(found, Seen):  # one plural actor: "Palestinian leaders ... they"
                return list(found.actors), "group"
            countries, group = found
            return self._members(countries, sectors, group), "group"
        return None

    def _group(self, before: list[Seen], sentence: int, root) -> tuple[list[str], str] | None:
        for number in range(sentence, max(-1, sentence - GROUP_LOOKBACK_SENTENCES - 1), -1):
            in_sentence = [seen for seen in before if seen.sentence == number]
            antecedent = self._plural_antecedent(in_sentence)
            if antecedent is None and number == sentence:
                antecedent = self._parties_of_governing_clause(root, in_sentence)
            if antecedent is None:
                continue
            if isinstance(antecedent, Seen):
                return antecedent
            countries, organisation = antecedent
            return self._name_group(countries, organisation, in_sentence)
        return None

    def _plural_antecedent(self, in_sentence: list[Seen]):
        candidates = []  # (position, countries, organisation, the Seen when it stands alone)
        coordinations: dict[int, list[Seen]] = {}
        for seen in in_sentence:
            if seen.coordination is not None:
                coordinations.setdefault(seen.coordination, []).append(seen)
            if seen.plural and (seen.countries or seen.organisation):
                candidates.append((seen.start, seen.countries, seen.organisation, seen))
        for members in coordinations.values():
            countries = _unique(c for seen in members for c in seen.countries)
            if len(countries) > 1:
                candidates.append((max(s.start for s in members), countries, None, None))
        if not candidates:
            return None
        _, countries, organisation, seen = max(candidates, key=lambda c: c[0])
        if seen is not None and len(countries) <= 1 and not (organisation and organisation.members):
            return seen  # a plural actor of one country stands for itself
        return countries, organisation

    def _parties_of_governing_clause(self, root, in_sentence: list[Seen]):
        """The parties of a clause that governs the reference: in "Putin met with Mali's
        leader in Moscow, where they signed", "they" are Putin and the leader."""
        by_head = {seen.head: seen for seen in in_sentence}
        for verb in root.ancestors:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            parties = [c for c in verb.children if c.dep_ in ("nsubj", "dobj")]
            parties += [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "with"
                        for p in prep.children if p.dep_ == "pobj"]
            countries = _unique(c for token in parties if token.i in by_head
                                for c in by_head[token.i].countries)
            if len(countries) > 1:
                return countries, None
        return None

    def _name_group(self, countries, organisation, in_sentence):
        named = _unique(c for seen in in_sentence for c in seen.countries)
        if organisation is None:
            for seen in in_sentence:
                org = seen.organisation
                if org is not None and org.members and set(countries) <= set(org.members):
                    organisation = org
        if organisation is None:
            return (countries, self._join(countries)) if len(countries) > 1 else None
        members = [c for c in named if c in organisation.members]
        if organisation.expand or not members:
            if not organisation.expand and len(organisation.members) > 6:
                return None
            members = _unique([*members, *organisation.members])
        return members, organisation.name

    def _members(self, countries, sectors, group) -> list[Actor]:
        return [Actor(self._code(c, sectors), c, tuple(sectors), self.gazetteer.country_name(c),
                      "", group, "member") for c in countries]

    def _join(self, countries) -> str:
        names = [self.gazetteer.country_name(c) for c in countries]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    @staticmethod
    def _code(country, sectors) -> str:
        return country + "".join(sectors[:2])


def _unique(values) -> list:
    return list(dict.fromkeys(values))


def _empty_subject(token) -> bool:
    """"It" that stands for no one: "it is clear that ...", "it seems ..."."""
    head = token.head
    return token.dep_ == "expl" or (
        head.lemma_ in ("be", "seem", "appear", "remain")
        and any(c.dep_ in ("ccomp", "csubj") for c in head.children))
