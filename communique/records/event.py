"""The event record: one report of one event, as the coder makes it and the store gives it back.

``Event.to_dict()`` is the Event of the ``communique code`` contract (docs: DESIGN.md), key for
key and in its order; the store's records add the counts (``num_mentions``, ``num_articles``,
``num_sources``) and the evidence's ``article_id`` and ``lang`` (that article's language).
Events cross process boundaries and the stages after the coder (agreements, headlines,
explanations) annotate them, so an article carries them as these dicts; each consumer reads
one through ``Event.from_dict``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Actor

TEXT, TITLE = "text", "title"  # what evidence offsets index: the clean text, or the title


def actor_from_dict(record: dict) -> Actor:
    """An ``Actor`` from its ``to_dict()`` form (as events carry it and the store keeps it)."""
    return Actor(
        record.get("code"),
        record.get("country"),
        tuple(record.get("sectors") or ()),
        record.get("name"),
        record.get("text") or "",
        record.get("group"),
        record.get("kind") or "unknown",
    )


@dataclass(frozen=True)
class Evidence:
    """Where an event is told: the sentence, its offsets in the article's clean text (in its
    title when ``field`` is "title"), and the words that triggered it. A stored event's
    evidence names its article, and that article's language (None when not known: an
    article stored before languages were)."""

    sentence: str
    start: int | None
    end: int | None
    trigger: str
    field: str = TEXT
    article_id: str | None = None  # stored events only: which report this is
    lang: str | None = None  # stored events only: the language of that report (ISO 639-1)

    def to_dict(self) -> dict:
        record = {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "field": self.field,
        }
        if self.article_id is not None:
            record["article_id"] = self.article_id
            record["lang"] = self.lang
        return record

    @classmethod
    def from_dict(cls, record: dict) -> Evidence:
        return cls(
            record["sentence"],
            record.get("start"),
            record.get("end"),
            record["trigger"],
            record.get("field") or TEXT,
            record.get("article_id"),
            record.get("lang"),
        )


@dataclass(frozen=True)
class Plover:
    event: str | None
    mode: str | None
    context: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"event": self.event, "mode": self.mode, "context": list(self.context)}

    @classmethod
    def from_dict(cls, record: dict) -> Plover:
        return cls(record.get("event"), record.get("mode"), tuple(record.get("context") or ()))


# The fields a located place adds (the places stage's Place: GeoNames' name, coordinates,
# admin-1 key "RU.48", id and feature "P.PPLC"), in the order records give them.
PLACE_FIELDS = ("name", "lat", "lon", "admin1", "geonameid", "feature")


@dataclass(frozen=True)
class Location:
    """Where an event happened: the words of the text (``text``) and their country (ISO3),
    and, when the places stage resolved those words, the place they name. ``lat`` is None
    for a location that was not resolved (an event stored before places were, or a name
    the gazetteer has not), and its record then has ``text`` and ``country`` alone."""

    text: str
    country: str | None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None  # GeoNames' admin-1 key, country and code: "RU.48", "US.TX"
    geonameid: int | None = None
    feature: str | None = None  # GeoNames' class and code: "P.PPLC", "A.ADM1", "A.PCLI"

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    def to_dict(self) -> dict:
        record = {"text": self.text, "country": self.country}
        if self.located:
            record.update({field: getattr(self, field) for field in PLACE_FIELDS})
        return record

    @classmethod
    def from_dict(cls, record: dict | None) -> Location | None:
        if not record:
            return None
        return cls(
            record["text"],
            record.get("country"),
            **{field: record.get(field) for field in PLACE_FIELDS},
        )


@dataclass(frozen=True)
class Counts:
    """How often the store saw an event, with GDELT's meanings: reports of it, distinct
    articles, distinct outlets."""

    num_mentions: int
    num_articles: int
    num_sources: int

    def to_dict(self) -> dict:
        return {
            "num_mentions": self.num_mentions,
            "num_articles": self.num_articles,
            "num_sources": self.num_sources,
        }


ONE_REPORT = Counts(1, 1, 1)  # a coded event before the store merges reports: itself alone


@dataclass(frozen=True, kw_only=True)  # by name only: no call of a dozen positions
class Event:
    """One event: who did what to whom, when, where and how surely, and where it is told.

    ``evidence``, ``pattern`` and ``counts`` are None where a channel does not carry them,
    and ``to_dict`` leaves such keys out: the store keeps no pattern, the coder counts
    nothing, and a stored event read without its mention has no evidence."""

    id: str
    date: str | None
    date_precision: str | None
    source: Actor
    target: Actor | None
    cameo: str
    cameo_root: str
    cameo_name: str
    quad_class: int
    goldstein: float
    plover: Plover
    location: Location | None
    modality: str
    negated: bool
    historical: bool
    agreement_id: str | None = None  # set by the agreements the event acts on
    evidence: Evidence | None = None
    headline: bool = False
    confidence: float
    pattern: str | None = None  # the dictionary line that made it ("patterns.tsv:147")
    counts: Counts | None = None

    def to_dict(self) -> dict:
        record = {
            "id": self.id,
            "date": self.date,
            "date_precision": self.date_precision,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "cameo_name": self.cameo_name,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "modality": self.modality,
            "negated": self.negated,
            "historical": self.historical,
            "agreement_id": self.agreement_id,
        }
        if self.evidence is not None:
            record["evidence"] = self.evidence.to_dict()
        record["headline"] = self.headline
        record["confidence"] = self.confidence
        if self.pattern is not None:
            record["pattern"] = self.pattern
        if self.counts is not None:
            record.update(self.counts.to_dict())
        return record

    @classmethod
    def from_dict(cls, record: dict) -> Event:
        """The event of a ``to_dict()`` record; keys other stages added (an explanation) are
        left out."""
        target = record.get("target")
        evidence = record.get("evidence")
        counted = "num_mentions" in record
        return cls(
            id=record["id"],
            date=record.get("date"),
            date_precision=record.get("date_precision"),
            source=actor_from_dict(record["source"]),
            target=actor_from_dict(target) if target else None,
            cameo=record["cameo"],
            cameo_root=record["cameo_root"],
            cameo_name=record["cameo_name"],
            quad_class=record["quad_class"],
            goldstein=record["goldstein"],
            plover=Plover.from_dict(record["plover"]),
            location=Location.from_dict(record.get("location")),
            modality=record["modality"],
            negated=bool(record.get("negated")),
            historical=bool(record.get("historical")),
            agreement_id=record.get("agreement_id"),
            evidence=Evidence.from_dict(evidence) if evidence else None,
            headline=bool(record.get("headline")),
            confidence=record["confidence"],
            pattern=record.get("pattern"),
            counts=Counts(record["num_mentions"], record["num_articles"], record["num_sources"])
            if counted
            else None,
        )

    @property
    def source_country(self) -> str | None:
        return self.source.country

    @property
    def target_country(self) -> str | None:
        return self.target.country if self.target else None
