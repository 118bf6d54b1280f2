"""Page switches and "Add a continent or region", in real Chromium, one session.

One real `streamlit run` server (free loopback port, throwaway BAS_DATA_DIR) and one Chromium
page at 1400×900. Two journeys, timed in the page itself (`performance.now()`), so
Playwright's own round trips are not counted:

- **page switch**: a click on a page's link in the sidebar navigation → the first animation
  frame where the address bar shows that page, its title is drawn, the script has finished
  and no element is still loading (skeleton). Every page of `PAGES`, first visit of the
  session and then warm visits (each round goes through every page in order).
- **add a region**: on Targeting, Enter on a continent typed into "Add a continent or region"
  → the first frame where its countries are in the Countries box and the script has finished.
  Each trial starts from a link with one country.

Target (issues 15 and 18): under 1 s on this machine. Run:
`.venv/bin/python -m bench.page_switch` (about two minutes); `make bench` includes it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from bench.load import CHROMIUM, CHROMIUM_ARGS, machine, percentile
from components.ui.navigation import PAGES
from components.world.targeting import target_groups
from tools.app_server import streamlit_server

APP = "[data-testid='stApp']"
APP_IDLE = f"{APP}[data-test-script-state='notRunning']"
NAV = "[data-testid='stSidebarNav']"
ROUNDS = 4  # the first is the session's first visit of each page
REGIONS = ("Africa", "South America", "Southern Asia", "Western Africa", "Caribbean")
REGION_TRIALS = 10
TARGET_MS = 1000.0
TIMEOUT_MS = 60_000

# Installed before each timed action: the time of the next click or Enter (capture phase, so
# it is the person's), and the first frame after `ready()` holds; the result lands in
# window.__basSwitch. `ready` is the body of a function of the document.
_WATCH = """
(readyBody) => {
  const ready = new Function(readyBody);
  const state = window.__basSwitch = {clicked: null, shown: null};
  const onClick = (event) => {
    if (event.type === "keydown" && event.key !== "Enter") return;
    if (state.clicked === null) state.clicked = performance.now();
  };
  document.addEventListener("click", onClick, true);
  document.addEventListener("keydown", onClick, true);
  const check = () => {
    if (state.clicked === null || state.shown !== null || !ready()) return;
    state.shown = -1;
    requestAnimationFrame(() => {
      state.shown = performance.now();
      observer.disconnect();
      clearInterval(timer);
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("keydown", onClick, true);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, {childList: true, subtree: true, attributes: true,
                                   characterData: true});
  // The address bar changes without a DOM mutation: look again every 10 ms as well.
  const timer = setInterval(check, 10);
}
"""

_IDLE_JS = (
    f"const app = document.querySelector({APP!r});"
    "const idle = app && app.dataset.testScriptState === 'notRunning'"
    " && !document.querySelector(\"[data-testid='stSkeleton']\");"
)


def _page_ready(path: str, title: str) -> str:
    """The `ready` body for "page `path` is drawn with its title `title`"."""
    return (
        _IDLE_JS + f"const h1 = document.querySelector('h1');"
        f"return idle && location.pathname === {('/' + path)!r}"
        f" && !!h1 && h1.innerText.trim() === {title!r};"
    )


def _countries_ready(count: int) -> str:
    """The `ready` body for "the Countries box holds at least `count` chips"."""
    chips = ".st-key-tgt_countries [data-tag-index]"
    return _IDLE_JS + f"return idle && document.querySelectorAll({chips!r}).length >= {count};"


def _timed(page, ready_body: str, action) -> float:
    page.evaluate(_WATCH, ready_body)
    action()
    page.wait_for_function(
        "() => window.__basSwitch && window.__basSwitch.shown > 0", timeout=TIMEOUT_MS, polling=20
    )
    state = page.evaluate("() => window.__basSwitch")
    return float(state["shown"] - state["clicked"])


def _titles(page, base: str) -> dict[str, str]:
    """Each page's title as drawn (h1), read from a visit that is not timed."""
    titles = {}
    for name in PAGES:
        page.goto(f"{base}/{'' if name == 'compose' else name}")
        page.wait_for_selector("h1", timeout=TIMEOUT_MS)
        page.wait_for_selector(APP_IDLE, timeout=TIMEOUT_MS)
        titles[name] = page.locator("h1").first.inner_text().strip()
    return titles


def _switches(page, base: str, titles: dict[str, str], rounds: int) -> tuple[dict, dict]:
    """Round 0 is each page's first visit in a fresh session; the others are warm."""
    page.goto(base)  # a new session: the browser context was just created
    page.wait_for_selector(APP_IDLE, timeout=TIMEOUT_MS)
    times: dict[str, list[float]] = {"first": [], "warm": []}
    slowest: dict[str, tuple[float, str]] = {"first": (0.0, ""), "warm": (0.0, "")}
    order = [*list(PAGES)[1:], "compose"]  # from Compose, every other page, then back
    for round_index in range(rounds):
        for name in order:
            path = "" if name == "compose" else name
            link = page.locator(NAV).get_by_text(PAGES[name].title, exact=True)
            elapsed = _timed(page, _page_ready(path, titles[name]), link.click)
            visit = "first" if round_index == 0 else "warm"
            times[visit].append(elapsed)
            slowest[visit] = max(slowest[visit], (elapsed, PAGES[name].title))
    return times, slowest


def _add_region(page, base: str, trials: int) -> list[float]:
    groups = target_groups()
    times = []
    for index in range(trials):
        region = REGIONS[index % len(REGIONS)]
        start = "BR" if region != "South America" else "NG"
        page.goto(f"{base}/targeting?countries={start}")
        page.wait_for_selector(".st-key-tgt_group", timeout=TIMEOUT_MS)
        page.wait_for_selector(APP_IDLE, timeout=TIMEOUT_MS)
        page.locator(".st-key-tgt_group input").fill(region)  # as a person does: type, Enter
        page.get_by_role("option", name=f"{region} · {len(groups[region])} countries").wait_for(
            timeout=TIMEOUT_MS
        )
        wanted = len(set(groups[region]) | {start})
        times.append(_timed(page, _countries_ready(wanted), lambda: page.keyboard.press("Enter")))
    return times


def run(rounds: int = ROUNDS, region_trials: int = REGION_TRIALS) -> dict:
    """Start the server and Chromium, time every page switch and region trial, and return
    the latencies in milliseconds with the machine's load."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError("Chromium is missing (apt install chromium, or `make test`).")
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    with streamlit_server() as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        viewport = {"width": 1400, "height": 900}
        warmup = browser.new_page(viewport=viewport)
        titles = _titles(warmup, server.url)  # also compiles every page once on the server
        warmup.context.close()
        page = browser.new_context(viewport=viewport).new_page()
        switches, slowest = _switches(page, server.url, titles, rounds)
        regions = _add_region(page, server.url, region_trials)
        browser.close()
    return {
        "machine": machine(),
        "load": (load_before, os.getloadavg()[0]),
        "latencies_ms": {
            "page switch, first visit": switches["first"],
            "page switch, warm": switches["warm"],
            "add a region": regions,
        },
        "slowest": slowest,
        "total_s": time.perf_counter() - started,
    }


def report(numbers: dict) -> str:
    """One row per journey, against the 1 s target."""
    before, after = numbers["load"]
    lines = [
        f"machine: {numbers['machine']}; load average {before:.1f} → {after:.1f}",
        "",
        f"{'journey':>26} {'n':>3} {'median':>8} {'p10':>7} {'p90':>7} {'max':>7}  target",
    ]
    passed = True
    for journey, latencies in numbers["latencies_ms"].items():
        median = statistics.median(latencies)
        ok = median <= TARGET_MS
        passed &= ok
        lines.append(
            f"{journey:>26} {len(latencies):>3} {median:>6.0f}ms "
            f"{percentile(latencies, 10):>5.0f}ms {percentile(latencies, 90):>5.0f}ms "
            f"{max(latencies):>5.0f}ms  ≤ {TARGET_MS:.0f} ms: {'PASS' if ok else 'FAIL'}"
        )
    for visit, (elapsed, title) in numbers["slowest"].items():
        lines.append(f"slowest page switch, {visit}: {title} ({elapsed:.0f} ms)")
    lines.append(f"overall: {'PASS' if passed else 'FAIL'} ({numbers['total_s']:.0f} s)")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.page_switch", description=__doc__)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--region-trials", type=int, default=REGION_TRIALS)
    args = parser.parse_args(argv)
    print(report(run(args.rounds, args.region_trials)))


if __name__ == "__main__":
    main(sys.argv[1:])
