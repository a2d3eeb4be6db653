"""Helpers of the web tests: a test client that names an allowed host, and `communique
serve` run with any options, as another user or with its log kept."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient

from tests.conftest import ROOT, free_port

LOCAL = (
    "http://127.0.0.1:8000"  # the Host the server allows by default (TestClient's is "testserver")
)


def local_client(app, **options) -> TestClient:
    return TestClient(app, base_url=LOCAL, **options)


@contextmanager
def serving(db, *options: str, env=None, prefix: tuple[str, ...] = (), log: Path | None = None):
    """`communique serve --db DB OPTIONS` on a free port of 127.0.0.1, its command line
    after ``prefix`` (e.g. setpriv, to run it as another user) and its stderr in ``log``;
    yields (base URL, process)."""
    port = free_port()
    stderr = open(log, "wb") if log else None  # noqa: SIM115 - closed below, after the server
    process = subprocess.Popen(
        [
            *prefix,
            sys.executable,
            "-m",
            "communique.cli",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            *options,
        ],
        cwd=ROOT,
        env=env,
        stderr=stderr,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "/openapi.json", timeout=1).close()
                break
            except urllib.error.HTTPError:
                break  # it answers, which is all this waits for
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError(f"the server exited with {process.returncode}") from None
                time.sleep(0.2)
        else:
            raise RuntimeError("the server did not answer within 60 s")
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()  # a server that does not stop on SIGTERM fails the test, and goes
            process.wait()
            raise
        finally:
            if stderr:
                stderr.close()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def chromium_page():
    """A page of Debian's Chromium driven by Playwright, 1200 x 900."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser.new_page(viewport={"width": 1200, "height": 900})
        browser.close()
