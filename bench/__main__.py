"""One benchmark report: every figure the issues ask for, measured in one run.

1. each page's warm rerun under AppTest against an empty one-line page (ratios);
2. the simulation's standard scenario against the numpy binomial floor (ratio and seconds),
   a 365-day forecast of every launch country as the Engagement page runs it, where the
   forecast lands against published figures (sample_data/benchmarks.csv), and the cost of
   building each chart's Vega-Lite spec: validated, unvalidated, built in Altair, filled from
   a template (`bench.bench_chart_specs`);
3. concurrent browser sessions (N = 1, 5, 10) through the main journey: errors, edit → preview
   latency, server memory (`bench.load`);
4. server memory over 200 reruns of each page in one session (`bench.leaks`);
5. last keystroke → the Compose preview shows the text, in Chromium (`bench.live_typing`);
6. server memory after 10 distinct worst-case share links (`bench.hostile_memory`);
7. page switches and "Add a continent or region", in Chromium (`bench.page_switch`);
8. back-to-back reruns on one websocket with and without TCP_NODELAY (`bench.nodelay`);
9. Chromium's CPU per Compose edit against a one-input floor page (`bench.browser_cpu`).

Run: `make bench` (or `.venv/bin/python -m bench`), about 15 minutes on 2 cores;
`--quick` keeps parts 1 and 2 (under a minute). Ratios are against baselines measured in the
same run, so they hold on any machine; the seconds are this machine's.
"""

import argparse
import os
import platform
import sys

from bench import bench_chart_specs, bench_pages, bench_simulate
from components.forecast import validation


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="page reruns and the simulation only")
    args = parser.parse_args(argv)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print()
    print("1. Page reruns (AppTest, median of warm reruns, against an empty one-line page)")
    print(bench_pages.report(bench_pages.run()))
    print(bench_pages.uncached_report(bench_pages.uncached_engagement()))
    print()
    print("2. Simulation")
    print(bench_simulate.report(bench_simulate.run()))
    print(bench_simulate.year_report(bench_simulate.year_forecast()))
    print()
    print("2b. The forecast against published figures (median of the forecast, its scenario)")
    print(validation.report(validation.run_checks()))
    print()
    print("2c. Chart specs, with and without Altair's per-call validation (against json.dumps)")
    print(bench_chart_specs.report(bench_chart_specs.run()))
    print(bench_chart_specs.views_report(bench_chart_specs.all_country_views()))
    if args.quick:
        return
    # Imported here: they need Chromium and start servers of their own.
    from bench import browser_cpu, hostile_memory, leaks, live_typing, load, nodelay, page_switch

    print()
    print("3. Concurrent sessions (real server, Chromium)")
    print(load.report(load.run()))
    print()
    print("4. Memory over reruns (real server, Chromium)")
    # A budget that lets every page reach its 200 reruns on this 2-core machine.
    print(leaks.report(leaks.run(budget=600)))
    print()
    print("5. Live typing: last keystroke → preview (real server, Chromium, one session)")
    print(live_typing.report(live_typing.run()))
    print()
    print("6. Server memory after 10 distinct worst-case share links (real server, Chromium)")
    print(hostile_memory.report(hostile_memory.run()))
    print()
    print("7. Page switches and adding a region (real server, Chromium, one session)")
    print(page_switch.report(page_switch.run()))
    print()
    print("8. Reruns on one websocket, Nagle on vs TCP_NODELAY (real servers, no browser)")
    print(nodelay.report(nodelay.run()))
    print()
    print("9. Chromium CPU per Compose edit against a one-input floor page (real servers)")
    print(browser_cpu.report(browser_cpu.run()))


if __name__ == "__main__":
    main(sys.argv[1:])
