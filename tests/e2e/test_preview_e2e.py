"""The Preview page in Chromium: every placement in both themes, the links, the download."""

import io
import re

from PIL import Image
from playwright.sync_api import expect

from components.campaign.placements import PLACEMENTS
from tests.e2e.conftest import page_url, screenshot, wait_for_app

CTA_LINKS = "a.bas-cta, a.bas-ig-button, a.bas-sticker, a.bas-mp-cta, a.bas-reels-cta"


def _open(page, app_url, query=""):
    page.set_viewport_size({"width": 1600, "height": 1100})
    page.goto(f"{app_url}{page_url('preview')}{query}")
    wait_for_app(page)
    page.wait_for_selector(".st-key-placements [data-placement=reels]")


def test_every_placement_in_both_themes(page, app_url):
    _open(page, app_url)
    for theme in ("light", "dark"):
        if theme == "dark":
            page.locator(".st-key-preview_theme button", has_text="Dark").click()
            wait_for_app(page)
            page.wait_for_selector(".bas-root.bas-dark")
        for key in PLACEMENTS:
            cell = page.locator(f".st-key-placements [data-placement={key}]")
            cell.scroll_into_view_if_needed()
            hrefs = cell.locator(CTA_LINKS).evaluate_all("els => els.map(e => e.href)")
            assert hrefs and all(h.startswith("https://wa.me/234") for h in hrefs), (key, hrefs)
            cell.screenshot(path=str(screenshot_path(f"preview-{theme}-{key}")))
        screenshot(page, f"preview-{theme}", full_page=True)
        # Every icon is served by the app's media store, and every one of them loads.
        icons = page.locator(".st-key-placements img, .st-key-tap_panel .bas-root img")
        page.wait_for_function(
            "sel => [...document.querySelectorAll(sel)].every(i => i.complete)",
            arg=".st-key-placements img, .st-key-tap_panel .bas-root img",
        )
        loaded = icons.evaluate_all("els => els.map(e => [e.getAttribute('src'), e.naturalWidth])")
        assert len(loaded) > 20 and all(src.startswith("/media/") for src, _ in loaded), loaded
        assert all(width > 0 for _, width in loaded), loaded
    chat = page.locator(".st-key-tap_panel .bas-wa")
    assert "started from an ad" in chat.inner_text()


def screenshot_path(name):
    from tests.e2e.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


def test_call_ad_in_stories_and_desktop_is_not_faked(page, app_url):
    _open(page, app_url, "?cta=call")
    for key in ("fb_story", "fb_feed_desktop"):
        cell = page.locator(f".st-key-placements [data-placement={key}]")
        assert "Not shown on" in cell.inner_text()
        expect(cell.locator("a")).to_have_count(0)
    hrefs = page.locator("[data-placement=fb_feed_mobile] a.bas-cta").get_attribute("href")
    assert hrefs.startswith("tel:+234")
    expect(page.locator(".st-key-tap_panel .bas-call")).to_have_count(1)
    screenshot(page, "preview-call", full_page=True)


def test_safe_zones_overlay(page, app_url):
    _open(page, app_url)
    page.locator(".st-key-preview_safe_zones label").click()
    wait_for_app(page)
    page.wait_for_selector("[data-placement=ig_story] .bas-safe-top")
    page.locator("[data-placement=ig_story]").screenshot(
        path=str(screenshot_path("preview-safe-zones"))
    )


def test_downloaded_preview_opens_offline_without_script(page, app_url, browser, tmp_path):
    _open(page, app_url)
    with page.expect_download() as download_info:
        page.locator(".st-key-download_preview button").click()
    path = tmp_path / "preview.html"
    download_info.value.save_as(path)
    document = path.read_text(encoding="utf-8")
    assert not re.search(r"<script", document, re.I)
    offline = browser.new_context(offline=True)
    external = []
    try:
        viewer = offline.new_page()
        viewer.on("request", lambda r: external.append(r.url) if r.url.startswith("http") else 0)
        viewer.goto(path.as_uri())
        expect(viewer.locator(".bas-feed-mobile")).to_have_count(1)
        expect(viewer.locator(".bas-wa")).to_have_count(1)
        viewer.screenshot(path=str(screenshot_path("preview-download")), full_page=True)
    finally:
        offline.close()
    assert external == []


def _art_images(page, key: str) -> set[str]:
    """The pictures a placement's art frames show (their computed background images)."""
    cell = page.locator(f".st-key-placements [data-placement={key}] .bas-art")
    return set(cell.evaluate_all("els => els.map(e => getComputedStyle(e).backgroundImage)"))


def test_an_uploaded_image_appears_in_all_seven_placements(page, app_url):
    _open(page, app_url)
    sample_story = _art_images(page, "fb_story")
    page.get_by_role("link", name="Compose").click()
    wait_for_app(page)
    page.locator(".st-key-compose_section button", has_text="Images").click()
    wait_for_app(page)
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (20, 160, 90)).save(buffer, format="PNG")  # 4:3, cropped
    page.locator(".st-key-ad_image_upload input[type=file]").set_input_files(
        {"name": "my-shop.png", "mimeType": "image/png", "buffer": buffer.getvalue()}
    )
    expect(page.get_by_text("my-shop.png")).to_be_visible()
    wait_for_app(page)
    page.get_by_role("link", name="Preview").click()
    wait_for_app(page)
    page.wait_for_selector(".st-key-placements [data-placement=reels]")
    shown = {key: _art_images(page, key) for key in PLACEMENTS}
    assert len(shown) == 7 and all(len(images) == 1 for images in shown.values()), shown
    assert len(set.union(*shown.values())) == 1, shown  # one picture: the person's, everywhere
    assert set.union(*shown.values()) != sample_story
    assert "url(" in next(iter(shown["reels"]))
    screenshot(page, "preview-uploaded-image", full_page=True)
