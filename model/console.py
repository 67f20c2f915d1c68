"""Readable terminal output of results (means with 95% confidence intervals)."""

from __future__ import annotations

import math

import pandas as pd

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
    ("cost_per_year_sek", "Cost per year, SEK", "sek"),
]


def fmt(value: float, kind: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if kind == "pct":
        return f"{100 * value:.1f}%"
    if kind == "sek":
        return f"{value:,.0f}"
    if kind == "num1":
        return f"{value:,.1f}"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}"


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
    print(f"\nScenario '{scenario.name}': {n} replication{'s' if n != 1 else ''} x "
          f"{sim.years:g} years (after {sim.warmup_years:g} warm-up years), seed {sim.seed}")
    print("Means with 95% confidence intervals over replications:")
    for line in summary_lines(summary):
        print(line)
    print(f"\nTables written to {out}/: summary.parquet, timeseries.parquet, "
          "events.parquet, costs.parquet, manifest.json")
