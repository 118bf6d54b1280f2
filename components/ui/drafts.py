"""Saving, opening and sharing drafts, and JSON export/import: the controls and their callbacks.

Every store call is wrapped: a database that is down or read-only gives a message, and the
campaign stays in the session (and can be exported as JSON), never a traceback.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import streamlit as st
from streamlit.errors import StreamlitAuthError, StreamlitMissingAuthlibError

from components.campaign.campaign_file import (
    MAX_FILE_BYTES,
    CampaignFileError,
    export_json,
    import_json,
)
from components.campaign.images import MAX_STORED_BYTES, size_text, thumbnail_jpeg
from components.campaign.model import Campaign
from components.storage.store import MAX_NAME_CHARS, DraftConflict, DraftInfo, StoreError
from components.ui.accounts import (
    SIGN_IN_MESSAGE,
    SignInRequired,
    auth_configured,
    auth_providers,
    draft_owner,
    drafts_store,
    signed_in_user,
)
from components.ui.common import (
    file_uploader,
    leave_message,
    markdown_code,
    markdown_text,
    pending_message,
)
from components.ui.copy_link import copy_link
from components.ui.navigation import page_path
from components.ui.session import (
    OpenDraft,
    current_campaign,
    load_campaign,
    open_draft,
    set_open_draft,
)

FLASH_KEY = "drafts_flash"


def flash(kind: str, message: str) -> None:
    """A message for the next run (callbacks cannot draw)."""
    leave_message(FLASH_KEY, kind, message)


def show_flash() -> None:
    """Show what the last draft action did (until a run that showed it has finished)."""
    kind, message = pending_message(FLASH_KEY)
    if kind == "success":
        st.success(message, icon=":material/check_circle:")
    elif kind == "error":
        st.error(message, icon=":material/error:")
    elif kind == "info":
        st.info(message, icon=":material/info:")


def _remember(info: DraftInfo, ad: Campaign, shared: bool = False) -> None:
    set_open_draft(OpenDraft(info.id, info.name, info.version, shared, ad))


def save_current(as_copy: bool = False, prefix: str = "") -> None:
    """Save the session's campaign: a new version of the open draft, or a new draft."""
    ad = current_campaign()
    opened = open_draft()
    name = str(st.session_state.get(f"{prefix}draft_name", "")).strip()
    name = name or (opened.name if opened else "")
    name = name or ad.business or "Untitled campaign"
    try:
        if opened and not opened.shared and not as_copy:
            info = drafts_store().save(draft_owner(), name, ad, opened.id, opened.version)
        else:
            info = drafts_store().save(draft_owner(), name if not as_copy else f"{name} (copy)", ad)
    except DraftConflict as conflict:
        st.session_state["draft_conflict"] = True
        flash("error", f"{conflict} Use “Save as a copy” to keep both.")
        return
    except SignInRequired as refusal:
        flash("error", str(refusal))
        return
    except StoreError as error:
        flash("error", f"{error} Your campaign is still here: export it as JSON to keep it.")
        return
    st.session_state.pop("draft_conflict", None)
    _remember(info, ad)
    flash("success", f"Saved {markdown_code(info.name)}, version {info.version}.")


def open_saved(draft_id: str, version: int | None = None) -> None:
    """Open one of the owner's drafts (or an older version of it) into the session."""
    try:
        info, ad = drafts_store().open(draft_owner(), draft_id)
        if version is not None and version != info.version:
            ad = drafts_store().open_version(draft_owner(), draft_id, version)
    except StoreError as error:
        flash("error", str(error))
        return
    load_campaign(ad)
    _remember(info, ad)
    at = f", version {version}." if version else "."
    flash("info", f"Opened {markdown_code(info.name)}{at}")


def _guarded(action, success: str) -> bool:
    """Run a store action for the session's owner (the store refuses a draft that is not
    theirs); flash what happened, and say whether it was done."""
    try:
        action()
    except StoreError as error:
        flash("error", str(error))
        return False
    flash("success", success)
    return True


def duplicate(draft_id: str) -> None:
    """Copy a draft, history excepted."""
    _guarded(lambda: drafts_store().duplicate(draft_owner(), draft_id), "Duplicated.")


def rename(draft_id: str) -> None:
    """Rename a draft from its rename box."""
    name = st.session_state.get(f"rename_{draft_id}", "")
    _guarded(lambda: drafts_store().rename(draft_owner(), draft_id, name),
             f"Renamed to {markdown_code(name)}.")  # fmt: skip


def delete(draft_id: str) -> None:
    """Delete a draft (it can be brought back for a day)."""
    done = _guarded(lambda: drafts_store().delete(draft_owner(), draft_id),
                    "Deleted. Undo it under “Recently deleted” within a day.")  # fmt: skip
    opened = open_draft()
    if done and opened and opened.id == draft_id:  # a refused delete leaves the draft open
        set_open_draft(None)


def undelete(draft_id: str) -> None:
    """Bring a deleted draft back."""
    _guarded(lambda: drafts_store().undelete(draft_owner(), draft_id), "Restored.")


def restore(draft_id: str, number: int) -> None:
    """Make an old version the newest one, and open it."""
    try:
        info, _ = drafts_store().open(draft_owner(), draft_id)
        drafts_store().restore_version(draft_owner(), draft_id, number, info.version)
    except StoreError as error:
        flash("error", str(error))
        return
    open_saved(draft_id)
    flash("success", f"Version {number} restored as the newest version.")


# The importer is drawn under a new key after every file it processed (as the image slots are):
# it comes back empty, and the next file is the first of a new uploader. Choosing a second
# file in the same uploader lost it whenever the upload took longer than the rerun that
# removing the first one starts (a 20 MB file after a small one: no message at all, measured
# with Streamlit 1.67).
_IMPORT_ROUND_KEY = "import_round"


def _import_key() -> str:
    return f"import_file_{st.session_state.get(_IMPORT_ROUND_KEY, 0)}"


def import_file(widget_key: str) -> None:
    """Import a campaign file; nothing changes unless the whole file is valid."""
    upload = st.session_state.get(widget_key)
    if upload is None:
        return
    st.session_state[_IMPORT_ROUND_KEY] = st.session_state.get(_IMPORT_ROUND_KEY, 0) + 1
    try:
        ad = import_json(upload.getvalue())
    except CampaignFileError as error:
        flash("error", f"{markdown_code(upload.name)} was not imported: {error}")
        return
    load_campaign(ad)
    set_open_draft(None)
    flash("success", f"Imported {markdown_code(upload.name)}. Save it to keep it as a draft.")


def share_link(draft_id: str) -> str:
    """The read-only link of a draft, on this server."""
    scheme, netloc, _, _, _ = urlsplit(st.context.url or "http://localhost:8501/")
    return urlunsplit((scheme, netloc, "/", f"draft={draft_id}", ""))


@st.dialog("Save draft", width="large")
def save_dialog() -> None:
    """Name and save the campaign from any page, with a link to every draft."""
    show_flash()
    save_panel(prefix="sidebar_")
    st.page_link(page_path("campaigns"), label="All drafts", icon=":material/folder_open:")


def _sign_in(provider: str | None) -> None:
    try:
        if provider:
            st.login(provider)
        else:
            st.login()
    except StreamlitMissingAuthlibError:
        st.error("Sign-in is set up in secrets.toml, but the server lacks the Authlib package "
                 "(`pip install \"Authlib>=1.3.2\"`).", icon=":material/error:")  # fmt: skip
    except StreamlitAuthError as error:
        st.error(f"Sign-in is not set up correctly: {error}", icon=":material/error:")


def account_control() -> None:
    """The sidebar's account control, when sign-in (`[auth]` in secrets.toml) is set up:
    "Sign in" while signed out; who is signed in and "Sign out" after. Without sign-in set up
    it draws nothing and the app stays one local workspace."""
    if not auth_configured():
        return
    user = signed_in_user()
    if user is None:
        providers = auth_providers()
        for provider in providers:
            slug = provider or "default"
            shown = slug[:1].upper() + slug[1:]
            label = "Sign in" if len(providers) == 1 else f"Sign in with {shown}"
            if st.button(label, key=f"sign_in_{slug}", width="stretch",
                         icon=":material/login:", type="primary"):  # fmt: skip
                _sign_in(provider)
        st.caption("Sign in to save drafts; yours are seen by you alone.")
        return
    name = str(user.get("name") or user.get("email") or "your account")
    email = str(user.get("email") or "")
    who = markdown_code(name) + (f"  \n{markdown_code(email)}" if email != name else "")
    st.caption(f"Signed in as {who}")
    if st.button("Sign out", key="sign_out", icon=":material/logout:", width="stretch"):
        set_open_draft(None)  # the open draft is the account's; the session keeps none of it
        st.logout()


def signed_out() -> bool:
    """Sign-in is set up and nobody is signed in: drafts can be neither saved nor listed."""
    return auth_configured() and signed_in_user() is None


def sign_in_notice() -> None:
    """Why drafts are refused while signed out, and where to sign in."""
    st.warning(SIGN_IN_MESSAGE, icon=":material/lock:")


def save_panel(prefix: str = "") -> None:
    """Name and save the current campaign; on a conflict, offer to keep both.

    `prefix` keeps the keys apart when the sidebar's copy and the Campaigns page's both show.
    Signed out (with sign-in set up), it says why saving is refused and its buttons are off.
    """
    opened = open_draft()
    if opened and opened.shared:
        # Read-only: the banner's "Make a copy" (every page) is the one way to save it.
        st.caption("This shared campaign is read-only: “Make a copy” (above) saves one of your "
                   "own to edit.")  # fmt: skip
        return
    locked = signed_out()
    if locked:
        sign_in_notice()
    name_key = f"{prefix}draft_name"
    st.session_state.setdefault(name_key, opened.name if opened else current_campaign().business)
    # Wide enough for "Save as a copy" whole at 1024 px with the sidebar open.
    cols = st.columns([2, 1.2, 1.2], vertical_alignment="bottom")
    cols[0].text_input("Draft name", key=name_key, max_chars=MAX_NAME_CHARS)
    label = "Save" if opened else "Save as draft"
    cols[1].button(label, on_click=save_current, kwargs={"prefix": prefix},
                   key=f"{prefix}draft_save", type="primary", icon=":material/save:",
                   width="stretch", disabled=locked)  # fmt: skip
    cols[2].button("Save as a copy", on_click=save_current,
                   kwargs={"as_copy": True, "prefix": prefix}, key=f"{prefix}draft_save_copy",
                   width="stretch",
                   disabled=locked
                   or not (opened or st.session_state.get("draft_conflict")))  # fmt: skip
    if opened:
        changed = " · unsaved changes" if opened.ad != current_campaign() else ""
        st.caption(f"Working on {markdown_code(opened.name)}, version {opened.version}{changed}.")


def export_import_panel() -> None:
    """Download the campaign as JSON, or import one."""
    ad = current_campaign()
    cols = st.columns(2)
    cols[0].download_button(
        "Export this campaign (JSON)", data=lambda: export_json(ad),
        file_name=f"{(ad.business or 'campaign').strip().replace(' ', '-')[:40]}.json",
        mime="application/json", on_click="ignore", key="export_json",
        icon=":material/download:", width="stretch",
    )  # fmt: skip
    # The container's key stays while the uploader's changes: pages and tests find it.
    with cols[1], st.container(key="import_file"):
        widget_key = _import_key()
        file_uploader(
            f"Import a campaign file (JSON, up to {size_text(MAX_FILE_BYTES)})",
            limit_text=f"A file can be up to {size_text(MAX_FILE_BYTES)}: any campaign this "
            f"studio exports fits (three images of at most {size_text(MAX_STORED_BYTES)} "
            "each, and its text).",
            type=["json"],
            key=widget_key,
            on_change=import_file,
            args=(widget_key,),
        )


# A draft's picture in the list: small and bounded (a JPEG of THUMBNAIL_PX a side, a few
# kilobytes, shown at THUMBNAIL_SHOWN_PX so it stays sharp on a 2× screen), made once per
# draft version and kept for every session of the same owner.
THUMBNAIL_PX = 112
THUMBNAIL_SHOWN_PX = 56


@st.cache_data(max_entries=512, show_spinner=False)
def _cached_thumbnail(owner: str, draft_id: str, version: int) -> bytes | None:
    """The draft's ad image (else its Stories image, else its logo) as a thumbnail. The owner
    is part of the key, so a thumbnail is only ever served to the owner that opened it; a
    store error is raised, never cached."""
    _, ad = drafts_store().open(owner, draft_id)
    picture = ad.image or ad.story_image or ad.logo
    return thumbnail_jpeg(picture, THUMBNAIL_PX) if picture else None


def _draft_heading(info: DraftInfo, current: str) -> None:
    """A draft's thumbnail, its name as plain text (`st.text` reads no Markdown: a name that
    holds a link, an image or a bare URL shows as typed), and when it was saved."""
    try:
        thumbnail = _cached_thumbnail(draft_owner(), info.id, info.version)
    except StoreError:
        thumbnail = None  # the row still works; the picture comes back with the database
    picture, words = st.columns([1, 4], vertical_alignment="center", gap="small")
    if thumbnail:
        picture.image(thumbnail, width=THUMBNAIL_SHOWN_PX)
    else:
        picture.caption("No image")
    with words.container(key=f"draft_title_{info.id.encode().hex()}"):
        st.text(info.name)
    words.caption(f"version {info.version} · saved {info.updated_at:%d %b %Y, %H:%M} UTC{current}")


def draft_row(info: DraftInfo) -> None:
    """One saved draft: open, duplicate, rename, delete, share, and its history."""
    opened = open_draft()
    current = " · open now" if opened and opened.id == info.id else ""
    with st.container(border=True, key=f"draft_{info.id}"):
        cols = st.columns([4, 1, 1, 1, 1, 1], vertical_alignment="center")
        with cols[0]:
            _draft_heading(info, current)
        cols[1].button("Open", key=f"open_{info.id}", on_click=open_saved, args=(info.id,),
                       width="stretch")  # fmt: skip
        cols[2].button("Duplicate", key=f"dup_{info.id}", on_click=duplicate, args=(info.id,),
                       width="stretch")  # fmt: skip
        with cols[3].popover("Rename", width="stretch"):
            st.text_input(
                "New name", value=info.name, key=f"rename_{info.id}", max_chars=MAX_NAME_CHARS
            )
            st.button("Rename", key=f"do_rename_{info.id}", on_click=rename, args=(info.id,))
        with cols[4].popover("Share", width="stretch"):
            # A component's key may not hold "__", which a draft id can: its hex stands in.
            copy_link(share_link(info.id), key=f"share_link_{info.id.encode().hex()}",
                      label="Read-only link")  # fmt: skip
            st.caption("Anyone with this link can open this draft read-only.")
        cols[5].button("Delete", key=f"del_{info.id}", on_click=delete, args=(info.id,),
                       width="stretch")  # fmt: skip
        with st.expander("History"):
            try:
                versions = drafts_store().versions(draft_owner(), info.id)
            except StoreError as error:
                st.error(str(error))
                return
            for version in versions:
                line = st.columns([4, 1], vertical_alignment="center")
                changed = ", ".join(version.changed) or "first save"
                line[0].caption(
                    f"Version {version.number} · {version.saved_at:%d %b %Y, %H:%M} UTC · "
                    f"{markdown_text(changed)}"
                )
                if version.number != info.version:
                    line[1].button("Restore", key=f"restore_{info.id}_{version.number}",
                                   on_click=restore, args=(info.id, version.number))  # fmt: skip


def deleted_row(info: DraftInfo) -> None:
    """A recently deleted draft, with Undo."""
    cols = st.columns([5, 1], vertical_alignment="center")
    cols[0].markdown(f"~~{markdown_code(info.name)}~~ · deleted {info.deleted_at:%d %b, %H:%M} UTC")
    cols[1].button("Undo", key=f"undo_{info.id}", on_click=undelete, args=(info.id,),
                   width="stretch")  # fmt: skip
