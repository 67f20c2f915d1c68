"""Compare scenarios with common random numbers: paired differences and cost-benefit.

All scenarios of a comparison run with the same seed and replication numbers, so
replication *i* of every scenario shares its random streams; differences against the
first scenario (the base) are computed per replication and summarised with Student-t
intervals (paired differences), which is far tighter than comparing two independent
means; where a few replications dominate the differences (a runaway run), with the
bootstrap percentile interval of the paired mean difference, and the median of the
differences stands beside their mean (``model.experiment.intervals.paired_ci``).

The cost-benefit table (``model.experiment.costbenefit``) answers the committee's question for each
scenario against the base, in the budget and the economic view, with service warnings.
Means of bounded results get bounded intervals (``model.experiment.intervals``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import UserError
from ..sim.metrics import SUMMARY_KPIS
from ..sim.params import Scenario
from . import psa, run_scenarios
from .costbenefit import cost_benefit, payback_year  # noqa: F401 - the comparison's API
from .intervals import (
    kpi_ci,
    kpi_method,
    median,
    paired_ci,
    paired_method,
    spread_interval,
    wilson,  # noqa: F401 - the comparison's API
)


def run_comparison(scenarios: list[Scenario], seed: int, replications: int, workers: int = 1,
                   progress=None) -> dict[str, pd.DataFrame]:
    """Run every scenario with the same seed; tables concatenated, base first."""
    names = [s.name for s in scenarios]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise UserError(f"scenario names must differ within a comparison; repeated: "
                        f"{', '.join(dup)}")
    # every scenario's replications in one pool: no worker waits between scenarios
    parts = run_scenarios(scenarios, replications, seed, workers, progress)
    return {name: pd.concat([p[name] for p in parts], ignore_index=True)
            for name in parts[0]}


def comparison_table(summary: pd.DataFrame, kpis=SUMMARY_KPIS, spread=None) -> pd.DataFrame:
    """One row per scenario and metric: mean and CI (``interval`` says which: wilson,
    bootstrap or t), the paired difference to the first scenario with its CI
    (``diff_interval``: t, or bootstrap where a few replications dominate), and the
    medians of the values and of the differences. ``spread``: the interval under
    uncertainty in the assumptions (``intervals.spread_interval``) for both, named
    ``spread``."""
    order = list(dict.fromkeys(summary["scenario"]))
    base = summary[summary.scenario == order[0]].set_index("replication")
    rows = []
    for scen in order:
        cur = summary[summary.scenario == scen].set_index("replication")
        common = cur.index.intersection(base.index)
        for k in kpis:
            m, lo, hi = spread(cur.loc[common, k]) if spread else kpi_ci(k, cur[k])
            d = (cur.loc[common, k] - base.loc[common, k]).to_numpy(float)
            is_base = scen == order[0]
            dm, dlo, dhi = (spread or paired_ci)(d) if not is_base else (0.0, 0.0, 0.0)
            rows.append({"scenario": scen, "metric": k, "mean": m, "ci_low": lo,
                         "ci_high": hi, "diff": dm, "diff_ci_low": dlo,
                         "diff_ci_high": dhi, "n": int(np.isfinite(cur[k]).sum()),
                         "median": median(cur[k]),
                         "interval": "spread" if spread else kpi_method(k),
                         "diff_median": 0.0 if is_base else median(d),
                         "diff_interval": "" if is_base else
                         "spread" if spread else paired_method(d)})
    return pd.DataFrame(rows)


def require_pairs(sim) -> None:
    """Refuse (before any run) a comparison without the two replications intervals need."""
    if sim.replications < 2:
        raise UserError("--replications must be at least 2 for a comparison with intervals")


def with_analysis(tables: dict[str, pd.DataFrame], sim) -> dict[str, pd.DataFrame]:
    """The run tables plus ``comparison``, ``cost_benefit`` (with ``p_best``) and
    ``ceac``; under uncertainty in the assumptions (a ``draws`` table) also ``evppi``, and
    every interval is the spread of the futures (``intervals.spread_interval``)."""
    summary = tables["summary"]
    spread = None
    if "draw" in summary:
        base = summary[summary.scenario == summary.scenario.iloc[0]].sort_values(
            "replication")
        spread = spread_interval(base["draw"].to_numpy())
    cb = cost_benefit(summary, tables["costs"], sim.years, tables["timeseries"], spread)
    warned = set(cb.loc[cb.service_flag.fillna("") != "", "scenario"])
    outcomes = psa.per_draw_outcomes(summary, tables["costs"], sim.years)
    best = pd.DataFrame(psa.p_best_rows(outcomes, warned))
    if not best.empty:
        best["service_flag"] = best.scenario.map(cb.groupby("scenario").service_flag.first())
        cb = pd.concat([cb, best[cb.columns]], ignore_index=True)
    out = {**tables, "comparison": comparison_table(summary, spread=spread),
           "cost_benefit": cb, "ceac": psa.ceac(outcomes, warned)}
    if "draws" in tables:
        out["evppi"] = psa.evppi(outcomes, tables["draws"])
    return out
