"""The main job with its uncertainty analysis: wall time, peak memory, and whether the
top three of its ranking hold under another seed.

    python benchmarks/bench_main_job.py [--seeds 20170101 2024] [--workers 2]

Each seed runs ``python simulate.py --seed S`` (48 draws of the assumptions, one run
each, the conditions search, the dashboard and both briefs) in a fresh process into a
temporary directory; the report gives the wall time, the peak memory of the process
tree (the largest child's resident set and the parent's), the compare phase's time
from the manifest, and the top three options of each seed's ranking.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.experiment.costbenefit import ranking  # noqa: E402


def run(seed: int, workers: int, out: Path) -> dict:
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "simulate.py"), "--seed", str(seed),
                           "--workers", str(workers), "--quiet", "--out", str(out)],
                          capture_output=True, text=True)
    wall = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    manifest = json.loads((out / "manifest.json").read_text())
    top = list(ranking(pd.read_parquet(out / "cost_benefit.parquet")).scenario.head(3))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seed": seed, "wall_s": wall, "compare_s": manifest.get("wall_seconds"),
            "peak_child_mib": peak, "top3": top}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", type=int, nargs="+", default=[20170101, 2024])
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in args.seeds:
            r = run(seed, args.workers, Path(tmp) / f"seed{seed}")
            rows.append(r)
            print(f"seed {seed}: {r['wall_s']:.0f} s wall (compare {r['compare_s']} s), "
                  f"peak {r['peak_child_mib']:.0f} MiB (largest process); top 3: "
                  f"{', '.join(r['top3'])}", flush=True)
    same = all(r["top3"] == rows[0]["top3"] for r in rows)
    print(f"top three the same under every seed: {'yes' if same else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
