"""CAMEO event codes: names, Goldstein values, QuadClass and the PLOVER equivalent.

``data/cameo.tsv`` holds every code of the CAMEO 1.1b3 codebook with its Goldstein value (as
published with GDELT) and its PLOVER event, mode and context (the 2021 CAMEO-to-PLOVER
table). QuadClass follows GDELT: 1 verbal cooperation (roots 01-05), 2 material cooperation
(06-09), 3 verbal conflict (10-14), 4 material conflict (15-20).
"""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

DATA = resources.files("communique.events") / "data"


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
        return {"event": self.plover_event, "mode": self.plover_mode,
                "context": list(self.plover_context)}


@functools.cache
def cameo_codes() -> dict[str, Code]:
    with (DATA / "cameo.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return {row["code"]: Code(row["code"], row["name"], float(row["goldstein"]),
                              int(row["quad_class"]), row["plover_event"],
                              row["plover_mode"] or None,
                              tuple(c for c in row["plover_context"].split("|") if c))
            for row in rows}


def lookup(code: str) -> Code:
    """The entry for ``code``, or for its nearest listed parent ("0871" -> "087")."""
    codes = cameo_codes()
    while code and code not in codes:
        code = code[:-1]
    if not code:
        raise KeyError(code)
    return codes[code]
