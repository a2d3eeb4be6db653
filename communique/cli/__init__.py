"""The command line: a thin click layer over the library.

The commands that read documents are in ``documents.py`` (clean, actors, code, ingest, eval)
and ``places.py`` (places), those that read a database in ``database.py`` (export, serve,
demo) and ``queries.py`` (events, agreements, dyads, dyad), the check of the dictionaries in
``check_data.py``.
"""

from __future__ import annotations

import logging
import sys

import click

from .. import __version__


logger = logging.getLogger(__name__)


class CommandGroup(click.Group):
    """Turns any error that escapes a command into one plain line and an exit status: a
    coded error (a database that is not one, a disk that is full) says what to do; anything
    else is a bug, reported as such, its traceback shown only with -vv."""

    def invoke(self, ctx: click.Context):
        from ..errors import CommuniqueError

        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except CommuniqueError as error:
            raise click.ClickException(f"{error.code}: {error}") from None
        except Exception as error:  # noqa: BLE001 - no traceback ever reaches a user
            logger.debug("traceback of the internal error", exc_info=True)
            raise click.ClickException(
                f"internal error: {type(error).__name__}: {error} (run with -vv for the "
                "traceback, and please report it)"
            ) from None


@click.group(cls=CommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="communique")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, exists=True),
    help="A TOML settings file (default: ./communique.toml if present).",
)
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) on stderr.")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, verbose: int) -> None:
    """communique turns raw news into political event data.

    Inputs are files (.txt, .html/.htm, .jsonl, .warc, each optionally .gz), directories
    (read recursively in sorted order) or - for stdin.
    """
    for stream in (sys.stdout, sys.stderr):
        # A character no encoding can take (a name from an old archive) is shown escaped,
        # never allowed to stop the output half-way.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(
        level=level, format="communique: %(levelname)s: %(message)s", stream=sys.stderr
    )
    ctx.obj = {"config_path": config_path}


# The command modules register their commands on ``main``.
from . import check_data, database, documents, explain, places, queries, series  # noqa: E402,F401
