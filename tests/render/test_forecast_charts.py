"""Unit tests for components.render.forecast_charts and the Engagement views: every chart tells the
truth on hover (median as the value, the range named), shows no null or NaN, reads right."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd
import pytest

from components.campaign.model import default_campaign
from components.forecast import compare_buttons, forecast, headline_metrics, spend_curve
from components.render import forecast_charts as fc
from components.render.charts import (
    base_theme,
    count_axis,
    date_axis,
    presentation_spec,
    rollout_map_spec,
    spec_of,
    wrap_expr,
)
from components.render.forecast_views import VIEWS, build_view

# Nigeria and Ghana deliver at launch, Germany is targeted but does not: every case at once.
AD = replace(default_campaign(), countries=("NG", "GH", "DE"), runs=80, days=10)


@pytest.fixture(scope="module")
def views() -> dict[str, Any]:
    result = forecast(AD)
    curve, pair = spend_curve(AD, points=5, runs=20), compare_buttons(replace(AD, runs=60))
    return {
        view: build_view(view, result, "NGN", "conversations", AD.budget, curve, pair)
        for view in VIEWS
    }


def walk(node: Any):
    """Every dict in a nested spec."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def marked_views(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The unit views (a mark and an encoding) of a spec, the decorative ocean left out."""
    found = [node for node in walk(spec) if "mark" in node]
    return [
        node
        for node in found
        if not (isinstance(node["mark"], dict) and node["mark"].get("aria") is False)
    ]


def inline_values(spec: dict[str, Any]) -> list[Any]:
    """Every row of inline data in a spec (JSON text or lists)."""
    rows: list[Any] = []
    for node in walk(spec):
        values = node.get("values") if "format" in node or "values" in node else None
        if isinstance(values, str) and node.get("format", {}).get("type") == "json":
            rows += json.loads(values)
        elif isinstance(values, list):
            rows += values
    return rows


def tooltip_titles(view: dict[str, Any]) -> list[str]:
    tips = view.get("encoding", {}).get("tooltip", [])
    return [tip.get("title", "") for tip in (tips if isinstance(tips, list) else [tips])]


def test_every_view_builds_specs(views):
    for name, view in views.items():
        assert view.specs and not view.empty, name


@pytest.mark.parametrize("name", ["daily", "funnel", "countries", "budget", "ab"])
def test_every_layer_has_a_tooltip_with_the_median_and_the_named_range(views, name):
    for spec in views[name].specs:
        for view in marked_views(spec):
            titles = tooltip_titles(view)
            assert titles, (name, view["mark"])
            if titles == [fc.YOUR_BUDGET]:  # the budget's own rule and label
                continue
            assert any("median" in title for title in titles), (name, titles)
            assert fc.RANGE_TITLE in titles, (name, titles)
            # Every field has a title a person reads, never a raw column name.
            for tip in view["encoding"]["tooltip"]:
                assert tip.get("title"), (name, tip)


def test_the_heatmap_says_what_its_figures_are(views):
    for spec in views["hours"].specs:
        (view,) = marked_views(spec)
        assert tooltip_titles(view) == ["Day", "Hour", "Taps over the campaign (expected)"]
        assert view["encoding"]["x"]["axis"]["labelAngle"] == 0


@pytest.mark.parametrize("name", list(VIEWS))
def test_no_null_or_nan_reaches_the_charts_data(views, name):
    for spec in views[name].specs:
        text = json.dumps(spec)
        assert "NaN" not in text and "Infinity" not in text, name
        for row in inline_values(spec):
            if isinstance(row, dict):
                assert None not in row.values(), (name, row)
                assert "nan" not in {str(v).lower() for v in row.values()}, (name, row)


def test_untargeted_countries_read_not_targeted_and_idle_ones_say_why():
    result = forecast(AD)
    from components.forecast import by_country

    frame = fc.results_map_frame(by_country(result), result.result_label).set_index("alpha2")
    assert frame.loc["FR", "state"] == "not targeted"
    assert frame.loc["FR", "median_text"] == "not targeted"
    assert frame.loc["DE", "state"] == "not delivering"
    assert frame.loc["DE", "median_text"].startswith("0: not available")
    assert frame.loc["NG", "state"] == "delivering"
    assert frame.loc["NG", "median_text"][0].isdigit()
    spec = spec_of(fc.results_map(by_country(result), result.result_label))
    colour = next(node["color"] for node in walk(spec) if "color" in node and "condition" in
                  node.get("color", {}))  # fmt: skip
    assert {c["value"] for c in colour["condition"]} == {fc.NOT_TARGETED, fc.NOT_DELIVERING}


def test_the_band_has_a_legend_that_names_it(views):
    spec = views["daily"].specs[0]
    domains = [node["scale"]["domain"] for node in walk(spec) if "domain" in node.get("scale", {})]
    assert [fc.BAND_LABEL] in domains and [fc.MEDIAN] in domains
    assert fc.BAND_LABEL == "80% of simulated outcomes"


def test_money_in_tooltips_is_in_the_display_currency():
    frame = pd.DataFrame(
        {"date": pd.date_range("2026-12-07", periods=3), "p10": [1.0, 2, 3],
         "p50": [5.0, 6, 7], "p90": [9.0, 10, 11]}
    )  # fmt: skip
    spec = spec_of(fc.daily_band_chart(frame, "Spend", "NGN"))
    rows = inline_values(spec) or next(iter(spec.get("datasets", {}).values()))
    assert rows[0]["median_text"].startswith("₦")
    assert " – " in rows[0]["range_text"] and rows[0]["range_text"].count("₦") == 2


def test_funnel_labels_name_each_step_and_the_first_has_no_rate():
    steps = pd.DataFrame(
        {"step": ["Impressions", "Taps", "Leads"], "count": [10_000.0, 150, 0],
         "rate": [float("nan"), 0.015, 0.0], "p10": [8000.0, 90, 0], "p90": [12_000.0, 200, 3]}
    )  # fmt: skip
    spec = spec_of(fc.funnel_chart(steps))
    rows = next(iter(spec["datasets"].values()))
    assert rows[0]["caption"] == "Impressions · 10,000"
    assert rows[0]["share_text"] == "first step"
    assert rows[1]["caption"] == "Taps · 150 · 1.5% of impressions"
    assert {"rate", "count"}.isdisjoint(rows[0])  # nothing raw (NaN) left in the data


def test_count_axes_have_whole_ticks_and_short_forms():
    small = count_axis(3).to_dict()
    assert small["tickMinStep"] == 1 and small["format"] == ",d"
    big = count_axis(25_000).to_dict()
    assert "'k', 'K'" in big["labelExpr"] and "format" not in big


@pytest.mark.parametrize(("days", "interval"), [(3, "day"), (14, "day"), (90, "week"),
                                               (365, "month")])  # fmt: skip
def test_date_axes_tick_at_most_daily_and_drop_colliding_labels(days, interval):
    axis = date_axis(days).to_dict()
    assert axis["tickCount"]["interval"] == interval
    assert axis["labelOverlap"] == "greedy" and axis["labelSeparation"] >= 8


def test_long_names_wrap_instead_of_being_cut():
    expr = wrap_expr(["🇬🇼 Guinea-Bissau", "🇳🇬 Nigeria", "🇨🇫 Central African Republic"])
    # The long name becomes two lines; the short ones stay as they are.
    assert expr.count(" ? ") == 1 and '"Republic"]' in expr
    assert "Nigeria" not in expr and "Guinea" not in expr
    assert wrap_expr(["Ghana"]) == "datum.label"


def test_an_all_zero_series_gets_a_unit_axis_not_nan():
    frame = pd.DataFrame(
        {"date": pd.date_range("2026-12-07", periods=2), "p10": [0.0, 0], "p50": [0.0, 0],
         "p90": [0.0, 0]}
    )  # fmt: skip
    spec = spec_of(fc.daily_band_chart(frame, "Leads"))
    scales = [node["scale"] for node in walk(spec) if "domain" in node.get("scale", {})]
    assert {"domain": [0, 1]} in scales


def test_nothing_delivering_gives_empty_states_and_no_range_chips():
    idle = replace(AD, countries=("DE",), scenario="launch")
    result = forecast(idle)
    for view in VIEWS:
        shown = build_view(view, result, "EUR", "conversations", idle.budget, None, None)
        assert shown.empty and not shown.specs, view
    metrics = headline_metrics(result, "EUR")
    assert all("—" not in metric.range for metric in metrics)
    assert {m.label: m.range for m in metrics}["CPM"] == ""
    assert {m.label: m.range for m in metrics}["Impressions"] == "0 – 0"


def test_ab_chart_gives_each_button_its_median_and_range():
    samples = {"Send WhatsApp Message": np.arange(100.0), "Call Now": np.arange(50.0, 150)}
    spec = spec_of(fc.ab_chart(samples, "Leads"))
    rows = [row for row in inline_values(spec) if isinstance(row, dict) and "median_text" in row]
    rows = rows or next(v for v in spec["datasets"].values() if "median_text" in v[0])
    assert {row["variant"] for row in rows} == set(samples)
    assert {row["median_text"] for row in rows} == {"50", "100"}


def test_presentation_spec_scales_type_and_height_without_touching_the_original():
    spec = rollout_map_spec("launch", ("NG",))
    big = presentation_spec(spec, 1.5)
    assert big["config"]["axis"]["labelFontSize"] == base_theme()["axis"]["labelFontSize"] * 1.5
    assert big["height"] == round(spec["height"] * 1.5)
    assert spec["config"]["axis"]["labelFontSize"] == base_theme()["axis"]["labelFontSize"]
