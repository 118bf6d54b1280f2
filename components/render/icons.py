"""The previews' icons: SVG sources drawn as `<img>`s, loaded from a URL the caller makes.

Streamlit's `st.html` sanitiser drops inline `<svg>`, so every icon travels as an image. Each
source uses `currentColor`, replaced by the colour the caller asks for. Where the image
loads from is the caller's `image_url`, as for the ad's own images: `data_uri` inlines it
(the downloadable preview must load nothing), the app serves it from its media store (so a
keystroke's rerun sends a short URL, and the browser fetches each icon once).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import lru_cache

from components import ASSETS
from components.campaign.images import data_uri

_WHATSAPP = (
    '<path fill="currentColor" d="M17.472 14.382c-.297-.149-1.758-.867-2.03-.967-.273-.099-'
    ".471-.148-.67.15-.197.297-.767.966-.94 1.164-.173.199-.347.223-.644.075-.297-.15-1.255-"
    ".463-2.39-1.475-.883-.788-1.48-1.761-1.653-2.059-.173-.297-.018-.458.13-.606.134-.133.298"
    "-.347.446-.52.149-.174.198-.298.298-.497.099-.198.05-.371-.025-.52-.075-.149-.669-1.612-"
    ".916-2.207-.242-.579-.487-.5-.669-.51-.173-.008-.371-.01-.57-.01-.198 0-.52.074-.792.372-"
    ".272.297-1.04 1.016-1.04 2.479 0 1.462 1.065 2.875 1.213 3.074.149.198 2.096 3.2 5.077 "
    "4.487.709.306 1.262.489 1.694.625.712.227 1.36.195 1.871.118.571-.085 1.758-.719 2.006-"
    "1.413.248-.694.248-1.289.173-1.413-.074-.124-.272-.198-.57-.347m-5.421 7.403h-.004a9.87 "
    "9.87 0 01-5.031-1.378l-.361-.214-3.741.982.998-3.648-.235-.374a9.86 9.86 0 01-1.51-5.26c"
    ".001-5.45 4.436-9.884 9.888-9.884 2.64 0 5.122 1.03 6.988 2.898a9.825 9.825 0 012.893 "
    "6.994c-.003 5.45-4.437 9.884-9.885 9.884m8.413-18.297A11.815 11.815 0 0012.05 0C5.495 0 "
    ".16 5.335.157 11.892c0 2.096.547 4.142 1.588 5.945L.057 24l6.305-1.654a11.882 11.882 0 "
    '005.683 1.448h.005c6.554 0 11.89-5.335 11.893-11.893a11.821 11.821 0 00-3.48-8.413Z"/>'
)
_PHONE = (
    '<path fill="currentColor" d="M6.62 10.79a15.05 15.05 0 006.59 6.59l2.2-2.2a1 1 0 011.02-'
    ".24c1.12.37 2.33.57 3.57.57a1 1 0 011 1V20a1 1 0 01-1 1C10.61 21 3 13.39 3 4a1 1 0 011-1h3"
    '.5a1 1 0 011 1c0 1.25.2 2.45.57 3.57a1 1 0 01-.25 1.02l-2.2 2.2z"/>'
)
_STROKE = 'fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"'

SOURCES: dict[str, tuple[str, str]] = {
    # name: (viewBox, body)
    "whatsapp": ("0 0 24 24", _WHATSAPP),
    "phone": ("0 0 24 24", _PHONE),
    "verified": (
        "0 0 16 16",
        '<circle cx="8" cy="8" r="8" fill="currentColor"/><path d="M4.5 8.2l2.3 2.3 4.7-4.9" '
        'fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" '
        'stroke-linejoin="round"/>',
    ),
    "globe": (
        "0 0 16 16",
        '<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.3"/>'
        '<path d="M1.5 8h13M8 1.5c2 2.2 2 10.8 0 13M8 1.5c-2 2.2-2 10.8 0 13" fill="none" '
        'stroke="currentColor" stroke-width="1.1"/>',
    ),
    "like": (
        "0 0 16 16",
        '<path d="M2 7h3v8H2zM6 15V7l3.5-5.5c.9 0 1.5.8 1.3 1.7L10 6.5h4.2c.9 0 1.5.8 1.3 1.7'
        'l-1.4 5.6c-.2.7-.8 1.2-1.5 1.2z" fill="none" stroke="currentColor" stroke-width="1.3" '
        'stroke-linejoin="round"/>',
    ),
    "comment": (
        "0 0 16 16",
        '<path d="M8 2C4.1 2 1 4.6 1 7.8c0 1.8 1 3.4 2.6 4.5L3 15l3.1-1.6c.6.1 1.2.2 1.9.2 3.9 0'
        ' 7-2.6 7-5.8S11.9 2 8 2z" fill="none" stroke="currentColor" stroke-width="1.3" '
        'stroke-linejoin="round"/>',
    ),
    "share": (
        "0 0 16 16",
        '<path d="M9.5 2.5L15 7.5l-5.5 5V10C5.5 10 3 11.5 1 14.5 1.7 9.8 4.4 6.6 9.5 5.8z" '
        'fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/>',
    ),
    "heart": (
        "0 0 24 24",
        '<path d="M12 21s-7.5-4.6-9.4-9.2C1.3 8.6 3.3 5 6.8 5c2.1 0 3.6 1.2 5.2 3 1.6-1.8 3.1-3 '
        f'5.2-3 3.5 0 5.5 3.6 4.2 6.8C19.5 16.4 12 21 12 21z" {_STROKE}/>',
    ),
    "bubble": (
        "0 0 24 24",
        '<path d="M20.5 11.5a8.5 8.5 0 01-12.6 7.4L3.5 20.5l1.6-4.3A8.5 8.5 0 1120.5 11.5z" '
        f"{_STROKE}/>",
    ),
    "send": (
        "0 0 24 24",
        f'<path d="M21.5 3.5L10.8 13.2M21.5 3.5l-6.6 17.2-4.1-7.5-7.3-3.9z" {_STROKE}/>',
    ),
    "bookmark": ("0 0 24 24", f'<path d="M18.5 21l-6.5-5.5L5.5 21V3.5h13z" {_STROKE}/>'),
    "chevron": (
        "0 0 16 16",
        '<path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" stroke-width="1.8" '
        'stroke-linecap="round"/>',
    ),
    "back": (
        "0 0 24 24",
        '<path d="M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20z" fill="currentColor"/>',
    ),
    "paper-plane": (
        "0 0 24 24",
        '<path d="M2 21l21-9L2 3v7l15 2-15 2z" fill="currentColor"/>',
    ),
    # The call screen's keys (Mute, Keypad, Speaker), drawn as the phone apps draw them.
    "mic-off": (
        "0 0 24 24",
        '<path d="M12 3a3 3 0 00-3 3v6a3 3 0 006 0V6a3 3 0 00-3-3z" fill="currentColor"/>'
        f'<path d="M5.5 11a6.5 6.5 0 0013 0M12 17.5V21M8.5 21h7M4 4l16 16" {_STROKE} '
        'stroke-linecap="round"/>',
    ),
    "keypad": (
        "0 0 24 24",
        "".join(
            f'<circle cx="{x}" cy="{y}" r="1.7" fill="currentColor"/>'
            for y in (4, 10, 16)
            for x in (6, 12, 18)
        )
        + '<circle cx="12" cy="21.5" r="1.7" fill="currentColor"/>',
    ),
    "speaker": (
        "0 0 24 24",
        '<path d="M3 9.5h4l5-4.5v14l-5-4.5H3z" fill="currentColor"/>'
        f'<path d="M15.5 8.5a5 5 0 010 7M18 6a8.5 8.5 0 010 12" {_STROKE} '
        'stroke-linecap="round"/>',
    ),
    "video": (
        "0 0 24 24",
        '<path d="M17 10.5V7a1 1 0 00-1-1H4a1 1 0 00-1 1v10a1 1 0 001 1h12a1 1 0 001-1v-3.5'
        'l4 4v-11z" fill="currentColor"/>',
    ),
}


# Turns image bytes and their MIME type into the URL the markup loads them from (`data_uri`,
# or the app's `components.ui.media.media_url`); every renderer that draws an image takes one.
ImageUrl = Callable[[bytes, str], str]


@lru_cache(maxsize=128)
def icon_svg(name: str, color: str) -> bytes:
    """The named icon drawn in `color`, as an SVG file (the same bytes object every time, so a
    URL maker that hashes it hashes it once)."""
    view_box, body = SOURCES[name]
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}">'
        f"{body.replace('currentColor', color)}</svg>"
    )
    return svg.encode()


@lru_cache(maxsize=128)
def icon_uri(name: str, color: str) -> str:
    """A data URI of the named icon drawn in `color`."""
    return data_uri(icon_svg(name, color), "image/svg+xml")


def icon(
    name: str,
    color: str,
    css_class: str = "bas-icon",
    label: str = "",
    image_url: ImageUrl = data_uri,
) -> str:
    """An `<img>` of the icon, loaded from `image_url`; decorative (empty alt) unless `label`
    says what it means."""
    hidden = "" if label else ' aria-hidden="true"'
    # Inlined icons are remembered as URIs: a preview draws the same few dozen times.
    src = (
        icon_uri(name, color)
        if image_url is data_uri
        else image_url(icon_svg(name, color), "image/svg+xml")
    )
    return f'<img class="{css_class}" src="{src}" alt="{html.escape(label)}"{hidden}>'


@lru_cache(maxsize=1)
def app_icon_uri() -> str:
    """The app's favicon (assets/icon.png, 1 kB) as a data URI.

    Given as a file path, `st.set_page_config` reads, hashes and registers the file on every
    rerun; a data URI it passes through as it is.
    """
    path = ASSETS / "icon.png"
    return data_uri(path.read_bytes(), "image/png")
