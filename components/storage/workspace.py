"""The sign-in-less workspace's key: who started this studio, and how their browser proves it.

Without sign-in, the drafts of an install belong to the person who started it. The data
folder (where the SQLite database lives) holds ``workspace.json``, created on first start
and readable by its owner alone (mode 0600)::

    {"install": "<id>", "token": "<secret>", "claimed_at": null}

- ``install`` names the workspace: its drafts' owner is ``local:<install>``.
- ``token`` is the secret a browser shows to be that person: a cookie holds it after the
  browser has claimed the workspace, and the claim link (``/?claim=<token>``, printed by
  ``make run`` as Jupyter prints its token) hands it to another browser.
- ``claimed_at`` is set when a browser first claimed it. Until then, the first browser that
  opens the studio on this computer (a loopback address and a ``localhost`` address) claims
  it without a link, so the person who ran ``make run`` is never asked for anything; after
  that, every other browser is a guest until it opens the claim link.

``python -m components.storage.workspace`` prints the claim link; ``--new-token`` replaces the token
(every browser then has to claim again; the drafts stay). Pure Python: no Streamlit.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hmac
import json
import os
import secrets
import sys
import tempfile
import threading
import tomllib
from datetime import UTC, datetime
from pathlib import Path

from components.storage.owners import local_owner
from components.storage.store import SECRETS_PATH, data_dir

KEY_FILENAME = "workspace.json"
OWNER_COOKIE = "bas_workspace"
GUEST_COOKIE = "bas_guest"
CLAIM_PARAM = "claim"
TOKEN_BYTES = 32  # 256 random bits
_lock = threading.Lock()


class WorkspaceKeyError(Exception):
    """The workspace key file cannot be read or written; `str(error)` is for people."""


@dataclasses.dataclass(frozen=True)
class WorkspaceKey:
    """One install's workspace: its id, the owner's secret token and when it was claimed."""

    path: Path
    install: str
    token: str
    claimed_at: str | None = None

    @property
    def owner(self) -> str:
        """The owner id of this workspace's drafts."""
        return local_owner(self.install)

    def accepts(self, presented: object) -> bool:
        """Whether `presented` (a cookie or a claim link's value) is this workspace's token."""
        return isinstance(presented, str) and hmac.compare_digest(
            presented.encode("utf-8", "replace"), self.token.encode()
        )

    def claim_link(self, base_url: str) -> str:
        """The link that makes a browser this workspace's owner."""
        return f"{base_url.rstrip('/')}/?{CLAIM_PARAM}={self.token}"


def _write(path: Path, record: dict, *, replace: bool) -> None:
    """Write the key file atomically, mode 0600; without `replace`, never over another."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".workspace-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(record, out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o600)
        if replace:
            os.replace(temp, path)
        else:
            os.link(temp, path)  # fails when another process created it first
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def _read(path: Path) -> WorkspaceKey:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        install, token = record["install"], record["token"]
        if not (isinstance(install, str) and install and isinstance(token, str) and token):
            raise ValueError("empty install or token")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise WorkspaceKeyError(
            f"The workspace key {path} cannot be read ({exc}); move it aside to start a new "
            "workspace (the drafts stay in the database)."
        ) from exc
    claimed = record.get("claimed_at")
    return WorkspaceKey(path, install, token, claimed if isinstance(claimed, str) else None)


def load_key(folder: Path | None = None) -> WorkspaceKey:
    """This install's workspace key, created on first use in the data folder."""
    path = Path(folder or data_dir()) / KEY_FILENAME
    with _lock:
        if not path.exists():
            record = {
                "install": secrets.token_hex(8),
                "token": secrets.token_urlsafe(TOKEN_BYTES),
                "claimed_at": None,
            }
            try:
                _write(path, record, replace=False)
            except FileExistsError:
                pass  # another process was first: use its key
            except OSError as exc:
                raise WorkspaceKeyError(
                    f"The workspace key cannot be created in {path.parent}: {exc}"
                ) from exc
        return _read(path)


def claim_first(key: WorkspaceKey) -> bool:
    """Mark the workspace claimed if nobody has claimed it yet; whether this call did.

    A marker file created exclusively decides between processes (the replicas of
    `make cluster` share the data folder); the lock, between the threads of one."""
    with _lock:
        current = _read(key.path)
        if current.claimed_at:
            return False
        try:
            os.close(os.open(claim_marker(key.path), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            return False
        record = {
            "install": current.install,
            "token": current.token,
            "claimed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        _write(key.path, record, replace=True)
        return True


def claim_marker(path: Path) -> Path:
    """The file whose exclusive creation claims the workspace of the key file `path`."""
    return path.with_name(path.name + ".claimed")


def new_token(folder: Path | None = None) -> WorkspaceKey:
    """Replace the owner's token: every browser has to claim the workspace again."""
    key = load_key(folder)
    record = {
        "install": key.install,
        "token": secrets.token_urlsafe(TOKEN_BYTES),
        "claimed_at": key.claimed_at,
    }
    with _lock:
        _write(key.path, record, replace=True)
    return _read(key.path)


def _sign_in_set_up(secrets_path: Path) -> bool:
    """Whether the secrets file Streamlit reads has an ``[auth]`` section (accounts decide)."""
    try:
        with open(secrets_path, "rb") as handle:
            return bool(tomllib.load(handle).get("auth"))
    except (OSError, tomllib.TOMLDecodeError):
        return False


def main(argv: list[str] | None = None, secrets_path: Path = SECRETS_PATH) -> int:
    """Print the claim link (``make run`` does, before starting the server)."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--new-token", action="store_true", help="replace the owner's token")
    args = parser.parse_args(argv)
    if _sign_in_set_up(secrets_path):
        print("Sign-in is set up: drafts belong to the accounts that save them.")
        return 0
    try:
        key = new_token() if args.new_token else load_key()
    except WorkspaceKeyError as error:
        print(error, file=sys.stderr)
        return 1
    first = (
        "Another browser of yours opens them with"
        if key.claimed_at
        else "The first browser that opens the studio on this computer claims them; another "
        "browser of yours opens them with"
    )
    print(
        "Without sign-in, the drafts belong to you, who started the studio. "
        f"{first}:\n  {key.claim_link(f'http://localhost:{args.port}')}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
