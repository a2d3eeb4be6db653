"""The schema and its migrations; the version is ``PRAGMA user_version``.

A new database is made by running every migration from version 0, so a new database and a
migrated one cannot drift apart. Migrations run in one ``BEGIN IMMEDIATE`` transaction that
reads the version again once it holds the write lock: two processes creating the same new
database at once wait for each other, and the second finds the work done (the ``IF NOT
EXISTS`` are a second guard, never the first).

Version 3 stores each piece of evidence once. A mention used to copy its whole sentence,
which the article's text already holds: an article of long sentences naming many countries
("Egypt condemned Israel and Jordan and Syria and ...") has as many events per sentence as
it names countries, and repeated each sentence for each of them (736 KB of such text made a
1 GB database). Now ``event_mentions.sentence`` and ``agreements.sentence`` are NULL when the
sentence is ``substr(text, start + 1, end - start)`` of the article (of its title for a
headline event, ``field = 'title'``), and hold the text only when it is not (never so far:
a guard, e.g. for a text holding a NUL character, where SQLite's substr stops). The view
``event_evidence`` gives every mention with its sentence, for SQL users and Datasette.

Version 4 keeps each article's language, ``articles.lang`` (ISO 639-1, as the clean stage
identified it), indexed for the lists and filters by language. A column added at the end
of a table, so a version-3 database migrates in place at once (SQLite rewrites no row);
its articles keep NULL, a language not known.

Version 5 keeps the place an event's location was resolved to (issue 19): GeoNames' name,
``location_lat``, ``location_lon``, the admin-1 key, the GeoNames id and feature code,
columns added at the end of ``events`` (in place, at once; older events keep NULL, not
located), and an index on the coordinates for the map and the ``bbox``/``near`` filters.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from ..errors import NotADatabase, SchemaTooNew
from .connection import LOCK_WAIT_SECONDS, write

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 5

V1 = [
    """CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY,            -- hash of locator and content
        content_hash TEXT NOT NULL,     -- hash of the clean text
        path TEXT, url TEXT, title TEXT, date TEXT, source TEXT,
        text TEXT NOT NULL,
        duplicate_of TEXT REFERENCES articles(id),
        warnings TEXT NOT NULL DEFAULT '[]'
    )""",
    "CREATE INDEX IF NOT EXISTS articles_content ON articles(content_hash)",
    """CREATE TABLE IF NOT EXISTS removed_blocks (
        article_id TEXT NOT NULL REFERENCES articles(id),
        position INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
    )""",
    """CREATE TABLE IF NOT EXISTS actors (
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, position INTEGER NOT NULL,
        code TEXT, country TEXT, sectors TEXT NOT NULL, name TEXT, text TEXT NOT NULL,
        "group" TEXT, kind TEXT, rule TEXT,
        PRIMARY KEY (article_id, position)
    )""",
    "CREATE INDEX IF NOT EXISTS actors_country ON actors(country)",
    """CREATE TABLE IF NOT EXISTS events (
        id TEXT PRIMARY KEY,
        date TEXT, date_precision TEXT,
        source_code TEXT, source_country TEXT, source TEXT NOT NULL,
        target_code TEXT, target_country TEXT, target TEXT,
        cameo TEXT NOT NULL, cameo_root TEXT NOT NULL, cameo_name TEXT NOT NULL,
        quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
        plover_event TEXT, plover_mode TEXT, plover_context TEXT NOT NULL,
        location_text TEXT, location_country TEXT,
        modality TEXT NOT NULL, negated INTEGER NOT NULL, historical INTEGER NOT NULL,
        headline INTEGER NOT NULL, agreement_id TEXT, confidence REAL NOT NULL,
        num_mentions INTEGER NOT NULL DEFAULT 0,
        num_articles INTEGER NOT NULL DEFAULT 0,
        num_sources INTEGER NOT NULL DEFAULT 0,
        first_article_id TEXT REFERENCES articles(id)
    )""",
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(source_country, target_country, date)",
    "CREATE INDEX IF NOT EXISTS events_target ON events(target_country, date)",
    "CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo)",
    "CREATE INDEX IF NOT EXISTS events_date ON events(date)",
    """CREATE TABLE IF NOT EXISTS event_mentions (
        event_id TEXT NOT NULL REFERENCES events(id),
        article_id TEXT NOT NULL REFERENCES articles(id),
        sentence TEXT NOT NULL, start INTEGER, "end" INTEGER, trigger TEXT NOT NULL,
        field TEXT NOT NULL, confidence REAL NOT NULL, outlet TEXT,
        PRIMARY KEY (event_id, article_id, start, trigger)
    )""",
    "CREATE INDEX IF NOT EXISTS event_mentions_article ON event_mentions(article_id)",
    """CREATE TABLE IF NOT EXISTS agreements (
        id TEXT PRIMARY KEY,
        parties TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, topics TEXT NOT NULL,
        status TEXT NOT NULL, date TEXT, article_id TEXT NOT NULL REFERENCES articles(id),
        sentence TEXT NOT NULL, start INTEGER, "end" INTEGER,
        num_articles INTEGER NOT NULL DEFAULT 1
    )""",
    """CREATE TABLE IF NOT EXISTS agreement_parties (
        agreement_id TEXT NOT NULL REFERENCES agreements(id), country TEXT NOT NULL,
        PRIMARY KEY (agreement_id, country)
    )""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid')""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
]

# The same-event lookup of every report (source, target, CAMEO, a day either side): 1.6 ms
# a report by the CAMEO index alone on the full corpora (35,000 events), 0.01 ms with this.
V2 = ["CREATE INDEX IF NOT EXISTS events_same ON events(cameo, source_code, target_code, date)"]

# The text a mention's offsets point into, in SQL: the query layer and the view use it.
SOURCE_TEXT = "CASE m.field WHEN 'title' THEN a.title ELSE a.text END"
MENTION_SENTENCE = f'COALESCE(m.sentence, substr({SOURCE_TEXT}, m.start + 1, m."end" - m.start))'

V3 = [
    # An event is a chain of reports a day apart (see merge.py): it keeps its last day, and
    # which report its fields come from (the first of its reports, whose mention is the
    # evidence shown with it).
    "ALTER TABLE events ADD COLUMN last_date TEXT",
    "ALTER TABLE events ADD COLUMN first_start INTEGER",
    "ALTER TABLE events ADD COLUMN first_trigger TEXT",
    "UPDATE events SET last_date = date",
    # Version 2 showed an event with its first stored mention; that one stays its evidence.
    """UPDATE events SET (first_start, first_trigger) = (
        SELECT start, trigger FROM event_mentions WHERE event_id = events.id
        ORDER BY rowid LIMIT 1)""",
    # Same-event lookups match negation and headline too, and look for the latest chain that
    # starts before a day: all in the index.
    "DROP INDEX IF EXISTS events_same",
    """CREATE INDEX events_same
        ON events(cameo, source_code, target_code, negated, headline, date)""",
    # A table's NOT NULL cannot be dropped in place: the table is made anew and the rows
    # copied (in their order), the sentence left out where the article gives it back.
    """CREATE TABLE event_mentions_v3 (
        event_id TEXT NOT NULL REFERENCES events(id),
        article_id TEXT NOT NULL REFERENCES articles(id),
        sentence TEXT,  -- NULL: substr of the article's text (or title) from start to end
        start INTEGER, "end" INTEGER, trigger TEXT NOT NULL,
        field TEXT NOT NULL, confidence REAL NOT NULL, outlet TEXT,
        PRIMARY KEY (event_id, article_id, start, trigger)
    )""",
    f"""INSERT INTO event_mentions_v3
        SELECT m.event_id, m.article_id,
               CASE WHEN m.sentence = substr({SOURCE_TEXT}, m.start + 1, m."end" - m.start)
                    THEN NULL ELSE m.sentence END,
               m.start, m."end", m.trigger, m.field, m.confidence, m.outlet
        FROM event_mentions m LEFT JOIN articles a ON a.id = m.article_id ORDER BY m.rowid""",
    "DROP TABLE event_mentions",
    "ALTER TABLE event_mentions_v3 RENAME TO event_mentions",
    "CREATE INDEX event_mentions_article ON event_mentions(article_id)",
    # An agreement's start and end are those of its name in the sentence; the sentence's own
    # offsets are new columns, filled by _agreement_sentences.
    """CREATE TABLE agreements_v3 (
        id TEXT PRIMARY KEY,
        parties TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, topics TEXT NOT NULL,
        status TEXT NOT NULL, date TEXT, article_id TEXT NOT NULL REFERENCES articles(id),
        sentence TEXT, start INTEGER, "end" INTEGER,
        num_articles INTEGER NOT NULL DEFAULT 1,
        sentence_start INTEGER, sentence_end INTEGER
    )""",
    "INSERT INTO agreements_v3 SELECT *, NULL, NULL FROM agreements ORDER BY rowid",
    "DROP TABLE agreements",
    "ALTER TABLE agreements_v3 RENAME TO agreements",
    f"""CREATE VIEW IF NOT EXISTS event_evidence AS
        SELECT m.event_id, m.article_id, {MENTION_SENTENCE} AS sentence, m.start, m."end",
               m.trigger, m.field, m.confidence, m.outlet
        FROM event_mentions m LEFT JOIN articles a ON a.id = m.article_id""",
]

# An article's language: NULL for those stored before version 4. The index serves the
# articles list by language and the events told in one (query.py).
V4 = [
    "ALTER TABLE articles ADD COLUMN lang TEXT",
    "CREATE INDEX IF NOT EXISTS articles_lang ON articles(lang)",
]


# Where each event happened, as the places stage resolved it (records/columns.py's place
# columns): NULL for events stored before version 5 and for events with no place.
V5 = [
    "ALTER TABLE events ADD COLUMN location_name TEXT",
    "ALTER TABLE events ADD COLUMN location_lat REAL",
    "ALTER TABLE events ADD COLUMN location_lon REAL",
    "ALTER TABLE events ADD COLUMN location_admin1 TEXT",
    "ALTER TABLE events ADD COLUMN location_geonameid INTEGER",
    "ALTER TABLE events ADD COLUMN location_feature TEXT",
    "CREATE INDEX IF NOT EXISTS events_location ON events(location_lat, location_lon)",
]


def _agreement_sentences(connection: sqlite3.Connection) -> None:
    """Version 3: find each stored agreement's sentence in its article (the occurrence that
    holds the agreement's name), keep its offsets and drop the copy."""
    rows = connection.execute(
        'SELECT g.id, g.sentence, g.start, g."end", a.text FROM agreements g '
        "JOIN articles a ON a.id = g.article_id WHERE g.sentence IS NOT NULL"
    ).fetchall()
    for row in rows:
        found = sentence_offset(row["text"], row["sentence"], row["start"], row["end"])
        if found is not None:
            connection.execute(
                "UPDATE agreements SET sentence = NULL, sentence_start = ?, "
                "sentence_end = ? WHERE id = ?",
                (found, found + len(row["sentence"]), row["id"]),
            )


def sentence_offset(text: str, sentence: str, start: int | None, end: int | None) -> int | None:
    """Where ``sentence`` is in ``text``, around the span [start, end) when given."""
    if not sentence or "\x00" in text:
        return None
    position = text.find(sentence)
    while position >= 0:
        if start is None or end is None or position <= start and end <= position + len(sentence):
            return position
        position = text.find(sentence, position + 1)
    return None


def insert(table: str, columns, verb: str = "INSERT") -> str:
    """An INSERT that names its columns (quoted: "end" and "group" are SQL words), so that it
    means the same whatever order a migration gave the table's columns."""
    names = ", ".join(f'"{column}"' for column in columns)
    return f"{verb} INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"


MIGRATIONS = {1: V1, 2: V2, 3: [*V3, _agreement_sentences], 4: V4, 5: V5}


def check_version(connection: sqlite3.Connection, path, readonly: bool) -> int:
    """The database's schema version; raises for one this communique cannot read."""
    # One statement, so one snapshot: read apart, another process could commit a new
    # database's whole schema in between (version 0, then tables: "not ours").
    version, tables = connection.execute(
        "SELECT (SELECT user_version FROM pragma_user_version), "
        "(SELECT COUNT(*) FROM sqlite_master)"
    ).fetchone()
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"the database {path} has schema version {version}; this communique "
            f"reads versions up to {SCHEMA_VERSION}: upgrade communique to read it"
        )
    if version == 0:
        if tables:
            raise NotADatabase(
                f"{path} is an SQLite database, but not a communique one (it "
                "has other tables): give --db a new file name"
            )
        if readonly:
            raise NotADatabase(
                f"{path} is an empty file, not a communique database: make one "
                "with `communique ingest`"
            )
    return version


def migrate(
    connection: sqlite3.Connection, path: str | Path = "", lock_wait: float = LOCK_WAIT_SECONDS
) -> int:
    """Bring the database to SCHEMA_VERSION, creating it if new; returns the version."""
    if check_version(connection, path, readonly=False) == SCHEMA_VERSION:
        return SCHEMA_VERSION

    def steps() -> int:
        version = check_version(connection, path, readonly=False)  # again, under the lock
        if version == 0:
            logger.info("%s: creating the database (schema version %d)", path, SCHEMA_VERSION)
        for step in range(version + 1, SCHEMA_VERSION + 1):
            if version:
                logger.info("%s: migrating to schema version %d", path, step)
            for statement in MIGRATIONS[step]:
                if callable(statement):
                    statement(connection)
                else:
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {step}")
        broken = connection.execute("PRAGMA foreign_key_check").fetchmany(5)
        if broken:
            logger.warning(
                "%s: rows whose references are missing (kept as they were): %s",
                path,
                [tuple(row) for row in broken],
            )
        return version

    # Tables are rebuilt: foreign keys are checked at the end, not on the way (the pragma
    # cannot change inside a transaction).
    connection.execute("PRAGMA foreign_keys = OFF")
    try:
        version = write(connection, steps, path, lock_wait)
    finally:
        connection.execute("PRAGMA foreign_keys = ON")
    if 0 < version < 3:
        _reclaim(connection, path)
    return SCHEMA_VERSION


def _reclaim(connection: sqlite3.Connection, path) -> None:
    """Give the space of the dropped copies back to the disk (VACUUM), when it is worth it.
    The database is correct either way, so a failure (another reader, a full disk) is a
    warning."""
    free, total = (
        connection.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("freelist_count", "page_count")
    )
    if free < 0.25 * total:
        return
    logger.info("%s: giving back %d unused pages of %d (VACUUM)", path, free, total)
    try:
        connection.execute("VACUUM")
    except sqlite3.Error as error:
        logger.warning(
            "%s: could not give the unused space back (%s); the database is "
            "correct, run VACUUM on it later to shrink it",
            path,
            error,
        )
