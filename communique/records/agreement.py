"""The agreement record: a treaty, deal or memorandum an event acts on.

``Agreement.to_dict()`` is the Agreement of the ``communique code`` contract; the store's
records (``/api/agreements``, ``communique agreements``) are the same record with the
article it was first reported in and ``num_articles``. Its evidence's ``start`` and ``end``
are the sentence's offsets in the article's clean text, in every channel, as an event's are;
``span_start`` and ``span_end`` are those of the agreement's name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AgreementEvidence:
    sentence: str | None
    start: int | None
    end: int | None
    trigger: str | None  # the store keeps none: its records leave it out
    span_start: int | None
    span_end: int | None
    article_id: str | None = None  # stored agreements only: the first report's article

    def to_dict(self) -> dict:
        record = {"sentence": self.sentence, "start": self.start, "end": self.end}
        if self.trigger is not None:
            record["trigger"] = self.trigger
        record.update({"span_start": self.span_start, "span_end": self.span_end})
        if self.article_id is not None:
            record["article_id"] = self.article_id
        return record

    @classmethod
    def from_dict(cls, record: dict) -> AgreementEvidence:
        return cls(
            record.get("sentence"),
            record.get("start"),
            record.get("end"),
            record.get("trigger"),
            record.get("span_start"),
            record.get("span_end"),
            record.get("article_id"),
        )


@dataclass(frozen=True)
class Agreement:
    id: str
    parties: tuple[str, ...]
    kind: str
    title: str
    topics: tuple[str, ...]
    status: str
    date: str | None
    evidence: AgreementEvidence
    num_articles: int | None = None  # stored agreements only

    def to_dict(self) -> dict:
        record = {
            "id": self.id,
            "parties": list(self.parties),
            "kind": self.kind,
            "title": self.title,
            "topics": list(self.topics),
            "status": self.status,
            "date": self.date,
            "evidence": self.evidence.to_dict(),
        }
        if self.num_articles is not None:
            record["num_articles"] = self.num_articles
        return record

    @classmethod
    def from_dict(cls, record: dict) -> Agreement:
        return cls(
            record["id"],
            tuple(record["parties"]),
            record["kind"],
            record["title"],
            tuple(record["topics"]),
            record["status"],
            record.get("date"),
            AgreementEvidence.from_dict(record["evidence"]),
            record.get("num_articles"),
        )
