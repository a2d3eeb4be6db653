import json
import re

import pytest

from communique import __version__
from communique.cli import main
from tests.conftest import EXAMPLE, ROOT, run_cli, shared_path

COMMANDS = sorted(main.commands)


def test_version(cli):
    run = cli("--version")
    assert run.returncode == 0
    assert __version__ in run.stdout.decode()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(cli, command):
    run = cli(command, "--help")
    assert run.returncode == 0
    assert main.commands[command].help and "Usage:" in run.stdout.decode()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_the_readme(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"communique {command}\b", readme), (
        f"README does not document `communique {command}`"
    )


def test_readme_opens_with_the_two_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8")[:1500]
    assert head.index("make demo") < head.index("make test")


def test_clean_example_jsonl(cli):
    run = cli("clean", EXAMPLE, "--format", "jsonl", "--date", "2025-06-24")
    assert run.returncode == 0, run.stderr
    [record] = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert set(record) >= {
        "id",
        "path",
        "title",
        "date",
        "source",
        "text",
        "removed",
        "duplicate_of",
    }
    assert record["date"] == "2025-06-24" and record["source"] == "MENAFN"
    assert record["duplicate_of"] is None
    assert all(set(block) == {"kind", "text"} for block in record["removed"])


def test_clean_text_format(cli):
    run = cli("clean", EXAMPLE, "--format", "text")
    out = run.stdout.decode()
    assert out.startswith(
        "Russia, Mali boost trade together with joint research\n\nRussian President"
    )
    assert "Disclaimer" not in out


def test_duplicate_of_across_inputs(cli, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(EXAMPLE.read_bytes())
    records = [
        json.loads(line) for line in cli("clean", EXAMPLE, copy).stdout.decode().splitlines()
    ]
    assert [r["duplicate_of"] for r in records] == [None, "russia-mali-agreements"]


@pytest.mark.parametrize(
    "args",
    [["clean", "--date", "24/06/2025", "x.txt"], ["clean", "--format", "xml", "x"], ["nonsense"]],
)
def test_usage_errors_exit_2(cli, args):
    assert cli(*args).returncode == 2


def test_missing_file_exits_1_with_a_record(cli, tmp_path):
    run = cli("clean", tmp_path / "missing.txt")
    assert run.returncode == 1
    assert json.loads(run.stdout)["error"]["code"] == "E108"
    assert "Traceback" not in run.stderr.decode()


def test_code_example_jsonl_and_table(cli):
    result = cli("code", EXAMPLE, "--date", "2025-06-24")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["date"] == "2025-06-24" and len(record["agreements"]) == 3
    assert any(
        e["cameo"] == "057" and {e["source"]["country"], e["target"]["country"]} == {"RUS", "MLI"}
        for e in record["events"]
    )
    table = cli("code", EXAMPLE, "--date", "2025-06-24", "--format", "table")
    assert len(table.stdout.splitlines()) == len(record["events"])


def test_actors_example_offsets_index_the_clean_text(cli):
    record = json.loads(cli("actors", EXAMPLE).stdout)
    text = json.loads(cli("clean", EXAMPLE).stdout)["text"]
    assert record["actors"]
    for actor in record["actors"]:
        assert text[actor["start"] : actor["end"]] == actor["text"]


def test_code_reads_stdin_and_reports_bad_lines(cli):
    lines = (
        b'{"id": "a", "text": "Egypt condemned Israel on Monday.", "date": "2025-06-24"}\n{broken\n'
    )
    result = cli("code", "-", stdin=lines)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 1
    assert records[0]["events"][0]["cameo"] == "111" and records[1]["error"]["code"] == "E105"


@pytest.mark.shared
def test_eval_scores_the_seed(cli):
    gold = shared_path("seed", "expected_events.json")
    result = cli("eval", gold, "--format", "json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["recall"] == 1.0 and scores["precision"] >= 0.9 and scores["duplicates"] == 0


def test_store_commands_end_to_end(cli, tmp_path):
    db = tmp_path / "events.db"
    first = cli("ingest", EXAMPLE, "--db", db, "--date", "2025-06-24")
    assert first.returncode == 0, first.stderr
    assert "1 articles stored" in first.stderr.decode()
    again = cli("ingest", EXAMPLE, "--db", db, "--date", "2025-06-24")
    assert (
        "0 articles stored" in again.stderr.decode() and "1 already stored" in again.stderr.decode()
    )
    events = [
        json.loads(line)
        for line in cli(
            "events", "--db", db, "--source", "RUS", "--target", "MLI", "--format", "jsonl"
        ).stdout.splitlines()
    ]
    assert len(events) >= 3
    assert all(e["source"]["country"] == "RUS" and e["target"]["country"] == "MLI" for e in events)
    assert all({"num_articles", "num_sources", "num_mentions"} <= set(e) for e in events)
    dyad = cli("dyad", "RUS", "MLI", "--db", db).stdout.decode()
    assert "2025-06" in dyad and "goldstein" in dyad
    assert len(cli("agreements", "--db", db, "--party", "MLI").stdout.splitlines()) == 3
    out = tmp_path / "events.tsv"
    assert cli("export", "--db", db, "--format", "gdelt", "--out", out).returncode == 0
    assert all(len(row.split("\t")) == 61 for row in out.read_text(encoding="utf-8").splitlines())
    bad = cli("events", "--db", db, "--since", "last week")
    assert bad.returncode == 2 and b"YYYY-MM-DD" in bad.stderr


def test_eval_reads_the_holdout_format_with_stories_by_doc_id(tmp_path):
    """A gold file in the holdout format: a JSONL story named by its id, under --corpus."""

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    stories = [
        {"id": "s1", "text": "Egypt condemned Israel on Monday.", "date": "2025-06-24"},
        {"id": "s2", "text": "France praised Germany in a statement.", "date": "2025-06-24"},
    ]
    (corpus / "stories.jsonl").write_text(
        "".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8"
    )
    item = {
        "id": "E1",
        "required": True,
        "symmetric": False,
        "sources": ["EGY"],
        "targets": ["ISR"],
        "cameo_roots": ["11"],
        "sentence_contains": "condemned",
    }
    gold = tmp_path / "gold.json"
    gold.write_text(
        json.dumps(
            {
                "articles": [
                    {"doc_id": "s1", "path": "stories.jsonl", "events": [item]},
                    {"doc_id": "s2", "path": "stories.jsonl", "events": []},
                ]
            }
        ),
        encoding="utf-8",
    )
    result = run_cli("eval", gold, "--corpus", corpus)
    assert result.returncode == 0, result.stderr.decode()
    output = result.stdout.decode()
    # s1's event is found; s2's FRA -> DEU praise is produced but in no item.
    assert "recall 1.000" in output and "(1/1 required, 1/2 produced)" in output, output
