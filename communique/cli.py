"""The command line: a thin click layer over the library."""
from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from contextlib import closing
from pathlib import Path

import click
from tqdm import tqdm

from . import CODE_STAGES, __version__
from .config import Settings
from .ingest.readers import STDIN, iter_documents
from .pipeline import Pipeline

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_SOME_FAILED = 0, 1  # click exits 2 on a usage error


def _check_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter("expected a date as YYYY-MM-DD") from None


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


def _settings(ctx: click.Context, **overrides) -> Settings:
    try:
        return Settings.load(ctx.obj.get("config_path"), **overrides)
    except (ValueError, OSError) as error:
        raise click.UsageError(f"bad settings: {error}") from None


def _input_paths(paths: tuple[str, ...]) -> list[str]:
    if paths:
        return list(paths)
    if sys.stdin.isatty():
        raise click.UsageError("give one or more paths, or - to read stdin")
    return [STDIN]


def _progress(progress: bool | None, desc: str):
    # disable=None: a bar only when stderr is a terminal, so pipes and logs stay clean.
    return tqdm(desc=desc, unit=" docs", file=sys.stderr, disable=None if progress is None else not progress)


def input_options(formats: list[str], format_help: str, date_help: str = ""):
    """The arguments and options every command that reads documents shares."""
    def decorate(command):
        for option in reversed([
            click.argument("paths", nargs=-1, type=click.Path()),
            click.option("--format", "output_format", type=click.Choice(formats),
                         default=formats[0], show_default=True, help=format_help),
            click.option("--date", callback=_check_date,
                         help="Publication date (YYYY-MM-DD) for inputs that carry none" + date_help + "."),
            click.option("--dedupe/--no-dedupe", default=None,
                         help="Mark near-duplicates of earlier documents (default on)."),
            click.option("--batch-size", type=click.IntRange(min=1), help="Documents per batch."),
            click.option("--progress/--no-progress", default=None,
                         help="Progress bar on stderr (default: when a terminal)."),
            click.pass_context,
        ]):
            command = option(command)
        return command
    return decorate


@main.command()
@input_options(["jsonl", "text"], "jsonl: one record per document; text: the clean text only.")
def clean(ctx, paths, output_format, date, dedupe, batch_size, progress):
    """Extract the clean article text: title, date, source, text and removed boilerplate.

    Writes one JSON object per input document, in input order. A document that cannot be
    read gives {"id", "path", "error": {"code", "message"}} and the run goes on; the exit
    status is then 1.
    """
    settings = _settings(ctx, default_date=date, dedupe=dedupe, batch_size=batch_size)

    def write(article, out):
        if output_format == "jsonl":
            out.write(json.dumps(article.clean_record(), ensure_ascii=False) + "\n")
        elif article.error is None:
            out.write((f"{article.title}\n\n" if article.title else "") + article.text + "\n\n")

    _run(ctx, Pipeline(settings), settings, paths, progress, "clean", write)


@main.command()
@input_options(["jsonl", "table"], "jsonl: one record per document; table: one line per actor.",
               "; picks office holders")
def actors(ctx, paths, output_format, date, dedupe, batch_size, progress):
    """Find and code every actor mention: country (ISO 3166 alpha-3 or IGO) and sectors.

    Writes one {"id", "path", "actors": [...]} per input document; each actor carries its
    code, country, sectors, name, text, group, kind and the start and end offsets of its
    mention in the clean text. Group references ("these countries") give one actor per
    member, each naming the group.
    """
    settings = _settings(ctx, default_date=date, dedupe=dedupe, batch_size=batch_size)

    def write(article, out):
        if output_format == "jsonl":
            out.write(json.dumps(article.actors_record(), ensure_ascii=False) + "\n")
            return
        for actor in article.actors_record().get("actors", []):
            out.write("\t".join([article.id, str(actor["start"]), str(actor["end"]),
                                  actor["code"] or "-", actor["country"] or "-",
                                  ",".join(actor["sectors"]) or "-", actor["group"] or "-",
                                  actor["text"].replace("\n", " ")]) + "\n")

    _run(ctx, Pipeline(settings, stages=("clean", "dedupe", "parse", "actors")), settings, paths,
         progress, "actors", write)


@main.command()
@input_options(["jsonl", "table"], "jsonl: one record per document; table: one line per event.",
               "; anchors event dates")
def code(ctx, paths, output_format, date, dedupe, batch_size, progress):
    """Code events: who did what to whom, when and where, in CAMEO and PLOVER.

    Writes one {"id", "path", "title", "date", "source", "url", "text", "duplicate_of",
    "events", "agreements", "warnings"} per input document, in input order. Each event has
    its source and target actors, CAMEO code, Goldstein value, QuadClass, PLOVER event,
    date, location, modality, negation and evidence (the sentence and its offsets in text).
    """
    settings = _settings(ctx, default_date=date, dedupe=dedupe, batch_size=batch_size)

    def write(article, out):
        if output_format == "jsonl":
            out.write(json.dumps(article.code_record(), ensure_ascii=False) + "\n")
            return
        for event in article.events:
            target = event["target"] or {}
            out.write("\t".join([article.id, event["date"] or "-", event["source"]["code"] or "-",
                                  target.get("code") or "-", event["cameo"], event["modality"],
                                  "negated" if event["negated"] else "-",
                                  event["evidence"]["trigger"],
                                  event["evidence"]["sentence"].replace("\n", " ")[:120]]) + "\n")

    _run(ctx, Pipeline(settings, stages=CODE_STAGES), settings, paths, progress, "code", write)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False),
              help="The SQLite database to create or add to.")
@click.option("--date", callback=_check_date, help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--dedupe/--no-dedupe", default=None, help="Mark near-duplicates within the run (default on).")
@click.option("--batch-size", type=click.IntRange(min=1), help="Documents per batch (and per transaction).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
@click.pass_context
def ingest(ctx, paths, db_path, date, dedupe, batch_size, progress):
    """Code documents and store them, their events and agreements in a SQLite database.

    Idempotent: the same document again (same path or URL, same content) adds nothing; the
    same text under another path or URL is another report of the story, stored as a
    duplicate and counted in its events' num_articles. Each batch is one transaction, so an
    interrupted run resumes to the same result. Prints a summary on stderr.
    """
    from .store.ingest import ingest as run_ingest

    settings = _settings(ctx, default_date=date, dedupe=dedupe, batch_size=batch_size)
    with _progress(progress, "ingest") as bar:
        report = run_ingest(iter_documents(_input_paths(paths), settings), db_path, settings,
                            on_batch=bar.update)
    for article in report.failed:
        logger.warning("%s: %s %s", article.path or article.id, article.error.code, article.error)
    click.echo(f"{report.documents} documents: {report.articles} articles stored "
               f"({report.duplicates} duplicates), {report.skipped} already stored, "
               f"{len(report.failed)} failed; {report.events} new events, "
               f"{report.mentions} event mentions", err=True)
    ctx.exit(EXIT_SOME_FAILED if report.failed else EXIT_OK)


def _open_db(db_path: str):
    from .store.db import connect

    if not Path(db_path).is_file():
        raise click.UsageError(f"no database at {db_path}: make one with `communique ingest`")
    return connect(db_path, readonly=True)


def _query(fn, *args, **kwargs):
    from .query import QueryError

    try:
        return fn(*args, **kwargs)
    except QueryError as error:
        raise click.UsageError(str(error)) from None


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
    from . import query
    from .store.export import flat_row

    with closing(_open_db(db_path)) as connection:
        found = _query(query.events, connection, source=source, target=target,
                       either_direction=either_direction, cameo=cameo, quad=quad, since=since,
                       until=until, q=text, limit=limit)
    out = sys.stdout
    if output_format == "jsonl":
        for event in found:
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
    elif output_format == "csv":
        import csv

        rows = [flat_row(event) for event in found]
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["id"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        out.write("\t".join(EVENT_TABLE) + "\n")
        for event in found:
            target_actor = event["target"] or {}
            out.write("\t".join(str(cell) for cell in (
                event["date"] or "-", event["source"]["code"] or "-", target_actor.get("code") or "-",
                event["cameo"], event["quad_class"], event["goldstein"], event["num_articles"],
                event["evidence"]["sentence"].replace("\n", " ")[:100])) + "\n")


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False))
@click.option("--party", help="A party's country (ISO 3166 alpha-3).")
@click.option("--topic", help="A topic: trade, science, nuclear, energy, defence, ...")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True)
@click.option("--format", "output_format", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
def agreements(db_path, party, topic, limit, output_format):
    """List stored agreements: parties, kind, status, topics and title."""
    from . import query

    with closing(_open_db(db_path)) as connection:
        found = _query(query.agreements, connection, party=party, topic=topic, limit=limit)
    for agreement in found:
        if output_format == "jsonl":
            click.echo(json.dumps(agreement, ensure_ascii=False))
        else:
            click.echo("\t".join([agreement["date"] or "-", "-".join(agreement["parties"]),
                                  agreement["kind"], agreement["status"],
                                  ",".join(agreement["topics"]) or "-", agreement["title"]]))


@main.command()
@click.argument("a")
@click.argument("b")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False))
@click.option("--interval", type=click.Choice(["day", "week", "month"]), default="month",
              show_default=True)
@click.option("--one-way", is_flag=True, help="Only events from A to B.")
def dyad(a, b, db_path, interval, one_way):
    """A timeline of the relations between A and B: events per QuadClass and the Goldstein sum."""
    from . import query

    with closing(_open_db(db_path)) as connection:
        periods = _query(query.dyad_timeline, connection, a, b, interval=interval,
                         either_direction=not one_way)
    if not periods:
        click.echo(f"no events between {a.upper()} and {b.upper()}")
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
    """Export every event: GDELT 2.0 event table (61 columns), PLOVER JSONL, CSV or Parquet."""
    from .store.export import export as run_export

    with closing(_open_db(db_path)) as connection:
        count = run_export(connection, output_format, Path(out))
    click.echo(f"{count} events written to {out}", err=True)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--db", "db_path", default="demo.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--date", callback=_check_date, default="2025-06-24", show_default=True,
              help="Publication date of the examples.")
@click.pass_context
def demo(ctx, paths, db_path, date):
    """Code the bundled example articles into a database, show what was found and how to browse it."""
    from . import query
    from .store.ingest import ingest as run_ingest

    paths = paths or ("examples",)
    if not all(Path(p).exists() for p in paths):
        raise click.UsageError("run it from the project's folder (it reads ./examples) or give paths")
    settings = _settings(ctx, default_date=date)
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
def serve(db_path, host, port):
    """Serve the JSON API (OpenAPI at /openapi.json) over a database, read-only.

    POST /api/ingest exists only when the environment variable COMMUNIQUE_TOKEN is set, and
    needs it as a bearer token.
    """
    import os

    import uvicorn

    from .web.app import create_app

    app = create_app(db_path, token=os.environ.get("COMMUNIQUE_TOKEN") or None)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("-v", "--verbose", is_flag=True, help="List what was missed and what was wrong.")
@click.pass_context
def evaluate(ctx, gold, output_format, verbose):
    """Score the coder against gold files: prints recall, precision and type accuracy.

    Reads the seed format ({"article", "publication_date_given", "events": [...]}, the article
    found beside the gold file) and the PLOVER gold standard format (a JSON list of coded
    sentences; its 0.5b1 labels DEMAND, DISAPPROVE, INVESTIGATE and FIGHT count as REQUEST,
    ACCUSE, ACCUSE and ASSAULT).
    """
    from .evaluate import evaluate_gold

    settings = _settings(ctx)
    for path in gold:
        scores = evaluate_gold(path, settings)
        if output_format == "json":
            click.echo(json.dumps({"gold": path, **scores}, ensure_ascii=False))
            continue
        line = (f"{path}: recall {scores['recall']:.3f}  precision {scores['precision']:.3f}  "
                f"type accuracy {scores['type_accuracy']:.3f}")
        if scores["format"] == "plover":
            line += (f"  ({scores['sentences']} sentences; actor countries: source "
                     f"{scores['source_accuracy']:.3f}, target {scores['target_accuracy']:.3f})")
        else:
            line += f"  duplicates {scores['duplicates']}"
        click.echo(line)
        if verbose:
            for item in scores.get("misses", []):
                click.echo(f"  missed: {item}")
            for article in scores.get("articles", []):
                click.echo(f"  {article['path']}: missed {article['missed']}")
                for wrong in article["unmatched"]:
                    click.echo(f"    unmatched: {wrong}")


def _run(ctx, pipeline: Pipeline, settings: Settings, paths, progress, desc: str, write) -> None:
    """Stream documents through the pipeline, write each result, and exit 1 if any failed."""
    failed = 0
    out = sys.stdout
    with _progress(progress, desc) as bar:
        for article in pipeline.pipe(iter_documents(_input_paths(paths), settings)):
            bar.update(1)
            if article.error is not None:
                failed += 1
                logger.warning("%s: %s %s", article.path or article.id, article.error.code, article.error)
            write(article, out)
    out.flush()
    ctx.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
