"""The whole benchmark suite in one run: one replication beside the reference prototype
(with the profile), scaling with posts and years, 1 vs 2 cores, peak memory, the memory
of whole commands against their estimates, sweep throughput serial / process pool /
Dask, and the what-if app's latency.

    python benchmarks/bench_all.py

Takes about four minutes on a 2-core machine. The figures are recorded in
docs/PERFORMANCE.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import (  # noqa: E402
    bench_app,
    bench_memory,
    bench_replication,
    bench_scaling,
    bench_sweep,
)


def main() -> int:
    parts = [("one replication", bench_replication.main, ["--reps", "10", "--profile"]),
             ("scaling, cores and memory", bench_scaling.main, []),
             ("memory of whole commands", bench_memory.main, ["--quick"]),
             ("sweeps", bench_sweep.main, []),
             ("what-if app latency", bench_app.main, [])]
    worst = 0
    for title, fn, argv in parts:
        print(f"\n== {title} ==", flush=True)
        worst = max(worst, fn(argv))
    return worst


if __name__ == "__main__":
    sys.exit(main())
