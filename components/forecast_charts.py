"""Altair charts of a forecast (pure; no Streamlit), in the studio's look from `charts`.

Each builder takes the frames `simulate` returns (daily quantiles, by-country table, hourly
arrays, spend curve, A/B samples) and the currency to show money in. Money stays in USD in
the data; the axis and tooltips show the chosen currency through `money.convert`.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from components.charts import CATEGORY_COLORS, MAP_HEIGHT, PALETTE, themed, world_data
from components.hours import DAY_NAMES, DAYS
from components.money import convert, format_money
from components.regions import get_country

BAND = PALETTE["accent"]
HEIGHT = 260


def daily_band_chart(frame: pd.DataFrame, label: str, money: str | None = None) -> Any:
    """A daily series: the median as a line, the p10–p90 range as a band around it."""
    data = frame.copy()
    if money:
        for column in ("p10", "p50", "p90"):
            data[column] = [convert(value, money) for value in data[column]]
    axis_title = f"{label} ({money})" if money else label
    base = alt.Chart(data).encode(x=alt.X("date:T", title=None, axis=alt.Axis(format="%d %b")))
    number = ",.2f" if money else ",.0f"
    # Both layers say the same on hover: the median as the value, p10–p90 named as the range
    # (the band alone used to show its p10 under the metric's name).
    tooltip = [
        alt.Tooltip("date:T", title="Day", format="%a %d %b %Y"),
        alt.Tooltip("p50:Q", title=f"{label}, median", format=number),
        alt.Tooltip("p10:Q", title="80% of simulated runs from", format=number),
        alt.Tooltip("p90:Q", title="to", format=number),
    ]
    band = base.mark_area(opacity=0.22, color=BAND).encode(
        y=alt.Y("p10:Q", title=axis_title, axis=alt.Axis(format=",.2~f" if money else ",~s")),
        y2="p90:Q",
        tooltip=tooltip,
    )
    line = base.mark_line(color=BAND, strokeWidth=2.4).encode(y="p50:Q", tooltip=tooltip)
    return themed((band + line).properties(height=HEIGHT))


def funnel_chart(steps: pd.DataFrame) -> Any:
    """The funnel (median counts) on a log axis, each bar labelled with its step rate.

    `steps`: columns step, count, rate (share of the step before; NaN for the first).
    """
    data = steps.copy()
    data["label"] = [
        f"{count:,.0f}" + ("" if pd.isna(rate) else f"  ·  {rate:.1%} of previous")
        for count, rate in zip(data["count"], data["rate"], strict=True)
    ]
    data["plotted"] = data["count"].clip(lower=1)
    order = list(data["step"])
    base = alt.Chart(data).encode(
        y=alt.Y("step:N", sort=order, title=None, axis=alt.Axis(labelFontSize=13)),
    )
    # Log bars need an explicit floor: a bar is drawn from the domain's minimum, and the
    # default (zero) has no logarithm.
    top = float(data["plotted"].max()) * 30
    bars = base.mark_bar(color=BAND, cornerRadiusEnd=4, size=28).encode(
        x=alt.X(
            "plotted:Q",
            scale=alt.Scale(type="log", domain=[1, top]),
            axis=alt.Axis(
                values=[1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000], format="~s"
            ),
            title="People (median, log scale)",
        ),
        x2=alt.datum(1),
        tooltip=[
            alt.Tooltip("step:N", title="Step"),
            alt.Tooltip("count:Q", title="Median", format=",.0f"),
            alt.Tooltip("rate:Q", title="Of previous step", format=".2%"),
        ],
    )
    text = base.mark_text(align="left", dx=6, color=PALETTE["text"], fontSize=13).encode(
        x="plotted:Q", text="label:N"
    )
    return themed((bars + text).properties(height=44 * len(data) + 20))


def country_chart(table: pd.DataFrame, result_label: str, currency: str) -> Any:
    """Results by country (median bar, p10–p90 whisker) beside cost per result."""
    data = table[table["delivers"]].copy()
    if data.empty:
        return None
    data["name"] = [_country_name(code) for code in data["country"]]
    data["cost"] = [convert(value, currency) for value in data["cost_per_result_p50"]]
    data["cost_text"] = [format_money(value, currency) for value in data["cost_per_result_p50"]]
    data = data.sort_values("results_p50", ascending=False).head(25)
    order = list(data["name"])
    y = alt.Y("name:N", sort=order, title=None)
    tooltip = [
        alt.Tooltip("name:N", title="Country"),
        alt.Tooltip("results_p50:Q", title=f"{result_label} (median)", format=",.0f"),
        alt.Tooltip("results_p10:Q", title="p10", format=",.0f"),
        alt.Tooltip("results_p90:Q", title="p90", format=",.0f"),
        alt.Tooltip("cost_text:N", title="Cost per result"),
    ]
    base = alt.Chart(data).encode(y=y, tooltip=tooltip)
    results = base.mark_bar(color=BAND, cornerRadiusEnd=3).encode(
        x=alt.X("results_p50:Q", title=f"{result_label} (median)")
    ) + base.mark_rule(color=PALETTE["text"]).encode(x="results_p10:Q", x2="results_p90:Q")
    cost = base.mark_bar(color=CATEGORY_COLORS[1], cornerRadiusEnd=3).encode(
        x=alt.X("cost:Q", title=f"Cost per result ({currency})"),
        y=alt.Y("name:N", sort=order, title=None, axis=None),
    )
    height = 24 * len(data) + 30
    return themed(
        alt.hconcat(results.properties(height=height, width=320), cost.properties(height=height))
    )


def _country_name(code: str) -> str:
    country = get_country(code)
    return f"{country.flag} {country.name}" if country else code


def results_map(table: pd.DataFrame, result_label: str, world_url: str = "") -> Any:
    """The world (from `world_url`, or inline), coloured by median results per country; grey
    where nothing is targeted.

    One layer carries the world (a top-level dataset would be turned into a table by
    Streamlit), and the results join it as inline JSON by ISO code.
    """
    lookup = pd.DataFrame(
        {
            "alpha2": table["country"],
            "name": [_country_name(code) for code in table["country"]],
            "results": table["results_p50"].astype(float),
        }
    )
    data = alt.Data(values=lookup.to_json(orient="records"), format=alt.DataFormat(type="json"))
    countries = (
        alt.Chart(world_data(world_url))
        .transform_filter("datum.properties.alpha2 !== 'AQ'")
        .transform_lookup(
            lookup="properties.alpha2",
            from_=alt.LookupData(data=data, key="alpha2", fields=["name", "results"]),
        )
        # Untargeted countries have no results: draw them grey instead of dropping them.
        .mark_geoshape(stroke=PALETTE["border"], strokeWidth=0.5, invalid="show")
        .encode(
            color=alt.condition(
                "isValid(datum.results)",
                alt.Color(
                    "results:Q",
                    title=f"{result_label} (median)",
                    scale=alt.Scale(scheme="blues", zero=True),
                ),
                alt.value("#c4c9d0"),
            ),
            tooltip=[
                alt.Tooltip("name:N", title="Country"),
                alt.Tooltip("results:Q", title=result_label, format=",.0f"),
            ],
        )
        .project(type="equalEarth")
    )
    ocean = (
        alt.Chart(alt.sphere())
        .mark_geoshape(fill=PALETTE["ocean"], stroke=PALETTE["grid"], strokeWidth=0.5, aria=False)
        .project(type="equalEarth")
    )
    return themed(alt.layer(ocean, countries).properties(height=MAP_HEIGHT))


def hour_heatmap(hourly: np.ndarray, title: str, scheme: str = "blues") -> Any:
    """Weekday × hour of day (the business's clock), coloured by expected taps or misses."""
    rows = [
        {"day": DAY_NAMES[day][:3], "hour": hour, "value": float(hourly[index, hour])}
        for index, day in enumerate(DAYS)
        for hour in range(24)
    ]
    data = pd.DataFrame(rows)
    chart = (
        alt.Chart(data)
        .mark_rect(cornerRadius=2)
        .encode(
            x=alt.X("hour:O", title="Hour of day (business's local time)"),
            y=alt.Y(
                "day:O",
                sort=[DAY_NAMES[d][:3] for d in DAYS],
                title=None,
                axis=alt.Axis(labelOverlap=False),
            ),
            color=alt.Color("value:Q", title=title, scale=alt.Scale(scheme=scheme)),
            tooltip=[
                alt.Tooltip("day:O", title="Day"),
                alt.Tooltip("hour:O", title="Hour"),
                alt.Tooltip("value:Q", title=title, format=",.1f"),
            ],
        )
        .properties(height=7 * 28)
    )
    return themed(chart)


def spend_curve_chart(curve: pd.DataFrame, budget: float, result_label: str, currency: str) -> Any:
    """Results against daily budget: the curve flattens as reach saturates; a rule marks the
    chosen budget."""
    data = curve.copy()
    data["budget_local"] = [convert(value, currency) for value in data["daily_budget"]]
    data["cost_text"] = [format_money(value, currency) for value in data["cost_per_result"]]
    chosen = pd.DataFrame({"budget_local": [convert(budget, currency)]})
    x = alt.X("budget_local:Q", title=f"Daily budget ({currency})")
    line = (
        alt.Chart(data)
        .mark_line(color=BAND, strokeWidth=2.4, point=True)
        .encode(
            x=x,
            # A long rotated title would squeeze a chart sized to fit its container.
            y=alt.Y("results_mean:Q", title=result_label),
            tooltip=[
                alt.Tooltip("budget_local:Q", title=f"Daily budget ({currency})", format=",.2f"),
                alt.Tooltip("results_mean:Q", title=result_label, format=",.0f"),
                alt.Tooltip("cost_text:N", title="Cost per result"),
            ],
        )
    )
    rule = (
        alt.Chart(chosen)
        .mark_rule(color=CATEGORY_COLORS[5], strokeDash=[6, 4], strokeWidth=2)
        .encode(x="budget_local:Q")
    )
    label = (
        alt.Chart(chosen)
        .mark_text(align="left", dx=6, dy=-8, color=CATEGORY_COLORS[5], fontWeight=600)
        .encode(x="budget_local:Q", y=alt.value(12), text=alt.value("your budget"))
    )
    return themed((line + rule + label).properties(height=HEIGHT))


def ab_chart(samples: dict[str, np.ndarray], result_label: str) -> Any:
    """The distribution of results per run for each variant, overlaid."""
    frames = [
        pd.DataFrame({"variant": name, "results": np.asarray(values, dtype=float)})
        for name, values in samples.items()
    ]
    data = pd.concat(frames, ignore_index=True)
    chart = (
        alt.Chart(data)
        .transform_density("results", groupby=["variant"], as_=["results", "density"])
        .mark_area(opacity=0.45, interpolate="monotone")
        .encode(
            x=alt.X("results:Q", title=f"{result_label} over the campaign (per simulated run)"),
            y=alt.Y("density:Q", title="Share of runs", axis=alt.Axis(labels=False), stack=None),
            color=alt.Color(
                "variant:N", title="Button", legend=alt.Legend(orient="bottom", labelLimit=0)
            ),
            tooltip=[alt.Tooltip("variant:N", title="Button")],
        )
        .properties(height=HEIGHT)
    )
    return themed(chart)
