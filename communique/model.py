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
    error: CommuniqueError | None = None


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
    removed: list[RemovedBlock] = field(default_factory=list)
    duplicate_of: str | None = None
    warnings: list[str] = field(default_factory=list)
    error: CommuniqueError | None = None
    # Filled by later stages (parse, actors, events).
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_document(cls, doc: Document) -> "Article":
        return cls(id=doc.id, path=doc.path, url=doc.url, title=doc.title, date=doc.date,
                   source=doc.source, error=doc.error)

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
            "id": self.id, "path": self.path, "title": self.title, "date": self.date,
            "source": self.source, "url": self.url, "author": self.author, "text": self.text,
            "duplicate_of": self.duplicate_of,
            "removed": [block.to_dict() for block in self.removed],
            "warnings": self.warnings,
        }
