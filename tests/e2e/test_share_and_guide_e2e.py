"""Sharing, upload feedback and the first-run guide in Chromium (issue 14, items 4, 8, 9): the
Copy button confirms "Copied", a draft link opens read-only with no Save, a 12 MB upload is
refused in words under the field, and each page's next step leads to the next page."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import page_url, screenshot, wait_for_app

MB = 1024 * 1024
DIALOG = "[data-testid='stDialog']"


def share_menu(page, item: str) -> None:
    page.get_by_role("button", name="Share or save").click()
    page.get_by_role("menuitem", name=item).click()


def short_link(page) -> str:
    """Save the campaign behind a short link from the share dialog; return the link."""
    share_menu(page, "Share link")
    page.locator(f"{DIALOG} .st-key-share_save button").click()
    box = page.locator(f"{DIALOG} .st-key-share_short_link_box .bas-copy-link")
    expect(box).to_have_value(re.compile(r"/\?draft=[\w-]+$"), timeout=30_000)
    return box.input_value()


def test_the_copy_button_says_copied_and_copies_the_short_link(page, app_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page.goto(app_url)
    wait_for_app(page)
    link = short_link(page)
    expect(page.locator(DIALOG)).to_contain_text("opens the saved campaign read-only")
    button = page.locator(f"{DIALOG} .st-key-share_short_link_box .bas-copy-button")
    expect(button).to_have_text("Copy")
    screenshot(page, "share-dialog")
    button.click()
    expect(button).to_have_text("Copied")
    expect(page.locator(f"{DIALOG} .bas-copy-status")).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == link


def test_a_draft_link_opens_read_only_with_no_save(page, app_url, browser):
    page.goto(app_url)
    wait_for_app(page)
    link = short_link(page)
    visitor = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    try:
        visitor.goto(link)
        wait_for_app(visitor)
        banner = visitor.locator(".st-key-shared_banner")
        expect(banner).to_contain_text("You are viewing a shared campaign — Make a copy to edit.")
        assert visitor.locator(".st-key-ad_headline input").get_attribute("readonly") is not None
        screenshot(visitor, "shared-draft-compose")
        visitor.get_by_role("button", name="Share or save").click()
        expect(visitor.get_by_role("menuitem", name="Make a copy")).to_be_visible()
        expect(visitor.get_by_role("menuitem", name="Save draft")).to_have_count(0)
        visitor.keyboard.press("Escape")
        visitor.locator("[data-testid='stSidebarNav']").get_by_text("Targeting").click()
        wait_for_app(visitor)
        expect(banner).to_contain_text("Make a copy to edit")
        visitor.locator(".st-key-shared_make_copy button").click()
        wait_for_app(visitor)
        expect(banner).to_have_count(0)
        expect(visitor.get_by_text("it is yours to edit and save")).to_be_visible()
    finally:
        visitor.context.close()


def test_a_12_mb_upload_is_refused_in_words_under_the_field(page, app_url, tmp_path):
    page.goto(app_url)
    wait_for_app(page)
    page.locator(".st-key-compose_section button", has_text="Images").click()
    wait_for_app(page)
    big = tmp_path / "holiday.jpg"
    big.write_bytes(b"\xff\xd8\xff" + bytes(12 * MB - 64 * 1024))
    page.locator(".st-key-ad_image_upload input[type=file]").set_input_files(big)
    refusal = page.locator(".st-key-upload_error_image")
    expect(refusal).to_contain_text("holiday.jpg", timeout=60_000)
    expect(refusal).to_contain_text("images can be at most 10 MB")
    expect(refusal).to_contain_text("The previous image is kept")
    wait_for_app(page)
    # One image per slot: the refused file leaves no chip behind.
    expect(page.locator(".st-key-ad_image_upload [data-testid='stFileChip']")).to_have_count(0)
    screenshot(page, "upload-refused-12mb")


def test_next_step_buttons_lead_through_the_pages(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    expect(page.locator(".st-key-sample_prompt")).to_contain_text(
        "This is a sample ad — make it yours."
    )
    for label, path in (
        ("Next: see it in every placement", page_url("preview")),
        ("Next: choose where it runs", page_url("targeting")),
        ("Next: forecast what it brings", page_url("engagement")),
    ):
        link = page.locator(".st-key-next_step a", has_text=label)
        link.scroll_into_view_if_needed()
        link.click()
        page.wait_for_url(re.compile(re.escape(app_url + path) + r"(\?|$)"))
        wait_for_app(page, 90_000)
    expect(page.locator(".st-key-next_step a")).to_contain_text("Next: save or share")


def test_first_run_and_share_on_a_phone(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    try:
        phone.goto(app_url)
        wait_for_app(phone)
        expect(phone.locator(".st-key-product_intro")).to_contain_text("Button Ad Studio")
        expect(phone.locator(".st-key-sample_prompt")).to_be_visible()
        screenshot(phone, "first-run-phone", full_page=True)
    finally:
        context.close()
