"""The actor stage of the pipeline: every actor mention of an article, and of its headline."""

from __future__ import annotations

from ..model import Article
from .anchors import anchor_matcher
from ..events.roles import grammar
from .context import fill_from_context
from .quotes import attribute_quotes
from .gazetteer import load_gazetteer
from .names import mark_repeated_surnames
from .resolve import ArticleResolver
from ..user_dictionaries import activate
from ..stages import register_stage
from ..ingest.language import language


@register_stage(
    "actors", requires=["doc"], assigns=["mentions", "title_mentions", "dateline_country"]
)
class ActorResolver:
    """Pipeline stage: finds and codes every actor mention of a parsed article."""

    def __init__(self, settings):
        from ..nlp.parse import load_pipeline

        self.settings = settings
        activate(settings.dictionaries)
        self.gazetteer = load_gazetteer(settings.dictionaries)
        self.matcher = anchor_matcher(load_pipeline(settings.model), settings.dictionaries)

    def __call__(self, article: Article) -> Article:
        if article.doc is None and not language(article.lang or "en").supported:
            return article  # stored with its language, coded in none (nlp/parse.py says why)
        if article.lang == "fr":
            return self._french(article)
        # The event nouns that things.py looks up without settings come from the active
        # dictionaries, which must be this run's, whatever other pipeline this process built
        # since (a Dask worker may serve runs with other settings).
        activate(self.settings.dictionaries)
        if article.doc is None:
            raise ValueError("the actors stage needs the parse stage before it")
        article.dateline_country = self.gazetteer.place_country(article.dateline)
        mark_repeated_surnames(article.doc)
        resolver = ArticleResolver(article, self.gazetteer, self.matcher(article.doc))
        mentions = attribute_quotes(
            article.doc, resolver.run(), grammar()["saying_verbs"], resolver.tree
        )
        article.mentions = fill_from_context(article, mentions, self.gazetteer, grammar())
        headline = headline_article(article)
        if headline is not None:
            article.title_mentions = ArticleResolver(
                headline, self.gazetteer, self.matcher(headline.doc)
            ).run()
        return article

    def _french(self, article: Article) -> Article:
        from ..french.actors import FrenchResolver
        from ..nlp.parse import load_pipeline, model_for

        # the parse stage's French pipeline: the same arguments find it in load_pipeline's
        # cache (a keyword call would load a second copy, inside this article's time budget)
        nlp = load_pipeline(model_for("fr", self.settings.model), "fr")
        resolver = FrenchResolver(article, nlp)
        article.mentions = resolver.run()
        article.title_mentions = resolver.headline_people()  # for a first pronoun only
        return article


def headline_article(article: Article) -> Article | None:
    """The headline as an article of its own, to resolve and code it like the text."""
    doc = article.title_doc
    if doc is None:
        return None
    return Article(
        id=article.id,
        text=article.title,
        date=article.date,
        doc=doc,
        mentions=article.title_mentions,
    )
