"""Controls every page shares: the notes a bad link raised, messages an action leaves for the
next run, and (re-exported from `components.safe_markdown`) text from outside made safe for
Markdown: `markdown_code` for a user's string in any `st.*` text, `st.text` for a line that
is nothing else."""

from __future__ import annotations

import streamlit as st

from components.safe_markdown import markdown_code, markdown_text
from components.session import (
    completed_runs,
    current_ad,
    dismiss_pictures_note,
    dismiss_url_notes,
    pictures_are_the_samples,
    url_notes,
)

__all__ = [
    "PICTURES_NOTE",
    "leave_message",
    "markdown_code",
    "markdown_text",
    "pending_message",
    "url_notes_banner",
]


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
