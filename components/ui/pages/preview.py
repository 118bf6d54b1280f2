"""The Preview page (`app_pages/preview.py` runs `preview_page`).

Preview: the ad in every placement, side by side, and what a tap on its button does.

- toggles for light/dark theme, a phone frame and the Stories safe zones;
- every placement true to its format, with a note where copy is cut, the image is cropped
  (and where), or the ad is not delivered (Call in Facebook Stories or on desktop);
- beside them, the tap: the WhatsApp chat (Message) or the call screen with business hours;
- a QR code of the button's real link, and the whole preview as one offline HTML file.
"""

from dataclasses import replace

import streamlit as st

from components import ASSETS
from components.campaign.phone import button_link
from components.render.compose_panel import one_line
from components.render.preview_document import placements_grid_html, standalone_html
from components.render.qr import TOO_LONG, qr_png
from components.render.tap import tap_panel_html
from components.ui import hours_editor, preview_options, tap_moment
from components.ui.handoff import handoff_section
from components.ui.media import media_url
from components.ui.session import current_campaign, set_campaign

TAP_PANEL_WIDTH = 340
PREVIEW_CSS = ASSETS / "preview.css"


def preview_page() -> None:
    """Preview: the ad in every placement, side by side, and what a tap on its button does."""
    st.title("Preview every placement", anchor=False)
    st.html(PREVIEW_CSS)
    ad = current_campaign()
    theme, frame, safe_zones = preview_options()

    # The placements grid takes what the tap panel (a phone's width, enough for the chat
    # header and the whole hours table) leaves; where both do not fit side by side the tap
    # panel wraps under the grid instead of shrinking.
    with st.container(horizontal=True, gap="medium", key="preview_layout"):
        grid_box = st.container(key="placements")
        tap_box = st.container(key="tap_panel", width=TAP_PANEL_WIDTH)

    with tap_box:
        st.subheader("After the tap", anchor=False)
        moment = None
        if ad.cta == "call":
            with st.expander("Business hours", expanded=True, icon=":material/schedule:"):
                hours = hours_editor(ad)
            if hours != ad.hours:
                ad = replace(ad, hours=hours)
                set_campaign(ad)
            moment = tap_moment(ad.hours)
        link = button_link(ad.phone_check, ad.cta, ad.prefill)
        # The QR code rides in the tap panel's markup, served like the ad's images.
        code = qr_png(link) if link else None
        qr_url = media_url(code, "image/png") if code else ""
        tap = tap_panel_html(
            ad, theme=theme, frame=frame, moment=moment, qr_url=qr_url, image_url=media_url
        )
        st.html(one_line(tap))
        if link:
            if not code:
                st.caption(TOO_LONG)
            st.code(link, language=None, wrap_lines=True)
        else:
            st.warning("No QR code: the number is not valid, so the button has no link.")
        st.download_button(
            "Download the preview (HTML)",
            data=lambda: standalone_html(ad, theme, safe_zones),
            file_name="ad-preview.html",
            mime="text/html",
            icon=":material/download:",
            key="download_preview",
            on_click="ignore",
            width="stretch",
        )

    with grid_box:
        st.html(one_line(placements_grid_html(ad, theme, frame, safe_zones, media_url)))

    handoff_section(ad, key="preview_handoff")
