"""Altair charts of a forecast (pure; no Streamlit), in the studio's look from `charts`.

Each builder takes the frames `simulate` returns (daily quantiles, by-country table, hourly
arrays, spend curve, A/B samples) and the currency to show money in. Money stays in USD in
the data; the axes show the chosen currency through `money.convert`, the tooltips through
`money.format_money` (the headline figures' formatting).

Every layer that can be hovered has an explicit tooltip that says the same thing: the
median as the value, the p10–p90 range named as "Range (80% of simulated runs)", as text
formatted here (no null or NaN reaches the browser: a missing figure reads "—" or says why).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from components.campaign.hours import DAY_NAMES, DAYS
from components.render.chart_templates import (
    Template,
    fill,
    named,
    rows_json,
    slot,
    template_of,
)
from components.render.charts import (
    CATEGORY_COLORS,
    MAP_HEIGHT,
    NOT_TARGETED,
    PALETTE,
    count_axis,
    date_axis,
    money_axis,
    themed,
    world_data,
    wrap_expr,
)
from components.world.money import convert, format_money
from components.world.regions import get_country, load_catalog

BAND = PALETTE["accent"]
HEIGHT = 280
# Vega-Lite fits a chart's chrome (legends, titles, axes) into its height under Streamlit's
# autosize: each builder adds room for what it draws around the plot.
LEGEND_HEIGHT = 36
TITLE_HEIGHT = 50
AXIS_HEIGHT = 56
# What the shaded band is, in the legend and every tooltip.
BAND_LABEL = "80% of simulated outcomes"
RANGE_TITLE = "Range: 80% of simulated outcomes (p10–p90)"
MEDIAN = "Median"
YOUR_BUDGET = "Your daily budget"
# A targeted country where the ad cannot run, on the results map.
NOT_DELIVERING = "#8a94a3"


def count_text(value: float, expected: bool = False) -> str:
    """A count for a tooltip: "1,252"; a tenth below 1 ("0.4", a median of few runs), or
    below 10 for an `expected` (average) number such as taps in an hour ("3.9")."""
    value = float(value)
    if not np.isfinite(value):
        return "—"
    fine = abs(value) < (10 if expected else 1)
    return f"{value:,.1f}".removesuffix(".0") if fine else f"{value:,.0f}"


def range_text(low: float, high: float, money: str | None = None) -> str:
    """'72 – 1,091' (or in `money`, a currency code, for amounts held in USD)."""
    if money:
        return f"{format_money(low, money)} – {format_money(high, money)}"
    return f"{count_text(low)} – {count_text(high)}"


def _top(values: Any) -> float:
    finite = [float(v) for v in values if np.isfinite(v)]
    return max(finite, default=0.0)


def _domain(top: float) -> alt.Scale:
    # An all-zero series gets a unit axis instead of a collapsed one that reads "NaN".
    return alt.Scale(domain=[0, 1]) if top <= 0 else alt.Scale(zero=True, nice=True)


def _median_legend() -> alt.Stroke:
    # Two one-entry legends side by side (a line, then a swatch), so the line and the band
    # are told apart at a glance; one shared legend drew both as squares.
    return alt.Stroke(
        "series:N",
        scale=alt.Scale(domain=[MEDIAN], range=[BAND]),
        legend=alt.Legend(title=None, orient="top", symbolType="stroke", symbolStrokeWidth=3),
    )


def _band_legend() -> alt.Fill:
    return alt.Fill(
        "band:N",
        scale=alt.Scale(domain=[BAND_LABEL], range=[BAND]),
        legend=alt.Legend(title=None, orient="top", symbolType="square", symbolOpacity=0.3),
    )


def _with_series(data: pd.DataFrame) -> pd.DataFrame:
    data["series"] = MEDIAN
    data["band"] = BAND_LABEL
    return data


def _magnitude(top: float) -> float:
    """What an axis's format depends on (`count_axis`, `money_axis`): the size class of its
    top value (below 10, below 10,000, or above), as a representative of the class."""
    return 10_000.0 if top >= 10_000 else 10.0 if top >= 10 else 0.0


def _days_shown(days: int) -> int:
    """What `date_axis` depends on: a representative of the day count's class."""
    return 31 if days <= 31 else 180 if days <= 180 else 181


def _daily_parts(frame: pd.DataFrame, label: str, money: str | None) -> tuple[pd.DataFrame, tuple]:
    """The daily chart's rows, and its shape (what the template depends on)."""
    # Built as columns, then one frame: a frame's column assignments cost more than the
    # figures themselves.
    columns: dict[str, Any] = {name: frame[name] for name in frame.columns}
    quantiles = {q: frame[q].tolist() for q in ("p10", "p50", "p90")}
    if money:
        texts = {q: [format_money(v, money) for v in quantiles[q]] for q in quantiles}
        for q in quantiles:
            columns[q] = [convert(value, money) for value in quantiles[q]]
    else:
        texts = {q: [count_text(v) for v in quantiles[q]] for q in quantiles}
    columns["median_text"] = texts["p50"]
    columns["range_text"] = [
        f"{lo} – {hi}" for lo, hi in zip(texts["p10"], texts["p90"], strict=True)
    ]
    columns["day"] = pd.to_datetime(frame["date"]).dt.strftime("%a %-d %b %Y")
    columns["series"] = MEDIAN
    columns["band"] = BAND_LABEL
    data = pd.DataFrame(columns)
    top = _top(columns["p90"])
    return data, (label, money, _magnitude(top), _days_shown(len(data)), top <= 0)


def _daily_band(
    label: str, money: str | None, magnitude: float, days: int, empty: bool, data: Any
) -> Any:
    axis_title = f"{label} ({money})" if money else label
    axis = money_axis(magnitude, axis_title) if money else count_axis(magnitude, axis_title)
    base = alt.Chart(data).encode(x=alt.X("date:T", axis=date_axis(days)))
    tooltip = [
        alt.Tooltip("day:N", title="Day"),
        alt.Tooltip("median_text:N", title=f"{label}, median"),
        alt.Tooltip("range_text:N", title=RANGE_TITLE),
    ]
    band = base.mark_area(opacity=0.3, color=BAND).encode(
        y=alt.Y("p10:Q", title=axis_title, axis=axis, scale=_domain(0.0 if empty else 1.0)),
        y2="p90:Q",
        fill=_band_legend(),
        tooltip=tooltip,
    )
    line = base.mark_line(strokeWidth=2.6, color=BAND).encode(
        y="p50:Q", stroke=_median_legend(), tooltip=tooltip
    )
    return themed((band + line).properties(height=HEIGHT + LEGEND_HEIGHT))


@lru_cache(maxsize=64)
def _daily_template(*shape: Any) -> Template:
    return template_of(lambda: _daily_band(*shape, data=named("main")))


def daily_band_chart(frame: pd.DataFrame, label: str, money: str | None = None) -> Any:
    """A daily series: the median as a line, the p10–p90 range as a band around it, a legend
    that says which is which."""
    data, shape = _daily_parts(frame, label, money)
    return _daily_band(*shape, data=data)


def daily_band_spec(frame: pd.DataFrame, label: str, money: str | None = None) -> dict[str, Any]:
    """`daily_band_chart`'s spec, from its cached template."""
    data, shape = _daily_parts(frame, label, money)
    return fill(_daily_template(*shape), {"main": data})


def _funnel_parts(steps: pd.DataFrame) -> tuple[pd.DataFrame, tuple, dict[str, Any]]:
    """The funnel's rows, its shape (the steps in order) and its numbers (the log axis)."""
    data = steps.copy()
    previous = ["", *list(data["step"])[:-1]]
    shares = [
        "" if pd.isna(rate) else f"{rate:.1%} of {before.lower()}"
        for rate, before in zip(data["rate"], previous, strict=True)
    ]
    data["median_text"] = [count_text(v) for v in data["count"]]
    data["share_text"] = [share or "first step" for share in shares]
    data["caption"] = [
        f"{step} · {count_text(count)}" + (f" · {share}" if share else "")
        for step, count, share in zip(data["step"], data["count"], shares, strict=True)
    ]
    has_range = {"p10", "p90"} <= set(data.columns)
    data["range_text"] = (
        [range_text(lo, hi) for lo, hi in zip(data["p10"], data["p90"], strict=True)]
        if has_range
        else "—"
    )
    data["plotted"] = data["count"].clip(lower=1)
    data = data.drop(columns=[c for c in ("rate", "count", "p10", "p90") if c in data.columns])
    # Log bars need an explicit floor: a bar is drawn from the domain's minimum, and the
    # default (zero) has no logarithm.
    top = float(data["plotted"].max()) * 3
    decades = [10**power for power in range(0, 10) if 10**power <= top]
    return data, (tuple(data["step"]),), {"top": top, "decades": decades}


def _funnel(order: tuple[str, ...], data: Any, top: Any, decades: Any) -> Any:
    tooltip = [
        alt.Tooltip("step:N", title="Step"),
        alt.Tooltip("median_text:N", title="People, median"),
        alt.Tooltip("range_text:N", title=RANGE_TITLE),
        alt.Tooltip("share_text:N", title="Share of the step before"),
    ]
    base = alt.Chart(data).encode(
        y=alt.Y("step:N", sort=list(order), title=None, axis=None), tooltip=tooltip
    )
    bars = base.mark_bar(color=BAND, cornerRadiusEnd=4, size=22).encode(
        x=alt.X(
            "plotted:Q",
            scale=alt.Scale(type="log", domain=[1, top]),
            axis=alt.Axis(
                values=decades,
                labelExpr="replace(replace(format(datum.value, '~s'), 'k', 'K'), 'G', 'B')",
                grid=True,
            ),
            title="People (median, log scale)",
        ),
        # Typed channel values: a plain dict (alt.value, alt.datum) costs a schema lookup
        # of ~20 ms per use when Altair wraps it.
        x2=alt.X2Datum(1),
        yOffset=alt.YOffsetValue(9),
    )
    text = base.mark_text(align="left", baseline="bottom", fontSize=14, fontWeight=500).encode(
        x=alt.XDatum(1), text="caption:N", yOffset=alt.YOffsetValue(-6)
    )
    return themed((bars + text).properties(height=62 * len(order) + AXIS_HEIGHT))


@lru_cache(maxsize=16)
def _funnel_template(order: tuple[str, ...]) -> Template:
    return template_of(lambda: _funnel(order, named("main"), slot("top"), slot("decades")))


def funnel_chart(steps: pd.DataFrame) -> Any:
    """The funnel (median counts) on a log axis, each step named above its bar with its
    median and its share of the step before, so no name is cut on a phone.

    `steps`: columns step, count, rate (share of the step before; NaN for the first), and
    p10/p90 when known.
    """
    data, shape, numbers = _funnel_parts(steps)
    return _funnel(*shape, data=data, **numbers)


def funnel_spec(steps: pd.DataFrame) -> dict[str, Any]:
    """`funnel_chart`'s spec, from its cached template."""
    data, shape, numbers = _funnel_parts(steps)
    return fill(_funnel_template(*shape), {"main": data}, numbers)


def _country_name(code: str) -> str:
    country = get_country(code)
    return f"{country.flag} {country.name}" if country else code


def _delivering_rows(table: pd.DataFrame, currency: str) -> pd.DataFrame:
    # The 25 with the most results are shown: only they are named and formatted.
    data = table[table["delivers"]].sort_values("results_p50", ascending=False).head(25).copy()
    data["name"] = [_country_name(code) for code in data["country"]]
    data["median_text"] = [count_text(v) for v in data["results_p50"]]
    data["range_text"] = [
        range_text(lo, hi) for lo, hi in zip(data["results_p10"], data["results_p90"], strict=True)
    ]
    data["cost"] = [convert(value, currency) for value in data["cost_per_result_p50"]]
    data["cost_text"] = [format_money(value, currency) for value in data["cost_per_result_p50"]]
    data["spend_text"] = [format_money(value, currency) for value in data["spend_p50"]]
    # A country with no results has no cost per result: no bar, "—" in the tooltip.
    data["cost"] = [value if np.isfinite(value) else 0.0 for value in data["cost"]]
    keep = ["name", "results_p10", "results_p50", "results_p90", "median_text", "range_text",
            "cost", "cost_text", "spend_text"]  # fmt: skip
    return data[keep]


ROW_HEIGHT = 42  # two lines of a wrapped country name


def _country_axis(order: Any, labels: Any) -> alt.Y:
    # Every name shown (a wrapped name has its row's height: nothing to hide), none cut.
    axis = alt.Axis(labelExpr=labels, labelOverlap=False, labelLimit=240)
    return alt.Y("name:N", sort=order, title=None, axis=axis)


def _country_tooltip(result_label: str, cost_label: str) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("name:N", title="Country"),
        alt.Tooltip("median_text:N", title=f"{result_label}, median"),
        alt.Tooltip("range_text:N", title=RANGE_TITLE),
        alt.Tooltip("cost_text:N", title=f"{cost_label}, median"),
        alt.Tooltip("spend_text:N", title="Spend, median"),
    ]


def _country_numbers(data: pd.DataFrame) -> dict[str, Any]:
    # The countries in order of results, and how their names wrap: both change with the
    # forecast, so both are filled in.
    order = list(data["name"])
    return {"order": order, "labels": wrap_expr(order)}


def _country_results(
    result_label: str,
    cost_label: str,
    rows: int,
    magnitude: float,
    empty: bool,
    data: Any,
    order: Any,
    labels: Any,
) -> Any:
    base = alt.Chart(data).encode(
        y=_country_axis(order, labels), tooltip=_country_tooltip(result_label, cost_label)
    )
    bars = base.mark_bar(color=BAND, cornerRadiusEnd=3, size=18).encode(
        x=alt.X(
            "results_p50:Q",
            axis=count_axis(magnitude, result_label),
            scale=_domain(0.0 if empty else 1.0),
        )
    )
    whisker = base.mark_rule(color=PALETTE["text"], strokeWidth=2).encode(
        x="results_p10:Q", x2="results_p90:Q"
    )
    title = alt.TitleParams(
        f"{result_label} by country",
        subtitle=f"Bar: median · line: {BAND_LABEL} (p10–p90)",
    )
    height = ROW_HEIGHT * rows + TITLE_HEIGHT + AXIS_HEIGHT
    return themed((bars + whisker).properties(height=height, title=title))


@lru_cache(maxsize=64)
def _country_results_template(*shape: Any) -> Template:
    return template_of(
        lambda: _country_results(
            *shape, data=named("main"), order=slot("order"), labels=slot("labels")
        )
    )


def _country_results_parts(
    table: pd.DataFrame, result_label: str, currency: str, cost_label: str
) -> tuple[pd.DataFrame, tuple, dict[str, Any]]:
    data = _delivering_rows(table, currency)
    top = _top(data["results_p90"])
    shape = (result_label, cost_label, len(data), _magnitude(top), top <= 0)
    return data, shape, _country_numbers(data)


def country_chart(
    table: pd.DataFrame, result_label: str, currency: str, cost_label: str = "Cost per result"
) -> Any:
    """Results by country: the median as a bar, the p10–p90 range as a line through it (the
    title says which is which). None when nothing delivers."""
    data, shape, numbers = _country_results_parts(table, result_label, currency, cost_label)
    return None if data.empty else _country_results(*shape, data=data, **numbers)


def country_spec(
    table: pd.DataFrame, result_label: str, currency: str, cost_label: str = "Cost per result"
) -> dict[str, Any] | None:
    """`country_chart`'s spec, from its cached template (None when nothing delivers)."""
    data, shape, numbers = _country_results_parts(table, result_label, currency, cost_label)
    if data.empty:
        return None
    return fill(_country_results_template(*shape), {"main": data}, numbers)


def _country_cost(
    result_label: str,
    currency: str,
    cost_label: str,
    rows: int,
    magnitude: float,
    data: Any,
    order: Any,
    labels: Any,
) -> Any:
    chart = (
        alt.Chart(data)
        .mark_bar(color=CATEGORY_COLORS[1], cornerRadiusEnd=3, size=18)
        .encode(
            y=_country_axis(order, labels),
            x=alt.X("cost:Q", axis=money_axis(magnitude, f"{cost_label} ({currency})")),
            tooltip=_country_tooltip(result_label, cost_label),
        )
        .properties(
            height=ROW_HEIGHT * rows + TITLE_HEIGHT + AXIS_HEIGHT,
            title=alt.TitleParams(f"{cost_label} by country", subtitle=f"Median, in {currency}"),
        )
    )
    return themed(chart)


@lru_cache(maxsize=64)
def _country_cost_template(*shape: Any) -> Template:
    return template_of(
        lambda: _country_cost(
            *shape, data=named("main"), order=slot("order"), labels=slot("labels")
        )
    )


def _country_cost_parts(
    table: pd.DataFrame, result_label: str, currency: str, cost_label: str
) -> tuple[pd.DataFrame, tuple, dict[str, Any]]:
    data = _delivering_rows(table, currency)
    shape = (result_label, currency, cost_label, len(data), _magnitude(_top(data["cost"])))
    return data, shape, _country_numbers(data)


def country_cost_chart(
    table: pd.DataFrame, result_label: str, currency: str, cost_label: str = "Cost per result"
) -> Any:
    """The median cost per result by country, in `currency`, beside `country_chart`."""
    data, shape, numbers = _country_cost_parts(table, result_label, currency, cost_label)
    return None if data.empty else _country_cost(*shape, data=data, **numbers)


def country_cost_spec(
    table: pd.DataFrame, result_label: str, currency: str, cost_label: str = "Cost per result"
) -> dict[str, Any] | None:
    """`country_cost_chart`'s spec, from its cached template (None when nothing delivers)."""
    data, shape, numbers = _country_cost_parts(table, result_label, currency, cost_label)
    if data.empty:
        return None
    return fill(_country_cost_template(*shape), {"main": data}, numbers)


def results_map_frame(table: pd.DataFrame, result_label: str) -> pd.DataFrame:
    """One row per country of the catalog: its name, whether the ad targets and reaches it,
    and what its tooltip says (text only: no missing values)."""
    rows = {code: row for code, row in zip(table["country"], table.itertuples(), strict=True)}
    records = []
    for country in load_catalog().values():
        row = rows.get(country.alpha2)
        name = f"{country.flag} {country.name}"
        if row is None:
            state, median, spread = "not targeted", "not targeted", "—"
        elif not row.delivers:
            state, median, spread = "not delivering", "0: not available in this scenario", "—"
        else:
            state = "delivering"
            median = count_text(row.results_p50)
            spread = range_text(row.results_p10, row.results_p90)
        records.append(
            {
                "alpha2": country.alpha2,
                "name": name,
                "state": state,
                "results": float(row.results_p50) if row is not None and row.delivers else 0.0,
                "median_text": median,
                "range_text": spread,
            }
        )
    return pd.DataFrame(records)


MAP_FIELDS = ["name", "state", "results", "median_text", "range_text"]


def _inline(rows: pd.DataFrame) -> alt.Data:
    """Rows as inline JSON text inside the spec, written as `fill` writes a named source."""
    return alt.Data(values=rows_json(rows), format=alt.DataFormat(type="json"))


def _results_map_parts(
    table: pd.DataFrame, result_label: str, world_url: str
) -> tuple[pd.DataFrame, tuple, dict[str, Any]]:
    lookup = results_map_frame(table, result_label)
    delivering = lookup[lookup["state"] == "delivering"]
    top = float(delivering["results"].max()) if not delivering.empty else 0.0
    idle = bool((lookup["state"] == "not delivering").any())
    return lookup, (result_label, world_url, idle), {"top": max(top, 1.0)}


def _results_map(result_label: str, world_url: str, idle: bool, lookup: Any, top: Any) -> Any:
    subtitle = ["Light grey: not targeted"] + (
        ["Dark grey: targeted, but the ad cannot run there"] if idle else []
    )
    countries = (
        alt.Chart(world_data(world_url))
        .transform_filter("datum.properties.alpha2 !== 'AQ'")
        .transform_lookup(
            lookup="properties.alpha2",
            from_=alt.LookupData(data=lookup, key="alpha2", fields=MAP_FIELDS),
        )
        # A shape the catalog has no row for is drawn like an untargeted country.
        .transform_calculate(
            name="datum.name || datum.properties.name || 'Unnamed territory'",
            state="datum.state || 'not targeted'",
            median_text="datum.median_text || 'not targeted'",
            range_text="datum.range_text || '—'",
        )
        .mark_geoshape(stroke=PALETTE["border"], strokeWidth=0.5)
        .encode(
            color=alt.Color(
                "results:Q",
                title=f"{result_label} (median)",
                scale=alt.Scale(scheme="blues", domain=[0, top]),
                legend=alt.Legend(
                    orient="top", direction="horizontal", gradientLength=220, titleOrient="top"
                ),
                condition=[
                    {"test": "datum.state === 'not delivering'", "value": NOT_DELIVERING},
                    {"test": "datum.state !== 'delivering'", "value": NOT_TARGETED},
                ],
            ),
            tooltip=[
                alt.Tooltip("name:N", title="Country"),
                alt.Tooltip("median_text:N", title=f"{result_label}, median"),
                alt.Tooltip("range_text:N", title=RANGE_TITLE),
            ],
        )
        .project(type="equalEarth")
    )
    ocean = (
        alt.Chart(alt.sphere())
        .mark_geoshape(fill=PALETTE["ocean"], stroke=PALETTE["grid"], strokeWidth=0.5, aria=False)
        .project(type="equalEarth")
    )
    title = alt.TitleParams(f"{result_label} by country", subtitle=subtitle)
    height = MAP_HEIGHT + TITLE_HEIGHT + (18 if idle else 0) + 2 * LEGEND_HEIGHT
    return themed(alt.layer(ocean, countries).properties(height=height, title=title))


@lru_cache(maxsize=16)
def _results_map_template(*shape: Any) -> Template:
    return template_of(lambda: _results_map(*shape, lookup=named("lookup"), top=slot("top")))


def results_map(table: pd.DataFrame, result_label: str, world_url: str = "") -> Any:
    """The world (from `world_url`, or inline), coloured by median results per country; grey
    where nothing is targeted, a darker grey where a targeted country cannot show the ad.

    One layer carries the world (a top-level dataset would be turned into a table by
    Streamlit), and every country's figures join it as inline JSON by ISO code.
    """
    lookup, shape, numbers = _results_map_parts(table, result_label, world_url)
    return _results_map(*shape, lookup=_inline(lookup), **numbers)


def results_map_spec(table: pd.DataFrame, result_label: str, world_url: str = "") -> dict:
    """`results_map`'s spec, from its cached template."""
    lookup, shape, numbers = _results_map_parts(table, result_label, world_url)
    return fill(_results_map_template(*shape), {"lookup": lookup}, numbers)


def _hour_label(hour: int) -> str:
    return f"{hour:02d}:00–{(hour + 1) % 24:02d}:00"


def _hour_rows(hourly: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "day": DAY_NAMES[day][:3],
                "weekday": DAY_NAMES[day],
                "hour": hour,
                "hours": _hour_label(hour),
                "value": float(hourly[index, hour]),
                "value_text": count_text(float(hourly[index, hour]), expected=True),
            }
            for index, day in enumerate(DAYS)
            for hour in range(24)
        ]
    )


def _hour_heatmap(title: str, scheme: str, data: Any, top: Any) -> Any:
    chart = (
        alt.Chart(data)
        .mark_rect(cornerRadius=2)
        .encode(
            # Every third hour, unrotated: 24 rotated labels were hard to read and cramped.
            x=alt.X(
                "hour:O",
                title="Hour of day (24 h, business's local time)",
                axis=alt.Axis(
                    labelAngle=0, labelExpr="datum.value % 3 === 0 ? datum.value : ''", ticks=False
                ),
            ),
            y=alt.Y(
                "day:O",
                sort=[DAY_NAMES[d][:3] for d in DAYS],
                title=None,
                axis=alt.Axis(labelOverlap=False, ticks=False),
            ),
            color=alt.Color(
                "value:Q",
                title=f"{title} over the campaign (expected)",
                scale=alt.Scale(scheme=scheme, domain=[0, top]),
                legend=alt.Legend(
                    orient="top", direction="horizontal", gradientLength=200, titleOrient="top"
                ),
            ),
            tooltip=[
                alt.Tooltip("weekday:N", title="Day"),
                alt.Tooltip("hours:N", title="Hour"),
                alt.Tooltip("value_text:N", title=f"{title} over the campaign (expected)"),
            ],
        )
        .properties(height=7 * 30 + AXIS_HEIGHT + 2 * LEGEND_HEIGHT)
    )
    return themed(chart)


@lru_cache(maxsize=8)
def _hour_template(title: str, scheme: str) -> Template:
    return template_of(lambda: _hour_heatmap(title, scheme, named("main"), slot("top")))


def hour_heatmap(hourly: np.ndarray, title: str, scheme: str = "blues") -> Any:
    """Weekday × hour of day (the business's clock), coloured by expected taps or misses
    over the whole campaign."""
    data = _hour_rows(hourly)
    return _hour_heatmap(title, scheme, data, max(_top(data["value"]), 1.0))


def hour_heatmap_spec(hourly: np.ndarray, title: str, scheme: str = "blues") -> dict[str, Any]:
    """`hour_heatmap`'s spec, from its cached template."""
    data = _hour_rows(hourly)
    top = max(_top(data["value"]), 1.0)
    return fill(_hour_template(title, scheme), {"main": data}, {"top": top})


def _curve_parts(
    curve: pd.DataFrame, budget: float, result_label: str, currency: str, cost_label: str
) -> tuple[dict[str, pd.DataFrame], tuple, dict[str, Any]]:
    data = curve.copy()
    data["budget_local"] = [convert(value, currency) for value in data["daily_budget"]]
    data["budget_text"] = [format_money(value, currency) for value in data["daily_budget"]]
    data["median_text"] = [count_text(v) for v in data["results_p50"]]
    data["range_text"] = [
        range_text(lo, hi) for lo, hi in zip(data["results_p10"], data["results_p90"], strict=True)
    ]
    data["cost_text"] = [format_money(value, currency) for value in data["cost_per_result"]]
    keep = ["budget_local", "results_p10", "results_p50", "results_p90", "budget_text",
            "median_text", "range_text", "cost_text"]  # fmt: skip
    data = data[keep].copy()
    chosen = pd.DataFrame(
        {
            "budget_local": [convert(budget, currency)],
            "label": ["your budget"],
            "budget_text": [format_money(budget, currency)],
        }
    )
    low, high = float(data["budget_local"].min()), float(data["budget_local"].max())
    top = _top(data["results_p90"])
    shape = (result_label, currency, cost_label, _magnitude(high), _magnitude(top), top > 0)
    frames = {"main": _with_series(data), "chosen": chosen}
    return frames, shape, {"low": low, "high": high}


def _spend_curve(
    result_label: str,
    currency: str,
    cost_label: str,
    budget_magnitude: float,
    magnitude: float,
    any_results: bool,
    main: Any,
    chosen: Any,
    low: Any,
    high: Any,
) -> Any:
    yours = [alt.Tooltip("budget_text:N", title=YOUR_BUDGET)]
    x = alt.X(
        "budget_local:Q",
        scale=alt.Scale(type="log", domain=[low, high], nice=False),
        axis=money_axis(budget_magnitude, f"Daily budget ({currency}, log scale)", tickCount=6),
    )
    tooltip = [
        alt.Tooltip("budget_text:N", title="Daily budget"),
        alt.Tooltip("median_text:N", title=f"{result_label} over the campaign, median"),
        alt.Tooltip("range_text:N", title=RANGE_TITLE),
        alt.Tooltip("cost_text:N", title=f"{cost_label} (average)"),
    ]
    base = alt.Chart(main).encode(x=x, tooltip=tooltip)
    band = base.mark_area(opacity=0.3, color=BAND).encode(
        y=alt.Y(
            "results_p10:Q",
            axis=count_axis(magnitude, result_label),
            scale=alt.Scale(domainMin=0, nice=True) if any_results else alt.Scale(domain=[0, 1]),
        ),
        y2="results_p90:Q",
        fill=_band_legend(),
    )
    line = base.mark_line(
        strokeWidth=2.6, color=BAND, point=alt.OverlayMarkDef(size=70, filled=True, color=BAND)
    ).encode(y="results_p50:Q", stroke=_median_legend())
    rule = (
        alt.Chart(chosen)
        .mark_rule(color=CATEGORY_COLORS[5], strokeDash=[6, 4], strokeWidth=2)
        .encode(x="budget_local:Q", tooltip=yours)
    )
    label = (
        alt.Chart(chosen)
        .mark_text(align="left", dx=6, dy=-8, color=CATEGORY_COLORS[5], fontWeight=600)
        .encode(x="budget_local:Q", y=alt.YValue(12), text="label:N", tooltip=yours)
    )
    return themed((band + line + rule + label).properties(height=HEIGHT + LEGEND_HEIGHT))


@lru_cache(maxsize=32)
def _curve_template(*shape: Any) -> Template:
    return template_of(
        lambda: _spend_curve(
            *shape, main=named("main"), chosen=named("chosen"), low=slot("low"), high=slot("high")
        )
    )


def spend_curve_chart(
    curve: pd.DataFrame,
    budget: float,
    result_label: str,
    currency: str,
    cost_label: str = "Cost per result",
) -> Any:
    """Results against daily budget (log scale: the budgets are spaced by ratio): the median
    with its p10–p90 band; the curve flattens as reach saturates; a rule marks the chosen
    budget."""
    frames, shape, numbers = _curve_parts(curve, budget, result_label, currency, cost_label)
    return _spend_curve(*shape, **frames, **numbers)


def spend_curve_spec(
    curve: pd.DataFrame,
    budget: float,
    result_label: str,
    currency: str,
    cost_label: str = "Cost per result",
) -> dict[str, Any]:
    """`spend_curve_chart`'s spec, from its cached template."""
    frames, shape, numbers = _curve_parts(curve, budget, result_label, currency, cost_label)
    return fill(_curve_template(*shape), frames, numbers)


def _ab_parts(
    samples: dict[str, np.ndarray], result_label: str
) -> tuple[dict[str, pd.DataFrame], tuple]:
    stats = []
    frames = []
    for name, values in samples.items():
        runs = np.asarray(values, dtype=float)
        runs = runs[np.isfinite(runs)]
        p10, p50, p90 = np.quantile(runs, [0.1, 0.5, 0.9]) if runs.size else (0.0, 0.0, 0.0)
        stats.append(
            {
                "variant": name,
                "median": float(p50),
                "median_text": count_text(p50),
                "range_text": range_text(p10, p90),
            }
        )
        frames.append(pd.DataFrame({"variant": name, "results": runs}))
    data = pd.concat(frames, ignore_index=True)
    shape = (tuple(samples), result_label, _magnitude(_top(data["results"])))
    return {"main": data, "stats": pd.DataFrame(stats)}, shape


def _ab(
    names: tuple[str, ...],
    result_label: str,
    magnitude: float,
    main: Any,
    stats: Any,
    stats_lookup: Any,
) -> Any:
    colours = alt.Scale(domain=list(names), range=list(CATEGORY_COLORS[: len(names)]))
    tooltip = [
        alt.Tooltip("variant:N", title="Button"),
        alt.Tooltip("median_text:N", title=f"{result_label} over the campaign, median"),
        alt.Tooltip("range_text:N", title=RANGE_TITLE),
    ]
    density = (
        alt.Chart(main)
        .transform_density("results", groupby=["variant"], as_=["results", "density"])
        .transform_lookup(
            lookup="variant",
            from_=alt.LookupData(
                data=stats_lookup, key="variant", fields=["median_text", "range_text"]
            ),
        )
        .mark_area(opacity=0.45, interpolate="monotone")
        .encode(
            x=alt.X(
                "results:Q",
                axis=count_axis(magnitude, f"{result_label} in one simulated run"),
            ),
            y=alt.Y("density:Q", title="Share of runs", axis=alt.Axis(labels=False), stack=None),
            color=alt.Color(
                "variant:N",
                title="Button",
                scale=colours,
                legend=alt.Legend(orient="top", direction="horizontal"),
            ),
            tooltip=tooltip,
        )
    )
    medians = (
        alt.Chart(stats)
        .mark_rule(strokeWidth=2.5, strokeDash=[5, 3])
        .encode(x="median:Q", color=alt.Color("variant:N", scale=colours), tooltip=tooltip)
    )
    title = alt.TitleParams(
        f"{result_label} per simulated run", subtitle="Dashed line: each button's median"
    )
    height = HEIGHT + TITLE_HEIGHT + 2 * LEGEND_HEIGHT
    return themed((density + medians).properties(height=height, title=title))


@lru_cache(maxsize=8)
def _ab_template(*shape: Any) -> Template:
    stats = named("stats")
    return template_of(lambda: _ab(*shape, main=named("main"), stats=stats, stats_lookup=stats))


def ab_chart(samples: dict[str, np.ndarray], result_label: str) -> Any:
    """The distribution of results per run for each variant, overlaid, each variant's median
    marked; hovering a variant gives its median and p10–p90 range."""
    frames, shape = _ab_parts(samples, result_label)
    return _ab(*shape, **frames, stats_lookup=_inline(frames["stats"]))


def ab_spec(samples: dict[str, np.ndarray], result_label: str) -> dict[str, Any]:
    """`ab_chart`'s spec, from its cached template."""
    frames, shape = _ab_parts(samples, result_label)
    return fill(_ab_template(*shape), frames)
