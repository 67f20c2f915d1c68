"""Scaling of one replication with posts and years, 1-core vs 2-core throughput, peak
memory of a large run, and the main job's comparison in one pool of batches on 2
workers (how busy they are) and, on a machine with 16 cores or more, on 16 (the
speed-up over 2).

    python benchmarks/bench_scaling.py [--reps N] [--comparison-reps R]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.config.scenario import load_scenario  # noqa: E402
from model.experiment import run_scenario  # noqa: E402
from model.sim.workforce import Model, older_objects_frozen  # noqa: E402


def scenario(posts: int, years: float, reps: int = 1):
    f = posts / 40
    return load_scenario(ROOT / "scenarios" / "baseline.yaml", [
        f"unit.posts={posts}", f"simulation.years={years}", "simulation.warmup_years=0",
        f"simulation.replications={reps}", f"cases.investigations.arrivals_per_year={520 * f}",
        f"cases.ongoing.arrivals_per_year={220 * f}",
        f"unit.managers={max(1, round(2 * f))}"])


def ms_per_rep(posts, years, reps):
    sc = scenario(posts, years)
    walls = []
    with older_objects_frozen():          # as run_scenario and sweeps run replications
        for r in range(reps):
            t = time.perf_counter()
            Model(sc, r).run()
            walls.append(time.perf_counter() - t)
    return statistics.median(walls) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--throughput-reps", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=9,
                    help="serial/parallel rounds for the core speed-up")
    ap.add_argument("--comparison-reps", type=int, default=16,
                    help="replications of each scenario in the comparison (0: skip it)")
    args = ap.parse_args(argv)
    ms_per_rep(10, 1, 1)             # warm-up: load (or compile) the compiled passes
    base = ms_per_rep(40, 10, args.reps)
    print("posts  years  ms/replication  x (40 posts, 10 years)")
    for posts in (10, 40, 100, 400):
        ms = base if posts == 40 else ms_per_rep(posts, 10, args.reps if posts < 400 else 1)
        print(f"{posts:5d}  {10:5d}  {ms:14.0f}  {ms / base:6.2f}")
    for years in (5, 30):
        ms = ms_per_rep(40, years, args.reps)
        print(f"{40:5d}  {years:5d}  {ms:14.0f}  {ms / base:6.2f}")
    n = args.throughput_reps
    sc = scenario(40, 10, n)
    ones, twos = [], []
    for _ in range(args.rounds):          # alternate, so drift on the machine hits both
        for workers, out in ((1, ones), (2, twos)):
            t = time.perf_counter()
            run_scenario(sc, workers=workers)
            out.append(n / (time.perf_counter() - t))
    ups = sorted(b / a for a, b in zip(ones, twos))
    one, two = statistics.median(ones), statistics.median(twos)
    print(f"{n} replications: {one:.2f} rep/s on 1 core, {two:.2f} on 2 cores "
          f"(speed-up median {statistics.median(ups):.2f}, range {ups[0]:.2f}-{ups[-1]:.2f} "
          f"over {args.rounds} rounds)")
    # in a fresh process that reports its own peak (this process's children include the
    # pool workers above, forked from a process holding 100 replications' tables)
    code = (f"import sys, resource; sys.path.insert(0, {str(ROOT)!r}); "
            "from benchmarks.bench_scaling import scenario;"
            "from model.experiment import run_scenario;"
            "run_scenario(scenario(400, 30, 10), workers=1);"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    peak = int(out.split()[-1]) / 1024
    print(f"400 posts x 30 years x 10 replications: peak memory {peak:.0f} MiB, "
          f"{time.perf_counter() - t:.0f} s")
    if args.comparison_reps:
        from benchmarks.bench_batch import comparison
        two = comparison(args.comparison_reps, 10, 2, each=False)
        if (os.cpu_count() or 1) >= 16:
            many = comparison(args.comparison_reps, 10, 16, each=False)
            print(f"the comparison on 16 workers: {two / many:.1f}x faster than on 2")
        else:
            print(f"the comparison on 16 workers: not measured ({os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
