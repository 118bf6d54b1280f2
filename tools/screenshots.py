"""Screenshots of every page at laptop, small-laptop and phone width, and the Walkthrough as
projected, for docs/screenshots/ (`make screenshots`).

Starts the app on a free loopback port with a throwaway drafts folder (tools/app_server.py),
opens each page of the navigation (`PAGES` of the shell) in Debian's Chromium and saves the
whole page, so a person can look at what the studio shows without running it; then the
Walkthrough's first step in presentation mode at two projector sizes. Always the sample ad,
light theme.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from components.ui.navigation import PAGES  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, wait_for_app  # noqa: E402
from tools.app_server import streamlit_server  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
WIDTHS = (1400, 1024, 390)
HEIGHT = 900
PROJECTORS = ((1024, 768), (1920, 1080))


def main() -> None:
    """Save docs/screenshots/<page>-<width>.png for every page and width."""
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with streamlit_server() as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        # One browser context, as one person: the first page claims the studio on this
        # computer, so Campaigns shows the owner's view rather than a guest's.
        context = browser.new_context()
        for width in WIDTHS:
            for name in PAGES:
                page = context.new_page()
                page.set_viewport_size({"width": width, "height": HEIGHT})
                page.goto(f"{server.url}/{'' if name == 'compose' else name}")
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
        for width, height in PROJECTORS:
            page = context.new_page()
            page.set_viewport_size({"width": width, "height": height})
            page.goto(f"{server.url}/walkthrough")
            wait_for_app(page, 90_000)
            page.locator(".st-key-wt_present label").click()
            wait_for_app(page, 90_000)
            target = OUT / f"walkthrough-presenting-{width}x{height}.png"
            page.screenshot(path=str(target))
            print(target.relative_to(ROOT))
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
