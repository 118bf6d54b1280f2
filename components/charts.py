"""Altair chart builders, and the one place the charts' look is decided (pure; no Streamlit).

- ``STATUS_COLORS``, ``PALETTE`` and ``base_theme()``: colours, fonts and chart config that every
  chart of the studio reuses (``themed(chart)`` applies them). The rollout colours come from the
  Okabe–Ito palette, which stays distinct for the common kinds of colour blindness.
- ``rollout_map(scenario, selected)``: the world as a choropleth of where the ad unit runs in a
  scenario, the selected countries emphasised, with tooltips. The map is the TopoJSON shipped in
  ``sample_data/`` inlined into the spec, so the browser never fetches anything.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import altair as alt

from components.regions import (
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


def base_theme() -> dict[str, Any]:
    """Vega-Lite config shared by every chart of the studio (pass to ``chart.configure``)."""
    return {
        "font": FONT,
        "background": PALETTE["background"],
        "view": {"stroke": None},
        "axis": {
            "labelColor": PALETTE["muted"],
            "titleColor": PALETTE["text"],
            "gridColor": PALETTE["grid"],
            "domainColor": PALETTE["grid"],
            "tickColor": PALETTE["grid"],
            "labelFontSize": 12,
            "titleFontSize": 12,
            "titleFontWeight": 600,
        },
        "legend": {
            "labelColor": PALETTE["text"],
            "titleColor": PALETTE["text"],
            "labelFontSize": 13,
            "titleFontSize": 13,
            "titleFontWeight": 600,
            "symbolSize": 180,
            "symbolStrokeWidth": 0,
        },
        "title": {"color": PALETTE["text"], "fontSize": 15, "anchor": "start"},
        "range": {"category": list(CATEGORY_COLORS)},
    }


def themed(chart: alt.TopLevelMixin) -> Any:
    """The chart with the studio's look applied."""
    return chart.configure(**base_theme())


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

    from components.targeting import format_range

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
            emphasis="datum.selected ? 1 : 0", targeted="datum.selected ? 'Yes' : 'No'"
        )
        .mark_geoshape()
        .encode(
            color=alt.Color(
                "status_label:N",
                scale=status_scale(),
                legend=alt.Legend(
                    title=f"{SCENARIOS[scenario]}:",
                    orient="top",
                    direction="horizontal",
                    titleOrient="left",
                    titleLimit=0,
                    labelLimit=0,
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
                alt.Tooltip("targeted:N", title="In your targets"),
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
    return rollout_map(scenario, selected, world_url, lookup_url).to_dict()


def rollout_map_spec(
    scenario: str = DEFAULT_SCENARIO,
    selected: tuple[str, ...] = (),
    world_url: str = "",
    lookup_url: str = "",
) -> dict:
    """`rollout_map(...).to_dict()`, cached: the Vega-Lite spec for `st.vega_lite_chart`.

    Altair validates a spec against the Vega-Lite schema on every `to_dict()` (about 50 ms for
    the map), which `st.altair_chart` would pay on every rerun; the page shows this instead.
    Returns a shallow copy, so a caller may set top-level keys without touching the cache.
    """
    return dict(_map_spec(scenario, tuple(selected), world_url, lookup_url))
