"""The events do not depend on the order the reports were stored in: an event is a chain of
reports of one kind a day apart, named and described by its first report (store/merge.py)."""

import itertools
import json
import sqlite3
from contextlib import closing

import pytest

from communique import Settings, query
from communique.ingest.readers import iter_documents
from communique.store.db import connect
from communique.store.ingest import ingest
from tests.conftest import shared_path

SETTINGS = Settings()


def events_of(db) -> list[tuple]:
    """Every event with what a user sees of it: id, kind, first and last day, counts, the
    first report's article, and its evidence."""
    with closing(sqlite3.connect(db)) as connection:
        rows = connection.execute(
            "SELECT id, source_code, target_code, cameo, negated, headline, date, last_date, "
            "num_mentions, num_articles, num_sources, first_article_id, source, location_text "
            "FROM events"
        ).fetchall()
    readonly = connect(db, readonly=True)
    evidence = {e["id"]: e["evidence"] for e in query.events(readonly, limit=query.MAX_LIMIT)}
    readonly.close()
    return sorted((*row, json.dumps(evidence[row[0]], sort_keys=True)) for row in rows)


def write_jsonl(path, documents) -> str:
    path.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    return str(path)


# Reports of one event on the 23rd, 24th and 25th (a chain), and another on the 28th.
CHAIN = [
    {
        "id": "monday",
        "date": "2025-06-23",
        "source": "Ahram",
        "text": "Egypt condemned Israel in a statement.",
    },
    {
        "id": "tuesday",
        "date": "2025-06-24",
        "source": "Petra",
        "text": "Egypt condemned Israel, officials said.",
    },
    {
        "id": "wednesday",
        "date": "2025-06-25",
        "source": "Reuters",
        "text": "Egypt condemned Israel over the raid.",
    },
    {
        "id": "saturday",
        "date": "2025-06-28",
        "source": "Ahram",
        "text": "Egypt condemned Israel again.",
    },
]


def test_a_chain_of_reports_is_one_event_whatever_the_order(tmp_path):
    """Monday's and Wednesday's reports alone are two events; Tuesday's joins them. Every
    order of the four gives the same events, ids and evidence."""
    files = [write_jsonl(tmp_path / f"{d['id']}.jsonl", [d]) for d in CHAIN]
    seen = set()
    for n, order in enumerate(itertools.permutations(files)):
        db = tmp_path / f"order-{n}.db"
        for path in order:
            ingest(iter_documents([path], SETTINGS), db, SETTINGS)
        condemn = sorted((e for e in events_of(db) if e[3] == "111"), key=lambda e: e[6])
        assert [(e[6], e[7], e[8], e[9], e[10]) for e in condemn] == [
            ("2025-06-23", "2025-06-25", 3, 3, 3),
            ("2025-06-28", "2025-06-28", 1, 1, 1),
        ], order
        seen.add(tuple(events_of(db)))
    assert len(seen) == 1


def test_bridging_two_events_merges_them_and_renames_by_the_first_day(tmp_path):
    db = tmp_path / "bridge.db"
    monday, tuesday, wednesday, _ = (write_jsonl(tmp_path / f"{d['id']}.jsonl", [d]) for d in CHAIN)
    for path in (wednesday, monday):
        ingest(iter_documents([path], SETTINGS), db, SETTINGS)
    apart = sorted((e for e in events_of(db) if e[3] == "111"), key=lambda e: e[6])
    assert [(e[6], e[8]) for e in apart] == [("2025-06-23", 1), ("2025-06-25", 1)]
    ingest(iter_documents([tuesday], SETTINGS), db, SETTINGS)
    (merged,) = [e for e in events_of(db) if e[3] == "111"]
    assert merged[0] == apart[0][0]  # the id of the chain starting on Monday
    assert (merged[6], merged[7], merged[8]) == ("2025-06-23", "2025-06-25", 3)
    with closing(sqlite3.connect(db)) as connection:  # no mention left pointing elsewhere
        assert (
            connection.execute(
                "SELECT COUNT(*) FROM event_mentions WHERE event_id NOT IN (SELECT id FROM events)"
            ).fetchone()[0]
            == 0
        )


def test_the_same_event_lookup_is_an_index_search(tmp_path):
    """No per-report scan: finding a report's chains reads the events_same index."""
    db = tmp_path / "plan.db"
    connect(db).close()
    with closing(sqlite3.connect(db)) as connection:
        plan = " ".join(
            str(tuple(row))
            for row in connection.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM events WHERE cameo = '111' AND source_code IS "
                "'EGY' AND target_code IS 'ISR' AND negated = 0 AND headline = 0 AND "
                "date <= '2025-06-25' ORDER BY date DESC LIMIT 2"
            )
        )
    assert "USING INDEX events_same" in plan and "TEMP B-TREE" not in plan


@pytest.mark.shared
def test_two_real_file_sets_give_the_same_events_in_either_order(tmp_path):
    """100 Reuters stories of 26 February to 2 March 1987, as two files (odd and even
    lines): before, 15 events had another first day depending on which file came first."""
    lines = (
        shared_path("data", "corpora", "reuters21578.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()[200:300]
    )
    odd = tmp_path / "odd.jsonl"
    even = tmp_path / "even.jsonl"
    odd.write_text("\n".join(lines[0::2]) + "\n", encoding="utf-8")
    even.write_text("\n".join(lines[1::2]) + "\n", encoding="utf-8")
    results = []
    for name, order in (("odd-even", (odd, even)), ("even-odd", (even, odd))):
        db = tmp_path / f"{name}.db"
        for path in order:
            ingest(iter_documents([str(path)], SETTINGS), db, SETTINGS)
        results.append(events_of(db))
    # enough events to tell the orders apart (198 now: trade figures are no events since
    # 2026-12-04)
    assert len(results[0]) > 150
    assert results[0] == results[1]
