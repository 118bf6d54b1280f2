"""Targeting's "Location" control: the whole of each country, or one main city and a radius.

The city is one of the main cities (`components.world.locations.main_cities`) of the targeted
countries, shown as "Lagos · NG"; the radius is a slider within Meta's city-radius limits
(the `radius_km` row of `components.campaign.fields.FIELDS`). The widgets' keys start with
`tgt_`, so loading another ad (`session.load_campaign`) re-seeds them from it.
"""

from __future__ import annotations

import streamlit as st

from components.campaign.fields import FIELDS
from components.campaign.model import DEFAULT_RADIUS_KM, Campaign
from components.world.locations import city_labels, get_city

_RADIUS = FIELDS["radius_km"]

LOCATION_MODES = {"country": "Country", "city": "City + radius"}
LOCATION_HELP = (
    "A local business reaches the people around it: pick one of the main cities of your "
    "countries and a radius. People within it are counted from GeoNames places of 15,000 "
    "people or more; other countries stay whole."
)


def location_picker(ad: Campaign) -> tuple[str, int]:
    """Draw the Location control for `ad`'s countries; return (city GeoNames id or "", km)."""
    state = st.session_state
    labels = city_labels(tuple(ad.countries))
    state.setdefault("tgt_location", "city" if ad.city in labels else "country")
    state.setdefault("tgt_radius", min(max(ad.radius_km, _RADIUS.low), _RADIUS.high))
    if state.get("tgt_city", ad.city) not in labels:
        # The city's country was taken out of the targets (or none was chosen yet).
        state["tgt_city"] = next(iter(labels), None)
    else:
        state.setdefault("tgt_city", ad.city)
    mode = st.segmented_control(
        "Location",
        list(LOCATION_MODES),
        format_func=LOCATION_MODES.get,
        key="tgt_location",
        required=True,
        help=LOCATION_HELP,
        disabled=not labels,
    )
    if mode != "city" or not labels:
        return "", int(state.get("tgt_radius", ad.radius_km or DEFAULT_RADIUS_KM))
    city = st.selectbox("City", list(labels), key="tgt_city", format_func=labels.get)
    radius = st.slider(
        "Radius (km)",
        min_value=_RADIUS.low,
        max_value=_RADIUS.high,
        step=1,
        key="tgt_radius",
        help=f"Meta's city radius: {_RADIUS.low}–{_RADIUS.high} km (10–50 miles).",
    )
    return str(city or ""), int(radius)


def location_note(ad: Campaign) -> str:
    """' Nigeria counts the people within 25 km of Lagos.' for the audience's help ('' when
    every country is whole)."""
    city = get_city(ad.city) if ad.city else None
    if city is None or city.country not in ad.countries:
        return ""
    return f" {city.country} counts the people within {ad.radius_km} km of {city.name}."
