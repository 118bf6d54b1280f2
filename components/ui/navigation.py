"""The app's pages: the one `PAGES` table, the navigation over it, each page's next step.

A page is named here and nowhere else: the navigation, the next-step links, any page link
elsewhere and the tests read its script path and URL path from `PAGES`.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.navigation.page import StreamlitPage


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
