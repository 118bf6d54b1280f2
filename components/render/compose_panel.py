"""HTML of the Compose page's preview panel: the mobile feed card and what a tap opens.

Built from `render`'s escaping helpers and design tokens, like every other preview; one piece
of markup keeps the composer's rerun to a single element beside the form.
"""

from __future__ import annotations

from dataclasses import replace

from components.campaign.images import data_uri
from components.campaign.model import Campaign
from components.campaign.phone import button_link
from components.render.icons import ImageUrl
from components.render.placements import esc, feed_mobile_html, image_vars_css
from components.render.styles import page_html
from components.render.tap import call_screen_html

PANEL_STYLES = """
.bas-panel-title{font-size:1.25rem;font-weight:700;margin:0 0 10px;color:var(--bas-text)}
.bas-tap-note{max-width:420px;margin:12px auto 0;font-size:14px;color:var(--bas-text)}
.bas-tap-note code{display:block;margin-top:6px;padding:8px 10px;border-radius:6px;
  background:var(--bas-surface);border:1px solid var(--bas-divider);font-size:12.5px;
  overflow-wrap:anywhere;white-space:normal;color:var(--bas-text)}
.bas-tap-note.bas-warn{color:#8a1020}
.bas-panel-sub{font-size:1.05rem;margin:18px 0 8px}
.bas-panel-tap{max-width:360px;margin:0 auto}
"""


def one_line(markup: str) -> str:
    """Markup with its line breaks turned into spaces (which HTML reads the same way).

    Streamlit dedents every st.html string line by line; on one line, a page of previews
    costs a third as much to send.
    """
    return markup.replace("\n", " ")


def tap_note_html(ad: Campaign) -> str:
    """One line on what the button does, with its real link (or why it has none)."""
    check = ad.phone_check
    link = button_link(check, ad.cta, ad.prefill)
    if not link:
        return (
            '<p class="bas-tap-note bas-warn" role="status">The button is shown disabled: it '
            f"has no working link until the {ad.number_in_text} is valid.</p>"
        )
    if ad.cta == "call":
        what = f"<strong>A tap calls</strong> {esc(check.international)} from the phone's dialler."
    else:
        what = (
            f"<strong>A tap opens WhatsApp</strong> with a chat to {esc(check.international)}, the "
            "pre-filled message ready to send."
        )
    return f'<p class="bas-tap-note">{what}<code>{esc(link)}</code></p>'


def compose_panel_html(ad: Campaign, image_url: ImageUrl = data_uri) -> str:
    """The preview panel: its title, the Facebook mobile-feed card, and the tap line; for a
    Call Now ad, also the call screen a tap opens."""
    body = (
        '<h2 class="bas-panel-title">Preview · Facebook Feed, mobile</h2>'
        f"{feed_mobile_html(ad, image_url)}{tap_note_html(ad)}"
    )
    if ad.cta == "call":
        body += (
            '<h3 class="bas-panel-title bas-panel-sub">After the tap: the call screen</h3>'
            f'<div class="bas-panel-tap">{call_screen_html(ad, image_url=image_url)}</div>'
        )
    # Only the feed's image travels (no story art), and on one line: Streamlit dedents every
    # st.html string line by line, which costs more than drawing the card.
    images = image_vars_css(replace(ad, story_image=None), image_url)
    return one_line(page_html(body, "light", images + PANEL_STYLES))
