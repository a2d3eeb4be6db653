"""Friendly failures, through the real command: a --db or an --out that cannot be used is one
line and exit 2, an input without documents exits 1 and says why, skipped files are counted,
serve says where it listens and logs requests, demo runs from any folder, exports keep their
types, and the progress bar has a total. No traceback anywhere."""

import csv
import datetime as dt
import json
import os
import queue
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from communique.ingest.readers import count_documents
from tests.conftest import EXAMPLE, ROOT

SCRIPT = Path(sys.executable).with_name("communique")  # .venv/bin/communique
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "communique.cli"]


def communique(*args, cwd=None, stdin: str | None = None, timeout: float = 600):
    return subprocess.run(
        [*COMMAND, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        timeout=timeout,
        check=False,
    )


def assert_no_traceback(run):
    assert "Traceback" not in run.stderr + run.stdout, run.stderr[-3000:]


def assert_usage_error(run, *words):
    """Exit 2, and one "Error:" line that holds ``words``."""
    assert_no_traceback(run)
    assert run.returncode == 2, (run.returncode, run.stderr)
    errors = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, run.stderr
    assert all(word in errors[0] for word in words), errors[0]


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    """The bundled example beside a PDF, which the readers skip."""
    folder = tmp_path_factory.mktemp("inbox") / "inbox"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4\n")
    return folder


@pytest.fixture(scope="module")
def ingested(inbox, tmp_path_factory):
    """A real database, made by a real ingest of ``inbox``; yields (database, the run)."""
    db = tmp_path_factory.mktemp("db") / "events.db"
    run = communique("ingest", inbox, "--db", db, "--date", "2025-06-24", "--no-progress")
    assert run.returncode == 0, run.stderr[-3000:]
    return db, run


@pytest.fixture
def not_a_db(tmp_path):
    path = tmp_path / "stories.jsonl"
    path.write_text('{"id": "a", "text": "Egypt condemned Israel."}\n', encoding="utf-8")
    return path


@pytest.fixture
def unwritable(tmp_path):
    """A folder this process cannot create files in."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        try:
            (folder / "probe").touch()
        except PermissionError:
            yield folder
            return
        (folder / "probe").unlink()  # root writes anywhere, but not in /sys
        if not Path("/sys").is_dir() or _can_write("/sys"):
            pytest.skip("no folder here that this user cannot write in")
        yield Path("/sys")
    finally:
        folder.chmod(0o755)


def _can_write(folder) -> bool:
    try:
        (Path(folder) / ".communique-test").touch()
    except OSError:
        return False
    (Path(folder) / ".communique-test").unlink()
    return True


# -- 1. a --db or an --out that cannot be used: one line, exit 2 ----------------------------

DB_COMMANDS = {
    "ingest": lambda db, tmp: ["ingest", EXAMPLE, "--db", db, "--no-progress"],
    "events": lambda db, tmp: ["events", "--db", db],
    "agreements": lambda db, tmp: ["agreements", "--db", db],
    "dyad": lambda db, tmp: ["dyad", "RUS", "MLI", "--db", db],
    "export": lambda db, tmp: ["export", "--db", db, "--format", "csv", "--out", tmp / "e.csv"],
    "serve": lambda db, tmp: ["serve", "--db", db, "--port", "0"],
}


@pytest.mark.parametrize("command", DB_COMMANDS)
def test_a_db_in_a_folder_that_does_not_exist_is_a_usage_error(command, tmp_path):
    db = tmp_path / "missing" / "events.db"
    run = communique(*DB_COMMANDS[command](db, tmp_path), timeout=120)
    assert_usage_error(run, "'--db'", f"the folder {db.parent} does not exist")
    assert os.listdir(tmp_path) == []  # neither the folder nor an export was made


@pytest.mark.parametrize("command", DB_COMMANDS)
def test_a_db_that_is_not_a_database_is_a_usage_error(command, tmp_path, not_a_db):
    before = not_a_db.read_bytes()
    run = communique(*DB_COMMANDS[command](not_a_db, tmp_path), timeout=120)
    assert_usage_error(run, "'--db'", "E302", "is not a database")
    assert not_a_db.read_bytes() == before
    assert os.listdir(tmp_path) == [not_a_db.name]


def test_export_to_a_missing_folder_is_a_usage_error(ingested, tmp_path):
    db, _ = ingested
    run = communique(
        "export", "--db", db, "--format", "parquet", "--out", tmp_path / "missing" / "e.parquet"
    )
    assert_usage_error(run, "'--out'", "does not exist")
    assert os.listdir(tmp_path) == []


def test_export_to_a_folder_without_write_permission_is_a_usage_error(ingested, unwritable):
    db, _ = ingested
    before = sorted(os.listdir(unwritable))
    run = communique("export", "--db", db, "--format", "csv", "--out", unwritable / "e.csv")
    assert_usage_error(run, "'--out'", f"cannot write in the folder {unwritable}")
    assert sorted(os.listdir(unwritable)) == before


def test_code_out_in_a_missing_folder_is_a_usage_error(tmp_path):
    run = communique("code", EXAMPLE, "--out", tmp_path / "missing" / "shards")
    assert_usage_error(run, "'--out'", "does not exist")
    assert os.listdir(tmp_path) == []


def test_code_out_in_a_folder_without_write_permission_is_a_usage_error(unwritable):
    before = sorted(os.listdir(unwritable))
    for out in (unwritable / "shards", unwritable):  # a new DIR in it, or DIR itself
        run = communique("code", EXAMPLE, "--out", out)
        assert_usage_error(run, "'--out'", f"cannot write in the folder {unwritable}")
    assert sorted(os.listdir(unwritable)) == before


# -- 2. no documents: exit 1 and why; skipped files counted ----------------------------------


def test_an_empty_folder_has_no_documents(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    for args in (["code", empty], ["ingest", empty, "--db", tmp_path / "new.db"]):
        run = communique(*args)
        assert_no_traceback(run)
        assert run.returncode == 1, run.stderr
        assert f"no documents found in {empty}: " in run.stderr
        assert run.stdout == ""
    assert os.listdir(tmp_path) == ["empty"]  # ingest made no database


def test_a_folder_of_unknown_extensions_has_no_documents(tmp_path):
    folder = tmp_path / "office"
    folder.mkdir()
    for name in ("a.pdf", "b.docx", "c.pdf"):
        (folder / name).write_bytes(b"not news")
    run = communique("clean", folder)
    assert_no_traceback(run)
    assert run.returncode == 1 and run.stdout == ""
    [line] = [line for line in run.stderr.splitlines() if "no documents found" in line]
    assert (
        f"no documents found in {folder}: 3 files skipped (unknown extensions: .docx, .pdf)" in line
        and ".txt" in line
    )  # and what it reads


def test_the_ingest_summary_counts_the_skipped_files(ingested):
    _, run = ingested
    assert_no_traceback(run)
    [summary] = [line for line in run.stderr.splitlines() if " documents: " in line]
    assert summary.startswith("1 documents: 1 articles stored")
    assert summary.endswith("; 1 file skipped (unknown extension: .pdf)")


def test_clean_warns_of_skipped_files(inbox):
    run = communique("clean", inbox, "--format", "text")
    assert_no_traceback(run)
    assert run.returncode == 0 and "Russia, Mali" in run.stdout
    assert "communique: WARNING: 1 file skipped (unknown extension: .pdf)" in run.stderr


# -- 3. serve says where it listens, and logs requests ---------------------------------------


def test_serve_prints_its_url_and_logs_requests(ingested):
    db, _ = ingested
    server = subprocess.Popen(
        [*COMMAND, "serve", "--db", str(db), "--port", "0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(
        target=lambda: [lines.put(line) for line in server.stderr], daemon=True
    ).start()
    seen = []

    def wait_for(pattern: str):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                assert server.poll() is None, "".join(seen)
                continue
            seen.append(line)
            if found := re.search(pattern, line):
                return found
        raise AssertionError("".join(seen))

    try:
        started = wait_for(r"serving (.+) at (http://127\.0\.0\.1:(\d+)/) \(Ctrl\+C to stop\)")
        assert started.group(1) == str(db) and started.group(3) != "0"
        assert seen == [started.string]  # the first line: none of uvicorn's own
        with urllib.request.urlopen(started.group(2) + "api/events?limit=1", timeout=30) as answer:
            assert answer.status == 200 and json.load(answer)
        wait_for(r'127\.0\.0\.1:\d+ "GET /api/events\?limit=1 HTTP/1\.1" 200')
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stdout.close()
    assert "Traceback" not in "".join(seen)


# -- 4. demo from any folder ----------------------------------------------------------------


def test_demo_runs_from_any_folder(tmp_path):
    run = communique("demo", cwd=tmp_path)
    assert_no_traceback(run)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.startswith("demo.db: 2 articles")  # the seed and the French example
    assert re.search(r"RUS -> MLI  057 Sign formal agreement", run.stdout)
    assert re.search(r"IGO -> MLI  163 Impose embargo", run.stdout)  # coded from French
    assert (tmp_path / "demo.db").is_file()
    # The hints name a command that runs from here.
    hint = re.search(r"^  (\S+) events --db demo.db", run.stdout, re.M).group(1)
    assert hint == "communique" and shutil.which("communique") or (tmp_path / hint).is_file()


# -- 5. exports keep their types -------------------------------------------------------------


def test_csv_writes_cameo_codes_as_text_and_the_readme_says_how_to_read_them(ingested, tmp_path):
    db, _ = ingested
    out = tmp_path / "events.csv"
    run = communique("export", "--db", db, "--format", "csv", "--out", out)
    assert run.returncode == 0, run.stderr
    text = out.read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert rows and all(re.fullmatch(r"\d{3,4}", row["cameo"]) for row in rows)
    assert all(row["cameo_root"] == row["cameo"][:2] for row in rows)
    zeros = [row for row in rows if row["cameo"].startswith("0")]
    assert zeros  # "010", "057": the leading zero is kept, as text
    assert all(f",{row['cameo']},{row['cameo_root']}," in text for row in zeros)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", row["date"]) for row in rows if row["date"])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'read_csv(path, dtype={"cameo": str, "cameo_root": str})' in readme


def test_parquet_dates_are_dates_whatever_their_precision(ingested, tmp_path):
    db, _ = ingested
    copy = tmp_path / "dates.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
        ids = [row[0] for row in target.execute("SELECT id FROM events ORDER BY id LIMIT 3")]
        target.execute(
            "UPDATE events SET date = '2024-03-01', date_precision = 'month' WHERE id = ?",
            (ids[0],),
        )
        target.execute(
            "UPDATE events SET date = '2023', date_precision = 'year' WHERE id = ?", (ids[1],)
        )
        target.execute(
            "UPDATE events SET date = NULL, date_precision = NULL WHERE id = ?", (ids[2],)
        )
    source.close()
    target.close()
    out = tmp_path / "events.parquet"
    run = communique("export", "--db", copy, "--format", "parquet", "--out", out)
    assert run.returncode == 0, run.stderr
    assert_no_traceback(run)
    table = pq.read_table(out)
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("cameo").type == table.schema.field("cameo_root").type == pa.string()
    rows = {row["id"]: row for row in table.to_pylist()}
    assert (rows[ids[0]]["date"], rows[ids[0]]["date_precision"]) == (dt.date(2024, 3, 1), "month")
    assert (rows[ids[1]]["date"], rows[ids[1]]["date_precision"]) == (dt.date(2023, 1, 1), "year")
    assert rows[ids[2]]["date"] is None
    assert all(isinstance(row["date"], dt.date) for key, row in rows.items() if key != ids[2])
    csv_out = tmp_path / "events.csv"
    assert communique("export", "--db", copy, "--format", "csv", "--out", csv_out).returncode == 0
    for row in csv.DictReader(csv_out.read_text(encoding="utf-8").splitlines()):
        parquet_date = rows[row["id"]]["date"]
        assert row["date"] == (parquet_date.isoformat() if parquet_date else "")


# -- 6. the progress bar has a total ----------------------------------------------------------


def test_the_progress_bar_has_a_total_and_is_redrawn(tmp_path):
    folder = tmp_path / "three"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "a.txt")
    (folder / "b.txt").write_text("Egypt condemned Israel on Monday.", encoding="utf-8")
    (folder / "c.txt").write_text("France praised Germany on Tuesday.", encoding="utf-8")
    (folder / "d.pdf").write_bytes(b"%PDF-1.4\n")
    shards = tmp_path / "shards"
    started = time.monotonic()
    run = communique("code", folder, "--date", "2025-06-24", "--progress", "--out", shards)
    took = time.monotonic() - started
    assert_no_traceback(run)
    assert run.returncode == 0, run.stderr[-3000:]
    frames = re.split(r"[\r\n]", run.stderr)
    assert any(re.search(r"code: +0%.*\| 0/3 \[", frame) for frame in frames), run.stderr
    assert any(re.search(r"code: 100%.*\| 3/3 \[", frame) for frame in frames), run.stderr
    if took > 5:  # the model loads, the batch is coded: the bar keeps its clock running
        waiting = {m.group(1) for m in re.finditer(r"0/3 \[(\d\d:\d\d)", run.stderr)}
        assert len(waiting) >= 2, run.stderr
    # the summary of code --out, with the skipped file; the shards' dates are dates
    assert re.search(
        r"3 articles, \d+ events and \d+ agreements written to .* in 1 shards; "
        r"1 file skipped \(unknown extension: \.pdf\)",
        run.stderr,
    ), run.stderr
    assert pq.read_table(shards / "events").schema.field("date").type == pa.date32()


def test_the_progress_bar_counts_jsonl_lines_and_has_no_total_on_stdin(tmp_path):
    stories = tmp_path / "stories.jsonl"
    stories.write_text(
        "".join(json.dumps({"id": str(n), "text": f"Story {n}."}) + "\n" for n in range(4))
        + "\n   \n",
        encoding="utf-8",
    )  # blanks: none
    run = communique("clean", stories, "--progress")
    assert_no_traceback(run)
    assert run.returncode == 0 and len(run.stdout.splitlines()) == 4
    assert re.search(r"clean: 100%.*\| 4/4 \[", run.stderr), run.stderr
    piped = communique("clean", "-", "--progress", stdin="Egypt condemned Israel.")
    assert piped.returncode == 0 and re.search(r"clean: 1 docs \[", piped.stderr), piped.stderr
    assert "/1" not in piped.stderr


def test_count_documents(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.pdf").write_text("x")
    (tmp_path / "c.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}')  # no final newline
    assert count_documents([str(tmp_path), str(tmp_path / "missing.txt")]) == 4
    (tmp_path / "d.warc").write_text("")
    assert count_documents([str(tmp_path)]) is None  # a WARC's records are not cheap to count
    assert count_documents(["-"]) is None
