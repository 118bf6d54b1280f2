"""From a Campaign to the forecast and what the Engagement page shows of it."""

import csv
import io
import json
from dataclasses import replace
from datetime import date

import pytest

from components.campaign.model import default_campaign
from components.forecast import (
    campaign_inputs,
    cpm_table,
    daily_by_country_csv,
    default_start,
    forecast,
    funnel_steps,
    headline_metrics,
    launch_countries,
    market_inputs,
    summary_json,
)

AD = replace(default_campaign(), countries=("NG", "GH", "DE", "CN"), runs=120, days=10)


@pytest.fixture(scope="module")
def result():
    return forecast(AD)


def test_start_is_the_next_monday():
    assert default_start(date(2026, 11, 25)) == date(2026, 11, 30)
    assert default_start(date(2026, 11, 30)) == date(2026, 12, 7)


def test_market_follows_rollout_and_split():
    market = market_inputs(AD, date(2026, 11, 30))
    assert market.codes == ("NG", "GH", "DE", "CN")
    assert list(market.delivers) == [True, True, False, False]
    assert market.budget_share[2:].sum() == 0 and abs(market.budget_share.sum() - 1) < 1e-9
    europe = market_inputs(replace(AD, scenario="europe"), date(2026, 11, 30))
    assert list(europe.delivers) == [True, True, True, False]
    assert market.utc_offset_hours[0] == 1.0  # Lagos


def test_campaign_carries_creative_and_hours():
    inputs = campaign_inputs(AD, date(2026, 11, 30))
    assert inputs.hours_mask.shape == (7, 24) and inputs.hours_mask.any()
    assert inputs.creative_ctr_factor == 1.0
    worse = campaign_inputs(replace(AD, text="x" * 300, image=None), date(2026, 11, 30))
    assert worse.creative_ctr_factor < 1.0


def test_headline_metrics_use_the_contract_labels(result):
    labels = [m.label for m in headline_metrics(result)]
    assert labels == ["Spend", "Impressions", "Reach", "Frequency", "CPM", "Clicks", "CTR",
                      "Conversations started", "Cost per conversation", "Leads",
                      "Cost per lead"]  # fmt: skip
    call = forecast(replace(AD, cta="call"))
    assert [m.label for m in headline_metrics(call)][7:9] == ["Calls", "Cost per call"]


def test_funnel_is_ordered(result):
    steps = funnel_steps(result)
    counts = list(steps["count"])
    assert counts == sorted(counts, reverse=True)
    assert 0 < steps["rate"].iloc[1] < 1


def test_csv_has_a_row_per_day_and_country(result):
    rows = list(csv.DictReader(io.StringIO(daily_by_country_csv(result).decode())))
    assert len(rows) == 10 * 4
    cn = [row for row in rows if row["country"] == "CN"]
    assert all(float(row["impressions_p90"]) == 0 for row in cn)


def test_summary_json_says_simulated(result):
    document = json.loads(summary_json(result, AD))
    assert document["simulated"] is True and "not a prediction from Meta" in document["note"]
    assert document["delivering"] == ["NG", "GH"]
    totals = document["totals"]["Spend"]
    assert totals["p10"] <= totals["p50"] <= totals["p90"] <= AD.budget * AD.days


def test_cpm_table_marks_the_published_figures():
    table = cpm_table()
    assert set(table[table["Basis"] == "published figure"]["Code"]) == {"US", "IN", "BR"}
    assert len(launch_countries()) > 100 and "DE" not in launch_countries()
    assert "DE" in launch_countries("europe") and "CN" not in launch_countries("europe")


def test_no_country_at_all_forecasts_zero():
    empty = forecast(replace(AD, countries=()))
    assert empty.impressions.sum() == 0 and empty.hourly_taps.shape == (7, 24)
    assert [m.value for m in headline_metrics(empty)][1] == "0"
