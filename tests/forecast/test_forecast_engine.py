"""The engagement engine's laws: determinism, whole ordered counts, each funnel step, the
market (price, reach, saturation, under-delivery), learning, and the button comparison."""

import datetime as dt
from dataclasses import replace

import numpy as np
import pytest

from components.forecast import (
    CampaignInputs,
    MarketInputs,
    base_cpm,
    by_country,
    compare,
    daily_quantiles,
    default_params,
    engine,
    learning_status,
    metric_totals,
    placement_mix,
    reply_factor,
    simulate_campaign,
    spend_response_curve,
    summary,
    win_probability,
)
from components.forecast.inputs import ad_placements

P = default_params()
CODES = ("US", "IN", "BR", "DE")
WEEKDAYS_9_TO_5 = np.zeros((7, 24), dtype=bool)
WEEKDAYS_9_TO_5[:5, 9:17] = True
EVERY = (1, 2)


def market(audience=(1.9e8, 3.8e8, 1.2e8, 5.0e7), delivers=(True, True, True, False), **more):
    """US, India, Brazil delivering; Germany not (Europe, launch scenario)."""
    cpm = [base_cpm("US", 1, "Americas"), base_cpm("IN", 3, "Asia")]
    cpm += [base_cpm("BR", 2, "Americas"), base_cpm("DE", 1, "Europe")]
    return MarketInputs(
        codes=CODES,
        cpm_usd=np.array(cpm),
        audience=np.array(audience, dtype=float),
        budget_share=np.array([0.4, 0.3, 0.2, 0.1]),
        delivers=np.array(delivers),
        utc_offset_hours=np.array([-5.0, 5.5, -3.0, 1.0]),
        **more,
    )


def campaign(**changes):
    base = CampaignInputs(
        cta="message", daily_budget=200.0, days=60, start=dt.date(2025, 4, 7), runs=200, seed=3
    )
    if changes.get("cta") == "call" and "placements" not in changes:
        changes["placements"] = ad_placements("call")
    return replace(base, **changes)


def total(result, metric):
    return metric_totals(result, metric, EVERY)


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
    monkeypatch.setattr(engine, "BLOCK_CELLS", 240)  # one run per block: many blocks
    threaded = simulate_campaign(market(), campaign(runs=40, cta="call"))
    monkeypatch.setattr(engine, "MAX_THREADS", 1)
    serial = simulate_campaign(market(), campaign(runs=40, cta="call"))
    np.testing.assert_array_equal(threaded.clicks, serial.clicks)
    np.testing.assert_array_equal(threaded.leads, serial.leads)
    np.testing.assert_array_equal(threaded.learning_days, serial.learning_days)


def test_different_seeds_differ():
    a = simulate_campaign(market(), campaign(runs=50, seed=1))
    b = simulate_campaign(market(), campaign(runs=50, seed=2))
    assert not np.array_equal(a.clicks, b.clicks)
    assert not np.array_equal(a.impressions, b.impressions)


def test_progress_is_reported_up_to_done():
    seen = []
    simulate_campaign(market(), campaign(runs=300), progress=seen.append)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)


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
    assert r.learning_days.shape == (200,)


@pytest.mark.parametrize("fixture", ["message_result", "call_result"])
def test_funnel_is_ordered(fixture, request):
    r = request.getfixturevalue(fixture)
    assert (r.leads >= 0).all()
    assert (r.leads <= r.conversations).all()
    assert (r.conversations <= r.clicks).all()
    assert (r.clicks <= r.impressions).all()
    assert (r.reach >= 0).all() and (r.reach <= r.impressions).all()
    assert (r.missed_calls >= 0).all() and (r.missed_calls <= r.conversations).all()
    assert r.leads.sum() > 0
    for label, q in summary(r).items():
        assert np.isfinite([q.p10, q.p50, q.p90]).all(), label
        assert q.p10 <= q.p50 <= q.p90, label


def test_message_ads_have_no_missed_calls(message_result):
    assert message_result.answered is None and message_result.missed_calls.sum() == 0
    assert "Missed calls" not in summary(message_result)


# --- each funnel step ------------------------------------------------------------------------


def _means(result, metric):
    return total(result, metric).mean()


def test_message_funnel_steps_follow_their_rates():
    """With the button's rates fixed, each step's share is the rate it is given."""
    params = P.with_values(message_send_rate=0.5, message_lead_rate=0.2)
    fixed = params.with_values()  # the overrides above leave the ranges (they fit)
    table = dict(fixed.table)
    for name in ("message_send_rate", "message_lead_rate"):
        table[name] = replace(table[name], low=None, high=None)
    fixed = type(fixed)(table)
    r = simulate_campaign(market(), campaign(runs=200, reply_minutes=0), fixed)
    sent = _means(r, "conversations") / _means(r, "clicks")
    assert sent == pytest.approx(0.5, rel=0.02)
    leads = _means(r, "leads") / _means(r, "conversations")
    assert leads == pytest.approx(0.2, rel=0.03)  # a reply at once keeps the whole rate


def _fixed(params, *names):
    table = dict(params.table)
    for name in names:
        table[name] = replace(table[name], low=None, high=None)
    return type(params)(table)


CALL_RATES = ("call_ctr_ratio", "call_dial_rate", "call_answer_rate", "call_callback_rate",
              "call_lead_rate")  # fmt: skip


def test_call_funnel_steps_follow_their_rates():
    params = _fixed(P, *CALL_RATES)
    always = campaign(cta="call", runs=200, reply_minutes=0)
    r = simulate_campaign(market(), always, params)
    dial, answer = params.value("call_dial_rate"), params.value("call_answer_rate")
    callback, lead = params.value("call_callback_rate"), params.value("call_lead_rate")
    assert _means(r, "conversations") / _means(r, "clicks") == pytest.approx(dial, rel=0.02)
    answered = 1 - _means(r, "missed_calls") / _means(r, "conversations")
    assert answered == pytest.approx(answer, rel=0.02)  # always open: only the answer rate
    expected = (answer + (1 - answer) * callback) * lead  # answered, or missed and returned
    assert _means(r, "leads") / _means(r, "conversations") == pytest.approx(expected, rel=0.03)


def test_call_ctr_is_the_message_ctr_times_the_ratio():
    params = _fixed(P, *CALL_RATES)
    both = ad_placements("message")
    message = simulate_campaign(market(), campaign(runs=200), params)
    call = simulate_campaign(market(), campaign(runs=200, cta="call", placements=both), params)
    ratio = _means(call, "clicks") / _means(message, "clicks")
    assert ratio == pytest.approx(params.value("call_ctr_ratio"), rel=0.02)


def test_calls_outside_business_hours_are_missed_but_can_be_returned():
    closed = np.zeros((7, 24), dtype=bool)
    r = simulate_campaign(market(), campaign(cta="call", hours_mask=closed, runs=30))
    assert r.conversations.sum() > 0
    np.testing.assert_array_equal(r.missed_calls, r.conversations)  # nobody ever answers
    assert r.leads.sum() == 0  # and a business that never opens never calls back


def test_missed_calls_are_returned_after_the_reply_time():
    fast = simulate_campaign(market(), campaign(cta="call", runs=150, reply_minutes=1))
    slow = simulate_campaign(market(), campaign(cta="call", runs=150, reply_minutes=240))
    assert _means(fast, "missed_calls") == pytest.approx(_means(slow, "missed_calls"), rel=0.02)
    assert _means(fast, "leads") > 1.05 * _means(slow, "leads")


def test_hourly_missed_calls_follow_the_mask(call_result):
    taps, missed = call_result.hourly_taps, call_result.hourly_missed
    closed = ~WEEKDAYS_9_TO_5
    dial = P.value("call_dial_rate")
    np.testing.assert_allclose(missed[closed], dial * taps[closed])
    open_hours = WEEKDAYS_9_TO_5
    expected = dial * (1 - P.value("call_answer_rate")) * taps[open_hours]
    np.testing.assert_allclose(missed[open_hours], expected)


def test_calling_restrictions_lower_connected_calls():
    free = simulate_campaign(market(), campaign(cta="call", runs=150))
    restricted = np.array([False, True, False, False])  # India, for the test
    blocked = simulate_campaign(market(call_restricted=restricted), campaign(cta="call", runs=150))
    india = CODES.index("IN")
    answered = lambda r: (r.conversations - r.missed_calls)[:, :, india].sum()  # noqa: E731
    assert answered(blocked) < 0.6 * answered(free)
    assert blocked.conversations[:, :, india].sum() == pytest.approx(
        free.conversations[:, :, india].sum(), rel=0.05
    )  # the calls are still placed


def test_call_ads_run_only_where_call_now_runs():
    assert "fb_story" not in ad_placements("call") and "fb_feed_desktop" not in ad_placements(
        "call"
    )
    share, _ = placement_mix(P, ad_placements("call"))
    assert 0.5 < share < 1.0
    assert placement_mix(P, ad_placements("message")) == pytest.approx((1.0, 1.0))
    # A small audience: less inventory means fewer impressions for the same money.
    small = market(audience=(2e4, 3e4, 1e4, 1e4))
    message = simulate_campaign(small, campaign(runs=60, daily_budget=500.0))
    call = simulate_campaign(small, campaign(runs=60, daily_budget=500.0, cta="call"))
    assert _means(call, "impressions") < _means(message, "impressions")


def test_reply_time_effect_is_bounded():
    minutes = np.array([0, 5, 30, 60, 24 * 60, 10**6])
    factor = reply_factor(P, minutes)
    assert factor[0] == factor[1] == 1.0
    assert np.all(np.diff(factor) <= 0)
    assert factor[-1] == pytest.approx(P.value("reply_floor"))
    assert 0.6 < factor[2] < 0.8 and 0.45 < factor[3] < 0.65  # the fitted points


def test_reply_speed_moves_leads_not_conversations():
    fast = simulate_campaign(market(), campaign(reply_minutes=5, runs=100))
    slow = simulate_campaign(market(), campaign(reply_minutes=30, runs=100))
    assert fast.conversations.sum() == pytest.approx(slow.conversations.sum(), rel=0.01)
    ratio = fast.leads.sum() / slow.leads.sum()
    expected = 1 / float(reply_factor(P, 30))
    assert ratio == pytest.approx(expected, rel=0.05)  # bounded: far from 21×


def test_messages_sent_while_closed_wait_for_a_reply():
    always = simulate_campaign(market(), campaign(runs=100))
    office = simulate_campaign(market(), campaign(hours_mask=WEEKDAYS_9_TO_5, runs=100))
    assert office.conversations.sum() == pytest.approx(always.conversations.sum(), rel=0.01)
    assert office.leads.sum() < 0.8 * always.leads.sum()


def test_creative_penalty_lowers_taps():
    plain = simulate_campaign(market(), campaign(runs=50))
    weak = simulate_campaign(market(), campaign(runs=50, creative_ctr_factor=0.5))
    assert weak.clicks.sum() == pytest.approx(0.5 * plain.clicks.sum(), rel=0.05)


# --- the market: budget, price, reach, saturation ----------------------------------------------


def test_spend_never_exceeds_the_daily_budget(message_result):
    per_day = message_result.spend.astype(np.float64).sum(axis=2)
    assert per_day.max() <= 200.0
    assert per_day.min() > 0.9 * 200.0  # a big audience takes it: pacing only falls short a bit
    assert total(message_result, "spend").max() <= 200.0 * 60


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


def test_a_tiny_audience_under_delivers_at_a_sane_price():
    """South Georgia-sized: 11 people cannot take $1,000 a day at any price."""
    tiny = MarketInputs(codes=("GS",), cpm_usd=np.array([16.5]), audience=np.array([11.0]),
                        budget_share=np.ones(1), delivers=np.ones(1, bool))  # fmt: skip
    r = simulate_campaign(tiny, campaign(daily_budget=1000.0, days=30, runs=50))
    assert r.capped
    assert total(r, "spend").max() < 10
    cpm = summary(r)["CPM"]
    assert cpm.p90 <= P.value("max_price_multiple") * 16.5 * 1.5  # noise, never $960K
    assert (r.spend <= r.base_spend * r.pace[:, :, None] + 1e-6).all()


def test_more_budget_more_results_with_diminishing_returns():
    small = market(audience=(2e5, 3e5, 1e5, 1e5))  # small audiences: price and fatigue bite
    budgets = [20.0, 100.0, 500.0, 2500.0]
    runs = [simulate_campaign(small, campaign(daily_budget=b, runs=80)) for b in budgets]
    leads = np.array([_means(r, "leads") for r in runs])
    spend = np.array([_means(r, "spend") for r in runs])
    assert np.all(np.diff(leads) > 0)  # monotone in budget
    per_dollar = leads / spend
    assert per_dollar[-1] < per_dollar[1]  # concave at the top
    frequency = [summary(r)["Frequency"].p50 for r in runs]
    assert np.all(np.diff(frequency) > 0) and frequency[-1] > 3


def test_reach_saturates_and_frequency_builds():
    r = simulate_campaign(market(audience=(5e4, 5e4, 5e4, 5e4)),
                          campaign(daily_budget=300.0, days=90, runs=40))  # fmt: skip
    q = summary(r)
    audience = 1.5e5
    assert q["Reach"].p90 <= audience
    assert q["Frequency"].p50 > P.value("reach_min_frequency")
    np.testing.assert_allclose(total(r, "reach"), r.reach.sum(axis=(1, 2)))


def test_fatigue_lowers_ctr_at_high_frequency():
    big = simulate_campaign(market(), campaign(runs=60, days=90))
    small = simulate_campaign(market(audience=(2e4, 2e4, 2e4, 2e4)), campaign(runs=60, days=90))
    assert summary(small)["Frequency"].p50 > 5
    assert summary(small)["CTR"].p50 < 0.85 * summary(big)["CTR"].p50


def test_spend_response_curve_diminishes():
    curve = spend_response_curve(
        market(audience=(2e6, 3e6, 1e6, 1e6)), campaign(days=30), [20, 200, 2000], runs=40
    )
    assert list(curve["daily_budget"]) == [20, 200, 2000]
    assert curve["results_mean"].is_monotonic_increasing
    assert (curve["results_p10"] <= curve["results_p90"]).all()
    assert curve["results_per_dollar"].iloc[-1] < curve["results_per_dollar"].iloc[1]


def test_unavailable_countries_get_nothing(message_result):
    germany = CODES.index("DE")
    for name in ("spend", "impressions", "reach", "clicks", "conversations", "leads"):
        assert getattr(message_result, name)[:, :, germany].sum() == 0, name
    row = by_country(message_result).set_index("country").loc["DE"]
    assert not row["delivers"] and row["results_p90"] == 0


def test_budget_is_renormalised_over_delivering_countries(message_result):
    spend = metric_totals(message_result, "spend", (1,)).mean(axis=0)
    shares = spend / spend.sum()
    np.testing.assert_allclose(shares[:3], np.array([0.4, 0.3, 0.2]) / 0.9, rtol=1e-4)


def test_us_cpm_follows_its_season_and_india_has_none():
    season = np.ones((4, 12))
    season[0] = P.curve("cpm_season_us")
    seasonal = market(cpm_season=season)
    january = simulate_campaign(seasonal, campaign(start=dt.date(2025, 1, 6), days=21))
    november = simulate_campaign(seasonal, campaign(start=dt.date(2025, 11, 3), days=21))
    cpm = {
        month: by_country(r).set_index("country")["cpm_p50"]
        for month, r in (("jan", january), ("nov", november))
    }
    assert cpm["nov"]["US"] / cpm["jan"]["US"] == pytest.approx(28.35 / 20.43, rel=0.06)
    assert cpm["nov"]["IN"] / cpm["jan"]["IN"] == pytest.approx(1.0, rel=0.06)


def test_weekends_are_neutral(message_result):
    cpm = daily_quantiles(message_result, "cpm")["p50"].to_numpy()
    weekday = np.asarray(message_result.dates.astype("datetime64[D]").view("int64") + 3) % 7
    assert cpm[weekday >= 5].mean() / cpm[weekday < 5].mean() == pytest.approx(1.0, abs=0.05)


# --- learning ------------------------------------------------------------------------------


def test_small_budgets_stay_learning_limited_and_pay_for_it():
    big = market()
    tiny = simulate_campaign(big, campaign(daily_budget=2.0, runs=100))
    large = simulate_campaign(big, campaign(daily_budget=500.0, runs=100))
    assert learning_status(tiny).limited  # most runs never reach 50 results in 7 days
    assert np.median(tiny.learning_days) == 60
    status = learning_status(large)
    assert not status.limited and status.days_median <= 7
    cost = lambda r: summary(r)["Cost per conversation"].p50  # noqa: E731
    assert cost(tiny) > 1.15 * cost(large)  # the learning premium, all campaign long
    need = learning_status(tiny).budget_to_exit
    assert need is not None and need > 2.0
    # that budget (roughly) gets out of learning
    assert (
        learning_status(simulate_campaign(big, campaign(daily_budget=need * 1.5))).days_median < 60
    )


# --- comparison ------------------------------------------------------------------------------


def _pair(m, **changes):
    message = simulate_campaign(m, campaign(**changes))
    call = simulate_campaign(m, campaign(cta="call", **changes))
    return {"Send WhatsApp Message": message, "Call Now": call}


def test_win_probability_of_a_clear_case_and_of_a_tie():
    a = simulate_campaign(market(), campaign(runs=100, daily_budget=400.0))
    b = simulate_campaign(market(), campaign(runs=100))
    assert win_probability(a, b, "conversations") > 0.95
    assert win_probability(a, a, "leads") == 0.5


def test_the_buttons_share_the_market_but_not_their_funnels():
    pair = _pair(market(), runs=200)
    message, call = pair.values()
    np.testing.assert_array_equal(message.pace, call.pace)
    np.testing.assert_array_equal(message.price, call.price)
    leads = np.corrcoef(total(message, "leads"), total(call, "leads"))[0, 1]
    assert leads < 0.9  # independent button rates, not one shared draw


def test_symmetric_rates_give_a_coin_flip():
    """Make the call funnel equal to the message funnel: no winner."""
    params = P.with_values(call_ctr_ratio=1.0, call_dial_rate=0.45, call_answer_rate=0.99,
                           call_lead_rate=0.25)  # fmt: skip
    params = _fixed(params, "call_answer_rate")
    both = ad_placements("message")
    pair = {
        "Send WhatsApp Message": simulate_campaign(market(), campaign(runs=400, reply_minutes=0),
                                                   params),
        "Call Now": simulate_campaign(
            market(), campaign(runs=400, reply_minutes=0, cta="call", placements=both), params
        ),
    }  # fmt: skip
    outcome = compare(pair)
    assert 0.3 < outcome.chance_first < 0.7
    assert outcome.verdict == "Too close to call"


def test_message_can_win():
    """Where WhatsApp calls rarely connect and the phone is staffed an hour a weekday, a
    business that answers chats within a minute likely gets more leads from Message; with
    the defaults Call is favoured. The verdict follows the settings, not the button."""
    few_hours = np.zeros((7, 24), dtype=bool)
    few_hours[:5, 12] = True
    restricted = market(call_restricted=np.ones(4, dtype=bool))
    pair = _pair(restricted, runs=300, hours_mask=few_hours, reply_minutes=1)
    message, call = pair.values()
    assert np.median(total(message, "leads")) > 1.5 * np.median(total(call, "leads"))
    assert compare(pair).chance_first > 0.7
    assert compare(_pair(market(), runs=300)).chance_first < 0.5


def test_nothing_delivering_means_no_comparison():
    outcome = compare(_pair(market(delivers=(False,) * 4), runs=20))
    assert outcome.chance_first is None and "nothing delivers" in outcome.verdict


def test_test_planner_needs_more_days_for_closer_races():
    outcome = compare(_pair(market(), runs=200, days=14, daily_budget=20.0))
    assert outcome.days_to_decide is None or outcome.days_to_decide >= 1
    richer = compare(_pair(market(), runs=200, days=14, daily_budget=400.0))
    if outcome.days_to_decide is not None and richer.days_to_decide is not None:
        assert richer.days_to_decide <= outcome.days_to_decide
    assert richer.budget_to_decide is None or richer.budget_to_decide > 0


# --- inputs ----------------------------------------------------------------------------------


def test_bad_inputs_are_refused():
    with pytest.raises(ValueError):
        campaign(cta="sms")
    with pytest.raises(ValueError):
        campaign(hours_mask=np.ones((24, 7), dtype=bool))
    with pytest.raises(ValueError):
        campaign(placements=("billboard",))
    with pytest.raises(ValueError):
        campaign(daily_budget=-1.0)
    with pytest.raises(ValueError):
        MarketInputs(codes=("US", "IN"), cpm_usd=np.array([1.0]), audience=np.ones(2),
                     budget_share=np.ones(2), delivers=np.ones(2, dtype=bool))  # fmt: skip
