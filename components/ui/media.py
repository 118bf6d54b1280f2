"""Files the pages serve from this server's media store: the ad's images, icons, map data.

Each rerun registers what it shows with Streamlit's media store (as `st.image` does) and
sends a short URL instead of the bytes; the browser fetches each file once and caches it.
"""

from __future__ import annotations

import base64
import re
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
