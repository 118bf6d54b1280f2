"""What every page shares: page config, the navigation and the sidebar (account, share, save).

`app.py` calls these in order; they live here, imported once, rather than in the entry script,
which Streamlit re-reads on every rerun.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.navigation.page import StreamlitPage

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


@dataclass(frozen=True)
class PageEntry:
    """One page of the app: its script, title, icon and URL path ("" for Compose)."""

    path: str
    title: str
    icon: str
    url_path: str


# The one table of the app's pages: the navigation, the next-step links and any page link
# elsewhere read their script paths here.
PAGES: dict[str, PageEntry] = {
    entry.url_path or "compose": entry
    for entry in (
        PageEntry("app_pages/compose.py", "Compose", ":material/edit_note:", ""),
        PageEntry("app_pages/preview.py", "Preview", ":material/devices:", "preview"),
        PageEntry("app_pages/targeting.py", "Targeting", ":material/public:", "targeting"),
        PageEntry("app_pages/engagement.py", "Engagement", ":material/insights:", "engagement"),
        PageEntry("app_pages/campaigns.py", "Campaigns", ":material/folder_open:", "campaigns"),
        PageEntry(
            "app_pages/walkthrough.py", "Walkthrough", ":material/co_present:", "walkthrough"
        ),
        PageEntry("app_pages/model.py", "Model & assumptions", ":material/functions:", "model"),
    )
}
# Where each page leads next, and what the link says: Compose → Preview → Targeting →
# Engagement → save it; the reference pages lead back into the flow. The Walkthrough has its
# own Back/Next.
NEXT_STEPS: dict[str, tuple[str, str]] = {
    "compose": ("preview", "Next: see it in every placement"),
    "preview": ("targeting", "Next: choose where it runs"),
    "targeting": ("engagement", "Next: forecast what it brings"),
    "engagement": ("campaigns", "Next: save or share the campaign"),
    "campaigns": ("compose", "Back to Compose"),
    "model": ("engagement", "Back to the forecast"),
}


def page_path(name: str) -> str:
    """The script path of a page named in `PAGES` ("compose", "preview", …)."""
    return PAGES[name].path


def _pages() -> list:
    return [
        st.Page(entry.path, title=entry.title, icon=entry.icon, default=True)
        if not entry.url_path
        else st.Page(entry.path, title=entry.title, icon=entry.icon, url_path=entry.url_path)
        for entry in PAGES.values()
    ]


def next_step(page: StreamlitPage) -> None:
    """At the bottom of a page, the button to the next step of making the ad."""
    name = page.url_path or "compose"
    if name not in NEXT_STEPS:
        return
    target, label = NEXT_STEPS[name]
    st.divider()
    row = st.container(key="next_step", horizontal=True, horizontal_alignment="right")
    # A bordered box makes the link read as the page's closing button.
    with row.container(border=True, width="content"):
        st.page_link(page_path(target), label=label, icon=":material/arrow_forward:",
                     icon_position="right")  # fmt: skip


def app_navigation() -> StreamlitPage:
    """The navigation over the app's pages; returns the page to run.

    The st.Page list is built once per session: st.Page resolves its script's path on the disk
    each time it is made, a cost every rerun would pay seven times.
    """
    if "nav_pages" not in st.session_state:
        st.session_state["nav_pages"] = _pages()
    return st.navigation(st.session_state["nav_pages"])


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
            key="ad_actions",
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
