"""Agreements in French are records of their own, as in English (issue 18): the founding
story told in French gives its three agreements through the whole command line and store.
Text written for the test."""

import json

from tests.conftest import run_cli

STORY = (
    "MOSCOU, 6 mai 2024 - La Russie et le Mali ont signé lundi à Moscou trois accords de "
    "coopération militaire et économique, a annoncé le ministère russe des Affaires "
    "étrangères.\n\nLe Mali a par ailleurs rejeté un accord de pêche proposé par l'Union "
    "européenne.\n"
)


def test_french_agreements_are_coded_stored_and_listed(tmp_path):
    story = tmp_path / "russie-mali.txt"
    story.write_text(STORY, encoding="utf-8")
    coded = run_cli("code", story, "--format", "jsonl", "--date", "2024-05-07")
    assert coded.returncode == 0, coded.stderr.decode()
    record = json.loads(coded.stdout)
    signed = [r for r in record["agreements"] if r["status"] == "signed"]
    assert len(signed) == 3  # "trois accords": one record each
    assert all(sorted(r["parties"]) == ["MLI", "RUS"] for r in signed)
    assert all({"defence", "economy"} <= set(r["topics"]) for r in signed)
    assert all(r["date"] == "2024-05-06" for r in signed)  # "lundi" in Tuesday's paper
    assert signed[0]["title"] == "accords de coopération militaire et économique"
    rejected = [r for r in record["agreements"] if r["status"] == "rejected"]
    assert rejected and "agriculture" in rejected[0]["topics"]  # "pêche"

    db = tmp_path / "events.db"
    ingest = run_cli("ingest", story, "--db", db, "--date", "2024-05-07")
    assert ingest.returncode == 0, ingest.stderr.decode()
    listed = run_cli("agreements", "--db", db, "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr.decode()
    stored = [json.loads(line) for line in listed.stdout.decode().splitlines()]
    # the store keeps one record per title and parties (store/db.py), as for English
    assert {(r["status"], tuple(sorted(r["parties"]))) for r in stored} >= {
        ("signed", ("MLI", "RUS"))
    }
