"""The PLOVER gold standard: its reader and its scorer.

The gold standard (322 sentences from the CAMEO manual, PLOVER 0.5b1) codes each sentence
with one event type, and its source and target actors in CAMEO. Each sentence is coded as a
one-sentence article, its text taken as clean. The scorer counts:

- events: sentences where some produced event has the gold PLOVER type (type accuracy),
  those where such an event also has a gold source's country (recall), and produced events
  (with a PLOVER type) whose type is the sentence's (precision);
- actors: gold actors that a produced mention overlapping the gold actor's text codes with
  the same country (the actor stage alone);
- coded actors: gold actors that some produced event of the sentence has in the same role,
  with the same country (through the coder).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .evaluate import Gold, GoldUnit, ratio
from .model import Article, Document
from .stages import canonical_stages

# The PLOVER GSR codes actors in CAMEO, which has a few codes that are no ISO country:
# transnational NGOs, international militarised groups (IMG) and religious codes (ISM).
# Such a gold actor is matched by an actor with no country of the same nature.
NON_STATE_GOLD = {"NGO": "NGO", "IMG": "REB", "ISM": None}
# CAMEO 1.x country codes that differ from ISO and from the Phoenix tables of 2014.
OBSOLETE_CAMEO = {"VTN": "VNM", "JAP": "JPN", "ITL": "ITA"}
# PLOVER 0.5b1 labels of the gold standard, in today's PLOVER.
PLOVER_RENAMED = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
ROLES = ("source", "target")


@dataclass(frozen=True)
class PloverItem:
    """A coded sentence of the gold standard: its event type and its actors by role (each
    a gold record with ``code`` and ``actorText``)."""

    id: str
    text: str
    event: str  # as the file has it (0.5b1)
    source: tuple[dict, ...] = ()
    target: tuple[dict, ...] = ()

    @property
    def plover_type(self) -> str:
        return PLOVER_RENAMED.get(self.event, self.event)

    def actors(self, role: str) -> tuple[dict, ...]:
        return self.source if role == "source" else self.target


def _gold_actors(value) -> tuple[dict, ...]:
    return (
        tuple(a for a in value if a.get("code") and a.get("actorText"))
        if isinstance(value, list)
        else ()
    )


def read_plover(path: Path, records: list[dict], settings: Settings) -> Gold:
    """The coded sentences of a PLOVER gold file (its DOCUMENT header left out), each a
    document whose content is taken as clean text."""
    units = []
    for record in records:
        if record.get("event") == "DOCUMENT" or not record.get("text"):
            continue
        item = PloverItem(
            record["id"],
            record["text"],
            record["event"],
            _gold_actors(record.get("source")),
            _gold_actors(record.get("target")),
        )
        document = Document(id=record["id"], content=record["text"], date=record.get("date"))
        units.append(GoldUnit(record["id"], document, (item,)))
    return Gold("plover", path, tuple(units), settings, canonical_stages("parse"))


# -- matching ----------------------------------------------------------------------------------
def _actor_matches(gold_code: str, actor: dict, to_iso) -> bool:
    if gold_code in NON_STATE_GOLD:
        sector = NON_STATE_GOLD[gold_code]
        return actor["country"] is None and (sector is None or sector in actor["sectors"])
    if gold_code == "IGO":
        return actor["country"] == "IGO"
    return actor["country"] == (OBSOLETE_CAMEO.get(gold_code) or to_iso(gold_code) or gold_code)


def _overlaps(text: str, gold_text: str, actor: dict) -> bool:
    """Whether the produced mention overlaps the place where the gold actor text occurs.

    Gold texts may elide words ("Palestinian ... residential areas") or skip some ("French
    warships" in "French and Egyptian warships"): then each of their words is looked for.
    """
    gold_text = " ".join(gold_text.split())
    parts = [p.strip(". ") for p in gold_text.split("..")]
    if not all(part in text for part in parts if part):
        parts = [
            w
            for w in re.findall(r"[\w'’-]+", gold_text)
            if w.lower() not in ("the", "and", "of", "in", "for") and (len(w) > 3 or w[0].isupper())
        ]
    for part in parts:
        start = text.find(part) if part else -1
        while start >= 0:
            if actor["start"] < start + len(part) and start < actor["end"]:
                return True
            start = text.find(part, start + 1)
    return False


# -- counts ------------------------------------------------------------------------------------
@dataclass
class RoleCounts:
    """Gold actors of one role, those coded right, and the misses: ``missed`` (nothing
    overlaps, or no event has it) and ``wrong_country`` (a mention overlaps, coded otherwise)."""

    total: int = 0
    correct: int = 0
    missed: list = field(default_factory=list)
    wrong_country: list = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.total)


@dataclass
class PloverEventCounts:
    sentences: int = 0
    typed: int = 0  # sentences with an event of the gold type
    recalled: int = 0  # ... one of which has a gold source's country
    produced: int = 0  # produced events with a PLOVER type
    right: int = 0  # ... of the sentence's type
    misses: list = field(default_factory=list)  # (id, gold type, types produced, text)


def count_events(units, articles, to_iso) -> PloverEventCounts:
    counts = PloverEventCounts()
    for unit, article in zip(units, articles):
        (item,) = unit.items
        counts.sentences += 1
        sources = {
            OBSOLETE_CAMEO.get(a["code"]) or to_iso(a["code"]) or a["code"] for a in item.source
        }
        kinds = [e for e in article.events if e["plover"]["event"]]
        right = [e for e in kinds if e["plover"]["event"] == item.plover_type]
        counts.produced += len(kinds)
        counts.right += len(right)
        if right:
            counts.typed += 1
            if any((e["source"] or {}).get("country") in sources for e in right):
                counts.recalled += 1
        else:
            counts.misses.append(
                (
                    item.id,
                    item.plover_type,
                    sorted({e["plover"]["event"] for e in kinds}),
                    item.text[:100],
                )
            )
    return counts


def count_actors(units, articles, to_iso) -> dict[str, RoleCounts]:
    """Per role: gold actors that a produced mention overlapping their text codes right."""
    scores = {role: RoleCounts() for role in ROLES}
    for unit, article in zip(units, articles):
        (item,) = unit.items
        actors = article.actors_record().get("actors", [])
        for role, counts in scores.items():
            for gold in item.actors(role):
                counts.total += 1
                overlapping = [a for a in actors if _overlaps(item.text, gold["actorText"], a)]
                if any(_actor_matches(gold["code"], a, to_iso) for a in overlapping):
                    counts.correct += 1
                    continue
                errors = counts.wrong_country if overlapping else counts.missed
                errors.append(
                    {
                        "id": item.id,
                        "gold": gold,
                        "text": item.text,
                        "produced": [(a["text"], a["country"]) for a in overlapping],
                    }
                )
    return scores


def count_coded_actors(units, articles, to_iso) -> dict[str, RoleCounts]:
    """Per role: gold actors that some produced event of the sentence has in that role."""
    scores = {role: RoleCounts() for role in ROLES}
    for unit, article in zip(units, articles):
        (item,) = unit.items
        for role, counts in scores.items():
            sides = [
                {"country": e[role].get("country"), "sectors": e[role].get("sectors") or []}
                for e in article.events
                if e.get(role)
            ]
            for gold in item.actors(role):
                counts.total += 1
                if any(_actor_matches(gold["code"], side, to_iso) for side in sides):
                    counts.correct += 1
                else:
                    counts.missed.append((item.id, gold["code"], gold["actorText"]))
    return scores


@dataclass
class PloverScore:
    """A PLOVER gold file scored: event counts, and actor counts per role, found by the
    actor stage (``actors``) and carried by the coded events (``coded``)."""

    events: PloverEventCounts
    actors: dict[str, RoleCounts]
    coded: dict[str, RoleCounts]
    kind: str = "plover"

    @property
    def sentences(self) -> int:
        return self.events.sentences

    @property
    def recall(self) -> float:
        return ratio(self.events.recalled, self.events.sentences)

    @property
    def precision(self) -> float:
        return ratio(self.events.right, self.events.produced)

    @property
    def type_accuracy(self) -> float:
        return ratio(self.events.typed, self.events.sentences)

    def as_dict(self) -> dict:
        return {
            "format": self.kind,
            "sentences": self.sentences,
            "type_accuracy": self.type_accuracy,
            "recall": self.recall,
            "precision": self.precision,
            "misses": self.events.misses,
            "source_accuracy": self.actors["source"].accuracy,
            "target_accuracy": self.actors["target"].accuracy,
            "coded_source_accuracy": self.coded["source"].accuracy,
            "coded_target_accuracy": self.coded["target"].accuracy,
        }


def score_plover(gold: Gold, articles: list[Article], to_iso: Callable) -> PloverScore:
    """The scorer of PLOVER gold: ``to_iso`` turns a CAMEO country code into ISO."""
    return PloverScore(
        count_events(gold.units, articles, to_iso),
        count_actors(gold.units, articles, to_iso),
        count_coded_actors(gold.units, articles, to_iso),
    )
