"""The per-document time budget: a stage that overruns it stops that document with E400."""

import subprocess
import sys
import time

import pytest

from communique import CODE_STAGES, Pipeline, Settings
from communique.errors import TimeBudgetExceeded
from communique.limits import WATCHDOG_GRACE, check_budget, document_budget, time_budget
from communique.model import HTML, Document


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
    pipeline = Pipeline(
        Settings(max_document_seconds=1, default_date="2025-06-24", max_document_chars=2_000_000),
        stages=CODE_STAGES,
    )
    slow_article, quick_article = pipeline.pipe([slow, quick])
    assert slow_article.error is not None and slow_article.error.code == "E400"
    assert slow_article.code_record()["error"]["message"].startswith("the document took longer")
    assert quick_article.error is None
    assert [(e["source"]["country"], e["target"]["country"]) for e in quick_article.events] == [
        ("EGY", "ISR")
    ]


class _Article:
    seconds = 0.0


def test_the_budget_is_per_document_across_stages():
    article = _Article()
    with document_budget(article, 1.0):
        time.sleep(0.6)
    with pytest.raises(TimeBudgetExceeded, match="1 s"), document_budget(article, 1.0):
        time.sleep(0.6)
        check_budget()  # 1.2 s in all: over, though each stage took 0.6 s
    assert article.seconds > 1.1
    with pytest.raises(TimeBudgetExceeded), document_budget(article, 1.0):
        pass  # nothing left: refused before any work


def test_the_watchdog_stops_code_that_never_checks_and_leaves_no_stray_exception():
    article = _Article()
    start = time.monotonic()
    with (
        pytest.raises(TimeBudgetExceeded, match="max_document_seconds"),
        document_budget(article, 0.5),
    ):
        while True:  # pure Python that never checks the budget
            pass
    assert time.monotonic() - start < 0.5 + WATCHDOG_GRACE + 1
    with document_budget(_Article(), 0.1):
        pass  # ends before its deadline
    time.sleep(WATCHDOG_GRACE + 0.3)  # nothing may be raised here, long after


def test_html_extraction_is_stopped_by_the_budget():
    """A 17 MB page of 200,000 paragraphs kept trafilatura busy for minutes, past any budget."""
    paragraph = "<p>The minister said talks with officials in Geneva resumed on Monday.</p>\n"
    html = "<html><body><article>" + paragraph * 200_000 + "</article></body></html>"
    pipeline = Pipeline(Settings(max_document_seconds=2), stages=("clean",))
    start = time.monotonic()
    big, small = pipeline.pipe(
        [
            Document(id="big", content=html.encode(), media_type=HTML),
            Document(id="small", content=paragraph * 3, media_type=HTML),
        ]
    )
    assert big.error is not None and big.error.code == "E400", big.error
    assert time.monotonic() - start < 2 + WATCHDOG_GRACE + 5
    assert small.error is None and small.text.startswith("The minister said")


def test_clean_text_over_the_limit_is_refused_at_once():
    pipeline = Pipeline(Settings(max_document_chars=10_000), stages=CODE_STAGES)
    start = time.monotonic()
    [article] = pipeline.pipe([Document(id="dump", content="word " * 1_000_000)])
    assert article.error.code == "E401" and "max_document_chars" in str(article.error)
    assert time.monotonic() - start < 5


def test_code_that_swallows_the_interruption_is_interrupted_again():
    swallowed = 0
    with pytest.raises(TimeBudgetExceeded), document_budget(_Article(), 0.3):
        try:
            while True:
                pass
        except Exception:  # a library that catches everything, once, and goes on
            swallowed += 1
        while True:
            pass
    assert swallowed == 1


TRACED_AFTER_THE_WATCHDOG = """
import sys, time
from communique.errors import TimeBudgetExceeded
from communique.limits import document_budget

class Article:
    seconds = 0.0

try:
    with document_budget(Article(), 0.2):
        while True:
            pass
except TimeBudgetExceeded:
    pass
sys.settrace(lambda frame, event, arg: None)
start = time.monotonic()
total = sum(range(100_000))
print(round(time.monotonic() - start, 3))
"""


def test_python_runs_as_before_once_the_watchdog_has_fired():
    # Withdrawing a pending interruption through the C API left CPython's signal on for
    # good: every traced line took the slow path and a profiled test hung.
    run = subprocess.run(
        [sys.executable, "-c", TRACED_AFTER_THE_WATCHDOG], capture_output=True, timeout=60
    )
    assert run.returncode == 0, run.stderr.decode()[-2000:]
    assert float(run.stdout) < 5


def test_one_watchdog_thread_serves_every_document():
    """A budget per stage per document must not start a thread each (issue 17)."""
    import threading

    with document_budget(_Article(), 30.0):
        pass
    before = threading.active_count()
    for _ in range(200):
        with document_budget(_Article(), 30.0):
            pass
    assert threading.active_count() == before
