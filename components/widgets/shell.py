"""What every page shares: page config, the navigation and the sidebar (account, share, save).

`app.py` calls these in order; they live here, imported once, rather than in the entry script,
which Streamlit re-reads on every rerun.
"""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from components.ad import AdSpec
from components.icons import app_icon_uri
from components.widgets.common import share_dialog
from components.widgets.drafts import account_control, save_dialog

ABOUT = (
    "**Button Ad Studio** composes, previews and forecasts Facebook and Instagram ads with a "
    "WhatsApp Message or Call button. It previews and simulates: it never contacts Meta or "
    "WhatsApp, and its forecasts are simulated from published benchmarks, not Meta's "
    "predictions."
)
SIDEBAR_NOTE = "Previews and simulations only: nothing is sent to Meta or WhatsApp."
PAGE_CONFIGURED_KEY = "page_configured"
# The sidebar's one menu: what a person does with the ad they made, from any page.
AD_ACTIONS = {"share": "Share link", "save": "Save draft"}
AD_ACTION_ICONS = {"share": ":material/share:", "save": ":material/save:"}


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


def _pages() -> list:
    return [
        st.Page("app_pages/compose.py", title="Compose", icon=":material/edit_note:", default=True),
        st.Page(
            "app_pages/preview.py", title="Preview", icon=":material/devices:", url_path="preview"
        ),
        st.Page(
            "app_pages/targeting.py",
            title="Targeting",
            icon=":material/public:",
            url_path="targeting",
        ),
        st.Page(
            "app_pages/engagement.py",
            title="Engagement",
            icon=":material/insights:",
            url_path="engagement",
        ),
        st.Page(
            "app_pages/campaigns.py",
            title="Campaigns",
            icon=":material/folder_open:",
            url_path="campaigns",
        ),
        st.Page(
            "app_pages/walkthrough.py",
            title="Walkthrough",
            icon=":material/co_present:",
            url_path="walkthrough",
        ),
        st.Page(
            "app_pages/model.py",
            title="Model & assumptions",
            icon=":material/functions:",
            url_path="model",
        ),
    ]


def app_navigation() -> StreamlitPage:
    """The navigation over the app's pages; returns the page to run.

    The st.Page list is built once per session: st.Page resolves its script's path on the disk
    each time it is made, a cost every rerun would pay seven times.
    """
    if "nav_pages" not in st.session_state:
        st.session_state["nav_pages"] = _pages()
    return st.navigation(st.session_state["nav_pages"])


def shared_sidebar(ad: AdSpec) -> None:
    """The sidebar under the navigation: the account (when sign-in is set up), then one menu to
    share the ad or save it as a draft; each opens a dialog, built only when chosen."""
    with st.sidebar:
        account_control()
        action = st.menu_button(
            "Share or save",
            options=list(AD_ACTIONS),
            format_func=lambda option: f"{AD_ACTION_ICONS[option]} {AD_ACTIONS[option]}",
            key="ad_actions",
            icon=":material/ios_share:",
            width="stretch",
            help=SIDEBAR_NOTE,
        )
        if action == "share":
            share_dialog(ad)
        elif action == "save":
            save_dialog()
