"""Every placement from the renderer: format, truncation, the button, the rules, escaping."""

import io
import re
from dataclasses import replace
from datetime import datetime
from html.parser import HTMLParser

import pytest
from PIL import Image

from components.campaign.hours import BusinessHours
from components.campaign.model import Campaign
from components.campaign.placements import PLACEMENTS, delivery, placement_notes
from components.render.placements import crop_html, phone_frame, placement_html
from components.render.preview_document import standalone_html
from components.render.qr import qr_png, qr_svg
from components.render.styles import page_html
from components.render.tap import call_screen_html, chat_screen_html, tap_screen_html
from tests.factories import make_campaign


def jpeg(size) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (120, 40, 200)).save(buffer, format="JPEG")
    return buffer.getvalue()


AD = make_campaign(
    business="Jakarta Smile Dental",
    verified=True,
    text="Senyum sehat mulai hari ini! Konsultasi gratis minggu ini.",
    headline="Konsultasi gratis",
    description="Buka setiap hari",
    cta="message",
    phone="0812-3456-7890",
    region="ID",
    prefill="Halo, saya mau booking",
    greeting="Halo! Ada yang bisa kami bantu?",
    replies=("Jadwal", "Harga", "Lokasi"),
    image=jpeg((1080, 1350)),
)
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&"
ASPECTS = {"4:5": "4 / 5", "1.91:1": "1.91 / 1", "1:1": "1 / 1"}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(markup):
    parser = Tags()
    parser.feed(markup)
    return parser.tags


def anchors(markup):
    return [attrs["href"] for tag, attrs in tags(markup) if tag == "a"]


@pytest.mark.parametrize("key", list(PLACEMENTS))
def test_every_placement_renders_with_the_real_link(key):
    markup = placement_html(AD, key)
    assert anchors(markup) == ["https://wa.me/6281234567890?text=Halo%2C%20saya%20mau%20booking"]
    assert "Jakarta Smile Dental" in markup or "jakarta.smile.dental" in markup


@pytest.mark.parametrize(
    ("key", "aspect"),
    [("fb_feed_mobile", "4:5"), ("fb_feed_desktop", "1.91:1"), ("ig_feed", "1:1")],
)
def test_feed_placements_use_their_aspect(key, aspect):
    assert f"aspect-ratio:{ASPECTS[aspect]}" in placement_html(AD, key)


@pytest.mark.parametrize("key", ["fb_story", "ig_story", "reels"])
def test_full_screen_placements_are_9_16(key):
    markup = placement_html(AD, key)
    assert "bas-story" in markup


def test_story_safe_zones_overlay_on_request():
    assert "Keep clear" not in placement_html(AD, "fb_story")
    markup = placement_html(AD, "fb_story", safe_zones=True)
    assert "height:14%" in markup and "height:20%" in markup


def test_text_limits_per_placement():
    ad = replace(AD, text="kata " * 30)  # 150 characters
    assert "See more" in placement_html(ad, "fb_feed_mobile")
    for key in ("fb_story", "ig_story", "reels", "ig_feed"):
        assert "… more" in placement_html(ad, key)
    notes = {key: [n.text for n in placement_notes(ad, PLACEMENTS[key])] for key in PLACEMENTS}
    assert any("shows 72" in text for text in notes["reels"])
    assert any("shows 100" in text for text in notes["fb_story"])
    short = replace(AD, text="x" * 90)
    assert not [n for n in placement_notes(short, PLACEMENTS["fb_story"]) if "shows" in n.text]
    assert [n for n in placement_notes(short, PLACEMENTS["reels"]) if "shows 72" in n.text]


def test_call_is_not_faked_in_facebook_stories_or_on_desktop():
    call = replace(AD, cta="call")
    for key in ("fb_story", "fb_feed_desktop"):
        markup = placement_html(call, key)
        assert "Not shown on" in markup and not anchors(markup)
        assert delivery(call, PLACEMENTS[key]).level == "error"
    assert "do not support the Call Now button" in placement_html(call, "fb_story")
    assert "mobile placements only" in placement_html(call, "fb_feed_desktop")
    for key in ("fb_feed_mobile", "ig_feed", "ig_story", "marketplace", "reels"):
        assert anchors(placement_html(call, key)) == ["tel:+6281234567890"]
    assert delivery(AD, PLACEMENTS["fb_story"]) is None


def test_wrong_aspect_image_is_flagged_and_the_crop_shown():
    square = replace(AD, image=jpeg((1000, 1000)))
    notes = placement_notes(square, PLACEMENTS["fb_feed_mobile"])
    assert any("cropped to 4:5" in n.text for n in notes)
    assert not [n for n in placement_notes(square, PLACEMENTS["ig_feed"]) if n.level == "info"]
    crop = crop_html(square, PLACEMENTS["fb_feed_mobile"])
    assert "left:10.00%" in crop and "width:80.00%" in crop
    fitted = replace(square, image_fit="fit")
    assert any("fitted, with bars" in n.text for n in placement_notes(fitted, PLACEMENTS["reels"]))


def test_no_image_is_honest():
    bare = replace(AD, image=None)
    for key in PLACEMENTS:
        assert "Add an image" in placement_html(bare, key)
        assert any("No image" in n.text for n in placement_notes(bare, PLACEMENTS[key]))


def test_chat_screen_has_everything_a_tap_opens():
    markup = chat_screen_html(AD)
    assert "Jakarta Smile Dental" in markup and "Official business account" in markup
    assert "Halo! Ada yang bisa kami bantu?" in markup
    assert markup.count('class="bas-wa-chip"') == 3
    assert "Halo, saya mau booking" in markup and "bas-wa-draft" in markup
    assert "started from an ad" in markup and "Preview" in markup
    plain = chat_screen_html(replace(AD, verified=False, replies=(), greeting=""))
    assert "Business account" in plain and "bas-wa-chip" not in plain


def test_call_screen_says_whether_someone_answers():
    hours = BusinessHours(timezone="Asia/Jakarta")  # Mon–Fri 09:00–17:00
    ad = replace(AD, cta="call", hours=hours)
    weekday = call_screen_html(ad, datetime(2026, 3, 4, 10, 0))  # Wednesday 10:00
    sunday = call_screen_html(ad, datetime(2026, 3, 8, 10, 0))
    evening = call_screen_html(ad, datetime(2026, 3, 4, 19, 30))
    assert "someone answers" in weekday
    assert "missed call" in sunday and "missed call" in evening
    assert "+62 812-3456-7890" in weekday
    assert "bas-call" in tap_screen_html(ad) and "bas-wa" in tap_screen_html(AD)


@pytest.mark.parametrize("field", ["business", "text", "headline", "description", "prefill",
                                   "greeting"])  # fmt: skip
def test_hostile_text_in_every_placement_and_the_chat(field):
    ad = replace(AD, **{field: HOSTILE}, replies=(HOSTILE,))
    screens = [placement_html(ad, key, True) for key in PLACEMENTS]
    screens += [chat_screen_html(ad), call_screen_html(replace(ad, cta="call"), datetime.now())]
    for markup in screens:
        found = tags(markup)
        assert not [t for t, _ in found if t == "script"]
        assert all(not a.get("src") or a["src"].startswith("data:") for t, a in found if t == "img")
        assert not [a for _, a in found if any(name.startswith("on") for name in a)]


@pytest.mark.parametrize(
    "text", ["", "🍞🥐🎂", "مرحبا بكم في مخبزنا، الخبز الطازج كل صباح " * 3, "x" * 3000]
)
def test_odd_text_renders_everywhere(text):
    ad = replace(AD, text=text, headline=text[:60], greeting=text, prefill=text)
    for key in PLACEMENTS:
        assert placement_html(ad, key)
    assert chat_screen_html(ad)


def test_themes_share_one_set_of_tokens():
    light = page_html(placement_html(AD, "fb_feed_mobile"), "light")
    dark = page_html(placement_html(AD, "fb_feed_mobile"), "dark")
    assert "--bas-surface:#ffffff" in light and "--bas-surface:#242526" in dark
    # An unknown theme falls back to light instead of reaching the markup.
    assert 'class="bas-root bas-light"' in page_html("", "<script>")


def test_phone_frame_wraps_only_when_asked():
    inner = placement_html(AD, "ig_feed")
    assert phone_frame(inner, True).startswith('<div class="bas-phone">')
    assert phone_frame(inner, False) == inner


def test_qr_codes_encode_the_link():
    png = qr_png("tel:+6281234567890")
    assert png.startswith(b"\x89PNG")
    assert qr_svg("tel:+6281234567890").startswith("<svg")


def test_standalone_file_is_offline_and_script_free():
    doc = standalone_html(replace(AD, business=HOSTILE))
    assert doc.startswith("<!doctype html>")
    assert "Content-Security-Policy" in doc and "default-src 'none'" in doc
    assert not re.search(r"<script", doc, re.I)
    assert not re.search(
        r"""(src|href)=["']?(https?:)?//""", doc.replace('href="https://wa.me/', 'href="WA')
    )  # the only remote URL is the button's own link
    for placement in PLACEMENTS.values():
        assert placement.name in doc
    assert "data:image/jpeg;base64," in doc


def _jpeg_ad(width: int, height: int, **changes) -> Campaign:
    from components.campaign.images import check_upload
    from components.campaign.model import default_campaign, with_uploaded_image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (10, 120, 200)).save(buffer, "JPEG")
    ad = with_uploaded_image(default_campaign(), "image", check_upload(buffer.getvalue()).data)
    return replace(ad, **changes)


def test_crop_summary_names_each_format_and_what_is_lost():
    from components.campaign.placements import crop_summary

    summary = crop_summary(_jpeg_ad(1200, 900), "image")
    assert summary.startswith("4:3 photo: Facebook Feed · mobile crops it to 4:5, losing 40%")
    assert "Instagram Feed and Marketplace crop it to 1:1, losing 25% at the sides" in summary
    assert "Facebook Feed · desktop crops it to 1.91:1, losing 30% at the top and bottom" in summary
    fitted = crop_summary(_jpeg_ad(1200, 900, image_fit="fit"), "image")
    assert "shows it whole in 4:5, with bars above and below" in fitted and "losing" not in fitted


def test_crop_summary_is_empty_when_nothing_is_cropped():
    from components.campaign.placements import crop_summary

    ad = _jpeg_ad(1080, 1080, story_image=None)
    assert "Instagram Feed" not in crop_summary(ad, "image")
    assert crop_summary(replace(ad, story_image=None), "story_image") == ""
    assert crop_summary(replace(ad, image=None), "image") == ""
