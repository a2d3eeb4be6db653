"""Opening the database, and the write transactions on it.

SQLite's errors are of two kinds for the store. Most are about one article (a constraint, a
bad value): that article fails with E300 and the run goes on. Some are about the database
itself: it is read-only, the disk is full, the file is not a database or is damaged. Every
later write would fail the same way, so these stop the run with one ``StoreUnavailable``
(E301) instead of coding every document and failing each (``unavailable``). A database that
another process holds locked is waited for (``write``), with a warning, up to
``LOCK_WAIT_SECONDS``.

Opening read-only never writes, not even the ``-shm`` file when the folder cannot take one
(read-only media): see ``connect``.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from ..errors import CommuniqueError, NotADatabase, StoreUnavailable

logger = logging.getLogger(__name__)

# SQLite waits this long itself for a lock (its busy handler) before a statement fails with
# "database is locked"; ``write`` then retries the whole transaction until LOCK_WAIT_SECONDS.
BUSY_TIMEOUT_SECONDS = 10.0
LOCK_WAIT_SECONDS = 300.0
MAX_BACKOFF_SECONDS = 30.0

# Primary result codes (the low byte of an extended code), from sqlite3.h.
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26
PERSISTENT = {
    SQLITE_READONLY: "it is read-only (check the permissions of the file and its folder)",
    SQLITE_IOERR: "a disk I/O error (is the disk full, removed, or the file too large?)",
    SQLITE_CORRUPT: "the file is damaged",
    SQLITE_FULL: "the disk is full",
    SQLITE_CANTOPEN: "the file cannot be opened (check that its folder exists and can be written)",
}
# The same errors by message, for an exception that carries no code (raised by Python).
MESSAGES = {
    "attempt to write a readonly database": SQLITE_READONLY,
    "disk i/o error": SQLITE_IOERR,
    "database disk image is malformed": SQLITE_CORRUPT,
    "database or disk is full": SQLITE_FULL,
    "unable to open database file": SQLITE_CANTOPEN,
    "file is not a database": SQLITE_NOTADB,
    "database is locked": SQLITE_BUSY,
    "database table is locked": SQLITE_LOCKED,
}

T = TypeVar("T")


def primary_code(error: BaseException) -> int | None:
    """SQLite's primary result code of ``error``, or None when it is not an SQLite error."""
    if not isinstance(error, sqlite3.Error):
        return None
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF
    message = str(error).lower()
    return next((value for text, value in MESSAGES.items() if text in message), None)


def is_busy(error: BaseException) -> bool:
    return primary_code(error) in (SQLITE_BUSY, SQLITE_LOCKED)


def is_persistent(error: BaseException) -> bool:
    """An error about the database, not about the article being written."""
    return primary_code(error) in (*PERSISTENT, SQLITE_NOTADB)


def unavailable(error: BaseException, path) -> CommuniqueError:
    """The coded error, with a plain message, for an error about the database ``path``."""
    code = primary_code(error)
    if code == SQLITE_NOTADB:
        return NotADatabase(
            f"{path} is not a database (not an SQLite file): give --db a "
            "database made by `communique ingest`, or a new file name"
        )
    reason = PERSISTENT.get(code, f"{error}")
    return StoreUnavailable(f"the database {path} cannot be used: {reason} ({error})")


def connect(
    path: str | Path,
    readonly: bool = False,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    lock_wait: float = LOCK_WAIT_SECONDS,
) -> sqlite3.Connection:
    """Open (and create or migrate) the database. Read-only connections never write.

    Raises ``NotADatabase`` for a file that is not one (or, read-only, has no communique
    tables), ``SchemaTooNew`` for a database of a later communique, ``StoreUnavailable``
    when the file cannot be opened or written.

    The connection is in autocommit mode (``isolation_level=None``): the store opens its
    write transactions itself, with BEGIN IMMEDIATE (see ``transaction``).
    """
    started = time.monotonic()
    delay = 0.05
    while True:
        try:
            return _connect_once(path, readonly, busy_timeout, lock_wait)
        except sqlite3.Error as error:
            # Two processes opening a new database at once both hold a shared lock when each
            # asks to switch it to WAL; SQLite then fails one at once, without its busy
            # handler (waiting could deadlock). The switch is retried from the start.
            waited = time.monotonic() - started
            if not is_busy(error) or waited + delay > lock_wait:
                raise unavailable(error, path) from None
            logger.debug("%s: locked while opening (%s); trying again", path, error)
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


def _connect_once(
    path: str | Path, readonly: bool, busy_timeout: float, lock_wait: float
) -> sqlite3.Connection:
    from .schema import check_version, migrate

    connection = _open_readonly(Path(path), busy_timeout) if readonly else _open(path, busy_timeout)
    try:
        # Checked before anything is written: a file that is not ours stays as it was.
        check_version(connection, path, readonly=readonly)
        if not readonly:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            migrate(connection, path, lock_wait)
    except BaseException:
        connection.close()
        raise
    return connection


def _open(target: str | Path, busy_timeout: float, uri: bool = False) -> sqlite3.Connection:
    connection = sqlite3.connect(
        target, uri=uri, isolation_level=None, check_same_thread=False, timeout=busy_timeout
    )
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    return connection


def _open_readonly(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """mode=ro; if that cannot read the database because the folder takes no ``-shm`` file
    (a WAL database on read-only media), immutable=1.

    immutable=1 tells SQLite the file cannot change, so it takes no locks and opens no
    ``-shm``. That is safe on read-only media: no process can write there either. What it
    cannot see is a ``-wal`` file left beside the database (the last writer was killed): its
    transactions are not read, and a warning says so.
    """
    uri = path.resolve().as_uri()  # percent-encodes '?' and '#' in the name
    connection = _open(uri + "?mode=ro", busy_timeout, uri=True)
    try:
        connection.execute("PRAGMA user_version").fetchone()  # reads the file: fails here
        return connection
    except sqlite3.Error as error:
        connection.close()
        if primary_code(error) not in (SQLITE_CANTOPEN, SQLITE_READONLY) or not path.is_file():
            raise
        original = error
    logger.info("%s: cannot read it in place (%s); reading it as immutable", path, original)
    wal = Path(f"{path}-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        logger.warning(
            "%s: reading it from read-only media: the transactions in %s (left "
            "by a writer that did not finish) are not seen",
            path,
            wal.name,
        )
    connection = _open(uri + "?mode=ro&immutable=1", busy_timeout, uri=True)
    try:
        connection.execute("PRAGMA user_version").fetchone()
    except sqlite3.Error:
        connection.close()
        raise original from None
    return connection


@contextmanager
def transaction(connection: sqlite3.Connection):
    """One write transaction: BEGIN IMMEDIATE takes the write lock first (waiting for it in
    SQLite's busy handler), so that the transaction cannot fail half way for want of it;
    COMMIT at the end, ROLLBACK on any error."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def write(
    connection: sqlite3.Connection,
    work: Callable[[], T],
    path,
    lock_wait: float = LOCK_WAIT_SECONDS,
) -> T:
    """Run ``work`` in one write transaction; while another process holds the database
    locked, wait and retry (backing off, with a warning) for up to ``lock_wait`` seconds,
    then give up with ``StoreUnavailable``."""
    started = time.monotonic()
    delay = 0.5
    while True:
        try:
            with transaction(connection):
                return work()
        except sqlite3.Error as error:
            if not is_busy(error):
                raise
            waited = time.monotonic() - started
            if waited + delay > lock_wait:
                raise StoreUnavailable(
                    f"the database {path} stayed locked by another process for {waited:.0f} s "
                    "(another ingest, or a program holding a write transaction open); try "
                    "again when it is done"
                ) from None
            logger.warning(
                "the database %s is locked by another process; waiting for it "
                "(%.0f s so far, up to %.0f s)",
                path,
                waited,
                lock_wait,
            )
            time.sleep(delay)
            delay = min(delay * 2, MAX_BACKOFF_SECONDS)
