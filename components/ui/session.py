"""Streamlit glue: the session's Campaign, the share link in the URL, and the notes it raised.

The session holds one `Campaign` under `ad`. On the first run of a session it is read from the
URL's share-link parameters (over the default sample ad); after every run the URL is rewritten
from it, so the address bar is always a link that reopens what is on screen.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import astuple, dataclass, replace
from functools import lru_cache
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

import streamlit as st
from streamlit import runtime
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from components.campaign.images import data_uri
from components.campaign.model import (
    Campaign,
    from_query_params,
    is_sample_art,
    to_query_params,
)
from components.campaign.samples import linked_sample_slug, sample_slug
from components.storage.owners import account_owner, guest_owner
from components.storage.store import Store, StoreError, database_url
from components.storage.workspace import (
    CLAIM_PARAM,
    GUEST_COOKIE,
    OWNER_COOKIE,
    WorkspaceKeyError,
    claim_first,
    load_key,
)
from components.ui.result_cache import ResultCache, approximate_bytes

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
        identify_browser(params)
        base, notes = _shared_draft(params), []
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


def current_campaign() -> Campaign:
    """The ad this session is working on."""
    return init_session()


def set_campaign(ad: Campaign) -> None:
    """Replace the session's ad (pages call this after their widgets have run)."""
    st.session_state[AD_KEY] = ad


# Widget keys that mirror the Campaign on some page; loading another ad clears them so every
# page re-seeds its widgets from the new ad.
AD_WIDGET_PREFIXES = ("ad_", "hours_", "tgt_", "tap_", "eng_")


def load_campaign(ad: Campaign) -> None:
    """Make `ad` the session's ad (a sample, a draft, an import), dropping widget values
    that describe the previous one. Call it from a callback, before widgets are drawn."""
    state = st.session_state
    for name in list(state.keys()):
        if isinstance(name, str) and name.startswith(AD_WIDGET_PREFIXES):
            del state[name]
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


@lru_cache(maxsize=64)
def _forecast_key(ad: Campaign) -> str:
    """What a forecast depends on, as one short string (images only as present or not, and
    not the currency money is shown in).

    One string rather than the Campaign's nested tuple: Streamlit hashes cache arguments
    element by element, which cost more than the rerun itself. Kept per Campaign (hashing one
    is cheap: its image bytes keep their hash), as a page asks for it several times a rerun.
    """
    # Money is simulated in USD: the currency it is shown in changes no forecast.
    light = replace(ad, image=None, logo=None, story_image=None, currency="")
    return hashlib.sha256(repr((astuple(light), ad.image is not None)).encode()).hexdigest()


# Forecasts kept for every session, by total bytes (a result is tens to hundreds of MB of
# draws): a visitor varying the seed evicts older results instead of growing the server.
FORECAST_CACHE_BYTES = 384 * 2**20


def _forecast_bytes(value: object) -> int:
    """A forecast's bytes, with the spend and reach arrays it builds on first use."""
    results = value.values() if isinstance(value, dict) else [value]
    later = sum(
        2 * result.impressions.nbytes for result in results if hasattr(result, "impressions")
    )
    return approximate_bytes(value) + later


@st.cache_resource(show_spinner=False)
def _forecast_cache() -> ResultCache:
    return ResultCache(FORECAST_CACHE_BYTES, sizeof=_forecast_bytes)


def cached_forecast(
    ad: Campaign, kind: str = "forecast", progress: Callable[[float], None] | None = None
) -> object:
    """The forecast ("forecast"), spend curve ("curve") or Message-vs-Call pair ("buttons")
    of an ad, computed once per distinct campaign and shared (read-only) across sessions.

    `progress` is called with the share done while a missing forecast is computed (a hit
    returns at once and never calls it).
    """
    from components.forecast import compare_buttons, forecast, spend_curve

    def compute() -> object:
        if kind == "forecast":
            return forecast(ad, progress=progress)
        if kind == "curve":
            return spend_curve(ad)
        return compare_buttons(ad, progress=progress)

    return _forecast_cache().get_or_compute(f"{kind}:{_forecast_key(ad)}", compute)


def forecast_is_cached(ad: Campaign, kind: str = "forecast") -> bool:
    """Whether the forecast is computed already (so no progress needs showing)."""
    return _forecast_cache().get(f"{kind}:{_forecast_key(ad)}") is not None


@st.cache_resource(show_spinner=False)
def drafts_store() -> Store:
    """The drafts database (SQLite in data/ by default; DATABASE_URL for PostgreSQL)."""
    return Store(database_url())


class SignInRequired(StoreError):
    """Sign-in is set up and nobody is signed in: there is no one the drafts could belong to."""


SIGN_IN_MESSAGE = (
    "Sign in to save drafts and see yours: drafts belong to the account that saved them. "
    "A draft's share link still opens it read-only, and export to JSON still works."
)


AUTH_SETTINGS_KEY = "auth_settings"


def auth_settings() -> dict:
    """The ``[auth]`` section of ``.streamlit/secrets.toml``; empty when sign-in is not set up.

    Never raises: no secrets file, an unreadable one, or no ``[auth]`` section all mean "not
    set up". Reads ``st.secrets`` (the file Streamlit's own sign-in reads) once per session:
    without a secrets file Streamlit looks for one again on every call, a cost each rerun of
    every page paid.
    """
    if get_script_run_ctx(suppress_warning=True) is None:  # a bare call: no session to keep it
        return _read_auth_settings()
    settings = st.session_state.get(AUTH_SETTINGS_KEY)
    if settings is None:
        settings = st.session_state[AUTH_SETTINGS_KEY] = _read_auth_settings()
    return settings


def _read_auth_settings() -> dict:
    try:
        if not st.secrets.load_if_toml_exists():
            return {}
        section = st.secrets.get("auth")
    except Exception:  # a secrets file Streamlit cannot parse: sign-in cannot work either
        return {}
    return dict(section) if isinstance(section, Mapping) else {}


def auth_configured() -> bool:
    """Whether sign-in (Streamlit's ``st.login``) is set up for this app."""
    return bool(auth_settings())


def auth_providers() -> list[str | None]:
    """The providers a person can sign in with: None for the ``[auth]`` section's own
    (default) provider, then each named ``[auth.<name>]`` section."""
    settings = auth_settings()
    if not settings:
        return []
    named = [name for name, value in settings.items() if isinstance(value, Mapping)]
    named = [name for name in named if name != "client_kwargs"]
    default: list[str | None] = [None] if settings.get("client_id") or not named else []
    return default + named


def signed_in_user() -> dict | None:
    """The signed-in person's identity claims (``st.user``), or None when nobody is."""
    try:
        if st.user.is_logged_in:
            return st.user.to_dict()
    except (AttributeError, KeyError, StreamlitAPIException):
        pass
    return None


def draft_owner() -> str:
    """Whose drafts these are (an owner id with its kind, `components.storage.owners`).

    With sign-in set up, the signed-in account (``oidc:<iss>#<sub>``, else ``email:<addr>``).
    Raises `SignInRequired` (a `StoreError`) when sign-in is set up and nobody is signed in:
    they must not fall into a shared workspace. Without sign-in, the person who started the
    studio (``local:<install>``) when this browser is theirs, else this browser's own guest
    space (``guest:<id>``): see `identify_browser`.
    """
    user = signed_in_user()
    if user:
        owner = account_owner(user)
        if owner:
            return owner
    if auth_configured() or user:
        raise SignInRequired(SIGN_IN_MESSAGE)
    return browser_identity().owner


IDENTITY_KEY = "workspace_identity"
# A guest's token as its cookie holds it (secrets.token_urlsafe): anything else is ignored.
_GUEST_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
_THIS_COMPUTER = {"localhost", "127.0.0.1", "::1"}
CLAIM_REFUSED = (
    "This claim link is not this studio's (or it was replaced): you are a guest here. The "
    "terminal that started the studio shows the current one."
)
# The longest a browser keeps a cookie: Chromium caps Max-Age at 400 days, as RFC 6265bis
# asks (chromestatus.com/feature/4887741241229312); Safari keeps one a page's script set for 7
# days. Each new session sets it again, so a browser used within that stays recognised.
COOKIE_MAX_AGE_SECONDS = 400 * 24 * 3600


@dataclass(frozen=True)
class BrowserIdentity:
    """Who this browser is without sign-in: the studio's owner ("local") or a guest.

    `cookie` is the (name, value) the browser keeps to be recognised next time (set again by
    every session, which renews its expiry); None with sign-in set up. `note` says, once,
    what happened to a claim link."""

    owner: str
    kind: str
    cookie: tuple[str, str] | None = None
    note: str = ""


# With sign-in set up the account is the owner (`draft_owner`): the browser keeps nothing.
ACCOUNTS = BrowserIdentity("", "account")


# Headers a proxy adds: a request that came through one came from wherever the proxy was
# reached from (HAProxy in `make cluster` adds X-Forwarded-For), not from this computer.
_PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host")


def _on_this_computer() -> bool:
    """Whether the browser reached the server over loopback, directly, at a loopback host:
    the person at the computer that runs the studio. Streamlit gives no address for a
    loopback peer; a proxy on this computer makes every visitor loopback, so a request that
    carries a proxy's header is not this computer's, and the Host header must name it."""
    try:
        headers = {name.lower(): value for name, value in dict(st.context.headers).items()}
        if st.context.ip_address is not None or not headers:
            return False  # a remote address, or no browser at all (a test, a script)
        host = urlsplit("//" + headers.get("host", "")).hostname or ""
    except Exception:  # no context to ask: not a browser on this computer
        return False
    return host in _THIS_COMPUTER and not any(name in headers for name in _PROXY_HEADERS)


def _first(params: Mapping, name: str) -> str:
    values = params.get(name) or []
    return str(values[0]) if values else ""


def identify_browser(params: Mapping) -> BrowserIdentity:
    """Decide, on a session's first run, whose drafts this browser works on without sign-in.

    The studio's owner (``local:<install>``) when the browser's cookie holds the workspace
    token, when it opened the claim link (``?claim=<token>``), or when it is the first
    browser ever to open the studio on this computer without a share link. Anyone else is a
    guest with a space of their own: a cookie keeps it for that browser. A share link alone
    never makes anybody the owner. With sign-in set up, accounts decide instead.
    """
    state = st.session_state
    if IDENTITY_KEY in state:
        return state[IDENTITY_KEY]
    identity = ACCOUNTS if auth_configured() else _identify(params)
    state[IDENTITY_KEY] = identity
    if identity.note:
        state.setdefault(NOTES_KEY, []).append(identity.note)
    return identity


def _identify(params: Mapping) -> BrowserIdentity:
    cookies: Mapping = {}
    with contextlib.suppress(Exception):  # no browser (a test): no cookies
        cookies = dict(st.context.cookies)
    note = ""
    try:
        key = load_key()
    except WorkspaceKeyError as error:  # no key, no owner: everybody is a guest
        key, note = None, f"Drafts are kept for this browser only: {error}"
    if key is not None:
        claim = _first(params, CLAIM_PARAM)
        owner: BrowserIdentity | None = None
        if key.accepts(cookies.get(OWNER_COOKIE)) or (claim and key.accepts(claim)):
            owner = BrowserIdentity(key.owner, "local", (OWNER_COOKIE, key.token))
        elif claim:
            note = CLAIM_REFUSED
        elif not (_first(params, "draft") or _first(params, "sample")) and _on_this_computer():
            with contextlib.suppress(WorkspaceKeyError):
                if claim_first(key):
                    owner = BrowserIdentity(key.owner, "local", (OWNER_COOKIE, key.token))
        if owner is not None:
            with contextlib.suppress(StoreError):  # drafts of before owner kinds are theirs
                drafts_store().adopt_legacy_local(owner.owner)
            return owner
    token = str(cookies.get(GUEST_COOKIE) or "")
    if _GUEST_TOKEN.match(token):
        return BrowserIdentity(guest_owner(token), "guest", (GUEST_COOKIE, token), note)
    token = secrets.token_urlsafe(24)
    return BrowserIdentity(guest_owner(token), "guest", (GUEST_COOKIE, token), note)


def browser_identity() -> BrowserIdentity:
    """This session's `BrowserIdentity` (the sign-in-less owner of its drafts). A bare call
    (a script or notebook on the computer, no browser) is the studio's owner."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return BrowserIdentity(load_key().owner, "local")
    identity = st.session_state.get(IDENTITY_KEY)
    if identity is None:
        try:
            params = {key: st.query_params.get_all(key) for key in st.query_params}
        except Exception:  # an unreadable URL claims nothing
            params = {}
        identity = identify_browser(params)
    return identity


def open_draft() -> OpenDraft | None:
    """The draft this session has open, if any."""
    return st.session_state.get(DRAFT_KEY)


def set_open_draft(draft: OpenDraft | None) -> None:
    """Remember (or forget) the draft this session works on."""
    st.session_state[DRAFT_KEY] = draft


@st.cache_resource(max_entries=64, ttl=3600, show_spinner=False)
def _view(key: str, _ad: Campaign, view: str, option: str, currency: str, world: str) -> object:
    from components.render.forecast_views import build_view

    result = cached_forecast(_ad)
    curve = cached_forecast(_ad, "curve") if view == "budget" else None
    pair = cached_forecast(_ad, "buttons") if view == "ab" else None
    return build_view(view, result, currency, option, _ad.budget, curve, pair, world)


def cached_view(ad: Campaign, view: str, option: str, currency: str) -> object:
    """An Engagement chart view (Vega-Lite specs), built once per forecast and option."""
    world = world_map_url() if view == "countries" else ""
    return _recent_view(_forecast_key(ad), view, option, currency, world, ad)


@lru_cache(maxsize=16)
def _recent_view(
    key: str, view: str, option: str, currency: str, world: str, ad: Campaign
) -> object:
    return _view(key=key, _ad=ad, view=view, option=option, currency=currency, world=world)


@st.cache_resource(max_entries=64, ttl=3600, show_spinner=False)
def _headline(key: str, _ad: Campaign, currency: str) -> object:
    from components.forecast import headline_metrics

    return headline_metrics(cached_forecast(_ad), currency)


def cached_headline(ad: Campaign, currency: str) -> object:
    """The headline figures of an ad's forecast, computed once per forecast and currency."""
    return _recent_headline(_forecast_key(ad), currency, ad)


@lru_cache(maxsize=16)
def _recent_headline(key: str, currency: str, ad: Campaign) -> object:
    return _headline(key=key, _ad=ad, currency=currency)


def media_url(data: bytes, mimetype: str) -> str:
    """A URL on this server for an image the previews show (for `render`'s `image_url`).

    Registered with Streamlit's media store as `st.image` does: kept while the session's
    current run uses it, dropped after a run that no longer does. Each keystroke's rerun then
    sends a short URL instead of every image inline (a Preview page carried 110 kB of them);
    the browser fetches each image once and caches it. Without a running server (a bare
    script), the image is inlined.
    """
    if not runtime.exists():
        return data_uri(data, mimetype)
    manager = runtime.get_instance().media_file_mgr
    # The place ("coordinates") only has to tell this run's files apart; the preview's bytes
    # are cached objects, so their hash is computed once and then read back.
    url = manager.add(data, mimetype, f"bas-media-{mimetype}-{hash(data):x}")
    base = _media_base()
    return f"/{base}{url}" if base else url


@lru_cache(maxsize=1)
def _media_base() -> str:
    # A server option, fixed when the server starts; read once rather than for every image.
    return str(st.get_option("server.baseUrlPath") or "").strip("/")


_INLINE_IMAGE = re.compile(r'src="data:(image/[\w.+-]+);base64,([A-Za-z0-9+/=]+)"')


@lru_cache(maxsize=128)
def _decoded(payload: str) -> bytes:
    return base64.b64decode(payload)


def served_html(markup: str) -> str:
    """`markup` with its inline images (`<img src="data:…;base64,…">`: the icons) swapped for
    URLs on this server, as `media_url` does for the ad's images.

    A page of previews repeats each icon in every placement: 20 kB of base64 that every
    keystroke's rerun re-sent; the browser now fetches each icon once. The renderer keeps
    writing data URIs, so a downloaded preview stays self-contained.
    """
    if not runtime.exists():
        return markup
    parts = _split_at_inline_images(markup)
    urls: dict[str, str] = {}
    served = [parts[0]]
    for index in range(1, len(parts), 3):
        mimetype, payload, after = parts[index : index + 3]
        if payload not in urls:
            urls[payload] = media_url(_decoded(payload), mimetype)
        served += (f'src="{urls[payload]}"', after)
    return "".join(served)


@lru_cache(maxsize=32)
def _split_at_inline_images(markup: str) -> tuple[str, ...]:
    # [text, MIME type, base64, text, …]: split once per markup, as a rerun that changed
    # nothing re-sends the same previews.
    return tuple(_INLINE_IMAGE.split(markup))


def served_rollout_map(scenario: str, selected: tuple[str, ...]) -> dict:
    """The rollout map's Vega-Lite spec for this run, its data (the world and each country's
    status) loaded from this server's media store."""
    from components.render.charts import map_lookup_json, rollout_map_spec

    lookup = media_url(map_lookup_json(scenario, tuple(selected)), "application/json")
    return rollout_map_spec(scenario, tuple(selected), world_map_url(), lookup)


def world_map_url() -> str:
    """Where the browser loads the world map from, for a chart drawn in this run."""
    from components.render.charts import world_json

    return media_url(world_json(), "application/json")
