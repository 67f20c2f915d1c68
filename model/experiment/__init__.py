"""Replications of a scenario, serial or on a process pool, and their summary.

Replication ``i`` of a scenario always uses the random streams of (seed, i), so the
tables are identical whatever the executor or worker count, and two scenarios run
with the same seed share their random numbers (common random numbers). Workers get
plain data (the scenario as a JSON-able dict), never pickled model objects.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable

import pandas as pd

from ..sim.metrics import SUMMARY_KPIS, frame, join_columns
from ..sim.params import Scenario
from ..sim.workforce import Model, older_objects_frozen
from . import batches, sizing
from .intervals import kpi_ci, level_ci, mean_ci  # noqa: F401 - used from here too
from .pools import (  # noqa: F401 - the package's API
    _as_scenario,
    _columns,
    run_on_dask,
    run_on_pool,
)

TABLES = ("summary", "timeseries", "events", "costs")


def run_replication(scenario: Scenario | dict, replication: int,
                    seed: int | None = None) -> dict[str, pd.DataFrame]:
    """Run one replication and return its tables."""
    return Model(_as_scenario(scenario), replication=replication, seed=seed).run()


def replication_kpis(scenario: Scenario | dict, replication: int,
                     seed: int | None = None) -> dict[str, float | int]:
    """Run one replication and return only its summary results (plain numbers)."""
    cols = _columns(scenario, replication, seed)["summary"]
    return {k: cols[k][0].item() for k in SUMMARY_KPIS}


def run_scenario(scenario: Scenario, replications: int | None = None,
                 seed: int | None = None, workers: int = 1,
                 progress: Callable[[int], None] | None = None) -> dict[str, pd.DataFrame]:
    """Run all replications; tables are concatenated in replication order."""
    return run_scenarios([scenario], replications, seed, workers, progress)[0]


def run_scenarios(scenarios: list[Scenario], replications: int | None = None,
                  seed: int | None = None, workers: int = 1,
                  progress: Callable[[int], None] | None = None
                  ) -> list[dict[str, pd.DataFrame]]:
    """All replications of every scenario, in batches of one pool
    (:mod:`model.experiment.batches`); per scenario its tables in replication order.
    ``replications`` and ``seed`` default to the first scenario's."""
    with older_objects_frozen():
        return _run_scenarios(scenarios, replications, seed, workers, progress)


def _run_scenarios(scenarios, replications, seed, workers, progress):
    first = scenarios[0].simulation
    n = first.replications if replications is None else replications
    seed = first.seed if seed is None else seed
    results: list[dict[int, dict]] = [{} for _ in scenarios]
    # plain text: cheap to send, validated once in each worker
    items = [(s, sc.model_dump_json(), rep) for s, sc in enumerate(scenarios)
             for rep in range(n)]

    def done(s, rep, cols):
        results[s][rep] = cols

    batches.run_replications(items, seed, workers, done, sizing.post_years(scenarios),
                             progress)
    # tables travel and are joined as numpy columns: much cheaper than DataFrames; each
    # table's parts are let go as soon as it is built (peak memory of large runs)
    return [{name: frame(join_columns([res[r].pop(name) for r in range(n)]))
             for name in TABLES} for res in results]


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def summarise(summary: pd.DataFrame, kpis=SUMMARY_KPIS) -> pd.DataFrame:
    """One row per scenario and KPI: mean, sd and 95% confidence interval (bounded
    quantities by bootstrap, a 0/1 result by Wilson, see ``model.experiment.intervals``)."""
    rows = []
    for scen, grp in summary.groupby("scenario", sort=False):
        for k in kpis:
            m, lo, hi = kpi_ci(k, grp[k])
            rows.append({"scenario": scen, "metric": k, "mean": m,
                         "sd": float(grp[k].std(ddof=1)) if len(grp) > 1 else math.nan,
                         "ci_low": lo, "ci_high": hi, "n": int(grp[k].notna().sum())})
    return pd.DataFrame(rows)
