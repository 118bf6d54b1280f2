"""Benchmark of turning the app's Altair charts into Vega-Lite specs, with and without
Altair's per-call schema validation (issue #18 item 3).

The app builds specs with `charts.spec_of` (`to_dict(validate=False)`); the tests validate
every kind of spec once instead (tests/render/test_chart_specs.py). For each chart of the
Engagement views (the default ad, 28 days in three countries) and the Targeting map:

- validated: `chart.to_dict()`, validation on, as before;
- unvalidated: `charts.spec_of(chart)`, as the app runs it;
- floor: `json.dumps` of the spec, the serialisation every spec pays anyway on its way to
  the browser, measured in the same run (interleaved, repeat by repeat), so the ratios hold
  on a busy or a different machine.

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


def charts() -> dict[str, Any]:
    """Every kind of chart the app draws, built from one forecast."""
    ad = replace(default_campaign(), countries=("NG", "GH", "KE"), days=28, runs=500)
    result = forecast(ad)
    table, label = by_country(result), result.result_label
    pair = compare_buttons(ad)
    leads = {name: metric_totals(res, "leads", (1, 2)) for name, res in pair.items()}
    return {
        "daily": fc.daily_band_chart(daily_quantiles(result, "conversations"), label),
        "funnel": fc.funnel_chart(funnel_steps(result)),
        "by country": fc.country_chart(table, label, "NGN"),
        "cost by country": fc.country_cost_chart(table, label, "NGN"),
        "results map": fc.results_map(table, label, "/media/world.json"),
        "hours": fc.hour_heatmap(result.hourly_taps, "Taps"),
        "budget": fc.spend_curve_chart(spend_curve(ad), ad.budget, label, "NGN"),
        "message vs call": fc.ab_chart(leads, "Leads"),
        "rollout map": rollout_map.__wrapped__("launch", ("NG",), "/w.json", "/l.json"),
    }


def _seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run(repeats: int = REPEATS) -> dict[str, dict[str, float]]:
    """Median seconds per chart: validated, unvalidated, and the json floor."""
    built = charts()
    figures = {}
    for name, chart in built.items():
        spec = spec_of(chart)  # warm
        times: dict[str, list[float]] = {"validated": [], "unvalidated": [], "floor": []}
        for _ in range(repeats):
            times["validated"].append(_seconds(lambda c=chart: c.to_dict()))
            times["unvalidated"].append(_seconds(lambda c=chart: spec_of(c)))
            times["floor"].append(_seconds(lambda s=spec: json.dumps(s)))
        figures[name] = {key: statistics.median(values) for key, values in times.items()}
    return figures


def report(figures: dict[str, dict[str, float]]) -> str:
    """The figures as a table, with the totals over every chart."""
    lines = [f"{'chart':<16} {'validated':>10} {'unvalidated':>12} {'json floor':>11}  ratios"]
    total = {"validated": 0.0, "unvalidated": 0.0, "floor": 0.0}
    for name, row in figures.items():
        for key in total:
            total[key] += row[key]
        lines.append(_line(name, row))
    lines.append(_line("all", total))
    saved = 1 - total["unvalidated"] / total["validated"]
    lines.append(f"skipping validation saves {saved:.0%} of the to_dict time")
    return "\n".join(lines)


def _line(name: str, row: dict[str, float]) -> str:
    floor = row["floor"]
    return (
        f"{name:<16} {row['validated'] * 1000:8.1f} ms {row['unvalidated'] * 1000:9.1f} ms "
        f"{floor * 1000:8.2f} ms  {row['validated'] / floor:5.0f}× / "
        f"{row['unvalidated'] / floor:4.0f}× the floor"
    )


if __name__ == "__main__":
    print(report(run()))
