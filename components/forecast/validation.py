"""Where the forecast lands against published outcomes (sample_data/benchmarks.csv).

Each row names a published figure as a range and the scenario it is checked in (a metric,
a country, a button). The check runs the real forecast of a small standard campaign and
says whether its median lands inside the range. The rows are outcomes (what advertisers
saw: CPM, CTR, cost per lead, frequency, answered calls, the lift of scheduling), not the
model's inputs, so a parameter that moved a prediction away from the published world
shows here. `make bench` prints the report; the Model page shows it; a test requires every
row inside.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Final

import numpy as np

from components import SAMPLE_DATA
from components.campaign.hours import BusinessHours
from components.campaign.model import Campaign, default_campaign
from components.forecast.inputs import forecast
from components.forecast.params import ModelParams, default_params
from components.forecast.summaries import summary

BENCHMARKS_CSV: Final = SAMPLE_DATA / "benchmarks.csv"
START: Final = date(2026, 3, 2)  # a Monday in a month near the year's average price
DAYS: Final = 28
RUNS: Final = 300
BUDGET_USD: Final = 50.0
# A large US city for the city-radius check (GeoNames id of New York City).
US_CITY: Final = "5128581"
US_CITY_RADIUS_KM: Final = 25
OFFICE_HOURS: Final = BusinessHours(
    timezone="America/New_York",
    weekly=tuple((("09:00", "17:00"),) if day < 5 else () for day in range(7)),
)


@dataclass(frozen=True)
class Benchmark:
    """One published figure and the scenario it is checked in."""

    check: str
    metric: str
    country: str
    cta: str
    low: float
    high: float
    unit: str
    source: str
    note: str


@dataclass(frozen=True)
class Check:
    """A benchmark and where the forecast's median landed."""

    benchmark: Benchmark
    median: float

    @property
    def inside(self) -> bool:
        """Whether the median lies in the published range."""
        return self.benchmark.low <= self.median <= self.benchmark.high


@cache
def load_benchmarks(path: Path = BENCHMARKS_CSV) -> tuple[Benchmark, ...]:
    """The table of published figures."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        Benchmark(
            check=row["check"],
            metric=row["metric"],
            country=row["country"],
            cta=row["cta"],
            low=float(row["low"]),
            high=float(row["high"]),
            unit=row["unit"],
            source=row["source"],
            note=row["note"],
        )
        for row in rows
    )


def scenario(benchmark: Benchmark, base: Campaign | None = None) -> Campaign:
    """The campaign a benchmark is checked in: the sample ad, in one country (or a US
    city radius), $50 a day for four weeks from a Monday in March, a 15-minute reply."""
    ad = base or default_campaign()
    country = benchmark.country.split("-")[0]
    changes: dict = {
        "countries": (country,),
        "cta": benchmark.cta,
        "budget": BUDGET_USD,
        "days": DAYS,
        "runs": RUNS,
        "seed": 11,
        "start": START,
        "reply_minutes": 15.0,
        "scenario": "launch",
        "schedule_hours": False,
        "city": "",  # the whole country, unless the row is a city's
    }
    if benchmark.metric in ("answered_share", "schedule_lift") or country == "US":
        changes["hours"] = OFFICE_HOURS
    if benchmark.country.endswith("-city"):
        changes.update(city=US_CITY, radius_km=US_CITY_RADIUS_KM)
    return replace(ad, **changes)


def _median(values: np.ndarray) -> float:
    return float(np.median(values))


def measure(benchmark: Benchmark, params: ModelParams | None = None) -> float:
    """The forecast's median of the benchmark's metric in its scenario."""
    params = params or default_params()
    ad = scenario(benchmark)
    result = forecast(ad, params)
    totals = summary(result)
    metric = benchmark.metric
    if metric == "cpm":
        return totals["CPM"].p50
    if metric == "ctr":
        return totals["CTR"].p50
    if metric == "cost_per_lead":
        return totals["Cost per lead"].p50
    if metric == "weekly_frequency":
        # The frequency of the first week, as Ads Manager's 7-day column would show it.
        week = replace(ad, days=7)
        return summary(forecast(week, params))["Frequency"].p50
    if metric == "answered_share":
        placed = result.conversations.sum(axis=(1, 2))
        missed = result.missed_calls.sum(axis=(1, 2))
        return _median((placed - missed) / np.maximum(placed, 1))
    if metric == "schedule_lift":
        # Meta counts a call ad's conversions as calls placed.
        scheduled = summary(forecast(replace(ad, schedule_hours=True), params))
        return scheduled["Calls"].p50 / max(totals["Calls"].p50, 1e-9) - 1
    raise ValueError(f"unknown benchmark metric {metric!r}")


def run_checks(params: ModelParams | None = None) -> list[Check]:
    """Every benchmark with the forecast's median."""
    return [Check(b, measure(b, params)) for b in load_benchmarks()]


def _show(value: float, unit: str) -> str:
    if unit.startswith("share") or unit.startswith("more"):
        return f"{value:.0%}"
    if unit.startswith("taps"):
        return f"{value:.2%}"
    return f"{value:,.2f}"


def check_rows(checks: list[Check]) -> list[dict[str, str]]:
    """The checks as rows of text, for the Model page and the report."""
    return [
        {
            "Published figure": c.benchmark.check,
            "Published range": f"{_show(c.benchmark.low, c.benchmark.unit)} – "
            f"{_show(c.benchmark.high, c.benchmark.unit)}",
            "Forecast (median)": _show(c.median, c.benchmark.unit),
            "Verdict": "inside" if c.inside else "outside",
            "Unit": c.benchmark.unit,
            "Source": c.benchmark.source,
            "Note": c.benchmark.note,
        }
        for c in checks
    ]


def report(checks: list[Check]) -> str:
    """The checks as plain text lines."""
    lines = []
    for c in checks:
        b = c.benchmark
        lines.append(
            f"{'inside ' if c.inside else 'OUTSIDE'}  {b.check}: forecast "
            f"{_show(c.median, b.unit)}, published {_show(b.low, b.unit)}–{_show(b.high, b.unit)}"
            f" ({b.source})"
        )
    inside = sum(c.inside for c in checks)
    lines.append(f"{inside} of {len(checks)} inside the published ranges")
    return "\n".join(lines)
