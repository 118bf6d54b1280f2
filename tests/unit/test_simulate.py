"""The engagement model's laws, its calibration and its assumptions table."""

import datetime as dt
import math
from dataclasses import replace

import numpy as np
import pytest

import components.simulate as sim
from components import assumptions as A
from components.placements import PLACEMENTS
from components.simulate import (
    CampaignInputs,
    MarketInputs,
    by_country,
    daily_quantiles,
    metric_totals,
    simulate_campaign,
    spend_response_curve,
    summary,
    win_probability,
)

CODES = ("US", "IN", "BR", "DE")
WEEKDAYS_9_TO_5 = np.zeros((7, 24), dtype=bool)
WEEKDAYS_9_TO_5[:5, 9:17] = True
EVERY = (1, 2)


def market(audience=(1.9e8, 3.8e8, 1.2e8, 5.0e7), delivers=(True, True, True, False)):
    """US, India, Brazil delivering; Germany not (Europe, launch scenario)."""
    cpm = [A.base_cpm("US", 1, "Americas"), A.base_cpm("IN", 3, "Asia")]
    cpm += [A.base_cpm("BR", 2, "Americas"), A.base_cpm("DE", 1, "Europe")]
    return MarketInputs(
        codes=CODES,
        cpm_usd=np.array(cpm),
        audience=np.array(audience, dtype=float),
        budget_share=np.array([0.4, 0.3, 0.2, 0.1]),
        delivers=np.array(delivers),
        utc_offset_hours=np.array([-5.0, 5.5, -3.0, 1.0]),
    )


def campaign(**changes):
    base = CampaignInputs(
        cta="message", daily_budget=200.0, days=60, start=dt.date(2025, 4, 7), runs=200, seed=3
    )
    return replace(base, **changes)


@pytest.fixture(scope="module")
def message_result():
    return simulate_campaign(market(), campaign())


@pytest.fixture(scope="module")
def call_result():
    return simulate_campaign(market(), campaign(cta="call", hours_mask=WEEKDAYS_9_TO_5))


# --- determinism ---------------------------------------------------------------------------


def test_same_seed_same_result():
    first = simulate_campaign(market(), campaign(runs=60))
    second = simulate_campaign(market(), campaign(runs=60))
    for name in ("spend", "impressions", "reach", "clicks", "conversations", "leads"):
        np.testing.assert_array_equal(getattr(first, name), getattr(second, name))


def test_result_does_not_depend_on_thread_count(monkeypatch):
    monkeypatch.setattr(sim, "BLOCK_CELLS", 240)  # one run per block: many blocks
    threaded = simulate_campaign(market(), campaign(runs=40))
    monkeypatch.setattr(sim, "MAX_THREADS", 1)
    serial = simulate_campaign(market(), campaign(runs=40))
    np.testing.assert_array_equal(threaded.clicks, serial.clicks)
    np.testing.assert_array_equal(threaded.leads, serial.leads)


def test_different_seeds_differ():
    a = simulate_campaign(market(), campaign(runs=50, seed=1))
    b = simulate_campaign(market(), campaign(runs=50, seed=2))
    assert not np.array_equal(a.clicks, b.clicks)
    assert not np.array_equal(a.impressions, b.impressions)


# --- shapes and whole, ordered counts --------------------------------------------------------


def test_shapes_and_types(message_result):
    r = message_result
    shape = (200, 60, 4)
    for name in ("impressions", "reach", "clicks", "conversations", "missed_calls", "leads"):
        array = getattr(r, name)
        assert array.shape == shape, name
        assert np.issubdtype(array.dtype, np.integer), name
    assert r.spend.shape == shape
    assert r.hourly_taps.shape == r.hourly_missed.shape == (7, 24)
    assert len(r.dates) == 60 and r.dates[0] == np.datetime64("2025-04-07")
    assert r.codes == CODES


@pytest.mark.parametrize("fixture", ["message_result", "call_result"])
def test_funnel_is_ordered(fixture, request):
    r = request.getfixturevalue(fixture)
    assert (r.leads >= 0).all()
    assert (r.leads <= r.conversations).all()
    assert (r.conversations <= r.clicks).all()
    assert (r.clicks <= r.impressions).all()
    assert (r.reach >= 0).all() and (r.reach <= r.impressions).all()
    assert (r.missed_calls >= 0).all()
    assert r.leads.sum() > 0


def test_call_taps_are_answered_or_missed(call_result):
    r = call_result
    np.testing.assert_array_equal(r.conversations + r.missed_calls, r.clicks)


def test_message_ads_have_no_missed_calls(message_result):
    assert message_result.missed_calls.sum() == 0
    assert "Missed calls" not in summary(message_result)


# --- budget ------------------------------------------------------------------------------------


def test_spend_never_exceeds_the_daily_budget(message_result):
    per_day = message_result.spend.astype(np.float64).sum(axis=2)
    assert per_day.max() <= 200.0
    assert per_day.min() > 0.5 * 200.0  # and it is spent: pacing only falls a little short
    assert metric_totals(message_result, "spend", EVERY).max() <= 200.0 * 60


def test_scheduled_spend_never_exceeds_the_lifetime_budget():
    r = simulate_campaign(
        market(), campaign(cta="call", hours_mask=WEEKDAYS_9_TO_5, schedule_to_hours=True)
    )
    assert r.spend.astype(np.float64).sum(axis=(1, 2)).max() <= 200.0 * 60
    weekend = np.isin(np.asarray(r.dates.astype("datetime64[D]").view("int64") + 3) % 7, [5, 6])
    assert r.spend[:, weekend].sum() == 0  # closed on weekends: no delivery


def test_zero_budget_gives_zero():
    r = simulate_campaign(market(), campaign(daily_budget=0.0, runs=20))
    for name in ("spend", "impressions", "reach", "clicks", "conversations", "leads"):
        assert getattr(r, name).sum() == 0, name
    assert summary(r)["Spend"].p90 == 0


def test_more_budget_more_impressions_but_fewer_per_dollar():
    small = market(audience=(2e5, 3e5, 1e5, 1e5))  # small audiences: the price gets bid up
    low = simulate_campaign(small, campaign(daily_budget=50.0, runs=100))
    high = simulate_campaign(small, campaign(daily_budget=500.0, runs=100))
    impressions_low = metric_totals(low, "impressions", EVERY).mean()
    impressions_high = metric_totals(high, "impressions", EVERY).mean()
    spend_low = metric_totals(low, "spend", EVERY).mean()
    spend_high = metric_totals(high, "spend", EVERY).mean()
    assert impressions_high > impressions_low
    assert impressions_high / spend_high < impressions_low / spend_low
    clicks_low = metric_totals(low, "clicks", EVERY).mean()
    clicks_high = metric_totals(high, "clicks", EVERY).mean()
    assert clicks_low / spend_low > clicks_high / spend_high  # diminishing returns


def test_spend_response_curve_diminishes():
    curve = spend_response_curve(
        market(audience=(2e6, 3e6, 1e6, 1e6)), campaign(days=30), [20, 200, 2000], runs=40
    )
    assert list(curve["daily_budget"]) == [20, 200, 2000]
    assert curve["results_mean"].is_monotonic_increasing
    assert curve["results_per_dollar"].is_monotonic_decreasing
    assert (curve["results_p10"] <= curve["results_p90"]).all()


# --- availability --------------------------------------------------------------------------


def test_unavailable_countries_get_nothing(message_result):
    germany = CODES.index("DE")
    for name in ("spend", "impressions", "reach", "clicks", "conversations", "leads"):
        assert getattr(message_result, name)[:, :, germany].sum() == 0, name
    row = by_country(message_result).set_index("country").loc["DE"]
    assert not row["delivers"] and row["results_p90"] == 0
    assert message_result.impressions[:, :, :3].sum(axis=(0, 1)).min() > 0


def test_no_delivering_country_gives_zero():
    r = simulate_campaign(market(delivers=(False,) * 4), campaign(runs=10))
    assert r.spend.sum() == 0 and r.clicks.sum() == 0


def test_budget_is_renormalised_over_delivering_countries(message_result):
    spend = metric_totals(message_result, "spend", (1,)).mean(axis=0)
    shares = spend / spend.sum()
    np.testing.assert_allclose(shares[:3], np.array([0.4, 0.3, 0.2]) / 0.9, rtol=1e-4)


# --- business hours and calls ------------------------------------------------------------------


def test_calls_outside_business_hours_are_missed():
    closed = np.zeros((7, 24), dtype=bool)
    r = simulate_campaign(market(), campaign(cta="call", hours_mask=closed, runs=30))
    assert r.clicks.sum() > 0
    assert r.conversations.sum() == 0
    np.testing.assert_array_equal(r.missed_calls, r.clicks)


def test_hourly_missed_calls_follow_the_mask(call_result):
    taps, missed = call_result.hourly_taps, call_result.hourly_missed
    closed = ~WEEKDAYS_9_TO_5
    np.testing.assert_allclose(missed[closed], taps[closed])
    open_hours = WEEKDAYS_9_TO_5
    np.testing.assert_allclose(missed[open_hours], (1 - A.CALL_ANSWER_RATE) * taps[open_hours])
    total_missed = call_result.missed_calls.sum() / call_result.runs
    assert missed.sum() == pytest.approx(total_missed, rel=0.02)


def test_always_open_misses_only_unanswered_calls():
    r = simulate_campaign(market(), campaign(cta="call", runs=100))
    missed_share = r.missed_calls.sum() / r.clicks.sum()
    assert missed_share == pytest.approx(1 - A.CALL_ANSWER_RATE, abs=0.03)


def test_scheduling_to_business_hours_stops_missed_calls_and_lifts_calls():
    # Huge audiences keep the price flat, so only the schedule differs.
    big = market(audience=(1e9, 1e9, 1e9, 1e9))
    base = campaign(cta="call", hours_mask=WEEKDAYS_9_TO_5, days=28, runs=300)
    free = simulate_campaign(big, base)
    scheduled = simulate_campaign(big, replace(base, schedule_to_hours=True))
    assert scheduled.hourly_taps[~WEEKDAYS_9_TO_5].sum() == pytest.approx(0, abs=1e-6)
    missed_share = scheduled.missed_calls.sum() / scheduled.clicks.sum()
    assert missed_share == pytest.approx(1 - A.CALL_ANSWER_RATE, abs=0.03)
    lift = (
        metric_totals(scheduled, "conversations", EVERY).mean()
        / metric_totals(free, "conversations", EVERY).mean()
    )
    assert lift == pytest.approx(1 + A.SCHEDULE_CALL_LIFT, abs=0.08)  # Meta's test: +25.4%


def test_business_clock_uses_each_countrys_offset():
    # A business in Los Angeles (UTC−8), open 09–17 on weekdays: that is 22:30–06:30 in
    # India (UTC+5.5), when people sleep, but 12:00–20:00 on the US east coast (UTC−5).
    r = simulate_campaign(
        market(),
        campaign(cta="call", hours_mask=WEEKDAYS_9_TO_5, business_utc_offset_hours=-8.0),
    )
    table = by_country(r).set_index("country")
    missed = table["missed_calls_p50"] / table["clicks_p50"]
    assert missed["IN"] > 0.9
    assert missed["IN"] > missed["US"] + 0.15
    # Half-hour offsets blend neighbouring hours, so check hours far from opening time.
    night = np.zeros((7, 24), dtype=bool)
    night[:, :7] = True
    night[5:] = True
    np.testing.assert_allclose(r.hourly_missed[night], r.hourly_taps[night])


def test_reply_speed_moves_leads():
    fast = simulate_campaign(market(), campaign(reply_minutes=5, runs=100))
    slow = simulate_campaign(market(), campaign(reply_minutes=30, runs=100))
    assert fast.conversations.sum() == pytest.approx(slow.conversations.sum(), rel=0.01)
    ratio = fast.leads.sum() / slow.leads.sum()
    assert 15 < ratio < 28  # 21× in expectation (raiontech.io)
    assert A.lead_rate(5) / A.lead_rate(30) == pytest.approx(A.REPLY_SPEED_RATIO)


def test_messages_sent_while_closed_wait_for_a_reply():
    always = simulate_campaign(market(), campaign(runs=100))
    office = simulate_campaign(market(), campaign(hours_mask=WEEKDAYS_9_TO_5, runs=100))
    assert office.conversations.sum() == pytest.approx(always.conversations.sum(), rel=0.01)
    assert office.leads.sum() < 0.6 * always.leads.sum()


def test_creative_penalties_lower_taps():
    plain = simulate_campaign(market(), campaign(runs=50))
    factor = A.creative_factor(300, 60, 40, has_image=False)
    assert factor == pytest.approx(0.9 * 0.95 * 0.97 * 0.6)
    weak = simulate_campaign(market(), campaign(runs=50, creative_ctr_factor=factor))
    assert weak.clicks.sum() < 0.6 * plain.clicks.sum()
    assert A.creative_factor(125, 40, 25, has_image=True) == 1.0
    assert A.creative_factor(90, 10, 10, True, placement="reels") == A.CREATIVE_PENALTY["text"]


# --- summaries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", ["message_result", "call_result"])
def test_quantiles_are_ordered(fixture, request):
    r = request.getfixturevalue(fixture)
    for label, q in summary(r).items():
        assert q.p10 <= q.p50 <= q.p90, label
    for metric in ("spend", "impressions", "reach", "clicks", "conversations", "leads", "cpm"):
        frame = daily_quantiles(r, metric)
        assert list(frame.columns) == ["date", "p10", "p50", "p90"]
        assert len(frame) == 60
        assert (frame["p10"] <= frame["p50"]).all() and (frame["p50"] <= frame["p90"]).all()
    table = by_country(r)
    assert (table["results_p10"] <= table["results_p50"]).all()
    assert (table["results_p50"] <= table["results_p90"]).all()


def test_summary_labels_match_the_engagement_page(message_result, call_result):
    assert list(summary(message_result))[:10] == [
        "Spend",
        "Impressions",
        "Reach",
        "CPM",
        "Clicks",
        "CTR",
        "Conversations started",
        "Cost per conversation",
        "Leads",
        "Cost per lead",
    ]
    labels = summary(call_result)
    assert {"Calls", "Cost per call", "Missed calls"} <= set(labels)


def test_cumulative_daily_quantiles_grow(message_result):
    frame = daily_quantiles(message_result, "leads", cumulative=True)
    assert frame["p50"].is_monotonic_increasing
    total = summary(message_result)["Leads"].p50
    assert frame["p50"].iloc[-1] == pytest.approx(total, rel=0.05)


def test_reach_totals_match_the_daily_reach(message_result):
    fast = metric_totals(message_result, "reach", EVERY)
    slow = message_result.reach.sum(axis=(1, 2))
    np.testing.assert_allclose(fast, slow)


def test_win_probability():
    a = simulate_campaign(market(), campaign(runs=100, daily_budget=400.0))
    b = simulate_campaign(market(), campaign(runs=100))
    assert win_probability(a, b, "conversations") > 0.95
    assert win_probability(b, a, "conversations") < 0.05
    assert win_probability(a, a, "leads") == 0.5


# --- calibration (product.md) --------------------------------------------------------------------


def test_median_cpm_and_ctr_inside_published_ranges(message_result):
    table = by_country(message_result).set_index("country")
    us_low, us_high = A.CPM_US_MONTHLY_RANGE
    assert us_low <= table.loc["US", "cpm_p50"] <= us_high
    assert A.CPM_IN_RANGE[0] <= table.loc["IN", "cpm_p50"] <= A.CPM_IN_RANGE[1]
    # Brazil: about 3.20, low confidence; held to the tier-3 to tier-2 span.
    assert A.CPM_TIER_RANGES[3][0] <= table.loc["BR", "cpm_p50"] <= A.CPM_TIER_RANGES[2][1]
    for code in ("US", "IN", "BR"):
        assert 0.009 <= table.loc[code, "ctr_p50"] <= 0.026, code


def test_us_cpm_follows_the_season():
    january = simulate_campaign(market(), campaign(start=dt.date(2025, 1, 1), days=31))
    november = simulate_campaign(market(), campaign(start=dt.date(2025, 11, 1), days=30))
    us_jan = by_country(january).set_index("country").loc["US", "cpm_p50"]
    us_nov = by_country(november).set_index("country").loc["US", "cpm_p50"]
    assert us_jan == pytest.approx(20.43, rel=0.06)
    assert us_nov == pytest.approx(28.35, rel=0.06)


def test_weekends_are_cheaper(message_result):
    cpm = daily_quantiles(message_result, "cpm")["p50"].to_numpy()
    weekday = np.asarray(message_result.dates.astype("datetime64[D]").view("int64") + 3) % 7
    weekend_mean, weekday_mean = cpm[weekday >= 5].mean(), cpm[weekday < 5].mean()
    assert 0.60 < weekend_mean / weekday_mean < 0.85


# --- the Poisson sampler ----------------------------------------------------------------------


@pytest.mark.parametrize("mean", [0.0, 0.002, 0.05, 0.4, 1.0, 3.3, 9.0, 15.5, 16.0, 60.0, 2500.0])
def test_poisson_sampler_matches_the_distribution(mean):
    n = 400_000
    rng = np.random.default_rng(11)
    words = rng.bit_generator.random_raw(n // 2).view(np.uint32)
    draws = sim._poisson(np.full(n, mean, np.float32), words, np.empty(n, np.int32))
    assert draws.min() >= 0
    if mean == 0:
        assert draws.max() == 0
        return
    standard_error = math.sqrt(mean / n)
    assert abs(draws.mean() - mean) < 5 * standard_error + 1e-4 * mean
    assert draws.var() == pytest.approx(mean, rel=0.03, abs=0.3)
    if mean < 5:
        assert np.mean(draws == 0) == pytest.approx(math.exp(-mean), abs=0.003)


# --- inputs ---------------------------------------------------------------------------------------


def test_bad_inputs_are_refused():
    with pytest.raises(ValueError):
        campaign(cta="sms")
    with pytest.raises(ValueError):
        campaign(hours_mask=np.ones((24, 7), dtype=bool))
    with pytest.raises(ValueError):
        campaign(placement="billboard")
    with pytest.raises(ValueError):
        campaign(daily_budget=-1.0)
    with pytest.raises(ValueError):
        MarketInputs(
            codes=("US", "IN"),
            cpm_usd=np.array([1.0]),
            audience=np.ones(2),
            budget_share=np.ones(2),
            delivers=np.ones(2, dtype=bool),
        )


# --- the assumptions --------------------------------------------------------------------------


def test_every_parameter_has_a_source_or_is_an_assumption():
    assert len(A.ASSUMPTIONS) >= 30
    for key, item in A.ASSUMPTIONS.items():
        assert item.key == key
        assert item.label and item.unit and item.source
        assert item.is_assumption == (item.source == A.ASSUMPTION)
        assert item.display_value()
        if item.is_assumption:
            assert item.note, f"{key}: an assumption says why"
    rows = A.assumption_rows()
    assert len(rows) == len(A.ASSUMPTIONS) and rows[0]["key"] == "cpm_us"


def test_published_figures():
    assert A.CPM_US == 22.70 and A.CPM_IN == 1.81 and A.CPM_BR == 3.20
    assert A.CTR_MEDIAN == 0.0181
    assert A.TAP_TO_CONVERSATION >= 1 - A.TAP_ABANDON_MAX
    assert A.LEAD_RATE_EXCELLENT_RANGE[0] > A.LEAD_RATE_FAST


def test_season_curve_matches_the_sources():
    season = np.array(A.CPM_SEASON_BY_MONTH)
    assert season.mean() == pytest.approx(1.0, abs=1e-3)
    q1, q4 = season[:3].sum(), season[9:].sum()
    assert q4 / q1 == pytest.approx(A.CPM_Q4_OVER_Q1, rel=0.01)
    assert A.CPM_US * season[0] == pytest.approx(A.CPM_US_MONTHLY_RANGE[0], abs=0.01)
    assert A.CPM_US * season[10] == pytest.approx(A.CPM_US_MONTHLY_RANGE[1], abs=0.01)


def test_base_cpm_rule():
    assert A.base_cpm("us", 3, "Asia") == 22.70  # a published figure wins
    assert A.base_cpm("NG", 3, "Africa") == pytest.approx(2.75 * 0.70)
    assert A.base_cpm("AU", 1, "Oceania") == 16.50
    assert A.base_cpm("GB", 1, "Europe") == pytest.approx(16.50 * 0.75)
    assert A.base_cpm("ZZ", 9, "Atlantis") == 2.75  # clamped tier, unknown region
    for tier in (1, 2, 3):
        for region in ("Americas", "Europe", "Asia", "Africa", "Oceania", "Northern America"):
            assert 1.50 <= A.base_cpm("XX", tier, region) <= 23.0


def test_placements_are_the_apps_placements():
    assert set(A.PLACEMENT_CTR) - {"automatic"} <= set(PLACEMENTS)
