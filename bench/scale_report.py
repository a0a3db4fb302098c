#!/usr/bin/env python3
"""Prints the table of bench/scale.sh (issue 20) as Markdown from its raw
timings, and checks that thidua and DuckDB wrote the same answers.

usage: scale_report.py TIMES WORKDIR LOAD_BEFORE LOAD_AFTER METRICS.csv...
TIMES has one line per run: WORK UNITS CONTENDER WALL_µs PEAK_KIB CPU_s."""

import csv
import filecmp
import os
import re
import statistics
import sys
from collections import defaultdict

MIB = 1 << 20


def load(path):
    runs = defaultdict(list)
    cpu = defaultdict(list)
    rss = defaultdict(int)
    failed = defaultdict(int)
    with open(path) as f:
        for line in f:
            what, n, who, us, kib, cpu_s = line.split()
            key = (what, int(n), who)
            if us == "NA":
                failed[key] += 1
                continue
            runs[key].append(int(us) / 1e6)
            cpu[key].append(float(cpu_s))
            rss[key] = max(rss[key], int(kib) * 1024)
    return runs, cpu, rss, failed


def secs(x):
    if x is None:
        return "—"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def mib(b):
    return f"{b / MIB:,.0f} MiB" if b else "—"


def agree(workdir, what, n, failed):
    """Whether thidua's and DuckDB's outputs match; if not, how the totals differ."""
    a = os.path.join(workdir, f"{what}-thidua-{n}.csv")
    b = os.path.join(workdir, f"{what}-duckdb-{n}.csv")
    if failed.get((what, n, "thidua")) or failed.get((what, n, "duckdb")) or not (
            os.path.exists(a) and os.path.exists(b)):
        return "not compared (a run failed)"
    if filecmp.cmp(a, b, shallow=False):
        return "byte-identical"

    def totals(p):
        with open(p, newline="", encoding="utf-8") as f:
            return {r["unit_id"]: float(r["total"]) for r in csv.DictReader(f)}

    ta, tb = totals(a), totals(b)
    common = ta.keys() & tb.keys()
    diff = [abs(ta[u] - tb[u]) for u in common if ta[u] != tb[u]]
    return (f"outputs differ; totals: {len(common)} units in both, {len(diff)} differ"
            f" (largest gap {max(diff, default=0):.2f}), {len(ta.keys() ^ tb.keys())} in one only")


def main():
    times, workdir, before, after, *files = sys.argv[1:]
    runs, cpu, rss, failed = load(times)
    size = {int(re.search(r"-(\d+)\.csv$", p).group(1)): os.path.getsize(p) for p in files}
    med = {k: statistics.median(v) for k, v in runs.items()}
    m = lambda what, n, who: med.get((what, n, who))
    cmed = {k: statistics.median(v) for k, v in cpu.items()}
    c = lambda what, n, who: cmed.get((what, n, who))
    count = {k: len(v) for k, v in runs.items()}

    print(f"load average (1, 5, 15 min): before {before}, after {after}; "
          f"{os.cpu_count()} cores; DuckDB on 2 threads")
    print()
    print("Medians of wall time (CPU time, user + system, in brackets); peak RSS the largest of the runs.")
    print()
    print("| work | units | input | thidua median | thidua peak | DuckDB median | DuckDB peak"
          " | thidua/DuckDB | thidua peak/input | runs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for what, label in (("score", "`score`"), ("rank", "`rank --tier huyen`")):
        for n in sorted(size):
            t, d = m(what, n, "thidua"), m(what, n, "duckdb")
            rt, rd = rss.get((what, n, "thidua")), rss.get((what, n, "duckdb"))
            ratio = f"{t / d:.2f}×" if t and d else "—"
            mem = f"{rt / size[n]:.1f}×" if rt else "—"
            fails = failed.get((what, n, "thidua"), 0) + failed.get((what, n, "duckdb"), 0)
            note = f" ({fails} failed)" if fails else ""
            print(f"| {label} | {n:,} | {size[n] / MIB:.1f} MiB | {secs(t)} ({secs(c(what, n, 'thidua'))}) | "
                  f"{mib(rt)} | {secs(d)} ({secs(c(what, n, 'duckdb'))}) | {mib(rd)} | "
                  f"{ratio} | {mem} | {count.get((what, n, 'thidua'), 0)}{note} |")
    print()
    print("Targets (issue 20): thidua/DuckDB ≤ 1.0× and peak ≤ 2× the input at 1,000,000 units.")
    print()

    if 100000 in size and 1000000 in size:
        print("Growth, 1,000,000 units against 100,000 (target: time per unit within 1.3×, memory per unit flat):")
        print()
        print("| work | µs/unit at 100k | µs/unit at 1M | growth | CPU µs/unit at 100k | at 1M | growth"
              " | KiB/unit at 100k | KiB/unit at 1M | growth |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for what in ("score", "rank"):
            a, b = m(what, 100000, "thidua"), m(what, 1000000, "thidua")
            ca, cb = c(what, 100000, "thidua"), c(what, 1000000, "thidua")
            ra, rb = rss.get((what, 100000, "thidua")), rss.get((what, 1000000, "thidua"))
            if a and b and ca and cb and ra and rb:
                print(f"| `{what}` | {a * 10:.2f} | {b:.2f} | ×{b / (a * 10):.2f}"
                      f" | {ca * 10:.2f} | {cb:.2f} | ×{cb / (ca * 10):.2f}"
                      f" | {ra / 1024 / 1e5:.2f} | {rb / 1024 / 1e6:.2f} | ×{(rb / 1e6) / (ra / 1e5):.2f} |")
        print()

    r, p = m("rank", 10000, "thidua"), m("csv", 10000, "python")
    if r and p:
        print(f"10,000 units: `rank --tier huyen` {secs(r)} ({secs(c('rank', 10000, 'thidua'))} CPU) against "
              f"Python's `csv` merely parsing the file {secs(p)} ({secs(c('csv', 10000, 'python'))} CPU): "
              f"{r / p:.2f}× (target ≤ 0.25×).")
        print()
    st, sd = m("startup", 0, "thidua"), m("startup", 0, "duckdb")
    if st and sd:
        print(f"Startup, in every figure above: thidua (`--version`) {secs(st)}; DuckDB (Python importing it "
              f"and connecting) {secs(sd)} ({secs(c('startup', 0, 'duckdb'))} CPU).")
        print()

    print("Same answers:")
    for what in ("score", "rank"):
        for n in sorted(size):
            print(f"- `{what}`, {n:,} units: {agree(workdir, what, n, failed)}")


if __name__ == "__main__":
    main()
