"""Benchmark of the engagement model against the floor of plain numpy binomial draws.

The standard scenario: 90 days, 190 countries all available at launch (a spread of CPMs
from the `base_cpm` rule and audiences from about 50 thousand to 380 million), 1,000
runs, $1,000 a day split by audience, a Send Message ad with business hours: 17.1M
(run, day, country) cells.

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

from components import simulate
from components.assumptions import CTR_MEDIAN, base_cpm
from components.simulate import CampaignInputs, MarketInputs, simulate_campaign

COUNTRIES = 190
DAYS = 90
RUNS = 1000
DAILY_BUDGET = 1000.0
TARGET_RATIO = 3.0
TARGET_SECONDS = 1.5
REPEATS = 5
REGIONS = ("Americas", "Europe", "Asia", "Africa", "Oceania")


def standard_market(countries: int = COUNTRIES) -> MarketInputs:
    """A fixed synthetic world: US, India and Brazil plus countries from the CPM rule."""
    rng = np.random.default_rng(2017)
    fixed = {"US": 1.9e8, "IN": 3.8e8, "BR": 1.2e8}
    others = countries - len(fixed)
    tiers = rng.choice([1, 2, 3], size=others, p=[0.3, 0.35, 0.35])
    regions = rng.choice(REGIONS, size=others)
    codes = (*fixed, *(f"X{i:03d}" for i in range(others)))
    cpm = [base_cpm(code, 1, "Americas") for code in fixed]
    cpm += [base_cpm("", int(t), str(r)) for t, r in zip(tiers, regions, strict=True)]
    audience = np.concatenate(
        [list(fixed.values()), np.clip(rng.lognormal(np.log(2e6), 1.6, others), 5e4, 1e8)]
    )
    offsets = np.concatenate([[-5.0, 5.5, -3.0], rng.integers(-20, 25, others) / 2])
    return MarketInputs(
        codes=codes,
        cpm_usd=np.array(cpm),
        audience=audience,
        budget_share=audience / audience.sum(),
        delivers=np.ones(countries, dtype=bool),
        utc_offset_hours=offsets,
    )


def standard_campaign(runs: int = RUNS) -> CampaignInputs:
    """Send Message, Mon–Sat 09:00–19:00 in the business's time (UTC−3), 15-minute replies."""
    hours = np.zeros((7, 24), dtype=bool)
    hours[:6, 9:19] = True
    return CampaignInputs(
        cta="message",
        daily_budget=DAILY_BUDGET,
        days=DAYS,
        start=dt.date(2025, 3, 1),
        runs=runs,
        seed=7,
        reply_minutes=15.0,
        hours_mask=hours,
        business_utc_offset_hours=-3.0,
    )


def _floor_parameters(market: MarketInputs, campaign: CampaignInputs) -> tuple:
    """Expected impressions and CTR per (day, country), broadcast over the runs."""
    share = market.budget_share / market.budget_share.sum()
    impressions = np.rint(campaign.daily_budget * share / market.cpm_usd * 1000)
    n = np.broadcast_to(impressions.astype(np.int64), (campaign.runs, campaign.days, COUNTRIES))
    p = np.broadcast_to(np.full(COUNTRIES, CTR_MEDIAN), n.shape)
    return n, p


@contextmanager
def _threads(count: int) -> Iterator[None]:
    """Run the engine on `count` threads inside the block (results do not change)."""
    saved = simulate.MAX_THREADS
    simulate.MAX_THREADS = count
    try:
        yield
    finally:
        simulate.MAX_THREADS = saved


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
        draws = rng.binomial(int(np.median(n[0])), CTR_MEDIAN, size=n.shape)
        scalar.append(time.perf_counter() - start)
        del draws
    seconds, floor_seconds = min(engine), min(floor)
    ratio = seconds / floor_seconds
    return {
        "cells": campaign.runs * campaign.days * COUNTRIES,
        "runs": campaign.runs,
        "days": campaign.days,
        "countries": COUNTRIES,
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


if __name__ == "__main__":
    print("Engagement model (components/simulate.py), standard scenario")
    print(report(run()))
