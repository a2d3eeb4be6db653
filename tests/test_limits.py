"""The per-document time budget: a stage that overruns it stops that document with E400."""
import time

import pytest

from communique import CODE_STAGES, Pipeline, Settings
from communique.errors import TimeBudgetExceeded
from communique.limits import check_budget, time_budget
from communique.model import Document


def test_the_budget_runs_out_and_is_scoped():
    with time_budget(0.05):
        check_budget()
        time.sleep(0.06)
        with pytest.raises(TimeBudgetExceeded, match="0.05 s"):
            check_budget()
    check_budget()  # outside any budget: never raises
    with time_budget(None):
        time.sleep(0.01)
        check_budget()


def test_a_document_over_budget_is_an_error_record_and_the_next_one_is_coded():
    sentences = " ".join(f"Egypt condemned Israel on day {n} of the talks." for n in range(30_000))
    slow = Document(id="slow", content="Long story\n\n" + sentences)
    quick = Document(id="quick", content="Talks\n\nEgypt condemned Israel on Monday.")
    pipeline = Pipeline(Settings(max_document_seconds=1, default_date="2025-06-24"),
                        stages=CODE_STAGES)
    slow_article, quick_article = pipeline.pipe([slow, quick])
    assert slow_article.error is not None and slow_article.error.code == "E400"
    assert slow_article.code_record()["error"]["message"].startswith("the document took longer")
    assert quick_article.error is None
    assert [(e["source"]["country"], e["target"]["country"]) for e in quick_article.events] == [("EGY", "ISR")]
