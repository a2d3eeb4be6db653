"""Helpers of the store tests: real processes under real limits (file permissions that bind
root too, a file size limit, a lock held by another process)."""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def permissions_bind() -> object:
    """A ``preexec_fn`` under which file permissions bind the child process, root included.

    chmod does not stop root: CAP_DAC_OVERRIDE lets it write a 0444 file or into a 0555
    folder. Dropping that capability (and CAP_DAC_READ_SEARCH) from the bounding set before
    exec gives a root child without them, for which a file's mode applies as to its owner.
    Not root: permissions apply already (None). Skips when the capability cannot be dropped.
    """
    if os.geteuid() != 0:
        return None
    libc = ctypes.CDLL(None, use_errno=True)

    def drop() -> None:
        for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; os.open(sys.argv[1], os.O_WRONLY)",
            "/proc/self/environ",
        ],
        preexec_fn=drop,
        capture_output=True,
        check=False,
    )
    # /proc/self/environ is 0400: without the capability a write open fails even for root.
    if probe.returncode == 0 or b"PermissionError" not in probe.stderr:
        pytest.skip(
            "running as root and CAP_DAC_OVERRIDE cannot be dropped here: chmod would "
            "not stop the process, so a read-only file cannot be made"
        )
    return drop


def python(
    script: str, *args, preexec_fn=None, timeout: float = 600
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", script, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=preexec_fn,
        timeout=timeout,
        check=False,
    )


# Ingests argv[2:] into argv[1] (batches of 2) and prints one JSON line: the error's code and
# message, or None, and how many documents the run had read when it stopped. With
# STORE_TEST_FSIZE set, no file may grow past that many bytes (RLIMIT_FSIZE; Python ignores
# SIGXFSZ, so a write past it fails with EFBIG as one on a full disk fails with ENOSPC).
INGEST = """
import json, os, resource, sys
from communique import Settings
from communique.errors import CommuniqueError
from communique.ingest.readers import iter_documents
from communique.store.ingest import ingest
limit = int(os.environ.get("STORE_TEST_FSIZE", "0"))
read = 0
def documents(settings):
    global read
    for document in iter_documents(sys.argv[2:], settings):
        read += 1
        yield document
settings = Settings(batch_size=2, default_date="2025-06-24")
if limit:
    import communique.nlp.parse  # imports before the limit: writing .pyc files is not the test
    from communique import Pipeline
    # nor is loading what the clean stage loads once (py3langid unpacks its model to a
    # temporary file): it cleans the first document once before the limit
    list(Pipeline(settings, stages=("clean",)).pipe(iter_documents(sys.argv[2:3], settings)))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    report = ingest(documents(settings), sys.argv[1], settings)
    print(json.dumps({"code": None, "read": read, "failed": [a.error.code for a in report.failed]}))
except CommuniqueError as error:
    print(json.dumps({"code": error.code, "message": str(error), "read": read}))
"""


def ingest_in_process(db, *paths, preexec_fn=None, env_limit: int = 0) -> dict:
    """Run INGEST in a child process; its JSON answer (the child must not crash)."""
    env = dict(os.environ, STORE_TEST_FSIZE=str(env_limit))
    run = subprocess.run(
        [sys.executable, "-c", INGEST, str(db), *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=preexec_fn,
        timeout=600,
        env=env,
        check=False,
    )
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


# Holds a write transaction (BEGIN IMMEDIATE) on argv[1] for argv[2] seconds; says "locked"
# once it has it.
HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
"""


def hold_lock(db, seconds: float) -> subprocess.Popen:
    """Another process holding the database's write lock; returns once it holds it."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "locked"
    return process
