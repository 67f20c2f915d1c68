"""Batches and one pool: per-replication time in a batch on one core beside the plain
SimPy reference prototype (measured in the same run), memory per replication held in
a batch, and how busy two workers are in a comparison scheduled as one pool against
the same comparison run scenario after scenario.

    python benchmarks/bench_batch.py [--batch 64] [--reps 16] [--years 10] [--workers 2]

The comparison is the main job's: the baseline and every option of scenarios/main_job.txt,
``--reps`` replications each with the assumptions fixed. ``busy`` is the time the
workers spent running replications (measured inside them) over workers x wall time.
The analysis after the runs (comparison, cost-benefit with its bootstrap, CEAC) is
timed on the same tables. The figures are recorded in docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_replication import DEFAULT_REF, _baseline, time_reference  # noqa: E402
from model.experiment import batches, compare, run_scenario  # noqa: E402
from model.sim.workforce import older_objects_frozen  # noqa: E402

_HELD = ("import gc, sys; sys.path.insert(0, {root!r}); "
         "from benchmarks.bench_replication import _baseline; "
         "from model.experiment import batches; "
         "rss = lambda: int(open('/proc/self/statm').read().split()[1]) * 4096; "
         "sc = _baseline(40, 10); text = sc.model_dump_json(); "
         "batches.run_batch({{0: text}}, [(0, 0)], 1); gc.collect(); before = rss(); "
         "kept = batches.run_batch({{0: text}}, [(0, r) for r in range({n})], 1); "
         "gc.collect(); print(rss() - before)")


def batch_ms(size: int, rounds: int = 3) -> float:
    """Milliseconds per replication of the 40-post baseline over 10 years, run as one
    batch of ``size`` on this core (median of ``rounds``)."""
    text = _baseline(40, 10).model_dump_json()
    batches.run_batch({0: text}, [(0, 0)], 1)          # load the compiled loops
    walls = []
    with older_objects_frozen():
        for k in range(rounds):
            _, busy = batches.run_batch({0: text}, [(0, k * size + r) for r in range(size)], 1)
            walls.append(busy / size)
    return statistics.median(walls) * 1000


def held_mib(n: int) -> float:
    """Resident memory a fresh process gains by running and holding a batch of ``n``
    replications (their tables, as a worker holds them until the batch is sent), per
    replication."""
    out = subprocess.run([sys.executable, "-c", _HELD.format(root=str(ROOT), n=n)],
                         check=True, capture_output=True, text=True).stdout
    return int(out.split()[-1]) / 2**20 / n


def comparison(reps: int, years: float, workers: int, each: bool = True) -> float:
    """The main job's comparison on ``workers`` workers (and, with ``each``, scenario
    after scenario first); prints and returns the one pool's wall time."""
    from model.cli.runs import MAIN_POLICIES
    from model.config.scenario import load_scenario
    common = [f"simulation.years={years}", f"simulation.replications={reps}"]
    scenarios = [load_scenario(ROOT / "scenarios" / "baseline.yaml", common)] + [
        load_scenario(ROOT / "scenarios" / f"{name}.yaml", common) for name in MAIN_POLICIES]
    if each:
        # scenario after scenario, one pool each (the engine before batches)
        t, busy = time.perf_counter(), 0.0
        for sc in scenarios:
            run_scenario(sc, workers=workers)
            busy += batches.last_pool.busy_seconds
        wall_each = time.perf_counter() - t
    t = time.perf_counter()
    tables = compare.run_comparison(scenarios, scenarios[0].simulation.seed, reps, workers)
    wall_one = time.perf_counter() - t
    pool = batches.last_pool
    print(f"comparison of {len(scenarios)} scenarios x {reps} replications x {years:g} "
          f"years on {workers} workers:")
    if each:
        print(f"  scenario after scenario: {wall_each:6.1f} s, workers busy "
              f"{busy / (workers * wall_each):.0%}")
    print(f"  one pool, {pool.batches} batches: {wall_one:6.1f} s, workers busy "
          f"{pool.busy_share:.0%}")
    t = time.perf_counter()
    compare.with_analysis(tables, scenarios[0].simulation)
    print(f"  the analysis after the runs (comparison, cost-benefit, CEAC): "
          f"{time.perf_counter() - t:.1f} s")
    return wall_one


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--reps", type=int, default=16)
    ap.add_argument("--years", type=float, default=10)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--reference", type=Path, default=DEFAULT_REF)
    args = ap.parse_args(argv)
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    one = batch_ms(1, rounds=9)
    many = batch_ms(args.batch)
    ref = time_reference(args.reference, 5) if args.reference.exists() else None
    for label, ms in (("alone", one), (f"in a batch of {args.batch}", many)):
        ratio = f", ratio to the reference {ms / ref:.2f}" if ref else ""
        print(f"one replication {label} (40 posts, 10 years): {ms:6.1f} ms{ratio}")
    if ref:
        print(f"reference prototype (40 posts, 10 years): {ref:6.1f} ms")
    print(f"memory held per replication in a batch of {args.batch}: "
          f"{held_mib(args.batch):.2f} MiB (resident set gained, tables held)")
    comparison(args.reps, args.years, args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
