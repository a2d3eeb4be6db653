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

from spacy.matcher import PhraseMatcher

from .gazetteer import KIND_PRIORITY, PROPER_KINDS, Entry, Gazetteer, is_acronym

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
    """Two PhraseMatchers over one gazetteer: exact case for acronyms, lower case for the rest.

    A match key stands for an entry and a case rule: ``cap`` keys only count when the text
    starts with a capital letter (or is all in capitals, as in a shouted headline).
    """

    def __init__(self, gazetteer: Gazetteer, nlp):
        self.gazetteer = gazetteer
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[int, tuple[int, bool]] = {}  # match id -> (entry index, needs capital)
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
        docs = dict(zip(texts, nlp.tokenizer.pipe(texts)))
        for (index, rule), patterns in grouped.items():
            key = f"gaz{index}{rule}"
            match_id = nlp.vocab.strings.add(key)
            self.keys[match_id] = (index, rule == "cap")
            matcher = self.exact if rule == "exact" else self.lower
            matcher.add(key, [docs[p] for p in patterns])

    def __call__(self, doc) -> list[Anchor]:
        by_span: dict[tuple[int, int], list[Entry]] = {}
        for match_id, start, end in [*self.exact(doc), *self.lower(doc)]:
            index, needs_capital = self.keys[match_id]
            if needs_capital and not doc[start].text[:1].isupper():
                continue
            entry = self.gazetteer.entries[index]
            if entry.kind in ("title", "agent") and doc[end - 1].pos_ not in ("NOUN", "PROPN"):
                continue  # "an official visit", "military cooperation": adjectives, no actors
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


@functools.cache
def anchor_matcher(nlp, dictionaries: tuple[str, ...] = ()) -> AnchorMatcher:
    """One matcher per loaded model and set of user dictionaries, built on first use (a
    second or two)."""
    from .gazetteer import load_gazetteer

    return AnchorMatcher(load_gazetteer(dictionaries), nlp)
