"""Milliseconds per 10-year replication of the 40-post baseline, beside the plain
SimPy reference prototype measured in the same run (speed reported as a ratio).

    python benchmarks/bench_replication.py [--reps N] [--reference PATH]

The reference prototype lives outside the project (../shared/bench/); it is imported
from there, never copied.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.scenario import load_scenario  # noqa: E402
from model.workforce import Model  # noqa: E402

DEFAULT_REF = ROOT.parent / "shared" / "bench" / "reference_prototype.py"


def time_project(reps: int, posts: int = 40, years: float = 10):
    sc = load_scenario(ROOT / "scenarios" / "baseline.yaml",
                       [f"unit.posts={posts}", f"simulation.years={years}",
                        "simulation.warmup_years=0",
                        f"cases.investigations.arrivals_per_year={520 * posts / 40}",
                        f"cases.ongoing.arrivals_per_year={220 * posts / 40}"])
    walls, events = [], []
    for r in range(reps):
        t = time.perf_counter()
        m = Model(sc, r)
        m.run()
        walls.append(time.perf_counter() - t)
        events.append(next(m.env._eid))
    return statistics.median(walls) * 1000, statistics.median(events)


def time_reference(path: Path, reps: int):
    spec = importlib.util.spec_from_file_location("reference_prototype", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    walls = [mod.replicate(r + 1)["wall"] for r in range(reps)]
    return statistics.median(walls) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--reference", type=Path, default=DEFAULT_REF)
    args = ap.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}")
    ms, ev = time_project(args.reps)
    print(f"project baseline (40 posts, 10 years): {ms:8.1f} ms/replication, "
          f"{ev / ms * 1000:,.0f} SimPy events/s")
    if args.reference.exists():
        ref = time_reference(args.reference, args.reps)
        print(f"reference prototype (40 posts, 10 years): {ref:8.1f} ms/replication")
        print(f"ratio project / reference: {ms / ref:.2f}")
    else:
        print(f"reference prototype not found at {args.reference}; ratio not reported")
    return 0


if __name__ == "__main__":
    sys.exit(main())
