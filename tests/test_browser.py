"""The report and the web app in headless Chromium: visible parts, no console error, no request out."""

from pathlib import Path

import pytest
from serving import running_server

from conftest import EXAMPLE

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page that records its console errors and every request it makes."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.errors, self.requests = [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def outside(self, *allowed: str) -> list[str]:
        return [url for url in self.requests if not url.startswith(allowed)]


@pytest.fixture
def watched(browser):
    watched = Watched(browser)
    yield watched
    watched.context.close()


def check_report(page, record: dict) -> None:
    labelled = [s for s in record["sentences"] if s["label"] != "other"]
    assert page.locator("#legend").is_visible()
    assert page.locator(f"#{labelled[0]['id']}").is_visible()
    assert page.locator(".article .s.l-rebuttal").first.is_visible()
    assert page.locator("#sources .source").count() == len(record["sources"])
    assert page.locator("#sources .source").first.is_visible()
    assert page.locator("#map svg.argmap .node").count() == len(
        {r[k] for r in record["relations"] for k in ("from", "to")}
    )
    assert page.locator("#map svg.argmap").is_visible()
    assert page.locator("#summary").is_visible()


@pytest.mark.parametrize("which", ["seed", "example"])
def test_report_shows_everything_and_fetches_nothing(watched, tmp_path, request, which):
    from argmine.render.html import render_report

    record = request.getfixturevalue(f"{which}_analysis")
    report = tmp_path / "report.html"
    report.write_text(render_report(record, explain=True), encoding="utf-8")
    page = watched.page
    page.goto(report.as_uri())
    check_report(page, record)
    rebuttal = next(s for s in record["sentences"] if s["label"] == "rebuttal")
    page.locator(f"#{rebuttal['id']}").click()
    inspector = page.locator("#inspector")
    assert inspector.is_visible() and "rebuttal" in inspector.inner_text()
    assert f"{rebuttal['scores']['rebuttal']:.2f}" in inspector.inner_text()
    page.screenshot(path=str(tmp_path / f"{which}.png"), full_page=True)
    assert watched.errors == []
    assert watched.outside("file://") == []


def test_print_hides_the_controls(watched, tmp_path, example_analysis):
    from argmine.render.html import render_report

    report = tmp_path / "report.html"
    report.write_text(render_report(example_analysis), encoding="utf-8")
    watched.page.goto(report.as_uri())
    watched.page.locator("#s4").click()
    watched.page.emulate_media(media="print")
    assert not watched.page.locator("#inspector").is_visible()
    assert watched.page.locator("#map svg.argmap").is_visible()


@pytest.fixture(scope="module")
def app_url():
    from argmine.serve import create_app

    with running_server(create_app(allow_private_urls=True)) as base:
        yield base


def test_web_app_pastes_a_text_and_shows_its_report(watched, app_url, tmp_path, example_analysis):
    page = watched.page
    page.goto(app_url + "/")
    page.fill("#text", EXAMPLE.read_text(encoding="utf-8"))
    page.click("button[type=submit]")
    page.wait_for_selector("#legend")
    check_report(page, example_analysis)
    page.screenshot(path=str(tmp_path / "app.png"))
    assert watched.errors == []
    assert watched.outside(app_url) == []


def test_web_app_fetches_a_url_from_a_local_server(watched, app_url, http_server, example_analysis):
    base, routes = http_server
    routes["/teletravail.txt"] = (200, {"Content-Type": "text/plain; charset=utf-8"}, EXAMPLE.read_bytes())
    page = watched.page
    page.goto(app_url + "/")
    page.fill("#url", f"{base}/teletravail.txt")
    page.click("button[type=submit]")
    page.wait_for_selector("#legend")
    check_report(page, example_analysis)
    assert watched.outside(app_url) == []


def test_web_app_uploads_a_file(watched, app_url, example_analysis):
    page = watched.page
    page.goto(app_url + "/")
    page.set_input_files("#file", str(EXAMPLE))
    page.click("button[type=submit]")
    page.wait_for_selector("#legend")
    assert page.locator("#sources .source").count() == len(example_analysis["sources"])
    assert watched.errors == []
