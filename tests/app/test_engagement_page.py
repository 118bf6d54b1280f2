"""The Engagement page under AppTest: defaults, shared and nonsense parameters, every view."""

import pytest

from tests.app.conftest import assert_clean, run_app

PAGE = "app_pages/engagement.py"
MESSAGE_LABELS = ["Spend", "Impressions", "CPM", "Clicks", "CTR", "Conversations started",
                  "Cost per conversation", "Leads"]  # fmt: skip
CALL_LABELS = ["Spend", "Impressions", "CPM", "Clicks", "CTR", "Calls", "Cost per call", "Leads"]


def labels(at) -> list[str]:
    return [metric.label for metric in at.metric][:8]


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
    at.number_input(key="eng_budget").set_value(200.0).run()
    assert_clean(at)
    assert at.metric[1].value != before
    assert at.session_state["ad"].budget == 200.0


def test_europe_scenario_notes_missing_metrics():
    at = run_app(PAGE, {"countries": "DE,FR", "scenario": "europe", "region": "DE"})
    assert_clean(at)
    assert any("not reported" in i.value for i in at.info)
