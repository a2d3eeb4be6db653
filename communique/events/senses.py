"""Senses in context: sport is not war, a race is not an election.

"Lagat beat Canada's Brannen", "smashed the British record", "Italy grabbed their first
victory": in competition coverage, verbs of force and coercion mean winning, and countries
are teams. Whether a text covers a competition is read from its own words (grammar.yaml's
``competition_words``), sentence by sentence, never from the section it was filed under:

- a *competition sentence* names one of those words ("medal", "marathon", "semi-final");
- an article is *competition coverage* when at least ``COVERAGE_SHARE`` of its sentences,
  and at least ``COVERAGE_MIN`` of them, are competition sentences.

In competition coverage, the events of competition sentences are dropped, and so are those
of protest, force or coercion (roots 14 to 20: "beat", "smashed", "fought off") anywhere;
the other sentences keep only events with a side of the state (``STATE_SECTORS``: "a Greek
prosecutor charged the sprinters"). Elsewhere a sporting word changes nothing: "jailed 52
members for playing in a football tournament" is an arrest.
"""

from __future__ import annotations

import logging

from ..actors.tree import tree_of
from .roles import grammar

logger = logging.getLogger(__name__)

COVERAGE_SHARE = 0.15
COVERAGE_MIN = 3
CONFLICT_ROOTS = ("14", "15", "16", "17", "18", "19", "20")
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def competition_sentences(doc) -> set[int]:
    """The start offsets of the sentences that name a competition word."""
    words = grammar()["competition_words"]
    tree = tree_of(doc)
    return {
        doc[i].sent.start_char
        for i, (lemma, lower) in enumerate(zip(tree.lemmas, tree.lowers))
        if lemma in words or lower in words
    }


def without_competition(doc, events: list[dict]) -> list[dict]:
    """The events that are not sport read as politics."""
    sentences = competition_sentences(doc)
    if not sentences:
        return events
    total = sum(1 for _ in doc.sents)
    coverage = len(sentences) >= COVERAGE_MIN and len(sentences) >= COVERAGE_SHARE * total
    kept = []
    for event in events:
        if coverage and (
            event["evidence"]["start"] in sentences or event["cameo"][:2] in CONFLICT_ROOTS
        ):
            continue
        if coverage and not any(
            set((side or {}).get("sectors") or ()) & STATE_SECTORS
            for side in (event["source"], event.get("target"))
        ):
            continue
        kept.append(event)
    if len(kept) < len(events):
        logger.debug("%d events read as competition, not politics", len(events) - len(kept))
    return kept
