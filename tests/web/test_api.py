"""The JSON API with FastAPI's test client, over a real database of the seed."""

import json

import pytest

from communique.web.app import create_app
from tests.conftest import EXAMPLE, example_db, run_cli
from tests.web.running import local_client

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return example_db(tmp_path_factory.mktemp("web") / "seed.db")


@pytest.fixture(scope="module")
def client(db):
    return local_client(create_app(db))


def test_openapi(client):
    spec = client.get("/openapi.json").json()
    assert {
        "/api/events",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/dyads/{a}/{b}",
        "/api/network",
        "/api/agreements",
    } <= set(spec["paths"])
    assert "/api/ingest" not in spec["paths"]  # read-only without a token


def test_events_of_a_dyad(client):
    events = client.get("/api/events", params={"source": "RUS", "target": "MLI"}).json()
    assert len(events) >= 3
    assert all(e["source"]["country"] == "RUS" and e["target"]["country"] == "MLI" for e in events)


def test_article_with_its_events(client):
    articles = client.get("/api/articles").json()
    article = client.get(f"/api/articles/{articles[0]['id']}").json()
    assert article["text"] and article["removed"] and article["events"]
    for event in article["events"]:
        evidence = event["evidence"]
        if evidence["field"] == "text":
            assert article["text"][evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert client.get("/api/articles/nope").status_code == 404


def test_an_articles_events_come_in_pages(client):
    """A long article's events are paged (all of them once made an answer of 48 MB)."""
    article_id = client.get("/api/articles").json()[0]["id"]
    whole = client.get(f"/api/articles/{article_id}", params={"limit": 1000}).json()
    total = whole["events_total"]
    assert total == len(whole["events"]) > 5
    first = client.get(f"/api/articles/{article_id}").json()  # the default page
    assert first["events_total"] == total and len(first["events"]) == min(total, 100)
    seen = []
    for offset in range(0, total + 5, 5):
        page = client.get(
            f"/api/articles/{article_id}", params={"limit": 5, "offset": offset}
        ).json()
        assert page["events_total"] == total and len(page["events"]) <= 5
        seen += [event["id"] for event in page["events"]]
    assert seen == [event["id"] for event in whole["events"]]  # each once, in order
    assert client.get(f"/api/articles/{article_id}", params={"limit": 1001}).status_code == 422
    assert client.get(f"/api/articles/{article_id}", params={"offset": -1}).status_code == 422


def test_dyad_network_agreements(client):
    assert client.get("/api/dyads/RUS/MLI", params={"interval": "day"}).json()
    edges = client.get("/api/network").json()
    assert any((e["a"], e["b"]) == ("MLI", "RUS") and e["a_to_b"] and e["b_to_a"] for e in edges)
    assert (
        len(client.get("/api/agreements", params={"party": "MLI", "topic": "nuclear"}).json()) == 1
    )


def test_an_agreement_has_the_same_evidence_offsets_in_code_output_and_in_the_api(client):
    """Evidence offsets mean one thing everywhere: ``start`` and ``end`` are the sentence's in
    the article's clean text, ``span_start`` and ``span_end`` the agreement's name's."""
    coded = json.loads(run_cli("code", str(EXAMPLE), "--date", "2025-06-24").stdout)
    offsets = ("sentence", "start", "end", "span_start", "span_end")
    told = {}  # an agreement (its title and parties) -> each place the text tells it
    for agreement in coded["agreements"]:
        key = (agreement["title"], tuple(sorted(agreement["parties"])))
        told.setdefault(key, []).append({k: agreement["evidence"][k] for k in offsets})
    served = client.get("/api/agreements").json()
    assert len(served) >= 3
    for agreement in served:
        evidence = agreement["evidence"]
        article = client.get(f"/api/articles/{evidence['article_id']}").json()
        assert article["text"] == coded["text"]
        assert article["text"][evidence["start"] : evidence["end"]] == evidence["sentence"]
        assert evidence["start"] <= evidence["span_start"] < evidence["span_end"] <= evidence["end"]
        key = (agreement["title"], tuple(sorted(agreement["parties"])))
        assert {k: evidence[k] for k in offsets} in told[key]


@pytest.mark.parametrize(
    "path, params",
    [
        ("/api/events", {"source": "RUS' OR '1'='1"}),
        ("/api/events", {"since": "2025-06-24; DROP TABLE events"}),
        ("/api/events", {"cameo": "04%"}),
        ("/api/events", {"limit": 10**9}),
        ("/api/dyads/RUS/M'L", {}),
        ("/api/agreements", {"party": "1=1"}),
    ],
)
def test_hostile_parameters_get_a_4xx(client, path, params):
    response = client.get(path, params=params)
    assert 400 <= response.status_code < 500


def test_sql_like_words_in_search_are_only_words(client):
    response = client.get("/api/events", params={"q": "'; DROP TABLE events; --"})
    assert response.status_code == 200 and response.json() == []


def test_ingest_needs_the_token(db, tmp_path):
    import shutil

    copy = tmp_path / "writable.db"
    shutil.copy(db, copy)
    text = "Egypt condemned Israel on Monday over the raid."
    with local_client(create_app(copy, token=TOKEN)) as client:  # the lifespan stops the worker
        assert client.post("/api/ingest", content=text).status_code == 401
        assert (
            client.post(
                "/api/ingest", content=text, headers={"Authorization": "Bearer wrong"}
            ).status_code
            == 401
        )
        accepted = client.post(
            "/api/ingest", content=text, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert accepted.status_code == 201 and accepted.json()["articles"] == 1
        assert client.get("/api/events", params={"source": "EGY", "target": "ISR"}).json()


def test_the_coder_starts_with_the_first_ingest_not_with_the_server(db, tmp_path):
    """A server that only answers reads holds no model, even with a token (issue 17)."""
    import multiprocessing
    import shutil

    copy = tmp_path / "lazy.db"
    shutil.copy(db, copy)
    before = set(multiprocessing.active_children())
    with local_client(create_app(copy, token=TOKEN)) as client:
        assert client.get("/api/events").status_code == 200
        assert set(multiprocessing.active_children()) == before
        accepted = client.post(
            "/api/ingest",
            content="Egypt condemned Israel on Monday.",
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert accepted.status_code == 201
        assert set(multiprocessing.active_children()) - before  # the coder's worker


def test_no_page_loads_scripts_from_elsewhere(client):
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
    for path in ("/", "/events", "/dyad/RUS/MLI", "/network"):
        assert "<script" not in client.get(path).text


def test_ingest_refuses_a_body_over_the_limit(db, tmp_path):
    import shutil

    from communique.web.app import MAX_BODY_BYTES

    copy = tmp_path / "limit.db"
    shutil.copy(db, copy)
    client = local_client(create_app(copy, token=TOKEN))  # no lifespan: no worker is started
    response = client.post(
        "/api/ingest",
        content=b"x" * (MAX_BODY_BYTES + 1),
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 413
