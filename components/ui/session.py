"""The session's campaign: read from the share link, kept, loaded, and written back to the URL.

The session holds one `Campaign` under `ad`. On the first run of a session it is read from the
URL's share-link parameters (over the default sample ad, or a shared draft); after every run
the URL is rewritten from it, so the address bar is always a link that reopens what is on
screen. The session also keeps the notes the link raised and the draft it has open.
Who owns the drafts is `components.ui.accounts`; the forecasts, `components.ui.forecast_cache`;
served files, `components.ui.media`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

import streamlit as st

from components.campaign.model import (
    Campaign,
    from_query_params,
    is_sample_art,
    to_query_params,
)
from components.campaign.samples import linked_sample_slug, sample_slug
from components.storage.store import StoreError
from components.ui.accounts import drafts_store, identify_browser

AD_KEY = "ad"
NOTES_KEY = "url_notes"
# Set when the session opened from a share link: it carries the words, not the pictures.
LINK_PICTURES_KEY = "link_without_pictures"
DRAFT_KEY = "draft"
# The sample business the ad started from: a `sample=<slug>` link's, or the one the Walkthrough
# loaded last ("" = none or unknown).
SAMPLE_KEY = "started_from_sample"


@dataclass(frozen=True)
class OpenDraft:
    """The draft this session opened: saves go to it (unless it came through a share link)."""

    id: str
    name: str
    version: int
    shared: bool
    ad: Campaign


RUNS_KEY = "completed_runs"


def completed_runs() -> int:
    """How many of this session's runs reached their end (see `end_run`)."""
    return st.session_state.get(RUNS_KEY, 0)


def end_run() -> None:
    """Count a run that reached the end of the script. A run stopped by a newer rerun never
    gets here, and Streamlit drops what it had not yet sent; a once-only message shown in
    such a run must be shown again (see `drafts.show_flash`)."""
    st.session_state[RUNS_KEY] = completed_runs() + 1


def init_session() -> Campaign:
    """Create the session's ad from the URL on its first run; return the current ad."""
    if AD_KEY not in st.session_state:
        try:
            params = {key: st.query_params.get_all(key) for key in st.query_params}
        except Exception:  # a URL Streamlit itself could not decode
            params = {}
            st.session_state[NOTES_KEY] = ["The link could not be read; showing the sample ad."]
        identity = identify_browser(params)
        if identity.note:  # what happened to a claim link, said once
            st.session_state.setdefault(NOTES_KEY, []).append(identity.note)
        base = _shared_draft(params)
        # Without a draft, the link's `sample=<slug>` (else the default ad) is the base.
        ad, notes = from_query_params(params, base)
        st.session_state[AD_KEY] = ad
        st.session_state[SAMPLE_KEY] = linked_sample_slug(params) if base is None else ""
        # A link with the ad's words shows them over the sample's pictures (a draft link brings
        # its own; one that only picks countries or a budget shows the sample ad whole).
        st.session_state[LINK_PICTURES_KEY] = base is None and bool(
            set(params) & {"business", "text", "headline", "description"}
        )
        st.session_state.setdefault(NOTES_KEY, []).extend(notes)
    return st.session_state[AD_KEY]


def _shared_draft(params: dict) -> Campaign | None:
    """The draft a `?draft=<id>` link points at, opened read-only; None (with a note) if not."""
    values = params.get("draft") or []
    draft_id = values[0] if values else ""
    if not draft_id:
        return None
    try:
        info, ad = drafts_store().open_shared(draft_id)
    except StoreError as error:
        st.session_state.setdefault(NOTES_KEY, []).append(
            f"The shared draft could not be opened: {error}"
        )
        return None
    st.session_state[DRAFT_KEY] = OpenDraft(info.id, info.name, info.version, True, ad)
    return ad


# Field values a widget's callback handed over since the campaign was last read.
EDITS_KEY = "campaign_edits"


def record_edit(**changes: object) -> None:
    """What a widget's callback returns: new values of Campaign fields, as data.

    A callback runs before the script, outside the page that will read the campaign (and a
    typing pause can coincide with a click on another page), so it cannot hand its value to
    the page; it records it here, and the session folds it in the next time the campaign is
    read, on whichever page that is. Nothing typed is lost to a page switch.
    """
    st.session_state.setdefault(EDITS_KEY, {}).update(changes)


def current_campaign() -> Campaign:
    """The campaign this session is working on, with the edits recorded since it was read."""
    ad = init_session()
    edits = st.session_state.pop(EDITS_KEY, None)
    if edits:
        ad = st.session_state[AD_KEY] = replace(ad, **edits)
    return ad


def set_campaign(ad: Campaign) -> None:
    """Replace the session's campaign with the one a page's widgets describe (pages call this
    after their widgets have run)."""
    st.session_state[AD_KEY] = ad


# The one registry of widget keys that mirror the campaign: a key family (its prefix) per
# module that draws them. Loading another campaign clears exactly these, so every page
# re-seeds its widgets from it; any other key (the sidebar's menu, the Walkthrough's step,
# a dialog's state) survives. tests/ui checks every widget key against it.
CAMPAIGN_WIDGET_KEYS: dict[str, str] = {
    "ad_": "components.ui.composer: the form's fields and uploaders",
    "hours_": "components.ui.preview: the business-hours editor",
    "tap_": "components.ui.preview: the moment of the tap",
    "tgt_": "components.ui.location, components.ui.pages.targeting: where the ad runs",
    "eng_": "components.ui.forecast, components.ui.pages.engagement: the forecast's settings",
}


def load_campaign(ad: Campaign) -> None:
    """Make `ad` the session's ad (a sample, a draft, an import), dropping widget values
    that describe the previous one. Call it from a callback, before widgets are drawn."""
    state = st.session_state
    for name in list(state.keys()):
        if isinstance(name, str) and name.startswith(tuple(CAMPAIGN_WIDGET_KEYS)):
            del state[name]
    state.pop(EDITS_KEY, None)  # edits of the campaign before
    state[AD_KEY] = ad


def url_notes() -> list[str]:
    """Notes about share-link parameters that could not be used."""
    return list(st.session_state.get(NOTES_KEY, []))


def pictures_are_the_samples(ad: Campaign) -> bool:
    """Whether the session opened from a share link (which carries no pictures) and the ad
    still shows the sample's."""
    return bool(st.session_state.get(LINK_PICTURES_KEY)) and is_sample_art(ad.image)


def dismiss_pictures_note() -> None:
    """Forget the share link's note about the pictures."""
    st.session_state[LINK_PICTURES_KEY] = False


def dismiss_url_notes() -> None:
    """Forget the share-link notes once the person has read them."""
    st.session_state[NOTES_KEY] = []


def sync_url(ad: Campaign) -> None:
    """Rewrite the address bar's query string from the ad, when it differs.

    While a shared draft is on screen unchanged, the address stays its `?draft=` link.
    """
    opened = open_draft()
    if opened and opened.shared and opened.ad == ad:
        wanted = {"draft": opened.id}
    else:
        wanted = to_query_params(ad)
    try:
        current = st.query_params.to_dict()
    except Exception:
        current = {}
    if current != wanted:
        st.query_params.from_dict(wanted)


def share_url(ad: Campaign) -> str:
    """The full link that reopens this ad on the current page: `?sample=<slug>` for a sample
    business left untouched (short, and with its pictures), else every share parameter."""
    slug = sample_slug(ad)
    query = urlencode({"sample": slug} if slug else to_query_params(ad), quote_via=quote)
    base = st.context.url or "http://localhost:8501/"
    scheme, netloc, path, _, _ = urlsplit(base)
    return urlunsplit((scheme, netloc, path or "/", query, ""))


def open_draft() -> OpenDraft | None:
    """The draft this session has open, if any."""
    return st.session_state.get(DRAFT_KEY)


def set_open_draft(draft: OpenDraft | None) -> None:
    """Remember (or forget) the draft this session works on."""
    st.session_state[DRAFT_KEY] = draft
