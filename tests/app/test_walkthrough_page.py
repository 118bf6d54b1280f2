"""The Walkthrough under AppTest: samples, the prospect's details, the tour step by step."""

import pytest

from components.samples import load_samples
from components.tour import STEPS
from tests.app.conftest import assert_clean, run_app

PAGE = "app_pages/walkthrough.py"


def html_of(at) -> str:
    return "".join(element.value for element in at.html)


@pytest.mark.parametrize("slug", list(load_samples()))
def test_every_sample_loads_and_sets_the_whole_campaign(slug):
    at = run_app(PAGE)
    at.selectbox(key="wt_sample").set_value(slug).run()
    at.button(key="wt_load").click().run()
    assert_clean(at)
    ad = at.session_state["ad"]
    assert ad == load_samples()[slug].ad
    assert at.session_state["wt_region"] == ad.region
    assert ad.business.replace("'", "&#x27;") in html_of(at)


def test_prospect_details_flow_through_the_tour():
    at = run_app(PAGE)
    at.text_input(key="wt_name").input("Tunde's Cakes").run()
    at.text_input(key="wt_phone").input("0805 555 1234").run()
    at.text_input(key="wt_text").input("Birthday cakes in Ikeja!").run()
    at.button(key="wt_apply").click().run()
    assert_clean(at)
    ad = at.session_state["ad"]
    assert ad.business == "Tunde's Cakes" and ad.text == "Birthday cakes in Ikeja!"
    assert "https://wa.me/2348055551234" in html_of(at)
    at.switch_page("app_pages/compose.py").run()
    assert_clean(at)
    assert "Tunde&#x27;s Cakes" in html_of(at)  # every page shows the prospect's ad


def test_tour_walks_six_steps_forward_and_back():
    at = run_app(PAGE)
    seen = []
    for index in range(len(STEPS)):
        assert_clean(at)
        assert at.session_state["wt_step"] == STEPS[index].key
        assert at.header[0].value == STEPS[index].title
        assert any(STEPS[index].note in c.value for c in at.caption)
        seen.append(at.session_state["wt_step"])
        if index < len(STEPS) - 1:
            at.button(key="wt_next").click().run()
    assert at.button(key="wt_next").disabled
    at.button(key="wt_back").click().run()
    assert at.session_state["wt_step"] == STEPS[-2].key
    assert len(set(seen)) == len(STEPS)


def test_rollout_story_steps_to_europe():
    at = run_app(PAGE, {"countries": "DE,NG"})
    at.session_state["wt_step"] = "rollout"
    at.run()
    launch = at.metric[0].value
    at.segmented_control(key="wt_rollout").set_value("europe").run()
    assert_clean(at)
    assert int(at.metric[0].value) > int(launch)


def test_presentation_mode_hides_the_controls():
    at = run_app(PAGE)
    at.toggle(key="wt_present").set_value(True).run()
    assert_clean(at)
    assert not at.get("selectbox") or all(s.key != "wt_sample" for s in at.selectbox)
    assert any("stSidebar" in element.value for element in at.html)
