"""Screenshots of every page at laptop and phone width, for docs/screenshots/ (`make screenshots`).

Starts the app on a free loopback port with a throwaway drafts folder (tools/app_server.py),
opens each page of the navigation in Debian's Chromium and saves the whole page, so a person
can look at what the studio shows without running it. Always the sample ad, light theme.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, wait_for_app  # noqa: E402
from tools.app_server import streamlit_server  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
# path, file name: every page of the public contract (architecture.md).
PAGES = (
    ("/", "compose"),
    ("/preview", "preview"),
    ("/targeting", "targeting"),
    ("/engagement", "engagement"),
    ("/campaigns", "campaigns"),
    ("/walkthrough", "walkthrough"),
    ("/model", "model"),
)
WIDTHS = (1400, 390)
HEIGHT = 900


def main() -> None:
    """Save docs/screenshots/<page>-<width>.png for every page and width."""
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with streamlit_server() as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        for width in WIDTHS:
            for path, name in PAGES:
                page = browser.new_page(viewport={"width": width, "height": HEIGHT})
                page.goto(server.url + path)
                wait_for_app(page, 90_000)
                # Streamlit scrolls inside its main area: grow the viewport to the content.
                height = page.evaluate(
                    "() => document.querySelector('[data-testid=stMain]')?.scrollHeight || 900"
                )
                page.set_viewport_size({"width": width, "height": min(int(height) + 40, 6000)})
                wait_for_app(page, 90_000)
                target = OUT / f"{name}-{width}.png"
                page.screenshot(path=str(target))
                print(target.relative_to(ROOT))
                page.close()
        browser.close()


if __name__ == "__main__":
    main()
