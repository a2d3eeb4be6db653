"""Ingest on a slice of the real corpora, and resuming after `kill -9` gives the same database."""
import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from communique import Settings
from communique.ingest.readers import iter_documents
from communique.store.ingest import ingest
from tests.conftest import ROOT, db_snapshot, shared_path


@pytest.mark.shared
def test_a_slice_of_bbc_and_reuters(tmp_path):
    bbc = sorted(shared_path("data", "corpora", "bbc", "politics").glob("*.txt"))[:30]
    reuters = shared_path("data", "corpora", "reuters21578.jsonl")
    documents = list(iter_documents([str(p) for p in bbc])) + list(
        itertools.islice(iter_documents([str(reuters)]), 120))
    db = tmp_path / "slice.db"
    report = ingest(documents, db, Settings(batch_size=32))
    assert report.documents == 150 and report.articles + len(report.failed) == 150
    state = db_snapshot(db)
    assert state["counts"]["articles"] == report.articles and state["events"]
    assert all(row[5] >= row[6] >= 1 for row in state["events"])
    again = ingest(documents, db, Settings(batch_size=32))
    assert again.articles == 0 and again.skipped == report.articles
    assert db_snapshot(db) == state


@pytest.mark.shared
def test_a_killed_ingest_resumes_to_the_same_result(tmp_path):
    files = [str(p) for p in sorted(shared_path("data", "corpora", "bbc", "world"
                                                if (shared_path("data", "corpora", "bbc") / "world").exists()
                                                else "politics").glob("*.txt"))[:40]]
    command = [sys.executable, "-m", "communique.cli", "ingest", *files, "--batch-size", "8",
               "--no-progress"]
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    subprocess.run([*command, "--db", str(clean_db)], check=True, capture_output=True, cwd=ROOT,
                   timeout=900)
    process = subprocess.Popen([*command, "--db", str(killed_db)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 600
    while time.time() < deadline and process.poll() is None:
        time.sleep(0.2)
        if killed_db.exists():
            try:
                stored = sqlite3.connect(killed_db, timeout=1).execute(
                    "SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                continue
            if stored >= 8:
                break
    assert process.poll() is None, "the ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = db_snapshot(killed_db)
    assert 0 < partial["counts"]["articles"] < 40
    subprocess.run([*command, "--db", str(killed_db)], check=True, capture_output=True, cwd=ROOT,
                   timeout=900)
    assert db_snapshot(killed_db) == db_snapshot(clean_db)
