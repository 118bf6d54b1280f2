"""What each of the Engagement page's chart views shows, as ready Vega-Lite specs.

Each spec is filled from a cached template (`render.chart_templates`): Altair builds a
chart's shape once, a new forecast only brings its rows and numbers; the tests validate every
kind of spec once against the schema. The page also keeps the views this returns (per
forecast, view, option and currency), so a rerun only sends them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from components.forecast import (
    SimulationResult,
    by_country,
    compare,
    daily_quantiles,
    funnel_steps,
    metric_totals,
)
from components.render import forecast_charts as charts
from components.world.money import format_money

VIEWS = {
    "daily": "Over time",
    "funnel": "Funnel",
    "countries": "By country",
    "hours": "When people tap",
    "budget": "Budget",
    "ab": "Message vs Call",
}
DAILY_METRICS = ("conversations", "clicks", "impressions", "spend", "leads")


@dataclass(frozen=True)
class ChartView:
    """The specs of one view, figures to show above them, and a note. The first
    `side_by_side` specs share a row on a wide screen (and stack on a phone)."""

    specs: tuple[dict[str, Any], ...] = ()
    figures: tuple[tuple[str, str], ...] = ()
    note: str = ""
    empty: str = ""
    side_by_side: int = 0


def daily_metric_label(metric: str, result_label: str) -> str:
    """How the daily chart names a metric."""
    return result_label if metric == "conversations" else metric.title()


def build_view(
    view: str,
    result: SimulationResult,
    currency: str,
    option: str = "conversations",
    budget: float = 0.0,
    curve: Any = None,
    pair: dict[str, SimulationResult] | None = None,
    world_url: str = "",
) -> ChartView:
    """The chart view `view` of a forecast (`curve` for "budget", `pair` for "ab"); the
    "countries" map loads the world from `world_url` (inline without one)."""
    label = result.result_label
    if not result.market.active.any() and view != "ab":  # "ab" says it in its own words
        # A designed empty state, never a chart of zeros with a "NaN" axis.
        return ChartView(
            empty="Nothing delivers: no targeted country can show this ad in the chosen "
            "rollout scenario, so there is nothing to chart. Pick available countries on the "
            "Targeting page, or switch the scenario."
        )
    if view == "daily":
        metric = option if option in DAILY_METRICS else "conversations"
        money = currency if metric == "spend" else None
        spec = charts.daily_band_spec(
            daily_quantiles(result, metric), daily_metric_label(metric, label), money
        )
        return ChartView(specs=(spec,))
    if view == "funnel":
        return ChartView(specs=(charts.funnel_spec(funnel_steps(result)),))
    if view == "countries":
        table = by_country(result)
        cost = result.cost_label
        results = charts.country_spec(table, label, currency, cost)
        costs = charts.country_cost_spec(table, label, currency, cost)
        if results is None or costs is None:
            return ChartView(empty="Nothing delivers, so there is nothing to compare by country.")
        return ChartView(
            specs=(results, costs, charts.results_map_spec(table, label, world_url)),
            side_by_side=2,
        )
    if view == "hours":
        specs = [charts.hour_heatmap_spec(result.hourly_taps, "Taps")]
        if result.campaign.cta == "call":
            specs.append(charts.hour_heatmap_spec(result.hourly_missed, "Missed calls", "reds"))
        return ChartView(specs=tuple(specs))
    if view == "budget":
        spec = charts.spend_curve_spec(curve, budget, label, currency, result.cost_label)
        return ChartView(
            specs=(spec,),
            note="Results over the whole campaign at each daily budget, each budget simulated "
            "with fewer runs than the forecast above. Each extra amount reaches people who "
            "have seen the ad more often, so results grow more slowly than the budget.",
        )
    return _comparison_view(pair or {}, currency)


def _comparison_view(pair: dict[str, SimulationResult], currency: str) -> ChartView:
    """Message against Call: who likely gets more leads, how sure, and how long a real test
    would take to tell."""
    if len(pair) != 2:
        return ChartView(empty="No comparison: the forecast of both buttons is missing.")
    outcome = compare(pair)
    if outcome.chance_first is None:
        return ChartView(empty=f"No comparison: {outcome.reason}")
    first, second = outcome.names
    leads = {name: metric_totals(res, "leads", (1, 2)) for name, res in pair.items()}
    days = next(iter(pair.values())).campaign.days
    if outcome.days_to_decide is None:
        plan = "A real A/B test at this budget would not tell them apart within a year"
    else:
        plan = (
            f"A real A/B test (half the budget each) would tell them apart with 80% chance "
            f"in about {outcome.days_to_decide} days at this budget"
        )
    if outcome.budget_to_decide is not None:
        plan += (
            f", or within {days} days at about "
            f"{format_money(outcome.budget_to_decide, currency)} a day"
        )
    return ChartView(
        specs=(charts.ab_spec(leads, "Leads"),),
        figures=(
            (f"Chance {first} gets more leads", f"{outcome.chance_first:.0%}"),
            (f"Chance {second} gets more leads", f"{1 - outcome.chance_first:.0%}"),
            ("Verdict", outcome.verdict),
        ),
        note=f"{plan}. The chance comes from the model's uncertainty: the two buttons share "
        "the market (price, the creative's appeal, the audience) and each has its own "
        "uncertain funnel rates. Between 20% and 80% it is too close to call.",
    )
