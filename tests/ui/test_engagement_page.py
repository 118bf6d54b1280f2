"""The Engagement page under AppTest: defaults, shared and nonsense parameters, every view."""

from datetime import date

import pytest

from components.forecast import base_cpm, default_start
from components.ui.navigation import page_path
from components.world.money import load_rates
from components.world.regions import get_country
from tests.ui.conftest import assert_clean, run_app

PAGE = page_path("engagement")
# architecture.md's public contract, in order.
MESSAGE_LABELS = ["Spend", "Impressions", "Reach", "Frequency", "CPM", "Clicks", "CTR",
                  "Conversations started", "Cost per conversation", "Leads",
                  "Cost per lead"]  # fmt: skip
CALL_LABELS = ["Spend", "Impressions", "Reach", "Frequency", "CPM", "Clicks", "CTR", "Calls",
               "Cost per call", "Leads", "Cost per lead"]  # fmt: skip
RESULT = MESSAGE_LABELS.index("Conversations started")


def labels(at) -> list[str]:
    return [metric.label for metric in at.metric][: len(MESSAGE_LABELS)]


def test_default_forecast_shows_the_contract_metrics():
    at = run_app(PAGE)
    assert_clean(at)
    assert labels(at) == MESSAGE_LABELS
    assert all(metric.value for metric in at.metric)
    assert any("not a prediction from Meta" in c.value for c in at.caption)


def test_call_ad_metrics_and_missed_calls_heatmap():
    at = run_app(PAGE, {"cta": "call"})
    assert_clean(at)
    assert labels(at) == CALL_LABELS
    at.segmented_control(key="eng_view").set_value("hours").run()
    assert_clean(at)
    assert len(at.get("vega_lite_chart")) == 2


@pytest.mark.parametrize("view", ["daily", "funnel", "countries", "hours", "budget", "ab"])
def test_every_view_draws(view):
    at = run_app(PAGE)
    at.segmented_control(key="eng_view").set_value(view).run()
    assert_clean(at)
    assert at.get("vega_lite_chart")


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"budget": "-50"}, "between"),
        ({"budget": "99999999"}, "between"),
        ({"days": "0"}, "between"),
        ({"days": "10000"}, "between"),
        ({"seed": "abc"}, "should be a number"),
    ],
)
def test_nonsense_parameters_are_clamped_with_a_note(params, fragment):
    at = run_app(PAGE, params)
    assert_clean(at)
    assert any(fragment in w.value for w in at.warning)
    assert labels(at) == MESSAGE_LABELS


def test_no_available_country_gives_zero_and_says_so():
    at = run_app(PAGE, {"countries": "CN,KP"})
    assert_clean(at)
    assert any("No targeted country can show this ad" in w.value for w in at.warning)
    assert at.metric[1].value == "0"


def test_budget_change_changes_the_forecast():
    at = run_app(PAGE)
    before = at.metric[1].value
    at.number_input(key="eng_budget").set_value(20_000.0).run()  # naira: a Nigerian number
    assert_clean(at)
    assert at.metric[1].value != before
    assert at.session_state["ad"].budget == pytest.approx(20_000 / load_rates().per_usd["NGN"])


def test_europe_scenario_notes_missing_metrics():
    at = run_app(PAGE, {"countries": "DE,FR", "scenario": "europe", "region": "DE"})
    assert_clean(at)
    assert any("not reported" in i.value for i in at.info)


def test_money_in_the_advertisers_currency():
    at = run_app(PAGE, {"region": "NG", "phone": "+234 803 123 4567"})
    assert "₦" in at.metric[0].value  # the number's country's currency by default
    assert any("money in NGN" in c.value for c in at.caption)
    at.button(key="eng_more").click().run()
    assert at.selectbox(key="eng_currency").value == "NGN"
    at.selectbox(key="eng_currency").set_value("USD")
    at.button(key="eng_apply").click().run()
    assert_clean(at)
    assert "$" in at.metric[0].value and "₦" not in at.metric[0].value
    assert at.session_state["ad"].currency == "USD"
    assert any("money in USD" in c.value for c in at.caption)


def test_more_settings_dialog_applies_start_runs_and_seed():
    at = run_app(PAGE)
    before = at.session_state["ad"]
    assert not at.get("date_input")  # behind "More settings" until asked for
    at.button(key="eng_more").click().run()
    assert_clean(at)
    assert at.date_input(key="eng_start").value == (before.start or default_start())
    assert at.toggle(key="eng_schedule").disabled  # a Message ad has no business-hours option
    at.selectbox(key="eng_runs").set_value(100)
    at.number_input(key="eng_seed").set_value(99)
    at.date_input(key="eng_start").set_value(date(2027, 3, 1))
    at.button(key="eng_apply").click().run()
    assert_clean(at)
    ad = at.session_state["ad"]
    assert (ad.runs, ad.seed, ad.start) == (100, 99, date(2027, 3, 1))
    assert not at.get("date_input")  # Apply closed the dialog
    summary = next(c.value for c in at.caption if "simulated runs" in c.value)
    assert "100 simulated runs, seed 99" in summary and "Mon 01 Mar 2027" in summary
    assert at.query_params["seed"] == "99"


def test_closing_the_dialog_without_apply_changes_nothing():
    at = run_app(PAGE)
    before = at.session_state["ad"]
    at.button(key="eng_more").click().run()
    at.number_input(key="eng_seed").set_value(12345)
    at.run()  # a rerun without Apply, as when the dialog is closed
    at.run()
    assert_clean(at)
    assert at.session_state["ad"].seed == before.seed


def test_business_hours_scheduling_for_a_call_ad():
    at = run_app(PAGE, {"cta": "call"})
    calls = at.metric[RESULT].value
    at.button(key="eng_more").click().run()
    assert not at.toggle(key="eng_schedule").disabled
    at.toggle(key="eng_schedule").set_value(True)
    at.button(key="eng_apply").click().run()
    assert_clean(at)
    assert at.session_state["ad"].schedule_hours
    assert any("run in business hours only" in c.value for c in at.caption)
    assert at.metric[RESULT].label == "Calls" and at.metric[RESULT].value != calls


def test_a_forecast_is_computed_once_for_the_same_inputs(monkeypatch):
    import components.forecast as forecast_module

    calls = []
    real = forecast_module.forecast
    monkeypatch.setattr(
        forecast_module, "forecast", lambda ad, **options: calls.append(ad) or real(ad, **options)
    )
    at = run_app(PAGE, {"seed": "424242", "days": "9"})  # inputs no other test has run
    assert_clean(at)
    assert len(calls) == 1
    at.run()
    at.segmented_control(key="eng_view").set_value("funnel").run()
    at.button(key="eng_more").click().run()
    at.selectbox(key="eng_currency").set_value("EUR")  # money shown differently only
    at.button(key="eng_apply").click().run()
    assert at.session_state["ad"].currency == "EUR"
    assert_clean(at)
    assert len(calls) == 1
    at.number_input(key="eng_budget").set_value(20.0).run()  # a new campaign: a new forecast
    assert len(calls) == 2


def test_export_opens_the_two_downloads():
    at = run_app(PAGE)
    assert not at.get("download_button")  # in the Export dialog, built when opened
    at.button(key="eng_export").click().run()
    assert_clean(at)
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == ["Daily results per country (CSV)", "Summary (JSON)"]


def captions(at) -> str:
    return " ".join(c.value for c in at.caption)


def test_a_tiny_audience_under_delivers_and_says_so():
    # The Falklands: ~2,600 people; a US number, so money is in dollars.
    at = run_app(PAGE, {"countries": "FK", "budget": "1000", "phone": "+1 212 555 0100"})
    assert_clean(at)
    assert "the audience is too small to take the whole budget" in captions(at)
    assert "too small to get there at any budget" in captions(at)
    cpm = float(next(m for m in at.metric if m.label == "CPM").value.lstrip("$"))
    falklands = get_country("FK")
    base = base_cpm("FK", falklands.income_tier, falklands.continent)
    assert cpm < 2.5 * base  # bid up to at most twice the price (with noise), never $960K


def test_a_small_budget_is_learning_limited_with_the_budget_that_would_leave_it():
    at = run_app(PAGE, {"countries": "US", "budget": "1", "phone": "+1 212 555 0100"})
    assert_clean(at)
    text = captions(at)
    assert "Learning limited" in text and "a day would get there" in text


def test_message_vs_call_gives_a_verdict_and_a_test_plan():
    at = run_app(PAGE)
    at.segmented_control(key="eng_view").set_value("ab").run()
    assert_clean(at)
    figures = {m.label: m.value for m in at.metric}
    chances = [v for k, v in figures.items() if k.startswith("Chance")]
    assert len(chances) == 2 and sum(int(c.rstrip("%")) for c in chances) == 100
    assert figures["Verdict"] in (
        "Too close to call",
        "Send WhatsApp Message likely gets more leads",
        "Call Now likely gets more leads",
    )
    assert "A real A/B test" in captions(at)


def test_message_vs_call_with_nothing_delivering_gives_only_the_reason():
    at = run_app(PAGE, {"countries": "KP"})
    at.segmented_control(key="eng_view").set_value("ab").run()
    assert_clean(at)
    assert not any(m.label.startswith("Chance") for m in at.metric)
    assert any("No comparison" in c.value for c in at.caption)


def test_a_year_of_every_country_is_bounded_and_says_so():
    from components.forecast import launch_countries

    at = run_app(PAGE, {"countries": ",".join(launch_countries()), "days": "365"})
    assert_clean(at)
    assert "Simulated with" in captions(at) and "instead of 500" in captions(at)


@pytest.mark.parametrize("view", ["daily", "funnel", "countries", "hours", "budget"])
def test_nothing_delivering_draws_an_empty_state_not_a_chart_of_zeros(view):
    at = run_app(PAGE, {"countries": "KP"})
    at.segmented_control(key="eng_view").set_value(view).run()
    assert_clean(at)
    assert not at.get("vega_lite_chart")
    assert any("Nothing to chart yet" in m.value for m in at.markdown)
    assert any("nothing to chart" in c.value for c in at.caption)
    assert all("nan" not in m.value.lower() for m in at.metric)
    # A figure without a range (a cost of nothing) shows no "— – —" chip.
    assert all("— – —" not in (m.delta or "") for m in at.metric)
    assert {m.label: m.delta for m in at.metric}["CPM"] in (None, "")


def test_an_open_session_keeps_no_forecast_the_caches_dropped():
    """A session lives on 120 s after its tab closes; whatever its widgets hold lives as long.
    A format_func closing over the forecast kept ~60 MB per closed tab of a year of every
    country (bench/hostile_memory.py: 61 MB a link, over the cache's bound)."""
    import gc
    import weakref

    from components.ui import forecast_cache

    forecast_cache.clear_forecasts()
    at = run_app(PAGE, {"seed": "4242"})
    assert_clean(at)
    kept = [weakref.ref(value) for value in forecast_cache.FORECASTS._cache.values()]
    assert kept, "the page computed no forecast"
    forecast_cache.clear_forecasts()
    gc.collect()
    assert at.session_state["ad"] is not None  # the session is still open
    assert [ref for ref in kept if ref() is not None] == []
