"""A database that cannot be used is one plain, coded error, at once: not a database (E302),
made by a newer communique (E303), read-only or on a full disk (E301, the run stops instead
of coding every document and failing each). Read-only media can still be read. All with
real files, real permissions (binding root too) and a real file size limit."""

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest

from communique import query
from communique.errors import NotADatabase, SchemaTooNew, StoreUnavailable
from communique.ingest.readers import iter_documents
from communique.store.db import Store, connect
from communique.store.ingest import ingest
from tests.conftest import EXAMPLE, ROOT, example_db
from tests.store.support import ingest_in_process, permissions_bind, python


def listing(folder):
    return sorted(os.listdir(folder))


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """A real database (the example ingested), closed: no -wal or -shm beside it."""
    db = example_db(tmp_path_factory.mktemp("errors") / "example.db")
    assert listing(db.parent) == ["example.db"]
    return db


def copies_of_the_example(folder, count: int) -> list:
    """``count`` documents: the example under other names (each is stored, as a copy)."""
    paths = []
    for n in range(count):
        path = folder / f"copy-{n:02}.txt"
        shutil.copy(EXAMPLE, path)
        paths.append(path)
    return paths


# -- not a database, or a newer one --------------------------------------------------------


def test_a_jsonl_file_given_as_the_database_is_refused_and_left_alone(tmp_path):
    bogus = tmp_path / "documents.jsonl"
    bogus.write_text('{"id": "a", "text": "Egypt condemned Israel."}\n' * 50)
    before = bogus.read_bytes()
    for readonly in (True, False):
        with pytest.raises(NotADatabase, match="not a database") as raised:
            connect(bogus, readonly=readonly)
        assert raised.value.code == "E302"
    read = []
    with pytest.raises(NotADatabase):
        ingest((read.append(d) or d for d in iter_documents([str(EXAMPLE)])), bogus)
    assert read == []  # refused before coding anything
    assert bogus.read_bytes() == before and listing(tmp_path) == ["documents.jsonl"]


def test_a_database_of_another_program_is_refused_and_left_alone(tmp_path):
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.commit()
    before = other.read_bytes()
    for readonly in (True, False):
        with pytest.raises(NotADatabase, match="not a communique one"):
            connect(other, readonly=readonly)
    assert other.read_bytes() == before


def test_an_empty_file_is_no_database_to_read_but_a_new_one_to_write(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(NotADatabase, match="empty"):
        connect(empty, readonly=True)
    connect(empty).close()
    assert query.overview(connect(empty, readonly=True))["events"] == 0


def test_a_database_of_a_newer_communique_is_refused_reading_and_writing(example, tmp_path):
    newer = tmp_path / "newer.db"
    shutil.copy(example, newer)
    with closing(sqlite3.connect(newer)) as connection:
        connection.execute("PRAGMA user_version = 99")
    before = newer.read_bytes()
    for readonly in (True, False):
        with pytest.raises(SchemaTooNew, match="version 99") as raised:
            connect(newer, readonly=readonly)
        assert raised.value.code == "E303"
    with pytest.raises(SchemaTooNew):
        ingest(iter_documents([str(EXAMPLE)]), newer)
    assert newer.read_bytes() == before


# -- read-only files and media -------------------------------------------------------------


@pytest.mark.parametrize("folder_writable", [True, False], ids=["file", "file-and-folder"])
def test_a_read_only_database_stops_the_ingest_before_coding_anything(
    example, tmp_path, folder_writable
):
    """The file (and, as on read-only media, its folder) cannot be written by the process:
    one E301 naming the cause, nothing read, the database as it was."""
    bind = permissions_bind()
    folder = tmp_path / "media"
    folder.mkdir()
    db = folder / "events.db"
    shutil.copy(example, db)
    documents = copies_of_the_example(tmp_path, 4)
    before = db.read_bytes()
    db.chmod(0o444)
    if not folder_writable:
        folder.chmod(0o555)
    try:
        answer = ingest_in_process(db, *documents, preexec_fn=bind)
    finally:
        folder.chmod(0o755)
    assert answer["code"] == "E301" and "read-only" in answer["message"], answer
    assert answer["read"] == 0
    assert db.read_bytes() == before


def test_a_wal_database_on_read_only_media_can_be_read(example, tmp_path):
    """mode=ro cannot read a WAL database whose folder takes no -shm file; connect falls
    back to immutable (nobody can write there either)."""
    bind = permissions_bind()
    folder = tmp_path / "media"
    folder.mkdir()
    db = folder / "events.db"
    shutil.copy(example, db)
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        expected = connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert expected > 0 and listing(folder) == ["events.db"]  # closed: no -shm to reuse
    folder.chmod(0o555)
    try:
        plain = python(
            "import sqlite3, sys\n"
            "c = sqlite3.connect(f'file:{sys.argv[1]}?mode=ro', uri=True)\n"
            "c.execute('SELECT COUNT(*) FROM events')",
            db,
            preexec_fn=bind,
        )
        ours = python(
            "import sys\nfrom communique import query\n"
            "from communique.store.db import connect\n"
            "c = connect(sys.argv[1], readonly=True)\n"
            "print(query.overview(c)['events'], len(query.events(c, limit=1000)))",
            db,
            preexec_fn=bind,
        )
    finally:
        folder.chmod(0o755)
    assert plain.returncode != 0 and "readonly" in plain.stderr  # the situation is real
    assert ours.returncode == 0, ours.stderr
    assert ours.stdout.split() == [str(expected), str(expected)]
    assert listing(folder) == ["events.db"]


# -- a full disk -----------------------------------------------------------------------------


def test_a_full_disk_stops_the_ingest_at_the_first_batch_it_cannot_write(tmp_path):
    """No file may grow past 256 KB: the WAL cannot take the second or third batch. The
    run stops there with one E301, instead of coding the rest and failing each (E300), and
    the database keeps every batch written before."""
    db = tmp_path / "events.db"
    connect(db).close()  # the empty schema fits under the limit
    documents = copies_of_the_example(tmp_path, 16)
    answer = ingest_in_process(db, *documents, env_limit=256 * 1024)
    assert answer["code"] == "E301", answer
    assert "disk" in answer["message"] or "full" in answer["message"]
    assert 2 <= answer["read"] < len(documents)
    connection = connect(db, readonly=True)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = query.overview(connection)["articles"]
    assert stored % 2 == 0 and stored < answer["read"]  # whole batches, the failed one not


def test_a_store_error_about_the_database_is_coded_in_the_library_too(tmp_path):
    """The same, in this process: a database whose pages run out (max_page_count is
    SQLite's own quota) raises StoreUnavailable from add_batch, not an sqlite3 error."""
    from communique import Pipeline
    from tests.store.test_store import SETTINGS

    article = next(
        Pipeline(SETTINGS, stages=("clean", "dedupe", "parse", "actors", "events")).pipe(
            iter_documents([str(EXAMPLE)], SETTINGS)
        )
    )
    # more than one page of text, whatever the coder finds in it (the example's 24 events
    # can fit in one page)
    article.text += "\n\n" + "More text. " * 2000
    with Store(tmp_path / "quota.db") as store:
        pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
        store.connection.execute(f"PRAGMA max_page_count = {pages + 1}")
        with pytest.raises(StoreUnavailable, match="disk is full") as raised:
            store.add_batch([article])
    assert raised.value.code == "E301"


def test_the_command_reports_an_unusable_database_in_one_line(tmp_path):
    """No traceback: the command prints the coded message (the CLI catches coded errors)."""
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database\n")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "communique.cli",
            "ingest",
            str(EXAMPLE),
            "--db",
            str(bogus),
            "--no-progress",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert "E302" in run.stderr and "not a database" in run.stderr
