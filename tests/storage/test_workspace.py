"""The sign-in-less workspace's key file (components/storage/workspace.py): made once, private, its
token the one thing that makes a browser the studio's owner, claimed once without a link."""

from __future__ import annotations

import json
import stat
import threading

import pytest

from components.storage.owners import owner_kind
from components.storage.workspace import (
    KEY_FILENAME,
    WorkspaceKeyError,
    claim_first,
    load_key,
    main,
    new_token,
)


def test_the_key_is_made_once_private_and_names_a_local_owner(tmp_path):
    key = load_key(tmp_path)
    path = tmp_path / KEY_FILENAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert owner_kind(key.owner) == "local" and key.owner == f"local:{key.install}"
    assert len(key.token) >= 43  # 256 random bits, URL-safe
    assert load_key(tmp_path) == key  # read back, never made again
    assert load_key(tmp_path / "other").install != key.install  # another install


def test_only_the_token_is_accepted(tmp_path):
    key = load_key(tmp_path)
    assert key.accepts(key.token)
    for wrong in ("", None, 7, key.token[:-1], key.token + "x", key.token.upper(), "ü" * 43):
        assert not key.accepts(wrong)
    assert key.claim_link("http://localhost:8501/") == (f"http://localhost:8501/?claim={key.token}")


def test_many_first_starts_at_once_make_one_key(tmp_path):
    keys, errors = [], []

    def start():
        try:
            keys.append(load_key(tmp_path))
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len({(k.install, k.token) for k in keys}) == 1
    assert [p.name for p in tmp_path.iterdir()] == [KEY_FILENAME]  # no temporary file left


def test_the_workspace_is_claimed_without_a_link_once(tmp_path):
    key = load_key(tmp_path)
    assert key.claimed_at is None
    results = []
    threads = [threading.Thread(target=lambda: results.append(claim_first(key))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]
    again = load_key(tmp_path)
    assert again.claimed_at and (again.install, again.token) == (key.install, key.token)
    assert not claim_first(again)


def test_a_new_token_keeps_the_workspace_and_refuses_the_old_one(tmp_path):
    key = load_key(tmp_path)
    claim_first(key)
    renewed = new_token(tmp_path)
    assert renewed.install == key.install and renewed.owner == key.owner  # the same drafts
    assert renewed.claimed_at == load_key(tmp_path).claimed_at
    assert not renewed.accepts(key.token) and renewed.accepts(renewed.token)


@pytest.mark.parametrize("content", ["", "not json", "[]", '{"install": "", "token": "x"}'])
def test_a_damaged_key_file_says_so_in_words(tmp_path, content):
    (tmp_path / KEY_FILENAME).write_text(content)
    with pytest.raises(WorkspaceKeyError) as caught:
        load_key(tmp_path)
    assert "cannot be read" in str(caught.value) and "move it aside" in str(caught.value)


def test_the_command_prints_the_claim_link(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BAS_DATA_DIR", str(tmp_path))
    no_secrets = tmp_path / "missing.toml"
    assert main(["--port", "8612"], no_secrets) == 0
    key = load_key(tmp_path)
    out = capsys.readouterr().out
    assert f"http://localhost:8612/?claim={key.token}" in out and "The first browser" in out
    assert main(["--port", "8612", "--new-token"], no_secrets) == 0
    assert load_key(tmp_path).token != key.token
    assert json.loads((tmp_path / KEY_FILENAME).read_text())["install"] == key.install


def test_with_sign_in_set_up_the_command_prints_no_claim_link(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BAS_DATA_DIR", str(tmp_path))
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text('[auth]\nredirect_uri = "http://localhost:8501/oauth2callback"\n')
    assert main([], secrets_file) == 0
    assert "claim=" not in capsys.readouterr().out
    assert not (tmp_path / KEY_FILENAME).exists()
