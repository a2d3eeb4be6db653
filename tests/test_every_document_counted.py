"""Issue 13: no input can stop a run or lose data.

The inputs that used to stop a whole run for good (a lone surrogate in valid JSON, a file
name that is not UTF-8, a line nested 1,000 levels deep, a 6.8 MB one-line text) go through
the real commands beside good documents: each yields a record, no traceback, every good
document is stored, and a rerun adds nothing.
"""

import json
import os
import random
import sqlite3
import time

import pytest

from tests.conftest import EXAMPLE, run_cli

GOOD = (
    "Talks resume in Geneva\n\nIran and the United States resumed talks on Monday in Geneva, "
    "diplomats said, after a pause of three weeks.\n"
)
NON_UTF8_NAME = b"caf\xe9.txt"  # a Latin-1 name, as old archives have them


def _lines() -> str:
    good = json.dumps({"id": "j_good", "text": "Kenya accused Uganda of aggression on Monday."})
    short_html = json.dumps({"id": "j_short_html", "html": "<p>Japan protested to China.</p>"})
    # Valid JSON escapes of a lone surrogate, in the text, the id and the url.
    surrogate = (
        '{"id": "j_surrogate\\ud800", "text": "Egypt condemned Israel \\ud800 on Monday.", '
        '"url": "http://example.org/\\udfff"}'
    )
    nested = (
        '{"id": "j_nested", "text": "France met Germany.", "x": ' + "[" * 1000 + "]" * 1000 + "}"
    )
    odd_fields = json.dumps(
        {
            "id": "j_odd_fields",
            "text": "Iran warned Iraq on Monday.",
            "date": "yesterday",
            "url": {"not": "a string"},
            "title": "\x1b[31mRed alert\x1b[0m \u202eTurkey",
        }
    )
    bidi = json.dumps({"id": "j_bidi", "text": "\u202eTurkey condemned Greece on Monday."})
    return (
        "\n".join(
            [
                good,
                "{not json at all",
                short_html,
                surrogate,
                nested,
                odd_fields,
                bidi,
                good.replace("j_good", "j_last"),
            ]
        )
        + "\n"
    )


def make_inbox(parent):
    d = parent / "inbox"
    d.mkdir()
    (d / "01_seed.txt").write_bytes(EXAMPLE.read_bytes())
    (d / "02_one_line.txt").write_text("word " * 1_360_000)  # 6.8 MB, one line
    (d / "03_random.txt").write_bytes(random.Random(7).randbytes(8192))
    (d / "04_truncated.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(40))
    (d / "05_lines.jsonl").write_text(_lines())
    os.symlink(d, d / "06_loop")
    with open(os.path.join(os.fsencode(d), NON_UTF8_NAME), "wb") as fh:
        fh.write(GOOD.encode())
    return d


EXPECTED_ERRORS = {
    "inbox/02_one_line": "E401",
    "inbox/03_random": "E102",
    "inbox/04_truncated": "E103",
    "inbox/05_lines:2": "E105",
    "inbox/05_lines:5": "E105",
    "inbox/06_loop": "E107",
}
GOOD_IDS = (
    "inbox/01_seed",
    "inbox/caf\\xe9",
    "j_good",
    "j_short_html",
    "j_surrogate\ufffd",
    "j_odd_fields",
    "j_bidi",
    "j_last",
)


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    return make_inbox(tmp_path_factory.mktemp("every"))


def records_of(run) -> dict:
    stderr = run.stderr.decode()
    assert "Traceback" not in stderr, stderr[-3000:]
    lines = run.stdout.decode().splitlines()
    records = {record["id"]: record for record in map(json.loads, lines)}
    assert len(records) == len(lines)
    return records


@pytest.fixture(scope="module")
def coded(inbox):
    start = time.monotonic()
    run = run_cli("code", inbox, "--date", "2025-06-24")
    return run, time.monotonic() - start


def test_code_gives_a_record_for_every_document_within_a_minute(coded):
    run, seconds = coded
    by_id = records_of(run)
    assert run.returncode == 1
    assert set(by_id) == set(EXPECTED_ERRORS) | set(GOOD_IDS)
    for key, code in EXPECTED_ERRORS.items():
        assert by_id[key]["error"]["code"] == code, by_id[key]
    assert "max_document_chars" in by_id["inbox/02_one_line"]["error"]["message"]
    for key in GOOD_IDS:
        assert "error" not in by_id[key] and by_id[key]["events"], key
    surrogate = by_id["j_surrogate\ufffd"]
    assert surrogate["url"] == "http://example.org/\ufffd" and "\ufffd" in surrogate["text"]
    assert any("lone surrogates" in warning for warning in surrogate["warnings"])
    odd = by_id["j_odd_fields"]
    assert odd["url"] is None and odd["date"] == "2025-06-24"  # not the wall clock's yesterday
    assert "\x1b" not in odd["title"] and "\u202e" not in odd["title"]
    assert len(odd["warnings"]) == 3, odd["warnings"]
    [bidi_event] = by_id["j_bidi"]["events"]
    assert (bidi_event["source"]["country"], bidi_event["target"]["country"]) == ("TUR", "GRC")
    print(f"the hostile set through code: {len(by_id)} records in {seconds:.1f} s")
    assert seconds < 60


def test_clean_writes_every_record_and_escapes_the_terminal(inbox):
    by_id = records_of(run_cli("clean", inbox))
    assert set(by_id) == set(EXPECTED_ERRORS) | set(GOOD_IDS)
    text = run_cli("clean", inbox / "05_lines.jsonl", "--format", "text")
    assert "Traceback" not in text.stderr.decode()
    assert b"\x1b" not in text.stdout and "\u202e".encode() not in text.stdout
    assert b"Japan protested to China." in text.stdout


def test_code_out_writes_shards_with_every_record(inbox, tmp_path):
    import pyarrow.parquet as pq

    run = run_cli("code", inbox, "--date", "2025-06-24", "--out", tmp_path / "shards")
    assert "Traceback" not in run.stderr.decode() and run.returncode == 1
    articles = pq.read_table(tmp_path / "shards" / "articles").to_pylist()
    assert len(articles) == len(EXPECTED_ERRORS) + len(GOOD_IDS)
    events = pq.read_table(tmp_path / "shards" / "events").to_pylist()
    assert events


def test_ingest_stores_every_good_document_and_a_rerun_adds_nothing(inbox, tmp_path):
    db = tmp_path / "every.db"
    first = run_cli("ingest", inbox, "--db", db, "--date", "2025-06-24")
    stderr = first.stderr.decode()
    assert "Traceback" not in stderr and first.returncode == 1, stderr[-2000:]
    total = len(EXPECTED_ERRORS) + len(GOOD_IDS)
    assert (
        f"{total} documents: {len(GOOD_IDS)} articles stored" in stderr
        and f"{len(EXPECTED_ERRORS)} failed" in stderr
    ), stderr[-2000:]
    again = run_cli("ingest", inbox, "--db", db, "--date", "2025-06-24")
    assert (
        f"0 articles stored (0 duplicates), {len(GOOD_IDS)} already stored" in again.stderr.decode()
    )


def test_a_lone_surrogate_in_the_middle_of_a_long_file_costs_nothing(tmp_path):
    lines = [
        json.dumps({"id": f"n{n}", "text": f"Egypt condemned Israel on day {n} of the talks."})
        for n in range(200)
    ]
    lines[99] = '{"id": "n99\\ud800", "text": "Egypt condemned Israel \\ud800.", "url": "u\\ud800"}'
    source = tmp_path / "two_hundred.jsonl"
    source.write_text("\n".join(lines) + "\n")
    db = tmp_path / "two_hundred.db"
    run = run_cli("ingest", source, "--db", db, "--date", "2025-06-24", "--batch-size", "16")
    assert run.returncode == 0, run.stderr.decode()[-2000:]
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 200
