"""The sidebar's account control (components.ui.drafts.account_control) under AppTest:
nothing without sign-in set up; "Sign in" signed out; who is signed in and "Sign out" after;
and detecting sign-in never raises, with or without a secrets file."""

import pytest
import streamlit as st
from streamlit.runtime.secrets import Secrets
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.util import patch_config_options

from components.storage.owners import owner_kind
from components.ui.accounts import auth_configured, auth_providers, auth_settings, draft_owner
from tests.ui.conftest import assert_clean
from tests.ui.test_campaigns_page import AUTH_SECRETS, SIGNED_OUT, person


def account_script():
    from components.ui.drafts import account_control

    account_control()


def control(user: dict | None = None, secrets: dict | None = None) -> AppTest:
    at = AppTest.from_function(account_script, default_timeout=30)
    at.secrets.update(secrets or {})
    if user is not None:
        at.user = dict(user)
    at.run()
    assert_clean(at)
    return at


def test_without_sign_in_set_up_nothing_shows():
    at = control()  # AppTest's default user, and no secrets file in the project
    assert not at.button and not at.caption and not at.main.children


def test_signed_out_offers_sign_in(monkeypatch):
    calls = []
    monkeypatch.setattr(st, "login", lambda *args: calls.append(args))
    at = control(SIGNED_OUT, AUTH_SECRETS)
    assert [b.label for b in at.button] == ["Sign in"]
    assert any("Sign in to save drafts" in c.value for c in at.caption)
    at.button(key="sign_in_default").click().run()
    assert_clean(at)
    assert calls == [()]  # st.login() with the [auth] section's own provider


def test_one_button_per_named_provider(monkeypatch):
    calls = []
    monkeypatch.setattr(st, "login", lambda *args: calls.append(args))
    provider = {"client_id": "x", "client_secret": "y", "server_metadata_url": "https://x.example"}
    secrets = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback",
                        "cookie_secret": "only-for-tests",
                        "google": provider, "microsoft": provider}}  # fmt: skip
    at = control(SIGNED_OUT, secrets)
    assert [b.label for b in at.button] == ["Sign in with Google", "Sign in with Microsoft"]
    at.button(key="sign_in_microsoft").click().run()
    assert calls == [("microsoft",)]


def test_a_sign_in_that_cannot_start_says_why():
    # No Authlib in this environment, or credentials Streamlit cannot use: a message, no crash.
    at = control(SIGNED_OUT, AUTH_SECRETS)
    at.button(key="sign_in_default").click().run()
    assert_clean(at)
    assert any("Sign-in" in e.value for e in at.error)


def test_signed_in_shows_who_and_signs_out():
    ada = person("Ada") | {"name": "*Ada* [admin](http://evil.example)"}
    at = control(ada, AUTH_SECRETS)
    (caption,) = at.caption
    # Shown as typed, never a link: code spans (components.campaign.quoting).
    assert caption.value.startswith("Signed in as `*Ada* [admin](http://evil.example)`")
    assert f"`{ada['email']}`" in caption.value
    assert [b.label for b in at.button] == ["Sign out"]
    at.button(key="sign_out").click().run()
    assert_clean(at)
    assert at.user == {"is_logged_in": False}  # st.logout() ran
    at.run()
    assert [b.label for b in at.button] == ["Sign in"]


def test_detecting_sign_in_never_raises_without_a_secrets_file(tmp_path, monkeypatch):
    monkeypatch.setattr(st, "secrets", Secrets())
    with patch_config_options({"secrets.files": [str(tmp_path / "missing.toml")]}):
        assert auth_settings() == {} and not auth_configured()
        assert owner_kind(draft_owner()) == "local"  # a bare call: the studio's owner


@pytest.mark.parametrize(
    "content, configured",
    [
        ("this is [not toml", False),
        ('[connections.drafts]\nurl = "sqlite://"\n', False),
        ('[auth]\nredirect_uri = "http://localhost:8501/oauth2callback"\n', True),
    ],
)
def test_detecting_sign_in_reads_the_secrets_file(tmp_path, monkeypatch, content, configured):
    path = tmp_path / "secrets.toml"
    path.write_text(content)
    monkeypatch.setattr(st, "secrets", Secrets())
    with patch_config_options({"secrets.files": [str(path)]}):
        assert auth_configured() is configured
        assert auth_providers() == ([None] if configured else [])
