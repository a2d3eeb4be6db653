"""The attribute ruler compiled to a table gives exactly the tokens spaCy's own ruler gives."""

from pathlib import Path

import pytest

from communique.nlp.attribute_table import compile_attribute_ruler
from communique.nlp.coordinated_names import coordinated_names
from communique.nlp.paragraphs import paragraph_starts
from communique.nlp.parse import bare_pipeline, load_pipeline
from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[2]
# Words the ruler's longer and lexical patterns are about: contractions, "gonna", "let's",
# spaces, "but" as an adverb, pronoun and determiner morphology.
ODDITIES = (
    "I ain't gonna sign it, let's wait.  Gotta run!\n\n  Y'all dunno what 'em lot want.\n"
    "All but one state voted; the ministers themselves said that this was theirs, not ours."
)


def token_rows(doc):
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


def repo_texts() -> list[str]:
    texts = [(ROOT / "examples/russia-mali-agreements.txt").read_text(encoding="utf-8")]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/resources").rglob("*.txt"))
    ]
    return texts + [ODDITIES, "", " ", "\n\n"]


def bare_docs(texts):
    """spaCy's own pipeline, with the sentence starts ours sets at paragraph breaks before
    its parser and the titled names it splits after: the table is the one difference left."""
    bare = bare_pipeline()
    assert "attribute_ruler" in bare.pipe_names
    for text in texts:
        doc = bare.make_doc(text)
        for name, component in bare.pipeline:
            if name == "parser":
                doc = paragraph_starts(doc)
            doc = component(doc)
        yield coordinated_names(doc)


def assert_same_tokens(texts):
    ours = load_pipeline()
    assert "communique_attribute_table" in ours.pipe_names
    for text, mine, theirs in zip(texts, ours.pipe(texts), bare_docs(texts)):
        assert token_rows(mine) == token_rows(theirs), text[:80]


def test_the_table_gives_the_rulers_tokens_on_the_projects_texts():
    assert_same_tokens(repo_texts())


def test_the_table_gives_the_rulers_tokens_on_real_news():
    bbc = shared_path("data", "corpora", "bbc")
    files = sorted(bbc.rglob("*.txt"))[::40]
    assert_same_tokens([f.read_text(encoding="utf-8") for f in files])


def test_a_pattern_the_table_cannot_hold_keeps_spacys_ruler():
    nlp = bare_pipeline()
    ruler = nlp.get_pipe("attribute_ruler")

    class Unusual:  # the same ruler with one pattern on an attribute the table does not key
        vocab = ruler.vocab
        patterns = ruler.patterns + [
            {"patterns": [[{"SHAPE": "Xxxx"}]], "attrs": {"POS": "PROPN"}, "index": 0}
        ]

    assert compile_attribute_ruler(ruler) is not None
    assert compile_attribute_ruler(Unusual()) is None


@pytest.mark.parametrize("text", ["gonna", "I ain't", "let's"])
def test_longer_patterns_set_what_they_set(text):
    assert token_rows(load_pipeline()(text)) == token_rows(next(bare_docs([text])))


def test_a_table_that_starts_afresh_still_gives_the_rulers_tokens(monkeypatch):
    # a long-running process clears the table past MAX_KEYS; what it builds again must agree
    import communique.nlp.attribute_table as attribute_table

    monkeypatch.setattr(attribute_table, "MAX_KEYS", 5)
    assert_same_tokens(repo_texts() * 2)
