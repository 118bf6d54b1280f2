"""The sample businesses of sample_data/businesses.json as ready campaigns, and the step that
makes one the prospect's own (their name, number and a line of copy)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from components import SAMPLE_DATA
from components.campaign.fields import MAX_CHARS
from components.campaign.model import Campaign, campaign_from_record
from components.campaign.phone import normalize_region
from components.campaign.renaming import replace_name


@dataclass(frozen=True)
class SampleBusiness:
    """A fictional business to start a demo from: what kind of business it is and where."""

    slug: str
    pitch: str
    ad: Campaign
    kind: str = ""
    place: str = ""

    @property
    def label(self) -> str:
        """How a picker names it: "Bakery · Lagos" (the business's own name when the file
        gives no kind or place)."""
        parts = [part for part in (self.kind, self.place) if part]
        return " · ".join(parts) if parts else self.ad.business


@lru_cache(maxsize=1)
def load_samples() -> dict[str, SampleBusiness]:
    """Every sample business, by slug, in file order."""
    with open(SAMPLE_DATA / "businesses.json", encoding="utf-8") as handle:
        records = json.load(handle)
    return {
        record["slug"]: SampleBusiness(
            record["slug"],
            record.get("pitch", ""),
            campaign_from_record(record),
            str(record.get("kind", "")),
            str(record.get("place", "")),
        )
        for record in records
    }


def linked_sample_slug(params: Mapping[str, Any]) -> str:
    """The sample a share link's `sample=<slug>` names ("" for none or an unknown slug,
    which `ad.from_query_params` notes)."""
    values = params.get("sample")
    raw = values[0] if isinstance(values, (list, tuple)) and values else values
    slug = str(raw).strip().lower() if raw is not None else ""
    return slug if slug in load_samples() else ""


def sample_slug(ad: Campaign) -> str:
    """The sample business this ad is, untouched ("" when it is not one)."""
    return next((slug for slug, sample in load_samples().items() if sample.ad == ad), "")


# What the prospect's details may change, and what each is called in a message.
PROSPECT_FIELDS = {
    "business": "business name",
    "text": "primary text",
    "headline": "headline",
    "description": "description",
    "prefill": "pre-filled message",
    "greeting": "greeting",
    "phone": "number",
}
# Where the sample's own name is carried over to the prospect's.
NAMED_FIELDS = ("text", "headline", "description", "prefill", "greeting")


@dataclass(frozen=True)
class ProspectAd:
    """The sample made the prospect's, or (when `refused` names why) the ad unchanged."""

    ad: Campaign
    refused: tuple[str, ...] = ()


def adapt_to_prospect(
    ad: Campaign, business: str = "", phone: str = "", region: str = "", text: str = ""
) -> ProspectAd:
    """The sample with the prospect's name, number (and its country) and copy where given.

    The sample's own name, as a whole name (`renaming.replace_name`: "Bo" in "Book" stays), is
    replaced in the copy and the chat's words, so the tour reads as the prospect's ad, not
    the bakery's with a new header. Nothing may pass the ceiling a share link carries
    (`MAX_CHARS`): when a value would, nothing changes and `refused` says which and why,
    before anything is stored (an edit later would otherwise cut it without a word).
    """
    changes: dict[str, str] = {}
    renamed_fields: set[str] = set()
    business = business.strip()
    if business:
        changes["business"] = business
        old = ad.business.strip()
        for name in NAMED_FIELDS if old else ():
            value = getattr(ad, name)
            renamed = replace_name(value, old, business)
            if renamed != value:
                changes[name] = renamed
                renamed_fields.add(name)
    if phone.strip():
        changes["phone"] = phone.strip()
    if text.strip():
        changes["text"] = text.strip()
        renamed_fields.discard("text")
    refused = tuple(
        f"The {PROSPECT_FIELDS[name]} would be {len(value):,} characters, more than the "
        f"{MAX_CHARS[name]:,} allowed"
        + (
            ": the new name is longer than the one it replaces; use a shorter name."
            if name in renamed_fields
            else "; shorten it."
        )
        for name, value in changes.items()
        if len(value) > MAX_CHARS[name]
    )
    if refused:
        return ProspectAd(ad, refused)
    if "phone" in changes and (code := normalize_region(region)):
        changes["region"] = code
    return ProspectAd(replace(ad, **changes))
