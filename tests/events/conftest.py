import pytest

from communique import Settings
from communique.model import Article
from communique.pipeline import Pipeline


@pytest.fixture(scope="session")
def code_text():
    """Parse, resolve and code a text with the real model; returns the article."""
    pipeline = Pipeline(Settings(dedupe=False), stages=("parse", "actors", "events"))

    def run(
        text: str,
        date: str | None = "2025-06-24",
        title: str | None = None,
        dateline: str | None = None,
    ) -> Article:
        article = Article(id="test", text=text, date=date, title=title, dateline=dateline)
        for stage in pipeline.stages:
            stage(article)
        return article

    return run


def dyads(article) -> set[tuple]:
    """(source country, target country, CAMEO root) of every event."""
    return {
        (e["source"]["country"], (e["target"] or {}).get("country"), e["cameo"][:2])
        for e in article.events
    }
