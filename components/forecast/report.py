"""What the Engagement page shows of a forecast: headline figures, the funnel, the notes on
delivery and learning, and the two export files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd

from components.campaign.model import Campaign
from components.forecast.engine import SimulationResult
from components.forecast.summaries import (
    HEADLINE_LABELS,
    delivery_status,
    learning_status,
    summary,
)
from components.world.money import convert, format_money
from components.world.targeting import format_count

MONEY_METRICS = {"Spend", "CPM", "Cost per conversation", "Cost per call", "Cost per lead"}

_HELP = {
    "Spend": "Amount spent over the campaign: never above the budget, and less when the "
    "audience is too small to take it.",
    "Impressions": "Times the ad was shown.",
    "Reach": "People who saw the ad at least once.",
    "Frequency": "Impressions per person reached.",
    "CPM": "Cost per 1,000 impressions.",
    "Clicks": "Taps on the ad's button.",
    "CTR": "Taps per impression.",
    "Conversations started": "Chats in which the person sent the first message, before the "
    "business replies.",
    "Calls": "Calls placed from the ad, answered or not (counted before the business acts, "
    "like conversations started).",
    "Cost per conversation": "Spend divided by conversations started.",
    "Cost per call": "Spend divided by calls placed.",
    "Leads": "Conversations or calls that became a qualified lead after the business "
    "answered (a missed call can still become one when returned in time).",
    "Cost per lead": "Spend divided by leads.",
}


@dataclass(frozen=True)
class HeadlineMetric:
    """One headline figure: the median, and its p10–p90 range, as text ('' when the figure
    has no range: a ratio of nothing, when nothing delivers)."""

    label: str
    value: str
    range: str
    help: str


def _format(label: str, value: float, currency: str) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        return "—"
    if label in MONEY_METRICS:
        return format_money(value, currency, compact=True)
    if label == "CTR":
        return f"{value:.2%}"
    if label == "Frequency":
        return f"{value:.2f}"
    return format_count(value) if value >= 10_000 else f"{value:,.0f}"


def headline_metrics(result: SimulationResult, currency: str = "USD") -> list[HeadlineMetric]:
    """The page's headline figures, labelled as architecture.md's public contract says."""
    totals = summary(result)
    names = {"result": result.result_label, "result cost": result.cost_label}
    metrics = []
    for key in HEADLINE_LABELS:
        label = names.get(key, key)
        q = totals[label]
        low, high = _format(label, q.p10, currency), _format(label, q.p90, currency)
        metrics.append(
            HeadlineMetric(
                label=label,
                value=_format(label, q.p50, currency),
                # "— – —" said nothing: a figure without a range shows none.
                range="" if low == high == "—" else f"{low} – {high}",
                help=f"{_HELP[label]} Median of the simulated runs, with the 10th–90th "
                "percentile range; simulated, not Meta's.",
            )
        )
    return metrics


def funnel_steps(result: SimulationResult) -> pd.DataFrame:
    """Median counts of each funnel step, their p10–p90 range, and the rate from the step
    before (of the medians; NaN for the first step)."""
    totals = summary(result)
    steps = [("Impressions", "Impressions"), ("Clicks", "Taps"),
             (result.result_label, result.result_label), ("Leads", "Leads")]  # fmt: skip
    counts = [totals[key].p50 for key, _ in steps]
    rates = [float("nan")] + [
        (count / previous if previous else float("nan")) for previous, count in pairwise(counts)
    ]
    return pd.DataFrame(
        {
            "step": [name for _, name in steps],
            "count": counts,
            "rate": rates,
            "p10": [totals[key].p10 for key, _ in steps],
            "p90": [totals[key].p90 for key, _ in steps],
        }
    )


def forecast_notes(result: SimulationResult, currency: str = "USD") -> list[str]:
    """Plain sentences on what limits the forecast: an audience too small for the budget,
    and the learning phase ('learning limited' with the budget that would leave it)."""
    notes = []
    if not result.market.active.any():
        return notes
    delivery = delivery_status(result)
    if delivery.under_delivers:
        notes.append(
            f"Spent {format_money(delivery.spent, currency)} of "
            f"{format_money(delivery.budget, currency)}: the audience is "
            "too small to take the whole budget. Widen the radius, add countries or lower the "
            "budget."
        )
    learning = learning_status(result)
    if learning.limited:
        need = ""
        if delivery.under_delivers:
            need = " The audience is too small to get there at any budget."
        elif learning.budget_to_exit is not None:
            need = (
                f" About {format_money(learning.budget_to_exit, currency)} "
                "a day would get there (roughly: results grow about in step with the budget)."
            )
        notes.append(
            f"Learning limited: at this budget the ad set does not reach about "
            f"{learning.events} {result.result_label.lower()} in {learning.window} days, so "
            f"Meta keeps it in the learning phase, where each result costs more.{need}"
        )
    else:
        notes.append(
            f"Learning phase: about {learning.days_median:.0f} day"
            f"{'s' if learning.days_median != 1 else ''} until about {learning.events} "
            f"{result.result_label.lower()} in {learning.window} days; results cost more "
            "until then."
        )
    return notes


def daily_by_country_csv(result: SimulationResult, currency: str = "USD") -> bytes:
    """Daily p10/p50/p90 per country of spend (in `currency`), impressions, clicks, results
    and leads (CSV)."""
    columns: dict[str, Any] = {}
    days, countries = len(result.dates), len(result.codes)
    columns["date"] = np.repeat(np.asarray(result.dates).astype("datetime64[D]").astype(str),
                                countries)  # fmt: skip
    columns["country"] = np.tile(np.asarray(result.codes), days)
    spend_column = f"spend_{currency.lower()}"
    for name, array in (
        (spend_column, result.spend),
        ("impressions", result.impressions),
        ("clicks", result.clicks),
        ("results", result.conversations),
        ("leads", result.leads),
    ):
        quantiles = np.quantile(array, [0.1, 0.5, 0.9], axis=0)  # (3, days, countries)
        if name == spend_column:
            quantiles = convert(quantiles, currency)
        for label, values in zip(("p10", "p50", "p90"), quantiles, strict=True):
            columns[f"{name}_{label}"] = np.round(values.reshape(-1), 4)
    frame = pd.DataFrame(columns)
    frame.insert(2, "result", result.result_label)
    return frame.to_csv(index=False).encode("utf-8")


def summary_json(result: SimulationResult, ad: Campaign, currency: str = "USD") -> bytes:
    """The campaign totals (money in `currency`) and the inputs that produced them (JSON)."""
    totals = {}
    for label, q in summary(result).items():
        scale = convert(1.0, currency) if label in MONEY_METRICS else 1.0
        totals[label] = {
            "p10": _finite(q.p10 * scale),
            "p50": _finite(q.p50 * scale),
            "p90": _finite(q.p90 * scale),
        }
    learning = learning_status(result)
    document = {
        "simulated": True,
        "note": "Simulated by Button Ad Studio from published benchmarks and stated "
        "assumptions; not a prediction from Meta.",
        "currency": currency,
        "business": ad.business,
        "button": ad.cta_label,
        "countries": list(result.codes),
        "delivering": [c for c, d in zip(result.codes, result.market.active, strict=True) if d],
        "scenario": ad.scenario,
        "daily_budget_usd": ad.budget,
        "days": ad.days,
        "start": str(result.campaign.start),
        "runs": ad.runs,
        "seed": ad.seed,
        "reply_minutes": ad.reply_minutes,
        "learning": {
            "days_median": learning.days_median,
            "limited_share_of_runs": learning.limited_share,
        },
        "notes": forecast_notes(result, currency),
        "totals": totals,
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _finite(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None
