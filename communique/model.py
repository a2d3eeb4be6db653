"""Records that flow through the pipeline.

A ``Document`` is what a reader found: raw bytes or text plus the metadata the container
knew. A ``Article`` is the cleaned report that every later stage enriches. Both are plain
dataclasses so they pickle cheaply across worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import CommuniqueError

TEXT = "text"
HTML = "html"


@dataclass
class Document:
    id: str
    path: str | None = None
    content: str | bytes | None = None
    media_type: str = TEXT  # TEXT or HTML
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    dateline: str | None = None  # as the container gives it: "WASHINGTON, March 4 -"
    error: CommuniqueError | None = None
    warnings: list[str] = field(default_factory=list)  # what the reader repaired


@dataclass
class RemovedBlock:
    kind: str
    text: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text}


@dataclass
class Article:
    id: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    author: str | None = None
    text: str = ""
    lang: str | None = None  # ISO 639-1, identified by the clean stage (ingest/language.py)
    removed: list[RemovedBlock] = field(default_factory=list)
    dateline: str | None = None  # the place a dateline names, as written ("NAIROBI")
    duplicate_of: str | None = None
    warnings: list[str] = field(default_factory=list)
    error: CommuniqueError | None = None
    # Time the stages spent on this article so far, in seconds: the budget is per document.
    seconds: float = 0.0
    # Filled by later stages: the spaCy Doc (parse), resolved mentions (actors).
    doc: Any = field(default=None, repr=False)
    mentions: list["Mention"] = field(default_factory=list)
    dateline_country: str | None = None  # the dateline's country (actors), for context
    events: list[dict] = field(default_factory=list)
    agreements: list[dict] = field(default_factory=list)
    # The headline, parsed (parse) and resolved (actors), for coding it like the text.
    title_doc: Any = field(default=None, repr=False)
    title_mentions: list["Mention"] = field(default_factory=list)
    # The places named in the text (places stage: `communique places`, and every coding run).
    places: list = field(default_factory=list)

    @classmethod
    def from_document(cls, doc: Document) -> "Article":
        return cls(
            id=doc.id,
            path=doc.path,
            url=doc.url,
            title=doc.title,
            date=doc.date,
            source=doc.source,
            error=doc.error,
            warnings=list(doc.warnings),
        )

    def detach(self) -> "Article":
        """Drop what the stages kept for each other (the spaCy Docs), leaving the results:
        what a worker sends back, and what a long run need not hold."""
        self.doc = None
        self.title_doc = None
        self.title_mentions = []
        return self

    @property
    def ok(self) -> bool:
        return self.error is None

    def error_record(self) -> dict:
        return {"id": self.id, "path": self.path, "error": self.error.record()}

    def clean_record(self) -> dict:
        """The ``communique clean --format jsonl`` shape of the contract."""
        if self.error is not None:
            return self.error_record()
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "url": self.url,
            "author": self.author,
            "lang": self.lang,
            "text": self.text,
            "duplicate_of": self.duplicate_of,
            "removed": [block.to_dict() for block in self.removed],
            "warnings": self.warnings,
        }

    def code_record(self) -> dict:
        """The ``communique code --format jsonl`` shape of the contract."""
        if self.error is not None:
            return self.error_record()
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "url": self.url,
            "lang": self.lang,
            "text": self.text,
            "duplicate_of": self.duplicate_of,
            "events": self.events,
            "agreements": self.agreements,
            "warnings": self.warnings,
        }

    def actors_record(self) -> dict:
        """The ``communique actors --format jsonl`` shape of the contract."""
        if self.error is not None:
            return self.error_record()
        return {
            "id": self.id,
            "path": self.path,
            "actors": [record for mention in self.mentions for record in mention.records()],
            "warnings": self.warnings,
        }


@dataclass(frozen=True)
class Actor:
    """Who acts: a country (ISO 3166-1 alpha-3, or "IGO") and CAMEO sectors.

    ``kind`` says what the mention is (person, country, organisation, agent, place,
    qualifier: a country or body that only qualifies a thing, as in "US shows", group
    member, unknown); ``group`` names the group a member was expanded from.
    """

    code: str | None
    country: str | None
    sectors: tuple[str, ...] = ()
    name: str | None = None
    text: str = ""
    group: str | None = None
    kind: str = "unknown"

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "country": self.country,
            "sectors": list(self.sectors),
            "name": self.name,
            "text": self.text,
            "group": self.group,
            "kind": self.kind,
        }


@dataclass
class Mention:
    """A stretch of the clean text that names an actor, and who it resolved to.

    ``head`` is the index of the syntactic head token in the article's Doc, which is how
    the event coder finds the actor of a subject or an object. A group mention ("the two
    countries") resolves to several actors, one per member.
    """

    start: int  # character offsets into Article.text
    end: int
    head: int
    actors: list[Actor]
    rule: str = ""  # which resolution rule decided it; for debugging and evaluation
    # the head of the mention a pronoun stands for when that one had no country yet ("The
    # prime minister ... He spoke"): the context rule may give it one, and the pronoun too
    antecedent: int | None = None

    def records(self) -> list[dict]:
        return [
            {**actor.to_dict(), "start": self.start, "end": self.end, "rule": self.rule}
            for actor in self.actors
        ]
