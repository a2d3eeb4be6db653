"""The French tests' pipeline, built once, and what it codes in a text."""

import pytest

from communique.config import Settings
from communique.model import Document
from communique.pipeline import Pipeline
from communique.stages import canonical_stages


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Settings(), stages=canonical_stages())


def coded(pipeline, text: str, scored_only: bool = False) -> set[tuple]:
    """(source, target, code) of the events coded in ``text``; with ``scored_only``, only
    those the scorer counts (not negated, not hypothetical)."""
    article = pipeline(Document(id="t", content=text, date="2020-06-01"))
    assert article.lang == "fr", article.warnings
    return {
        (e["source"]["country"], (e["target"] or {}).get("country"), e["cameo"])
        for e in article.events
        if not scored_only or (not e["negated"] and e["modality"] != "hypothetical")
    }
