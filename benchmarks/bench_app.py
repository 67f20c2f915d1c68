"""Latency of the what-if app: time from a lever change to the first answer and to the
refined answer, median and 95th percentile over a series of what-ifs.

    python benchmarks/bench_app.py [--whatifs 20] [--replications 16] [--years 10]
                                   [--workers N]

Runs the app's own machinery without a browser (the state, the worker processes, the
replication cache and the analysis with the dashboard's figures): the base of the
catalogue's first measure is computed and cached first, as the app does before it
serves; then each what-if moves a measure lever to a new value (a new option, the
cached base) and, every fifth, the unit's posts (a new base as well, nothing cached).
Then the flood: 50 what-ifs sent at once from 50 pages (threads), half of them far too
large (5,000 posts x 20 years x 64 replications, refused by the app's sizing) and half
the largest horizon the levers allow (20 years x 64 replications); right after it, the
page of the series asks a normal what-if again. Reported: how many were refused and
why, the normal what-if's first and refined answer against its usual time (the median
of the series), and the peak memory of the app (this process and its workers: resident
set and proportional set size, which counts pages the forked workers share once).
The figures are recorded in docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.cli.common import DEFAULT_SCENARIO  # noqa: E402
from model.config.mainjob import main_files  # noqa: E402
from model.present.app import state as S  # noqa: E402

MEASURE = "salary_ladder_umea"
LEVER = "policies.salary_ladder.steps.0.supplement_sek_per_month"


class Memory:
    """Peak memory of this process and its children, sampled on a thread."""

    def __init__(self):
        import psutil
        self.me = psutil.Process()
        self.peak_rss = self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.wait(0.1):
            rss = pss = 0
            for p in [self.me, *self.me.children(recursive=True)]:
                try:
                    info = p.memory_full_info()
                except Exception:  # noqa: BLE001 - a process that just ended
                    continue
                rss += info.rss
                pss += getattr(info, "pss", info.rss)
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)

    def stop(self):
        self._stop.set()
        self._thread.join()


def timed_what_if(st, values: dict) -> tuple[int, float, float]:
    """One what-if of the page "bench": its job, seconds to the first and the refined
    answer."""
    t = time.perf_counter()
    b, o = st.what_if(MEASURE, values, "sv")
    job = st.submit(b, o, "bench", "sv")
    _wait(st, job, "first")
    first = time.perf_counter() - t
    _wait(st, job, "done")
    return job, first, time.perf_counter() - t


def flood(st, values, n: int = 50) -> dict:
    """``n`` what-ifs at once from ``n`` pages; how each was answered."""
    from model.errors import UserError
    outcome = {"accepted": 0, "too large": 0, "busy": 0}
    lock = threading.Lock()
    go = threading.Event()

    def one(i):
        v = dict(values)
        v[LEVER] = 3000 + 10 * i
        v["simulation.years"], v["simulation.replications"] = 20, 64
        if i % 2:
            v["unit.posts"] = 5000
        go.wait()
        try:
            b, o = st.what_if(MEASURE, v, "en")
            st.submit(b, o, f"flood-{i}", "en")
            key = "accepted"
        except UserError as exc:
            key = "too large" if "Too large" in str(exc) else "busy"
        with lock:
            outcome[key] += 1

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    go.set()
    for t in threads:
        t.join()
    return outcome


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
    ap.add_argument("--flood", type=int, default=50, help="what-ifs sent at once (0: none)")
    args = ap.parse_args(argv)
    memory = Memory()
    catalogue = main_files()
    base, measures = S.open_base(None, DEFAULT_SCENARIO, catalogue)
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
            job, first, total = timed_what_if(st, v)
            firsts.append(first)
            refined.append(total)
            kinds.append("new base" if new_base else "cached base")
        before_flood = memory.peak_pss, memory.peak_rss
        if args.flood:
            # the page of the series stays open: it asks for its what-if's state
            # every 0.4 s, as the app's page does
            page_open = threading.Event()

            def poll(job=job):
                while not page_open.wait(0.4):
                    st.runner.status(job)
            poller = threading.Thread(target=poll, daemon=True)
            poller.start()
            t = time.perf_counter()
            outcome = flood(st, values, args.flood)
            sent = time.perf_counter() - t
            v = dict(values)
            v[LEVER] = 450                         # a new option against the cached base
            job, after_first, after_refined = timed_what_if(st, v)
            page_open.set()
    finally:
        st.runner.close()
        memory.stop()
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
    mib = 2**20
    print(f"memory before the flood (this process and its workers): peak "
          f"{before_flood[0] / mib:.0f} MiB proportional, {before_flood[1] / mib:.0f} MiB "
          "resident")
    if args.flood:
        usual = statistics.median(r for r, k in zip(refined, kinds) if k == "cached base")
        print(f"flood of {args.flood} what-ifs at once: {outcome} (sent in {sent:.2f} s)")
        print(f"the normal what-if right after it: first answer {after_first:.2f} s, "
              f"refined {after_refined:.2f} s = {after_refined / usual:.2f} x its usual "
              f"{usual:.2f} s (target at most 2)")
        print(f"memory over the whole run: peak {memory.peak_pss / mib:.0f} MiB proportional, "
              f"{memory.peak_rss / mib:.0f} MiB resident (target under 2048)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
