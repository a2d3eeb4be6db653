"""User dictionaries: a user's leaders and verb patterns change the events, through the real
command, in one process and in worker processes; an invalid file stops the command at once."""

import json
from pathlib import Path

import pytest

from communique.actors.gazetteer import load_gazetteer
from communique.events.patterns import load_patterns
from communique.user_dictionaries import load_user_dictionaries
from tests.conftest import run_cli

# An invented politician: the opposition's leader until 2025, head of state from 2026.
LEADERS = (
    "# Zorvan Keldrake: invented, for the tests\n"
    "name\tiso3\tsectors\trole\tstart\tend\n"
    "Zorvan Keldrake\tMLI\tOPP\topposition_leader\t2019-03-01\t2025-12-31\n"
    "Zorvan Keldrake\tMLI\tGOV\thead_of_state\t2026-01-01\t\n"
)
# Verbs the packaged dictionaries do not code: stonewalling rejects (120), wooing is an
# intent to cooperate (030).
PATTERNS = (
    "trigger\twords\ttarget\tcode\tnote\n"
    "stonewall\t-\t\t120\trefusing to answer is rejecting\n"
    "woo\t-\t\t030\t\n"
)
TEXT = (
    "Zorvan Keldrake criticised France on Monday.\n\n"
    "Mali stonewalled France on Tuesday.\n\n"
    "Mali wooed Russia on Wednesday.\n"
)


@pytest.fixture
def user_files(tmp_path):
    (tmp_path / "dicts").mkdir()
    leaders = tmp_path / "dicts" / "keldrake.tsv"  # a leaders.tsv by its header
    leaders.write_text(LEADERS, encoding="utf-8")
    verbs = tmp_path / "dicts" / "patterns.tsv"
    verbs.write_text(PATTERNS, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    return leaders, verbs, article


def _events(run) -> list[tuple]:
    assert run.returncode == 0, run.stderr.decode()
    return sorted(
        (event["source"]["code"], (event["target"] or {}).get("code"), event["cameo"])
        for line in run.stdout.decode().splitlines()
        for event in json.loads(line)["events"]
    )


def test_a_user_leader_and_verbs_change_the_events(user_files):
    leaders, verbs, article = user_files
    packaged = _events(run_cli("code", article, "--date", "2026-03-02"))
    assert packaged == [(None, "FRA", "111")]  # an unknown name; two verbs without a code
    mine = ["--dictionary", leaders, "--dictionary", verbs]
    assert _events(run_cli("code", article, "--date", "2026-03-02", *mine)) == [
        ("MLI", "FRA", "120"),
        ("MLI", "RUS", "030"),
        ("MLIGOV", "FRA", "111"),
    ]
    # the office held on the article's date: before 2026, the opposition's leader
    assert ("MLIOPP", "FRA", "111") in _events(
        run_cli("code", article, "--date", "2025-06-02", *mine)
    )


def test_the_settings_file_gives_them_to_worker_processes(user_files, tmp_path):
    leaders, verbs, article = user_files
    config = tmp_path / "communique.toml"  # paths relative to the settings file
    config.write_text(
        '[communique]\ndictionaries = ["dicts/keldrake.tsv", "dicts/patterns.tsv"]\n',
        encoding="utf-8",
    )
    second = tmp_path / "second.txt"
    second.write_text("Zorvan Keldrake stonewalled France.\n", encoding="utf-8")
    run = run_cli(
        "--config",
        config,
        "code",
        article,
        second,
        "--date",
        "2026-03-02",
        "--workers",
        "2",
        "--batch-size",
        "1",
    )  # one document per worker task
    assert ("MLIGOV", "FRA", "120") in _events(run)


@pytest.mark.parametrize("command", [["code"], ["actors"], ["ingest", "--db", "x.db"], ["eval"]])
def test_an_invalid_user_file_stops_the_command_in_one_line(tmp_path, command):
    leaders = tmp_path / "leaders.tsv"
    leaders.write_text(
        "name\tiso3\tsectors\trole\tstart\tend\n"
        "Zorvan Keldrake\tMLI\tGOV\thead_of_state\t2026-01-01\t\n"
        "Jane Doe\tXXA\tGOV\thead_of_state\t2026-01-01\t\n",
        encoding="utf-8",
    )
    article = tmp_path / "article.txt"
    article.write_text("Mali criticised France.\n", encoding="utf-8")
    command = [str(tmp_path / part) if part == "x.db" else part for part in command]
    run = run_cli(*command, article, "--dictionary", leaders)
    stderr = run.stderr.decode()
    assert run.returncode == 2 and not run.stdout, stderr
    assert stderr.splitlines() == [
        f"Error: E600: {leaders}:3: iso3: 'XXA' is no ISO3 code of countries.tsv"
    ]


def test_a_packaged_table_cannot_be_extended(tmp_path):
    countries = tmp_path / "countries.tsv"
    countries.write_text(
        "iso3\tcameo\tname\taliases\tadjectives\nXXA\tXXA\tAtlantis\t\t\n", encoding="utf-8"
    )
    run = run_cli("actors", tmp_path, "--dictionary", countries)
    assert run.returncode == 2 and b"a countries.tsv file cannot be added" in run.stderr


# -- the loaders, without a model ------------------------------------------------------------


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_user_entry_replaces_the_packaged_one_with_its_key(tmp_path):
    """All the offices of a person, a title's sectors: the user's, not the package's."""
    leaders = _write(
        tmp_path / "leaders.tsv",
        "name\tiso3\tsectors\tstart\tend\nAssimi Goita\tMLI\tMIL\t2020-08-19\t\n",
    )
    titles = _write(
        tmp_path / "titles.tsv",
        "phrase\tsectors\tkind\nwarlord\tREB\ttitle\ngrand vizier\tGOV\ttitle\n",
    )
    packaged, mine = load_gazetteer(()), load_gazetteer((leaders, titles))
    assert load_gazetteer([leaders, titles]) is mine  # one per process and set of files

    def person(gazetteer, name):
        return [
            entry for entry in gazetteer.entries if entry.kind == "person" and entry.key == name
        ]

    assert len(person(packaged, "Assimi Goita")[0].offices) > 1
    [goita] = person(mine, "Assimi Goita")
    assert [(o.country, o.sectors, str(o.start)) for o in goita.offices] == [
        ("MLI", ("MIL",), "2020-08-19")
    ]
    titles_of = {e.key: e.sectors for e in mine.entries if e.kind == "title"}
    assert titles_of["warlord"] == ("REB",) and titles_of["grand vizier"] == ("GOV",)
    assert len(mine.entries) == len(packaged.entries) + 1  # one title more, nothing lost


def test_petrarch_style_verbs_and_class_patterns_load(tmp_path):
    verbs = _write(
        tmp_path / "verbs.tsv",
        "lemma\tparticle\tverb_class\tdefault_code\nstonewall\t\tstonewalling\t120\n",
    )
    classes = _write(
        tmp_path / "verb_patterns.tsv",
        "verb_class\twords\ttarget\tcode\nstonewalling\tinvestigation\t\t125\n",
    )
    index = load_patterns([verbs, classes])
    assert [(p.words, p.code) for p in index["stonewall"]] == [
        (("investigation",), "125"),
        ((), "120"),
    ]
    assert "stonewall" not in load_patterns(())


def test_the_loader_checks_the_files(tmp_path):
    from communique.errors import BadDictionary

    patterns = _write(
        tmp_path / "patterns.tsv",
        "trigger\twords\ttarget\tcode\n# the first pattern\nstonewall\t-\t\t1200\n",
    )
    with pytest.raises(BadDictionary, match=r"patterns\.tsv:3: code: unknown CAMEO code '1200'"):
        load_user_dictionaries((patterns,))
