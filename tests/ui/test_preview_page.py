"""The Preview page under AppTest: every placement, the tap, rules, toggles and bad links."""

import io
import re
from datetime import time

import pytest
from PIL import Image

from components.campaign.images import check_upload
from components.campaign.model import with_uploaded_image
from components.ui.navigation import page_path
from tests.ui.conftest import assert_clean, run_app

PAGE = page_path("preview")


def html_of(at) -> str:
    return "".join(element.value for element in at.html)


def test_default_state_shows_every_placement_and_the_chat():
    at = run_app(PAGE)
    assert_clean(at)
    markup = html_of(at)
    for css in ("bas-feed-mobile", "bas-feed-desktop", "bas-ig", "bas-fb_story", "bas-ig_story",
                "bas-marketplace", "bas-reels", "bas-wa"):  # fmt: skip
        assert css in markup, css
    assert markup.count("https://wa.me/") >= 7
    assert at.get("download_button")


def test_call_ad_respects_placement_rules_and_shows_hours():
    at = run_app(PAGE, {"cta": "call"})
    assert_clean(at)
    markup = html_of(at)
    assert "Not shown on Facebook Stories" in markup
    assert "Not shown on Facebook Feed · desktop" in markup
    assert "bas-call" in markup and "tel:+" in markup
    assert "do not support the Call Now button" in markup
    assert at.selectbox(key="hours_tz").value
    # The sample bakery is closed on Sunday evening: the call goes unanswered.
    at.selectbox(key="tap_day").set_value("sun").run()
    assert "missed call" in html_of(at)
    at.selectbox(key="tap_day").set_value("tue").run()
    at.time_input(key="tap_time").set_value(time(10, 0)).run()
    assert_clean(at)
    assert "someone answers" in html_of(at)


def test_theme_frame_and_safe_zone_toggles():
    at = run_app(PAGE)
    at.segmented_control(key="preview_theme").set_value("dark").run()
    at.toggle(key="preview_frame").set_value(False).run()
    at.toggle(key="preview_safe_zones").set_value(True).run()
    assert_clean(at)
    markup = html_of(at)
    assert "bas-root bas-dark" in markup and 'class="bas-phone"' not in markup
    assert "Keep clear: top 14%" in markup


def test_hours_the_table_cannot_show_are_kept_and_said():
    hours = "mon 09:00-12:00; mon 13:00-17:00; sun 20:00-24:00"
    at = run_app(PAGE, {"cta": "call", "hours": hours})
    assert_clean(at)
    weekly = at.session_state["ad"].hours.weekly
    assert weekly[0] == (("09:00", "12:00"), ("13:00", "17:00")) and weekly[6] == (
        ("20:00", "24:00"),
    )
    assert any("Monday: more than one opening a day" in c.value for c in at.caption)
    at.selectbox(key="hours_tz").set_value("America/Chicago").run()  # an edit: one a day
    assert at.session_state["ad"].hours.weekly[6] == (("20:00", "24:00"),)  # 24:00 stays


def test_hours_edits_are_kept_in_the_ad():
    at = run_app(PAGE, {"cta": "call"})
    at.selectbox(key="hours_tz").set_value("America/Chicago").run()
    assert_clean(at)
    assert at.session_state["ad"].hours.timezone == "America/Chicago"


@pytest.mark.parametrize(
    "params",
    [
        {"phone": "nope"},
        {"text": "<script>alert(1)</script>" * 10, "cta": "call"},
        {"business": "", "headline": "", "text": "", "prefill": "", "greeting": "", "replies": ""},
        {"cta": "\u202e", "region": "💥"},
    ],
)
def test_bad_or_empty_input_renders(params):
    at = run_app(PAGE, params)
    assert_clean(at)
    assert "<script>alert" not in html_of(at)


def test_images_and_icons_are_served_not_inlined():
    """The page's previews load images and icons from the app's media store (the e2e suite
    checks every one of them loads in Chromium)."""
    markup = html_of(run_app(PAGE))
    assert "data:image/" not in markup  # no base64 icon or image left in the page
    media = r"/[\w/]*media/[0-9a-f]+\.(?:svg|png|jpg)"  # /media/… (/mock/media/… in AppTest)
    icons = set(re.findall(rf'src="({media})"', markup))
    images = set(re.findall(rf'url\("({media})"\)', markup))
    assert len(icons) >= 5 and len(images) >= 2  # WhatsApp glyph, badge, …; the art and logo


def test_qr_code_of_the_real_link_beside_the_tap():
    at = run_app(PAGE)
    markup = html_of(at)
    assert re.search(r'<figure class="bas-qr"><img src="/[\w/]*media/[0-9a-f]+\.png"', markup)
    assert "Scan with a phone to try the real button" in markup
    link = at.code[0].value
    assert link.startswith("https://wa.me/") and link in markup.replace("&amp;", "&")
    broken = run_app(PAGE, {"phone": "12"})
    assert "bas-qr" not in html_of(broken)
    assert any("No QR code" in w.value for w in broken.warning)


PICTURES_NOTE = "not its pictures: the pictures shown are the sample's"


@pytest.mark.parametrize("page", [None, PAGE])
def test_a_share_link_says_on_the_page_that_the_pictures_are_the_samples(page):
    at = run_app(page, {"business": "Shared Bakery", "headline": "From a link"})
    assert_clean(at)
    assert any(PICTURES_NOTE in info.value for info in at.info)
    at.button(key="dismiss_pictures_note").click().run()
    assert not any(PICTURES_NOTE in info.value for info in at.info)


def test_no_pictures_note_without_a_share_link_or_with_the_persons_image():
    assert not any(PICTURES_NOTE in info.value for info in run_app(PAGE).info)
    # A link that only picks countries shows the sample ad whole, its pictures included.
    assert not any(PICTURES_NOTE in i.value for i in run_app(PAGE, {"countries": "DE"}).info)
    at = run_app(PAGE, {"headline": "From a link"})
    buffer = io.BytesIO()
    Image.new("RGB", (800, 1000), (20, 160, 90)).save(buffer, format="PNG")
    own = check_upload(buffer.getvalue()).data
    at.session_state["ad"] = with_uploaded_image(at.session_state["ad"], "image", own)
    at.run()
    assert_clean(at)
    assert not any(PICTURES_NOTE in info.value for info in at.info)
