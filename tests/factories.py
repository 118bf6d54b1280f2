"""Campaigns for tests: `make_campaign(**overrides)` for one typical ad, `full_campaign()` for
every field away from its default (round trips).

Fields added to Campaign later get a generic non-default value (see `_bumped`), so the round-trip
tests keep covering every field without being edited; a field type this cannot bump fails with
a message saying where to add a value.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import typing
from functools import lru_cache

from PIL import Image

from components.campaign.hours import BusinessHours
from components.campaign.images import check_upload
from components.campaign.model import Campaign

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> javascript:alert(1) &amp; "'


@lru_cache(maxsize=8)
def clean_image(size: tuple[int, int], color: tuple[int, ...], fmt: str = "JPEG") -> bytes:
    """Small image bytes as the app stores them (through check_upload)."""
    mode = "RGBA" if len(color) == 4 else "RGB"
    image = Image.new(mode, size, color)
    # A little detail so JPEG bytes differ between colours and sizes.
    for x in range(0, size[0], 7):
        image.putpixel((x, x % size[1]), (255, 255, 255, 255)[: len(color)])
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    check = check_upload(buffer.getvalue())
    assert check.ok, check.error
    return check.data


KNOWN = {
    "business": "Mama Nkechi's Bakery & Café <b>",
    "verified": True,
    "text": "Fresh agege bread 🍞 every morning!\nOrder on WhatsApp. " + HOSTILE,
    "headline": "Hot bread, 6am–10am </title>",
    "description": "Free delivery over ₦5,000",
    "cta": "call",
    "phone": "0803 123 4567",
    "region": "NG",
    "prefill": "Hi! I'd like 2 loaves & 1 #meatpie? 100% sure + fast",
    "greeting": "Ẹ káàrọ̀! How can we help? \u202eRTL",
    "replies": ("Menu", "Delivery times", "مرحبا"),
    "countries": ("NG", "GH", "KE"),
    "scenario": "europe",
    "budget": 35.5,
    "days": 30,
    "seed": 1234,
    "reply_minutes": 42.5,
    "schedule_hours": True,
    "runs": 800,
    "start": datetime.date(2026, 4, 6),
    "currency": "NGN",
    "image": None,  # filled below
    "logo": None,
    "story_image": None,
    "image_fit": "fit",
    "split_mode": "manual",
    "manual_split": (("NG", 0.5), ("GH", 0.3), ("KE", 0.2)),
    "city": "2332459",  # Lagos, a main city of NG (one of `countries`)
    "radius_km": 40,
    "hours": BusinessHours(
        timezone="Africa/Lagos",
        weekly=(
            (("06:00", "12:00"), ("13:00", "19:00")),
            (("06:00", "19:00"),),
            (),
            (("06:00", "19:00"),),
            (("06:00", "24:00"),),
            (("08:00", "14:00"),),
            (),
        ),
    ),
}


def _bumped(name: str, default: object, tp: object) -> object:
    """A value of type `tp` that differs from `default` (for fields this file doesn't know)."""
    origin = typing.get_origin(tp)
    if tp is bool:
        return not default
    if tp is int:
        return int(default) + 1
    if tp is float:
        return float(default) + 0.5
    if tp is str:
        return f"{default}x"
    if tp in (datetime.date, datetime.date | None):
        return datetime.date(2030, 1, 2)
    if origin is tuple and typing.get_args(tp)[:1] == (str,):
        return (*default, "x")
    raise AssertionError(
        f"Campaign.{name} ({tp}) is new: add a non-default value for it to KNOWN in "
        "tests/factories.py"
    )


TYPICAL = {
    "business": "Lagos Bakes",
    "verified": True,
    "text": "Fresh bread every morning.",
    "headline": "Hot bread, 6am",
    "description": "Free delivery",
    "cta": "message",
    "phone": "0803 123 4567",
    "region": "NG",
    "prefill": "Hi! I'd like bread & cake?",
    "greeting": "Hello",
    "replies": ("Menu",),
    "countries": ("NG",),
}


def make_campaign(**overrides: object) -> Campaign:
    """A typical Message ad of a Lagos bakery with no images, with `overrides` applied; the
    fields a test does not name keep the model's defaults. An unknown field name fails."""
    return Campaign(**{**TYPICAL, **overrides})


def full_campaign() -> Campaign:
    """Every Campaign field away from its default, images included."""
    values = dict(KNOWN)
    values["image"] = clean_image((64, 80), (200, 120, 40))
    values["logo"] = clean_image((32, 32), (10, 200, 90, 128), "PNG")
    values["story_image"] = clean_image((36, 64), (30, 60, 220))
    hints = typing.get_type_hints(Campaign)
    default = Campaign()
    for f in dataclasses.fields(Campaign):
        if f.name not in values:
            values[f.name] = _bumped(f.name, getattr(default, f.name), hints[f.name])
    ad = Campaign(
        **{k: v for k, v in values.items() if k in {f.name for f in dataclasses.fields(Campaign)}}
    )
    same = [
        f.name
        for f in dataclasses.fields(Campaign)
        if getattr(ad, f.name) == getattr(default, f.name)
    ]
    assert not same, f"full_campaign() leaves these fields at their default: {same}"
    return ad
