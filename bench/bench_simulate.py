"""Benchmark of the engagement model against the floor of plain numpy binomial draws.

The standard scenario: 90 days, every country available at launch in the catalog (161),
1,000 runs, $1,000 a day split by audience, the default Send Message ad with its business
hours: about 14.5M (run, day, country) cells.

The floor: numpy drawing one binomial per cell, `rng.binomial(impressions, ctr)` with the
scenario's own expected impressions and CTR per day and country, in the same process,
right after the engine. That is the cost of drawing only the taps the plain way; the engine
also prices, paces, saturates reach and draws conversations and leads.

Targets: the engine within 3× the floor and under 1.5 s on this 2-core machine.
Run: `.venv/bin/python bench/bench_simulate.py`. Always exits 0: it is a report.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from components.forecast import (
    CampaignInputs,
    MarketInputs,
    default_params,
    engine,
    simulate_campaign,
)

DAYS = 90
START = dt.date(2026, 3, 2)
RUNS = 1000
DAILY_BUDGET = 1000.0
TARGET_RATIO = 3.0
TARGET_SECONDS = 1.5
REPEATS = 5


def _standard_ad():
    from components.campaign.model import default_campaign
    from components.forecast import standard_scenario_ad

    return standard_scenario_ad(default_campaign(), runs=RUNS, days=DAYS)


def standard_market() -> MarketInputs:
    """Every country available at launch, from the catalog, as the Engagement page builds it:
    published or rule CPMs, audience estimates, the budget split by audience."""
    from components.forecast import market_inputs

    return market_inputs(_standard_ad(), START)


def standard_campaign(runs: int = RUNS) -> CampaignInputs:
    """The default sample ad (Send Message, its business hours in Lagos, 15-minute replies),
    $1,000 a day for 90 days."""
    from dataclasses import replace

    from components.forecast import campaign_inputs

    return replace(campaign_inputs(_standard_ad(), START), runs=runs)


def _floor_parameters(market: MarketInputs, campaign: CampaignInputs) -> tuple:
    """Expected impressions and CTR per (day, country), broadcast over the runs."""
    share = market.budget_share / market.budget_share.sum()
    impressions = np.rint(campaign.daily_budget * share / market.cpm_usd * 1000)
    countries = len(market.codes)
    n = np.broadcast_to(impressions.astype(np.int64), (campaign.runs, campaign.days, countries))
    p = np.broadcast_to(np.full(countries, default_params().value("ctr_median")), n.shape)
    return n, p


@contextmanager
def _threads(count: int) -> Iterator[None]:
    """Run the engine on `count` threads inside the block (results do not change)."""
    saved = engine.MAX_THREADS
    engine.MAX_THREADS = count
    try:
        yield
    finally:
        engine.MAX_THREADS = saved


def run(repeats: int = REPEATS) -> dict[str, float | int | bool]:
    """Time the engine and the floor, alternately, and return the numbers.

    Alternating puts both under the same load when the machine is shared; the best of
    `repeats` is the usual estimate of the cost itself, the median is reported too.
    """
    market, campaign = standard_market(), standard_campaign()
    simulate_campaign(market, standard_campaign(runs=10))  # build the tables once
    n, p = _floor_parameters(market, campaign)
    rng = np.random.default_rng(0)
    engine, floor = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        result = simulate_campaign(market, campaign)
        engine.append(time.perf_counter() - start)
        del result
        start = time.perf_counter()
        draws = rng.binomial(n, p)
        floor.append(time.perf_counter() - start)
        del draws
    # For transparency: the engine on one thread, and the cheapest binomial numpy offers
    # (one scalar n and p for every cell, the median country's).
    serial = []
    with _threads(1):
        for _ in range(max(1, repeats // 2)):
            start = time.perf_counter()
            result = simulate_campaign(market, campaign)
            serial.append(time.perf_counter() - start)
            del result
    scalar = []
    for _ in range(max(1, repeats // 2)):
        start = time.perf_counter()
        ctr = default_params().value("ctr_median")
        draws = rng.binomial(int(np.median(n[0])), ctr, size=n.shape)
        scalar.append(time.perf_counter() - start)
        del draws
    seconds, floor_seconds = min(engine), min(floor)
    ratio = seconds / floor_seconds
    return {
        "cells": campaign.runs * campaign.days * len(market.codes),
        "runs": campaign.runs,
        "days": campaign.days,
        "countries": len(market.codes),
        "cores": os.cpu_count() or 1,
        "repeats": repeats,
        "engine_seconds": seconds,
        "engine_median_seconds": float(np.median(engine)),
        "floor_seconds": floor_seconds,
        "floor_median_seconds": float(np.median(floor)),
        "ratio": ratio,
        "engine_one_thread_seconds": min(serial),
        "scalar_floor_seconds": min(scalar),
        "ratio_one_thread_to_scalar_floor": min(serial) / min(scalar),
        "target_ratio": TARGET_RATIO,
        "target_seconds": TARGET_SECONDS,
        "passed": ratio <= TARGET_RATIO and seconds <= TARGET_SECONDS,
    }


def report(numbers: dict[str, float | int | bool]) -> str:
    """The numbers as a few lines of text."""
    verdict = "PASS" if numbers["passed"] else "FAIL"
    return "\n".join(
        [
            f"scenario: {numbers['runs']} runs × {numbers['days']} days × "
            f"{numbers['countries']} countries = {numbers['cells']:,} cells "
            f"({numbers['cores']} cores)",
            f"engine: {numbers['engine_seconds']:.3f} s best of {numbers['repeats']} "
            f"(median {numbers['engine_median_seconds']:.3f} s)",
            f"floor, numpy binomial per cell: {numbers['floor_seconds']:.3f} s "
            f"(median {numbers['floor_median_seconds']:.3f} s)",
            f"ratio engine / floor: {numbers['ratio']:.2f} "
            f"(target ≤ {numbers['target_ratio']:.0f}×, engine ≤ {numbers['target_seconds']} s)",
            f"engine on one thread: {numbers['engine_one_thread_seconds']:.3f} s; cheapest "
            f"floor (scalar n, p): {numbers['scalar_floor_seconds']:.3f} s; ratio "
            f"{numbers['ratio_one_thread_to_scalar_floor']:.2f}",
            f"{verdict}",
        ]
    )


def year_forecast(repeats: int = 3) -> dict[str, float | int]:
    """A 365-day forecast of every launch country, as the Engagement page runs it (the runs
    reduced to the page's cell bound), and its headline figures: seconds, best and median."""
    from dataclasses import replace

    from components.campaign.model import default_campaign
    from components.forecast import bounded_runs, forecast, headline_metrics, launch_countries

    ad = replace(default_campaign(), countries=launch_countries(), days=365, budget=1000.0)
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        headline_metrics(forecast(ad))
        seconds.append(time.perf_counter() - start)
    return {
        "runs": bounded_runs(ad),
        "countries": len(ad.countries),
        "best": min(seconds),
        "median": float(np.median(seconds)),
    }


def year_report(numbers: dict[str, float | int]) -> str:
    """The year-long forecast's timing in one line (target: under 5 s)."""
    verdict = "PASS" if numbers["median"] < 5 else "FAIL"
    return (
        f"365 days × {numbers['countries']} countries × {numbers['runs']} runs (the page's "
        f"bound), forecast and headline: {numbers['best']:.2f} s best, "
        f"{numbers['median']:.2f} s median (target < 5 s) {verdict}"
    )


if __name__ == "__main__":
    print("Engagement model (components/forecast/engine.py), standard scenario")
    print(report(run()))
