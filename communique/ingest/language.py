"""Which language a document is written in, so that it is coded by a pipeline for that
language or, when there is none, stored with its language and coded not at all.

py3langid (a numpy port of langid.py) restricted to the languages of ``languages.tsv``.
A text it cannot place with confidence (an earnings table of figures and abbreviations
scores 0.15 for German) is given the fallback language, English unless set, and says so.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

from .rules import data_rows

logger = logging.getLogger(__name__)

# Below this normalised probability the guess is not trusted. Measured on 1,028 documents:
# every wrong guess scored under 0.19, and 37 right ones (mostly tables) under 0.9.
MIN_CONFIDENCE = 0.5
# Characters read: the first few thousand decide as well as the whole and cost less.
SAMPLE_CHARS = 5_000
UNSUPPORTED = "W100"
UNCERTAIN = "W101"


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    name: str
    models: tuple[str, ...]  # spaCy packages that code it, in order of preference

    @property
    def supported(self) -> bool:
        return bool(self.models)


@dataclass(frozen=True)
class Identified:
    code: str
    confidence: float
    warning: str | None = None


@functools.cache
def languages() -> dict[str, Language]:
    table = {}
    for row in data_rows("languages.tsv"):
        code, name, *models = row
        table[code] = Language(code, name, tuple((models[0] if models else "").split()))
    return table


def language(code: str) -> Language:
    """The language ``code`` (ISO 639-1); one the table does not list has no pipeline."""
    return languages().get(code) or Language(code, code, ())


@functools.cache
def load_identifier():
    """py3langid's model, restricted to the languages of the table; loaded once per process."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages()))
    return identifier


def identify(text: str, fallback: str = "en") -> Identified:
    """The language of ``text``; ``fallback`` when the identifier is unsure."""
    guess, probability = load_identifier().classify(text[:SAMPLE_CHARS])
    probability = float(probability)
    if probability >= MIN_CONFIDENCE:
        return Identified(guess, round(probability, 3))
    warning = (
        f"{UNCERTAIN}: the language is uncertain ({language(guess).name} at "
        f"{probability:.2f}); taken as {language(fallback).name}"
    )
    return Identified(fallback, round(probability, 3), warning)


def unsupported_warning(code: str) -> str:
    """What an article in a language without a pipeline says instead of having events."""
    return (
        f"{UNSUPPORTED}: language {code} ({language(code).name}) is not supported; no events coded"
    )
