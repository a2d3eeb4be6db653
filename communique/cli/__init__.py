"""The command line: a thin click layer over the library.

The commands that read documents are in ``documents.py`` (clean, actors, code, ingest, eval),
those that read a database in ``database.py`` (events, agreements, dyad, export, serve, demo).
"""
from __future__ import annotations

import logging
import sys

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="communique")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="A TOML settings file (default: ./communique.toml if present).")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) on stderr.")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, verbose: int) -> None:
    """communique turns raw news into political event data.

    Inputs are files (.txt, .html/.htm, .jsonl, .warc, each optionally .gz), directories
    (read recursively in sorted order) or - for stdin.
    """
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="communique: %(levelname)s: %(message)s", stream=sys.stderr)
    ctx.obj = {"config_path": config_path}



# The command modules register their commands on ``main``.
from . import database, documents  # noqa: E402,F401
