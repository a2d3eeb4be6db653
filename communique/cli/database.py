"""Commands that read a database as a whole: export, serve and demo (the questions asked of
one are in ``queries.py``)."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import click

from ..errors import CommuniqueError
from ..records.event import Event
from . import main
from .options import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    check_date,
    check_db_for_writing,
    check_folder,
    load_settings,
    read_inputs,
    skipped_note,
)
from .terminal import printable

logger = logging.getLogger(__name__)


def _open_db(db_path: str):
    """The database for reading; a usage error (exit 2) when --db names none: a folder that
    does not exist, no file, or a file that is not a communique database."""
    from ..errors import NotADatabase
    from ..store.db import connect

    check_folder(db_path, "'--db'", writable=False)
    if not Path(db_path).is_file():
        raise click.UsageError(
            f"no database at {printable(db_path)}: make one with `communique ingest`"
        )
    try:
        return connect(db_path, readonly=True)
    except NotADatabase as error:  # a JSONL file, an empty file, another program's SQLite
        raise click.BadParameter(f"{error.code}: {error}", param_hint="'--db'") from None
    except CommuniqueError as error:  # made by a newer communique, cannot be read, ...
        raise click.ClickException(f"{error.code}: {error}") from None
    except sqlite3.Error as error:
        raise click.ClickException(f"cannot read the database {db_path}: {error}") from None


def _query(fn, *args, **kwargs):
    from ..query import QueryError

    try:
        return fn(*args, **kwargs)
    except QueryError as error:
        raise click.UsageError(str(error)) from None
    except sqlite3.Error as error:  # e.g. a file that is not a database only fails here
        raise click.ClickException(f"cannot read the database: {error}") from None


def _cell(value) -> str:
    """A cell of a tab-separated table line: tabs and newlines as spaces, control characters
    escaped, so a title or a sentence can neither break the table nor drive the terminal."""
    return printable(str(value).replace("\t", " ").replace("\n", " "))


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["gdelt", "plover", "csv", "parquet", "geojson"]),
    required=True,
)
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="The file to write.")
def export(db_path, output_format, out):
    """Export every event: GDELT 2.0 event table (61 columns), PLOVER JSONL, CSV, Parquet, or
    GeoJSON (one Point feature per event that has coordinates; the count is of those).

    The file is written under a temporary name beside --out and renamed when complete: on
    any error (a full disk, say) --out is left as it was and nothing else remains.
    """
    from ..store.export import export as run_export

    destination = Path(out)
    check_folder(out, "'--out'")  # exists, and takes files: before the database is read
    if destination.exists() and Path(db_path).exists() and destination.samefile(db_path):
        raise click.BadParameter("that is the database itself", param_hint="'--out'")
    untouched = f"{out} is as it was" if destination.exists() else "nothing was written"
    with closing(_open_db(db_path)) as connection:
        try:
            count = run_export(connection, output_format, destination)
        except OSError as error:  # disk full, file too large, no permission, ...
            raise click.ClickException(
                f"could not write {out}: {error.strerror or error}; {untouched}"
            ) from None
        except sqlite3.Error as error:
            raise click.ClickException(
                f"cannot read the database {db_path}: {error}; {untouched}"
            ) from None
        except CommuniqueError as error:
            raise click.ClickException(f"{error.code}: {error}; {untouched}") from None
    click.echo(f"{count} events written to {out}", err=True)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--db", "db_path", default="demo.db", show_default=True, type=click.Path(dir_okay=False)
)
@click.option(
    "--date",
    callback=check_date,
    default="2025-06-24",
    show_default=True,
    help="Publication date of the examples.",
)
@click.pass_context
def demo(ctx, paths, db_path, date):
    """Code the bundled example articles into a database, show what was found and how to browse it."""
    from .. import agreements as agreements_query
    from .. import query
    from ..errors import NotADatabase
    from ..store.ingest import ingest as run_ingest

    if not paths:
        examples = _bundled_examples()
        if examples is None:
            raise click.UsageError(
                "the bundled examples are not installed here: give the paths of articles to code"
            )
        paths = (str(examples),)
    settings = load_settings(ctx, default_date=date)
    check_db_for_writing(db_path)
    documents, stats = read_inputs(list(paths), settings)
    try:
        report = run_ingest(documents, db_path, settings)
    except NotADatabase as error:
        raise click.BadParameter(f"{error.code}: {error}", param_hint="'--db'") from None
    with closing(_open_db(db_path)) as connection:
        summary = query.overview(connection)
        found = query.events(connection, limit=200)
        deals = agreements_query.agreements(connection)
    click.echo(
        f"{db_path}: {summary['articles']} articles ({summary['duplicates']} duplicates), "
        f"{summary['events']} events, {summary['agreements']} agreements "
        f"(this run: {report.articles} new articles, {report.skipped} already there"
        f"{skipped_note(stats)})"
    )
    click.echo("\nEvents between two countries:")
    for event in map(Event.from_dict, found):
        if event.source_country and event.target_country:
            click.echo(
                f"  {event.date}  {event.source_country} -> {event.target_country}  "
                f"{event.cameo} {event.cameo_name}  (trigger: {event.evidence.trigger})"
            )
    click.echo("\nAgreements:")
    for agreement in deals:
        click.echo(
            f"  {'-'.join(agreement['parties'])}  {agreement['kind']}, {agreement['status']}: "
            f"{agreement['title']}"
        )
    command = _command_name()
    click.echo(f"""
Browse it:
  {command} events --db {db_path} --source RUS --target MLI
  {command} dyad RUS MLI --db {db_path}
  {command} agreements --db {db_path}
  {command} export --db {db_path} --format csv --out events.csv
  {command} serve --db {db_path}    then open http://127.0.0.1:8000/dyad/RUS/MLI
  datasette {db_path}        (Datasette opens the database as it is)""")
    ctx.exit(EXIT_SOME_FAILED if report.failed else EXIT_OK)


def _bundled_examples() -> Path | None:
    """The folder of the example articles, wherever the command runs from: the project's
    ``examples/`` beside the package (a source checkout, or the editable install `make`
    makes), else where a wheel installs them (``share/communique/examples`` under the data
    prefix, see ``data-files`` in pyproject.toml)."""
    import sysconfig

    from .. import __file__ as package_init

    candidates = [Path(package_init).resolve().parent.parent / "examples"]
    for scheme in (None, f"{os.name}_user"):
        try:
            data = sysconfig.get_path("data", scheme) if scheme else sysconfig.get_path("data")
        except KeyError:  # no such scheme here
            continue
        candidates.append(Path(data) / "share" / "communique" / "examples")
    return next((folder for folder in candidates if folder.is_dir()), None)


def _command_name() -> str:
    """How to run this communique from the current folder, for the hints demo prints."""
    script = Path(sys.argv[0])
    if script.name != "communique":
        return "communique"  # python -m communique.cli, or a test runner
    on_path = shutil.which("communique")
    if on_path and Path(on_path).resolve() == script.resolve():
        return "communique"
    try:
        return str(script.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(script.resolve())


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to listen on (the default is this machine only).",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="A host name or address the Host header may carry, besides 127.0.0.1, "
    "localhost, [::1] and a non-loopback --host (repeatable; *.example.org "
    "for subdomains).",
)
def serve(db_path, host, port, allow_hosts):
    """Serve the JSON API (OpenAPI at /openapi.json) over a database, read-only.

    Prints "serving DB at URL" once it listens, then one line per request on stderr.
    POST /api/ingest exists only when the environment variable COMMUNIQUE_TOKEN is set, and
    needs it as a bearer token. Requests for any other host than the allowed ones get 400
    (against DNS rebinding).
    """
    import ipaddress
    import os

    import uvicorn

    from ..web.app import DEFAULT_ALLOWED_HOSTS, create_app, host_pattern

    with closing(_open_db(db_path)):  # the messages of the other commands, before listening
        pass
    hosts = [*DEFAULT_ALLOWED_HOSTS, *allow_hosts]
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name, not an address
        loopback = False
    if not loopback:
        # Whoever reaches the server by the address it listens on may use it as the Host.
        hosts.append(host)
        if host in ("0.0.0.0", "::") and not allow_hosts:
            click.echo(
                "listening on every interface: name the hosts clients use with "
                "--allow-host, or their requests get 400",
                err=True,
            )
    try:
        hosts = [host_pattern(name) for name in hosts]
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--allow-host or --host") from None
    app = create_app(db_path, token=os.environ.get("COMMUNIQUE_TOKEN") or None, allowed_hosts=hosts)
    uvicorn.run(app, host=host, port=port, log_config=_serve_log_config(db_path))


class _StartLine(logging.Filter):
    """Lets through only uvicorn's "Uvicorn running on URL" line, as "serving DB at URL/
    (Ctrl+C to stop)": printed once the socket is bound, with the port bound (--port 0 too)."""

    def __init__(self, db_path: str):
        super().__init__()
        self.db_path = db_path

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.levelno != logging.INFO or not message.startswith("Uvicorn running on "):
            return False
        url = message.removeprefix("Uvicorn running on ").split(" ", 1)[0]
        record.msg, record.args = "serving %s at %s/ (Ctrl+C to stop)", (self.db_path, url)
        record.__dict__.pop("color_message", None)  # uvicorn's coloured copy of its own text
        return True


def _serve_log_config(db_path: str) -> dict:
    """uvicorn's logging for `serve`, all on stderr: the start line, warnings and errors, and
    the access log (one line per request); not uvicorn's other start-up and shutdown lines."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"start": {"()": _StartLine, "db_path": printable(str(db_path))}},
        "formatters": {
            "plain": {"format": "%(message)s"},
            "problem": {"format": "communique: %(levelname)s: %(message)s"},
            "access": {
                "()": "uvicorn.logging.AccessFormatter",
                "datefmt": "%Y-%m-%d %H:%M:%S",
                "fmt": '%(asctime)s %(client_addr)s "%(request_line)s" %(status_code)s',
            },
        },
        "handlers": {
            "start": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "plain",
                "filters": ["start"],
            },
            "problem": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "problem",
                "level": "WARNING",
            },
            "access": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "access",
            },
        },
        "loggers": {
            "uvicorn": {"handlers": ["start", "problem"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"level": "INFO"},
            "uvicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
        },
    }
