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
from spacy.matcher import PhraseMatcher
from spacy.tokens import DocBin

from ..compiled import cached

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

    A matched phrase stands for the entries that have it, each with a case rule: ``cap``
    entries only count when the text starts with a capital letter (or is all in capitals, as
    in a shouted headline).
    """

    def __init__(self, gazetteer: Gazetteer, nlp):
        self.gazetteer = gazetteer
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
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
        docs = dict(zip(texts, _phrase_docs(nlp, texts)))
        # One matcher key per case rule, and the entries of each matched phrase looked up by
        # its words: 25,000 keys, one per entry, took over a second to add.
        self.by_orth: dict[tuple, list[int]] = {}  # exact case: acronyms
        self.by_lower: dict[tuple, list[tuple[int, bool]]] = {}  # entry, needs a capital
        for (index, rule), patterns in grouped.items():
            for pattern in patterns:
                words = docs[pattern]
                if rule == "exact":
                    self.by_orth.setdefault(tuple(t.orth for t in words), []).append(index)
                else:
                    key = tuple(t.lower for t in words)
                    self.by_lower.setdefault(key, []).append((index, rule == "cap"))
        for matcher, exact in ((self.exact, True), (self.lower, False)):
            phrases = {
                p
                for (_, rule), patterns in grouped.items()
                if (rule == "exact") == exact
                for p in patterns
            }
            matcher.add("exact" if exact else "lower", [docs[p] for p in sorted(phrases)])

    def __call__(self, doc) -> list[Anchor]:
        by_span: dict[tuple[int, int], list[Entry]] = {}
        found = [
            (start, end, index, False)
            for _, start, end in self.exact(doc)
            for index in self.by_orth.get(tuple(t.orth for t in doc[start:end]), ())
        ]
        found += [
            (start, end, index, needs_capital)
            for _, start, end in self.lower(doc)
            for index, needs_capital in self.by_lower.get(
                tuple(t.lower for t in doc[start:end]), ()
            )
        ]
        for start, end, index, needs_capital in found:
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


def _phrase_docs(nlp, texts: list[str]) -> list:
    """The gazetteer's phrases tokenised as the model tokenises text. 32,000 phrases took
    1.9 s to tokenise and take 1.1 s to read back from the compiled cache (keyed by the
    phrases themselves and by the spaCy and model versions)."""

    def build() -> bytes:
        return DocBin(attrs=["ORTH"], docs=nlp.tokenizer.pipe(texts)).to_bytes()

    parts = ["phrases", spacy.__version__, nlp.meta.get("name", ""), nlp.meta.get("version", "")]
    data = cached("phrases", [*parts, *texts], build)
    docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    if len(docs) != len(texts):  # never expected: a cache item from elsewhere
        docs = list(nlp.tokenizer.pipe(texts))
    return docs


@functools.cache
def anchor_matcher(nlp, dictionaries: tuple[str, ...] = ()) -> AnchorMatcher:
    """One matcher per loaded model and set of user dictionaries, built on first use (a
    second or two)."""
    from .gazetteer import load_gazetteer

    return AnchorMatcher(load_gazetteer(dictionaries), nlp)
