"""HTML: main text and metadata with trafilatura, then the plain-text rules on its output.

The extraction settings (favor_precision, no comments) were chosen by measurement on the
Zyte article-extraction benchmark: see ``bench/zyte_eval.py``.
"""

from __future__ import annotations

import logging
import re
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
    # No article body was found, and the page's visible text was taken instead.
    visible_text_only: bool = False


_BODY = re.compile(r"<\s*(html|body)\b", re.IGNORECASE)
# Libraries whose log lines are about pages, not about the run: a page they cannot read is
# our error record (E200), so what they say is shown only to someone debugging (-vv).
_PAGE_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


def extract_html(html: str, url: str | None, settings: Settings) -> tuple[CleanText, HtmlMetadata]:
    import trafilatura  # heavy import; only HTML input needs it

    _demote_page_logs()
    result = _extract(html, url, settings)
    if _text(result) is None and not _BODY.search(html[:4096]):
        # A fragment (an RSS description, "<p>Japan protested to China.</p>"): trafilatura
        # reads only whole pages.
        html = f"<html><body>{html}</body></html>"
        result = _extract(html, url, settings)
    text = _text(result)
    visible_only = False
    if text is None:
        # No article body: the page's visible text (scripts and styles left out) is better
        # than nothing for a short page; the text rules still drop its boilerplate.
        text = _clean(trafilatura.html2txt(html))
        visible_only = True
    if text is None:
        raise NoMainText("no article text was found in the HTML")
    meta = HtmlMetadata(visible_text_only=visible_only)
    if result is not None:
        meta = HtmlMetadata(
            title=_clean(result.title),
            date=normalise_date(result.date),
            author=_clean(result.author),
            sitename=_clean(result.sitename),
            url=_clean(result.url) or url,
            visible_text_only=visible_only,
        )
    # trafilatura gives one paragraph a line; the text rules then drop leftovers it kept
    # (share lines, repeated blocks, a title printed again at the top).
    return clean_text(text, title=meta.title, extracted=True), meta


def _extract(html: str, url: str | None, settings: Settings):
    import trafilatura

    return trafilatura.bare_extraction(
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


def _text(result) -> str | None:
    return _clean(getattr(result, "text", None)) if result is not None else None


class _DemoteToDebug(logging.Filter):
    """Turns a record into a debug record of ours, dropped unless communique logs debug."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logger.isEnabledFor(logging.DEBUG)


_DEMOTE = _DemoteToDebug()


def _demote_page_logs() -> None:
    # A logger's filters see only its own records, not its children's, so every logger of
    # these libraries gets the filter (they are created when their modules are imported).
    for name in list(logging.root.manager.loggerDict):
        if name.split(".")[0] in _PAGE_LOGGERS:
            page_logger = logging.getLogger(name)
            if _DEMOTE not in page_logger.filters:
                page_logger.addFilter(_DEMOTE)


def _clean(value) -> str | None:
    value = (value or "").strip()
    return value or None
