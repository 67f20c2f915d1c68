"""Latency of the what-if app: time from a lever change to the first answer and to the
refined answer, median and 95th percentile over a series of what-ifs.

    python benchmarks/bench_app.py [--whatifs 20] [--replications 16] [--years 10]
                                   [--workers N]

Runs the app's own machinery without a browser (the state, the worker processes, the
replication cache and the analysis with the dashboard's figures): the base of the
catalogue's first measure is computed and cached first, as the app does before it
serves; then each what-if moves a measure lever to a new value (a new option, the
cached base) and, every fifth, the unit's posts (a new base as well, nothing cached).
The figures are recorded in docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import simulate  # noqa: E402
from model.present.app import state as S  # noqa: E402

MEASURE = "salary_ladder_umea"
LEVER = "policies.salary_ladder.steps.0.supplement_sek_per_month"


def _wait(st, job, until: str) -> float:
    t = time.perf_counter()
    while True:
        s = st.runner.status(job)
        if s["state"] == "error":
            raise RuntimeError(s["error"])
        if (until == "first" and s["n"]) or s["state"] == "done":
            return time.perf_counter() - t
        time.sleep(0.005)


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--whatifs", type=int, default=20)
    ap.add_argument("--replications", type=int, default=16)
    ap.add_argument("--years", type=float, default=10)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    catalogue = [ROOT / "scenarios" / f"{n}.yaml" for n in simulate.MAIN_POLICIES]
    base, measures = S.open_base(None, simulate.DEFAULT_SCENARIO, catalogue)
    st = S.AppState.create(base, measures, Path("/tmp/bench_app_options"), args.workers,
                           args.replications, args.years)
    t0 = time.perf_counter()
    st.start(MEASURE)
    first_job = max(st.runner._jobs)
    _wait(st, first_job, "done")
    startup = time.perf_counter() - t0
    firsts, refined, kinds = [], [], []
    try:
        values = st.defaults(MEASURE)
        for i in range(args.whatifs):
            v = dict(values)
            v[LEVER] = 500 + 100 * i                       # a new option each time
            new_base = i % 5 == 4
            if new_base:
                v["unit.posts"] = 38 + i / 5               # and now and then a new base
            t = time.perf_counter()
            b, o = st.what_if(MEASURE, v, "sv")
            job = st.runner.submit(b, o)
            _wait(st, job, "first")
            first = time.perf_counter() - t
            _wait(st, job, "done")
            total = time.perf_counter() - t
            firsts.append(first)
            refined.append(total)
            kinds.append("new base" if new_base else "cached base")
    finally:
        st.runner.close()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {args.workers} workers, {args.replications} "
          f"replications x {args.years:g} years (first answer on "
          f"{st.runner.first}), {args.whatifs} what-ifs")
    print(f"startup (workers, compiled code, the first what-if refined): {startup:.1f} s")
    for label, xs in (("first answer", firsts), ("refined answer", refined)):
        print(f"{label:15s} median {statistics.median(xs):5.2f} s   95th percentile "
              f"{p95(xs):5.2f} s   max {max(xs):5.2f} s")
    cached = [r for r, k in zip(refined, kinds) if k == "cached base"]
    fresh = [r for r, k in zip(refined, kinds) if k == "new base"]
    if fresh:
        print(f"refined, cached base: median {statistics.median(cached):.2f} s; new base: "
              f"median {statistics.median(fresh):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
