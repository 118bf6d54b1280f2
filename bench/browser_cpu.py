"""Chromium's CPU per Compose edit, against a one-input floor page, in the same run.

Two real servers: the app, and `bench/floor_app.py` (one text field and the line it writes,
the least a Streamlit page can do per edit). Two headless Chromium browsers, one per page, so
each one's process tree (browser, renderer, GPU and utility processes) is its own: CPU time is
read from /proc (user + system) before and after each round. An edit is one new headline
typed into Compose until the preview shows it, or one new line typed into the floor page's
field (Enter) until the page shows it: one rerun each. Rounds alternate between the two, so
both see the same machine load.

Goal (issue 18): Compose ≤ 1.3× the floor. Run: `.venv/bin/python -m bench.browser_cpu`
(about a minute); `make bench` includes it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from bench.load import CHROMIUM, CHROMIUM_ARGS, _children, cpu_seconds, machine
from tools.app_server import streamlit_server

ROUNDS = 6
EDITS = 5  # per round and page
GOAL = 1.3
TIMEOUT_MS = 60_000
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
PREVIEW = ".st-key-preview_panel [data-testid='stHtml']"
FLOOR_SCRIPT = Path(__file__).resolve().parent / "floor_app.py"


def _launch(playwright) -> tuple[object, int]:
    """A new Chromium and the pid of its main process (the new child of Playwright's driver)."""
    driver_children = {pid for child in _children(os.getpid()) for pid in _children(child)}
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    for child in _children(os.getpid()):
        new = set(_children(child)) - driver_children
        if new:
            return browser, min(new)
    raise RuntimeError("could not find the new Chromium process")


def _compose_edit(page, index: int) -> None:
    text = f"Fresh bread batch {index:03d}"
    page.locator(".st-key-ad_headline input").fill(text)
    page.wait_for_function(
        "([s, t]) => document.querySelector(s)?.innerText.includes(t)",
        arg=[PREVIEW, text],
        timeout=TIMEOUT_MS,
    )
    page.wait_for_selector(APP_IDLE, timeout=TIMEOUT_MS)


def _floor_edit(page, index: int) -> None:
    text = f"Fresh bread batch {index:03d}"
    box = page.locator(".st-key-floor_text input")
    box.fill(text)
    box.press("Enter")
    page.get_by_text(f"Echo: {text}").wait_for(timeout=TIMEOUT_MS)
    page.wait_for_selector(APP_IDLE, timeout=TIMEOUT_MS)


def run(rounds: int = ROUNDS, edits: int = EDITS) -> dict:
    """CPU seconds per edit of each page's browser, round by round."""
    from playwright.sync_api import sync_playwright

    load_before = os.getloadavg()[0]
    per_edit: dict[str, list[float]] = {"compose": [], "floor": []}
    with (
        streamlit_server() as app,
        streamlit_server(script=FLOOR_SCRIPT) as floor,
        sync_playwright() as playwright,
    ):
        pages = {}
        for name, server, path in (("compose", app, "/"), ("floor", floor, "/")):
            browser, pid = _launch(playwright)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(server.url + path)
            page.wait_for_selector(APP_IDLE, timeout=TIMEOUT_MS)
            pages[name] = (page, pid)
        edit = {"compose": _compose_edit, "floor": _floor_edit}
        for name, (page, _) in pages.items():  # warm: first runs, fonts, code loaded
            for index in range(2):
                edit[name](page, 900 + index)
        for round_index in range(rounds):
            for name, (page, pid) in pages.items():
                before = cpu_seconds(pid)
                for index in range(edits):
                    edit[name](page, round_index * edits + index)
                per_edit[name].append((cpu_seconds(pid) - before) / edits * 1000)
    return {
        "machine": machine(),
        "load": (load_before, os.getloadavg()[0]),
        "edits": rounds * edits,
        "cpu_ms_per_edit": per_edit,
    }


def report(numbers: dict) -> str:
    """Median CPU per edit of each page's Chromium, and their ratio against the goal."""
    before, after = numbers["load"]
    compose = statistics.median(numbers["cpu_ms_per_edit"]["compose"])
    floor = statistics.median(numbers["cpu_ms_per_edit"]["floor"])
    ratio = compose / floor
    spread = {
        name: f"{min(values):.0f}–{max(values):.0f}"
        for name, values in numbers["cpu_ms_per_edit"].items()
    }
    return "\n".join(
        [
            f"machine: {numbers['machine']}; load average {before:.1f} → {after:.1f}",
            f"{numbers['edits']} edits per page, Chromium CPU (user + system, every process)",
            f"Compose: {compose:6.1f} ms per edit (rounds {spread['compose']} ms)",
            f"floor:   {floor:6.1f} ms per edit (rounds {spread['floor']} ms)",
            f"Compose / floor: {ratio:.2f}×  (goal ≤ {GOAL}×: "
            f"{'PASS' if ratio <= GOAL else 'FAIL'})",
        ]
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.browser_cpu", description=__doc__)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print(report(run(args.rounds)))
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
