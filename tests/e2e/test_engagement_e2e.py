"""The Engagement page in Chromium: change the budget, see figures and charts move, download."""

import csv
import io

from playwright.sync_api import expect

from components.world.money import convert
from tests.e2e.conftest import page_url, screenshot, wait_for_app, wait_for_charts

METRIC = "[data-testid='stMetric']"


def metric_value(page, label: str) -> str:
    card = page.locator(METRIC).filter(has_text=label).first
    return card.locator("[data-testid='stMetricValue']").inner_text()


def test_budget_moves_the_forecast_and_the_csv_downloads(page, app_url):
    page.set_viewport_size({"width": 1400, "height": 1300})
    page.goto(f"{app_url}{page_url('engagement')}")
    wait_for_app(page, 90_000)
    # The first forecast of a fresh server computes while a spinner shows.
    page.wait_for_selector(f"{METRIC}:has-text('Leads')", timeout=90_000)
    wait_for_app(page, 90_000)
    page.wait_for_selector("[data-testid='stVegaLiteChart'] canvas, "
                           "[data-testid='stVegaLiteChart'] svg")  # fmt: skip
    for label in ("Spend", "Impressions", "CPM", "Clicks", "CTR", "Conversations started",
                  "Cost per conversation", "Leads"):  # fmt: skip
        expect(page.locator(METRIC).filter(has_text=label).first, label).to_be_attached()
    before = metric_value(page, "Impressions")
    screenshot(page, "engagement-default", full_page=True)

    budget = page.locator(".st-key-eng_budget input")
    budget.fill("250")
    budget.press("Enter")
    wait_for_app(page, 90_000)
    page.wait_for_function(
        "b => [...document.querySelectorAll(\"[data-testid='stMetric']\")]"
        ".some(m => m.innerText.includes('Impressions') && !m.innerText.includes(b))",
        arg=before,
    )
    assert metric_value(page, "Impressions") != before

    # Start, scheduling, runs and seed wait behind "More settings"; Apply redraws the page.
    page.get_by_role("button", name="More settings").click()
    seed = page.locator("[data-testid='stDialog'] .st-key-eng_seed input")
    seed.fill("99")
    seed.press("Enter")
    wait_for_app(page)
    expect(seed).to_have_value("99")
    page.get_by_role("button", name="Apply").click()
    wait_for_app(page, 90_000)
    page.wait_for_selector("[data-testid='stDialog']", state="detached")
    assert "seed 99" in page.locator("[data-testid='stCaptionContainer']").first.inner_text()

    for label in ("Funnel", "By country", "When people tap", "Budget", "Message vs Call"):
        page.locator(".st-key-eng_view button", has_text=label).click()
        wait_for_app(page, 90_000)
        wait_for_charts(page.locator(".st-key-forecast_chart"))
        name = label.lower().replace(" ", "-")
        page.locator(".st-key-forecast_chart").screenshot(
            path=str(screenshot(page, "engagement-tmp").with_name(f"engagement-{name}.png"))
        )

    page.get_by_role("button", name="Export").click()
    page.wait_for_selector("[data-testid='stDialog'] .st-key-download_csv button")
    screenshot(page, "engagement-export")
    with page.expect_download() as download:
        page.locator(".st-key-download_csv button").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text())))
    # Money in the page's currency (the Lagos number's naira), named in the column.
    assert rows and {"date", "country", "results_p50", "spend_ngn_p90"} <= set(rows[0])
    budget = convert(250.0, "NGN")
    assert all(float(row["spend_ngn_p50"]) <= budget * 1.000001 for row in rows)
