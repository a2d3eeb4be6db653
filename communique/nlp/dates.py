"""Dates: publication dates from metadata, normalised to ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re

logger = logging.getLogger(__name__)

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")


def normalise_date(value) -> str | None:
    """An ISO date string for a metadata date, or None when it cannot be read as a day."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    match = _ISO_PREFIX.match(text)
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    import dateparser  # slow to import; only metadata in other formats needs it

    # Absolute dates only: "yesterday" in metadata would be read against the wall clock of
    # the run, giving a date that changes from one run to the next.
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        },
    )
    if parsed is None:
        logger.debug("unreadable date %r", text)
        return None
    return parsed.date().isoformat()


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATE_WORDS = re.compile(
    r"\b(\d{4}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"tonight|week|month|year|ago|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b",
    re.IGNORECASE,
)
# A decade or a century ("in the 1990s", "the '80s", "the nineteenth century", "decades ago"):
# a time, but no day, month or year of it is known.
_SPANS = re.compile(
    r"\b(\d{3}0s|\d0s|sixties|seventies|eighties|nineties|\w+(st|nd|rd|th)\s+centur(y|ies)|"
    r"(decades|centuries)\s+ago)\b",
    re.IGNORECASE,
)
UNDATED = (None, None)
PLAUSIBLE_YEARS = (1000, 2999)
_PRECISION = {"day": "day", "time": "day", "week": "day", "month": "month", "year": "year"}


@functools.lru_cache(maxsize=64)
def _relative_parser(base: dt.date | None, prefer: str = "past"):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=4096)
def resolve_date(
    expression: str, published: str | None, future: bool = False
) -> tuple[str | None, str | None] | None:
    """The date a time expression in the text points to, against the publication date.

    Returns ``(YYYY-MM-DD, precision)``, precision being day, month or year (a month or a year
    is given as its first day); ``UNDATED``, ``(None, None)``, for a decade or a century ("in
    the 1990s"), whose day, month and year are all unknown; None when the expression is no
    date, needs a publication date that is unknown, or (``future`` false) points after the
    publication date.

    ``future`` says whether the clause may speak of a time after the publication ("will visit
    on Friday"): a weekday or a month without a year is then the next one, and else the last
    one ("met on Friday" is the Friday before the paper). "On Tuesday" in a Tuesday's paper is
    that day either way, "in March" in a paper of March that month. A clause that may not
    speak of the future gets no date after its paper ("signed in 2007" in a paper of 2005):
    its event is then dated by the caller as if the clause named no time.
    """
    text = expression.strip()
    if _SPANS.search(text):
        return UNDATED
    if not _DATE_WORDS.search(text):
        return None
    base = dt.date.fromisoformat(published) if published else None
    words = text.lower().split()
    if (
        base is not None
        and _WEEKDAYS[base.weekday()] in words
        and len(words) <= 2
        and not {"last", "next", "past", "previous", "coming"} & set(words)
    ):
        return base.isoformat(), "day"
    relative = not re.search(r"\b\d{4}\b", text)
    if base is None and relative:
        return None
    found = _read(text, base, "past")
    if future and not (found and base and _contains(found, base)):
        found = _read(text, base, "future")
    if found is None:
        return None
    day, precision = found
    if not future and base is not None and day > base:
        return None  # a past or present event is not after its report
    return day.isoformat(), precision


_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
# A year, or a month and a year, alone: most expressions in undated copy. Read here, they
# spare a run dateparser's first parse (0.15 s of compiling its regexes).
_MONTH_YEAR = re.compile(r"(?:(" + "|".join(_MONTHS) + r")\s+)?(\d{4})", re.IGNORECASE)


def _read(text: str, base: dt.date | None, prefer: str) -> tuple[dt.date, str] | None:
    """The first day and the precision of the period ``text`` names, read by dateparser (a
    plain year, or month and year, directly)."""
    plain = _MONTH_YEAR.fullmatch(text)
    if plain is not None:
        month, year = plain.group(1), int(plain.group(2))
        if not PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1]:
            return None
        if month is None:
            return dt.date(year, 1, 1), "year"
        return dt.date(year, _MONTHS.index(month.lower()) + 1, 1), "month"
    data = _relative_parser(base, prefer).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    precision = _PRECISION.get(data.period or "day", "day")
    day = data.date_obj.date()
    if not PLAUSIBLE_YEARS[0] <= day.year <= PLAUSIBLE_YEARS[1]:
        return None  # a number read as a year ("the 1 or 2 per cent"), not a date of news
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = day.replace(month=1, day=1)
    return day, precision


def _contains(found: tuple[dt.date, str], base: dt.date) -> bool:
    """Whether the period ``found`` (first day, precision) holds the day ``base``."""
    day, precision = found
    if precision == "year":
        return day.year == base.year
    if precision == "month":
        return (day.year, day.month) == (base.year, base.month)
    return day == base


def parse_day(value: str | None) -> dt.date | None:
    """An ISO day as a ``date``; None for none or for anything else."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
