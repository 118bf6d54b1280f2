"""Whose drafts this browser works on, said plainly, and the cookie that remembers it.

Without sign-in, the studio's drafts belong to the person who started it; every other
browser is a guest with a space of its own (`components.ui.session.identify_browser`). The
browser keeps who it is in a cookie, set here by a small `st.components.v2` component (no
Streamlit API sets a cookie; `st.context.cookies` reads it back on the next visit). With
sign-in set up the account decides, and the browser keeps nothing of ours.

The sentences say what each mode protects: one for the Campaigns page, one for the share
dialog.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components.ui.accounts import (
    COOKIE_MAX_AGE_SECONDS,
    auth_configured,
    browser_identity,
    signed_in_user,
)

_HERE = Path(__file__).resolve().parent

_component = st.components.v2.component(
    "bas_workspace_cookie",
    js=(_HERE / "workspace.js").read_text(encoding="utf-8"),
)

OWNER_PROTECTS = (
    "Without sign-in, the drafts here are yours: you started the studio, in this browser. "
    "Anyone else, a share link's visitor too, can only view a draft whose link you give them "
    "and make a copy of it; they can list, change, rename or delete none of yours."
)
GUEST_PROTECTS = (
    "You are a guest in this studio: drafts you save are kept for this browser alone, and "
    "you can list, change or delete only those; a share link lets you view a draft and make "
    "a copy. Started the studio yourself? Open the claim link its terminal shows."
)
ACCOUNT_PROTECTS = (
    "Your drafts belong to your account: nobody else can list, change, rename or delete "
    "them; a share link lets whoever has it view that one draft and make a copy."
)
SHARE_PROTECTS = (
    "They can make a copy of their own, but can't change, rename or delete yours or see your "
    "other drafts."
)


def remember_browser() -> None:
    """Set (or renew) this browser's cookie: drawn on every page, so whichever page a session
    opens sets it. Draws nothing visible."""
    if auth_configured():
        return
    identity = browser_identity()
    if identity.cookie is None:
        return
    name, value = identity.cookie
    set_cookie(name, value, COOKIE_MAX_AGE_SECONDS, key="workspace_cookie")


def set_cookie(name: str, value: str, max_age: int | None, key: str) -> None:
    """Set a cookie of ours in this browser (`name` lowercase letters and _, `value` URL-safe
    token characters: the component refuses anything else), for `max_age` seconds, or until
    the browser closes (None). Draws nothing visible."""
    with st.container(key=key):
        _component(key=f"{key}_setter", data={"name": name, "value": value, "maxAge": max_age})


def what_is_protected() -> str:
    """One sentence on what this mode protects, for the Campaigns page ("" when signed out:
    the sign-in notice says it)."""
    if auth_configured():
        return ACCOUNT_PROTECTS if signed_in_user() else ""
    return OWNER_PROTECTS if browser_identity().kind == "local" else GUEST_PROTECTS
