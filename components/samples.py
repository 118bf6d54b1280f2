"""The sample businesses of sample_data/businesses.json as ready campaigns, and the step that
makes one the prospect's own (their name, number and a line of copy)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache

from components.ad import SAMPLE_DATA, AdSpec, ad_from_record
from components.phone import normalize_region


@dataclass(frozen=True)
class SampleBusiness:
    """A fictional business to start a demo from."""

    slug: str
    pitch: str
    ad: AdSpec

    @property
    def label(self) -> str:
        """How a picker names it: the business and its city's country flag."""
        from components.regions import get_country

        country = get_country(self.ad.region)
        return f"{country.flag if country else ''} {self.ad.business}".strip()


@lru_cache(maxsize=1)
def load_samples() -> dict[str, SampleBusiness]:
    """Every sample business, by slug, in file order."""
    with open(SAMPLE_DATA / "businesses.json", encoding="utf-8") as handle:
        records = json.load(handle)
    return {
        record["slug"]: SampleBusiness(
            record["slug"], record.get("pitch", ""), ad_from_record(record)
        )
        for record in records
    }


def adapt_to_prospect(
    ad: AdSpec, business: str = "", phone: str = "", region: str = "", text: str = ""
) -> AdSpec:
    """The sample with the prospect's name, number (and its country) and copy where given.

    The sample's own name is replaced wherever it appears in the copy and welcome message, so
    the tour reads as the prospect's ad, not the bakery's with a new header.
    """
    changes: dict[str, object] = {}
    business = business.strip()
    if business:
        changes["business"] = business
        for name in ("text", "headline", "description", "prefill", "greeting"):
            value = getattr(ad, name)
            if ad.business and ad.business in value:
                changes[name] = value.replace(ad.business, business)
    if phone.strip():
        changes["phone"] = phone.strip()
        code = normalize_region(region)
        if code:
            changes["region"] = code
    if text.strip():
        changes["text"] = text.strip()
    return replace(ad, **changes)
