"""The Ads Manager handoff in Chromium: download it from Preview (JSON and curl), check the file
against our schema, and bring it back through Campaigns → Import."""

import json
import subprocess
from pathlib import Path

import jsonschema
from playwright.sync_api import expect

from tests.e2e.conftest import page_url, screenshot, wait_for_app

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "sample_data" / "ads_manager_handoff.schema.json").read_text())
PREVIEW = ".st-key-preview_panel [data-testid='stHtml']"


def test_download_the_handoff_and_import_it_back(page, app_url):
    page.goto(f"{app_url}{page_url('preview')}?headline=Handoff%20headline%2042")
    wait_for_app(page)
    section = page.locator(".st-key-preview_handoff_summary")
    expect(section).to_contain_text("Your ad will run in Nigeria, Lagos + 17 km")

    with page.expect_download() as download:
        page.locator(".st-key-preview_handoff_json button").click()
    assert download.value.suggested_filename == "Mama-Bisi's-Bakery-ads-manager.json"
    handoff = json.loads(download.value.path().read_bytes())
    jsonschema.validate(handoff, SCHEMA)
    creative = next(r for r in handoff["requests"] if r["step"] == "ad_creative")
    assert creative["params"]["object_story_spec"]["link_data"]["name"] == "Handoff headline 42"

    with page.expect_download() as download:
        page.locator(".st-key-preview_handoff_curl button").click()
    script = download.value.path().read_text(encoding="utf-8")
    assert subprocess.run(["bash", "-n"], input=script, text=True).returncode == 0
    screenshot(page, "handoff-preview")

    # The person edits the headline in the file and imports it on Campaigns.
    creative["params"]["object_story_spec"]["link_data"]["name"] = "From Ads Manager 43"
    page.locator("[data-testid='stSidebarNav']").get_by_text("Campaigns", exact=True).click()
    wait_for_app(page)
    upload = {"name": "handoff.json", "mimeType": "application/json",
              "buffer": json.dumps(handoff).encode("utf-8")}  # fmt: skip
    page.locator(".st-key-import_file input[type=file]").set_input_files(upload)
    page.wait_for_selector("text=Imported handoff.json")
    page.locator("[data-testid='stSidebarNav']").get_by_text("Compose", exact=True).click()
    wait_for_app(page)
    assert "From Ads Manager 43" in page.locator(PREVIEW).inner_text()
