"""The Walkthrough under AppTest: samples, the prospect's details, the tour step by step."""

import html
import json
import re
from dataclasses import replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from components.campaign.samples import load_samples
from components.forecast import compare, compare_buttons, metric_totals
from components.ui.navigation import page_path
from components.ui.walkthrough_steps import STEPS
from tests.ui.conftest import assert_clean, run_app

PAGE = page_path("walkthrough")


def html_of(at) -> str:
    """The page's HTML elements, leaving out those that are only a style sheet."""
    style_only = re.compile(r"\s*<style>.*</style>\s*", re.DOTALL)
    return "".join(e.value for e in at.html if not style_only.fullmatch(e.value))


@pytest.mark.parametrize("slug", list(load_samples()))
def test_every_sample_loads_and_sets_the_whole_campaign(slug):
    at = run_app(PAGE)
    at.selectbox(key="wt_sample").set_value(slug).run()  # choosing it is enough
    assert_clean(at)
    ad = at.session_state["ad"]
    assert ad == load_samples()[slug].ad
    assert at.session_state["wt_region"] == ad.region
    assert ad.business.replace("'", "&#x27;") in html_of(at)


def test_start_over_restores_the_chosen_sample():
    at = run_app(PAGE)
    at.text_input(key="wt_name").input("Tunde's Cakes").run()
    at.button(key="wt_apply").click().run()
    assert at.session_state["ad"].business == "Tunde's Cakes"
    at.button(key="wt_load").click().run()
    assert_clean(at)
    assert at.session_state["ad"] == load_samples()[at.session_state["wt_sample"]].ad


def test_prospect_details_flow_through_the_tour():
    at = run_app(PAGE)
    at.text_input(key="wt_name").input("Tunde's Cakes").run()
    at.text_input(key="wt_phone").input("0805 555 1234").run()
    at.text_input(key="wt_text").input("Birthday cakes in Ikeja!").run()
    at.button(key="wt_apply").click().run()
    assert_clean(at)
    ad = at.session_state["ad"]
    assert ad.business == "Tunde's Cakes" and ad.text == "Birthday cakes in Ikeja!"
    assert "https://wa.me/2348055551234" in html_of(at)
    at.switch_page(page_path("compose")).run()
    assert_clean(at)
    assert "Tunde&#x27;s Cakes" in html_of(at)  # every page shows the prospect's ad


def chart_frame(at, index: int = 0) -> pd.DataFrame:
    """The data a chart on the page was sent with: Arrow datasets (st.altair_chart), or the
    JSON values inlined in the spec (the Engagement views' specs)."""
    chart = at.get("vega_lite_chart")[index].proto
    if chart.datasets:
        return pa.ipc.open_stream(chart.datasets[0].data.data).read_all().to_pandas()
    found = []

    def walk(node):
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and isinstance(data.get("values"), str):
                found.append(json.loads(data["values"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(chart.spec))
    assert found, "the chart carries no data"
    return pd.DataFrame(found[0])


def percent(value: str) -> int:
    return int(value.rstrip("%"))


def has_class(markup: str, name: str) -> bool:
    """An element with that class (not merely the stylesheet's rule for it)."""
    return re.search(rf'class="(?:[^"]* )?{re.escape(name)}[ "]', markup) is not None


def assert_step_content(at, key: str) -> None:
    """What each step shows: its own preview, screen, chart or figures, and nothing else's."""
    ad = at.session_state["ad"]
    page_html = html_of(at)
    metrics = {m.label: m.value for m in at.metric}
    charts = at.get("vega_lite_chart")
    if key == "compose":
        assert has_class(page_html, "bas-panel-title") and has_class(page_html, "bas-card")
        assert html.escape(ad.headline) in page_html
        assert 'href="https://wa.me/' in page_html
        assert not metrics and not charts
    elif key == "placements":
        for marker in ("bas-story", "bas-mp-tile", "bas-reels-rail", "bas-sticker"):
            assert has_class(page_html, marker), marker
        assert len(re.findall(r'class="bas-card[ "]', page_html)) > 2  # a card per placement
        assert not has_class(page_html, "bas-panel-title") and not metrics and not charts
    elif key == "tap":
        assert has_class(page_html, "bas-wa-bubble") and html.escape(ad.greeting) in page_html
        assert has_class(page_html, "bas-wa-draft")  # the pre-filled message, typed
        (qr,) = at.get("image")
        assert "Scan to try the real button" in str(qr.proto)
        assert not has_class(page_html, "bas-story") and not metrics and not charts
    elif key == "rollout":
        assert list(metrics)[:2] == ["Countries where the button runs", "Your targets' audience"]
        assert int(metrics["Countries where the button runs"]) > 100
        assert float(metrics["Conversations started (simulated median)"].replace(",", "")) > 0
        assert len(charts) == 1 and "layer" in json.loads(charts[0].proto.spec)  # the map
        assert not page_html
    elif key == "forecast":
        assert list(metrics) == [
            "Spend", "Impressions", "Reach", "Frequency", "CPM", "Clicks", "CTR",
            "Conversations started", "Cost per conversation", "Leads", "Cost per lead",
        ]  # fmt: skip
        assert metrics["Impressions"] not in ("0", "—") and metrics["Conversations started"] != "0"
        days = chart_frame(at)
        assert len(days) == ad.days and days.select_dtypes("number").to_numpy().max() > 0
        assert not page_html
    else:
        assert list(metrics) == [
            "Chance Send WhatsApp Message gets more leads",
            "Chance Call Now gets more leads",
            "Verdict",
        ]
        message, call = (percent(value) for value in list(metrics.values())[:2])
        assert message + call == 100
        leads = chart_frame(at)
        assert set(leads["variant"]) == {"Send WhatsApp Message", "Call Now"}
        assert leads["results"].max() > 0
        assert not page_html


def test_tour_walks_six_steps_forward_and_back():
    at = run_app(PAGE)
    seen = []
    for index in range(len(STEPS)):
        assert_clean(at)
        step = STEPS[index]
        assert at.session_state["wt_step"] == step.key
        assert at.header[0].value == step.title
        assert any(step.note in c.value for c in at.caption)
        (indicator,) = at.get("progress")
        assert indicator.proto.text == f"Step {index + 1} of {len(STEPS)} · {step.title}"
        assert indicator.proto.value == 100 * (index + 1) // len(STEPS)  # Streamlit truncates
        assert at.button(key="wt_back").disabled == (index == 0)
        assert_step_content(at, step.key)
        seen.append(at.session_state["wt_step"])
        if index < len(STEPS) - 1:
            at.button(key="wt_next").click().run()
    assert at.button(key="wt_next").disabled
    for index in range(len(STEPS) - 2, -1, -1):
        at.button(key="wt_back").click().run()
        assert_clean(at)
        assert at.session_state["wt_step"] == STEPS[index].key
        assert at.get("progress")[0].proto.text.startswith(f"Step {index + 1} of {len(STEPS)}")
        assert_step_content(at, STEPS[index].key)
    assert len(set(seen)) == len(STEPS)


def run_on_step(step: str, params: dict[str, str] | None = None):
    at = run_app(PAGE, params)
    at.session_state["wt_step"] = step
    return at.run()


def test_compare_step_falls_back_to_europe_for_the_berlin_cafe():
    """Nothing runs in Germany at launch: like the forecast step, Message vs Call is
    simulated once Europe launches, never shown as an empty 50/50."""
    at = run_on_step("compare")
    at.selectbox(key="wt_sample").set_value("berlin-cafe").run()
    at.button(key="wt_load").click().run()
    assert_clean(at)
    ad = at.session_state["ad"]
    assert ad.countries == ("DE",) and ad.scenario == "launch"
    assert any("once Europe launches" in i.value for i in at.info)
    shown = [percent(m.value) for m in at.metric[:2]]
    pair = compare_buttons(replace(ad, scenario="europe"))
    expected = compare(pair)
    assert expected.chance_first is not None  # a real comparison, never an empty 50/50
    assert shown == [
        round(100 * expected.chance_first),
        100 - round(100 * expected.chance_first),
    ]
    assert at.metric[2].value == expected.verdict
    leads = chart_frame(at)
    for name, result in pair.items():
        runs = leads.loc[leads["variant"] == name, "results"].to_numpy()
        assert runs.max() > 0
        assert np.array_equal(runs, metric_totals(result, "leads", (1, 2)))


def test_forecast_and_compare_steps_show_the_same_scenario():
    forecast = run_on_step("forecast", {"countries": "DE"})
    compare = run_on_step("compare", {"countries": "DE"})
    for at in (forecast, compare):
        assert_clean(at)
        assert [i.value for i in at.info] == [
            "Nothing runs in these countries at launch: this is the forecast once Europe launches."
        ]
    assert {m.label: m.value for m in forecast.metric}["Leads"] != "0"
    # A real comparison in the Europe scenario: chances that add up, a verdict, leads drawn.
    message, call, verdict = (m.value for m in compare.metric)
    assert percent(message) + percent(call) == 100
    assert not verdict.startswith("No comparison")
    assert chart_frame(compare)["results"].max() > 0


@pytest.mark.parametrize("step", ["forecast", "compare"])
def test_nothing_to_forecast_is_said_not_shown_as_zeros(step):
    at = run_on_step(step, {"countries": "KP"})  # runs neither at launch nor in Europe
    assert_clean(at)
    assert any("nothing to forecast" in w.value for w in at.warning)
    assert not at.metric and not at.get("vega_lite_chart")


def test_rollout_story_steps_to_europe():
    at = run_app(PAGE, {"countries": "DE,NG"})
    at.session_state["wt_step"] = "rollout"
    at.run()
    launch = at.metric[0].value
    at.segmented_control(key="wt_rollout").set_value("europe").run()
    assert_clean(at)
    assert int(at.metric[0].value) > int(launch)


def test_presentation_mode_hides_the_controls():
    at = run_app(PAGE)
    at.toggle(key="wt_present").set_value(True).run()
    assert_clean(at)
    assert not at.get("selectbox") or all(s.key != "wt_sample" for s in at.selectbox)
    assert any("stSidebar" in element.value for element in at.html)


def test_forecast_money_follows_the_numbers_own_country():
    """A US number (`+1 …`) with the default dialling region NG: dollars, not naira."""
    at = run_on_step("forecast", {"phone": "+1 212 555 0100", "region": "NG"})
    assert_clean(at)
    spend = {m.label: m.value for m in at.metric}["Spend"]
    assert spend.startswith("$") and "₦" not in spend
    naira = run_on_step("forecast", {"phone": "0802 123 4589", "region": "NG"})
    assert {m.label: m.value for m in naira.metric}["Spend"].startswith("₦")


def test_presenter_notes_follow_the_button():
    at = run_app(PAGE, {"cta": "call"})
    assert_clean(at)
    note = next(c.value for c in at.caption if c.value.startswith("Presenter:"))
    assert "Call Now button" in note and "chat" not in note
    message = run_app(PAGE)
    assert any("WhatsApp button" in c.value for c in message.caption)


def test_the_rollout_note_names_the_scenario_as_its_button_does():
    rollout = next(step for step in STEPS if step.key == "rollout")
    assert "'Europe launched'" in rollout.note


def page_text(at) -> str:
    """Every text element the page sent: what the audience can read on screen."""
    parts = [e.value for kind in ("caption", "markdown", "info", "warning", "error")
             for e in getattr(at, kind)]  # fmt: skip
    return "\n".join([*parts, *(h.value for h in at.header), html_of(at)])


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.key)
def test_presentation_mode_keeps_the_notes_from_the_audience_until_asked(step):
    at = run_app(PAGE)
    at.session_state["wt_step"] = step.key
    at.toggle(key="wt_present").set_value(True).run()
    assert_clean(at)
    assert step.note not in page_text(at)
    assert at.button(key="wt_notes_button").label == "Notes"
    at.button(key="wt_notes_button").click().run()  # the N key
    assert step.note in page_text(at)
    assert at.button(key="wt_notes_button").label == "Hide notes"
    at.button(key="wt_notes_button").click().run()
    assert step.note not in page_text(at)


def test_a_sample_link_opens_the_tour_on_that_business():
    at = run_app(PAGE, {"sample": "sao-paulo-plumber"})
    assert_clean(at)
    plumber = load_samples()["sao-paulo-plumber"]
    assert at.session_state["ad"] == plumber.ad
    assert at.selectbox(key="wt_sample").value == "sao-paulo-plumber"
    assert at.session_state["wt_step"] == STEPS[0].key
    assert "Hidráulica Aguiar" in html_of(at)
    # A Call Now plumber: the first note points at the Call Now button.
    assert any(STEPS[0].call_note in c.value for c in at.caption)


def test_samples_are_offered_by_kind_and_city():
    at = run_app(PAGE)
    options = at.selectbox(key="wt_sample").options
    assert "Bakery · Lagos" in options and "Dental clinic · Jakarta" in options


def test_the_share_link_of_an_untouched_sample_names_it():
    from components.ui.session import share_url

    at = run_app(PAGE, {"sample": "berlin-cafe"})
    ad = at.session_state["ad"]
    assert share_url(ad).endswith("?sample=berlin-cafe")
    # Changed, it is written out in full.
    edited = share_url(replace(ad, budget=31.0))
    assert "sample=" not in edited and "budget=31" in edited


def test_a_name_that_would_pass_a_ceiling_is_refused_with_a_message():
    long_greeting = ("Welcome to Bo! Book now. " * 40)[:990]
    at = run_app(PAGE, {"business": "Bo", "greeting": long_greeting})
    at.text_input(key="wt_name").input("Lagos Bakes and Pastries").run()
    at.button(key="wt_apply").click().run()
    assert_clean(at)
    ad = at.session_state["ad"]
    assert ad.business == "Bo" and ad.greeting == long_greeting  # nothing stored
    (error,) = at.error
    assert "greeting would be" in error.value and "more than the 1,000 allowed" in error.value
    # A name no longer than the old one is taken, as a whole word: "Book" keeps its "Bo".
    at.text_input(key="wt_name").input("Al").run()
    at.button(key="wt_apply").click().run()
    assert not at.error
    assert at.session_state["ad"].greeting == long_greeting.replace("Bo!", "Al!")
    assert "Book now" in at.session_state["ad"].greeting


@pytest.mark.parametrize("step", ["rollout", "forecast", "compare"])
def test_presentation_mode_sizes_the_charts_for_a_projector(step):
    from components.ui.pages.walkthrough import PROJECTED_FONTS, PROJECTED_MIN_HEIGHT

    at = run_on_step(step, {"countries": "NG,DE"})
    at.toggle(key="wt_present").set_value(True).run()
    assert_clean(at)
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    assert specs
    for spec in specs:
        assert spec["config"]["axis"]["labelFontSize"] == PROJECTED_FONTS["label"]
        assert spec["config"]["legend"]["titleFontSize"] == PROJECTED_FONTS["title"]
        if isinstance(spec.get("height"), (int, float)):
            assert spec["height"] >= PROJECTED_MIN_HEIGHT
