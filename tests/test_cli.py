import json
import re

import pytest

from communique import __version__
from communique.cli import main
from tests.conftest import EXAMPLE, ROOT

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
    assert re.search(rf"communique {command}\b", readme), f"README does not document `communique {command}`"


def test_readme_opens_with_the_two_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8")[:1500]
    assert head.index("make demo") < head.index("make test")


def test_clean_example_jsonl(cli):
    run = cli("clean", EXAMPLE, "--format", "jsonl", "--date", "2025-06-24")
    assert run.returncode == 0, run.stderr
    [record] = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert set(record) >= {"id", "path", "title", "date", "source", "text", "removed", "duplicate_of"}
    assert record["date"] == "2025-06-24" and record["source"] == "MENAFN"
    assert record["duplicate_of"] is None
    assert all(set(block) == {"kind", "text"} for block in record["removed"])


def test_clean_text_format(cli):
    run = cli("clean", EXAMPLE, "--format", "text")
    out = run.stdout.decode()
    assert out.startswith("Russia, Mali boost trade together with joint research\n\nRussian President")
    assert "Disclaimer" not in out


def test_duplicate_of_across_inputs(cli, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(EXAMPLE.read_bytes())
    records = [json.loads(line) for line in cli("clean", EXAMPLE, copy).stdout.decode().splitlines()]
    assert [r["duplicate_of"] for r in records] == [None, "russia-mali-agreements"]


@pytest.mark.parametrize("args", [["clean", "--date", "24/06/2025", "x.txt"], ["clean", "--format", "xml", "x"],
                                  ["nonsense"]])
def test_usage_errors_exit_2(cli, args):
    assert cli(*args).returncode == 2


def test_missing_file_exits_1_with_a_record(cli, tmp_path):
    run = cli("clean", tmp_path / "missing.txt")
    assert run.returncode == 1
    assert json.loads(run.stdout)["error"]["code"] == "E108"
    assert "Traceback" not in run.stderr.decode()
