"""Files the pages serve from this server's media store: the ad's images, icons, map data.

Each rerun registers what it shows with Streamlit's media store (as `st.image` does) and
sends a short URL instead of the bytes; the browser fetches each file once and caches it.
"""

from __future__ import annotations

from functools import lru_cache

import streamlit as st
from streamlit import runtime

from components.campaign.images import data_uri


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
