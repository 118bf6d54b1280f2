"""The real app as a server for tests and benchmarks: `streamlit run app.py` on a loopback port
(through tools/serve.py, as `make run` starts it).

One starter for the e2e suite (`tests/e2e/conftest.py`) and the benchmarks (`bench/load.py`,
`bench/leaks.py`): a free port, a drafts folder of its own, no file watching, ready once
`/_stcore/health` answers, stopped afterwards.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT_S = 60.0


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running `streamlit run app.py`: its process, base URL, log file and drafts folder."""

    process: subprocess.Popen
    url: str
    log: Path
    data_dir: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def stop(process: subprocess.Popen) -> None:
    """Stop a server process: SIGTERM, then SIGKILL if it has not exited within 10 s."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def wait_until_healthy(
    url: str, process: subprocess.Popen, log_tail: Callable[[], str], name: str
) -> None:
    """Wait until `url`'s `/_stcore/health` answers 200; raise with the log's tail if
    `process` exits first or STARTUP_TIMEOUT_S passes (a replica, or HAProxy in front)."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited at start:\n{log_tail()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{name} did not start:\n{log_tail()}")
        time.sleep(0.2)


@contextmanager
def streamlit_server(
    options: dict[str, str] | None = None,
    data_dir: Path | None = None,
    port: int = 0,
    nodelay: bool = True,
    env: dict[str, str] | None = None,
    log: Path | None = None,
    script: Path | str = "app.py",
) -> Iterator[Server]:
    """Start the app on `port` (a free loopback port by default) and stop it afterwards.

    `options`: more Streamlit config options for the command line, e.g.
    {"runner.postScriptGC": "false"} or {"secrets.files": "/tmp/x/secrets.toml"}.
    `data_dir`: where the drafts database and the server's log go (kept afterwards, for a
    test to inspect); by default a throwaway folder, removed afterwards. The drafts database
    is that folder's SQLite file, never a DATABASE_URL from the environment (only `env`'s).
    `nodelay`: start it as `make run` does, through tools/serve.py (TCP_NODELAY on every
    connection); False starts plain `streamlit run`, for bench/nodelay.py to compare.
    `env`: more environment for the server, applied last (a cluster's replicas pass their
    DATABASE_URL and name here); `log`: the server's log file, when several share a folder.
    `script`: what to serve instead of the app (a benchmark's floor page).
    """
    workdir = None if data_dir else Path(tempfile.mkdtemp(prefix="bas-server-"))
    if workdir:
        data_dir = workdir / "data"
        data_dir.mkdir()
    log = log or (workdir or data_dir) / "streamlit.log"
    port = port or free_port()
    environment = dict(os.environ, BAS_DATA_DIR=str(data_dir))
    environment.pop("DATABASE_URL", None)
    environment.update(env or {})
    with open(log, "w") as out:
        process = subprocess.Popen(
            [
                sys.executable, *(["tools/serve.py"] if nodelay else ["-m", "streamlit"]),
                "run", str(script),
                "--server.port", str(port), "--server.address", "127.0.0.1",
                "--server.headless", "true", "--browser.gatherUsageStats", "false",
                "--server.fileWatcherType", "none", "--server.runOnSave", "false",
                *(arg for key, value in (options or {}).items() for arg in (f"--{key}", value)),
            ],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=environment,
        )  # fmt: skip
    server = Server(process, f"http://127.0.0.1:{port}", log, data_dir)
    try:
        wait_until_healthy(server.url, process, server.log_tail, "streamlit")
        yield server
    finally:
        stop(process)
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)
