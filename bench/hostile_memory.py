"""Server memory after distinct worst-case share links (issue 16's resource budget).

Each link asks the Engagement page for the largest forecast a link can ask for: a year, the
Europe scenario, every country of the catalog, a seed of its own (so no two share a cached
forecast). Before the cell bound and the byte-bounded cache, three such links took the
server from 1.1 to 2.6 GB and kept it. Here ten are opened one after another in Chromium;
each must answer with its headline figures, and the server's growth (VmRSS of its process
tree) is reported against the goal of ≤ 600 MB.

Run: `.venv/bin/python -m bench.hostile_memory` (part of `make bench`). Always exits 0.
"""

from __future__ import annotations

import sys
import time

from bench.load import CHROMIUM, CHROMIUM_ARGS, RssPoller, rss_mb
from components.world.regions import load_catalog
from tools.app_server import streamlit_server

LINKS = 10
GOAL_MB = 600.0
TIMEOUT_MS = 120_000


def worst_links(count: int = LINKS) -> list[str]:
    """Distinct links to the largest forecast the Engagement page can be asked for."""
    countries = ",".join(load_catalog())
    return [
        f"/engagement?days=365&scenario=europe&countries={countries}&seed={seed}"
        for seed in range(1, count + 1)
    ]


def run(count: int = LINKS) -> dict[str, float | int | str]:
    """Open `count` worst-case links; the server's memory before, at peak and after."""
    from playwright.sync_api import sync_playwright

    with streamlit_server() as server, RssPoller(server.pid) as poller:
        answered, seconds, series = 0, [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{server.url}/engagement")  # imports and sample data, not measured
            page.wait_for_selector("[data-testid='stMetric']", timeout=TIMEOUT_MS)
            before = rss_mb(server.pid)
            poller.reset()
            for link in worst_links(count):
                start = time.perf_counter()
                page.goto(server.url + link)
                page.wait_for_selector(
                    "[data-testid='stMetric']:has-text('Cost per lead')", timeout=TIMEOUT_MS
                )
                answered += 1
                seconds.append(time.perf_counter() - start)
                series.append(rss_mb(server.pid))
            browser.close()
        after = rss_mb(server.pid)
    return {
        "links": count,
        "answered": answered,
        "before_mb": before,
        "peak_mb": poller.peak,
        "after_mb": after,
        "growth_mb": max(poller.peak, after) - before,
        "slowest_s": max(seconds) if seconds else float("nan"),
        "series": " ".join(f"{value:.0f}" for value in series),
    }


def report(numbers: dict[str, float | int | str]) -> str:
    """The numbers in three lines, with a verdict against the goal."""
    ok = numbers["answered"] == numbers["links"] and numbers["growth_mb"] <= GOAL_MB
    return "\n".join(
        [
            f"{numbers['answered']} of {numbers['links']} worst-case links answered with their "
            f"figures (slowest {numbers['slowest_s']:.1f} s)",
            f"server memory: {numbers['before_mb']:.0f} MB before, {numbers['peak_mb']:.0f} MB "
            f"peak, {numbers['after_mb']:.0f} MB after: growth {numbers['growth_mb']:.0f} MB "
            f"(goal ≤ {GOAL_MB:.0f} MB); after each link: {numbers['series']} MB",
            "PASS" if ok else "FAIL",
        ]
    )


if __name__ == "__main__":
    print(report(run(int(sys.argv[1]) if len(sys.argv) > 1 else LINKS)))
