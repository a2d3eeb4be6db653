"""The event database: idempotent ingest, one event many reports, queries and exports, all on
a real SQLite file with the real pipeline."""

import gzip
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from communique import Settings, dyads, query
from communique import agreements as agreements_query
from communique.ingest.readers import iter_documents
from communique.store.db import SCHEMA_VERSION, connect
from communique.store.export import GDELT_COLUMNS, export
from communique.store.ingest import ingest
from tests.conftest import EXAMPLE, ROOT

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


V2_DB = Path(__file__).parent / "resources" / "v2.db.gz"
# Made by the version-2 store (commit b797556), from the repository's root:
#   ingest(iter_documents(["examples/russia-mali-agreements.txt",
#          "tests/store/resources/v2-docs.jsonl"], s), "v2.db", s)  # s: default_date 2025-06-24
# then journal_mode DELETE, VACUUM, gzip. It holds a headline event, agreements and an event
# that two reports a day apart tell.
V2_DOCUMENTS = ["examples/russia-mali-agreements.txt", "tests/store/resources/v2-docs.jsonl"]


def v2_copy(path) -> Path:
    with gzip.open(V2_DB) as packed, open(path, "wb") as out:
        shutil.copyfileobj(packed, out)
    return path


def records(db) -> dict:
    """All the query layer gives of a database (read-only, as the API and exports read)."""
    connection = connect(db, readonly=True)
    found = query.events(connection, limit=query.MAX_LIMIT)
    try:
        return {
            "events": found,
            "agreements": agreements_query.agreements(connection, limit=query.MAX_LIMIT),
            "overview": query.overview(connection),
            "in_articles": {
                e["id"]: query.first_mention(connection, e["id"], e["evidence"]["article_id"])[
                    "sentence"
                ]
                for e in found
            },
        }
    finally:
        connection.close()


def schema_of(db) -> set:
    with closing(sqlite3.connect(db)) as connection:
        names = connection.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
        columns = {
            (table, tuple(connection.execute(f'PRAGMA table_xinfo("{table}")').fetchall()))
            for kind, table, _ in names
            if kind in ("table", "view")
        }
    return set(names) | columns


@pytest.mark.parametrize("version", [2, 1])
def test_an_older_database_is_migrated_and_gives_the_same_records(tmp_path, monkeypatch, version):
    """A real version-2 file (version 1 lacked only the same-event index): migrated on
    opening, it gives the same events, evidence and agreements, keeps no sentence twice and
    has the schema of a new database; its documents again add nothing."""
    db = v2_copy(tmp_path / "old.db")
    if version == 1:
        with closing(sqlite3.connect(db)) as connection:
            connection.execute("DROP INDEX events_same")
            connection.execute("PRAGMA user_version = 1")
    before = records(db)  # read as it is: read-only connections never migrate
    assert {e["evidence"]["field"] for e in before["events"]} == {"text", "title"}
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == version
        stored = connection.execute(
            "SELECT COUNT(*) FROM event_mentions WHERE sentence != ''"
        ).fetchone()[0]
    assert stored == before["overview"]["mentions"] > 30
    connect(db).close()
    assert records(db) == before
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert (
            connection.execute(
                "SELECT COUNT(*) FROM event_mentions WHERE sentence IS NOT NULL"
            ).fetchone()[0]
            == 0
        )
        assert connection.execute(
            "SELECT COUNT(*), COUNT(sentence), COUNT(sentence_start) FROM agreements"
        ).fetchone() == (4, 0, 4)
    new = tmp_path / "new.db"
    connect(new).close()
    assert schema_of(db) == schema_of(new)
    monkeypatch.chdir(ROOT)
    again = run(V2_DOCUMENTS, db)
    assert again.articles == 0 and again.skipped == 4
    assert records(db) == before


def test_a_migrated_event_takes_new_reports_as_before(tmp_path):
    """Egypt condemned Israel on the 22nd (two reports) in the version-2 file; a report of
    the 23rd joins that event, one of the 26th bridges it to the event of the 27th."""
    db = v2_copy(tmp_path / "old.db")
    connect(db).close()

    def condemnations():
        with closing(sqlite3.connect(db)) as connection:
            return connection.execute(
                "SELECT date, last_date, num_articles FROM events WHERE source_code = 'EGY' "
                "AND target_code = 'ISR' AND cameo = '111' ORDER BY date"
            ).fetchall()

    assert condemnations() == [("2025-06-22", "2025-06-22", 2), ("2025-06-27", "2025-06-27", 1)]
    for day in ("2025-06-23", "2025-06-25", "2025-06-26"):
        source = tmp_path / f"{day}.jsonl"
        source.write_text(json.dumps({"id": day, "date": day, "text": "Egypt condemned Israel."}))
        run([source], db)
    assert condemnations() == [("2025-06-22", "2025-06-23", 3), ("2025-06-25", "2025-06-27", 3)]


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


@pytest.mark.parametrize(
    "kwargs", [{"cameo": "04"}, {"quad": 1}, {"since": "2025-06-24"}, {"q": "nuclear energy"}]
)
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


@pytest.mark.parametrize(
    "kwargs",
    [
        {"source": "R'; DROP TABLE events; --"},
        {"since": "yesterday"},
        {"cameo": "04%"},
        {"quad": 7},
    ],
)
def test_bad_query_parameters_are_refused_not_run(seed_db, kwargs):
    with pytest.raises(query.QueryError):
        query.events(connect(seed_db, readonly=True), **kwargs)


def test_words_with_fts_syntax_are_only_words(seed_db):
    connection = connect(seed_db, readonly=True)
    assert query.events(connection, q='"nuclear*" AND (energy') == query.events(
        connection, q="nuclear energy"
    )
    assert query.events(connection, q="nuclear energy")
    assert query.events(connection, q='") OR NEAR(*') == []


def test_timeline_network_and_agreements(seed_db):
    connection = connect(seed_db, readonly=True)
    timeline = dyads.dyad_timeline(connection, "RUS", "MLI", interval="day")
    assert [p["period"] for p in timeline] == sorted(p["period"] for p in timeline)
    assert sum(p["events"] for p in timeline) >= 3
    assert all(p["quad1"] for p in timeline if p["events"])  # the days between are zeros
    ranked = dyads.dyads(connection)
    assert ranked[0]["a"] == "MLI" and ranked[0]["b"] == "RUS" and ranked[0]["a_to_b"]
    nuclear = agreements_query.agreements(connection, party="MLI", topic="nuclear")
    assert len(nuclear) == 1 and sorted(nuclear[0]["parties"]) == ["MLI", "RUS"]
    assert len(agreements_query.agreements(connection, party="RUS")) == 3


def test_exports(seed_db, tmp_path):
    import duckdb
    import pandas

    connection = connect(seed_db, readonly=True)
    total = query.overview(connection)["events"]
    assert export(connection, "gdelt", tmp_path / "events.tsv") == total
    rows = (tmp_path / "events.tsv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == total and all(
        len(row.split("\t")) == len(GDELT_COLUMNS) == 61 for row in rows
    )
    assert export(connection, "parquet", tmp_path / "events.parquet") == total
    assert len(pandas.read_parquet(tmp_path / "events.parquet")) == total
    assert (
        duckdb.sql(f"SELECT COUNT(*) FROM '{tmp_path / 'events.parquet'}'").fetchall()[0][0]
        == total
    )
    export(connection, "csv", tmp_path / "events.csv")
    frame = pandas.read_csv(tmp_path / "events.csv")
    assert len(frame) == total and {"source_country", "target_country", "cameo"} <= set(frame)
    assert (
        duckdb.sql(f"SELECT COUNT(*) FROM read_csv_auto('{tmp_path / 'events.csv'}')").fetchall()[
            0
        ][0]
        == total
    )
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
    article = next(
        iter(
            __import__("communique")
            .Pipeline(SETTINGS, stages=("clean", "dedupe", "parse", "actors", "events"))
            .pipe(iter_documents([str(EXAMPLE)], SETTINGS))
        )
    )
    article.path = "another/path.txt"
    article.events.append({"broken": True})  # fails after the article and its actors went in
    with Store(db) as store, pytest.raises(KeyError):
        store.add_batch([article])
    assert counts(db) == before


def test_reports_a_day_apart_are_one_event(tmp_path):
    db = tmp_path / "window.db"
    texts = {
        "a.txt": ("Egypt condemned Israel on Monday.", "2025-06-24"),
        "b.txt": ("Egypt condemned Israel, officials said.", "2025-06-24"),
        "c.txt": ("Egypt condemned Israel in a statement.", "2025-06-30"),
    }
    for name, (text, day) in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        ingest(
            iter_documents([str(tmp_path / name)], SETTINGS.replace(default_date=day)),
            db,
            SETTINGS.replace(default_date=day),
        )
    rows = (
        sqlite3.connect(db)
        .execute("SELECT date, num_articles FROM events WHERE cameo LIKE '11%' ORDER BY date")
        .fetchall()
    )
    assert rows == [("2025-06-23", 2), ("2025-06-30", 1)]


def test_reports_with_a_side_not_coded_merge_only_within_their_article(tmp_path):
    """Issue 15: "Russia said" in a story on cocoa and in one on Shultz, the same day, are
    two statements; "Egypt condemned Israel" in both is one event."""
    db = tmp_path / "unrelated.db"
    texts = {
        "cocoa.txt": "Russia said on Monday that the cocoa crop in Bahia was poor. "
        "Egypt condemned Israel on Monday.",
        "shultz.txt": "Russia said on Monday that Shultz would travel to Geneva. "
        "Egypt condemned Israel on Monday.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run([tmp_path / name for name in texts], db)
    connection = sqlite3.connect(db)
    said = connection.execute(
        "SELECT num_articles FROM events WHERE source_country = 'RUS' "
        "AND target_country IS NULL AND cameo LIKE '01%'"
    ).fetchall()
    condemned = connection.execute(
        "SELECT num_articles FROM events WHERE source_country = 'EGY' AND target_country = 'ISR'"
    ).fetchall()
    assert said == [(1,), (1,)] and condemned == [(2,)]


def test_no_stored_event_has_neither_side_coded(seed_db, tmp_path):
    """Issue 15: an event has at least one side with a country, in the store and the code
    output alike ("officials said" and "the report said" make none)."""
    path = tmp_path / "actorless.txt"
    path.write_text(
        "Officials said the plan was good. The report said prices rose. Russia "
        "criticised the plan.",
        encoding="utf-8",
    )
    db = tmp_path / "actorless.db"
    run([path], db)
    connection = sqlite3.connect(db)
    assert (
        connection.execute(
            "SELECT COUNT(*) FROM events WHERE source_country IS NULL AND target_country IS NULL"
        ).fetchone()[0]
        == 0
    )
    assert connection.execute("SELECT COUNT(*) FROM events").fetchone()[0] >= 1
    for database in (db, seed_db):
        assert (
            sqlite3.connect(database)
            .execute(
                "SELECT COUNT(*) FROM events WHERE source_country IS NULL AND target_country IS "
                "NULL"
            )
            .fetchone()[0]
            == 0
        )


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


def test_mentions_point_into_the_text_and_give_back_the_coded_sentences(seed_db):
    """No sentence is stored twice: each mention's offsets give back, from the article's text
    (or title), exactly the sentence the coder reported."""
    from communique import Pipeline

    article = next(
        Pipeline(SETTINGS, stages=("clean", "dedupe", "parse", "actors", "events")).pipe(
            iter_documents([str(EXAMPLE)], SETTINGS)
        )
    )
    coded = {
        (
            e["evidence"]["start"],
            e["evidence"]["trigger"],
            e["evidence"]["field"],
            e["evidence"]["sentence"],
        )
        for e in article.events
    }
    with closing(sqlite3.connect(seed_db)) as connection:
        assert (
            connection.execute(
                "SELECT COUNT(*) FROM event_mentions WHERE sentence IS NOT NULL"
            ).fetchone()[0]
            == 0
        )
        rows = connection.execute(
            "SELECT start, trigger, field, sentence FROM event_evidence"
        ).fetchall()
    assert len(rows) >= len(coded) > 10
    assert {tuple(row) for row in rows} == coded


def test_a_text_holding_a_nul_keeps_its_sentences_whole():
    """SQLite's substr stops at a NUL character: such a sentence is stored, not pointed at."""
    from types import SimpleNamespace

    from communique.store.db import Evidence

    sentence = "Egypt condemned Israel."
    clean = Evidence(SimpleNamespace(text="Intro. " + sentence, title="Egypt condemns Israel"))
    assert clean.stored(sentence, 7, 30, "text") is None
    assert clean.stored("Egypt condemns Israel", 0, 21, "title") is None
    assert clean.stored(sentence, 6, 29) == sentence  # offsets off
    nul = Evidence(SimpleNamespace(text="Intro\x00. " + sentence, title=None))
    assert nul.stored(sentence, 8, 31, "text") == sentence


def test_a_lone_surrogate_hashes():
    """An undecodable byte a reader kept as a lone surrogate gives an id, not a crash."""
    from types import SimpleNamespace

    from communique.store.db import Store

    article = SimpleNamespace(url=None, path="odd.txt", id="odd", text="Egypt \ud800 Israel")
    assert len(Store.article_id(article)) == 16
    assert Store.article_id(article) != Store.article_id(
        SimpleNamespace(url=None, path="odd.txt", id="odd", text="Egypt \ud801 Israel")
    )
