"""The Preview page's layout in Chromium: a placements grid (several columns on a laptop, one
on a phone), a tap panel that shows the whole business name, the whole pre-filled message,
the whole hours table and real call-key icons, and right-to-left copy mirrored in every
placement and in the chat."""

import json
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from components.campaign.placements import PLACEMENTS
from tests.e2e.conftest import ROOT, SCREENSHOTS, page_url, screenshot, wait_for_app

LAPTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
LONG_NAME = "Mama Bisi's Bakery and Confectionery"
CAIRO = next(
    record
    for record in json.loads((ROOT / "sample_data" / "businesses.json").read_text("utf-8"))
    if record["slug"] == "cairo-perfumes"
)
RTL_QUERY = "?" + urlencode(
    {
        **{key: CAIRO[key] for key in ("business", "text", "headline", "description")},
        **{key: CAIRO[key] for key in ("prefill", "greeting", "phone", "region")},
        "replies": "|".join(CAIRO["replies"]),
        "countries": "EG",
    }
)
# Where each placement shows the ad's own words.
USER_TEXT = {
    "fb_feed_mobile": ".bas-primary, .bas-headline, .bas-name span",
    "fb_feed_desktop": ".bas-primary, .bas-headline, .bas-name span",
    "ig_feed": ".bas-ig-caption",
    "fb_story": ".bas-story-text, .bas-story-name span",
    "ig_story": ".bas-story-text, .bas-story-name span",
    "marketplace": ".bas-mp-title, .bas-mp-meta span",
    "reels": ".bas-reels-text, .bas-story-name span",
}


def open_preview(page, app_url, viewport, query=""):
    page.set_viewport_size(viewport)
    page.goto(f"{app_url}{page_url('preview')}{query}")
    wait_for_app(page)
    expect(page.locator(".st-key-placements [data-placement=reels]")).to_be_attached()
    expect(page.locator(".st-key-tap_panel .bas-root")).to_be_attached()


def grid_columns(page) -> int:
    return page.locator(".st-key-placements .bas-grid").evaluate(
        "el => getComputedStyle(el).gridTemplateColumns.split(' ').length"
    )


def test_placements_grid_has_columns_on_a_laptop(page, app_url):
    open_preview(page, app_url, LAPTOP)
    assert grid_columns(page) >= 2
    # Two placements side by side, not one per row.
    first = page.locator("[data-placement=fb_feed_mobile]").bounding_box()
    second = page.locator("[data-placement=fb_feed_desktop]").bounding_box()
    assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"] + first["width"]
    # The tap panel sits beside the grid, a phone's width.
    tap = page.locator(".st-key-tap_panel").bounding_box()
    grid = page.locator(".st-key-placements").bounding_box()
    assert tap["x"] >= grid["x"] + grid["width"] and tap["width"] >= 320
    screenshot(page, "layout-preview-1400")


def test_placements_grid_is_one_column_on_a_phone(page, app_url):
    open_preview(page, app_url, PHONE)
    assert grid_columns(page) == 1


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1400", "390"])
def test_chat_header_shows_the_whole_name(page, app_url, viewport):
    open_preview(page, app_url, viewport, "?" + urlencode({"business": LONG_NAME}))
    name = page.locator(".st-key-tap_panel .bas-wa-name")
    expect(name).to_have_text(LONG_NAME)
    for selector in (".bas-wa-name", ".bas-wa-status"):
        element = page.locator(f".st-key-tap_panel {selector}")
        scroll, client = element.evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert client > 0 and scroll <= client, (selector, scroll, client)
    # "Official business account" on at most two lines.
    lines = page.locator(".st-key-tap_panel .bas-wa-status").evaluate(
        "e => Math.round(e.getBoundingClientRect().height"
        " / parseFloat(getComputedStyle(e).lineHeight))"
    )
    assert lines <= 2
    # The pre-filled message is whole in its box, not cut at the bottom.
    draft = page.locator(".st-key-tap_panel .bas-wa-input")
    scroll_h, client_h = draft.evaluate("e => [e.scrollHeight, e.clientHeight]")
    assert scroll_h <= client_h + 1, (scroll_h, client_h)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.locator(".st-key-tap_panel .bas-wa").screenshot(
        path=str(SCREENSHOTS / f"layout-chat-{viewport['width']}.png")
    )


def test_call_screen_hours_table_and_key_icons(page, app_url):
    open_preview(page, app_url, LAPTOP, "?cta=call")
    table = page.locator(".st-key-tap_panel [data-testid=stDataFrame]")
    expect(table).to_be_visible()
    # The whole table fits: no horizontal scroll hides the "To" column.
    scroller = table.locator(".dvn-scroller").first
    scroll, client = scroller.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert scroll <= client + 1, (scroll, client)
    icons = page.locator(".st-key-tap_panel .bas-call-key-icon")
    expect(icons).to_have_count(3)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.bas-call-key-icon')].every(i => i.naturalWidth > 0)"
    )


def test_safe_zone_labels_cover_nothing(page, app_url):
    open_preview(page, app_url, LAPTOP)
    page.locator(".st-key-preview_safe_zones label").click()
    wait_for_app(page)
    for key in ("fb_story", "ig_story"):
        cell = page.locator(f"[data-placement={key}]")
        expect(cell.locator(".bas-safe-top")).to_be_attached()
        expect(cell.locator(".bas-safe-legend")).to_be_visible()
        assert cell.locator(".bas-safe").evaluate_all("els => els.map(e => e.innerText)") == [
            "",
            "",
        ]
        legend = cell.locator(".bas-safe-legend").bounding_box()
        story = cell.locator(".bas-story").bounding_box()
        assert legend["y"] >= story["y"] + story["height"]


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1400", "390"])
def test_rtl_ad_reads_right_to_left_everywhere(page, app_url, viewport):
    open_preview(page, app_url, viewport, RTL_QUERY)
    for key in PLACEMENTS:
        cell = page.locator(f".st-key-placements [data-placement={key}]")
        root = cell.locator("article").first
        expect(root).to_have_attribute("dir", "rtl")
        directions = cell.locator(USER_TEXT[key]).evaluate_all(
            "els => els.map(e => getComputedStyle(e).direction)"
        )
        assert directions and set(directions) == {"rtl"}, (key, directions)
    chat = page.locator(".st-key-tap_panel .bas-wa")
    expect(chat).to_have_attribute("dir", "rtl")
    texts = chat.locator(".bas-wa-name, .bas-wa-bubble, .bas-wa-chip, .bas-wa-draft")
    directions = texts.evaluate_all("els => els.map(e => getComputedStyle(e).direction)")
    assert len(directions) >= 4 and set(directions) == {"rtl"}, directions
    # Mirrored: the avatar sits right of the name in the chat header.
    avatar = chat.locator(".bas-wa-head .bas-avatar").bounding_box()
    name = chat.locator(".bas-wa-name").bounding_box()
    assert avatar["x"] > name["x"]
    screenshot(page, f"layout-rtl-{viewport['width']}")


def test_compose_types_and_previews_rtl_copy_right_to_left(page, app_url):
    page.set_viewport_size(PHONE)
    page.goto(f"{app_url}/{RTL_QUERY}")
    wait_for_app(page)
    if not page.locator(".st-key-ad_headline input").count():
        page.locator(".st-key-compose_section button", has_text="Copy").click()
        wait_for_app(page)
    for selector in (".st-key-ad_text textarea", ".st-key-ad_headline input"):
        box = page.locator(selector)
        expect(box).to_have_attribute("dir", "auto")
        assert box.evaluate("e => getComputedStyle(e).direction") == "rtl", selector
    card = page.locator(".bas-feed-mobile")
    expect(card).to_have_attribute("dir", "rtl")
    assert card.locator(".bas-primary").evaluate("e => getComputedStyle(e).direction") == "rtl"
