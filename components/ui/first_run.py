"""A first run that guides: what the studio is, and, while the sample ad is untouched, the
invitation to make it one's own with the first fields to change.

The invitation goes once the ad differs from the sample (any edit, a share link, a draft) or
when dismissed, and does not come back in the session.
"""

from __future__ import annotations

import streamlit as st

from components.campaign.model import Campaign, default_campaign
from components.ui.session import open_draft

PRODUCT_NAME = "Button Ad Studio"
PRODUCT_LINE = (
    "Design a Facebook ad with a WhatsApp Message or Call button, preview it in every "
    "placement, and forecast what it could bring (simulated: nothing is sent to Meta)."
)
SAMPLE_PROMPT = "**This is a sample ad — make it yours.**"
FIRST_FIELDS = (
    "Start with the **Page name** (your business), then the **Primary text** and your "
    "**WhatsApp number** under **Button**: the preview follows as you type."
)
_DONE_KEY = "sample_prompt_done"


def product_intro() -> None:
    """The product's name and one line on what it does, above the Compose title."""
    with st.container(key="product_intro"):
        st.caption(f"**{PRODUCT_NAME}** · {PRODUCT_LINE}")


def _dismiss() -> None:
    st.session_state[_DONE_KEY] = True


def _start_with_page_name() -> None:
    st.session_state["compose_section"] = "page"


def sample_prompt(ad: Campaign) -> None:
    """While `ad` is still the untouched sample: say so, name the first fields to change,
    open the first of them, or dismiss."""
    state = st.session_state
    if state.get(_DONE_KEY):
        return
    if ad != default_campaign() or open_draft() is not None:
        # Edited, opened from a link, or a draft (a shared one may be the sample, unedited):
        # not shown again.
        state[_DONE_KEY] = True
        return
    with st.container(key="sample_prompt", border=True):
        st.markdown(f"{SAMPLE_PROMPT} {FIRST_FIELDS}")
        with st.container(horizontal=True):
            st.button("Change the Page name", key="sample_prompt_start", type="primary",
                      icon=":material/edit:", on_click=_start_with_page_name)  # fmt: skip
            st.button("Dismiss", key="sample_prompt_dismiss", on_click=_dismiss)
