"""What the sources report happened after real measures, against the model's results.

DOMAIN.md's table "Reported outcomes of measures" lists, per measure, what a
municipality reported (mostly directions, a few levels). Each row here names the bundled
scenario that represents the measure and the results that should move, and in which
direction; ``outcomes_section`` reads a comparison (the summary per replication, the
cost-benefit table, the weekly timeseries) and writes, per row, the model's paired
change against the base with its 95% interval and a verdict computed from those numbers.
``queue_section`` states, for every scenario of the comparison, whether its queue is
stable or the scenario carries the service warning.

Nothing here runs the model: ``model.present.validation`` runs the comparison and calls these.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from ..experiment.costbenefit import FLAGS, QUEUE_TREND_LIMIT
from ..experiment.intervals import mean_ci

QUEUE_FLAGS = ("queue_growing", "overdue_growing")


class Check(NamedTuple):
    """A result that should move: ``metric`` of the summary (or ``cb:<measure>`` of the
    cost-benefit table), ``expect`` -1 (falls) or +1 (rises) against the base, or, with
    ``versus``, against that scenario; ``level`` a reported level the scenario should
    reach (None: direction only)."""
    label: str
    metric: str
    expect: int
    scenario: str | None = None      # None: the row's scenario
    versus: str | None = None        # None: the base
    level: float | None = None


class Row(NamedTuple):
    measure: str
    place: str
    reported: str
    strength: str
    scenario: str | None
    checks: tuple[Check, ...]
    note: str = ""
    base: str | None = None      # the unit of the place (a bundled scenario the measure is
                                 # applied to, compare --base); None: the baseline


NO_CONSULTANTS = Check("consultants (FTE)", "consultant_fte", -1, level=0.1)
POSTS_FILLED = Check("vacancy rate", "vacancy_rate", -1, level=0.02)

ROWS = (
    Row("pay levels + reflection day + 1 post + administrator + trainees",
        "Krokom (002, l. 317-335)", "gains from investing in pay; all posts filled, no "
        "consultants, sick leave down, former staff returning", "weak",
        "krokom_package",
        (Check("net economic cost per year", "cb:net_cost_economic_sek_per_year", -1),
         POSTS_FILLED, NO_CONSULTANTS,
         Check("sick absence", "sick_absence_rate", -1)),
        "on Krokom's own unit before the package", base="krokom_2015"),
    Row("introduction + admin support + smaller groups + student visits + trainees",
        "Södertälje (004)", "hardly any posts open, no consultants, more stay",
        "weak-moderate", "combined_stockholm",
        (POSTS_FILLED, NO_CONSULTANTS, Check("turnover", "turnover_rate", -1)),
        "closest bundled scenario (introduction, admin support, smaller groups; no "
        "trainees), on a unit in crisis as Södertälje's was", base="crisis_unit"),
    Row("action plan: introduction, mentors, admin support, workload", "Stockholm (003)",
        "far fewer consultants, replaced by permanent staff", "weak", "combined_stockholm",
        (Check("consultants (FTE)", "consultant_fte", -1),),
        "on a unit in crisis as Stockholm's districts were", base="crisis_unit"),
    Row("HR recruitment support", "Spånga-Tensta (003)",
        "relieved managers, more stability", "weak", "recruitment_support",
        (Check("vacancy rate", "vacancy_rate", -1), Check("turnover", "turnover_rate", -1)),
        "on a unit in crisis: Spånga-Tensta \"har haft stora utmaningar\"",
        base="crisis_unit"),
    Row("6.5-hour day trial, then 6+2", "Sundsvall (000, l. 219-235)",
        "trial successful; expected less turnover, easier recruitment",
        "expectation", "six_plus_two",
        (Check("turnover (6+2)", "turnover_rate", -1),
         Check("vacancy rate (6+2)", "vacancy_rate", -1),
         Check("turnover (6.5-hour day)", "turnover_rate", -1,
               scenario="six_and_half_hours"))),
    Row("trainee programme", "Värmdö (001)", "nearly all trainees stayed", "weak",
        "trainees", (Check("exits within 2 years per hire", "early_exit_per_hire", -1),),
        "on a unit of Värmdö's size (20 posts, assumption)", base="varmdo_2017"),
    Row("intensive investigation (4-6 weeks)", "Värmdö (001)",
        "less stress, new energy (n = 2)", "very weak", "intensive_investigation",
        (Check("strain", "mean_strain", -1), Check("exhaustion", "mean_exhaustion", -1)),
        "on a unit of Värmdö's size (20 posts, assumption)", base="varmdo_2017"),
    Row("crisis without measures", "Umeå 2014 (002, l. 367)",
        "18 of 38 left within a short time", "moderate (a count)", None, (),
        "a calibration target (section 1), not a measure"),
    Row("first line for lighter cases + support from experienced colleagues",
        "Umeå (002, l. 387)", "investigation times can be shortened", "weak",
        "first_line",
        (Check("days until a case has a caseworker", "mean_wait_days", -1),
         Check("overdue investigations", "overdue_share", -1)),
        "on Umeå's unit after 2014 (38 posts, half of them new)", base="umea_2015"),
    Row("flat +2,000 SEK", "Jönköping (002)",
        "pay is not what matters most; work environment and manager support weigh most",
        "weak", "pay_supplement_jonkoping",
        (Check("turnover, against smaller groups (more manager support)", "turnover_rate",
               +1, versus="smaller_groups"),)),
    Row("exit interviews", "Uppsala (002)",
        "main reasons to leave: poor introduction and poor support", "weak-moderate",
        "introduction_programme",
        (Check("exits within 2 years per hire (introduction)", "early_exit_per_hire", -1),
         Check("turnover (smaller groups: manager support)", "turnover_rate", -1,
               scenario="smaller_groups"))),
    Row("rising entry pay without a ladder", "Kiruna (002)", "experienced staff upset",
        "moderate", None, (), "no bundled scenario raises entry pay alone"),
)


def _values(summary: pd.DataFrame, scenario: str, metric: str) -> pd.Series:
    s = summary[summary.scenario == scenario].set_index("replication")
    if metric == "early_exit_per_hire":
        return (s.exits_first_2y / s.hires.where(s.hires > 0)).astype(float)
    return s[metric].astype(float)


def _fmt(x: float, metric: str) -> str:
    if metric.startswith("cb:"):
        return f"{x / 1e6:+.2f} MSEK"
    if metric in ("turnover_rate", "vacancy_rate", "sick_absence_rate",
                  "early_exit_per_hire", "overdue_share"):
        return f"{100 * x:+.1f} pp"
    return f"{x:+.2f}"


def _level(x: float, metric: str) -> str:
    return _fmt(x, metric).lstrip("+")


def judge(mean: float, lo: float, hi: float, expect: int) -> str:
    """agrees: the interval on the expected side; agrees in direction: the mean on it;
    differs otherwise."""
    if (expect < 0 and hi < 0) or (expect > 0 and lo > 0):
        return "agrees"
    if np.isfinite(mean) and mean * expect > 0:
        return "agrees in direction (not significant)"
    return "differs"


def evaluate(check: Check, row_scenario: str, base: str, summary: pd.DataFrame,
             cb: pd.DataFrame) -> dict | None:
    """The paired change of one check with its interval, the verdict and the level; None
    when the comparison lacks the scenario or the result."""
    scen = check.scenario or row_scenario
    other = check.versus or base
    if check.metric.startswith("cb:"):
        if check.versus is not None:
            return None
        r = cb[(cb.scenario == scen) & (cb.measure == check.metric[3:])]
        if r.empty:
            return None
        m, lo, hi = (float(r.iloc[0][k]) for k in ("mean", "ci_low", "ci_high"))
        level = None
    else:
        names = set(summary.scenario)
        metric = check.metric
        if scen not in names or other not in names or (
                metric != "early_exit_per_hire" and metric not in summary):
            return None
        a, b = _values(summary, scen, metric), _values(summary, other, metric)
        common = a.index.intersection(b.index)
        d = (a.loc[common] - b.loc[common]).to_numpy(float)
        d = d[np.isfinite(d)]
        if d.size < 2:
            return None
        m, lo, hi = mean_ci(d)
        level = float(np.nanmean(a.to_numpy(float)))
    verdict = judge(m, lo, hi, check.expect)
    size = ""
    if check.level is not None and level is not None:
        reached = level <= check.level
        size = (f"; level {_level(level, check.metric)} "
                f"{'reaches' if reached else 'stays above'} the reported ~0")
        if not reached and verdict != "differs":
            verdict += ", size short of it"
    vs = f" vs {other}" if check.versus else ""
    return {"text": f"{check.label}{vs}: {_fmt(m, check.metric)} "
                    f"[{_fmt(lo, check.metric)}, {_fmt(hi, check.metric)}]{size}",
            "verdict": verdict, "scenario": scen}


def _row_verdict(results: list[dict], flags: list[str]) -> str:
    verdicts = [r["verdict"] for r in results]
    agree = [v.startswith("agrees") for v in verdicts]
    if not results:
        return "not compared"
    if all(v == "agrees" for v in verdicts):
        head = "agrees"
    elif all(agree):
        head = "agrees in direction"
    elif any(agree):
        head = "partly differs"
    else:
        head = "differs"
    why = [f"{r['text'].split(':')[0]} {r['verdict']}" for r in results
           if r["verdict"] != "agrees"]
    if flags:
        why.append("service warning: " + ", ".join(flags))
    return head + (" (" + "; ".join(why) + ")" if why and head != "agrees" else "")


def _flags(cb: pd.DataFrame, scenario: str) -> list[str]:
    r = cb[cb.scenario == scenario]
    if r.empty:
        return []
    return [f for f in str(r.iloc[0].service_flag or "").split(";") if f in FLAGS]


def outcomes_section(summary: pd.DataFrame, cb: pd.DataFrame, title: str,
                     own: dict[str, tuple[pd.DataFrame, pd.DataFrame]] | None = None
                     ) -> list[str]:
    """The markdown section: one line per reported outcome (DOMAIN.md), the base being
    the first scenario of ``summary``; a row with its own ``base`` reads ``own[base]``,
    the (summary, cost-benefit) of its measure applied to that unit (``--base``)."""
    own = own or {}
    base = summary.scenario.iloc[0]
    lines = [title, "",
             f"Each row of DOMAIN.md's table \"Reported outcomes of measures\" against the "
             f"bundled scenario that represents the measure: the paired change against "
             f"`{base}`, or, where the row names a unit (\"on `krokom_2015`\"), the measure "
             "applied to that unit of the place's size and situation (compare --base) "
             "against it (mean over replications, 95% interval). *agrees*: the interval "
             "lies on the reported side; *agrees in direction*: only the mean does; "
             "*differs*: the mean lies on the other side. Where a source gives a level "
             "(no consultants, all posts filled), the scenario's level is set beside it.",
             "", "| measure (place) | reported (strength) | scenario | model | verdict |",
             "|---|---|---|---|---|"]
    for row in ROWS:
        results = []
        r_summary, r_cb, r_base = summary, cb, base
        if row.base is not None and row.base in own:
            r_summary, r_cb = own[row.base]
            r_base = r_summary.scenario.iloc[0]
        if row.scenario is not None:
            for check in row.checks:
                r = evaluate(check, row.scenario, r_base, r_summary, r_cb)
                if r is not None:
                    results.append(r)
        model = "<br>".join(r["text"] for r in results) or "-"
        scen = f"`{row.scenario}`" if row.scenario else "-"
        if row.note:
            scen += f" ({row.note})"
        if row.base is not None and row.base in own:
            scen += f" on `{row.base}`"
        flags = sorted({f for r in results for f in _flags(r_cb, r["scenario"])})
        lines.append(f"| {row.measure} ({row.place}) | {row.reported} ({row.strength}) | "
                     f"{scen} | {model} | {_row_verdict(results, flags)} |")
    return lines + [""]


def queue_section(cb: pd.DataFrame, base_flags: list[str], base: str,
                  title: str) -> list[str]:
    """Every scenario of the comparison: its queue trend, and whether it keeps a stable
    queue or carries the service warning."""
    lines = [title, "",
             f"Waiting cases' trend per year (mean over replications, 95% interval); a "
             f"trend above {QUEUE_TREND_LIMIT:g} a year, or growth in at least a tenth of "
             "the replications, is a growing queue. Every scenario must keep a stable "
             "queue or carry the service warning.", "",
             "| scenario | queue trend per year | share of replications growing | "
             "service warning | stable or warned |", "|---|---|---|---|---|"]
    base_ok = not any(f in base_flags for f in QUEUE_FLAGS)
    lines.append(f"| `{base}` (base) | - | - | {', '.join(base_flags) or '-'} | "
                 f"{'stable' if base_ok else 'warned (base)'} |")
    for scen in dict.fromkeys(cb.scenario):
        r = cb[cb.scenario == scen].set_index("measure")
        if "queue_trend_per_year" not in r.index:
            continue
        t = r.loc["queue_trend_per_year"]
        p = r.loc["p_queue_growing"]["mean"] if "p_queue_growing" in r.index else np.nan
        flags = _flags(cb, scen)
        growing = (t["ci_low"] > QUEUE_TREND_LIMIT) or any(f in flags for f in QUEUE_FLAGS)
        warned = any(f in flags for f in QUEUE_FLAGS)
        state = "stable" if not growing else ("warned" if warned else "**growing, no warning**")
        lines.append(f"| `{scen}` | {t['mean']:+.1f} [{t['ci_low']:+.1f}, {t['ci_high']:+.1f}] | "
                     f"{100 * p:.0f}% | {', '.join(flags) or '-'} | {state} |")
    return lines + [""]
