"""What the studio draws: HTML, CSS and Vega-Lite made from a campaign or a forecast.

Pure functions (no Streamlit); every user string is escaped here, never by a caller.

- `placements`: each placement's HTML (feed, Stories, Reels, Marketplace, ...);
- `tap`: what a tap opens (the WhatsApp chat, the call screen);
- `compose_panel`: the Compose page's preview panel;
- `preview_document`: the placements grid and the self-contained HTML download;
- `styles`: the design tokens and the CSS each preview uses;
- `icons`: the previews' icons; `qr`: QR codes of the button's link (segno);
- `charts`: the charts' one Altair theme, shared axes, specs without per-call validation;
- `forecast_charts`: the forecast's charts; `forecast_views`: the Engagement page's views;
- `citations`: sources as readable citations with links.
"""

from components.render.compose_panel import compose_panel_html
from components.render.placements import ad_page_html, feed_mobile_html, placement_html
from components.render.preview_document import placements_grid_html, standalone_html
from components.render.tap import call_screen_html, chat_screen_html, tap_screen_html

__all__ = [
    "ad_page_html",
    "call_screen_html",
    "chat_screen_html",
    "compose_panel_html",
    "feed_mobile_html",
    "placement_html",
    "placements_grid_html",
    "standalone_html",
    "tap_screen_html",
]
