"""Rule ``leader`` of the resolver (resolve.py): a person named in a phrase who is in the dated
tables of leaders and public figures, coded by the office held on the article's date. By full
name; by surname after a title ("President Mugabe", "the Nakasone government"); or by surname
after an honorific ("Mr Blair") when the one holder of that surname among the countries the
article names is meant. A mixin of ``ArticleResolver``, whose document, tables and memory of
names it uses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..events.roles import grammar
from .names import country_after, name_before_government

if TYPE_CHECKING:
    from .phrases import Phrase
    from .resolve import Reading


class LeaderRule:
    """The leader rule, over ArticleResolver's ``doc``, ``day``, ``gazetteer``, ``names``,
    ``full_names``, ``named_countries``, ``tree`` and ``by_token``."""

    def _read_leader(self, phrase: Phrase, reading: Reading, name_tokens: set[int]) -> None:
        """Rule ``leader``: the table of leaders, by full name, or by surname after a title
        (a title inside the name is a surname: "Paul King", "Grant Dean")."""
        anchor = next((a for a in phrase.anchors if a.kind == "person"), None)
        if anchor is not None and (given := self._namesakes_given_name(anchor)) is not None:
            # "Finance Minister Gerhard Stoltenberg" is not Jens Stoltenberg: the name read is
            # the one written, and a later "Stoltenberg" carries it.
            surname = self.doc[anchor.start : anchor.end].text
            reading.name = f"{given} {surname}" if given else surname
            name_tokens = name_tokens | set(range(anchor.start, anchor.end))
            anchor = None
        person = anchor.entry if anchor is not None else None
        known = bool(reading.countries or reading.organisation)
        if person is not None:
            reading.name = person.name
            reading.tabled = True
            reading.written = reading.written or self.doc[anchor.start : anchor.end].text
            office = person.office_on(self.day)
            if self.day is not None and all(o.begins_long_after(self.day) for o in person.offices):
                # every office the tables know began long after the story: in 1987 "Michael
                # Smith" is not the Irish minister of 2003, only someone of that name
                office = None
            if office is not None:
                if not known:
                    reading.countries = [office.country]
                    reading.rule = "leader"
                    if office.country == "IGO":
                        # the head of a body acts as the body: Annan as the UN (IGOUNO)
                        reading.organisation = self.gazetteer.body_named_in(office.role)
                if not reading.sectors:
                    reading.add_sectors(office.sectors)
                elif not person.holds_offices and office.sectors:
                    # "Bill Gates, Microsoft chairman": the table says who a public figure
                    # is (BUS) better than a title that may be a state's ("chairman", GOV)
                    reading.sectors = list(office.sectors)
            return
        # "President Mugabe" names an office holder, and so does "the Bush administration";
        # "Mr Howard" could be anyone called Howard.
        titled = any(
            (
                a.kind == "title"
                or (a.kind == "agent" and a.entry.sectors == ("GOV",) and a.start == phrase.root)
            )
            and a.start not in name_tokens
            for a in phrase.anchors
        )
        # "Mr Blair" in a story that names Britain: an honorific and a surname name the one
        # office holder of a country the article names, and no one else
        honoured = (
            not titled
            and reading.name is not None
            and len(reading.name.split()) == 1
            and self._after_honorific(phrase, reading.name)
            and bool(self.named_countries)
        )
        if (
            reading.name
            and (titled or honoured)
            and not known
            and reading.name.lower() not in self.names
        ):
            holder = self.gazetteer.office_holder(
                reading.name.split()[-1], self.day, self.named_countries
            )
            given = reading.name.split()[:-1]
            if holder is not None and given and given[0] != holder[0].name.split()[0]:
                holder = None  # "Tory leader Michael Howard" is not John Howard
            if (
                holder is not None
                and honoured
                and self._introduced_otherwise(reading.name, holder[0].name.split()[0])
            ):
                holder = None  # "Nicholas Negroponte ... Mr Negroponte" is not John
            if holder is not None and self._legislator_titled(phrase, holder[1]):
                holder = None  # "Senator Bentsen" is not the Faroese minister Niels Bentsen
            stated = country_after(self.doc, self.tree, phrase, self.by_token)
            if holder is not None and stated is not None and holder[1].country != stated:
                holder = None  # "King Hassan of Morocco" is not Chad's minister Hassan
            if (
                holder is not None
                and (
                    self._after_honorific(phrase, reading.name.split()[-1])
                    or not self._head_titled(phrase)
                )
                and self.named_countries
                and holder[1].country not in self.named_countries | {"IGO"}
            ):
                # "Shadow Europe minister Mr Brady" in a story of Britain alone is not
                # Ireland's attorney general, the one Brady in office; "President Bush" in
                # a story that names only Russia is still the US president, while "Trade
                # Minister Saleh" in a story of Indonesia is not Yemen's president
                holder = None
            if holder is not None:
                entry, office = holder
                reading.countries = [office.country]
                reading.name = entry.name
                reading.add_sectors(office.sectors)
                reading.rule = "leader"

    def _head_titled(self, phrase: Phrase) -> bool:
        """Whether a title of one who leads a state or a body (grammar.yaml's
        ``head_titles``: "President", "King") names the person, or a government is named
        after him ("the Bush administration")."""
        heads = grammar()["head_titles"]
        return any(a.kind == "title" and a.entry.key.lower() in heads for a in phrase.anchors) or (
            bool(name_before_government(self.doc, phrase, self.by_token))
        )

    @staticmethod
    def _legislator_titled(phrase: Phrase, office) -> bool:
        """Whether a legislator's title ("Senator", "Congressman") names the person while the
        office found by surname is no legislature's: then it is someone else's surname."""
        titles = [a for a in phrase.anchors if a.kind == "title"]
        return (
            bool(titles)
            and all(a.entry.sectors == ("LEG",) for a in titles)
            and ("LEG" not in office.sectors)
        )

    def _introduced_otherwise(self, surname: str, given: str) -> bool:
        """Whether the article writes the surname after a given name other than ``given``
        ("Nicholas Negroponte" where the table's Negroponte is John)."""
        honorifics = grammar()["honorifics"]
        return any(
            token.text == surname
            and token.i > 0
            and token.ent_type_ == "PERSON"
            and token.ent_iob_ == "I"  # "Nicholas Negroponte", not "Prime Minister Blair"
            and (before := self.doc[token.i - 1]).is_title
            and before.lower_ not in honorifics
            and before.text != given
            for token in self.doc
        )

    def _after_honorific(self, phrase: Phrase, surname: str) -> bool:
        """Whether the surname follows an honorific (grammar.yaml's ``honorifics``: "Mr
        Brady", "Mrs Beckett"), which the press gives anyone, not an office."""
        honorifics = grammar()["honorifics"]
        return any(
            self.doc[i].text == surname and i > 0 and self.doc[i - 1].lower_ in honorifics
            for i in phrase.tokens
        )

    def _namesakes_given_name(self, anchor) -> str | None:
        """The given name of another person that a table's person found by surname alone
        stands for: a given name written before it that is not the table's ("Gerhard
        Stoltenberg"), or the full name the article introduced the surname with ("" when
        that is the case, for the surname alone); None for the table's own person."""
        table_words = {w.lower() for w in anchor.entry.name.split()}
        if anchor.end - anchor.start >= len(table_words):
            return None  # the full name as the table writes it
        before = self.doc[anchor.start - 1] if anchor.start else None
        if (
            before is not None
            and before.pos_ == "PROPN"
            and before.ent_type_ == "PERSON"
            and before.is_title
            and before.i not in self.by_token
        ):
            return before.text if before.lower_ not in table_words else None
        earlier = self.full_names.get(self.doc[anchor.start : anchor.end].text.lower())
        if earlier is not None and earlier.split()[0].lower() not in table_words:
            return ""
        return None
