"""Are the statistics of two versions of the model the same? A before/after check for
optimisations that change random-number consumption (and so the golden tables).

    git worktree add /tmp/before <commit-before>
    python benchmarks/stat_equivalence.py /tmp/before . --reps 64 \
        --scenario baseline.yaml --scenario six_plus_two.yaml

Each version runs ``--reps`` independent replications (seeds differ between the
versions: the same seeds would not give independent samples once the paths diverge)
of each scenario, in its own interpreter. For every key result the script prints both
means, their standard errors, Welch's t statistic and the two-sample Kolmogorov-Smirnov
p-value. With about 13 results per scenario, one |t| above 2 is expected by chance
now and then; a difference in the model shows as |t| well above 3 or as several
results moving together.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
from scipy import stats

KPIS = ["turnover_rate", "exits", "hires", "vacancy_rate", "overdue_share",
        "mean_caseload", "mean_queue", "mean_wait_days", "handovers", "total_cost_sek",
        "mean_exhaustion", "sick_absence_rate", "share_intending"]

_RUN = """
import json, sys
sys.path.insert(0, {root!r})
from model.experiment import run_scenario
from model.config.scenario import load_scenario
sc = load_scenario({path!r}, ["simulation.replications={reps}", "simulation.seed={seed}"])
s = run_scenario(sc, workers=2)["summary"]
print(json.dumps({{k: s[k].tolist() for k in {kpis!r}}}))
"""


def sample(root: Path, scenario: str, reps: int, seed: int) -> dict:
    code = _RUN.format(root=str(root.resolve()), path=str(root / "scenarios" / scenario),
                       reps=reps, seed=seed, kpis=KPIS)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=root)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before", type=Path, help="project root of the old version")
    ap.add_argument("after", type=Path, help="project root of the new version")
    ap.add_argument("--reps", type=int, default=64)
    ap.add_argument("--scenario", action="append", default=None)
    args = ap.parse_args(argv)
    worst = 0.0
    for sc in args.scenario or ["baseline.yaml"]:
        a = sample(args.before, sc, args.reps, seed=101)
        b = sample(args.after, sc, args.reps, seed=202)
        print(f"\n{sc}, {args.reps} replications each")
        print("| result | before | after | Welch t | KS p |\n|---|---|---|---|---|")
        for k in KPIS:
            x = np.array(a[k], float)
            y = np.array(b[k], float)
            x, y = x[~np.isnan(x)], y[~np.isnan(y)]
            t = stats.ttest_ind(x, y, equal_var=False).statistic
            ks = stats.ks_2samp(x, y).pvalue
            se = lambda v: v.std(ddof=1) / np.sqrt(v.size)  # noqa: E731
            print(f"| {k} | {x.mean():.4g} ± {se(x):.2g} | {y.mean():.4g} ± {se(y):.2g} "
                  f"| {t:+.2f} | {ks:.2f} |")
            worst = max(worst, abs(t)) if np.isfinite(t) else worst
    print(f"\nlargest |t|: {worst:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
