"""The composed campaign as the Marketing API requests that create it (the handoff document).

`build_handoff(ad)` returns a `Handoff`: a JSON-ready document of five requests in order
(image upload, campaign, ad set, ad creative, ad), all PAUSED, with placeholders for the ad
account, the Page and every id a request returns; the notes a person should read; and the
figures the summary states. A campaign Meta would refuse outright (no valid number, no
country, no budget, a schedule that never opens) raises `HandoffError` with the reasons.
Nothing here contacts Meta or holds a token.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from components.campaign.hours import DAYS, parse_hhmm, valid_timezone
from components.campaign.model import Campaign
from components.campaign.phone import tel_link
from components.campaign.placements import PLACEMENTS, delivery
from components.handoff import meta
from components.world.locations import get_city
from components.world.money import display_currency, rate_of

FORMAT = "button-ad-studio/ads-manager-handoff"
FORMAT_VERSION = 1
NOTE = (
    "Prepared by Button Ad Studio; nothing was sent to Meta. Replace the <PLACEHOLDERS> and "
    "send the requests in order: each returns the id a later one needs."
)
# Meta numbers the days of an ad schedule from Sunday (0) to Saturday (6).
META_DAY = {day: (index + 1) % 7 for index, day in enumerate(DAYS)}


class HandoffError(ValueError):
    """A campaign Ads Manager would refuse; `problems` says why, in words."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Handoff:
    """The handoff document and what the page says about it."""

    document: dict[str, Any]
    notes: tuple[str, ...]
    currency: str
    offset: int
    daily_units: int
    start: date
    end: date  # the first day the ad no longer runs
    image_name: str
    image: bytes | None


def account_currency(ad: Campaign) -> tuple[str, str]:
    """The currency the handoff budgets in: the studio's display currency when Meta's ad
    accounts can hold it, else USD with a note saying so."""
    code, _ = display_currency(ad)
    if code in meta.CURRENCY_OFFSETS:
        return code, ""
    return meta.FALLBACK_CURRENCY, (
        f"Meta's ad accounts cannot be in {code}, so the budget is in US dollars; an ad "
        "account in another currency needs the budget converted."
    )


def minor_units(budget_usd: float, currency: str) -> int:
    """A USD amount as Meta's integer budget in `currency` (its minor unit × offset)."""
    rate = rate_of(currency)
    return round(budget_usd * rate * meta.CURRENCY_OFFSETS[currency])


def image_file_name(data: bytes) -> str:
    """The upload's file name, by what the bytes are (the studio stores JPEG or PNG)."""
    if data.startswith(b"\x89PNG"):
        return "ad-image.png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "ad-image.webp"
    return "ad-image.jpg"


def _local_midnight(day: date, zone: str) -> str:
    """`day` at 00:00 in `zone`, ISO 8601 with a ±HHMM offset as Meta's examples write it."""
    moment = datetime.combine(day, time(0, 0), tzinfo=ZoneInfo(zone))
    return moment.strftime("%Y-%m-%dT%H:%M:%S%z")


def _minutes(text: str) -> int:
    parsed = parse_hhmm(text)
    if text.strip() == "24:00":
        return 24 * 60
    return parsed.hour * 60 + parsed.minute if parsed else 0


def ad_schedule(ad: Campaign) -> tuple[list[dict[str, Any]], bool]:
    """The business hours as `adset_schedule` entries (whole hours: opening rounded down,
    closing up, so no open minute is left out) and whether any time was rounded."""
    rounded = False
    grouped: dict[tuple[int, int], list[int]] = {}
    for day, intervals in zip(DAYS, ad.hours.weekly, strict=True):
        for opens, closes in intervals:
            start, end = _minutes(opens), _minutes(closes)
            whole_start, whole_end = start // 60 * 60, -(-end // 60) * 60
            rounded = rounded or (whole_start, whole_end) != (start, end)
            if whole_end > whole_start:
                grouped.setdefault((whole_start, whole_end), []).append(META_DAY[day])
    entries = [
        {
            "start_minute": start,
            "end_minute": end,
            "days": sorted(set(days)),
            "timezone_type": meta.SCHEDULE_TIMEZONE_TYPE,
        }
        for (start, end), days in grouped.items()
    ]
    return entries, rounded


def placements_targeting(ad: Campaign) -> dict[str, list[str]]:
    """publisher_platforms, positions and device_platforms of the placements this ad runs in
    (a Call ad leaves out those that cannot run it: components.campaign.placements.delivery)."""
    platforms: list[str] = []
    positions: dict[str, list[str]] = {"facebook": [], "instagram": []}
    devices: list[str] = []
    for key, placement in PLACEMENTS.items():
        if delivery(ad, placement) is not None:
            continue
        platform, position, device = meta.PLACEMENT_TARGETING[key]
        for items, item in ((platforms, platform), (positions[platform], position)):
            if item not in items:
                items.append(item)
        if device not in devices:
            devices.append(device)
    targeting: dict[str, list[str]] = {"publisher_platforms": platforms}
    for platform in ("facebook", "instagram"):
        if positions[platform]:
            targeting[f"{platform}_positions"] = positions[platform]
    targeting["device_platforms"] = devices
    return targeting


def geo_locations(ad: Campaign) -> dict[str, Any]:
    """Countries whole, or the main city as a custom location (its point and radius) in place
    of the city's country; the other countries stay whole."""
    city = get_city(ad.city) if ad.city else None
    if city is None or city.country not in ad.countries:
        return {"countries": list(ad.countries)}
    geo: dict[str, Any] = {}
    others = [code for code in ad.countries if code != city.country]
    if others:
        geo["countries"] = others
    geo["custom_locations"] = [
        {
            "latitude": city.latitude,
            "longitude": city.longitude,
            "radius": ad.radius_km,
            "distance_unit": meta.DISTANCE_UNIT,
        }
    ]
    return geo


def welcome_message(ad: Campaign) -> tuple[dict[str, Any], bool]:
    """The greeting with the quick replies (ice breakers), or with the pre-filled message when
    there are no replies; and whether a pre-filled message had to be left out. Meta's
    template takes one of the two (Ads that Click to WhatsApp, page_welcome_message)."""
    if ad.replies:
        message: dict[str, Any] = {
            "text": ad.greeting,
            "ice_breakers": [{"title": reply} for reply in ad.replies],
        }
        action = meta.ICE_BREAKERS
    else:
        message = {"text": ad.greeting, "autofill_message": {"content": ad.prefill}}
        action = meta.AUTOFILL
    template = {
        **meta.WELCOME_TEMPLATE,
        "text_format": {"customer_action_type": action, "message": message},
    }
    return template, bool(ad.replies and ad.prefill.strip())


def _label(text: str) -> str:
    """A business name fit for an object's name: one line, no control characters."""
    cleaned = "".join(" " if ord(char) < 32 or ord(char) == 127 else char for char in text)
    return " ".join(cleaned.split()) or "My business"


def problems(ad: Campaign) -> list[str]:
    """Why Ads Manager would refuse this campaign outright (empty when it would not)."""
    found = []
    if not ad.phone_check.ok:
        found.append(
            f"The {ad.number_in_text} is not valid ({ad.phone_check.error or 'empty'}), so the "
            "button would lead nowhere. Fix it under Compose → Button."
        )
    if not ad.countries:
        found.append("No target country: choose at least one on Targeting.")
    currency, _ = account_currency(ad)
    if minor_units(ad.budget, currency) < 1:
        found.append("The daily budget is zero: Meta needs a budget above zero.")
    if ad.cta == "call" and ad.schedule_hours and not any(ad.hours.weekly):
        found.append(
            "The Call ad runs only in business hours, and the business is closed all week: it "
            "would never run. Add opening hours on Preview or turn scheduling off."
        )
    if not valid_timezone(ad.hours.timezone):
        found.append("The business's time zone is not known; choose one with the hours.")
    return found


def build_handoff(ad: Campaign, today: date | None = None) -> Handoff:
    """The handoff of `ad`; `today` fixes the first day when the campaign has none (the Monday
    after today, as the forecast assumes). Raises `HandoffError` (see `problems`)."""
    return _build(ad, today or date.today())


# Shared by every session, and each handoff carries its image base64-encoded (up to ~11 MB
# for the 8 MB stored image): a few is what the pages rerunning need, and bounds it to ~45 MB.
@lru_cache(maxsize=4)
def _build(ad: Campaign, today: date) -> Handoff:
    found = problems(ad)
    if found:
        raise HandoffError(found)
    from components.forecast.inputs import default_start

    notes: list[str] = []
    call = ad.cta == "call"
    currency, note = account_currency(ad)
    if note:
        notes.append(note)
    offset = meta.CURRENCY_OFFSETS[currency]
    daily = minor_units(ad.budget, currency)
    start = ad.start or default_start(today)
    end = start + timedelta(days=ad.days)
    zone = ad.hours.timezone
    account = f"act_{meta.AD_ACCOUNT_ID}"
    business = _label(ad.business)
    requests: list[dict[str, Any]] = []

    image_name = image_file_name(ad.image) if ad.image else ""
    if ad.image:
        requests.append(
            {
                "step": "image",
                "title": "Upload the ad image",
                "method": "POST",
                "path": f"{account}/adimages",
                "params": {"bytes": base64.b64encode(ad.image).decode("ascii")},
                "file_name": image_name,
                "returns": meta.IMAGE_HASH,
            }
        )
    else:
        notes.append("The ad has no image: add one in Ads Manager before publishing.")

    requests.append(
        {
            "step": "campaign",
            "title": "Create the campaign",
            "method": "POST",
            "path": f"{account}/campaigns",
            "params": {
                "name": f"{business} · {'calls' if call else 'WhatsApp messages'}",
                "objective": meta.OBJECTIVE,
                "status": meta.STATUS,
                "special_ad_categories": [],
            },
            "returns": meta.CAMPAIGN_ID,
        }
    )

    targeting: dict[str, Any] = {"geo_locations": geo_locations(ad)}
    if call:
        targeting["age_min"] = meta.CALL_MIN_AGE
    targeting.update(placements_targeting(ad))
    promoted: dict[str, str] = {"page_id": meta.PAGE_ID}
    if not call:
        promoted["whatsapp_phone_number"] = ad.phone_check.e164
    ad_set: dict[str, Any] = {
        "name": f"{business} · ad set",
        "campaign_id": meta.CAMPAIGN_ID,
        "status": meta.STATUS,
        "billing_event": meta.BILLING_EVENT,
        "bid_strategy": meta.BID_STRATEGY,
        "optimization_goal": meta.OPTIMIZATION_GOAL[ad.cta],
        "destination_type": meta.DESTINATION[ad.cta],
        "promoted_object": promoted,
        "start_time": _local_midnight(start, zone),
        "end_time": _local_midnight(end, zone),
        "targeting": targeting,
    }
    scheduled = call and ad.schedule_hours
    if scheduled:
        schedule, rounded = ad_schedule(ad)
        # Ad scheduling takes a lifetime budget only (Ad scheduling blog).
        ad_set["lifetime_budget"] = daily * ad.days
        ad_set["pacing_type"] = [meta.PACING_DAY_PARTING]
        ad_set["adset_schedule"] = schedule
        notes.append(
            "Ad scheduling needs a lifetime budget, so the daily budget is sent as the "
            f"campaign's total ({ad.days} days)."
        )
        if rounded:
            notes.append(
                "Meta schedules whole hours: opening times were rounded down and closing times "
                "up to the hour."
            )
    elif ad.days <= 1:
        # A daily budget needs an ad set longer than 24 hours (Ads that Click to WhatsApp).
        ad_set["lifetime_budget"] = daily * ad.days
        notes.append("A one-day ad set takes a lifetime budget: the day's budget is sent as it.")
    else:
        ad_set["daily_budget"] = daily
    requests.append(
        {
            "step": "ad_set",
            "title": "Create the ad set",
            "method": "POST",
            "path": f"{account}/adsets",
            "params": ad_set,
            "returns": meta.AD_SET_ID,
        }
    )

    link_data: dict[str, Any] = {
        "message": ad.text,
        "name": ad.headline,
        "description": ad.description,
    }
    if ad.image:
        link_data["image_hash"] = meta.IMAGE_HASH
    if call:
        link_data["link"] = meta.PAGE_LINK
        link_data["call_to_action"] = {
            "type": meta.CTA_TYPE["call"],
            "value": {"link": tel_link(ad.phone_check)},  # with `;ext=` when it has one
        }
    else:
        link_data["link"] = meta.WHATSAPP_LINK
        link_data["call_to_action"] = {
            "type": meta.CTA_TYPE["message"],
            "value": {"app_destination": meta.APP_DESTINATION},
        }
        template, prefill_left_out = welcome_message(ad)
        link_data["page_welcome_message"] = template
        if prefill_left_out:
            notes.append(
                "Meta's welcome message takes quick replies or a pre-filled message, not both: "
                "the handoff sends the quick replies, and the pre-filled message stays in the "
                "studio."
            )
    requests.append(
        {
            "step": "ad_creative",
            "title": "Create the ad creative",
            "method": "POST",
            "path": f"{account}/adcreatives",
            "params": {
                "name": f"{business} · ad creative",
                "object_story_spec": {"page_id": meta.PAGE_ID, "link_data": link_data},
            },
            "returns": meta.AD_CREATIVE_ID,
        }
    )
    requests.append(
        {
            "step": "ad",
            "title": "Create the ad (paused: publish it in Ads Manager)",
            "method": "POST",
            "path": f"{account}/ads",
            "params": {
                "name": f"{business} · ad",
                "adset_id": meta.AD_SET_ID,
                "creative": {"creative_id": meta.AD_CREATIVE_ID},
                "status": meta.STATUS,
            },
            "returns": meta.AD_ID,
        }
    )
    if call and ad.phone_check.number_region not in ad.countries:
        notes.append(
            "Meta's Call Ads need the phone number to be from the targeted country; this "
            "number's country is not among the targets."
        )
    if ad.story_image:
        notes.append(
            "The 9:16 story art is not part of the handoff: Stories and Reels crop the ad image "
            "unless you add the story art in Ads Manager."
        )
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "api_version": meta.API_VERSION,
        "note": NOTE,
        "placeholders": dict(meta.PLACEHOLDERS),
        "page": {"id": meta.PAGE_ID, "name": ad.business},
        "ad_account": {"id": account, "currency": currency, "timezone_name": zone},
        "requests": requests,
    }
    return Handoff(
        document=document,
        notes=tuple(notes),
        currency=currency,
        offset=offset,
        daily_units=daily,
        start=start,
        end=end,
        image_name=image_name,
        image=ad.image,
    )


def handoff_json(document: dict[str, Any], *, elide_image: bool = False) -> str:
    """The document as indented JSON text; `elide_image` swaps the image's base64 for a line
    saying where it is (for showing on the page; the download keeps it)."""
    import json

    if elide_image:
        document = {
            **document,
            "requests": [
                {
                    **request,
                    "params": {
                        "bytes": f"<the base64 of {request['file_name']}, "
                        f"{len(request['params']['bytes']) * 3 // 4 // 1024:,} kB: in the "
                        "downloaded file>"
                    },
                }
                if request["step"] == "image"
                else request
                for request in document["requests"]
            ],
        }
    return json.dumps(document, ensure_ascii=False, indent=2)
