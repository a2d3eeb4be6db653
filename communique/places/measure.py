"""Measuring the places stage on a geoparsing gold file (JSONL: id, text, toponyms with
name, lat, lon), as ``score_places.py`` of the shared tools scores it: a gold toponym is
detected when the document has a place of the same text (case aside), resolved when one
such place lies within 161 km. Used by the tests' gates and by ``bench/places.py``; three
resolvers are compared on the same parse:

- ``naive``: the issue's baseline, the model's GPE entities, each the most populous place
  of its name;
- ``prior``: this stage's names, each its best candidate by population and feature alone;
- ``context``: this stage as it runs.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .mentions import find_mentions
from .records import Place
from .resolve import resolve

logger = logging.getLogger(__name__)

RESOLVERS = ("naive", "prior", "context")
ACCURATE_KM = 161


@dataclass(frozen=True)
class Score:
    toponyms: int
    detected: int
    accurate: int
    median_km: float

    @property
    def detection(self) -> float:
        return self.detected / max(self.toponyms, 1)

    @property
    def accuracy(self) -> float:
        return self.accurate / max(self.toponyms, 1)

    def line(self) -> str:
        return (
            f"toponyms {self.toponyms} detected {self.detection:.3f} acc@161 "
            f"{self.accuracy:.3f} median-km {self.median_km:.0f}"
        )


def read_gold(path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def score(gold: list[dict], places: dict[str, list[Place]]) -> Score:
    toponyms = detected = accurate = 0
    errors = []
    for document in gold:
        by_text: dict[str, list] = {}
        for place in places.get(str(document["id"]), []):
            by_text.setdefault(place.text.strip().lower(), []).append((place.lat, place.lon))
        for toponym in document.get("toponyms", []):
            if toponym.get("lat") is None or toponym.get("lon") is None:
                continue
            toponyms += 1
            points = by_text.get(toponym["name"].strip().lower())
            if points is None:
                continue
            detected += 1
            error = min(km(point, (toponym["lat"], toponym["lon"])) for point in points)
            errors.append(error)
            accurate += error <= ACCURATE_KM
    errors.sort()
    median = errors[len(errors) // 2] if errors else math.nan
    return Score(toponyms, detected, accurate, median)


def naive_places(article, gazetteer: Gazetteer) -> list[Place]:
    from .mentions import NameMention
    from .resolve import _place

    places = []
    for ent in article.doc.ents if article.doc is not None else ():
        if ent.label_ != "GPE":
            continue
        candidates = gazetteer.candidates(ent.text)
        if candidates:
            best = max(candidates, key=lambda c: (c.entry.rank_population, -c.entry.key))
            mention = NameMention(ent.text, ent.start_char, ent.end_char, candidates)
            places.append(_place(mention, best.entry))
    return places


def places_by(articles: Iterable, gazetteer: Gazetteer, resolver: str) -> dict[str, list]:
    """Each article's places by one of ``RESOLVERS``; the articles carry their parse and
    actor mentions."""
    found = {}
    for article in articles:
        if resolver == "naive":
            found[article.id] = naive_places(article, gazetteer)
            continue
        actor_countries = [
            a.country for m in article.mentions for a in m.actors if a.country not in (None, "IGO")
        ]
        found[article.id] = resolve(
            find_mentions(article, gazetteer),
            gazetteer,
            dateline=article.dateline,
            actor_countries=actor_countries,
            context=resolver == "context",
        )
    return found


def parsed_articles(path, limit: int | None = None) -> list:
    """The gold file's documents through clean, parse and actors (errors left out)."""
    from ..config import Settings
    from ..ingest.readers import iter_documents
    from ..pipeline import Pipeline
    from ..stages import canonical_stages

    settings = Settings(dedupe=False)
    pipeline = Pipeline(settings, stages=canonical_stages(last="actors"))
    documents = iter_documents([str(path)], settings)
    if limit is not None:
        documents = (d for i, d in zip(range(limit), documents))
    return [a for a in pipeline.pipe(documents) if a.error is None]
