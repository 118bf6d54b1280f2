"""The registry of widget keys that mirror the campaign (`session.CAMPAIGN_WIDGET_KEYS`).

Loading another campaign must clear exactly those families, so every page re-seeds its
widgets from it, and keep everything else: the sidebar's menu, the Walkthrough's step, a
draft's name being typed.
"""

from __future__ import annotations

import importlib
import inspect
import re

from streamlit.testing.v1 import AppTest

from components.ui.session import CAMPAIGN_WIDGET_KEYS


def _load_over_kept_keys() -> None:
    import streamlit as st

    from components.ui.session import CAMPAIGN_WIDGET_KEYS, load_campaign
    from tests.factories import make_campaign

    if "filled" not in st.session_state:
        for prefix in CAMPAIGN_WIDGET_KEYS:
            st.session_state[f"{prefix}example"] = "old"
        for kept in ("sidebar_menu", "wt_step", "draft_name", "sidebar_draft_name"):
            st.session_state[kept] = "kept"
        st.session_state["filled"] = True
    else:
        load_campaign(make_campaign(business="Loaded"))


def test_loading_a_campaign_clears_its_widget_keys_and_nothing_else():
    at = AppTest.from_function(_load_over_kept_keys)
    at.run()
    at.run()
    assert not at.exception
    state = at.session_state
    assert all(f"{prefix}example" not in state for prefix in CAMPAIGN_WIDGET_KEYS)
    for kept in ("sidebar_menu", "wt_step", "draft_name", "sidebar_draft_name"):
        assert state[kept] == "kept", kept
    assert state["ad"].business == "Loaded"


def test_the_registry_names_the_modules_that_draw_each_family():
    for prefix, owners in CAMPAIGN_WIDGET_KEYS.items():
        modules = re.findall(r"components\.ui(?:\.pages)?\.\w+", owners)
        assert modules, prefix
        for name in modules:
            source = inspect.getsource(importlib.import_module(name))
            assert f'"{prefix}' in source, f"{name} draws no {prefix}… widget"


def test_no_widget_outside_the_campaign_uses_a_campaign_prefix():
    """The sidebar's menu once had a key under "ad_", so loading a sample wiped it."""
    from components.ui import shell

    keys = re.findall(r'key="(\w+)"', inspect.getsource(shell))
    assert keys and not [k for k in keys if k.startswith(tuple(CAMPAIGN_WIDGET_KEYS))]
