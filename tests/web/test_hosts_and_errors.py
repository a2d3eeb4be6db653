"""The Host allow-list (against DNS rebinding), the plain 500 and a database on read-only
media, against a real `communique serve`: raw http.client requests, so that nothing but the
test chooses the Host header."""

import http.client
import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from communique.cli import main
from communique.web.app import SECURITY_HEADERS
from tests.conftest import example_db
from tests.web.running import local_client, serving

NOBODY = 65534


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return example_db(tmp_path_factory.mktemp("hosts") / "seed.db")


def raw_get(url: str, path: str, host: str | None) -> tuple[int, dict, bytes]:
    """GET ``path`` with exactly this Host header (None: none at all)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.putrequest("GET", path, skip_host=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def assert_security_headers(headers: dict) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name.lower()) == value, name


def test_only_the_allowed_hosts_are_answered(db):
    with serving(db, "--allow-host", "events.example.org") as (url, _):
        port = urlsplit(url).port
        for host in (
            f"127.0.0.1:{port}",
            f"localhost:{port}",
            f"[::1]:{port}",
            "127.0.0.1",
            f"LOCALHOST:{port}",
            "events.example.org",
            f"events.example.org:{port}",
        ):
            status, headers, _ = raw_get(url, "/api/events?limit=1", host)
            assert status == 200, host
            assert_security_headers(headers)
        for host in (
            "attacker.example",
            f"attacker.example:{port}",
            "127.0.0.1.attacker.example",
            "localhost.attacker.example",
            "www.events.example.org",
            "example.org",
            "127.0.0.2",
            "[::2]",
            "",
            "127.0.0.1:port",
        ):
            status, headers, body = raw_get(url, "/api/events?limit=1", host)
            assert status == 400 and b'"id"' not in body, host
            assert_security_headers(headers)
        status, _, body = raw_get(url, "/", None)  # HTTP/1.1 needs a Host: no answer without
        assert status == 400 and b"communique" not in body


def serve_app(monkeypatch, *options: str):
    """The app `communique serve OPTIONS` would run, without binding anything."""
    import uvicorn

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(app=app, **kw))
    result = CliRunner().invoke(main, ["serve", *options])
    return result, served


def test_serve_allows_the_address_it_listens_on(db, monkeypatch):
    result, served = serve_app(
        monkeypatch,
        "--db",
        str(db),
        "--host",
        "192.0.2.10",
        "--allow-host",
        "Events.Example.org",
        "--allow-host",
        "2001:db8::5",
    )
    assert result.exit_code == 0, result.output
    assert served["host"] == "192.0.2.10"
    for base, status in [
        ("http://192.0.2.10:8000", 200),
        ("http://events.example.org", 200),
        ("http://[2001:db8::5]:8000", 200),
        ("http://127.0.0.1:8000", 200),
        ("http://192.0.2.11:8000", 400),
        ("http://attacker.example", 400),
    ]:
        assert (
            local_client(served["app"]).get(base + "/api/events?limit=1").status_code == status
        ), base
    result, served = serve_app(monkeypatch, "--db", str(db))  # loopback: nothing more allowed
    assert result.exit_code == 0, result.output
    assert local_client(served["app"]).get("http://192.0.2.10/api/events").status_code == 400


@pytest.mark.parametrize("bad", ["example.org/x", "example.org:8000", "a b", "*x.example.org"])
def test_serve_refuses_a_malformed_allowed_host(db, monkeypatch, bad):
    result, served = serve_app(monkeypatch, "--db", str(db), "--allow-host", bad)
    assert result.exit_code == 2 and "--allow-host" in result.output and not served


def test_an_unexpected_error_is_a_plain_500_with_the_headers(db, tmp_path):
    broken = tmp_path / "broken.db"
    shutil.copy(db, broken)
    with sqlite3.connect(broken) as connection:  # a table gone: every events query fails
        connection.execute("DROP TABLE event_mentions")
    log = tmp_path / "server.log"
    with serving(broken, log=log) as (url, _):
        port = urlsplit(url).port
        for path in ("/api/events?limit=1", "/events", "/"):
            status, headers, body = raw_get(url, path, f"127.0.0.1:{port}")
            assert status == 500, (path, body[:300])
            assert json.loads(body) == {"detail": "internal error"}
            assert headers["content-type"] == "application/json"
            assert_security_headers(headers)
    logged = log.read_text(encoding="utf-8", errors="replace")
    assert (
        "GET /api/events failed" in logged and "Traceback" in logged
    )  # the server keeps the cause


def test_a_database_on_read_only_media_is_served_with_the_headers(db):
    """A WAL database (with its -wal file) in a folder the server cannot write. Root writes
    through chmod, so as root the server runs as nobody; it answers with the events or, if
    it cannot read them, the plain 500, never anything without the headers."""
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip(
                "running as root, where chmod does not stop writes, and no setpriv "
                "to run the server as another user"
            )
        prefix = (setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--")
    base = Path(tempfile.mkdtemp(prefix="communique-ro-"))
    folder = base / "media"
    try:
        base.chmod(0o755)  # mkdtemp's 0700 would keep nobody out of the folder altogether
        folder.mkdir()
        # A writer that never finished: its database and -wal file, copied as they were.
        source = base / "source.db"
        shutil.copy(db, source)
        writer = sqlite3.connect(source)
        writer.execute("PRAGMA journal_mode = WAL")
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("CREATE TABLE unfinished (x)")  # an unchanged row would write nothing
        writer.commit()
        shutil.copy(source, folder / "events.db")
        shutil.copy(f"{source}-wal", folder / "events.db-wal")
        writer.close()
        assert (folder / "events.db-wal").stat().st_size > 0
        for child in folder.iterdir():
            child.chmod(0o444)
        folder.chmod(0o555)
        if not prefix:
            probe = folder / "probe"
            try:
                probe.touch()
            except PermissionError:
                pass
            else:
                pytest.skip("this user can write a 0555 folder")
        with serving(folder / "events.db", prefix=prefix) as (url, process):
            port = urlsplit(url).port
            answers = []
            for path in ("/api/events?limit=2", "/api/articles", "/", "/events", "/api/network"):
                status, headers, body = raw_get(url, path, f"127.0.0.1:{port}")
                assert_security_headers(headers)
                assert status in (200, 500), (path, status, body[:300])
                if status == 500:
                    assert json.loads(body) == {"detail": "internal error"}
                answers.append(status)
            assert process.poll() is None  # still serving
        print(f"read-only media: {answers}")
        assert sorted(os.listdir(folder)) == ["events.db", "events.db-wal"]  # nothing written
    finally:
        if folder.exists():
            folder.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)
