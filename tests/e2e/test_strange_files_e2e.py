"""Files from strangers, uploaded in Chromium: each gets its message, and the session keeps
what it had (the preview's image and text on Compose, the campaign on Campaigns)."""

from __future__ import annotations

import base64
import io
import json
import re
import struct
from pathlib import Path

from PIL import Image
from playwright.sync_api import expect

from tests.campaign.test_strange_files import (
    exif_block,
    jpeg_claiming,
    marked,
    png_claiming,
    webp_claiming,
)
from tests.e2e.conftest import screenshot, wait_for_app

PREVIEW = ".st-key-preview_panel [data-testid='stHtml']"
MB = 1024 * 1024


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def art_style(page) -> str:
    """The CSS variable that carries the preview's image."""
    return page.locator(f"{PREVIEW} style").first.inner_text().split("--bas-img-main:")[1][:400]


def upload(page, selector: str, name: str, data: bytes | Path, mime: str = "") -> None:
    """Choose a file as a person does. The slot keeps no chip of a processed file (its
    uploader comes back empty, issue 14 item 8): the caller waits for the file's outcome.
    `data` is bytes, or a file on disk for a big one."""
    files = data if isinstance(data, Path) else {"name": name, "mimeType": mime, "buffer": data}
    page.locator(f"{selector} input[type=file]").set_input_files(files)


def no_exception(page) -> None:
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def test_bad_images_on_compose_keep_the_preview(page, app_url, tmp_path):
    page.goto(app_url)
    wait_for_app(page, 90_000)
    headline = page.locator(".st-key-ad_headline input")
    headline.fill("Kept through every upload")
    headline.press("Tab")
    wait_for_app(page, 90_000)
    page.locator(".st-key-compose_section button", has_text="Images").click()
    wait_for_app(page, 90_000)
    before = art_style(page)
    jpeg = encode(Image.effect_noise((600, 600), 50).convert("RGB"), "JPEG", quality=95)
    cases = [
        ("bomb.png", png_claiming(65_535, 65_535), "far too many pixels to open safely"),
        ("big.png", png_claiming(8_000, 8_000), "8,000×8,000 pixels; at most 40 megapixels"),
        ("bomb.jpg", jpeg_claiming(65_000, 65_000), "far too many pixels to open safely"),
        ("bomb.webp", webp_claiming(16_384, 16_384), "far too many pixels to open safely"),
        ("cut.jpg", jpeg[: len(jpeg) // 2], "damaged or cut short"),
        ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
         "not an image we can read"),
        ("page.png", b"<html><script>alert(1)</script></html>", "not an image we can read"),
        ("anim.png", encode(Image.new("P", (9, 9)), "GIF"), "GIF files are not accepted"),
    ]  # fmt: skip
    for name, data, message in cases:
        upload(page, ".st-key-ad_image_upload", name, data, "image/png")
        error = page.locator("[data-testid='stAlertContentError']", has_text=name)
        error.wait_for(timeout=90_000)
        wait_for_app(page, 90_000)
        assert message in error.inner_text() and "The previous image is kept" in error.inner_text()
        no_exception(page)
        assert art_style(page) == before
        assert "Kept through every upload" in page.locator(PREVIEW).inner_text()
    screenshot(page, "strange-image-refused")

    # A file over the app's 10 MB limit reaches the app's check (the uploader's own limit is
    # the server's) and is refused in words under the field, not by a tooltip on an icon.
    huge = tmp_path / "huge.png"  # a file on disk: Chromium reads it, nothing is copied over
    huge.write_bytes(b"\x89PNG" + bytes(10 * MB - 3))
    upload(page, ".st-key-ad_image_upload", "huge.png", huge)
    refusal = page.locator(".st-key-upload_error_image", has_text="huge.png")
    expect(refusal).to_contain_text("images can be at most 10 MB", timeout=90_000)
    wait_for_app(page, 90_000)
    no_exception(page)
    assert art_style(page) == before

    # A real photo whose EXIF block once crashed the check (struct.error): now it is used,
    # turned upright.
    exif = exif_block([(0x0100, 8, 1, struct.pack("<h", -120)), (0x0112, 3, 1, b"\x06\x00")])
    upload(page, ".st-key-ad_image_upload", "photo.jpg", encode(marked(), "JPEG", exif=exif),
           "image/jpeg")  # fmt: skip
    page.wait_for_function(
        "([s, b]) => !document.querySelector(s).innerText.includes(b)",
        arg=[f"{PREVIEW} style", before[:300]],
        timeout=90_000,
    )
    wait_for_app(page, 90_000)
    no_exception(page)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)


def _campaign_bytes(page) -> bytes:
    with page.expect_download(timeout=90_000) as info:
        page.locator(".st-key-export_json button").click()
    return info.value.path().read_bytes()


def test_bad_campaign_files_leave_the_campaign_as_it_was(page, app_url, tmp_path):
    page.goto(f"{app_url}/?headline=Campaign%20kept%20intact")
    wait_for_app(page, 90_000)
    page.locator("[data-testid='stSidebarNav']").get_by_text("Campaigns", exact=True).click()
    wait_for_app(page, 90_000)
    before = _campaign_bytes(page)
    record = json.loads(before)
    assert record["headline"] == "Campaign kept intact"

    newer = dict(record, version=99)
    bomb = dict(record, image=base64.b64encode(png_claiming(30_000, 30_000)).decode())
    text = json.dumps(record)
    cases = [
        ("deep.json", b"[" * 10_000 + b"]" * 10_000, "nested more than 20 levels deep"),
        ("newer.json", json.dumps(newer).encode(), "schema version 99, made by a newer"),
        ("twice.json", text.replace('"headline":', '"headline": "x", "headline":', 1).encode(),
         "gives headline twice"),
        ("inf.json", text.replace('"days": 14', '"days": 1e999').encode(),
         "Campaign length (days) is a number too large to read"),
        ("list.json", b"[" + text.encode() + b"]", "it should hold one JSON object"),
        ("photo.json", encode(Image.new("RGB", (9, 9)), "PNG"), "it is not text (JSON)"),
        ("bom-junk.json", b"\xef\xbb\xbf<html>", "not valid JSON"),
        ("bomb.json", json.dumps(bomb).encode(), "far too many pixels"),
        ("empty.json", b"", "The file is empty"),
    ]  # fmt: skip
    assert '"days": 14' in text
    for name, data, message in cases:
        upload(page, ".st-key-import_file", name, data, "application/json")
        page.wait_for_selector(f"text={name} was not imported", timeout=90_000)
        wait_for_app(page, 90_000)
        shown = page.get_by_text(f"{name} was not imported").inner_text()
        assert message in shown, shown
        no_exception(page)
    screenshot(page, "strange-campaign-refused")

    # Over the importer's 34 MB, under the server's limit: the app's own words, no raw 413.
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:  # written lazily, a megabyte at a time
        for _ in range(35):
            handle.write(b" " * 1_000_000)
        handle.write(b"{}")
    upload(page, ".st-key-import_file", "big.json", big)
    refusal = page.get_by_text("big.json was not imported")
    expect(refusal).to_contain_text("a campaign file can be at most 34 MB", timeout=90_000)
    wait_for_app(page, 90_000)
    no_exception(page)

    # Over 40 MB: the uploader refuses it before it reaches the server, in words shown under
    # the file (Streamlit's reason is otherwise a tooltip only).
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:
        for _ in range(40):
            handle.write(b" " * MB)
        handle.write(b"{}")
    upload(page, ".st-key-import_file", "huge.json", huge)
    reason = page.locator(".st-key-import_file [data-testid='stFileChip'] [role='alert']")
    expect(reason).to_have_text(re.compile(r"File must be 40(\.0)? ?MB or smaller"), timeout=90_000)
    expect(reason).to_be_visible()
    assert reason.bounding_box()["width"] > 100  # readable, not a 1-pixel hidden alert
    expect(page.get_by_text("413")).to_have_count(0)
    wait_for_app(page, 90_000)
    no_exception(page)

    assert _campaign_bytes(page) == before
    page.locator("[data-testid='stSidebarNav']").get_by_text("Compose", exact=True).click()
    wait_for_app(page, 90_000)
    assert "Campaign kept intact" in page.locator(PREVIEW).inner_text()


MARKDOWN_NAME = "![pixel](http://evil.example/p.png) [tap](http://evil.example) **bold**"


def test_a_strangers_file_name_is_shown_as_text(page, app_url):
    """A file name is a stranger's text too: shown as typed, it loads and links nothing."""
    try:
        page.goto(app_url)
        wait_for_app(page, 90_000)
        page.locator(".st-key-compose_section button", has_text="Images").click()
        wait_for_app(page, 90_000)
        upload(page, ".st-key-ad_image_upload", f"{MARKDOWN_NAME}.png", b"<html>", "image/png")
        page.wait_for_selector("text=not an image we can read", timeout=90_000)
        wait_for_app(page, 90_000)
        page.locator("[data-testid='stSidebarNav']").get_by_text("Campaigns", exact=True).click()
        wait_for_app(page, 90_000)
        upload(page, ".st-key-import_file", f"{MARKDOWN_NAME}.json", b"[]", "application/json")
        page.wait_for_selector("text=was not imported", timeout=90_000)
        wait_for_app(page, 90_000)
        alerts = page.locator("[data-testid='stAlert']")
        expect(alerts.filter(has_text=MARKDOWN_NAME).first).to_be_visible()
        expect(alerts.locator("img, a, strong")).to_have_count(0)
        assert page.external_requests == []
    finally:
        page.external_requests.clear()  # reported above; the fixture would fail the teardown
