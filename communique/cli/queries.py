"""Commands that answer questions from a database: events, agreements, dyads and dyad.

A list that stops at its limit says so on stderr ("showing 100 of 1,207 events (use
--limit or --all)"), so that `events --format csv > all.csv` can never pass for everything.
"""

from __future__ import annotations

import json
import logging
import sys
from contextlib import closing

import click

from . import main
from .database import _cell, _open_db, _query
from .terminal import printable

logger = logging.getLogger(__name__)

EVENT_TABLE = ("date", "source", "target", "cameo", "quad", "goldstein", "articles", "sentence")
COUNTRY_HELP = "(a code such as RUS, or a name such as Russia)"


def _limit(limit: int, every: bool) -> int:
    from ..query import MAX_OFFSET

    return MAX_OFFSET if every else limit


def _notice(shown: int, total: int, what: str) -> None:
    """The truncation notice, on stderr so that the rows on stdout stay clean data."""
    if shown < total:
        click.echo(f"showing {shown:,} of {total:,} {what} (use --limit or --all)", err=True)


def _all_option(command):
    return click.option("--all", "every", is_flag=True, help="Every match, with no limit.")(command)


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False))
@click.option("--country", help=f"A country on either side {COUNTRY_HELP}.")
@click.option("--source", help=f"Source country {COUNTRY_HELP}.")
@click.option("--target", help=f"Target country {COUNTRY_HELP}.")
@click.option(
    "--either-direction", is_flag=True, help="With --source and --target: both directions."
)
@click.option(
    "--between-countries", is_flag=True, help="Only events between two different known countries."
)
@click.option("--actor", help="Words of an actor's name (Putin, 'European Union').")
@click.option("--cameo", help="CAMEO code or its first digits (04, 057).")
@click.option("--quad", type=click.IntRange(1, 4), help="QuadClass: 1-4.")
@click.option("--sector", help="A sector code on either side (GOV, MIL, OPP, REB, ...).")
@click.option("--modality", type=click.Choice(["asserted", "reported", "intended", "hypothetical"]))
@click.option(
    "--negated/--not-negated",
    default=None,
    help="Only negated events ('did not attack'), or only the others.",
)
@click.option("--since", help="From this date (YYYY-MM-DD).")
@click.option("--until", help="Up to this date (YYYY-MM-DD).")
@click.option("-q", "--query", "text", help="Words the reporting articles contain.")
@click.option(
    "--lang",
    help="Events told in this language, an ISO 639-1 code such as fr (each shown with its "
    "first report in it).",
)
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True)
@_all_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "jsonl"]),
    default="table",
    show_default=True,
)
def events(db_path, limit, every, output_format, text, **filters):
    """List stored events, newest first; JSONL carries num_articles, num_sources, num_mentions,
    and the evidence's article and its language (lang)."""
    from .. import query
    from ..records.event import Event
    from ..store.export import write_csv

    filters["q"] = text
    with closing(_open_db(db_path)) as connection:
        found = _query(query.events, connection, limit=_limit(limit, every), **filters)
        total = _query(query.count_events, connection, **filters)
    out = sys.stdout
    if output_format == "jsonl":
        for event in found:
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
    elif output_format == "csv":
        # the columns and the formula guard of `export --format csv`
        write_csv(out, map(Event.from_dict, found))
    else:
        out.write("\t".join(EVENT_TABLE) + "\n")
        for event in map(Event.from_dict, found):
            target = event.target.code if event.target else None
            # Cut before escaping, so that an escape such as \x1b is never cut in half.
            out.write(
                "\t".join(
                    _cell(cell)
                    for cell in (
                        event.date or "-",
                        event.source.code or "-",
                        target or "-",
                        event.cameo,
                        event.quad_class,
                        event.goldstein,
                        event.counts.num_articles,
                        (event.evidence.sentence or "")[:100],
                    )
                )
                + "\n"
            )
    out.flush()
    _notice(len(found), total, "events")


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False))
@click.option("--party", help=f"A party's country {COUNTRY_HELP}.")
@click.option("--topic", help="A topic: trade, science, nuclear, energy, defence, ...")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True)
@_all_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
)
def agreements(db_path, party, topic, limit, every, output_format):
    """List stored agreements: parties, kind, status, topics and title."""
    from .. import agreements as agreements_query

    with closing(_open_db(db_path)) as connection:
        found = _query(
            agreements_query.agreements,
            connection,
            party=party,
            topic=topic,
            limit=_limit(limit, every),
        )
        total = _query(agreements_query.count_agreements, connection, party=party, topic=topic)
    for agreement in found:
        if output_format == "jsonl":
            click.echo(json.dumps(agreement, ensure_ascii=False))
        else:
            click.echo(
                "\t".join(
                    _cell(cell)
                    for cell in (
                        agreement["date"] or "-",
                        "-".join(agreement["parties"]),
                        agreement["kind"],
                        agreement["status"],
                        ",".join(agreement["topics"]) or "-",
                        agreement["title"],
                    )
                )
            )
    sys.stdout.flush()
    _notice(len(found), total, "agreements")


DYAD_TABLE = ("a", "b", "events", "a_to_b", "b_to_a", "cooperation", "conflict", "goldstein")


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False))
@click.option("--country", help=f"Only the dyads of this country {COUNTRY_HELP}.")
@click.option("--since", help="From this date (YYYY-MM-DD).")
@click.option("--until", help="Up to this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True)
@_all_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
)
def dyads(db_path, country, since, until, limit, every, output_format):
    """Rank the pairs of countries by their events, both directions together.

    Negated and hypothetical events are not counted, as everywhere counts are made (the API,
    the pages, the network and `series`)."""
    from .. import dyads as dyad_query

    with closing(_open_db(db_path)) as connection:
        found = _query(
            dyad_query.dyads,
            connection,
            since=since,
            until=until,
            country=country,
            limit=_limit(limit, every),
        )
        total = _query(
            dyad_query.count_dyads, connection, since=since, until=until, country=country
        )
    if output_format == "table":
        click.echo("\t".join(DYAD_TABLE))
    for row in found:
        if output_format == "jsonl":
            click.echo(json.dumps(row))
        else:
            click.echo("\t".join(_cell(row[column]) for column in DYAD_TABLE))
    sys.stdout.flush()
    _notice(len(found), total, "dyads")


@main.command()
@click.argument("a")
@click.argument("b")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False))
@click.option(
    "--interval", type=click.Choice(["day", "week", "month"]), default="month", show_default=True
)
@click.option("--one-way", is_flag=True, help="Only events from A to B.")
@click.option("--since", help="From this date (YYYY-MM-DD).")
@click.option("--until", help="Up to this date (YYYY-MM-DD).")
def dyad(a, b, db_path, interval, one_way, since, until):
    """A timeline of the relations between A and B: events per QuadClass and the Goldstein
    sum, every period from the first to the last shown (zeros where nothing happened)."""
    from .. import dyads as dyad_query

    with closing(_open_db(db_path)) as connection:
        periods = _query(
            dyad_query.dyad_timeline,
            connection,
            a,
            b,
            interval=interval,
            either_direction=not one_way,
            since=since,
            until=until,
        )
    if not any(p["events"] for p in periods):
        click.echo(f"no events between {printable(a.upper())} and {printable(b.upper())}")
        return
    width = max(p["events"] for p in periods)
    click.echo(
        f"{'period':<10}  {'verbal coop':>11} {'material coop':>13} {'verbal confl':>12} "
        f"{'material confl':>14}  {'goldstein':>9}"
    )
    for p in periods:
        bar = "+" * round(20 * (p["quad1"] + p["quad2"]) / width) + "-" * round(
            20 * (p["quad3"] + p["quad4"]) / width
        )
        click.echo(
            f"{p['period']:<10}  {p['quad1']:>11} {p['quad2']:>13} {p['quad3']:>12} "
            f"{p['quad4']:>14}  {p['goldstein']:>9.1f}  {bar}"
        )
