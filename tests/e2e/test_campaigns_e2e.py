"""Drafts in Chromium: save, reload, reopen, share with a fresh browser, export and import."""

import json

from tests.e2e.conftest import screenshot, wait_for_app

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
    page.wait_for_selector("text=Saved “E2E bakery draft”, version 1.")
    screenshot(page, "campaigns-saved", full_page=True)

    page.goto(f"{app_url}/campaigns")  # a new session: the draft is in the database
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
    link = page.locator("[data-testid='stPopoverBody'] code").inner_text().strip()
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
        assert fresh.get_by_text("viewing a shared draft (read-only)").count() == 1
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
    changed = json.loads(exported)
    changed["headline"] = "Imported headline 88"
    uploader.set_input_files({"name": "good.json", "mimeType": "application/json",
                              "buffer": json.dumps(changed).encode()})  # fmt: skip
    page.wait_for_selector("text=Imported good.json")
    go(page, "Compose")
    assert "Imported headline 88" in page.locator(PREVIEW).inner_text()
    screenshot(page, "campaigns-imported")
