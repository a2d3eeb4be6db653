"""Events placed on the map: each event's location resolved to one of the article's places.

The coder names where an event happened when its clause says so through an actor ("met
in Moscow": ``location`` {"text": "Moscow", "country": "RUS"}); the places stage has
resolved every place name of the text. An event takes:

1. the place of its sentence whose words are the coder's location (the same name anywhere
   in the text when the sentence has none: a capital the places stage left out as an
   actor's metonym is still found where it is a place);
2. when the coder gave none, the place of its sentence nearest to the trigger that follows
   a locative word (``data/locative_words.tsv``: "clashes near Gao"), so that "sanctions on
   Mali" is not placed in Mali, only "clashes in Mali" is;
3. else no coordinates: an event is never placed by a guess from the rest of the article.
"""

from __future__ import annotations

import functools
import logging
import re
from importlib import resources

from ..dictionary_files import read_table
from ..records.event import TEXT, Location
from .records import Place

logger = logging.getLogger(__name__)


@functools.cache
def _locative() -> re.Pattern:
    path = resources.files(__package__) / "data" / "locative_words.tsv"
    words = sorted({row["word"].lower() for _, row in read_table(path).rows})
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\s+(?:the\s+)?$", re.IGNORECASE)


def _located(text: str, country: str | None, place: Place) -> Location:
    return Location(
        text,
        place.country or country,
        name=place.name,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1,
        geonameid=place.geonameid,
        feature=place.feature,
    )


def locate(event: dict, places: list[Place], text: str) -> dict | None:
    """The location record ``event`` (an ``Event.to_dict()``) takes among ``places`` (the
    article's, indexing ``text``); None when it has none."""
    location = event.get("location")
    evidence = event.get("evidence") or {}
    start, end = evidence.get("start"), evidence.get("end")
    in_sentence = []
    if evidence.get("field", TEXT) == TEXT and start is not None and end is not None:
        in_sentence = [p for p in places if start <= p.start and p.end <= end]
    if location and location.get("text"):
        words = location["text"]
        same = [p for p in in_sentence if p.text == words] or [p for p in places if p.text == words]
        if not same:
            return location
        return _located(words, location.get("country"), same[0]).to_dict()
    if not in_sentence:
        return location
    trigger = text.find(evidence.get("trigger") or "", start, end)
    trigger = start if trigger < 0 else trigger
    pattern = _locative()
    after_word = [p for p in in_sentence if pattern.search(text, max(start, p.start - 12), p.start)]
    if not after_word:
        return location
    nearest = min(after_word, key=lambda p: abs(p.start - trigger))
    return _located(nearest.text, nearest.country, nearest).to_dict()


def locate_events(article) -> None:
    """Resolve the location of each of ``article``'s events in place (``Article.events``)."""
    for event in article.events:
        event["location"] = locate(event, article.places, article.text)
