"""HTML for what follows a tap: the WhatsApp chat (Message) and the phone's call screen (Call).

Pure functions of a `Campaign`, built from `render`'s escaping helpers and design tokens, so
user text is escaped here exactly as in the placements. Both screens say they are previews.
"""

from __future__ import annotations

from datetime import datetime

from components.campaign.hours import is_open_at
from components.campaign.images import data_uri
from components.campaign.model import Campaign
from components.render.icons import ImageUrl, icon
from components.render.placements import (
    ad_page_html,
    avatar_html,
    dir_attr,
    esc,
    phone_frame,
    text_html,
    verified_badge,
)

# The call screen's keys: label and icon (the label is written under the key, so the icon
# itself is decorative).
CALL_KEYS = (("Mute", "mic-off"), ("Keypad", "keypad"), ("Speaker", "speaker"))


def chat_screen_html(ad: Campaign, time_label: str = "9:41", image_url: ImageUrl = data_uri) -> str:
    """The WhatsApp chat the Message button opens: greeting, quick replies, pre-filled composer."""
    name = esc(ad.business or "Your business")
    back = icon("back", "#ffffff", image_url=image_url)
    send = icon("paper-plane", "#ffffff", "bas-icon", "Send", image_url)
    header_icons = icon("video", "#ffffff", image_url=image_url) + icon(
        "phone", "#ffffff", image_url=image_url
    )
    status = (
        f'<span class="bas-wa-status">{verified_badge(image_url)} Official business account</span>'
        if ad.verified
        else '<span class="bas-wa-status">Business account</span>'
    )
    greeting = ""
    if ad.greeting.strip():
        greeting = (
            '<div class="bas-wa-bubble bas-wa-in" dir="auto">'
            f'{text_html(ad.greeting.strip())}<span class="bas-wa-time">{esc(time_label)}</span>'
            "</div>"
        )
    chips = "".join(
        f'<span class="bas-wa-chip" dir="auto">{esc(reply)}</span>' for reply in ad.replies
    )
    replies = (
        f'<div class="bas-wa-chips" role="group" aria-label="Quick replies">{chips}</div>'
        if chips
        else ""
    )
    composer_text = (
        f'<span class="bas-wa-draft" dir="auto">{text_html(ad.prefill)}</span>'
        if ad.prefill.strip()
        else '<span class="bas-wa-placeholder">Message</span>'
    )
    return (
        f'<section class="bas-wa"{dir_attr(ad)} aria-label="WhatsApp chat preview with {name}">'
        '<div class="bas-tap-label">Preview · what a tap opens in WhatsApp</div>'
        f'<header class="bas-wa-head"><span class="bas-wa-back">{back}</span>'
        f"{avatar_html(ad, 36)}"
        f'<div class="bas-wa-title"><div class="bas-wa-name" dir="auto">{name}</div>{status}</div>'
        f'<span class="bas-wa-icons">{header_icons}</span></header>'
        '<div class="bas-wa-body">'
        # The studio's own words are English: kept left to right inside a mirrored chat, so
        # the full stop stays at the end of the sentence.
        '<div class="bas-wa-system" dir="ltr">This chat started from an ad on Facebook. The '
        "business will see which ad you tapped.</div>"
        f"{greeting}{replies}</div>"
        # A long pre-filled message scrolls inside the box, so the box takes focus (keyboard
        # users can scroll it) and is named like the read-only text field it stands for.
        '<footer class="bas-wa-composer"><div class="bas-wa-input" tabindex="0" role="textbox" '
        'aria-readonly="true" aria-multiline="true" aria-label="Pre-filled message">'
        f'{composer_text}</div><span class="bas-wa-send">{send}</span></footer>'
        "</section>"
    )


def call_screen_html(
    ad: Campaign, moment: datetime | None = None, image_url: ImageUrl = data_uri
) -> str:
    """The phone's call screen for the Call button; with `moment`, whether someone answers."""
    check = ad.phone_check
    number = esc(check.international if check.ok else ad.phone or "No number")
    name = esc(ad.business or "Your business")
    outcome = ""
    if moment is not None:
        if is_open_at(ad.hours, moment):
            outcome = (
                '<div class="bas-call-outcome bas-open">Open at this time: someone answers.</div>'
            )
        else:
            outcome = (
                '<div class="bas-call-outcome bas-closed">Closed at this time: the call goes '
                "unanswered and counts as a missed call.</div>"
            )
    status = "Calling…" if check.ok else "Cannot call: the number is not valid"
    end_call = icon("phone", "#ffffff", "bas-glyph", "End call", image_url)
    buttons = "".join(
        f'<span class="bas-call-key"><span class="bas-call-key-dot">'
        f"{icon(source, '#ffffff', 'bas-call-key-icon', image_url=image_url)}</span>{label}</span>"
        for label, source in CALL_KEYS
    )
    return (
        f'<section class="bas-call"{dir_attr(ad)} aria-label="Call screen preview: {name}">'
        '<div class="bas-tap-label bas-dark">Preview · what a tap opens: the phone app</div>'
        f'<div class="bas-call-who">{avatar_html(ad, 84)}'
        f'<div class="bas-call-name" dir="auto">{name}</div>'
        f'<div class="bas-call-number">{number}</div>'
        f'<div class="bas-call-state">{esc(status)}</div></div>'
        f"{outcome}"
        f'<div class="bas-call-keys">{buttons}</div>'
        f'<div class="bas-call-end">{end_call}</div>'
        "</section>"
    )


def tap_screen_html(
    ad: Campaign, moment: datetime | None = None, image_url: ImageUrl = data_uri
) -> str:
    """The screen the ad's button leads to."""
    if ad.cta == "call":
        return call_screen_html(ad, moment, image_url)
    return chat_screen_html(ad, image_url=image_url)


def tap_panel_html(
    ad: Campaign,
    *,
    theme: str = "light",
    frame: bool = True,
    moment: datetime | None = None,
    qr_url: str = "",
    image_url: ImageUrl = data_uri,
) -> str:
    """What a tap opens, as one page of markup: the chat or call screen (in a phone bezel when
    `frame`), the ad's logo, and a QR code of the button's link under it when `qr_url` is
    given. The one piece of markup the Preview page, the Walkthrough and the download show."""
    screen = phone_frame(tap_screen_html(ad, moment, image_url), frame)
    qr = qr_figure_html(qr_url) if qr_url else ""
    return ad_page_html(ad, screen + qr, theme, False, image_url)


def qr_figure_html(qr_url: str) -> str:
    """A QR code of the button's link (the image at `qr_url`), to try the tap on a phone."""
    return (
        f'<figure class="bas-qr"><img src="{esc(qr_url)}" width="200" height="200" '
        'alt="QR code of the button\'s link">'
        "<figcaption>Scan with a phone to try the real button</figcaption></figure>"
    )
