"""Summaries of a simulation: totals, quantiles, per-day and per-country tables, the spend
curve, and the comparison of two buttons (chance to win, and a test planner)."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from statistics import NormalDist
from typing import Final, TypeVar

import numpy as np
import pandas as pd

from components.forecast.engine import (
    CampaignInputs,
    MarketInputs,
    SimulationResult,
    simulate_campaign,
)
from components.forecast.params import ModelParams


@dataclass(frozen=True)
class Quantiles:
    """The 10th, 50th and 90th percentiles of a metric over the Monte Carlo runs."""

    p10: float
    p50: float
    p90: float


COUNT_METRICS: Final = (
    "spend",
    "impressions",
    "reach",
    "clicks",
    "conversations",
    "missed_calls",
    "leads",
)
# The Engagement page's headline figures, in order (architecture.md's public contract);
# the result and its cost take the button's labels.
HEADLINE_LABELS: Final = (
    "Spend", "Impressions", "Reach", "Frequency", "CPM", "Clicks", "CTR", "result",
    "result cost", "Leads", "Cost per lead",
)  # fmt: skip
# ratio metric: (numerator, denominator, scale)
RATIO_METRICS: Final = {
    "cpm": ("spend", "impressions", 1000.0),
    "frequency": ("impressions", "reach", 1.0),
    "ctr": ("clicks", "impressions", 1.0),
    "cost_per_result": ("spend", "conversations", 1.0),
    "cost_per_lead": ("spend", "leads", 1.0),
}
_ALIASES: Final = {"taps": "clicks", "calls": "conversations", "results": "conversations"}


def _sum(array: np.ndarray, axis: tuple[int, ...]) -> np.ndarray:
    dtype = np.float64 if array.dtype.kind == "f" else np.int64
    return array.sum(axis=axis, dtype=dtype)


def _count_totals(result: SimulationResult, name: str, axis: tuple[int, ...]) -> np.ndarray:
    """Totals of a count, without building spend or reach when the sum allows."""
    axis = tuple(sorted(axis))
    if name == "spend" and not result.capped and axis in ((1, 2), (1,), (2,)):
        pace = result.pace.astype(np.float64)
        base = result.base_spend.astype(np.float64)
        if axis == (1, 2):
            return pace @ base.sum(axis=1)
        if axis == (1,):
            return pace @ base
        return pace * base.sum(axis=1)
    if name == "reach" and 1 in axis:
        # New reach summed over all days is the cumulative reach of all the impressions.
        per_country = result.cumulative_reach(_sum(result.impressions, (1,)))
        rest = tuple(a - 1 for a in axis if a != 1)
        return per_country.sum(axis=rest) if rest else per_country
    return _sum(getattr(result, name), axis).astype(np.float64)


def metric_totals(result: SimulationResult, metric: str, axis: tuple[int, ...]) -> np.ndarray:
    """A metric summed over `axis` of (runs, days, countries); ratios of the sums.

    `metric` is one of COUNT_METRICS, RATIO_METRICS or 'taps'/'calls'/'results'. A ratio
    with a zero denominator is inf (nothing for the money) or nan (no money either).
    """
    name = _ALIASES.get(metric, metric)
    if name in COUNT_METRICS:
        return _count_totals(result, name, axis)
    if name not in RATIO_METRICS:
        raise ValueError(f"unknown metric {metric!r}")
    top, bottom, scale = RATIO_METRICS[name]
    numerator = _count_totals(result, top, axis) * scale
    denominator = _count_totals(result, bottom, axis)
    with np.errstate(divide="ignore", invalid="ignore"):
        return numerator / denominator


def _quantiles(values: np.ndarray, axis: int = 0) -> np.ndarray:
    """p10, p50, p90 along `axis`; order statistics when some runs are infinite."""
    method = "linear" if np.all(np.isfinite(values)) else "inverted_cdf"
    return np.quantile(values, [0.1, 0.5, 0.9], axis=axis, method=method)


def _q(values: np.ndarray) -> Quantiles:
    p10, p50, p90 = (float(v) for v in _quantiles(values))
    return Quantiles(p10, p50, p90)


R = TypeVar("R")


def per_result(function: Callable[[SimulationResult], R]) -> Callable[[SimulationResult], R]:
    """Keep a summary of a result for as long as the result lives (a weak key): a page asks
    for it on every rerun (headline, funnel, notes, export), and each costs a pass over every
    cell. The kept value is frozen or copied, so callers cannot change it."""
    kept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @functools.wraps(function)
    def wrapper(result: SimulationResult) -> R:
        if result not in kept:
            kept[result] = function(result)
        value = kept[result]
        if isinstance(value, pd.DataFrame):
            return value.copy()  # type: ignore[return-value]
        return dict(value) if isinstance(value, dict) else value  # type: ignore[return-value]

    return wrapper


@per_result
def summary(result: SimulationResult) -> dict[str, Quantiles]:
    """Campaign totals over the runs, keyed by the Engagement page's metric labels.

    Keys: Spend, Impressions, Reach, Frequency, CPM, Clicks, CTR (a fraction), the result
    ('Conversations started' or 'Calls'), its cost ('Cost per conversation' or 'Cost per
    call'), Leads, Cost per lead, and for call ads Missed calls.
    """
    return _summary(result)


def _summary(result: SimulationResult) -> dict[str, Quantiles]:
    every = (1, 2)
    metrics = {
        "Spend": "spend",
        "Impressions": "impressions",
        "Reach": "reach",
        "Frequency": "frequency",
        "CPM": "cpm",
        "Clicks": "clicks",
        "CTR": "ctr",
        result.result_label: "conversations",
        result.cost_label: "cost_per_result",
        "Leads": "leads",
        "Cost per lead": "cost_per_lead",
    }
    if result.campaign.cta == "call":
        metrics["Missed calls"] = "missed_calls"
    totals = {label: metric_totals(result, name, every) for label, name in metrics.items()}
    return _batch_quantiles(totals)


def _batch_quantiles(totals: dict[str, np.ndarray]) -> dict[str, Quantiles]:
    """`_q` of each array, the finite ones in one call (a call costs more than the sorting
    of a few hundred runs)."""
    out: dict[str, Quantiles] = {}
    finite = [label for label, values in totals.items() if np.all(np.isfinite(values))]
    if finite:
        rows = _quantiles(np.stack([totals[label] for label in finite]), axis=1)
        for label, (p10, p50, p90) in zip(finite, rows.T.tolist(), strict=True):
            out[label] = Quantiles(p10, p50, p90)
    for label, values in totals.items():
        if label not in out:
            out[label] = _q(values)
    return {label: out[label] for label in totals}


def daily_quantiles(
    result: SimulationResult, metric: str, cumulative: bool = False
) -> pd.DataFrame:
    """Per day, p10/p50/p90 over the runs of a metric summed over countries.

    Columns: date, p10, p50, p90. With `cumulative`, counts are running totals (ratios are
    computed from running totals too).
    """
    name = _ALIASES.get(metric, metric)
    if cumulative:
        parts = RATIO_METRICS.get(name, (name, None, 1.0))
        top = np.cumsum(metric_totals(result, parts[0], (2,)), axis=1) * parts[2]
        if parts[1] is None:
            values = top
        else:
            bottom = np.cumsum(metric_totals(result, parts[1], (2,)), axis=1)
            with np.errstate(divide="ignore", invalid="ignore"):
                values = top / bottom
    else:
        values = metric_totals(result, name, (2,))
    p10, p50, p90 = _quantiles(values, axis=0)
    return pd.DataFrame({"date": pd.to_datetime(result.dates), "p10": p10, "p50": p50, "p90": p90})


@per_result
def by_country(result: SimulationResult) -> pd.DataFrame:
    """One row per country: results p10/p50/p90 and medians of the other totals (kept per
    result: the By-country chart, its map and its cost view each ask for it).

    Columns: country, delivers, results_p10, results_p50, results_p90, spend_p50,
    impressions_p50, clicks_p50, leads_p50, missed_calls_p50, cpm_p50, ctr_p50,
    cost_per_result_p50.
    """
    days = (1,)
    totals: dict[str, np.ndarray] = {}

    def total(name: str) -> np.ndarray:  # each count summed once, shared by the ratios
        if name not in totals:
            totals[name] = _count_totals(result, name, days)
        return totals[name]

    def median(metric: str) -> np.ndarray:
        if metric in RATIO_METRICS:
            top, bottom, scale = RATIO_METRICS[metric]
            with np.errstate(divide="ignore", invalid="ignore"):
                values = total(top) * scale / total(bottom)
        else:
            values = total(metric)
        return _quantiles(values, axis=0)[1]

    results = _quantiles(total("conversations"), axis=0)

    return pd.DataFrame(
        {
            "country": list(result.codes),
            "delivers": result.market.active,
            "results_p10": results[0],
            "results_p50": results[1],
            "results_p90": results[2],
            "spend_p50": median("spend"),
            "impressions_p50": median("impressions"),
            "clicks_p50": median("clicks"),
            "leads_p50": median("leads"),
            "missed_calls_p50": median("missed_calls"),
            "cpm_p50": median("cpm"),
            "ctr_p50": median("ctr"),
            "cost_per_result_p50": median("cost_per_result"),
        }
    )


def spend_response_curve(
    market: MarketInputs,
    campaign: CampaignInputs,
    budgets: Sequence[float],
    runs: int = 100,
    params: ModelParams | None = None,
) -> pd.DataFrame:
    """Results against the daily budget, for the diminishing-returns chart.

    Every budget reuses the campaign's seed (common random numbers), so the curve is
    smooth. Columns: daily_budget, spend_mean, impressions_mean, results_mean,
    results_p10, results_p50, results_p90, leads_mean, impressions_per_dollar,
    results_per_dollar, cost_per_result, marginal_cost_per_result (extra spend per extra
    result since the previous budget; budgets are sorted ascending).
    """
    rows = []
    every = (1, 2)
    for budget in sorted(float(b) for b in budgets):
        scenario = replace(campaign, daily_budget=budget, runs=min(runs, campaign.runs))
        result = simulate_campaign(market, scenario, params)
        spend = metric_totals(result, "spend", every).mean()
        impressions = metric_totals(result, "impressions", every).mean()
        outcomes = metric_totals(result, "conversations", every)
        p10, p50, p90 = _quantiles(outcomes)
        rows.append(
            {
                "daily_budget": budget,
                "spend_mean": spend,
                "impressions_mean": impressions,
                "results_mean": outcomes.mean(),
                "results_p10": p10,
                "results_p50": p50,
                "results_p90": p90,
                "leads_mean": metric_totals(result, "leads", every).mean(),
            }
        )
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["impressions_per_dollar"] = frame["impressions_mean"] / frame["spend_mean"]
        frame["results_per_dollar"] = frame["results_mean"] / frame["spend_mean"]
        frame["cost_per_result"] = frame["spend_mean"] / frame["results_mean"]
        extra_spend = frame["spend_mean"].diff().fillna(frame["spend_mean"])
        extra_results = frame["results_mean"].diff().fillna(frame["results_mean"])
        frame["marginal_cost_per_result"] = extra_spend / extra_results
    return frame


def win_probability(
    result_a: SimulationResult, result_b: SimulationResult, metric: str = "leads"
) -> float | None:
    """P(A's campaign total of `metric` > B's) over paired runs, ties counting half; None
    when neither delivers anything (there is nothing to compare).

    The arms share the market's draws (price, appeal, audience) and differ in their own
    independently drawn funnel rates, so this is the chance under the model's uncertainty.
    """
    every = (1, 2)
    a = metric_totals(result_a, metric, every)
    b = metric_totals(result_b, metric, every)
    n = min(len(a), len(b))
    a, b = a[:n], b[:n]
    if not (result_a.market.active.any() or result_b.market.active.any()):
        return None
    if not (a.any() or b.any()):
        return None
    return float(np.mean((a > b) + 0.5 * (a == b)))


# Between these chances the comparison is "too close to call".
TOO_CLOSE: Final = (0.2, 0.8)
# A planned test is decided when a two-sided test at 5% finds the true leader with this power.
TEST_POWER: Final = 0.8
_Z_ALPHA: Final = NormalDist().inv_cdf(0.975)


@dataclass(frozen=True)
class Comparison:
    """Message against Call: the chance the first gets more leads, a verdict in words, and
    the test planner's answer (None where it cannot be said)."""

    names: tuple[str, str]
    chance_first: float | None
    verdict: str
    days_to_decide: int | None
    budget_to_decide: float | None
    reason: str = ""


def _power(a: np.ndarray, b: np.ndarray, scale: float) -> float:
    """Mean over runs of the power of a two-sided Poisson test with daily rates a and b
    (each arm's expected leads a day) run for `scale` days."""
    total = (a + b) * scale
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(total > 0, np.abs(a - b) * scale / np.sqrt(total), 0.0)
    return float(np.mean([NormalDist().cdf(value - _Z_ALPHA) for value in z]))


def compare(
    pair: dict[str, SimulationResult], max_days: int = 365, max_budget: float = 100_000.0
) -> Comparison:
    """The Message-vs-Call comparison of a pair of forecasts (same market, same seed).

    The test planner: an A/B test gives each button half the daily budget; in each run the
    arms' true daily leads are that run's totals ÷ days ÷ 2. A test of d days is decided when
    a two-sided 5% test of the two lead counts is significant; `days_to_decide` is the
    fewest days whose power, averaged over the runs, reaches 80% (None past `max_days`).
    `budget_to_decide` is the daily budget that would decide it within the campaign's days,
    assuming leads grow in proportion to the budget (a little optimistic: returns diminish).
    """
    names = tuple(pair)
    first, second = pair[names[0]], pair[names[1]]
    chance = win_probability(first, second, "leads")
    if chance is None:
        reason = "No targeted country can show the ad in this scenario."
        return Comparison(names, None, "No comparison: nothing delivers.", None, None, reason)
    low, high = TOO_CLOSE
    # Judged on the whole percent the page shows, so "20%" never reads as decided.
    chance = round(chance, 2)
    if low <= chance <= high:
        verdict = "Too close to call"
    else:
        verdict = f"{names[0] if chance > high else names[1]} likely gets more leads"
    days = first.campaign.days
    a = metric_totals(first, "leads", (1, 2)) / days / 2
    b = metric_totals(second, "leads", (1, 2)) / days / 2
    needed_days = next(
        (d for d in _candidate_days(max_days) if _power(a, b, d) >= TEST_POWER), None
    )
    budget = first.campaign.daily_budget
    needed_budget = None
    if budget > 0:
        for factor in np.geomspace(0.05, max_budget / budget, 60):
            if _power(a * factor, b * factor, days) >= TEST_POWER:
                needed_budget = float(budget * factor)
                break
    return Comparison(names, chance, verdict, needed_days, needed_budget)


def _candidate_days(max_days: int) -> list[int]:
    days = list(range(1, 29)) + list(range(35, max_days + 1, 7))
    return [d for d in days if d <= max_days]


@dataclass(frozen=True)
class LearningStatus:
    """How the ad set's learning phase goes: the median days spent learning, the share of
    runs that never leave it, and (when most never do) the daily budget that would."""

    days_median: float
    limited_share: float
    budget_to_exit: float | None
    events: int
    window: int

    @property
    def limited(self) -> bool:
        """Learning limited in most runs."""
        return self.limited_share >= 0.5


@per_result
def learning_status(result: SimulationResult) -> LearningStatus:
    """The learning phase of a forecast (Meta: about 50 results in 7 days end it).

    The budget to exit assumes results grow in proportion to the budget at these sizes:
    budget × 50 ÷ the median results in the best 7 days.
    """
    params = result.params
    events = int(params.value("learning_events"))
    window = int(params.value("learning_window_days"))
    days = result.campaign.days
    limited = result.learning_days >= days
    # Results in a full week: the trailing window's results, or the whole campaign's when it
    # is shorter (scaled to a week).
    per_day = metric_totals(result, "conversations", (2,))  # (runs, days)
    running = np.cumsum(per_day, axis=1)
    width = min(window, days)
    week = running[:, width - 1 :] - np.pad(running, ((0, 0), (1, 0)))[:, : days - width + 1]
    best_week = week.max(axis=1) * window / width
    median_week = float(np.median(best_week))
    budget = result.campaign.daily_budget
    to_exit = None
    # Where the audience cannot take the budget, more money would not help: no figure.
    if limited.mean() >= 0.5 and median_week > 0 and not delivery_status(result).under_delivers:
        to_exit = budget * events / median_week
    return LearningStatus(
        days_median=float(np.median(result.learning_days)),
        limited_share=float(limited.mean()),
        budget_to_exit=to_exit,
        events=events,
        window=window,
    )


@dataclass(frozen=True)
class DeliveryStatus:
    """Spend against the budget: whether the audience was too small to take it all."""

    spent: float
    budget: float

    @property
    def under_delivers(self) -> bool:
        """Whether the median run spent under 90% of the budget."""
        return self.budget > 0 and self.spent < 0.9 * self.budget


@per_result
def delivery_status(result: SimulationResult) -> DeliveryStatus:
    """The median spend against the campaign's budget (daily budget × days)."""
    spent = float(np.median(metric_totals(result, "spend", (1, 2))))
    if not result.market.active.any():
        return DeliveryStatus(0.0, 0.0)
    return DeliveryStatus(spent, result.campaign.daily_budget * result.campaign.days)
