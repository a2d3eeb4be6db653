"""`communique series` as analysts use it: the real command on a real database made by
`communique ingest`, read back with the csv module and pyarrow.

The database holds, between two countries each:
- Japan -> China on 2025-01-15 and 2025-12-10 (one event each, verbal conflict: an official
  complaint, 114, -2.0);
- Russia -> Mali on 2025-06-04, with a negated event (Russia -> Niger, "did not sign") and
  a hypothetical one (Russia -> Ukraine, "could attack") that must count nowhere, and
  "officials warned" about Russia (one coded country: Russia);
- France -> Germany dated only to March 2025 (month precision).
"""

import csv
import datetime as dt
import io
import sqlite3

import pyarrow as pa
import pyarrow.parquet
import pytest
from click.testing import CliRunner

from communique.cli import main
from communique.query import QueryError
from communique.series import columns, series
from tests.conftest import run_cli

INGESTS = {  # publication date: {file name: text}
    "2025-01-15": {"january.txt": "Japan protested to China over the islands.\n"},
    "2025-12-10": {"december.txt": "Japan protested to China over the fishing boats.\n"},
    "2025-06-04": {
        "june.txt": "Russia signed an agreement with Mali. Russia did not sign a defence pact "
        "with Niger. Russia could attack Ukraine, officials warned.\n",
        "march.txt": "In March 2025, France condemned Germany over the budget.\n",
    },
}
MONTHS = [f"2025-{month:02d}" for month in range(1, 13)]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("series")
    path = folder / "events.db"
    for day, texts in INGESTS.items():
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
        # In this process (CliRunner): the language model is loaded once for all three.
        result = CliRunner().invoke(
            main,
            ["ingest", *(str(folder / name) for name in texts), "--db", str(path), "--date", day],
        )
        assert result.exit_code == 0, result.output
    return path


def run_series(db, *options: str) -> tuple[list[dict], str]:
    """The CSV rows of `communique series` (a subprocess, as a user's script runs it) and
    its stderr."""
    run = run_cli("series", "--db", db, *options)
    assert run.returncode == 0, run.stderr.decode()
    return list(csv.DictReader(io.StringIO(run.stdout.decode(), newline=""))), run.stderr.decode()


def of(rows: list[dict], **key) -> list[dict]:
    return [row for row in rows if all(row[name] == value for name, value in key.items())]


def test_dyad_month_series_is_zero_filled_between_two_events(db):
    rows, stderr = run_series(db, "--by", "dyad", "--period", "month")
    assert list(rows[0]) == list(columns("dyad"))
    dyad = of(rows, a="CHN", b="JPN")  # Japan -> China, named in alphabetical order
    assert [row["period"] for row in dyad] == MONTHS
    assert [row["start"] for row in dyad] == [f"{month}-01" for month in MONTHS]
    assert [int(row["events"]) for row in dyad] == [1] + [0] * 10 + [1]
    for row in (dyad[0], dyad[-1]):
        assert (row["quad1"], row["quad2"], row["quad3"], row["quad4"]) == ("0", "0", "1", "0")
        assert float(row["goldstein_sum"]) == float(row["goldstein_mean"]) == -2.0
    for row in dyad[1:-1]:
        assert row["goldstein_mean"] == ""  # unknown, not a neutral 0
        assert float(row["goldstein_sum"]) == 0 and row["quad3"] == "0"
    # Every dyad gets every month; rows are ordered by key, then period.
    assert {(row["a"], row["b"]) for row in rows} == {
        ("CHN", "JPN"),
        ("DEU", "FRA"),
        ("MLI", "RUS"),
    }
    assert [(row["a"], row["b"], row["period"]) for row in rows] == sorted(
        (row["a"], row["b"], row["period"]) for row in rows
    )
    assert int(of(rows, a="DEU", b="FRA", period="2025-03")[0]["events"]) == 1  # month precision
    assert "36 rows (12 periods x 3 dyads) written to stdout" in stderr


def test_by_country_counts_each_country_of_an_event_once(db):
    rows, stderr = run_series(db, "--by", "country")
    assert list(rows[0]) == list(columns("country"))
    # Niger and Ukraine have only a negated and a hypothetical event: no series at all.
    assert {row["country"] for row in rows} == {"CHN", "DEU", "FRA", "JPN", "MLI", "RUS"}
    assert all(len(of(rows, country=code)) == 12 for code in ("CHN", "RUS"))
    assert [int(row["events"]) for row in of(rows, country="JPN")] == [1] + [0] * 10 + [1]
    # Russia -> Mali, and "officials warned" (only Russia coded): 2 events in June.
    [june] = of(rows, country="RUS", period="2025-06")
    assert (june["events"], june["quad1"], june["quad3"]) == ("2", "1", "1")
    assert int(of(rows, country="MLI", period="2025-06")[0]["events"]) == 1
    assert "72 rows (12 periods x 6 countries)" in stderr


def test_negated_and_hypothetical_events_are_not_counted(db):
    with sqlite3.connect(db) as connection:  # they are stored...
        stored = set(
            connection.execute(
                "SELECT target_country, negated, modality FROM events WHERE source_country = 'RUS'"
            )
        )
    assert {("NER", 1, "asserted"), ("UKR", 0, "hypothetical"), ("MLI", 0, "asserted")} <= stored
    rows, _ = run_series(db, "--by", "dyad", "--period", "month")
    assert not of(rows, a="NER") and not of(rows, b="NER")  # ...but counted nowhere
    assert not of(rows, b="UKR")
    assert sum(int(row["events"]) for row in of(rows, a="MLI", b="RUS")) == 1


def test_week_periods_are_named_by_their_monday(db):
    run = run_cli("-v", "series", "--db", db, "--period", "week")
    assert run.returncode == 0, run.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(run.stdout.decode(), newline="")))
    dyad = of(rows, a="CHN", b="JPN")
    starts = [dt.date.fromisoformat(row["start"]) for row in dyad]
    assert all(row["period"] == row["start"] for row in dyad)
    assert all(start.weekday() == 0 for start in starts)  # Mondays
    assert all(
        later - earlier == dt.timedelta(days=7) for earlier, later in zip(starts, starts[1:])
    )
    assert (starts[0], starts[-1]) == (dt.date(2025, 1, 13), dt.date(2025, 12, 8))
    assert [row["events"] for row in dyad if row["events"] != "0"] == ["1", "1"]
    # France -> Germany is dated only to March: it has no week, so it is left out, and said so.
    assert not of(rows, a="DEU")
    assert "left out of the week series, dated only to a month or a year: 1" in run.stderr.decode()


def test_day_series_from_since_to_until(db):
    rows, stderr = run_series(
        db, "--period", "day", "--since", "2025-01-14", "--until", "2025-01-16"
    )
    assert [(row["period"], row["a"], row["b"], row["events"]) for row in rows] == [
        ("2025-01-14", "CHN", "JPN", "0"),
        ("2025-01-15", "CHN", "JPN", "1"),
        ("2025-01-16", "CHN", "JPN", "0"),
    ]
    assert "3 rows (3 periods x 1 dyad)" in stderr


def test_csv_and_parquet_files_hold_the_same_typed_rows(db, tmp_path):
    rows, _ = run_series(db, "--by", "country")
    out = tmp_path / "series.parquet"
    run = run_cli("series", "--db", db, "--by", "country", "--out", out)  # format from suffix
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout == b"" and f"written to {out}" in run.stderr.decode()
    table = pyarrow.parquet.read_table(out)
    assert table.schema.field("start").type == pa.date32()
    assert table.schema.field("period").type == pa.string()
    assert all(
        table.schema.field(name).type == pa.int64()
        for name in ("events", "quad1", "quad2", "quad3", "quad4")
    )
    assert table.schema.field("goldstein_mean").type == pa.float64()
    assert table.column_names == list(columns("country"))
    records = table.to_pylist()
    assert records[0]["start"] == dt.date(2025, 1, 1) and records[0]["events"] == 1
    assert table.column("goldstein_mean").null_count == sum(row["events"] == "0" for row in rows)
    assert [(r["country"], r["period"], r["events"], r["goldstein_sum"]) for r in records] == [
        (row["country"], row["period"], int(row["events"]), float(row["goldstein_sum"]))
        for row in rows
    ]
    csv_out = tmp_path / "series.csv"
    assert run_cli("series", "--db", db, "--by", "country", "--out", csv_out).returncode == 0
    with open(csv_out, encoding="utf-8", newline="") as fh:
        assert list(csv.DictReader(fh)) == rows
    assert sorted(path.name for path in tmp_path.iterdir()) == ["series.csv", "series.parquet"]


@pytest.mark.parametrize(
    "options, message",
    [
        (["--period", "year"], "Invalid value for '--period'"),
        (["--by", "region"], "Invalid value for '--by'"),
        (["--since", "last week"], "YYYY-MM-DD"),
        (["--since", "2025-12-01", "--until", "2025-01-01"], "since (2025-12-01) is after until"),
        (["--format", "parquet"], "--format parquet needs --out"),
        (["--out", "{tmp}/no/such/folder/series.csv"], "does not exist"),
    ],
)
def test_bad_options_exit_2_with_one_message(db, tmp_path, options, message):
    run = run_cli("series", "--db", db, *(option.format(tmp=tmp_path) for option in options))
    stderr = run.stderr.decode()
    assert run.returncode == 2, stderr
    assert message in stderr and "Traceback" not in stderr and run.stdout == b""


def test_the_library_refuses_a_bad_key_or_period(db):
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        with pytest.raises(QueryError, match="by must be one of dyad, country"):
            series(connection, by="region")
        with pytest.raises(QueryError, match="period must be one of day, week, month"):
            series(connection, period="year")
        with pytest.raises(QueryError, match="until must be a date"):
            series(connection, until="2025-13-01")
        assert series(connection, since="2030-01-01") == []
