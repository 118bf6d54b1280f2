"""The Ads Manager handoff: the composed campaign as Meta's Marketing API (v25.0) takes it.

A package because the handoff is four jobs that each read best alone:

- `meta`: the API version, field values, currency offsets and placement names, each with the
  reference it was read from (and the few assumptions, said as such);
- `build`: Campaign → the handoff document (image upload, campaign, ad set, ad creative, ad;
  all paused, with placeholders for the account, the Page and every returned id);
- `curl`: the document as curl commands whose every value is single-quoted data;
- `read`: a handoff file back into a campaign (Campaigns → Import);
- `summary`: the owner's plain-language summary and what Ads Manager will still ask.

Nothing here contacts Meta, and no token is ever asked for or held.
"""

from components.handoff.build import (
    FORMAT,
    FORMAT_VERSION,
    Handoff,
    HandoffError,
    build_handoff,
    handoff_json,
)
from components.handoff.curl import curl_script, request_arguments, shell_quote
from components.handoff.meta import API_VERSION, REFERENCES
from components.handoff.read import CARRIED_NOT, campaign_from_handoff
from components.handoff.summary import ChecklistItem, checklist, owner_summary

__all__ = [
    "API_VERSION",
    "CARRIED_NOT",
    "FORMAT",
    "FORMAT_VERSION",
    "REFERENCES",
    "ChecklistItem",
    "Handoff",
    "HandoffError",
    "build_handoff",
    "campaign_from_handoff",
    "checklist",
    "curl_script",
    "handoff_json",
    "owner_summary",
    "request_arguments",
    "shell_quote",
]
