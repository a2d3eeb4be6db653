"""Resolution: from a phrase to actors coded as country and sectors.

Rules, in the order they are tried for each phrase (the rule that decided is kept on the
mention as ``rule``):

- ``organisation``: an organisation in the phrase gives the country ("IGO" for
  intergovernmental bodies) and its sectors; a bloc marked ``expand`` (the Alliance of Sahel
  States) stands for its member states, one actor each, naming the group.
- ``explicit``: countries named in the phrase by name, demonym, possessive or capital
  ("Russian President Vladimir Putin", "Mali's Defense Minister", "the Malian president"),
  or in the complement of a title ("spokesman for the Israeli army").
- ``leader``: a person in the dated table of leaders, coded by the office held on the
  article's date.
- ``carried``: a name resolved earlier in the article ("Putin", "Mr Putin").
- ``pair``, ``group``, ``description``, ``members``, ``named_members``: references resolved
  against what came before (``named_members``: against the countries the article names)
  (see references.py).
- ``metonym``: a capital or seat of government that acts ("Moscow said", "the Kremlin").
- ``unknown``: a person or organisation that none of the above codes: kept with its text and
  no country, never guessed.

Sectors come from titles and group nouns in the phrase (the phrase's own head first), then
from the organisation, the seat, the leader table or the carried name.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field

from ..limits import check_budget
from ..model import Actor, Article, Mention
from ..events.roles import grammar
from ..nlp.dates import parse_day
from .anchors import Anchor
from .gazetteer import Entry, Gazetteer
from .in_context import in_context
from .leader_rule import LeaderRule
from .names import based_in, name_before_government, person_name_run, short_names
from .phrases import ACTOR_KINDS, Phrase, anchor_index, build_phrase, root_of
from .references import ReferenceResolver
from .things import made_or_backed_by, names_a_thing, qualifies_a_thing
from .tree import tree_of

logger = logging.getLogger(__name__)

NAME_ENTITIES = {"PERSON", "ORG"}
MODIFIER_DEPS = {"poss", "compound", "amod", "nmod", "npadvmod"}


@dataclass
class Reading:
    """What a phrase says about its actor, before it becomes ``Actor`` records."""

    countries: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    organisation: Entry | None = None
    name: str | None = None
    written: str | None = None  # the name as the text writes it, before a table's spelling
    tabled: bool = False  # the name is a person of the leader or people tables
    kind: str = "unknown"
    rule: str = "unknown"

    def add_sectors(self, sectors) -> None:
        for sector in sectors:
            if sector and sector not in self.sectors:
                self.sectors.append(sector)


class ArticleResolver(LeaderRule):
    """Resolves the mentions of one article, in reading order, remembering what it has seen."""

    def __init__(self, article: Article, gazetteer: Gazetteer, anchors: list[Anchor]):
        self.article = article
        self.doc = article.doc
        self.gazetteer = gazetteer
        self.day = parse_day(article.date)  # None for a date that is not a calendar day
        self.anchors = [  # "the Twelve", not "twelve"; not "a Chinese-made missile"
            a for a in in_context(self.doc, anchors) if not made_or_backed_by(self.doc, a)
        ]
        self.by_token = anchor_index(self.anchors)
        self.tree = tree_of(self.doc)
        self.names: dict[str, Reading] = {}  # carried names: full name and surname
        self.full_names: dict[str, str] = {}  # surname -> the first full name written with it
        # Countries the article names anywhere, to tell apart office holders of one name and
        # to find which of "the affected countries" it speaks of.
        self.named_countries = frozenset(
            a.entry.country
            for a in self.anchors
            if a.kind in ("country", "demonym", "place") and a.entry.country
        )
        self.references = ReferenceResolver(self.doc, gazetteer, self.tree, self.named_countries)
        self.mentions: list[Mention] = []

    # -- finding phrases ------------------------------------------------------------------
    def candidate_roots(self):
        seeds = {anchor.start for anchor in self.anchors if anchor.kind in ACTOR_KINDS}
        seeds |= {
            token.i
            for token in self.doc
            if token.ent_type_ in NAME_ENTITIES
            and token.i not in self.by_token
            and any(c.isalpha() for c in token.text)
        }
        known: dict = {}
        roots = {root_of(self.doc[i], self.by_token, known).i for i in seeds}
        return [self.doc[i] for i in sorted(roots)]

    def phrases(self) -> list[Phrase]:
        """One phrase per root, leaving out roots that another root's phrase takes in."""
        phrases = [build_phrase(root, self.by_token, self.tree) for root in self.candidate_roots()]
        kept: list[Phrase] = []
        taken: set[int] = set()
        # The widest phrases first, so that a name the parser split ("SPLM/A") cannot make two
        # roots swallow each other.
        for phrase in sorted(phrases, key=lambda p: (-len(p.all_tokens), p.root)):
            if phrase.root not in taken:
                kept.append(phrase)
                taken |= phrase.all_tokens
        return sorted(kept, key=lambda p: (p.start, p.root))

    def run(self) -> list[Mention]:
        covered: set[int] = set()
        for phrase in self.phrases():
            check_budget()
            if phrase.root in covered:
                continue
            for mention, tokens in self.resolve_phrase(phrase):
                covered |= tokens
                self.mentions.append(mention)
                self.references.observe(mention, tokens)
        self.mentions.sort(key=lambda m: (m.start, m.head))
        return self.mentions

    # -- reading a phrase -----------------------------------------------------------------
    def resolve_phrase(self, phrase: Phrase):
        root = self.doc[phrase.root]
        root_anchor = self.by_token.get(root.i)
        if (
            root_anchor is not None
            and root_anchor.kind == "reference"
            and not self._named_in_apposition(phrase, root)
        ):
            resolved = self.references.resolve(root_anchor, root)
            if resolved is not None:
                actors, rule = resolved
                span = self.doc[root_anchor.start : root_anchor.end]
                tokens = set(range(root_anchor.start, root_anchor.end))
                actors = [dataclasses.replace(actor, text=span.text) for actor in actors]
                mention = self._mention(span, root.i, actors, rule)
                mention.antecedent = self.references.antecedent
                yield mention, tokens
            return
        reading = self.read(phrase)
        if reading.kind == "modifier" or (
            reading.kind == "organisation"
            and not reading.countries
            and reading.organisation is None
            and any(
                child.dep_ == "poss" and child.pos_ == "PROPN" for child in self.tree.lefts(root)
            )
        ):
            # "Mr Brown's International Finance Facility": a thing of his that the recogniser
            # took for an organisation stands for its owner, as "Mr Brown's plan" does
            yield from self._modifier_mentions(phrase)
            return
        self._remember(reading)
        # The mention runs on over a title's complement: "leaders of Romania's government".
        end = max([phrase.end] + [c.end for c in phrase.complements if c.start >= phrase.end])
        span = self.doc[phrase.start : end]
        covered = set(range(phrase.start, end)) | phrase.all_tokens
        yield self._mention(span, root.i, self.actors(reading, span.text), reading.rule), covered

    def read(self, phrase: Phrase, depth: int = 0) -> Reading:
        root = self.doc[phrase.root]
        root_anchor = self.by_token.get(root.i)
        reading = Reading()
        self._read_names_in_phrase(phrase, root_anchor, reading)
        if depth < 3:
            self._read_complements(phrase, reading, depth)
        name_run = person_name_run(self.doc, phrase, self.by_token) or name_before_government(
            self.doc, phrase, self.by_token
        )
        reading.name = self.doc[name_run[0] : name_run[-1] + 1].text if name_run else None
        reading.written = reading.name
        if reading.name is None and root_anchor is not None and root_anchor.entry.historical:
            reading.name = root_anchor.entry.name  # a former state keeps its name: "USSR"
        if (
            reading.name is None
            and root.pos_ == "PROPN"
            and root_anchor is None
            and root.lower_ in self.names
        ):
            reading.name = root.text  # a carried name the recogniser did not see as a person
        self._read_leader(phrase, reading, set(name_run))
        self._read_carried(reading)
        self._read_possessor(root, reading)
        if (
            reading.organisation is not None
            and root_anchor is not None
            and root_anchor.kind == "organisation"
        ):
            reading.add_sectors(reading.organisation.sectors)
        # Capitals and seats act for their government unless they are only where things happen.
        if root_anchor is not None and root_anchor.kind == "place":
            if self._is_locative(root):
                reading.kind = "place"
                return reading
            if root_anchor.entry.place_kind in ("capital", "seat"):
                reading.add_sectors(root_anchor.entry.sectors or ("GOV",))
                if reading.rule == "explicit":
                    reading.rule = "metonym"
                reading.kind = "country"
                return reading
        reading.kind = self._kind(root, root_anchor, reading, {a.kind for a in phrase.anchors})
        return reading

    def _read_names_in_phrase(self, phrase: Phrase, root_anchor, reading: Reading) -> None:
        """Rules ``organisation`` and ``explicit``: what the phrase's own words say."""
        # Titles and group nouns: the head's own first, then from right to left.
        titles = sorted(
            (a for a in phrase.anchors if a.kind in ("title", "agent")),
            key=lambda a: (root_anchor is not a, -a.start),
        )
        for anchor in titles:
            reading.add_sectors(anchor.entry.sectors)
        organisations = [a.entry for a in phrase.anchors if a.kind == "organisation"]
        if organisations:
            reading.organisation = organisations[-1]
            reading.rule = "organisation"
        for anchor in phrase.anchors:
            if organisations and based_in(self.doc, anchor):
                continue  # "the Paris-based OECD": where a known body sits, not whose it is
            if anchor.kind in ("country", "demonym", "place", "community"):
                country = anchor.entry.country
                if country and country not in reading.countries:
                    reading.countries.append(country)
            if anchor.kind == "community":
                reading.add_sectors(anchor.entry.sectors)
        # A state named in the phrase outranks an international body that only qualifies it:
        # "NATO-member Norway", "Russia's Security Council", "Russia's UN envoy".
        if (
            reading.countries
            and reading.organisation is not None
            and (
                reading.organisation.country == "IGO"
                or (root_anchor is not None and root_anchor.kind in ("country", "demonym"))
            )
        ):
            reading.organisation = None
        if reading.countries and not reading.organisation:
            reading.rule = "explicit"

    def _read_complements(self, phrase: Phrase, reading: Reading, depth: int) -> None:
        """A title's complement says whom the person speaks for: "spokesman for the army" is
        coded as the army first, "President of Russia" takes Russia. A city before the title
        is where the person is posted, and the complement's state is the person's: "the
        Tokyo representative of a British bank" is British."""
        read = False
        posted = bool(reading.countries) and all(
            anchor.kind == "place"
            for anchor in phrase.anchors
            if anchor.kind in ("country", "demonym", "place", "community")
        )
        for complement in phrase.complements:
            if read and not complement.joined:
                return
            inner = self._read_reference(complement) or self.read(complement, depth + 1)
            if read:
                # "the foreign ministers of India and Pakistan": each country's minister
                if reading.countries and not reading.organisation:
                    reading.countries += [c for c in inner.countries if c not in reading.countries]
                continue
            if not (inner.countries or inner.organisation or inner.sectors):
                continue
            if posted and (inner.countries or inner.organisation):
                reading.countries = []
            if not reading.countries and not reading.organisation:
                reading.countries, reading.organisation = inner.countries, inner.organisation
                if inner.countries or inner.organisation:
                    reading.rule = inner.rule if inner.rule in ("pair", "group") else "explicit"
            own, reading.sectors = reading.sectors, []
            reading.add_sectors([*inner.sectors, *own])
            read = True

    def _named_in_apposition(self, phrase: Phrase, root) -> bool:
        """ "They (the Kuwaitis) have also asked Britain": a reference followed by a name in
        apposition is what that name says, not what the reference would have been."""
        appositions = [c for c in self.tree.children(root) if c.dep_ == "appos"]
        return any(
            anchor.kind != "reference" and anchor.start >= appos.left_edge.i
            for appos in appositions
            for anchor in phrase.anchors
            if anchor.end <= appos.right_edge.i + 1
        )

    def _read_reference(self, phrase: Phrase) -> Reading | None:
        """A title's complement that refers back to states ("the foreign ministers of both
        countries"): the states it stands for, when they are states and not bodies."""
        anchor = self.by_token.get(phrase.root)
        if anchor is None or anchor.kind != "reference":
            return None
        resolved = self.references.resolve(anchor, self.doc[phrase.root])
        if resolved is None:
            return None
        countries = list(dict.fromkeys(actor.country for actor in resolved[0]))
        if not countries or None in countries or "IGO" in countries:
            return None
        reading = Reading()
        reading.countries, reading.rule = countries, resolved[1]
        return reading

    def _read_possessor(self, root, reading: Reading) -> None:
        """Rule ``possessor``: "his government", "its army": the country of whom the pronoun
        stands for."""
        if reading.countries or reading.organisation or reading.name:
            return
        for child in self.tree.children(root):
            anchor = self.by_token.get(child.i)
            if child.dep_ != "poss" or anchor is None or anchor.kind != "reference":
                continue
            resolved = self.references.resolve(anchor, child)
            countries = [a.country for a in (resolved[0] if resolved else ()) if a.country]
            if len(set(countries)) == 1:
                reading.countries = countries[:1]
                reading.rule = "possessor"
            return

    def _read_carried(self, reading: Reading) -> None:
        """Rule ``carried``: a name (or its surname) resolved earlier in the article."""
        if not reading.name or reading.countries or reading.organisation:
            return
        carried = self.names.get(reading.name.lower()) or self.names.get(
            reading.name.split()[-1].lower()
        )
        if carried is None:
            return
        reading.countries = list(carried.countries)
        reading.organisation = carried.organisation
        if len(carried.name or "") > len(reading.name):
            reading.name = carried.name
        if not reading.sectors:
            reading.add_sectors(carried.sectors)
        reading.rule = "carried"

    def _kind(self, root, root_anchor, reading: Reading, kinds: set[str]) -> str:
        if reading.name and reading.rule in ("carried", "leader") and root_anchor is None:
            return "person"
        if (
            reading.name
            and (root.ent_type_ == "PERSON" or "person" in kinds)
            and (root_anchor is None or root_anchor.kind == "person")
        ):
            return "person"
        if root_anchor is not None:
            return {"demonym": "country", "title": "agent", "community": "agent"}.get(
                root_anchor.kind, root_anchor.kind
            )
        if root.ent_type_ == "ORG" or (
            root.pos_ == "PROPN"
            and root.is_title
            and any(
                child.dep_ == "compound"
                and child.pos_ == "PROPN"
                and child.is_title
                and child.i not in self.by_token
                for child in self.tree.lefts(root)
            )
        ):
            # a name the recogniser missed: "the UK Internet Forum" (not "a U.S. Attack")
            return "organisation"
        if root.ent_type_ == "PERSON":
            return "person"
        return "modifier"  # the head is not an actor: "Russian support", "Mali's security"

    def _is_locative(self, root) -> bool:
        token = root
        while token.dep_ == "conj":
            token = token.head
        if token.dep_ != "pobj" or token.head.lower_ not in grammar()["place_prepositions"]:
            return False
        # "a request to Washington", "an appeal to Moscow": the capital a demand, an offer or
        # a warning is made to is its government, not a place
        return not (
            token.head.lower_ == "to"
            and token.head.head.lemma_.lower() in grammar()["nominal_verbs"]
        )

    def _modifier_mentions(self, phrase: Phrase):
        """Names that modify a head which is not an actor stand alone: "Russian support",
        "Mali's security", "President Reagan's statement"."""
        root = self.doc[phrase.root]
        done: set[int] = set()
        for child in self.tree.lefts(root):
            if child.dep_ not in MODIFIER_DEPS:
                continue
            for token in (child, *self.tree.conjuncts(child)):
                anchor = self.by_token.get(token.i)
                if (
                    anchor is not None
                    and anchor.kind == "place"
                    and names_a_thing(token, self.by_token)
                ):
                    continue
                sub = build_phrase(token, self.by_token, self.tree)
                if (
                    not any(a.kind in ACTOR_KINDS for a in sub.anchors)
                    and token.ent_type_ not in NAME_ENTITIES
                ):
                    continue
                qualifier = (
                    anchor is not None
                    and qualifies_a_thing(token, self.by_token)
                    and anchor.kind in ("country", "demonym", "organisation")
                )
                for mention, tokens in self.resolve_phrase(sub):
                    done |= tokens
                    if qualifier:
                        mention.actors = [
                            dataclasses.replace(a, kind="qualifier") for a in mention.actors
                        ]
                        mention.rule = "qualifier"
                    yield mention, tokens
        for anchor in phrase.anchors:  # names deeper down: "the Israeli-occupied West Bank"
            if anchor.kind not in (
                "country",
                "demonym",
                "community",
                "organisation",
                "person",
                "place",
            ) or done.intersection(range(anchor.start, anchor.end)):
                continue
            if anchor.kind == "place" and names_a_thing(self.doc[anchor.end - 1], self.by_token):
                continue
            head = max(
                range(anchor.start, anchor.end),
                key=lambda i: not (anchor.start <= self.doc[i].head.i < anchor.end),
            )
            reading = self.read(Phrase(head, set(range(anchor.start, anchor.end)), [anchor]))
            if reading.kind in ("modifier", "place"):
                reading.kind = "country" if anchor.kind in ("country", "demonym") else anchor.kind
            span = self.doc[anchor.start : anchor.end]
            yield (
                self._mention(span, head, self.actors(reading, span.text), reading.rule),
                set(range(anchor.start, anchor.end)),
            )

    def _remember(self, reading: Reading) -> None:
        # "his West German counterpart Gerhard Stoltenberg", a title's phrase, introduces
        # the full name as much as a person's phrase does
        if (reading.kind == "person" or reading.tabled) and reading.name and " " in reading.name:
            self.full_names.setdefault(reading.name.split()[-1].lower(), reading.name)
        # "Iran's president, Mohammad Khatami" is an office, but a later "Mr Khatami" is him
        if (
            reading.name
            and (reading.countries or reading.organisation)
            and (reading.kind == "person" or reading.tabled)
        ):
            self.names[reading.name.lower()] = reading
            for word in short_names(reading.name, reading.written, reading.countries):
                self.names.setdefault(word.lower(), reading)

    # -- building records -------------------------------------------------------------------
    def actors(self, reading: Reading, text: str) -> list[Actor]:
        organisation = reading.organisation
        sectors = tuple(reading.sectors)
        if organisation is not None and organisation.expand and reading.kind == "organisation":
            # A bloc acting is its member governments acting together.
            sectors = tuple(s for s in sectors if s != "IGO") or ("GOV",)
            return [
                Actor(
                    self.code(member, sectors),
                    member,
                    sectors,
                    self.gazetteer.country_name(member),
                    text,
                    organisation.name,
                    "member",
                )
                for member in organisation.members
            ]
        if organisation is not None:
            country = organisation.country
            name = reading.name if reading.kind == "person" else organisation.name
            code = organisation.code or self.code(country, sectors)
            return [Actor(code, country, sectors, name, text, None, reading.kind)]
        if not reading.countries:
            return [
                Actor(
                    self.code(None, sectors), None, sectors, reading.name, text, None, reading.kind
                )
            ]
        return [
            Actor(
                self.code(country, sectors),
                country,
                sectors,
                reading.name
                or (
                    self.gazetteer.country_name(country)
                    if reading.kind in ("country", "place")
                    else None
                ),
                text,
                None,
                reading.kind,
            )
            for country in reading.countries
        ]

    @staticmethod
    def code(country: str | None, sectors: tuple[str, ...]) -> str | None:
        code = (country or "") + "".join(s for s in sectors[:2] if s != country)
        return code or None

    def _mention(self, span, head: int, actors: list[Actor], rule: str) -> Mention:
        return Mention(span.start_char, span.end_char, head, actors, rule)
