"""The Compose page (`app_pages/compose.py` runs `compose_page`).

Compose: write the ad and see it live.

- the product's name and what it does; while the sample is untouched, "make it yours";
- the form, one section at a time (Page, Copy, Images, Button, Welcome), on the left;
- beside it, the Facebook mobile-feed preview, updated as the person types, and what a tap
  on the button opens, with the real link.
"""

import streamlit as st

from components.render.compose_panel import compose_panel_html
from components.ui import ad_form
from components.ui.first_run import product_intro, sample_prompt
from components.ui.media import media_url
from components.ui.session import current_campaign, set_campaign


def compose_page() -> None:
    """Compose: write the ad and see it live."""
    product_intro()
    st.title(
        "Compose your ad",
        anchor=False,
        help="Write the ad on the left, one section at a time; the preview on the right is what "
        "people see in their Facebook feed.",
    )

    form_col, preview_col = st.columns([1.15, 1], gap="large")
    with form_col:
        sample_prompt(current_campaign())
        ad = ad_form(current_campaign())
    set_campaign(ad)

    with preview_col, st.container(key="preview_panel"):
        st.html(compose_panel_html(ad, media_url))
