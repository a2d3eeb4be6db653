"""Gold articles: the seed format and the holdout format, their readers and their scorer.

The rules are those of ``../shared/tools/score_events.py``, the scorer every release is
measured with: only international events count (source and target countries known and
different, neither negated nor hypothetical); an event matches an item when its countries,
its CAMEO root and its evidence sentence agree with the item's. Recall counts the required
items found, precision the produced events that match any item.

Gold files:
- the seed format: ``{"article": PATH, "publication_date_given", "events": [...]}``;
- the holdout format: ``{"articles": [{"path": PATH, "events": [...]}, ...]}``, where a
  story inside a JSONL file is named by ``"doc_id"`` (its ``id``), beside the file's ``path``
  or alone (then every JSONL file of the corpus is searched).
Holdout paths are relative to ``corpus`` (by default the gold file's folder); the seed's
article lies beside its gold file.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from .config import Settings
from .errors import BadGold
from .evaluate import Gold, GoldUnit, ratio
from .model import Article, Document


@dataclass(frozen=True)
class EventItem:
    """One gold item: the events that match it, and whether recall requires one."""

    id: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    cameo_roots: tuple[str, ...]
    required: bool = False
    symmetric: bool = False
    historical: bool = False
    sentence_contains: str | None = None
    cameo_expected: str | None = None  # the exact code, for type accuracy

    @classmethod
    def from_json(cls, record: dict) -> EventItem:
        return cls(
            id=record["id"],
            sources=tuple(record["sources"]),
            targets=tuple(record["targets"]),
            cameo_roots=tuple(record["cameo_roots"]),
            required=bool(record.get("required")),
            symmetric=bool(record.get("symmetric")),
            historical=bool(record.get("historical")),
            sentence_contains=record.get("sentence_contains") or None,
            cameo_expected=record.get("cameo_expected") or None,
        )


def event_items(records: list[dict]) -> tuple[EventItem, ...]:
    return tuple(EventItem.from_json(record) for record in records)


# -- readers -----------------------------------------------------------------------------------
def read_seed(path: Path, gold: dict, settings: Settings) -> Gold:
    """The seed format: one article, beside its gold file, published on the date given."""
    date = gold.get("publication_date_given")
    if date:
        settings = settings.replace(default_date=date)
    document = _read_file(path.parent / gold["article"], settings)
    _give_date(document, date)
    return _gold("seed", path, [(gold["article"], document, gold["events"])], settings)


def read_holdout(path: Path, gold: dict, settings: Settings, corpus: Path) -> Gold:
    """The holdout format: files read whole, JSONL stories by id (each file read once),
    all under ``corpus``."""
    from .ingest.readers import holds_many_documents, iter_documents

    articles = list(gold["articles"])
    if len(articles) == 1 and articles[0].get("date"):
        settings = settings.replace(default_date=articles[0]["date"])
    for number, article in enumerate(articles, 1):
        if not article.get("doc_id") and not article.get("path"):
            raise BadGold(f"article {number} of {path} has neither a path nor a doc_id")
        if "events" not in article:
            raise BadGold(f"article {number} of {path} has no events list")
        if article.get("path") and not holds_many_documents(article["path"]):
            # a file of one document: a doc_id beside its path is only a label
            article = articles[number - 1] = article | {"doc_id": None}
        if article.get("path") and not (corpus / article["path"]).is_file():
            raise BadGold(f"{corpus / article['path']}, named in {path}, is not a file")
    stories: dict[str, dict[str, Document]] = {}
    for name in {a["path"] for a in articles if a.get("doc_id") and a.get("path")}:
        wanted = {a["doc_id"] for a in articles if a.get("path") == name}
        stories[name] = {
            d.id: d for d in iter_documents([str(corpus / name)], settings) if d.id in wanted
        }
    # A story named by its doc_id alone (as ../shared/tools/score_events.py allows) is looked
    # for in every JSONL file of the corpus.
    unplaced = {a["doc_id"] for a in articles if a.get("doc_id") and not a.get("path")}
    if unplaced:
        files = sorted(str(f) for f in corpus.rglob("*.jsonl"))
        stories[""] = {d.id: d for d in iter_documents(files, settings) if d.id in unplaced}
    units = []
    for article in articles:
        if article.get("doc_id"):
            document = stories[article.get("path", "")].get(article["doc_id"])
            if document is None:
                where = corpus / article["path"] if article.get("path") else corpus
                raise BadGold(f"story {article['doc_id']}, named in {path}, is not in {where}")
        else:
            document = _read_file(corpus / article["path"], settings)
        _give_date(document, article.get("date"))
        units.append((article.get("doc_id") or article["path"], document, article["events"]))
    return _gold("articles", path, units, settings)


def _read_file(path: Path, settings: Settings) -> Document:
    from .ingest.readers import iter_documents

    return next(iter_documents([str(path)], settings))


def _give_date(document: Document, date: str | None) -> None:
    if date and not document.date:
        document.date = date


def _gold(kind: str, path: Path, units: list, settings: Settings) -> Gold:
    from . import CODE_STAGES

    return Gold(
        kind,
        path,
        tuple(GoldUnit(label, document, event_items(items)) for label, document, items in units),
        settings,
        CODE_STAGES,
    )


# -- scorer ------------------------------------------------------------------------------------
def _country(actor) -> str | None:
    return (actor or {}).get("country")


def eligible(event) -> bool:
    """Dyadic, international and asserted enough to count, as the scorer's rules say."""
    source, target = _country(event.get("source")), _country(event.get("target"))
    return bool(
        source
        and target
        and source != target
        and not event.get("negated")
        and event.get("modality") != "hypothetical"
        and event.get("cameo")
    )


def matches_item(event, item: EventItem) -> bool:
    source, target = _country(event["source"]), _country(event["target"])
    if str(event["cameo"])[:2] not in item.cameo_roots:
        return False
    if item.sentence_contains and item.sentence_contains not in (event.get("evidence") or {}).get(
        "sentence", ""
    ):
        return False
    if item.historical and not event.get("historical"):
        return False
    forward = source in item.sources and target in item.targets
    backward = item.symmetric and target in item.sources and source in item.targets
    return bool(forward or backward)


@dataclass(frozen=True)
class EventCounts:
    """Required items found, produced (eligible) events good, typed items coded exactly,
    and events reported twice."""

    found: int = 0
    required: int = 0
    good: int = 0
    produced: int = 0
    typed: int = 0
    exact: int = 0
    duplicates: int = 0

    def __add__(self, other: EventCounts) -> EventCounts:
        return EventCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def recall(self) -> float:
        return ratio(self.found, self.required)

    @property
    def precision(self) -> float:
        return ratio(self.good, self.produced)

    @property
    def type_accuracy(self) -> float:
        return ratio(self.exact, self.typed)


@dataclass(frozen=True)
class ArticleScore:
    """One article's counts, its required items missed and its produced events unmatched."""

    label: str
    counts: EventCounts
    missed: list[str] = field(default_factory=list)
    unmatched: list[tuple] = field(default_factory=list)

    def as_dict(self) -> dict:
        counts = self.counts
        return {
            "path": self.label,
            "recall": counts.recall,
            "precision": counts.precision,
            "type_accuracy": counts.type_accuracy,
            "duplicates": counts.duplicates,
            "missed": self.missed,
            "unmatched": self.unmatched,
        }


def score_article(label: str, items: tuple[EventItem, ...], events: list[dict]) -> ArticleScore:
    """One article's items against its events."""
    produced = [e for e in events if eligible(e)]
    required = [g for g in items if g.required]
    found = [g for g in required if any(matches_item(e, g) for e in produced)]
    good = [e for e in produced if any(matches_item(e, g) for g in items)]
    # a duplicate, by the reference scorer's key (../shared/tools/score_events.py): the same
    # source and target codes and CAMEO code in the same sentence
    keys = [
        (e["source"].get("code"), e["target"].get("code"), e["cameo"], e["evidence"]["sentence"])
        for e in produced
    ]
    typed = [g for g in items if g.cameo_expected]
    exact = [
        g
        for g in typed
        if any(matches_item(e, g) and e["cameo"] == g.cameo_expected for e in produced)
    ]
    counts = EventCounts(
        found=len(found),
        required=len(required),
        good=len(good),
        produced=len(produced),
        typed=len(typed),
        exact=len(exact),
        duplicates=len(keys) - len(set(keys)),
    )
    return ArticleScore(
        label,
        counts,
        [g.id for g in required if g not in found],
        [
            (
                _country(e["source"]),
                _country(e["target"]),
                e["cameo"],
                e["evidence"]["sentence"][:80],
            )
            for e in produced
            if e not in good
        ],
    )


@dataclass(frozen=True)
class ArticlesScore:
    """A seed or holdout gold file scored: its articles, and the sum of their counts."""

    kind: str
    articles: tuple[ArticleScore, ...]

    @property
    def counts(self) -> EventCounts:
        return sum((article.counts for article in self.articles), EventCounts())

    @property
    def recall(self) -> float:
        return self.counts.recall

    @property
    def precision(self) -> float:
        return self.counts.precision

    @property
    def type_accuracy(self) -> float:
        return self.counts.type_accuracy

    def as_dict(self) -> dict:
        counts = self.counts
        return {
            "format": self.kind,
            "recall": counts.recall,
            "precision": counts.precision,
            "type_accuracy": counts.type_accuracy,
            "duplicates": counts.duplicates,
            "found": counts.found,
            "required": counts.required,
            "good": counts.good,
            "produced": counts.produced,
            "typed": counts.typed,
            "exact": counts.exact,
            "articles": [article.as_dict() for article in self.articles],
        }


def score_articles(gold: Gold, articles: list[Article]) -> ArticlesScore:
    """The scorer of seed and holdout gold: each article's events against its items."""
    return ArticlesScore(
        gold.kind,
        tuple(
            score_article(unit.label, unit.items, article.events)
            for unit, article in zip(gold.units, articles)
        ),
    )
