"""Queries over the event database, shared by the command line, the HTTP API and the pages.

Every function takes an open connection (``store.db.connect(path, readonly=True)``) and
returns plain dicts: events in the contract's Event shape with ``num_mentions``,
``num_articles`` and ``num_sources`` beside it, and their evidence's article and its
language (``lang``).

Languages: an event is told in a language when one of its reports is (``lang=fr``: the
events French articles report), and is then shown with its first report in that language,
so that its evidence, and the ``lang`` of it, is in the language asked for. A database of
schema version 3 or older, read as it is, knows no language: no article and no event
matches a language there.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from datetime import date

from .geo_filters import PlaceFilterError, place_conditions
from .records.columns import event_from_row

MAX_LIMIT = 10_000
MAX_OFFSET = 2**62  # SQLite integers are 64-bit; any offset beyond the rows is as good
# The one rule by which every count, ranking, network, timeline and series counts events:
# an event reported as not happening ("did not attack") or as only possible ("could
# attack") is stored and listed, but counted nowhere. Lists show every event unless
# filtered (negated, modality).
COUNTED = "negated = 0 AND modality != 'hypothetical'"


def _bounded(value, high: int) -> int:
    """A page parameter clamped to [0, high], whatever the caller passed."""
    return max(0, min(int(value), high))


INTERVALS = ("day", "week", "month")
_CODE = re.compile(r"^[A-Z]{3}$")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
LANGUAGES_FROM = 4  # the schema version that stores articles' languages


class QueryError(ValueError):
    """A query that cannot be answered as asked (a bad date, country code or interval)."""


def country_code(value: str | None, name: str = "country") -> str | None:
    """A country given as a code (ISO 3166 alpha-3, or IGO) or by its name ("Russia", "the
    United States"), as the code the events carry."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if _CODE.match(value.upper()):
        return value.upper()
    code = _country_names().get(value.lower().removeprefix("the ").strip())
    if code is None:
        raise QueryError(
            f"{name}: {value!r} is neither a country code (ISO 3166 alpha-3, or "
            "IGO) nor a country name communique knows"
        )
    return code


def language_code(value: str | None) -> str | None:
    """A language filter as the store keeps languages: the code of two lower-case letters
    (ISO 639-1, "fr"; three for a language it has none for), given in any case; anything
    else is refused, never ignored."""
    if value is None or not value.strip():
        return None
    code = value.strip().lower()
    if not _LANGUAGE.fullmatch(code):
        raise QueryError(
            f"lang: {value!r} is not a language code: two or three letters (ISO 639), e.g. fr"
        )
    return code


def languages_known(connection) -> bool:
    """Whether the database keeps articles' languages (an older one is read as it is)."""
    return _version(connection) >= LANGUAGES_FROM


def country_label(code: str) -> str:
    """A country's name for a heading ("Russia (RUS)"); the code alone if unknown."""
    name = _country_titles().get(code)
    return f"{name} ({code})" if name else code


@functools.cache
def _country_titles() -> dict[str, str]:
    from .actors.gazetteer import load_country_table

    return {**load_country_table(), "IGO": "International organisations"}


@functools.cache
def _country_names() -> dict[str, str]:
    from .actors.gazetteer import country_names

    return country_names()


def _day(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(f"{name} must be a date as YYYY-MM-DD") from None


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query that cannot be a syntax error: each word quoted."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + word + '"' for word in words)


def _dyad_filter(source, target, either_direction: bool, where: list, params: list) -> None:
    if source and target and either_direction:
        where.append(
            "((source_country = ? AND target_country = ?) OR "
            "(source_country = ? AND target_country = ?))"
        )
        params += [source, target, target, source]
        return
    if source:
        where.append("source_country = ?")
        params.append(source)
    if target:
        where.append("target_country = ?")
        params.append(target)


def involving(country, where: list, params: list) -> None:
    """Events with the country (code or name) on either side."""
    country = country_code(country, "country")
    if country:
        where.append("(source_country = ? OR target_country = ?)")
        params += [country, country]


def _date_filter(since, until, where: list, params: list) -> None:
    since, until = _day(since, "since"), _day(until, "until")
    if since:
        where.append("date >= ?")
        params.append(since)
    if until:
        where.append("date <= ?")
        params.append(until)


def event_record(row: sqlite3.Row, evidence: sqlite3.Row | None = None) -> dict:
    """A stored event as the API and ``events --format jsonl`` give it: the Event of
    ``communique code`` with its counts, and its evidence's article."""
    return event_from_row(row, evidence).to_dict()


MODALITIES = ("asserted", "reported", "intended", "hypothetical")
SIDES = ("source", "target")


def _event_conditions(
    connection,
    source=None,
    target=None,
    either_direction=False,
    country=None,
    cameo=None,
    quad=None,
    since=None,
    until=None,
    q=None,
    article_id=None,
    sector=None,
    modality=None,
    negated=None,
    between_countries=False,
    actor=None,
    lang=None,
    near=None,
    bbox=None,
) -> tuple[list[str], list]:
    """The WHERE conditions (and their parameters) of an event filter; every list and count
    of events takes the same ones."""
    source, target = country_code(source, "source"), country_code(target, "target")
    where: list[str] = []
    params: list = []
    _dyad_filter(source, target, either_direction, where, params)
    _date_filter(since, until, where, params)
    involving(country, where, params)
    if between_countries:
        where.append(
            "source_country IS NOT NULL AND target_country IS NOT NULL "
            "AND source_country != target_country"
        )
    if cameo:
        if not str(cameo).isdigit() or len(str(cameo)) > 4:
            raise QueryError("cameo must be a CAMEO code or its first digits, e.g. 04 or 057")
        where.append("cameo LIKE ?")
        params.append(f"{cameo}%")
    if quad is not None:
        if str(quad) not in ("1", "2", "3", "4"):
            raise QueryError("quad must be 1, 2, 3 or 4")
        where.append("quad_class = ?")
        params.append(int(quad))
    if sector:
        where.append(
            "("
            + " OR ".join(
                f"EXISTS (SELECT 1 FROM json_each({side}, '$.sectors') WHERE value = ?)"
                for side in SIDES
            )
            + ")"
        )
        params += [sector.strip().upper()] * 2
    if modality:
        if modality not in MODALITIES:
            raise QueryError(f"modality must be one of {', '.join(MODALITIES)}")
        where.append("modality = ?")
        params.append(modality)
    if negated is not None:
        where.append("negated = ?")
        params.append(int(bool(negated)))
    if actor:
        _actor_filter(actor, where, params)
    if q:
        words = fts_query(q)
        if not words:
            where.append("0")  # no word to look for: nothing matches
        else:
            where.append(
                "id IN (SELECT event_id FROM event_mentions WHERE article_id IN "
                "(SELECT id FROM articles WHERE rowid IN "
                "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)))"
            )
            params.append(words)
    if article_id:
        where.append("id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)")
        params.append(article_id)
    lang = language_code(lang)
    if lang and not languages_known(connection):
        where.append("0")  # no article has a known language: nothing matches
    elif lang:
        where.append(
            "id IN (SELECT event_id FROM event_mentions WHERE article_id IN "
            "(SELECT id FROM articles WHERE lang = ?))"
        )
        params.append(lang)
    if near or bbox:  # where the events happened (geo_filters.py)
        try:
            place_conditions(connection, near, bbox, _version(connection), where, params)
        except PlaceFilterError as error:
            raise QueryError(str(error)) from None
    return where, params


def _actor_filter(words: str, where: list, params: list) -> None:
    """Events whose source or target is named (its canonical name, or the words of the text
    that named it) with every one of ``words``: "Putin" finds Vladimir Putin's events."""
    terms = re.findall(r"\w+", words.lower())
    if not terms:
        raise QueryError("actor needs a name, e.g. Putin")
    sides = []
    for side in SIDES:
        fields = (
            f"lower(coalesce(json_extract({side}, '$.name'), '') || ' ' || "
            f"coalesce(json_extract({side}, '$.text'), ''))"
        )
        sides.append("(" + " AND ".join(f"{fields} LIKE ?" for _ in terms) + ")")
        params += [f"%{term}%" for term in terms]
    where.append("(" + " OR ".join(sides) + ")")


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def events(connection, limit=100, offset=0, **filters) -> list[dict]:
    """Events, newest first, filtered by any of the filters of ``_event_conditions``: source
    and target country (a dyad, in either direction if asked), a country on either side,
    only between two countries, CAMEO code prefix, QuadClass, sector, modality, negation,
    date range, an actor's name, words of the reporting articles and their language, and
    where they happened (``near`` "lat,lon,km", ``bbox`` "west,south,east,north")."""
    where, params = _event_conditions(connection, **filters)
    sql = (
        "SELECT * FROM events"
        + _where(where)
        + " ORDER BY date DESC, num_mentions DESC, id LIMIT ? OFFSET ?"
    )
    rows = connection.execute(
        sql, [*params, _bounded(limit, MAX_LIMIT), _bounded(offset, MAX_OFFSET)]
    ).fetchall()
    article_id, lang = filters.get("article_id"), language_code(filters.get("lang"))
    return [
        event_record(row, first_mention(connection, row["id"], article_id, lang)) for row in rows
    ]


def count_events(connection, **filters) -> int:
    """How many events ``events`` would list with these filters and no limit."""
    where, params = _event_conditions(connection, **filters)
    return connection.execute("SELECT COUNT(*) FROM events" + _where(where), params).fetchone()[0]


# A mention's sentence: stored only when the article's text (or title, for a headline event)
# does not give it back from the offsets (store/schema.py, version 3). Its article's language
# from version 4 on.
_MENTION = (
    "SELECT m.event_id, m.article_id, COALESCE(m.sentence, substr(CASE m.field "
    "WHEN 'title' THEN a.title ELSE a.text END, m.start + 1, m.\"end\" - m.start)) "
    'AS sentence, m.start, m."end", m.trigger, m.field, m.confidence, m.outlet, {lang} AS lang '
    "FROM event_mentions m LEFT JOIN articles a ON a.id = m.article_id "
)
# The mention of an event's first report (the one its fields come from), in SQL.
_FIRST_REPORT = (
    "m.article_id = e.first_article_id AND m.start IS e.first_start AND m.trigger = e.first_trigger"
)


def _version(connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def first_mention(
    connection, event_id: str, article_id: str | None = None, lang: str | None = None
):
    """The evidence of an event: the mention of its first report (the one its fields come
    from); with ``article_id``, its first mention in that article (first in the text); with
    ``lang``, its first report in that language (the first report if it is in it, else by
    article id, then first in the text: whatever the order they were stored in). A row with
    event_id, article_id, sentence, start, end, trigger, field, confidence, outlet and the
    article's lang."""
    version = _version(connection)
    mention = _MENTION.format(lang="a.lang" if version >= LANGUAGES_FROM else "NULL")
    if article_id:
        return connection.execute(
            mention + "WHERE m.event_id = ? AND m.article_id = ? "
            "ORDER BY m.start, m.trigger LIMIT 1",
            (event_id, article_id),
        ).fetchone()
    if lang and version >= LANGUAGES_FROM:
        row = connection.execute(
            mention + "JOIN events e ON e.id = m.event_id WHERE m.event_id = ? AND a.lang = ? "
            f"ORDER BY ({_FIRST_REPORT}) DESC, m.article_id, m.start, m.trigger LIMIT 1",
            (event_id, lang),
        ).fetchone()
        if row is not None:
            return row
    if version >= 3:
        row = connection.execute(
            mention
            + f"JOIN events e ON e.id = m.event_id WHERE m.event_id = ? AND {_FIRST_REPORT}",
            (event_id,),
        ).fetchone()
        if row is not None:
            return row
    # Before version 3 (read as it is, e.g. from read-only media): the first stored mention.
    return connection.execute(
        mention + "WHERE m.event_id = ? ORDER BY m.rowid LIMIT 1", (event_id,)
    ).fetchone()


PERIODS = {
    "day": "date",
    "week": "date(date, '-6 days', 'weekday 1')",
    "month": "substr(date, 1, 7)",
}  # a week is named by its Monday


def overview(connection) -> dict:
    """Counts of what the database holds, and its ten busiest dyads."""
    from .dyads import dyads  # which builds on this module

    def count(sql: str) -> int:
        return connection.execute(sql).fetchone()[0]

    return {
        "articles": count("SELECT COUNT(*) FROM articles"),
        "duplicates": count("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "events": count("SELECT COUNT(*) FROM events"),
        "mentions": count("SELECT COUNT(*) FROM event_mentions"),
        "agreements": count("SELECT COUNT(*) FROM agreements"),
        "counted": count("SELECT COUNT(*) FROM events WHERE " + COUNTED),
        "dyads": dyads(connection, limit=10),
    }
