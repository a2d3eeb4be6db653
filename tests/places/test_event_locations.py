"""Events carry coordinates (issue 19): the places stage runs in every coding run and gives
each event's location the place it names; the store keeps it (schema 5, migrated in place);
the GDELT export fills its Geo fields and `export --format geojson` writes valid GeoJSON.
All through the real pipeline, the real gazetteer and real SQLite files."""

import json
import math
import sqlite3
from contextlib import closing

import pytest

from communique import CODE_STAGES
from communique.config import Settings
from communique.errors import StoreUnavailable
from communique.model import Document
from communique.pipeline import Pipeline
from communique.places.locate import locate
from communique.places.records import Place
from communique.records.event import Location
from communique.store import schema
from communique.store.db import connect
from communique.store.export import GDELT_COLUMNS, export
from tests.conftest import SEED, example_db, run_cli
from tests.store.test_store import records, schema_of, v2_copy

MOSCOW = (55.7558, 37.6173)  # the Kremlin, for distances
COLUMN = {name: position for position, name in enumerate(GDELT_COLUMNS)}


def km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Settings(dedupe=False), stages=CODE_STAGES)


def events_of(pipeline, text: str) -> list[dict]:
    article = pipeline(Document(id="t", content=text, date="2025-06-24"))
    assert article.error is None, article.error
    return article.events


def test_coding_runs_the_places_stage_last():
    assert CODE_STAGES[-1] == "places" and CODE_STAGES.index("events") < CODE_STAGES.index("places")


@pytest.mark.skipif(not SEED.exists(), reason="the seed is not there")
def test_the_seeds_moscow_events_are_at_moscow(pipeline):
    gold = json.loads((SEED.parent / "expected_events.json").read_text(encoding="utf-8"))
    article = pipeline(Document(id="seed", content=SEED.read_text(encoding="utf-8")))
    # the gold's events told in Moscow: the meeting, the signing, the visit
    phrases = [
        item["sentence_contains"] for item in gold["events"] if item["id"] in ("E1", "E2", "E3")
    ]
    for phrase in phrases:
        told = [e for e in article.events if phrase in e["evidence"]["sentence"]]
        located = [e["location"] for e in told if e["location"]]
        assert located, f"no event of {phrase!r} has a location"
        for location in located:
            assert location["text"] == "Moscow" and location["country"] == "RUS"
            assert location["geonameid"] == 524901 and location["feature"] == "P.PPLC"
            assert km(location["lat"], location["lon"], *MOSCOW) < 10


def test_a_place_after_a_locative_word_places_an_event_without_a_location(pipeline):
    events = events_of(pipeline, "Mali and Niger held talks in Niamey on Monday.")
    located = [e["location"] for e in events if e["location"]]
    assert located and {loc["name"] for loc in located} == {"Niamey"}
    assert all(loc["country"] == "NER" and loc["feature"] == "P.PPLC" for loc in located)


def test_a_place_that_is_a_target_does_not_place_the_event(pipeline):
    events = events_of(pipeline, "The European Union imposed sanctions on Mali on Monday.")
    assert events and all(e["location"] is None for e in events)


def place(text, start, name, lat, lon, country="NER", feature="P.PPLC") -> Place:
    return Place(text, start, start + len(text), name, 1, country, None, lat, lon, feature, 1)


def test_locate_keeps_the_coders_words_and_takes_the_place_they_name():
    text = "Talks were held in Niamey. Ministers met in Niamey and Gao."
    places = [place("Niamey", 19, "Niamey", 13.5, 2.1), place("Niamey", 43, "Niamey", 13.5, 2.1)]
    event = {
        "location": {"text": "Niamey", "country": "NER"},
        "evidence": {"start": 27, "end": len(text), "trigger": "met", "field": "text"},
    }
    assert locate(event, places, text)["lat"] == 13.5
    # a location the places stage has no place for keeps its words, with no coordinates
    event["location"] = {"text": "Agadez", "country": "NER"}
    assert locate(event, places, text) == {"text": "Agadez", "country": "NER"}
    # a headline's event is not placed from the text's other sentences
    event = {"location": None, "evidence": {"start": 0, "end": 9, "trigger": "x", "field": "title"}}
    assert locate(event, places, text) is None


def test_a_location_record_round_trips_and_stays_short_when_not_located():
    located = Location("Moscow", "RUS", "Moscow", 55.75, 37.62, "RU.48", 524901, "P.PPLC")
    assert Location.from_dict(located.to_dict()) == located
    assert Location("Moscow", "RUS").to_dict() == {"text": "Moscow", "country": "RUS"}


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    return example_db(tmp_path_factory.mktemp("located") / "events.db")


def test_the_store_keeps_the_place_and_the_gdelt_export_fills_its_geo_fields(example, tmp_path):
    stored = records(example)["events"]
    at_moscow = [e for e in stored if e["location"] and e["location"]["text"] == "Moscow"]
    assert at_moscow and all(e["location"]["geonameid"] == 524901 for e in at_moscow)
    out = tmp_path / "events.tsv"
    export(connect(example, readonly=True), "gdelt", out)
    rows = [line.rstrip("\n").split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and {len(row) for row in rows} == {61}

    def geo(row, block):
        fields = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
        return {field: row[COLUMN[f"{block}_{field}"]] for field in fields}

    moscow = [geo(r, "ActionGeo") for r in rows if r[COLUMN["ActionGeo_FeatureID"]] == "524901"]
    assert len(moscow) == len(at_moscow)
    for cells in moscow:
        assert cells["Type"] == "4" and cells["FullName"] == "Moscow, Moscow, Russia"
        assert cells["CountryCode"] == "RS" and cells["ADM1Code"] == "RS48"  # FIPS, as GDELT
        assert km(float(cells["Lat"]), float(cells["Long"]), *MOSCOW) < 10
    # every event with ActionGeo words has its coordinates here, and actors their countries'
    for row in rows:
        if row[COLUMN["ActionGeo_FullName"]]:
            assert row[COLUMN["ActionGeo_Lat"]] and row[COLUMN["ActionGeo_Long"]]
        if row[COLUMN["Actor1CountryCode"]] == "RUS":
            actor = geo(row, "Actor1Geo")
            assert actor["Type"] == "1" and actor["CountryCode"] == "RS"
            assert actor["FullName"] == "Russia" and float(actor["Lat"]) > 50


def check_geojson(collection: dict) -> None:
    """RFC 7946, structurally: a FeatureCollection of Features with Point geometries in
    [longitude, latitude] order within range, object properties, string ids, no "crs"."""
    assert set(collection) == {"type", "features"} and collection["type"] == "FeatureCollection"
    assert isinstance(collection["features"], list)
    for feature in collection["features"]:
        assert set(feature) == {"type", "id", "geometry", "properties"}
        assert feature["type"] == "Feature" and isinstance(feature["id"], str)
        geometry = feature["geometry"]
        assert set(geometry) == {"type", "coordinates"} and geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert all(isinstance(v, float | int) and not isinstance(v, bool) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(feature["properties"], dict)


def test_the_geojson_export_is_one_point_per_located_event(example, tmp_path):
    out = tmp_path / "events.geojson"
    run = run_cli("export", "--db", str(example), "--format", "geojson", "--out", str(out))
    assert run.returncode == 0, run.stderr
    collection = json.loads(out.read_text(encoding="utf-8"))
    check_geojson(collection)
    stored = records(example)["events"]
    located = {e["id"] for e in stored if e["location"] and "lat" in e["location"]}
    assert located and {f["id"] for f in collection["features"]} == located
    assert f"{len(located)} events written".encode() in run.stderr
    moscow = next(f for f in collection["features"] if f["properties"]["location_name"] == "Moscow")
    lon, lat = moscow["geometry"]["coordinates"]
    assert km(lat, lon, *MOSCOW) < 10  # longitude first, as RFC 7946 says
    properties = moscow["properties"]
    assert properties["location_geonameid"] == 524901 and properties["cameo"]
    assert properties["date"] == "2025-06-23"  # a date as text, not an object


def version_4_copy(path, monkeypatch):
    """A real version-4 database: the version-2 file migrated by the migrations up to 4."""
    v2_copy(path)
    with monkeypatch.context() as patched:
        patched.setattr(schema, "SCHEMA_VERSION", 4)
        connect(path).close()
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 4
    return path


def event_columns(db) -> list[str]:
    with closing(sqlite3.connect(db)) as connection:
        return [row[1] for row in connection.execute("PRAGMA table_info(events)")]


def test_a_version_4_database_migrates_in_place_and_keeps_its_events(tmp_path, monkeypatch):
    db = version_4_copy(tmp_path / "v4.db", monkeypatch)
    before = records(db)  # read as it is: read-only connections never migrate
    assert before["events"] and "location_lat" not in event_columns(db)
    with closing(sqlite3.connect(db)) as connection:
        rows_before = connection.execute("SELECT * FROM events ORDER BY rowid").fetchall()
    connect(db).close()
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 5
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows_after = connection.execute("SELECT * FROM events ORDER BY rowid").fetchall()
    # every event as it was, not located: six NULL place columns at the end
    assert rows_after == [(*row, *[None] * 6) for row in rows_before]
    assert records(db) == before
    new = tmp_path / "new.db"
    connect(new).close()
    assert schema_of(db) == schema_of(new)  # as if made at version 5


def test_a_failed_migration_leaves_version_4_as_it_was(tmp_path, monkeypatch):
    db = version_4_copy(tmp_path / "v4.db", monkeypatch)
    columns = event_columns(db)

    def fail(connection):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(schema.MIGRATIONS, 5, [*schema.V5, fail])
    with pytest.raises(StoreUnavailable, match="disk I/O error"):
        connect(db).close()
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 4
    assert event_columns(db) == columns  # the added columns rolled back with the rest


def test_the_demo_database_exports_its_located_events(tmp_path):
    db = tmp_path / "demo.db"
    run = run_cli("demo", "--db", str(db))
    assert run.returncode == 0, run.stderr
    out = tmp_path / "demo.tsv"
    assert (
        run_cli("export", "--db", str(db), "--format", "gdelt", "--out", str(out)).returncode == 0
    )
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    located = [r for r in rows if r[COLUMN["ActionGeo_Lat"]]]
    assert len(located) >= 5
    assert all(r[COLUMN["ActionGeo_Long"]] and r[COLUMN["ActionGeo_Type"]] for r in located)
