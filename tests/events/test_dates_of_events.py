"""Dates of events through the real coder: the precision the text gives, no event after its
article unless it is intended or hypothetical, and a warning for an article with no date.

The articles are of Tuesday 2005-03-01 unless said otherwise.
"""

import logging

import pytest

from communique import CODE_STAGES, Settings
from communique import pipeline as pipeline_module
from communique.model import Document
from communique.nlp.dates import resolve_date
from communique.pipeline import UNDATED_WARNING, Pipeline

PAPER = "2005-03-01"  # a Tuesday


def dates(article, trigger: str | None = None) -> set[tuple]:
    """(date, precision, modality) of the events (of ``trigger``)."""
    found = {
        (e["date"], e["date_precision"], e["modality"])
        for e in article.events
        if trigger is None or e["evidence"]["trigger"] == trigger
    }
    assert found, article.events
    return found


# -- 1. the precision the clause gives ------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Britain and France signed the treaty in 1985.", ("1985-01-01", "year")),
        ("Britain and France signed the treaty in March 2004.", ("2004-03-01", "month")),
        ("Britain and France signed the treaty last year.", ("2004-01-01", "year")),
        ("Britain and France signed the treaty two years ago.", ("2003-01-01", "year")),
        ("Britain and France signed the treaty on Monday.", ("2005-02-28", "day")),
        ("Britain and France signed the treaty.", (PAPER, "day")),  # no time words: the paper's day
    ],
)
def test_an_event_takes_the_date_and_precision_its_clause_names(code_text, text, expected):
    assert dates(code_text(text, date=PAPER)) == {(*expected, "asserted")}


def test_a_year_is_read_without_a_publication_date(code_text):
    assert dates(code_text("Britain and France signed the treaty in 1985.", date=None)) == {
        ("1985-01-01", "year", "asserted")
    }


def test_an_event_noun_takes_the_date_of_the_verb_that_says_when_it_took_place(code_text):
    article = code_text(
        "The visit of the British prime minister to France took place in 1985.", date=PAPER
    )
    assert dates(article, "visit") == {("1985-01-01", "year", "asserted")}
    assert all(e["historical"] for e in article.events)


@pytest.mark.parametrize(
    "text",
    [
        "Britain and France signed the treaty in the 1990s.",
        "Britain and France signed the treaty in the '80s.",
        "Britain and France signed the treaty in the 19th century.",
    ],
)
def test_a_decade_or_a_century_leaves_the_event_undated(code_text, text):
    # Neither 1990 at year precision nor the paper's day: the text gives no day, month or year.
    assert dates(code_text(text, date=PAPER)) == {(None, None, "asserted")}


# -- 2. no event after its article unless intended or hypothetical ---------------------------
@pytest.mark.parametrize(
    "text, trigger",
    [
        ("The talks between Britain and France were held on Friday.", "talks"),
        ("Britain and France held talks on Friday.", "held"),
    ],
)
def test_a_past_event_takes_the_weekday_before_the_paper(code_text, text, trigger):
    assert dates(code_text(text, date=PAPER), trigger) == {("2005-02-25", "day", "asserted")}


def test_an_intended_event_takes_the_weekday_after_the_paper(code_text):
    article = code_text("The British prime minister will visit France on Friday.", date=PAPER)
    assert dates(article, "visit") == {("2005-03-04", "day", "intended")}


def test_the_papers_own_weekday_is_its_day_in_the_past_and_in_the_future(code_text):
    signed = code_text("Britain and France signed the treaty on Tuesday.", date=PAPER)
    visit = code_text("The British prime minister will visit France on Tuesday.", date=PAPER)
    assert dates(signed) == {(PAPER, "day", "asserted")}
    assert dates(visit, "visit") == {(PAPER, "day", "intended")}


def test_an_intended_event_takes_the_next_month_of_that_name(code_text):
    february = code_text("The British prime minister will visit France in February.", date=PAPER)
    march = code_text("The British prime minister will visit France in March.", date=PAPER)
    assert dates(february, "visit") == {("2006-02-01", "month", "intended")}
    assert dates(march, "visit") == {("2005-03-01", "month", "intended")}  # the paper's month


def test_a_past_date_of_the_governing_clause_stays_past_for_an_intended_event(code_text):
    article = code_text("Iran agreed on Monday to visit France.", date=PAPER)
    assert dates(article, "visit") == {("2005-02-28", "day", "intended")}


def test_a_hypothetical_in_the_perfect_is_past(code_text):
    article = code_text("Britain and France could have signed the treaty on Friday.", date=PAPER)
    assert dates(article) == {("2005-02-25", "day", "hypothetical")}


@pytest.mark.parametrize(
    "text",
    [
        "Britain and France signed the treaty in 2007.",
        "Britain and France signed the treaty next week.",
        "Britain and France signed the treaty this Friday.",
        "The talks between Britain and France will be held on Friday.",  # "talks" coded asserted
    ],
)
def test_an_asserted_event_is_never_after_its_paper(code_text, text):
    # The date the text gives is after the paper: it is not the date of an event the text
    # does not put in the future; the event is dated as if its clause named no time.
    assert {date for date, _, _ in dates(code_text(text, date=PAPER))} == {PAPER}


def test_no_event_of_an_article_is_after_it_unless_intended_or_hypothetical(code_text):
    text = (
        "Britain and France signed a treaty on Friday. The French president will visit "
        "London on Thursday. The talks were held next week. Britain may sanction Iran "
        "on Saturday. Germany criticised Russia on Wednesday."
    )
    events = code_text(text, date=PAPER).events
    assert any(e["modality"] == "intended" and e["date"] > PAPER for e in events), events
    for event in events:
        if event["modality"] not in ("intended", "hypothetical"):
            assert event["date"] <= PAPER, event


@pytest.mark.parametrize(
    "expression, future, expected",
    [
        ("on Friday", False, ("2005-02-25", "day")),
        ("on Friday", True, ("2005-03-04", "day")),
        ("next Tuesday", True, ("2005-03-08", "day")),  # not the paper's own Tuesday
        ("in 2007", False, None),
        ("in 2007", True, ("2007-01-01", "year")),
        ("the 1990s", False, (None, None)),
    ],
)
def test_resolve_date_against_the_direction_of_the_clause(expression, future, expected):
    assert resolve_date(expression, PAPER, future) == expected


# -- 3. an article without a date says how to give one ---------------------------------------
@pytest.fixture(scope="module")
def coder():
    return Pipeline(Settings(dedupe=False), stages=CODE_STAGES)


def _document(number: int, date: str | None) -> Document:
    return Document(
        id=f"d{number}", content="Britain and France signed the treaty on Monday.", date=date
    )


def test_an_undated_article_warns_once_in_its_record_and_once_in_the_log(
    coder, caplog, monkeypatch
):
    monkeypatch.setattr(pipeline_module, "_undated_logged", False)
    with caplog.at_level(logging.WARNING, logger="communique.pipeline"):
        articles = list(coder.pipe([_document(n, None) for n in range(3)]))
        coder.process(articles)  # coded again: the warning is not repeated
    for article in articles:
        assert article.events and all(e["date"] is None for e in article.events)
        assert article.warnings == [UNDATED_WARNING]
        assert "--date YYYY-MM-DD" in article.warnings[0] and '"date" field' in article.warnings[0]
    logged = [r for r in caplog.records if "no publication date" in r.getMessage()]
    assert len(logged) == 1, logged


def test_a_dated_article_or_one_not_coded_gets_no_date_warning(coder):
    dated = coder(_document(0, PAPER))
    assert dated.events and dated.warnings == []
    cleaned = Pipeline(Settings(dedupe=False), stages=("clean",))(_document(1, None))
    assert cleaned.date is None and cleaned.warnings == []
