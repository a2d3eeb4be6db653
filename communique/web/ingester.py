"""The coder behind ``POST /api/ingest``: one worker process that codes posted documents one
at a time, while the server's threads go on answering reads (``app.py``)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import anyio

# One document is coded at a time: a second one would only queue behind the first in the
# worker process (and double its memory). A request that finds the slot taken waits this
# long for it, then gets 503 with Retry-After, rather than holding its connection for the
# minutes a long document may take.
INGEST_WAIT_SECONDS = 10.0


class Ingester:
    """Codes posted documents in one worker process that loads the model once.

    Why a process and not a thread of the server: spaCy's parser holds the GIL, so parsing
    on a thread slowed every read (measured during a 2 MB ingest: GETs of one event took up
    to 2.4 s on a thread, against about 0.1 s with the worker process). The worker starts
    with the first ingest and leaves with the server; the store is written here, on the
    request's thread.
    """

    def __init__(self, db_path: Path):
        from ..config import Settings

        self.db_path = db_path
        self.settings = Settings(dedupe=False)
        self._turn = threading.Lock()  # taken by the request whose document is being coded
        self._executor = None
        self._starting = threading.Lock()

    async def take_turn(self) -> bool:
        """Wait up to INGEST_WAIT_SECONDS for the turn; False if it did not come. Polls, so
        no waiter is tied to one event loop or holds a thread of the pool."""
        deadline = time.monotonic() + INGEST_WAIT_SECONDS
        while not self._turn.acquire(blocking=False):
            if time.monotonic() >= deadline:
                return False
            await anyio.sleep(0.05)
        return True

    def end_turn(self) -> None:
        self._turn.release()

    def start(self) -> None:
        """Start the worker process, which loads the model (tens of seconds on a busy
        machine), without waiting for it."""
        from .. import CODE_STAGES
        from ..parallel import ProcessExecutor

        with self._starting:
            if self._executor is None:
                self._executor = ProcessExecutor(1, self.settings, CODE_STAGES)
                self._executor.pool.submit(int)  # the pool starts its worker on a first task

    def code(self, body: bytes, content_type: str):
        """Code and store one document (on a worker thread, with the turn held)."""
        from ..model import HTML, TEXT, Document
        from ..store.ingest import ingest

        self.start()
        media = HTML if "html" in content_type else TEXT
        document = Document(id="posted", path=None, content=body, media_type=media)
        return ingest([document], self.db_path, self.settings, executor=self._executor)

    def close(self) -> None:
        """Stop the worker. It is idle by now (the server finishes its requests before it
        shuts down), and it is stopped rather than asked to leave: a process holding the
        model spends some 10 s freeing it on exit, which would hold up the server's."""
        with self._starting:
            if self._executor is None:
                return
            for process in list(getattr(self._executor.pool, "_processes", {}).values()):
                process.terminate()
            self._executor.close()
            self._executor = None
