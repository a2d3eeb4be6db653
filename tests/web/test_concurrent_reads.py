"""A reader (the server) running while an ingest writes sees no errors, thanks to WAL."""

import json
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from tests.conftest import ROOT, example_db, served, shared_path


@pytest.mark.shared
def test_the_server_reads_while_an_ingest_writes(tmp_path):
    files = [
        str(p) for p in sorted(shared_path("data", "corpora", "bbc", "politics").glob("*.txt"))[:48]
    ]
    db = example_db(tmp_path / "live.db")
    with served(db) as url:
        writer = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "communique.cli",
                "ingest",
                *files,
                "--db",
                str(db),
                "--batch-size",
                "4",
                "--workers",
                "1",
                "--no-progress",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        statuses, seen, reads = [], [], 0
        while writer.poll() is None or reads < 5:
            for path in (
                "/api/articles?limit=1000",
                "/api/events?limit=5",
                "/",
                "/events",
                "/api/network",
            ):
                try:
                    with urllib.request.urlopen(url + path, timeout=30) as response:
                        statuses.append(response.status)
                        body = response.read()
                except urllib.error.HTTPError as error:
                    statuses.append(error.code)
                    continue
                if path.startswith("/api/articles"):
                    seen.append(len(json.loads(body)))
            reads += 1
        assert writer.wait() == 0, writer.stderr.read().decode()[-2000:]
    assert set(statuses) == {200}, statuses
    assert seen == sorted(seen)  # each read sees a committed state, never a step back
    assert seen[0] < seen[-1]  # reads happened while the writer wrote
    assert reads > 10
