"""Unit tests for components.render.charts: the rollout map's spec, its data and its theme."""

from __future__ import annotations

import json
from typing import Any

import altair as alt
import pytest

from components.render import charts
from components.render.charts import (
    STATUS_COLORS,
    base_theme,
    map_lookup_frame,
    rollout_map,
    rollout_map_spec,
    world_data,
)
from components.world.regions import STATUSES, load_world_topojson


def walk(node: Any, path: str = ""):
    """Every (path, key, value) in a nested spec."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}[{index}]")


def colour_of(scenario: str, alpha2: str) -> str:
    frame = map_lookup_frame(scenario, ())
    label = frame.loc[frame["alpha2"] == alpha2, "status_label"].item()
    key = next(key for key, value in STATUSES.items() if value == label)
    return STATUS_COLORS[key]


def test_the_map_builds_and_fetches_nothing():
    spec = rollout_map("launch", ("NG", "GH")).to_dict()
    for path, key, value in walk(spec):
        if key == "url":
            raise AssertionError(f"{path} points to {value!r}: the map must be inline")
        assert not (isinstance(value, str) and value.startswith(("http://", "https://"))) or (
            key == "$schema"
        ), (path, key, value)


def test_the_world_is_inline_topojson():
    spec = rollout_map_spec("launch", ())
    datasets = [value for _, key, value in walk(spec) if key == "data" and "format" in value]
    world = next(d for d in datasets if d["format"].get("type") == "topojson")
    assert world["format"]["feature"] == "countries"
    assert json.loads(world["values"]) == load_world_topojson()
    lookup = next(d for d in datasets if d["format"].get("type") == "json")
    assert {row["alpha2"] for row in json.loads(lookup["values"])} >= {"NG", "DE", "CN", "US"}


def test_the_map_uses_an_equal_area_projection_and_the_status_colours():
    spec = rollout_map_spec("europe", ("DE",))
    projections = [value["type"] for _, key, value in walk(spec) if key == "projection"]
    assert projections and set(projections) == {"equalEarth"}
    scales = [value for _, key, value in walk(spec) if key == "scale" and "domain" in value]
    assert scales == [{"domain": list(STATUSES.values()), "range": list(STATUS_COLORS.values())}]
    tooltips = [value for _, key, value in walk(spec) if key == "tooltip" and value]
    titles = {item["title"] for item in tooltips[0]}
    assert {"Country", "Status", "Why", "Estimated audience", "Your targets"} <= titles


def test_germany_changes_colour_between_scenarios():
    assert colour_of("launch", "DE") == STATUS_COLORS["later"]
    assert colour_of("europe", "DE") == STATUS_COLORS["available"]
    assert colour_of("launch", "NG") == colour_of("europe", "NG") == STATUS_COLORS["available"]
    assert colour_of("europe", "CN") == STATUS_COLORS["unavailable"]


def test_status_colours_are_distinct_and_cover_every_status():
    assert set(STATUS_COLORS) == set(STATUSES)
    assert len(set(STATUS_COLORS.values())) == len(STATUS_COLORS)


def test_lookup_rows_cover_the_map_and_flag_the_selection():
    frame = map_lookup_frame("launch", ("NG", "GH"))
    on_map = {
        geometry["properties"]["alpha2"]
        for geometry in load_world_topojson()["objects"]["countries"]["geometries"]
    } - {"AQ"}
    assert set(frame["alpha2"]) == on_map
    assert set(frame.loc[frame["selected"], "alpha2"]) == {"NG", "GH"}
    assert frame.loc[frame["alpha2"] == "NG", "label"].item() == "🇳🇬 Nigeria"


def test_the_map_is_cached_per_scenario_and_selection():
    assert rollout_map("launch", ("NG",)) is rollout_map("launch", ("NG",))
    assert rollout_map("launch", ("NG",)) is not rollout_map("europe", ("NG",))
    assert world_data() is world_data()
    spec = rollout_map_spec("launch", ("NG",))
    spec["autosize"] = "pad"  # a caller may change its copy ...
    assert "autosize" not in rollout_map_spec("launch", ("NG",))  # ... not the cache


def test_unknown_scenario_is_refused():
    with pytest.raises(ValueError, match="scenario"):
        rollout_map("mars", ())


def test_theme_is_one_config_reused_by_every_chart():
    theme = base_theme()
    assert theme["view"]["stroke"] == "transparent" and theme["font"]
    # Registered once and active: a chart built anywhere carries the config, unthemed too.
    assert alt.theme.active == charts.THEME
    plain = alt.Chart(alt.Data(values=[{"x": 1}])).mark_bar().encode(x="x:Q").to_dict()
    assert plain["config"] == theme
    assert theme["range"]["category"] == list(charts.CATEGORY_COLORS)
    bars = charts.themed(alt.Chart(alt.Data(values=[{"x": 1}])).mark_bar().encode(x="x:Q"))
    assert bars.to_dict()["config"]["legend"] == theme["legend"]
    assert rollout_map("launch", ()).to_dict()["config"]["font"] == theme["font"]


def test_the_daily_band_tooltip_gives_the_median_and_names_the_range():
    """Hovering the band used to show its p10 under the metric's name."""
    import pandas as pd

    from components.render.forecast_charts import daily_band_chart

    frame = pd.DataFrame(
        {"date": pd.date_range("2026-12-07", periods=3), "p10": [1, 2, 3],
         "p50": [5, 6, 7], "p90": [9, 10, 11]}
    )  # fmt: skip
    spec = daily_band_chart(frame, "Conversations started").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [row["median_text"] for row in rows] == ["5", "6", "7"]
    assert rows[0]["range_text"] == "1 – 9"
    for layer in spec["layer"]:
        tips = {t["field"]: t["title"] for t in layer["encoding"]["tooltip"]}
        assert tips["median_text"] == "Conversations started, median"
        assert tips["range_text"].startswith("Range: 80% of simulated outcomes")
