"""Place names in a parsed article: the model's place entities, trimmed and split, less the
names that do not stand for a place.

What the parse calls a place (GPE: countries, cities, states; LOC: regions, seas, mountains)
is taken when the gazetteer knows the name. A name the model missed or mislabelled is taken
when it is a country, region or continent of the gazetteer by its own name (not a city,
where "Reading" or "Bath" would be words), and so is a country or region that opens an
organisation's name ("U.S." of "U.S. Department of Agriculture"). Left out:

- demonyms ("Malian", "Americans"), from the actor stage's countries.tsv;
- capitals used as actors ("Moscow said"): the actor stage's metonym rule, as the subject
  of a verb that acts, and the name resolved to a capital (``resolve.py``);
- names inside a person's or an organisation's name ("Texas Instruments"), since only
  whole entities and whole names are taken.

"X, Y" ("Gao, Mali"; "Paris, Texas") gives two names, X contained in Y, whether the model
made one entity of it or two.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from importlib import resources

from ..dictionary_files import read_table
from .build import fold
from .gazetteer import Gazetteer
from .records import Candidate

logger = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC"})
# Labels under which the model often puts a country or a state: "U.S." in "U.S. officials"
# (NORP), "Georgia" as a person, "Kenya Airways" never (the whole name must match).
OTHER_LABELS = frozenset({"ORG", "PERSON", "NORP", "FAC"})
# Features a name the model did not call a place may be taken as.
BARE_FEATURES = frozenset({"A.PCLI", "A.ADM1", "L.CONT"})
_LEADING = frozenset({"the", "The", "THE"})


@dataclass
class NameMention:
    """A place name in the text, its candidates and, for X in "X, Y", Y's index."""

    text: str
    start: int
    end: int
    candidates: tuple[Candidate, ...]
    container: int | None = None
    head: int | None = None  # the syntactic head's token index
    # Read by the actor stage as a capital's government and the subject of a verb that acts:
    # left out if it resolves to a capital ("Moscow said"), kept if not ("Paris, Texas").
    acting: bool = False


@functools.cache
def not_places() -> frozenset[str]:
    path = resources.files("communique.places") / "data" / "not_places.tsv"
    return frozenset(fold(row["name"]) for _, row in read_table(path).rows)


@functools.cache
def demonyms() -> frozenset[str]:
    path = resources.files("communique.actors") / "data" / "countries.tsv"
    names = set()
    for _, row in read_table(path).rows:
        names.update(fold(part) for part in row["adjectives"].split("|") if part.strip())
    return frozenset(names)


def find_mentions(article, gazetteer: Gazetteer) -> list[NameMention]:
    """The place names of ``article.text``, in text order."""
    doc = article.doc
    if doc is None:
        return []
    metonyms = [(m.start, m.end) for m in article.mentions if m.rule == "metonym"]
    found: list[NameMention] = []
    weak: list[NameMention] = []  # other entities known to the gazetteer only as towns
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            pieces = _pieces(ent)
        elif ent.label_ in OTHER_LABELS:
            pieces = [_trim(ent)]
            if ent.label_ in ("ORG", "FAC"):  # not a person's: "Chad Johnson" is no place
                pieces.extend(_leading_country(ent, gazetteer))
        else:
            continue
        for span in pieces:
            if span is None or not span.text.strip():
                continue
            mention = _mention(span, gazetteer)
            if mention is None:
                continue
            mention.acting = _acting(span, mention, metonyms)
            if ent.label_ in PLACE_LABELS or _bare_place(mention):
                found.append(mention)
            else:
                weak.append(mention)
    text = doc.text  # spaCy builds it from the tokens at each access: once
    found.extend(_held(weak, found, text))
    found.extend(_repeated(found, doc, text, metonyms))
    found.sort(key=lambda m: m.start)
    _link_adjacent(found, text)
    return found


def _pieces(ent) -> list:
    """An entity cut at its commas ("Gao, Mali"), each piece trimmed."""
    pieces, start = [], ent.start
    for token in ent:
        if token.text == ",":
            pieces.append(ent.doc[start : token.i])
            start = token.i + 1
    pieces.append(ent.doc[start : ent.end])
    return [_trim(piece) for piece in pieces]


def _leading_country(ent, gazetteer: Gazetteer) -> list:
    """A country or region that opens a longer name: "U.S." of "U.S. Department of
    Agriculture", "Kenya" of "Kenya Red Cross" (the name is the body's, the place is
    named)."""
    for end in range(min(ent.end - 1, ent.start + 3), ent.start, -1):
        span = _trim(ent.doc[ent.start : end])
        if span is not None and any(
            c.entry.feature in ("A.PCLI", "A.ADM1") and not c.alternate
            for c in gazetteer.candidates(span.text)
        ):
            return [span]
    return []


def _trim(span):
    """Without a leading "the" and a trailing possessive ("the Congo's" -> "Congo")."""
    start, end = span.start, span.end
    while start < end and span.doc[start].text in _LEADING:
        start += 1
    while end > start and span.doc[end - 1].text in ("'s", "\u2019s", "'", "."):
        if span.doc[end - 1].text == "." and _keeps_period(span.doc[start:end]):
            break
        end -= 1
    return span.doc[start:end] if end > start else None


def _keeps_period(span) -> bool:
    """ "U.S." and "Calif." keep their period; a sentence's full stop is not the name's."""
    text = span.text
    return "." in text[:-1] or len(span) == 1 and text.endswith(".")


def _mention(span, gazetteer: Gazetteer) -> NameMention | None:
    text = span.text
    if not text[:1].isupper() or fold(text) in demonyms() or fold(text) in not_places():
        return None
    candidates = gazetteer.candidates(text)
    if not candidates:
        return None
    return NameMention(text, span.start_char, span.end_char, candidates, head=span.root.i)


def _bare_place(mention: NameMention) -> bool:
    """Outside the model's places, a name is taken when it is a country, region or
    continent by its own name; then all its candidates count."""
    return any(c.entry.feature in BARE_FEATURES and not c.alternate for c in mention.candidates)


def _held(weak: list[NameMention], found: list[NameMention], text: str) -> list[NameMention]:
    """The other entities that a place holds by "X, Y" ("Gao, Mali" with Gao read as a
    person's name)."""
    from .resolve import inside

    by_start = {}
    for mention in found:
        by_start.setdefault(mention.start, mention)
    held = []
    for mention in weak:
        rest = text[mention.end :]
        comma = len(rest) - len(rest.lstrip())
        if not rest[comma:].startswith(","):
            continue
        after = rest[comma + 1 :]
        outer = by_start.get(mention.end + comma + 1 + len(after) - len(after.lstrip()))
        if outer is not None and any(
            inside(inner.entry, container.entry)
            for inner in mention.candidates
            for container in outer.candidates
        ):
            held.append(mention)
    return held


def _repeated(found: list[NameMention], doc, text: str, metonyms) -> list[NameMention]:
    """A name taken once is taken wherever else the text writes it, capitalised and whole,
    outside a longer name of another kind: the model reads "Gainesville" as a place in one
    sentence and as nothing or a person's name in the next."""
    names = {}
    for mention in found:
        names.setdefault(mention.text, mention)
    if not names:
        return []
    covered = set()
    for mention in found:
        covered.update(range(mention.start, mention.end))
    longer = [
        (ent.start_char, ent.end_char)
        for ent in doc.ents
        if ent.label_ not in PLACE_LABELS and ent.label_ in OTHER_LABELS
    ]
    pattern = re.compile(
        r"(?<![\w.])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?!\w)"
    )
    more = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if start in covered or end - 1 in covered:
            continue
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e in longer):
            continue  # "Georgia Power", "Paris Hilton"
        span = doc.char_span(start, end, alignment_mode="strict")
        if span is None:  # not on token boundaries: part of a word
            continue
        mention = NameMention(match.group(), start, end, names[match.group()].candidates,
                              head=span.root.i)  # fmt: skip
        mention.acting = _acting(span, mention, metonyms)
        more.append(mention)
        covered.update(range(start, end))
    return more


@functools.cache
def not_acting_verbs() -> frozenset[str]:
    path = resources.files("communique.places") / "data" / "not_acting_verbs.tsv"
    return frozenset(row["lemma"] for _, row in read_table(path).rows)


def _acting(span, mention: NameMention, metonyms: list[tuple[int, int]]) -> bool:
    """A name the actor stage read as a capital's government, and the subject of a verb
    that acts or speaks: "Moscow said" is Russia's government, not a place."""
    if not any(start < mention.end and mention.start < end for start, end in metonyms):
        return False
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ not in not_acting_verbs()


def _link_adjacent(found: list[NameMention], text: str) -> None:
    """Two names with only ", " between them, in one entity or two: X is in Y ("X, Y, Z":
    X in Y, Y in Z)."""
    for index, (inner, outer) in enumerate(zip(found, found[1:])):
        if text[inner.end : outer.start].strip() == ",":
            inner.container = index + 1
