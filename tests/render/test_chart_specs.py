"""Every chart the app draws, validated once against the Vega-Lite schema.

The app builds specs with `charts.spec_of` (Altair's `to_dict(validate=False)`), so a spec
the schema rejects would only show as a broken chart in the browser: this is where it fails.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import jsonschema
import pytest
from altair.vegalite.v6.schema.core import load_schema

from components.campaign.model import default_campaign
from components.forecast import compare_buttons, forecast, spend_curve
from components.render.charts import rollout_map_spec
from components.render.forecast_views import DAILY_METRICS, VIEWS, build_view

AD = replace(default_campaign(), countries=("NG", "GH", "DE"), runs=60, days=8)


@lru_cache(maxsize=1)
def validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(load_schema())


def assert_valid(spec: dict) -> None:
    errors = sorted(validator().iter_errors(spec), key=lambda error: list(error.path))
    assert not errors, [f"{list(e.path)}: {e.message[:200]}" for e in errors[:3]]


@pytest.fixture(scope="module")
def built():
    specs = []
    for cta in ("message", "call"):
        ad = replace(AD, cta=cta)
        result = forecast(ad)
        curve, pair = spend_curve(ad, points=4, runs=10), compare_buttons(replace(ad, runs=40))
        for view in VIEWS:
            options = DAILY_METRICS if view == "daily" else ("",)
            for option in options:
                shown = build_view(view, result, "NGN", option, ad.budget, curve, pair)
                specs += [(f"{cta}-{view}-{option}", spec) for spec in shown.specs]
    return specs


def test_every_engagement_chart_is_valid_vega_lite(built):
    assert len(built) >= 2 * (len(DAILY_METRICS) + 6)
    for name, spec in built:
        try:
            assert_valid(spec)
        except AssertionError as error:
            raise AssertionError(f"{name}: {error}") from None


@pytest.mark.parametrize(("scenario", "selected"), [("launch", ()), ("europe", ("DE", "NG"))])
def test_the_rollout_map_is_valid_vega_lite(scenario, selected):
    assert_valid(rollout_map_spec(scenario, selected, "/media/world.json", "/media/lookup.json"))
    assert_valid(rollout_map_spec(scenario, selected))


def test_the_schema_check_can_fail():
    with pytest.raises(AssertionError):
        assert_valid({"mark": "no-such-mark", "data": {"values": []}})
