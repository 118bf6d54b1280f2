"""Sharing a campaign: the share dialog (a short draft link, or the long link), and the
read-only view a draft link opens, with "Make a copy" to edit.

A short link is a saved draft's `?draft=<id>`: saving the draft behind it is what lets the
link carry the pictures. Without a drafts store (down, or signed out), the long link carries
the words and settings, and the dialog says the pictures will be the sample's.

A session that opened a draft through its link views it: it can make a copy (a new draft of
its own: its account's, or without sign-in its browser's guest space unless it is the
studio's owner) but never saves over, renames or deletes the draft it was shown; the store
refuses any of that for an owner other than the draft's, whatever the page offers.
"""

from __future__ import annotations

import streamlit as st

from components.campaign.model import Campaign, is_sample_art
from components.storage.owners import owner_kind
from components.storage.store import DraftConflict, StoreError
from components.ui.accounts import SignInRequired, draft_owner, drafts_store
from components.ui.common import leave_message, markdown_code, pending_message
from components.ui.copy_link import copy_link
from components.ui.drafts import share_link, signed_out
from components.ui.session import OpenDraft, current_campaign, open_draft, set_open_draft, share_url
from components.ui.workspace import SHARE_PROTECTS

SHARED_BANNER = "**You are viewing a shared campaign — Make a copy to edit.**"
SHORT_LINK_NOTE = (
    "Anyone with this link opens the saved campaign read-only: its words, pictures, "
    "targeting and budget, as saved. " + SHARE_PROTECTS
)
LONG_LINK_NOTE = (
    "This link carries the ad's words and settings, not its pictures: whoever opens it sees "
    "the sample's pictures."
)
LONG_LINK_NOTE_NO_OWN_PICTURES = (
    "This link carries the ad's words and settings; the pictures are the sample's, as here."
)
_SHARE_ERROR_KEY = "share_error"
_COPY_MESSAGE_KEY = "shared_copy_message"


def shared_view() -> bool:
    """Whether this session is viewing a draft it opened through a share link."""
    opened = open_draft()
    return bool(opened and opened.shared)


def _keep(draft_id: str, name: str, version: int, ad: Campaign) -> None:
    set_open_draft(OpenDraft(draft_id, name, version, False, ad))


def make_copy() -> None:
    """on_click of "Make a copy": save the shared campaign as a new draft of this visitor's
    own, and work on that from now on (the shared draft itself is never written)."""
    opened, ad = open_draft(), current_campaign()
    name = f"{opened.name if opened else ad.business or 'Untitled campaign'} (copy)"
    try:
        owner = draft_owner()
        info = drafts_store().save(owner, name, ad)
    except StoreError as error:  # SignInRequired included: it says where to sign in
        leave_message(_COPY_MESSAGE_KEY, "error", str(error))
        return
    _keep(info.id, info.name, info.version, ad)
    where = " (kept for this browser, in your guest space)" if owner_kind(owner) == "guest" else ""
    leave_message(
        _COPY_MESSAGE_KEY,
        "success",
        f"Copied as {markdown_code(info.name)}{where}: it is yours to edit and save.",
    )


def shared_view_banner() -> None:
    """On every page of a shared draft: it is read-only, and "Make a copy" to edit it. After
    the copy, once, what it was saved as."""
    kind, message = pending_message(_COPY_MESSAGE_KEY)
    if kind == "success":
        st.success(message, icon=":material/content_copy:")
    if not shared_view():
        return
    opened = open_draft()
    with st.container(key="shared_banner"):
        st.info(
            f"{SHARED_BANNER} {markdown_code(opened.name)} is read-only here: what you change "
            "is not saved to it.",
            icon=":material/visibility:",
        )
        if kind == "error":
            st.error(message, icon=":material/error:")
        st.button("Make a copy", key="shared_make_copy", on_click=make_copy, type="primary",
                  icon=":material/content_copy:")  # fmt: skip


def _short_link(ad: Campaign) -> str:
    """The draft link of the open draft when it holds exactly this ad, else ""."""
    opened = open_draft()
    return share_link(opened.id) if opened and opened.ad == ad else ""


def _save_for_link() -> None:
    """on_click of "Get a short link": save the campaign (a new version of the draft this
    session owns, else a new draft) so a draft link can carry it, pictures included."""
    st.session_state.pop(_SHARE_ERROR_KEY, None)
    ad, opened = current_campaign(), open_draft()
    try:
        if opened and not opened.shared:
            info = drafts_store().save(draft_owner(), opened.name, ad, opened.id, opened.version)
        else:
            info = drafts_store().save(draft_owner(), ad.business or "Untitled campaign", ad)
    except DraftConflict as conflict:
        st.session_state[_SHARE_ERROR_KEY] = (
            f"{conflict} Use Share or save → Save draft → “Save as a copy” to keep both."
        )
        return
    except StoreError as error:
        st.session_state[_SHARE_ERROR_KEY] = str(error)
        return
    _keep(info.id, info.name, info.version, ad)


def _store_ready() -> str:
    """ "" when a draft can be saved for a short link; else why not, in words."""
    if signed_out():
        return "Sign in to get a short link (it saves the campaign as a draft)."
    try:
        draft_owner()
        drafts_store().health()
    except SignInRequired as refusal:
        return str(refusal)
    except StoreError as error:
        return f"No short link now: {error}"
    return ""


def _long_link(ad: Campaign) -> None:
    own_pictures = any(data and not is_sample_art(data) for data in (ad.image, ad.story_image))
    copy_link(share_url(ad), key="share_long_link", label="Long link (no saving)")
    st.caption(LONG_LINK_NOTE if own_pictures else LONG_LINK_NOTE_NO_OWN_PICTURES)


@st.dialog("Share this ad")
def share_dialog(ad: Campaign) -> None:
    """A short link to copy (the saved draft's), or the button that saves one; the long link
    when there is no store; each with one sentence on what it carries."""
    link = _short_link(ad)
    if link:
        copy_link(link, key="share_short_link", label="Short link")
        st.caption(SHORT_LINK_NOTE)
        return
    why_not = _store_ready()
    if why_not:
        st.caption(why_not)
        _long_link(ad)
        return
    st.caption("A short link saves this campaign as a draft first, so the link carries its "
               "pictures too.")  # fmt: skip
    st.button("Save and get a short link", key="share_save", type="primary",
              icon=":material/link:", on_click=_save_for_link)  # fmt: skip
    error = st.session_state.get(_SHARE_ERROR_KEY)
    if error:
        st.error(error, icon=":material/error:")
    with st.expander("Or a long link, without saving"):
        _long_link(ad)
