"""Regenerate the golden tables pinned by tests/test_golden.py.

    python tests/update_golden.py

Run it only when a change is meant to alter results (a model change, or an optimisation
that changes random-number consumption), commit the new tables in their own commit, and
say in the message why the statistics are unchanged or how they changed: run
``benchmarks/stat_equivalence.py`` against a worktree of the previous commit (a
distribution test before and after) and record its table in docs/PERFORMANCE.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from model.config.scenario import load_scenario  # noqa: E402
from model.experiment import run_scenario  # noqa: E402

GOLDEN = HERE / "golden"
CASES = {
    "baseline": ("scenarios/baseline.yaml", []),
    "combined_stockholm": ("scenarios/combined_stockholm.yaml", []),
    "six_plus_two": ("scenarios/six_plus_two.yaml", []),
}
COMMON = ["simulation.years=3", "simulation.warmup_years=1", "simulation.replications=3",
          "simulation.seed=424242"]


def golden_tables(name: str):
    path, extra = CASES[name]
    sc = load_scenario(HERE.parent / path, COMMON + extra)
    return run_scenario(sc, workers=1)


def main() -> int:
    GOLDEN.mkdir(exist_ok=True)
    for name in CASES:
        t = golden_tables(name)
        t["summary"].to_csv(GOLDEN / f"{name}_summary.csv", index=False, float_format="%.10g")
        t["costs"].to_csv(GOLDEN / f"{name}_costs.csv", index=False, float_format="%.10g")
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
