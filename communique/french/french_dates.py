"""The date of a French event: a weekday or a date that the verb governs ("a reçu mardi",
"le 23 juin", "jeudi dernier"), read by dateparser against the publication date, or a
year ("signé en 2013"); else the publication date."""

from __future__ import annotations

import datetime as dt
import functools
import logging

logger = logging.getLogger(__name__)

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
)
TIME_RELATIONS = ("obl:mod", "obl", "obj", "nmod", "advmod")


def event_date(token, published: str | None) -> tuple[str | None, str | None]:
    """(ISO date, precision) of the event ``token`` triggers; the publication date when the
    clause names no day; (None, None) with neither."""
    base = _day(published)
    holders = [token]
    if token.dep_ == "xcomp" and token.head.i != token.i:
        holders.append(token.head)  # "ont décidé dimanche de sanctionner"
    for child in (child for holder in holders for child in holder.children):
        if child.dep_ not in TIME_RELATIONS:
            continue
        words = [t for t in child.subtree]
        lowers = {t.lower_ for t in words}
        if not lowers & set(WEEKDAYS) and not lowers & set(MONTHS):
            year = _year(child)
            if year is not None and (base is None or year <= base.year):
                return f"{year}-01-01", "year"  # "signé en 2013"
            continue
        expression = " ".join(t.text for t in words if t.dep_ not in ("case", "punct"))
        resolved = _resolve(expression, base)
        if resolved is not None:
            return resolved
    if base is not None:
        return base.isoformat(), "day"
    return None, None


def _resolve(expression: str, base: dt.date | None) -> tuple[str, str] | None:
    words = expression.lower().split()
    if base is not None and words[:1] and words[0] in WEEKDAYS and len(words) <= 2:
        if WEEKDAYS.index(words[0]) == base.weekday() and "dernier" not in words:
            return base.isoformat(), "day"  # "mardi" in a Tuesday's paper
    if base is None and not any(len(w) == 4 and w.isdigit() for w in words):
        return None  # "mardi" of an undated paper is no day
    parsed = _parse(expression, base)
    if parsed is None or (base is not None and parsed > base):
        return None
    # a day of the month has one or two digits ("le 23 juin"); "mai 2018" names a month
    has_day = any(w.isdigit() and len(w) <= 2 for w in words) or any(w in WEEKDAYS for w in words)
    if has_day:
        return parsed.isoformat(), "day"
    return parsed.replace(day=1).isoformat(), "month"


@functools.lru_cache(maxsize=4096)
def _parse(expression: str, base: dt.date | None) -> dt.date | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    try:
        parsed = dateparser.parse(expression, languages=["fr"], settings=settings)
    except (ValueError, OverflowError):  # an impossible date ("le 31 juin")
        return None
    return parsed.date() if parsed else None


def _year(child) -> int | None:
    """The year of "en 2013" (a year alone, after "en"), else None."""
    if not (child.like_num and len(child.text) == 4 and child.text.isdigit()):
        return None
    if not any(c.dep_ == "case" and c.lower_ == "en" for c in child.children):
        return None
    year = int(child.text)
    return year if 1900 <= year <= 2100 else None


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
