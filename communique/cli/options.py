"""What the commands share: settings, inputs, progress bars, executors and exit codes."""
from __future__ import annotations

import datetime as dt
import itertools
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import click
from tqdm import tqdm

from ..config import Settings
from ..ingest.readers import STDIN

EXIT_OK, EXIT_SOME_FAILED = 0, 1  # click exits 2 on a usage error


def check_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter("expected a date as YYYY-MM-DD") from None



def load_settings(ctx: click.Context, **overrides) -> Settings:
    try:
        return Settings.load(ctx.obj.get("config_path"), **overrides)
    except (ValueError, OSError) as error:
        raise click.UsageError(f"bad settings: {error}") from None


def input_paths(paths: tuple[str, ...]) -> list[str]:
    if paths:
        return list(paths)
    if sys.stdin.isatty():
        raise click.UsageError("give one or more paths, or - to read stdin")
    return [STDIN]


def progress_bar(progress: bool | None, desc: str):
    # disable=None: a bar only when stderr is a terminal, so pipes and logs stay clean.
    return tqdm(desc=desc, unit=" docs", file=sys.stderr, disable=None if progress is None else not progress)


def run_options(date_help: str = ""):
    """The options every command that codes documents shares."""
    def decorate(command):
        for option in reversed([
            click.option("--date", callback=check_date,
                         help="Publication date (YYYY-MM-DD) for inputs that carry none" + date_help + "."),
            click.option("--dedupe/--no-dedupe", default=None,
                         help="Mark near-duplicates of earlier documents (default on)."),
            click.option("--batch-size", type=click.IntRange(min=1),
                         help="Documents per batch: per nlp.pipe call, per task sent to a worker, "
                              "per transaction (default 64)."),
            click.option("--workers", type=click.IntRange(min=1),
                         help="Local worker processes (default: every core; an input of one batch "
                              "runs in this process)."),
            click.option("--scheduler", metavar="tcp://HOST:PORT",
                         help="Run on this Dask distributed cluster instead of local processes."),
            click.option("--progress/--no-progress", default=None,
                         help="Progress bar on stderr (default: when a terminal)."),
            click.pass_context,
        ]):
            command = option(command)
        return command
    return decorate


def input_options(formats: list[str], format_help: str, date_help: str = ""):
    """The arguments and options of the commands that write one record per document."""
    def decorate(command):
        command = run_options(date_help)(command)
        command = click.option("--format", "output_format", type=click.Choice(formats),
                               default=formats[0], show_default=True, help=format_help)(command)
        return click.argument("paths", nargs=-1, type=click.Path())(command)
    return decorate


@contextmanager
def executor_for_run(settings: Settings, stages, documents: Iterable, workers: int | None,
                     scheduler: str | None) -> Iterator[tuple[object, Iterator]]:
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
