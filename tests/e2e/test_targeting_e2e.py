"""A product manager's journey on Targeting, in Chromium: pick a continent, watch the map and
the table follow, switch to "Europe launched". The map is drawn from the shipped TopoJSON: the
`page` fixture fails the test if anything but the local server is requested."""

import re

from playwright.sync_api import expect

from components.world.targeting import audience_total, delivering, format_range, target_groups
from tests.e2e.conftest import page_url, screenshot, settle_frames, wait_for_app, wait_for_charts

MAP = "[data-testid='stVegaLiteChart']"


def map_shapes(page) -> int:
    """How many shapes Vega drew (SVG paths; a canvas counts as drawn)."""
    return page.evaluate(
        """s => { const c = document.querySelector(s);
                 if (!c) return 0;
                 if (c.querySelector('canvas')) return 1000;
                 return c.querySelectorAll('svg path').length; }""",
        MAP,
    )


def table_text(page) -> str:
    """The text of the countries table (the grid keeps an accessible copy in a <table>)."""
    return page.evaluate(
        """() => [...document.querySelectorAll("[data-testid='stDataFrame'] table")]
                 .map(t => t.textContent).join('\\n')"""
    )


def table_rows(page) -> int:
    counts = page.evaluate(
        """() => [...document.querySelectorAll("[data-testid='stDataFrame'] [aria-rowcount]")]
                 .map(e => Number(e.getAttribute('aria-rowcount')) - 1)"""
    )
    return counts[-1] if counts else 0


def show_whole_page(page) -> None:
    """Make the window tall enough for the map, the warnings and the table in one picture."""
    page.set_viewport_size({"width": 1400, "height": 1750})
    wait_for_app(page)
    wait_for_charts(page.locator("[data-testid='stMain']"))
    settle_frames(page)


def open_targeting(page, app_url: str, query: str = "") -> None:
    page.goto(f"{app_url}{page_url('targeting')}{query}")
    wait_for_app(page)
    page.wait_for_selector(MAP)
    page.wait_for_function(
        """s => (document.querySelector(s)?.querySelectorAll('svg path, canvas').length || 0)
                > 150""",
        arg=MAP,
        timeout=30_000,
    )
    page.locator("[data-testid='stDataFrame']").last.scroll_into_view_if_needed()
    page.wait_for_selector(
        "[data-testid='stDataFrame'] [aria-rowcount]", state="attached", timeout=30_000
    )


def pick_group(page, name: str) -> None:
    page.locator(".st-key-tgt_group").click()
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    wait_for_app(page)


def test_pick_a_continent_and_see_the_map_and_table_follow(page, app_url):
    open_targeting(page, app_url)
    assert map_shapes(page) > 150  # one path per country, plus the ocean
    assert table_rows(page) == 1 and "Nigeria" in table_text(page)

    pick_group(page, "South America")
    page.wait_for_function(
        """() => [...document.querySelectorAll("[data-testid='stDataFrame'] table")]
                 .some(t => t.textContent.includes('Brazil'))""",
        timeout=20_000,
    )
    text = table_text(page)
    assert "Argentina" in text and "Colombia" in text and "Nigeria" in text
    selected = ("NG", *target_groups()["South America"])
    live = delivering(selected, "launch")  # not French Guiana, nor the uninhabited islands
    assert table_rows(page) == len(selected)
    expect(page.get_by_text(f"{len(live)} of {len(selected)}", exact=True)).to_have_count(1)
    assert map_shapes(page) > 150
    assert "countries=NG%2CAR" in page.url or "countries=NG,AR" in page.url
    show_whole_page(page)
    screenshot(page, "targeting-south-america")


def test_europe_launched_changes_the_map_and_says_why(page, app_url):
    open_targeting(page, app_url, "?countries=NG,DE,FR,CN")
    assert "Later" in table_text(page)
    expect(page.get_by_text("no delivery and no budget")).to_have_count(1)
    page.locator(".st-key-tgt_scenario button", has_text="Europe launched").click()
    wait_for_app(page)
    page.wait_for_function(
        """() => [...document.querySelectorAll("[data-testid='stDataFrame'] table")]
                 .some(t => !t.textContent.includes('Later'))""",
        timeout=20_000,
    )
    assert "Launched in Europe" in table_text(page)
    expect(page.get_by_text("574941489951914", exact=False).first).to_be_attached()
    assert map_shapes(page) > 150
    # one more country, searched by its plain name: the earlier ones stay selected
    page.locator(".st-key-tgt_countries input").click()
    page.keyboard.type("Kenya")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_for_app(page)
    page.wait_for_function(
        """() => [...document.querySelectorAll("[data-testid='stDataFrame'] table")]
                 .some(t => t.textContent.includes('Kenya'))""",
        timeout=20_000,
    )
    text = table_text(page)
    assert all(name in text for name in ("Nigeria", "Germany", "France", "China", "Kenya"))
    assert table_rows(page) == 5
    show_whole_page(page)
    screenshot(page, "targeting-europe-launched")


def test_hostile_link_is_ignored_and_no_script_runs(page, app_url):
    open_targeting(page, app_url, "?countries=ZZ,%3Cscript%3Ealert(1)%3C/script%3E,NG")
    expect(page.get_by_text("Unknown country codes ignored")).to_have_count(1)
    assert table_rows(page) == 1
    assert page.evaluate("() => document.querySelectorAll('script:not([src])').length") == (
        page.evaluate(
            "() => [...document.querySelectorAll('script:not([src])')]"
            ".filter(s => !s.textContent.includes('alert(1)')).length"
        )
    )


def test_enter_in_the_country_search_adds_one_country(page, app_url):
    """ "Ghana" + Enter adds Ghana only (not Afghanistan and South Georgia as well)."""
    open_targeting(page, app_url)
    search = page.locator(".st-key-tgt_countries input")
    search.click()
    search.press_sequentially("Ghana")
    expect(page.get_by_role("option").first).to_contain_text("Ghana")
    search.press("Enter")
    page.keyboard.press("Escape")
    selection = page.locator(".st-key-tgt_countries [data-tag]:visible")
    expect(selection).to_have_count(2)
    expect(selection.last).to_contain_text("Ghana")
    expect(page.get_by_text("2 countries chosen: 🇳🇬 Nigeria, 🇬🇭 Ghana")).to_be_visible()
    expect(page).to_have_url(re.compile(r"countries=NG(%2C|,)GH&"))


def test_why_a_chosen_country_does_not_deliver_is_written_on_the_page(page, app_url):
    open_targeting(page, app_url, "?countries=NG,FR,CU")
    note = page.locator(".st-key-tgt_not_delivering")
    expect(note).to_contain_text("Not delivering, and why (2)")
    expect(note).to_contain_text("France: Not in the launch rollout: WhatsApp–Facebook data")
    expect(note).to_contain_text("Cuba: Sanctioned")
    assert "Nigeria" not in note.inner_text()
    page.locator(".st-key-tgt_scenario button", has_text="Europe launched").click()
    expect(note).not_to_contain_text("France")
    screenshot(page, "targeting-not-delivering")


def test_a_city_and_radius_change_the_audience(page, app_url):
    """A Lagos bakery does not reach all of Nigeria: pick a city, widen the radius, and the
    audience and the address bar follow (from the whole country: the sample itself targets
    Lagos + 17 km)."""
    open_targeting(page, app_url, "?city=")
    metric = page.locator("[data-testid='stMetric']", has_text="Audience where it runs")
    whole = format_range(*audience_total(("NG",)))
    expect(metric).to_contain_text(whole)

    page.locator(".st-key-tgt_location button", has_text="City + radius").click()
    lagos = format_range(*audience_total(("NG",), "2332459", 17))  # the sample's radius
    expect(page.get_by_role("combobox", name="City")).to_have_value("Lagos · NG")
    expect(metric).to_contain_text(lagos)

    page.locator(".st-key-tgt_city").click()
    page.keyboard.type("Kano")
    page.keyboard.press("Enter")
    expect(page.get_by_role("combobox", name="City")).to_have_value("Kano · NG")
    page.get_by_role("slider", name="Radius (km)").focus()
    page.keyboard.press("End")
    expect(page.locator(".st-key-tgt_radius")).to_contain_text("80")
    kano = format_range(*audience_total(("NG",), "2335204", 80))
    assert len({whole, lagos, kano}) == 3
    expect(metric).to_contain_text(kano)
    expect(page).to_have_url(re.compile(r"city=2335204.*radius=80"))
    expect(page.locator("[data-testid='stDataFrame']").last).to_contain_text(kano)
    screenshot(page, "targeting-city-radius")
