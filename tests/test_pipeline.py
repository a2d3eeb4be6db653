import pytest

from communique import Pipeline, Settings
from communique.errors import ALL_ERRORS, CommuniqueError
from communique.model import Document
from tests.conftest import EXAMPLE
from tests.test_readme_tables import readme_table

DOCS = [
    Document(id="a", content=EXAMPLE.read_bytes()),
    Document(id="b", content=b""),
    Document(
        id="c", content="Talks resume\n\nThe talks resumed on Monday in Geneva, diplomats said."
    ),
    Document(id="d", content=EXAMPLE.read_text()),
]


def test_named_stages_in_order():
    assert Pipeline().stage_names == ["clean", "dedupe"]
    assert Pipeline(Settings(dedupe=False)).stage_names == ["clean"]
    with pytest.raises(ValueError):
        Pipeline(stages=["clean", "nope"])


@pytest.mark.parametrize("batch_size", [1, 2, 3, 64])
def test_pipe_streams_in_order_whatever_the_batch_size(batch_size):
    articles = list(Pipeline().pipe(iter(DOCS), batch_size=batch_size))
    assert [a.id for a in articles] == ["a", "b", "c", "d"]
    assert articles[1].error.code == "E101"
    assert articles[3].duplicate_of == "a"


def test_call_equals_pipe():
    one_by_one = Pipeline()
    called = [one_by_one(doc) for doc in DOCS]
    piped = list(Pipeline().pipe(DOCS))
    assert [a.clean_record() for a in called] == [a.clean_record() for a in piped]


def test_an_unexpected_failure_becomes_an_internal_error_record():
    pipeline = Pipeline()

    class Exploding:
        name = "explode"

        def __call__(self, article):
            if article.id == "c":
                raise ZeroDivisionError("boom")
            return article

    pipeline.stages.append(Exploding())
    articles = list(pipeline.pipe(DOCS))
    assert articles[2].error.code == "E900" and "boom" in articles[2].error.text
    assert articles[0].ok and articles[3].ok


def test_error_codes_are_unique_and_documented():
    codes = [cls.code for cls in ALL_ERRORS]
    assert len(codes) == len(set(codes))
    assert all(issubclass(cls, CommuniqueError) and cls.message for cls in ALL_ERRORS)
    documented = {code for code, _ in readme_table("code", "meaning")}
    assert sorted(set(codes) - documented) == [], "error codes missing from the README's table"


def test_code_text_is_the_library_shortcut_for_one_text():
    from communique import code_text

    record = code_text("Egypt condemned Israel on Monday.", date="2025-06-24")
    assert [
        (e["source"]["country"], e["target"]["country"], e["cameo_root"], e["date"])
        for e in record["events"]
    ] == [("EGY", "ISR", "11", "2025-06-23")]
