"""The questions analysts ask, through the real command line over a real database: totals,
filters, countries by name, dyad rankings and zero-filled timelines."""

import csv
import io
import json

import pytest

from tests.conftest import analyst_db, languages_db, run_cli


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return analyst_db(tmp_path_factory.mktemp("analyst") / "events.db")


def lines(result) -> list[str]:
    return result.stdout.decode().splitlines()


def jsonl(result) -> list[dict]:
    return [json.loads(line) for line in lines(result)]


def test_a_truncated_list_says_so_on_stderr_and_all_gives_everything(db):
    cut = run_cli("events", "--db", db, "--limit", "3", "--format", "csv")
    assert cut.returncode == 0
    assert len(list(csv.DictReader(io.StringIO(cut.stdout.decode())))) == 3
    assert "showing 3 of 11 events (use --limit or --all)" in cut.stderr.decode()
    every = run_cli("events", "--db", db, "--all", "--format", "jsonl")
    assert len(jsonl(every)) == 11 and "showing" not in every.stderr.decode()


def test_a_whole_list_has_no_notice(db):
    result = run_cli("agreements", "--db", db)
    assert result.returncode == 0 and "showing" not in result.stderr.decode()
    assert (
        run_cli("agreements", "--db", db, "--limit", "1").stderr.decode().startswith("showing 1 of")
    )


def test_involving_a_country_takes_either_direction_and_its_name(db):
    by_code = jsonl(run_cli("events", "--db", db, "--country", "MLI", "--format", "jsonl"))
    by_name = jsonl(run_cli("events", "--db", db, "--country", "Mali", "--format", "jsonl"))
    assert by_code == by_name and len(by_code) == 4
    assert {(e["source"]["country"], e["target"]["country"]) for e in by_code} == {
        ("RUS", "MLI"),
        ("MLI", "RUS"),
    }
    unknown = run_cli("events", "--db", db, "--country", "Atlantis")
    assert unknown.returncode == 2 and "Atlantis" in unknown.stderr.decode()
    assert b"Traceback" not in unknown.stderr


def test_filters_for_quadclass_sector_modality_negation_and_two_countries(db):
    def events(*options):
        return jsonl(run_cli("events", "--db", db, "--all", "--format", "jsonl", *options))

    assert {e["quad_class"] for e in events("--quad", "4")} == {4}
    assert len(events("--quad", "4")) == 2
    military = events("--sector", "MIL")
    assert military and all(
        "MIL" in e["source"]["sectors"] + (e["target"] or {}).get("sectors", []) for e in military
    )
    negated = events("--negated")
    assert [e["cameo"] for e in negated] == ["190"] and negated[0]["negated"]
    assert len(events("--not-negated")) == 10
    assert all(e["modality"] == "reported" for e in events("--modality", "reported"))
    between = events("--between-countries")
    assert len(between) == 10 and all(
        e["source"]["country"]
        and e["target"]["country"]
        and e["source"]["country"] != e["target"]["country"]
        for e in between
    )


def test_search_by_an_actors_name(db):
    found = jsonl(run_cli("events", "--db", db, "--actor", "Putin", "--format", "jsonl"))
    assert [e["cameo"] for e in found] == ["040"]
    assert "Putin" in found[0]["source"]["name"] + found[0]["source"]["text"]


def test_dyads_are_ranked_in_both_directions_and_negated_events_are_not_counted(db):
    rows = list(
        csv.DictReader(io.StringIO(run_cli("dyads", "--db", db).stdout.decode()), delimiter="\t")
    )
    ranked = {(r["a"], r["b"]): r for r in rows}
    assert ranked[("MLI", "RUS")]["events"] == "4"
    assert (ranked[("MLI", "RUS")]["a_to_b"], ranked[("MLI", "RUS")]["b_to_a"]) == ("2", "2")
    # "Russia did not attack Ukraine" is listed (above) but not counted.
    assert ranked[("RUS", "UKR")]["events"] == "2"
    assert rows[0]["a"] == "MLI"


def test_the_dyad_timeline_fills_the_months_between(db):
    result = run_cli("dyad", "Mali", "Russia", "--db", db)
    table = lines(result)[1:]
    assert [row.split()[0] for row in table] == [f"2025-{m:02d}" for m in range(1, 13)]
    counts = [sum(map(int, row.split()[1:5])) for row in table]
    assert counts == [2] + [0] * 10 + [2]


@pytest.fixture(scope="module")
def languages(tmp_path_factory):
    return languages_db(tmp_path_factory.mktemp("languages") / "events.db")


def test_events_told_in_a_language(languages):
    def events(*options):
        result = run_cli("events", "--db", languages, "--all", "--format", "jsonl", *options)
        assert result.returncode == 0, result.stderr
        return jsonl(result)

    french, english = events("--lang", "fr"), events("--lang", "en")
    assert french and english and len(events()) == len({e["id"] for e in french + english})
    assert {e["evidence"]["lang"] for e in french} == {"fr"}
    assert {e["evidence"]["lang"] for e in english} == {"en"}
    assert events("--lang", "FR") == french and events("--lang", "de") == []
    table = run_cli("events", "--db", languages, "--lang", "fr", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(table.stdout.decode())))
    assert len(rows) == len(french) and {row["lang"] for row in rows} == {"fr"}
    assert list(rows[0])[-7] == "lang"  # then the event's place (location_name ... feature)


@pytest.mark.parametrize("value", ["french", "f", "fr-CA"])
def test_a_bad_language_is_a_usage_error(languages, value):
    result = run_cli("events", "--db", languages, "--lang", value)
    assert result.returncode == 2 and not result.stdout
    assert f"lang: {value!r} is not a language code" in result.stderr.decode()
    assert b"Traceback" not in result.stderr
