"""Who a draft belongs to: owner ids, each prefixed by its kind.

Every draft's owner is one of

- ``oidc:<iss>#<sub>``: a signed-in account (OpenID Connect's issuer and subject, the
  identity a provider never reassigns);
- ``email:<address>``: a signed-in account whose provider gave no subject;
- ``local:<install>``: the person who started this studio without sign-in (one per install,
  see `components.storage.workspace`);
- ``guest:<id>``: a browser that is not that person, in the sign-in-less mode; its drafts
  are its own (the id is a hash of a random token its browser keeps).

The kind makes the spaces disjoint: an account whose email is "local" is ``email:local``,
never the sign-in-less workspace. Before kinds, owners were stored bare (``iss#sub``, an
email, ``sha256:…`` for a long id, ``local``); `legacy_owner_id` maps them once, when the
store's schema is upgraded, and the bare ``local`` goes to the install's owner
(`components.storage.store.Store.adopt_legacy_local`).

Pure Python: no Streamlit.
"""

from __future__ import annotations

import hashlib

MAX_OWNER_CHARS = 320
KINDS = ("oidc", "email", "local", "guest")
LEGACY_LOCAL_OWNER = "local"  # the one sign-in-less workspace of the studio before kinds


def owner_kind(owner: str) -> str:
    """The kind of an owner id ("oidc", "email", "local", "guest"), or "" when it has none."""
    kind, colon, rest = str(owner).partition(":")
    return kind if colon and rest and kind in KINDS else ""


def _bounded(kind: str, value: str) -> str:
    """``kind:value``, or ``kind:sha256:<hex of value>`` when that would be too long to store."""
    owner = f"{kind}:{value}"
    if len(owner) > MAX_OWNER_CHARS:
        owner = f"{kind}:sha256:{hashlib.sha256(value.encode()).hexdigest()}"
    return owner


def account_owner(claims: dict) -> str:
    """The owner id of a signed-in account from its identity claims (``st.user``): its
    subject scoped by its issuer, else its email; "" when the claims hold neither."""
    subject, issuer = str(claims.get("sub") or ""), str(claims.get("iss") or "")
    if subject:
        return _bounded("oidc", f"{issuer}#{subject}")
    email = str(claims.get("email") or "")
    return _bounded("email", email) if email.strip() else ""


def local_owner(install_id: str) -> str:
    """The owner id of the person who started the install `install_id` (no sign-in)."""
    return f"local:{install_id}"


def guest_owner(token: str) -> str:
    """The owner id of a guest browser holding `token`: a hash, so the database never holds
    what the browser presents."""
    return "guest:" + hashlib.sha256(f"bas-guest:{token}".encode()).hexdigest()[:32]


def legacy_owner_id(owner: str) -> str:
    """The owner id, with its kind, of an owner stored before kinds existed.

    The bare ``local`` stays as it is (which install it belongs to is not the database's to
    know; `Store.adopt_legacy_local` hands it over). ``sha256:…`` was a hashed ``iss#sub``
    (an email is never long enough to be hashed), an ``iss#sub`` has the issuer's URL (or
    nothing) before the ``#``; anything else was an email.
    """
    if owner == LEGACY_LOCAL_OWNER or owner_kind(owner):
        return owner
    if owner.startswith("sha256:"):
        return f"oidc:{owner}"
    issuer, hash_sign, _ = owner.partition("#")
    if hash_sign and ("://" in issuer or not issuer):
        return _bounded("oidc", owner)
    return _bounded("email", owner)
