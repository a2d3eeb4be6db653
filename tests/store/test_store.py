"""The event database: idempotent ingest, one event many reports, queries and exports, all on
a real SQLite file with the real pipeline."""
import json
import shutil
import sqlite3

import pytest

from communique import Settings, query
from communique.ingest.readers import iter_documents
from communique.store.db import SCHEMA_VERSION, connect
from communique.store.export import GDELT_COLUMNS, export
from communique.store.ingest import ingest
from tests.conftest import EXAMPLE

SETTINGS = Settings(default_date="2025-06-24")


def run(paths, db):
    return ingest(iter_documents([str(p) for p in paths], SETTINGS), db, SETTINGS)


def counts(db) -> dict:
    connection = sqlite3.connect(db)
    tables = ("articles", "removed_blocks", "actors", "events", "event_mentions", "agreements")
    return {t: connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "seed.db"
    run([EXAMPLE], db)
    return db


def test_schema_version_and_wal(seed_db):
    connection = sqlite3.connect(seed_db)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_database_of_schema_version_1_is_migrated_and_keeps_its_data(seed_db, tmp_path):
    db = tmp_path / "v1.db"
    shutil.copy(seed_db, db)
    old = sqlite3.connect(db)
    old.execute("DROP INDEX events_same")  # as version 1 made it
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    before = counts(db)
    connection = connect(db)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    plan = connection.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM events WHERE source_code IS 'RUS' AND "
        "target_code IS 'MLI' AND cameo = '057' AND date BETWEEN '2025-06-22' AND '2025-06-24'"
    ).fetchall()
    assert "events_same" in " ".join(str(tuple(row)) for row in plan)
    connection.close()
    assert counts(db) == before
    assert run([EXAMPLE], db).articles == 0  # still known: nothing added


def test_ingesting_the_same_document_again_adds_nothing(seed_db, tmp_path):
    db = tmp_path / "again.db"
    shutil.copy(seed_db, db)
    before = counts(db)
    report = run([EXAMPLE], db)
    assert report.skipped == 1 and report.articles == 0
    assert counts(db) == before


def test_a_syndicated_copy_is_one_more_report_of_the_same_events(seed_db, tmp_path):
    db = tmp_path / "copies.db"
    shutil.copy(seed_db, db)
    copy = tmp_path / "syndicated-copy.txt"
    copy.write_bytes(EXAMPLE.read_bytes())
    events_before = counts(db)["events"]
    report = run([copy], db)
    assert report.articles == 1 and report.duplicates == 1
    connection = connect(db, readonly=True)
    assert counts(db)["events"] == events_before
    stored = query.events(connection, limit=1000)
    assert stored and all(e["num_articles"] == 2 for e in stored)
    assert all(e["num_sources"] == 1 for e in stored)  # both copies come from MENAFN


def test_events_by_dyad_return_only_that_dyad(seed_db):
    connection = connect(seed_db, readonly=True)
    found = query.events(connection, source="RUS", target="MLI")
    assert len(found) >= 3
    assert all(e["source"]["country"] == "RUS" and e["target"]["country"] == "MLI" for e in found)
    both = query.events(connection, source="RUS", target="MLI", either_direction=True)
    assert {e["source"]["country"] for e in both} == {"RUS", "MLI"}


@pytest.mark.parametrize("kwargs", [{"cameo": "04"}, {"quad": 1}, {"since": "2025-06-24"},
                                    {"q": "nuclear energy"}])
def test_event_filters(seed_db, kwargs):
    connection = connect(seed_db, readonly=True)
    found = query.events(connection, **kwargs)
    assert found
    if "cameo" in kwargs:
        assert all(e["cameo"].startswith("04") for e in found)
    if "quad" in kwargs:
        assert all(e["quad_class"] == 1 for e in found)
    if "since" in kwargs:
        assert all(e["date"] >= "2025-06-24" for e in found)


@pytest.mark.parametrize("kwargs", [{"source": "R'; DROP TABLE events; --"}, {"since": "yesterday"},
                                    {"cameo": "04%"}, {"quad": 7}])
def test_bad_query_parameters_are_refused_not_run(seed_db, kwargs):
    with pytest.raises(query.QueryError):
        query.events(connect(seed_db, readonly=True), **kwargs)


def test_words_with_fts_syntax_are_only_words(seed_db):
    connection = connect(seed_db, readonly=True)
    assert query.events(connection, q='"nuclear*" AND (energy') == query.events(connection, q="nuclear energy")
    assert query.events(connection, q="nuclear energy")
    assert query.events(connection, q='") OR NEAR(*') == []


def test_timeline_network_and_agreements(seed_db):
    connection = connect(seed_db, readonly=True)
    timeline = query.dyad_timeline(connection, "RUS", "MLI", interval="day")
    assert [p["period"] for p in timeline] == sorted(p["period"] for p in timeline)
    assert sum(p["events"] for p in timeline) >= 3 and all(p["quad1"] for p in timeline)
    edges = query.network(connection)
    assert {"source": "RUS", "target": "MLI"}.items() <= edges[0].items() or any(
        e["source"] == "RUS" and e["target"] == "MLI" for e in edges)
    nuclear = query.agreements(connection, party="MLI", topic="nuclear")
    assert len(nuclear) == 1 and sorted(nuclear[0]["parties"]) == ["MLI", "RUS"]
    assert len(query.agreements(connection, party="RUS")) == 3


def test_exports(seed_db, tmp_path):
    import duckdb
    import pandas

    connection = connect(seed_db, readonly=True)
    total = query.overview(connection)["events"]
    assert export(connection, "gdelt", tmp_path / "events.tsv") == total
    rows = (tmp_path / "events.tsv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == total and all(len(row.split("\t")) == len(GDELT_COLUMNS) == 61 for row in rows)
    assert export(connection, "parquet", tmp_path / "events.parquet") == total
    assert len(pandas.read_parquet(tmp_path / "events.parquet")) == total
    assert duckdb.sql(f"SELECT COUNT(*) FROM '{tmp_path / 'events.parquet'}'").fetchall()[0][0] == total
    export(connection, "csv", tmp_path / "events.csv")
    frame = pandas.read_csv(tmp_path / "events.csv")
    assert len(frame) == total and {"source_country", "target_country", "cameo"} <= set(frame)
    assert duckdb.sql(f"SELECT COUNT(*) FROM read_csv_auto('{tmp_path / 'events.csv'}')").fetchall()[0][0] == total
    export(connection, "plover", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert len(records) == total
    assert all(r["id"] and r["date"] and r["actor"] and "event" in r for r in records)


def test_a_killed_batch_leaves_nothing_half_written(seed_db, tmp_path):
    """A batch is one transaction: if it fails half way, nothing of it is in the database."""
    from communique.store.db import Store

    db = tmp_path / "atomic.db"
    before = counts(seed_db)
    shutil.copy(seed_db, db)
    article = next(iter(__import__("communique").Pipeline(SETTINGS, stages=(
        "clean", "dedupe", "parse", "actors", "events")).pipe(iter_documents([str(EXAMPLE)], SETTINGS))))
    article.path = "another/path.txt"
    article.events.append({"broken": True})  # fails after the article and its actors went in
    with Store(db) as store, pytest.raises(KeyError):
        store.add_batch([article])
    assert counts(db) == before


def test_reports_a_day_apart_are_one_event(tmp_path):
    db = tmp_path / "window.db"
    texts = {"a.txt": ("Egypt condemned Israel on Monday.", "2025-06-24"),
             "b.txt": ("Egypt condemned Israel, officials said.", "2025-06-24"),
             "c.txt": ("Egypt condemned Israel in a statement.", "2025-06-30")}
    for name, (text, day) in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        ingest(iter_documents([str(tmp_path / name)], SETTINGS.replace(default_date=day)), db,
               SETTINGS.replace(default_date=day))
    rows = sqlite3.connect(db).execute(
        "SELECT date, num_articles FROM events WHERE cameo LIKE '11%' ORDER BY date").fetchall()
    assert rows == [("2025-06-23", 2), ("2025-06-30", 1)]


def test_an_article_the_store_cannot_take_is_an_error_record_and_the_batch_goes_on(tmp_path):
    from communique import Pipeline
    from communique.store.db import Store
    from communique.store.ingest import IngestReport, _store

    pipeline = Pipeline(SETTINGS, stages=("clean", "dedupe", "parse", "actors", "events"))
    good, bad = (next(pipeline.pipe(iter_documents([str(EXAMPLE)], SETTINGS))) for _ in range(2))
    bad.path = "elsewhere/copy.txt"
    bad.events.append({"broken": True})
    report = IngestReport()
    with Store(tmp_path / "partial.db") as store:
        added = _store(store, [bad, good], {}, report)
    assert added["articles"] == 1 and [a.error.code for a in report.failed] == ["E300"]
    assert counts(tmp_path / "partial.db")["articles"] == 1
