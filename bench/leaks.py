"""Does the server's memory stay flat over many reruns of each page in one session?

One real `streamlit run` server (free loopback port, throwaway BAS_DATA_DIR), one Chromium
page, one Streamlit session. For each page the session switches to it through the sidebar,
then reruns it by real widget interactions, alternating between two values so that every
interaction changes a widget and causes exactly one rerun (counted on the websocket):

- Compose: type into the headline (two texts, alternately);
- Preview: the Phone frame toggle, on and off;
- Targeting: the budget split, “By hand” (a data editor) and “In proportion to audience”;
- Engagement: the chart, “Funnel” and “Over time”;
- Campaigns: type into the drafts search box (two words, alternately);
- Walkthrough: Next, then Back (steps 1 and 2 of the tour);
- Model & assumptions: its tabs switch in the browser without a rerun, so the sidebar's
  “Share or save” menu's “Share link” (a rerun that opens a dialog; Escape closes it).

The server's resident memory (VmRSS of the process tree, from /proc) is read after a warm-up
of 20 reruns and then every 20 reruns up to 200. A page passes when it grew by less than
min(30 MB, 10% of its warmed-up RSS) between rerun 20 and rerun 200; the slope (MB per 100
reruns, least squares over those readings) says whether what growth there is keeps going.

Bounded: every wait has a timeout and each page a time limit; a page that hits it stops early
and says how many reruns it did. Run: `.venv/bin/python -m bench.leaks` (about 5 minutes).
Optionally, `--apptest` adds an in-process complement: Python heap growth (tracemalloc) over
the same number of AppTest reruns of each page.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time

from bench.load import (
    CHROMIUM,
    CHROMIUM_ARGS,
    RunCounter,
    cpu_seconds,
    go,
    machine,
    options_text,
    parse_options,
    rerun,
    rss_mb,
    run_done,
    runs,
)
from components.ui.navigation import PAGES as APP_PAGES
from tools.app_server import streamlit_server

RERUNS = 200
WARMUP = 20
SAMPLE_EVERY = 20
BOUND_MB = 30.0
BOUND_SHARE = 0.10
TIME_BUDGET_S = 320.0  # the browser part; each page gets an equal share of what is left
SETTLE_S = 0.25  # pause before reading the RSS, so that freed memory has been freed


async def _type(page, selector: str, text: str) -> None:
    box = page.locator(selector)
    await box.fill(text)
    await box.press("Enter")


async def compose(page, index: int) -> None:
    await _type(page, ".st-key-ad_headline input", f"Fresh bread every morning {index % 2}")


async def preview(page, index: int) -> None:
    await page.locator(".st-key-preview_frame label").click()


async def targeting(page, index: int) -> None:
    label = "By hand" if index % 2 == 0 else "In proportion to audience"
    await page.locator(".st-key-tgt_split_mode label", has_text=label).click()


async def engagement(page, index: int) -> None:
    label = "Funnel" if index % 2 == 0 else "Over time"
    await page.locator(".st-key-eng_view button", has_text=label).click()


async def campaigns(page, index: int) -> None:
    await _type(page, ".st-key-drafts_search input", "bakery" if index % 2 == 0 else "plumber")


async def walkthrough(page, index: int) -> None:
    key = "wt_next" if index % 2 == 0 else "wt_back"
    await page.locator(f".st-key-{key} button").click()


async def model(page, index: int) -> None:
    dialog = page.locator("[data-testid='stDialog']")
    if await dialog.count():
        await page.keyboard.press("Escape")
        await dialog.wait_for(state="detached")
    await page.get_by_role("button", name="Share or save").click()
    await page.get_by_role("menuitem", name="Share link").click()


# Per page of the app (components.ui.navigation.PAGES): one interaction that changes a
# widget, and what it does.
INTERACTIONS = {
    "compose": (compose, "type the headline"),
    "preview": (preview, "Phone frame toggle"),
    "targeting": (targeting, "split: by hand / by audience"),
    "engagement": (engagement, "chart: Funnel / Over time"),
    "campaigns": (campaigns, "type the drafts search"),
    "walkthrough": (walkthrough, "Next / Back"),
    "model": (model, "sidebar menu: Share link (dialog)"),
}
# (path, sidebar title, interaction, what it does)
PAGES = tuple(
    (f"/{entry.url_path}", entry.title, *INTERACTIONS[name]) for name, entry in APP_PAGES.items()
)


async def _settled_rss(page, pid: int) -> float:
    await page.wait_for_timeout(SETTLE_S * 1000)
    readings = []
    for _ in range(5):
        readings.append(rss_mb(pid))
        await asyncio.sleep(0.05)
    return statistics.median(readings)


def slope_per_100(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of RSS against reruns, in MB per 100 reruns."""
    if len(points) < 2:
        return float("nan")
    xs, ys = [x for x, _ in points], [y for _, y in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if not spread:
        return float("nan")
    return 100 * sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


async def _one_page(page, pid, path, title, action, reruns, warmup, seconds) -> dict:
    """Switch to the page, rerun it `reruns` times (stopping early after `seconds`), and
    read the server's RSS after the warm-up and every SAMPLE_EVERY reruns."""
    row = {"page": path, "title": title, "errors": [], "time_limit_s": seconds}
    started = time.perf_counter()
    deadline = started + seconds
    done, points, durations, cpu = 0, [], [], (0.0, 0)
    try:
        if path != "/":  # the session starts on Compose; clicking the page it is on is no rerun
            await go(page, title)
        while done < reruns:
            if time.perf_counter() > deadline:
                row["stopped_early"] = True
                break
            start = time.perf_counter()
            await rerun(page, lambda: action(page, done))  # noqa: B023 (awaited at once)
            durations.append(time.perf_counter() - start)
            done += 1
            if done >= warmup and (done - warmup) % SAMPLE_EVERY == 0:
                points.append((done, await _settled_rss(page, pid)))
                if done == warmup:
                    cpu = (cpu_seconds(pid), done)
        if points and points[-1][0] != done:
            points.append((done, await _settled_rss(page, pid)))
        shown = page.locator("[data-testid='stException']")
        if await shown.count():
            row["errors"].append(f"the page shows an exception: {await shown.first.inner_text()}")
    except Exception as error:  # a timeout or anything else: recorded, the next page goes on
        row["errors"].append(f"{type(error).__name__}: {str(error).splitlines()[0][:200]}")
    warm = points[0][1] if points else float("nan")
    end = points[-1][1] if points else float("nan")
    bound = min(BOUND_MB, BOUND_SHARE * warm)
    measured = done - cpu[1]
    row.update(
        reruns=done,
        rss_warm_mb=warm,
        rss_end_mb=end,
        growth_mb=end - warm,
        growth_share=(end - warm) / warm if warm else float("nan"),
        bound_mb=bound,
        slope_mb_per_100=slope_per_100(points),
        samples=points,
        rerun_median_s=statistics.median(durations) if durations else float("nan"),
        server_cpu_ms=(
            1000 * (cpu_seconds(pid) - cpu[0]) / measured if cpu[1] and measured else float("nan")
        ),
        seconds=time.perf_counter() - started,
    )
    row["passed"] = not row["errors"] and done > warmup and end - warm < bound
    return row


async def _browser_run(server, reruns: int, warmup: int, budget: float) -> list[dict]:
    from playwright.async_api import async_playwright

    rows = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            context = await browser.new_context(
                viewport={"width": 1280, "height": 900}, reduced_motion="reduce"
            )
            context.set_default_timeout(60_000)
            base = server.url
            outside: list[str] = []
            context.on(
                "request",
                lambda req: None if req.url.startswith((base, "data:", "blob:", "about:"))
                else outside.append(req.url),
            )  # fmt: skip
            page = await context.new_page()
            RunCounter(page)
            await page.goto(base)
            await run_done(page, 0)
            budget_end = time.perf_counter() + budget
            for number, (path, title, action, _) in enumerate(PAGES):
                share = (budget_end - time.perf_counter()) / (len(PAGES) - number)
                before = runs(page)
                rows.append(
                    await _one_page(page, server.pid, path, title, action, reruns, warmup,
                                    max(share, 15.0))
                )  # fmt: skip
                rows[-1]["runs_seen"] = runs(page) - before
            if outside:
                rows[-1]["errors"].append(f"requests outside the local server: {outside[:3]}")
                rows[-1]["passed"] = False
        finally:
            await browser.close()
    return rows


def apptest_run(reruns: int = RERUNS, warmup: int = WARMUP) -> list[dict]:
    """In-process complement: Python heap growth (tracemalloc) over AppTest reruns of each
    page (plain reruns, no widget change), against a throwaway drafts database."""
    rows = []
    data = tempfile.mkdtemp(prefix="bas-leaks-")
    saved = os.environ.get("BAS_DATA_DIR")
    os.environ["BAS_DATA_DIR"] = data
    try:
        for path, title, _, _ in PAGES:
            rows.append(_apptest_page(path, title, reruns, warmup))
    finally:
        if saved is None:
            os.environ.pop("BAS_DATA_DIR", None)
        else:
            os.environ["BAS_DATA_DIR"] = saved
        shutil.rmtree(data, ignore_errors=True)
    return rows


def _apptest_page(path: str, title: str, reruns: int, warmup: int) -> dict:
    import gc
    import tracemalloc

    from streamlit.testing.v1 import AppTest

    from bench.load import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    if path != "/":
        at.switch_page(next(e.path for e in APP_PAGES.values() if f"/{e.url_path}" == path))
    for _ in range(warmup):
        at.run()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    start = time.perf_counter()
    for _ in range(reruns - warmup):
        at.run()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return {
        "page": path,
        "title": title,
        "reruns": reruns - warmup,
        "heap_growth_mb": (after - before) / 2**20,
        "exceptions": len(at.exception),
        "seconds": time.perf_counter() - start,
    }


def run(
    reruns: int = RERUNS,
    warmup: int = WARMUP,
    apptest: bool = False,
    budget: float = TIME_BUDGET_S,
    options: dict[str, str] | None = None,
) -> dict:
    """Start the server and Chromium, rerun each page in one session, return the readings."""
    started = time.perf_counter()
    with streamlit_server(options) as server:
        idle = rss_mb(server.pid)
        rows = asyncio.run(_browser_run(server, reruns, warmup, budget))
        after = rss_mb(server.pid)
    numbers = {
        "machine": machine(),
        "reruns": reruns,
        "warmup": warmup,
        "rss_idle_mb": idle,
        "rss_final_mb": after,
        "time_budget_s": budget,
        "options": dict(options or {}),
        "pages": rows,
        "browser_seconds": time.perf_counter() - started,
        "passed": all(row["passed"] for row in rows),
    }
    if apptest:
        numbers["apptest"] = apptest_run(reruns, warmup)
    return numbers


def report(numbers: dict) -> str:
    """One line per page, then what went wrong, if anything."""
    reruns, warmup = numbers["reruns"], numbers["warmup"]
    lines = [
        f"machine: {numbers['machine']}",
        f"one session, {reruns} reruns per page; server RSS read after {warmup} (warm) and "
        f"every {SAMPLE_EVERY} after; bound: growth < min({BOUND_MB:.0f} MB, "
        f"{BOUND_SHARE:.0%} of warm RSS)",
        f"server RSS idle {numbers['rss_idle_mb']:.0f} MB, at the end "
        f"{numbers['rss_final_mb']:.0f} MB"
        + (f"; server options: {options_text(numbers['options'])}" if numbers["options"] else ""),
        "",
        f"{'page':13} {'rerun by':30} {'reruns':>6} {'rerun p50':>9} {'server CPU':>10} "
        f"{'RSS warm':>9} {'at end':>7} {'growth':>8} {'MB/100':>7}  verdict",
    ]
    for row in numbers["pages"]:
        verdict = "PASS" if row["passed"] else "FAIL"
        how = next(what for path, _, _, what in PAGES if path == row["page"])
        lines.append(
            f"{row['page']:13} {how:30} {row['reruns']:>6} {row['rerun_median_s']:>8.2f}s "
            f"{row['server_cpu_ms']:>7.0f} ms {row['rss_warm_mb']:>6.0f} MB "
            f"{row['rss_end_mb']:>4.0f} MB "
            f"{row['growth_mb']:>+5.1f} MB {row['slope_mb_per_100']:>+7.1f}  {verdict}"
        )
    short = [row for row in numbers["pages"] if row["reruns"] < reruns]
    if short:
        lines.append(
            f"REDUCED: fewer than {reruns} reruns (each page's share of the "
            f"{numbers['time_budget_s']:.0f} s budget ran out; --budget for more) on: "
            + ", ".join(
                f"{row['page']} ({row['reruns']} in {row['time_limit_s']:.0f} s)" for row in short
            )
        )
    problems = [f"{row['page']}: {error}" for row in numbers["pages"] for error in row["errors"]]
    if problems:
        lines += ["", "problems:", *(f"  {problem}" for problem in problems)]
    lines.append("")
    lines.append(
        "RSS samples (rerun: MB): "
        + "; ".join(
            f"{row['page']} " + " ".join(f"{y:.0f}" for _, y in row["samples"])
            for row in numbers["pages"]
        )
    )
    if "apptest" in numbers:
        lines += ["", "AppTest complement (in-process, Python heap via tracemalloc):"]
        for row in numbers["apptest"]:
            lines.append(
                f"  {row['page']:13} {row['reruns']:>4} reruns  heap {row['heap_growth_mb']:+.2f} "
                f"MB  exceptions {row['exceptions']}  {row['seconds']:.0f} s"
            )
    lines.append(
        f"browser run {numbers['browser_seconds']:.0f} s · "
        f"{'PASS' if numbers['passed'] else 'FAIL'}"
    )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    summary = (__doc__ or "").split("\n")[0]
    parser = argparse.ArgumentParser(prog="python -m bench.leaks", description=summary)
    parser.add_argument("--reruns", type=int, default=RERUNS, help="reruns per page (200)")
    parser.add_argument("--budget", type=float, default=TIME_BUDGET_S,
                        help="seconds for the browser part; pages share it (320)")  # fmt: skip
    parser.add_argument("--apptest", action="store_true", help="add the AppTest complement")
    parser.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                        help="a Streamlit config option for the server, e.g. "
                        "runner.postScriptGC=false (repeatable)")  # fmt: skip
    args = parser.parse_args(argv)
    options = parse_options(args.option)
    print(report(run(args.reruns, apptest=args.apptest, budget=args.budget, options=options)))


if __name__ == "__main__":
    main(sys.argv[1:])
