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
from tests.conftest import ROOT, children_of, db_snapshot, is_running, shared_path


@pytest.mark.shared
def test_a_slice_of_bbc_and_reuters(tmp_path):
    bbc = sorted(shared_path("data", "corpora", "bbc", "politics").glob("*.txt"))[:30]
    reuters = shared_path("data", "corpora", "reuters21578.jsonl")
    documents = list(iter_documents([str(p) for p in bbc])) + list(
        itertools.islice(iter_documents([str(reuters)]), 120)
    )
    db = tmp_path / "slice.db"
    report = ingest(documents, db, Settings(batch_size=32))
    assert report.documents == 150 and report.articles + len(report.failed) == 150
    state = db_snapshot(db)
    assert state["counts"]["articles"] == report.articles and state["events"]
    assert all(row[5] >= row[6] >= 1 for row in state["events"])
    again = ingest(documents, db, Settings(batch_size=32))
    assert again.articles == 0 and again.skipped == report.articles
    assert db_snapshot(db) == state


KILL_FILES = 40


@pytest.fixture(scope="module")
def kill_corpus(tmp_path_factory):
    """40 BBC politics articles, and the database a clean ingest of them gives."""
    files = [
        str(p)
        for p in sorted(shared_path("data", "corpora", "bbc", "politics").glob("*.txt"))[
            :KILL_FILES
        ]
    ]
    clean_db = tmp_path_factory.mktemp("clean") / "clean.db"
    subprocess.run(
        ingest_command(files, clean_db, workers=1),
        check=True,
        capture_output=True,
        cwd=ROOT,
        timeout=900,
    )
    return files, db_snapshot(clean_db)


def ingest_command(files, db, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "communique.cli",
        "ingest",
        *files,
        "--batch-size",
        "8",
        "--workers",
        str(workers),
        "--no-progress",
        "--db",
        str(db),
    ]


def stored_articles(db) -> int | None:
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return None  # not created yet


@pytest.mark.shared
@pytest.mark.parametrize(
    "kill_at, workers",
    [
        (0, 2),  # before the first commit, while the workers load the model
        (8, 1),  # just after the first batch
        (24, 2),  # in the middle, with batches in flight on two workers
    ],
)
def test_a_killed_ingest_resumes_to_the_same_result(kill_corpus, tmp_path, kill_at, workers):
    files, clean = kill_corpus
    db = tmp_path / "killed.db"
    process = subprocess.Popen(
        ingest_command(files, db, workers),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    started, deadline = time.time(), time.time() + 600
    while time.time() < deadline and process.poll() is None:
        time.sleep(0.1)
        stored = stored_articles(db)
        if stored is not None and stored >= kill_at and time.time() - started > 2:
            break
    assert process.poll() is None, "the ingest finished before it could be killed"
    workers_before = children_of(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = db_snapshot(db)  # integrity_check ok, even cut short
    assert kill_at <= partial["counts"]["articles"] < KILL_FILES
    # The worker processes notice their parent is gone and leave.
    deadline = time.time() + 60
    while any(is_running(pid) for pid in workers_before) and time.time() < deadline:
        time.sleep(0.2)
    assert not any(is_running(pid) for pid in workers_before)
    subprocess.run(
        ingest_command(files, db, workers), check=True, capture_output=True, cwd=ROOT, timeout=900
    )
    resumed = db_snapshot(db)
    assert resumed == clean
    connection = sqlite3.connect(db)
    assert (
        connection.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM event_mentions GROUP BY "
            "article_id, start, trigger, event_id HAVING COUNT(*) > 1)"
        ).fetchone()[0]
        == 0
    )
    connection.close()
