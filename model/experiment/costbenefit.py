"""The committee's table: each measure against the base, in both cost views, with the
service it buys or loses.

For every scenario after the first (the base), per replication (common random
numbers), then summarised over replications:

* ``policy_cost_per_year``: the measure's own cash (supplements, staff, facilitators).
* Budget view (cash), each a change in cost against the base (one sign throughout: a
  cost is positive, so a change above zero costs more and one below zero saves):
  ``recruitment_cost_change_per_year``, ``consultants_cost_change_per_year``,
  ``sick_pay_cost_change_per_year`` (sick pay and rehabilitation),
  ``crisis_response_cost_change_per_year`` (overtime, bought investigations, temporary
  team leaders), ``payroll_change_per_year``: the change in the ordinary payroll,
  including what part of it bought mentoring and ramp-up, and, beside it and not part
  of it, ``paid_time_off_casework_per_year``: the change in the pay for time that
  measures move off casework (``time_<policy>``); ``net_cost_budget_sek_per_year`` =
  policy cost + these changes + payroll change + paid time moved
  (``model.experiment.costsigns``).
* Economic view: ``work_lost_change_per_year`` (the value of work lost, by Johrén's
  blocks), of it ``work_lost_measure_time_per_year`` (client time measures take away
  and the model does not show recovered, ``lost_measure_time``), and
  ``net_cost_economic_sek_per_year`` = the budget net + the change in work lost.
* ``p_saves_budget`` and ``p_saves_economic``: the share of replications in which the
  net cost is below zero (Wilson interval).
* Turnover and service: exits avoided, turnover, overdue share and queue changes, and
  the queue's and open overdue investigations' trend per year.
* ``cost_per_avoided_exit`` (economic net cost per exit avoided) and the payback years
  (economic, and ``payback_year_budget``), computed only for a measure that costs
  money (positive policy cost).

``service_flag`` (a column on every row of a scenario): empty, or the warnings that
apply, separated by ";": ``queue_growing`` / ``overdue_growing`` (the waiting cases or
open overdue investigations keep growing over the horizon: their trend exceeds
``QUEUE_TREND_LIMIT`` / ``OVERDUE_TREND_LIMIT`` a year on average with a 95% interval
above the limit, or in at least ``RUNAWAY_SHARE`` of the replications and in more of
them than in the base: a unit near its tipping point runs away in some futures and not
in others), ``overdue_share_up`` and ``turnover_up`` (the paired 95% interval of the
change against the base lies above zero, or the mean change is larger than
``MATERIAL_RISE``: near a tipping point a few runaway futures make a large mean rise with
a wide interval, and that is a warning too), and ``crisis_risk_up`` (the option raises
the risk of a crisis run: ``model.experiment.crisis``, whose measures ``p_crisis``,
``p_crisis_base`` and ``crisis_risk_change`` stand in this table too), and
``crisis_response_up`` (the unit keeps up only because its managers cut ongoing cases'
time or buy investigations more than in the base: the paired interval of the change in
``prioritised_share`` or in investigations bought a year lies above zero and its mean is
above ``MATERIAL_RISE``). The share of
replications whose queue keeps growing is the measure ``p_queue_growing``. A payback or a
probability of saving money is never shown without the warning.

Intervals of paired differences are Student-t, or bootstrap percentile intervals where a
few replications dominate (``intervals.paired_ci``); ``interval`` names the method of
each row (t, bootstrap or wilson) and ``median`` is the median over replications of a
paired difference (NaN for probabilities and ratios), which a runaway run does not move.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..sim.entities import DAYS_PER_YEAR
from .costsigns import change_measure
from .crisis import BASE_FLAG, CRISIS_FLAG, base_at_risk, crisis_rows
from .intervals import (
    BOOTSTRAP_SAMPLES,
    BOOTSTRAP_SEED,
    median,
    paired_ci,
    paired_method,
    slopes_per_year,
    wilson,
)

BUDGET_GROUPS = {
    "recruitment": ("recruitment",),
    "consultants": ("consultants",),
    "sick_pay": ("sick_leave", "rehabilitation"),
    "crisis_response": ("overtime", "bought_investigations", "bought_follow_up",
                        "borrowed_staff", "leadership"),
}
PAYROLL = ("salaries", "mentoring", "rampup_lost_output")      # time_<policy> apart
QUEUE_TREND_LIMIT = 5.0        # waiting cases per year: growth below this is not flagged
OVERDUE_TREND_LIMIT = 2.0      # open overdue investigations per year
RUNAWAY_SHARE = 0.1            # share of replications in which a queue keeps growing
# mean rises that warrant a warning even when their interval includes zero
MATERIAL_RISE = {"overdue_share_up": 0.01, "turnover_up": 0.02,
                 "prioritised_share": 0.01, "investigations_bought": 2.0}
RESPONSE_FLAG = "crisis_response_up"
FLAGS = ("queue_growing", "overdue_growing", "overdue_share_up", "turnover_up",
         CRISIS_FLAG, RESPONSE_FLAG)
COLUMNS = ["scenario", "measure", "unit", "mean", "ci_low", "ci_high", "service_flag",
           "median", "interval"]


def _per_rep(costs: pd.DataFrame, scenario: str, years: float) -> pd.DataFrame:
    """SEK per year by cost group, one row per replication."""
    c = costs[costs.scenario == scenario]
    wide = c.pivot_table(index="replication", columns="category", values="sek",
                         aggfunc="sum", fill_value=0.0) / years
    views = c.pivot_table(index="replication", columns="view", values="sek",
                          aggfunc="sum", fill_value=0.0) / years

    def total(cols):
        present = [x for x in cols if x in wide.columns]
        return wide[present].sum(axis=1) if present else pd.Series(0.0, index=wide.index)

    out = pd.DataFrame(index=wide.index)
    out["budget"] = views.get("budget", 0.0)
    out["lost"] = views.get("economic", 0.0)
    out["policy"] = total([x for x in wide.columns if x.startswith("policy_")])
    out["time"] = total([x for x in wide.columns if x.startswith("time_")])
    out["payroll"] = total(PAYROLL)
    out["measure_time_lost"] = total(["lost_measure_time"])
    for group, cats in BUDGET_GROUPS.items():
        out[group] = total(cats)
    return out


def _cumulative_net(costs: pd.DataFrame, scenario: str, base: str, n_years: int,
                    view: str | None) -> np.ndarray:
    """Replications x years of cumulative net cost, scenario minus base (one view, or
    the economic view with ``None``)."""
    def by_year(name):
        c = costs[costs.scenario == name]
        if view is not None:
            c = c[c.view == view]
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


def trends(timeseries: pd.DataFrame | None, scenario: str) -> dict[str, np.ndarray]:
    """Per replication, the slope per year of the waiting cases and of the open overdue
    investigations over the statistics window."""
    if timeseries is None:
        return {}
    ts = timeseries[timeseries.scenario == scenario]
    out: dict[str, list[float]] = {"queue": [], "overdue": []}
    for _, g in ts.groupby("replication"):
        t = (g.day.to_numpy(float) - g.day.min()) / DAYS_PER_YEAR
        out["queue"].append(slopes_per_year(t, (g.queue_investigations + g.queue_ongoing)
                                            .to_numpy(float)))
        out["overdue"].append(slopes_per_year(t, g.overdue_open.to_numpy(float)))
    return {k: np.array(v) for k, v in out.items()}


LIMITS = {"queue": QUEUE_TREND_LIMIT, "overdue": OVERDUE_TREND_LIMIT}


def growing_share(trend: dict, key: str) -> float:
    """Share of replications whose trend of ``key`` exceeds its limit."""
    x = trend.get(key)
    if x is None or not len(x):
        return math.nan
    return float(np.mean(np.asarray(x) > LIMITS[key]))


def service_flags(trend: dict, d_overdue: np.ndarray, d_turnover: np.ndarray,
                  base_trend: dict | None = None) -> list[str]:
    """The service warnings of a scenario (see the module docstring)."""
    flags = []
    for key, name in (("queue", "queue_growing"), ("overdue", "overdue_growing")):
        if key not in trend:
            continue
        _, lo, _ = paired_ci(trend[key])
        share = growing_share(trend, key)
        base_share = growing_share(base_trend or {}, key)
        runaway = share >= RUNAWAY_SHARE and not (share <= base_share)
        if lo > LIMITS[key] or runaway:
            flags.append(name)
    for d, name in ((d_overdue, "overdue_share_up"), (d_turnover, "turnover_up")):
        if not len(d):
            continue
        m, lo, _ = paired_ci(d)
        if lo > 0 or m > MATERIAL_RISE[name]:
            flags.append(name)
    return flags


def leans_on_response(s: pd.DataFrame, b: pd.DataFrame, years: float) -> bool:
    """Whether an option (summary ``s``) keeps up only by the managers' crisis response
    more than the base (``b``, the same replications): see ``RESPONSE_FLAG``."""
    for col, scale in (("prioritised_share", 1.0), ("investigations_bought", 1.0 / years)):
        if col not in s.columns or col not in b.columns:
            continue
        d = (s[col] - b[col]).to_numpy(float) * scale
        m, lo, _ = paired_ci(d)
        if lo > 0 and m > MATERIAL_RISE[col]:
            return True
    return False


def base_flags(timeseries: pd.DataFrame | None, base: str,
               summary: pd.DataFrame | None = None) -> list[str]:
    """The queue warnings of the base itself (its queue judged on its own, not against
    another scenario), and ``crisis_risk`` when the base is in crisis in at least one run
    in ten (with ``summary``): a comparison against an unstable base compares two
    collapses."""
    flags = service_flags(trends(timeseries, base), np.zeros(0), np.zeros(0))
    return flags + ([BASE_FLAG] if base_at_risk(summary, base) else [])


def cost_benefit(summary: pd.DataFrame, costs: pd.DataFrame, years: float,
                 timeseries: pd.DataFrame | None = None, spread=None) -> pd.DataFrame:
    """The cost-benefit table: one row per (scenario, measure) with mean and 95% CI and
    the scenario's ``service_flag`` (the queue trends need ``timeseries``). ``spread``:
    the interval of the amounts and effects under uncertainty in the assumptions
    (``intervals.spread_interval``) in place of the confidence interval of the mean."""
    order = list(dict.fromkeys(summary["scenario"]))
    base = order[0]
    base_costs = _per_rep(costs, base, years)
    base_sum = summary[summary.scenario == base].set_index("replication")
    base_trend = trends(timeseries, base)
    n_years = int(math.ceil(years - 1e-9))
    rows = []
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    for scen in order[1:]:
        cur = _per_rep(costs, scen, years)
        common = cur.index.intersection(base_costs.index)
        cur, bc = cur.loc[common], base_costs.loc[common]
        s = summary[summary.scenario == scen].set_index("replication").loc[common]
        b = base_sum.loc[common]
        mine: list[dict] = []

        def add(measure, values, unit, interval=None):
            m, lo, hi = (interval or spread or paired_ci)(values)
            mine.append({"scenario": scen, "measure": measure, "unit": unit, "mean": m,
                         "ci_low": lo, "ci_high": hi, "median": median(values),
                         "interval": "spread" if spread else paired_method(values)})

        d_policy = (cur["policy"] - bc["policy"]).to_numpy()
        add("policy_cost_per_year", d_policy, "SEK/year")
        for group in BUDGET_GROUPS:
            add(change_measure(group), (cur[group] - bc[group]).to_numpy(), "SEK/year")
        add("payroll_change_per_year", (cur["payroll"] - bc["payroll"]).to_numpy(),
            "SEK/year")
        add("paid_time_off_casework_per_year", (cur["time"] - bc["time"]).to_numpy(),
            "SEK/year")
        net_budget = (cur["budget"] - bc["budget"]).to_numpy()
        d_lost = (cur["lost"] - bc["lost"]).to_numpy()
        net_econ = net_budget + d_lost
        add("net_cost_budget_sek_per_year", net_budget, "SEK/year")
        add("work_lost_change_per_year", d_lost, "SEK/year")
        add("work_lost_measure_time_per_year",
            (cur["measure_time_lost"] - bc["measure_time_lost"]).to_numpy(), "SEK/year")
        add("net_cost_economic_sek_per_year", net_econ, "SEK/year")
        n = len(net_econ)
        for name, net in (("p_saves_budget", net_budget), ("p_saves_economic", net_econ)):
            k = int((net < 0).sum())
            lo, hi = wilson(k, n)
            mine.append({"scenario": scen, "measure": name, "unit": "probability",
                         "mean": k / n if n else math.nan, "ci_low": lo, "ci_high": hi,
                         "interval": "wilson"})
        avoided = (b["exits"] - s["exits"]).to_numpy(float)
        add("exits_avoided_per_year", avoided / years, "exits/year")
        d_turnover = (s["turnover_rate"] - b["turnover_rate"]).to_numpy()
        d_overdue = (s["overdue_share"] - b["overdue_share"]).to_numpy()
        add("turnover_rate_change", d_turnover, "share/year")
        add("overdue_share_change", d_overdue, "share")
        add("mean_queue_change", (s["mean_queue"] - b["mean_queue"]).to_numpy(), "cases")
        trend = trends(timeseries, scen)
        if trend:
            add("queue_trend_per_year", trend["queue"], "cases/year")
            add("overdue_open_trend_per_year", trend["overdue"], "cases/year")
            k = int((trend["queue"] > QUEUE_TREND_LIMIT).sum())
            lo, hi = wilson(k, len(trend["queue"]))
            mine.append({"scenario": scen, "measure": "p_queue_growing", "unit": "probability",
                         "mean": k / len(trend["queue"]), "ci_low": lo, "ci_high": hi,
                         "interval": "wilson"})
        pays = float(np.mean(d_policy)) > 0
        mine.append(_cost_per_avoided_exit(scen, net_econ, avoided, years, rng, pays, spread))
        for measure, view in (("payback_year", None), ("payback_year_budget", "budget")):
            mine.append(_payback(scen, measure, costs, base, n_years, view, rng, pays))
        crisis, raised = crisis_rows(scen, s, b)
        mine += crisis
        flag = ";".join(service_flags(trend, d_overdue, d_turnover, base_trend)
                        + ([CRISIS_FLAG] if raised else [])
                        + ([RESPONSE_FLAG] if leans_on_response(s, b, years) else []))
        rows += [{**r, "service_flag": flag} for r in mine]
    return pd.DataFrame(rows, columns=COLUMNS)


def _cost_per_avoided_exit(scen, net, avoided, years, rng, pays: bool,
                           interval=paired_ci) -> dict:
    """Economic net cost per exit avoided (ratio of means, bootstrap interval), only for
    a measure that costs money and whose exits-avoided ``interval`` (the one the tables
    show) lies above zero."""
    n = len(net)
    _, av_lo, _ = (interval or paired_ci)(avoided)
    defined = pays and avoided.mean() > 0 and (n < 2 or av_lo > 0)
    ratio = (net.mean() * years / avoided.mean()) if defined else math.nan
    lo = hi = math.nan
    if n >= 2 and defined:
        boots = _bootstrap(lambda i: (net[i].mean() * years / avoided[i].mean())
                           if avoided[i].mean() > 0 else np.nan, n, rng)
        boots = boots[np.isfinite(boots)]
        if boots.size:
            lo, hi = np.percentile(boots, [2.5, 97.5])
    return {"scenario": scen, "measure": "cost_per_avoided_exit", "unit": "SEK",
            "mean": ratio, "ci_low": float(lo), "ci_high": float(hi),
            "interval": "bootstrap"}


def _payback(scen, measure, costs, base, n_years, view, rng, pays: bool) -> dict:
    """Payback year of a measure that costs money (NaN for one that does not)."""
    py = lo = hi = math.nan
    if pays:
        cum = _cumulative_net(costs, scen, base, n_years, view)
        py = payback_year(cum)
        if cum.shape[0] >= 2:
            boots = _bootstrap(lambda i: payback_year(cum[i]), cum.shape[0], rng)
            lo, hi = np.percentile(boots, [2.5, 97.5], method="inverted_cdf")
    return {"scenario": scen, "measure": measure, "unit": "year", "mean": py,
            "ci_low": float(lo), "ci_high": float(hi), "interval": "bootstrap"}


RANKING_COLUMNS = ["rank", "group", "scenario", "turnover_rate_change",
                   "exits_avoided_per_year", "exits_avoided_low", "exits_avoided_high",
                   "overdue_share_change", "net_cost_budget_sek_per_year",
                   "net_cost_economic_sek_per_year", "p_saves_economic", "p_best",
                   "p_crisis", "cost_per_avoided_exit", "service_flag"]
GROUPS = ("avoids_exits", "not_shown", "warned")
RANKING_RULE = ("options without a service warning first; within each group by expected "
                "economic net cost per year (lowest first); an option is said to avoid "
                "exits only when its 95% interval of exits avoided lies above zero")


def ranking(cb: pd.DataFrame) -> pd.DataFrame:
    """One row per option, ranked by ``RANKING_RULE``: the options without a service
    warning, then those with one, each by expected economic net cost (the economic view
    already values the exits a measure avoids, so they are not counted twice). ``group``
    says which of ``GROUPS`` an option is in: it *avoids exits* only when the interval
    of its exits avoided (chance, and the assumptions under uncertainty) lies above
    zero. Intervals stay in the cost-benefit table; ``p_best`` stands beside."""
    if cb.empty:
        return pd.DataFrame(columns=RANKING_COLUMNS)
    wide = cb.pivot_table(index="scenario", columns="measure", values="mean",
                          aggfunc="first")
    avoided = cb[cb.measure == "exits_avoided_per_year"].set_index("scenario")
    flags = cb.groupby("scenario").service_flag.first().fillna("")
    out = wide.reindex(columns=[c for c in RANKING_COLUMNS if c in MEASURE_COLUMNS]).copy()
    out["exits_avoided_low"] = avoided.ci_low.reindex(out.index)
    out["exits_avoided_high"] = avoided.ci_high.reindex(out.index)
    out["service_flag"] = flags
    shown = (out.exits_avoided_low > 0) | ((out.exits_avoided_per_year > 0)
                                           & out.exits_avoided_low.isna())
    out["group"] = np.where(out.service_flag != "", "warned",
                            np.where(shown, "avoids_exits", "not_shown"))
    out["_group"] = out.group == "warned"
    order = list(dict.fromkeys(cb.scenario))
    out["_order"] = [order.index(s) for s in out.index]
    out = out.sort_values(["_group", "net_cost_economic_sek_per_year", "_order"])
    out = out.drop(columns=["_group", "_order"]).reset_index()
    out.insert(0, "rank", range(1, len(out) + 1))
    return out[RANKING_COLUMNS]


MEASURE_COLUMNS = {"turnover_rate_change", "exits_avoided_per_year", "overdue_share_change",
                   "net_cost_budget_sek_per_year", "net_cost_economic_sek_per_year",
                   "p_saves_economic", "p_best", "p_crisis", "cost_per_avoided_exit"}


def cost_per_extra_exit(base_summary: pd.DataFrame, other_summary: pd.DataFrame,
                        column: str) -> tuple[float, float]:
    """Marginal cost of an exit from two paired runs (the second with more exits): the
    ratio of mean paired differences, cost over exits, and its standard error by the
    delta method, Var(R) ~ Var(dc - R dx) / (n mean(dx)^2)."""
    b = base_summary.set_index("replication")
    o = other_summary.set_index("replication").loc[b.index]
    dc = (o[column] - b[column]).to_numpy(float)
    dx = (o["exits"] - b["exits"]).to_numpy(float)
    r = dc.mean() / dx.mean()
    se = np.std(dc - r * dx, ddof=1) / (np.sqrt(len(dx)) * dx.mean())
    return float(r), float(se)

