"""Explain (issue 16): each event says which pattern made it, as file and line, and how its
actors were resolved; `code --explain` and `explain` print it. Through the real CLI."""

import json
import re

import pytest

from tests.conftest import SEED, run_cli

ORIGIN = re.compile(r"^(patterns|verbs|verb_patterns)\.tsv:\d+$|^grammar\.yaml:\w+$")


@pytest.mark.shared
def test_every_event_of_the_seed_records_the_pattern_that_made_it():
    result = run_cli("code", str(SEED), "--date", "2025-06-24", "--no-progress")
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    events = json.loads(result.stdout)["events"]
    assert events
    for event in events:
        assert ORIGIN.match(event["pattern"]), event["pattern"]


@pytest.mark.shared
def test_code_explain_names_the_pattern_line_and_the_actor_rules_of_each_seed_event():
    coded = run_cli("code", str(SEED), "--date", "2025-06-24", "--no-progress")
    events = json.loads(coded.stdout)["events"]
    result = run_cli("code", "--explain", str(SEED), "--date", "2025-06-24", "--no-progress")
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    blocks = result.stdout.decode().strip().split("\n\n")
    text_events = [e for e in events if e["evidence"]["field"] == "text"]
    assert len(blocks) == len(text_events)
    for block, event in zip(blocks, text_events):
        assert f"pattern:  {event['pattern']}  " in block, block
        pattern_line = block.split("pattern:  ")[1].split("\n")[0]
        assert pattern_line.split("  ", 1)[1].strip(), block  # the line's own text
        source = next(line for line in block.splitlines() if line.startswith("  source:"))
        assert re.search(r"rule=\w+ path: \S", source), source


def test_explain_one_sentence_shows_paths_and_rules():
    result = run_cli("explain", "Seoul rejected Tokyo's demand.", "--date", "2025-06-24")
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    out = result.stdout.decode()
    assert "KORGOV -> JPNGOV  120" in out
    assert "rule=metonym path: rejected -nsubj-> Seoul" in out
    assert "path: rejected -dobj-> demand -poss-> Tokyo" in out
    assert re.search(r"pattern:  patterns\.tsv:\d+  reject\t", out), out


def test_explain_says_when_there_is_no_event():
    result = run_cli("explain", "Officials said the plan was good.", "--date", "2025-06-24")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("no event; actors found:")
