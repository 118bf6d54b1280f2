"""In a cluster (`make cluster`), the note a page shows when its browser was moved to another
replica because the one holding its session stopped.

HAProxy keeps each browser on one replica (its own cookie) while that replica lives. Each
replica knows its name from its environment and leaves it in a cookie of ours; a session
that finds another replica's name there was moved: its state, uploads and media were in the
process that stopped, and the page was rebuilt from its address. (HAProxy's cookie cannot
tell: the page's health checks before reconnecting already carry the new replica's.)
"""

from __future__ import annotations

import os

import streamlit as st

from components.ui.workspace import set_cookie

REPLICA_ENV = "BAS_REPLICA"  # this process's name (tools/cluster.py sets it)
# The replica that last served this browser: a session cookie, like HAProxy's own, so a
# browser restarted (or a new cluster) that round-robin sends elsewhere is not "moved".
SESSION_REPLICA_COOKIE = "bas_session_replica"


def moved_from(here: str, cookies: dict[str, str]) -> str:
    """The replica this browser was on before `here`, or "" when it was not moved."""
    was = cookies.get(SESSION_REPLICA_COOKIE) or ""
    return was if was and was != here else ""


def moved_replica_note() -> None:
    """Say on every page of the session that the server process it was on stopped, and
    remember this replica in the browser. Nothing outside a cluster."""
    here = os.environ.get(REPLICA_ENV, "")
    if not here:
        return
    cookies = dict(st.context.cookies)
    came_from = moved_from(here, cookies)
    if came_from:
        st.warning(
            f"The server process this page was on ({came_from}) stopped, so the page reopened "
            f"on {here} from its address: the ad's words and settings are back, and saved "
            "drafts are safe in the database. Images uploaded since the last save were held by "
            "the stopped process: upload them again, or reopen the saved draft.",
            icon=":material/dns:",
        )
    if cookies.get(SESSION_REPLICA_COOKIE) != here:
        set_cookie(SESSION_REPLICA_COOKIE, here, None, key="replica_cookie")
