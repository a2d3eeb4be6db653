"""Dates: publication dates from metadata, normalised to ISO ``YYYY-MM-DD``."""
from __future__ import annotations

import datetime as dt
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

    parsed = dateparser.parse(text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        logger.debug("unreadable date %r", text)
        return None
    return parsed.date().isoformat()
