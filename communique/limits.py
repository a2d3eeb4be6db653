"""The per-document time budget: a stage stops working on a document that takes too long.

The pipeline opens a budget around each document's turn in a stage; the stages check it at
points where stopping is safe (between the pieces of a long text, between sentences). The
budget lives in a context variable, so threads (a Dask worker's) each keep their own.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import TimeBudgetExceeded

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("communique_deadline", default=None)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Within the block, ``check_budget()`` raises once ``seconds`` have passed (None: never)."""
    token = _deadline.set((time.monotonic() + seconds, seconds) if seconds else None)
    try:
        yield
    finally:
        _deadline.reset(token)


def check_budget() -> None:
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise TimeBudgetExceeded(
            f"the document took longer than the time budget of {deadline[1]:g} s in one stage "
            "and was stopped (setting max_document_seconds)")
