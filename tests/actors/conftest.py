import pytest

from communique import Settings
from communique.model import Article
from communique.pipeline import Pipeline


@pytest.fixture(scope="session")
def resolve_text():
    """Parse a text with the real model and resolve its actors; returns the article."""
    pipeline = Pipeline(Settings(dedupe=False), stages=("parse", "actors"))

    def run(text: str, date: str | None = "2025-06-24", dateline: str | None = None) -> Article:
        article = Article(id="test", text=text, date=date, dateline=dateline)
        for stage in pipeline.stages:
            stage(article)
        return article

    return run


def actors_of(article: Article, text: str) -> list[dict]:
    """The actor records whose mention text contains ``text``."""
    return [a for a in article.actors_record()["actors"] if text in a["text"]]
