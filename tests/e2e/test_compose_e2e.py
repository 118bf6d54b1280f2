"""A business owner's journey on Compose, in Chromium: type, see the preview, follow the link."""

import io
import re
from urllib.parse import quote, unquote

from PIL import Image
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, wait_for_app, wait_for_quiet_network

PREVIEW = ".st-key-preview_panel [data-testid='stHtml']"
CTA = f"{PREVIEW} .bas-cta"


def field(page, key: str, kind: str = "input"):
    return page.locator(f".st-key-ad_{key} {kind}")


def open_section(page, label: str) -> None:
    page.locator(".st-key-compose_section button", has_text=label).click()
    wait_for_app(page)


def type_into(page, key: str, value: str, kind: str = "input") -> None:
    box = field(page, key, kind)
    box.fill(value)
    box.press("Tab")  # commit now (text areas commit on blur; inputs also on a pause)
    wait_for_app(page)


def test_first_impression_is_a_finished_ad(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    page.wait_for_selector(CTA)
    expect(page.locator(f"{PREVIEW} .bas-media .bas-art")).to_have_count(1)
    assert page.locator(CTA).get_attribute("href").startswith("https://wa.me/")
    screenshot(page, "compose-default", full_page=True)
    screenshot(page, "readme-compose")


def test_typing_updates_the_preview_and_the_link(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    open_section(page, "Page")
    type_into(page, "business", "Nairobi Maths Tutor")
    page.wait_for_function(
        "s => document.querySelector(s)?.innerText.includes('Nairobi Maths Tutor')",
        arg=PREVIEW,
    )
    open_section(page, "Button")
    page.locator(".st-key-ad_region").click()
    page.keyboard.type("Kenya")
    page.keyboard.press("Enter")
    wait_for_app(page)
    type_into(page, "phone", "0712 345678")
    prefill = "Habari! Naomba bei ya masomo & ratiba? 100% 😀"
    open_section(page, "Welcome")
    type_into(page, "prefill", prefill, "textarea")
    page.wait_for_function(
        "s => (document.querySelector(s)?.getAttribute('href') || '').includes('254712345678')",
        arg=CTA,
    )
    href = page.locator(CTA).get_attribute("href")
    assert href == "https://wa.me/254712345678?text=" + quote(prefill, safe="")
    assert unquote(href.split("?text=")[1]) == prefill
    open_section(page, "Button")
    expect(page.get_by_text("+254 712 345678").first).to_be_attached()
    screenshot(page, "compose-typed")


def test_typing_without_committing_updates_the_preview(page, app_url):
    """No Enter, no Ctrl+Enter, no blur: the preview and the field's one counter follow."""
    page.goto(app_url)
    wait_for_app(page)
    box = field(page, "text", "textarea")
    box.click()
    box.press("Control+a")
    box.press("Delete")
    box.press_sequentially("Fresh agege bread at 6am", delay=20)
    expect(page.locator(PREVIEW)).to_contain_text("Fresh agege bread at 6am")
    expect(box).to_be_focused()  # nothing was committed by leaving the field
    counter = page.locator(".st-key-ad_text .bas-live-count")
    expect(counter).to_have_text("24/125")
    # One counter per field: Streamlit's own "n/255" is gone from the composer.
    expect(page.locator("[data-testid='InputInstructions']")).to_have_count(0)
    expect(page.locator(".st-key-ad_text .bas-live-count")).to_have_count(1)
    headline = field(page, "headline")
    headline.click()
    headline.press("End")
    headline.press_sequentially(" and more, still warm from the oven", delay=10)
    expect(page.locator(PREVIEW)).to_contain_text("still warm from the oven")
    expect(page.locator(".st-key-ad_headline .bas-live-count")).to_have_class(
        "bas-live-count bas-over"
    )
    expect(page.locator(".st-key-ad_headline .bas-live-note")).to_contain_text(
        "over Meta's recommendation of 40"
    )
    screenshot(page, "compose-live-typing")
    for name in ("Page", "Button", "Welcome"):  # no framework counter in any section either
        open_section(page, name)
        expect(page.locator("[data-testid='InputInstructions']")).to_have_count(0)
        expect(page.locator(".bas-live").first).to_be_attached()


def test_typed_text_survives_a_section_and_a_page_switch(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    headline = field(page, "headline")
    headline.click()
    headline.press("End")
    headline.press_sequentially(" now", delay=10)
    page.locator(".st-key-compose_section button", has_text="Page").click()  # at once
    expect(field(page, "business")).to_be_visible()
    page.locator(".st-key-compose_section button", has_text="Copy").click()
    expect(field(page, "headline")).to_have_value(re.compile(r" now$"))
    headline = field(page, "headline")
    headline.press("End")
    headline.press_sequentially(" today", delay=10)
    page.get_by_role("link", name="Preview").click()  # before the typing pause is over
    expect(page.locator("[data-testid='stHtml']").first).to_contain_text("now today")


def test_the_hard_ceiling_refuses_with_a_message_and_cuts_nothing(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    box = field(page, "description")
    before = box.input_value()
    box.fill("y" * 300)  # a paste past the 255 characters a share link carries
    refusal = page.locator(".st-key-ad_description .bas-live-refusal")
    expect(refusal).to_contain_text("at most 255 characters")
    expect(refusal).to_contain_text("would have made 300")
    expect(box).to_have_value(before)
    box.fill("z" * 255)  # up to the ceiling is taken whole
    expect(refusal).to_be_hidden()
    expect(page.locator(PREVIEW)).to_contain_text("z" * 20)


def test_hostile_text_typed_live_is_shown_as_text(page, app_url):
    payload = "<img src=x onerror=alert(1)>**bold** <b>b</b>"
    page.goto(app_url)
    wait_for_app(page)
    box = field(page, "headline")
    box.click()
    box.press("Control+a")
    box.press_sequentially(payload, delay=5)
    expect(page.locator(PREVIEW)).to_contain_text(payload)
    expect(page.locator(f"{PREVIEW} img[src=x]")).to_have_count(0)
    expect(page.locator(f"{PREVIEW} b")).to_have_count(0)  # the fixture fails on any dialog


def test_invalid_number_disables_the_button(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    open_section(page, "Button")
    type_into(page, "phone", "+234 12")
    page.wait_for_selector(f"{PREVIEW} .bas-cta-disabled")
    expect(page.locator(f"{PREVIEW} a.bas-cta")).to_have_count(0)
    expect(page.get_by_text("too short").first).to_be_attached()
    screenshot(page, "compose-invalid-number")


def test_call_button_links_to_tel(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    open_section(page, "Button")
    page.locator(".st-key-ad_cta button", has_text="Call Now").click()
    wait_for_app(page)
    page.wait_for_function(
        "s => (document.querySelector(s)?.getAttribute('href') || '').startsWith('tel:+')",
        arg=CTA,
    )
    assert "Call Now" in page.locator(CTA).inner_text()


def test_a_call_ad_says_phone_number_and_shows_the_call_screen(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    open_section(page, "Button")
    page.locator(".st-key-ad_cta button", has_text="Call Now").click()
    expect(page.locator(".st-key-ad_phone label")).to_have_text("Phone number")
    expect(page.locator(f"{PREVIEW} .bas-call")).to_contain_text("Calling…")
    box = field(page, "phone")
    box.click()
    box.press("Control+a")
    box.press_sequentially("0803 123", delay=10)
    expect(page.get_by_text("The number is too short for Nigeria.")).to_be_visible()
    expect(page.locator(f"{PREVIEW} .bas-call")).to_contain_text("Cannot call")
    expect(page.get_by_text("Add the area code")).to_have_count(0)
    screenshot(page, "compose-call-too-short")


def _png(colour, size=(900, 600)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def art_style(page) -> str:
    """The CSS variable that carries the preview's image."""
    return page.locator(f"{PREVIEW} style").first.inner_text().split("--bas-img-main:")[1][:400]


def test_upload_a_real_image_and_a_fake_one(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    open_section(page, "Images")
    before = art_style(page)
    uploader = page.locator(".st-key-ad_image_upload input[type=file]")
    uploader.set_input_files(
        {"name": "shop.png", "mimeType": "image/png", "buffer": _png((20, 160, 90))}
    )
    page.wait_for_function(
        "([s, b]) => !document.querySelector(s).innerText.includes(b)",
        arg=[f"{PREVIEW} style", before[:300]],
    )
    wait_for_app(page)
    real = art_style(page)
    uploader.set_input_files(
        {
            "name": "totally-an-image.png",
            "mimeType": "image/png",
            "buffer": b"<html><script>alert('x')</script></html>",
        }
    )
    page.wait_for_selector("text=not an image we can read")
    wait_for_app(page)
    expect(page.get_by_text("The previous image is kept").first).to_be_attached()
    assert art_style(page) == real
    screenshot(page, "compose-upload-refused")


def test_share_link_reopens_the_same_ad(page, app_url, browser):
    page.goto(app_url)
    wait_for_app(page)
    type_into(page, "headline", "Shared headline")
    open_section(page, "Page")
    type_into(page, "business", "Shared Bakery 42")
    page.get_by_role("button", name="Share or save").click()
    page.get_by_role("menuitem", name="Share link").click()
    # The long link (no saving) sits under the short-link offer, in its Copy component.
    page.locator("[data-testid='stDialog'] [data-testid='stExpander'] summary").click()
    box = page.locator("[data-testid='stDialog'] .st-key-share_long_link_box .bas-copy-link")
    expect(box).to_have_value(re.compile("business="))
    link = box.input_value().strip()
    assert "business=Shared%20Bakery%2042" in link
    other = browser.new_context()
    fresh = other.new_page()
    try:
        fresh.goto(link)
        wait_for_app(fresh)
        fresh.wait_for_selector(CTA)
        text = fresh.locator(PREVIEW).inner_text()
        assert "Shared Bakery 42" in text and "Shared headline" in text
        assert fresh.locator(CTA).get_attribute("href") == page.locator(CTA).get_attribute("href")
    finally:
        other.close()


def test_hostile_text_is_shown_as_text_and_runs_nothing(page, app_url):
    payload = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    page.goto(f"{app_url}/?business={quote(payload)}&headline={quote('<b>bold</b>')}")
    wait_for_app(page)
    page.wait_for_selector(CTA)
    preview = page.locator(PREVIEW)
    assert payload in preview.inner_text()
    assert "<b>bold</b>" in preview.inner_text()
    expect(preview.locator("script")).to_have_count(0)
    expect(preview.locator("img[src=x]")).to_have_count(0)
    expect(preview.locator("b")).to_have_count(0)
    wait_for_quiet_network(page)  # an onerror would have run; the fixture fails on a dialog
    screenshot(page, "compose-hostile")


def test_nonsense_link_still_renders_with_a_note(page, app_url):
    page.goto(f"{app_url}/?cta=fax&budget=-9&text={'x' * 3000}&business=%FF%FE")
    wait_for_app(page)
    page.wait_for_selector(CTA)
    expect(page.get_by_text("Some parts of this link could not be used")).to_have_count(1)
    screenshot(page, "compose-nonsense-link")


def test_page_config_holds_over_reruns_and_page_switches(page, app_url):
    """Page config is sent on a session's first run only; the layout, title and favicon stay."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(app_url)
    wait_for_app(page)
    type_into(page, "headline", "Still wide")
    page.get_by_role("link", name="Targeting").click()
    wait_for_app(page)
    page.get_by_role("link", name="Compose").click()
    wait_for_app(page)
    page.wait_for_selector(CTA)
    width = page.locator("[data-testid='stMainBlockContainer']").bounding_box()["width"]
    assert width > 1000  # "wide" layout; "centered" caps the column at 736 px
    assert "Button Ad Studio" in page.title()
    assert (
        page.locator("link[rel*='icon']").first.get_attribute("href").startswith("data:image/png")
    )
    assert "Still wide" in page.locator(PREVIEW).inner_text()
