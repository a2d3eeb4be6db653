"""Typed records of what communique finds: events and agreements, their evidence, the
columns they are stored and exported as, and which reports tell the same event."""

from ..model import Actor
from .agreement import Agreement, AgreementEvidence
from .event import ONE_REPORT, Counts, Event, Evidence, Location, Plover, actor_from_dict
from .identity import SAME_EVENT_DAYS, EventKind, both_sides_coded, event_key, event_kind

__all__ = [
    "ONE_REPORT",
    "SAME_EVENT_DAYS",
    "Actor",
    "Agreement",
    "AgreementEvidence",
    "Counts",
    "Event",
    "EventKind",
    "Evidence",
    "Location",
    "Plover",
    "actor_from_dict",
    "both_sides_coded",
    "event_key",
    "event_kind",
]
