"""The app as a cluster: one Streamlit process per core behind HAProxy, drafts in PostgreSQL.

`make cluster` runs this (through tools/with_postgres.sh unless DATABASE_URL is set). What a
single process keeps to itself is why the load balancer must be sticky: a session's state,
its uploads and the `/media/…` files its pages point at live in the process that drew them.
HAProxy therefore inserts a cookie (`bas_replica`) naming the replica that served a
browser's first request and sends every later request of that browser — page, websocket,
uploads, media — to the same one; a browser without the cookie goes to the next replica in
turn. When a replica dies, HAProxy's health check takes it out within about two seconds and
its browsers are re-dispatched to a live one: the page reconnects, reopens the ad from its
address and says what happened (`components/ui/replica.py`). What every replica must
share lives outside them: the drafts database, the data folder (the install's secrets) and
Streamlit's cookie secret (`server.cookieSecret`, kept in the data folder, so a sign-in
cookie made by one replica is read by the others).

    .venv/bin/python tools/cluster.py [--replicas N] [--port 8501]

`DATABASE_URL` (or BAS_TEST_POSTGRES_URL, as tools/with_postgres.sh sets it) is required:
SQLite in a shared folder is not made for several writing processes.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from components.ui.replica import REPLICA_ENV
from tools.app_server import (
    ROOT,
    Server,
    free_port,
    stop,
    streamlit_server,
    wait_until_healthy,
)

REPLICA_COOKIE = "bas_replica"  # HAProxy's: which replica serves this browser
COOKIE_SECRET_FILE = "cookie_secret"
HEALTH_INTERVAL_MS = 1000  # HAProxy's check of each replica; down after 2 failures

HAPROXY_CONFIG = """\
global
    maxconn 2000

defaults
    mode http
    option http-server-close
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    timeout tunnel 1h
    # A request for a replica that is down goes to a live one instead of failing.
    option redispatch
    # Says where each request came from: a visitor through HAProxy never passes for the
    # person at this computer, who may claim the studio (components/ui/session.py).
    option forwardfor
    retries 2

frontend studio
    bind 127.0.0.1:{port}
    default_backend replicas

backend replicas
    balance roundrobin
    # Sticky by cookie: the websocket, uploads and /media of a session stay on one process.
    cookie {cookie} insert nocache httponly attr "SameSite=Lax"
    option httpchk GET /_stcore/health
    http-check expect status 200
{servers}
"""


@dataclass
class Cluster:
    """A running cluster: its public URL, the replicas by name, HAProxy's process."""

    url: str
    replicas: dict[str, Server]
    haproxy: subprocess.Popen
    run_dir: Path
    data_dir: Path
    stopped: list[str] = field(default_factory=list)

    def kill(self, name: str) -> None:
        """Kill a replica at once (SIGKILL), as a crash would, and wait until HAProxy has
        taken it out of the rotation."""
        self.replicas[name].process.send_signal(signal.SIGKILL)
        self.replicas[name].process.wait(timeout=10)
        self.stopped.append(name)
        time.sleep(3 * HEALTH_INTERVAL_MS / 1000)  # two failed checks and one to spare


def cookie_secret(data_dir: Path) -> str:
    """Streamlit's cookie secret for every replica: made once, kept in the data folder."""
    path = data_dir / COOKIE_SECRET_FILE
    try:  # created readable by its owner only, and by one start only
        handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(handle, "w") as out:
        out.write(secrets.token_urlsafe(32))
    return path.read_text().strip()


def haproxy_config(port: int, replicas: dict[str, int]) -> str:
    """HAProxy's configuration for `replicas` (name → local port) behind `port`."""
    servers = "\n".join(
        f"    server {name} 127.0.0.1:{replica_port} check inter {HEALTH_INTERVAL_MS}ms "
        f"fall 2 rise 1 cookie {name}"
        for name, replica_port in replicas.items()
    )
    return HAPROXY_CONFIG.format(port=port, cookie=REPLICA_COOKIE, servers=servers)


@contextmanager
def cluster(
    database_url: str, replicas: int = 0, port: int = 0, data_dir: Path | None = None
) -> Iterator[Cluster]:
    """Start `replicas` app processes (one per core by default) and HAProxy in front on
    `port` (a free one by default), all on loopback; stop everything afterwards."""
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(haproxy).exists():
        raise RuntimeError("HAProxy is missing: `make cluster` installs it (apt install haproxy).")
    replicas = replicas or os.cpu_count() or 2
    run_dir = Path(tempfile.mkdtemp(prefix="bas-cluster-"))
    data_dir = data_dir or run_dir / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    secret = cookie_secret(data_dir)
    with ExitStack() as stack:
        stack.callback(shutil.rmtree, run_dir, True)
        servers: dict[str, Server] = {}
        for index in range(1, replicas + 1):
            name = f"replica-{index}"
            servers[name] = stack.enter_context(
                streamlit_server(
                    data_dir=data_dir,
                    # Streamlit takes the cookie secret from its environment, not a flag.
                    env={
                        "DATABASE_URL": database_url,
                        REPLICA_ENV: name,
                        "STREAMLIT_SERVER_COOKIE_SECRET": secret,
                    },
                    log=run_dir / f"{name}.log",
                )
            )
        port = port or free_port()
        config = run_dir / "haproxy.cfg"
        config.write_text(
            haproxy_config(
                port, {name: int(s.url.rsplit(":", 1)[1]) for name, s in servers.items()}
            )
        )
        log = run_dir / "haproxy.log"
        with open(log, "w") as out:
            # -db: stay in the foreground; -W: master-worker, so SIGTERM stops it cleanly.
            process = subprocess.Popen(
                [haproxy, "-W", "-db", "-f", str(config)], stdout=out, stderr=subprocess.STDOUT
            )
        stack.callback(stop, process)
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, process, lambda: log.read_text()[-2000:], "haproxy")
        yield Cluster(url, servers, process, run_dir, data_dir)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str]) -> None:
    """`make cluster`: start, print where it answers, run until Ctrl+C, stop cleanly."""
    parser = argparse.ArgumentParser(prog="tools/cluster.py", description=__doc__.split("\n")[0])
    parser.add_argument("--replicas", type=int, default=0, help="default: one per core")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8501")))
    args = parser.parse_args(argv)
    url = os.environ.get("DATABASE_URL") or os.environ.get("BAS_TEST_POSTGRES_URL")
    if not url:
        sys.exit("DATABASE_URL is not set (make cluster starts a throwaway PostgreSQL).")
    data_dir = Path(os.environ.get("BAS_DATA_DIR") or ROOT / "data")
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops it as cleanly as Ctrl+C
    try:
        with cluster(url, args.replicas, args.port, data_dir) as running:
            names = ", ".join(f"{n} ({s.url})" for n, s in running.replicas.items())
            print(f"Button Ad Studio cluster at {running.url}: HAProxy in front of {names}.")
            print("Drafts in PostgreSQL; Ctrl+C stops it.", flush=True)
            while running.haproxy.poll() is None:
                time.sleep(1)
            sys.exit("HAProxy stopped.")
    except KeyboardInterrupt:
        print("Stopped.")


if __name__ == "__main__":
    main(sys.argv[1:])
