"""AppTest helpers: run the real app script, on a chosen page, with chosen query parameters.

The drafts database of every app test is a throwaway SQLite file, never the repo's data/.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
os.environ["BAS_DATA_DIR"] = tempfile.mkdtemp(prefix="bas-apptest-")
os.environ.pop("DATABASE_URL", None)


def run_app(page: str | None = None, params: dict[str, str] | None = None) -> AppTest:
    """Run app.py (optionally switched to `page`) with `params` in the URL."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def live_field(at: AppTest, key: str):
    """The live text field (components/ui/live_text.py) drawn under `key`."""
    found = [element for element in at.get("bidi_component") if element.key == key]
    assert found, f"no live text field {key!r} on the page"
    return found[0]


def live_data(at: AppTest, key: str) -> dict:
    """What the page sent the live text field `key`: its value, label, counter limit…"""
    return json.loads(live_field(at, key).proto.json)


def type_text(at: AppTest, key: str, text: str) -> AppTest:
    """Type `text` into the live text field `key` and run, as the browser does after the
    typing pause: the field's new value travels with the other widgets' values."""
    element = live_field(at, key)
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = element.proto.id
    state.json_value = json.dumps({"value": text})
    return at._run(states)


def assert_clean(at: AppTest) -> None:
    """No exception reached the page."""
    assert not at.exception, [e.value for e in at.exception]


@pytest.fixture
def app_runner():
    return run_app
