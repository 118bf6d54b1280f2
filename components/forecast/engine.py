"""The engagement engine: a seeded, vectorised Monte Carlo of a WhatsApp-button campaign.

For every run, day and targeted country it simulates one funnel per button, both ending in
the same outcome, a lead:

* Send WhatsApp Message: impression → tap → message sent → the business replies within
  its reply time → lead.
* Call Now: impression → tap → call placed (some taps never dial) → answered, or missed and
  called back within the reply time → lead.

"Conversations started" (message) and "Calls" (call) are counted at the same stage: what
the person did before the business acts. Every parameter comes from the `ModelParams`
passed in (`components.forecast.params`, one table in sample_data/), never from module
globals. What both buttons genuinely share (the price level, the creative's appeal, the
audience, pacing, auction noise) is drawn from one stream of the seed; the button-specific
rates and the counts from a stream of the seed and the button, so the two arms of a
comparison meet the same market with independently uncertain funnels.

The market side:

* Price: each country's CPM × its season (where one is published) × the run's price level
  × daily auction noise, bid up as the budget grows against the inventory the audience
  offers: impressions = spend / (cost + spend / inventory). Delivery stops where the
  average price would pass `max_price_multiple` × the CPM, so a tiny audience under-spends
  instead of paying any price.
* Reach: a Hill curve, reach = I / (f0 + I / A), so frequency = f0 + I / A. People who have
  seen the ad more than `fatigue_from_frequency` times tap less.
* Learning: until the ad set has about 50 results in 7 days, each result costs more
  (`learning_cost_premium`) and days vary more; a run that never gets there stays
  "learning limited" for the whole campaign.
* Inventory: a Call ad runs only on the placements that take `CALL_NOW` (no Facebook
  Stories, no desktop), which shrinks its inventory and changes its CTR mix.

How it stays fast (1,000 runs × 90 days × 161 countries in well under 1.5 s on 2 cores;
see bench/bench_simulate.py): runs are processed in blocks of about 256K cells on a
thread pool of two (numpy releases the GIL), each block from its own child seeds, so the
result does not depend on the thread count. Poisson counts are drawn by
`components.forecast.poisson`; a Poisson count thinned by probabilities splits into
independent Poisson parts, so the funnel is drawn as independent parts and summed: counts
are whole and ordered by construction (leads ≤ results ≤ taps ≤ impressions).

Time: a day is the local calendar day of each country; viewers' activity and CTR follow
the viewer's local clock. `CampaignInputs.hours_mask` is read in each country's local
time, unless `business_utc_offset_hours` is given: then it is the business's own clock.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from statistics import NormalDist
from typing import Final

import numpy as np

from components.forecast.params import PLACEMENT_ORDER, ModelParams, default_params
from components.forecast.poisson import poisson

__all__ = [
    "CTAS",
    "CampaignInputs",
    "MarketInputs",
    "SimulationResult",
    "simulate_campaign",
]

CTAS: Final = ("message", "call")
HOURS_PER_WEEK: Final = 168
# Cells per block of runs: each float32 temporary is about 1 MB, within the L2/L3 caches.
BLOCK_CELLS: Final = 262_144
MAX_THREADS: Final = 2
# Float32 rounding could otherwise lift a sum of spend a hair above the budget.
_SPEND_SAFETY: Final = 1.0 - 2.0**-20
_F32: Final = np.float32


# --- inputs -------------------------------------------------------------------------------


def _vector(name: str, value: object, n: int, dtype: type = np.float64) -> np.ndarray:
    array = np.array(value, dtype=dtype).reshape(-1)
    if array.shape != (n,):
        raise ValueError(f"{name} must have one value per country ({n}), got {array.shape}")
    if dtype is np.float64 and not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite")
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class MarketInputs:
    """The targeted countries, one value per country in the order of `codes`.

    `cpm_usd` is the base CPM, `audience` the reachable people (a whole country's or a
    city radius's), `budget_share` the split of the daily budget (renormalised over the
    delivering countries; all zero means an equal split), `delivers` whether the ad runs
    there in the chosen scenario, `utc_offset_hours` the offset from UTC (zeros if
    omitted), `call_restricted` where WhatsApp calling is restricted (none if omitted) and
    `cpm_season` (countries × 12 months) the price by calendar month (flat if omitted).
    """

    codes: tuple[str, ...]
    cpm_usd: np.ndarray
    audience: np.ndarray
    budget_share: np.ndarray
    delivers: np.ndarray
    utc_offset_hours: np.ndarray | None = None
    call_restricted: np.ndarray | None = None
    cpm_season: np.ndarray | None = None

    def __post_init__(self) -> None:
        codes = tuple(str(code) for code in self.codes)
        n = len(codes)
        object.__setattr__(self, "codes", codes)
        for name in ("cpm_usd", "audience", "budget_share"):
            array = _vector(name, getattr(self, name), n)
            if np.any(array < 0):
                raise ValueError(f"{name} must not be negative")
            object.__setattr__(self, name, array)
        object.__setattr__(self, "delivers", _vector("delivers", self.delivers, n, bool))
        offsets = np.zeros(n) if self.utc_offset_hours is None else self.utc_offset_hours
        object.__setattr__(self, "utc_offset_hours", _vector("utc_offset_hours", offsets, n))
        restricted = np.zeros(n, bool) if self.call_restricted is None else self.call_restricted
        object.__setattr__(self, "call_restricted", _vector("call_restricted", restricted, n, bool))
        season = np.ones((n, 12)) if self.cpm_season is None else np.array(self.cpm_season, float)
        if season.shape != (n, 12) or not np.all(np.isfinite(season)) or np.any(season <= 0):
            raise ValueError("cpm_season must be (countries, 12) positive numbers")
        season.setflags(write=False)
        object.__setattr__(self, "cpm_season", season)

    @property
    def active(self) -> np.ndarray:
        """Countries that can get impressions: delivering, with an audience and a price."""
        return self.delivers & (self.audience > 0) & (self.cpm_usd > 0)


@dataclass(frozen=True, eq=False)
class CampaignInputs:
    """The campaign: button, budget, dates, Monte Carlo settings and the business's hours.

    `hours_mask` is (7, 24), Monday first, True = open (None = always open), in each
    country's local time or, with `business_utc_offset_hours`, in the business's time.
    With `schedule_to_hours` the ad delivers only in open hours and, as Meta requires for
    scheduling, `daily_budget × days` is a lifetime budget spread over the open hours (a
    single day may spend more than `daily_budget`; the campaign never spends more than
    `daily_budget × days`). `creative_ctr_factor` is the copy and image penalty (≤ 1);
    `placements` the placements the ad may run on (keys of `params.PLACEMENT_ORDER`).
    """

    cta: str
    daily_budget: float
    days: int
    start: date
    runs: int = 500
    seed: int = 0
    reply_minutes: float = 15.0
    schedule_to_hours: bool = False
    hours_mask: np.ndarray | None = None
    creative_ctr_factor: float = 1.0
    placements: tuple[str, ...] = PLACEMENT_ORDER
    business_utc_offset_hours: float | None = None

    def __post_init__(self) -> None:
        if self.cta not in CTAS:
            raise ValueError(f"cta must be one of {CTAS}, got {self.cta!r}")
        if not (math.isfinite(self.daily_budget) and self.daily_budget >= 0):
            raise ValueError("daily_budget must be a finite number ≥ 0")
        if int(self.days) < 1 or int(self.runs) < 1:
            raise ValueError("days and runs must be at least 1")
        if not (math.isfinite(self.reply_minutes) and self.reply_minutes >= 0):
            raise ValueError("reply_minutes must be a finite number ≥ 0")
        if not (math.isfinite(self.creative_ctr_factor) and self.creative_ctr_factor >= 0):
            raise ValueError("creative_ctr_factor must be a finite number ≥ 0")
        unknown = set(self.placements) - set(PLACEMENT_ORDER)
        if unknown:
            raise ValueError(f"unknown placements {sorted(unknown)}")
        offset = self.business_utc_offset_hours
        if offset is not None and not math.isfinite(offset):
            raise ValueError("business_utc_offset_hours must be finite")
        object.__setattr__(self, "placements", tuple(self.placements))
        object.__setattr__(self, "days", int(self.days))
        object.__setattr__(self, "runs", int(self.runs))
        if self.hours_mask is not None:
            mask = np.array(self.hours_mask, dtype=bool)
            if mask.shape != (7, 24):
                raise ValueError(f"hours_mask must have shape (7, 24), got {mask.shape}")
            mask.setflags(write=False)
            object.__setattr__(self, "hours_mask", mask)


@dataclass(frozen=True, eq=False)
class SimulationResult:
    """Simulated counts, each of shape (runs, days, countries), and the inputs.

    `impressions`, `clicks` (taps), `conversations` (the result: conversations started for
    message ads, calls placed for call ads) and `leads` are int32 arrays; `answered` holds
    the calls someone answered (call ads; None for message ads). `spend` (float32 USD),
    `reach` (people reached for the first time that day) and `missed_calls` are computed on
    first access. `learning_days` (runs,) is how many days each run spent learning (=
    `days` when it never left: learning limited). `hourly_taps` and `hourly_missed` are
    (7, 24), Monday first: expected taps and missed calls by hour of the week, in the clock
    of `hours_mask`.
    """

    market: MarketInputs
    campaign: CampaignInputs
    params: ModelParams
    dates: np.ndarray
    impressions: np.ndarray
    clicks: np.ndarray
    conversations: np.ndarray
    leads: np.ndarray
    answered: np.ndarray | None
    hourly_taps: np.ndarray
    hourly_missed: np.ndarray
    pace: np.ndarray  # (runs, days) float32: share of each day's budget wanted
    price: np.ndarray  # (runs, countries) float32: the run's price level
    base_spend: np.ndarray  # (days, countries) float32: budget before pacing
    spend_cap: np.ndarray  # (days, countries) float32: the most a day can absorb at price 1
    capped: bool  # whether the audience limited spend in any cell
    learning_days: np.ndarray  # (runs,) int16

    @property
    def codes(self) -> tuple[str, ...]:
        """The countries, in the order of the last axis."""
        return self.market.codes

    @property
    def runs(self) -> int:
        """The number of Monte Carlo runs."""
        return int(self.impressions.shape[0])

    @cached_property
    def spend(self) -> np.ndarray:
        """Spend in USD per run, day and country (float32)."""
        wanted = self.base_spend[None, :, :] * self.pace[:, :, None]
        if not self.capped:
            return wanted
        return np.minimum(wanted, self.spend_cap[None, :, :] * self.price[:, None, :])

    def cumulative_reach(self, impressions_so_far: np.ndarray) -> np.ndarray:
        """People reached by cumulative impressions I: I / (f0 + I / audience), floored."""
        seen = np.asarray(impressions_so_far, dtype=np.float64)
        f0 = self.params.value("reach_min_frequency")
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(self.market.audience > 0, seen / self.market.audience, 0.0)
        return np.floor(seen / (f0 + ratio))

    @cached_property
    def reach(self) -> np.ndarray:
        """People reached for the first time, per run, day and country (int32)."""
        so_far = self.cumulative_reach(np.cumsum(self.impressions, axis=1, dtype=np.int64))
        return np.diff(so_far, axis=1, prepend=0).astype(np.int32)

    @cached_property
    def missed_calls(self) -> np.ndarray:
        """Calls placed that nobody answered (call ads); zeros for message ads."""
        if self.answered is None:
            return np.broadcast_to(np.zeros((), np.int32), self.impressions.shape)
        return self.conversations - self.answered

    @property
    def result_label(self) -> str:
        """'Conversations started' (message) or 'Calls' (call)."""
        return "Calls" if self.campaign.cta == "call" else "Conversations started"

    @property
    def cost_label(self) -> str:
        """'Cost per conversation' (message) or 'Cost per call' (call)."""
        return "Cost per call" if self.campaign.cta == "call" else "Cost per conversation"


# --- the week ----------------------------------------------------------------------------


def _shift_week(values: np.ndarray, shift: np.ndarray) -> np.ndarray:
    """y[c, t] = values[c, t − shift[c]] on the cyclic 168-hour week, linear between hours.

    Used both to read a mask at a shifted clock and to move mass to another clock; the
    linear split keeps every row's total.
    """
    values = np.broadcast_to(values, (len(shift), HOURS_PER_WEEK))
    whole = np.floor(shift)
    part = (shift - whole)[:, None]
    hours = np.arange(HOURS_PER_WEEK)[None, :]
    first = (hours - whole.astype(np.int64)[:, None]) % HOURS_PER_WEEK
    second = (first - 1) % HOURS_PER_WEEK
    return (1 - part) * np.take_along_axis(values, first, 1) + part * np.take_along_axis(
        values, second, 1
    )


def wait_minutes(open_week: np.ndarray) -> np.ndarray:
    """Minutes a message or missed call in each hour of the week waits for the business to
    open (0 in open hours; the whole week is closed: inf)."""
    open_hours = np.flatnonzero(open_week)
    if open_hours.size == 0:
        return np.full(HOURS_PER_WEEK, np.inf)
    ahead = (open_hours[None, :] - np.arange(HOURS_PER_WEEK)[:, None]) % HOURS_PER_WEEK
    hours = ahead.min(axis=1)
    # A message sent in a closed hour arrives on average half an hour into it.
    return np.where(hours == 0, 0.0, (hours - 0.5) * 60.0)


def reply_factor(params: ModelParams, minutes: float | np.ndarray) -> np.ndarray:
    """Share of the lead rate kept when the business answers after `minutes` (vectorised).

    1 up to the grace time (raiontech.io's 5 minutes); past it the excess over the floor
    halves every half-life: bounded between `reply_floor` and 1 however late the reply.
    """
    grace = params.value("reply_grace_minutes")
    half_life = params.value("reply_half_life_minutes")
    floor = params.value("reply_floor")
    late = np.maximum(np.asarray(minutes, dtype=np.float64) - grace, 0.0)
    return floor + (1.0 - floor) * np.exp2(-late / half_life)


def _hour_weights(params: ModelParams, cta: str) -> tuple[np.ndarray, np.ndarray]:
    """Impressions by local hour (each day sums to 1) and the CTR factor by hour of week.

    A Call ad's taps also follow when people phone a business: fewer at weekends and late
    in the evening or at night (`call_weekend_intent`, `call_night_intent`).
    """
    activity = np.asarray(params.curve("hourly_activity"), dtype=np.float64)
    if activity.shape != (24,):
        raise ValueError("hourly_activity needs 24 values")
    activity = np.tile(activity / activity.sum(), 7).reshape(7, 24)
    ctr = np.ones((7, 24))
    ctr[:5, 13:16] += params.value("ctr_weekday_afternoon_lift")
    if cta == "call":
        day_start, day_end = (int(h) for h in params.curve("call_day_hours"))
        night = np.ones(24, dtype=bool)
        night[day_start:day_end] = False
        ctr[:, night] *= params.value("call_night_intent")
        ctr[5:] *= params.value("call_weekend_intent")
    # Normalised so an unscheduled week, delivered as Meta's optimisation spreads it
    # (activity × CTR), averages the calibrated CTR: the published CTRs are what
    # advertisers saw with that optimisation on.
    delivered = activity * ctr
    ctr /= ((delivered * ctr).sum(axis=1) / delivered.sum(axis=1)).mean()
    return activity, ctr


def placement_mix(params: ModelParams, placements: tuple[str, ...]) -> tuple[float, float]:
    """(share of the automatic mix's inventory, CTR factor) of a set of placements.

    The CTR factors are normalised so the whole automatic mix averages 1.
    """
    shares = np.asarray(params.curve("placement_share"), dtype=np.float64)
    ctrs = np.asarray(params.curve("placement_ctr"), dtype=np.float64)
    if shares.shape != (len(PLACEMENT_ORDER),) or ctrs.shape != shares.shape:
        raise ValueError("placement_share and placement_ctr need one value per placement")
    shares = shares / shares.sum()
    ctrs = ctrs / (shares * ctrs).sum()
    chosen = np.isin(np.array(PLACEMENT_ORDER), np.array(placements, dtype=object))
    inventory = float(shares[chosen].sum())
    if inventory <= 0:
        return 0.0, 0.0
    return inventory, float((shares * ctrs)[chosen].sum() / inventory)


# --- plan: everything that does not vary between runs --------------------------------------


@dataclass(frozen=True)
class _Plan:
    cta: str
    base_spend: np.ndarray  # (D, C) float32, before pacing
    spend_cap: np.ndarray  # (D, C) float32, at price level 1
    cost_per_impression: np.ndarray  # (D, C) float32
    inverse_inventory: np.ndarray  # (D, C) float32
    expected_seen: np.ndarray  # (D, C) float32: expected cumulative impressions / audience
    ctr: np.ndarray  # (D, C) float32: before appeal, country, button and fatigue
    lead_share: np.ndarray  # (D, C) float32: message, reply factor over the day's taps
    open_share: np.ndarray  # (D, C) float32: taps in open hours
    closed_callback: np.ndarray  # (D, C) float32: taps out of hours × their callback factor
    open_callback: np.ndarray  # (D, C) float32: taps in open hours × the callback factor
    restricted: np.ndarray  # (C,) bool
    weekday: np.ndarray  # (D,) int
    tap_share: np.ndarray  # (C, 7, 24): a local weekday's taps by hour
    local_open: np.ndarray  # (C, 7, 24)
    to_mask_clock: np.ndarray  # (C,) hours to add to local time to read the mask's clock


def _plan(market: MarketInputs, campaign: CampaignInputs, params: ModelParams) -> _Plan:
    n = len(market.codes)
    days = campaign.days
    dates = np.datetime64(campaign.start, "D") + np.arange(days)
    weekday = (campaign.start.weekday() + np.arange(days)) % 7
    month = dates.astype("datetime64[M]").astype(np.int64) % 12

    if campaign.business_utc_offset_hours is None:
        to_mask_clock = np.zeros(n)
    else:
        to_mask_clock = campaign.business_utc_offset_hours - market.utc_offset_hours
    mask_week = (
        np.ones(HOURS_PER_WEEK)
        if campaign.hours_mask is None
        else campaign.hours_mask.reshape(-1).astype(np.float64)
    )
    # Each country's view of the mask, in its local time: (C, 7, 24).
    local_open = _shift_week(mask_week, -to_mask_clock).reshape(n, 7, 24)
    wait = wait_minutes(mask_week >= 0.5)
    # A business that never opens never replies (the floor is for late replies, not none).
    late_week = np.where(
        np.isfinite(wait), reply_factor(params, campaign.reply_minutes + wait), 0.0
    )
    local_late = _shift_week(late_week, -to_mask_clock).reshape(n, 7, 24)
    on_time = float(reply_factor(params, campaign.reply_minutes)) if mask_week.any() else 0.0

    activity, ctr_hour = _hour_weights(params, campaign.cta)
    # People online in the hours the ad may run: its inventory; Meta's delivery, optimised
    # for the result, spends a day's budget on those hours in proportion to activity ×
    # the chance of a tap (so an unscheduled Call ad already leans to calling hours).
    available = activity * local_open if campaign.schedule_to_hours else activity[None]
    available = np.broadcast_to(available, (n, 7, 24))
    delivery = available * ctr_hour
    taps_by_hour = delivery * ctr_hour
    day_delivery = available.sum(axis=2)  # (C, 7): share of a day's activity available
    day_weights = delivery.sum(axis=2)
    day_taps = taps_by_hour.sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        ctr_day = np.where(day_weights > 0, day_taps / day_weights, 0.0)
        tap_share = np.where(day_taps[..., None] > 0, taps_by_hour / day_taps[..., None], 0.0)
    open_share = (tap_share * local_open).sum(axis=2)  # (C, 7)
    lead_share = (tap_share * local_late).sum(axis=2)
    closed_callback = (tap_share * (1 - local_open) * local_late).sum(axis=2)

    inventory_share, placement_ctr = placement_mix(params, campaign.placements)
    active = market.active & (inventory_share > 0)
    share = np.where(active, market.budget_share, 0.0)
    if share.sum() > 0:
        share = share / share.sum()
    elif active.any():
        share = active / active.sum()
    day_weight = np.ones((days, n))
    if campaign.schedule_to_hours:
        # A lifetime budget spent in open hours only, in proportion to the open activity.
        open_days = day_delivery.T[weekday]  # (D, C)
        mean_open = open_days.mean(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            day_weight = np.where(mean_open > 0, open_days / mean_open, 0.0)
    base_spend = campaign.daily_budget * _SPEND_SAFETY * share[None, :] * day_weight

    season = market.cpm_season[:, month].T  # (D, C)
    cpm = np.where(active, market.cpm_usd, 1.0)
    cost_per_impression = season * cpm[None, :] / 1000.0
    # What the audience can absorb in a day: its inventory on the ad's placements, in the
    # hours the ad runs; past max_price_multiple × the price, delivery stops.
    inventory = (
        market.audience[None, :]
        * params.value("inventory_per_person_day")
        * inventory_share
        * day_delivery.T[weekday]
    )
    inventory = np.where(active[None, :], inventory, 0.0)
    with np.errstate(divide="ignore"):
        inverse_inventory = np.where(inventory > 0, 1.0 / np.maximum(inventory, 1e-12), 0.0)
    spend_cap = (params.value("max_price_multiple") - 1.0) * cost_per_impression * inventory
    # Expected impressions (no noise, typical pacing, price level 1) for the frequency.
    typical = np.minimum(base_spend * (1 - params.value("pacing_shortfall") / 2), spend_cap)
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = np.where(
            typical > 0, typical / (cost_per_impression + typical * inverse_inventory), 0.0
        )
        inverse_audience = np.where(active, 1.0 / np.maximum(market.audience, 1e-9), 0.0)
    expected_seen = np.cumsum(expected, axis=0) * inverse_audience[None, :]

    base_ctr = params.value("ctr_median") * placement_ctr * campaign.creative_ctr_factor
    f32 = _F32
    return _Plan(
        cta=campaign.cta,
        base_spend=base_spend.astype(f32),
        spend_cap=spend_cap.astype(f32),
        cost_per_impression=cost_per_impression.astype(f32),
        inverse_inventory=inverse_inventory.astype(f32),
        expected_seen=expected_seen.astype(f32),
        ctr=(base_ctr * ctr_day.T[weekday]).astype(f32),
        lead_share=lead_share.T[weekday].astype(f32),
        open_share=open_share.T[weekday].astype(f32),
        closed_callback=closed_callback.T[weekday].astype(f32),
        open_callback=(open_share.T[weekday] * on_time).astype(f32),
        restricted=market.call_restricted & active,
        weekday=weekday,
        tap_share=tap_share,
        local_open=local_open,
        to_mask_clock=to_mask_clock,
    )


# --- one block of runs ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Outputs:
    impressions: np.ndarray
    clicks: np.ndarray
    conversations: np.ndarray
    leads: np.ndarray
    answered: np.ndarray | None
    pace: np.ndarray
    price: np.ndarray
    learning_days: np.ndarray
    capped: np.ndarray  # (runs,) bool: the audience limited this run's spend somewhere


def _auction_noise(params: ModelParams) -> np.ndarray:
    """256 equally likely log-normal price multipliers with E[1 / multiplier] = 1 (realised
    CPM is spend / impressions, so noise must not move its level)."""
    z = np.array([NormalDist().inv_cdf((i + 0.5) / 256) for i in range(256)])
    table = np.exp(params.value("cpm_auction_noise_sigma") * z)
    return (table * np.mean(1.0 / table)).astype(_F32)


def _learning(
    results: np.ndarray, premium: np.ndarray, noise: np.ndarray, events: float, window: int
) -> tuple[np.ndarray, np.ndarray]:
    """(multiplier on results per run and day, days spent learning per run).

    While learning, results are divided by the run's premium and vary by `noise`; learning
    ends after the first day whose trailing `window` days reach `events` results.
    """
    days = results.shape[1]
    learning = results * noise / premium[:, None]
    running = np.cumsum(learning, axis=1)
    trailing = running.copy()
    trailing[:, window:] -= running[:, :-window]
    reached = trailing >= events
    exit_day = np.where(reached.any(axis=1), reached.argmax(axis=1), days - 1)
    learning_days = np.where(reached.any(axis=1), exit_day + 1, days)
    in_learning = np.arange(days)[None, :] < learning_days[:, None]
    factor = np.where(in_learning, noise / premium[:, None], 1.0)
    return factor.astype(_F32), learning_days.astype(np.int16)


def _simulate_block(
    plan: _Plan,
    params: ModelParams,
    shared: np.random.Generator,
    own: np.random.Generator,
    out: _Outputs,
    first: int,
    last: int,
) -> np.ndarray:
    """Simulate runs first..last-1 into `out`; return their taps summed over runs (D, C)."""
    runs = last - first
    days, n = plan.base_spend.shape
    shape = (runs, days, n)
    cells = runs * days * n
    f32 = _F32

    # What both buttons share: pacing, price level, appeal, fatigue, learning, noise.
    pace = out.pace[first:last]
    np.multiply(shared.random((runs, days), dtype=f32), -params.value("pacing_shortfall"), out=pace)
    pace += 1
    price = out.price[first:last]
    price[:] = params.draw("cpm_level", shared, (runs, n))
    appeal = params.draw("ctr_appeal", shared, (runs, 1, 1)) * params.draw(
        "ctr_country", shared, (runs, 1, n)
    )
    drop = params.draw("fatigue_ctr_drop", shared, (runs, 1, 1)).astype(f32)
    premium = params.draw("learning_cost_premium", shared, (runs,))
    sigma = params.value("learning_noise_sigma")
    learning_noise = np.exp(sigma * shared.standard_normal((runs, days)) - sigma * sigma / 2)
    noise_bytes = shared.bit_generator.random_raw((cells + 7) // 8).view(np.uint8)[:cells]

    # Three (runs, days, countries) buffers do the work below, each ~4 bytes a cell. When a
    # buffer takes a new role it gets a new name and the old name is deleted, so no name
    # changes its meaning halfway (and a buffer no longer needed is freed at once).
    spend = np.multiply(plan.base_spend, pace[:, :, None])
    # The audience's limit binds only for a small audience: check cheaply before applying.
    if price.size and (plan.base_spend > plan.spend_cap * price.min()).any():
        cap = plan.spend_cap * price[:, None, :]
        out.capped[first:last] = (spend > cap).any(axis=(1, 2))
        np.minimum(spend, cap, out=spend)

    # Price: base × season × auction noise × run level, bid up by volume.
    cost_per_impression = _auction_noise(params).take(noise_bytes).reshape(shape)
    cost_per_impression *= plan.cost_per_impression
    cost_per_impression *= price[:, None, :]
    bid_up = np.multiply(spend, plan.inverse_inventory)
    cost_per_impression += bid_up
    with np.errstate(invalid="ignore", divide="ignore"):
        impressions = np.divide(spend, cost_per_impression, out=cost_per_impression)
    del cost_per_impression  # its buffer holds the expected impressions now
    np.nan_to_num(impressions, copy=False, nan=0.0)
    whole_impressions = np.add(impressions, 0.5, out=bid_up)
    del bid_up  # its buffer holds the impressions rounded to whole ones now
    np.floor(whole_impressions, out=whole_impressions)
    shown = out.impressions[first:last]
    np.copyto(shown, whole_impressions, casting="unsafe")
    del whole_impressions

    # Frequency = f0 + cumulative impressions / audience, from the expected path scaled by
    # this run's price level and pacing so far; above the threshold people tap less.
    running_pace = np.cumsum(pace, axis=1)
    running_pace /= np.arange(1, days + 1, dtype=f32)
    fatigue = np.multiply(plan.expected_seen, running_pace[:, :, None], out=spend)
    del spend  # its buffer holds the fatigue divisor now
    fatigue /= price[:, None, :]
    fatigue += f32(params.value("reach_min_frequency") - params.value("fatigue_from_frequency"))
    np.maximum(fatigue, 0, out=fatigue)
    fatigue *= drop
    fatigue += 1

    taps = np.multiply(impressions, plan.ctr, out=impressions)
    del impressions  # its buffer holds the expected taps now
    taps *= appeal.astype(f32)
    taps /= fatigue
    del fatigue

    def learn(results: np.ndarray) -> np.ndarray:
        return _learn(params, results, premium, learning_noise, out, first)

    funnel = _message_counts if plan.cta == "message" else _call_counts
    counts = funnel(plan, params, own, taps, learn)
    clicks = out.clicks[first:last]
    np.copyto(clicks, counts["clicks"])
    np.copyto(out.conversations[first:last], counts["results"])
    np.copyto(out.leads[first:last], counts["leads"])
    if out.answered is not None:
        np.copyto(out.answered[first:last], counts["answered"])
    # Taps cannot exceed impressions (the Poisson tail, only when impressions are few).
    if (clicks > shown).any():
        np.minimum(clicks, shown, out=clicks)
        results = out.conversations[first:last]
        np.minimum(results, clicks, out=results)
        np.minimum(out.leads[first:last], results, out=out.leads[first:last])
        if out.answered is not None:
            np.minimum(out.answered[first:last], results, out=out.answered[first:last])
    return clicks.sum(axis=0, dtype=np.float64)


def _draw(rng: np.random.Generator, means: list[np.ndarray]) -> list[np.ndarray]:
    """Independent Poisson counts (int32) of each mean array, one random word per cell."""
    cells = means[0].size
    words = rng.bit_generator.random_raw((len(means) * cells + 1) // 2).view(np.uint32)
    words = words[: len(means) * cells].reshape(len(means), cells)
    counts = []
    for mean, word in zip(means, words, strict=True):
        count = np.empty(mean.shape, np.int32)
        poisson(np.ascontiguousarray(mean, dtype=_F32).reshape(-1), word, count.reshape(-1))
        counts.append(count)
    return counts


def _learn(
    params: ModelParams,
    results: np.ndarray,
    premium: np.ndarray,
    noise: np.ndarray,
    out: _Outputs,
    first: int,
) -> np.ndarray:
    """The learning multiplier (R, D, 1) of a block's expected results; records the days
    each run spent learning."""
    factor, learning_days = _learning(
        results.sum(axis=2, dtype=np.float64),
        premium,
        noise,
        params.value("learning_events"),
        int(params.value("learning_window_days")),
    )
    out.learning_days[first : first + len(learning_days)] = learning_days
    return factor[:, :, None]


def _message_counts(
    plan: _Plan,
    params: ModelParams,
    rng: np.random.Generator,
    taps: np.ndarray,
    learn: Callable[[np.ndarray], np.ndarray],
) -> dict[str, np.ndarray]:
    """Tap → message sent → lead (after the reply), drawn as independent Poisson parts."""
    runs = taps.shape[0]
    send = params.draw("message_send_rate", rng, (runs, 1, 1)).astype(_F32)
    lead = params.draw("message_lead_rate", rng, (runs, 1, 1)).astype(_F32)
    sent = taps * send
    sent *= learn(sent)  # while learning, each result costs more
    np.minimum(sent, taps, out=sent)
    leads = sent * plan.lead_share
    leads *= lead
    lead_count, rest_count, idle_count = _draw(rng, [leads, sent - leads, taps - sent])
    results = lead_count + rest_count
    return {"leads": lead_count, "results": results, "clicks": results + idle_count}


def _call_counts(
    plan: _Plan,
    params: ModelParams,
    rng: np.random.Generator,
    taps: np.ndarray,
    learn: Callable[[np.ndarray], np.ndarray],
) -> dict[str, np.ndarray]:
    """Tap → call placed → answered, or missed and called back after the reply time → lead.

    Where WhatsApp calling is restricted, most placed calls never connect: they are missed
    and cannot be returned on WhatsApp either.
    """
    runs = taps.shape[0]
    tap_ratio = params.draw("call_ctr_ratio", rng, (runs, 1, 1)).astype(_F32)
    dial = params.draw("call_dial_rate", rng, (runs, 1, 1)).astype(_F32)
    answer = params.draw("call_answer_rate", rng, (runs, 1, 1)).astype(_F32)
    callback = params.draw("call_callback_rate", rng, (runs, 1, 1)).astype(_F32)
    lead = params.draw("call_lead_rate", rng, (runs, 1, 1)).astype(_F32)
    restricted = params.draw("call_restricted_connect_rate", rng, (runs, 1, 1)).astype(_F32)
    connect = np.where(plan.restricted[None, None, :], restricted, _F32(1.0)).astype(_F32)
    # The block's taps are a Message ad's; a Call ad is tapped `tap_ratio` as often (the
    # caller is done with its taps: the buffer is reused).
    call_taps = np.multiply(taps, tap_ratio, out=taps)
    del taps
    placed = call_taps * dial
    placed *= learn(placed)
    np.minimum(placed, call_taps, out=placed)
    connected = placed * connect
    answered = connected * plan.open_share
    answered *= answer
    callback_share = plan.closed_callback + (1 - answer) * plan.open_callback
    returned = connected * callback_share
    returned *= callback * lead
    answered_leads = answered * lead
    missed = placed - answered
    counts = _draw(
        rng,
        [
            answered_leads,
            returned,
            answered - answered_leads,
            missed - returned,
            call_taps - placed,
        ],
    )
    answered_lead, returned_lead, answered_rest, missed_rest, idle = counts
    answered_total = answered_lead + answered_rest
    results = answered_total + returned_lead + missed_rest
    return {
        "leads": answered_lead + returned_lead,
        "answered": answered_total,
        "results": results,
        "clicks": results + idle,
    }


def simulate_campaign(
    market: MarketInputs,
    campaign: CampaignInputs,
    params: ModelParams | None = None,
    progress: Callable[[float], None] | None = None,
) -> SimulationResult:
    """Run the Monte Carlo: `campaign.runs` repetitions of every day and country.

    Same inputs, parameters and seed, same result, whatever the machine's thread count.
    `progress`, when given, is called from this thread with the share of runs done.
    """
    params = params or default_params()
    plan = _plan(market, campaign, params)
    runs, days, n = campaign.runs, campaign.days, len(market.codes)
    shape = (runs, days, n)
    out = _Outputs(
        impressions=np.empty(shape, np.int32),
        clicks=np.zeros(shape, np.int32),
        conversations=np.zeros(shape, np.int32),
        leads=np.zeros(shape, np.int32),
        answered=np.zeros(shape, np.int32) if campaign.cta == "call" else None,
        pace=np.empty((runs, days), np.float32),
        price=np.empty((runs, n), np.float32),
        learning_days=np.empty(runs, np.int16),
        capped=np.zeros(runs, bool),
    )
    per_block = max(1, BLOCK_CELLS // max(1, days * n))
    starts = list(range(0, runs, per_block))
    seed = int(campaign.seed)
    shared = np.random.default_rng(np.random.SeedSequence([seed, 0])).spawn(len(starts))
    own = np.random.default_rng(np.random.SeedSequence([seed, 1 + CTAS.index(campaign.cta)])).spawn(
        len(starts)
    )

    def block(index: int) -> np.ndarray:
        first = starts[index]
        last = min(first + per_block, runs)
        return _simulate_block(plan, params, shared[index], own[index], out, first, last)

    threads = min(MAX_THREADS, os.cpu_count() or 1, len(starts))
    tap_sums: list[np.ndarray] = []
    if threads > 1:
        with ThreadPoolExecutor(threads) as pool:
            futures = [pool.submit(block, i) for i in range(len(starts))]
            for done, future in enumerate(as_completed(futures), start=1):
                tap_sums.append(future.result())
                if progress is not None:
                    progress(done / len(starts))
    else:
        for i in range(len(starts)):
            tap_sums.append(block(i))
            if progress is not None:
                progress((i + 1) / len(starts))
    mean_taps = np.sum(tap_sums, axis=0) / runs  # (D, C)

    hourly_taps, hourly_missed = _hourly(plan, params, mean_taps)
    return SimulationResult(
        market=market,
        campaign=campaign,
        params=params,
        dates=np.datetime64(campaign.start, "D") + np.arange(days),
        impressions=out.impressions,
        clicks=out.clicks,
        conversations=out.conversations,
        leads=out.leads,
        answered=out.answered,
        hourly_taps=hourly_taps,
        hourly_missed=hourly_missed,
        pace=out.pace,
        price=out.price,
        base_spend=plan.base_spend,
        spend_cap=plan.spend_cap,
        capped=bool(out.capped.any()),
        learning_days=out.learning_days,
    )


def _hourly(plan: _Plan, params: ModelParams, mean_taps: np.ndarray) -> tuple[np.ndarray, ...]:
    """Expected taps and missed calls by hour of the week (7, 24), in the mask's clock."""
    by_weekday = np.zeros((7, mean_taps.shape[1]))
    np.add.at(by_weekday, plan.weekday, mean_taps)
    taps_local = by_weekday.T[:, :, None] * plan.tap_share  # (C, 7, 24)
    if plan.cta == "call":
        connect = np.where(plan.restricted, params.value("call_restricted_connect_rate"), 1.0)
        answered = connect[:, None, None] * params.value("call_answer_rate") * plan.local_open
        missed_local = taps_local * params.value("call_dial_rate") * (1 - answered)
    else:
        missed_local = np.zeros_like(taps_local)
    n = taps_local.shape[0]
    # An explicit width: with no country at all, reshape(n, -1) cannot infer it.
    taps = _shift_week(taps_local.reshape(n, 7 * 24), plan.to_mask_clock).sum(axis=0)
    missed = _shift_week(missed_local.reshape(n, 7 * 24), plan.to_mask_clock).sum(axis=0)
    return taps.reshape(7, 24), missed.reshape(7, 24)
