"""From a Campaign to the engine's inputs, and the forecasts the pages ask for.

The engine knows nothing of ads or countries; this module supplies the country figures from
the catalog (CPM rule, audience, rollout in the scenario, local time, calling
restrictions, seasonality where one is published), the budget split from targeting, and the
creative, placements and hours from the ad.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from components.campaign.hours import valid_timezone, weekly_mask
from components.campaign.model import CTA_LABELS, Campaign
from components.campaign.placements import PLACEMENTS
from components.forecast.engine import (
    CampaignInputs,
    MarketInputs,
    SimulationResult,
    simulate_campaign,
)
from components.forecast.params import ModelParams, default_params
from components.forecast.rules import CALIBRATED_CPM, base_cpm, creative_factor
from components.forecast.summaries import spend_response_curve
from components.world.locations import location_audience
from components.world.regions import get_country, load_catalog, rollout_status
from components.world.targeting import budget_split

# Countries with a published monthly CPM curve, and its parameter; the rest have none.
SEASON_CURVES = {"US": "cpm_season_us"}
# The most (run, day, country) cells one forecast of the app may hold: at most 28 bytes a
# cell once spend and reach are built, so 4M cells stay under 112 MB (a Message-vs-Call
# pair twice that), and the shared forecast cache (session.FORECAST_CACHE_BYTES) plus one
# forecast being computed stay within the 600 MB a server may grow (bench/hostile_memory).
# Past it the runs are reduced, with a note on the page.
MAX_FORECAST_CELLS = 4_000_000
MIN_RUNS = 20


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


def market_inputs(ad: Campaign, start: date, params: ModelParams | None = None) -> MarketInputs:
    """The targeted countries as the engine sees them (unknown codes are left out)."""
    params = params or default_params()
    codes = tuple(code for code in ad.countries if get_country(code))
    countries = [get_country(code) for code in codes]
    split = budget_split(ad)
    total = sum(split.values())
    shares = np.array([split.get(code, 0.0) / total if total else 0.0 for code in codes])
    season = np.ones((len(codes), 12))
    for row, code in enumerate(codes):
        if code in SEASON_CURVES:
            season[row] = params.curve(SEASON_CURVES[code])
    return MarketInputs(
        codes=codes,
        cpm_usd=np.array(
            [base_cpm(c.alpha2, c.income_tier, c.continent, params) for c in countries]
        ),
        audience=np.array([location_audience(ad, code) for code in codes], dtype=float),
        budget_share=shares,
        delivers=np.array(
            [rollout_status(code, ad.scenario).status == "available" for code in codes],
            dtype=bool,
        ),
        utc_offset_hours=np.array([_utc_offset(c.timezone, start) for c in countries]),
        call_restricted=np.array([c.call_restricted for c in countries], dtype=bool),
        cpm_season=season,
    )


def ad_placements(cta: str) -> tuple[str, ...]:
    """The placements an ad with this button runs on (Call: mobile ones that take CALL_NOW)."""
    if cta != "call":
        return tuple(PLACEMENTS)
    return tuple(key for key, p in PLACEMENTS.items() if p.supports_call and p.mobile)


def campaign_inputs(ad: Campaign, start: date, params: ModelParams | None = None) -> CampaignInputs:
    """The campaign settings, creative and business hours as the engine sees them."""
    return CampaignInputs(
        cta=ad.cta,
        daily_budget=float(ad.budget),
        days=int(ad.days),
        start=start,
        runs=bounded_runs(ad),
        seed=int(ad.seed),
        reply_minutes=float(ad.reply_minutes),
        schedule_to_hours=bool(ad.schedule_hours and ad.cta == "call"),
        hours_mask=weekly_mask(ad.hours),
        creative_ctr_factor=creative_factor(
            len(ad.text), len(ad.headline), len(ad.description), ad.image is not None, params
        ),
        placements=ad_placements(ad.cta),
        business_utc_offset_hours=_utc_offset(ad.hours.timezone, start),
    )


def bounded_runs(ad: Campaign) -> int:
    """The Monte Carlo runs a forecast of this ad uses: the ad's own, reduced when runs ×
    days × countries would pass MAX_FORECAST_CELLS (never below MIN_RUNS)."""
    per_run = max(1, int(ad.days) * max(1, len(ad.countries)))
    return int(max(MIN_RUNS, min(int(ad.runs), MAX_FORECAST_CELLS // per_run)))


def forecast(
    ad: Campaign,
    params: ModelParams | None = None,
    progress: Callable[[float], None] | None = None,
) -> SimulationResult:
    """Simulate the campaign the ad describes."""
    params = params or default_params()
    start = ad.start or default_start()
    return simulate_campaign(
        market_inputs(ad, start, params), campaign_inputs(ad, start, params), params, progress
    )


def launch_countries(scenario: str = "launch") -> tuple[str, ...]:
    """Every country where the unit is available in the scenario."""
    return tuple(
        code for code in load_catalog() if rollout_status(code, scenario).status == "available"
    )


def standard_scenario_ad(base: Campaign, runs: int = 1000, days: int = 90) -> Campaign:
    """The benchmark's standard scenario: every country available at launch, 90 days."""
    return replace(base, countries=launch_countries(), days=days, runs=runs, budget=1000.0)


def spend_curve(ad: Campaign, points: int = 10, runs: int = 60) -> pd.DataFrame:
    """Expected results over a range of daily budgets around the chosen one."""
    start = ad.start or default_start()
    budgets = np.unique(np.round(np.geomspace(max(ad.budget, 1) / 10, max(ad.budget, 1) * 50,
                                              points), 2))  # fmt: skip
    return spend_response_curve(market_inputs(ad, start), campaign_inputs(ad, start), budgets, runs)


def compare_buttons(
    ad: Campaign, progress: Callable[[float], None] | None = None
) -> dict[str, SimulationResult]:
    """The same campaign with each button: the market's draws shared, each button's funnel
    drawn on its own."""
    pair = {}
    for index, cta in enumerate(("message", "call")):
        step = None if progress is None else (lambda done, i=index: progress((i + done) / 2))
        pair[CTA_LABELS[cta]] = forecast(replace(ad, cta=cta), progress=step)
    return pair


def cpm_table(scenario: str = "launch") -> pd.DataFrame:
    """Every country's base CPM and whether it is a published figure or the written rule."""
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
