"""Which reports tell the same event: the one definition the store and the evaluation share.

Two reports can tell one event only when they are of one *kind* (``event_kind``): the same
source code, target code, CAMEO code and negation, both from headlines or both from texts.
The store (``store/merge.py``) makes one event of the reports of a kind whose dates follow
each other at most ``SAME_EVENT_DAYS`` apart, and when a side has no country
(``both_sides_coded``), only within one story; ``event_key`` is the id of such an event.
(The evaluation counts duplicates by the reference scorer's own key, which it must follow.)
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

from .event import Event

SAME_EVENT_DAYS = 1  # reports of one event may date it a day apart ("yesterday", "on Monday")


class EventKind(NamedTuple):
    """An event's kind; the names are those of the events table's columns, which the store's
    same-event lookup is indexed by."""

    source_code: str | None
    target_code: str | None
    cameo: str
    negated: int
    headline: int


def event_kind(event: Event) -> EventKind:
    return EventKind(
        event.source.code,
        event.target.code if event.target else None,
        event.cameo,
        int(event.negated),
        int(event.headline),
    )


def both_sides_coded(event: Event) -> bool:
    """Whether both sides have a country: only such reports may be merged across articles."""
    return bool(event.source_country and event.target_country)


def stable_hash(*parts: str) -> str:
    # surrogatepass: a lone surrogate (an undecodable byte kept by a reader) hashes, never
    # raises; the same text always gives the same id.
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def event_key(event: Event, day: str | None = None, article_id: str | None = None) -> str:
    """The id of the event of ``event``'s kind whose first day is ``day`` (by default the
    report's own date). An event with a side not coded with a country is its article's own
    (``article_id``): "someone said" in two stories is not one statement."""
    kind = event_kind(event)
    parts = [
        kind.source_code or "",
        kind.target_code or "",
        kind.cameo,
        (event.date if day is None else day) or "",
        "1" if kind.negated else "0",
        "h" if kind.headline else "",
    ]
    if not both_sides_coded(event):
        parts.append(article_id or "")
    return stable_hash(*parts)
