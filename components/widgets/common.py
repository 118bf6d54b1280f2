"""Controls every page shares: the share link and the notes a bad link raised."""

from __future__ import annotations

import re

import streamlit as st

from components.ad import AdSpec
from components.session import dismiss_url_notes, share_url, url_notes


def markdown_text(text: str) -> str:
    """Text from outside (a file name, a draft name) made inert in Markdown: every character
    Markdown would act on is escaped, so it shows as typed."""
    specials = "\\`*_{}[]()#+-.!|<>~$:"
    return "".join(f"\\{char}" if char in specials else char for char in text)


def markdown_code(text: str) -> str:
    """Text from outside as a Markdown code span: shown exactly as typed, never formatted or
    turned into a link (bare URLs in plain Markdown text are linked even when escaped)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text.replace(chr(10), ' ')} {fence}"


@st.dialog("Share this ad")
def _share_dialog(ad: AdSpec) -> None:
    st.caption("Anyone with this link sees this ad and campaign. Images are not included.")
    st.code(share_url(ad), language=None, wrap_lines=True)


def share_link_control(ad: AdSpec) -> None:
    """The "Share link" control: the URL that reopens this exact ad (images excepted).

    A dialog, not a popover: its contents are built only when it is opened, not on every
    keystroke's rerun.
    """
    if st.button("Share link", icon=":material/share:", key="open_share", width="stretch"):
        _share_dialog(ad)


def url_notes_banner() -> None:
    """Tell the person, once, which share-link parameters could not be used."""
    notes = url_notes()
    if not notes:
        return
    with st.container(key="url_notes"):
        st.warning(
            "Some parts of this link could not be used:\n\n"
            + "\n".join(f"- {note}" for note in notes),
            icon=":material/link:",
        )
        st.button("Dismiss", key="dismiss_url_notes", on_click=dismiss_url_notes)
