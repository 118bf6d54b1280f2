"""A readable tap panel and Stories overlay: real icons on the call keys, the whole business
name in the chat header, safe-zone labels that cover nothing."""

import base64
import re
from dataclasses import replace

from components.render.icons import SOURCES
from components.render.placements import placement_html
from components.render.preview_document import placements_grid_html
from components.render.styles import used_css
from components.render.tap import CALL_KEYS, call_screen_html, chat_screen_html
from tests.factories import make_campaign

AD = make_campaign(
    business="Mama Bisi's Bakery and Confectionery, Surulere",
    verified=True,
    text="Fresh bread every morning.",
    headline="Hot bread",
    description="Surulere",
    cta="call",
    phone="0803 123 4567",
    region="NG",
)


def svg_of(uri: str) -> str:
    assert uri.startswith("data:image/svg+xml;base64,")
    return base64.b64decode(uri.split(",", 1)[1]).decode()


def test_call_keys_carry_real_icons():
    markup = call_screen_html(AD)
    keys = re.findall(r'<span class="bas-call-key">(.*?)</span>(\w+)</span>', markup)
    assert [label for _, label in keys] == ["Mute", "Keypad", "Speaker"]
    for inner, _ in keys:
        src = re.search(r'<img class="bas-call-key-icon" src="([^"]+)"', inner)
        assert src, inner
        # A drawn icon, not an empty disc.
        assert "<path" in svg_of(src.group(1)) or "<circle" in svg_of(src.group(1))
    assert {source for _, source in CALL_KEYS} <= set(SOURCES)
    assert ".bas-call-key-icon{" in used_css(markup)


def test_chat_header_never_cuts_the_business_name():
    markup = chat_screen_html(replace(AD, cta="message"))
    assert "Mama Bisi&#x27;s Bakery and Confectionery, Surulere" in markup
    rule = re.search(r"\.bas-wa-name\{([^}]*)\}", used_css(markup)).group(1)
    assert "ellipsis" not in rule and "nowrap" not in rule and "overflow:hidden" not in rule
    assert "overflow-wrap:anywhere" in rule


def test_feed_page_name_wraps_instead_of_being_cut():
    markup = placement_html(AD, "fb_feed_mobile")
    rule = re.search(r"\.bas-name span\{([^}]*)\}", used_css(markup)).group(1)
    assert "ellipsis" not in rule and "nowrap" not in rule


def test_safe_zone_labels_sit_outside_the_story():
    story = placement_html(replace(AD, cta="message"), "ig_story", safe_zones=True)
    zones = re.findall(r'<div class="bas-safe [^"]*"[^>]*>(.*?)</div>', story)
    assert len(zones) == 2 and all(inner == "" for inner in zones), zones
    assert 'aria-label="Keep clear: top 14%"' in story
    grid = placements_grid_html(replace(AD, cta="message"), safe_zones=True)
    cells = dict(re.findall(r'data-placement="(\w+)"(.*?)</section>', grid))
    for key in ("fb_story", "ig_story"):
        assert "bas-safe-legend" in cells[key], key
        # The legend follows the story, outside its frame.
        assert cells[key].index("bas-safe-legend") > cells[key].index("</article>")
    for key in ("fb_feed_mobile", "reels", "marketplace"):
        assert "bas-safe-legend" not in cells[key]
    assert "bas-safe-legend" not in placements_grid_html(replace(AD, cta="message"))


def test_no_legend_where_a_call_ad_is_not_shown():
    grid = placements_grid_html(AD, safe_zones=True)
    cells = dict(re.findall(r'data-placement="(\w+)"(.*?)</section>', grid))
    assert "Not shown on" in cells["fb_story"] and "bas-safe-legend" not in cells["fb_story"]
    assert "bas-safe-legend" in cells["ig_story"]


class RecordingUrls:
    """A URL maker like the app's media store: a short URL per file, and what it was given."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[bytes, str]] = {}

    def __call__(self, data: bytes, mimetype: str) -> str:
        url = f"/media/{len(self.files)}"
        self.files[url] = (data, mimetype)
        return url


def _image_sources(markup: str) -> list[str]:
    return re.findall(r'<img [^>]*src="([^"]+)"', markup) + re.findall(r'url\("([^"]+)"\)', markup)


def test_every_picture_and_icon_loads_from_the_url_maker_it_is_given():
    """No icon is written as a data URI and swapped afterwards: the renderers take the URL
    maker, as they do for the ad's own images."""
    from components.render.compose_panel import compose_panel_html
    from components.render.tap import tap_panel_html
    from tests.factories import clean_image

    ad = replace(
        AD,
        logo=clean_image((200, 200), (10, 120, 60)),
        image=clean_image((800, 1000), (200, 90, 30)),
    )
    for cta in ("message", "call"):
        shown = replace(ad, cta=cta)
        urls = RecordingUrls()
        markups = (
            placements_grid_html(shown, image_url=urls),
            compose_panel_html(shown, urls),
            tap_panel_html(shown, qr_url="/media/qr", image_url=urls),
        )
        for markup in markups:
            sources = _image_sources(markup)
            assert sources and "data:" not in markup
            assert all(src in urls.files or src == "/media/qr" for src in sources)
        kinds = {mimetype for _, mimetype in urls.files.values()}
        assert {"image/svg+xml", "image/png", "image/jpeg"} <= kinds
    # Without one, everything is inlined: the downloadable preview loads nothing.
    inline = placements_grid_html(ad)
    assert all(src.startswith("data:image/") for src in _image_sources(inline))
