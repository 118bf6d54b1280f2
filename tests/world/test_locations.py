"""Locations: main cities per country, people within a radius, and the audience it gives."""

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.campaign.fields import FIELDS
from components.campaign.model import default_campaign
from components.world import locations, regions
from tests.factories import make_campaign

LAGOS, KANO, NEW_YORK = "2332459", "2335204", "5128581"


def test_every_inhabited_launch_country_with_cities_lists_its_main_ones():
    listed = 0
    for code in regions.load_catalog():
        cities = locations.main_cities(code)
        assert len(cities) <= locations.MAIN_CITIES
        assert all(city.country == code for city in cities)
        populations = [city.population for city in cities]
        assert populations == sorted(populations, reverse=True)
        listed += bool(cities)
    assert listed > 200
    assert len(locations.main_cities("NG")) == locations.MAIN_CITIES
    assert locations.main_cities("NG")[0].name == "Lagos"


def test_a_city_record_has_what_the_picker_and_the_radius_need():
    lagos = locations.get_city(LAGOS)
    assert lagos is not None
    assert (lagos.name, lagos.country, lagos.admin_code) == ("Lagos", "NG", "05")
    assert 6 < lagos.latitude < 7 and 3 < lagos.longitude < 4 and lagos.population > 1e6
    assert lagos.label == "Lagos · NG"
    austin = next(c for c in locations.main_cities("US") if c.name == "Austin")
    assert austin.label == "Austin, Texas · US"


@pytest.mark.parametrize(
    "raw", ["", "abc", "-2332459", "2332459.0", "١٢٣", "9" * 13, "1", " 2332459x", NEW_YORK + "0"]
)
def test_get_city_refuses_what_is_not_a_main_city(raw):
    assert locations.get_city(raw) is None


def test_get_city_forgives_spaces_and_leading_zeros():
    assert locations.get_city(f" 00{LAGOS} ").geonameid == LAGOS


def test_city_labels_are_unique_per_country_and_follow_the_countries():
    labels = locations.city_labels(("NG", "US"))
    assert list(labels)[: locations.MAIN_CITIES] == [
        c.geonameid for c in locations.main_cities("NG")
    ]
    assert len(set(labels.values())) == len(labels)
    assert locations.city_labels(()) == {}


def test_great_circle_distance_lagos_to_kano():
    import numpy as np

    lagos, kano = locations.get_city(LAGOS), locations.get_city(KANO)
    km = locations.great_circle_km(
        np.radians(lagos.latitude),
        np.radians(lagos.longitude),
        np.radians(np.array([kano.latitude])),
        np.radians(np.array([kano.longitude])),
    )[0]
    assert 820 < km < 850  # about 835 km


def test_population_within_grows_with_the_radius_and_starts_at_the_city():
    lagos = locations.get_city(LAGOS)
    sizes = [locations.population_within(lagos, r) for r in (0, 17, 40, 80, 5000)]
    assert sizes[0] == lagos.population
    assert sizes == sorted(sizes)
    assert sizes[1] > lagos.population  # Ikeja and the rest of the metropolis
    assert sizes[-1] <= regions.get_country("NG").population


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["NG", "US", "IN", "BR", "ID", "KE", "MX"]), st.data())
def test_a_city_audience_never_exceeds_its_countrys(code, data):
    city = data.draw(st.sampled_from(locations.main_cities(code)))
    radius = data.draw(st.integers(FIELDS["radius_km"].low, FIELDS["radius_km"].high))
    ad = make_campaign(countries=(code,), city=city.geonameid, radius_km=radius)
    audience = locations.location_audience(ad, code)
    assert 0 < audience <= regions.audience_estimate(code)


def test_location_audience_is_the_country_without_a_city():
    ad = replace(default_campaign(), city="")
    assert locations.location_audience(ad, "NG") == regions.audience_estimate("NG")


def test_location_audience_of_a_city_uses_the_countrys_shares():
    ad = replace(default_campaign(), countries=("NG", "GH"), city=LAGOS, radius_km=25)
    people = locations.population_within(locations.get_city(LAGOS), 25)
    assert locations.location_audience(ad, "NG") == pytest.approx(
        people * regions.audience_share("NG")
    )
    assert regions.audience_estimate("NG") == pytest.approx(
        regions.get_country("NG").population * regions.audience_share("NG")
    )
    # Another targeted country stays whole; so does the country of a city not targeted.
    assert locations.location_audience(ad, "GH") == regions.audience_estimate("GH")
    elsewhere = replace(ad, city=NEW_YORK)
    assert locations.location_audience(elsewhere, "NG") == regions.audience_estimate("NG")
    assert locations.location_audience(replace(ad, city="junk"), "NG") == (
        regions.audience_estimate("NG")
    )


def test_location_audience_rejects_an_unknown_country_like_the_estimate():
    with pytest.raises(ValueError):
        locations.location_audience(default_campaign(), "ZZ")
