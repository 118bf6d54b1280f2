"""Drafts in Chromium: save, reload, reopen, share with a fresh browser, export and import;
and, on a server with sign-in set up, a signed-out visitor refused drafts but not share links."""

import json
from dataclasses import replace

import pytest
from playwright.sync_api import expect

from components.campaign.model import default_campaign
from components.storage.store import Store, default_sqlite_url
from components.storage.workspace import load_key
from components.ui.accounts import SIGN_IN_MESSAGE
from tests.e2e.conftest import page_url, screenshot, wait_for_app
from tools.app_server import free_port, streamlit_server

PREVIEW = ".st-key-preview_panel [data-testid='stHtml']"


def go(page, title: str) -> None:
    """Switch page through the sidebar, as a person does (the session carries over)."""
    page.locator("[data-testid='stSidebarNav']").get_by_text(title, exact=True).click()
    wait_for_app(page)


def test_save_reload_reopen_and_share(page, app_url, browser, tmp_path):
    page.goto(app_url)
    wait_for_app(page)
    headline = page.locator(".st-key-ad_headline input")
    headline.fill("Draft headline 77")
    headline.press("Tab")
    wait_for_app(page)
    go(page, "Campaigns")
    page.locator(".st-key-draft_name input").fill("E2E bakery draft")
    page.locator(".st-key-draft_save button").click()
    wait_for_app(page)
    page.wait_for_selector("text=Saved E2E bakery draft, version 1.")
    screenshot(page, "campaigns-saved", full_page=True)

    page.goto(f"{app_url}{page_url('campaigns')}")  # a new session: the draft is in the database
    wait_for_app(page)
    row = page.locator("[class*='st-key-draft_']", has_text="E2E bakery draft").first
    row.get_by_role("button", name="Open").click()
    wait_for_app(page)
    go(page, "Compose")
    page.wait_for_selector(PREVIEW)
    assert "Draft headline 77" in page.locator(PREVIEW).inner_text()
    go(page, "Campaigns")
    row = page.locator("[class*='st-key-draft_']", has_text="E2E bakery draft").first
    row.get_by_role("button", name="Share").click()
    link = page.locator("[data-testid='stPopoverBody'] .bas-copy-link").input_value().strip()
    assert "draft=" in link

    stranger = browser.new_context()
    try:
        fresh = stranger.new_page()
        fresh.goto(link.replace("http://localhost:8501", app_url))
        wait_for_app(fresh)
        fresh.wait_for_selector(PREVIEW)
        assert "Draft headline 77" in fresh.locator(PREVIEW).inner_text()
        fresh.locator("[data-testid='stSidebarNav']").get_by_text("Campaigns").click()
        wait_for_app(fresh)
        # The read-only view: its banner on every page, and no Save (issue 14, item 4).
        expect(fresh.locator(".st-key-shared_banner")).to_contain_text(
            "You are viewing a shared campaign — Make a copy to edit."
        )
        expect(fresh.locator(".st-key-draft_save button")).to_have_count(0)
    finally:
        stranger.close()

    with page.expect_download() as download:
        page.locator(".st-key-export_json button").click()
    exported = download.value.path().read_bytes()
    assert json.loads(exported)["headline"] == "Draft headline 77"

    uploader = page.locator(".st-key-import_file input[type=file]")
    uploader.set_input_files({"name": "broken.json", "mimeType": "application/json",
                              "buffer": b'{"schema": "something else"'})  # fmt: skip
    page.wait_for_selector("text=was not imported")
    wait_for_app(page)  # the import box is drawn afresh after each file, later in that run
    changed = json.loads(exported)
    changed["headline"] = "Imported headline 88"
    uploader.set_input_files({"name": "good.json", "mimeType": "application/json",
                              "buffer": json.dumps(changed).encode()})  # fmt: skip
    page.wait_for_selector("text=Imported good.json")
    go(page, "Compose")
    assert "Imported headline 88" in page.locator(PREVIEW).inner_text()
    screenshot(page, "campaigns-imported")


AUTH_SECRETS = """
[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "only-for-tests"
client_id = "studio"
client_secret = "only-for-tests"
server_metadata_url = "http://127.0.0.1:9/.well-known/openid-configuration"
"""


@pytest.fixture(scope="module")
def auth_server(tmp_path_factory):
    """A second server whose secrets file sets up sign-in (never reached: nobody signs in)."""
    port, folder = free_port(), tmp_path_factory.mktemp("auth")
    secrets = folder / "secrets.toml"
    secrets.write_text(AUTH_SECRETS.format(port=port))
    with streamlit_server({"secrets.files": str(secrets)}, folder, port) as server:
        yield server.url, Store(default_sqlite_url(folder)), folder


def test_signed_out_visitor_is_refused_drafts_but_share_links_open(browser, auth_server):
    base, store, store_folder = auth_server
    local = store.save(load_key(store_folder).owner, "Local workspace draft", default_campaign())
    theirs = store.save("oidc:https://accounts.example.com#ada", "Ada's draft",
                        replace(default_campaign(), headline="Ada's shared headline"))  # fmt: skip
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{base}/campaigns")
        wait_for_app(page)
        page.get_by_text(SIGN_IN_MESSAGE).first.wait_for()
        expect(page.get_by_text("Sign in (in the sidebar) to see your drafts")).to_have_count(1)
        assert page.locator(".st-key-draft_save button").is_disabled()
        expect(page.locator(".st-key-drafts_search")).to_have_count(0)
        expect(page.locator(f".st-key-draft_{local.id}")).to_have_count(0)  # no shared workspace
        expect(page.get_by_text("Local workspace draft")).to_have_count(0)
        screenshot(page, "campaigns-signed-out", full_page=True)

        page.goto(f"{base}/?draft={theirs.id}")  # a share link opens read-only all the same
        wait_for_app(page)
        page.wait_for_selector(PREVIEW)
        assert "Ada's shared headline" in page.locator(PREVIEW).inner_text()
        go(page, "Campaigns")
        # The read-only view has no Save at all (issue 14, item 4); Make a copy stays.
        expect(page.locator(".st-key-shared_banner")).to_contain_text("Make a copy to edit")
        expect(page.locator(".st-key-draft_save_copy button")).to_have_count(0)
        expect(page.locator(".st-key-draft_save button")).to_have_count(0)
        expect(page.locator(f".st-key-draft_{theirs.id}")).to_have_count(0)
    finally:
        context.close()
