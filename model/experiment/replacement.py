"""The unit's replacement cost: one marginal figure from a paired probe (the base
against the base with a small extra exit hazard, common random numbers), broken down by
Johrén's blocks, with the knock-on effects apart. There is no per-option average: what a
measure adds to a replacement is in its own cost lines, not in a cost per exit.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

# the probe: the outside pull raised by this much a year (an exit hazard no measure
# touches; about 3 extra exits a year in the baseline unit, small beside its ~20)
PROBE = ("attrition.outside_pull_per_year", 0.03)


def probe_of(scenario):
    """The base with the probe's extra exit hazard (same seed, horizon, replications)."""
    field = PROBE[0].split(".")[-1]
    att = scenario.attrition
    return scenario.model_copy(update={"attrition": att.model_copy(
        update={field: getattr(att, field) + PROBE[1]})})


def unit_replacement_cost(tables: dict, base, workers: int = 1) -> pd.DataFrame:
    """The unit's replacement cost for a comparison whose base is ``base``: the probe is
    run and paired with the base's replications in ``tables``. Under drawn assumptions
    (a ``draw`` column) each of those ran with assumptions of its own while the probe
    keeps the scenario's, so the pair would mix the assumptions' effect into the
    difference: the base is then run again at the scenario's assumptions, and the
    figure is the unit's at those (chance only)."""
    from . import run_scenario
    summary = tables["summary"]
    if "draw" in summary.columns and summary["draw"].notna().any():
        mine = run_scenario(base, workers=workers)
    else:
        mine = {k: tables[k][tables[k].scenario == base.name] for k in ("summary", "costs")}
    probe = run_scenario(probe_of(base), workers=workers)
    return marginal_replacement_cost(mine, probe)


PAYROLL_SHARES = ("salaries", "mentoring", "rampup_lost_output", "policy_overstaffing")
JOHREN_BLOCKS = ("recruitment", "introduction", "training_in", "vacancy_exit")
REPLACEMENT_COLUMNS = ["part", "block", "kind", "sek_per_exit", "ci_low", "ci_high"]


def marginal_replacement_cost(base: dict, probe: dict, factor: float = 1.0) -> pd.DataFrame:
    """The unit's replacement cost: the marginal economic cost of one extra exit from a
    paired probe (``probe``: the base with a small extra exit hazard, same seed and
    replications, common random numbers), broken down by Johrén's blocks with the
    knock-on effects apart.

    Each row is the ratio of mean paired differences, cost over exits, with a 95%
    interval by the delta method (as ``costbenefit.cost_per_extra_exit``). Johrén's
    blocks: ``recruitment`` (the base's recruitment cost per hire: the rounds one
    replacement takes), ``introduction`` (mentors' and the manager's time),
    ``training_in`` (the newcomer's shortfall and colleagues' help) and ``vacancy_exit``
    (the work lost while posts stand empty or leavers wind down, consultants, less the
    pay not paid on empty budgeted posts). The budget view's shares of the payroll
    (mentors' and newcomers' pay) are pay paid anyway, so they count with the payroll.
    Knock-on (``kind = "knock_on"``): ``recruitment_market`` (further rounds because
    the unit recruits worse after more exits), ``sick_leave`` (colleagues' strain),
    ``payroll`` (the rest of the payroll change: a younger staff's
    pay), ``crisis_response`` (temporary team leaders when many leave), ``measures`` and
    ``service`` where they move. Overtime and bought investigations are cover for work not
    done, Johrén's vacancy block. ``part``: ``block`` for a
    block's row, else the subtotal it names (``johren``, ``knock_on``, ``total`` for the
    economic view, ``cash`` for the budget view). ``factor`` rescales the value of work
    lost (economic rows other than priced service) from the runs' own
    ``value_of_work_factor``: the ledger values work lost linearly, so a sensitivity
    needs no new runs.
    """
    a, b = _per_rep(base, factor), _per_rep(probe, factor)
    cols = a.columns.union(b.columns)
    a, b = a.reindex(columns=cols, fill_value=0.0), b.reindex(columns=cols, fill_value=0.0)
    common = a.index.intersection(b.index)
    d = b.loc[common] - a.loc[common]
    ea = base["summary"].set_index("replication")
    eb = probe["summary"].set_index("replication")
    dx = (eb.exits.loc[common] - ea.exits.loc[common]).to_numpy(float)
    hires = float(ea.hires.loc[common].sum())
    per_hire = float(a.loc[common, "recruitment"].sum()) / hires if hires else 0.0
    d["recruitment_market"] = d["recruitment"] - per_hire * dx
    d["recruitment"] = per_hire * dx
    blocks = [x for x in d.columns if x != "cash"]
    knock = sorted(x for x in blocks if x not in JOHREN_BLOCKS)
    rows = []

    def row(part, block, kind, dc):
        r, se = _ratio(dc.to_numpy(float), dx)
        rows.append({"part": part, "block": block, "kind": kind, "sek_per_exit": r,
                     "ci_low": r - 1.96 * se, "ci_high": r + 1.96 * se})
    for x in JOHREN_BLOCKS:
        row("block", x, "johren", d[x])
    for x in knock:
        row("block", x, "knock_on", d[x])
    row("johren", "johren", "johren", d[list(JOHREN_BLOCKS)].sum(axis=1))
    row("knock_on", "knock_on", "knock_on", d[knock].sum(axis=1))
    row("total", "total", "economic", d[blocks].sum(axis=1))
    row("cash", "cash", "budget", d["cash"])
    return pd.DataFrame(rows, columns=REPLACEMENT_COLUMNS)


def _per_rep(run: dict, factor: float) -> pd.DataFrame:
    """SEK per replication by block (work lost rescaled by ``factor``), the pay not
    paid on empty budgeted posts moved from the payroll to the vacancy block, and the
    budget view's total (``cash``)."""
    c = run["costs"]
    scale = np.where((c.view == "economic") & (c.block != "service"), factor, 1.0)
    # the shares of the payroll (mentors' and newcomers' pay, paid time moved) are labels
    # on pay that is paid anyway: in a marginal cost they stay with the payroll, and the
    # blocks hold what the exit adds (cash beyond pay, and the work lost)
    payroll = c.category.isin(PAYROLL_SHARES) | c.category.str.startswith("time_")
    c = c.assign(sek=c.sek * scale, block=c.block.where(~payroll, "payroll"))
    wide = c.pivot_table(index="replication", columns="block", values="sek",
                         aggfunc="sum", fill_value=0.0)
    wide = wide.reindex(columns=wide.columns.union(list(JOHREN_BLOCKS) + ["payroll"]),
                        fill_value=0.0)
    unpaid = run["summary"].set_index("replication").vacant_post_pay_sek.reindex(
        wide.index, fill_value=0.0)
    wide["vacancy_exit"] -= unpaid
    wide["payroll"] += unpaid
    wide["cash"] = c[c.view == "budget"].groupby("replication").sek.sum()
    return wide.fillna(0.0)


def _ratio(dc: np.ndarray, dx: np.ndarray) -> tuple[float, float]:
    """Ratio of mean paired differences and its delta-method standard error."""
    if len(dx) == 0 or dx.mean() <= 0:
        return math.nan, math.nan
    r = dc.mean() / dx.mean()
    se = (np.std(dc - r * dx, ddof=1) / (np.sqrt(len(dx)) * dx.mean())
          if len(dx) > 1 else math.nan)
    return float(r), float(se)
