"""The campaign's field rules: one row per `Campaign` field, read by every way in.

A row says what the field is called (`label`), which share-link parameter carries it
(`param`), and what it may hold: a hard ceiling on characters (`max_chars`), a range
(`low`…`high`, `whole` for whole numbers) or a vocabulary (`choices`, value → label). The
share-link reader (`components.campaign.model.from_query_params`, lenient: a bad value keeps
the base's and adds a note), the campaign-file reader (`components.campaign.campaign_file`,
strict: a bad value refuses the file) and the widgets (`components.ui`: `max_chars`,
`min_value`, `max_value`, option lists) all read these rows, so a limit is written once.

Meta's recommended lengths (warnings, never caps) are a different fact and stay beside the
model (`PRIMARY_TEXT_LIMIT` …).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from components.world.regions import SCENARIOS
from components.world.targeting import SPLIT_MODES

__all__ = [
    "CTA_LABELS",
    "FIELDS",
    "IMAGE_FITS",
    "MAX_CHARS",
    "NUMBER_RANGES",
    "SCENARIOS",
    "SHARE_PARAMS",
    "SPLIT_MODES",
    "FieldRule",
    "field_label",
]

# The button's label as Facebook shows it, by the value a campaign stores.
CTA_LABELS: Mapping[str, str] = MappingProxyType(
    {"message": "Send WhatsApp Message", "call": "Call Now"}
)
IMAGE_FITS: Mapping[str, str] = MappingProxyType(
    {"crop": "Fill the frame (crop)", "fit": "Show the whole image (bars)"}
)
# The welcome message (product.md): Meta's example shows 3 ice breakers; each at most 80.
MAX_QUICK_REPLIES = 3
QUICK_REPLY_LIMIT = 80


@dataclass(frozen=True)
class FieldRule:
    """What one `Campaign` field is called and what it may hold."""

    name: str
    label: str
    param: str = ""  # the share-link parameter; "" = a link never carries the field
    max_chars: int | None = None  # the longest text any way in accepts (never silently cut)
    low: int | float | None = None
    high: int | float | None = None
    whole: bool = False  # a whole number (a link's "14.5" days is refused)
    choices: Mapping[str, str] | None = None  # the values allowed, each with its label


# Text ceilings keep a mangled or hostile link or file from filling the page; they sit well
# above Meta's recommended lengths (product.md: 2,200 characters is Instagram's caption limit,
# 75 a Facebook Page name's), so nothing a person would write is refused.
_RULES = (
    FieldRule("business", "Page name", "business", max_chars=75),
    FieldRule("verified", "Verified badge", "verified"),
    FieldRule("text", "Primary text", "text", max_chars=2200),
    FieldRule("headline", "Headline", "headline", max_chars=255),
    FieldRule("description", "Description", "description", max_chars=255),
    FieldRule("cta", "Button", "cta", choices=CTA_LABELS),
    FieldRule("phone", "WhatsApp number", "phone", max_chars=64),
    FieldRule("region", "Number's country", "region"),
    FieldRule("prefill", "Pre-filled message", "prefill", max_chars=1000),
    FieldRule("greeting", "Greeting", "greeting", max_chars=1000),
    # In a link, the replies are one text joined by "|"; room for one reply too many, so the
    # note can say "at most 3" rather than "too long".
    FieldRule("replies", "Quick replies", "replies", max_chars=4 * (QUICK_REPLY_LIMIT + 1)),
    FieldRule("countries", "Target countries", "countries", max_chars=1500),
    FieldRule("scenario", "Rollout scenario", "scenario", choices=SCENARIOS),
    # Assumption: no small business's daily budget tops 100,000 USD; Meta's own cap is higher.
    FieldRule("budget", "Daily budget", "budget", low=0, high=100_000.0),
    FieldRule("days", "Campaign length", "days", low=1, high=365, whole=True),
    FieldRule("seed", "Simulation seed", "seed", low=0, high=2**31 - 1, whole=True),
    FieldRule("reply_minutes", "Reply time", "reply", low=0, high=24 * 60),
    FieldRule("schedule_hours", "Calls only in business hours", "schedule"),
    # Monte Carlo runs: the Engagement page offers 100 to 2,000.
    FieldRule("runs", "Simulation runs", "runs", low=100, high=2000, whole=True),
    # A forecast's first day: the years a link or file may name.
    FieldRule("start", "Start date", "start", low=2000, high=2100, whole=True),
    FieldRule("currency", "Currency", "currency"),
    FieldRule("city", "City", "city"),
    # Meta's city targeting takes a radius (Marketing API, Basic Targeting:
    # geo_locations.cities[].radius with distance_unit); below about 17 km (10 mi) the
    # audience is empty (Zernio API reference, TargetingSpecCitiesInner, docs.rs crate `late`);
    # Ads Manager offers up to 80 km (50 mi).
    FieldRule("radius_km", "Radius around the city", "radius", low=17, high=80, whole=True),
    FieldRule("image", "Image"),
    FieldRule("logo", "Logo"),
    FieldRule("story_image", "Story image"),
    FieldRule("image_fit", "Image framing", choices=IMAGE_FITS),
    FieldRule("split_mode", "Budget split", choices=SPLIT_MODES),
    FieldRule("manual_split", "Manual budget split"),
    # In a link, the weekly hours as text (`tz` carries their time zone).
    FieldRule("hours", "Business hours", "hours", max_chars=600),
)  # fmt: skip
FIELDS: Mapping[str, FieldRule] = MappingProxyType({rule.name: rule for rule in _RULES})

# Read from the rows above, for the callers that want one kind of rule.
MAX_CHARS: Mapping[str, int] = MappingProxyType(
    {rule.name: rule.max_chars for rule in _RULES if rule.max_chars is not None}
)
# Start dates are checked as dates, by year; the other ranges are the numbers themselves.
NUMBER_RANGES: Mapping[str, tuple[int | float, int | float]] = MappingProxyType(
    {
        rule.name: (rule.low, rule.high)
        for rule in _RULES
        if rule.low is not None and rule.high is not None and rule.name != "start"
    }
)
# Every parameter of a share link: the fields' own, and `tz`, the business hours' time zone.
SHARE_PARAMS: tuple[str, ...] = (*(rule.param for rule in _RULES if rule.param), "tz")


def field_label(name: str) -> str:
    """The human name of a Campaign field (history list, error messages)."""
    rule = FIELDS.get(name)
    return rule.label if rule else name.replace("_", " ").strip().capitalize()
