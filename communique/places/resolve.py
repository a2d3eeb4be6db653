"""Which place each name stands for: its candidates scored by prior and by the article.

A candidate's score is its prior, the log of its population plus its feature's score
(``data/feature_ranks.tsv``; an alternate name costs ``ALTERNATE_COST``), plus what the
article says:

- the countries and admin-1 regions that the article's other names point to (each name's
  best candidate by prior votes for its country and region; a name does not vote for
  itself), the dateline's place and the actors' countries;
- "X, Y": X's candidates inside Y (a country or an admin-1 region) win, and Y's candidates
  that hold one of X's.

One name means one place in an article ("Paris, Texas ... Paris"): the scores of all its
mentions are added up, and the best candidate is taken for all of them.
"""

from __future__ import annotations

import collections
import functools
import logging
import math
from collections.abc import Iterable
from importlib import resources

from ..dictionary_files import read_table
from .build import fold
from .gazetteer import Gazetteer
from .mentions import NameMention
from .records import Candidate, GazetteerEntry, Place

logger = logging.getLogger(__name__)

ALTERNATE_COST = 3.0  # "Mary" (Turkmenistan) is an alternate name of "Mali": far behind
COUNTRY_BONUS = 4.0  # the article's other names are in this candidate's country
ADMIN1_BONUS = 4.0  # ... in its admin-1 region
SHARE_WEIGHT = 2.0  # ... and twice as much again when all the other names are there
INSIDE_BONUS = 12.0  # "X, Y" with X's candidate inside Y's choice: all but certain
HOLDS_BONUS = 4.0  # Y's candidate holds one of X's candidates
DATELINE_VOTES = 2.0  # the dateline counts as two names
ACTOR_VOTES = 0.5  # an actor's country, as half a name


@functools.cache
def feature_ranks() -> dict[str, float]:
    path = resources.files("communique.places") / "data" / "feature_ranks.tsv"
    return {row["feature"]: float(row["score"]) for _, row in read_table(path).rows}


def prior(candidate: Candidate) -> float:
    entry = candidate.entry
    score = math.log1p(max(entry.rank_population, 0)) + feature_ranks().get(entry.feature, 0)
    return score - ALTERNATE_COST if candidate.alternate else score


def priors(candidates: tuple[Candidate, ...]) -> dict[int, float]:
    """Each candidate's prior, a city taking that of a region of its name that holds it:
    "Moscow", "Gao" and "Lagos" name the city more often than the region named after it."""
    scores = {c.entry.key: prior(c) for c in candidates}
    regions = [c.entry for c in candidates if c.entry.feature == "A.ADM1"]
    for candidate in candidates:
        entry = candidate.entry
        if entry.feature.startswith("P.") and not candidate.alternate:
            for region in regions:
                if region.admin1 == entry.admin1:
                    scores[entry.key] = max(scores[entry.key], scores[region.key] + 0.5)
    return scores


def inside(entry: GazetteerEntry, container: GazetteerEntry) -> bool:
    if entry.key == container.key:
        return False
    if container.feature == "A.PCLI":
        return entry.country == container.country
    if container.feature == "A.ADM1":
        return entry.admin1 == container.admin1 and entry.feature != "A.ADM1"
    return False


class _Votes:
    """Countries and regions named in the article, counted per name so that a name's own
    votes can be left out of its context."""

    def __init__(self):
        self.countries: collections.Counter = collections.Counter()
        self.regions: collections.Counter = collections.Counter()
        self.by_name: dict[str, tuple[collections.Counter, collections.Counter]] = {}

    def add(self, name: str | None, entry: GazetteerEntry, weight: float = 1.0) -> None:
        own = self.by_name.setdefault(name, (collections.Counter(), collections.Counter()))
        if entry.country:
            self.countries[entry.country] += weight
            own[0][entry.country] += weight
        if entry.admin1:  # a county too: "Clarke County" puts the article in Georgia
            self.regions[entry.admin1] += weight
            own[1][entry.admin1] += weight

    def context(self, candidate: GazetteerEntry, name: str) -> float:
        """A bonus for each of the candidate's country and region that other names point
        to: some for one name, more as they make up more of the article's names."""
        own_countries, own_regions = self.by_name.get(name, ({}, {}))
        others = sum(self.countries.values()) - sum(own_countries.values())
        score = 0.0
        if candidate.country:
            votes = self.countries[candidate.country] - own_countries.get(candidate.country, 0)
            score += _bonus(COUNTRY_BONUS, votes, others)
        if candidate.admin1:
            votes = self.regions[candidate.admin1] - own_regions.get(candidate.admin1, 0)
            score += _bonus(ADMIN1_BONUS, votes, others)
        return score


def _bonus(weight: float, votes: float, total: float) -> float:
    if votes <= 0 or total <= 0:
        return 0.0
    return weight * (min(votes, 1.0) + SHARE_WEIGHT * votes / total)


def _best(candidates: tuple[Candidate, ...]) -> Candidate:
    scores = priors(candidates)
    return max(candidates, key=lambda c: (scores[c.entry.key], -c.entry.key))


def resolve(
    mentions: list[NameMention],
    gazetteer: Gazetteer,
    dateline: str | None = None,
    actor_countries: Iterable[str] = (),
    context: bool = True,
) -> list[Place]:
    """One place per mention, in text order. Without ``context``, each name's place is its
    best candidate by prior alone (the baseline the measurements compare with)."""
    if not context:
        chosen = [_best(mention.candidates).entry for mention in mentions]
        return _places(mentions, chosen)
    if not mentions:
        return []
    votes = _Votes()
    for mention in mentions:
        votes.add(fold(mention.text), _best(mention.candidates).entry)
    place = dateline_place(dateline, gazetteer) if dateline else None
    if place is not None:
        votes.add(None, place, DATELINE_VOTES)
    for iso3 in actor_countries:
        country = gazetteer.country(iso3)
        if country is not None:
            votes.add(None, country, ACTOR_VOTES)

    chosen = _choose_containers(mentions, votes)
    totals: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    by_key: dict[int, Candidate] = {}
    for index, mention in enumerate(mentions):
        name = fold(mention.text)
        outer = chosen.get(mention.container) if mention.container is not None else None
        scores = priors(mention.candidates)
        for candidate in mention.candidates:
            entry = candidate.entry
            score = scores[entry.key] + votes.context(entry, name)
            if outer is not None and inside(entry, outer):
                score += INSIDE_BONUS
            if index in chosen and chosen[index].key == entry.key:
                score += HOLDS_BONUS
            totals[name][entry.key] += score
            by_key[entry.key] = candidate
    resolved = []
    for mention in mentions:
        scores = totals[fold(mention.text)]
        resolved.append(by_key[max(scores, key=lambda k: (scores[k], -k))].entry)
    return _places(mentions, resolved)


def _places(mentions: list[NameMention], entries: list[GazetteerEntry]) -> list[Place]:
    """The places, less the capitals that act ("Moscow said")."""
    return [
        _place(mention, entry)
        for mention, entry in zip(mentions, entries)
        if not (mention.acting and entry.feature == "P.PPLC")
    ]


def dateline_place(dateline: str, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The place a dateline names: "NAIROBI"; "ATHENS, Ga." is the Athens in Georgia."""
    parts = [part.strip() for part in dateline.split(",") if part.strip()]
    if not parts:
        return None
    found = gazetteer.candidates(parts[0])
    if len(parts) > 1 and found:
        for outer in sorted(gazetteer.candidates(parts[1]), key=lambda c: -prior(c)):
            held = [c for c in found if inside(c.entry, outer.entry)]
            if held:
                return _best(tuple(held)).entry
    return _best(found).entry if found else None


def _choose_containers(mentions: list[NameMention], votes: _Votes) -> dict[int, GazetteerEntry]:
    """For each Y of an "X, Y", the candidate that holds one of X's candidates, the best by
    prior and context among those that do."""
    chosen = {}
    for mention in mentions:
        if mention.container is None:
            continue
        outer = mentions[mention.container]
        holding = [
            c
            for c in outer.candidates
            if any(inside(inner.entry, c.entry) for inner in mention.candidates)
        ]
        if holding:
            name, scores = fold(outer.text), priors(outer.candidates)
            best = max(holding, key=lambda c: scores[c.entry.key] + votes.context(c.entry, name))
            chosen[mention.container] = best.entry
    return chosen


def _place(mention: NameMention, entry: GazetteerEntry) -> Place:
    return Place(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        name=entry.name,
        geonameid=entry.geonameid,
        country=entry.country3,
        admin1=entry.admin1,
        lat=round(entry.lat, 5),
        lon=round(entry.lon, 5),
        feature=entry.feature,
        population=entry.population,
    )
