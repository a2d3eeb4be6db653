"""Parquet shards: `communique code --out DIR`, for corpora too large for one SQLite file.

Each partition of the run becomes one file in each of three tables, numbered in input order:

    DIR/articles/part-00000.parquet    every document, error records included
    DIR/events/part-00000.parquet      the columns of `export --format parquet`
    DIR/agreements/part-00000.parquet

pandas (``pd.read_parquet("DIR/events")``), DuckDB (``read_parquet('DIR/events/*.parquet')``)
and Spark read each table as one. A shard is written to a temporary name and renamed, so a
killed run leaves only whole shards. Events are not merged across articles here (each row
is one report: num_articles 1); `communique ingest` is where reports become one event.
Shards of an earlier run in the same directory are replaced, so a run killed half way and
run again gives the same shards.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..records.agreement import Agreement
from ..records.columns import flat_row
from ..records.event import ONE_REPORT, Event
from .export import FLAT_COLUMNS, arrow_schema

TABLES = ("articles", "events", "agreements")

ARTICLE_COLUMNS = (
    ("id", "string"),
    ("path", "string"),
    ("url", "string"),
    ("title", "string"),
    ("date", "string"),
    ("source", "string"),
    ("duplicate_of", "string"),
    ("text", "string"),
    ("warnings", "string"),
    ("events", "int64"),
    ("error_code", "string"),
    ("error_message", "string"),
    ("lang", "string"),  # last, as in the events table: columns added later come last
)
AGREEMENT_COLUMNS = (
    ("id", "string"),
    ("article_id", "string"),
    ("date", "string"),
    ("parties", "string"),
    ("kind", "string"),
    ("status", "string"),
    ("title", "string"),
    ("topics", "string"),
    ("sentence", "string"),
)


def article_row(article) -> dict:
    error = article.error.record() if article.error is not None else {}
    return {
        "id": article.id,
        "path": article.path,
        "url": article.url,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "duplicate_of": article.duplicate_of,
        "text": article.text if article.error is None else None,
        "warnings": json.dumps(article.warnings),
        "events": len(article.events),
        "error_code": error.get("code"),
        "error_message": error.get("message"),
        "lang": article.lang,
    }


def event_row(article, event: dict) -> dict:
    """An event of the `code` output as a row of the flat export: one report of it."""
    report = Event.from_dict(event)
    evidence = replace(report.evidence, article_id=article.id, lang=article.lang)
    return flat_row(replace(report, evidence=evidence, counts=ONE_REPORT))


def agreement_row(article, record: dict) -> dict:
    agreement = Agreement.from_dict(record)
    return {
        "id": agreement.id,
        "article_id": article.id,
        "date": agreement.date,
        "parties": ",".join(agreement.parties),
        "kind": agreement.kind,
        "status": agreement.status,
        "title": agreement.title,
        "topics": ",".join(agreement.topics),
        "sentence": agreement.evidence.sentence,
    }


class ShardWriter:
    """Writes each partition it is given as the next shard of every table."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.count = self.articles = self.events = self.agreements = 0
        for table in TABLES:
            folder = self.directory / table
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("part-*.parquet"):  # only shards of ours, by their name
                old.unlink()

    def write(self, articles: list) -> None:
        events = [event_row(a, e) for a in articles for e in a.events]
        agreements = [agreement_row(a, g) for a in articles for g in a.agreements]
        name = f"part-{self.count:05d}.parquet"
        self._write("articles", name, [article_row(a) for a in articles], ARTICLE_COLUMNS)
        self._write("events", name, events, FLAT_COLUMNS)
        self._write("agreements", name, agreements, AGREEMENT_COLUMNS)
        self.count += 1
        self.articles += len(articles)
        self.events += len(events)
        self.agreements += len(agreements)

    def _write(self, table: str, name: str, rows: list[dict], columns) -> None:
        path = self.directory / table / name
        partial = path.with_name("." + name + ".partial")
        pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(columns)), partial)
        os.replace(partial, path)
