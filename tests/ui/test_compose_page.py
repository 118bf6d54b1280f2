"""The Compose page under AppTest: defaults, a full share link, bad links, every widget."""

from urllib.parse import parse_qs, quote, urlsplit

import pytest

from components.campaign.model import to_query_params
from tests.factories import make_campaign
from tests.ui.conftest import assert_clean, live_data, run_app, type_text

FULL = make_campaign(
    business="Austin Tacos",
    verified=True,
    text="Best breakfast tacos on South Congress 🌮",
    headline="Tacos from 7am",
    description="Order ahead",
    cta="call",
    phone="+1 512 555 0143",
    region="US",
    prefill="Hi! Are you open today?",
    greeting="Howdy! What can we get you?",
    replies=("Menu", "Where are you today?"),
    countries=("US", "MX"),
    scenario="launch",
    budget=25,
    days=10,
    seed=99,
)


def preview_html(at) -> str:
    return "".join(element.value for element in at.html)


def section(at, name: str):
    """Open a section of the composer (only that section's fields are drawn)."""
    at.segmented_control(key="compose_section").set_value(name).run()
    assert_clean(at)
    return at


def test_default_state_shows_the_sample_ad():
    at = run_app()
    assert_clean(at)
    markup = preview_html(at)
    assert "Sponsored" in markup and "https://wa.me/" in markup
    assert at.segmented_control(key="compose_section").value == "copy"
    assert live_data(at, "ad_text")["value"]
    assert not at.warning  # a finished ad raises no warnings
    for name in ("page", "images", "button", "welcome"):
        section(at, name)
        assert not at.warning and not at.error
        if name == "button":  # the number, in its international form
            assert at.success and "+234" in at.success[0].value


def test_full_share_link_is_read_into_the_form_and_preview():
    at = run_app(params=to_query_params(FULL))
    assert_clean(at)
    assert live_data(at, "ad_headline")["value"] == "Tacos from 7am"
    section(at, "page")
    assert live_data(at, "ad_business")["value"] == "Austin Tacos"
    assert at.toggle(key="ad_verified").value is True
    section(at, "button")
    assert live_data(at, "ad_phone")["value"] == "+1 512 555 0143"
    section(at, "welcome")
    assert live_data(at, "ad_reply_1")["value"] == "Where are you today?"
    markup = preview_html(at)
    assert 'href="tel:+15125550143"' in markup and "Call Now" in markup
    assert "Austin Tacos" in markup


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"cta": "fax"}, "Unknown button type"),
        ({"phone": "not a number"}, None),
        ({"text": "x" * 10_000}, "10,000 characters"),
        ({"business": "Caf\ufffd"}, "could not be read"),
        ({"budget": "-3", "days": "99999", "seed": "pi"}, "between"),
        ({"countries": "NG,ZZ,<script>"}, "Unknown country codes"),
        ({"region": "Mordor"}, "Unknown country code"),
    ],
)
def test_bad_links_give_a_note_and_still_render(params, fragment):
    at = run_app(params=params)
    assert_clean(at)
    assert "Sponsored" in preview_html(at)
    if fragment:
        assert any(fragment in w.value for w in at.warning), [w.value for w in at.warning]


def test_bad_phone_in_link_disables_the_button_with_a_message():
    at = run_app(params={"phone": "12345", "region": "NG"})
    # Whatever section is open, the composer says the number needs fixing.
    assert any("Fix it under" in e.value for e in at.error)
    section(at, "button")
    assert at.error and "too short" in at.error[0].value
    assert 'aria-disabled="true"' in preview_html(at)


def test_notes_can_be_dismissed():
    at = run_app(params={"cta": "fax"})
    at.button(key="dismiss_url_notes").click().run()
    assert_clean(at)
    assert not any("Unknown button type" in w.value for w in at.warning)


def test_every_widget_changes_the_preview():
    at = run_app()
    type_text(at, "ad_text", "Learn to surf at Bondi! " * 8)
    type_text(at, "ad_headline", "Lessons from $49")
    type_text(at, "ad_description", "Boards included")
    section(at, "page")
    type_text(at, "ad_business", "Sydney Surf Co")
    at.toggle(key="ad_verified").set_value(False).run()
    section(at, "button")
    at.selectbox(key="ad_region").set_value("AU").run()
    type_text(at, "ad_phone", "0412 345 678")
    section(at, "welcome")
    type_text(at, "ad_prefill", "G'day! Lesson times?")
    type_text(at, "ad_greeting", "Hey! Ready to ride?")
    type_text(at, "ad_reply_0", "Prices")
    section(at, "images")
    at.radio(key="ad_image_fit").set_value("fit").run()
    assert_clean(at)
    ad = at.session_state["ad"]
    assert ad.greeting == "Hey! Ready to ride?" and ad.replies[0] == "Prices"
    assert ad.image_fit == "fit" and ad.business == "Sydney Surf Co"
    section(at, "copy")
    markup = preview_html(at)
    assert "Sydney Surf Co" in markup and "Lessons from $49" in markup
    assert "… See more" in markup
    assert "https://wa.me/61412345678?text=" + quote("G'day! Lesson times?", safe="") in markup
    assert 'alt="Verified"' not in markup
    # Each field's one counter (drawn live in the browser: tests/e2e) against Meta's limit.
    text, headline = live_data(at, "ad_text"), live_data(at, "ad_headline")
    assert (len(text["value"]), text["limit"], text["label"]) == (24 * 8, 125, "Primary text")
    assert (headline["value"], headline["limit"], headline["label"]) == (
        "Lessons from $49",
        40,
        "Headline",
    )
    section(at, "button")
    at.segmented_control(key="ad_cta").set_value("call").run()
    assert_clean(at)
    assert 'href="tel:+61412345678"' in preview_html(at)


def test_invalid_number_typed_shows_inline_error():
    at = section(run_app(), "button")
    type_text(at, "ad_phone", "+234 12")
    assert_clean(at)
    assert any("too short" in e.value for e in at.error)
    assert 'aria-disabled="true"' in preview_html(at)


def test_landline_gets_a_note():
    at = section(run_app(), "button")
    at.selectbox(key="ad_region").set_value("GB").run()
    type_text(at, "ad_phone", "020 7031 3000")
    assert_clean(at)
    assert any("landline" in i.value for i in at.info)


def test_hostile_text_reaches_the_preview_escaped():
    at = run_app(params={"business": "<script>alert(1)</script>", "headline": "<img src=x>"})
    assert_clean(at)
    markup = preview_html(at)
    assert "<script>alert(1)" not in markup and "&lt;script&gt;" in markup
    assert "<img src=x>" not in markup


def test_share_menu_opens_the_link_that_reopens_this_ad():
    at = run_app()
    type_text(at, "ad_headline", "Menu & share ✓")
    at.menu_button(key="sidebar_menu").click("share").run()
    assert_clean(at)
    # The long link (no saving) sits in the dialog's Copy component, under the short-link
    # offer (tests/ui/test_share_dialog.py covers the short link).
    links = [live_data(at, "share_long_link")["link"]]
    query = parse_qs(urlsplit(links[0]).query)
    assert query["headline"] == ["Menu & share ✓"]
    reopened = run_app(params={name: values[0] for name, values in query.items()})
    assert reopened.session_state["ad"] == at.session_state["ad"]
    at.run()  # the menu's choice lasts one run: the dialog is not reopened by the next edit
    assert not [e for e in at.get("bidi_component") if e.key == "share_long_link"]


def test_a_call_ad_asks_for_a_phone_number_and_previews_the_call_screen():
    at = section(run_app(params={"cta": "call"}), "button")
    assert live_data(at, "ad_phone")["label"] == "Phone number"
    type_text(at, "ad_phone", "0803 123")
    assert_clean(at)
    assert [e.value for e in at.error] == ["The number is too short for Nigeria."]
    markup = preview_html(at)
    assert (
        "After the tap: the call screen" in markup and "until the phone number is valid" in markup
    )
    section(at, "copy")
    assert any(e.value.startswith("Phone number: The number is too short") for e in at.error)
    at = section(run_app(), "button")
    assert live_data(at, "ad_phone")["label"] == "WhatsApp number"
    assert "the call screen" not in preview_html(at)


def test_text_typed_as_the_person_leaves_the_page_reaches_the_next_page():
    """A field's callback hands its value over as data; the session folds it in on whichever
    page runs next, so a typing pause that coincides with a click on Preview loses nothing."""
    import json

    from components.ui.navigation import page_path
    from tests.ui.conftest import live_field

    at = run_app()
    element = live_field(at, "ad_headline")
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = element.proto.id
    state.json_value = json.dumps({"value": "Typed then left"})
    at.switch_page(page_path("preview"))
    at._run(states)
    assert_clean(at)
    assert at.session_state["ad"].headline == "Typed then left"
    assert "Typed then left" in preview_html(at)
