"""Readable terminal output of results (means with 95% confidence intervals)."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pandas as pd

from ..errors import clean
from ..experiment import summarise
from ..experiment.costbenefit import ranking
from ..experiment.costsigns import change_measure
from .catalogue import metric
from .catalogue.numbers import chance, runs_text
from .console_text import DEFAULT_LANG, number, say
from .console_text import fmt as lfmt

# the main KPIs in the order printed (words and formats from the catalogue)
MAIN_KPIS = ("turnover_rate", "exits", "exits_first_2y", "hires", "mean_headcount",
             "vacancy_rate", "consultant_fte", "share_5y_plus", "share_intending",
             "sick_absence_rate", "mean_caseload", "overdue_share", "crisis", "handovers",
             "cost_per_year_sek", "economic_cost_per_year_sek")
# KPIs printed indented under the one above them, as a part of it
PARTS = ("exits_first_2y",)


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


def digits(value: float, significant: int = 6) -> str:
    """A parameter value with its significant digits, never in scientific notation
    (0.000123456 -> '0.000123456', 1234567.8 -> '1234570')."""
    import numpy as np
    if value is None or not math.isfinite(value):
        return plain(value)
    return np.format_float_positional(value, precision=significant, unique=False,
                                      fractional=False, trim="-")


def summary_lines(summary: pd.DataFrame, lang: str = DEFAULT_LANG) -> list[str]:
    """Lines of 'label  mean  (low – high)' per main KPI."""
    table = summarise(summary, list(MAIN_KPIS))
    lines = []
    labels = [("  " if key in PARTS else "") + metric(key).label[lang] for key in MAIN_KPIS]
    width = max(len(label) for label in labels)
    for key, label in zip(MAIN_KPIS, labels):
        kind = metric(key).mean_kind()
        row = table[table.metric == key].iloc[0]
        ci = (f"({lfmt(row.ci_low, kind, lang)} – {lfmt(row.ci_high, kind, lang)})"
              if not math.isnan(row.ci_low) else "")
        lines.append(f"  {label:<{width}}  {lfmt(row['mean'], kind, lang):>17}  {ci}")
    return lines




def print_summary(summary: pd.DataFrame, scenario, out, lang: str = DEFAULT_LANG) -> None:
    from .texts import title
    sim = scenario.simulation
    n = len(summary)
    print("\n" + say("run_head", lang, name=clean(scenario.name),
                      title=clean(title(scenario, lang)), n=n, y=number(sim.years, lang),
                      w=number(sim.warmup_years, lang), s=sim.seed))
    print(say("run_means", lang))
    if few_replications_note(n, lang):
        print(few_replications_note(n, lang))
    for line in summary_lines(summary, lang):
        print(line)
    print(f"\n{say('tables', lang, out=out)}: summary.parquet, timeseries.parquet, "
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


def _na(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def warning_text(flag: str, lang: str = DEFAULT_LANG) -> str:
    """The service warning in words ('' when there is none)."""
    from .dashboard.i18n import warning_text as words
    return words(flag, lang)


def few_replications_note(n: int, lang: str = DEFAULT_LANG) -> str:
    """A warning line when intervals rest on too few replications ('' otherwise)."""
    return "" if n >= FEW_REPLICATIONS else say("few", lang, n=n, k=FEW_REPLICATIONS)


FEW_REPLICATIONS = 10


def service_pricing_line(economics, lang: str = DEFAULT_LANG) -> str:
    """Whether the economic view puts a price on lost service."""
    if not economics.service_priced:
        return say("unpriced", lang)
    return say("priced", lang, o=lfmt(economics.overdue_investigation_sek, "sek", lang),
               h=lfmt(economics.handover_sek, "sek", lang))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def ranking_lines(cb: pd.DataFrame, lang: str = DEFAULT_LANG,
                  titles: dict[str, str] | None = None, base: str = "",
                  runs: int = 0, draws: int = 0,
                  unsure: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The options ranked, one line each (title in ``lang``), both cost views, the chance
    of saving money (of ``runs``) and of being best (of ``draws``, or of the runs), and
    the service warning in the row; an option in ``unsure`` (its queue or turnover rests
    on an uncertain condition, as the brief marks it) reads 'no warning, condition
    uncertain'."""
    from .dashboard.i18n import ranking_rule
    titles = titles or {}
    table = ranking(cb)

    def ok(scen: str) -> str:
        return "ok_unsure" if scen in unsure else "ok"
    width = max([len(say("col_option", lang))]
                + [len(titles.get(s, s)) for s in table.scenario] + [12])
    width = min(width, 34)
    lines = [say("ranked_h", lang, rule=ranking_rule(lang, base)), say("units", lang), "",
             f"  {'#':>2}  {say('col_option', lang):<{width}}  "
             f"{say('col_turnover', lang):>10}  {say('col_avoids', lang):>14}  "
             f"{say('col_economic', lang):>17}  "
             f"{say('col_budget', lang):>17}  {say('col_p', lang):>7}  "
             f"{say('col_best', lang):>7}  {say('col_crisis', lang):>7}  "
             f"{say('col_service', lang)}"]
    group = None
    for r in table.itertuples():
        this = "group_warned" if r.group == "warned" else "group_open"
        if this != group:
            lines.append(f"  -- {say(this, lang)} --")
            group = this
        name = _cut(clean(titles.get(r.scenario, r.scenario)), width)
        avoids = ("–" if r.group == "warned" else
                  say("avoids_yes" if r.group == "avoids_exits" else "avoids_not_shown", lang))
        lines.append(f"  {r.rank:>2}  {name:<{width}}  "
                     f"{lfmt(r.turnover_rate_change, 'pp', lang):>10}  "
                     f"{avoids:>14}  "
                     f"{lfmt(r.net_cost_economic_sek_per_year, 'sek', lang):>17}  "
                     f"{lfmt(r.net_cost_budget_sek_per_year, 'sek', lang):>17}  "
                     f"{chance(r.p_saves_economic, runs, lang):>7}  "
                     f"{'–' if r.group == 'warned' else chance(r.p_best, draws or runs, lang):>7}  "
                     f"{chance(getattr(r, 'p_crisis', float('nan')), runs, lang):>7}  "
                     f"{warning_text(r.service_flag, lang) or say(ok(r.scenario), lang)}")
    if any(ok(s) == "ok_unsure" and not f for s, f in zip(table.scenario,
                                                           table.service_flag)):
        lines.append(say("unsure_note", lang))
    return lines


def _payback(v: float, lang: str) -> str:
    from .dashboard.i18n import payback_text
    return payback_text(v, lang)


def _screen_counts(tables: dict, sim, lang: str) -> dict:
    """How many candidate draws the screen left out of how many, and its range."""
    from ..experiment.psa import screen_counts
    lo, hi = sim.plausible_turnover
    x, n = screen_counts(tables.get("screen"))
    from .dashboard.i18n import whole_pct
    return {"x": x, "n": n, "lo": whole_pct(lo, lang), "hi": whole_pct(hi, lang)}


def _moves_time(c) -> bool:
    """Whether an option moves paid time off casework (against the base)."""
    return ("paid_time_off_casework_per_year" in c.index
            and abs(float(c.loc["paid_time_off_casework_per_year", "mean"])) > 0)


def _other_lost(c, lang: str) -> str:
    """The change in work lost other than the measures' time (the mean)."""
    return lfmt(float(c.loc["work_lost_change_per_year", "mean"])
                - float(c.loc["work_lost_measure_time_per_year", "mean"]), "sek", lang)


def time_moved_lines(cb: pd.DataFrame, lang: str = DEFAULT_LANG,
                     titles: dict[str, str] | None = None) -> list[str]:
    """One line for each option that moves paid time off casework: the pay moved (budget
    view) and the work not recovered (economic view), in rank order; none if no option
    moves any."""
    titles = titles or {}
    lines = []
    for scen in ranking(cb).scenario:
        c = cb[cb.scenario == scen].set_index("measure")
        if not _moves_time(c):
            continue
        lost = (float(c.loc["work_lost_measure_time_per_year", "mean"])
                if "work_lost_measure_time_per_year" in c.index else 0.0)
        lines.append("  " + say("time_line", lang, name=clean(titles.get(scen, scen)),
                                moved=lfmt(float(c.loc["paid_time_off_casework_per_year",
                                                       "mean"]), "sek", lang),
                                lost=lfmt(lost, "sek", lang)))
    return ["", say("time_h", lang)] + lines if lines else []


def cost_benefit_lines(cb: pd.DataFrame, comparison: pd.DataFrame, base_flag: str = "",
                       lang: str = DEFAULT_LANG, titles: dict[str, str] | None = None,
                       details: bool = True, draws: int = 0,
                       unsure: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """A readable cost-benefit table: the ranking first, then (``details``) one block
    per option against the base with both cost views. ``base_flag``: the base's own
    queue warnings; ``titles``: scenario name -> title in ``lang``."""
    titles = titles or {}
    base = comparison.scenario.iloc[0]
    lines = []
    if base_flag:
        lines += [f"** {say('base_unstable', lang, w=warning_text(base_flag, lang))} **", ""]
    runs = int(comparison.n.max()) if "n" in comparison and len(comparison) else 0
    lines += ranking_lines(cb, lang, titles, clean(titles.get(base, base)), runs, draws,
                           unsure)
    lines += time_moved_lines(cb, lang, titles)
    if not details:
        return lines + ["", say("details_hint", lang)]
    lines += ["", say("details_h", lang), ""]
    bt = comparison[(comparison.scenario == base) & (comparison.metric == "turnover_rate")]
    lines.append(say("base_line", lang, base=clean(titles.get(base, base)),
                     t=lfmt(float(bt["mean"].iloc[0]), "pct", lang),
                     lo=lfmt(float(bt.ci_low.iloc[0]), "pct", lang),
                     hi=lfmt(float(bt.ci_high.iloc[0]), "pct", lang))
                 + (f"   ** {warning_text(base_flag, lang)} **" if base_flag else ""))
    for scen in ranking(cb).scenario:                      # details in rank order
        lines += [""] + _details(cb, comparison, scen, lang, titles, runs)
    return lines


def comparison_lines(scenarios: list, tables: dict, out, lang: str = DEFAULT_LANG,
                     details: bool = False) -> list[str]:
    """What ``compare`` prints: the set-up, whether service is priced, the ranked table
    (options by their titles in ``lang``), the details when asked, where the tables are."""
    from ..experiment.costbenefit import base_flags
    from .dashboard.conditions import unsure_of
    from .texts import distinct_titles
    base, sim = scenarios[0], scenarios[0].simulation
    titles = distinct_titles([(sc.name, sc) for sc in scenarios], lang)
    summary = tables.get("summary")
    draws = (int(summary["draw"].nunique()) if summary is not None and "draw" in summary
             else 0)
    lines = ["", say("header", lang, n=len(scenarios), base=clean(titles[base.name]),
                     r=sim.replications, y=number(sim.years, lang),
                     w=number(sim.warmup_years, lang), s=sim.seed),
             say("intervals_psa", lang, d=draws,
                 runs=runs_text(sim.replications // max(draws, 1), lang),
                 **_screen_counts(tables, sim, lang))
             if draws else say("intervals_fixed", lang),
             service_pricing_line(base.economics, lang)]
    if few_replications_note(sim.replications, lang):
        lines.append(few_replications_note(sim.replications, lang))
    base_flag = ";".join(base_flags(tables["timeseries"], base.name, tables.get("summary")))
    lines += [""] + cost_benefit_lines(tables["cost_benefit"], tables["comparison"], base_flag,
                                       lang, titles, details=details, draws=draws,
                                       unsure=unsure_of(tables.get("conditions")))
    return lines + ["", f"{say('tables', lang, out=out)}: "
                    + ", ".join([f"{name}.parquet" for name in tables] + ["manifest.json"])]


def _details(cb, comparison, scen, lang, titles, runs: int = 0) -> list[str]:
    c = cb[cb.scenario == scen].set_index("measure")
    tr = comparison[(comparison.scenario == scen) & (comparison.metric == "turnover_rate")]

    def rng(measure, kind="sek"):
        if measure not in c.index:
            return lfmt(None, kind, lang)
        m, lo, hi = (float(c.loc[measure, k]) for k in ("mean", "ci_low", "ci_high"))
        if kind == "chance":        # a probability at the precision its runs support
            text = chance(m, runs, lang)
            return text if _na(lo) else (f"{text} ({chance(lo, runs, lang, 'low')} – "
                                         f"{chance(hi, runs, lang, 'high')})")
        if _na(lo):
            return lfmt(m, kind, lang)
        return f"{lfmt(m, kind, lang)} ({lfmt(lo, kind, lang)} – {lfmt(hi, kind, lang)})"

    warning = warning_text(c.service_flag.iloc[0], lang)
    row = [say("option_line", lang, name=clean(titles.get(scen, scen)),
               t=lfmt(float(tr["mean"].iloc[0]), "pct", lang))
           + (f"   ** {warning} **" if warning else "")]

    def item(key, text, indent=2):
        row.append(f"{' ' * indent}{say(key, lang):<{44 - indent}} {text}")

    item("d_turnover", rng("turnover_rate_change", "pp"))
    item("d_avoided", rng("exits_avoided_per_year", "num1"))
    item("d_overdue", rng("overdue_share_change", "pp"))
    item("d_queue", rng("mean_queue_change", "num1"))
    item("d_trend", rng("queue_trend_per_year", "num1"))
    item("d_p_queue", rng("p_queue_growing", "chance"))
    item("d_p_crisis", rng("p_crisis", "chance"))
    item("d_p_crisis_base", rng("p_crisis_base", "chance"), 4)
    item("d_crisis_change", rng("crisis_risk_change", "pp"), 4)
    row.append(f"  {say('d_budget_h', lang)}")
    item("d_measure", rng("policy_cost_per_year"), 4)
    for group, key in (("recruitment", "d_recruitment"), ("consultants", "d_consultants"),
                       ("sick_pay", "d_sick"), ("crisis_response", "d_crisis_response")):
        item(key, rng(change_measure(group)), 4)        # a change in cost: + costs more
    # the parts of the net cost, each on its own line at one level: the paid time moved
    # is never printed under the payroll change (a part never exceeds its total)
    item("d_payroll", rng("payroll_change_per_year"), 4)
    moves_time = _moves_time(c)
    if moves_time:
        item("d_time_moved", rng("paid_time_off_casework_per_year"), 4)
    item("d_net", rng("net_cost_budget_sek_per_year"), 4)
    item("d_p_cash", rng("p_saves_budget", "chance"), 4)
    row.append(f"  {say('d_econ_h', lang)}")
    if moves_time and "work_lost_measure_time_per_year" in c.index:
        item("d_lost_measures", rng("work_lost_measure_time_per_year"), 4)
        item("d_lost_other", _other_lost(c, lang), 4)
    else:
        item("d_work_lost", rng("work_lost_change_per_year"), 4)
    item("d_net", rng("net_cost_economic_sek_per_year"), 4)
    item("d_p_saves", rng("p_saves_economic", "chance"), 4)
    item("d_per_exit", rng("cost_per_avoided_exit"), 4)
    item("d_payback", _payback(c.loc["payback_year", "mean"], lang), 4)
    if warning:
        row.append(f"  {warning}: {say('not_advice', lang)}")
    return row
