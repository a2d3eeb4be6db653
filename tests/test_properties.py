"""Properties that hold on any text (hypothesis): the cleaner and the coder never raise,
evidence offsets index the clean text and reproduce the sentence, output is deterministic."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique import Pipeline, Settings
from communique.ingest.text import clean_text
from communique.model import Document

WORDS = ["Russia", "Mali", "France", "Putin", "President", "the", "two", "countries", "signed",
         "a", "treaty", "with", "met", "they", "Egypt", "condemned", "Israel", "on", "Monday",
         "said", "will", "not", "attack", "troops", "NATO", "these", "and", ",", ".", "\n\n",
         "'s", "minister", "Defense", "in", "Moscow", "65", "years", "ago", "if", "may"]
news_like = st.lists(st.sampled_from(WORDS), min_size=0, max_size=60).map(" ".join)
any_text = st.text(max_size=400)
PIPELINE = Pipeline(Settings(dedupe=False), stages=("clean", "parse", "actors", "events"))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.one_of(any_text, news_like))
def test_the_cleaner_never_raises(text):
    result = clean_text(text)
    assert isinstance(result.text, str)


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
            assert article.text[evidence["start"]:evidence["end"]] == evidence["sentence"]
        assert evidence["trigger"].split()[0] in evidence["sentence"]
    for actor in article.actors_record()["actors"]:
        assert article.text[actor["start"]:actor["end"]] == actor["text"]


@settings(max_examples=15, deadline=None)
@given(news_like)
def test_the_output_is_deterministic(text):
    assert code(text).code_record() == code(text).code_record()
