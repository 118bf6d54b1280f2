"""Who may claim the studio without its link: a browser on this computer, not a visitor who
came through a proxy on it (HAProxy of `make cluster`, a tunnel) or named another host."""

from types import SimpleNamespace

import pytest

from components.ui import accounts


@pytest.mark.parametrize(
    ("headers", "ip", "expected"),
    [
        ({"Host": "localhost:8501"}, None, True),
        ({"Host": "127.0.0.1:8501"}, None, True),
        ({"Host": "[::1]:8501"}, None, True),
        ({"Host": "studio.example.com"}, None, False),  # a name for this machine from outside
        ({"Host": "localhost:8501"}, "203.0.113.7", False),  # a remote peer
        ({"Host": "localhost:8501", "X-Forwarded-For": "203.0.113.7"}, None, False),  # a proxy
        ({"Host": "localhost:8501", "Forwarded": "for=203.0.113.7"}, None, False),
        ({}, None, False),  # no browser at all
    ],
)
def test_only_a_direct_loopback_browser_is_this_computer(monkeypatch, headers, ip, expected):
    context = SimpleNamespace(headers=headers, ip_address=ip, url="http://localhost:8501/")
    monkeypatch.setattr(accounts, "st", SimpleNamespace(context=context))
    assert accounts._on_this_computer() is expected
