"""Hostile input through the real command: error records or clean results, never a traceback,
and the good documents around the bad ones are processed."""
import gzip
import json
import os
import random

import pytest

GOOD = "Talks resume in Geneva\n\nThe talks resumed on Monday in Geneva, diplomats said, after a pause of three weeks.\n"


@pytest.fixture
def hostile_dir(tmp_path):
    d = tmp_path / "inbox"
    d.mkdir()
    (d / "01_good.txt").write_text(GOOD)
    (d / "02_empty.txt").write_bytes(b"")
    (d / "03_random.txt").write_bytes(random.Random(7).randbytes(8192))
    (d / "04_latin1.txt").write_bytes(
        "Réunion à Genève\n\nLe ministre a déclaré que la réunion était terminée, après trois semaines de pause.\n"
        .encode("latin-1"))
    (d / "05_cp1252.txt").write_bytes(
        "Talks end\n\n\u201cWe are done,\u201d the minister said \u2013 the talks ended after three long weeks.\n"
        .encode("cp1252"))
    (d / "06_broken.html").write_bytes(b"<html><body><div><p>Unclosed <b>bold <table><tr><td>cell</p></div")
    (d / "07_script_only.html").write_bytes(
        b"<html><head><style>p{color:red}</style><script>var x = '<p>no</p>';</script></head><body>"
        b"<script>document.write('hi')</script></body></html>")
    (d / "08_truncated.txt.gz").write_bytes(gzip.compress(GOOD.encode() * 50)[:60])
    (d / "09_lines.jsonl").write_text(
        json.dumps({"id": "j1", "text": GOOD}) + "\n{not json at all\n" + json.dumps({"id": "j3", "text": GOOD}) + "\n")
    (d / "10_long_line.txt").write_text("word " * 600_000)  # one 3 MB line
    (d / "11_binary.txt").write_bytes(bytes(range(256)) * 40)
    loop = d / "12_loop"
    loop.mkdir()
    os.symlink(loop, loop / "again")
    (d / "99_good.txt").write_text(GOOD)
    return d


def test_hostile_inputs_give_records_and_the_run_goes_on(cli, hostile_dir):
    run = cli("clean", hostile_dir, "--format", "jsonl")
    stderr = run.stderr.decode()
    assert "Traceback" not in stderr
    assert run.returncode == 1  # some documents failed
    records = [json.loads(line) for line in run.stdout.decode().splitlines()]
    for record in records:
        assert record["id"].startswith("inbox/") or record["id"] in ("j1", "j3")
        record["id"] = record["id"].removeprefix("inbox/")
    by_id = {r["id"]: r for r in records}
    errors = {r["id"]: r["error"]["code"] for r in records if "error" in r}
    assert by_id["01_good"]["text"].startswith("The talks resumed")
    assert by_id["99_good"]["text"].startswith("The talks resumed")
    assert [r["id"] for r in records if r["id"] in ("j1", "j3")] == ["j1", "j3"]
    assert errors["02_empty"] == "E101"
    assert errors["03_random"] == "E102"
    assert errors["11_binary"] == "E102"
    assert errors["08_truncated"] == "E103"
    assert errors["07_script_only"] == "E200"
    assert errors["09_lines:2"] == "E105"
    assert by_id["04_latin1"]["title"] == "Réunion à Genève"
    assert "déclaré" in by_id["04_latin1"]["text"] and "après" in by_id["04_latin1"]["text"]
    assert by_id["04_latin1"]["warnings"] == ["not UTF-8: decoded as cp1252"]
    assert "\u201cWe are done,\u201d" in by_id["05_cp1252"]["text"]
    assert "error" in by_id["06_broken"] or by_id["06_broken"]["text"]
    assert "error" in by_id["10_long_line"] or len(by_id["10_long_line"]["text"]) > 1_000_000
    assert any(code == "E107" for code in errors.values())
    # every error record has the contract's shape
    for record in records:
        if "error" in record:
            assert set(record) == {"id", "path", "error"}
            assert record["error"]["code"].startswith("E") and record["error"]["message"]


def test_stdin_is_read(cli):
    run = cli("clean", "-", stdin=GOOD.encode())
    assert run.returncode == 0, run.stderr
    record = json.loads(run.stdout)
    assert record["id"] == "stdin" and record["title"] == "Talks resume in Geneva"


def test_empty_stdin_is_an_error_record(cli):
    run = cli("clean", "-", stdin=b"")
    assert run.returncode == 1
    assert json.loads(run.stdout)["error"]["code"] == "E101"


def test_jsonl_on_stdin(cli):
    lines = json.dumps({"id": "a", "text": GOOD}) + "\n" + json.dumps({"id": "b", "html": "<p>x</p>"}) + "\n"
    run = cli("clean", "-", stdin=lines.encode())
    records = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["title"] == "Talks resume in Geneva"


def test_oversized_stdin_is_an_error_record(cli):
    env = dict(os.environ, COMMUNIQUE_MAX_DECOMPRESSED_BYTES="1000")
    run = cli("clean", "-", stdin=GOOD.encode() * 100, env=env)
    assert run.returncode == 1 and "Traceback" not in run.stderr.decode()
    assert json.loads(run.stdout)["error"]["code"] == "E104"
