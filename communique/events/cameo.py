"""CAMEO event codes: names, Goldstein values, QuadClass and the PLOVER equivalent.

``data/cameo.tsv`` holds every code of the CAMEO 1.1b3 codebook with its Goldstein value (as
published with GDELT) and its PLOVER event, mode and context (the 2021 CAMEO-to-PLOVER
table). QuadClass follows GDELT: 1 verbal cooperation (roots 01-05), 2 material cooperation
(06-09), 3 verbal conflict (10-14), 4 material conflict (15-20).

Every code a dictionary emits must be in the table: the pattern loader checks each one with
``check_code`` and fails on an unknown code, naming the file and line, and ``lookup`` takes a
listed code only. A code computed at run time may ask ``lookup`` for its nearest listed
parent; none does today (modality maps a root to a listed code, see modality.yaml).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

DATA = resources.files("communique.events") / "data"
NO_EVENT = "---"  # in a dictionary: the words make no event


class UnknownCode(KeyError):
    """A CAMEO code that is not in cameo.tsv."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class DictionaryError(ValueError):
    """A dictionary file holds an entry the coder cannot use; the message names file and line."""

    def __init__(self, file: str, line: int, message: str):
        super().__init__(f"{file}:{line}: {message}")
        self.file, self.line = file, line


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str
    plover_mode: str | None
    plover_context: tuple[str, ...]

    @property
    def root(self) -> str:
        return self.code[:2]

    def plover(self) -> dict:
        return {
            "event": self.plover_event,
            "mode": self.plover_mode,
            "context": list(self.plover_context),
        }


@functools.cache
def cameo_codes() -> dict[str, Code]:
    with (DATA / "cameo.tsv").open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return {
        row["code"]: Code(
            row["code"],
            row["name"],
            float(row["goldstein"]),
            int(row["quad_class"]),
            row["plover_event"],
            row["plover_mode"] or None,
            tuple(c for c in row["plover_context"].split("|") if c),
        )
        for row in rows
    }


def unknown_code_message(code) -> str | None:
    """Why ``code`` is no code a dictionary may emit, or None if it is one."""
    if isinstance(code, str) and code in cameo_codes():
        return None
    if isinstance(code, str) and ":" in code:
        return (
            f"CAMEO code {code!r} pairs a code with its reciprocal: put the first in the "
            "code column and the second in the reciprocal column"
        )
    return f"unknown CAMEO code {code!r} (not in cameo.tsv)"


def check_code(code, file: str, line: int, *, no_event: bool = False) -> str:
    """``code`` if cameo.tsv lists it (or it is ``---`` where ``no_event`` allows), else
    DictionaryError naming the file and line."""
    if no_event and code == NO_EVENT:
        return code
    message = unknown_code_message(code)
    if message:
        raise DictionaryError(file, line, message)
    return code


def lookup(code: str, *, parent: bool = False) -> Code:
    """The entry for ``code``. Only with ``parent``, for a code computed at run time, the
    entry of its nearest listed parent ("0879" -> "087"); otherwise an unknown code raises
    UnknownCode rather than passing for another."""
    codes = cameo_codes()
    if code in codes:
        return codes[code]
    if parent:
        nearest = code
        while nearest and nearest not in codes:
            nearest = nearest[:-1]
        if nearest:
            return codes[nearest]
    raise UnknownCode(f"unknown CAMEO code {code!r} (not in cameo.tsv)")
