"""A first run that guides (issue 14, item 9): the product's name and purpose, "make it
yours" until the sample is edited, a next-step link on every page, and renaming the
business offering to update the chat's words."""

import pytest

from components.ui.navigation import NEXT_STEPS, PAGES
from tests.ui.conftest import assert_clean, live_data, run_app, type_text
from tests.ui.test_compose_page import section


def markdown(at) -> str:
    return " ".join(element.value for element in at.markdown)


def prompt_shown(at) -> bool:
    return "This is a sample ad — make it yours." in markdown(at)


def test_compose_names_the_product_and_invites_to_make_the_sample_yours():
    at = run_app()
    assert_clean(at)
    intro = " ".join(caption.value for caption in at.caption)
    assert "**Button Ad Studio** · Design a Facebook ad with a WhatsApp" in intro
    assert prompt_shown(at) and "**Page name**" in markdown(at)
    at.button(key="sample_prompt_start").click().run()
    assert at.segmented_control(key="compose_section").value == "page"
    type_text(at, "ad_business", "Ada's Bakes")
    assert not prompt_shown(at)
    type_text(at, "ad_business", "Mama Bisi's Bakery")  # back to the sample's: stays gone
    assert at.session_state["ad"].business == "Mama Bisi's Bakery" and not prompt_shown(at)


def test_the_invitation_can_be_dismissed_and_is_not_shown_for_a_link():
    at = run_app()
    at.button(key="sample_prompt_dismiss").click().run()
    assert not prompt_shown(at)
    at.run()
    assert not prompt_shown(at)
    assert not prompt_shown(run_app(params={"headline": "From a link"}))


def _next_link(at):
    links = [element for element in at.get("page_link")]
    return links[-1].proto if links else None


@pytest.mark.parametrize("name", list(NEXT_STEPS))
def test_each_page_ends_with_its_next_step(name):
    at = run_app(None if name == "compose" else PAGES[name].path)
    assert_clean(at)
    target, label = NEXT_STEPS[name]
    link = _next_link(at)
    assert link is not None and link.label == label
    assert link.page == (PAGES[target].url_path or "")  # the page's URL path
    assert link.page_script_hash


def test_the_flow_runs_compose_preview_targeting_engagement():
    order, name = [], "compose"
    while name not in order:
        order.append(name)
        name = NEXT_STEPS.get(name, (name, ""))[0]
    assert order[:4] == ["compose", "preview", "targeting", "engagement"]


def test_the_walkthrough_keeps_its_own_navigation_only():
    at = run_app(PAGES["walkthrough"].path)
    assert_clean(at)
    assert not [link for link in at.get("page_link") if "Next:" in link.proto.label]


def test_renaming_the_business_offers_to_update_the_greeting():
    at = section(run_app(), "page")
    assert not _has_button(at, "rename_apply")  # not renamed yet: nothing offered
    type_text(at, "ad_business", "Ada's Bakes")
    assert_clean(at)
    assert "The greeting still says `Mama Bisi's Bakery`." in markdown(at)
    ad = at.session_state["ad"]
    assert "Mama Bisi's Bakery" in ad.greeting  # nothing changes until asked
    at.button(key="rename_apply").click().run()
    ad = at.session_state["ad"]
    assert ad.greeting == "E kaabo! Welcome to Ada's Bakes. Wetin you go like today?"
    assert ad.prefill.startswith("Good morning Mama Bisi!")  # not the whole name: kept
    assert not _has_button(at, "rename_apply")
    section(at, "welcome")
    assert live_data(at, "ad_greeting")["value"] == ad.greeting


def test_a_rename_that_would_pass_the_ceiling_is_not_offered_as_a_change():
    at = section(run_app(), "welcome")
    type_text(at, "ad_greeting", ("Mama Bisi's Bakery " * 60)[:990])
    section(at, "page")
    type_text(at, "ad_business", "A much, much longer bakery name")
    assert not _has_button(at, "rename_apply")
    captions = " ".join(caption.value for caption in at.caption)
    assert "would take it past 1000 characters" in captions


def _has_button(at, key: str) -> bool:
    return any(button.key == key for button in at.button)
