"""The Campaigns page (`app_pages/campaigns.py` runs `campaigns_page`).

Campaigns: save, reopen and share drafts; export and import campaign files.

- save the current campaign (a new version of the open draft, or a new draft); a draft
  changed elsewhere since it was opened is never overwritten: save a copy to keep both;
- the owner's drafts, searchable: open, duplicate, rename, delete (undo for a day), share a
  read-only link, and each draft's history with restore;
- JSON export and a validated import.

With sign-in set up, drafts are the signed-in account's; signed out, saving and listing are
refused with a message (a share link still opens a draft read-only; export still works).
Without sign-in, they are the studio owner's, or a guest browser's own; the page says which,
and what that protects, in one sentence.
"""

import streamlit as st

from components.storage.store import StoreError
from components.ui.accounts import SignInRequired, draft_owner, drafts_store
from components.ui.common import markdown_code
from components.ui.drafts import (
    deleted_row,
    draft_row,
    export_import_panel,
    save_panel,
    show_flash,
    signed_out,
)
from components.ui.handoff import handoff_section
from components.ui.session import current_campaign
from components.ui.share import shared_view
from components.ui.workspace import what_is_protected


def campaigns_page() -> None:
    """Campaigns: save, reopen and share drafts; export and import campaign files."""
    st.title("Campaigns", anchor=False)
    show_flash()
    save_panel()

    st.header("Your drafts", anchor=False)
    protected = what_is_protected()
    if protected:
        st.caption(protected)
    if shared_view():
        # A share link shows its one campaign: it lists nothing of the workspace it came from.
        if not protected:
            st.caption(
                "A shared link shows only the campaign it points to. Make a copy to keep it."
            )
        drafts, deleted, search = [], [], ""
    elif signed_out():
        # Nobody is signed in, so there is no one's list to show (save_panel above says why).
        st.caption("Sign in (in the sidebar) to see your drafts.")
        drafts, deleted, search = [], [], ""
    else:
        # The placeholder is an instruction, not a name: a sample word ("bakery") read as one
        # already typed.
        search = st.text_input(
            "Search drafts by name", key="drafts_search", placeholder="Type part of a name"
        )
        everything: list = []
        try:
            owner = draft_owner()
            drafts = drafts_store().list(owner, search)
            everything = drafts_store().list(owner, include_deleted=True)
            deleted = [info for info in everything if info.deleted_at is not None]
        except SignInRequired as refusal:
            st.warning(str(refusal), icon=":material/lock:")
            drafts, deleted = [], []
        except StoreError as error:
            st.error(
                f"The drafts database cannot be reached: {error} Your campaign is still open; "
                "export it as JSON below so nothing is lost.",
                icon=":material/cloud_off:",
            )
            drafts, deleted = [], []
        kept = len(everything) - len(deleted)
        if not drafts and not search.strip():
            st.caption("No drafts yet. Save the campaign above to keep it.")
        elif not drafts:
            with st.container(key="drafts_no_match"):
                st.info(
                    f"No draft's name contains {markdown_code(search.strip())}. "
                    + (
                        f"Clear the search box to see all {kept} of your drafts."
                        if kept
                        else "You have no saved drafts yet."
                    ),
                    icon=":material/search_off:",
                )
    # Each row draws a dozen widgets: show the drafts a page at a time.
    DRAFTS_PER_PAGE = 20
    shown = st.session_state.get("drafts_shown", DRAFTS_PER_PAGE)
    for info in drafts[:shown]:
        draft_row(info)
    if len(drafts) > shown:
        st.button(
            f"Show more ({len(drafts) - shown} not shown)",
            key="drafts_more",
            on_click=lambda: st.session_state.update(drafts_shown=shown + DRAFTS_PER_PAGE),
        )
    if deleted:
        with st.expander(f"Recently deleted ({len(deleted)})", icon=":material/delete:"):
            for info in deleted:
                deleted_row(info)

    st.header("Export and import", anchor=False)
    export_import_panel()

    handoff_section(current_campaign(), key="campaigns_handoff")
