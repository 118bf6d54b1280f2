"""Compose: write the ad and see it live.

- the form (business, copy with counters, images, button, number, welcome message) on the left;
- the Facebook mobile-feed preview beside it, updated as the person types;
- under the preview, what a tap on the button opens.
"""

import streamlit as st

from components.render import compose_preview_html
from components.session import current_ad, set_ad
from components.widgets import ad_form, tap_summary

st.title(
    "Compose your ad",
    anchor=False,
    help="Write the ad on the left, one section at a time; the preview on the right is what "
    "people see in their Facebook feed.",
)

form_col, preview_col = st.columns([1.15, 1], gap="large")
with form_col:
    ad = ad_form(current_ad())
set_ad(ad)

with preview_col, st.container(key="preview_panel"):
    st.subheader("Preview · Facebook Feed, mobile", anchor=False)
    st.html(compose_preview_html(ad))
    tap_summary(ad)
