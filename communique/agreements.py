"""Agreements: the stored agreements as a list, newest first, by a party's country and a
topic, in the contract's Agreement shape (records/agreement.py)."""

from __future__ import annotations

import json

from .query import MAX_LIMIT, MAX_OFFSET, _bounded, _version, _where, country_code
from .records.agreement import Agreement, AgreementEvidence
from .store.schema import sentence_offset


def _agreement_conditions(party, topic) -> tuple[list[str], list]:
    party = country_code(party, "party")
    where, params = [], []
    if party:
        where.append("g.id IN (SELECT agreement_id FROM agreement_parties WHERE country = ?)")
        params.append(party)
    if topic:
        where.append("EXISTS (SELECT 1 FROM json_each(g.topics) WHERE value = ?)")
        params.append(topic.lower())
    return where, params


def agreements(connection, party=None, topic=None, limit=100, offset=0) -> list[dict]:
    """Agreements, newest first, by a party's country (code or name) and a topic."""
    return [
        agreement.to_dict() for agreement in _agreements(connection, party, topic, limit, offset)
    ]


def _agreements(connection, party, topic, limit, offset) -> list[Agreement]:
    where, params = _agreement_conditions(party, topic)
    version = _version(connection)
    if version >= 3:  # the sentence is the article's text between its offsets, unless stored
        columns = (
            "g.*, COALESCE(g.sentence, substr(a.text, g.sentence_start + 1, "
            "g.sentence_end - g.sentence_start)) AS evidence_sentence"
        )
    else:  # the sentence is stored, its offsets are not: found as the migration finds them
        columns = "g.*, g.sentence AS evidence_sentence, a.text AS article_text"
    sql = (
        f"SELECT {columns} FROM agreements g LEFT JOIN articles a ON a.id = g.article_id"
        + _where(where)
        + " ORDER BY g.date DESC, g.id LIMIT ? OFFSET ?"
    )
    rows = connection.execute(
        sql, [*params, _bounded(limit, MAX_LIMIT), _bounded(offset, MAX_OFFSET)]
    ).fetchall()
    return [_agreement(row, version) for row in rows]


def _agreement(row, version: int) -> Agreement:
    """A stored agreement. The table's ``start`` and ``end`` are its name's offsets; the
    evidence's ``start`` and ``end`` are the sentence's, as in ``communique code``."""
    sentence = row["evidence_sentence"]
    if version >= 3:
        start, end = row["sentence_start"], row["sentence_end"]
    else:
        start = sentence_offset(row["article_text"] or "", sentence, row["start"], row["end"])
        end = start + len(sentence) if start is not None else None
    evidence = AgreementEvidence(
        sentence=sentence,
        start=start,
        end=end,
        trigger=None,
        span_start=row["start"],
        span_end=row["end"],
        article_id=row["article_id"],
    )
    return Agreement(
        id=row["id"],
        parties=tuple(json.loads(row["parties"])),
        kind=row["kind"],
        title=row["title"],
        topics=tuple(json.loads(row["topics"])),
        status=row["status"],
        date=row["date"],
        evidence=evidence,
        num_articles=row["num_articles"],
    )


def count_agreements(connection, party=None, topic=None) -> int:
    where, params = _agreement_conditions(party, topic)
    return connection.execute(
        "SELECT COUNT(*) FROM agreements g" + _where(where), params
    ).fetchone()[0]
