"""Cleaning rules loaded from the package's data files (``ingest/data/*.tsv``).

Users extend them by editing those files; they are read once per process.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class PhraseRule:
    kind: str
    where: str  # "any" or "edge"
    max_words: int
    pattern: re.Pattern


@dataclass(frozen=True)
class DatelineRule:
    kind: str
    pattern: re.Pattern


def data_rows(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


@functools.cache
def boilerplate_rules() -> tuple[PhraseRule, ...]:
    return tuple(
        PhraseRule(kind, where, int(max_words), re.compile(pattern, re.IGNORECASE))
        for kind, where, max_words, pattern in data_rows("boilerplate.tsv")
    )


@functools.cache
def dateline_rules() -> tuple[DatelineRule, ...]:
    return tuple(
        DatelineRule(kind, re.compile(pattern)) for kind, pattern in data_rows("datelines.tsv")
    )


@functools.cache
def wire_case() -> tuple[re.Pattern, frozenset[str]]:
    """A capitalised word after an abbreviation of ``wire_case.tsv`` ("U.S. And"), and the
    words to lowercase there."""
    rows = data_rows("wire_case.tsv")
    abbreviations = "|".join(
        re.escape(text.strip()) for kind, text in rows if kind == "abbreviation"
    )
    words = frozenset(text.strip() for kind, text in rows if kind == "word")
    return re.compile(rf"(?<![\w.])(?:{abbreviations}) ([A-Z][a-z]+)\b"), words


@functools.cache
def run_on_words() -> frozenset[str]:
    """Words a line cannot end a paragraph on (``run_on.tsv``)."""
    return frozenset(word.strip() for kind, word in data_rows("run_on.tsv") if kind == "word")


@functools.cache
def paragraph_openers() -> frozenset[str]:
    """French words a joined paragraph may open on (``paragraph_openers.tsv``)."""
    return frozenset(row[0].strip() for row in data_rows("paragraph_openers.tsv"))
