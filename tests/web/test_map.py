"""The /map page and the API's place filters over a real database: the SVG world map (no
script), its dots, legend and links, the filters it shares with /events, and near/bbox."""

import re
from html import unescape

import pytest

from communique.web.app import create_app
from communique.web.world_map import outlines
from tests.conftest import example_db
from tests.web.running import local_client

MOSCOW = "55.75204,37.61781"
REPORTS = {
    "niamey.txt": "Mali and Niger held talks in Niamey on Monday.",
    "gao.txt": "Militants attacked Malian soldiers near Gao on Monday.",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("map")
    extra = []
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
        extra.append(folder / name)
    return local_client(create_app(example_db(folder / "db.sqlite", *extra)))


def dots(html: str) -> list[tuple[str, str]]:
    """(link, circle class) of each dot."""
    return [
        (unescape(href), quad)
        for href, quad in re.findall(
            r'<a class="dot" href="([^"]+)"><circle class="(quad\d)"', html
        )
    ]


def test_the_map_is_an_svg_with_countries_dots_and_a_legend(client):
    page = client.get("/map")
    assert page.status_code == 200 and "<script" not in page.text
    html = page.text
    assert '<svg class="world-map"' in html
    assert html.count("<path ") == len(outlines()) > 150  # every country outlined
    assert 'class="shade-0"' in html and re.search(r'class="shade-[1-5]"', html)
    found = dots(html)
    assert len(found) >= 3  # Moscow, Niamey, Gao at least
    legend = html[html.index('class="map-legend"') :]
    for name in (
        "verbal cooperation",
        "material cooperation",
        "verbal conflict",
        "material conflict",
    ):
        assert name in legend
    assert any(quad == "quad4" for _, quad in found)  # the attack near Gao: material conflict


def test_a_dot_opens_the_events_at_its_place(client):
    moscow = next(
        href for href, _ in dots(client.get("/map").text) if MOSCOW in href.replace("%2C", ",")
    )
    listed = client.get(moscow)
    assert listed.status_code == 200
    assert "met with Mali" in listed.text  # the Moscow meeting's sentence
    located = client.get("/api/events", params={"near": f"{MOSCOW},1"})
    total = int(located.headers["x-total-count"])
    assert total >= 3 and all(e["location"]["name"] == "Moscow" for e in located.json())
    assert listed.text.count('<tr class="quad') == total


def test_the_map_takes_the_filters_of_the_events_list(client):
    conflict = client.get("/map", params={"quad": "4"}).text
    assert {quad for _, quad in dots(conflict)} == {"quad4"}
    assert all("quad=4" in href for href, _ in dots(conflict))  # a dot keeps the filters
    assert dots(client.get("/map", params={"since": "2030-01-01"}).text) == []
    wrong = client.get("/map", params={"near": "north of here"})
    assert wrong.status_code == 400 and "near must be" in wrong.text
    assert "Traceback" not in wrong.text


def test_the_api_filters_events_by_distance_and_box(client):
    def total(**params) -> int:
        response = client.get("/api/events", params=params)
        assert response.status_code == 200, response.text
        return int(response.headers["x-total-count"])

    near_moscow = total(near="55.7,37.6,50")
    assert near_moscow >= 3 and total(near="55.7,37.6,50", quad=1) <= near_moscow
    assert total(near="48.85,2.35,500") == 0  # Paris
    niger = total(bbox="0,10,5,15")  # Niamey
    assert niger >= 1 and total(bbox="-5,14,5,18") >= 1  # Gao
    assert total(bbox="-10,0,20,30") >= niger + 1  # both
    assert total(bbox="170,-20,-170,20") == 0  # across the antimeridian: the Pacific
    assert total(bbox="30,50,-170,60") >= 3  # from 30 E across the antimeridian: Moscow
    for bad in ({"near": "55,37"}, {"near": "95,37,5"}, {"near": "55,37,0"}, {"bbox": "1,2,3"}):
        response = client.get("/api/events", params=bad)
        assert response.status_code == 400 and "Traceback" not in response.text, bad
