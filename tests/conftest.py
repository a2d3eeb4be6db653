import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from communique import Settings
from communique.ingest.readers import iter_documents
from communique.store.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = Path(__file__).parent / "resources"
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_5aed2ec89439578e.txt"
EXAMPLE = ROOT / "examples" / "russia-mali-agreements.txt"


def example_db(path, *extra: Path) -> Path:
    """A real database at ``path``: the bundled example (and ``extra`` files) ingested as
    published on 2025-06-24."""
    settings = Settings(default_date="2025-06-24")
    ingest(iter_documents([str(EXAMPLE), *map(str, extra)], settings), path, settings)
    return path


# Short reports of our own, each with its publication date: dyads in both directions, a
# negated act, officials named by name, an act with no target, and events eleven months
# apart.
ANALYST_REPORTS = (
    ("2025-01-15", "mali-january.txt", "Russia and Mali signed three agreements on Tuesday."),
    (
        "2025-12-10",
        "mali-december.txt",
        "Mali and Russia signed a defence agreement in Bamako on Wednesday.",
    ),
    ("2025-06-24", "islands.txt", "Japan protested to China over the disputed islands on Monday."),
    (
        "2025-06-24",
        "ukraine.txt",
        "Russia did not attack Ukraine, the Ukrainian government said.\n\n"
        "President Vladimir Putin met French President Emmanuel Macron in Moscow on Monday.",
    ),
    (
        "2025-06-24",
        "kharkiv.txt",
        "Russian troops shelled Ukrainian positions near Kharkiv on Sunday.\n\n"
        "China praised Russia for its support.",
    ),
    ("2025-06-24", "moscow.txt", "Thousands of people demonstrated in Moscow on Sunday."),
)


def analyst_db(path: Path) -> Path:
    """A real database of ANALYST_REPORTS, each ingested with its own date."""
    folder = path.parent / "reports"
    folder.mkdir(exist_ok=True)
    for day, name, text in ANALYST_REPORTS:
        (folder / name).write_text(text + "\n", encoding="utf-8")
        settings = Settings(default_date=day)
        ingest(iter_documents([str(folder / name)], settings), path, settings)
    return path


# Reports in three languages, all of one day: a signing told in English and in French (one
# event, two reports), a condemnation told in French only, and a German report, stored with
# its language and coded not at all (communique has no German pipeline).
LANGUAGE_REPORTS = (
    {
        "id": "en-signing",
        "date": "2025-06-24",
        "text": "Russia and Mali signed three agreements on Tuesday.",
    },
    {
        "id": "fr-signing",
        "date": "2025-06-24",
        "text": "La Russie et le Mali ont signé trois accords mardi.",
    },
    {"id": "fr-condemnation", "date": "2025-06-24", "text": "La France a condamné l'Iran lundi."},
    {
        "id": "de-signing",
        "date": "2025-06-24",
        "text": "Russland und Mali haben am Dienstag in Moskau drei Abkommen unterzeichnet.",
    },
)


def languages_db(path: Path) -> Path:
    """A real database of LANGUAGE_REPORTS (one JSONL file beside it), each article's
    language identified by the clean stage."""
    documents = path.parent / "languages.jsonl"
    documents.write_text(
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in LANGUAGE_REPORTS),
        encoding="utf-8",
    )
    settings = Settings()
    ingest(iter_documents([str(documents)], settings), path, settings)
    return path


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason (a user's clone has no ../shared)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path}: the shared data lives beside the project in CI, not in a clone")
    return path


def run_cli(*args: str, stdin: bytes | None = None, env=None) -> subprocess.CompletedProcess:
    """Run the real command in a subprocess, as a user's script would."""
    return subprocess.run(
        [sys.executable, "-m", "communique.cli", *map(str, args)],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=600,
    )


@pytest.fixture
def cli():
    return run_cli


def db_snapshot(db) -> dict:
    """What a database holds, for comparing two runs: checks integrity, then lists every
    table's row count, the stored articles and the events with their counts."""
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
                "AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            "counts": {
                t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
                for t in sorted(tables)
            },
            "articles": sorted(
                connection.execute("SELECT id, duplicate_of FROM articles").fetchall(), key=str
            ),
            "events": sorted(
                connection.execute(
                    "SELECT id, source_code, target_code, cameo, date, num_mentions, num_articles, "
                    "num_sources FROM events"
                ).fetchall(),
                key=str,
            ),
            "agreements": sorted(
                connection.execute("SELECT id, num_articles FROM agreements").fetchall()
            ),
        }
    finally:
        connection.close()


def children_of(pid: int) -> list[int]:
    """The pids of a process's children, read from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def is_running(pid: int) -> bool:
    """True for a live process; a zombie waiting to be reaped has already left."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(db, env=None):
    """`communique serve` over ``db`` on a free port of 127.0.0.1; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "communique.cli", "serve", "--db", str(db), "--port", str(port)],
        cwd=ROOT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "/api/articles?limit=1", timeout=1)
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError("the server exited") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
