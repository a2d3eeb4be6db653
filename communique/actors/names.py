"""Names in a phrase: the tokens of a person's name, a leader's name before a word of
government, where a body is based, and the country an "of" after it states."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..events.roles import grammar


def person_name_run(doc, phrase, by_token) -> list[int]:
    """The tokens of the person's name in the phrase, the run closest to its head. A title
    word right after a name the recogniser sees as one person is the surname: "Paul King",
    not King Paul."""

    def in_name(i: int) -> bool:
        anchor = by_token.get(i)
        return anchor is None or (
            anchor.kind == "title"
            and i > 0
            and doc[i].is_title
            and doc[i - 1].ent_type_ == "PERSON"
            and doc[i - 1].ent_iob_ != "O"
            and doc[i].ent_iob_ == "I"
            and i - 1 not in by_token
        )

    tokens = [
        i
        for i in sorted(phrase.tokens)
        if doc[i].ent_type_ == "PERSON"
        and in_name(i)
        and doc[i].lower_ not in grammar()["honorifics"]
        and not doc[i].is_punct
    ]
    if not tokens:
        return []
    # The name closest to the head, as one run of tokens (hyphens may join its parts).
    run = [tokens[-1]]
    for i in reversed(tokens[:-1]):
        if all(j == i or doc[j].tag_ == "HYPH" for j in range(i, run[0])):
            run.insert(0, i)
        else:
            break
    return run


def mark_repeated_surnames(doc) -> None:
    """A surname repeated alone after the full name is the same person, wherever the
    recogniser missed it: in "Paul Channon, secretary for trade and industry, said ..." it
    sees a PERSON, in the later "Channon made his remarks" often nothing. Such a proper noun,
    outside any entity and spelt as the last word of an earlier person's name of two words
    or more, becomes a PERSON entity of its own, so that the name carries (resolve.py).
    So does a name after an honorific, whatever the recogniser labelled it
    (``honoured_names``)."""
    seen: set[str] = set()
    added = honoured_names(doc)
    taken = {i for span in added for i in range(span.start, span.end)}
    persons = iter(sorted((e for e in doc.ents if e.label_ == "PERSON"), key=lambda e: e.start))
    person = next(persons, None)
    for token in doc:
        while person is not None and person.end <= token.i:
            if len(person) >= 2 and person[-1].is_title:
                seen.add(person[-1].text)
            person = next(persons, None)
        if (
            token.ent_iob_ == "O"
            and token.pos_ == "PROPN"
            and token.is_title
            and token.text in seen
            and token.i not in taken
        ):
            added.append(Span(doc, token.i, token.i + 1, label="PERSON"))
    if added:
        doc.set_ents(added, default="unmodified")


def honoured_names(doc) -> list[Span]:
    """The names after an honorific that the recogniser did not see as a person's: in
    "Mr Straw, visiting Beijing, noted ..." it may take "Straw" for a product. The run of
    capitalised proper nouns after "Mr", "Mrs", "Dr" (grammar.yaml's ``honorifics``) is a
    person's name, when it is outside any entity or is the whole of one of another label."""
    honorifics = grammar()["honorifics"]
    found = []
    for token in doc[:-1]:
        if token.lower_ not in honorifics:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        run = doc[token.i + 1 : end]
        if (
            not run
            or run[0].lower_ in grammar()["addressed_titles"]
            or any(t.ent_type_ == "PERSON" for t in run)
        ):
            continue
        entities = {t.ent_type_ and _entity_of(t) for t in run} - {"", None}
        # only an entity of the name's own words, or none: "Mr Straw" but not a name
        # inside "the Bank of England" or a longer title
        if all(e.start >= token.i and e.end <= end for e in entities):
            found.append(Span(doc, run.start, run.end, label="PERSON"))
    return found


def _entity_of(token) -> Span | None:
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def name_before_government(doc, phrase, by_token) -> list[int]:
    """A name the recogniser took for part of an organisation, before a word of government:
    "the Reagan Administration", "the Nakasone government". The name is the office holder's
    (resolve.py looks the surname up), whatever the recogniser made of it."""
    for i in sorted(phrase.tokens):
        head = doc[i].head
        anchor = by_token.get(head.i)
        if (
            doc[i].pos_ == "PROPN"
            and doc[i].dep_ == "compound"
            and i not in by_token
            and head.lemma_.lower() in grammar()["government_nouns"]
            and anchor is not None
            and anchor.entry.sectors == ("GOV",)  # "Reagan Administration officials" too
            and head.i in phrase.tokens
        ):
            return [i]
    return []


def based_in(doc, anchor) -> bool:
    """Whether a place is followed by "-based" or "based" ("Geneva-based GATT"): where a
    body sits."""
    after = [t.lower_ for t in doc[anchor.end : anchor.end + 2]]
    return after[:1] == ["based"] or after == ["-", "based"]


def country_after(doc, tree, phrase, by_token) -> str | None:
    """The country an "of" right after a name states: "King Hassan of Morocco"."""
    for child in tree.children(doc[phrase.root]):
        if child.dep_ == "prep" and child.lower_ == "of":
            for place in tree.children(child):
                anchor = by_token.get(place.i)
                if (
                    place.dep_ == "pobj"
                    and anchor is not None
                    and anchor.kind in ("country", "demonym")
                ):
                    return anchor.entry.country
    return None


# "Chun Doo-hwan", "Lee Teng-hui": a family name, then a given name of two syllables joined
# by a hyphen, the second in lower case (Korean and Chinese names as news writes them)
FAMILY_NAME_FIRST = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+$")


def short_names(name: str, written: str | None, countries) -> list[str]:
    """The words of a full name that the text repeats alone: the last, and the first of a
    name written family name first ("Chun" of "Chun Doo-hwan", which the table spells "Chun
    Doo Hwan") or of a country whose people go by it (grammar.yaml's
    ``first_word_name_countries``: "Li" of "Li Peng"), and the last without the Arabic
    article joined to it (``name_articles``: "Shaheen" of "al-Shaheen")."""
    words = [name.split()[-1]]
    article, _, bare = words[0].partition("-")
    if bare[:1].isupper() and article.lower() in grammar()["name_articles"]:
        words.append(bare)  # "al-Shaheen", repeated as "Shaheen"
    if (written and FAMILY_NAME_FIRST.match(written)) or (
        set(countries) & set(grammar()["first_word_name_countries"])
    ):
        words.insert(0, (written or name).split()[0])
    return words
