"""Warm rerun time of each page under AppTest, against an empty one-line Streamlit page.

Both are measured in the same run on the same machine, so the ratio is what counts. A
"warm rerun" is a script rerun after the first one, with caches filled, as when a person edits
a field. Run: `.venv/bin/python -m bench.bench_pages`.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
EMPTY_PAGE = "import streamlit as st\nst.write('Hello')\n"
# (page script, target ratio against the empty page) as the issues ask.
PAGES: dict[str, float] = {"app_pages/compose.py": 3.0}
REPEATS = 15


def _time_reruns(at: AppTest, repeats: int) -> float:
    at.run()  # cold: imports, caches, sample data
    at.run()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        at.run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _page_app(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    if page != "app_pages/compose.py":
        at.switch_page(page)
    return at


def run(repeats: int = REPEATS) -> dict[str, dict[str, float]]:
    """Median warm rerun seconds of the empty page and each page, with ratios."""
    baseline = _time_reruns(AppTest.from_string(EMPTY_PAGE, default_timeout=60), repeats)
    results = {"empty page": {"seconds": baseline, "ratio": 1.0, "target": 1.0}}
    for page, target in PAGES.items():
        seconds = _time_reruns(_page_app(page), repeats)
        results[page] = {"seconds": seconds, "ratio": seconds / baseline, "target": target}
    return results


def report(results: dict[str, dict[str, float]]) -> str:
    """A table of the results, one line a page."""
    lines = [f"{'page':28} {'warm rerun':>11} {'ratio':>7} {'target':>7}  verdict"]
    for name, row in results.items():
        passed = row["ratio"] <= row["target"]
        verdict = "" if name == "empty page" else ("PASS" if passed else "FAIL")
        lines.append(
            f"{name:28} {row['seconds'] * 1000:9.1f}ms {row['ratio']:6.2f}x "
            f"{row['target']:6.1f}x  {verdict}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run()))
