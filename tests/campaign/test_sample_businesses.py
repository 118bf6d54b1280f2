"""The sample businesses (sample_data/businesses.json) and their creatives are well formed.

Each record must be a finished, valid ad: copy within Meta's recommended lengths, a phone
number that is a real mobile number format of its region, a parseable weekly schedule,
ISO country codes, and images of the right size that Pillow can open.
"""

import json
import re
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo

import phonenumbers
import pytest
from phonenumbers import PhoneNumberType
from PIL import Image

from components.campaign.fields import FIELDS, MAX_QUICK_REPLIES, QUICK_REPLY_LIMIT
from components.campaign.model import DESCRIPTION_LIMIT, HEADLINE_LIMIT, PRIMARY_TEXT_LIMIT

SAMPLE_DATA = Path(__file__).resolve().parents[2] / "sample_data"
BUSINESSES = json.loads((SAMPLE_DATA / "businesses.json").read_text(encoding="utf-8"))
DEFAULT_AD = json.loads((SAMPLE_DATA / "default_ad.json").read_text(encoding="utf-8"))

KEYS = {
    "slug",
    "business",
    "verified",
    "text",
    "headline",
    "description",
    "cta",
    "phone",
    "region",
    "prefill",
    "greeting",
    "replies",
    "hours",
    "countries",
    "budget",
    "days",
    "image",
    "story_image",
    "logo",
    "pitch",
    # How the Walkthrough lists it: "Bakery · Lagos".
    "kind",
    "place",
}
# A sample may target a main city and a radius instead of its whole country.
OPTIONAL_KEYS = {"city", "radius_km"}
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$")
MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


def by_slug(record):
    return record["slug"]


each = pytest.mark.parametrize("biz", BUSINESSES, ids=by_slug)


def hhmm(value: str) -> time:
    assert HHMM.match(value), f"{value!r} is not HH:MM"
    if value == "24:00":
        return time(23, 59, 59, 999999)
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def test_at_least_eight_businesses_with_unique_slugs():
    assert len(BUSINESSES) >= 8
    slugs = [b["slug"] for b in BUSINESSES]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s) for s in slugs)


def test_default_ad_is_the_lagos_bakery():
    assert DEFAULT_AD["slug"] == "lagos-bakery"
    lagos = next(b for b in BUSINESSES if b["slug"] == "lagos-bakery")
    assert lagos == DEFAULT_AD


@each
def test_exact_keys(biz):
    assert KEYS <= set(biz) <= KEYS | OPTIONAL_KEYS


@each
def test_a_sample_city_is_a_main_city_of_its_countries(biz):
    if "city" not in biz:
        return
    from components.world.locations import get_city

    city = get_city(biz["city"])
    assert city is not None and city.country in biz["countries"]
    assert FIELDS["radius_km"].low <= biz["radius_km"] <= FIELDS["radius_km"].high


@each
def test_phone_is_a_valid_mobile_number_of_its_region(biz):
    region = biz["region"]
    assert re.fullmatch(r"[A-Z]{2}", region)
    number = phonenumbers.parse(biz["phone"], region)
    assert phonenumbers.is_valid_number(number), biz["phone"]
    assert phonenumbers.region_code_for_number(number) == region
    assert phonenumbers.number_type(number) in MOBILE_TYPES


@each
def test_copy_within_recommended_lengths(biz):
    assert biz["business"].strip()
    assert 0 < len(biz["text"]) <= PRIMARY_TEXT_LIMIT
    assert 0 < len(biz["headline"]) <= HEADLINE_LIMIT
    assert 0 < len(biz["description"]) <= DESCRIPTION_LIMIT
    assert 0 < len(biz["prefill"].strip()) <= 200
    assert biz["greeting"].strip()
    assert biz["pitch"].strip()
    assert isinstance(biz["verified"], bool)


@each
def test_quick_replies(biz):
    replies = biz["replies"]
    assert isinstance(replies, list) and len(replies) <= MAX_QUICK_REPLIES
    assert all(isinstance(r, str) and 0 < len(r) <= QUICK_REPLY_LIMIT for r in replies)
    assert len(set(replies)) == len(replies)


@each
def test_cta(biz):
    assert biz["cta"] in {"message", "call"}


def test_call_ads_are_the_plumber_and_the_dentist():
    calls = {b["slug"] for b in BUSINESSES if b["cta"] == "call"}
    assert calls == {"sao-paulo-plumber", "jakarta-dental"}


@each
def test_hours_parse(biz):
    hours = biz["hours"]
    ZoneInfo(hours["timezone"])  # raises on an unknown zone
    assert set(hours["weekly"]) == set(DAYS)
    open_days = 0
    for day in DAYS:
        intervals = hours["weekly"][day]
        assert isinstance(intervals, list)
        previous_close = time(0, 0)
        for pair in intervals:
            assert len(pair) == 2
            opens, closes = hhmm(pair[0]), hhmm(pair[1])
            assert opens < closes, f"{day}: {pair}"
            assert opens >= previous_close, f"{day}: intervals overlap or are out of order"
            previous_close = closes
        open_days += bool(intervals)
    assert open_days >= 1


@each
def test_countries_budget_days(biz):
    countries = biz["countries"]
    assert countries and len(set(countries)) == len(countries)
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in countries)
    assert biz["region"] in countries  # the home country is targeted
    assert 1 <= biz["budget"] <= 100
    assert isinstance(biz["days"], int) and 1 <= biz["days"] <= 90


@each
@pytest.mark.parametrize(
    ("key", "size"),
    [("image", (1080, 1350)), ("story_image", (1080, 1920)), ("logo", (256, 256))],
)
def test_images_exist_and_open(biz, key, size):
    relative = biz[key]
    suffix = {"image": ".jpg", "story_image": "-story.jpg", "logo": "-logo.png"}[key]
    assert relative == f"images/{biz['slug']}{suffix}"
    path = SAMPLE_DATA / relative
    assert path.is_file(), path
    assert path.stat().st_size < 400 * 1024
    with Image.open(path) as image:
        image.verify()
    with Image.open(path) as image:
        image.load()
        assert image.size == size
        assert image.format == ("PNG" if key == "logo" else "JPEG")


def test_total_image_size_is_small():
    total = sum(p.stat().st_size for p in (SAMPLE_DATA / "images").iterdir() if p.is_file())
    assert total < 6 * 1024 * 1024
