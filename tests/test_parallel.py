"""Scale-out gives the result of one process: local worker processes, a Dask LocalCluster, and
`dask scheduler` with `dask worker` processes on 127.0.0.1 driven by the command line."""

import itertools
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from communique import CODE_STAGES, Settings
from communique.ingest.readers import iter_documents
from communique.parallel import ProcessExecutor, Runner, SerialExecutor
from communique.store.ingest import ingest
from tests.conftest import (
    EXAMPLE,
    RESOURCES,
    children_of,
    db_snapshot,
    free_port,
    is_running,
    run_cli,
    shared_path,
)

BATCH = 3  # small partitions, so a dozen documents make several tasks


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Real texts of the project's own: the example and a copy of it under another name (a
    duplicate across partitions), the noisy fixtures, an HTML page and a broken file."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(EXAMPLE, folder / "a-example.txt")
    for path in sorted((RESOURCES / "noisy").glob("*.txt")):
        if not path.name.endswith(".expected.txt"):
            shutil.copy(path, folder / f"b-{path.name}")
    shutil.copy(RESOURCES / "html" / "summit.html", folder / "c-summit.html")
    (folder / "d-broken.txt").write_bytes(bytes(range(256)) * 4)
    shutil.copy(EXAMPLE, folder / "z-copy-of-example.txt")
    return folder


def settings() -> Settings:
    return Settings(batch_size=BATCH, default_date="2025-06-24")


def code(corpus, executor) -> list[dict]:
    runner = Runner(settings(), CODE_STAGES, executor)
    return [
        a.code_record()
        for part in runner.run(iter_documents([str(corpus)], settings()))
        for a in part
    ]


@pytest.fixture(scope="module")
def local(corpus):
    return code(corpus, SerialExecutor())


@pytest.fixture(scope="module")
def local_db(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("local") / "local.db"
    ingest(iter_documents([str(corpus)], settings()), db, settings())
    return db_snapshot(db)


def test_the_local_run_is_a_fair_reference(local):
    assert len(local) == 13 and sum("error" in r for r in local) == 1
    assert next(r for r in local if "error" in r)["error"]["code"] == "E102"
    copy = next(r for r in local if r["id"].endswith("z-copy-of-example"))
    assert copy["duplicate_of"] and copy["events"]  # found across partitions, still coded
    assert sum(len(r.get("events", [])) for r in local) > 20


def test_local_worker_processes_give_the_same_output(corpus, local):
    with ProcessExecutor(2, settings(), CODE_STAGES) as executor:
        assert code(corpus, executor) == local


def test_a_dask_local_cluster_gives_the_same_output_and_database(corpus, local, local_db, tmp_path):
    from distributed import Client, LocalCluster

    from communique.parallel import DaskExecutor

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            local_directory=str(tmp_path / "dask"),
        ) as cluster,
        Client(cluster) as client,
    ):
        executor = DaskExecutor(client, settings(), CODE_STAGES)
        assert code(corpus, executor) == local
        # The plugin loaded the model on every worker when it joined.
        loaded = client.run(
            lambda: __import__("communique.parallel").parallel.worker_pipeline.cache_info().currsize
        )
        assert len(loaded) == 2 and all(size >= 2 for size in loaded.values())
        db = tmp_path / "dask.db"
        report = ingest(
            iter_documents([str(corpus)], settings()), db, settings(), executor=executor
        )
    assert report.documents == 13 and len(report.failed) == 1
    assert db_snapshot(db) == local_db


@pytest.fixture
def dask_cluster(tmp_path):
    """A real `dask scheduler` and two `dask worker` processes on 127.0.0.1."""
    from distributed import Client

    address = f"tcp://127.0.0.1:{free_port()}"
    dask = shutil.which("dask", path=str(Path(sys.executable).parent))  # beside this Python
    assert dask, "the dask command is installed with the project"
    common = dict(cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    scheduler = subprocess.Popen(
        [
            dask,
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            address.rsplit(":", 1)[1],
            "--no-dashboard",
        ],
        **common,
    )
    workers = subprocess.Popen(
        [
            dask,
            "worker",
            address,
            "--nworkers",
            "2",
            "--nthreads",
            "1",
            "--host",
            "127.0.0.1",
            "--no-dashboard",
            "--local-directory",
            str(tmp_path / "workers"),
        ],
        **common,
    )
    try:
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in (workers, scheduler):
            process.terminate()
        for process in (workers, scheduler):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def test_dask_scheduler_and_worker_processes_give_the_same_database_and_shards(
    corpus, local, local_db, dask_cluster, tmp_path
):
    db = tmp_path / "cluster.db"
    common = [
        "--batch-size",
        BATCH,
        "--date",
        "2025-06-24",
        "--scheduler",
        dask_cluster,
        "--no-progress",
    ]
    result = run_cli("ingest", corpus, "--db", db, *common)
    assert result.returncode == 1, result.stderr  # the broken file is one error record
    assert b"13 documents" in result.stderr and b"1 failed" in result.stderr
    assert db_snapshot(db) == local_db

    shards = tmp_path / "shards"
    result = run_cli("code", corpus, "--out", shards, *common)
    assert result.returncode == 1, result.stderr
    assert len(list((shards / "events").glob("part-*.parquet"))) == 5  # 13 documents, 3 a batch
    articles = pq.read_table(shards / "articles").to_pylist()
    events = pq.read_table(shards / "events").to_pylist()
    assert [(a["id"], a["error_code"]) for a in articles] == [
        (r["id"], r.get("error", {}).get("code")) for r in local
    ]
    assert [
        (e["article_id"], e["cameo"], e["source_code"], e["target_code"], e["sentence"])
        for e in events
    ] == [
        (
            r["id"],
            e["cameo"],
            e["source"]["code"],
            (e["target"] or {}).get("code"),
            e["evidence"]["sentence"],
        )
        for r in local
        for e in r.get("events", [])
    ]
    assert len(pd.read_parquet(shards / "events")) == len(events)  # pandas reads the folder


@pytest.mark.shared
def test_worker_processes_on_real_news_give_the_same_output():
    """40 BBC articles and 200 Reuters stories through two worker processes."""
    bbc = sorted(shared_path("data", "corpora", "bbc", "politics").glob("*.txt"))[:40]
    reuters = shared_path("data", "corpora", "reuters21578.jsonl")
    documents = list(iter_documents([str(p) for p in bbc])) + list(
        itertools.islice(iter_documents([str(reuters)]), 200)
    )
    options = Settings(batch_size=16)

    def run(executor):
        return [
            a.code_record()
            for part in Runner(options, CODE_STAGES, executor).run(documents)
            for a in part
        ]

    reference = run(SerialExecutor())
    with ProcessExecutor(2, options, CODE_STAGES) as executor:
        assert run(executor) == reference
    assert sum(len(r.get("events", [])) for r in reference) > 100


def test_a_worker_that_dies_costs_its_batch_not_the_run(corpus, local):
    """SIGKILL one worker mid-run: the batches it held become E901 records, a new pool takes
    the rest, and every other document comes out as in the local run."""
    import os
    import signal

    with ProcessExecutor(2, settings(), CODE_STAGES) as executor:
        runner = Runner(settings(), CODE_STAGES, executor)
        records, killed = [], False
        for part in runner.run(iter_documents([str(corpus)], settings())):
            records.extend(a.code_record() for a in part)
            if not killed:
                os.kill(next(iter(executor.pool._processes)), signal.SIGKILL)
                killed = True
    assert [r["id"] for r in records] == [r["id"] for r in local]
    lost = [r for r in records if r.get("error", {}).get("code") == "E901"]
    assert lost and len(lost) < len(records) - 3
    for record, reference in zip(records, local):
        if record not in lost:
            assert record == reference


POOL_THAT_WAITS = """
import os, time
from communique import CODE_STAGES, Settings
from communique.parallel import ProcessExecutor
executor = ProcessExecutor(2, Settings(), CODE_STAGES)
executor.submit(os.getpid, None)
time.sleep(600)
"""


def test_workers_leave_when_their_parent_is_killed_while_they_start():
    """Killed before a worker had even run its initializer, the parent is already gone when
    the worker looks: it must still notice (a worker left behind holds its memory for ever)."""
    import os
    import signal
    import time

    parent = subprocess.Popen([sys.executable, "-c", POOL_THAT_WAITS])
    try:
        deadline = time.time() + 120
        while len(children := children_of(parent.pid)) < 2 and time.time() < deadline:
            time.sleep(0.01)
    finally:
        parent.kill()
        parent.wait()
    assert len(children) >= 2, "the pool never started its workers"
    deadline = time.time() + 60
    while (alive := [pid for pid in children if is_running(pid)]) and time.time() < deadline:
        time.sleep(0.2)
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "worker processes outlived their killed parent"


def test_the_default_workers_fit_in_the_memory_available(monkeypatch):
    from communique import parallel

    assert 1 <= parallel.default_workers() <= parallel.available_cores()
    memory = parallel.available_memory_mb()
    assert memory is None or memory > 0  # read from this machine's /proc/meminfo
    monkeypatch.setattr(parallel, "available_cores", lambda: 16)
    monkeypatch.setattr(parallel, "available_memory_mb", lambda: 4 * 1024)
    assert parallel.default_workers() == 4 * 1024 // parallel.WORKER_MEMORY_MB  # not 16
    monkeypatch.setattr(parallel, "available_memory_mb", lambda: 300)
    assert parallel.default_workers() == 1  # never none
    monkeypatch.setattr(parallel, "available_memory_mb", lambda: None)
    assert parallel.default_workers() == 16  # unknown memory: every core
