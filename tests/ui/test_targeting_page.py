"""The Targeting page under AppTest: defaults, a shared link, a nonsense link, every widget."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from streamlit.runtime.media_file_storage import MediaFileKind
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from components.campaign.model import default_campaign
from components.render.charts import map_lookup_json, world_json
from components.ui.navigation import page_path
from components.world.money import load_rates
from tests.ui.conftest import assert_clean, run_app

PAGE = page_path("targeting")


def targeting(params: dict[str, str] | None = None):
    at = run_app(page=PAGE, params=params)
    assert_clean(at)
    return at


def table(at):
    """The page's table of countries (the hand-split editor, when shown, has no status)."""
    frames = [element.value for element in at.dataframe if "status" in element.value]
    assert len(frames) == 1
    return frames[0]


def the_map(at) -> dict:
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def data_urls(node) -> list[str]:
    """Every `url` a Vega-Lite spec loads data from."""
    if isinstance(node, dict):
        found = [node["url"]] if isinstance(node.get("url"), str) else []
        return found + [url for value in node.values() for url in data_urls(value)]
    if isinstance(node, list):
        return [url for value in node for url in data_urls(value)]
    return []


def assert_map_data_served_locally(spec: dict, scenario: str, selected: tuple[str, ...]) -> None:
    """The map loads the shipped world and each country's status from this server's media
    store, nowhere else: the rerun carries two short paths instead of 140 kB, and the browser
    stays offline."""
    urls = data_urls(spec)
    # AppTest's media store answers at /mock/media; a real server's at /media.
    assert all(re.fullmatch(r"(/mock)?/media/\w+\.json", url) for url in urls), urls
    # Media ids are content hashes: the ids name exactly these bytes.
    storage = MemoryMediaFileStorage("/media")
    expected = {
        storage.load_and_get_id(data, "application/json", MediaFileKind.MEDIA) + ".json"
        for data in (world_json(), map_lookup_json(scenario, selected))
    }
    assert {url.rsplit("/", 1)[1] for url in urls} == expected


def texts(elements) -> str:
    return "\n".join(element.value for element in elements)


def test_default_state_targets_the_sample_ads_country():
    at = targeting({"city": ""})  # the whole country (the sample targets Lagos + 17 km)
    assert at.multiselect(key="tgt_countries").value == list(default_campaign().countries) == ["NG"]
    assert at.segmented_control(key="tgt_scenario").value == "launch"
    assert list(table(at)["code"]) == ["NG"]
    assert table(at)["budget_usd"].sum() == pytest.approx(default_campaign().budget)
    metrics = {metric.label: metric.value for metric in at.metric}
    assert metrics["Delivering"] == "1 of 1"
    assert metrics["Audience where it runs"] == "43M–65M"
    assert not at.warning
    spec = the_map(at)
    assert "equalEarth" in json.dumps(spec)
    assert_map_data_served_locally(spec, "launch", ("NG",))


def test_shared_link_is_read_into_the_page():
    at = targeting({"countries": "NG,GH,KE", "scenario": "europe"})
    assert at.multiselect(key="tgt_countries").value == ["NG", "GH", "KE"]
    assert at.segmented_control(key="tgt_scenario").value == "europe"
    assert list(table(at)["code"]) == ["NG", "GH", "KE"]
    assert "Europe launched" in texts(at.info)
    assert at.session_state["ad"].countries == ("NG", "GH", "KE")
    assert at.query_params["countries"] in ("NG,GH,KE", ["NG,GH,KE"])


def test_nonsense_countries_are_ignored_with_a_note():
    at = targeting({"countries": "ZZ,<script>,NG"})
    assert "Unknown country codes ignored" in texts(at.warning)
    assert "`ZZ`" in texts(at.warning)
    assert at.multiselect(key="tgt_countries").value == ["NG"]
    assert list(table(at)["code"]) == ["NG"]


@pytest.mark.parametrize(
    "params",
    [
        {"countries": ""},
        {"countries": ",,,"},
        {"countries": "CN,KP"},
        {"countries": "x" * 5000},
        {"scenario": "mars"},
        {"countries": "DE,FR", "cta": "call", "budget": "0"},
    ],
)
def test_odd_links_still_render(params):
    at = targeting(params)
    assert at.get("vega_lite_chart")
    assert table(at) is not None


def test_empty_and_unavailable_selections_warn():
    assert "No countries are selected" in texts(targeting({"countries": ""}).warning)
    assert "None of the selected countries" in texts(targeting({"countries": "CN,KP"}).warning)


def test_adding_a_continent_and_starting_over_with_another():
    at = targeting()
    at.selectbox(key="tgt_group").select("South America").run()
    assert_clean(at)
    assert at.selectbox(key="tgt_group").value is None  # ready for the next region
    codes = at.multiselect(key="tgt_countries").value
    assert codes[0] == "NG" and {"BR", "AR", "CO"} <= set(codes)
    assert at.session_state["ad"].countries == tuple(codes)
    assert set(table(at)["code"]) == set(codes)
    assert table(at)["budget_usd"].sum() == pytest.approx(10.0)

    at.multiselect(key="tgt_countries").set_value([]).run()  # start over: clear, then add
    at.selectbox(key="tgt_group").select("Western Africa").run()
    codes = at.multiselect(key="tgt_countries").value
    assert "BR" not in codes and {"NG", "GH", "SN"} <= set(codes)


def test_single_countries_and_the_scenario_switch():
    at = targeting()
    at.multiselect(key="tgt_countries").select("DE").run()
    assert "Germany" in texts(at.warning)  # gets no delivery at launch
    assert table(at).set_index("code").loc["DE", "budget_usd"] == 0
    at.segmented_control(key="tgt_scenario").set_value("europe").run()
    assert_clean(at)
    assert "Germany" not in texts(at.warning)
    assert table(at).set_index("code").loc["DE", "budget_usd"] > 0
    assert "574941489951914" in texts(at.info)
    assert at.session_state["ad"].scenario == "europe"
    assert "Available" in table(at).set_index("code").loc["DE", "status_label"]


def test_budget_and_audience_split_add_up():
    at = targeting({"countries": "NG,GH,KE,DE,CN", "currency": "USD"})
    at.number_input(key="tgt_budget").set_value(75.5).run()
    frame = table(at).set_index("code")
    assert frame["budget_usd"].sum() == pytest.approx(75.5)
    assert frame.loc["DE", "budget_usd"] == frame.loc["CN", "budget_usd"] == 0
    assert at.session_state["ad"].budget == 75.5
    assert frame["budget_share"].sum() == pytest.approx(1.0)


def test_the_budget_is_typed_and_shown_in_the_display_currency():
    """A Nigerian number: naira on the page (the budget, the table), USD in the model and
    the share link."""
    naira = load_rates().per_usd["NGN"]
    at = targeting({"countries": "NG,GH", "budget": "10"})
    budget = at.number_input(key="tgt_budget")
    assert budget.label == "Daily budget (NGN)"
    assert budget.value == pytest.approx(10 * naira)
    assert f"1 USD = {naira:,g} NGN" in budget.help
    frame = table(at).set_index("code")
    assert frame["budget_local"].sum() == pytest.approx(10 * naira)
    budget.set_value(15_000.0).run()
    assert_clean(at)
    assert at.session_state["ad"].budget == pytest.approx(15_000 / naira)
    assert at.number_input(key="tgt_budget").value == 15_000.0  # read back as typed
    assert table(at)["budget_local"].sum() == pytest.approx(15_000.0)
    assert at.query_params["budget"] == repr(round(15_000 / naira, 8))  # USD in the link
    # Shown and read back untouched on another rerun, it does not move by a rounding.
    at.run()
    assert at.session_state["ad"].budget == round(15_000 / naira, 8)


def test_a_budget_entered_elsewhere_in_another_currency_is_shown_converted():
    at = targeting({"countries": "BR", "budget": "20", "currency": "BRL"})
    real = load_rates().per_usd["BRL"]
    assert at.number_input(key="tgt_budget").label == "Daily budget (BRL)"
    assert at.number_input(key="tgt_budget").value == pytest.approx(round(20 * real, 2))
    at.session_state["ad"] = replace(at.session_state["ad"], currency="USD")
    at.run()
    assert at.number_input(key="tgt_budget").value == 20.0


def test_manual_split_from_the_ad_is_normalised_to_the_budget():
    at = run_app()
    at.session_state["ad"] = replace(
        at.session_state["ad"],
        countries=("NG", "GH", "DE"),
        budget=40.0,
        split_mode="manual",
        manual_split=(("NG", 0.5), ("GH", 0.5), ("DE", 0.5)),
    )
    at.switch_page(PAGE).run()
    assert_clean(at)
    assert at.radio(key="tgt_split_mode").value == "manual"
    frame = table(at).set_index("code")
    assert frame.loc["NG", "budget_usd"] == frame.loc["GH", "budget_usd"] == 20.0
    assert frame.loc["DE", "budget_usd"] == 0
    editors = [element.value for element in at.dataframe if "status" not in element.value]
    naira = load_rates().per_usd["NGN"]  # the money of the ad's Nigerian number
    assert len(editors) == 1 and editors[0]["NGN a day"].sum() == pytest.approx(40.0 * naira)
    assert at.session_state["ad"].manual_split == (("NG", 0.5), ("GH", 0.5))


def test_switching_to_manual_starts_from_the_audience_split():
    at = targeting({"countries": "NG,GH"})
    before = table(at)["budget_usd"].tolist()
    at.radio(key="tgt_split_mode").set_value("manual").run()
    assert_clean(at)
    assert table(at)["budget_usd"].tolist() == pytest.approx(before)
    assert at.session_state["ad"].split_mode == "manual"
    assert sum(share for _, share in at.session_state["ad"].manual_split) == pytest.approx(1.0)


def test_call_ad_flags_restricted_countries_and_time_zones():
    at = targeting({"countries": "NG,AE,US,IN", "cta": "call", "phone": "+2348021234589"})
    warnings = texts(at.warning)
    assert "Calling is restricted" in warnings and "United Arab Emirates" in warnings
    assert "time zones" in warnings
    assert list(table(at)["call_restricted"]) == [False, True, False, False]


def test_number_abroad_is_flagged():
    at = targeting({"countries": "GH", "phone": "+2348021234589"})
    assert "not among the targets" in texts(at.warning)


def test_selection_survives_a_page_switch():
    at = targeting()
    at.multiselect(key="tgt_countries").select("KE").run()
    at.switch_page(page_path("compose")).run()
    at.switch_page(PAGE).run()
    assert_clean(at)
    assert at.multiselect(key="tgt_countries").value == ["NG", "KE"]


def test_the_audience_figure_says_how_it_is_estimated():
    at = targeting()
    audience = next(m for m in at.metric if m.label == "Audience where it runs")
    assert "population × share online" in audience.help
    assert "Model & assumptions" in audience.help  # every assumption with its source there


def test_the_selection_and_why_a_country_does_not_deliver_are_written_out():
    at = targeting({"countries": "NG,FR,CU,<b>x</b>"})
    shown = [c.value.replace("\\", "") for c in at.caption]  # as read, Markdown escapes undone
    assert "3 countries chosen: 🇳🇬 Nigeria, 🇫🇷 France, 🇨🇺 Cuba" in shown
    notes = [m.value for m in at.markdown if "Not delivering, and why" in m.value]
    assert len(notes) == 1 and "(2)" in notes[0]
    assert "France" in notes[0] and "data\\-protection review" in notes[0]  # Markdown-escaped
    assert "Cuba" in notes[0] and "Nigeria" not in notes[0]
    at.segmented_control(key="tgt_scenario").set_value("europe").run()
    notes = [m.value for m in at.markdown if "Not delivering, and why" in m.value]
    assert len(notes) == 1 and "France" not in notes[0] and "(1)" in notes[0]
    assert not [
        m for m in targeting({"countries": "NG,GH"}).markdown if "Not delivering" in m.value
    ]


LAGOS_CITY = "2332459"  # GeoNames id of Lagos


def audience(at) -> str:
    return next(m.value for m in at.metric if m.label == "Audience where it runs")


def test_a_city_and_radius_shrink_the_audience_and_reach_the_link():
    at = targeting({"city": ""})
    assert at.segmented_control(key="tgt_location").value == "country"
    whole = audience(at)
    at.segmented_control(key="tgt_location").set_value("city").run()
    assert_clean(at)
    city = at.selectbox(key="tgt_city")
    assert city.value == LAGOS_CITY  # the most populous main city comes first
    assert "Lagos · NG" in city.options
    local = audience(at)
    assert local != whole
    at.slider(key="tgt_radius").set_value(80).run()
    wider = audience(at)
    assert wider != local
    ad = at.session_state["ad"]
    assert (ad.city, ad.radius_km) == (LAGOS_CITY, 80)
    assert at.query_params["city"] == LAGOS_CITY and at.query_params["radius"] == "80"
    table_row = table(at).set_index("code").loc["NG"]
    assert table_row["audience"] == wider
    assert "Kano · NG" in at.selectbox(key="tgt_city").options
    at.selectbox(key="tgt_city").set_value("2335204").run()  # Kano
    assert at.session_state["ad"].city == "2335204"
    at.segmented_control(key="tgt_location").set_value("country").run()
    assert audience(at) == whole and at.session_state["ad"].city == ""


def test_a_shared_city_link_opens_on_the_city():
    at = targeting({"countries": "NG,GH", "city": LAGOS_CITY, "radius": "17"})
    assert at.segmented_control(key="tgt_location").value == "city"
    assert at.selectbox(key="tgt_city").value == LAGOS_CITY
    assert at.slider(key="tgt_radius").value == 17
    assert not [w for w in at.warning if "could not be used" in w.value]


def test_dropping_the_citys_country_goes_back_to_whole_countries():
    at = targeting({"countries": "NG,GH", "city": LAGOS_CITY})
    at.multiselect(key="tgt_countries").set_value(["GH"]).run()
    assert_clean(at)
    assert at.session_state["ad"].city != LAGOS_CITY
    assert all("· NG" not in o for o in at.selectbox(key="tgt_city").options)


def test_a_city_of_a_country_not_targeted_is_noted():
    at = targeting({"countries": "GH", "city": LAGOS_CITY})
    assert any("`city`" in w.value for w in at.warning)
    assert at.segmented_control(key="tgt_location").value == "country"


def test_the_audience_help_names_the_city_and_radius():
    at = targeting({"countries": "NG,GH", "city": LAGOS_CITY, "radius": "40"})
    metric = next(m for m in at.metric if m.label == "Audience where it runs")
    assert "NG counts the people within 40 km of Lagos." in metric.help
    whole = targeting({"countries": "NG,GH", "city": ""})
    assert "counts the people within" not in whole.metric[0].help


def test_the_sample_targets_lagos_within_17_km():
    at = targeting()
    assert at.segmented_control(key="tgt_location").value == "city"
    ad = at.session_state["ad"]
    assert (ad.city, ad.radius_km) == (LAGOS_CITY, 17)
    whole = targeting({"city": ""})
    assert audience(at) != audience(whole)


def test_a_budget_typed_here_reads_the_same_on_the_engagement_page():
    at = targeting({"countries": "NG"})
    at.number_input(key="tgt_budget").set_value(15_000.0).run()
    at.switch_page(page_path("engagement")).run()
    assert_clean(at)
    assert at.number_input(key="eng_budget").label == "Daily budget (NGN)"
    assert at.number_input(key="eng_budget").value == 15_000.0
    assert any(c.value.startswith("Budget ₦15,000.00 a day") for c in at.caption)
    assert at.metric[0].value.startswith("₦")  # Spend, in the same currency
