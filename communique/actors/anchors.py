"""Anchors: where gazetteer names occur in a parsed text.

An anchor is a token span matched by a gazetteer entry. Where matches overlap, the longest
wins, then the kind that comes first in ``KIND_PRIORITY`` ("Palestinian Islamic Jihad" is
one organisation, not a demonym followed by words). The statistical entity recogniser is
consulted only where no anchor covers a token, because the small English model errs in a
systematic way on exactly the words the gazetteer knows ("Mali's" as a PERSON, "Defense" in
"Defense Minister" as an ORG).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

import spacy

from ..compiled import cached_object
from ..events.roles import grammar

from .gazetteer import KIND_PRIORITY, PROPER_KINDS, Entry, Gazetteer, is_acronym
from .tree import tree_of

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Anchor:
    start: int  # token indices, end exclusive
    end: int
    entries: tuple[Entry, ...]  # every entry with this exact span, best first

    @property
    def entry(self) -> Entry:
        return self.entries[0]

    @property
    def kind(self) -> str:
        return self.entry.kind


class AnchorMatcher:
    """The gazetteer's names looked up by their words: exact case for acronyms, lower case
    for the rest.

    A matched phrase stands for the entries that have it, each with a case rule: ``cap``
    entries only count when the text starts with a capital letter (or is all in capitals, as
    in a shouted headline). The phrases are tokenised as the model tokenises text and kept
    as word tuples keyed by their first word, which loads in milliseconds; spaCy's
    PhraseMatcher needed a Doc per phrase, over a second to build at every start (issue 17).
    """

    def __init__(self, gazetteer: Gazetteer, tables: PhraseTables):
        self.gazetteer = gazetteer
        self.by_orth, self.by_lower, self.exact_lengths, self.lower_lengths = tables

    def _matches(self, doc):
        """(start, end, entry index, needs a capital) for every phrase found in ``doc``."""
        tree = tree_of(doc)
        orths, lowers = tree.words, tree.lowers
        for start, (orth, lower) in enumerate(zip(orths, lowers)):
            room = len(orths) - start  # a phrase longer than what is left cannot match
            for length in self.exact_lengths.get(orth, ()):
                if length > room:
                    break
                for index in self.by_orth.get(tuple(orths[start : start + length]), ()):
                    yield start, start + length, index, False
            for length in self.lower_lengths.get(lower, ()):
                if length > room:
                    break
                for index, needs_capital in self.by_lower.get(
                    tuple(lowers[start : start + length]), ()
                ):
                    yield start, start + length, index, needs_capital

    def __call__(self, doc) -> list[Anchor]:
        by_span: dict[tuple[int, int], list[Entry]] = {}
        for start, end, index, needs_capital in self._matches(doc):
            if needs_capital and not doc[start].text[:1].isupper():
                continue
            entry = self.gazetteer.entries[index]
            if entry.kind in ("title", "agent") and doc[end - 1].pos_ not in ("NOUN", "PROPN"):
                continue  # "an official visit", "military cooperation": adjectives, no actors
            if (
                entry.kind in ("country", "demonym")
                and start > 0
                and doc[start - 1].lower_ in grammar()["honorifics"]
            ):
                continue  # "Mr German", "Mrs Holland": a surname
            if stance_of(doc, start, entry):
                continue  # "pro-Russian separatists": not Russia
            by_span.setdefault((start, end), []).append(entry)
        rank = {kind: position for position, kind in enumerate(KIND_PRIORITY)}
        candidates = sorted(by_span.items(), key=lambda item: (item[0][0] - item[0][1], item[0][0]))
        taken: set[int] = set()
        anchors = []
        for (start, end), entries in candidates:
            if taken.intersection(range(start, end)):
                continue
            taken.update(range(start, end))
            entries = sorted(dict.fromkeys(entries), key=lambda e: rank[e.kind])
            anchors.append(Anchor(start, end, tuple(entries)))
        return sorted(anchors, key=lambda a: a.start)


def stance_of(doc, start: int, entry: Entry) -> bool:
    """Whether the name at ``start`` follows a stance prefix and a hyphen ("pro-", "anti-",
    "non-": grammar.yaml's ``stance_prefixes``), as the tokenizer splits "pro-Russian". Those
    against a seat of government are its own country's opposition ("anti-Baghdad Kurdish
    guerrillas" are Iraq's), and those for or against a person or a national body are a
    faction of its country ("pro-Gbagbo militias"): the name stays. A bloc's stays out
    ("non-OPEC producers")."""
    if start < 2 or doc[start - 1].text != "-":
        return False
    prefix = doc[start - 2].lower_
    if prefix == "anti" and entry.kind == "place" and "GOV" in entry.sectors:
        return False
    if entry.kind == "person" or (entry.kind == "organisation" and entry.country != "IGO"):
        return False  # "pro-Gbagbo militias", "pro-GNA forces": a faction of their country
    return prefix in grammar()["stance_prefixes"]


# by_orth (exact case: acronyms) and by_lower (entry index, needs a capital), and for
# each the lengths of the phrases that start with a word: the lookups to try there.
PhraseTables = tuple[dict, dict, dict, dict]


def phrase_tables(gazetteer: Gazetteer, nlp) -> PhraseTables:
    """The gazetteer's phrases tokenised as the model tokenises text (32,000 phrases, 1.9 s),
    by their words."""
    grouped: dict[tuple[int, str], list[str]] = {}
    for index, entry in enumerate(gazetteer.entries):
        for pattern in entry.patterns:
            if is_acronym(pattern):
                rule = "exact"
            elif entry.kind in PROPER_KINDS and pattern[:1].isupper():
                rule = "cap"
            else:
                rule = "any"
            grouped.setdefault((index, rule), []).append(pattern)
    texts = sorted({p for patterns in grouped.values() for p in patterns})
    words = {
        text: tuple(t.text for t in doc) for text, doc in zip(texts, nlp.tokenizer.pipe(texts))
    }
    by_orth: dict[tuple[str, ...], list[int]] = {}
    by_lower: dict[tuple[str, ...], list[tuple[int, bool]]] = {}
    for (index, rule), patterns in grouped.items():
        for pattern in patterns:
            if not words[pattern]:
                continue
            if rule == "exact":
                by_orth.setdefault(words[pattern], []).append(index)
            else:
                key = tuple(w.lower() for w in words[pattern])
                by_lower.setdefault(key, []).append((index, rule == "cap"))
    return by_orth, by_lower, _lengths_by_first_word(by_orth), _lengths_by_first_word(by_lower)


def _lengths_by_first_word(phrases) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for words in phrases:
        lengths.setdefault(words[0], set()).add(len(words))
    return {word: tuple(sorted(found)) for word, found in lengths.items()}


@functools.cache
def anchor_matcher(nlp, dictionaries: tuple[str, ...] = ()) -> AnchorMatcher:
    """One matcher per loaded model and set of user dictionaries. Its tables are built once
    and read back from the compiled cache (keyed by what the gazetteer is built from and by
    the spaCy and model versions) in a few hundredths of a second."""
    from .gazetteer import load_gazetteer, source_parts

    gazetteer = load_gazetteer(dictionaries)
    parts = [
        "anchors",
        *source_parts(dictionaries),
        spacy.__version__,
        nlp.meta.get("name", ""),
        nlp.meta.get("version", ""),
    ]
    return AnchorMatcher(
        gazetteer, cached_object("anchors", parts, lambda: phrase_tables(gazetteer, nlp))
    )
