"""The typed event record: the `code` output reads back into it unchanged, the store's
events table has its columns, and a stored event is the same record with its counts."""

import json
import sqlite3
from dataclasses import replace

import pytest

from communique import CODE_STAGES, Pipeline, Settings, query
from communique.ingest.readers import iter_documents
from communique.records import Agreement, Event, event_key, event_kind
from communique.records.columns import KIND_COLUMNS, REPORT_COLUMNS, event_from_row
from communique.store.db import connect
from tests.conftest import EXAMPLE, example_db


@pytest.fixture(scope="module")
def coded():
    settings = Settings(default_date="2025-06-24")
    article = next(
        Pipeline(settings, stages=CODE_STAGES).pipe(iter_documents([str(EXAMPLE)], settings))
    )
    assert article.ok and article.events and article.agreements
    return article


def test_the_code_output_reads_back_into_records_unchanged(coded):
    """Every key, in its order: the records are the contract's shape, not a copy of it."""
    for event in coded.events:
        assert json.dumps(Event.from_dict(event).to_dict()) == json.dumps(event)
    for agreement in coded.agreements:
        assert json.dumps(Agreement.from_dict(agreement).to_dict()) == json.dumps(agreement)


def test_the_events_table_has_the_columns_of_the_record(tmp_path):
    """The migrations create the table; the record's columns are what reports fill in."""
    connect(tmp_path / "new.db").close()
    with sqlite3.connect(tmp_path / "new.db") as connection:
        declared = {
            name: kind for _, name, kind, *_ in connection.execute("PRAGMA table_info(events)")
        }
    for column in (*KIND_COLUMNS, *REPORT_COLUMNS):
        assert declared.get(column.name) == column.sql_type, column.name


def test_a_stored_event_is_its_first_report_with_counts(tmp_path, coded):
    db = example_db(tmp_path / "example.db")
    connection = connect(db, readonly=True)
    try:
        stored = query.events(connection, limit=query.MAX_LIMIT)
        rows = {row["id"]: row for row in connection.execute("SELECT * FROM events")}
        by_report = {
            (event_kind(e), e.evidence.start, e.evidence.trigger): e
            for e in map(Event.from_dict, coded.events)
        }
        for record in stored:
            event = Event.from_dict(record)
            assert event.to_dict() == record
            mention = query.first_mention(connection, event.id)
            assert event_from_row(rows[event.id], mention) == event
            report = by_report[(event_kind(event), event.evidence.start, event.evidence.trigger)]
            assert event.id == event_key(report, article_id=event.evidence.article_id)
            # the first report as coded, but for what only the store knows (its article and
            # that article's language); an empty PLOVER type is stored as NULL
            assert event.evidence.lang == coded.lang == "en"
            assert event == replace(
                report,
                id=event.id,
                agreement_id=event.agreement_id,
                pattern=None,
                plover=replace(report.plover, event=report.plover.event or None),
                confidence=event.confidence,
                counts=event.counts,
                evidence=replace(
                    report.evidence, article_id=event.evidence.article_id, lang=coded.lang
                ),
            )
    finally:
        connection.close()
