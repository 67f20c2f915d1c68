"""Readable terminal output of results (means with 95% confidence intervals)."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pandas as pd

from .costbenefit import RANKING_RULE, ranking
from .errors import clean
from .experiment import summarise

# (column, label, format)
MAIN_KPIS = [
    ("turnover_rate", "Turnover (exits per head per year)", "pct"),
    ("exits", "Exits in the period", "num"),
    ("exits_first_2y", "  of which within 2 years of hire", "num"),
    ("hires", "Hires in the period", "num"),
    ("mean_headcount", "Mean headcount", "num1"),
    ("vacancy_rate", "Vacancy rate (share of posts empty)", "pct"),
    ("consultant_fte", "Consultants (mean FTE)", "num1"),
    ("share_5y_plus", "Staff with >= 5 years in the unit", "pct"),
    ("share_intending", "Staff intending to leave", "pct"),
    ("sick_absence_rate", "Sick absence", "pct"),
    ("mean_caseload", "Open cases per worker", "num1"),
    ("overdue_share", "Investigations past the 4-month limit", "pct"),
    ("handovers", "Case hand-overs (continuity breaks)", "num"),
    ("cost_per_year_sek", "Cost per year, budget view (cash), SEK", "sek"),
    ("economic_cost_per_year_sek", "Cost per year, economic view (+ work lost), SEK",
     "sek"),
]


def fmt(value: float, kind: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    value = value + 0.0                       # no "-0"
    if kind == "pct":
        return f"{100 * value:.1f}%" if round(100 * value, 1) else "0.0%"
    if kind == "sek":
        return f"{value:,.0f}"
    if kind == "num1":
        return f"{value:,.1f}"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}"


def plain(value: float) -> str:
    """A number for a reader: thousands separated, never scientific notation for the
    sizes this tool prints (amounts, parameter values, shares)."""
    if value is None or not math.isfinite(value):
        return "n/a" if value is None or math.isnan(value) else str(value)
    value = value + 0.0
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 1 or value == 0:
        return f"{value:,.4g}"
    return f"{value:.4f}".rstrip("0").rstrip(".")


def summary_lines(summary: pd.DataFrame) -> list[str]:
    """Lines of 'label  mean  [low, high]' per main KPI."""
    table = summarise(summary, [k for k, _, _ in MAIN_KPIS])
    lines = []
    width = max(len(label) for _, label, _ in MAIN_KPIS)
    for (key, label, kind) in MAIN_KPIS:
        row = table[table.metric == key].iloc[0]
        ci = (f"[{fmt(row.ci_low, kind)}, {fmt(row.ci_high, kind)}]"
              if not math.isnan(row.ci_low) else "")
        lines.append(f"  {label:<{width}}  {fmt(row['mean'], kind):>12}  {ci}")
    return lines


def print_summary(summary: pd.DataFrame, scenario, out) -> None:
    sim = scenario.simulation
    n = len(summary)
    print(f"\nScenario '{clean(scenario.name)}': {n} replication{'s' if n != 1 else ''} x "
          f"{sim.years:g} years (after {sim.warmup_years:g} warm-up years), seed {sim.seed}")
    print("Means with 95% confidence intervals over replications:")
    if few_replications_note(n):
        print(few_replications_note(n))
    for line in summary_lines(summary):
        print(line)
    print(f"\nTables written to {out}/: summary.parquet, timeseries.parquet, "
          "events.parquet, costs.parquet, manifest.json")


@contextmanager
def progress_bar(total: int, quiet: bool, label: str,
                 done: int = 0) -> Iterator[Callable[[int], None] | None]:
    """A progress bar of replications on stderr; yields its ``update`` callback, or None
    when quiet or when there is at most one replication to show."""
    if quiet or total < 2:
        yield None
        return
    from tqdm import tqdm
    bar = tqdm(total=total, desc=f"{label}: replications", unit="rep", file=sys.stderr,
               disable=None, dynamic_ncols=True)
    if done:
        bar.update(done)
    try:
        yield bar.update
    finally:
        bar.close()


def _sek(v: float) -> str:
    if v is None or (isinstance(v, float) and (math.isnan(v))):
        return "n/a"
    if math.isinf(v):
        return "never" if v > 0 else "-inf"
    return fmt(v, "sek")


def _payback(v: float) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    if math.isinf(v):
        return "not within horizon"
    return "from year 1" if v <= 1 else f"year {v:.0f}"


FLAG_TEXT = {
    "queue_growing": "waiting cases keep growing",
    "overdue_growing": "open overdue investigations keep growing",
    "overdue_share_up": "more investigations over the legal limit",
    "turnover_up": "turnover rises",
}


def warning_text(flag: str) -> str:
    """The service warning in words ('' when there is none)."""
    if not flag:
        return ""
    return "SERVICE WARNING: " + "; ".join(FLAG_TEXT.get(f, f) for f in flag.split(";"))


FEW_REPLICATIONS = 10


def few_replications_note(n: int) -> str:
    """A warning line when intervals rest on too few replications ('' otherwise)."""
    if n >= FEW_REPLICATIONS:
        return ""
    return (f"Note: {n} replication{'s' if n != 1 else ''} only: the intervals are rough "
            f"(with 2 they span just the two runs); use {FEW_REPLICATIONS} or more for a "
            "decision.")


def service_pricing_line(economics) -> str:
    """Whether the economic view puts a price on lost service."""
    if not economics.service_priced:
        return ("Service (investigations over the legal limit, waiting cases, hand-overs) is "
                "reported on its own, not priced in the economic view.")
    return (f"Service priced in the economic view: {_sek(economics.overdue_investigation_sek)} "
            f"SEK per overdue investigation, {_sek(economics.handover_sek)} SEK per "
            "hand-over (economics.*; an assumption).")


def ranking_lines(cb: pd.DataFrame) -> list[str]:
    """The options ranked, one line each, both cost views and the warning in the row."""
    table = ranking(cb)
    lines = [f"Options ranked ({RANKING_RULE}); net cost per year, SEK, against the base:",
             f"  {'#':>2}  {'option':<26} {'turnover':>9} {'budget view':>14} "
             f"{'economic view':>14} {'P(saves)*':>9}  service"]
    group = None
    for r in table.itertuples():
        this = ("with a service warning" if r.service_flag else
                "avoiding exits" if r.exits_avoided_per_year > 0 else "avoiding no exits")
        if this != group:
            lines.append(f"  -- options {this} --")
            group = this
        lines.append(f"  {r.rank:>2}  {clean(r.scenario)[:26]:<26} "
                     f"{100 * r.turnover_rate_change:>+7.1f} pp "
                     f"{_sek(r.net_cost_budget_sek_per_year):>14} "
                     f"{_sek(r.net_cost_economic_sek_per_year):>14} "
                     f"{100 * r.p_saves_economic:>8.0f}%  "
                     f"{warning_text(r.service_flag) or 'ok'}")
    lines.append("  * probability that the option saves money in the economic view; a negative "
                 "net cost is a saving")
    return lines


def cost_benefit_lines(cb: pd.DataFrame, comparison: pd.DataFrame,
                       base_flag: str = "") -> list[str]:
    """A readable cost-benefit table: the ranking, then one block per scenario against
    the base with both cost views. ``base_flag``: the base's own queue warnings."""
    lines = []
    if base_flag:
        lines += [f"** {warning_text(base_flag)} in the BASE itself: every option is "
                  "compared with a unit whose queue is not stable; check the base's inflow, "
                  "posts and managers first **", ""]
    lines += ranking_lines(cb) + [""]
    base = comparison.scenario.iloc[0]
    bt = comparison[(comparison.scenario == base) & (comparison.metric == "turnover_rate")]
    lines.append(f"Base: {clean(base)}, turnover {fmt(float(bt['mean'].iloc[0]), 'pct')} a year "
                 f"[{fmt(float(bt.ci_low.iloc[0]), 'pct')}, "
                 f"{fmt(float(bt.ci_high.iloc[0]), 'pct')}]"
                 + (f"   ** {warning_text(base_flag)} **" if base_flag else ""))
    for scen in ranking(cb).scenario:                      # details in rank order
        c = cb[cb.scenario == scen].set_index("measure")
        tr = comparison[(comparison.scenario == scen) & (comparison.metric == "turnover_rate")]

        def rng(measure, kind="sek", sign=1):
            if measure not in c.index:
                return "n/a"
            r = c.loc[measure]
            if sign < 0:              # a saving shown as a change in cost
                r = r.copy()
                r["mean"], r["ci_low"], r["ci_high"] = -r["mean"], -r["ci_high"], -r["ci_low"]
            if kind == "pp":
                return (f"{100 * r['mean']:+.1f} pp [{100 * r.ci_low:+.1f}, "
                        f"{100 * r.ci_high:+.1f}]")
            if kind == "num":
                return f"{r['mean']:+.1f} [{r.ci_low:+.1f}, {r.ci_high:+.1f}]"
            if kind == "prob":
                return f"{100 * r['mean']:.0f}% [{100 * r.ci_low:.0f}%, {100 * r.ci_high:.0f}%]"
            return f"{_sek(r['mean'])} [{_sek(r.ci_low)}, {_sek(r.ci_high)}]"

        warning = warning_text(c.service_flag.iloc[0])
        lines.append("")
        lines.append(f"{clean(scen)}: turnover {fmt(float(tr['mean'].iloc[0]), 'pct')} a year"
                     + (f"   ** {warning} **" if warning else ""))
        lines.append(f"  turnover change             {rng('turnover_rate_change', 'pp')}")
        lines.append(f"  exits avoided per year      {rng('exits_avoided_per_year', 'num')}")
        lines.append(f"  overdue investigations      {rng('overdue_share_change', 'pp')}")
        lines.append(f"  waiting cases (backlog)     {rng('mean_queue_change', 'num')}"
                     f"; trend {rng('queue_trend_per_year', 'num')} a year")
        lines.append(f"  runs where the queue grows  {rng('p_queue_growing', 'prob')}")
        lines.append("  budget view (cash), change in cost per year (+ costs more, - saves):")
        lines.append(f"    {'the measure itself':<24}  {rng('policy_cost_per_year')}")
        for m, label in (("saving_recruitment_per_year", "recruitment"),
                         ("saving_consultants_per_year", "consultants"),
                         ("saving_sick_pay_per_year", "sick pay, rehabilitation")):
            lines.append(f"    {label:<24}  {rng(m, 'sek', -1)}")
        lines.append(f"    {'payroll':<24}  {rng('payroll_change_per_year')}")
        time_moved = c.loc["paid_time_off_casework_per_year", "mean"]
        if abs(time_moved) > 0:
            lines.append("      (the payroll includes paid time moved off casework: "
                         f"{rng('paid_time_off_casework_per_year')})")
        lines.append(f"    net cost per year (sum)   {rng('net_cost_budget_sek_per_year')}")
        lines.append(f"    probability it saves cash {rng('p_saves_budget', 'prob')}")
        lines.append("  economic view (budget + value of work lost):")
        lines.append(f"    work lost, change         {rng('work_lost_change_per_year')}")
        lines.append(f"    net cost per year         {rng('net_cost_economic_sek_per_year')}"
                     " (budget net + work lost)")
        lines.append(f"    probability it saves      {rng('p_saves_economic', 'prob')}")
        lines.append(f"    cost per avoided exit     {rng('cost_per_avoided_exit')}")
        pb = c.loc["payback_year", "mean"]
        why = (" (no extra cash: its cost is paid time moved off casework)" if time_moved > 0
               else " (the measure has no cash cost)")
        lines.append(f"    payback                   {_payback(pb)}"
                     + ("" if not math.isnan(pb) else why))
        lines.append(f"  replacement cost, SEK/exit  {rng('replacement_cost_sek')}")
        if warning:
            lines.append(f"  {warning}: a saving here is not a recommendation")
    return lines
