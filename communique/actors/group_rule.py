"""Rule ``group`` of the reference resolver (references.py): "these countries" and "they"
stand for the most recent plural antecedent in the sentence so far or the two before it: a
coordination ("Russia and Mali"), a phrase with several countries, an organisation with
members, or the parties of the clause that governs the reference ("Putin met with Mali's
leader, where they signed"). When the sentence names an organisation that all of them
belong to, the group is that organisation. A mixin of ``ReferenceResolver``, whose
``by_sentence``, ``tree`` and ``gazetteer`` it uses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..events.roles import grammar

if TYPE_CHECKING:
    from .references import Seen

GROUP_LOOKBACK_SENTENCES = 2
# what a "they" that continues reporters no table places stands for: no actor
NO_ONE = object()


class GroupRule:
    """The group rule, over ReferenceResolver's ``by_sentence``, ``tree`` and ``gazetteer``."""

    def _group(self, start: int, sentence: int, root) -> tuple[list[str], str] | None:
        continued = self._continued_plural_subject(start, sentence, root)
        if continued is NO_ONE:
            return None
        if continued is not None:
            return continued
        for number in range(sentence, max(-1, sentence - GROUP_LOOKBACK_SENTENCES - 1), -1):
            in_sentence = [seen for seen in self.by_sentence.get(number, ()) if seen.start < start]
            antecedent = self._plural_antecedent(in_sentence)
            if antecedent is None and number == sentence:
                antecedent = self._parties_of_governing_clause(root, in_sentence)
            if antecedent is None:
                continue
            if not isinstance(antecedent, tuple):
                return antecedent  # one plural actor stands for itself
            countries, organisation = antecedent
            return self._name_group(countries, organisation, in_sentence)
        return None

    def _continued_plural_subject(self, start: int, sentence: int, root):
        """ "Funaro and Gros last week visited Washington. This week they have sought support
        in the U.K., France ... They have now decided to extend their tour": a "they" that is
        the subject of its sentence's main clause, with no actor before it there, continues
        the plural subject of the sentence before (Centering), not the countries that
        sentence names in passing."""
        if root.dep_ not in ("nsubj", "nsubjpass") or sentence == 0:
            return None
        if root.head.i != self.sentence_roots[sentence].i:
            return None
        if any(seen.start < start and seen.actors for seen in self.by_sentence.get(sentence, ())):
            return None
        main = self.sentence_roots[sentence - 1]
        before = self.by_sentence.get(sentence - 1, ())
        if main.lemma_.lower() in grammar()["saying_verbs"]:
            # "the officials said Spain and Portugal opposed it. They argued": whom the
            # report was about; but "analysts said ... They said" are the same reporters,
            # who may be no actor at all
            if root.head.lemma_.lower() != "say":
                return None
            reporters = [c for c in main.children if c.dep_ == "nsubj" and c.tag_ == "NNS"]
            if not reporters:
                return None
            seen = next((s for s in before if s.head == reporters[0].i and s.actors), None)
            return seen if seen is not None else NO_ONE
        for seen in before:
            head = self.doc[seen.head]
            if not (head.dep_ in ("nsubj", "nsubjpass") and head.head.i == main.i and seen.actors):
                continue
            members = [
                other
                for other in before
                if seen.coordination is not None and other.coordination == seen.coordination
            ]
            if len(members) > 1:
                countries = _unique(c for member in members for c in member.countries)
                return (countries, self._join(countries)) if len(countries) > 1 else seen
            # ("they" resolved to the people it stands for continues them)
            return seen if seen.plural or head.lower_ == "they" else None
        return None

    def _plural_antecedent(self, in_sentence: list[Seen]):
        candidates = []  # (position, countries, organisation, the Seen when it stands alone)
        coordinations: dict[int, list[Seen]] = {}
        for seen in in_sentence:
            if seen.coordination is not None:
                coordinations.setdefault(seen.coordination, []).append(seen)
            qualifies = bool(seen.actors) and all(a.kind == "qualifier" for a in seen.actors)
            if seen.plural and (seen.countries or seen.organisation) and not qualifies:
                # ("a report on U.S.-Japanese trade to enable them to act": the pair only
                # qualifies the trade, and "them" are who act)
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
            children = self.tree.children(verb)
            parties = [c for c in children if c.dep_ in ("nsubj", "dobj")]
            parties += [
                p
                for prep in children
                if prep.dep_ == "prep" and prep.lower_ == "with"
                for p in self.tree.children(prep)
                if p.dep_ == "pobj"
            ]
            countries = _unique(
                c for token in parties if token.i in by_head for c in by_head[token.i].countries
            )
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

    def _join(self, countries) -> str:
        names = [self.gazetteer.country_name(c) for c in countries]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _unique(values) -> list:
    return list(dict.fromkeys(values))
