"""Scale-out: the pipeline over partitions of documents, in this process, in local worker
processes or on a Dask distributed cluster, with the same result whichever runs it.

A partition is one batch of documents (``Settings.batch_size``): coarse enough that a task
carries seconds of parsing, as spaCy's authors advise for multiprocessing. Each partition
goes through three steps:

1. ``clean`` runs on the executor;
2. ``dedupe`` runs here, in the calling process, because it compares each document with
   every earlier one and so must see them all, in input order; a caller's ``keep`` filter
   (``ingest`` drops articles it has already stored) runs here too;
3. the remaining stages (parse, actors, events) run on the executor.

Executors return partitions in input order and keep at most ``window`` partitions in
flight, so memory is bounded by partitions, not by the corpus. A worker loads the model once
(a process-wide cache; on Dask a worker plugin warms it when the worker joins) and sends
back articles without their spaCy Docs.
"""

from __future__ import annotations

import collections
import functools
import gc
import itertools
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from .config import Settings
from .errors import InternalError, WorkerLost
from .model import Article
from .pipeline import Pipeline
from .stages import check_stages

logger = logging.getLogger(__name__)

FRONT_STAGE, PARENT_STAGE = "clean", "dedupe"


@dataclass
class PartitionResult:
    articles: list[Article]
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per stage


# A Dask worker may run tasks on several threads of one process; spaCy's vocabulary is not
# safe to grow from two threads at once, so a process runs one partition at a time.
_partition_lock = threading.Lock()


@functools.cache
def worker_pipeline(settings: Settings, stages: tuple[str, ...]) -> Pipeline:
    """The pipeline of this process for ``stages``, built (and the model loaded) once.

    Its tables (the model, the gazetteer's 24,000 entries, the patterns) live as long as
    the process: they are moved out of the cyclic collector's sight, which otherwise walks
    them at every full collection, and collections are made rarer, as a batch makes
    hundreds of thousands of short-lived objects. On 150 BBC articles in one process this
    took the run from 14.6 s to 12.6 s (issue 17)."""
    pipeline = Pipeline(settings, stages=stages)
    gc.freeze()  # no collection first: it took 0.13 s, and what was just built is not garbage
    threshold, *older = gc.get_threshold()
    gc.set_threshold(max(threshold, GC_THRESHOLD), *older)
    return pipeline


GC_THRESHOLD = 50_000  # allocations between young collections (Python's default: 700)


def run_partition(settings: Settings, stages: tuple[str, ...], items: list) -> PartitionResult:
    """Run ``stages`` on one partition: documents if the first stage is clean, else articles."""
    with _partition_lock:
        pipeline = worker_pipeline(settings, stages)
        if stages[0] == FRONT_STAGE:
            articles = list(pipeline.pipe(items, batch_size=max(1, len(items))))
        else:
            articles = pipeline.process(items)
        seconds = pipeline.take_timings()
    for article in articles:
        article.detach()
    return PartitionResult(articles, seconds)


def split_stages(settings: Settings, stages: Sequence[str]) -> tuple[tuple, tuple, bool]:
    """The stages a run sends to workers before and after dedupe, and whether it dedupes.

    Raises ``UnmetStageRequirement`` here, in the caller's process, for stages that do not
    meet each other's requirements: in a worker that would fail every partition instead.
    """
    if not stages or stages[0] != FRONT_STAGE:
        raise ValueError(f"a run starts with the {FRONT_STAGE} stage")
    check_stages(stages)
    back = tuple(name for name in stages[1:] if name != PARENT_STAGE)
    return (FRONT_STAGE,), back, PARENT_STAGE in stages and settings.dedupe


def warm_up(settings: Settings, stages: Sequence[str]) -> None:
    """Build a run's worker pipelines, loading the model, before the first task arrives."""
    front, back, _ = split_stages(settings, stages)
    for part in (front, back):
        if part:
            worker_pipeline(settings, part)


# The peak resident memory of one worker coding BBC news was 450 MB (400 articles, two
# workers, parse batches of 16); a little more leaves room for longer texts.
WORKER_MEMORY_MB = 700


def default_workers() -> int:
    """Every core, but no more workers than the memory available holds: a machine with 16
    cores and 4 GB free runs 4, not 16 that would swap or be killed."""
    cores = available_cores()
    memory = available_memory_mb()
    if memory is None:
        return cores
    workers = max(1, min(cores, int(memory // WORKER_MEMORY_MB)))
    if workers < cores:
        logger.info(
            "%d workers, not %d: %.0f MB of memory available, %d MB per worker",
            workers,
            cores,
            memory,
            WORKER_MEMORY_MB,
        )
    return workers


def available_memory_mb() -> float | None:
    """The memory the system can give without swapping (MemAvailable); None where unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use (containers, taskset)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class _Executor:
    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class SerialExecutor(_Executor):
    """Runs each partition in this process, when asked for it: the reference behaviour."""

    def map(self, fn: Callable, partitions: Iterable) -> Iterator:
        for partition in partitions:
            yield _outcome(lambda: fn(partition))


class _WindowedExecutor(_Executor):
    """Submits partitions ahead, at most ``window`` in flight, and yields them in order."""

    window = 2

    def submit(self, fn: Callable, partition):
        raise NotImplementedError

    def map(self, fn: Callable, partitions: Iterable) -> Iterator:
        pending: collections.deque = collections.deque()
        for partition in partitions:
            pending.append(self._submit(fn, partition))
            if len(pending) >= self.window:
                yield self._result(pending.popleft())
        while pending:
            yield self._result(pending.popleft())

    def _submit(self, fn, partition):
        try:
            return self.submit(fn, partition)
        except Exception as error:  # noqa: BLE001 - reported for this partition, the run goes on
            return error

    @staticmethod
    def _result(future):
        if isinstance(future, Exception):
            return future
        return _outcome(future.result)


def start_worker(settings: Settings, stages: Sequence[str], parent: int) -> None:
    """The initializer of a local worker process: exit with the parent, then load the model.

    ``parent`` is the pid of the process that made the pool, passed in rather than read here:
    a parent killed while the worker was still starting has already been replaced by init.
    """

    def watch_parent() -> None:
        # A parent killed with SIGKILL cannot stop its workers, which would wait for tasks
        # forever; once it is gone the worker is re-parented, and leaves.
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch_parent, name="communique-parent-watch", daemon=True).start()
    warm_up(settings, stages)


class ProcessExecutor(_WindowedExecutor):
    """N local worker processes, each loading the model once (``start_worker`` as initializer)."""

    def __init__(self, workers: int, settings: Settings, stages: Sequence[str]):
        self.window = 2 * workers
        self._start = functools.partial(
            ProcessPoolExecutor,
            max_workers=workers,
            initializer=start_worker,
            initargs=(settings, tuple(stages), os.getpid()),
            # spawn, not fork: the parent may hold threads (a progress bar, SQLite) that fork copies badly
            mp_context=multiprocessing.get_context("spawn"),
        )
        self.pool = self._start()

    def submit(self, fn, partition):
        try:
            return self.pool.submit(fn, partition)
        except BrokenProcessPool:  # a worker died (killed, out of memory): start afresh
            logger.warning("a worker process died; starting new ones")
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._start()
            return self.pool.submit(fn, partition)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(_WindowedExecutor):
    """Partitions as tasks on a Dask distributed cluster (a scheduler address or a Client).

    Workers need communique installed (same version) and should run one thread each
    (``dask worker --nthreads 1 --nworkers N``): a process runs one partition at a time.
    """

    def __init__(self, scheduler, settings: Settings, stages: Sequence[str]):
        from distributed import Client

        from .dask_plugin import ModelPlugin

        self._own_client = not isinstance(scheduler, Client)
        self.client = Client(scheduler) if self._own_client else scheduler
        self.client.register_plugin(ModelPlugin(settings, tuple(stages)), name="communique-model")
        workers = self.client.scheduler_info().get("workers", {})
        self.window = 2 * max(1, sum(w.get("nthreads", 1) for w in workers.values()))

    def submit(self, fn, partition):
        return self.client.submit(fn, partition, pure=False)

    def close(self) -> None:
        if self._own_client:
            self.client.close()


def _outcome(call: Callable):
    """The result of ``call``, or the exception it raised (reported for its partition)."""
    try:
        return call()
    except Exception as error:  # noqa: BLE001
        return error


class Runner:
    """Streams documents through ``stages`` on an executor, yielding partitions in order.

    ``keep(article)`` (optional) runs in this process, in input order, after dedupe: articles
    it rejects skip the later stages and come back as they are. ``seconds`` sums the time
    spent per stage, in workers too.
    """

    def __init__(
        self,
        settings: Settings,
        stages: Sequence[str],
        executor=None,
        keep: Callable[[Article], bool] | None = None,
    ):
        self.front, self.back, dedupe = split_stages(settings, stages)
        self.settings = settings
        self.executor = executor or SerialExecutor()
        self.keep = keep
        self.dedupe = Pipeline(settings, stages=(PARENT_STAGE,)) if dedupe else None
        self.seconds: collections.Counter = collections.Counter()

    def run(self, documents: Iterable) -> Iterator[list[Article]]:
        iterator = iter(documents)
        partitions = iter(lambda: list(itertools.islice(iterator, self.settings.batch_size)), [])
        front = functools.partial(run_partition, self.settings, self.front)
        cleaned = (
            self._articles(outcome, partition)
            for partition, outcome in _paired(
                partitions, lambda parts: self.executor.map(front, parts)
            )
        )
        if not self.back:
            for articles in cleaned:
                self._parent_steps(articles)
                yield articles
            return
        back = functools.partial(run_partition, self.settings, self.back)
        staged = (self._parent_steps(articles) for articles in cleaned)
        for (articles, live), outcome in _paired(
            staged, lambda parts: self.executor.map(back, (live for _, live in parts))
        ):
            coded = iter(self._articles(outcome, live))
            live_ids = {id(article) for article in live}
            yield [next(coded) if id(article) in live_ids else article for article in articles]

    def _parent_steps(self, articles: list[Article]) -> tuple[list[Article], list[Article]]:
        if self.dedupe is not None:
            self.dedupe.process(articles)
            self.seconds.update(self.dedupe.take_timings())
        live = [article for article in articles if article.error is None and self._kept(article)]
        return articles, live

    def _kept(self, article: Article) -> bool:
        if self.keep is None:
            return True
        try:
            return self.keep(article)
        except Exception as error:  # noqa: BLE001 - the article fails, not its batch
            logger.debug("keep() failed on %s", article.id, exc_info=True)
            article.error = InternalError(
                f"internal error before coding: {type(error).__name__}: {error}"
            )
            return False

    def _articles(self, outcome, items: list) -> list[Article]:
        if isinstance(outcome, PartitionResult):
            self.seconds.update(outcome.seconds)
            return outcome.articles
        # The whole partition failed outside the per-document guards (a worker died).
        logger.warning("a partition of %d documents failed: %s", len(items), outcome)
        articles = [
            item if isinstance(item, Article) else Article.from_document(item) for item in items
        ]
        for article in articles:
            article.error = article.error or WorkerLost(
                f"the worker processing this document failed: {type(outcome).__name__}: {outcome}"
            )
        return articles


def _paired(items: Iterable, mapper: Callable[[Iterable], Iterator]) -> Iterator[tuple]:
    """Pairs each item with ``mapper``'s result for it; ``mapper`` keeps its input order and
    reads its input lazily, so only the items in flight are held here."""
    held: collections.deque = collections.deque()

    def feed():
        for item in items:
            held.append(item)
            yield item

    for result in mapper(feed()):
        yield held.popleft(), result


def executor_for(
    settings: Settings,
    stages: Sequence[str],
    workers: int | None = None,
    scheduler=None,
    documents: int | None = None,
):
    """The executor a run asks for: a Dask cluster, N local processes, or this process.

    ``workers`` None means every available core that memory allows (``default_workers``); a
    run of at most one partition
    (``documents`` known and small) stays in this process, where starting workers would
    cost more than it saves.
    """
    if scheduler is not None:
        return DaskExecutor(scheduler, settings, stages)
    workers = default_workers() if workers is None else workers
    if workers <= 1 or (documents is not None and documents <= settings.batch_size):
        return SerialExecutor()
    return ProcessExecutor(workers, settings, stages)
