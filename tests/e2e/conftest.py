"""The real app in real Chromium: a fixture starts `streamlit run` on a free port and waits
for `/_stcore/health` (`tools.app_server`); every page records requests that leave the local
server.

Chromium is Debian's (`/usr/bin/chromium`); Playwright's own browser download is never used.
Screenshots go to `screenshots/` (ignored by git) for a person to open.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tools.app_server import streamlit_server

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """Start the app once for the e2e session and return its base URL."""
    with streamlit_server(data_dir=tmp_path_factory.mktemp("data")) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make test`, which installs it with apt.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


class ExternalRequests(list):
    """Requests a page made to anything but the local server."""


@pytest.fixture
def page(browser, app_url):
    """A fresh browser context and page that records every non-local request."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    external = ExternalRequests()
    dialogs: list[str] = []

    def on_request(request):
        url = request.url
        if not (url.startswith(app_url) or url.startswith(("data:", "blob:", "about:"))):
            external.append(url)

    page.on("request", on_request)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.external_requests = external
    page.dialogs = dialogs
    yield page
    context.close()
    assert not external, f"the page requested something outside the local server: {external}"
    assert not dialogs, f"a dialog opened (script ran): {dialogs}"


def screenshot(page, name: str, **options) -> Path:
    """Save a screenshot for a person to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), **options)
    return path


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished running the script and drawn what it sent.

    The app root carries `data-test-connection-state` and `data-test-script-state` (as in
    Streamlit's own e2e suite). A just-committed widget value needs a moment to start its
    rerun, and the script can be done before the page is drawn (Streamlit loads each
    element's code on first use and shows a skeleton until then), so the wait has two short
    pauses around the conditions, as Streamlit's `wait_for_app_run` does (an initial 210 ms
    and a 100 ms settle, e2e_playwright/conftest.py). Tests then wait for what they expect
    with Playwright's `expect`, which retries until it holds.
    """
    app = page.locator("[data-testid='stApp']")
    expect(app).to_be_attached(timeout=timeout)
    page.wait_for_timeout(250)
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=timeout)
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=timeout)
    expect(page.locator("[data-testid='stSkeleton']")).to_have_count(0, timeout=timeout)
    page.wait_for_timeout(150)


def settle_frames(page) -> None:
    """Wait for the browser to draw two more frames: a resize or an animation has been laid
    out and painted (for a screenshot), without a fixed pause."""
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def wait_for_charts(locator) -> None:
    """Wait until every Vega-Lite chart inside `locator` has drawn its marks."""
    charts = locator.locator("[data-testid='stVegaLiteChart']")
    for index in range(charts.count()):
        expect(charts.nth(index).locator("canvas, svg.marks").first).to_be_visible(timeout=60_000)


def wait_for_quiet_network(page) -> None:
    """Wait until the page has made no request for 500 ms (Playwright's "networkidle"): an
    image that would load, or fail and fire an `onerror`, has done so by then."""
    page.wait_for_load_state("networkidle")


# What shows that each page of the navigation (`components.ui.navigation.PAGES`) has drawn.
PAGE_READY = {
    "compose": ".st-key-preview_panel .bas-cta",
    "preview": ".st-key-placements [data-placement=reels]",
    "targeting": "[data-testid='stDataFrame']",
    "engagement": "[data-testid='stMetric']:has-text('Leads')",
    "campaigns": "[data-testid='stFileUploader']",
    "walkthrough": ".st-key-wt_stage [data-testid='stHtml']",
    "model": ".bas-table",
}


def page_url(name: str) -> str:
    """The path of a page of `PAGES` ("/" for Compose)."""
    from components.ui.navigation import PAGES

    return f"/{PAGES[name].url_path}"
