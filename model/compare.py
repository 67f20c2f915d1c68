"""Compare scenarios with common random numbers: paired differences and cost-benefit.

All scenarios of a comparison run with the same seed and replication numbers, so
replication *i* of every scenario shares its random streams; differences against the
first scenario (the base) are computed per replication and summarised with Student-t
intervals (paired differences), which is far tighter than comparing two independent
means.

The cost-benefit table answers the committee's question for each scenario against the
base: what the policy costs, what it saves (recruitment, introduction/mentoring,
consultants, sick leave, lost output while ramping up), the net cost per year, exits
avoided, cost per avoided exit, the payback year and the probability that the policy
saves money.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

from .errors import UserError
from .experiment import mean_ci, run_scenario
from .metrics import SUMMARY_KPIS
from .params import Scenario

SAVING_GROUPS = {
    "recruitment": ("recruitment",),
    "introduction": ("mentoring",),
    "consultants": ("consultants",),
    "sick_leave": ("sick_leave",),
    "lost_output": ("rampup_lost_output",),
}
BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 20170101


def run_comparison(scenarios: list[Scenario], seed: int, replications: int, workers: int = 1,
                   progress=None) -> dict[str, pd.DataFrame]:
    """Run every scenario with the same seed; tables concatenated, base first."""
    names = [s.name for s in scenarios]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise UserError(f"scenario names must differ within a comparison; repeated: "
                        f"{', '.join(dup)}")
    parts = [run_scenario(sc, replications=replications, seed=seed, workers=workers,
                          progress=progress) for sc in scenarios]
    return {name: pd.concat([p[name] for p in parts], ignore_index=True)
            for name in parts[0]}


def paired_ci(diffs, level: float = 0.95) -> tuple[float, float, float]:
    """Mean paired difference and its Student-t interval."""
    return mean_ci(diffs, level)


def comparison_table(summary: pd.DataFrame, kpis=SUMMARY_KPIS) -> pd.DataFrame:
    """One row per scenario and metric: mean and CI, and the paired difference to the
    first scenario with its CI."""
    order = list(dict.fromkeys(summary["scenario"]))
    base = summary[summary.scenario == order[0]].set_index("replication")
    rows = []
    for scen in order:
        cur = summary[summary.scenario == scen].set_index("replication")
        common = cur.index.intersection(base.index)
        for k in kpis:
            m, lo, hi = mean_ci(cur[k])
            d = (cur.loc[common, k] - base.loc[common, k]).to_numpy(float)
            dm, dlo, dhi = paired_ci(d) if scen != order[0] else (0.0, 0.0, 0.0)
            rows.append({"scenario": scen, "metric": k, "mean": m, "ci_low": lo,
                         "ci_high": hi, "diff": dm, "diff_ci_low": dlo,
                         "diff_ci_high": dhi, "n": int(np.isfinite(cur[k]).sum())})
    return pd.DataFrame(rows)


def _per_rep_costs(costs: pd.DataFrame, scenario: str, years: float) -> pd.DataFrame:
    """SEK per year by cost group, one row per replication."""
    c = costs[costs.scenario == scenario]
    wide = c.pivot_table(index="replication", columns="category", values="sek",
                         aggfunc="sum", fill_value=0.0)
    out = pd.DataFrame(index=wide.index)
    out["total"] = wide.sum(axis=1) / years
    pol = [col for col in wide.columns if col.startswith("policy_")]
    out["policy"] = wide[pol].sum(axis=1) / years if pol else 0.0
    tim = [col for col in wide.columns if col.startswith("time_")]
    out["time"] = wide[tim].sum(axis=1) / years if tim else 0.0
    for group, cats in SAVING_GROUPS.items():
        present = [x for x in cats if x in wide.columns]
        out[group] = wide[present].sum(axis=1) / years if present else 0.0
    return out


def _cumulative_net(costs: pd.DataFrame, scenario: str, base: str, n_years: int):
    """Array (replications x years) of cumulative net cost, scenario minus base."""
    def by_year(name):
        c = costs[costs.scenario == name]
        return c.pivot_table(index="replication", columns="year", values="sek",
                             aggfunc="sum", fill_value=0.0).reindex(
                                 columns=range(n_years), fill_value=0.0)
    a, b = by_year(scenario), by_year(base)
    common = a.index.intersection(b.index)
    return np.cumsum((a.loc[common] - b.loc[common]).to_numpy(), axis=1)


def payback_year(cum_net: np.ndarray) -> float:
    """First window year (1-based) from which the mean cumulative net cost stays <= 0;
    0 if the policy saves from the first year, inf if not within the horizon."""
    mean = cum_net.mean(axis=0) if cum_net.ndim == 2 else cum_net
    if mean.size == 0:
        return math.nan
    ok = mean <= 0
    if not ok[-1]:
        return math.inf
    if ok.all():
        return 0.0 if mean[0] < 0 else 1.0
    last_bad = int(np.flatnonzero(~ok)[-1])
    return float(last_bad + 2)


def _bootstrap(func, n: int, rng) -> np.ndarray:
    idx = rng.integers(0, n, size=(BOOTSTRAP_SAMPLES, n))
    return np.array([func(i) for i in idx])


def wilson(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion."""
    if n == 0:
        return math.nan, math.nan
    z = stats.norm.ppf(0.5 + level / 2)
    p = k / n
    den = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return max(0.0, centre - half), min(1.0, centre + half)


def cost_benefit(summary: pd.DataFrame, costs: pd.DataFrame, years: float) -> pd.DataFrame:
    """The cost-benefit table: one row per (scenario, measure) with mean and 95% CI."""
    order = list(dict.fromkeys(summary["scenario"]))
    base = order[0]
    base_costs = _per_rep_costs(costs, base, years)
    base_sum = summary[summary.scenario == base].set_index("replication")
    n_years = int(math.ceil(years - 1e-9))
    rows = []
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    for scen in order[1:]:
        cur = _per_rep_costs(costs, scen, years)
        common = cur.index.intersection(base_costs.index)
        cur, bc = cur.loc[common], base_costs.loc[common]
        s = summary[summary.scenario == scen].set_index("replication").loc[common]
        b = base_sum.loc[common]

        def add(measure, values, unit):
            m, lo, hi = mean_ci(values)
            rows.append({"scenario": scen, "measure": measure, "unit": unit, "mean": m,
                         "ci_low": lo, "ci_high": hi})

        add("policy_cost_per_year", cur["policy"] - bc["policy"], "SEK/year")
        for group in SAVING_GROUPS:
            add(f"saving_{group}_per_year", bc[group] - cur[group], "SEK/year")
        net = (cur["total"] - bc["total"]).to_numpy()
        savings = sum(bc[g] - cur[g] for g in SAVING_GROUPS)
        d_policy = (cur["policy"] - bc["policy"]).to_numpy()
        d_time = (cur["time"] - bc["time"]).to_numpy()
        # paid time off casework is part of the payroll (same pay, fewer client hours):
        # shown for information, it is inside the other cost changes, not added to them
        add("paid_time_off_casework_per_year", d_time, "SEK/year")
        add("other_cost_change_per_year", net - d_policy + savings.to_numpy(), "SEK/year")
        add("net_cost_per_year", net, "SEK/year")
        avoided = (b["exits"] - s["exits"]).to_numpy(float)
        add("exits_avoided_per_year", avoided / years, "exits/year")
        add("turnover_rate_change", (s["turnover_rate"] - b["turnover_rate"]).to_numpy(),
            "share/year")
        add("overdue_share_change", (s["overdue_share"] - b["overdue_share"]).to_numpy(),
            "share")
        add("mean_queue_change", (s["mean_queue"] - b["mean_queue"]).to_numpy(), "cases")
        # ratio of means, with a bootstrap percentile interval over replications
        n = len(net)
        # defined only when exits are avoided with confidence (the CI excludes zero)
        _, av_lo, _ = mean_ci(avoided)
        defined = avoided.mean() > 0 and (n < 2 or av_lo > 0)
        ratio = (net.mean() * years / avoided.mean()) if defined else math.nan
        if n >= 2 and defined:
            boots = _bootstrap(lambda i: (net[i].mean() * years / avoided[i].mean())
                               if avoided[i].mean() > 0 else np.nan, n, rng)
            boots = boots[np.isfinite(boots)]
            lo, hi = (np.percentile(boots, [2.5, 97.5]) if boots.size else (math.nan,) * 2)
        else:
            lo = hi = math.nan
        rows.append({"scenario": scen, "measure": "cost_per_avoided_exit", "unit": "SEK",
                     "mean": ratio, "ci_low": float(lo), "ci_high": float(hi)})
        cum = _cumulative_net(costs, scen, base, n_years)
        py = payback_year(cum)
        if cum.shape[0] >= 2:
            boots = _bootstrap(lambda i: payback_year(cum[i]), cum.shape[0], rng)
            lo, hi = np.percentile(boots, [2.5, 97.5], method="inverted_cdf")
        else:
            lo = hi = math.nan
        rows.append({"scenario": scen, "measure": "payback_year", "unit": "year",
                     "mean": py, "ci_low": float(lo), "ci_high": float(hi)})
        k = int((net < 0).sum())
        lo, hi = wilson(k, n)
        rows.append({"scenario": scen, "measure": "probability_saves_money",
                     "unit": "probability", "mean": k / n if n else math.nan,
                     "ci_low": lo, "ci_high": hi})
    return pd.DataFrame(rows, columns=["scenario", "measure", "unit", "mean", "ci_low",
                                       "ci_high"])


def require_pairs(sim) -> None:
    """Refuse (before any run) a comparison without the two replications intervals need."""
    if sim.replications < 2:
        raise UserError("--replications must be at least 2 for a comparison with intervals")


def with_analysis(tables: dict[str, pd.DataFrame], sim) -> dict[str, pd.DataFrame]:
    """The run tables plus ``comparison`` and ``cost_benefit``."""
    return {**tables, "comparison": comparison_table(tables["summary"]),
            "cost_benefit": cost_benefit(tables["summary"], tables["costs"], sim.years)}
