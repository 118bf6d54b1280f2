"""From an AdSpec to the engine's inputs, and the forecast itself.

The engine (`simulate`) knows nothing of ads or countries; this module supplies the country
figures from the catalog (CPM rule, audience, rollout in the scenario, local time), the
budget split from targeting, and the creative and hours from the ad.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from components.ad import AdSpec
from components.assumptions import base_cpm, creative_factor
from components.hours import valid_timezone, weekly_mask
from components.regions import audience_estimate, get_country, load_catalog, rollout_status
from components.simulate import CampaignInputs, MarketInputs, SimulationResult, simulate_campaign
from components.targeting import budget_split


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
