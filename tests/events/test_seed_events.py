"""The founding article, coded end to end, against its gold and its must-shows."""

import json

import pytest

from communique import Pipeline, Settings
from communique.evaluate_articles import event_items, score_article
from communique.ingest.readers import iter_documents
from tests.conftest import EXAMPLE, SHARED, shared_path

MUST_NOT_CODE = ["Legal Disclaimer", "Bitcoin", "Bitmex", "Visa Principal", "Kosher", "Fin Fish"]


@pytest.fixture(scope="module")
def seed():
    settings = Settings(default_date="2025-06-24")
    pipeline = Pipeline(settings, stages=("clean", "dedupe", "parse", "actors", "events"))
    article = next(pipeline.pipe(iter_documents([str(EXAMPLE)], settings)))
    assert article.ok, article.error
    return article


@pytest.mark.shared
def test_seed_against_its_gold(seed):
    gold = json.loads(shared_path("seed", "expected_events.json").read_text(encoding="utf-8"))
    scores = score_article("seed", event_items(gold["events"]), seed.events)
    assert scores.missed == [] and scores.counts.found == scores.counts.required == 7
    assert scores.counts.precision >= 0.9, scores.unmatched
    assert scores.counts.duplicates == 0


def test_three_agreements_with_their_topics(seed):
    agreements = seed.agreements
    assert len(agreements) == 3
    assert all(
        sorted(a["parties"]) == ["MLI", "RUS"] and a["status"] == "signed" for a in agreements
    )
    topics = [set(a["topics"]) for a in agreements]
    assert {"trade", "science"} <= topics[0]
    assert "diplomacy" in topics[1]
    assert {"nuclear", "energy"} <= topics[2]
    signing = [e for e in seed.events if e["cameo"] == "057"]
    assert signing and signing[0]["agreement_id"] == agreements[0]["id"]


def test_the_two_monday_meetings_are_dated_the_day_before_publication(seed):
    meetings = [
        e for e in seed.events if e["cameo_root"] == "04" and e["evidence"]["trigger"] == "met"
    ]
    assert len(meetings) == 2
    assert {e["date"] for e in meetings} == {"2025-06-23"}


def test_nothing_from_the_boilerplate(seed):
    for event in seed.events:
        for phrase in MUST_NOT_CODE:
            assert phrase not in event["evidence"]["sentence"]
        assert (
            seed.text[event["evidence"]["start"] : event["evidence"]["end"]]
            == event["evidence"]["sentence"]
        )


def test_no_event_reported_twice(seed):
    keys = [
        (
            e["source"]["code"],
            (e["target"] or {}).get("code"),
            e["cameo"],
            e["evidence"]["sentence"],
        )
        for e in seed.events
    ]
    assert len(keys) == len(set(keys))


def test_the_scorer_shipped_with_the_data_agrees(seed, tmp_path):
    """The independent scorer in ../shared/tools reads our JSONL as the contract says."""
    import subprocess
    import sys

    scorer = shared_path("tools", "score_events.py")
    output = tmp_path / "seed.jsonl"
    output.write_text(json.dumps(seed.code_record()) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(scorer), str(SHARED / "seed" / "expected_events.json"), str(output)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("recall 1.000 (7/7 required)"), result.stdout
