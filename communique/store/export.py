"""Exports of the event table in the formats users' tools read.

- ``csv`` and ``parquet``: one flat row per event (the columns of ``FLAT_COLUMNS``), which
  pandas and DuckDB load as they are;
- ``gdelt``: GDELT 2.0's event table, 61 tab-separated columns in GDELT's order, no header
  (as GDELT publishes it). Country codes are CAMEO's three letters; the Geo fields carry the
  place named in the text, without coordinates;
- ``plover``: one PLOVER JSON object a line (id, date, actor, recipient, event, mode,
  context, text, ...).
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from .. import query
from ..actors.gazetteer import load_gazetteer

FORMATS = ("gdelt", "plover", "csv", "parquet")

FLAT_COLUMNS = (
    ("id", "string"), ("date", "string"), ("date_precision", "string"),
    ("source_code", "string"), ("source_country", "string"), ("source_sectors", "string"),
    ("source_name", "string"), ("source_text", "string"), ("source_group", "string"),
    ("target_code", "string"), ("target_country", "string"), ("target_sectors", "string"),
    ("target_name", "string"), ("target_text", "string"), ("target_group", "string"),
    ("cameo", "string"), ("cameo_root", "string"), ("cameo_name", "string"),
    ("quad_class", "int64"), ("goldstein", "float64"),
    ("plover_event", "string"), ("plover_mode", "string"), ("plover_context", "string"),
    ("location_text", "string"), ("location_country", "string"),
    ("modality", "string"), ("negated", "bool"), ("historical", "bool"), ("headline", "bool"),
    ("agreement_id", "string"), ("confidence", "float64"),
    ("num_mentions", "int64"), ("num_articles", "int64"), ("num_sources", "int64"),
    ("article_id", "string"), ("sentence", "string"), ("trigger", "string"),
)

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{place}_{field}" for place in ("Actor1Geo", "Actor2Geo", "ActionGeo") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)


def arrow_schema(columns) :
    """The Arrow schema of a table given as (name, type) pairs like ``FLAT_COLUMNS``."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, kind in columns])


def _every_event(connection):
    """Every event, oldest first, streamed from one cursor (an export is not capped)."""
    for row in connection.cursor().execute("SELECT * FROM events ORDER BY date, id"):
        yield query.event_record(row, query.first_mention(connection, row["id"]))


def flat_row(event: dict) -> dict:
    row = {"id": event["id"], "date": event["date"], "date_precision": event["date_precision"]}
    for role in ("source", "target"):
        actor = event[role] or {}
        row[f"{role}_code"] = actor.get("code")
        row[f"{role}_country"] = actor.get("country")
        row[f"{role}_sectors"] = ",".join(actor.get("sectors") or []) or None
        row[f"{role}_name"] = actor.get("name")
        row[f"{role}_text"] = actor.get("text")
        row[f"{role}_group"] = actor.get("group")
    location = event["location"] or {}
    evidence = event.get("evidence") or {}
    row.update({
        "cameo": event["cameo"], "cameo_root": event["cameo_root"],
        "cameo_name": event["cameo_name"], "quad_class": event["quad_class"],
        "goldstein": event["goldstein"], "plover_event": event["plover"]["event"],
        "plover_mode": event["plover"]["mode"],
        "plover_context": ",".join(event["plover"]["context"]) or None,
        "location_text": location.get("text"), "location_country": location.get("country"),
        "modality": event["modality"], "negated": event["negated"],
        "historical": event["historical"], "headline": event["headline"],
        "agreement_id": event["agreement_id"], "confidence": event["confidence"],
        "num_mentions": event["num_mentions"], "num_articles": event["num_articles"],
        "num_sources": event["num_sources"], "article_id": evidence.get("article_id"),
        "sentence": evidence.get("sentence"), "trigger": evidence.get("trigger"),
    })
    return row


def gdelt_row(event: dict, article: dict | None) -> list:
    gazetteer = load_gazetteer()
    day = (event["date"] or "").replace("-", "")
    year = day[:4]
    fraction = ""
    if len(day) == 8:
        fraction = f"{int(year) + (int(day[4:6]) * 30 + int(day[6:8])) / 365:.4f}"
    cells: list = [int(event["id"][:15], 16), day, day[:6], year, fraction]
    for actor in (event["source"], event["target"] or {}):
        country = actor.get("country")
        cameo_country = "IGO" if country == "IGO" else (gazetteer.cameo_codes.get(country, country)
                                                         if country else "")
        sectors = list(actor.get("sectors") or [])
        known_group = actor.get("code") if actor.get("kind") == "organisation" else ""
        cells += [actor.get("code") or "", (actor.get("name") or actor.get("text") or "").upper(),
                  cameo_country or "", known_group or "", "", "", "",
                  *(sectors + ["", "", ""])[:3]]
    evidence = event.get("evidence") or {}
    cells += [1 if evidence.get("start") == 0 else 0, event["cameo"],
              event["cameo"][:3], event["cameo_root"], event["quad_class"], event["goldstein"],
              event["num_mentions"], event["num_sources"], event["num_articles"], ""]
    location = event["location"] or {}
    empty_geo = ["", "", "", "", "", "", "", ""]
    action_geo = ([1, location["text"], location.get("country") or "", "", "", "", "", ""]
                  if location.get("text") else empty_geo)
    cells += empty_geo + empty_geo + action_geo
    added = ((article or {}).get("date") or event["date"] or "").replace("-", "")
    cells += [added + "000000" if added else "",
              (article or {}).get("url") or (article or {}).get("path") or ""]
    return cells


def export(connection, output_format: str, out: Path) -> int:
    """Write every event to ``out``; returns the number of events written."""
    if output_format not in FORMATS:
        raise ValueError(f"unknown format {output_format}; known: {', '.join(FORMATS)}")
    out = Path(out)
    count = 0
    if output_format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [flat_row(event) for event in _every_event(connection)]
        pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(FLAT_COLUMNS)), out)
        return len(rows)
    articles = {}
    with open(out, "w", encoding="utf-8", newline="") as fh:
        if output_format == "csv":
            writer = csv.DictWriter(fh, fieldnames=[name for name, _ in FLAT_COLUMNS])
            writer.writeheader()
        elif output_format == "gdelt":
            writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                                escapechar="\\")
        for event in _every_event(connection):
            count += 1
            if output_format == "csv":
                writer.writerow(flat_row(event))
            elif output_format == "gdelt":
                article_id = (event.get("evidence") or {}).get("article_id")
                if article_id not in articles:
                    row = connection.execute("SELECT path, url, date FROM articles WHERE id = ?",
                                             (article_id,)).fetchone()
                    articles[article_id] = dict(row) if row else None
                writer.writerow([_tsv(cell) for cell in gdelt_row(event, articles[article_id])])
            else:
                fh.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
    return count


def _tsv(cell):
    return cell.replace("\t", " ").replace("\n", " ") if isinstance(cell, str) else cell


def plover_record(event: dict) -> dict:
    """An event as a PLOVER record (field names of the PLOVER specification)."""
    evidence = event.get("evidence") or {}

    def actor(value):
        if not value:
            return None
        return {"actorText": value.get("text"), "code": value.get("country") or value.get("code"),
                "sector": ",".join(value.get("sectors") or []) or None,
                "group": value.get("group")}

    return {"id": event["id"], "date": event["date"], "datePrecision": event["date_precision"],
            "actor": actor(event["source"]), "recipient": actor(event["target"]),
            "event": event["plover"]["event"], "mode": event["plover"]["mode"],
            "context": event["plover"]["context"], "cameo": event["cameo"],
            "text": evidence.get("sentence"), "eventText": evidence.get("trigger"),
            "location": event["location"], "negated": event["negated"],
            "modality": event["modality"], "historical": event["historical"],
            "numMentions": event["num_mentions"], "numArticles": event["num_articles"],
            "numSources": event["num_sources"]}
