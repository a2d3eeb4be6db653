"""The event record a coder of any language makes of what it found (records/event.py's
``Event.to_dict()``): one builder, so English and French events carry the same ids,
confidences and CAMEO names."""

from __future__ import annotations

import hashlib

from ..model import Actor
from ..nlp.parse import written
from ..records.event import TEXT, Event, Evidence, Location, Plover
from .cameo import lookup
from .modality import intended_plover_event


def coded_event(
    article_id: str,
    sentence,
    token_index: int,
    trigger_text: str,
    code: str,
    source: Actor,
    target: Actor | None,
    *,
    specific: bool,
    modality: str,
    negated: bool,
    historical: bool,
    date: str | None,
    precision: str | None,
    location: Location | None,
    origin: str | None,
) -> dict:
    """An event as ``Event.to_dict()`` gives it, from what a coder of any language found:
    its id hashes the article, sentence, trigger, code and actors; a pattern more specific
    than its verb alone (``specific``) and a target raise the confidence, a hypothetical
    lowers it."""
    entry = lookup(code)
    text = written(sentence).rstrip()
    identity = "|".join(
        [
            article_id,
            str(sentence.start_char),
            str(token_index),
            code,
            source.code or "",
            (target.code or "") if target else "",
        ]
    )
    confidence = 0.5 + (0.2 if specific else 0.0) + (0.15 if target else 0.0)
    if modality == "hypothetical":
        confidence -= 0.2
    return Event(
        id=hashlib.sha1(identity.encode()).hexdigest()[:16],
        date=date,
        date_precision=precision,
        source=source,
        target=target,
        cameo=code,
        cameo_root=code[:2],
        cameo_name=entry.name,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        plover=Plover(
            intended_plover_event(entry.plover_event)
            if modality == "intended"
            else entry.plover_event,
            entry.plover_mode,
            tuple(entry.plover_context),
        ),
        location=location,
        modality=modality,
        negated=negated,
        historical=historical,
        evidence=Evidence(
            sentence=text,
            start=sentence.start_char,
            end=sentence.start_char + len(text),
            trigger=trigger_text,
            field=TEXT,
        ),
        confidence=round(min(confidence, 0.95), 2),
        pattern=origin,
    ).to_dict()
