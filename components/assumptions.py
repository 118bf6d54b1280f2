"""Every parameter of the engagement model, in one place, each with its source.

The simulator (`components/simulate.py`) reads the typed module constants below; the
"Model & assumptions" page lists `ASSUMPTIONS` (or `assumption_rows()`) with their sources.
Each parameter is an `Assumption`: a published figure carries its source and
`is_assumption=False`; a value we chose carries `source="assumption"` and a note on why.

Figures come from product.md ("Figures to calibrate the simulation"): superads.ai 2025,
twoowls.io, adamigo.ai 2026, convertlab360, WordStream 2025, seresa.io, raiontech.io,
aurorainbox.com and Meta's Help Center. Everything is in USD. The recommended text lengths
are read from `components.ad`, their one home, and only listed here.

Also here, because they are rules the page shows: `base_cpm()` (the CPM of a country
without a figure of its own), `creative_factor()` (copy and image penalties on CTR) and
`lead_rate()` (the lead rate against the business's reply time).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

import numpy as np

from components.ad import (
    DESCRIPTION_LIMIT,
    HEADLINE_LIMIT,
    PRIMARY_TEXT_LIMIT,
    REELS_TEXT_LIMIT,
    STORY_TEXT_LIMIT,
)

Value = float | int | tuple[float, ...] | Mapping[str, float]

ASSUMPTION: Final = "assumption"
SRC_SUPERADS: Final = "superads.ai, Facebook CPM by country (2025)"
SRC_TWOOWLS: Final = "twoowls.io, Facebook CPM by country (2024, low confidence)"
SRC_ADAMIGO: Final = "adamigo.ai, Meta ads benchmarks by country tier (2026)"
SRC_SEASON: Final = "superads.ai (2025); convertlab360"
SRC_CONVERTLAB: Final = "convertlab360"
SRC_CTR: Final = "WordStream (2025); superads.ai (2025)"
SRC_SERESA: Final = "seresa.io"
SRC_RAIONTECH: Final = "raiontech.io"
SRC_AURORA: Final = "aurorainbox.com"
SRC_META_TEXT: Final = "Meta Help Center 223409425500940, 908491205873167, 679041123045316"
SRC_META_SCHEDULE: Final = "Meta Help Center 435270316658768, 4107704079279896 (Sep 2025 test)"


@dataclass(frozen=True, slots=True)
class Assumption:
    """One model parameter: its value, unit, source, and whether we chose it."""

    key: str
    label: str
    value: Value
    unit: str
    source: str
    is_assumption: bool
    note: str = ""

    @property
    def kind(self) -> str:
        """'assumption' or 'published', for the page's table."""
        return "assumption" if self.is_assumption else "published"

    def display_value(self) -> str:
        """The value as short text: numbers to 4 significant figures, curves and maps listed."""
        return _format_value(self.value)


def _format_value(value: Value) -> str:
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {_format_value(v)}" for k, v in value.items())
    if isinstance(value, tuple):
        return ", ".join(_format_value(v) for v in value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.4g}"


_REGISTRY: dict[str, Assumption] = {}


def _add(
    key: str,
    label: str,
    value: Value,
    unit: str,
    source: str,
    note: str = "",
) -> Value:
    """Register one parameter (a bare `ASSUMPTION` source marks it as ours) and return it."""
    if key in _REGISTRY:
        raise ValueError(f"duplicate assumption key {key!r}")
    if isinstance(value, Mapping):
        value = MappingProxyType(dict(value))
    _REGISTRY[key] = Assumption(key, label, value, unit, source, source == ASSUMPTION, note)
    return value


def _f(value: Value) -> float:
    assert isinstance(value, int | float)
    return float(value)


def _pair(value: Value) -> tuple[float, float]:
    assert isinstance(value, tuple) and len(value) == 2
    return float(value[0]), float(value[1])


def _curve(value: Value) -> tuple[float, ...]:
    assert isinstance(value, tuple)
    return tuple(float(v) for v in value)


def _map(value: Value) -> Mapping[str, float]:
    assert isinstance(value, Mapping)
    return value


# --- price (CPM) -------------------------------------------------------------------------

CPM_US: Final[float] = _f(
    _add(
        "cpm_us",
        "CPM, United States",
        22.70,
        "USD per 1,000 impressions",
        SRC_SUPERADS,
        "2025 average",
    )
)
CPM_US_MONTHLY_RANGE: Final[tuple[float, float]] = _pair(
    _add(
        "cpm_us_monthly_range",
        "CPM, United States, monthly range",
        (20.43, 28.35),
        "USD per 1,000 impressions",
        SRC_SUPERADS,
        "January lowest, November highest (2025)",
    )
)
CPM_IN: Final[float] = _f(
    _add("cpm_in", "CPM, India", 1.81, "USD per 1,000 impressions", SRC_SUPERADS, "2025 average")
)
CPM_IN_RANGE: Final[tuple[float, float]] = _pair(
    _add(
        "cpm_in_range",
        "CPM, India, range",
        (0.80, 4.12),
        "USD per 1,000 impressions",
        SRC_SUPERADS,
        "2025",
    )
)
CPM_BR: Final[float] = _f(
    _add(
        "cpm_br",
        "CPM, Brazil",
        3.20,
        "USD per 1,000 impressions",
        SRC_TWOOWLS,
        "2024; the source rates it low confidence",
    )
)
CPM_TIER_RANGES: Final[Mapping[int, tuple[float, float]]] = MappingProxyType(
    {
        1: _pair(_add("cpm_tier1_range", "CPM tier 1 (US, UK, Australia)", (10.0, 23.0),
                      "USD per 1,000 impressions", SRC_ADAMIGO)),
        2: _pair(_add("cpm_tier2_range", "CPM tier 2", (6.50, 12.0),
                      "USD per 1,000 impressions", SRC_ADAMIGO)),
        3: _pair(_add("cpm_tier3_range", "CPM tier 3 (India, Nigeria)", (1.50, 4.0),
                      "USD per 1,000 impressions", SRC_ADAMIGO)),
    }
)  # fmt: skip
# Countries with a figure of their own; every other country gets base_cpm()'s rule.
CALIBRATED_CPM: Final[Mapping[str, float]] = MappingProxyType(
    {"US": CPM_US, "IN": CPM_IN, "BR": CPM_BR}
)
CPM_INCOME_ANCHOR: Final[Mapping[str, float]] = _map(
    _add(
        "cpm_income_anchor",
        "CPM rule: anchor by income tier",
        {"1": 16.50, "2": 4.00, "3": 2.75},
        "USD per 1,000 impressions",
        ASSUMPTION,
        "High income takes the midpoint of CPM tier 1 (10–23); lower-middle and low income the "
        "midpoint of tier 3 (1.50–4). Upper-middle income takes the top of tier 3, not tier 2: "
        "its one calibrated market, Brazil, costs 3.20.",
    )
)
CPM_REGION_FACTOR: Final[Mapping[str, float]] = _map(
    _add(
        "cpm_region_factor",
        "CPM rule: factor by region (UN M49)",
        {"Americas": 1.00, "Oceania": 1.00, "Europe": 0.75, "Asia": 0.80, "Africa": 0.70},
        "× anchor",
        ASSUMPTION,
        "CPM of a country without its own figure = anchor(income tier) × factor(region), kept "
        "inside the published tiers' span 1.50–23. Europe, Asia and Africa price below the "
        "Americas at the same income. An unknown region uses 1.",
    )
)
# Realised CPM by calendar month relative to the annual average. Jan and Nov are the US
# monthly figures over the US average (20.43 / 22.70, 28.35 / 22.70); Q4 / Q1 = 1.18.
CPM_SEASON_BY_MONTH: Final[tuple[float, ...]] = _curve(
    _add(
        "cpm_season_by_month",
        "CPM season, January to December",
        (0.900, 0.930, 0.950, 0.960, 0.980, 0.990, 0.980, 0.999, 1.030, 1.010, 1.249, 1.022),
        "× annual average",
        SRC_SEASON,
        "January (0.90) and November (1.249) are the US monthly figures over the average; Q4 is "
        "18% above Q1 and the year averages 1. The months in between are our interpolation.",
    )
)
CPM_Q4_OVER_Q1: Final[float] = _f(
    _add("cpm_q4_over_q1", "CPM, Q4 over Q1", 1.18, "ratio", SRC_SEASON, "Q4 about 18% above Q1")
)
CPM_WEEKEND_DISCOUNT_RANGE: Final[tuple[float, float]] = _pair(
    _add(
        "cpm_weekend_discount_range",
        "Weekend CPM discount, published range",
        (0.20, 0.35),
        "share cheaper than weekdays",
        SRC_CONVERTLAB,
    )
)
CPM_WEEKEND_DISCOUNT: Final[float] = _f(
    _add(
        "cpm_weekend_discount",
        "Weekend CPM discount used",
        0.275,
        "share cheaper than weekdays",
        ASSUMPTION,
        "Midpoint of the published 20–35%. Weekday and weekend levels are scaled so the "
        "week's realised CPM (spend / impressions) equals the calibrated level.",
    )
)
CPM_AUCTION_NOISE_SIGMA: Final[float] = _f(
    _add(
        "cpm_auction_noise_sigma",
        "Auction noise on a day's CPM",
        0.20,
        "log-normal sigma",
        ASSUMPTION,
        "Day-to-day price swings of one country's auction; normalised so realised CPM keeps "
        "its calibrated level.",
    )
)
CPM_LEVEL_SIGMA: Final[float] = _f(
    _add(
        "cpm_level_sigma",
        "Uncertainty of a country's CPM level",
        0.10,
        "log-normal sigma, per run and country",
        ASSUMPTION,
        "How far a campaign's price level may sit from the benchmark; drawn once per run.",
    )
)
IMPRESSIONS_PER_PERSON_DAY: Final[float] = _f(
    _add(
        "impressions_per_person_day",
        "Inventory one advertiser wins at the base price",
        0.05,
        "impressions per reachable person per day",
        ASSUMPTION,
        "About one impression per person every 20 days. Buying more bids the price up: CPM × "
        "(1 + wanted / inventory), so impressions per dollar fall as the budget grows against "
        "the audience; buying the whole inventory doubles the price.",
    )
)

# --- reach and frequency ----------------------------------------------------------------

FREQUENCY_FATIGUE: Final[float] = _f(
    _add(
        "frequency_fatigue",
        "CTR fatigue per extra view",
        0.06,
        "CTR ÷ (1 + k × (frequency − 1))",
        ASSUMPTION,
        "Reach saturates as impressions / audience grows (reach = I / (1 + I / A), a Hill "
        "curve as in Robyn), so average frequency is 1 + I / A and people who have seen the "
        "ad tap less: at frequency 5 CTR is about 20% lower.",
    )
)

# --- taps (CTR) ---------------------------------------------------------------------------

CTR_MEDIAN: Final[float] = _f(
    _add(
        "ctr_median",
        "CTR, global median",
        0.0181,
        "taps per impression",
        SRC_CTR,
        "superads.ai; the base CTR of a Send Message ad",
    )
)
CTR_TRAFFIC_US: Final[float] = _f(
    _add(
        "ctr_traffic_us",
        "CTR, US traffic campaigns",
        0.0171,
        "taps per impression",
        "WordStream (2025)",
    )
)
CTR_LEAD_US: Final[float] = _f(
    _add(
        "ctr_lead_us", "CTR, US lead campaigns", 0.0259, "taps per impression", "WordStream (2025)"
    )
)
CTR_WEEKDAY_AFTERNOON_LIFT: Final[float] = _f(
    _add(
        "ctr_weekday_afternoon_lift",
        "CTR lift, weekdays 13:00–16:00",
        0.18,
        "share above other hours",
        SRC_CONVERTLAB,
    )
)
CTR_AFTERNOON_HOURS: Final[tuple[int, int]] = (13, 16)
# Share of a day's impressions by local hour (0–23): night low, lunch bump, evening peak.
HOURLY_ACTIVITY: Final[tuple[float, ...]] = _curve(
    _add(
        "hourly_activity",
        "Impressions by local hour, 0 to 23",
        (2.0, 1.2, 0.8, 0.6, 0.6, 1.0, 2.0, 3.2, 4.0, 4.4, 4.6, 4.9,
         5.4, 5.3, 5.0, 4.9, 5.0, 5.3, 5.8, 6.3, 6.8, 6.6, 5.4, 3.6),
        "relative weight",
        ASSUMPTION,
        "A typical day of social-media use, in the viewer's local time.",
    )
)  # fmt: skip
CTR_LEVEL_SIGMA: Final[float] = _f(
    _add(
        "ctr_level_sigma",
        "Uncertainty of a new ad's CTR",
        0.20,
        "log-normal sigma, per run",
        ASSUMPTION,
        "A new creative's true appeal is unknown before launch; drawn once per run.",
    )
)
CTR_COUNTRY_SIGMA: Final[float] = _f(
    _add(
        "ctr_country_sigma",
        "Uncertainty of CTR by country",
        0.10,
        "log-normal sigma, per run and country",
        ASSUMPTION,
        "The same ad lands a little differently in each market; drawn once per run.",
    )
)
PLACEMENT_CTR: Final[Mapping[str, float]] = _map(
    _add(
        "placement_ctr",
        "CTR by placement",
        {
            "automatic": 1.00,
            "fb_feed_mobile": 1.10,
            "fb_feed_desktop": 0.85,
            "ig_feed": 0.90,
            "fb_story": 0.75,
            "ig_story": 0.75,
            "marketplace": 0.80,
            "reels": 0.70,
        },
        "× base CTR",
        ASSUMPTION,
        "The median CTR mixes placements ('automatic' = 1); feeds sit above, full-screen "
        "video placements below.",
    )
)
CALL_CTR_MULTIPLIER: Final[float] = _f(
    _add(
        "call_ctr_multiplier",
        "CTR of Call Now against Send Message",
        0.75,
        "× base CTR",
        ASSUMPTION,
        "A phone call asks more of a person than a message, so fewer tap it.",
    )
)
_add(
    "text_limits",
    "Recommended text lengths",
    {
        "primary text": PRIMARY_TEXT_LIMIT,
        "headline": HEADLINE_LIMIT,
        "description": DESCRIPTION_LIMIT,
        "Stories primary text": STORY_TEXT_LIMIT,
        "Reels primary text": REELS_TEXT_LIMIT,
    },
    "characters",
    SRC_META_TEXT,
    "Longer text is cut with 'See more'. Defined in components.ad.",
)
CREATIVE_PENALTY: Final[Mapping[str, float]] = _map(
    _add(
        "creative_penalty",
        "CTR penalty of creative problems",
        {"text": 0.90, "headline": 0.95, "description": 0.97, "no_image": 0.60},
        "× CTR when the problem is present",
        ASSUMPTION,
        "Copy over its recommended length is cut with 'See more' and loses taps; an ad "
        "without an image loses most of its stopping power.",
    )
)

# --- message: tap → conversation → lead -------------------------------------------------

TAP_ABANDON_MAX: Final[float] = _f(
    _add(
        "tap_abandon_max",
        "Taps that abandon before sending, at most",
        0.90,
        "share",
        SRC_SERESA,
        "'up to 90%'",
    )
)
TAP_TO_CONVERSATION: Final[float] = _f(
    _add(
        "tap_to_conversation",
        "Taps that start a conversation",
        0.30,
        "share of taps",
        ASSUMPTION,
        "70% abandon: a typical ad with a pre-filled message, better than the published worst "
        "case of 90%.",
    )
)
REPLY_SPEED_RATIO: Final[float] = _f(
    _add(
        "reply_speed_ratio",
        "Lead rate, reply in 5 min against 30 min",
        21.0,
        "ratio",
        SRC_RAIONTECH,
        "'about 21× more likely to qualify'",
    )
)
LEAD_RATE_EXCELLENT_RANGE: Final[tuple[float, float]] = _pair(
    _add(
        "lead_rate_excellent_range",
        "Chat to lead, 'excellent'",
        (0.30, 0.45),
        "share of conversations",
        SRC_AURORA,
        "lead generation; appointments 40–60%",
    )
)
LEAD_RATE_FAST: Final[float] = _f(
    _add(
        "lead_rate_fast",
        "Chat to lead, replying within 5 minutes",
        0.20,
        "share of conversations",
        ASSUMPTION,
        "A realistic typical business, below the 30–45% that the source calls excellent.",
    )
)
LEAD_RATE_FLOOR: Final[float] = _f(
    _add(
        "lead_rate_floor",
        "Chat to lead, however late the reply",
        0.005,
        "share of conversations",
        ASSUMPTION,
        "A few people wait for an answer whatever it takes.",
    )
)
FAST_REPLY_MINUTES: Final[float] = 5.0
SLOW_REPLY_MINUTES: Final[float] = 30.0
# Exponential decay after 5 minutes, solved so lead_rate(5) / lead_rate(30) = 21 exactly.
LEAD_RATE_DECAY_PER_MINUTE: Final[float] = _f(
    _add(
        "lead_rate_decay_per_minute",
        "Lead-rate decay per minute of reply time",
        -math.log(
            (LEAD_RATE_FAST / REPLY_SPEED_RATIO - LEAD_RATE_FLOOR)
            / (LEAD_RATE_FAST - LEAD_RATE_FLOOR)
        )
        / (SLOW_REPLY_MINUTES - FAST_REPLY_MINUTES),
        "per minute",
        SRC_RAIONTECH,
        "Derived: lead rate = floor + (fast − floor) × exp(−k × (minutes − 5)) after 5 minutes, "
        "with k set so 5 minutes beats 30 by 21×. A message sent while the business is closed "
        "waits until it opens.",
    )
)
FUNNEL_SIGMA: Final[float] = _f(
    _add(
        "funnel_sigma",
        "Uncertainty of conversation and lead rates",
        0.15,
        "log-normal sigma, per run",
        ASSUMPTION,
        "How well a business's chats convert is unknown before launch; drawn once per run.",
    )
)

# --- call: tap → call → lead ------------------------------------------------------------

CALL_ANSWER_RATE: Final[float] = _f(
    _add(
        "call_answer_rate",
        "Calls answered during business hours",
        0.80,
        "share of calls",
        ASSUMPTION,
        "Busy lines and staff away; every call outside business hours is missed. A tap on "
        "Call Now places one call.",
    )
)
CALL_LEAD_RATE: Final[float] = _f(
    _add(
        "call_lead_rate",
        "Answered call to lead",
        0.35,
        "share of answered calls",
        ASSUMPTION,
        "A caller who got through is in a live conversation: high intent.",
    )
)
SCHEDULE_CALL_LIFT: Final[float] = _f(
    _add(
        "schedule_call_lift",
        "Call conversions when call ads run in business hours only",
        0.254,
        "share above unscheduled",
        SRC_META_SCHEDULE,
    )
)
SCHEDULE_PRICE_ELASTICITY: Final[float] = _f(
    _add(
        "schedule_price_elasticity",
        "Price of concentrating delivery into business hours",
        0.81,
        "CPM × (open share of the week's activity) ^ −e",
        ASSUMPTION,
        "Scheduling needs a lifetime budget, spent in open hours only, where the ad competes "
        "for fewer impressions. e is set so a Mon–Fri 09:00–17:00 schedule gives +25% answered "
        "calls for the same budget, as in Meta's test (without it, the model would give "
        "+230%: every tap would land in open hours at the same price).",
    )
)
SCHEDULE_MIN_OPEN_SHARE: Final[float] = 0.02  # caps the premium of a near-empty schedule

# --- pacing --------------------------------------------------------------------------------

LEARNING_RAMP: Final[tuple[float, ...]] = _curve(
    _add(
        "learning_ramp",
        "Share of the daily budget spent, first days",
        (0.75, 0.85, 0.95),
        "share",
        ASSUMPTION,
        "Delivery ramps up during the learning phase, then spends in full.",
    )
)
PACING_SHORTFALL: Final[float] = _f(
    _add(
        "pacing_shortfall",
        "Daily under-delivery, at most",
        0.05,
        "share of the day's budget",
        ASSUMPTION,
        "Pacing never spends above the budget and sometimes a little below.",
    )
)

ASSUMPTIONS: Final[Mapping[str, Assumption]] = MappingProxyType(_REGISTRY)


def assumption_rows() -> list[dict[str, str | bool]]:
    """One row per parameter, in order, for a table on the Model & assumptions page."""
    return [
        {
            "key": a.key,
            "parameter": a.label,
            "value": a.display_value(),
            "unit": a.unit,
            "source": a.source,
            "kind": a.kind,
            "note": a.note,
        }
        for a in ASSUMPTIONS.values()
    ]


# --- rules ------------------------------------------------------------------------------

_REGION_ALIASES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "americas": "Americas",
        "north america": "Americas",
        "northern america": "Americas",
        "south america": "Americas",
        "latin america": "Americas",
        "latin america and the caribbean": "Americas",
        "central america": "Americas",
        "caribbean": "Americas",
        "na": "Americas",
        "sa": "Americas",
        "europe": "Europe",
        "eu": "Europe",
        "asia": "Asia",
        "as": "Asia",
        "africa": "Africa",
        "af": "Africa",
        "oceania": "Oceania",
        "australia and new zealand": "Oceania",
        "oc": "Oceania",
    }
)


def region_factor(continent: str) -> float:
    """The CPM factor of a UN M49 region ('Americas', 'Europe', …); 1 when unknown."""
    name = " ".join(str(continent).replace("_", " ").replace("-", " ").split()).lower()
    region = _REGION_ALIASES.get(name)
    return CPM_REGION_FACTOR[region] if region else 1.0


def base_cpm(alpha2: str, income_tier: int, continent: str) -> float:
    """A country's CPM in USD: its published figure, or the rule for everyone else.

    The rule (an assumption, shown on the Model & assumptions page): the anchor of the
    income tier (1 high, 2 upper-middle, 3 lower-middle and low; others are clamped to 1–3)
    times the region's factor, kept inside 1.50–23, the span of the published CPM tiers.
    """
    code = str(alpha2).strip().upper()
    if code in CALIBRATED_CPM:
        return CALIBRATED_CPM[code]
    tier = min(max(int(income_tier), 1), 3)
    low, high = CPM_TIER_RANGES[3][0], CPM_TIER_RANGES[1][1]
    return float(min(max(CPM_INCOME_ANCHOR[str(tier)] * region_factor(continent), low), high))


def creative_factor(
    text_len: int,
    headline_len: int,
    description_len: int,
    has_image: bool,
    placement: str = "automatic",
) -> float:
    """The CTR multiplier (≤ 1) of an ad's copy and image, for `CampaignInputs`.

    Each text over its recommended length (primary text 125, or 100 in Stories and 72 in
    Reels; headline 40; description 25) and a missing image each apply their penalty.
    """
    text_limit = PRIMARY_TEXT_LIMIT
    if placement in ("fb_story", "ig_story"):
        text_limit = STORY_TEXT_LIMIT
    elif placement == "reels":
        text_limit = REELS_TEXT_LIMIT
    factor = 1.0
    if text_len > text_limit:
        factor *= CREATIVE_PENALTY["text"]
    if headline_len > HEADLINE_LIMIT:
        factor *= CREATIVE_PENALTY["headline"]
    if description_len > DESCRIPTION_LIMIT:
        factor *= CREATIVE_PENALTY["description"]
    if not has_image:
        factor *= CREATIVE_PENALTY["no_image"]
    return factor


def lead_rate(reply_minutes: float | np.ndarray) -> float | np.ndarray:
    """Chat-to-lead rate against the business's reply time in minutes (vectorised).

    Flat at `LEAD_RATE_FAST` up to 5 minutes, then decays towards `LEAD_RATE_FLOOR`;
    `lead_rate(5) / lead_rate(30)` is 21 (raiontech.io).
    """
    minutes = np.maximum(np.asarray(reply_minutes, dtype=np.float64) - FAST_REPLY_MINUTES, 0.0)
    rate = LEAD_RATE_FLOOR + (LEAD_RATE_FAST - LEAD_RATE_FLOOR) * np.exp(
        -LEAD_RATE_DECAY_PER_MINUTE * minutes
    )
    return float(rate) if rate.ndim == 0 else rate
