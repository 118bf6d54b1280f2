"""Unit tests for components.world.targeting: budget split, audience totals, warnings, scenarios."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.campaign.model import Campaign
from components.world import targeting
from components.world.regions import audience_estimate, audience_range, load_catalog, rollout_status
from components.world.targeting import (
    EUROPE_REPORTING_NOTE,
    audience_total,
    budget_split,
    delivering,
    format_count,
    format_range,
    normalise_manual_split,
    offset_spread,
    scenario_changes,
    target_groups,
    targeting_table,
    targeting_table_arrow,
    targeting_warnings,
    utc_offsets,
)
from tests.factories import make_campaign

# A Lagos number: its country is Nigeria.
LAGOS = make_campaign(phone="+234 802 123 4589", region="NG", countries=("NG",), budget=10.0)


def ad(**changes) -> Campaign:
    return replace(LAGOS, **changes)


# --- delivery ----------------------------------------------------------------------------


def test_delivering_follows_the_scenario():
    codes = ("NG", "DE", "CN", "FJ", "zz", "ng")
    assert delivering(codes, "launch") == ("NG",)
    assert delivering(codes, "europe") == ("NG", "DE")
    assert delivering(codes, "mars") == ("NG",)  # unknown scenario: the launch rollout


# --- budget split ------------------------------------------------------------------------


def test_one_country_gets_the_whole_budget():
    assert budget_split(ad()) == {"NG": 10.0}


def test_audience_split_is_proportional_and_adds_up_to_the_cent():
    split = budget_split(ad(countries=("NG", "GH", "KE"), budget=100.0))
    assert list(split) == ["NG", "GH", "KE"]
    assert sum(split.values()) == pytest.approx(100.0, abs=1e-9)
    assert all(round(value, 2) == value for value in split.values())
    weights = {code: audience_estimate(code) for code in split}
    total = sum(weights.values())
    for code, value in split.items():
        assert value == pytest.approx(100.0 * weights[code] / total, abs=0.01)


def test_countries_without_delivery_get_nothing():
    launch = budget_split(ad(countries=("NG", "DE", "CN"), budget=30.0))
    assert launch["DE"] == 0 and launch["CN"] == 0 and launch["NG"] == 30.0
    europe = budget_split(ad(countries=("NG", "DE", "CN"), budget=30.0, scenario="europe"))
    assert europe["DE"] > 0 and europe["CN"] == 0
    assert sum(europe.values()) == pytest.approx(30.0)


def test_nothing_delivers_or_nothing_selected():
    assert budget_split(ad(countries=("CN", "KP", "DE"))) == {"CN": 0.0, "KP": 0.0, "DE": 0.0}
    assert budget_split(ad(countries=())) == {}
    assert budget_split(ad(countries=("NG",), budget=0.0)) == {"NG": 0.0}


def test_unknown_and_repeated_codes_are_ignored():
    assert budget_split(ad(countries=("ZZ", "ng", "NG", "<s>"))) == {"NG": 10.0}


def test_budget_without_whole_cents_still_adds_up():
    split = budget_split(ad(countries=("NG", "GH", "KE"), budget=12.345))
    assert sum(split.values()) == pytest.approx(12.345)


def test_manual_split_is_renormalised_over_delivering_countries():
    manual = (("NG", 3.0), ("GH", 1.0), ("DE", 5.0))
    split = budget_split(
        ad(countries=("NG", "GH", "DE"), budget=40.0, split_mode="manual", manual_split=manual)
    )
    assert split == {"NG": 30.0, "GH": 10.0, "DE": 0.0}


def test_manual_split_missing_country_gets_nothing():
    split = budget_split(
        ad(countries=("NG", "GH"), split_mode="manual", manual_split=(("NG", 0.2),))
    )
    assert split == {"NG": 10.0, "GH": 0.0}


def test_empty_manual_split_falls_back_to_audience():
    selected = ("NG", "GH")
    auto = budget_split(ad(countries=selected))
    assert budget_split(ad(countries=selected, split_mode="manual")) == auto
    zero = (("NG", 0.0), ("GH", -4.0))
    assert budget_split(ad(countries=selected, split_mode="manual", manual_split=zero)) == auto


SELECTABLE = sorted(load_catalog())


@settings(max_examples=150, deadline=None)
@given(
    codes=st.lists(st.sampled_from(SELECTABLE), max_size=30, unique=True),
    budget=st.floats(min_value=0, max_value=100_000, allow_nan=False),
    scenario=st.sampled_from(["launch", "europe"]),
    shares=st.lists(
        st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-5, 50)),
        max_size=30,
    ),
    manual=st.booleans(),
)
def test_split_always_adds_up_to_the_budget(codes, budget, scenario, shares, manual):
    spec = ad(
        countries=tuple(codes),
        budget=budget,
        scenario=scenario,
        split_mode="manual" if manual else "audience",
        manual_split=tuple(zip(codes, shares, strict=False)),
    )
    split = budget_split(spec)
    assert list(split) == codes
    assert all(value >= 0 and math.isfinite(value) for value in split.values())
    live = delivering(codes, scenario)
    assert all(split[code] == 0 for code in codes if code not in live)
    if live:
        assert sum(split.values()) == pytest.approx(budget, rel=1e-9, abs=1e-6)
    else:
        assert sum(split.values()) == 0


def test_normalise_manual_split_cleans_what_was_typed():
    values = {"NG": 30, "gh": "10", "KE": -5, "ZA": float("nan"), "EG": math.inf, "ZZ": 9}
    shares = normalise_manual_split(["NG", "GH", "KE", "ZA", "EG", "ZZ"], values)
    assert shares == (("NG", 0.75), ("GH", 0.25), ("KE", 0.0), ("ZA", 0.0), ("EG", 0.0))
    pairs = normalise_manual_split(["NG", "DE"], [("NG", 1), ("DE", 1)], scenario="launch")
    assert pairs == (("NG", 1.0),)
    assert normalise_manual_split(["NG"], {"NG": 0}) == ()
    assert normalise_manual_split([], {}) == ()
    assert normalise_manual_split(["NG"], {"NG": object()}) == ()


# --- audience ----------------------------------------------------------------------------


def test_audience_total_sums_the_ranges():
    low = audience_range("NG")[0] + audience_range("GH")[0]
    high = audience_range("NG")[1] + audience_range("GH")[1]
    assert audience_total(["NG", "GH", "ZZ", "NG"]) == (low, high)
    assert audience_total([]) == (0, 0)
    assert audience_total(["AQ"]) == (0, 0)


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (940, "940"), (9_500, "9.5K"), (43_000_000, "43M"), (1_800_000, "1.8M"),
     (1_300_000_000, "1.3B"), (12_000, "12K"), (1_000_000, "1M")],
)  # fmt: skip
def test_format_count(value, text):
    assert format_count(value) == text


def test_format_range_is_a_range_never_one_number():
    assert format_range(1_200_000, 1_800_000) == "1.2M–1.8M"
    assert format_range(0, 0) == "—"


def test_one_click_groups_skip_empty_ones():
    groups = target_groups()
    assert {"Africa", "South America", "Southeast Asia", "Europe"} <= set(groups)
    assert "Antarctica" not in groups
    assert "BR" in groups["South America"] and "NG" in groups["Africa"]


# --- warnings ----------------------------------------------------------------------------


def joined(spec: Campaign) -> str:
    return "\n".join(targeting_warnings(spec))


def test_a_sound_selection_has_no_warnings():
    assert targeting_warnings(ad(countries=("NG", "GH"))) == []
    assert targeting_warnings(ad(countries=("NG", "GH", "KE"), cta="call")) == []


def test_empty_selection():
    warnings = targeting_warnings(ad(countries=()))
    assert len(warnings) == 1 and "No countries" in warnings[0]


def test_all_unavailable_selection():
    text = joined(ad(countries=("CN", "KP")))
    assert "None of the selected countries" in text and "no delivery" in text


def test_some_countries_without_delivery_are_named():
    text = joined(ad(countries=("NG", "DE", "CN")))
    assert "2 of 3 selected countries get no delivery" in text
    assert "Germany" in text and "China" in text
    assert "Germany" not in joined(ad(countries=("NG", "DE"), scenario="europe"))


def test_number_from_another_country():
    text = joined(ad(countries=("GH", "KE")))
    assert "WhatsApp number is from 🇳🇬 Nigeria" in text and "messaging" in text
    call = joined(ad(countries=("GH",), cta="call"))
    assert "international call" in call
    # an invalid number raises no such warning (the composer already says what is wrong)
    assert "number is from" not in joined(ad(countries=("GH",), phone="12"))


def test_call_restricted_countries_are_flagged_for_call_ads_only():
    assert "Calling is restricted" in joined(ad(countries=("NG", "AE"), cta="call"))
    assert "Calling is restricted" not in joined(ad(countries=("NG", "AE"), cta="message"))


def test_call_ad_across_time_zones():
    wide = ad(countries=("US", "IN", "NG"), cta="call")
    text = joined(wide)
    assert "time zones" in text and "UTC−5" in text and "UTC+5:30" in text
    assert "time zones" not in joined(replace(wide, cta="message"))
    # Nigeria, Ghana and Kenya span UTC+0 to UTC+3: within one working day
    assert "time zones" not in joined(ad(countries=("NG", "GH", "KE"), cta="call"))


def test_time_zone_helpers():
    assert utc_offsets("Asia/Kolkata") == (5.5, 5.5)
    assert utc_offsets("Europe/Berlin") == (1.0, 2.0)
    assert utc_offsets("Not/AZone") == ()
    assert utc_offsets("") == ()
    assert offset_spread(["NG"]) == 0
    assert offset_spread([]) == 0
    assert offset_spread(["US", "IN"]) == pytest.approx(10.5)


# --- scenarios ---------------------------------------------------------------------------


def test_europe_launched_says_what_changes():
    lines = scenario_changes(["NG", "DE", "FR", "CN"], "europe")
    text = "\n".join(lines)
    assert "Germany" in text and "France" in text and "China" not in text.split("\n")[1]
    assert "574941489951914" in text and "messaging conversations started" in text


def test_launch_scenario_points_to_europe():
    text = "\n".join(scenario_changes(["NG", "DE"], "launch"))
    assert "no delivery at launch" in text and "Germany" in text
    assert EUROPE_REPORTING_NOTE in text


def test_no_europe_in_selection():
    for scenario in ("launch", "europe"):
        text = "\n".join(scenario_changes(["NG", "BR"], scenario))
        assert "574941489951914" not in text
        assert "Europe" in text
    # a European phone number brings the reporting note back
    assert "574941489951914" in "\n".join(scenario_changes(["NG"], "europe", "DE"))


# --- the table ---------------------------------------------------------------------------


def test_table_has_a_row_per_selected_country():
    spec = ad(countries=("NG", "DE", "CN", "ZZ"), budget=20.0)
    table = targeting_table(spec)
    assert list(table["code"]) == ["NG", "DE", "CN"]
    assert list(table["country"]) == ["🇳🇬 Nigeria", "🇩🇪 Germany", "🇨🇳 China"]
    assert list(table["status"]) == ["available", "later", "unavailable"]
    assert table["status_label"].iloc[1].endswith("Later")
    assert table["reason"].iloc[1] == rollout_status("DE", "launch").reason
    assert table["budget_usd"].sum() == pytest.approx(20.0)
    assert list(table["budget_share"]) == [1.0, 0.0, 0.0]
    assert (table["audience_low"] < table["audience_high"]).all()
    assert table["audience"].iloc[0] == format_range(*audience_range("NG"))
    assert "call_restricted" not in table


def test_table_flags_call_restrictions_for_call_ads():
    table = targeting_table(ad(countries=("NG", "AE"), cta="call"))
    assert list(table["call_restricted"]) == [False, True]


def test_empty_table_keeps_its_columns_and_types():
    table = targeting_table(ad(countries=()))
    assert table.empty and "budget_usd" in table and table["budget_usd"].dtype == float
    arrow = targeting_table_arrow(ad(countries=()))
    assert arrow.num_rows == 0 and arrow.column_names == list(table.columns)


def test_arrow_table_matches_the_frame():
    spec = ad(countries=("NG", "GH"), cta="call")
    arrow = targeting_table_arrow(spec)
    assert arrow.to_pandas()["country"].tolist() == targeting_table(spec)["country"].tolist()


def test_picker_labels_are_flags_and_plain_names():
    labels = targeting.country_labels()
    assert labels["NG"] == "🇳🇬 Nigeria" and labels["CI"].startswith("🇨🇮 C")
    assert list(labels) == list(load_catalog())  # name order
    assert len(set(labels.values())) == len(labels)


def test_hostile_labels_never_reach_the_table():
    spec = ad(countries=("<script>", "NG"))
    assert list(targeting_table(spec)["code"]) == ["NG"]
    assert targeting.country_label("<b>") == "<b>"  # unknown codes come back as given


def test_the_selection_in_words_names_every_country_with_its_flag_and_a_count():
    codes = ("GH", "NG", "KE", "ZA", "EG", "MA", "SN")
    text = targeting.selection_text(codes)
    assert text.startswith("7 countries chosen: 🇬🇭 Ghana, 🇳🇬 Nigeria")
    assert "and" not in text.split(": ", 1)[1] and "🇸🇳 Senegal" in text  # none left out
    assert targeting.selection_text(("GH", "gh", "ZZ")) == "1 country chosen: 🇬🇭 Ghana"
    assert targeting.selection_text(()) == "No countries chosen yet."


def test_every_country_that_will_not_deliver_says_why_by_name():
    idle = dict(targeting.not_delivering(("NG", "FR", "CU", "CN"), "launch"))
    assert set(idle) == {"🇫🇷 France", "🇨🇺 Cuba", "🇨🇳 China"}
    assert idle["🇫🇷 France"] == rollout_status("FR", "launch").reason
    assert "data-protection review" in idle["🇫🇷 France"]
    assert all(reason for reason in idle.values())
    assert "🇫🇷 France" not in dict(targeting.not_delivering(("FR",), "europe"))
    assert targeting.not_delivering(("NG", "GH"), "launch") == []


# --- a city and a radius ------------------------------------------------------------------

LAGOS_CITY = "2332459"  # GeoNames id


def test_a_city_shrinks_its_countrys_audience_and_leaves_the_others_whole():
    whole = audience_total(("NG", "GH"))
    local = audience_total(("NG", "GH"), LAGOS_CITY, 25)
    wider = audience_total(("NG", "GH"), LAGOS_CITY, 80)
    assert local[1] < wider[1] < whole[1]
    assert targeting.location_range("GH", LAGOS_CITY, 25) == audience_range("GH")
    from components.world.locations import audience_at

    low, high = targeting.location_range("NG", LAGOS_CITY, 25)
    assert low < audience_at("NG", LAGOS_CITY, 25) < high


def test_the_budget_follows_the_city_audience():
    ad = make_campaign(countries=("NG", "GH"), budget=100.0)
    whole = budget_split(ad)
    local = budget_split(replace(ad, city=LAGOS_CITY, radius_km=17))
    assert local["NG"] < whole["NG"] and math.isclose(sum(local.values()), 100.0)


def test_the_table_shows_the_city_audience():
    ad = make_campaign(countries=("NG", "GH"), city=LAGOS_CITY, radius_km=17)
    table = targeting_table(ad)
    expected = targeting.location_range("NG", LAGOS_CITY, 17)
    row = table[table["code"] == "NG"].iloc[0]
    assert (row["audience_low"], row["audience_high"]) == expected
    assert targeting_table_arrow(ad).num_rows == 2
