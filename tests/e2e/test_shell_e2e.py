"""The app's shell on a server's very first request: a page other than Compose, opened first.

A `pages/` folder beside `app.py` switches Streamlit 1.67 into its legacy multipage mode
until the first run that calls `st.navigation`: a first visit to `/preview` would then run
the page script alone, without the navigation, the sidebar or the share-link notes. The page
scripts live in `app_pages/` for that reason; this test guards it on a fresh server.
"""

from __future__ import annotations

from playwright.sync_api import expect

from components.ui.navigation import PAGES
from tests.e2e.conftest import PAGE_READY, page_url, wait_for_app
from tools.app_server import streamlit_server


def test_a_fresh_servers_first_request_for_preview_gets_the_whole_app(browser, tmp_path):
    with streamlit_server(data_dir=tmp_path) as server:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        try:
            page = context.new_page()
            page.goto(f"{server.url}{page_url('preview')}")
            wait_for_app(page, 120_000)
            expect(page.locator(PAGE_READY["preview"])).to_be_visible(timeout=60_000)
            expect(page.get_by_role("heading", name="Preview every placement")).to_be_visible()
            # The shell: the navigation names every page of PAGES, in order, and the sidebar's
            # Share or save menu is there.
            nav = page.locator("[data-testid='stSidebarNav'] a")
            expect(nav).to_have_count(len(PAGES))
            expect(nav).to_contain_text([entry.title for entry in PAGES.values()])
            expect(page.get_by_role("button", name="Share or save")).to_be_visible()
            assert page.url.split("?")[0].endswith(page_url("preview"))
        finally:
            context.close()
