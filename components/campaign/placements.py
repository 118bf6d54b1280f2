"""Where an ad can appear, each placement's format, and the rules that apply to an ad there.

Facts from product.md: Facebook Feed 4:5 (mobile) and the 1.91:1 link layout (desktop),
Instagram Feed 1:1, Stories 9:16 with the top ~14% and bottom ~20% kept clear, Marketplace
tiles, Reels; primary text 125 in feeds, under 100 in Stories, cut at 72 in Reels. Facebook
Stories do not support CALL_NOW, and call ads run on mobile placements only.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from components.campaign.images import aspect_ratio, image_size, needs_crop
from components.campaign.model import (
    HEADLINE_LIMIT,
    PRIMARY_TEXT_LIMIT,
    REELS_TEXT_LIMIT,
    STORY_TEXT_LIMIT,
    Campaign,
)

# Stories: the share of the frame kept free of text and logos, where the button sits.
STORY_SAFE_TOP = 0.14
STORY_SAFE_BOTTOM = 0.20


@dataclass(frozen=True)
class Placement:
    """One place an ad appears, and its format."""

    key: str
    name: str
    aspect: str
    text_limit: int
    mobile: bool = True
    supports_call: bool = True
    api_format: str = ""


PLACEMENTS: dict[str, Placement] = {
    p.key: p
    for p in (
        Placement(
            "fb_feed_mobile", "Facebook Feed · mobile", "4:5", PRIMARY_TEXT_LIMIT,
            api_format="MOBILE_FEED_STANDARD",
        ),
        Placement(
            "fb_feed_desktop", "Facebook Feed · desktop", "1.91:1", PRIMARY_TEXT_LIMIT,
            mobile=False, api_format="DESKTOP_FEED_STANDARD",
        ),
        Placement(
            "ig_feed", "Instagram Feed", "1:1", PRIMARY_TEXT_LIMIT,
            api_format="INSTAGRAM_STANDARD",
        ),
        Placement(
            "fb_story", "Facebook Stories", "9:16", STORY_TEXT_LIMIT, supports_call=False,
            api_format="FACEBOOK_STORY_MOBILE",
        ),
        Placement("ig_story", "Instagram Stories", "9:16", STORY_TEXT_LIMIT),
        Placement("marketplace", "Marketplace", "1:1", HEADLINE_LIMIT),
        Placement("reels", "Facebook Reels", "9:16", REELS_TEXT_LIMIT),
    )
}  # fmt: skip


@dataclass(frozen=True)
class PlacementNote:
    """A remark about the ad in one placement: `level` is 'error', 'warning' or 'info'."""

    level: str
    text: str


def delivery(ad: Campaign, placement: Placement) -> PlacementNote | None:
    """Why the ad does not run in this placement, or None when it does."""
    if ad.cta == "call" and not placement.supports_call:
        return PlacementNote(
            "error",
            f"{placement.name} do not support the Call Now button, so this ad is not shown "
            "there. Use Send WhatsApp Message for Stories, or keep the Call ad to the feeds.",
        )
    if ad.cta == "call" and not placement.mobile:
        return PlacementNote(
            "error",
            f"Not delivered on {placement.name}: call ads run on mobile placements only, "
            "where a tap can place a call.",
        )
    return None


def placement_notes(ad: Campaign, placement: Placement) -> list[PlacementNote]:
    """Everything worth saying about the ad in a placement: delivery, cut copy, cropping."""
    blocked = delivery(ad, placement)
    if blocked:
        return [blocked]
    notes = []
    text = ad.headline if placement.key == "marketplace" else ad.text
    label = "Headline" if placement.key == "marketplace" else "Primary text"
    if len(text.strip()) > placement.text_limit:
        notes.append(
            PlacementNote(
                "warning",
                f"{label} is {len(text.strip())} characters; {placement.name} shows "
                f"{placement.text_limit} before “… more”.",
            )
        )
    art = ad.image_for(placement.aspect)
    if not art:
        notes.append(PlacementNote("warning", "No image: the ad shows an empty frame."))
    else:
        width, height = image_size(art)
        if needs_crop(width, height, placement.aspect):
            how = "cropped to" if ad.image_fit == "crop" else "fitted, with bars, into"
            notes.append(
                PlacementNote(
                    "info",
                    f"The image ({width}×{height}, {width / height:.2f}:1) is {how} "
                    f"{placement.aspect} ({aspect_ratio(placement.aspect):.2f}:1) here.",
                )
            )
    return notes


def _shape(width: int, height: int) -> str:
    """A picture's shape as people name it ("4:3", "16:9"), or its ratio to one when no small
    whole numbers come close."""
    ratio = Fraction(width, height).limit_denominator(16)
    if abs(ratio - Fraction(width, height)) / Fraction(width, height) <= 0.01:
        return f"{ratio.numerator}:{ratio.denominator}"
    return f"{width / height:.2f}:1"


def crop_summary(ad: Campaign, kind: str) -> str:
    """What the placements do to the uploaded picture `kind` ("image" or "story_image"), in one
    sentence: which crop it to which shape and how much of it is lost where, or fit it with
    bars (`ad.image_fit`). Empty when it fits every placement that shows it (or is absent)."""
    art = getattr(ad, kind, None)
    if not art:
        return ""
    width, height = image_size(art)
    by_aspect: dict[str, list[str]] = {}
    for placement in PLACEMENTS.values():
        if ad.image_for(placement.aspect) is art and needs_crop(width, height, placement.aspect):
            by_aspect.setdefault(placement.aspect, []).append(placement.name)
    if not by_aspect:
        return ""
    parts = []
    for aspect, names in by_aspect.items():
        target, actual = aspect_ratio(aspect), width / height
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        many = len(names) > 1
        if ad.image_fit == "crop":
            lost = 1 - min(target / actual, actual / target)
            where = "at the sides" if actual > target else "at the top and bottom"
            verb = "crop" if many else "crops"
            parts.append(f"{who} {verb} it to {aspect}, losing {lost:.0%} {where}")
        else:
            bars = "above and below" if actual > target else "at the sides"
            verb = "show" if many else "shows"
            parts.append(f"{who} {verb} it whole in {aspect}, with bars {bars}")
    return f"{_shape(width, height)} photo: " + "; ".join(parts) + "."
