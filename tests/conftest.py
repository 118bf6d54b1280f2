"""Shared test setup: e2e tests marked (the project root is on the path through
`pythonpath` in pyproject.toml)."""

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)
