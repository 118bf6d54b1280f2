"""From an AdSpec to the engine's inputs, and the forecast itself.

The engine (`simulate`) knows nothing of ads or countries; this module supplies the country
figures from the catalog (CPM rule, audience, rollout in the scenario, local time), the
budget split from targeting, and the creative and hours from the ad.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from components.ad import CTA_LABELS, AdSpec
from components.assumptions import base_cpm, creative_factor
from components.hours import valid_timezone, weekly_mask
from components.money import format_money
from components.regions import audience_estimate, get_country, load_catalog, rollout_status
from components.simulate import (
    CampaignInputs,
    MarketInputs,
    SimulationResult,
    simulate_campaign,
    spend_response_curve,
    summary,
)
from components.targeting import budget_split, format_count


def default_start(today: date | None = None) -> date:
    """The Monday after `today`: a forecast starts on a whole week."""
    today = today or date.today()
    return today + timedelta(days=7 - today.weekday())


def _utc_offset(timezone: str, on: date) -> float:
    if not valid_timezone(timezone):
        return 0.0
    moment = datetime(on.year, on.month, on.day, 12, tzinfo=ZoneInfo(timezone))
    offset = moment.utcoffset()
    return offset.total_seconds() / 3600 if offset else 0.0


def market_inputs(ad: AdSpec, start: date) -> MarketInputs:
    """The targeted countries as the engine sees them (unknown codes are left out)."""
    codes = tuple(code for code in ad.countries if get_country(code))
    countries = [get_country(code) for code in codes]
    split = budget_split(ad)
    total = sum(split.values())
    shares = np.array([split.get(code, 0.0) / total if total else 0.0 for code in codes])
    return MarketInputs(
        codes=codes,
        cpm_usd=np.array([base_cpm(c.alpha2, c.income_tier, c.continent) for c in countries]),
        audience=np.array([audience_estimate(code) for code in codes], dtype=float),
        budget_share=shares,
        delivers=np.array(
            [rollout_status(code, ad.scenario).status == "available" for code in codes],
            dtype=bool,
        ),
        utc_offset_hours=np.array([_utc_offset(c.timezone, start) for c in countries]),
    )


def campaign_inputs(ad: AdSpec, start: date) -> CampaignInputs:
    """The campaign settings, creative and business hours as the engine sees them."""
    return CampaignInputs(
        cta=ad.cta,
        daily_budget=float(ad.budget),
        days=int(ad.days),
        start=start,
        runs=int(ad.runs),
        seed=int(ad.seed),
        reply_minutes=float(ad.reply_minutes),
        schedule_to_hours=bool(ad.schedule_hours and ad.cta == "call"),
        hours_mask=weekly_mask(ad.hours),
        creative_ctr_factor=creative_factor(
            len(ad.text), len(ad.headline), len(ad.description), ad.image is not None
        ),
        business_utc_offset_hours=_utc_offset(ad.hours.timezone, start),
    )


def forecast(ad: AdSpec) -> SimulationResult:
    """Simulate the campaign the ad describes."""
    start = ad.start or default_start()
    return simulate_campaign(market_inputs(ad, start), campaign_inputs(ad, start))


def launch_countries(scenario: str = "launch") -> tuple[str, ...]:
    """Every country where the unit is available in the scenario."""
    return tuple(
        code for code in load_catalog() if rollout_status(code, scenario).status == "available"
    )


def standard_scenario_ad(base: AdSpec, runs: int = 1000, days: int = 90) -> AdSpec:
    """The benchmark's standard scenario: every country available at launch, 90 days."""
    return replace(base, countries=launch_countries(), days=days, runs=runs, budget=1000.0)


# ---- what the Engagement page shows ------------------------------------------------------

MONEY_METRICS = {"Spend", "CPM", "Cost per conversation", "Cost per call", "Cost per lead"}


@dataclass(frozen=True)
class HeadlineMetric:
    """One headline figure: the median, and its p10–p90 range, as text."""

    label: str
    value: str
    range: str
    help: str


def _format(label: str, value: float, currency: str) -> str:
    if label in MONEY_METRICS:
        return format_money(value, currency, compact=True)
    if value != value or value in (float("inf"), float("-inf")):
        return "—"
    if label == "CTR":
        return f"{value:.2%}"
    return format_count(value) if value >= 10_000 else f"{value:,.0f}"


def headline_metrics(result: SimulationResult, currency: str = "USD") -> list[HeadlineMetric]:
    """The page's headline figures, labelled as architecture.md's public contract says."""
    totals = summary(result)
    labels = ["Spend", "Impressions", "CPM", "Clicks", "CTR", result.result_label,
              result.cost_label, "Leads"]  # fmt: skip
    helps = {
        "Spend": "Amount spent over the campaign (never above the budget).",
        "Impressions": "Times the ad was shown.",
        "CPM": "Cost per 1,000 impressions.",
        "Cost per conversation": "Spend divided by conversations started.",
        "Cost per call": "Spend divided by calls answered.",
        "Clicks": "Taps on the ad's button.",
        "CTR": "Taps per impression.",
        "Conversations started": "Chats in which the person sent the first message.",
        "Calls": "Calls that reached someone in business hours.",
        "Leads": "Conversations or calls that became a qualified lead.",
    }
    metrics = []
    for label in labels:
        q = totals[label]
        metrics.append(
            HeadlineMetric(
                label=label,
                value=_format(label, q.p50, currency),
                range=f"{_format(label, q.p10, currency)} – {_format(label, q.p90, currency)}",
                help=f"{helps[label]} Median of the simulated runs; simulated, not Meta's.",
            )
        )
    return metrics


def funnel_steps(result: SimulationResult) -> pd.DataFrame:
    """Median counts of each funnel step and the rate from the step before."""
    totals = summary(result)
    steps = [("Impressions", "Impressions"), ("Clicks", "Taps")]
    steps += [(result.result_label, result.result_label), ("Leads", "Leads")]
    counts = [totals[key].p50 for key, _ in steps]
    rates = [float("nan")] + [
        (count / previous if previous else float("nan")) for previous, count in pairwise(counts)
    ]
    return pd.DataFrame({"step": [name for _, name in steps], "count": counts, "rate": rates})


def daily_by_country_csv(result: SimulationResult) -> bytes:
    """Daily p10/p50/p90 per country of spend, impressions, clicks, results and leads (CSV)."""
    columns: dict[str, Any] = {}
    days, countries = len(result.dates), len(result.codes)
    columns["date"] = np.repeat(np.asarray(result.dates).astype("datetime64[D]").astype(str),
                                countries)  # fmt: skip
    columns["country"] = np.tile(np.asarray(result.codes), days)
    for name, array in (
        ("spend_usd", result.spend),
        ("impressions", result.impressions),
        ("clicks", result.clicks),
        ("results", result.conversations),
        ("leads", result.leads),
    ):
        quantiles = np.quantile(array, [0.1, 0.5, 0.9], axis=0)  # (3, days, countries)
        for label, values in zip(("p10", "p50", "p90"), quantiles, strict=True):
            columns[f"{name}_{label}"] = np.round(values.reshape(-1), 4)
    frame = pd.DataFrame(columns)
    frame.insert(2, "result", result.result_label)
    return frame.to_csv(index=False).encode("utf-8")


def summary_json(result: SimulationResult, ad: AdSpec) -> bytes:
    """The campaign totals and the inputs that produced them (JSON)."""
    totals = {
        label: {"p10": _finite(q.p10), "p50": _finite(q.p50), "p90": _finite(q.p90)}
        for label, q in summary(result).items()
    }
    document = {
        "simulated": True,
        "note": "Simulated by Button Ad Studio from published benchmarks and stated "
        "assumptions; not a prediction from Meta.",
        "business": ad.business,
        "button": ad.cta_label,
        "countries": list(result.codes),
        "delivering": [c for c, d in zip(result.codes, result.market.delivers, strict=True) if d],
        "scenario": ad.scenario,
        "daily_budget_usd": ad.budget,
        "days": ad.days,
        "start": str(result.campaign.start),
        "runs": ad.runs,
        "seed": ad.seed,
        "reply_minutes": ad.reply_minutes,
        "totals": totals,
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _finite(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None


def spend_curve(ad: AdSpec, points: int = 10, runs: int = 60) -> pd.DataFrame:
    """Expected results over a range of daily budgets around the chosen one."""
    start = ad.start or default_start()
    budgets = np.unique(np.round(np.geomspace(max(ad.budget, 1) / 10, max(ad.budget, 1) * 50,
                                              points), 2))  # fmt: skip
    return spend_response_curve(market_inputs(ad, start), campaign_inputs(ad, start), budgets, runs)


def compare_buttons(ad: AdSpec) -> dict[str, SimulationResult]:
    """The same campaign with each button, on the same random numbers (paired runs)."""
    return {CTA_LABELS[cta]: forecast(replace(ad, cta=cta)) for cta in ("message", "call")}


def cpm_table(scenario: str = "launch") -> pd.DataFrame:
    """Every country's base CPM and whether it is a published figure or the written rule."""
    from components.assumptions import CALIBRATED_CPM

    rows = []
    for country in load_catalog().values():
        rows.append(
            {
                "Country": f"{country.flag} {country.name}",
                "Code": country.alpha2,
                "Income tier": country.income_tier,
                "Region": country.continent,
                "Base CPM (USD)": round(
                    base_cpm(country.alpha2, country.income_tier, country.continent), 2
                ),
                "Basis": "published figure"
                if country.alpha2 in CALIBRATED_CPM
                else "rule: tier anchor × region factor",
                "Rollout": rollout_status(country.alpha2, scenario).label,
            }
        )
    return pd.DataFrame(rows)
