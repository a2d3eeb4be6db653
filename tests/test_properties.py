"""Properties that hold on any text (hypothesis): the cleaner and the coder never raise,
the cleaner keeps or reports every word, evidence offsets index the clean text and reproduce
the sentence, output is deterministic."""

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique import Pipeline, Settings
from communique.ingest.text import clean_text, normalise
from communique.model import Document

WORDS = [
    "Russia",
    "Mali",
    "France",
    "Putin",
    "President",
    "the",
    "two",
    "countries",
    "signed",
    "a",
    "treaty",
    "with",
    "met",
    "they",
    "Egypt",
    "condemned",
    "Israel",
    "on",
    "Monday",
    "said",
    "will",
    "not",
    "attack",
    "troops",
    "NATO",
    "these",
    "and",
    ",",
    ".",
    "\n\n",
    "'s",
    "minister",
    "Defense",
    "in",
    "Moscow",
    "65",
    "years",
    "ago",
    "if",
    "may",
]
news_like = st.lists(st.sampled_from(WORDS), min_size=0, max_size=60).map(" ".join)
any_text = st.text(max_size=400)
PIPELINE = Pipeline(Settings(dedupe=False), stages=("clean", "parse", "actors", "events"))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# What the cleaner cuts: a title line, datelines and source tags, boilerplate, list items.
PAGE_BITS = [
    "\n",
    "WASHINGTON (Reuters) -",
    "(AP) —",
    "LONDON, Jan 5 -",
    "- ",
    "1.",
    "•",
    "Copyright 2024 All rights reserved",
    "Accept cookies to personalise",
    "\r\n",
    "\t",
]
page_like = st.lists(st.sampled_from(WORDS + PAGE_BITS), min_size=0, max_size=80).map(" ".join)


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text))


@FAST
@given(st.one_of(any_text, news_like, page_like), st.booleans())
def test_the_cleaner_never_raises_and_keeps_or_reports_every_word(text, extracted):
    result = clean_text(text, extracted=extracted)
    # Nothing lost, nothing invented: each word of the input is in the clean text or in a
    # removed block (title, dateline, boilerplate, duplicate), once.
    reported = sum((words(block.text) for block in result.removed), Counter())
    assert words(result.text) + reported == words(normalise(text))
    # Paragraphs are one line each, apart by a blank line, and none is empty.
    for paragraph in result.text.split("\n\n") if result.text else []:
        assert "\n" not in paragraph and re.search(r"\w", paragraph), result.text


def code(text: str):
    return PIPELINE(Document(id="p", content=text, date="2025-06-24"))


@FAST
@given(st.one_of(news_like, any_text))
def test_the_coder_never_raises_and_evidence_indexes_the_text(text):
    article = code(text)
    if article.error is not None:
        assert article.error.code.startswith("E") and not article.error.code.startswith("E9")
        return
    for event in article.events:
        evidence = event["evidence"]
        if evidence["field"] == "text":
            assert article.text[evidence["start"] : evidence["end"]] == evidence["sentence"]
        assert evidence["trigger"].split()[0] in evidence["sentence"]
    for actor in article.actors_record()["actors"]:
        assert article.text[actor["start"] : actor["end"]] == actor["text"]


@settings(max_examples=15, deadline=None)
@given(news_like)
def test_the_output_is_deterministic(text):
    assert code(text).code_record() == code(text).code_record()
