"""The clean stage: a ``Document`` in, an ``Article`` with clean text and metadata out."""

from __future__ import annotations

import logging

from ..config import Settings
from ..errors import EmptyDocument, NoMainText, TextTooLong
from ..model import HTML, Article, Document
from ..stages import register_stage
from .decode import decode_with_encoding
from .html import extract_html
from .language import identify, load_identifier
from .run_together import split_run_together
from .sanitise import repair_text, repair_warning
from .text import clean_text, dateline_place

logger = logging.getLogger(__name__)

# Languages whose scraped copy runs sentences together ("...après-midi.Paris a confirmé"):
# 13,845 such joins in 2,701 Orange Actu articles. English is left as it was measured.
SPLIT_RUN_TOGETHER = frozenset({"fr"})


@register_stage("clean", assigns=["text", "lang", "removed", "dateline"], takes_documents=True)
class Cleaner:
    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        if not self.settings.language:
            # loaded with the stage, once per process, not inside the first document's
            # time budget (nearly a second)
            load_identifier()

    def __call__(self, doc: Document) -> Article:
        article = Article.from_document(doc)
        if doc.error is not None:
            return article
        raw = doc.content
        if isinstance(raw, bytes):
            raw, encoding = decode_with_encoding(raw)
            if encoding not in ("utf_8", "ascii"):
                article.warnings.append(f"not UTF-8: decoded as {encoding}")
            raw, repaired = repair_text(raw)
            if repaired:
                article.warnings.append(repair_warning({"text": repaired}))
        elif not raw or not raw.strip():
            raise EmptyDocument()
        limit = self.settings.max_document_chars
        if doc.media_type != HTML and len(raw) > limit:
            # Refused before any work: a scraper that dumped a corpus into one file would
            # otherwise be cleaned and parsed for minutes.
            raise TextTooLong(_too_long(len(raw), limit))
        if doc.media_type == HTML:
            cleaned, meta = extract_html(raw, doc.url, self.settings)
            if meta.visible_text_only:
                article.warnings.append(
                    "no article body was found in the HTML; its visible text was used"
                )
            article.title = doc.title or meta.title
            article.date = doc.date or meta.date
            article.author = meta.author
            article.url = doc.url or meta.url
            article.source = doc.source or meta.sitename
        else:
            cleaned = clean_text(raw, title=doc.title)
            article.title = cleaned.title
            article.source = doc.source or cleaned.source
            article.dateline = cleaned.dateline
        if doc.dateline and not article.dateline:
            # a dateline the container gives apart from the text (Reuters-21578's JSONL)
            article.dateline = dateline_place(doc.dateline)
        # Container metadata first (JSONL, HTML meta), then the date given on the command line.
        article.date = article.date or self.settings.default_date
        article.text = cleaned.text
        article.removed = cleaned.removed
        if not article.text.strip():
            raise NoMainText("nothing was left after removing boilerplate")
        self._identify_language(article)
        if len(article.text) > limit:
            raise TextTooLong(_too_long(len(article.text), limit))
        return article

    def _identify_language(self, article: Article) -> None:
        if self.settings.language:
            article.lang = self.settings.language
        else:
            identified = identify(article.text, self.settings.fallback_language)
            article.lang = identified.code
            if identified.warning:
                article.warnings.append(identified.warning)
        if article.lang in SPLIT_RUN_TOGETHER:
            article.text = split_run_together(article.text)


def _too_long(length: int, limit: int) -> str:
    return (
        f"the text has {length:,} characters, more than the limit of {limit:,}; raise the "
        "setting max_document_chars (COMMUNIQUE_MAX_DOCUMENT_CHARS) to code it"
    )
