"""HTML for the ad previews: pure functions from a `Campaign` to markup.

This is the only module that puts user text into HTML, and every user string passes through
`esc` (html.escape) on the way. The markup uses `bas-` classes and one set of design tokens
(`TOKENS`) so every placement shares colours, radii and fonts.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from components.campaign.images import crop_box, data_uri, image_size, logo_png, preview_jpeg
from components.campaign.model import PRIMARY_TEXT_LIMIT, Campaign
from components.campaign.phone import button_link
from components.campaign.placements import (
    PLACEMENTS,
    STORY_SAFE_BOTTOM,
    STORY_SAFE_TOP,
    Placement,
    delivery,
)
from components.render.icons import ImageUrl, icon
from components.render.styles import page_html

ACTION_ICONS = {"Like": "like", "Comment": "comment", "Share": "share"}


def esc(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


_BREAK = re.compile(r"\s+\S*$")


@dataclass(frozen=True)
class Truncated:
    """Text as a placement shows it: the visible part, and whether "See more" follows."""

    shown: str
    cut: bool


def truncate(text: str, limit: int) -> Truncated:
    """Cut text past `limit` characters at a word boundary, as the feed does before "See more"."""
    text = text.strip()
    if len(text) <= limit:
        return Truncated(text, False)
    head = text[:limit]
    # Back off to the last whole word unless that would throw away most of the line.
    trimmed = _BREAK.sub("", head)
    if len(trimmed) >= limit * 0.6:
        head = trimmed
    return Truncated(head.rstrip(), True)


def text_direction(*texts: str) -> str:
    """ "rtl" or "ltr": the direction of the first strongly directional letter of the first
    text that has one, as `dir="auto"` resolves it (Arabic, Hebrew, Urdu… read right to left);
    "ltr" when none has one."""
    for text in texts:
        for char in text:
            kind = unicodedata.bidirectional(char)
            if kind in ("R", "AL"):
                return "rtl"
            if kind == "L":
                return "ltr"
    return "ltr"


def dir_attr(ad: Campaign) -> str:
    """` dir="rtl"` for a placement or screen whose copy reads right to left, so the layout
    mirrors as Facebook and WhatsApp mirror it (avatar and text from the right, the button's
    side swapped); empty for left-to-right copy. Each piece of user text also carries
    `dir="auto"`, so a Latin name inside an Arabic ad still reads left to right."""
    direction = text_direction(ad.text, ad.headline, ad.business, ad.prefill, ad.greeting)
    return ' dir="rtl"' if direction == "rtl" else ""


def text_html(text: str) -> str:
    """Escaped text with line breaks kept."""
    return "<br>".join(esc(line) for line in text.split("\n"))


def _initials(name: str) -> str:
    words = [word for word in name.split() if word[:1].isalnum()]
    letters = "".join(word[0] for word in words[:2]).upper()
    return letters or "?"


def avatar_html(ad: Campaign, size: int = 40) -> str:
    """The Page's profile picture: the logo, or its initials on a coloured disc."""
    name = ad.business or "Your business"
    if ad.logo:
        # The logo itself travels once per page as a CSS variable (see image_vars_css).
        return (
            f'<span class="bas-avatar bas-avatar-logo" role="img" aria-label="{esc(name)} logo" '
            f'style="width:{size}px;height:{size}px"></span>'
        )
    return (
        f'<span class="bas-avatar bas-avatar-initials" role="img" aria-label="{esc(name)} logo" '
        f'style="width:{size}px;height:{size}px" dir="auto">{esc(_initials(name))}</span>'
    )


def image_vars_css(ad: Campaign, image_url: ImageUrl = data_uri) -> str:
    """CSS variables holding the ad's images, so each image travels once per page however
    many placements show it; every frame crops it with CSS (`background-size: cover`)."""
    variables = []
    if ad.logo:
        variables.append(f'--bas-logo:url("{image_url(logo_png(ad.logo), "image/png")}")')
    if ad.image:
        variables.append(f'--bas-img-main:url("{image_url(preview_jpeg(ad.image), "image/jpeg")}")')
    if ad.story_image:
        url = image_url(preview_jpeg(ad.story_image), "image/jpeg")
        variables.append(f'--bas-img-story:url("{url}")')
    return f".bas-root{{{';'.join(variables)}}}" if variables else ""


def ad_page_html(
    ad: Campaign, body: str, theme: str = "light", art: bool = True, image_url: ImageUrl = data_uri
) -> str:
    """`page_html` with this ad's logo available to the markup, and its art unless `art` is
    False (the chat and call screens show only the logo)."""
    shown = ad if art else replace(ad, image=None, story_image=None)
    return page_html(body, theme, image_vars_css(shown, image_url))


def _art(ad: Campaign, aspect: str, label: str, css_class: str) -> str:
    """A frame showing the ad's art for `aspect` (cropped or fitted per the ad's choice)."""
    story = " bas-art-story" if aspect == "9:16" and ad.story_image else ""
    alt = f"Ad image for {ad.business or 'your business'} ({label})"
    return (
        f'<div class="{css_class} bas-fit-{esc(ad.image_fit)}" role="img" aria-label="{esc(alt)}"'
        f' style="aspect-ratio:{aspect.replace(":", " / ")}"><span class="bas-art{story}">'
        "</span></div>"
    )


def media_html(ad: Campaign, aspect: str, label: str) -> str:
    """The ad's image cropped to the placement's frame, or an honest empty frame."""
    if not ad.image_for(aspect):
        ratio = aspect.replace(":", " / ")
        return (
            f'<div class="bas-media bas-media-empty" style="aspect-ratio:{ratio}" role="img" '
            f'aria-label="No image yet">Add an image to see it here</div>'
        )
    return _art(ad, aspect, label, "bas-media")


def verified_badge(image_url: ImageUrl = data_uri) -> str:
    """The blue verified badge beside a Page name."""
    return icon("verified", "#0866ff", "bas-verified", "Verified", image_url)


def cta_html(
    ad: Campaign,
    label: str | None = None,
    css_class: str = "bas-cta",
    image_url: ImageUrl = data_uri,
) -> str:
    """The ad's button: a real link when the number is valid, a disabled look when it is not."""
    label = label or ad.cta_label
    if ad.cta == "call":
        glyph = icon("phone", "#0866ff", "bas-glyph", image_url=image_url)
    else:
        glyph = icon("whatsapp", "#25d366", "bas-glyph", image_url=image_url)
    href = button_link(ad.phone_check, ad.cta, ad.prefill)
    if not href:
        reason = ad.phone_check.error or f"Add a valid {ad.number_in_text}"
        return (
            f'<span class="{css_class} bas-cta-disabled" role="link" aria-disabled="true" '
            f'title="{esc(reason)}">{glyph}<span>{esc(label)}</span></span>'
        )
    return (
        f'<a class="{css_class}" href="{esc(href)}" target="_blank" rel="noopener noreferrer" '
        f'data-cta="{esc(ad.cta)}">{glyph}<span>{esc(label)}</span></a>'
    )


def page_header_html(ad: Campaign, image_url: ImageUrl = data_uri) -> str:
    """Logo, Page name with the verified badge, and the "Sponsored" line."""
    badge = verified_badge(image_url) if ad.verified else ""
    globe = icon("globe", "#65676b", "bas-globe", image_url=image_url)
    name = esc(ad.business or "Your business")
    return (
        '<header class="bas-head">'
        f"{avatar_html(ad)}"
        f'<div class="bas-head-text"><div class="bas-name"><span dir="auto">{name}</span>{badge}'
        "</div>"
        f'<div class="bas-sponsored">Sponsored · {globe}</div></div>'
        '<div class="bas-more" aria-hidden="true">···</div>'
        "</header>"
    )


def primary_text_html(text: str, limit: int = PRIMARY_TEXT_LIMIT) -> str:
    """Primary text, cut with "… See more" past the placement's limit."""
    cut = truncate(text, limit)
    more = '<span class="bas-seemore">… See more</span>' if cut.cut else ""
    return f'<div class="bas-primary" dir="auto">{text_html(cut.shown)}{more}</div>'


def actions_html(image_url: ImageUrl = data_uri) -> str:
    """The Like / Comment / Share bar."""
    items = "".join(
        f'<span class="bas-action">{icon(source, "#65676b", image_url=image_url)}{name}</span>'
        for name, source in ACTION_ICONS.items()
    )
    return f'<footer class="bas-actions">{items}</footer>'


def feed_mobile_html(ad: Campaign, image_url: ImageUrl = data_uri) -> str:
    """The Facebook mobile-feed card (4:5 image) with the WhatsApp button under it."""
    return (
        f'<article class="bas-card bas-feed-mobile"{dir_attr(ad)} '
        f'aria-label="Facebook mobile feed preview: {esc(ad.business or "Your business")}">'
        f"{page_header_html(ad, image_url)}{primary_text_html(ad.text)}"
        f"{media_html(ad, '4:5', 'Facebook Feed, 4:5')}{_link_row(ad, image_url)}"
        f"{actions_html(image_url)}"
        "</article>"
    )


def _link_row(ad: Campaign, image_url: ImageUrl) -> str:
    return (
        '<div class="bas-link-row">'
        '<div class="bas-link-text">'
        f'<div class="bas-domain">{"PHONE CALL" if ad.cta == "call" else "WHATSAPP"}</div>'
        f'<div class="bas-headline" dir="auto">{esc(ad.headline)}</div>'
        f'<div class="bas-description" dir="auto">{esc(ad.description)}</div>'
        "</div>"
        f"{cta_html(ad, image_url=image_url)}"
        "</div>"
    )


def feed_desktop_html(ad: Campaign, image_url: ImageUrl = data_uri) -> str:
    """The Facebook desktop-feed card: the 1.91:1 link layout, button beside the headline."""
    return (
        f'<article class="bas-card bas-feed-desktop"{dir_attr(ad)} '
        f'aria-label="Facebook desktop feed preview: {esc(ad.business or "Your business")}">'
        f"{page_header_html(ad, image_url)}{primary_text_html(ad.text)}"
        f"{media_html(ad, '1.91:1', 'Facebook Feed desktop, 1.91:1')}{_link_row(ad, image_url)}"
        f"{actions_html(image_url)}</article>"
    )


IG_ICONS = ("heart", "bubble", "send")


def _ig_icon(name: str, image_url: ImageUrl, color: str = "#262626") -> str:
    return icon(name, color, "bas-ig-icon", image_url=image_url)


def _handle(ad: Campaign) -> str:
    """An Instagram-style handle from the business name (display only)."""
    handle = re.sub(r"[^\w.]+", "", (ad.business or "yourbusiness").lower().replace(" ", "."))
    return handle[:30] or "yourbusiness"


def ig_feed_html(ad: Campaign, image_url: ImageUrl = data_uri) -> str:
    """The Instagram Feed post: profile row, 1:1 image, button bar under it, caption below."""
    badge = verified_badge(image_url) if ad.verified else ""
    chevron = icon("chevron", "#0866ff", "bas-chevron", image_url=image_url)
    cut = truncate(ad.text, PRIMARY_TEXT_LIMIT)
    more = '<span class="bas-seemore"> … more</span>' if cut.cut else ""
    icons = "".join(_ig_icon(name, image_url) for name in IG_ICONS)
    return (
        f'<article class="bas-card bas-ig"{dir_attr(ad)} '
        f'aria-label="Instagram feed preview: {esc(_handle(ad))}">'
        f'<header class="bas-ig-head">{avatar_html(ad, 32)}<div class="bas-head-text">'
        f'<div class="bas-name bas-ig-name"><span dir="auto">{esc(_handle(ad))}</span>{badge}</div>'
        '<div class="bas-sponsored">Sponsored</div></div>'
        '<div class="bas-more" aria-hidden="true">···</div></header>'
        f"{media_html(ad, '1:1', 'Instagram Feed, 1:1')}"
        f'<div class="bas-ig-cta">{cta_html(ad, None, "bas-ig-button", image_url)}{chevron}</div>'
        f'<div class="bas-ig-icons">{icons}<span class="bas-ig-spacer"></span>'
        f"{_ig_icon('bookmark', image_url)}</div>"
        f'<div class="bas-ig-caption" dir="auto"><b dir="auto">{esc(_handle(ad))}</b> '
        f"{text_html(cut.shown)}{more}</div>"
        "</article>"
    )


def _full_screen_image(ad: Campaign, label: str) -> str:
    if not ad.image_for("9:16"):
        return '<div class="bas-story-bg bas-media-empty">Add an image to see it here</div>'
    return _art(ad, "9:16", label, "bas-story-bg")


def story_html(
    ad: Campaign, placement: Placement, safe_zones: bool = False, image_url: ImageUrl = data_uri
) -> str:
    """A 9:16 story: full-screen image, Page row at the top, the button as a sticker in the
    bottom safe zone; `safe_zones` overlays the areas kept clear (top 14%, bottom 20%)."""
    cut = truncate(ad.text, placement.text_limit)
    more = '<span class="bas-seemore"> … more</span>' if cut.cut else ""
    overlay = ""
    if safe_zones:
        # The zones are hatched only; what they mean is written beside the story
        # (safe_zone_legend_html), so no label covers the Page name or the button it describes.
        overlay = (
            f'<div class="bas-safe bas-safe-top" style="height:{STORY_SAFE_TOP:.0%}" '
            f'role="img" aria-label="Keep clear: top {STORY_SAFE_TOP:.0%}"></div>'
            f'<div class="bas-safe bas-safe-bottom" style="height:{STORY_SAFE_BOTTOM:.0%}" '
            f'role="img" aria-label="Keep clear: bottom {STORY_SAFE_BOTTOM:.0%} (button)"></div>'
        )
    image = _full_screen_image(ad, f"{placement.name}, 9:16")
    return (
        f'<article class="bas-story bas-{placement.key}"{dir_attr(ad)} '
        f'aria-label="{esc(placement.name)} preview: {esc(ad.business or "Your business")}">'
        f"{image}"
        '<div class="bas-story-progress"><span></span></div>'
        f'<header class="bas-story-head">{avatar_html(ad, 32)}<div>'
        f'<div class="bas-story-name"><span dir="auto">{esc(ad.business or "Your business")}'
        f"</span>{verified_badge(image_url) if ad.verified else ''}</div>"
        '<div class="bas-story-sponsored">Sponsored</div></div></header>'
        f'<div class="bas-story-text" dir="auto">{text_html(cut.shown)}{more}</div>'
        f'<div class="bas-story-cta">{cta_html(ad, None, "bas-sticker", image_url)}</div>'
        f"{overlay}</article>"
    )


def safe_zone_legend_html() -> str:
    """What the hatched Stories zones mean, written under the story rather than on it."""
    return (
        '<p class="bas-safe-legend"><span class="bas-safe-swatch" aria-hidden="true"></span>'
        f"Hatched: the top {STORY_SAFE_TOP:.0%} (the Page name) and the bottom "
        f"{STORY_SAFE_BOTTOM:.0%} (the button) that Stories cover; keep the art's text out of "
        "them.</p>"
    )


def marketplace_html(ad: Campaign, image_url: ImageUrl = data_uri) -> str:
    """A Marketplace grid with the ad as one tile among listing-shaped blanks."""
    cut = truncate(ad.headline, PLACEMENTS["marketplace"].text_limit)
    tile = (
        '<div class="bas-mp-tile bas-mp-ad">'
        f"{media_html(ad, '1:1', 'Marketplace tile, 1:1')}"
        f'<div class="bas-mp-title" dir="auto">{esc(cut.shown)}{"…" if cut.cut else ""}</div>'
        f'<div class="bas-mp-meta"><span dir="auto">{esc(ad.business or "Your business")}</span>'
        " · Sponsored</div>"
        f"{cta_html(ad, None, 'bas-mp-cta', image_url)}</div>"
    )
    blank = (
        '<div class="bas-mp-tile bas-mp-blank" aria-hidden="true"><div class="bas-mp-img"></div>'
        '<div class="bas-mp-line"></div><div class="bas-mp-line bas-short"></div></div>'
    )
    return (
        f'<article class="bas-card bas-marketplace"{dir_attr(ad)} aria-label="Marketplace preview">'
        '<div class="bas-mp-bar">Marketplace · Today\'s picks</div>'
        f'<div class="bas-mp-grid">{tile}{blank}{blank}{blank}</div></article>'
    )


def reels_html(ad: Campaign, image_url: ImageUrl = data_uri) -> str:
    """A Facebook Reels ad: 9:16, Page and caption (cut at 72) bottom-left, button under them."""
    placement = PLACEMENTS["reels"]
    cut = truncate(ad.text, placement.text_limit)
    more = '<span class="bas-seemore"> … more</span>' if cut.cut else ""
    image = _full_screen_image(ad, "Reels, 9:16")
    rail = "".join(
        f'<span class="bas-rail-icon">{_ig_icon(name, image_url, "#ffffff")}</span>'
        for name in IG_ICONS
    )
    return (
        f'<article class="bas-story bas-reels"{dir_attr(ad)} aria-label="Reels preview: '
        f'{esc(ad.business or "Your business")}">{image}'
        f'<div class="bas-reels-rail">{rail}</div>'
        f'<div class="bas-reels-foot"><div class="bas-story-head bas-static">{avatar_html(ad, 28)}'
        f'<div><div class="bas-story-name"><span dir="auto">{esc(ad.business or "Your business")}'
        f"</span>{verified_badge(image_url) if ad.verified else ''}</div>"
        '<div class="bas-story-sponsored">Sponsored</div></div></div>'
        f'<div class="bas-reels-text" dir="auto">{text_html(cut.shown)}{more}</div>'
        f"{cta_html(ad, None, 'bas-reels-cta', image_url)}</div></article>"
    )


def not_delivered_html(ad: Campaign, placement: Placement) -> str:
    """An honest panel where the ad does not run, instead of a fake rendering."""
    note = delivery(ad, placement)
    return (
        f'<div class="bas-card bas-blocked" role="note" aria-label="{esc(placement.name)}: '
        'not delivered"><div class="bas-blocked-icon" aria-hidden="true">⊘</div>'
        f'<div class="bas-blocked-title">Not shown on {esc(placement.name)}</div>'
        f'<div class="bas-blocked-text">{esc(note.text if note else "")}</div></div>'
    )


def crop_html(ad: Campaign, placement: Placement) -> str:
    """The whole image with the part this placement shows outlined (when it is cropped)."""
    art = ad.image_for(placement.aspect)
    if not art or ad.image_fit != "crop":
        return ""
    story = " bas-art-story" if art is ad.story_image else ""
    width, height = image_size(art)
    left, top, right, bottom = crop_box(width, height, placement.aspect)
    box = (
        f"left:{left / width:.2%};top:{top / height:.2%};"
        f"width:{(right - left) / width:.2%};height:{(bottom - top) / height:.2%}"
    )
    return (
        '<figure class="bas-crop"><div class="bas-crop-frame">'
        f'<div class="bas-crop-whole" role="img" aria-label="The whole image" '
        f'style="aspect-ratio:{width} / {height}"><span class="bas-art bas-art-whole{story}">'
        "</span></div>"
        f'<div class="bas-crop-box" style="{box}"></div></div>'
        f"<figcaption>Outlined: what {esc(placement.name)} shows ({placement.aspect})."
        "</figcaption></figure>"
    )


# The placements drawn by story_html, whose safe zones the overlay shows.
SAFE_ZONE_PLACEMENTS = frozenset({"fb_story", "ig_story"})

PLACEMENT_RENDERERS: dict[str, Callable[[Campaign, bool, ImageUrl], str]] = {
    "fb_feed_mobile": lambda ad, safe, urls: feed_mobile_html(ad, urls),
    "fb_feed_desktop": lambda ad, safe, urls: feed_desktop_html(ad, urls),
    "ig_feed": lambda ad, safe, urls: ig_feed_html(ad, urls),
    "fb_story": lambda ad, safe, urls: story_html(ad, PLACEMENTS["fb_story"], safe, urls),
    "ig_story": lambda ad, safe, urls: story_html(ad, PLACEMENTS["ig_story"], safe, urls),
    "marketplace": lambda ad, safe, urls: marketplace_html(ad, urls),
    "reels": lambda ad, safe, urls: reels_html(ad, urls),
}


def placement_html(
    ad: Campaign, key: str, safe_zones: bool = False, image_url: ImageUrl = data_uri
) -> str:
    """The markup of one placement, or the not-delivered panel where the ad cannot run."""
    placement = PLACEMENTS[key]
    if delivery(ad, placement):
        return not_delivered_html(ad, placement)
    return PLACEMENT_RENDERERS[key](ad, safe_zones, image_url)


STATUS_BAR = (
    '<div class="bas-statusbar" aria-hidden="true"><span>9:41</span>'
    '<span class="bas-notch"></span><span>●●● ▮</span></div>'
)


def phone_frame(inner: str, enabled: bool = True) -> str:
    """A phone bezel around mobile markup, for projectors and slides."""
    if not enabled:
        return inner
    return f'<div class="bas-phone">{STATUS_BAR}<div class="bas-phone-screen">{inner}</div></div>'
