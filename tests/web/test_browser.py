"""Real Chromium, through Playwright, against a real server on a free port.

Debian's chromium is driven through ``executable_path`` (``playwright install`` cannot
download here); ``.ci/run`` installs it. Screenshots go to the test's tmp dir.
"""
import shutil

import pytest

from tests.conftest import example_db, served

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served(example_db(tmp_path_factory.mktemp("browser") / "db.sqlite")) as url:
        yield url


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser.new_page(viewport={"width": 1200, "height": 900})
        browser.close()


def test_every_page_loads(server, page):
    for path in ("/", "/events", "/events?source=RUS&target=MLI", "/dyad/RUS/MLI", "/network"):
        response = page.goto(server + path)
        assert response.status == 200, path
        assert page.locator("header .brand").inner_text() == "communique"


def test_from_the_dyad_to_the_highlighted_sentence(server, page, tmp_path):
    page.goto(server + "/dyad/RUS/MLI")
    assert page.locator("svg.timeline rect").count() >= 1
    page.screenshot(path=str(tmp_path / "dyad-RUS-MLI.png"), full_page=True)
    page.locator("table.events a", has_text="signed three key agreements").first.click()
    page.wait_for_load_state()
    assert "/article/" in page.url
    mark = page.locator("mark", has_text="signed three key agreements")
    assert mark.count() == 1 and mark.is_visible()
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert (tmp_path / "dyad-RUS-MLI.png").stat().st_size > 10_000
