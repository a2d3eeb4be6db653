"""The pages, rendered on the server, over a real database: content, highlights, escaping."""

import re

import pytest

from communique.web import pages
from communique.web.app import create_app
from tests.conftest import example_db
from tests.web.running import local_client

HOSTILE = (
    "Egypt condemned Israel on Monday <script>alert('x')</script> and "
    "<img src=x onerror=alert(1)> over the raid.\n\n"
    "Jordan praised Egypt for its restraint <b onmouseover=alert(2)>today</b>."
)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    return local_client(create_app(example_db(folder / "db.sqlite", hostile)))


def article_ids(client):
    return {a["path"].rsplit("/", 1)[-1]: a["id"] for a in client.get("/api/articles").json()}


def test_every_page_loads(client):
    ids = article_ids(client)
    for path in (
        "/",
        "/events",
        "/events?source=RUS&target=MLI",
        "/dyad/RUS/MLI",
        "/network",
        f"/article/{ids['russia-mali-agreements.txt']}",
        "/static/communique-1.css",
    ):
        response = client.get(path)
        assert response.status_code == 200, path


def test_the_dyad_page_has_a_chart_and_the_events(client):
    page = client.get("/dyad/RUS/MLI").text
    assert "<svg" in page and 'class="timeline"' in page and "<rect" in page
    assert "Sign formal agreement" in page and "peaceful use of nuclear energy" in page


def test_the_article_page_highlights_the_evidence_and_folds_the_boilerplate(client):
    page = client.get(f"/article/{article_ids(client)['russia-mali-agreements.txt']}").text
    assert '<mark class="trigger">signed</mark>' in page and "signed three key agreements" in page
    assert "<details" in page and "Legal Disclaimer" in page


def test_the_article_page_lists_its_events_a_page_at_a_time(client, monkeypatch):
    article_id = article_ids(client)["russia-mali-agreements.txt"]
    total = client.get(f"/api/articles/{article_id}").json()["events_total"]
    assert total > 10
    monkeypatch.setattr(pages, "ARTICLE_PAGE", 10)
    links, offset, rows = set(), 0, 0
    while True:
        page = client.get(f"/article/{article_id}", params={"offset": offset}).text
        shown = page.count('<tr class="quad')
        assert 0 < shown <= 10 and f"of {total}" in page
        assert page.count('<a class="ref"') == shown  # this page's events, each marked once
        rows += shown
        found = re.search(r'<a rel="next" href="/article/[0-9a-f]+\?offset=(\d+)">', page)
        if not found:
            break
        offset = int(found.group(1))
        links.add(offset)
    assert rows == total and links == set(range(10, total, 10))
    assert 'rel="prev"' in page


def test_article_markup_is_escaped_on_every_page(client):
    hostile = article_ids(client)["hostile.txt"]
    for path in ("/", "/events", "/events?source=EGY", "/dyad/EGY/ISR", f"/article/{hostile}"):
        page = client.get(path).text
        assert (
            "<script>alert" not in page
            and "<img src=x" not in page
            and "<b onmouseover" not in page
        ), path
    assert "&lt;script&gt;" in client.get(f"/article/{hostile}").text


@pytest.mark.parametrize(
    "path",
    ["/events?source=R'--", "/events?since=1;DROP", "/dyad/R'S/MLI", "/article/%27%20OR%201=1"],
)
def test_hostile_page_requests_get_a_4xx(client, path):
    assert 400 <= client.get(path).status_code < 500
