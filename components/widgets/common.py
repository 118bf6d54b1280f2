"""Controls every page shares: the notes a bad link raised, and text from outside made safe
for Markdown."""

from __future__ import annotations

import re

import streamlit as st

from components.session import (
    current_ad,
    dismiss_pictures_note,
    dismiss_url_notes,
    pictures_are_the_samples,
    url_notes,
)


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


PICTURES_NOTE = (
    "A share link carries the ad's words and settings, not its pictures: the pictures shown "
    "are the sample's. Add your own under **Compose → Images**, or open a saved draft's link, "
    "which brings them."
)


def url_notes_banner() -> None:
    """Tell the person, once, which share-link parameters could not be used, and, while the
    sample's pictures stand in for the ones a share link cannot carry, say so."""
    if pictures_are_the_samples(current_ad()):
        with st.container(key="pictures_note"):
            st.info(PICTURES_NOTE, icon=":material/image:")
            st.button("Dismiss", key="dismiss_pictures_note", on_click=dismiss_pictures_note)
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
