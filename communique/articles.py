"""Articles: the stored articles as a list (by language) and one at a time with a page of its
events.

An article's ``lang`` is the language the clean stage identified (ISO 639-1), None for an
article stored before the store kept languages (schema version 4) and for every article of
an older database read as it is: a list by language never includes those.
"""

from __future__ import annotations

from .query import (
    MAX_LIMIT,
    MAX_OFFSET,
    _bounded,
    _where,
    events,
    language_code,
    languages_known,
)


def _conditions(connection, lang) -> tuple[list[str], list]:
    lang = language_code(lang)
    if not lang:
        return [], []
    return (["lang = ?"], [lang]) if languages_known(connection) else (["0"], [])


def articles(connection, limit=100, offset=0, lang=None) -> list[dict]:
    """Stored articles without their text, newest first, each with its language (None when
    not known) and its count of events; ``lang``: only those in that language."""
    where, params = _conditions(connection, lang)
    language = "lang" if languages_known(connection) else "NULL AS lang"
    rows = connection.execute(
        f"SELECT id, path, url, title, date, source, {language}, duplicate_of, (SELECT "
        "COUNT(DISTINCT event_id) FROM event_mentions m WHERE m.article_id = articles.id) "
        "AS events FROM articles" + _where(where) + " ORDER BY date DESC, id LIMIT ? OFFSET ?",
        [*params, _bounded(limit, MAX_LIMIT), _bounded(offset, MAX_OFFSET)],
    ).fetchall()
    return [dict(row) for row in rows]


def count_articles(connection, lang=None) -> int:
    """How many articles ``articles`` would list with this filter and no limit."""
    where, params = _conditions(connection, lang)
    return connection.execute("SELECT COUNT(*) FROM articles" + _where(where), params).fetchone()[0]


def languages(connection) -> list[dict]:
    """The languages of the stored articles, the most frequent first: ``lang`` (None for the
    articles whose language is not known, listed last of equals) and ``articles``."""
    if not languages_known(connection):
        total = count_articles(connection)
        return [{"lang": None, "articles": total}] if total else []
    rows = connection.execute(
        "SELECT lang, COUNT(*) AS articles FROM articles GROUP BY lang "
        "ORDER BY articles DESC, lang IS NULL, lang"
    ).fetchall()
    return [dict(row) for row in rows]


def article(connection, article_id: str, limit: int = 100, offset: int = 0) -> dict | None:
    """One article with a page of its events (newest first, as ``events`` orders them) and
    ``events_total``, the count of them all. Paged because a long article may hold thousands
    of events: all of them made one answer of 48 MB."""
    row = connection.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    removed = connection.execute(
        "SELECT kind, text FROM removed_blocks WHERE article_id = ? ORDER BY position",
        (article_id,),
    ).fetchall()
    total = connection.execute(
        "SELECT COUNT(DISTINCT event_id) FROM event_mentions WHERE article_id = ?", (article_id,)
    ).fetchone()[0]
    return {
        "id": row["id"],
        "path": row["path"],
        "url": row["url"],
        "title": row["title"],
        "date": row["date"],
        "source": row["source"],
        "lang": row["lang"] if "lang" in row.keys() else None,  # none before version 4
        "text": row["text"],
        "duplicate_of": row["duplicate_of"],
        "removed": [dict(block) for block in removed],
        "events": events(connection, article_id=article_id, limit=limit, offset=offset),
        "events_total": total,
    }
