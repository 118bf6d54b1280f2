"""Controls every page shares: the share-link dialog, the notes a bad link raised, and text
from outside made safe for Markdown."""

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
def share_dialog(ad: AdSpec) -> None:
    """The URL that reopens this exact ad (images excepted), ready to copy."""
    st.caption("Anyone with this link sees this ad and campaign. Images are not included.")
    st.code(share_url(ad), language=None, wrap_lines=True)


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
