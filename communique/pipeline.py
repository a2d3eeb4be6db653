"""The pipeline: one record passes through named stages in order.

As in spaCy's ``Language``, ``__call__`` processes one document and ``pipe`` streams many in
batches. The first stage turns a ``Document`` into an ``Article``; each later stage takes
and returns articles. A stage may offer ``pipe(articles)`` to work on a whole batch (the
parser does). An error in one document is recorded on its article, which then skips the
remaining stages, and the stream goes on.

The stages and their contracts are registered in ``stages.py``; a pipeline whose stages do
not meet each other's requirements is refused when it is built (E500).
"""

from __future__ import annotations

import collections
import itertools
import logging
import time
from collections.abc import Iterable, Iterator, Sequence

from .config import Settings
from .errors import CommuniqueError, InternalError
from .limits import document_budget
from .model import Article, Document
from .stages import canonical_stages, check_stages

logger = logging.getLogger(__name__)

DEFAULT_STAGES = canonical_stages(last="dedupe")
UNDATED_WARNING = (
    "no publication date: events are dated only where the text gives a year; "
    'give one with --date YYYY-MM-DD or a "date" field in JSONL'
)
_undated_logged = False  # the log says it once per process; each article's record says it too


class Pipeline:
    """``stages`` are registered stage names. ``given`` names the ``Article`` fields the
    input already carries (see ``check_stages``: by default none for documents, the text for
    articles); a stage that requires a field neither it nor an earlier stage gives raises
    ``UnmetStageRequirement``."""

    def __init__(
        self,
        settings: Settings | None = None,
        stages: Sequence[str] = DEFAULT_STAGES,
        given: Iterable[str] | None = None,
    ):
        self.settings = settings or Settings()
        if not self.settings.dedupe:
            stages = [name for name in stages if name != "dedupe"]
        self.stages = [spec.factory(self.settings) for spec in check_stages(stages, given)]
        self.seconds: collections.Counter = collections.Counter()  # time spent per stage

    def take_timings(self) -> dict[str, float]:
        """The time spent per stage since the last call, and start counting afresh."""
        taken, self.seconds = dict(self.seconds), collections.Counter()
        return taken

    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def get_stage(self, name: str):
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(name)

    def __call__(self, doc: Document) -> Article:
        return next(self.pipe([doc], batch_size=1))

    def pipe(self, docs: Iterable[Document], batch_size: int | None = None) -> Iterator[Article]:
        """Process documents in batches; yields one article per document, in input order."""
        size = batch_size or self.settings.batch_size
        iterator = iter(docs)
        while batch := list(itertools.islice(iterator, size)):
            items: list = batch
            for position, stage in enumerate(self.stages):
                items = self._run_stage(stage, items, first=position == 0)
            yield from items

    def process(self, articles: list[Article]) -> list[Article]:
        """Run this pipeline's stages on articles that earlier stages already made (the
        first stage too is then given articles, not documents)."""
        for stage in self.stages:
            articles = self._run_stage(stage, articles, first=False)
        return articles

    def _run_stage(self, stage, items: list, first: bool) -> list[Article]:
        start = time.perf_counter()
        try:
            items = self._run_stage_untimed(stage, items, first)
        finally:
            self.seconds[stage.name] += time.perf_counter() - start
        if stage.name == "events":
            _warn_undated(items)
        return items

    def _run_stage_untimed(self, stage, items: list, first: bool) -> list[Article]:
        if first:
            return [
                self._guarded(stage, doc, Article.from_document(doc))
                if doc.error is None
                else Article.from_document(doc)
                for doc in items
            ]
        live = [article for article in items if article.error is None]
        if live and hasattr(stage, "pipe"):
            # A stage that works on whole batches charges each article its time itself.
            try:
                stage.pipe(live)
                return items
            except Exception:  # a batch failed: redo it one by one to find the culprit
                logger.warning("stage %s failed on a batch; retrying per document", stage.name)
        for article in live:
            self._guarded(stage, article, article)
        return items

    def _guarded(self, stage, item, article: Article) -> Article:
        try:
            with document_budget(article, self.settings.max_document_seconds):
                result = stage(item)
            if result is not article:  # the first stage makes the article: it carries the time
                result.seconds += article.seconds
            return result
        except CommuniqueError as error:
            article.error = error
        except Exception as error:  # never let one document stop the run
            logger.warning("stage %s failed on %s: %s", stage.name, article.id, error)
            logger.debug("traceback of the failure", exc_info=True)
            article.error = InternalError(
                f"internal error in stage {stage.name}: {type(error).__name__}: {error}"
            )
        return article


def _warn_undated(articles: list[Article]) -> None:
    """An article coded without a publication date says so in its warnings; the log says it
    once per process, not once per article of a large undated corpus."""
    global _undated_logged
    undated = [a for a in articles if a.error is None and not a.date]
    for article in undated:
        if UNDATED_WARNING not in article.warnings:
            article.warnings.append(UNDATED_WARNING)
    if undated and not _undated_logged:
        _undated_logged = True
        logger.warning("%s (the first: %s)", UNDATED_WARNING, undated[0].path or undated[0].id)
