"""The preview HTML: structure, truncation, the button's link, and escaping of hostile text."""

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from components.campaign.model import PRIMARY_TEXT_LIMIT
from components.render.compose_panel import compose_panel_html
from components.render.placements import feed_mobile_html, truncate
from tests.factories import make_campaign

AD = make_campaign(
    business="Lagos Bakes",
    verified=True,
    text="Fresh bread every morning.",
    headline="Hot bread, 6am",
    description="Free delivery",
    cta="message",
    phone="0803 123 4567",
    region="NG",
    prefill="Hi! I'd like bread & cake?",
    greeting="Hello",
    replies=("Menu",),
)

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "javascript:alert(1)",
    '"><svg onload=alert(1)>',
    "' onmouseover='alert(1)",
    "</style><script>alert(1)</script>",
    '<a href="javascript:alert(1)">click</a>',
    "&lt;already escaped&gt; & ampersand",
]
TEXT_FIELDS = ("business", "text", "headline", "description", "prefill", "greeting")


class _Collector(HTMLParser):
    """Collects tags, attributes and text of rendered HTML."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> _Collector:
    collector = _Collector()
    collector.feed(markup)
    return collector


def cta_anchor(markup: str) -> dict:
    anchors = [attrs for tag, attrs in parse(markup).tags if tag == "a"]
    assert len(anchors) == 1
    return anchors[0]


def test_feed_card_structure():
    markup = feed_mobile_html(AD)
    doc = parse(markup)
    text = "".join(doc.text)
    assert "Lagos Bakes" in text and "Sponsored" in text
    assert "Hot bread, 6am" in text and "Free delivery" in text
    assert "Send WhatsApp Message" in text
    assert "Like" in text and "Comment" in text and "Share" in text
    assert 'alt="Verified"' in markup
    assert "aspect-ratio:4 / 5" in markup


def test_message_button_links_to_wa_me_with_encoded_prefill():
    anchor = cta_anchor(feed_mobile_html(AD))
    assert (
        anchor["href"]
        == "https://wa.me/2348031234567?text=Hi%21%20I%27d%20like%20bread%20%26%20cake%3F"
    )
    assert anchor["rel"] == "noopener noreferrer"


def test_call_button_links_to_tel():
    anchor = cta_anchor(feed_mobile_html(replace(AD, cta="call")))
    assert anchor["href"] == "tel:+2348031234567"
    assert "Call Now" in "".join(parse(feed_mobile_html(replace(AD, cta="call"))).text)


def test_invalid_number_gives_a_disabled_button_not_a_link():
    markup = feed_mobile_html(replace(AD, phone="12"))
    assert not [tag for tag, _ in parse(markup).tags if tag == "a"]
    assert 'aria-disabled="true"' in markup and "too short" in markup


def test_unverified_page_has_no_badge():
    assert 'alt="Verified"' not in feed_mobile_html(replace(AD, verified=False))


def test_long_text_is_cut_with_see_more():
    long = "word " * 60
    markup = feed_mobile_html(replace(AD, text=long))
    assert "… See more" in markup
    shown = truncate(long, PRIMARY_TEXT_LIMIT)
    assert shown.cut and len(shown.shown) <= PRIMARY_TEXT_LIMIT and shown.shown.endswith("word")
    assert "See more" not in feed_mobile_html(AD)


def test_truncate_keeps_short_text_whole():
    assert truncate("short", 125) == truncate("short", 125)
    assert not truncate("x" * 125, 125).cut
    assert truncate("x" * 126, 125).shown == "x" * 125


@pytest.mark.parametrize("payload", HOSTILE)
@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_hostile_text_is_escaped_in_every_field(field, payload):
    ad = replace(AD, **{field: payload})
    markup = compose_panel_html(ad)
    doc = parse(markup)
    tags = {tag for tag, _ in doc.tags}
    assert ("script" not in tags and "img" not in tags) or all(
        attrs.get("src", "").startswith("data:") for tag, attrs in doc.tags if tag == "img"
    )
    for _, attrs in doc.tags:
        assert not any(name.startswith("on") for name in attrs), attrs
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:")
    assert not re.search(r"<script", markup, re.I)
    # The text is still shown as typed (within truncation).
    if field not in ("prefill", "greeting"):  # those appear in the chat screen, not the feed
        assert payload[:20] in "".join(doc.text)


def test_hostile_prefill_stays_inside_the_href():
    anchor = cta_anchor(feed_mobile_html(replace(AD, prefill='"><script>alert(1)</script>')))
    assert anchor["href"].startswith("https://wa.me/2348031234567?text=%22%3E%3Cscript%3E")


def test_right_to_left_and_emoji_render():
    markup = feed_mobile_html(replace(AD, text="مرحبا بكم 🍞", headline="😀😀😀", business=""))
    assert 'dir="auto"' in markup and "مرحبا بكم 🍞" in markup
    assert "Your business" in markup


def test_no_image_shows_an_honest_empty_frame():
    markup = feed_mobile_html(replace(AD, image=None))
    assert "Add an image" in markup


def test_compose_panel_previews_the_call_screen_for_a_call_ad():
    call = compose_panel_html(replace(AD, cta="call"))
    assert "After the tap: the call screen" in call and 'class="bas-call"' in call
    message = compose_panel_html(replace(AD, cta="message"))
    assert "bas-call" not in message


def test_a_call_ads_number_is_a_phone_number_in_every_message():
    broken = replace(AD, cta="call", phone="12")
    assert broken.number_label == "Phone number" and broken.number_in_text == "phone number"
    assert "until the phone number is valid" in compose_panel_html(broken)
    assert "WhatsApp number" not in compose_panel_html(broken)
    assert replace(AD, cta="message").number_in_text == "WhatsApp number"
