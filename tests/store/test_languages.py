"""Articles' languages through the store: schema version 4 (a version-3 file migrates in place
and keeps its data), every article stored with the language the clean stage found, the
exports' ``lang`` column, and the queries by language. All on real SQLite files made by the
real pipeline."""

import csv
import json
import sqlite3
from contextlib import closing

import pandas
import pytest

from communique import articles, query
from communique.store import schema
from communique.store.db import connect
from communique.store.export import FLAT_COLUMNS, GDELT_COLUMNS, export
from tests.conftest import LANGUAGE_REPORTS, languages_db
from tests.store.test_store import SETTINGS, records, run, schema_of, v2_copy

FRENCH = "La France a condamné l'Iran lundi."


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return languages_db(tmp_path_factory.mktemp("languages") / "events.db")


def version_3_copy(path, monkeypatch):
    """A real version-3 database: the version-2 file, migrated by the migrations up to 3."""
    v2_copy(path)
    with monkeypatch.context() as patched:
        patched.setattr(schema, "SCHEMA_VERSION", 3)
        connect(path).close()
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 3
        columns = {row[1] for row in connection.execute("PRAGMA table_info(articles)")}
    assert "lang" not in columns
    return path


def test_a_version_3_database_migrates_in_place_and_keeps_its_data(tmp_path, monkeypatch):
    db = version_3_copy(tmp_path / "v3.db", monkeypatch)
    before = records(db)  # read as it is (read-only connections never migrate)
    assert before["events"] and before["agreements"]
    with closing(sqlite3.connect(db)) as connection:
        rows_before = connection.execute("SELECT * FROM articles ORDER BY rowid").fetchall()
    connect(db).close()
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 5
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows_after = connection.execute("SELECT * FROM articles ORDER BY rowid").fetchall()
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(articles)")}
    # every row as it was, with a language not known at the end
    assert rows_after == [(*row, None) for row in rows_before] and len(rows_after) == 4
    assert "articles_lang" in indexes
    assert records(db) == before
    new = tmp_path / "new.db"
    connect(new).close()
    assert schema_of(db) == schema_of(new)  # as if made at version 4
    # New articles come with their language; the old keep none.
    report = tmp_path / "report.jsonl"
    report.write_text(
        json.dumps({"id": "fr", "date": "2025-06-24", "text": FRENCH}) + "\n",
        encoding="utf-8",
    )
    assert run([report], db).articles == 1
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute(
            "SELECT lang, COUNT(*) FROM articles GROUP BY lang ORDER BY lang"
        ).fetchall() == [(None, 4), ("fr", 1)]


def test_an_older_database_read_as_it_is_knows_no_language(tmp_path, monkeypatch):
    db = version_3_copy(tmp_path / "v3.db", monkeypatch)
    with closing(connect(db, readonly=True)) as connection:
        assert query.events(connection, lang="en") == []
        assert query.count_events(connection, lang="en") == 0
        assert query.events(connection, limit=1)[0]["evidence"]["lang"] is None
        listed = articles.articles(connection)
        assert len(listed) == 4 and {a["lang"] for a in listed} == {None}
        assert articles.count_articles(connection, lang="en") == 0
        assert articles.article(connection, listed[0]["id"])["lang"] is None
        assert articles.languages(connection) == [{"lang": None, "articles": 4}]
        with pytest.raises(query.QueryError, match="lang"):
            query.events(connection, lang="english")


def test_every_article_is_stored_with_the_language_of_its_text(db):
    with closing(sqlite3.connect(db)) as connection:
        stored = dict(connection.execute("SELECT text, lang FROM articles").fetchall())
    assert stored == {report["text"]: report["id"][:2] for report in LANGUAGE_REPORTS}


def test_events_by_language_are_shown_with_a_report_in_it(db):
    with closing(connect(db, readonly=True)) as connection:
        languages = {
            row["id"]: row["lang"] for row in connection.execute("SELECT id, lang FROM articles")
        }
        told = {}
        for lang in ("en", "fr"):
            found = query.events(connection, lang=lang)
            assert found and len(found) == query.count_events(connection, lang=lang)
            for event in found:
                assert event["evidence"]["lang"] == lang
                assert languages[event["evidence"]["article_id"]] == lang
            told[lang] = {e["id"]: e for e in found}
        # the signing, told in both, is one event, listed under each with its own report
        both = told["en"].keys() & told["fr"].keys()
        assert both and len(query.events(connection)) == len(told["en"].keys() | told["fr"].keys())
        for event_id in both:
            assert told["en"][event_id]["evidence"]["sentence"].startswith("Russia")
            assert told["fr"][event_id]["evidence"]["sentence"].startswith("La Russie")
            assert told["en"][event_id]["num_articles"] == 2
        assert query.events(connection, lang="FR") == query.events(connection, lang=" fr ")
        assert query.events(connection, lang="fr") == list(told["fr"].values())
        assert query.events(connection, lang="de") == []  # stored, not coded
        assert (
            query.events(connection, lang="ja") == []
            and query.count_events(connection, lang="ja") == 0
        )


@pytest.mark.parametrize("value", ["french", "f", "fr-CA", "e1", "fr;--", "français"])
def test_a_bad_language_is_refused_not_run(db, value):
    with closing(connect(db, readonly=True)) as connection:
        with pytest.raises(query.QueryError, match="lang: .* is not a language code"):
            query.events(connection, lang=value)
        with pytest.raises(query.QueryError, match="lang"):
            articles.articles(connection, lang=value)


def test_articles_by_language(db):
    with closing(connect(db, readonly=True)) as connection:
        listed = articles.articles(connection)
        assert [a["lang"] for a in articles.articles(connection, lang="fr")] == ["fr", "fr"]
        assert articles.count_articles(connection, lang="fr") == 2
        assert articles.count_articles(connection) == len(listed) == 4
        assert list(listed[0]) == [
            "id",
            "path",
            "url",
            "title",
            "date",
            "source",
            "lang",
            "duplicate_of",
            "events",
        ]
        assert articles.languages(connection) == [
            {"lang": "fr", "articles": 2},
            {"lang": "de", "articles": 1},
            {"lang": "en", "articles": 1},
        ]
        german = articles.articles(connection, lang="de")[0]
        one = articles.article(connection, german["id"])
        assert one["lang"] == "de" and one["events"] == [] and one["text"].startswith("Russland")


def test_every_export_with_article_columns_carries_the_language(db, tmp_path):
    with closing(connect(db, readonly=True)) as connection:
        languages = dict(connection.execute("SELECT id, lang FROM articles").fetchall())
        total = query.count_events(connection)
        # the columns as they were, lang after them, then the place (schema 5)
        assert [name for name, _ in FLAT_COLUMNS][-10:-6] == [
            "article_id",
            "sentence",
            "trigger",
            "lang",
        ]
        assert [name for name, _ in FLAT_COLUMNS][-6:] == [
            f"location_{field}"
            for field in ("name", "lat", "lon", "admin1", "geonameid", "feature")
        ]
        export(connection, "csv", tmp_path / "events.csv")
        with open(tmp_path / "events.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == total and list(rows[0]) == [name for name, _ in FLAT_COLUMNS]
        assert all(row["lang"] == languages[row["article_id"]] for row in rows)
        assert "fr" in {row["lang"] for row in rows}  # France-Iran is told in French only
        export(connection, "parquet", tmp_path / "events.parquet")
        frame = pandas.read_parquet(tmp_path / "events.parquet")
        assert list(frame["lang"]) == [row["lang"] for row in rows]
        export(connection, "plover", tmp_path / "events.jsonl")
        plover = [
            json.loads(line)
            for line in (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        assert [record["lang"] for record in plover] == [row["lang"] for row in rows]
        export(connection, "gdelt", tmp_path / "events.tsv")  # GDELT's 61 fields, no more
        lines = (tmp_path / "events.tsv").read_text(encoding="utf-8").splitlines()
        assert len(lines) == total and {len(line.split("\t")) for line in lines} == {
            len(GDELT_COLUMNS)
        }


def test_code_out_shards_carry_the_language(tmp_path):
    """`communique code --out`: the articles table and the events table, lang last
    (before the place columns)."""
    from communique import CODE_STAGES, Pipeline
    from communique.ingest.readers import iter_documents
    from communique.store.shards import ShardWriter

    source = tmp_path / "reports.jsonl"
    source.write_text(
        json.dumps({"id": "fr", "date": "2025-06-24", "text": FRENCH})
        + "\n"
        + json.dumps({"id": "en", "date": "2025-06-24", "text": "Egypt condemned Israel."})
        + "\n",
        encoding="utf-8",
    )
    coded = list(
        Pipeline(SETTINGS, stages=CODE_STAGES).pipe(iter_documents([str(source)], SETTINGS))
    )
    ShardWriter(tmp_path / "out").write(coded)
    shard_articles = pandas.read_parquet(tmp_path / "out" / "articles")
    shard_events = pandas.read_parquet(tmp_path / "out" / "events")
    # an event's place comes after lang (schema 5)
    assert list(shard_articles.columns)[-1] == "lang" == list(shard_events.columns)[-7]
    assert dict(zip(shard_articles["id"], shard_articles["lang"])) == {"fr": "fr", "en": "en"}
    assert set(zip(shard_events["article_id"], shard_events["lang"])) == {
        ("fr", "fr"),
        ("en", "en"),
    }
