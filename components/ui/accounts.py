"""Whose drafts these are: the drafts store, sign-in, and the browser's identity without it.

With sign-in set up (Streamlit's `st.login`, an `[auth]` section in `.streamlit/secrets.toml`)
the signed-in account owns the drafts. Without it, the person who started the studio owns
them in the browser that holds the workspace cookie (or opened the claim link); every other
browser is a guest with a space of its own (`identify_browser`).
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

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
