"""The API and the pages answer analysts' questions with totals, pages, filters and counts
that agree with the command line: a real database, the real app."""

import csv
import io
import re
from html.parser import HTMLParser

import pytest

from communique.web.app import create_app
from tests.conftest import analyst_db, run_cli
from tests.web.running import local_client


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return analyst_db(tmp_path_factory.mktemp("views") / "events.db")


@pytest.fixture(scope="module")
def client(db):
    return local_client(create_app(db))


def test_lists_carry_a_total_and_a_link_to_the_next_page(client):
    first = client.get("/api/events", params={"limit": 4})
    assert first.status_code == 200 and len(first.json()) == 4
    assert first.headers["X-Total-Count"] == "11"
    next_page = re.search(r'<([^>]+)>; rel="next"', first.headers["Link"]).group(1)
    second = client.get(next_page)
    assert second.headers["X-Total-Count"] == "11" and 'rel="prev"' in second.headers["Link"]
    assert not {e["id"] for e in first.json()} & {e["id"] for e in second.json()}
    last = client.get("/api/events", params={"limit": 4, "offset": 8})
    assert len(last.json()) == 3 and 'rel="next"' not in last.headers.get("Link", "")
    for path in ("/api/articles", "/api/agreements", "/api/dyads"):
        response = client.get(path, params={"limit": 1})
        assert int(response.headers["X-Total-Count"]) >= 1, path


def test_country_in_either_direction_by_code_or_name(client):
    by_code = client.get("/api/events", params={"country": "MLI"})
    by_name = client.get("/api/events", params={"country": "Mali"})
    assert by_code.json() == by_name.json() and by_code.headers["X-Total-Count"] == "4"
    assert {e["source"]["country"] for e in by_code.json()} == {"RUS", "MLI"}
    assert {e["target"]["country"] for e in by_code.json()} == {"RUS", "MLI"}
    unknown = client.get("/api/events", params={"country": "Atlantis"})
    assert unknown.status_code == 400 and "Atlantis" in unknown.json()["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/events",
        "/api/articles",
        "/api/dyads",
        "/api/network",
        "/api/agreements",
        "/api/dyads/RUS/MLI",
    ],
)
def test_an_unknown_parameter_is_refused_by_name(client, path):
    response = client.get(path, params={"contry": "IRN"})
    assert response.status_code == 400
    assert set(response.json()) == {"detail"} and "contry" in response.json()["detail"]


def test_one_error_shape_across_the_api(client):
    for response in (
        client.get("/api/events", params={"limit": 10**6}),
        client.get("/api/events", params={"quad": "x"}),
        client.get("/api/events", params={"country": "Atlantis"}),
        client.get("/api/articles/nope"),
    ):
        assert 400 <= response.status_code < 500
        assert set(response.json()) == {"detail"} and isinstance(response.json()["detail"], str)


def test_filters_and_actor_search(client):
    def total(**params) -> int:
        return int(client.get("/api/events", params=params).headers["X-Total-Count"])

    assert total(quad=4) == 2 and total(negated="true") == 1 and total(negated="false") == 10
    assert total(sector="MIL") >= 1 and total(between_countries="true") == 10
    assert total(modality="reported") == 1
    found = client.get("/api/events", params={"actor": "Putin"}).json()
    assert [e["cameo"] for e in found] == ["040"]


def test_undirected_dyad_counts_agree_across_cli_api_home_page_and_network(client, db):
    cli_rows = csv.DictReader(
        io.StringIO(run_cli("dyads", "--db", db).stdout.decode()), delimiter="\t"
    )
    from_cli = {(r["a"], r["b"]): int(r["events"]) for r in cli_rows}
    from_api = {(d["a"], d["b"]): d["events"] for d in client.get("/api/dyads").json()}
    from_network_api = {(d["a"], d["b"]): d["events"] for d in client.get("/api/network").json()}
    home = client.get("/").text
    from_home = {
        (a, b): int(n)
        for a, b, n in re.findall(
            r'<a href="/dyad/(\w+)/(\w+)">\w+–\w+</a></td>\s*<td>(\d+)</td>', home
        )
    }
    network = client.get("/network").text
    from_network = {
        (a, b): int(n)
        for a, b, n in re.findall(
            r'href="/dyad/(\w+)/(\w+)">.*?<title>\w+–\w+: (\d+) events', network
        )
    }
    assert from_cli[("MLI", "RUS")] == 4 and from_cli[("RUS", "UKR")] == 2
    assert from_cli == from_api == from_network_api == from_home == from_network
    dyad_page = client.get("/dyad/RUS/UKR").text
    assert "2 events counted" in dyad_page and "1 more listed below" in dyad_page


def test_timelines_are_zero_filled_in_the_api(client):
    periods = client.get("/api/dyads/MLI/RUS").json()
    assert [p["period"] for p in periods] == [f"2025-{m:02d}" for m in range(1, 13)]
    assert [p["events"] for p in periods] == [2] + [0] * 10 + [2]


class Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "href" in attrs:
            self.hrefs.append(attrs["href"])


def anchors(html: str) -> Anchors:
    parser = Anchors()
    parser.feed(html)
    return parser


def test_every_evidence_link_lands_on_an_anchor_that_exists(client):
    checked = 0
    for listing in ("/", "/events", "/dyad/RUS/UKR", "/events?country=Russia"):
        for href in anchors(client.get(listing).text).hrefs:
            if href.startswith("/article/") and "#" in href:
                path, fragment = href.split("#")
                assert fragment in anchors(client.get(path).text).ids, (listing, href)
                checked += 1
    assert checked >= 11  # every event of the lists has its link (the test cannot pass empty)


def test_the_article_page_marks_trigger_source_and_target_and_links_both_ways(client):
    articles = {a["path"].rsplit("/", 1)[-1]: a["id"] for a in client.get("/api/articles").json()}
    page = client.get(f"/article/{articles['kharkiv.txt']}").text
    assert '<mark class="trigger">shelled</mark>' in page
    assert '<mark class="source">Russian troops</mark>' in page
    assert (
        '<mark class="target">Ukrainian</mark>' in page
        or '<mark class="target">Ukrainian positions' in page
    )
    assert '<mark class="trigger">praised</mark>' in page
    found = anchors(page)
    internal = [href[1:] for href in found.hrefs if href.startswith("#")]
    assert internal and all(target in found.ids for target in internal)
    rows = {i for i in found.ids if i.startswith("row-")}
    marks = {i for i in found.ids if i.startswith("e-")}
    assert len(rows) == 2 and {r[4:] for r in rows} == {m[2:] for m in marks}


def test_list_pages_show_totals_and_page_through(client):
    events = client.get("/events", params={"country": "RUS"}).text
    assert "Events 1–10 of 10" in events
    assert "Articles 1–6 of 6" in client.get("/articles").text
    agreements = client.get("/agreements").text
    assert "Agreements 1–2 of 2" in agreements and "defence agreement" in agreements


def test_the_events_page_pages_with_its_filters_kept(client, monkeypatch):
    from communique.web import pages

    monkeypatch.setattr(pages, "PAGE", 3)
    page = client.get("/events", params={"country": "RUS"}).text
    assert "Events 1–3 of 10" in page
    next_link = re.search(r'<a rel="next" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert "country=RUS" in next_link and "offset=3" in next_link
    assert "Events 4–6 of 10" in client.get(next_link).text


def test_a_dyad_page_over_a_span_of_dates(client):
    page = client.get("/dyad/MLI/RUS", params={"since": "2025-12-01", "until": "2025-12-31"}).text
    assert "2 events counted" in page and "from 2025-12-01 to 2025-12-31" in page
    assert "Events 1–2 of 2" in page and "three agreements" not in page
