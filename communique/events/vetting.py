"""A learned check of the events between two countries that the grammar codes.

The rules find an act and its parties; they cannot tell a misread sentence from a real act
("Michael German" read as Germany, a takeover bid coded as an appeal, a hypothetical read as
done). A logistic model over the event's trigger, code, pattern, actors and the dependency
paths to them gives the probability that the event is right, and events between two
countries under the model's threshold are left out. Its weights are data, one file per
language (data/event_model_en.tsv), learned by scripts/train_targets.py from events that
annotators judged; a language without a file is not vetted.
"""

from __future__ import annotations

import functools
import logging
from importlib import resources
from pathlib import Path

from ..model import Actor
from .attach import path_features
from .logistic import LogisticModel, read_model

logger = logging.getLogger(__name__)

MODEL_FILE = "event_model_{lang}.tsv"


@functools.cache
def shipped_model(lang: str) -> LogisticModel | None:
    path = Path(str(resources.files("communique.events") / "data" / MODEL_FILE.format(lang=lang)))
    return read_model(path) if path.is_file() else None


def event_features(
    article, token, code: str, origin: str | None, source: Actor, target: Actor, saying
) -> tuple[str, ...]:
    """What the model knows of one event between two countries."""
    root = code[:2]
    sentence = token.sent
    countries = {
        actor.country
        for mention in article.mentions
        if sentence.start <= mention.head < sentence.end
        for actor in mention.actors
        if actor.country
    }
    features = [
        f"root={root}",
        f"code={code}",
        f"lemma={token.lemma_.lower()}",
        f"pattern={origin}",
        f"pos={token.pos_}",
        f"dep={token.dep_}",
        f"source_kind={source.kind}",
        f"target_kind={target.kind}",
        f"kinds={source.kind}>{target.kind}",
        f"kinds={source.kind}>{target.kind}&root={root}",
        f"countries={min(len(countries), 4)}",
        f"igo={'source' if source.country == 'IGO' else ''}{'target' if target.country == 'IGO' else ''}",
        f"first_sentence={sentence.start == 0}",
    ]
    for role, actor in (("source", source), ("target", target)):
        head = _head_of(article, token, actor)
        if head is None:
            features.append(f"{role}_path=none")
            continue
        features += [f"{role}_{f}" for f in path_features(token, head, root, saying)]
    return tuple(features)


def _head_of(article, token, actor: Actor):
    """The head token of the mention in the trigger's sentence that named ``actor``."""
    sentence = token.sent
    best = None
    for mention in article.mentions:
        if not sentence.start <= mention.head < sentence.end:
            continue
        if any(a.country == actor.country and a.text == actor.text for a in mention.actors):
            if best is None or abs(mention.head - token.i) < abs(best - token.i):
                best = mention.head
    return None if best is None else token.doc[best]


def vetted(events: list[dict], features_of: dict[str, tuple], lang: str) -> list[dict]:
    """The events, less those between two countries that the model doubts."""
    model = shipped_model(lang)
    if model is None:
        return events
    kept = []
    for event in events:
        features = features_of.get(event["id"])
        if features is not None and model.probability(features) < model.threshold:
            logger.debug("left out, doubtful: %s", event["evidence"]["sentence"][:80])
            continue
        kept.append(event)
    return kept
