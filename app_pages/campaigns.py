"""Campaigns: save, reopen and share drafts; export and import campaign files.

- save the current campaign (a new version of the open draft, or a new draft); a draft
  changed elsewhere since it was opened is never overwritten: save a copy to keep both;
- the owner's drafts, searchable: open, duplicate, rename, delete (undo for a day), share a
  read-only link, and each draft's history with restore;
- JSON export and a validated import.

With sign-in set up, drafts are the signed-in account's; signed out, saving and listing are
refused with a message (a share link still opens a draft read-only; export still works).
"""

from components.widgets.page_campaigns import campaigns_page

campaigns_page()
