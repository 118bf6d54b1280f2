"""The written rules the forecast applies to a campaign: the CPM of a country without a
published figure, and the CTR penalty of an ad's copy and image. Their numbers are rows of
the parameter table (`components.forecast.params`)."""

from __future__ import annotations

from typing import Final

from components.campaign.model import DESCRIPTION_LIMIT, HEADLINE_LIMIT, PRIMARY_TEXT_LIMIT
from components.forecast.params import ModelParams, default_params

# Countries with a published CPM of their own, and the parameter that holds it.
CALIBRATED_CPM: Final = {"US": "cpm_us", "IN": "cpm_in", "BR": "cpm_br"}

_REGIONS: Final = {
    "americas": "americas",
    "north america": "americas",
    "northern america": "americas",
    "south america": "americas",
    "latin america": "americas",
    "latin america and the caribbean": "americas",
    "central america": "americas",
    "caribbean": "americas",
    "europe": "europe",
    "asia": "asia",
    "africa": "africa",
    "oceania": "oceania",
    "australia and new zealand": "oceania",
}


def region_factor(continent: str, params: ModelParams | None = None) -> float:
    """The CPM factor of a UN M49 region ('Americas', 'Europe', …); 1 when unknown."""
    params = params or default_params()
    name = " ".join(str(continent).replace("_", " ").replace("-", " ").split()).lower()
    region = _REGIONS.get(name)
    return params.value(f"cpm_factor_{region}") if region else 1.0


def base_cpm(
    alpha2: str, income_tier: int, continent: str, params: ModelParams | None = None
) -> float:
    """A country's CPM in USD: its published figure, or the rule for everyone else.

    The rule (an assumption, shown on the Model page): the anchor of the income tier (1
    high, 2 upper-middle, 3 lower-middle and low; others clamped to 1–3) times the region's
    factor, kept inside the span of the published CPM tiers (tier 3's low to tier 1's high).
    """
    params = params or default_params()
    code = str(alpha2).strip().upper()
    if code in CALIBRATED_CPM:
        return params.value(CALIBRATED_CPM[code])
    tier = min(max(int(income_tier), 1), 3)
    low, high = params.value("cpm_tier3_low"), params.value("cpm_tier1_high")
    anchor = params.value(f"cpm_anchor_tier{tier}")
    return float(min(max(anchor * region_factor(continent, params), low), high))


def creative_factor(
    text_len: int,
    headline_len: int,
    description_len: int,
    has_image: bool,
    params: ModelParams | None = None,
) -> float:
    """The CTR multiplier (≤ 1) of an ad's copy and image.

    Each text over its recommended length (primary text 125, headline 40, description 25)
    and a missing image each apply their penalty.
    """
    params = params or default_params()
    factor = 1.0
    if text_len > PRIMARY_TEXT_LIMIT:
        factor *= params.value("penalty_text")
    if headline_len > HEADLINE_LIMIT:
        factor *= params.value("penalty_headline")
    if description_len > DESCRIPTION_LIMIT:
        factor *= params.value("penalty_description")
    if not has_image:
        factor *= params.value("penalty_no_image")
    return factor
