"""The forecasts the pages show, computed once per distinct campaign and shared by sessions.

Three results, each in its own byte-bounded `ResultCache` (so no visitor can grow the
server by varying a setting): the simulations themselves, the Engagement page's chart views
(Vega-Lite specs) and its headline figures. Every key is a short string: what the forecast
depends on (`forecast_key`) and the options of the view. A key is a string, not the
Campaign, because Streamlit's caches hash their arguments element by element, which cost
more than a rerun; a dictionary lookup on a string costs nothing, so one level of caching
is enough.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import astuple, replace
from functools import lru_cache

from components.campaign.model import Campaign
from components.ui.media import world_map_url
from components.ui.result_cache import ResultCache, approximate_bytes

# Forecasts kept for every session, by total bytes (a result is tens to hundreds of MB of
# draws): a visitor varying the seed evicts older results instead of growing the server.
FORECAST_CACHE_BYTES = 384 * 2**20
# Views and headline figures are built from a kept forecast in milliseconds to a few hundred;
# assumption: 64 MB of views (a By-country view of every country is ~1 MB of spec) and 4 MB of
# headline figures keep every recent visitor's views.
VIEW_CACHE_BYTES = 64 * 2**20
HEADLINE_CACHE_BYTES = 4 * 2**20


@lru_cache(maxsize=64)
def forecast_key(ad: Campaign) -> str:
    """What a forecast depends on, as one short string (images only as present or not, and
    not the currency money is shown in).

    Kept per Campaign (hashing one is cheap: its image bytes keep their hash), as a page asks
    for it several times a rerun.
    """
    # Money is simulated in USD: the currency it is shown in changes no forecast.
    light = replace(ad, image=None, logo=None, story_image=None, currency="")
    return hashlib.sha256(repr((astuple(light), ad.image is not None)).encode()).hexdigest()


def _forecast_bytes(value: object) -> int:
    """A forecast's bytes, with the spend and reach arrays it builds on first use."""
    results = value.values() if isinstance(value, dict) else [value]
    later = sum(
        2 * result.impressions.nbytes for result in results if hasattr(result, "impressions")
    )
    return approximate_bytes(value) + later


FORECASTS = ResultCache(FORECAST_CACHE_BYTES, sizeof=_forecast_bytes)
VIEWS = ResultCache(VIEW_CACHE_BYTES)
HEADLINES = ResultCache(HEADLINE_CACHE_BYTES)


def cached_forecast(
    ad: Campaign, kind: str = "forecast", progress: Callable[[float], None] | None = None
) -> object:
    """The forecast ("forecast"), spend curve ("curve") or Message-vs-Call pair ("buttons")
    of an ad, computed once per distinct campaign and shared (read-only) across sessions.

    `progress` is called with the share done while a missing forecast is computed (a hit
    returns at once and never calls it).
    """
    from components.forecast import compare_buttons, forecast, spend_curve

    def compute() -> object:
        if kind == "forecast":
            return forecast(ad, progress=progress)
        if kind == "curve":
            return spend_curve(ad)
        return compare_buttons(ad, progress=progress)

    return FORECASTS.get_or_compute(f"{kind}:{forecast_key(ad)}", compute)


def forecast_is_cached(ad: Campaign, kind: str = "forecast") -> bool:
    """Whether the forecast is computed already (so no progress needs showing)."""
    return FORECASTS.get(f"{kind}:{forecast_key(ad)}") is not None


def cached_view(ad: Campaign, view: str, option: str, currency: str) -> object:
    """An Engagement chart view (Vega-Lite specs), built once per forecast and option."""
    from components.render.forecast_views import build_view

    world = world_map_url() if view == "countries" else ""

    def build() -> object:
        result = cached_forecast(ad)
        curve = cached_forecast(ad, "curve") if view == "budget" else None
        pair = cached_forecast(ad, "buttons") if view == "ab" else None
        return build_view(view, result, currency, option, ad.budget, curve, pair, world)

    key = repr((forecast_key(ad), view, option, currency, world))
    return VIEWS.get_or_compute(key, build)


def cached_headline(ad: Campaign, currency: str) -> object:
    """The headline figures of an ad's forecast, computed once per forecast and currency."""
    from components.forecast import headline_metrics

    key = repr((forecast_key(ad), currency))
    return HEADLINES.get_or_compute(key, lambda: headline_metrics(cached_forecast(ad), currency))


def clear_forecasts() -> None:
    """Forget every kept forecast, view and headline (tests; a memory check)."""
    for cache in (FORECASTS, VIEWS, HEADLINES):
        cache.clear()
