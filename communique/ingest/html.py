"""HTML: main text and metadata with trafilatura, then the plain-text rules on its output.

The extraction settings (favor_precision, no comments) were chosen by measurement on the
Zyte article-extraction benchmark: see ``bench/zyte_eval.py``.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from ..config import Settings
from ..errors import NoMainText
from ..nlp.dates import normalise_date
from .text import CleanText, clean_text

logger = logging.getLogger(__name__)


@dataclass
class HtmlMetadata:
    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None


def extract_html(html: str, url: str | None, settings: Settings) -> tuple[CleanText, HtmlMetadata]:
    import trafilatura  # heavy import; only HTML input needs it

    result = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=settings.html_favor_precision,
        favor_recall=settings.html_favor_recall,
        include_comments=settings.html_include_comments,
        include_tables=settings.html_include_tables,
        with_metadata=True,
        # No extensive search: it guesses a date from any year on the page (a copyright line
        # gives January 1st), and a wrong date is worse than the one given with --date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise NoMainText("no article text was found in the HTML")
    meta = HtmlMetadata(
        title=_clean(result.title), date=normalise_date(result.date), author=_clean(result.author),
        sitename=_clean(result.sitename), url=_clean(result.url) or url,
    )
    # trafilatura gives one paragraph a line; the text rules then drop leftovers it kept
    # (share lines, repeated blocks, a title printed again at the top).
    return clean_text(text, title=meta.title, extracted=True), meta


def _clean(value) -> str | None:
    value = (value or "").strip()
    return value or None
