"""An Ads Manager handoff read back into a campaign (Campaigns → Import).

`campaign_from_handoff(data)` takes the parsed JSON of a handoff file (components.handoff.build)
and gives back the campaign it describes. Nothing is trusted: every value this reader needs is
checked for its type here, with a message naming where it is; the campaign is then rebuilt
through `campaign_json.campaign_from_dict`, so text lengths, country codes, the city, business
hours, the image and every range are checked exactly as a campaign file's are.

What a handoff carries: the copy, the button and its number, the greeting with the quick
replies or the pre-filled message, the countries, the city and radius, the budget (in the
account currency, back to US dollars through the studio's rate table), the first day and the
length, the time zone, the image, and for a Call ad run in business hours the hours.
What it cannot carry (they come back as a new campaign's defaults, `CARRIED_NOT` names them):
the studio's simulation settings, the verified badge, the logo and story art (the Page's and
Ads Manager's), how the image is framed, the budget split, the pre-filled message when quick
replies are used, and the hours of an ad that is not scheduled by them.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from datetime import datetime
from functools import lru_cache
from typing import Any

from components.campaign.campaign_file import (
    CampaignFileError,
    campaign_from_dict,
    campaign_to_dict,
)
from components.campaign.hours import DAYS, BusinessHours, hours_to_record
from components.campaign.model import Campaign
from components.campaign.phone import check_phone
from components.campaign.quoting import markdown_code
from components.handoff import meta
from components.handoff.build import FORMAT, FORMAT_VERSION, META_DAY, minor_units
from components.world.money import load_rates, rate_of

# The campaign fields a handoff does not hold (see the module docstring).
CARRIED_NOT = (
    "seed", "runs", "scenario", "reply_minutes", "verified", "logo", "story_image",
    "image_fit", "split_mode", "manual_split",
)  # fmt: skip
_DAY_OF_META = {number: day for day, number in META_DAY.items()}
# No number in a handoff comes near this (the largest is a year's budget in rupiah); past it, a
# division could overflow a float.
_MAX_NUMBER = 1e15


def _where(path: str) -> str:
    return f"the handoff's `{path}`"


def _need(value: Any, kind: type | tuple[type, ...], path: str, what: str) -> Any:
    if (
        isinstance(value, bool)
        and kind is not bool
        and bool not in (kind if isinstance(kind, tuple) else (kind,))
    ):
        raise CampaignFileError(f"This handoff cannot be read: {_where(path)} should be {what}.")
    if not isinstance(value, kind):
        raise CampaignFileError(f"This handoff cannot be read: {_where(path)} should be {what}.")
    if isinstance(value, (int, float)) and not abs(value) <= _MAX_NUMBER:
        raise CampaignFileError(f"This handoff cannot be read: {_where(path)} is far too large.")
    return value


def _get(record: Any, key: str, kind: type | tuple[type, ...], path: str, what: str) -> Any:
    _need(record, Mapping, path.rsplit(".", 1)[0] if "." in path else "file", "an object")
    if key not in record:
        raise CampaignFileError(f"This handoff cannot be read: it has no {_where(path)}.")
    return _need(record[key], kind, path, what)


def _requests(data: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    items = _get(data, "requests", list, "requests", "a list of requests")
    if len(items) > 10:
        raise CampaignFileError("This handoff has more requests than a handoff ever holds.")
    found: dict[str, Mapping[str, Any]] = {}
    for index, item in enumerate(items):
        step = _get(item, "step", str, f"requests[{index}].step", "text")
        params = _get(item, "params", Mapping, f"requests[{index}].params", "an object")
        if step in found:
            raise CampaignFileError(f"This handoff has two {markdown_code(step[:20])} requests.")
        found[step] = params
    for step in ("campaign", "ad_set", "ad_creative"):
        if step not in found:
            raise CampaignFileError(f"This handoff has no “{step}” request.")
    return found


def _time(text: str, path: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text) if len(text) <= 40 else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise CampaignFileError(
            f"This handoff cannot be read: {_where(path)} should be a date and time such as "
            "2026-12-07T00:00:00+0100."
        )
    return moment


def _budget_usd(units: int, days: int, lifetime: bool, currency: str) -> float:
    """The shortest US-dollar amount that gives the same Meta budget again."""
    if currency != "USD" and currency not in load_rates().per_usd:
        raise CampaignFileError(f"The handoff's currency {currency} has no exchange rate here.")
    daily = units / days if lifetime else units
    rate = rate_of(currency)
    usd = daily / meta.CURRENCY_OFFSETS[currency] / rate
    for digits in range(0, 7):
        candidate = round(usd, digits)
        if minor_units(candidate, currency) == round(daily):
            return candidate
    return usd


@lru_cache(maxsize=1)
def _city_by_point() -> dict[tuple[float, float], str]:
    from components.world.locations import main_cities
    from components.world.regions import load_catalog

    return {
        (round(city.latitude, 4), round(city.longitude, 4)): city.geonameid
        for code in load_catalog()
        for city in main_cities(code)
    }


def _geo(targeting: Mapping[str, Any]) -> tuple[list[str], str, int | None]:
    geo = _get(targeting, "geo_locations", Mapping, "targeting.geo_locations", "an object")
    countries = list(geo.get("countries", []))
    if not all(isinstance(code, str) for code in countries):
        raise CampaignFileError("The handoff's target countries should be country codes.")
    custom = geo.get("custom_locations", [])
    if not isinstance(custom, list) or len(custom) > 1:
        raise CampaignFileError(
            "The handoff targets several custom locations; the studio reads one city."
        )
    if not custom:
        return countries, "", None
    point = _need(custom[0], Mapping, "geo_locations.custom_locations[0]", "an object")
    where = "geo_locations.custom_locations[0]"
    lat = _get(point, "latitude", (int, float), f"{where}.latitude", "a number")
    lon = _get(point, "longitude", (int, float), f"{where}.longitude", "a number")
    radius = _get(point, "radius", (int, float), f"{where}.radius", "a number")
    if point.get("distance_unit", meta.DISTANCE_UNIT) != meta.DISTANCE_UNIT:
        raise CampaignFileError("The handoff's radius should be in kilometres.")
    if float(radius) != int(radius):
        raise CampaignFileError("The handoff's radius should be a whole number of kilometres.")
    city_id = _city_by_point().get((round(float(lat), 4), round(float(lon), 4)))
    if city_id is None:
        raise CampaignFileError(
            "The handoff's custom location is not the centre of one of the studio's main cities."
        )
    from components.world.locations import city_country

    country = city_country(city_id)
    return [country] + [code for code in countries if code != country], city_id, int(radius)


def _hours(schedule: Any, zone: str) -> dict[str, Any]:
    entries = _need(schedule, list, "ad_set.adset_schedule", "a list")
    weekly: dict[str, list[list[str]]] = {day: [] for day in DAYS}
    if len(entries) > 7 * 24:
        raise CampaignFileError("The handoff's ad schedule has more entries than a week holds.")
    for index, entry in enumerate(entries):
        where = f"ad_set.adset_schedule[{index}]"
        start = _get(entry, "start_minute", int, f"{where}.start_minute", "a whole number")
        end = _get(entry, "end_minute", int, f"{where}.end_minute", "a whole number")
        days = _get(entry, "days", list, f"{where}.days", "a list of days 0–6")
        if not 0 <= start < end <= 24 * 60:
            raise CampaignFileError(f"The handoff's {where} has times out of the day.")
        for number in days:
            if (
                isinstance(number, bool)
                or not isinstance(number, int)
                or number not in _DAY_OF_META
            ):
                raise CampaignFileError(f"The handoff's {where}.days should be 0 (Sunday) to 6.")
            weekly[_DAY_OF_META[number]].append([_hhmm(start), _hhmm(end)])
    return {"timezone": zone, "weekly": {day: sorted(pairs) for day, pairs in weekly.items()}}


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def campaign_from_handoff(data: Mapping[str, Any]) -> Campaign:
    """The campaign an Ads Manager handoff describes; raises `CampaignFileError` in words."""
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise CampaignFileError("This is not an Ads Manager handoff from Button Ad Studio.")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise CampaignFileError("The handoff has no valid version.")
    if version > FORMAT_VERSION:
        raise CampaignFileError(
            f"This handoff is version {version}, made by a newer Button Ad Studio; this one "
            f"reads version {FORMAT_VERSION}."
        )
    steps = _requests(data)
    page = _get(data, "page", Mapping, "page", "an object")
    account = _get(data, "ad_account", Mapping, "ad_account", "an object")
    currency = _get(account, "currency", str, "ad_account.currency", "a currency code")
    if currency not in meta.CURRENCY_OFFSETS:
        raise CampaignFileError(
            f"The handoff's currency {markdown_code(currency[:8])} is not one Meta's ad "
            "accounts use."
        )
    zone = _get(account, "timezone_name", str, "ad_account.timezone_name", "a time zone")
    ad_set = steps["ad_set"]
    creative = steps["ad_creative"]
    destination = _get(ad_set, "destination_type", str, "ad_set.destination_type", "text")
    cta = next((key for key, value in meta.DESTINATION.items() if value == destination), None)
    if cta is None:
        raise CampaignFileError(
            f"The handoff's ad set sends people to {markdown_code(destination[:20])}; the "
            "studio makes WhatsApp (WHATSAPP) and call (PHONE_CALL) ads."
        )
    story = _get(
        creative, "object_story_spec", Mapping, "ad_creative.object_story_spec", "an object"
    )
    link = _get(story, "link_data", Mapping, "object_story_spec.link_data", "an object")
    action = _get(link, "call_to_action", Mapping, "link_data.call_to_action", "an object")
    if action.get("type") != meta.CTA_TYPE[cta]:
        raise CampaignFileError(
            f"The handoff's button should be {meta.CTA_TYPE[cta]} for a {destination} ad set."
        )
    if cta == "call":
        value = _get(action, "value", Mapping, "call_to_action.value", "an object")
        tel = _get(value, "link", str, "call_to_action.value.link", "a tel: link")
        if not tel.startswith("tel:"):
            raise CampaignFileError("The handoff's Call Now button should link to tel:+<number>.")
        number = tel.removeprefix("tel:")
    else:
        promoted = _get(ad_set, "promoted_object", Mapping, "ad_set.promoted_object", "an object")
        number = _get(
            promoted, "whatsapp_phone_number", str, "promoted_object.whatsapp_phone_number",
            "a WhatsApp number",
        )  # fmt: skip
    check = check_phone(number[:64], "US", cta=cta)
    if not check.ok:
        raise CampaignFileError(f"The handoff's number cannot be used: {check.error}")

    start = _time(_get(ad_set, "start_time", str, "ad_set.start_time", "a date"), "start_time")
    end = _time(_get(ad_set, "end_time", str, "ad_set.end_time", "a date"), "end_time")
    days = (end.date() - start.date()).days
    lifetime = "lifetime_budget" in ad_set
    key = "lifetime_budget" if lifetime else "daily_budget"
    units = _get(ad_set, key, int, f"ad_set.{key}", "a whole number (the budget)")
    if not 1 <= days <= 365 or units < 0:
        raise CampaignFileError("The handoff's dates or budget are out of the studio's range.")
    budget = _budget_usd(units, days, lifetime, currency)
    targeting = _get(ad_set, "targeting", Mapping, "ad_set.targeting", "an object")
    countries, city, radius = _geo(targeting)

    record = campaign_to_dict(Campaign())
    record.update(
        business=_get(page, "name", str, "page.name", "text"),
        text=_get(link, "message", str, "link_data.message", "text"),
        headline=_get(link, "name", str, "link_data.name", "text"),
        description=_get(link, "description", str, "link_data.description", "text"),
        cta=cta,
        phone=check.international,
        region=check.number_region,
        countries=countries,
        city=city,
        budget=budget,
        days=days,
        start=start.date().isoformat(),
        currency=currency if currency != _local_currency(check.number_region) else "",
    )
    if radius is not None:
        record["radius_km"] = radius
    welcome = link.get("page_welcome_message")
    if cta == "message" and welcome is not None:
        record.update(_welcome(welcome))
    hours = hours_to_record(BusinessHours(timezone=zone))
    if "adset_schedule" in ad_set:
        hours = _hours(ad_set["adset_schedule"], zone)
        record["schedule_hours"] = True
    record["hours"] = hours
    if "image" in steps:
        encoded = _get(steps["image"], "bytes", str, "image.params.bytes", "base64 image data")
        try:
            base64.b64decode(encoded.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError, ValueError):
            raise CampaignFileError("The handoff's image is not valid base64 data.") from None
        record["image"] = encoded
    return campaign_from_dict(record)


def _local_currency(region: str) -> str:
    from components.world.money import local_currency

    return local_currency(region)


def _welcome(template: Any) -> dict[str, Any]:
    where = "link_data.page_welcome_message"
    text_format = _get(template, "text_format", Mapping, f"{where}.text_format", "an object")
    message = _get(text_format, "message", Mapping, f"{where}.text_format.message", "an object")
    found: dict[str, Any] = {"greeting": _get(message, "text", str, f"{where}.text", "text")}
    breakers = message.get("ice_breakers", [])
    if not isinstance(breakers, list):
        raise CampaignFileError("The handoff's quick replies should be a list.")
    found["replies"] = [
        _get(item, "title", str, f"{where}.ice_breakers[{i}].title", "text")
        for i, item in enumerate(breakers[:20])
    ]
    if "autofill_message" in message:
        autofill = _need(
            message["autofill_message"], Mapping, f"{where}.autofill_message", "an object"
        )
        found["prefill"] = _get(
            autofill, "content", str, f"{where}.autofill_message.content", "text"
        )
    else:
        found["prefill"] = ""
    return found
