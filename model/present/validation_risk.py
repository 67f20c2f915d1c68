"""Sections of docs/VALIDATION.md on the decision's risks (``model.present.validation``
assembles the report): 6+2's verdict across its productivity gain, the crisis risk of
every bundled option, and the baseline's tipping points."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from ..config.scenario import load_scenario
from ..experiment import costbenefit, run_scenario
from ..experiment.compare import run_comparison

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "scenarios" / "baseline.yaml"


def _cb_value(cb, scen: str, measure: str) -> tuple[float, float, float]:
    r = cb[(cb.scenario == scen) & (cb.measure == measure)]
    if r.empty:
        return (math.nan,) * 3
    r = r.iloc[0]
    return float(r["mean"]), float(r.ci_low), float(r.ci_high)


def productivity_section(reps: int, overrides: tuple[str, ...] = ()) -> list[str]:
    """6+2's verdict across the documented range of its productivity gain, each value
    paired with the baseline (``overrides``: a shorter run for the tests)."""
    path = "policies.working_time.productivity_gain"
    sc = load_scenario(ROOT / "scenarios" / "six_plus_two.yaml")
    default = float(sc.policies.working_time.productivity_gain)
    low, high = type(sc.policies.working_time).model_fields["productivity_gain"] \
        .json_schema_extra["assumption_range"]
    values = sorted({low, 0.1, default, 0.25, high})
    common = [f"simulation.replications={reps}", *overrides]
    scs = [load_scenario(BASE, common)] + [
        load_scenario(ROOT / "scenarios" / "six_plus_two.yaml", common + [f"{path}={v}"])
        .model_copy(update={"name": f"six_plus_two@{v:g}"}) for v in values]
    t = run_comparison(scs, seed=scs[0].simulation.seed, replications=reps, workers=2)
    cb = costbenefit.cost_benefit(t["summary"], t["costs"], scs[0].simulation.years,
                                  t["timeseries"])
    lines = ["## 7. 6+2's verdict across its productivity gain", "",
             f"The six-hour client day with two hours of competence and recovery time "
             f"(`six_plus_two`), with `{path}` (more client work per client hour, rested "
             f"staff) at each point of its documented range {low:g}-{high:g} (default "
             f"{default:g}), everything else fixed; {reps} replications paired with the "
             "baseline (chance only, 95% intervals). The verdict: *saves* when the "
             "economic net cost's interval lies below zero, *costs* when above, else "
             "*uncertain*; an option with a service warning is not a saving whatever its "
             "cost.", "",
             "| productivity gain | turnover change, pp | economic net cost, kSEK/year | "
             "cash net cost, kSEK/year | work not recovered, kSEK/year | chance of "
             "saving (economic) | service warning | verdict |",
             "|---|---|---|---|---|---|---|---|"]
    for v, sc_ in zip(values, scs[1:]):
        n = sc_.name
        tm, tlo, thi = _cb_value(cb, n, "turnover_rate_change")
        em, elo, ehi = _cb_value(cb, n, "net_cost_economic_sek_per_year")
        bm, blo, bhi = _cb_value(cb, n, "net_cost_budget_sek_per_year")
        lm, _, _ = _cb_value(cb, n, "work_lost_measure_time_per_year")
        ps, _, _ = _cb_value(cb, n, "p_saves_economic")
        flag = cb.loc[cb.scenario == n, "service_flag"].fillna("").iloc[0]
        word = ("**warning**" if flag else "saves" if ehi < 0 else "costs" if elo > 0
                else "uncertain")
        lines.append(f"| {v:g}{' (default)' if v == default else ''} | "
                     f"{100 * tm:+.1f} [{100 * tlo:+.1f}, {100 * thi:+.1f}] | "
                     f"{em / 1e3:+.0f} [{elo / 1e3:+.0f}, {ehi / 1e3:+.0f}] | "
                     f"{bm / 1e3:+.0f} [{blo / 1e3:+.0f}, {bhi / 1e3:+.0f}] | "
                     f"{lm / 1e3:.0f} | {100 * ps:.0f}% | {flag.replace(';', ', ') or '-'} | "
                     f"{word} |")
    lines += ["", "The verdict rests on this one assumption: the main job draws it over "
              "its range (PERT) with the other assumptions, and the brief's page 1 names it "
              "with the value at which 6+2's verdict flips when it is the decisive one.", ""]
    return lines


def crisis_section(cb, psa_cb, reps: int, draws: int, base: str, psa_summary) -> list[str]:
    """The crisis risk of every bundled option: chance only (``cb``, ``reps``
    replications) and chance with the assumptions drawn (``psa_cb``, ``draws`` draws),
    with the worst of the drawn futures (``psa_summary``) against the worst documented
    crisis."""
    lines = ["## 8. Crisis risk of every bundled option", "",
             "`p_crisis`: the share of runs with a crisis year (docs/MODEL.md, \"Crisis "
             "risk\"), with its Wilson 95% interval; the change against the baseline paired "
             f"run by run. Left: {reps} replications with the assumptions fixed (chance "
             f"only). Right: {draws} draws of the assumptions, one run each, shared by "
             "every option (chance and assumptions, as the main job). `crisis_risk_up` is "
             "the service warning that fires when an option raises the risk. The last "
             "column is the worst of the option's drawn futures: its highest annual "
             "turnover and overdue share over the period.", "",
             "| option | p_crisis, chance only | change | p_crisis, with assumptions | "
             "change | crisis_risk_up | worst future: turnover, overdue |",
             "|---|---|---|---|---|---|---|"]

    def worst(n):
        s = psa_summary[psa_summary.scenario == n]
        return (f"{100 * s.turnover_rate.max():.0f} %, {100 * s.overdue_share.max():.1f} %"
                if len(s) else "-")

    def cell(t, n, m):
        v, lo, hi = _cb_value(t, n, m)
        if math.isnan(v):
            return "-"
        return (f"{100 * v:.0f}% [{100 * lo:.0f}, {100 * hi:.0f}]" if m == "p_crisis"
                else f"{100 * v:+.0f} pp [{100 * lo:+.0f}, {100 * hi:+.0f}]")

    first = next(iter(dict.fromkeys(cb.scenario)))
    bv, blo, bhi = _cb_value(cb, first, "p_crisis_base")
    pv, plo, phi = _cb_value(psa_cb, first, "p_crisis_base")
    lines.append(f"| {base} (the base) | {100 * bv:.0f}% [{100 * blo:.0f}, {100 * bhi:.0f}] "
                 f"| | {100 * pv:.0f}% [{100 * plo:.0f}, {100 * phi:.0f}] | | | "
                 f"{worst(base)} |")
    for n in dict.fromkeys(cb.scenario):
        flags = set(cb.loc[cb.scenario == n, "service_flag"].fillna("").iloc[0].split(";"))
        pflags = set(psa_cb.loc[psa_cb.scenario == n, "service_flag"].fillna("")
                     .iloc[0].split(";")) if (psa_cb.scenario == n).any() else set()
        up = [w for w, f in (("chance only", flags), ("with assumptions", pflags))
              if costbenefit.CRISIS_FLAG in f]
        lines.append(f"| `{n}` | {cell(cb, n, 'p_crisis')} | "
                     f"{cell(cb, n, 'crisis_risk_change')} | {cell(psa_cb, n, 'p_crisis')} | "
                     f"{cell(psa_cb, n, 'crisis_risk_change')} | {', '.join(up) or '-'} | "
                     f"{worst(n)} |")
    lines += ["", "With the assumptions drawn, only draws in which the base's own turnover is "
              "one Swedish units show (10-35 % a year; docs/MODEL.md) are kept, so the base "
              "rarely falls into crisis there; an option's change in risk is what it adds "
              "to or takes from the base in the same futures. The bases of their own "
              "(`crisis_unit`, `krokom_2015`, `growing_inflow`) are compared here with the "
              "baseline too: their risk is that of the unit, not of a measure.", "",
              _worst_sentence(psa_summary), ""]
    return lines


def _worst_sentence(summary) -> str:
    """How many drawn futures of all options passed the worst documented crisis."""
    above = int((summary.turnover_rate > 0.47).sum())
    late = int((summary.overdue_share > 0.20).sum())
    verdict = ("the managers' responses and the bounded scales (docs/MODEL.md, \"Managers "
               "who act\") hold every future inside the worst documented crisis"
               if above == late == 0 else "those futures lie beyond the worst documented "
               "crisis: read the option's mean with its median")
    return (f"Over all {len(summary)} drawn futures of every option, {above} had a turnover "
            f"above Umeå 2014's 47 % a year and {late} more than 20 % of investigations "
            f"overdue (Barnbarometern's worst fifth): {verdict}.")


def tipping_section(reps: int = 64, seeds: tuple[int, ...] = (20170101, 2024, 29),
                    overrides: tuple[str, ...] = ()) -> list[str]:
    """The baseline's outcomes over ``reps`` replications at each of ``seeds``, and at the
    first seed with the inflow 10 % lower and higher: the distribution of turnover and
    overdue share, and the share of crisis runs with its Wilson interval."""
    from ..experiment.intervals import wilson
    lines = ["## 9. Tipping points of the baseline", "",
             f"The baseline over {reps} replications at each of {len(seeds)} seeds, with the "
             "managers' response (docs/MODEL.md, \"Managers who act\"), and at the first "
             "seed with both inflows 10 % lower and higher. Turnover is each run's exits a "
             "year per mean headcount over the 10-year window; the crisis share is the share "
             "of runs with a crisis year, with its Wilson 95% interval. Worst documented: "
             "47 % turnover a year (Umeå 2014), 20 % overdue (Barnbarometern's worst fifth).",
             "", "| setting | turnover: median [5th, 95th percentile], max | overdue share: "
             "median, 95th percentile, max | crisis runs | runs above 47 % turnover |",
             "|---|---|---|---|---|"]
    inv = load_scenario(BASE).cases.investigations.per_post_per_year
    ong = load_scenario(BASE).cases.ongoing.per_post_per_year
    runs = [(f"seed {s}", s, []) for s in seeds] + [
        (f"seed {seeds[0]}, inflow {f:+.0%}", seeds[0],
         [f"cases.investigations.per_post_per_year={inv * (1 + f):g}",
          f"cases.ongoing.per_post_per_year={ong * (1 + f):g}"]) for f in (-0.1, 0.1)]
    above = overdue_above = 0
    for label, seed, extra in runs:
        s = run_scenario(load_scenario(BASE, [f"simulation.replications={reps}",
                                              f"simulation.seed={seed}", *extra,
                                              *overrides]), workers=2)["summary"]
        t, o = s.turnover_rate.to_numpy(), s.overdue_share.to_numpy()
        k = int(s.crisis.sum())
        above += int((t > 0.47).sum())
        overdue_above += int((o > 0.20).sum())
        lo, hi = wilson(k, len(s))
        lines.append(f"| {label} | {100 * np.median(t):.1f}% [{100 * np.quantile(t, .05):.1f}, "
                     f"{100 * np.quantile(t, .95):.1f}], {100 * t.max():.1f}% | "
                     f"{100 * np.nanmedian(o):.2f}%, {100 * np.nanquantile(o, .95):.2f}%, "
                     f"{100 * np.nanmax(o):.1f}% | {k} of {len(s)} ({100 * k / len(s):.0f}%, "
                     f"{100 * lo:.0f}-{100 * hi:.0f}%) | {int((t > 0.47).sum())} |")
    lines += ["", f"Over all {len(runs) * reps} runs, {above} had a turnover above 47 % a "
              f"year and {overdue_above} an overdue share above 20 %. Without the managers' "
              "response the same baseline ran away (203 % turnover and 77 % overdue in one "
              "of 24 runs at seed 29; tests/test_response.py).", ""]
    return lines
