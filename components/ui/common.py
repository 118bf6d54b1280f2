"""Controls every page shares: the notes a bad link raised, messages an action leaves for the
next run, and (re-exported from `components.campaign.quoting`) text from outside made safe for
Markdown: `markdown_code` for a user's string in any `st.*` text, `st.text` for a line that
is nothing else."""

from __future__ import annotations

import streamlit as st

from components.campaign.quoting import markdown_code, markdown_text
from components.ui.session import (
    completed_runs,
    current_campaign,
    dismiss_pictures_note,
    dismiss_url_notes,
    pictures_are_the_samples,
    url_notes,
)

__all__ = [
    "PICTURES_NOTE",
    "file_uploader",
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


# Streamlit's uploader refuses a file over its own limit in the browser, with a red chip whose
# reason ("File must be 40.0MB or smaller.") is a visually hidden alert shown only as a tooltip;
# its hint ("Limit 40MB per file") states the server's limit, not the app's. The hint is hidden
# (the label or help says the app's limit) and the reason is shown under the chip, in words.
_UPLOADER_CSS = """<style>
[data-testid='stFileUploaderDropzoneInstructions']{display:none}
[data-testid='stFileChip'][aria-invalid='true']{flex-wrap:wrap;height:auto;max-width:100%}
[data-testid='stFileChip'][aria-invalid='true'] [role='alert']{position:static;width:auto;
height:auto;clip:auto;clip-path:none;overflow:visible;white-space:normal;margin:2px 0 0;
flex-basis:100%;font-size:0.85rem;color:#b3261e}
</style>"""


def server_upload_limit_mb() -> int:
    """The server's upload limit, `server.maxUploadSize` (MB as Streamlit counts it: MiB on
    the server, while the uploader in the browser refuses above that many million bytes)."""
    return int(st.get_option("server.maxUploadSize"))


def file_uploader(label: str, *, limit_text: str, **options):
    """`st.file_uploader` with the app's limit said in words and nothing raw past it.

    The widget's own limit is the server's, above the app's (tests/unit/test_limits.py), so a
    file over the app's limit reaches the app's check and is refused in the app's words, and
    the browser never sends more than the server takes (no raw "413"); past the server's limit
    the uploader's own refusal is shown in words under the file. `limit_text` is the app's
    limit, in the field's help.
    """
    st.html(_UPLOADER_CSS)
    help_text = options.pop("help", "")
    return st.file_uploader(
        label,
        max_upload_size=server_upload_limit_mb(),
        help=f"{help_text} {limit_text}".strip(),
        **options,
    )


PICTURES_NOTE = (
    "A share link carries the ad's words and settings, not its pictures: the pictures shown "
    "are the sample's. Add your own under **Compose → Images**, or open a saved draft's link, "
    "which brings them."
)


def url_notes_banner() -> None:
    """Tell the person, once, which share-link parameters could not be used, and, while the
    sample's pictures stand in for the ones a share link cannot carry, say so."""
    if pictures_are_the_samples(current_campaign()):
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
