"""Altair chart builders, and the one place the charts' look is decided (pure; no Streamlit).

- ``THEME``: the studio's Altair theme (``base_theme()``: colours, fonts, sizes), registered
  and enabled once when this module is imported, so every chart's ``to_dict()`` carries it.
  ``STATUS_COLORS``, ``PALETTE`` and ``CATEGORY_COLORS`` are its colours; the rollout colours
  come from the Okabe–Ito palette, which stays distinct for the common kinds of colour
  blindness. ``presentation_spec(spec)`` scales a finished spec up for a projector.
- ``spec_of(chart)``: the Vega-Lite spec without Altair's per-call schema validation (the
  tests validate every chart once against the schema instead).
- Axis and label helpers every chart shares: ``count_axis``, ``date_axis``, ``wrap_expr``.
- ``rollout_map(scenario, selected)``: the world as a choropleth of where the ad unit runs in a
  scenario, the selected countries emphasised, with tooltips. The map is the TopoJSON shipped in
  ``sample_data/`` inlined into the spec, so the browser never fetches anything.
"""

from __future__ import annotations

import copy
import json
import textwrap
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import altair as alt

from components.world.regions import (
    DEFAULT_SCENARIO,
    SCENARIOS,
    STATUSES,
    audience_range,
    load_catalog,
    load_world_topojson,
    rollout_status,
)

if TYPE_CHECKING:
    import pandas as pd

# Rollout status -> fill colour (Okabe–Ito bluish green, orange, and a neutral slate).
STATUS_COLORS: dict[str, str] = {
    "available": "#009E73",
    "later": "#E69F00",
    "unavailable": "#56616E",
}
# Everything else a chart needs, in one place (the app's theme is in .streamlit/config.toml).
PALETTE: dict[str, str] = {
    "text": "#1c1e21",
    "muted": "#65676b",
    "grid": "#dadde1",
    "background": "#ffffff",
    "ocean": "#eef3fa",
    "border": "#ffffff",
    "selected": "#1c1e21",
    "accent": "#0866ff",  # the app's primary colour
    "whatsapp": "#25D366",
}
# Okabe–Ito, for categorical series in later charts.
CATEGORY_COLORS: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)
FONT = '"Source Sans Pro", "Source Sans 3", system-ui, -apple-system, "Segoe UI", sans-serif'
MAP_HEIGHT = 340
# Antarctica takes a sixth of an equal-area world and holds no audience.
_HIDDEN_ON_MAP = ("AQ",)


THEME = "button_ad_studio"
# Type sizes read from the back of a room on a projector as well as on a laptop.
FONT_SIZES = {"label": 13, "title": 14, "legend": 13, "chart_title": 16, "subtitle": 13}
# The grey of a country the ad does not target on a map (the legend and tooltips say so).
NOT_TARGETED = "#d5d9df"


def base_theme() -> dict[str, Any]:
    """Vega-Lite config shared by every chart of the studio (the registered ``THEME``)."""
    sizes = FONT_SIZES
    return {
        "font": FONT,
        "background": PALETTE["background"],
        # No frame around a view ("transparent", not null: no null anywhere in a spec).
        "view": {"stroke": "transparent"},
        "axis": {
            "labelColor": PALETTE["muted"],
            "titleColor": PALETTE["text"],
            "gridColor": PALETTE["grid"],
            "domainColor": PALETTE["grid"],
            "tickColor": PALETTE["grid"],
            "labelFontSize": sizes["label"],
            "titleFontSize": sizes["title"],
            "titleFontWeight": 600,
            "labelFont": FONT,
            "titleFont": FONT,
            "titlePadding": 8,
            # Long enough for a country's name on one line or two (wrap_expr): never
            # "Guinea-Bis…".
            "labelLimit": 240,
        },
        "legend": {
            "labelColor": PALETTE["text"],
            "titleColor": PALETTE["text"],
            "labelFontSize": sizes["legend"],
            "titleFontSize": sizes["legend"],
            "titleFontWeight": 600,
            "labelFont": FONT,
            "titleFont": FONT,
            "symbolSize": 180,
            "symbolStrokeWidth": 0,
            "labelLimit": 0,
            "titleLimit": 0,
        },
        "title": {
            "color": PALETTE["text"],
            "fontSize": sizes["chart_title"],
            "subtitleColor": PALETTE["muted"],
            "subtitleFontSize": sizes["subtitle"],
            "font": FONT,
            "subtitleFont": FONT,
            "anchor": "start",
            "offset": 10,
        },
        "text": {"font": FONT, "fontSize": sizes["label"], "color": PALETTE["text"]},
        "range": {"category": list(CATEGORY_COLORS)},
    }


@alt.theme.register(THEME, enable=True)
def _studio_theme() -> alt.theme.ThemeConfig:
    return {"config": base_theme()}  # type: ignore[return-value]


def themed(chart: alt.TopLevelMixin) -> Any:
    """The chart in the studio's look: the registered ``THEME`` is applied by ``to_dict()``;
    this only makes sure it is the active one (a test or a notebook may have switched)."""
    if alt.theme.active != THEME:
        alt.theme.enable(THEME)
    return chart


def spec_of(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart's Vega-Lite spec, built without validating it against the schema.

    Altair validates on every ``to_dict()`` (tens of milliseconds a chart, paid on every new
    forecast); the builders are pure and fixed, so the tests validate each kind once
    (tests/render/test_chart_specs.py) and the app skips it.
    """
    themed(chart)
    return chart.to_dict(validate=False)


def presentation_spec(spec: dict[str, Any], scale: float = 1.4) -> dict[str, Any]:
    """A copy of `spec` with its type and height scaled by `scale`, for a projector.

    Only the config's font sizes, symbol sizes and the top-level height change; the data
    and encodings are shared with `spec` (do not mutate them).
    """
    scaled = dict(spec)
    config = copy.deepcopy(spec.get("config", {}))

    def grow(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, (int, float)) and key.endswith(("FontSize", "fontSize")):
                    node[key] = round(value * scale, 1)
                elif key == "symbolSize" and isinstance(value, (int, float)):
                    node[key] = round(value * scale * scale)
                else:
                    grow(value)

    grow(config)
    scaled["config"] = config
    if isinstance(spec.get("height"), (int, float)):
        scaled["height"] = round(spec["height"] * scale)
    return scaled


def count_axis(top: float, title: str | None = None, **options: Any) -> alt.Axis:
    """An axis of counts up to `top`: whole numbers (no "0.2" people), grouped thousands
    below 10,000 and short forms like the headline figures above ("25K", "1.2M")."""
    if top >= 10_000:
        # d3's SI prefixes, written as format_count writes them: K, M, B.
        expr = "replace(replace(format(datum.value, '.3~s'), 'k', 'K'), 'G', 'B')"
        return alt.Axis(labelExpr=expr, tickMinStep=1, title=title, **options)
    return alt.Axis(format=",d", tickMinStep=1, title=title, **options)


def money_axis(top: float, title: str | None = None, **options: Any) -> alt.Axis:
    """An axis of amounts in the display currency up to `top` (the currency is in the
    title): short forms from 10,000, whole units from 10, cents below."""
    if top >= 10_000:
        expr = "replace(replace(format(datum.value, '.3~s'), 'k', 'K'), 'G', 'B')"
        return alt.Axis(labelExpr=expr, title=title, **options)
    return alt.Axis(format=",.0f" if top >= 10 else ",.2~f", title=title, **options)


def date_axis(days: int, **options: Any) -> alt.Axis:
    """A date axis for `days` days: one tick a day at most (a short campaign drew "07 Dec" at
    every 6 hours), labels that drop out rather than collide."""
    if days <= 31:
        ticks: dict[str, Any] = {"interval": "day", "step": 1}
        label = "%-d %b"
    elif days <= 180:
        ticks = {"interval": "week", "step": 1}
        label = "%-d %b"
    else:
        ticks = {"interval": "month", "step": 1}
        label = "%b %Y"
    return alt.Axis(
        format=label,
        tickCount=ticks,
        labelOverlap="greedy",
        labelSeparation=12,
        # Vega-Lite flushes the end labels inward by default, which put "7 Dec" against
        # "8 Dec"; centred on their ticks they space evenly.
        labelFlush=False,
        title=None,
        **options,
    )


def wrap_expr(labels: Iterable[str], width: int = 22) -> str:
    """A Vega label expression that breaks each of `labels` longer than `width` characters
    into lines at spaces (an array of lines is drawn as several lines), so no name is cut."""
    cases = []
    for label in dict.fromkeys(labels):
        lines = textwrap.wrap(label, width) if len(label) > width else []
        if len(lines) > 1:
            cases.append((label, lines))
    expr = "datum.label"
    for label, lines in reversed(cases):
        expr = f"datum.label === {json.dumps(label)} ? {json.dumps(lines)} : {expr}"
    return expr


def status_scale() -> alt.Scale:
    """Rollout status label -> colour, always with all three statuses in the legend."""
    return alt.Scale(
        domain=[STATUSES[key] for key in STATUS_COLORS],
        range=list(STATUS_COLORS.values()),
    )


@lru_cache(maxsize=1)
def _map_codes() -> frozenset[str]:
    """The catalog codes that have a shape on the map."""
    geometries = load_world_topojson()["objects"]["countries"]["geometries"]
    return frozenset(g["properties"]["alpha2"] for g in geometries) - set(_HIDDEN_ON_MAP)


@lru_cache(maxsize=16)
def map_lookup_frame(scenario: str, selected: tuple[str, ...]) -> pd.DataFrame:
    """One row per country on the map: what its tooltip and colour show (cached; read-only)."""
    import pandas as pd

    from components.world.targeting import format_range

    chosen = set(selected)
    on_map = _map_codes()
    rows = []
    for country in load_catalog().values():
        if country.alpha2 not in on_map:
            continue
        status = rollout_status(country.alpha2, scenario)
        rows.append(
            {
                "alpha2": country.alpha2,
                "label": f"{country.flag} {country.name}",
                "status_label": status.label,
                "reason": status.reason,
                "audience": format_range(*audience_range(country.alpha2)),
                "selected": country.alpha2 in chosen,
            }
        )
    return pd.DataFrame(rows)


@lru_cache(maxsize=1)
def world_json() -> bytes:
    """The shipped world map as TopoJSON text, each country carrying its catalog code."""
    text = json.dumps(load_world_topojson(), separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


@lru_cache(maxsize=4)
def world_data(url: str = "") -> alt.Data:
    """The shipped world map for a chart: loaded from `url` (where the app serves
    `world_json()`), or inline when there is none, so a chart works anywhere offline.

    Inline, the TopoJSON goes in as one JSON string (Vega-Lite parses inline strings by
    `format`), so Altair does not walk its ~50,000 numbers on every rerun. Served from a URL,
    the map's 108 kB leave every rerun's message: the browser fetches them once.
    """
    return _served_or_inline(url, world_json, alt.DataFormat(type="topojson", feature="countries"))


def _served_or_inline(url: str, text: Callable[[], bytes], shape: alt.DataFormat) -> alt.Data:
    """Chart data loaded from `url` when the app serves it, else `text()` inline as one JSON
    string (Vega-Lite parses it by `shape`): nothing for Altair to walk on a rerun."""
    if url:
        return alt.Data(url=url, format=shape)
    return alt.Data(values=text().decode("utf-8"), format=shape)


@lru_cache(maxsize=16)
def map_lookup_json(scenario: str, selected: tuple[str, ...]) -> bytes:
    """`map_lookup_frame` as JSON records: what the map's countries show (cached)."""
    return map_lookup_frame(scenario, tuple(selected)).to_json(orient="records").encode()


@lru_cache(maxsize=32)
def rollout_map(
    scenario: str = DEFAULT_SCENARIO,
    selected: tuple[str, ...] = (),
    world_url: str = "",
    lookup_url: str = "",
) -> Any:
    """A world choropleth of the rollout in `scenario`, `selected` countries emphasised (the
    world from `world_url`, each country's status from `lookup_url`; either inline when not
    given).

    Colours: ``STATUS_COLORS``. With a selection, the other countries fade and the selected
    ones get a dark outline. Cached per (scenario, selection); treat the chart as read-only.
    """
    if scenario not in SCENARIOS:
        raise ValueError(f"unknown scenario {scenario!r}; expected one of {sorted(SCENARIOS)}")
    # JSON, like the world: nothing for Altair or Streamlit to convert per rerun. From a URL
    # in the app (35 kB a rerun otherwise), inline JSON text elsewhere.
    lookup = _served_or_inline(
        lookup_url,
        lambda: map_lookup_json(scenario, tuple(selected)),
        alt.DataFormat(type="json"),
    )
    fields = ["label", "status_label", "reason", "audience", "selected"]
    hidden = " && ".join(f"datum.properties.alpha2 !== '{code}'" for code in _HIDDEN_ON_MAP)
    projection = "equalEarth"

    # One layer draws every country; selected ones are drawn last with a dark outline (the
    # `order` channel), so no neighbour's border covers theirs. The world rides on this layer
    # (not the top level, which Streamlit would try to turn into a table).
    countries = (
        alt.Chart(world_data(world_url))
        .transform_filter(hidden)
        .transform_lookup(
            lookup="properties.alpha2",
            from_=alt.LookupData(data=lookup, key="alpha2", fields=fields),
        )
        .transform_calculate(
            emphasis="datum.selected ? 1 : 0",
            targeted="datum.selected ? 'Targeted' : 'Not targeted'",
        )
        .mark_geoshape()
        .encode(
            color=alt.Color(
                "status_label:N",
                scale=status_scale(),
                # The title above the entries: beside them, "Unavailable" was cut at 390 px.
                legend=alt.Legend(
                    title=f"{SCENARIOS[scenario]}:",
                    orient="top",
                    direction="horizontal",
                    titleOrient="top",
                    titleLimit=0,
                    labelLimit=0,
                    columnPadding=14,
                ),
            ),
            opacity=(
                alt.condition("datum.selected", alt.value(1.0), alt.value(0.6))
                if selected
                else alt.value(1.0)
            ),
            stroke=alt.condition(
                "datum.selected", alt.value(PALETTE["selected"]), alt.value(PALETTE["border"])
            ),
            strokeWidth=alt.condition("datum.selected", alt.value(1.2), alt.value(0.5)),
            order=alt.Order("emphasis:Q"),
            tooltip=[
                alt.Tooltip("label:N", title="Country"),
                alt.Tooltip("status_label:N", title="Status"),
                alt.Tooltip("reason:N", title="Why"),
                alt.Tooltip("audience:N", title="Estimated audience"),
                alt.Tooltip("targeted:N", title="Your targets"),
            ],
        )
        .project(type=projection)
    )
    ocean = (
        alt.Chart(alt.sphere())
        .mark_geoshape(fill=PALETTE["ocean"], stroke=PALETTE["grid"], strokeWidth=0.5, aria=False)
        .project(type=projection)
    )
    chart = alt.layer(ocean, countries).properties(height=MAP_HEIGHT)
    return themed(chart)


@lru_cache(maxsize=32)
def _map_spec(
    scenario: str, selected: tuple[str, ...], world_url: str, lookup_url: str
) -> dict[str, Any]:
    return spec_of(rollout_map(scenario, selected, world_url, lookup_url))


def rollout_map_spec(
    scenario: str = DEFAULT_SCENARIO,
    selected: tuple[str, ...] = (),
    world_url: str = "",
    lookup_url: str = "",
) -> dict:
    """`rollout_map(...).to_dict()`, cached: the Vega-Lite spec for `st.vega_lite_chart`.

    Built once per (scenario, selection) without Altair's schema validation (`spec_of`):
    `st.altair_chart` would pay both on every rerun; the page shows this instead.
    Returns a shallow copy, so a caller may set top-level keys without touching the cache.
    """
    return dict(_map_spec(scenario, tuple(selected), world_url, lookup_url))
