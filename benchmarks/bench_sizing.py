"""The figures behind ``model.experiment.sizing``: CPU seconds of one replication by the
unit's size, against the sizing's estimate.

Run: ``python benchmarks/bench_sizing.py [--years 10] [--warmup 2] [--repeat 3]``

For each size (10, 40, 100, 200 and 400 posts, the baseline's inflow per post) it runs
a few replications after a warm-up, takes the fastest one's CPU time (process time is
little disturbed by other work on the machine) and prints it beside the estimate of
``sizing.replications(...).seconds(1)``, with a least-squares fit of

    seconds = 0.025 + post_years x (b + c x posts)

weighted by 1/seconds, from which the sizing's ``SECONDS_PER_POST_YEAR`` (b) and
``SECONDS_PER_POST_SQUARED_YEAR`` (c) are taken (docs/PERFORMANCE.md). The cost per
post-year grows with the posts: cases grow with the posts, and assigning a case looks
at every post.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.config.scenario import load_scenario  # noqa: E402
from model.experiment import run_replication, sizing  # noqa: E402

SIZES = (10, 40, 100, 200, 400)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--years", type=float, default=10)
    ap.add_argument("--warmup", type=float, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    base = ROOT / "scenarios" / "baseline.yaml"
    run_replication(load_scenario(base, ["simulation.years=0.5",
                                         "simulation.warmup_years=0"]), 0)  # compile
    rows = []
    for posts in SIZES:
        sc = load_scenario(base, [f"simulation.years={args.years}",
                                  f"simulation.warmup_years={args.warmup}",
                                  f"unit.posts={posts}"])
        best = min(_cpu_seconds(sc, r) for r in range(args.repeat))
        rows.append((posts, posts * (args.years + args.warmup), best,
                     sizing.replications([sc], 1).seconds(1)))
    print(f"{'posts':>6} {'post-years':>11} {'measured s':>11} {'estimated s':>12}")
    for posts, py, measured, estimated in rows:
        print(f"{posts:>6} {py:>11,.0f} {measured:>11.3f} {estimated:>12.3f}")
    posts, py, t = (np.array([r[i] for r in rows], float) for i in range(3))
    w = 1 / t
    a = np.c_[py, py * posts] * w[:, None]
    (b, c), *_ = np.linalg.lstsq(a, (t - sizing.SECONDS_PER_REPLICATION) * w, rcond=None)
    print(f"fit: SECONDS_PER_POST_YEAR = {b:.3g}, SECONDS_PER_POST_SQUARED_YEAR = {c:.3g}")


def _cpu_seconds(sc, replication: int) -> float:
    t = time.process_time()
    run_replication(sc, replication)
    return time.process_time() - t


if __name__ == "__main__":
    main()
