"""Back-to-back reruns on one websocket, with and without TCP_NODELAY on the server's sockets.

Two real servers of the app side by side: plain `streamlit run` (Nagle's algorithm left on:
see tools/serve.py) and `tools/serve.py run` (TCP_NODELAY on every connection, as `make run`
starts it). A websocket client speaks Streamlit's own protocol (BackMsg/ForwardMsg protobufs,
no browser) to each: it asks for a rerun of the Model page and times the reply from the
request to the ForwardMsg that says the script finished, then asks again at once. Trials
alternate between the servers so both see the same machine load.

Run: `.venv/bin/python -m bench.nodelay` (under a minute); `make bench` includes it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time

from bench import ws_client
from bench.load import machine, percentile
from tools.app_server import streamlit_server

TRIALS = 40  # reruns per server, after 3 not counted
PAGE = "model"  # a page with no forecast: the rerun itself is short, so a stall shows


async def _reruns(url: str, trials: int) -> list[float]:
    times = []
    async with ws_client.session(url) as socket:
        for _ in range(3):  # the session's first run, and warm caches
            await ws_client.rerun(socket, PAGE)
        for _ in range(trials):
            started = time.perf_counter()
            await ws_client.rerun(socket, PAGE)
            times.append((time.perf_counter() - started) * 1000)
    return times


def run(trials: int = TRIALS) -> dict:
    """Start both servers, alternate reruns between them, and return milliseconds."""
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    results: dict[str, list[float]] = {"Nagle on (streamlit run)": [], "TCP_NODELAY (serve.py)": []}
    with streamlit_server(nodelay=False) as plain, streamlit_server() as nodelay:
        servers = dict(zip(results, (plain, nodelay), strict=True))
        for _ in range(trials // 10):
            for name, server in servers.items():
                results[name] += asyncio.run(_reruns(server.url, 10))
    return {
        "machine": machine(),
        "load": (load_before, os.getloadavg()[0]),
        "latencies_ms": results,
        "total_s": time.perf_counter() - started,
    }


def report(numbers: dict) -> str:
    """One row per server, and the ratio of the medians."""
    before, after = numbers["load"]
    lines = [
        f"machine: {numbers['machine']}; load average {before:.1f} → {after:.1f}",
        f"rerun of /{PAGE} → script finished, back to back on one websocket",
        "",
        f"{'server':>26} {'n':>3} {'median':>8} {'p10':>7} {'p90':>7}",
    ]
    medians = []
    for name, latencies in numbers["latencies_ms"].items():
        medians.append(statistics.median(latencies))
        lines.append(
            f"{name:>26} {len(latencies):>3} {medians[-1]:>6.1f}ms "
            f"{percentile(latencies, 10):>5.1f}ms {percentile(latencies, 90):>5.1f}ms"
        )
    lines.append(
        f"TCP_NODELAY rerun: {medians[1] / medians[0]:.2f}× the Nagle one "
        f"({numbers['total_s']:.0f} s)"
    )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.nodelay", description=__doc__)
    parser.add_argument("--trials", type=int, default=TRIALS)
    print(report(run(parser.parse_args(argv).trials)))


if __name__ == "__main__":
    main(sys.argv[1:])
