"""Edits per second through HAProxy with one replica and with two (`tools/cluster.py`).

The same cluster set-up as `make cluster` (HAProxy in front, drafts in the throwaway
PostgreSQL of tools/with_postgres.sh), started once with one replica and once with two.
Clients speak Streamlit's own protocol over websockets (no browsers, so the machine's cores
go to the servers): each opens a session on the Compose page and asks for reruns back to
back — what an edit costs the server — for a fixed time; HAProxy spreads the connections
over the replicas. Reported: reruns per second in all, and the ratio of two replicas to one
(goal ≥ 1.8× on a 2-core machine, issue 18). Both runs use the same clients and duration.

Run: `make bench-cluster` (about a minute), or
`tools/with_postgres.sh .venv/bin/python -m bench.cluster`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time

from bench import ws_client
from bench.load import machine
from tools.cluster import cluster

CLIENTS = 8  # concurrent sessions
SECONDS = 15.0  # of reruns per run, after each client's first run


async def _client(url: str, until: float, counts: list[int]) -> None:
    async with ws_client.session(url) as socket:
        await ws_client.rerun(socket)  # the session's first run is not an edit
        start = time.monotonic()
        while time.monotonic() < start + until:
            await ws_client.rerun(socket)  # Compose, the page edits rerun
            counts.append(1)


async def _load(url: str, clients: int, seconds: float) -> float:
    counts: list[int] = []
    started = time.monotonic()
    await asyncio.gather(*(_client(url, seconds, counts) for _ in range(clients)))
    return len(counts) / (time.monotonic() - started)


def run(database_url: str, clients: int = CLIENTS, seconds: float = SECONDS) -> dict:
    """Edits per second with one replica and with two."""
    load_before = os.getloadavg()[0]
    rates = {}
    for replicas in (1, 2):
        with cluster(database_url, replicas=replicas) as running:
            rates[replicas] = asyncio.run(_load(running.url, clients, seconds))
    return {
        "machine": machine(),
        "load": (load_before, os.getloadavg()[0]),
        "clients": clients,
        "seconds": seconds,
        "edits_per_s": rates,
    }


def report(numbers: dict) -> str:
    """Both rates and their ratio against the 1.8× goal."""
    one, two = numbers["edits_per_s"][1], numbers["edits_per_s"][2]
    before, after = numbers["load"]
    ratio = two / one
    return "\n".join(
        [
            f"machine: {numbers['machine']}; load average {before:.1f} → {after:.1f}",
            f"{numbers['clients']} websocket clients, Compose reruns back to back, "
            f"{numbers['seconds']:.0f} s per run, through HAProxy",
            f"1 replica:  {one:6.1f} edits/s",
            f"2 replicas: {two:6.1f} edits/s",
            f"2 replicas / 1: {ratio:.2f}×  (goal ≥ 1.8×: {'PASS' if ratio >= 1.8 else 'FAIL'})",
        ]
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.cluster", description=__doc__)
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    args = parser.parse_args(argv)
    url = os.environ.get("DATABASE_URL") or os.environ.get("BAS_TEST_POSTGRES_URL")
    if not url:
        sys.exit("needs PostgreSQL: run `make bench-cluster` (tools/with_postgres.sh)")
    print(report(run(url, args.clients, args.seconds)))


if __name__ == "__main__":
    main(sys.argv[1:])
