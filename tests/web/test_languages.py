"""Articles' languages in the API and the pages, over a real database of reports in English,
French and German: the ``lang`` filters, their refusals, and the language shown (escaped)."""

import re
import shutil
import sqlite3
from contextlib import closing

import pytest

from communique.web.app import create_app
from tests.conftest import languages_db
from tests.web.running import local_client


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return languages_db(tmp_path_factory.mktemp("web-languages") / "events.db")


@pytest.fixture(scope="module")
def client(db):
    return local_client(create_app(db))


def article_ids(client, lang: str) -> list[str]:
    return [a["id"] for a in client.get("/api/articles", params={"lang": lang}).json()]


def test_events_by_language_in_the_api(client):
    every = client.get("/api/events").json()
    french = client.get("/api/events", params={"lang": "fr"})
    assert french.status_code == 200 and french.json()
    assert french.headers["X-Total-Count"] == str(len(french.json()))
    english = client.get("/api/events", params={"lang": "en"}).json()
    assert 0 < len(english) < len(every)  # France's condemnation of Iran is told in French only
    assert {e["evidence"]["lang"] for e in english} == {"en"}
    for event in french.json():
        assert event["evidence"]["lang"] == "fr"
        assert event["evidence"]["article_id"] in article_ids(client, "fr")
    assert {e["evidence"]["lang"] for e in every} <= {"en", "fr"}
    assert client.get("/api/events", params={"lang": "de"}).json() == []
    assert client.get("/api/events", params={"lang": "FR"}).json() == french.json()
    # the filters combine
    both = client.get("/api/events", params={"lang": "fr", "source": "RUS"}).json()
    assert both and all(e["source"]["country"] == "RUS" for e in both)


def test_articles_by_language_in_the_api(client):
    listed = client.get("/api/articles")
    assert listed.headers["X-Total-Count"] == "4"
    assert sorted(a["lang"] for a in listed.json()) == ["de", "en", "fr", "fr"]
    french = client.get("/api/articles", params={"lang": "fr"})
    assert french.headers["X-Total-Count"] == "2" and {a["lang"] for a in french.json()} == {"fr"}
    german = client.get(f"/api/articles/{article_ids(client, 'de')[0]}").json()
    assert german["lang"] == "de" and german["events"] == [] and german["events_total"] == 0


@pytest.mark.parametrize("path", ["/api/events", "/api/articles"])
@pytest.mark.parametrize("value", ["french", "f", "fr-CA", "1=1", "fr' OR '1'='1"])
def test_a_bad_language_is_a_400_that_says_why(client, path, value):
    response = client.get(path, params={"lang": value})
    assert response.status_code == 400
    assert set(response.json()) == {"detail"}
    assert (
        response.json()["detail"].startswith("lang: ")
        and "language code" in (response.json()["detail"])
    )


def test_the_openapi_description_has_the_filters(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/articles"):
        assert "lang" in {parameter["name"] for parameter in paths[path]["get"]["parameters"]}


def test_the_pages_show_the_language_and_filter_by_it(client):
    listing = client.get("/articles").text
    assert "<th>Language</th>" in listing
    assert re.findall(r"<td>(de|en|fr)</td><td>\d+</td></tr>", listing).count("fr") == 2
    assert '<a href="/articles?lang=fr">fr</a> (2)' in listing  # the languages held
    french = client.get("/articles", params={"lang": "fr"}).text
    assert "<h1>Articles in fr</h1>" in french and "Articles 1–2 of 2" in french
    assert "Russland" not in french and '<a href="/articles">all</a>' in french
    article = client.get(f"/article/{article_ids(client, 'fr')[0]}").text
    assert 'language <a href="/articles?lang=fr">fr</a>' in article
    assert '<article class="text" lang="fr">' in article
    events = client.get("/events", params={"lang": "fr"}).text
    assert 'name="lang" value="fr"' in events and "Events 1–" in events
    assert "La Russie" in events and "Russia and Mali" not in events
    assert '<span lang="fr">' in events  # the evidence is marked as French


@pytest.mark.parametrize("page", ["/events", "/articles"])
def test_a_bad_language_on_a_page_is_a_400_that_says_why(client, page):
    response = client.get(page, params={"lang": "<b>x</b>"})
    assert response.status_code == 400
    assert "is not a language code" in response.text
    assert "<b>x</b>" not in response.text and "&lt;b&gt;x&lt;/b&gt;" in response.text


def test_a_stored_language_is_escaped_on_every_page(db, tmp_path):
    """A database another program wrote may hold anything in ``lang``: it is shown as text."""
    hostile = '"><script>alert(1)</script>'
    copy = tmp_path / "hostile.db"
    shutil.copy(db, copy)
    with closing(sqlite3.connect(copy)) as connection, connection:
        connection.execute("UPDATE articles SET lang = ?", (hostile,))
    client = local_client(create_app(copy))
    article_id = client.get("/api/articles").json()[0]["id"]
    for path in ("/articles", f"/article/{article_id}", "/events", "/"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "<script>" not in page.text, path
    assert "&#34;&gt;&lt;script&gt;" in client.get("/articles").text
