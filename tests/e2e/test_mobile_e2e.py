"""Every page on a phone-sized screen (390×844, touch) in Chromium: nothing scrolls sideways,
no element is wider than the screen, the previews fit it, every control can be reached, no
table toolbar covers a control, the navigation is labelled (and opens the pages and Share or
save), and the Engagement page's first chart is within two screens.

Each page is saved whole as `screenshots/mobile-<page>.png` (the window is stretched to the
page's height for the picture, keeping its 390 px width) for a person to look at.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from components.ui.navigation import PAGES as SHELL_PAGES
from tests.e2e.conftest import PAGE_READY, SCREENSHOTS, page_url, settle_frames, wait_for_app

PHONE = {"width": 390, "height": 844}
# (path, what shows it has drawn) of every page of the navigation, and of the Call ad's tap
# screen on Preview.
READY = {name: (page_url(name), PAGE_READY[name]) for name in SHELL_PAGES}
PAGES = READY | {
    "preview-call": (page_url("preview") + "?cta=call", ".st-key-tap_panel .bas-call"),
}

# Sideways overflow of the page and of Streamlit's main column, in CSS pixels.
PAGE_OVERFLOW = """() => {
  const out = {document: document.scrollingElement.scrollWidth - window.innerWidth};
  for (const id of ['stAppViewContainer', 'stMain', 'stMainBlockContainer']) {
    const element = document.querySelector(`[data-testid='${id}']`);
    if (element) out[id] = element.scrollWidth - element.clientWidth;
  }
  return out;
}"""

# Our markup (st.html): each preview root, card, phone, story and tap screen lies inside the
# screen, and nothing inside a root is wider than the root.
PREVIEW_OVERFLOW = """() => {
  const problems = [];
  const width = window.innerWidth;
  const roots = document.querySelectorAll("[data-testid='stHtml'] .bas-root");
  for (const root of roots) {
    if (root.scrollWidth > root.clientWidth + 1)
      problems.push(`a preview scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const parts = root.querySelectorAll(
      '.bas-root, .bas-card, .bas-phone, .bas-story, .bas-wa, .bas-call, .bas-cell, .bas-cta,'
      + ' .bas-ig-button, .bas-sticker, .bas-mp-cta, .bas-reels-cta, .bas-notes, .bas-tap-note');
    for (const part of [root, ...parts]) {
      const box = part.getBoundingClientRect();
      if (box.width && (box.left < -1 || box.right > width + 1))
        problems.push(`${part.className} spans ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
  }
  return {roots: roots.length, problems};
}"""

# Every visible control in the main column is on screen, or inside a strip that scrolls
# sideways on its own (segmented controls, tab lists, tables), which is itself on screen.
UNREACHABLE = """() => {
  const width = window.innerWidth;
  const inside = (box) => box.left >= -1 && box.right <= width + 1;
  const scroller = (element) => {
    for (let up = element.parentElement; up; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (['auto', 'scroll'].includes(style.overflowX) && up.scrollWidth > up.clientWidth + 1)
        return up;
    }
    return null;
  };
  const controls = document.querySelectorAll(
    "[data-testid='stMain'] :is(button, input, textarea, select, a[href], summary,"
    + " [role=button], [role=tab], [role=radio], [role=checkbox], [role=switch],"
    + " [role=combobox], [role=slider])");
  const bad = [];
  for (const control of controls) {
    const box = control.getBoundingClientRect();
    const style = getComputedStyle(control);
    if (!box.width || !box.height || style.visibility === 'hidden') continue;
    if (control.closest("[data-testid='stDataFrame'], [data-testid='stDataFrameResizable']"))
      continue;  // the grid scrolls itself, on touch too
    if (inside(box)) continue;
    const strip = scroller(control);
    if (strip && strip !== document.scrollingElement && inside(strip.getBoundingClientRect()))
      continue;
    const label = (control.innerText || control.getAttribute('aria-label') || control.tagName);
    bad.push(`${label.trim().slice(0, 40)} at ${Math.round(box.left)}–${Math.round(box.right)}`);
  }
  return bad;
}"""


# Elements of the main column wider than the screen, or lying past its edge, that no box
# clips or scrolls (a strip that scrolls sideways on its own, inside the screen, is fine).
WIDER_THAN_SCREEN = """() => {
  const width = window.innerWidth;
  const clippedBy = (element) => {
    for (let up = element.parentElement; up; up = up.parentElement) {
      if (['hidden', 'auto', 'scroll', 'clip'].includes(getComputedStyle(up).overflowX))
        return up;
    }
    return null;
  };
  const bad = [];
  for (const element of document.querySelectorAll("[data-testid='stMain'] *")) {
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(element).visibility === 'hidden') continue;
    if (box.left >= -1 && box.right <= width + 1) continue;
    const clip = clippedBy(element);
    if (clip && clip !== document.scrollingElement) {
      const frame = clip.getBoundingClientRect();
      if (frame.left >= -1 && frame.right <= width + 1) continue;
    }
    const name = element.getAttribute('data-testid') || String(element.className.baseVal
      ?? element.className) || element.tagName;
    bad.push(`${name.slice(0, 50)} spans ${Math.round(box.left)}–${Math.round(box.right)}`);
  }
  return bad.slice(0, 10);
}"""

# A table's toolbar (drawn above its top edge, shown on a tap) that would cover a control of
# another element: the tabs or the radio above it.
TOOLBAR_OVERLAPS = """() => {
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom
    && b.top < a.bottom;
  const bad = [];
  for (const bar of document.querySelectorAll("[data-testid='stMain'] "
                                              + "[data-testid='stElementToolbar']")) {
    const own = bar.closest("[data-testid='stElementContainer']");
    const box = bar.getBoundingClientRect();
    if (!box.width) continue;
    for (const control of document.querySelectorAll("[data-testid='stMain'] :is(button, input,"
        + " label, [role=tab], [role=radio], [role=checkbox])")) {
      if (own && own.contains(control)) continue;
      const other = control.getBoundingClientRect();
      if (other.width && overlaps(box, other))
        bad.push(`${(control.innerText || control.tagName).trim().slice(0, 30)}`);
    }
  }
  return bad;
}"""


@pytest.fixture
def phone(browser, app_url):
    """A phone-sized, touch-enabled page that records requests leaving the local server."""
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page = context.new_page()
    external: list[str] = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((app_url, "data:", "blob:", "about:"))
            else external.append(request.url)
        ),
    )
    yield page
    context.close()
    assert not external, f"the page requested something outside the local server: {external}"


def open_on_phone(page, app_url: str, path: str, ready: str) -> None:
    page.goto(f"{app_url}{path}")
    wait_for_app(page, 90_000)
    page.wait_for_selector(ready, timeout=90_000)
    wait_for_app(page, 90_000)


def close_sidebar(page) -> None:
    """Close the sidebar if it opened over the page (as a person on a phone would)."""
    if page.locator("[data-testid='stSidebar'][data-collapsed='false']").count():
        page.locator("[data-testid='stSidebarCollapseButton'] button").click()
        page.wait_for_selector("[data-testid='stSidebar'][data-collapsed='true']", state="attached")
        # The slide-out animation: done when the sidebar has left the screen.
        expect(page.locator("[data-testid='stSidebar']")).not_to_be_in_viewport()


def screenshot_whole(page, name: str) -> None:
    """The whole page at phone width: Streamlit scrolls `stMain`, not the document, so the
    window is stretched to the page's height for the picture and put back afterwards."""
    height = page.evaluate("() => document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": PHONE["width"], "height": min(max(height, 844), 16_000)})
    wait_for_app(page)
    settle_frames(page)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"mobile-{name}.png"))
    page.set_viewport_size(PHONE)


@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_a_phone(phone, app_url, name):
    path, ready = PAGES[name]
    open_on_phone(phone, app_url, path, ready)
    close_sidebar(phone)

    overflow = phone.evaluate(PAGE_OVERFLOW)
    assert all(pixels <= 1 for pixels in overflow.values()), f"{name} scrolls sideways: {overflow}"
    previews = phone.evaluate(PREVIEW_OVERFLOW)
    assert not previews["problems"], f"{name}: a preview does not fit: {previews['problems']}"
    if name in ("compose", "preview", "preview-call", "walkthrough"):
        assert previews["roots"] >= 1, f"{name}: no preview markup found"
    unreachable = phone.evaluate(UNREACHABLE)
    assert not unreachable, f"{name}: controls off screen: {unreachable}"
    wide = phone.evaluate(WIDER_THAN_SCREEN)
    assert not wide, f"{name}: elements wider than the screen: {wide}"
    covered = phone.evaluate(TOOLBAR_OVERLAPS)
    assert not covered, f"{name}: a table toolbar covers {covered}"
    screenshot_whole(phone, name)


def test_compose_preview_button_is_on_screen_and_tappable(phone, app_url):
    """The preview's button can be scrolled to and lies inside the screen."""
    open_on_phone(phone, app_url, "/", ".st-key-preview_panel .bas-cta")
    close_sidebar(phone)
    button = phone.locator(".st-key-preview_panel a.bas-cta")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert button.get_attribute("href").startswith("https://wa.me/")


def test_sidebar_starts_closed_on_a_phone(phone, app_url):
    open_on_phone(phone, app_url, "/", ".st-key-preview_panel .bas-cta")
    expect(phone.locator("[data-testid='stSidebar'][data-collapsed='true']")).to_have_count(1)


def test_the_navigation_is_labelled_and_opens_the_pages_and_share_or_save(phone, app_url):
    open_on_phone(phone, app_url, *READY["targeting"])
    close_sidebar(phone)
    menu = phone.get_by_test_id("stExpandSidebarButton")
    label = menu.evaluate("button => getComputedStyle(button, '::after').content")
    assert "Pages" in label and "Share" in label, label
    box = menu.bounding_box()
    assert box and box["width"] >= 120, box  # the words are on screen, not only "»"
    menu.click()
    sidebar = phone.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("link", name="Engagement")).to_be_visible()
    share = sidebar.get_by_role("button", name="Share or save")
    expect(share).to_be_visible()
    share.click()
    expect(phone.get_by_role("menuitem").first).to_be_visible()


def test_the_hand_split_toolbar_leaves_by_hand_uncovered(phone, app_url):
    open_on_phone(phone, app_url, page_url("targeting") + "?countries=NG,GH", READY["targeting"][1])
    close_sidebar(phone)
    phone.get_by_text("By hand").click()
    wait_for_app(phone, 90_000)
    expect(phone.locator("[data-testid='stDataFrame']")).to_have_count(2)
    phone.locator("[data-testid='stDataFrame']").first.tap()  # shows its toolbar
    assert phone.evaluate(TOOLBAR_OVERLAPS) == []


def test_the_first_engagement_chart_is_within_two_screens(phone, app_url):
    open_on_phone(phone, app_url, *READY["engagement"])
    close_sidebar(phone)
    chart = phone.locator("[data-testid='stMain'] [data-testid='stVegaLiteChart']").first
    expect(chart).to_be_attached()
    top = chart.evaluate(
        "c => c.getBoundingClientRect().top"
        " + document.querySelector(\"[data-testid='stMain']\").scrollTop"
    )
    assert top < 2 * PHONE["height"], top
    # Two figures a row: the first two cards share a row.
    cards = phone.locator(".st-key-headline_metrics [data-testid='stMetric']")
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"], (first, second)
