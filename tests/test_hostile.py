"""Hostile input through the real command: error records or clean results, never a traceback,
and the good documents around the bad ones are processed."""

import gzip
import json
import os
import random

import pytest

DEPTH = 1200  # directories in the deep tree: more than Python's recursion limit
GOOD = "Talks resume in Geneva\n\nThe talks resumed on Monday in Geneva, diplomats said, after a pause of three weeks.\n"


def make_hostile_dir(parent):
    d = parent / "inbox"
    d.mkdir()
    (d / "01_good.txt").write_text(GOOD)
    (d / "02_empty.txt").write_bytes(b"")
    (d / "03_random.txt").write_bytes(random.Random(7).randbytes(8192))
    (d / "04_latin1.txt").write_bytes(
        "Réunion à Genève\n\nLe ministre a déclaré que la réunion était terminée, après trois semaines de pause.\n".encode(
            "latin-1"
        )
    )
    (d / "05_cp1252.txt").write_bytes(
        "Talks end\n\n\u201cWe are done,\u201d the minister said \u2013 the talks ended after three long weeks.\n".encode(
            "cp1252"
        )
    )
    (d / "06_broken.html").write_bytes(
        b"<html><body><div><p>Unclosed <b>bold <table><tr><td>cell</p></div"
    )
    (d / "07_script_only.html").write_bytes(
        b"<html><head><style>p{color:red}</style><script>var x = '<p>no</p>';</script></head><body>"
        b"<script>document.write('hi')</script></body></html>"
    )
    (d / "08_truncated.txt.gz").write_bytes(gzip.compress(GOOD.encode() * 50)[:60])
    (d / "09_lines.jsonl").write_text(
        json.dumps({"id": "j1", "text": GOOD})
        + "\n{not json at all\n"
        + json.dumps({"id": "j3", "text": GOOD})
        + "\n"
    )
    (d / "10_long_line.txt").write_text("word " * 600_000)  # one 3 MB line
    (d / "11_binary.txt").write_bytes(bytes(range(256)) * 40)
    loop = d / "12_loop"
    loop.mkdir()
    os.symlink(loop, loop / "again")
    (d / "99_good.txt").write_text(GOOD)
    return d


@pytest.fixture
def hostile_dir(tmp_path):
    return make_hostile_dir(tmp_path)


def add_the_rest(d):
    """The inputs that need the resource limits: a gzip bomb, a 7 MB text, and the file
    system's traps (an unreadable file, a FIFO, a dangling link, a tree DEPTH levels deep)."""
    with gzip.open(d / "13_bomb.txt.gz", "wb", compresslevel=9) as fh:
        for _ in range(64):  # 64 MB of zeros in a 64 KB file; the limit stops it at 8 MB
            fh.write(bytes(1 << 20))
    rng = random.Random(3)
    words = (
        "the minister said talks with officials in Geneva resumed on Monday after a pause "
        "of three weeks and diplomats expect an agreement"
    ).split()
    paragraphs = [
        " ".join(rng.choice(words) for _ in range(60)).capitalize() + "." for _ in range(18_000)
    ]
    (d / "14_seven_mb.txt").write_text("\n\n".join(paragraphs))
    unreadable = d / "15_unreadable.txt"
    unreadable.write_text(GOOD)
    unreadable.chmod(0)
    os.mkfifo(d / "16_fifo.txt")
    os.symlink(d / "nowhere.txt", d / "17_dangling.txt")
    deep = d / "18_deep"
    os.makedirs(deep)
    fd = os.open(deep, os.O_RDONLY)
    for _ in range(DEPTH):  # built relative to a descriptor: the full path outgrows PATH_MAX
        os.mkdir("d", dir_fd=fd)
        next_fd = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = next_fd
    with open(os.open("bottom.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as fh:
        fh.write(GOOD)
    os.close(fd)
    return d


def remove_deep_tree(root) -> None:
    """Python 3.11's shutil.rmtree recurses once per level, too deep for this tree."""
    fds = [os.open(root, os.O_RDONLY)]
    for _ in range(DEPTH):
        fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
    os.unlink("bottom.txt", dir_fd=fds[-1])
    for parent in reversed(fds[:-1]):
        os.close(fds.pop())
        os.rmdir("d", dir_fd=parent)
    os.close(fds.pop())


LIMITS = {"COMMUNIQUE_MAX_DOCUMENT_BYTES": "8000000", "COMMUNIQUE_MAX_DOCUMENT_SECONDS": "2"}


@pytest.fixture(scope="module")
def whole_hostile_dir(tmp_path_factory):
    d = make_hostile_dir(tmp_path_factory.mktemp("whole"))
    yield add_the_rest(d)
    (d / "15_unreadable.txt").chmod(0o644)  # so that pytest can clean up
    remove_deep_tree(d / "18_deep")


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
    lines = (
        json.dumps({"id": "a", "text": GOOD})
        + "\n"
        + json.dumps({"id": "b", "html": "<p>x</p>"})
        + "\n"
    )
    run = cli("clean", "-", stdin=lines.encode())
    records = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["title"] == "Talks resume in Geneva"


def test_oversized_stdin_is_an_error_record(cli):
    env = dict(os.environ, COMMUNIQUE_MAX_DECOMPRESSED_BYTES="1000")
    run = cli("clean", "-", stdin=GOOD.encode() * 100, env=env)
    assert run.returncode == 1 and "Traceback" not in run.stderr.decode()
    assert json.loads(run.stdout)["error"]["code"] == "E104"


EXPECTED_ERRORS = {  # input -> the error code it must give (a clean result where absent)
    "02_empty": "E101",
    "03_random": "E102",
    "07_script_only": "E200",
    "08_truncated": "E103",
    "09_lines:2": "E105",
    "11_binary": "E102",
    "13_bomb": "E104",
    "16_fifo": "E100",
    "17_dangling": "E108",
}
GOOD_IDS = (
    "01_good",
    "99_good",
    "j1",
    "j3",
    "04_latin1",
    "05_cp1252",
    "18_deep/" + "d/" * DEPTH + "bottom",
)


def records_of(run) -> dict:
    assert "Traceback" not in run.stderr.decode(), run.stderr.decode()[-3000:]
    records = [json.loads(line) for line in run.stdout.decode().splitlines()]
    return {r["id"].removeprefix("inbox/"): r for r in records}


@pytest.fixture(scope="module")
def coded(whole_hostile_dir):
    from tests.conftest import run_cli

    return run_cli(
        "code", whole_hostile_dir, "--date", "2025-06-24", env=dict(os.environ, **LIMITS)
    )


def test_code_gives_a_record_for_every_hostile_input(coded, whole_hostile_dir):
    by_id = records_of(coded)
    assert coded.returncode == 1  # some failed: the contract's exit status
    errors = {key: r["error"]["code"] for key, r in by_id.items() if "error" in r}
    for key, code in EXPECTED_ERRORS.items():
        assert errors.get(key) == code, (key, by_id.get(key))
    assert errors["12_loop/again"] == "E107"
    # The 7 MB text and the 3 MB line are over max_document_chars: refused before any work.
    for key in ("14_seven_mb", "10_long_line"):
        assert errors.get(key) == "E401", by_id[key]
    # Root reads any file; anyone else gets a read error.
    assert errors.get("15_unreadable") == ("E100" if os.geteuid() != 0 else None)
    for key in GOOD_IDS:
        assert "error" not in by_id[key] and by_id[key]["text"], key
    for record in by_id.values():
        if "error" in record:
            assert set(record) == {"id", "path", "error"} and record["error"]["message"]
    print(
        f"hostile corpus through code: {len(by_id)} inputs, {len(errors)} error records, 0 crashes"
    )


def test_ingest_stores_the_good_and_reports_the_bad(whole_hostile_dir, coded, tmp_path):
    from tests.conftest import db_snapshot, run_cli

    db = tmp_path / "hostile.db"
    run = run_cli(
        "ingest",
        whole_hostile_dir,
        "--db",
        db,
        "--date",
        "2025-06-24",
        env=dict(os.environ, **LIMITS),
    )
    stderr = run.stderr.decode()
    assert "Traceback" not in stderr and run.returncode == 1
    by_id = records_of(coded)
    failed = sum("error" in r for r in by_id.values())
    assert f"{len(by_id)} documents" in stderr and f"{failed} failed" in stderr, stderr[-2000:]
    state = db_snapshot(db)
    assert state["counts"]["articles"] == len(by_id) - failed
    again = run_cli(
        "ingest",
        whole_hostile_dir,
        "--db",
        db,
        "--date",
        "2025-06-24",
        env=dict(os.environ, **LIMITS),
    )
    assert f"{len(by_id) - failed} already stored" in again.stderr.decode()
    assert db_snapshot(db) == state
