"""The formats of the dictionary files: their columns, how a file's format is recognised, how
a file is read, and the key by which a user's entry replaces a packaged one.

A TSV file opens with comment lines ("#") saying what its columns hold, then the column
header; "#" lines and blank lines are skipped wherever they are. A user's file has the format
of one of the packaged files (``FORMATS``), recognised by that file's name ("leaders.tsv")
or, under any name, by its column header: the format whose required columns the header has,
the most specific one when several fit (a leaders.tsv header has the columns of people.tsv
too). A YAML file is recognised by its name, or as a list of named items: organisations.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from srsly.ruamel_yaml import YAML


def words_key(value: str) -> str:
    """Pattern words as the loader reads them: "-" stands for none."""
    return " ".join(word for word in value.split() if word != "-")


@dataclass(frozen=True)
class Format:
    name: str  # the packaged file: "leaders.tsv"
    folder: str  # its folder under communique/: "events" or "actors"
    required: tuple[str, ...] = ()  # TSV columns; a YAML file has none
    optional: tuple[str, ...] = ()  # read as "" when a user's file leaves them out
    # The key of an entry, for a format a user may extend: a user's entry replaces the
    # packaged entries with the same key. None: a fixed table that user files are checked
    # against (CAMEO codes, sectors, countries) or a word list (grammar.yaml).
    key: Callable[[dict], object] | None = field(default=None, compare=False)

    @property
    def shown(self) -> str:
        return f"{self.folder}/{self.name}"

    @property
    def is_yaml(self) -> bool:
        return self.name.endswith(".yaml")

    @property
    def extendable(self) -> bool:
        return self.key is not None


def _folded(column: str) -> Callable[[dict], str]:
    return lambda row: row[column].casefold()


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "cameo.tsv",
            "events",
            (
                "code",
                "name",
                "goldstein",
                "quad_class",
                "plover_event",
                "plover_mode",
                "plover_context",
            ),
        ),
        Format(
            "patterns.tsv",
            "events",
            ("trigger", "words", "target", "code"),
            ("note",),
            key=lambda row: (row["trigger"], words_key(row["words"]), row["target"]),
        ),
        Format("synsets.tsv", "events", ("name", "words"), key=lambda row: row["name"]),
        Format(
            "verbs.tsv",
            "events",
            ("lemma", "particle", "verb_class", "default_code"),
            ("verb_code", "reciprocal", "source"),
            key=lambda row: (row["lemma"], words_key(row["particle"]), row["verb_class"]),
        ),
        Format(
            "verb_patterns.tsv",
            "events",
            ("verb_class", "words", "target", "code"),
            ("reciprocal", "source"),
            key=lambda row: (row["verb_class"], words_key(row["words"]), row["target"]),
        ),
        Format("modality.yaml", "events"),
        Format("agreements.yaml", "events"),
        Format("grammar.yaml", "events"),
        Format("sectors.tsv", "actors", ("code", "meaning"), ("source",)),
        Format("countries.tsv", "actors", ("iso3", "cameo", "name", "aliases", "adjectives")),
        Format(
            "historical_names.tsv",
            "actors",
            ("name", "iso3", "aliases", "adjectives"),
            ("years",),
            key=_folded("name"),
        ),
        Format("places.tsv", "actors", ("name", "iso3", "kind", "sectors"), key=_folded("name")),
        Format(
            "communities.tsv",
            "actors",
            ("names", "iso3", "sectors"),
            key=lambda row: row["names"].split("|")[0].strip().casefold(),
        ),
        Format("titles.tsv", "actors", ("phrase", "sectors", "kind"), key=_folded("phrase")),
        Format(
            "references.tsv",
            "actors",
            ("phrase", "kind", "sectors", "candidates"),
            key=_folded("phrase"),
        ),
        # A person is one key: a user's rows for a name replace all the offices the packaged
        # table gives that name.
        Format(
            "leaders.tsv",
            "actors",
            ("name", "iso3", "sectors", "start", "end"),
            ("role", "aliases", "source"),
            key=lambda row: row["name"],
        ),
        Format(
            "people.tsv",
            "actors",
            ("name", "iso3", "sectors"),
            ("role", "aliases", "source"),
            key=lambda row: row["name"],
        ),
        Format("organisations.yaml", "actors", key=lambda item: str(item.get("name"))),
    )
}


@dataclass(frozen=True)
class Table:
    """A TSV file as read: its header's line and columns, and (line, row) for each row."""

    header_line: int  # 0: the file has no line but comments
    columns: tuple[str, ...]
    rows: list[tuple[int, dict]]
    untabbed: tuple[int, ...] = ()  # rows with no tab: columns separated by spaces?


def read_table(path, optional: tuple[str, ...] = ()) -> Table:
    """A TSV file, "#" and blank lines skipped, values stripped, missing values and the
    ``optional`` columns the header leaves out read as ""."""
    # utf-8-sig: a spreadsheet saves a byte-order mark, which would stick to the first column
    with path.open(encoding="utf-8-sig", newline="") as fh:
        numbered = [
            (n, line) for n, line in enumerate(fh, 1) if not line.startswith("#") and line.strip()
        ]
    if not numbered:
        return Table(0, (), [])
    reader = csv.DictReader([line for _, line in numbered], delimiter="\t", quoting=csv.QUOTE_NONE)
    columns = tuple(name.strip() for name in reader.fieldnames or ())
    blank = dict.fromkeys(optional, "")
    rows = [
        (n, {**blank, **{k.strip(): (v or "").strip() for k, v in row.items() if k}})
        for (n, _), row in zip(numbered[1:], reader)
    ]
    untabbed = tuple(n for n, line in numbered[1:] if "\t" not in line) if len(columns) > 1 else ()
    return Table(numbered[0][0], columns, rows, untabbed)


def recognise(path) -> Format | None:
    """The format of a user's file: by its name, else by its column header (TSV) or its shape
    (a YAML list of named items is organisations); None when neither tells."""
    path = Path(path)
    if path.name in FORMATS:
        return FORMATS[path.name]
    if path.suffix in (".yaml", ".yml"):
        try:
            data = YAML(typ="safe").load(path.read_text(encoding="utf-8-sig"))
        except Exception:  # noqa: BLE001 - not YAML at all: no format
            return None
        named = isinstance(data, list) and any(
            isinstance(item, dict) and "name" in item for item in data
        )
        return FORMATS["organisations.yaml"] if named else None
    try:
        columns = set(read_table(path).columns)
    except (UnicodeDecodeError, csv.Error):
        return None
    fitting = [f for f in FORMATS.values() if f.required and set(f.required) <= columns]
    return max(fitting, key=lambda f: len(f.required), default=None)


def read_user_file(path, form: Format) -> list:
    """A user's file of format ``form``, for the loaders: rows, each with its file ("_file")
    and line ("_line"); YAML: the items."""
    if form.is_yaml:
        return list(YAML(typ="safe").load(Path(path).read_text(encoding="utf-8-sig")) or [])
    return [
        {**row, "_file": str(path), "_line": n}
        for n, row in read_table(Path(path), form.optional).rows
    ]
