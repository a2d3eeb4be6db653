"""Commands that read a database: events, agreements, dyad, export, serve and demo."""
from __future__ import annotations

import json
import logging
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import click

from ..errors import CommuniqueError
from ..ingest.readers import iter_documents
from . import main
from .options import EXIT_OK, EXIT_SOME_FAILED, check_date, load_settings
from .terminal import printable

logger = logging.getLogger(__name__)


def _open_db(db_path: str):
    from ..store.db import connect

    if not Path(db_path).is_file():
        raise click.UsageError(f"no database at {db_path}: make one with `communique ingest`")
    try:
        return connect(db_path, readonly=True)
    except CommuniqueError as error:  # not a database, made by a newer communique, ...
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


EVENT_TABLE = ("date", "source", "target", "cameo", "quad", "goldstein", "articles", "sentence")


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False))
@click.option("--source", help="Source country (ISO 3166 alpha-3, or IGO).")
@click.option("--target", help="Target country.")
@click.option("--either-direction", is_flag=True, help="With --source and --target: both directions.")
@click.option("--cameo", help="CAMEO code or its first digits (04, 057).")
@click.option("--quad", type=click.IntRange(1, 4), help="QuadClass: 1-4.")
@click.option("--since", help="From this date (YYYY-MM-DD).")
@click.option("--until", help="Up to this date (YYYY-MM-DD).")
@click.option("-q", "--query", "text", help="Words the reporting articles contain.")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True)
@click.option("--format", "output_format", type=click.Choice(["table", "csv", "jsonl"]),
              default="table", show_default=True)
def events(db_path, source, target, either_direction, cameo, quad, since, until, text, limit,
           output_format):
    """List stored events, newest first; JSONL carries num_articles, num_sources, num_mentions."""
    from .. import query
    from ..store.export import write_csv

    with closing(_open_db(db_path)) as connection:
        found = _query(query.events, connection, source=source, target=target,
                       either_direction=either_direction, cameo=cameo, quad=quad, since=since,
                       until=until, q=text, limit=limit)
    out = sys.stdout
    if output_format == "jsonl":
        for event in found:
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
    elif output_format == "csv":
        write_csv(out, found)  # the columns and the formula guard of `export --format csv`
    else:
        out.write("\t".join(EVENT_TABLE) + "\n")
        for event in found:
            target_actor = event["target"] or {}
            # Cut before escaping, so that an escape such as \x1b is never cut in half.
            out.write("\t".join(_cell(cell) for cell in (
                event["date"] or "-", event["source"]["code"] or "-", target_actor.get("code") or "-",
                event["cameo"], event["quad_class"], event["goldstein"], event["num_articles"],
                (event["evidence"]["sentence"] or "")[:100])) + "\n")


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False))
@click.option("--party", help="A party's country (ISO 3166 alpha-3).")
@click.option("--topic", help="A topic: trade, science, nuclear, energy, defence, ...")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True)
@click.option("--format", "output_format", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
def agreements(db_path, party, topic, limit, output_format):
    """List stored agreements: parties, kind, status, topics and title."""
    from .. import query

    with closing(_open_db(db_path)) as connection:
        found = _query(query.agreements, connection, party=party, topic=topic, limit=limit)
    for agreement in found:
        if output_format == "jsonl":
            click.echo(json.dumps(agreement, ensure_ascii=False))
        else:
            click.echo("\t".join(_cell(cell) for cell in (
                agreement["date"] or "-", "-".join(agreement["parties"]), agreement["kind"],
                agreement["status"], ",".join(agreement["topics"]) or "-", agreement["title"])))


@main.command()
@click.argument("a")
@click.argument("b")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False))
@click.option("--interval", type=click.Choice(["day", "week", "month"]), default="month",
              show_default=True)
@click.option("--one-way", is_flag=True, help="Only events from A to B.")
def dyad(a, b, db_path, interval, one_way):
    """A timeline of the relations between A and B: events per QuadClass and the Goldstein sum."""
    from .. import query

    with closing(_open_db(db_path)) as connection:
        periods = _query(query.dyad_timeline, connection, a, b, interval=interval,
                         either_direction=not one_way)
    if not periods:
        click.echo(f"no events between {printable(a.upper())} and {printable(b.upper())}")
        return
    width = max(p["events"] for p in periods)
    click.echo(f"{'period':<10}  {'verbal coop':>11} {'material coop':>13} {'verbal confl':>12} "
               f"{'material confl':>14}  {'goldstein':>9}")
    for p in periods:
        bar = "+" * round(20 * (p["quad1"] + p["quad2"]) / width) + \
            "-" * round(20 * (p["quad3"] + p["quad4"]) / width)
        click.echo(f"{p['period']:<10}  {p['quad1']:>11} {p['quad2']:>13} {p['quad3']:>12} "
                   f"{p['quad4']:>14}  {p['goldstein']:>9.1f}  {bar}")


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["gdelt", "plover", "csv", "parquet"]),
              required=True)
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="The file to write.")
def export(db_path, output_format, out):
    """Export every event: GDELT 2.0 event table (61 columns), PLOVER JSONL, CSV or Parquet.

    The file is written under a temporary name beside --out and renamed when complete: on
    any error (a full disk, say) --out is left as it was and nothing else remains.
    """
    from ..store.export import export as run_export

    destination = Path(out)
    if not destination.parent.is_dir():
        raise click.BadParameter(f"the folder {destination.parent} does not exist: make it first",
                                 param_hint="'--out'")
    if destination.exists() and Path(db_path).exists() and destination.samefile(db_path):
        raise click.BadParameter("that is the database itself", param_hint="'--out'")
    untouched = f"{out} is as it was" if destination.exists() else "nothing was written"
    with closing(_open_db(db_path)) as connection:
        try:
            count = run_export(connection, output_format, destination)
        except OSError as error:  # disk full, file too large, no permission, ...
            raise click.ClickException(
                f"could not write {out}: {error.strerror or error}; {untouched}") from None
        except sqlite3.Error as error:
            raise click.ClickException(
                f"cannot read the database {db_path}: {error}; {untouched}") from None
        except CommuniqueError as error:
            raise click.ClickException(f"{error.code}: {error}; {untouched}") from None
    click.echo(f"{count} events written to {out}", err=True)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--db", "db_path", default="demo.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--date", callback=check_date, default="2025-06-24", show_default=True,
              help="Publication date of the examples.")
@click.pass_context
def demo(ctx, paths, db_path, date):
    """Code the bundled example articles into a database, show what was found and how to browse it."""
    from .. import query
    from ..store.ingest import ingest as run_ingest

    paths = paths or ("examples",)
    if not all(Path(p).exists() for p in paths):
        raise click.UsageError("run it from the project's folder (it reads ./examples) or give paths")
    settings = load_settings(ctx, default_date=date)
    report = run_ingest(iter_documents(list(paths), settings), db_path, settings)
    with closing(_open_db(db_path)) as connection:
        summary = query.overview(connection)
        found = query.events(connection, limit=200)
        deals = query.agreements(connection)
    click.echo(f"{db_path}: {summary['articles']} articles ({summary['duplicates']} duplicates), "
               f"{summary['events']} events, {summary['agreements']} agreements "
               f"(this run: {report.articles} new articles, {report.skipped} already there)")
    click.echo("\nEvents between two countries:")
    for event in found:
        target = event["target"] or {}
        if event["source"]["country"] and target.get("country"):
            click.echo(f"  {event['date']}  {event['source']['country']} -> {target['country']}  "
                       f"{event['cameo']} {event['cameo_name']}  (trigger: {event['evidence']['trigger']})")
    click.echo("\nAgreements:")
    for agreement in deals:
        click.echo(f"  {'-'.join(agreement['parties'])}  {agreement['kind']}, {agreement['status']}: "
                   f"{agreement['title']}")
    click.echo(f"""
Browse it:
  .venv/bin/communique events --db {db_path} --source RUS --target MLI
  .venv/bin/communique dyad RUS MLI --db {db_path}
  .venv/bin/communique agreements --db {db_path}
  .venv/bin/communique export --db {db_path} --format csv --out events.csv
  .venv/bin/communique serve --db {db_path}    then open http://127.0.0.1:8000/dyad/RUS/MLI
  datasette {db_path}        (Datasette opens the database as it is)""")
    ctx.exit(EXIT_SOME_FAILED if report.failed else EXIT_OK)


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, exists=True))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (the default is this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="A host name or address the Host header may carry, besides 127.0.0.1, "
                   "localhost, [::1] and a non-loopback --host (repeatable; *.example.org "
                   "for subdomains).")
def serve(db_path, host, port, allow_hosts):
    """Serve the JSON API (OpenAPI at /openapi.json) over a database, read-only.

    POST /api/ingest exists only when the environment variable COMMUNIQUE_TOKEN is set, and
    needs it as a bearer token. Requests for any other host than the allowed ones get 400
    (against DNS rebinding).
    """
    import ipaddress
    import os

    import uvicorn

    from ..web.app import DEFAULT_ALLOWED_HOSTS, create_app, host_pattern

    hosts = [*DEFAULT_ALLOWED_HOSTS, *allow_hosts]
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name, not an address
        loopback = False
    if not loopback:
        # Whoever reaches the server by the address it listens on may use it as the Host.
        hosts.append(host)
        if host in ("0.0.0.0", "::") and not allow_hosts:
            click.echo("listening on every interface: name the hosts clients use with "
                       "--allow-host, or their requests get 400", err=True)
    try:
        hosts = [host_pattern(name) for name in hosts]
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--allow-host or --host") from None
    app = create_app(db_path, token=os.environ.get("COMMUNIQUE_TOKEN") or None,
                     allowed_hosts=hosts)
    uvicorn.run(app, host=host, port=port, log_level="warning")

