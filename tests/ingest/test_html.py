import gzip

from communique import Pipeline, Settings
from communique.ingest.readers import iter_documents
from tests.conftest import RESOURCES

PAGE = RESOURCES / "html" / "summit.html"


def clean(path, **settings):
    [article] = Pipeline(Settings(**settings)).pipe(iter_documents([str(path)]))
    assert article.ok, article.error
    return article


def test_main_text_and_metadata_from_the_page():
    article = clean(PAGE)
    assert article.title == "Senegal and Gambia sign bridge accord"
    assert article.date == "2024-05-14"
    assert article.author == "Awa Diop"
    assert article.source == "West Africa Wire"
    assert article.url == "https://westafricawire.example/2024/05/14/senegal-gambia-bridge"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Senegal and Gambia signed an accord on Tuesday")
    assert paragraphs[-1].startswith("The bridge, opened in 2019")
    for junk in ("cookies", "Most read", "Share this", "All rights reserved", "Home", "Lions win"):
        assert junk not in article.text


def test_page_metadata_date_wins_over_the_command_line_date(tmp_path):
    assert clean(PAGE, default_date="2025-01-01").date == "2024-05-14"
    undated = tmp_path / "undated.html.gz"
    undated.write_bytes(
        gzip.compress(
            PAGE.read_bytes().replace(b"2024-05-14T09:30:00Z", b"").replace(b"/2024/05/14", b"")
        )
    )
    assert clean(undated, default_date="2025-01-01").date == "2025-01-01"
