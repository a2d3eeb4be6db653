"""Commands that read documents: clean, actors, code, ingest, and eval against gold files."""

from __future__ import annotations

import json
import logging
import sys

import click

from .. import CODE_STAGES
from ..parallel import Runner
from ..records.event import Event
from ..stages import canonical_stages
from . import main
from .options import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    check_db_for_writing,
    check_folder,
    dictionary_option,
    executor_for_run,
    input_options,
    input_paths,
    load_settings,
    progress_bar,
    read_inputs,
    run_options,
    skipped_note,
)
from .terminal import printable

logger = logging.getLogger(__name__)


@main.command()
@input_options(
    ["jsonl", "text"],
    "jsonl: one record per document; text: the clean text only.",
    dictionaries=False,
)
def clean(ctx, paths, output_format, date, dedupe, batch_size, workers, scheduler, progress):
    """Extract the clean article text: title, date, source, text and removed boilerplate.

    Writes one JSON object per input document, in input order. A document that cannot be
    read gives {"id", "path", "error": {"code", "message"}} and the run goes on; the exit
    status is then 1.
    """
    settings = load_settings(ctx, default_date=date, dedupe=dedupe, batch_size=batch_size)

    def write(article, out):
        if output_format == "jsonl":
            out.write(json.dumps(article.clean_record(), ensure_ascii=False) + "\n")
        elif article.error is None:
            out.write(
                printable((f"{article.title}\n\n" if article.title else "") + article.text) + "\n\n"
            )

    _run(
        ctx,
        settings,
        canonical_stages(last="dedupe"),
        paths,
        workers,
        scheduler,
        progress,
        "clean",
        write,
    )


@main.command()
@input_options(
    ["jsonl", "table"],
    "jsonl: one record per document; table: one line per actor.",
    "; picks office holders",
)
def actors(ctx, paths, output_format, date, dedupe, batch_size, workers, scheduler, progress):
    """Find and code every actor mention: country (ISO 3166 alpha-3 or IGO) and sectors.

    Writes one {"id", "path", "actors": [...]} per input document; each actor carries its
    code, country, sectors, name, text, group, kind and the start and end offsets of its
    mention in the clean text. Group references ("these countries") give one actor per
    member, each naming the group.
    """
    settings = load_settings(ctx, default_date=date, dedupe=dedupe, batch_size=batch_size)

    def write(article, out):
        if output_format == "jsonl":
            out.write(json.dumps(article.actors_record(), ensure_ascii=False) + "\n")
            return
        for actor in article.actors_record().get("actors", []):
            out.write(
                "\t".join(
                    [
                        article.id,
                        str(actor["start"]),
                        str(actor["end"]),
                        actor["code"] or "-",
                        actor["country"] or "-",
                        ",".join(actor["sectors"]) or "-",
                        actor["group"] or "-",
                        printable(actor["text"].replace("\n", " ")),
                    ]
                )
                + "\n"
            )

    _run(
        ctx,
        settings,
        canonical_stages(last="actors"),
        paths,
        workers,
        scheduler,
        progress,
        "actors",
        write,
    )


@main.command()
@input_options(
    ["jsonl", "table"],
    "jsonl: one record per document; table: one line per event.",
    "; anchors event dates",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    help="Write Parquet shards (events/, articles/, agreements/) to this directory "
    "instead of records to stdout.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Print, for each event, its clause, the pattern that fired (file and line), "
    "each actor's rule and dependency path, and the actors not taken.",
)
def code(
    ctx,
    paths,
    output_format,
    date,
    dedupe,
    batch_size,
    workers,
    scheduler,
    progress,
    out_dir,
    explain,
):
    """Code events: who did what to whom, when and where, in CAMEO and PLOVER.

    Writes one {"id", "path", "title", "date", "source", "url", "text", "duplicate_of",
    "events", "agreements", "warnings"} per input document, in input order. Each event has
    its source and target actors, CAMEO code, Goldstein value, QuadClass, PLOVER event,
    date, location, modality, negation and evidence (the sentence and its offsets in text).

    With --out DIR, writes one Parquet shard per batch instead, in DIR/events,
    DIR/articles (error records too) and DIR/agreements: for corpora too large for one file.
    """
    settings = load_settings(ctx, default_date=date, dedupe=dedupe, batch_size=batch_size)

    def write(article, out):
        if explain:
            from ..events.explain import explanation_text

            text = explanation_text(article)
            if text:
                out.write(printable(text) + "\n\n")
            return
        if output_format == "jsonl":
            out.write(json.dumps(article.code_record(), ensure_ascii=False) + "\n")
            return
        for event in map(Event.from_dict, article.events):
            target = event.target.code if event.target else None
            sentence = event.evidence.sentence.replace("\n", " ")[:120]
            out.write(
                "\t".join(
                    [
                        article.id,
                        event.date or "-",
                        event.source.code or "-",
                        target or "-",
                        event.cameo,
                        event.modality,
                        "negated" if event.negated else "-",
                        printable(event.evidence.trigger),
                        printable(sentence),
                    ]
                )
                + "\n"
            )

    if out_dir is None:
        stages = (*CODE_STAGES, "explain") if explain else CODE_STAGES
        _run(ctx, settings, stages, paths, workers, scheduler, progress, "code", write)
        return
    from ..store.shards import ShardWriter

    check_folder(out_dir, "'--out'", create=True)
    shards = []  # made at the first partition: a run without documents leaves DIR as it was

    def write_shards(articles):
        if not shards:
            shards.append(ShardWriter(out_dir))
        shards[0].write(articles)

    def summary() -> str:
        if not shards:
            return f"nothing written to {out_dir}"
        done = shards[0]
        return (
            f"{done.articles} articles, {done.events} events and {done.agreements} "
            f"agreements written to {out_dir} in {done.count} shards"
        )

    _run(
        ctx,
        settings,
        CODE_STAGES,
        paths,
        workers,
        scheduler,
        progress,
        "code",
        on_partition=write_shards,
        summary=summary,
    )


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--db",
    "db_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="The SQLite database to create or add to.",
)
@run_options()
def ingest(ctx, paths, db_path, date, dedupe, batch_size, workers, scheduler, progress):
    """Code documents and store them, their events and agreements in a SQLite database.

    Idempotent: the same document again (same path or URL, same content) adds nothing; the
    same text under another path or URL is another report of the story, stored as a
    duplicate and counted in its events' num_articles. Each batch is one transaction, so an
    interrupted run resumes to the same result. The database is the same whether one
    process, several or a Dask cluster did the coding. Prints a summary on stderr.
    """
    from ..errors import NotADatabase
    from ..store.ingest import ingest as run_ingest

    settings = load_settings(ctx, default_date=date, dedupe=dedupe, batch_size=batch_size)
    check_db_for_writing(db_path)
    paths = input_paths(paths)
    documents, stats = read_inputs(paths, settings)
    with (
        progress_bar(progress, "ingest", paths, settings) as bar,
        executor_for_run(settings, CODE_STAGES, documents, workers, scheduler) as (
            executor,
            documents,
        ),
    ):
        try:
            report = run_ingest(
                documents, db_path, settings, on_batch=bar.update, executor=executor
            )
        except NotADatabase as error:  # an SQLite file of another program, say
            raise click.BadParameter(f"{error.code}: {error}", param_hint="'--db'") from None
    for article in report.failed:
        logger.warning("%s: %s %s", article.path or article.id, article.error.code, article.error)
    click.echo(
        f"{report.documents} documents: {report.articles} articles stored "
        f"({report.duplicates} duplicates), {report.skipped} already stored, "
        f"{len(report.failed)} failed; {report.events} new events, "
        f"{report.mentions} event mentions{skipped_note(stats)}",
        err=True,
    )
    _log_timings(report.seconds)
    ctx.exit(EXIT_SOME_FAILED if report.failed else EXIT_OK)


@main.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False),
    help="Folder the gold's article paths are relative to (default: the gold file's folder).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option("-v", "--verbose", is_flag=True, help="List what was missed and what was wrong.")
@dictionary_option()
@click.pass_context
def evaluate(ctx, gold, corpus, output_format, verbose):
    """Score the coder against gold files: prints recall, precision and type accuracy.

    Reads the seed format ({"article", "publication_date_given", "events": [...]}), the
    holdout format ({"articles": [{"path" or "doc_id", "events"}]}: files by path, JSONL
    stories by their id in the file at "path"), both under --corpus, and the PLOVER gold
    standard format (a JSON list of coded sentences; its 0.5b1 labels DEMAND, DISAPPROVE,
    INVESTIGATE and FIGHT count as REQUEST, ACCUSE, ACCUSE and ASSAULT). Only international
    events count, by the rules of the project's scorer.
    """
    from ..evaluate import evaluate_gold

    settings = load_settings(ctx)
    for path in gold:
        score = evaluate_gold(path, settings, corpus)  # counts; ratios are made from them here
        scores = score.as_dict()
        if output_format == "json":
            click.echo(json.dumps({"gold": path, **scores}, ensure_ascii=False))
            continue
        click.echo(_eval_line(path, score))
        if verbose:
            for item in scores.get("misses", []):
                click.echo(f"  missed: {item}")
            for article in scores.get("articles", []):
                click.echo(f"  {article['path']}: missed {article['missed']}")
                for wrong in article["unmatched"]:
                    click.echo(f"    unmatched: {wrong}")


def _eval_line(path, score) -> str:
    line = (
        f"{path}: recall {score.recall:.3f}  precision {score.precision:.3f}  "
        f"type accuracy {score.type_accuracy:.3f}"
    )
    if score.kind == "plover":
        actors, coded = score.actors, score.coded
        return line + (
            f"  ({score.sentences} sentences; actor countries: source "
            f"{actors['source'].accuracy:.3f}, target {actors['target'].accuracy:.3f}; "
            f"through the coded events: source {coded['source'].accuracy:.3f}, "
            f"target {coded['target'].accuracy:.3f})"
        )
    counts = score.counts
    return line + (
        f"  ({counts.found}/{counts.required} required, {counts.good}/"
        f"{counts.produced} produced)  duplicates {counts.duplicates}"
    )


def _run(
    ctx,
    settings,
    stages,
    paths,
    workers,
    scheduler,
    progress,
    desc: str,
    write=None,
    on_partition=None,
    summary=None,
) -> None:
    """Stream documents through ``stages``, hand each result to ``write`` (or each partition
    to ``on_partition``), print ``summary()`` on stderr if given, and exit 1 if any document
    failed. Files skipped for their extension are counted in the summary, or a warning."""
    failed = 0
    out = sys.stdout
    paths = input_paths(paths)
    documents, stats = read_inputs(paths, settings)
    with (
        progress_bar(progress, desc, paths, settings) as bar,
        executor_for_run(settings, stages, documents, workers, scheduler) as (executor, documents),
    ):
        runner = Runner(settings, stages, executor)
        for articles in runner.run(documents):
            bar.update(len(articles))
            for article in articles:
                if write is not None:
                    _write_record(write, article, out)
                if article.error is not None:
                    failed += 1
                    logger.warning(
                        "%s: %s %s", article.path or article.id, article.error.code, article.error
                    )
            if on_partition is not None:
                on_partition(articles)
    out.flush()
    if summary is not None:
        click.echo(summary() + skipped_note(stats), err=True)
    elif stats.skipped:
        logger.warning("%s", printable(stats.summary()))
    _log_timings(runner.seconds)
    ctx.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _write_record(write, article, out) -> None:
    """Write one result; one that cannot be written becomes its error record."""
    try:
        write(article, out)
    except (OSError, click.ClickException):
        raise  # the output itself is broken (a closed pipe, a full disk): nothing to go on with
    except Exception as error:  # noqa: BLE001 - one document must not stop the output
        from ..errors import InternalError

        logger.debug("writing %s failed", article.id, exc_info=True)
        article.error = InternalError(f"the result could not be written: {type(error).__name__}")
        out.write(json.dumps(article.error_record(), ensure_ascii=False) + "\n")


def _log_timings(seconds: dict) -> None:
    if seconds:
        logger.info(
            "time per stage: %s",
            ", ".join(f"{name} {value:.2f} s" for name, value in seconds.items()),
        )
