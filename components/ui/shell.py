"""What every page shares: page config and the sidebar (account, share, save).

The pages themselves, their navigation and next steps are `components.ui.navigation`.

`app.py` calls these in order; they live here, imported once, rather than in the entry script,
which Streamlit re-reads on every rerun.
"""

from __future__ import annotations

import streamlit as st

from components import ASSETS
from components.campaign.model import Campaign
from components.render.icons import app_icon_uri
from components.ui.drafts import account_control, save_dialog
from components.ui.share import make_copy, share_dialog, shared_view

ABOUT = (
    "**Button Ad Studio** composes, previews and forecasts Facebook and Instagram ads with a "
    "WhatsApp Message or Call button. It previews and simulates: it never contacts Meta or "
    "WhatsApp, and its forecasts are simulated from published benchmarks, not Meta's "
    "predictions."
)
SIDEBAR_NOTE = "Previews and simulations only: nothing is sent to Meta or WhatsApp."
PAGE_CONFIGURED_KEY = "page_configured"
# The chrome every page shares (the phone's labelled menu button, tab strips that wrap).
SHELL_CSS = ASSETS / "shell.css"
# The sidebar's one menu: what a person does with the ad they made, from any page.
AD_ACTIONS = {"share": "Share link", "save": "Save draft", "copy": "Make a copy"}
AD_ACTION_ICONS = {
    "share": ":material/share:",
    "save": ":material/save:",
    "copy": ":material/content_copy:",
}


def configure_page() -> None:
    """Title, favicon, wide layout and the About text of the app menu, set on a session's
    first run: the browser keeps them over the session's reruns and page switches (the e2e
    suite checks the layout stays wide), so later reruns skip the work."""
    if st.session_state.get(PAGE_CONFIGURED_KEY):
        return
    st.session_state[PAGE_CONFIGURED_KEY] = True
    st.set_page_config(
        page_title="Button Ad Studio",
        page_icon=app_icon_uri(),
        layout="wide",
        initial_sidebar_state="auto",
        menu_items={"About": ABOUT},
    )


def shared_sidebar(ad: Campaign) -> None:
    """The sidebar under the navigation: the account (when sign-in is set up), then one menu to
    share the ad or save it as a draft; each opens a dialog, built only when chosen."""
    # A shared draft is read-only: it can be shared on or copied, never saved over.
    options = ["share", "copy"] if shared_view() else ["share", "save"]
    with st.sidebar:
        st.html(SHELL_CSS)
        account_control()
        action = st.menu_button(
            "Share or save",
            options=options,
            format_func=lambda option: f"{AD_ACTION_ICONS[option]} {AD_ACTIONS[option]}",
            key="sidebar_menu",
            icon=":material/ios_share:",
            width="stretch",
            help=SIDEBAR_NOTE,
        )
        if action == "share":
            share_dialog(ad)
        elif action == "save":
            save_dialog()
        elif action == "copy":
            make_copy()
            st.rerun()
