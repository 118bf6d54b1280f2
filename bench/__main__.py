"""One benchmark report: every ratio the issues ask for, measured in one run.

Run: `make bench` (or `.venv/bin/python -m bench`). Ratios are against baselines measured in
the same run, so they hold on any machine; the seconds are this machine's.
"""

import os
import platform

from bench import bench_pages, bench_simulate

print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
print()
print("Page reruns (AppTest, median of warm reruns, against an empty one-line page)")
print(bench_pages.report(bench_pages.run()))
print()
print(bench_simulate.report(bench_simulate.run()))
