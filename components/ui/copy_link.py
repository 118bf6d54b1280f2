"""A link in a read-only box with a visible Copy button that confirms "Copied".

`st.code`'s copy icon shows only on hover and confirms nothing, and `st.html` runs no script
unless told to (`unsafe_allow_javascript`), so this is a small `st.components.v2` component
from the JavaScript and CSS beside this module (bundled, offline, as `live_text`). It sends
nothing back to Python: copying is the browser's business. The Clipboard API needs a secure
page (HTTPS or localhost); elsewhere it selects the link and copies it the old way, or says
how to copy it by hand.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_HERE = Path(__file__).resolve().parent

_component = st.components.v2.component(
    "bas_copy_link",
    js=(_HERE / "copy_link.js").read_text(encoding="utf-8"),
    css=(_HERE / "copy_link.css").read_text(encoding="utf-8"),
)


def copy_link(link: str, *, key: str, label: str = "Link", button: str = "Copy") -> None:
    """Show `link` (as text, never markup) with a Copy button under `key`."""
    with st.container(key=f"{key}_box"):
        _component(key=key, data={"link": link, "label": label, "button": button})
