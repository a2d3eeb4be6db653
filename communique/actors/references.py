"""References: phrases that stand for actors named earlier in the article.

The kinds, listed with their phrases in ``data/references.tsv``:

- ``pair`` ("the two countries", "both sides"): the story's two parties so far, the two
  named together before the two named most (story_pair.py): countries, or
  intergovernmental organisations ("the EU and US ... both sides").
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
- ``members`` ("the Baltic states"): a description of a fixed group of countries stands for
  each of them; ``named_members`` ("tsunami-hit countries", "the affected countries") for
  each of its candidates that the article names, anywhere in it (a story names the
  countries hit before or after it speaks of "the affected countries").
- ``person`` ("he", "she"): the last person with a country (or one person's title with one:
  "India's finance minister ... He"), in this sentence or the one before; a "he" that
  opens its sentence's main clause continues the main subject of the sentence before
  (Centering); ``thing`` ("it"): the last state or organisation there, unless "it" is the empty
  subject of "it is clear that".

Each member of a group becomes its own actor, naming the group.
"""

from __future__ import annotations

import functools
import itertools
import logging
from dataclasses import dataclass

from ..model import Actor, Mention
from .gazetteer import Entry, Gazetteer
from .group_rule import GroupRule
from .story_pair import story_pair
from ..events.roles import grammar
from .tree import Tree

logger = logging.getLogger(__name__)

PRONOUN_LOOKBACK_SENTENCES = 1
PAIR_LOOKBACK = 200  # mentions a "both sides" looks back over
# the dependencies by which a pronoun's clause hangs on the one whose subject it may take
GOVERNED_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "ccomp", "advcl", "conj", "xcomp"})
# what _governing_subject answers for a "he" whose clause's subject is a person no actor is
UNPLACED = object()


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
    titled: bool = False  # headed by one person's title: "India's finance minister"


class ReferenceResolver(GroupRule):
    def __init__(self, doc, gazetteer: Gazetteer, tree: Tree, named_countries=frozenset()):
        self.doc = doc
        self.named_countries = named_countries  # every country the article names anywhere
        self.tree = tree
        self.gazetteer = gazetteer
        self.seen: list[Seen] = []
        self.antecedent: int | None = None  # see resolve()
        # Indexes over ``seen``, so that resolving a reference does not go through every
        # mention of the article (which made long texts quadratic):
        self.by_sentence: dict[int, list[Seen]] = {}  # in the order observed
        # Every country seen, the most recent last: the order in which a backward scan over
        # ``seen`` (each mention's countries in their own order) first meets each country.
        self.recent_countries: dict[str, None] = {}
        self.latest_start = -1  # the last first-token of all seen: which scans may skip none
        self.first_conjunct: dict[int, int] = {}  # token -> head of its coordination's first
        self.title_heads = _title_heads(gazetteer)
        self.sentence_of = {}
        self.sentence_roots = []
        for number, sentence in enumerate(doc.sents):
            self.sentence_roots.append(sentence.root)
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
        first = self._first_conjunct(head)
        coordination = (
            first
            if first != head.i or any(child.dep_ == "conj" for child in self.tree.children(head))
            else None
        )
        plural = (
            head.tag_ in ("NNS", "NNPS")
            or len(countries) > 1
            or (organisation is not None and bool(organisation.members))
        )
        seen = Seen(
            self.sentence_of.get(head.i, 0),
            head.i,
            min(tokens),
            countries,
            organisation,
            plural,
            coordination,
            tuple(mention.actors),
            # (or a "he" that stood for one)
            (head.tag_ in ("NN", "NNP") and head.lower_ in self.title_heads)
            or head.lower_ in ("he", "she"),
        )
        self.seen.append(seen)
        self.by_sentence.setdefault(seen.sentence, []).append(seen)
        self.latest_start = max(self.latest_start, seen.start)
        for country in reversed(countries):  # the mention's first country ends up last
            self.recent_countries.pop(country, None)
            self.recent_countries[country] = None

    def _first_conjunct(self, token) -> int:
        """The first conjunct of the coordination ``token`` is in (itself if none). Answers
        are kept: each of N names in one list would otherwise walk the chain of N "conj"."""
        path = []
        while (
            token.dep_ == "conj" and token.head.i != token.i and token.i not in self.first_conjunct
        ):
            path.append(token.i)
            token = token.head
        first = self.first_conjunct.get(token.i, token.i)
        self.first_conjunct.update(dict.fromkeys(path, first))
        return first

    def _backwards(self, start: int):
        """The mentions seen that begin before token ``start``, the latest first (lazily:
        most searches stop at the first few)."""
        return (seen for seen in reversed(self.seen) if seen.start < start)

    def _recent_countries(self, start: int):
        """The countries of the mentions before token ``start``, each once, in the order a
        backward search meets them: the most recently mentioned first."""
        if self.latest_start < start:  # every mention seen is before: the index answers
            return reversed(self.recent_countries)
        return _unique_lazily(c for seen in self._backwards(start) for c in seen.countries)

    # -- resolution -------------------------------------------------------------------------
    def resolve(self, anchor, root) -> tuple[list[Actor], str] | None:
        """The actors a reference stands for, and the rule; ``antecedent`` is then the head
        of a countryless title it stands for ("The prime minister ... He"), else None."""
        self.antecedent = None
        entry = anchor.entry
        sectors = entry.sectors
        if entry.reference == "pair":  # the story's two parties, in the order named
            parties = list(reversed(self._recent_parties(anchor.start, self._of_people(root))))
            if len(parties) < 2:
                return None
            names = [
                p.name if isinstance(p, Entry) else self.gazetteer.country_name(p) for p in parties
            ]
            group = " and ".join(names)
            return [
                Actor(p.code, "IGO", p.sectors, p.name, "", group, "member")
                if isinstance(p, Entry)
                else self._members([p], sectors, group)[0]
                for p in parties
            ], "pair"
        if entry.reference == "description":
            candidates = set(entry.candidates)
            for country in self._recent_countries(anchor.start):
                if country in candidates:
                    return [
                        Actor(
                            self._code(country, sectors),
                            country,
                            sectors,
                            self.gazetteer.country_name(country),
                            "",
                            None,
                            "country",
                        )
                    ], "description"
            return None
        if entry.reference in ("members", "named_members"):
            members = [
                c
                for c in entry.candidates
                if entry.reference == "members" or c in self.named_countries
            ]
            if not members:
                return None
            return self._members(members, sectors, entry.key), entry.reference
        if entry.reference in ("person", "thing"):
            if entry.reference == "thing" and _empty_subject(root):
                return None
            kinds = {"person"} if entry.reference == "person" else {"country", "organisation"}
            sentence = self.sentence_of.get(root.i, 0)
            if root.lower_ == "it" and self._under_a_plural_subject(root):
                return None  # "Its ministers want the text changed so that it excludes ..."
            # "the Greek government said it was taking control": a government is an "it"
            subject = self._governing_subject(
                root, anchor.start, kinds | ({"agent"} if entry.reference == "thing" else set())
            )
            if subject is UNPLACED:
                return None
            if subject is not None:
                return list(subject.actors), entry.reference
            if entry.reference == "thing" and self._follows_a_subject_of_no_actor(root):
                return None  # "The site ... It said": it is the site
            own = self._clause_subject_names(root) if entry.reference == "person" else set()
            if entry.reference == "person":
                continued = self._continued_subject(root, anchor.start, sentence, kinds, own)
                if continued is not None:
                    return list(continued.actors), entry.reference
            untold = None
            for seen in self._backwards(anchor.start):
                if seen.sentence < sentence - PRONOUN_LOOKBACK_SENTENCES:
                    break
                if (
                    entry.reference == "thing"
                    and seen.actors
                    and all(a.kind == "organisation" and not a.country for a in seen.actors)
                ):
                    return None  # "BT ... It said": a company the tables do not know
                if (
                    root.lower_ == "it"
                    and not self._can_be_it(seen)
                    or entry.reference == "thing"
                    and self._only_where(seen)
                ):
                    continue
                if own and any(a.name in own for a in seen.actors):
                    continue  # "Mr Blair later criticised him": not Blair
                if "person" in kinds and untold is None and self._untold_title(seen):
                    untold = seen
                if seen.actors and self._fits(seen, kinds):
                    return list(seen.actors), entry.reference
            if untold is not None:
                # "The prime minister took charge ... He also spoke to Bush", with no one
                # else to stand for: the title that context places later (context.py)
                self.antecedent = untold.head
                return list(untold.actors), entry.reference
            return None
        if entry.reference == "group":
            found = self._group(anchor.start, self.sentence_of.get(root.i, 0), root)
            if found is None:
                return None
            if isinstance(found, Seen):  # one plural actor: "Palestinian leaders ... they"
                return list(found.actors), "group"
            countries, group = found
            return self._members(countries, sectors, group), "group"
        return None

    def _fits(self, seen: Seen, kinds: set[str]) -> bool:
        """Whether every actor of ``seen`` is of ``kinds``; a person's title with a country
        ("India's finance minister ... He objected") is a person's too."""
        if all(a.kind in kinds and (a.country or a.sectors) for a in seen.actors):
            return True
        return (
            "person" in kinds
            and seen.titled
            and all(a.kind == "agent" and a.country for a in seen.actors)
        )

    def _untold_title(self, seen: Seen) -> bool:
        """Whether ``seen`` is a minister's title the text gives no country ("The prime
        minister", grammar.yaml's ``antecedent_titles``), which only the context rule may
        place; not an official's or a spokesman's, which it places less surely, nor a
        possessor ("the prime minister's wife ... she")."""
        head = self.doc[seen.head]
        return (
            seen.titled
            and head.dep_ != "poss"
            and head.lemma_.lower() in grammar()["antecedent_titles"]
            and bool(seen.actors)
            and all(a.kind == "agent" and not a.country for a in seen.actors)
        )

    def _can_be_it(self, seen: Seen) -> bool:
        """A state an "it" may stand for is one that took part in its clause (a subject or an
        object, or their conjunct or apposition), not one only named in passing: in
        "a high cost of PCs in China ... the time it takes", "it" is not China. ("Its" may
        be: "sanctions on Japanese goods for its failure".)"""
        token = self.doc[seen.head]
        while token.dep_ in ("conj", "appos") and token.head.i != token.i:
            token = token.head
        return token.dep_ not in ("pobj", "compound", "amod", "npadvmod")

    def _only_where(self, seen: Seen) -> bool:
        """A country named as where something is ("for people in the UK using its hotspots")
        is no antecedent of "it" or "its": the thing there is."""
        token = self.doc[seen.head]
        return token.dep_ == "pobj" and token.head.lower_ in grammar()["where_prepositions"]

    def _follows_a_subject_of_no_actor(self, pronoun) -> bool:
        """ "Connectotel unveiled software in London. It said ...": an "it" that is the
        subject of its sentence's main clause continues the subject of the sentence before
        (Centering), and when that subject is a singular noun phrase naming no actor (a
        company, a product, a report), the "it" is no state or organisation either."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.dep_ != "ROOT":
            return False
        number = self.sentence_of.get(pronoun.i, 0)
        if number == 0:
            return False
        subject = next(
            (
                c
                for c in self.tree.children(self.sentence_roots[number - 1])
                if c.dep_ in ("nsubj", "nsubjpass")
            ),
            None,
        )
        if subject is None or not (subject.tag_ in ("NN", "NNP") or subject.lower_ == "it"):
            return False  # (an "it" there that stood for no actor: this one stands for none)
        heads = {seen.head for seen in self.by_sentence.get(number - 1, ())}
        return not heads.intersection(t.i for t in self.tree.subtree(subject))

    def _clause_subject_names(self, pronoun) -> set[str]:
        """The names of the person who is the subject of an object pronoun's own verb: "him"
        is never that person ("Mr Blair later criticised him")."""
        verb = pronoun.head
        if pronoun.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        elif pronoun.dep_ not in ("dobj", "dative"):
            return set()
        by_head = {seen.head: seen for seen in self.seen}
        return {
            a.name
            for child in self.tree.children(verb)
            if child.dep_ == "nsubj" and child.i in by_head
            for a in by_head[child.i].actors
            if a.name
        }

    def _under_a_plural_subject(self, root) -> bool:
        """Whether the clause an "it" hangs on has a plural common noun for its subject
        ("Its ministers want the text changed so that it excludes software patenting"):
        ministers are "they", and "it" is a thing the clause names, no actor."""
        token = root
        for _ in range(4):
            if token.head.i == token.i or token.dep_ not in ("nsubj", "ccomp", "advcl", "xcomp"):
                return False
            token = token.head
            if token.pos_ not in ("VERB", "AUX"):
                continue
            for child in self.tree.children(token):
                if child.dep_ == "nsubj" and child.i < root.i:
                    if child.tag_ == "NNS":
                        return True
                    if child.ent_type_ or child.pos_ == "PROPN":
                        return False  # "the Greek government said it ..."
        return False

    def _governing_subject(self, root, start: int, kinds: set[str]) -> Seen | object | None:
        """ "Mandela backed Mr Brown's plan when he urged ...": a pronoun in a clause that
        hangs on another takes that clause's subject, if it is an actor of the right kind,
        before any nearer name (Centering: the subject is the likeliest antecedent). The
        subject of what a person said ("Toyoo Gyohten told the conference he was ready") is
        that person even when no country places him: then ``UNPLACED``, and no one else."""
        by_head = {
            seen.head: seen
            for seen in self.by_sentence.get(self.sentence_of.get(root.i, 0), ())
            if seen.start < start
        }
        # A possessive in its verb's object is bound by that verb's subject: "Japan affirmed
        # its intention", "they were honoring the pact and its terms".
        # Past that verb, only what its own subject does ("Japan agreed to open its markets")
        # binds it: "Tanaka told Funaro the bank would consider his country's request".
        deps = GOVERNED_DEPS | ({"dobj"} if root.dep_ == "poss" else set())
        singular = root.lower_ in ("its", "his", "her")
        token = root
        path = []
        for _ in range(4):
            if token.head.i == token.i or token.dep_ not in deps:
                return None
            path.append(token.dep_)
            if token.dep_ == "dobj":
                # the verb's own subject binds it, or the doer of the purpose its
                # infinitive serves: "Iraq sent tankers to protect its oil exports"
                deps = {"xcomp", "conj"} | ({"advcl", "acl"} if _infinitive(token.head) else set())
            controlled = token.dep_ == "xcomp"
            if token.dep_ == "acl":
                # "agreed to charter tankers in a move to protect its exports": the
                # purpose of a noun the verb's preposition takes is the verb's
                token = _purpose_verb(token)
                if token is None:
                    return None
                deps = {"xcomp", "conj"}
                continue
            token = token.head
            if token.pos_ not in ("VERB", "AUX"):
                continue
            # "The U.S. urged Japan to open its markets": an infinitive's doer is its verb's
            # object, where there is one, and its subject only where there is none
            children = self.tree.children(token)
            if controlled and any(c.dep_ == "dobj" for c in children):
                seen = next((by_head.get(c.i) for c in children if c.dep_ == "dobj"), None)
                return (
                    seen if seen is not None and seen.actors and self._fits(seen, kinds) else None
                )
            for child in children:
                seen = by_head.get(child.i) if child.dep_ in ("nsubj", "nsubjpass") else None
                if seen is not None and singular and seen.plural:
                    continue  # "western countries support its entry": "its" is not theirs
                if seen is not None and seen.actors and self._fits(seen, kinds):
                    return seen
                if (
                    "person" in kinds
                    and path == ["nsubj", "ccomp"]  # what the person said of "he"
                    and child.dep_ == "nsubj"
                    and child.i < root.i  # not "He will meet ... Mana Said al-Oteiba"
                    and self._unplaced_person(child, seen)
                ):
                    return UNPLACED  # "Toyoo Gyohten told the conference he was ready"
        return None

    def _continued_subject(
        self, root, start: int, sentence: int, kinds: set[str], own: set[str]
    ) -> Seen | None:
        """ "Conable, who flew to Indonesia, will meet with President Suharto. He said on
        arrival ...": a "he" that is the subject of its sentence's main clause, with no person
        before it in that sentence, continues the subject of the sentence before (Centering),
        not the nearer person that sentence names in passing."""
        if root.dep_ not in ("nsubj", "nsubjpass") or sentence == 0:
            return None
        if root.head.i != self.sentence_roots[sentence].i:
            return None
        if any(
            seen.start < start and seen.actors and self._fits(seen, kinds)
            for seen in self.by_sentence.get(sentence, ())
        ):
            return None
        main = self.sentence_roots[sentence - 1]
        for seen in self.by_sentence.get(sentence - 1, ()):
            head = self.doc[seen.head]
            if (
                head.dep_ in ("nsubj", "nsubjpass")
                and head.head.i == main.i
                and seen.actors
                and self._fits(seen, kinds)
                and not any(a.name in own for a in seen.actors)
            ):
                return seen
        return None

    def _unplaced_person(self, token, seen: Seen | None) -> bool:
        """Whether ``token`` is one person whom no country places: a name the parser reads as
        a person's, or a singular title ("the spokesman"). A "he" in the clause it governs is
        that person, and no one named before. A minister's title that only context places
        ("The prime minister said he") is left to the rule for such titles (resolve())."""
        if seen is not None and (any(a.country for a in seen.actors) or self._untold_title(seen)):
            return False
        return token.tag_ in ("NNP", "NN") and (
            token.ent_type_ == "PERSON" or token.lower_ in self.title_heads
        )

    def _of_people(self, root) -> bool:
        """Whether a pair reference names people by their office: "the two ministers", "both
        leaders" (a head noun of the gazetteer's titles)."""
        return root.lemma_.lower() in self.title_heads or root.lower_ in self.title_heads

    def _recent_parties(self, start: int, people: bool = False) -> list:
        """The story's two parties before token ``start``, the latest first (story_pair.py).
        The scan is bounded (``PAIR_LOOKBACK`` mentions), so that many "both sides" cost no
        more than linear. "The two ministers" are the parties of the people named, when two
        are ("Colombian minister Guillermo Perry ... debts with Venezuela and Nigeria ...
        Ecuador minister Javier Espinosa said. The two ministers": Colombia and Ecuador)."""
        if people:
            named = [
                seen
                for seen in itertools.islice(self._backwards(start), PAIR_LOOKBACK)
                if seen.actors and (seen.titled or all(a.kind == "person" for a in seen.actors))
            ]
            parties = story_pair(named)
            if len(parties) == 2:
                return parties
        return story_pair(itertools.islice(self._backwards(start), PAIR_LOOKBACK))

    def _members(self, countries, sectors, group) -> list[Actor]:
        return [
            Actor(
                self._code(c, sectors),
                c,
                tuple(sectors),
                self.gazetteer.country_name(c),
                "",
                group,
                "member",
            )
            for c in countries
        ]

    @staticmethod
    def _code(country, sectors) -> str:
        return country + "".join(sectors[:2])


def _unique_lazily(values):
    met = set()
    for value in values:
        if value not in met:
            met.add(value)
            yield value


def _infinitive(verb) -> bool:
    """Whether a verb is a bare "to" infinitive ("to protect")."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _purpose_verb(infinitive):
    """The verb a purpose infinitive serves through a noun that its preposition takes ("in
    a move to protect", "in an effort to"), or None."""
    noun = infinitive.head
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    verb = noun.head.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _empty_subject(token) -> bool:
    """ "It" that stands for no one: "it is clear that ...", "it seems ..."."""
    head = token.head
    return token.dep_ == "expl" or (
        head.lemma_ in ("be", "seem", "appear", "remain")
        and any(c.dep_ in ("ccomp", "csubj") for c in head.children)
    )


@functools.cache  # once per gazetteer, not per article
def _title_heads(gazetteer: Gazetteer) -> frozenset[str]:
    """The one-word titles one person holds (titles.tsv's kind ``title``: "minister",
    "spokesman"), which head the longer ones ("finance minister"). The last words of the
    longer ones are not taken: "minister for foreign affairs", "chief of general staff"."""
    return frozenset(
        pattern.lower()
        for entry in gazetteer.entries
        if entry.kind == "title"
        for pattern in entry.patterns
        if " " not in pattern
    )
