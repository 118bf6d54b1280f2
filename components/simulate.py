"""The engagement model: a seeded, vectorised Monte Carlo of a WhatsApp-button campaign.

For every run, day and targeted country it simulates the funnel

    budget → spend → impressions (price) → reach/frequency → taps → conversations or calls
    → leads

and returns whole counts of shape (runs, days, countries), summarised as p10/p50/p90.
Every parameter comes from `components.assumptions`, where each has its source. The engine
depends on nothing else in the app: build `MarketInputs` and `CampaignInputs` by hand (a
notebook can) and call `simulate_campaign`.

How it stays fast (the standard scenario, 90 days × 190 countries × 1,000 runs = 17M
cells, takes well under 1.5 s on 2 cores; see bench/bench_simulate.py):

* Runs are processed in blocks of about 256K cells, so temporaries stay in the CPU's
  caches and are reused in place (`out=`); there is no Python loop over impressions,
  days or countries, only over blocks of Monte Carlo runs. Blocks run on a thread pool of
  two (numpy releases the GIL), and each block draws from its own child of the one
  `default_rng(seed)`, so the result does not depend on the number of threads.
* Taps are Poisson with mean impressions × CTR (the limit of Binomial(impressions, CTR)
  for a CTR of a few percent). A Poisson count thinned by a probability splits into
  independent Poisson parts, so the funnel is drawn as three independent Poisson counts
  (taps without a result, results that are not leads, leads) and summed: the counts are
  whole and ordered by construction (leads ≤ conversations ≤ taps ≤ impressions).
* Each Poisson count comes from one 32-bit random word through a precomputed inverse-CDF
  table small enough for the L2 cache (`_poisson`), accurate to 1/65,536 in probability;
  from a mean of 16 on, a normal approximation (skewness ≤ 0.25).
* Day-to-day auction noise comes from a 256-level log-normal quantile table indexed by
  one random byte.
* Only impressions, taps, conversations and leads are stored per cell. Spend (budget ×
  pacing), reach (a fixed function of cumulative impressions) and missed calls (taps −
  answered calls) are built on first access, and totals of spend and reach are computed
  without building them.
* The frequency that tires the ad is taken from the expected cumulative impressions,
  scaled by the run's price level and pacing so far: the day-to-day auction noise averages
  out over the days, so it is left out of the frequency (not out of the impressions).

Time: a day is the local calendar day of each country. Viewers' activity and CTR follow
the viewer's local clock. `CampaignInputs.hours_mask` is read in each country's local
time, unless `business_utc_offset_hours` is given: then the mask is the business's own
clock and `MarketInputs.utc_offset_hours` moves every country's taps onto it (a tap at
14:00 in Mumbai reaches a business in São Paulo at 05:30). `hourly_taps` and
`hourly_missed` are in the mask's clock.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, cached_property
from statistics import NormalDist
from typing import Final

import numpy as np
import pandas as pd

from components import assumptions as A
from components.assumptions import creative_factor

__all__ = [
    "CampaignInputs",
    "MarketInputs",
    "Quantiles",
    "SimulationResult",
    "by_country",
    "creative_factor",
    "daily_quantiles",
    "metric_totals",
    "simulate_campaign",
    "spend_response_curve",
    "summary",
    "win_probability",
]

CTAS: Final = ("message", "call")
HOURS_PER_WEEK: Final = 168
# Cells per block of runs: each float32 temporary is about 1 MB, within the L2/L3 caches.
BLOCK_CELLS: Final = 262_144
MAX_THREADS: Final = 2
# Float32 rounding could otherwise lift a sum of spend a hair above the budget.
_SPEND_SAFETY: Final = 1.0 - 2.0**-20


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

    `cpm_usd` is the base CPM (see `assumptions.base_cpm`), `audience` the reachable
    people, `budget_share` the split of the daily budget (renormalised over the delivering
    countries; all zero means an equal split), `delivers` whether the ad runs there in the
    chosen scenario, `utc_offset_hours` the country's offset from UTC (zeros if omitted).
    """

    codes: tuple[str, ...]
    cpm_usd: np.ndarray
    audience: np.ndarray
    budget_share: np.ndarray
    delivers: np.ndarray
    utc_offset_hours: np.ndarray | None = None

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
    scheduling, `daily_budget × days` is a lifetime budget spread over the open days (so a
    single day may spend more than `daily_budget`; the campaign never spends more than
    `daily_budget × days`). `creative_ctr_factor` comes from `creative_factor()`.
    `placement` is a key of `assumptions.PLACEMENT_CTR`.
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
    placement: str = "automatic"
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
        if self.placement not in A.PLACEMENT_CTR:
            raise ValueError(f"unknown placement {self.placement!r}")
        offset = self.business_utc_offset_hours
        if offset is not None and not math.isfinite(offset):
            raise ValueError("business_utc_offset_hours must be finite")
        object.__setattr__(self, "days", int(self.days))
        object.__setattr__(self, "runs", int(self.runs))
        if self.hours_mask is not None:
            mask = np.array(self.hours_mask, dtype=bool)
            if mask.shape != (7, 24):
                raise ValueError(f"hours_mask must have shape (7, 24), got {mask.shape}")
            mask.setflags(write=False)
            object.__setattr__(self, "hours_mask", mask)


@dataclass(frozen=True)
class Quantiles:
    """The 10th, 50th and 90th percentiles of a metric over the Monte Carlo runs."""

    p10: float
    p50: float
    p90: float


@dataclass(frozen=True, eq=False)
class SimulationResult:
    """Simulated counts, each of shape (runs, days, countries), and the inputs.

    `impressions`, `clicks` (taps), `conversations` (conversations started for message
    ads, calls answered for call ads) and `leads` are int32 arrays. `spend` (float32 USD),
    `reach` (people reached for the first time that day, so it sums over days) and
    `missed_calls` (calls not answered, outside business hours or not picked up; zero for
    message ads) are computed from them on first access, because they are fixed functions
    of the pacing and the impressions. `hourly_taps` and `hourly_missed` are (7, 24),
    Monday first: expected taps and missed calls over the campaign by hour of the week, in
    the clock of `hours_mask` (see the module docstring).
    """

    market: MarketInputs
    campaign: CampaignInputs
    dates: np.ndarray
    impressions: np.ndarray
    clicks: np.ndarray
    conversations: np.ndarray
    leads: np.ndarray
    hourly_taps: np.ndarray
    hourly_missed: np.ndarray
    pace: np.ndarray  # (runs, days) float32: share of each day's budget spent
    base_spend: np.ndarray  # (days, countries) float32: budget before pacing

    @property
    def codes(self) -> tuple[str, ...]:
        return self.market.codes

    @property
    def runs(self) -> int:
        return int(self.impressions.shape[0])

    @cached_property
    def spend(self) -> np.ndarray:
        """Spend in USD per run, day and country (float32)."""
        return self.base_spend[None, :, :] * self.pace[:, :, None]

    def cumulative_reach(self, impressions_so_far: np.ndarray) -> np.ndarray:
        """People reached by cumulative impressions I: I / (1 + I / audience), floored."""
        seen = np.asarray(impressions_so_far, dtype=np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(self.market.audience > 0, seen / self.market.audience, 0.0)
        return np.floor(seen / (1 + ratio))

    @cached_property
    def reach(self) -> np.ndarray:
        """People reached for the first time, per run, day and country (int32)."""
        so_far = self.cumulative_reach(np.cumsum(self.impressions, axis=1, dtype=np.int64))
        return np.diff(so_far, axis=1, prepend=0).astype(np.int32)

    @cached_property
    def missed_calls(self) -> np.ndarray:
        """Calls not answered (call ads); a read-only zero array for message ads."""
        if self.campaign.cta != "call":
            return np.broadcast_to(np.zeros((), np.int32), self.impressions.shape)
        return self.clicks - self.conversations

    @property
    def result_label(self) -> str:
        """'Conversations started' (message) or 'Calls' (call)."""
        return "Calls" if self.campaign.cta == "call" else "Conversations started"

    @property
    def cost_label(self) -> str:
        """'Cost per conversation' (message) or 'Cost per call' (call)."""
        return "Cost per call" if self.campaign.cta == "call" else "Cost per conversation"


# --- Poisson sampler ----------------------------------------------------------------------

# A float32 mean, read as an integer, is a log-spaced grid index for free: the exponent and
# the top _MANTISSA_BITS of the mantissa pick one of 16 means per octave, and the remaining
# mantissa bits are the exact linear position between two grid means. Drawing the upper
# one with that probability makes a mixture whose mean is exactly the wanted mean.
_MANTISSA_BITS: Final = 4
_SHIFT: Final = 23 - _MANTISSA_BITS
_LOWEST_OCTAVE: Final = -14  # means below 2^-14 count as zero (bias < 6e-5 per cell)
_NORMAL_FROM: Final = 16.0  # at and above this mean, the normal approximation
_K_LO: Final = (127 + _LOWEST_OCTAVE) << _MANTISSA_BITS
_K_HI: Final = (127 + int(math.log2(_NORMAL_FROM))) << _MANTISSA_BITS
_ROWS: Final = _K_HI - _K_LO + 2  # the last row is the mean 0
_U_BIN_BITS: Final = 8  # 256 bins of the 16-bit uniform per row
_Z_BITS: Final = 12


@cache
def _poisson_table() -> np.ndarray:
    """Per grid mean and uniform bin: the count at the bin's lower edge and two thresholds.

    The 16-bit uniform u splits into a bin (high 8 bits) and a position in it (low 8
    bits). Packed as `count << 18 | first << 9 | second`: the draw is
    count + (position ≥ first) + (position ≥ second), the exact inverse CDF unless three
    jumps of the CDF share one bin (only far in a tail, where each count has probability
    under 1/256). The table (≈300 KB) stays in the CPU's L2 cache. The last row is the mean
    0, where every out-of-range key lands (means ≥ 16 are then drawn by the normal path).
    """
    bins = 1 << _U_BIN_BITS
    width = 65536 // bins
    table = np.zeros((_ROWS, bins), dtype=np.int64)
    table[-1] = (2 << 18) | (width << 9) | width  # mean 0: 0, thresholds never reached
    edges = np.arange(bins) * width
    for row, key in enumerate(range(_K_LO, _K_HI + 1)):
        mean = 2.0 ** ((key >> _MANTISSA_BITS) - 127) * (
            1 + (key & ((1 << _MANTISSA_BITS) - 1)) / (1 << _MANTISSA_BITS)
        )
        counts = np.arange(int(mean + 12 * math.sqrt(mean) + 20))
        log_pmf = counts * math.log(mean) - mean - np.array([math.lgamma(k + 1) for k in counts])
        # In units of u: the draw is the number of counts k with cdf_u[k] ≤ u.
        cdf_u = np.ceil(np.cumsum(np.exp(log_pmf)) * 65536.0)
        cdf_u = np.append(np.minimum(cdf_u, 65536), 65536)
        q = np.searchsorted(cdf_u, edges, side="right")
        first = np.clip(cdf_u[np.minimum(q, len(cdf_u) - 1)] - edges, 0, width)
        second = np.clip(cdf_u[np.minimum(q + 1, len(cdf_u) - 1)] - edges, 0, width)
        table[row] = ((q + 2) << 18) | (first.astype(np.int64) << 9) | second.astype(np.int64)
    assert table.max() < 2**32
    return table.astype(np.uint32).reshape(-1)


@cache
def _z_table() -> np.ndarray:
    """Standard normal quantiles at the midpoints of 4,096 equal bins."""
    n = 1 << _Z_BITS
    inv = NormalDist().inv_cdf
    return np.array([inv((i + 0.5) / n) for i in range(n)], dtype=np.float32)


def _poisson(mean: np.ndarray, word: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Poisson counts for float32 means (≥ 0), one random uint32 word each, into `out`.

    `out` is an int32 array of the same size; it is returned.
    """
    bits = mean.view(np.uint32)
    key = bits >> _SHIFT
    # The low 16 random bits dither between neighbouring grid means with the probability
    # given by the mean's remaining mantissa bits; the high 16 bits are the uniform.
    frac = bits >> (_SHIFT - 16)
    frac &= 0xFFFF
    # Comparisons of small unsigned numbers as wrap-around subtraction: (a - b) >> 31 is
    # 1 exactly when a < b. It keeps every pass in uint32 (a bool would need a cast).
    dither = word & 0xFFFF
    dither -= frac
    dither >>= 31
    key += dither
    key -= _K_LO  # below the grid wraps around to a huge key, clamped to the zero row
    np.minimum(key, _ROWS - 1, out=key)
    key <<= _U_BIN_BITS
    key += word >> (32 - _U_BIN_BITS)
    packed = _poisson_table().take(key)
    position = np.right_shift(word, 16, out=dither)
    position &= (1 << (16 - _U_BIN_BITS)) - 1
    count = np.right_shift(packed, 18, out=out.view(np.uint32))  # count + 2
    below = np.right_shift(packed, 9, out=frac)
    below &= 0x1FF
    np.subtract(position, below, out=below)
    below >>= 31
    count -= below  # minus 1 unless position ≥ first
    packed &= 0x1FF
    np.subtract(position, packed, out=packed)
    packed >>= 31
    count -= packed  # minus 1 unless position ≥ second
    large = np.flatnonzero(mean >= _NORMAL_FROM)
    if large.size:
        # Normal approximation, from the same uniform (skewness ≤ 0.25 here).
        big = mean[large]
        z = _z_table()[word[large] >> (32 - _Z_BITS)]
        out[large] = np.floor(big + np.sqrt(big) * z + 0.5)
    return out


@cache
def _auction_noise_table() -> np.ndarray:
    """256 equally likely log-normal CPM multipliers with E[1 / multiplier] = 1.

    Normalised on 1 / multiplier because realised CPM is spend / impressions: the
    calibrated CPMs are what advertisers paid on average, so noise must not move them.
    """
    z = np.array([NormalDist().inv_cdf((i + 0.5) / 256) for i in range(256)])
    table = np.exp(A.CPM_AUCTION_NOISE_SIGMA * z)
    return (table * np.mean(1.0 / table)).astype(np.float32)


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


def _wait_minutes(open_week: np.ndarray) -> np.ndarray:
    """Minutes a message sent in each hour of the week waits for the business to open."""
    open_hours = np.flatnonzero(open_week)
    if open_hours.size == 0:
        return np.full(HOURS_PER_WEEK, np.inf)
    ahead = (open_hours[None, :] - np.arange(HOURS_PER_WEEK)[:, None]) % HOURS_PER_WEEK
    hours = ahead.min(axis=1)
    # A message sent in a closed hour arrives on average half an hour into it.
    return np.where(hours == 0, 0.0, (hours - 0.5) * 60.0)


def _hour_weights() -> tuple[np.ndarray, np.ndarray]:
    """Impressions by local hour (each day sums to 1) and the CTR factor by hour of week."""
    activity = np.asarray(A.HOURLY_ACTIVITY, dtype=np.float64)
    activity = np.tile(activity / activity.sum(), 7).reshape(7, 24)
    ctr = np.ones((7, 24))
    first, end = A.CTR_AFTERNOON_HOURS
    ctr[:5, first:end] += A.CTR_WEEKDAY_AFTERNOON_LIFT
    # Normalised so an unscheduled week averages the calibrated CTR.
    ctr /= (activity * ctr).sum(axis=1).mean()
    return activity, ctr


def _weekday_cpm() -> np.ndarray:
    """CPM factor by weekday (Monday first); the week's realised CPM is unchanged."""
    discount = A.CPM_WEEKEND_DISCOUNT
    weekday = (5 + 2 / (1 - discount)) / 7
    return np.array([weekday] * 5 + [weekday * (1 - discount)] * 2)


# --- plan: everything that does not vary between runs --------------------------------------


@dataclass(frozen=True)
class _Plan:
    base_spend: np.ndarray  # (D, C) float32, before pacing
    ramp: np.ndarray  # (D,) float32
    cost_per_impression: np.ndarray  # (D, C) float32
    inverse_inventory: np.ndarray  # (C,) float32
    expected_seen: np.ndarray  # (D, C) float32: expected cumulative impressions / audience
    ctr: np.ndarray  # (D, C) float32
    p_result: np.ndarray  # (D, C) float32: tap → conversation, or tap → answered call
    p_lead: np.ndarray  # (D, C) float32
    weekday: np.ndarray  # (D,) int
    tap_share: np.ndarray  # (C, 7, 24): a local weekday's taps by hour
    missed_share: np.ndarray  # (C, 7, 24): share of those taps that are missed calls
    to_mask_clock: np.ndarray  # (C,) hours to add to local time to read the mask's clock


def _plan(market: MarketInputs, campaign: CampaignInputs) -> _Plan:
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
    lead_week = A.lead_rate(campaign.reply_minutes + _wait_minutes(mask_week >= 0.5))
    local_lead = _shift_week(lead_week, -to_mask_clock).reshape(n, 7, 24)

    activity, ctr_hour = _hour_weights()
    open_activity = (activity * local_open).sum(axis=2)  # (C, 7)
    delivery = activity * local_open if campaign.schedule_to_hours else activity[None]
    delivery = np.broadcast_to(delivery, (n, 7, 24))
    taps_by_hour = delivery * ctr_hour
    day_delivery = delivery.sum(axis=2)
    day_taps = taps_by_hour.sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        ctr_day = np.where(day_delivery > 0, day_taps / day_delivery, 0.0)
        tap_share = np.where(day_taps[..., None] > 0, taps_by_hour / day_taps[..., None], 0.0)
    open_share = (tap_share * local_open).sum(axis=2)  # (C, 7): taps in open hours
    lead_share = (tap_share * local_lead).sum(axis=2)

    # Spend: the daily budget split over delivering countries, ramped up while learning.
    active = market.active
    share = np.where(active, market.budget_share, 0.0)
    if share.sum() > 0:
        share = share / share.sum()
    elif active.any():
        share = active / active.sum()
    ramp = np.ones(days)
    head = min(days, len(A.LEARNING_RAMP))
    ramp[:head] = A.LEARNING_RAMP[:head]
    day_weight = np.ones((days, n))
    premium = np.ones(n)
    if campaign.schedule_to_hours:
        # A lifetime budget spent in open hours only, in proportion to the open activity.
        open_days = open_activity.T[weekday]  # (D, C)
        mean_open = open_days.mean(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            day_weight = np.where(mean_open > 0, open_days / mean_open, 0.0)
        week_open = np.maximum(open_activity.mean(axis=1), A.SCHEDULE_MIN_OPEN_SHARE)
        premium = week_open ** (-A.SCHEDULE_PRICE_ELASTICITY)
    base_spend = campaign.daily_budget * _SPEND_SAFETY * share[None, :] * day_weight

    season = np.asarray(A.CPM_SEASON_BY_MONTH)[month]
    cpm = np.where(active, market.cpm_usd, 1.0) * premium
    cost_per_impression = season[:, None] * _weekday_cpm()[weekday][:, None] * cpm / 1000.0
    inventory = market.audience * A.IMPRESSIONS_PER_PERSON_DAY
    with np.errstate(divide="ignore"):
        inverse_inventory = np.where(active, 1.0 / np.maximum(inventory, 1e-9), 0.0)
        inverse_audience = np.where(active, 1.0 / np.maximum(market.audience, 1e-9), 0.0)
    # Expected impressions (no noise, full pacing) for the frequency that tires the ad.
    ramped = base_spend * ramp[:, None]
    expected = ramped / (cost_per_impression + ramped * inverse_inventory)
    expected_seen = np.cumsum(expected, axis=0) * inverse_audience

    base_ctr = A.CTR_MEDIAN * A.PLACEMENT_CTR[campaign.placement] * campaign.creative_ctr_factor
    if campaign.cta == "call":
        base_ctr *= A.CALL_CTR_MULTIPLIER
        p_result = A.CALL_ANSWER_RATE * open_share.T[weekday]
        p_lead = np.full((days, n), A.CALL_LEAD_RATE)
        missed_share = 1.0 - A.CALL_ANSWER_RATE * local_open
    else:
        p_result = np.full((days, n), A.TAP_TO_CONVERSATION)
        p_lead = lead_share.T[weekday]
        missed_share = np.zeros((n, 7, 24))

    f32 = np.float32
    return _Plan(
        base_spend=base_spend.astype(f32),
        ramp=ramp.astype(f32),
        cost_per_impression=cost_per_impression.astype(f32),
        inverse_inventory=inverse_inventory.astype(f32),
        expected_seen=expected_seen.astype(f32),
        ctr=(base_ctr * ctr_day.T[weekday]).astype(f32),
        p_result=np.clip(p_result, 0, 1).astype(f32),
        p_lead=np.clip(p_lead, 0, 1).astype(f32),
        weekday=weekday,
        tap_share=tap_share,
        missed_share=missed_share,
        to_mask_clock=to_mask_clock,
    )


# --- one block of runs ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Outputs:
    impressions: np.ndarray
    clicks: np.ndarray
    conversations: np.ndarray
    leads: np.ndarray
    pace: np.ndarray


def _lognormal(rng: np.random.Generator, sigma: float, shape: tuple[int, ...]) -> np.ndarray:
    """Multipliers with mean 1."""
    return np.exp(sigma * rng.standard_normal(shape) - sigma * sigma / 2)


def _simulate_block(
    plan: _Plan, rng: np.random.Generator, out: _Outputs, first: int, last: int
) -> np.ndarray:
    """Simulate runs first..last-1 into `out`; return their taps summed over runs (D, C)."""
    runs = last - first
    days, n = plan.base_spend.shape
    shape = (runs, days, n)
    cells = runs * days * n
    f32 = np.float32

    # Per-run draws, small: pacing (R, D), price level and CTR level (R, C), funnel rates.
    pace = out.pace[first:last]
    np.multiply(rng.random((runs, days), dtype=f32), -A.PACING_SHORTFALL, out=pace)
    pace += 1
    pace *= plan.ramp
    # Price level: E[1 / level] = 1 keeps the realised CPM at its calibrated level, so
    # the impressions a dollar buys scale by `volume`, with mean 1.
    volume = _lognormal(rng, A.CPM_LEVEL_SIGMA, (runs, 1, n)).astype(f32)
    ctr_level = (
        _lognormal(rng, A.CTR_LEVEL_SIGMA, (runs, 1, 1))
        * _lognormal(rng, A.CTR_COUNTRY_SIGMA, (runs, 1, n))
    ).astype(f32)
    result_level = _lognormal(rng, A.FUNNEL_SIGMA, (runs, 1, 1)).astype(f32)
    lead_level = _lognormal(rng, A.FUNNEL_SIGMA, (runs, 1, 1)).astype(f32)
    # Per-cell randomness: one byte of auction noise and three 32-bit words.
    words = rng.bit_generator.random_raw((3 * cells + 1) // 2).view(np.uint32)
    noise_bytes = rng.bit_generator.random_raw((cells + 7) // 8).view(np.uint8)[:cells]

    spend = np.multiply(plan.base_spend, pace[:, :, None])

    # Price: base × season × weekday × auction noise ÷ run level, bid up by volume:
    # impressions = spend / (cost per impression + spend / inventory).
    cost = _auction_noise_table().take(noise_bytes).reshape(shape)
    cost *= plan.cost_per_impression
    cost /= volume
    pressure = np.multiply(spend, plan.inverse_inventory)
    cost += pressure
    impressions = np.divide(spend, cost, out=cost)
    np.add(impressions, 0.5, out=pressure)
    np.floor(pressure, out=pressure)
    shown = out.impressions[first:last]
    np.copyto(shown, pressure, casting="unsafe")

    # Frequency = 1 + cumulative impressions / audience (the Hill reach curve), from the
    # expected path scaled by this run's price level and pacing so far (the day-to-day
    # auction noise averages out); people who have seen the ad more often tap less.
    running_pace = np.cumsum(pace, axis=1)
    running_pace /= np.cumsum(plan.ramp)
    fatigue = np.multiply(plan.expected_seen, running_pace[:, :, None], out=spend)
    fatigue *= volume * f32(A.FREQUENCY_FATIGUE)
    fatigue += 1

    taps = np.multiply(impressions, plan.ctr, out=impressions)
    taps *= ctr_level
    taps /= fatigue
    # Funnel means: results = taps × p_result, leads = results × p_lead; drawn as three
    # independent Poisson parts so their sums are ordered whole counts.
    results = np.multiply(plan.p_result, result_level, out=fatigue)
    np.minimum(results, 1, out=results)
    results *= taps
    taps -= results  # taps that get no result
    leads = np.multiply(plan.p_lead, lead_level, out=pressure)
    np.minimum(leads, 1, out=leads)
    leads *= results
    results -= leads  # results that are not leads
    words = words[: 3 * cells].reshape(3, cells)
    clicks = out.clicks[first:last]
    conversations = out.conversations[first:last]
    drawn_leads = out.leads[first:last]
    _poisson(leads.reshape(-1), words[0], drawn_leads.reshape(-1))
    _poisson(results.reshape(-1), words[1], conversations.reshape(-1))
    conversations += drawn_leads
    _poisson(taps.reshape(-1), words[2], clicks.reshape(-1))
    clicks += conversations
    # Taps cannot exceed impressions (the Poisson tail, only when impressions are few).
    if (clicks > shown).any():
        np.minimum(clicks, shown, out=clicks)
        np.minimum(conversations, clicks, out=conversations)
        np.minimum(drawn_leads, conversations, out=drawn_leads)
    return clicks.sum(axis=0, dtype=np.float64)


def simulate_campaign(market: MarketInputs, campaign: CampaignInputs) -> SimulationResult:
    """Run the Monte Carlo: `campaign.runs` repetitions of every day and country.

    Same inputs and seed, same result, whatever the machine's thread count.
    """
    plan = _plan(market, campaign)
    runs, days, n = campaign.runs, campaign.days, len(market.codes)
    shape = (runs, days, n)
    out = _Outputs(
        impressions=np.empty(shape, np.int32),
        clicks=np.empty(shape, np.int32),
        conversations=np.empty(shape, np.int32),
        leads=np.empty(shape, np.int32),
        pace=np.empty((runs, days), np.float32),
    )
    per_block = max(1, BLOCK_CELLS // max(1, days * n))
    starts = list(range(0, runs, per_block))
    rngs = np.random.default_rng(campaign.seed).spawn(len(starts))

    def block(index: int) -> np.ndarray:
        first = starts[index]
        return _simulate_block(plan, rngs[index], out, first, min(first + per_block, runs))

    threads = min(MAX_THREADS, os.cpu_count() or 1, len(starts))
    if threads > 1:
        with ThreadPoolExecutor(threads) as pool:
            tap_sums = list(pool.map(block, range(len(starts))))
    else:
        tap_sums = [block(i) for i in range(len(starts))]
    mean_taps = np.sum(tap_sums, axis=0) / runs  # (D, C)

    hourly_taps, hourly_missed = _hourly(plan, mean_taps)
    return SimulationResult(
        market=market,
        campaign=campaign,
        dates=np.datetime64(campaign.start, "D") + np.arange(days),
        impressions=out.impressions,
        clicks=out.clicks,
        conversations=out.conversations,
        leads=out.leads,
        hourly_taps=hourly_taps,
        hourly_missed=hourly_missed,
        pace=out.pace,
        base_spend=plan.base_spend,
    )


def _hourly(plan: _Plan, mean_taps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Expected taps and missed calls by hour of the week (7, 24), in the mask's clock."""
    by_weekday = np.zeros((7, mean_taps.shape[1]))
    np.add.at(by_weekday, plan.weekday, mean_taps)
    taps_local = by_weekday.T[:, :, None] * plan.tap_share  # (C, 7, 24)
    missed_local = taps_local * plan.missed_share
    n = taps_local.shape[0]
    # An explicit width: with no country at all, reshape(n, -1) cannot infer it.
    taps = _shift_week(taps_local.reshape(n, 7 * 24), plan.to_mask_clock).sum(axis=0)
    missed = _shift_week(missed_local.reshape(n, 7 * 24), plan.to_mask_clock).sum(axis=0)
    return taps.reshape(7, 24), missed.reshape(7, 24)


# --- summaries ------------------------------------------------------------------------------

COUNT_METRICS: Final = (
    "spend",
    "impressions",
    "reach",
    "clicks",
    "conversations",
    "missed_calls",
    "leads",
)
# ratio metric: (numerator, denominator, scale)
RATIO_METRICS: Final = {
    "cpm": ("spend", "impressions", 1000.0),
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
    if name == "spend" and axis in ((1, 2), (1,), (2,)):
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


def summary(result: SimulationResult) -> dict[str, Quantiles]:
    """Campaign totals over the runs, keyed by the Engagement page's metric labels.

    Keys: Spend, Impressions, Reach, CPM, Clicks, CTR (a fraction), the result
    ('Conversations started' or 'Calls'), its cost ('Cost per conversation' or 'Cost per
    call'), Leads, Cost per lead, and for call ads Missed calls.
    """
    every = (1, 2)
    out = {
        "Spend": _q(metric_totals(result, "spend", every)),
        "Impressions": _q(metric_totals(result, "impressions", every)),
        "Reach": _q(metric_totals(result, "reach", every)),
        "CPM": _q(metric_totals(result, "cpm", every)),
        "Clicks": _q(metric_totals(result, "clicks", every)),
        "CTR": _q(metric_totals(result, "ctr", every)),
        result.result_label: _q(metric_totals(result, "conversations", every)),
        result.cost_label: _q(metric_totals(result, "cost_per_result", every)),
        "Leads": _q(metric_totals(result, "leads", every)),
        "Cost per lead": _q(metric_totals(result, "cost_per_lead", every)),
    }
    if result.campaign.cta == "call":
        out["Missed calls"] = _q(metric_totals(result, "missed_calls", every))
    return out


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


def by_country(result: SimulationResult) -> pd.DataFrame:
    """One row per country: results p10/p50/p90 and medians of the other totals.

    Columns: country, delivers, results_p10, results_p50, results_p90, spend_p50,
    impressions_p50, clicks_p50, leads_p50, missed_calls_p50, cpm_p50, ctr_p50,
    cost_per_result_p50.
    """
    days = (1,)
    results = _quantiles(metric_totals(result, "conversations", days), axis=0)

    def median(metric: str) -> np.ndarray:
        return _quantiles(metric_totals(result, metric, days), axis=0)[1]

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
        result = simulate_campaign(market, scenario)
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
    result_a: SimulationResult, result_b: SimulationResult, metric: str = "conversations"
) -> float:
    """P(A's campaign total of `metric` > B's), over paired runs; ties count half.

    Pair runs with the same seed and market so both variants meet the same luck (common
    random numbers). For costs, lower is better: use 1 − the result.
    """
    every = (1, 2)
    a = metric_totals(result_a, metric, every)
    b = metric_totals(result_b, metric, every)
    n = min(len(a), len(b))
    a, b = a[:n], b[:n]
    return float(np.mean((a > b) + 0.5 * (a == b)))
