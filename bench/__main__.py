"""One benchmark report: every ratio the issues ask for, measured in one run.

Run: `make bench` (or `.venv/bin/python -m bench`).
"""

import os
import platform

from bench import bench_pages

print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
print()
print("Page reruns (AppTest, median of warm reruns, against an empty one-line page)")
print(bench_pages.report(bench_pages.run()))
