"""/map in real Chromium, through Playwright, on a database of 300 Reuters stories and 100
BBC articles (issue 19): the SVG world map with its dots and legend, and a dot that opens
the events at its place. Screenshots go to the test's tmp dir."""

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, served, shared_path
from tests.web.running import CHROMIUM, chromium_page

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)"),
]


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus-map")
    stories = folder / "reuters300.jsonl"
    with open(shared_path("data", "corpora", "reuters21578.jsonl"), encoding="utf-8") as source:
        lines = [line for line in source if json.loads(line).get("text", "").strip()][:300]
    stories.write_text("".join(lines), encoding="utf-8")
    bbc = sorted(shared_path("data", "corpora", "bbc", "politics").glob("*.txt"))[:100]
    db = folder / "db.sqlite"
    run = subprocess.run(
        [sys.executable, "-m", "communique.cli", "ingest", str(stories), *map(str, bbc)]
        + ["--db", str(db), "--no-progress"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr
    with served(db) as url:
        yield url


@pytest.fixture(scope="module")
def page():
    with chromium_page() as page:
        yield page


def test_the_map_shows_dots_and_a_legend_and_a_dot_opens_its_events(corpus_server, page, tmp_path):
    response = page.goto(corpus_server + "/map")
    assert response.status == 200
    world = page.locator("svg.world-map")
    assert world.is_visible() and world.bounding_box()["width"] >= 900
    assert world.locator("g.countries path").count() > 150
    dots = world.locator("a.dot circle")
    assert dots.count() >= 10
    legend = world.locator("g.map-legend text.legend").all_text_contents()
    assert legend[:4] == [
        "1 verbal cooperation",
        "2 material cooperation",
        "3 verbal conflict",
        "4 material conflict",
    ]
    page.screenshot(path=str(tmp_path / "map.png"), full_page=True)
    # the busiest place whose dot no smaller one covers (Playwright clicks only a dot that
    # would receive the click itself)
    for n in range(dots.count()):
        dot = dots.nth(n)
        try:
            dot.click(trial=True, timeout=1_000)
        except Exception:  # covered by another dot: the next one
            continue
        break
    title = dot.locator("title").text_content()
    place, count = (
        title.split(": ")[0],
        int(title.split(": ")[1].split(" events")[0].replace(",", "")),
    )
    dot.click()
    page.wait_for_load_state()
    assert "/events?" in page.url and "near=" in page.url
    assert page.locator("table.events tr[class^=quad]").count() == min(count, 100)
    page.screenshot(path=str(tmp_path / "map-events.png"), full_page=True)
    assert (tmp_path / "map.png").stat().st_size > 20_000, place
