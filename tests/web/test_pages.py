"""The pages, rendered on the server, over a real database: content, highlights, escaping."""
import pytest
from fastapi.testclient import TestClient

from communique.web.app import create_app
from tests.conftest import example_db

HOSTILE = ("Egypt condemned Israel on Monday <script>alert('x')</script> and "
           "<img src=x onerror=alert(1)> over the raid.\n\n"
           "Jordan praised Egypt for its restraint <b onmouseover=alert(2)>today</b>.")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    return TestClient(create_app(example_db(folder / "db.sqlite", hostile)))


def article_ids(client):
    return {a["path"].rsplit("/", 1)[-1]: a["id"] for a in client.get("/api/articles").json()}


def test_every_page_loads(client):
    ids = article_ids(client)
    for path in ("/", "/events", "/events?source=RUS&target=MLI", "/dyad/RUS/MLI", "/network",
                 f"/article/{ids['russia-mali-agreements.txt']}", "/static/communique-1.css"):
        response = client.get(path)
        assert response.status_code == 200, path


def test_the_dyad_page_has_a_chart_and_the_events(client):
    page = client.get("/dyad/RUS/MLI").text
    assert "<svg" in page and 'class="timeline"' in page and "<rect" in page
    assert "Sign formal agreement" in page and "peaceful use of nuclear energy" in page


def test_the_article_page_highlights_the_evidence_and_folds_the_boilerplate(client):
    page = client.get(f"/article/{article_ids(client)['russia-mali-agreements.txt']}").text
    assert "<mark" in page and "signed three key agreements" in page
    assert "<details" in page and "Legal Disclaimer" in page


def test_article_markup_is_escaped_on_every_page(client):
    hostile = article_ids(client)["hostile.txt"]
    for path in ("/", "/events", "/events?source=EGY", "/dyad/EGY/ISR", f"/article/{hostile}"):
        page = client.get(path).text
        assert "<script>alert" not in page and "<img src=x" not in page and "<b onmouseover" not in page, path
    assert "&lt;script&gt;" in client.get(f"/article/{hostile}").text


@pytest.mark.parametrize("path", ["/events?source=R'--", "/events?since=1;DROP", "/dyad/R'S/MLI",
                                  "/article/%27%20OR%201=1"])
def test_hostile_page_requests_get_a_4xx(client, path):
    assert 400 <= client.get(path).status_code < 500
