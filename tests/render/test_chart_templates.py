"""Specs filled from cached templates are the specs Altair builds from the data itself.

Every chart has two ways out: `<chart>_chart` builds it in Altair with its data (what the
schema tests and notebooks see), `<chart>_spec` fills a cached template (what the page
sends). They must agree exactly, for forecasts that differ in every way a template's shape
may depend on, and a fill must never change the template it starts from.
"""

from __future__ import annotations

import copy
from dataclasses import replace

import pandas as pd
import pytest

from components.forecast import (
    by_country,
    compare_buttons,
    daily_quantiles,
    forecast,
    funnel_steps,
    metric_totals,
    spend_curve,
)
from components.render import forecast_charts as fc
from components.render.chart_templates import fill, inline_datasets, named, slot, template_of
from components.render.charts import spec_of
from tests.factories import make_campaign

BASE = replace(make_campaign(), runs=100)
CASES = {
    "message, one country": BASE,
    "call, three countries, one closed": replace(
        BASE, cta="call", countries=("NG", "GH", "DE"), seed=3
    ),
    "a long, large campaign": replace(
        BASE, countries=("NG", "KE", "ZA", "BR", "IN", "ID"), days=200, budget=4000, seed=9
    ),
    "a budget too small to buy anything": replace(BASE, budget=0.01, seed=2),
}


def direct(chart: object) -> dict:
    """The spec as the page sent it before templates: Altair's, data inlined."""
    return inline_datasets(spec_of(chart))


@pytest.fixture(scope="module", params=list(CASES))
def case(request):
    ad = CASES[request.param]
    result = forecast(ad)
    return ad, result


def test_every_filled_spec_is_the_chart_altair_builds(case):
    ad, result = case
    label, cost = result.result_label, result.cost_label
    table = by_country(result)
    curve = spend_curve(ad, points=4, runs=20)
    leads = {
        name: metric_totals(res, "leads", (1, 2))
        for name, res in compare_buttons(replace(ad, runs=40)).items()
    }
    pairs = [
        (
            fc.daily_band_spec,
            fc.daily_band_chart,
            (daily_quantiles(result, "spend"), "Spend", "NGN"),
        ),
        (fc.daily_band_spec, fc.daily_band_chart, (daily_quantiles(result, "leads"), "Leads")),
        (fc.funnel_spec, fc.funnel_chart, (funnel_steps(result),)),
        (fc.results_map_spec, fc.results_map, (table, label, "/media/world.json")),
        (fc.hour_heatmap_spec, fc.hour_heatmap, (result.hourly_taps, "Taps")),
        (fc.spend_curve_spec, fc.spend_curve_chart, (curve, ad.budget, label, "USD", cost)),
        (fc.ab_spec, fc.ab_chart, (leads, "Leads")),
    ]
    if table["delivers"].any():
        pairs += [
            (fc.country_spec, fc.country_chart, (table, label, "NGN", cost)),
            (fc.country_cost_spec, fc.country_cost_chart, (table, label, "NGN", cost)),
        ]
    for spec_of_data, chart_of_data, args in pairs:
        assert spec_of_data(*args) == direct(chart_of_data(*args)), spec_of_data.__name__


def test_a_fill_leaves_its_template_as_it_was():
    alt = fc.alt
    template = template_of(
        lambda: (
            alt.Chart(named("main"))
            .mark_bar()
            .encode(
                x=alt.X("a:Q", axis=alt.Axis(values=slot("ticks"))),
                y=alt.Y("b:N", sort=slot("order")),
            )
        )
    )
    before = copy.deepcopy(template.spec)
    frame = pd.DataFrame({"a": [1.0], "b": ["x"]})
    first = fill(template, {"main": frame}, {"order": ["x"], "ticks": [0, 1]})
    second = fill(template, {"main": [{"a": 2.0, "b": "y"}]}, {"order": ["y"], "ticks": [0, 2]})
    assert template.spec == before
    assert first["layer"][0]["encoding"]["x"]["axis"]["values"] == [0, 1]
    assert second["layer"][0]["encoding"]["x"]["axis"]["values"] == [0, 2]
    assert first["layer"][0]["encoding"]["y"]["sort"] == ["x"]
    assert second["layer"][0]["encoding"]["y"]["sort"] == ["y"]
    data = {"values": '[{"a": 1.0, "b": "x"}]', "format": {"type": "json"}}
    assert first["layer"][0]["data"] == data
    assert second["layer"][0]["data"]["values"] == '[{"a": 2.0, "b": "y"}]'


def test_a_template_never_leaves_half_filled():
    alt = fc.alt
    template = template_of(
        lambda: alt.Chart(named("main")).mark_bar().encode(x=alt.X("a:Q", sort=slot("w")))
    )
    with pytest.raises(KeyError):
        fill(template, {}, {"w": 10})
    with pytest.raises(KeyError):
        fill(template, {"main": [{"a": 1}]})


def test_rows_are_written_as_altair_writes_them():
    """Missing and infinite numbers become null, times ISO text, as Altair's own sanitising
    does (its JSON is what the browser parsed before)."""
    from altair.utils.data import to_values

    from components.render.chart_templates import rows_json

    frame = pd.DataFrame(
        {
            "when": pd.to_datetime(["2026-12-07", "2026-12-08"]),
            "value": [1.5, float("inf")],
            "missing": [float("nan"), 2.0],
            "count": [3, 4],
            "name": ["Lagos", "Accra"],
        }
    )
    import json

    assert json.loads(rows_json(frame)) == json.loads(json.dumps(to_values(frame)["values"]))
