"""Benchmark of the Engagement charts' Vega-Lite specs (issue #18 item 3).

For each chart of the Engagement views (the default ad, 28 days in three countries) and the
Targeting map, measured interleaved, repeat by repeat, so the ratios hold on a busy machine:

- validated: `chart.to_dict()` of a built chart, Altair's validation on;
- unvalidated: `charts.spec_of(chart)`, validation off (the tests validate every kind once);
- built: the chart built in Altair from the data, then `spec_of` (the page's path before
  templates);
- filled: `<chart>_spec(...)`, the page's path now: the rows and numbers put into a cached
  template (`render.chart_templates`);
- floor: `json.dumps` of the spec, the serialisation every spec pays anyway on its way to
  the browser.

Then every view of a 365-day forecast of every launch country, as the page builds it
(`build_view`), first and warm (the issue's goal: none over 100 ms).

Run: `.venv/bin/python -m bench.bench_chart_specs` (part 2c of `make bench`). Always exits 0: it
is a report.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from components.campaign.model import default_campaign
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
from components.render.charts import rollout_map, spec_of

REPEATS = 9


def charts() -> dict[str, tuple[Any, Any, tuple]]:
    """Every kind of chart the app draws: (Altair builder, template builder or None, its
    arguments), from one forecast."""
    ad = replace(default_campaign(), countries=("NG", "GH", "KE"), days=28, runs=500)
    result = forecast(ad)
    table, label = by_country(result), result.result_label
    pair = compare_buttons(ad)
    leads = {name: metric_totals(res, "leads", (1, 2)) for name, res in pair.items()}
    daily = daily_quantiles(result, "conversations")
    return {
        "daily": (fc.daily_band_chart, fc.daily_band_spec, (daily, label)),
        "funnel": (fc.funnel_chart, fc.funnel_spec, (funnel_steps(result),)),
        "by country": (fc.country_chart, fc.country_spec, (table, label, "NGN")),
        "cost by country": (fc.country_cost_chart, fc.country_cost_spec, (table, label, "NGN")),
        "results map": (fc.results_map, fc.results_map_spec, (table, label, "/media/w.json")),
        "hours": (fc.hour_heatmap, fc.hour_heatmap_spec, (result.hourly_taps, "Taps")),
        "budget": (
            fc.spend_curve_chart,
            fc.spend_curve_spec,
            (spend_curve(ad), ad.budget, label, "NGN"),
        ),
        "message vs call": (fc.ab_chart, fc.ab_spec, (leads, "Leads")),
        "rollout map": (
            rollout_map.__wrapped__,
            None,
            ("launch", ("NG",), "/w.json", "/l.json"),
        ),
    }


def _seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


COLUMNS = ("validated", "unvalidated", "built", "filled", "floor")


def run(repeats: int = REPEATS) -> dict[str, dict[str, float]]:
    """Median seconds per chart in each of `COLUMNS` (NaN where a chart has no template)."""
    figures = {}
    for name, (build, filled, args) in charts().items():
        chart = build(*args)
        spec = spec_of(chart)  # warm
        if filled is not None:
            filled(*args)  # the template, built once
        times: dict[str, list[float]] = {key: [] for key in COLUMNS}
        for _ in range(repeats):
            times["validated"].append(_seconds(lambda c=chart: c.to_dict()))
            times["unvalidated"].append(_seconds(lambda c=chart: spec_of(c)))
            times["built"].append(_seconds(lambda b=build, a=args: spec_of(b(*a))))
            if filled is not None:
                times["filled"].append(_seconds(lambda f=filled, a=args: f(*a)))
            times["floor"].append(_seconds(lambda s=spec: json.dumps(s)))
        figures[name] = {
            key: statistics.median(values) if values else float("nan")
            for key, values in times.items()
        }
    return figures


def all_country_views() -> dict[str, tuple[float, float]]:
    """Seconds to build each Engagement view of a 365-day forecast of every launch country:
    (first, median of the next four), as the page builds it."""
    from components.render.forecast_views import VIEWS, build_view
    from components.world.regions import load_catalog, rollout_status

    codes = tuple(c for c in load_catalog() if rollout_status(c, "launch").status == "available")
    ad = replace(default_campaign(), countries=codes, days=365, seed=11)
    result, curve, pair = forecast(ad), spend_curve(ad), compare_buttons(ad)
    times = {}
    for view in VIEWS:
        runs = [
            _seconds(lambda v=view: build_view(v, result, "NGN", "", ad.budget, curve, pair))
            for _ in range(5)
        ]
        times[view] = (runs[0], statistics.median(runs[1:]))
    return times


def report(figures: dict[str, dict[str, float]]) -> str:
    """The figures as a table, with the totals over every chart that has a template."""
    lines = [
        f"{'chart':<16} {'validated':>10} {'unvalidated':>12} {'built':>9} {'filled':>9} "
        f"{'json floor':>11}  filled / built"
    ]
    for name, row in figures.items():
        lines.append(_line(name, row))
    templated = [row for row in figures.values() if row["filled"] == row["filled"]]
    total = {key: sum(row[key] for row in templated) for key in COLUMNS}
    lines.append(_line("all templated", total))
    return "\n".join(lines)


def _line(name: str, row: dict[str, float]) -> str:
    def ms(key: str) -> str:
        value = row[key]
        return "—" if value != value else f"{value * 1000:.1f} ms"

    ratio = row["filled"] / row["built"] if row["filled"] == row["filled"] else float("nan")
    shown = "—" if ratio != ratio else f"{ratio:.2f}×"
    return (
        f"{name:<16} {ms('validated'):>10} {ms('unvalidated'):>12} {ms('built'):>9} "
        f"{ms('filled'):>9} {row['floor'] * 1000:8.2f} ms  {shown}"
    )


def views_report(times: dict[str, tuple[float, float]]) -> str:
    """One line per view of the all-country forecast."""
    shown = ", ".join(
        f"{view} {first * 1000:.0f} / {warm * 1000:.0f} ms" for view, (first, warm) in times.items()
    )
    slowest = max(first for first, _ in times.values())
    return (
        f"views of a 365-day forecast of every launch country, first / warm: {shown}; "
        f"slowest {slowest * 1000:.0f} ms (goal: under 100 ms)"
    )


if __name__ == "__main__":
    print(report(run()))
    print(views_report(all_country_views()))
