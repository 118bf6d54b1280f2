"""The charts in Chromium: what a tooltip says, what the specs on the page carry, what an
empty forecast shows, and the Model page's tables drawn whole with linked citations."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import page_url, wait_for_app
from tests.render.test_forecast_charts import walk

CHART = "[data-testid='stVegaLiteChart']"
RANGE = "Range: 80% of simulated outcomes (p10–p90)"
# The spec Streamlit handed to vega-embed, read from the element's React props (the page
# keeps no global handle on its Vega views).
SPECS_JS = """() => [...document.querySelectorAll("[data-testid='stVegaLiteChart']")].map(el => {
  const key = Object.keys(el).find(k => k.startsWith('__reactFiber'));
  for (let f = el[key], i = 0; f && i < 40; f = f.return, i++) {
    const props = f.memoizedProps || {};
    if (props.element && typeof props.element.spec === 'string') return props.element.spec;
  }
  return null;
})"""


def open_view(page, app_url: str, query: str, view: str) -> None:
    if not page.url.startswith(f"{app_url}{page_url('engagement')}"):
        page.goto(f"{app_url}{page_url('engagement')}?{query}")
        wait_for_app(page, 120_000)
        page.wait_for_selector("[data-testid='stMetric']:has-text('Leads')", timeout=120_000)
    page.locator(".st-key-eng_view button", has_text=view).click()
    wait_for_app(page, 120_000)


def page_specs(page) -> list[dict]:
    texts = page.evaluate(SPECS_JS)
    assert texts and all(texts), "no Vega-Lite spec found on the chart elements"
    return [json.loads(text) for text in texts]


def inline_rows(spec: dict) -> list[dict]:
    rows = []
    for node in walk(spec):
        if isinstance(node.get("values"), str) and node.get("format", {}).get("type") == "json":
            rows += [row for row in json.loads(node["values"]) if isinstance(row, dict)]
    return rows


def test_tooltips_give_the_median_and_the_named_range(page, app_url):
    page.set_viewport_size({"width": 1400, "height": 1000})
    query = "countries=NG,GH,DE"
    open_view(page, app_url, query, "Over time")
    chart = page.locator(f".st-key-forecast_chart {CHART}").first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.6)
    tooltip = page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible")
    text = tooltip.inner_text()
    assert "Conversations started, median" in text and RANGE in text, text
    assert "null" not in text and "NaN" not in text
    # Every name and value is shown whole (vega-tooltip cuts at 150 px by default).
    cut = tooltip.locator("td").evaluate_all(
        "tds => tds.filter(td => td.scrollWidth > td.clientWidth + 1).map(td => td.innerText)"
    )
    assert not cut, cut

    for view in ("Over time", "Funnel", "By country", "Budget", "Message vs Call"):
        open_view(page, app_url, query, view)
        page.wait_for_selector(f".st-key-forecast_chart {CHART} svg")
        for spec in page_specs(page):
            tooltips = [node["encoding"]["tooltip"] for node in walk(spec)
                        if "tooltip" in node.get("encoding", {})]  # fmt: skip
            titles = [tip["title"] for tips in tooltips for tip in tips]
            assert any("median" in title for title in titles), (view, titles)
            assert RANGE in titles, (view, titles)
            assert "NaN" not in json.dumps(spec), view
            assert all(None not in row.values() for row in inline_rows(spec)), view
        drawn = page.locator(f".st-key-forecast_chart {CHART}").evaluate_all(
            "els => els.map(e => e.textContent)"
        )
        assert not any("NaN" in text or "null" in text for text in drawn), view

    # By country: the map names every country; those not targeted read "not targeted".
    open_view(page, app_url, query, "By country")
    rows = {
        row["alpha2"]: row
        for spec in page_specs(page)
        for row in inline_rows(spec)
        if "alpha2" in row
    }
    assert rows["FR"]["median_text"] == "not targeted" and rows["FR"]["state"] == "not targeted"
    assert rows["DE"]["state"] == "not delivering"
    assert rows["NG"]["state"] == "delivering"


@pytest.mark.parametrize("width", [1400, 390])
def test_nothing_delivering_shows_an_empty_state_without_nan_or_null(page, app_url, width):
    """Germany at launch: no chart of zeros, no 'NaN' axis, no '— – —' range chips."""
    page.set_viewport_size({"width": width, "height": 900})
    for view in ("Over time", "Funnel", "By country", "When people tap", "Budget",
                 "Message vs Call"):  # fmt: skip
        open_view(page, app_url, "countries=DE", view)
        panel = page.locator(".st-key-forecast_chart")
        expect(panel.locator(".st-key-chart_empty_state")).to_be_visible()
        expect(panel.locator(CHART)).to_have_count(0)
        text = page.locator("[data-testid='stMain']").inner_text()
        for bad in ("NaN", "null", "— – —", "undefined"):
            assert bad not in text, (view, bad)


@pytest.mark.parametrize("width", [1400, 390])
def test_model_tables_are_whole_with_linked_citations(page, app_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{app_url}{page_url('model')}")
    wait_for_app(page, 120_000)
    page.wait_for_selector(".bas-table")
    texts = []
    tabs = page.locator("[data-testid='stTab']")
    for index in range(tabs.count()):
        tabs.nth(index).click()
        expect(tabs.nth(index)).to_have_attribute("aria-selected", "true")
        texts.append(page.locator("[data-testid='stMain']").inner_text())
        for wrap in page.locator(".bas-table-wrap").all():
            if not wrap.is_visible():
                continue
            # No inner scrolling, sideways or down, and nothing wider than the page.
            sizes = wrap.evaluate("e => [e.scrollWidth, e.clientWidth, e.scrollHeight, "
                                  "e.clientHeight, e.getBoundingClientRect().right]")  # fmt: skip
            assert sizes[0] <= sizes[1] + 1 and sizes[2] <= sizes[3] + 1, (index, sizes)
            assert sizes[4] <= width, (index, sizes)
    text = "\n".join(texts)
    assert "product.md" not in text and "Button Ad Studio product brief" in text
    assert "Meta Business Help Center, article 435270316658768" in text
    link = page.locator(
        ".bas-table a[href='https://www.facebook.com/business/help/435270316658768']"
    )
    expect(link).to_have_count(1)
