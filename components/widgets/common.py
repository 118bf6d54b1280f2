"""Controls every page shares: the notes a bad link raised, messages an action leaves for the
next run, and text from outside made safe for Markdown."""

from __future__ import annotations

import re

import streamlit as st

from components.session import (
    completed_runs,
    current_ad,
    dismiss_pictures_note,
    dismiss_url_notes,
    pictures_are_the_samples,
    url_notes,
)


def leave_message(key: str, kind: str, message: str) -> None:
    """A message for the next run to show (a callback cannot draw): see `pending_message`."""
    st.session_state[key] = (kind, message, None)


def pending_message(key: str) -> tuple[str, str]:
    """The (kind, message) left under `key`, for every run up to the first one that shows it
    and reaches its end; then ("", "").

    Popping it on display lost it whenever a newer rerun stopped the run that showed it
    (Streamlit drops the messages a stopped run had not sent): CI once waited 90 s for
    "list.json was not imported".
    """
    kind, message, shown_in = st.session_state.get(key, ("", "", None))
    if shown_in is not None and shown_in < completed_runs():
        del st.session_state[key]
        return "", ""
    if kind:
        st.session_state[key] = (kind, message, completed_runs())
    return kind, message


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
