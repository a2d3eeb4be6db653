"""The per-document time budget: the stages together stop working on a document that takes
too long.

Each article carries the seconds the stages have spent on it so far (``Article.seconds``);
a stage's turn opens a budget of what is left (``document_budget``). Stages check it at
points where stopping is safe (between the pieces of a long text, between sentences). Code
that has no such points, a library's HTML extraction say, is stopped by a watchdog a little
after the deadline: it raises ``BudgetInterrupt`` in the working thread, where the next line
of Python code meets it. The budget lives in a context variable, so threads (a Dask
worker's) each keep their own.
"""

from __future__ import annotations

import ctypes
import math
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar

from .errors import TimeBudgetExceeded

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("communique_deadline", default=None)

# The watchdog fires this long after the deadline: code that checks the budget itself stops
# first, at a safe point; the watchdog is for code that never checks.
WATCHDOG_GRACE = 2.0


class BudgetInterrupt(TimeBudgetExceeded):
    """Raised by the watchdog inside code that overran its deadline."""

    message = "the document took longer than the time budget and was interrupted"


def _overrun(seconds: float) -> TimeBudgetExceeded:
    return TimeBudgetExceeded(
        f"the document took longer than the time budget of {seconds:g} s and was stopped "
        "(setting max_document_seconds)"
    )


@contextmanager
def time_budget(seconds: float | None, budget: float | None = None) -> Iterator[None]:
    """Within the block, ``check_budget()`` raises once ``seconds`` have passed (None: never);
    its message names ``budget``, the whole budget of which ``seconds`` are what is left."""
    token = _deadline.set((time.monotonic() + seconds, budget or seconds) if seconds else None)
    try:
        yield
    finally:
        _deadline.reset(token)


def check_budget() -> None:
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise _overrun(deadline[1])


@contextmanager
def document_budget(article, budget: float | None, watchdog: bool = True) -> Iterator[None]:
    """A stage's turn on one article: opens what is left of the article's ``budget`` and adds
    the time spent to ``article.seconds``. With ``watchdog``, code that never checks the
    budget is interrupted ``WATCHDOG_GRACE`` seconds after the deadline."""
    start = time.monotonic()
    try:
        if not budget:
            yield
            return
        left = budget - article.seconds
        if left <= 0:
            raise _overrun(budget)
        guard = _watchdog(left + WATCHDOG_GRACE) if watchdog else nullcontext()
        with time_budget(left, budget), guard:
            yield
    except BudgetInterrupt:  # raised bare by the watchdog: give it the budget's message
        raise _overrun(budget) from None
    finally:
        article.seconds += time.monotonic() - start


def share_of_batch(articles, seconds: float) -> None:
    """Charges a batch's time (a batched parse) to its articles in equal parts."""
    if articles:
        for article in articles:
            article.seconds += seconds / len(articles)


# PyThreadState_SetAsyncExc(thread id, exception): the exception is raised in that thread
# at its next line of Python code. (Never called with NULL to withdraw one: in CPython 3.11
# that leaves the interpreter's "asynchronous exception pending" signal on for good, and
# every later line of Python then runs the slow path; a traced program hangs.)
_set_async_exc = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.py_object)(
    ("PyThreadState_SetAsyncExc", ctypes.pythonapi)
)
REFIRE_SECONDS = 1.0


class _Block:
    __slots__ = ("deadline", "thread_id", "fired")

    def __init__(self, deadline: float, thread_id: int):
        self.deadline = deadline
        self.thread_id = thread_id
        self.fired = False


class _Monitor:
    """One thread per process watches every open block's deadline. (A timer thread per block
    cost a thread start for every stage of every document: 2% of the actor and event
    stages.) It sleeps until the earliest deadline it knows of; a block that closes earlier
    is simply dropped, and a new one wakes it only if it is due sooner."""

    def __init__(self):
        self.condition = threading.Condition()
        self.blocks: set[_Block] = set()
        self.wake_at = math.inf
        threading.Thread(target=self._run, name="communique-watchdog", daemon=True).start()

    def open(self, seconds: float) -> _Block:
        block = _Block(time.monotonic() + seconds, threading.get_ident())
        with self.condition:
            self.blocks.add(block)
            if block.deadline < self.wake_at:
                self.condition.notify()
        return block

    def close(self, block: _Block) -> None:
        with self.condition:
            self.blocks.discard(block)

    def _run(self) -> None:
        with self.condition:
            while True:
                now = time.monotonic()
                for block in self.blocks:
                    if block.deadline <= now:
                        block.fired = True
                        _set_async_exc(block.thread_id, BudgetInterrupt)
                        # code that catches every exception (and goes on) is interrupted again
                        block.deadline = now + REFIRE_SECONDS
                self.wake_at = min((b.deadline for b in self.blocks), default=math.inf)
                self.condition.wait(None if self.wake_at == math.inf else self.wake_at - now)


_monitor: _Monitor | None = None
_monitor_lock = threading.Lock()


def _the_monitor() -> _Monitor:
    global _monitor
    with _monitor_lock:
        if _monitor is None:
            _monitor = _Monitor()
        return _monitor


def _forget_monitor() -> None:
    """A forked child has no copy of the parent's threads: it starts a monitor of its own."""
    global _monitor, _monitor_lock
    _monitor, _monitor_lock = None, threading.Lock()


os.register_at_fork(after_in_child=_forget_monitor)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    monitor = _the_monitor()
    block = monitor.open(seconds)
    try:
        yield
    finally:
        monitor.close(block)
        if block.fired:
            _take_pending()


def _take_pending() -> None:
    """Lets an interruption that came too late for the block be raised here, and drops it,
    so that it cannot surface in code that has nothing to do with the document."""
    try:
        for _ in range(100):  # a loop's jumps are where a pending exception is raised
            pass
    except BudgetInterrupt:
        pass
