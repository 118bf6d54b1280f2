"""Concurrent sessions in real Chromium against one real `streamlit run` server.

N browser sessions (Playwright contexts in one headless Chromium, driven with the async API so
they really overlap) each walk the main journey at the same time:

1. Compose: type a unique business name, then a unique headline a few times; each edit is
   committed with Tab and timed until the preview shows the new text (edit → preview latency);
2. Preview: every placement shows this session's business and headline;
3. Targeting: the page and its metrics are drawn;
4. Engagement: the headline figures are drawn (and are the same in every session: same
   campaign settings, same seed);
5. Campaigns: save a draft under a unique name (the journey ends when “Saved” shows);
6. then, as an isolation check: open that draft from the list and go back to Compose, whose
   preview must show this session's own business and last headline.

Isolation: without sign-in the first browser owns the studio's drafts and every other one is
a guest with its own list (README, Owners); the check is that no preview ever shows another
session's business name or headline, and that each session's saved draft reopens with its own
headline.

The server runs on a free loopback port with a throwaway BAS_DATA_DIR; its resident memory
(VmRSS of the process and its children, from /proc) is polled throughout. Every wait has a
timeout, every session a deadline, and traffic goes only to 127.0.0.1: Chromium resolves no
other host, and any request elsewhere counts as an error.

Every session counts as one error if anything fails: an exception, a timeout, a wrong value
(a preview without its own text or with another session's, Engagement figures that differ
between sessions, an error shown on a page, a draft that reopens with the wrong headline).

Run: `.venv/bin/python -m bench.load` (under 4 minutes on a quiet 2-core machine). On two
cores the ten Chromium pages themselves take most of the CPU: the report gives the server's
and the client's CPU use side by side.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import secrets
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from google.protobuf.message import DecodeError
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tools.app_server import Server, streamlit_server

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # Pages in background contexts must keep their timers and animation frames running.
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
    # Nothing but the loopback server resolves (requests elsewhere are also counted as errors).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
SESSIONS = (1, 5, 10)
HEADLINE_EDITS = 2  # headline edits per session (plus one business-name edit)
STEP_TIMEOUT_MS = 60_000  # any one wait in a session
POLL_MS = 50  # how often in-page waits re-check the page
SESSION_DEADLINE_S = 240.0  # one whole session's journey and checks

PREVIEW = ".st-key-preview_panel [data-testid='stHtml']"
CTA = f"{PREVIEW} a.bas-cta"
PLACEMENTS = ".st-key-placements [data-testid='stHtml']"
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
STEPS = (
    "compose: open",
    "compose: business name",
    "compose: headline",
    "preview",
    "targeting",
    "engagement",
    "campaigns: save",
    "campaigns: reopen",
)
ENGAGEMENT_LABELS = ("Spend", "Impressions", "Clicks", "Conversations started")


# --------------------------------------------------------------------------------------------
# The server's memory (the server itself: tools.app_server, shared with bench.leaks)
# --------------------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    """Direct children of a process, from /proc/<pid>/task/*/children."""
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return found


def _vmrss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (VmRSS, 2**20 bytes)."""
    total, todo, seen = 0, [pid], set()
    while todo and len(seen) < 256:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        total += _vmrss_kb(current)
        todo.extend(_children(current))
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its descendants, the ones that
    have ended included (once their parent has reaped them)."""
    total, todo, seen = 0, [pid], set()
    while todo and len(seen) < 256:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            with open(f"/proc/{current}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            # utime, stime, and cutime, cstime: the children it has reaped (fields 14–17).
            total += sum(int(value) for value in fields[11:15])
        except (OSError, ValueError, IndexError):
            pass
        todo.extend(_children(current))
    return total / os.sysconf("SC_CLK_TCK")


class RssPoller:
    """Polls a process tree's RSS on a thread; `peak` is the highest seen since `reset()`."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid, self.interval = pid, interval
        self.peak = 0.0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._loop, name="rss-poller", daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            value = rss_mb(self.pid)
            with self._lock:
                self.peak = max(self.peak, value)
            self._stop.wait(self.interval)

    def reset(self) -> None:
        with self._lock:
            self.peak = rss_mb(self.pid)

    def __enter__(self) -> RssPoller:
        self.reset()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def machine() -> str:
    """This machine in one line: architecture, cores, Python, Streamlit."""
    import streamlit

    return (
        f"{platform.machine()}, {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), "
        f"Python {platform.python_version()}, Streamlit {streamlit.__version__}, "
        f"Chromium {chromium_version()}"
    )


def chromium_version() -> str:
    try:
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=10)
        words = out.stdout.split()
        return words[words.index("Chromium") + 1] if "Chromium" in words else "?"
    except (OSError, subprocess.SubprocessError, IndexError):
        return "?"


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100), linear between closest ranks; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def is_local(url: str, base: str) -> bool:
    """Whether a request goes to the local server (or never leaves the page)."""
    return url.startswith((base, "data:", "blob:", "about:"))


# --------------------------------------------------------------------------------------------
# One session's journey
# --------------------------------------------------------------------------------------------


@dataclass
class SessionResult:
    tag: str
    latencies: list[float] = field(default_factory=list)  # edit → preview, seconds
    rerun_latencies: list[float] = field(default_factory=list)  # edit → its rerun's end
    journey: float | None = None  # compose → saved draft, seconds
    engagement: tuple[str, ...] = ()  # headline figures as shown
    error: str | None = None
    step: str = ""  # the step the session is in (for errors)
    steps: dict[str, float] = field(default_factory=dict)  # seconds spent in each step
    _mark: float = 0.0

    async def check(self, page) -> None:
        """Fail on anything the app shows as an error (a traceback or an error box)."""
        shown = page.locator("[data-testid='stException'], [data-testid='stAlertContentError']")
        if await shown.count():
            raise AssertionError(
                f"the page shows an error: {(await shown.first.inner_text())[:200]!r}"
            )

    def enter(self, step: str) -> None:
        """Start timing `step` (and stop timing the previous one)."""
        now = time.perf_counter()
        if self.step and self._mark:
            self.steps[self.step] = self.steps.get(self.step, 0.0) + now - self._mark
        self.step, self._mark = step, now


class RunCounter:
    """The script runs of one page's session that have finished, counted on the wire.

    Streamlit sends a `script_finished` ForwardMsg at the end of every run. Counting those on
    the page's websocket is exact; the app root's `data-test-script-state` attribute is not
    enough under load, where a short run's start and end can reach the page together and
    the attribute never leaves `notRunning`.
    """

    def __init__(self, page) -> None:
        self.finished = 0
        self.finished_at: list[float] = []  # perf_counter() when each run's end arrived
        self.compile_errors = 0
        page.on("websocket", self._on_websocket)
        page.bas_runs = self

    def _on_websocket(self, websocket) -> None:
        if "/_stcore/stream" in websocket.url:
            websocket.on("framereceived", self._on_frame)

    def _on_frame(self, payload: str | bytes) -> None:
        if isinstance(payload, str):
            return
        try:
            message = ForwardMsg.FromString(payload)
        except DecodeError:
            return
        if message.WhichOneof("type") != "script_finished":
            return
        if message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            return
        if message.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
            self.compile_errors += 1
        self.finished += 1
        self.finished_at.append(time.perf_counter())


def runs(page) -> int:
    """How many script runs this page's session has finished (see RunCounter)."""
    return page.bas_runs.finished


async def run_done(page, before: int, timeout: float = STEP_TIMEOUT_MS / 1000) -> None:
    """Wait until a run after the `before`-th has finished and the page shows it idle."""
    counter: RunCounter = page.bas_runs
    deadline = time.monotonic() + timeout
    while counter.finished <= before:
        if time.monotonic() > deadline:
            raise RuntimeError(f"no script run finished within {timeout:.0f} s (after #{before})")
        await asyncio.sleep(0.02)
    if counter.compile_errors:
        raise RuntimeError("the app script failed to compile")
    await page.wait_for_selector(APP_IDLE)


async def rerun(page, action) -> None:
    """Do `action()` (a widget interaction) and wait for the rerun it causes to finish."""
    before = runs(page)
    await action()
    await run_done(page, before)


async def go(page, title: str) -> None:
    """Switch page through the sidebar, as a person does (the session carries over)."""
    nav = page.locator("[data-testid='stSidebarNav']").get_by_text(title, exact=True)
    await rerun(page, nav.click)


async def _text(page, selector: str) -> str:
    return await page.locator(selector).first.inner_text()


def _check_isolation(text: str, own: tuple[str, ...], others: list[str], where: str) -> None:
    for mine in own:
        if mine not in text:
            raise AssertionError(f"{where}: own text {mine!r} missing")
    for theirs in others:
        if theirs in text:
            raise AssertionError(f"{where}: shows another session's {theirs!r}")


async def _edit(page, key: str, value: str, result: SessionResult) -> None:
    """Type into a Compose field, commit with Tab, time until the preview shows it."""
    box = page.locator(f".st-key-ad_{key} input")
    before = runs(page)
    await box.fill(value)
    start = time.perf_counter()  # the commit is the Tab (or, at the latest, a typing pause)
    await box.press("Tab")
    await page.wait_for_function(
        "([s, v]) => (document.querySelector(s)?.innerText || '').includes(v)",
        arg=[PREVIEW, value],
        polling=POLL_MS,
    )
    result.latencies.append(time.perf_counter() - start)
    await run_done(page, before)
    result.rerun_latencies.append(page.bas_runs.finished_at[before] - start)


async def journey(context, base: str, tag: str, others: list[str], result: SessionResult):
    """One person's journey; raises on any timeout or wrong value."""
    business = f"Load Bakery {tag}"
    headlines = [f"Fresh bread {tag} v{k}" for k in range(HEADLINE_EDITS)]
    draft = f"Load draft {tag}"
    page = await context.new_page()
    RunCounter(page)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))

    result.enter("compose: open")
    started = time.perf_counter()
    await page.goto(base)
    await run_done(page, 0)
    await page.wait_for_selector(CTA)

    await result.check(page)
    result.enter("compose: business name")
    sections = page.locator(".st-key-compose_section button")
    await rerun(page, sections.filter(has_text="Page").click)
    await _edit(page, "business", business, result)
    await result.check(page)
    result.enter("compose: headline")
    await rerun(page, sections.filter(has_text="Copy").click)
    for headline in headlines:
        await _edit(page, "headline", headline, result)
    own = (business, headlines[-1])
    _check_isolation(await _text(page, PREVIEW), own, others, "compose preview")

    await result.check(page)
    result.enter("preview")
    await go(page, "Preview")
    await page.wait_for_function(
        "([s, v]) => (document.querySelector(s)?.innerText || '').includes(v)",
        arg=[PLACEMENTS, business],
    )
    _check_isolation(await _text(page, PLACEMENTS), own, others, "preview page")

    await result.check(page)
    result.enter("targeting")
    await go(page, "Targeting")
    await page.wait_for_selector(".st-key-tgt_scenario button")
    await page.wait_for_selector("[data-testid='stMetric']:has-text('Delivering')")
    delivering = await _text(page, "[data-testid='stMetric']:has-text('Delivering')")
    if " of " not in delivering:
        raise AssertionError(f"targeting: unexpected Delivering metric {delivering!r}")

    await result.check(page)
    result.enter("engagement")
    await go(page, "Engagement")
    metrics = page.locator("[data-testid='stMetric']")
    await page.wait_for_function(
        "n => document.querySelectorAll(\"[data-testid='stMetric']\").length >= n",
        arg=len(ENGAGEMENT_LABELS),
    )
    texts = tuple(await metrics.all_inner_texts())
    joined = "\n".join(texts)
    for label in ENGAGEMENT_LABELS:
        if label not in joined:
            raise AssertionError(f"engagement: no {label!r} figure in {joined[:200]!r}")
    result.engagement = texts

    await result.check(page)
    result.enter("campaigns: save")
    await go(page, "Campaigns")
    name_box = page.locator(".st-key-draft_name input")
    before = runs(page)
    await name_box.fill(draft)
    await name_box.press("Tab")
    await run_done(page, before)
    await rerun(page, page.locator(".st-key-draft_save button").click)
    await page.wait_for_selector(f"text=Saved “{draft}”, version 1.")
    result.journey = time.perf_counter() - started

    await result.check(page)
    result.enter("campaigns: reopen")
    row = page.locator("[class*='st-key-draft_']", has_text=draft).first
    await rerun(page, row.get_by_role("button", name="Open").click)
    await page.wait_for_selector(f"text=Opened “{draft}”.")
    await go(page, "Compose")
    await page.wait_for_selector(CTA)
    _check_isolation(await _text(page, PREVIEW), own, others, "reopened draft")
    if dialogs:
        raise AssertionError(f"a dialog opened: {dialogs}")
    await result.check(page)
    result.enter("done")
    await page.close()


async def _session(browser, base: str, tag: str, others: list[str]) -> SessionResult:
    result = SessionResult(tag)
    context = await browser.new_context(
        viewport={"width": 1280, "height": 900}, reduced_motion="reduce"
    )
    context.set_default_timeout(STEP_TIMEOUT_MS)
    outside: list[str] = []
    context.on("request", lambda req: None if is_local(req.url, base) else outside.append(req.url))
    try:
        await asyncio.wait_for(journey(context, base, tag, others, result), SESSION_DEADLINE_S)
        if outside:
            raise AssertionError(f"requests outside the local server: {outside[:3]}")
    except TimeoutError:
        result.error = f"deadline of {SESSION_DEADLINE_S:.0f} s passed"
    except Exception as error:  # every failure counts, whatever it is
        result.error = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
    finally:
        try:
            await asyncio.wait_for(context.close(), 30)
        except Exception as error:
            result.error = result.error or f"closing the context: {error}"
    return result


async def _warm_up(browser, base: str) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(STEP_TIMEOUT_MS)
    try:
        page = await context.new_page()
        RunCounter(page)
        await page.goto(base)
        await run_done(page, 0)
        for title in ("Preview", "Targeting", "Engagement", "Campaigns"):
            await go(page, title)
    finally:
        await context.close()


async def _round(browser, base: str, count: int, token: str) -> list[SessionResult]:
    tags = [f"{token}-{count:02d}-{index:02d}" for index in range(count)]
    # The other sessions' business names and headlines must never show in this one.
    names = {tag: [f"Load Bakery {tag}", f"Fresh bread {tag}"] for tag in tags}
    return list(
        await asyncio.gather(
            *(
                _session(browser, base, tag, [n for t, ns in names.items() if t != tag for n in ns])
                for tag in tags
            )
        )
    )


async def _run(server: Server, poller: RssPoller, sessions: tuple[int, ...]) -> list[dict]:
    from playwright.async_api import async_playwright

    token = secrets.token_hex(2)
    rounds = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            # One unmeasured visit of each page first: imports, caches and the sample data are
            # loaded once per server, not per session; the first round would mostly measure that.
            await _warm_up(browser, server.url)
            for count in sessions:
                before = rss_mb(server.pid)
                poller.reset()
                cpu, load = cpu_seconds(server.pid), os.getloadavg()[0]
                rig = cpu_seconds(os.getpid())  # this process's tree: Chromium and the server
                start = time.perf_counter()
                results = await _round(browser, server.url, count, token)
                wall = time.perf_counter() - start
                one = _summary(count, results, wall, before, poller.peak, server)
                server_cpu = cpu_seconds(server.pid) - cpu
                one["server_cpu_share"] = server_cpu / wall
                one["browser_cpu_share"] = (cpu_seconds(os.getpid()) - rig - server_cpu) / wall
                one["load_average"] = (load + os.getloadavg()[0]) / 2
                rounds.append(one)
        finally:
            await browser.close()
    _check_same_forecast(rounds)
    return rounds


def _summary(count, results, wall, before, peak, server) -> dict:
    latencies = [value for result in results for value in result.latencies]
    reruns = [value for result in results for value in result.rerun_latencies]
    journeys = [result.journey for result in results if result.journey is not None]
    return {
        "sessions": count,
        "errors": sum(result.error is not None for result in results),
        "error_messages": [f"{r.tag} at {r.step}: {r.error}" for r in results if r.error],
        "edits": len(latencies),
        "latency_median_s": statistics.median(latencies) if latencies else float("nan"),
        "latency_p95_s": percentile(latencies, 95),
        "latency_max_s": max(latencies, default=float("nan")),
        "rerun_median_s": statistics.median(reruns) if reruns else float("nan"),
        "rerun_p95_s": percentile(reruns, 95),
        "journey_median_s": statistics.median(journeys) if journeys else float("nan"),
        "journey_max_s": max(journeys, default=float("nan")),
        "wall_s": wall,
        "rss_before_mb": before,
        "rss_peak_mb": peak,
        "rss_after_mb": rss_mb(server.pid),
        "engagement": [result.engagement for result in results if result.engagement],
        "steps_median_s": {
            step: statistics.median(r.steps[step] for r in results if step in r.steps)
            for step in STEPS
            if any(step in r.steps for r in results)
        },
    }


def _check_same_forecast(rounds: list[dict]) -> None:
    """Every session ran the same campaign with the same seed: the figures must agree."""
    shown = {figures for one in rounds for figures in one.pop("engagement")}
    if len(shown) > 1:
        rounds[-1]["error_messages"].append(
            f"engagement figures differ between sessions: {len(shown)} distinct sets"
        )
        rounds[-1]["errors"] += 1


def run(sessions: tuple[int, ...] = SESSIONS, options: dict[str, str] | None = None) -> dict:
    """Start the server and Chromium, run each round of concurrent sessions, and return the
    numbers: one row per round, plus the machine and the server's memory at start.

    `options`: Streamlit config options for the server (see `streamlit_server`)."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError("Chromium is missing (apt install chromium, or `make test`).")
    started = time.perf_counter()
    with streamlit_server(options) as server, RssPoller(server.pid) as poller:
        idle = rss_mb(server.pid)
        rounds = asyncio.run(_run(server, poller, tuple(sessions)))
        log_errors = [
            line
            for line in server.log_tail(400_000).splitlines()
            if '"GET ' not in line  # the access log
            and any(word in line for word in ("Traceback", "Exception", " ERROR ", "Error:"))
        ]
    return {
        "machine": machine(),
        "options": dict(options or {}),
        "headline_edits": HEADLINE_EDITS,
        "rss_idle_mb": idle,
        "rounds": rounds,
        "server_log_errors": log_errors[:10],
        "total_s": time.perf_counter() - started,
        "passed": all(one["errors"] == 0 for one in rounds) and not log_errors,
    }


def report(numbers: dict) -> str:
    """The rounds as a table, where the time goes, then any error."""
    lines = [
        f"machine: {numbers['machine']}",
        f"each session: open Compose, 1 business-name + {numbers['headline_edits']} headline "
        "edits, Preview, Targeting, Engagement, Campaigns (save a draft), reopen the draft",
        f"server RSS when idle (before any session): {numbers['rss_idle_mb']:.0f} MB",
        *(
            [f"server options: {options_text(numbers['options'])}"]
            if numbers.get("options")
            else []
        ),
        "",
        f"{'sessions':>8} {'errors':>6} {'edits':>5} {'edit→preview p50':>16} {'p95':>6} "
        f"{'journey p50':>11} {'RSS peak':>9} {'rerun p50':>9} {'p95':>6} "
        f"{'server CPU':>10} {'client CPU':>10} {'load':>5} {'round':>6}",
    ]
    for one in numbers["rounds"]:
        lines.append(
            f"{one['sessions']:>8} {one['errors']:>6} {one['edits']:>5} "
            f"{one['latency_median_s']:>15.2f}s {one['latency_p95_s']:>5.2f}s "
            f"{one['journey_median_s']:>10.1f}s {one['rss_peak_mb']:>6.0f} MB "
            f"{one['rerun_median_s']:>8.2f}s {one['rerun_p95_s']:>5.2f}s "
            f"{one['server_cpu_share']:>10.0%} {one['browser_cpu_share']:>10.0%} "
            f"{one['load_average']:>5.1f} {one['wall_s']:>5.0f}s"
        )
    lines += ["", "median seconds per step (each session's time in the step):"]
    lines.append(
        f"{'sessions':>8} " + " ".join(f"{step.split(': ')[-1][:10]:>10}" for step in STEPS)
    )
    for one in numbers["rounds"]:
        cells = (one["steps_median_s"].get(step, float("nan")) for step in STEPS)
        lines.append(f"{one['sessions']:>8} " + " ".join(f"{cell:>9.2f}s" for cell in cells))
    messages = [message for one in numbers["rounds"] for message in one["error_messages"]]
    if messages:
        lines += ["", "errors:", *(f"  {message}" for message in messages[:20])]
    if numbers["server_log_errors"]:
        lines += ["", "server log:", *(f"  {line}" for line in numbers["server_log_errors"])]
    lines += [
        "",
        "edit→preview: Tab pressed until the preview shows the new text; rerun: Tab pressed "
        "until that rerun's script_finished reached the browser; journey: opening Compose to "
        "“Saved” on Campaigns; RSS: the streamlit process tree (VmRSS, polled every 0.1 s); "
        "CPU: CPU time over the round's wall time (100% = one core), the server's and the "
        "client's (Chromium, Playwright); load: the machine's 1-minute load average during "
        "the round",
        (
            "isolation held: every session's previews showed its own business and headline, "
            "never another session's, and every reopened draft had its own"
            if numbers["passed"]
            else "isolation and values: see the errors above"
        ),
        f"whole run {numbers['total_s']:.0f} s · {'PASS' if numbers['passed'] else 'FAIL'}",
    ]
    return "\n".join(lines)


def options_text(options: dict[str, str]) -> str:
    return " ".join(f"--{key} {value}" for key, value in options.items())


def parse_options(values: list[str]) -> dict[str, str]:
    """`--option section.name=value` arguments as a dict."""
    options = {}
    for value in values:
        key, sep, setting = value.partition("=")
        if not sep or not key.strip():
            raise SystemExit(f"--option wants section.name=value, not {value!r}")
        options[key.strip()] = setting.strip()
    return options


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--sessions", type=int, nargs="+", default=list(SESSIONS),
                        help="concurrent sessions of each round (1 5 10)")  # fmt: skip
    parser.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                        help="a Streamlit config option for the server, e.g. "
                        "runner.postScriptGC=false (repeatable)")  # fmt: skip
    args = parser.parse_args(argv)
    print(report(run(tuple(args.sessions), parse_options(args.option))))


if __name__ == "__main__":
    main(sys.argv[1:])
