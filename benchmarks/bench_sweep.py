"""Sweep throughput (runs per second) serially, on the local process pool and on Dask
(a LocalCluster with 2 workers), and the scaling efficiency against serial.

    python benchmarks/bench_sweep.py [--points N] [--replications R] [--years Y]
                                     [--pool-only]

Each executor runs the same grid sweep (default chunk size, 8 runs per stored chunk)
into a fresh temporary directory; the tables are checked to be identical.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.experiment import sweep  # noqa: E402


def run(spec_text: str, tmp: Path, label: str, workers: int, scheduler: str | None):
    f = tmp / f"{label}.yaml"
    f.write_text(spec_text)
    spec, _, base = sweep.load_sweep(f)
    out = tmp / label
    store, points, chunks, man = sweep.prepare(spec, base, out, True, str(f), {})
    scen = dict(enumerate(sweep.point_scenarios(spec, base, points)))
    t = time.perf_counter()
    sweep.execute(store, chunks, scen, spec.seed, man, workers=workers, scheduler=scheduler)
    wall = time.perf_counter() - t
    table = sweep.collect(out)["sweep"]
    return len(table) / wall, table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--points", type=int, default=24)
    ap.add_argument("--replications", type=int, default=4)
    ap.add_argument("--years", type=float, default=5)
    ap.add_argument("--pool-only", action="store_true",
                    help="only the process pool (a long sweep: its runs per second and the "
                         "time 10^5 replications would take)")
    args = ap.parse_args(argv)
    posts = ", ".join(str(30 + i) for i in range(args.points))
    text = (f"base: {ROOT / 'scenarios' / 'baseline.yaml'}\nreplications: {args.replications}\n"
            f"years: {args.years}\nwarmup_years: 1\nseed: 1\ndesign: grid\n"
            f"factors:\n  unit.posts: [{posts}]\n")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {args.points} points x {args.replications} "
          f"replications x {args.years:g}+1 years")
    from model.config.scenario import load_scenario
    from model.sim.workforce import Model
    Model(load_scenario(ROOT / "scenarios" / "baseline.yaml", ["simulation.years=1"])).run()
    if args.pool_only:
        with tempfile.TemporaryDirectory() as d:
            rate, table = run(text, Path(d), "pool", 2, None)
        print(f"process pool, 2:     {rate:6.2f} runs/s over {len(table):,} runs; 10^5 "
              f"replications would take {1e5 / rate / 60:.0f} min at this rate")
        return 0
    with tempfile.TemporaryDirectory() as d:      # (above: load the compiled loops once)
        tmp = Path(d)
        serial, t0 = run(text, tmp, "serial", 1, None)
        pool, t1 = run(text, tmp, "pool", 2, None)
        dask, t2 = run(text, tmp, "dask", 2, "local")
        same = t0.equals(t1) and t0.equals(t2)
    print(f"serial:              {serial:6.2f} runs/s")
    print(f"process pool, 2:     {pool:6.2f} runs/s  (scaling efficiency "
          f"{pool / (2 * serial):.0%})")
    print(f"Dask LocalCluster 2: {dask:6.2f} runs/s  (scaling efficiency "
          f"{dask / (2 * serial):.0%})")
    print(f"identical tables: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
