"""Real Chromium, through Playwright, against a real server on a free port.

Debian's chromium is driven through ``executable_path`` (``playwright install`` cannot
download here); ``.ci/run`` installs it. Screenshots go to the test's tmp dir.
"""

import pytest

from tests.conftest import example_db, served
from tests.web.running import CHROMIUM, chromium_page

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served(example_db(tmp_path_factory.mktemp("browser") / "db.sqlite")) as url:
        yield url


@pytest.fixture(scope="module")
def page():
    with chromium_page() as page:
        yield page


def test_every_page_loads(server, page):
    for path in ("/", "/events", "/events?source=RUS&target=MLI", "/dyad/RUS/MLI", "/network"):
        response = page.goto(server + path)
        assert response.status == 200, path
        assert page.locator("header .brand").inner_text() == "communique"


def test_from_the_dyad_to_the_highlighted_sentence(server, page, tmp_path):
    page.goto(server + "/dyad/RUS/MLI")
    assert page.locator("svg.timeline rect").count() >= 1
    page.screenshot(path=str(tmp_path / "dyad-RUS-MLI.png"), full_page=True)
    row = page.locator("table.events tr", has_text="signed three key agreements").first
    row.locator("a", has_text="in the article").click()
    page.wait_for_load_state()
    assert "/article/" in page.url and "#e-" in page.url
    sentence = page.locator("span.evidence", has_text="signed three key agreements")
    assert sentence.count() == 1 and sentence.is_visible()
    assert sentence.locator("mark.trigger", has_text="signed").count() == 1
    reference = page.locator(":target")  # the event's reference, where the link landed
    assert reference.count() == 1 and reference.is_visible()
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert (tmp_path / "dyad-RUS-MLI.png").stat().st_size > 10_000


@pytest.fixture(scope="module")
def analyst_server(tmp_path_factory):
    from tests.conftest import analyst_db

    with served(analyst_db(tmp_path_factory.mktemp("analyst") / "db.sqlite")) as url:
        yield url


def test_the_dyad_chart_has_labelled_axes_values_and_a_legend(analyst_server, page, tmp_path):
    page.goto(analyst_server + "/dyad/MLI/RUS")
    chart = page.locator("svg.timeline")
    assert chart.is_visible() and chart.bounding_box()["width"] >= 600
    titles = chart.locator("text.axis-title").all_text_contents()
    assert titles == ["Events", "Goldstein sum", "Month"]
    assert chart.locator("text.legend").all_text_contents() == [
        "Verbal cooperation",
        "Material cooperation",
        "Verbal conflict",
        "Material conflict",
    ]
    months = chart.locator("text.tick-x").all_text_contents()
    assert months == [f"2025-{m:02d}" for m in range(1, 13)]  # the empty months drawn too
    assert chart.locator("text.value").all_text_contents() == ["2", "2"]
    assert "0" in chart.locator("text.tick-y").all_text_contents()
    page.screenshot(path=str(tmp_path / "dyad.png"), full_page=True)


def test_a_network_edge_opens_its_dyad_page(analyst_server, page):
    page.goto(analyst_server + "/network")
    page.locator('svg.network a.edge[href="/dyad/MLI/RUS"] line').click()
    page.wait_for_url("**/dyad/MLI/RUS")
    assert page.locator("h1").inner_text() == "Mali (MLI) and Russia (RUS)"
    assert "4 events counted" in page.locator("p.counts").inner_text()
