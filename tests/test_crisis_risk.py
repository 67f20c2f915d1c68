"""Crisis risk in the comparison and the cost-benefit table, its service warning, and
paired intervals that stay meaningful when a few replications dominate (a planted
runaway replication). Synthetic tables with known answers; fixed seeds throughout."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from model.experiment import crisis as risk
from model.experiment import intervals
from model.experiment.compare import comparison_table
from model.experiment.costbenefit import FLAGS, base_flags, cost_benefit
from model.present.dashboard.i18n import warning_text

N = 16


def _runaway(seed=11):
    """Fifteen paired differences near 2 (sd 0.5) and one runaway replication at 100."""
    d = np.random.default_rng(seed).normal(2.0, 0.5, N)
    d[5] = 100.0
    return d


def test_a_runaway_replication_gets_a_bootstrap_interval_and_a_median_beside_the_mean():
    d = _runaway()
    # the problem: one run inflates the sd, and the t interval reaches below every value
    _, t_lo, t_hi = intervals.mean_ci(d)
    assert t_lo < 0 < d.min()
    assert intervals.paired_method(d) == "bootstrap"
    m, lo, hi = intervals.paired_ci(d)
    assert m == pytest.approx(d.mean())
    # a resampled mean lies within the values seen, and without the runaway run (a
    # resample misses it with probability (15/16)^16 = 36 %) the mean is about 2
    assert d.min() <= lo < 3 and lo > 0
    assert hi <= d.max() and lo < m < hi
    # the median ignores the runaway run: it is within 0.5 of 2 (the median of 16 draws
    # of sd 0.5 has a standard error of about 0.16; 0.5 is three of them)
    assert abs(intervals.median(d) - 2.0) < 0.5
    assert m > 7                                   # while the mean is pulled to ~8


def test_paired_differences_without_a_dominant_run_keep_the_t_interval():
    d = np.random.default_rng(3).normal(2.0, 0.5, N)
    assert intervals.paired_method(d) == "t"
    assert intervals.paired_ci(d) == intervals.mean_ci(d)
    assert intervals.paired_method(np.zeros(N)) == "t"          # no spread: no skew


def _summary(turnover_diff, crisis_base, crisis_other, name="other"):
    base_t = np.full(N, 0.2)
    rows = []
    for scen, t, c in (("base", base_t, crisis_base),
                       (name, base_t + turnover_diff, crisis_other)):
        for i in range(N):
            rows.append({"scenario": scen, "replication": i, "turnover_rate": t[i],
                         "exits": 8.0, "overdue_share": 0.0, "mean_queue": 1.0,
                         "vacant_post_pay_sek": 0.0, "crisis": int(c[i])})
    return pd.DataFrame(rows)


def _costs(summary):
    return pd.DataFrame([{"scenario": r.scenario, "replication": r.replication, "year": 0,
                          "category": "salaries", "view": "budget", "sek": 1e7}
                         for r in summary.itertuples()])


def _ones(*idx):
    x = np.zeros(N, int)
    x[list(idx)] = 1
    return x


def test_the_comparison_table_gives_the_crisis_risk_and_bootstrap_paired_intervals():
    s = _summary(_runaway() / 100, _ones(), _ones(3, 9))
    t = comparison_table(s, ["turnover_rate", "crisis"]).set_index(["scenario", "metric"])
    row = t.loc[("other", "turnover_rate")]
    assert row.diff_interval == "bootstrap" and row.diff_ci_low > 0
    assert abs(row.diff_median - 0.02) < 0.005
    crisis = t.loc[("other", "crisis")]
    lo, hi = intervals.wilson(2, N)
    assert crisis["mean"] == 2 / N and (crisis.ci_low, crisis.ci_high) == (lo, hi)
    assert crisis.interval == "wilson"
    base = t.loc[("base", "crisis")]
    assert base["mean"] == 0 and base.ci_high == intervals.wilson(0, N)[1]


def test_cost_benefit_rows_of_crisis_risk_and_the_warning():
    s = _summary(np.zeros(N), _ones(), _ones(3, 9))
    cb = cost_benefit(s, _costs(s), 1.0).set_index("measure")
    assert cb.loc["p_crisis", "mean"] == 2 / N
    assert (cb.loc["p_crisis", "ci_low"], cb.loc["p_crisis", "ci_high"]) == \
        intervals.wilson(2, N)
    assert cb.loc["p_crisis_base", "mean"] == 0
    change = cb.loc["crisis_risk_change"]
    assert change["mean"] == pytest.approx(2 / N) and change.interval == "bootstrap"
    assert change.ci_low == 0 and change["median"] == 0
    # two crisis runs in sixteen, none in the base: the warning, in both languages
    assert cb.service_flag.iloc[0] == "crisis_risk_up"
    assert "crisis_risk_up" in FLAGS
    assert "risk of a crisis rises" in warning_text("crisis_risk_up", "en")
    assert "risken för kris ökar" in warning_text("crisis_risk_up", "sv")


@pytest.mark.parametrize("base, other, flagged", [
    (_ones(), _ones(3, 9), True),                  # 2 of 16 (>= 1 in 10), none in base
    (_ones(), _ones(3), False),                    # 1 of 16: below one in ten
    (_ones(3, 9), _ones(3, 9), False),             # the same runs collapse: no rise
    (_ones(1, 2, 3), _ones(3, 9), False),          # fewer crisis runs than the base
    (_ones(), _ones(*range(6)), True),             # 6 of 16: interval above zero
    (_ones(3, 9), _ones(3, 9, 11), False),         # the base at 2 of 16 already: one
                                                   # more run is chance, not a rise
    (_ones(3, 9), _ones(3, 9, *range(10, 16)), True),  # the interval still counts
])
def test_the_crisis_warning_rule(base, other, flagged):
    assert risk.raises_risk(other.astype(float), base.astype(float)) == flagged


def test_the_interval_arm_of_the_rule_alone():
    """Below the share arm, the warning still fires when the paired interval excludes
    zero; a rise that the interval does not support and that stays under one run in
    ten does not."""
    many = 200
    other, base = np.zeros(many), np.zeros(many)
    other[:16] = 1                                  # 8 % of runs, none in the base
    assert np.mean(other) < risk.CRISIS_SHARE
    _, lo, _ = intervals.paired_ci(other - base)
    assert lo > 0 and risk.raises_risk(other, base)


def test_the_base_at_risk_is_flagged_on_its_own():
    s = _summary(np.zeros(N), _ones(0, 7), _ones())
    assert "crisis_risk" in base_flags(None, "base", s)
    assert base_flags(None, "base", _summary(np.zeros(N), _ones(0), _ones())) == []
    assert base_flags(None, "base") == []
    assert "kris" in warning_text("crisis_risk", "sv")


def test_results_without_a_crisis_column_still_compare():
    s = _summary(np.zeros(N), _ones(), _ones()).drop(columns="crisis")
    cb = cost_benefit(s, _costs(s), 1.0)
    assert "p_crisis" not in set(cb.measure)
    assert not math.isnan(cb.set_index("measure").loc["turnover_rate_change", "mean"])


def test_paired_intervals_keep_their_coverage_on_ordinary_differences():
    """Normal differences, n = 16, 400 trials (seed 1): the switch to the bootstrap
    (about 5 % of samples by chance) must not cost coverage; the band is three binomial
    standard errors around 0.95 (sqrt(0.95 x 0.05 / 400) = 1.1 %)."""
    rng = np.random.default_rng(1)
    trials = 400
    hits = 0
    for _ in range(trials):
        _, lo, hi = intervals.paired_ci(rng.normal(2.0, 1.0, N))
        hits += lo <= 2.0 <= hi
    assert abs(hits / trials - 0.95) < 3 * math.sqrt(0.95 * 0.05 / trials)


def test_the_validation_section_gives_every_option_its_crisis_risk_both_ways():
    """docs/VALIDATION.md's crisis section: the base and each option with p_crisis under
    chance only and under drawn assumptions, intervals around each share."""
    import re

    from model.config.scenario import load_scenario
    from model.experiment import costbenefit, psa
    from model.experiment.compare import run_comparison, with_analysis
    from model.present import validation
    short = ["simulation.years=1", "simulation.warmup_years=0.5"]
    scs = [load_scenario(validation.BASE, short),
           load_scenario(validation.ROOT / "scenarios" / "overstaffing.yaml", short)]
    t = run_comparison(scs, seed=3, replications=3, workers=1)
    cb = costbenefit.cost_benefit(t["summary"], t["costs"], 1, t["timeseries"])
    pcb = with_analysis(psa.run(scs, seed=3, draws=4, per_draw=1), scs[0].simulation)
    text = "\n".join(validation.crisis_section(cb, pcb["cost_benefit"], 3, 4, "baseline",
                                                pcb["summary"]))
    shares = re.findall(r"(\d+)% \[(\d+), (\d+)\]", text)
    assert len(shares) == 4
    assert all(int(lo) <= int(m) <= int(hi) for m, lo, hi in shares)
    assert "| `overstaffing` |" in text and "baseline (the base)" in text
    # the worst drawn future of each option, and how many passed the documented worst
    s = pcb["summary"]
    worst = s[s.scenario == "overstaffing"].turnover_rate.max()
    assert f"| {100 * worst:.0f} %, " in text.split("| `overstaffing` |")[1].split("\n")[0]
    above = int((s.turnover_rate > 0.47).sum())
    assert f"Over all {len(s)} drawn futures of every option, {above} had a turnover" in text


def test_the_validation_section_measures_the_baselines_tipping_points():
    """docs/VALIDATION.md's tipping-point section: one row per seed and per inflow
    change, each with a crisis share inside its Wilson interval."""
    import re

    from model.present import validation
    text = "\n".join(validation.tipping_section(
        4, (3, 5), ("simulation.years=1", "simulation.warmup_years=0.5")))
    rows = [r for r in text.splitlines() if r.startswith("| seed ")]
    assert len(rows) == 4 and sum("inflow" in r for r in rows) == 2
    for _k, n, share, lo, hi in re.findall(r"(\d+) of (\d+) \((\d+)%, (\d+)-(\d+)%\)", text):
        assert int(n) == 4 and int(lo) <= int(share) <= int(hi)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_brief_and_dashboard_warn_of_a_base_in_crisis_as_the_console_does(lang):
    """A base in crisis in one run in ten or more is warned of on page one too, not only
    on the console: a committee reads the brief."""
    from pathlib import Path

    from model.present.dashboard import decision
    from model.present.dashboard.data import Results
    ts = pd.DataFrame({"scenario": "base", "replication": 0, "week": np.arange(60),
                       "queue_investigations": 5.0, "queue_ongoing": 2.0,
                       "overdue_open": 0.0, "headcount": 40, "day": np.arange(60) * 7.0})
    for crisis_base, warned in ((_ones(0, 7), True), (_ones(), False)):
        res = Results(Path("."), "comparison", {}, {
            "summary": _summary(np.zeros(N), crisis_base, _ones()), "timeseries": ts},
            ["base", "other"])
        text = decision.base_warning_html(res, lang)
        assert bool(text) is warned
        if warned:
            assert {"sv": "kris i minst en körning av tio",
                    "en": "crisis in at least one run in ten"}[lang] in text
