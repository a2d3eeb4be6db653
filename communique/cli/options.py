"""What the commands share: settings, inputs, progress bars, executors and exit codes."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from tqdm import tqdm

from ..config import Settings
from ..errors import NotADatabase
from ..ingest.readers import (
    STDIN,
    InputStats,
    count_documents,
    iter_documents,
    readable_suffixes,
)
from .terminal import printable

EXIT_OK, EXIT_SOME_FAILED = 0, 1  # click exits 2 on a usage error


def check_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter("expected a date as YYYY-MM-DD") from None


DICTIONARIES = "communique.dictionaries"  # where --dictionary leaves its paths in ctx.meta


class DictionaryRefused(click.ClickException):
    """An invalid user dictionary: exit 2 like any bad setting, in one line (no usage)."""

    exit_code = 2


def load_settings(ctx: click.Context, **overrides) -> Settings:
    """The settings, with the command's options as ``overrides``; its user dictionaries read
    and checked now, before anything runs."""
    try:
        settings = Settings.load(
            ctx.obj.get("config_path"), dictionaries=ctx.meta.get(DICTIONARIES), **overrides
        )
    except (ValueError, OSError) as error:
        raise click.UsageError(f"bad settings: {error}") from None
    if settings.dictionaries:
        from ..errors import BadDictionary
        from ..user_dictionaries import load_user_dictionaries

        try:
            load_user_dictionaries(settings.dictionaries)
        except BadDictionary as error:
            raise DictionaryRefused(f"{error.code}: {error}") from None
    return settings


def _remember_dictionaries(ctx: click.Context, param, paths: tuple[str, ...]):
    if paths:
        ctx.meta[DICTIONARIES] = paths
    return paths


def dictionary_option():
    """``--dictionary PATH``, repeatable, for the commands that code; ``load_settings``
    reads it, so the commands' functions take no parameter for it."""
    return click.option(
        "--dictionary",
        multiple=True,
        metavar="PATH",
        expose_value=False,
        type=click.Path(exists=True, dir_okay=False),
        callback=_remember_dictionaries,
        help="A user dictionary: a file in the format of a packaged data file (leaders.tsv, "
        "people.tsv, titles.tsv, organisations.yaml, patterns.tsv, verb_patterns.tsv, "
        "...) whose entries extend and override the packaged ones; repeat for several "
        "(instead of the setting dictionaries).",
    )


def input_paths(paths: tuple[str, ...]) -> list[str]:
    if paths:
        return list(paths)
    if sys.stdin.isatty():
        raise click.UsageError("give one or more paths, or - to read stdin")
    return [STDIN]


REDRAW_SECONDS = 1.0  # the bar is redrawn this often even when no batch has come back


@contextmanager
def progress_bar(
    progress: bool | None,
    desc: str,
    paths: list[str] | None = None,
    settings: Settings | None = None,
) -> Iterator[tqdm]:
    """A progress bar on stderr, when ``progress`` says so (None: when stderr is a terminal,
    so pipes and logs stay clean).

    With ``paths`` it has a total, and so an ETA, when the documents are cheap to count
    (``count_documents``: files and JSONL lines; not stdin or WARC). Results come back a batch
    at a time, which can take minutes on a long batch: a thread redraws the bar every
    second meanwhile, so its elapsed time and rate stay current.
    """
    shown = sys.stderr.isatty() if progress is None else progress
    total = count_documents(paths, settings) if shown and paths else None
    bar = tqdm(
        desc=desc, unit=" docs", total=total, file=sys.stderr, disable=not shown, mininterval=0.5
    )
    stop = threading.Event()
    redraw = threading.Thread(
        target=_redraw, args=(bar, stop), name="communique-progress", daemon=True
    )
    if shown:
        redraw.start()
    try:
        yield bar
        if total is not None and bar.n != total:  # the files changed while they were read
            bar.total = bar.n
    finally:
        stop.set()
        if redraw.is_alive():
            redraw.join()
        bar.close()


def _redraw(bar: tqdm, stop: threading.Event) -> None:
    while not stop.wait(REDRAW_SECONDS):
        try:
            bar.refresh()
        except Exception:  # noqa: BLE001 - stderr closed: the bar just stops
            return


def read_inputs(paths: list[str], settings: Settings) -> tuple[Iterator, InputStats]:
    """The documents of ``paths`` and what the readers skipped (files of unknown extensions
    in directories). Exits 1, before anything is started, when there is no document at all."""
    stats = InputStats()
    documents = iter_documents(paths, settings, stats)
    first = next(documents, None)
    if first is None:
        shown = ", ".join(printable(path) for path in paths[:3])
        if len(paths) > 3:
            shown += f" and {len(paths) - 3} more"
        reason = (
            f"{stats.summary()}; communique reads {readable_suffixes()}"
            if stats.skipped
            else "nothing to read there (empty folders, or JSONL files without a line)"
        )
        raise click.ClickException(f"no documents found in {shown}: {reason}")
    return itertools.chain([first], documents), stats


def skipped_note(stats: InputStats) -> str:
    """The skipped files, for a run's summary line: "" or "; 2 files skipped (...)"."""
    return f"; {printable(stats.summary())}" if stats.skipped else ""


def check_folder(
    path: str, param_hint: str, *, writable: bool = True, create: bool = False
) -> None:
    """A usage error (exit 2) unless the folder of the file ``path`` exists and, if
    ``writable``, this process can create files in it. With ``create``, ``path`` is itself a
    folder, made later if it is missing: then the folder checked is its parent."""
    folder = Path(path) if create and Path(path).is_dir() else Path(path).parent
    shown = printable(str(folder))
    if not folder.exists():
        raise click.BadParameter(
            f"the folder {shown} does not exist: make it first", param_hint=param_hint
        )
    if not folder.is_dir():
        raise click.BadParameter(f"{shown} is not a folder", param_hint=param_hint)
    if not writable:
        return
    try:  # really creating a file is the only sure test: root, ACLs, read-only mounts
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".communique-", suffix=".probe")
    except OSError as error:
        raise click.BadParameter(
            f"cannot write in the folder {shown}: {error.strerror or error}", param_hint=param_hint
        ) from None
    os.close(fd)
    os.unlink(probe)


SQLITE_HEADER = b"SQLite format 3\x00"  # how every SQLite database file begins


def check_db_for_writing(db_path: str) -> None:
    """A usage error (exit 2) for a --db that ingest could not create or add to: a folder
    that does not exist, or a file that is something else than a database."""
    check_folder(db_path, "'--db'", writable=False)  # a read-only one: E301 says why
    if not os.path.isfile(db_path):
        return  # no file yet: ingest makes it (a FIFO or a device: the store says why not)
    try:
        with open(db_path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError:
        return  # unreadable: the store reports it on opening it
    if head and head != SQLITE_HEADER:
        error = NotADatabase(
            f"{printable(db_path)} is not a database (not an SQLite file): "
            "give a database made by `communique ingest`, or a new file name"
        )
        raise click.BadParameter(f"{error.code}: {error}", param_hint="'--db'")


def run_options(date_help: str = "", dictionaries: bool = True):
    """The options every command that reads documents shares; ``dictionaries``: it codes
    them, and takes --dictionary."""

    def decorate(command):
        for option in reversed(
            [
                click.option(
                    "--date",
                    callback=check_date,
                    help="Publication date (YYYY-MM-DD) for inputs that carry none"
                    + date_help
                    + ".",
                ),
                click.option(
                    "--dedupe/--no-dedupe",
                    default=None,
                    help="Mark near-duplicates of earlier documents (default on).",
                ),
                click.option(
                    "--batch-size",
                    type=click.IntRange(min=1),
                    help="Documents per batch: per task sent to a worker, per transaction "
                    "(default 64); spaCy parses them 16 at a time.",
                ),
                click.option(
                    "--workers",
                    type=click.IntRange(min=1),
                    help="Local worker processes (default: every core, as many as the "
                    "memory available holds at 700 MB each; an input of one batch runs in "
                    "this process).",
                ),
                click.option(
                    "--scheduler",
                    metavar="tcp://HOST:PORT",
                    help="Run on this Dask distributed cluster instead of local processes.",
                ),
                click.option(
                    "--progress/--no-progress",
                    default=None,
                    help="Progress bar on stderr (default: when a terminal).",
                ),
                *([dictionary_option()] if dictionaries else []),
                click.pass_context,
            ]
        ):
            command = option(command)
        return command

    return decorate


def input_options(
    formats: list[str], format_help: str, date_help: str = "", dictionaries: bool = True
):
    """The arguments and options of the commands that write one record per document."""

    def decorate(command):
        command = run_options(date_help, dictionaries)(command)
        command = click.option(
            "--format",
            "output_format",
            type=click.Choice(formats),
            default=formats[0],
            show_default=True,
            help=format_help,
        )(command)
        return click.argument("paths", nargs=-1, type=click.Path())(command)

    return decorate


@contextmanager
def executor_for_run(
    settings: Settings, stages, documents: Iterable, workers: int | None, scheduler: str | None
) -> Iterator[tuple[object, Iterator]]:
    """The executor a command's options ask for, and the documents to give it.

    Reads the first batch ahead: an input of one batch runs in this process, where starting
    workers would cost more than they save.
    """
    from ..parallel import executor_for

    documents = iter(documents)
    first = list(itertools.islice(documents, settings.batch_size + 1))
    count = len(first) if len(first) <= settings.batch_size else None
    try:
        executor = executor_for(settings, stages, workers, scheduler, count)
    except OSError as error:  # the scheduler could not be reached
        raise click.ClickException(f"cannot use the Dask scheduler {scheduler}: {error}") from None
    try:
        yield executor, itertools.chain(first, documents)
    finally:
        executor.close()
