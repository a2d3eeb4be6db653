"""Pipeline stage: the places of each article, after the parse and the actors, and the
events placed among them (``locate.py``) when the events stage ran before."""

from __future__ import annotations

import logging

from ..stages import canonical_stages, register_stage
from .gazetteer import load_gazetteer
from .locate import locate_events
from .mentions import find_mentions
from .resolve import resolve

logger = logging.getLogger(__name__)

# What `communique places` runs: the actors give the metonyms and their countries.
PLACES_STAGES = (*canonical_stages(last="actors"), "places")


@register_stage("places", requires=["doc", "mentions"], assigns=["places", "events"])
class PlaceResolver:
    """Finds each article's place names and resolves them (``Article.places``: ``Place``
    records). The actor stage's mentions give the metonyms to leave out ("Moscow said") and
    the actors' countries as context. In a coding run it comes after the events stage and
    gives each event's location its coordinates (``Article.events``)."""

    def __init__(self, settings, context: bool = True):
        self.settings = settings
        self.context = context
        self.gazetteer = load_gazetteer()

    def __call__(self, article):
        mentions = find_mentions(article, self.gazetteer)
        actor_countries = [
            actor.country
            for mention in article.mentions
            for actor in mention.actors
            if actor.country and actor.country != "IGO"
        ]
        article.places = resolve(
            mentions,
            self.gazetteer,
            dateline=article.dateline,
            actor_countries=actor_countries,
            context=self.context,
        )
        locate_events(article)
        return article
