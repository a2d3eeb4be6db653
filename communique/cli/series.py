"""The `series` command: a zero-filled time series of event counts per dyad or country."""

from __future__ import annotations

import os
import sys
from contextlib import closing, suppress
from pathlib import Path

import click

from . import main
from .database import _open_db, _query
from .options import check_date


def _quiet_stdout() -> None:
    """After the reader of stdout went away (``| head``): point stdout at /dev/null, so that
    Python's flush at exit does not fail a second time."""
    with suppress(OSError, ValueError, AttributeError):  # no file descriptor under a test
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _plural(count: int, word: str, words: str) -> str:
    return f"{count:,} {word if count == 1 else words}"


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False))
@click.option(
    "--by",
    type=click.Choice(["dyad", "country"]),
    default="dyad",
    show_default=True,
    help="One series per unordered pair of countries, or per country.",
)
@click.option(
    "--period",
    type=click.Choice(["day", "week", "month"]),
    default="month",
    show_default=True,
    help="A week is named by its Monday, a month as YYYY-MM.",
)
@click.option("--since", callback=check_date, help="From this date (YYYY-MM-DD).")
@click.option("--until", callback=check_date, help="Up to this date (YYYY-MM-DD).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "parquet"]),
    help="Default: parquet for an --out ending in .parquet, else csv.",
)
@click.option(
    "--out", type=click.Path(dir_okay=False), help="The file to write (default: CSV on stdout)."
)
def series(db_path, by, period, since, until, output_format, out):
    """A time series for R and pandas: counted events per period and dyad (or country), by
    QuadClass, with the Goldstein sum and mean.

    Zero-filled: every dyad or country has a row for every period from the first to the
    last (from --since to --until when given). Negated and hypothetical events are not
    counted; events dated only to a month or a year are left out of finer periods.
    """
    from .. import series as library

    if output_format is None:
        output_format = "parquet" if out and Path(out).suffix.lower() == ".parquet" else "csv"
    if output_format == "parquet" and not out:
        raise click.UsageError("--format parquet needs --out: Parquet is not written to a terminal")
    if out:
        destination = Path(out)
        if not destination.parent.is_dir():
            raise click.BadParameter(
                f"the folder {destination.parent} does not exist: make it first",
                param_hint="'--out'",
            )
        if destination.exists() and Path(db_path).exists() and destination.samefile(db_path):
            raise click.BadParameter("that is the database itself", param_hint="'--out'")
    with closing(_open_db(db_path)) as connection:
        rows = _query(library.series, connection, by=by, period=period, since=since, until=until)
    try:
        count = library.write_series(rows, out or sys.stdout, output_format, by=by)
        if not out:
            sys.stdout.flush()  # a closed pipe shows here, not at exit
    except BrokenPipeError:
        if out:
            raise
        _quiet_stdout()  # `series ... | head`: the reader has all it wanted, not an error
        return
    except OSError as error:  # disk full, no permission, ...
        untouched = f"; {out} is as it was" if out and Path(out).exists() else ""
        raise click.ClickException(
            f"could not write {out or 'to stdout'}: {error.strerror or error}{untouched}"
        ) from None
    keys = len({tuple(row[k] for k in library.KEYS[by]) for row in rows})
    periods = len({row["period"] for row in rows})
    key_words = ("dyad", "dyads") if by == "dyad" else ("country", "countries")
    click.echo(
        f"{_plural(count, 'row', 'rows')} ({_plural(periods, 'period', 'periods')} x "
        f"{_plural(keys, *key_words)}) written to {out or 'stdout'}",
        err=True,
    )
