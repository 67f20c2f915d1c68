"""Bounded intervals, the service warning and the ranking of options."""

from __future__ import annotations

import numpy as np
import pandas as pd

from conftest import SCENARIOS, scenario
from model.experiment import costbenefit, intervals
from model.experiment.compare import comparison_table, run_comparison


def test_bootstrap_interval_of_a_bounded_mean_stays_in_bounds():
    # consultants: mostly 0, sometimes 2 or 3 FTE; a t interval goes below zero
    x = np.array([0, 0, 0, 0, 3, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1.0])
    _, t_lo, _ = intervals.mean_ci(x)
    assert t_lo < 0                                   # the problem the method solves
    m, lo, hi = intervals.bootstrap_mean_ci(x)
    assert 0 <= lo <= m <= hi <= 3
    shares = np.array([0.0, 0.0, 0.01, 0.0, 0.3, 0.0, 0.0, 0.0])
    _, lo, hi = intervals.bootstrap_mean_ci(shares)
    assert lo >= 0 and hi <= 1


def test_row_wise_bootstrap_equals_the_one_row_function():
    rng = np.random.default_rng(3)
    x = rng.exponential(1.0, size=(70, 12))
    rows = intervals.bootstrap_rows_ci(x)
    for i in (0, 33, 69):
        assert np.allclose(rows[i], intervals.bootstrap_mean_ci(x[i]))


def test_bootstrap_interval_covers_about_95_percent():
    """Exponential data, n=16, 400 trials: percentile-bootstrap coverage of the mean is
    near 95% (known to run a little low at small n); binomial SE at 0.93 is 0.013, so
    a band 0.88-0.99 is about 4 SE each way."""
    rng = np.random.default_rng(7)
    hits = 0
    trials = 400
    for _ in range(trials):
        x = rng.exponential(2.0, 16)
        _, lo, hi = intervals.bootstrap_mean_ci(x)
        hits += lo <= 2.0 <= hi
    assert 0.88 <= hits / trials <= 0.99


def test_comparison_levels_of_bounded_results_stay_in_bounds():
    t = run_comparison([scenario("simulation.years=2", "simulation.warmup_years=1"),
                        scenario("simulation.years=2", "simulation.warmup_years=1",
                                 "name=other", path=SCENARIOS / "no_consultants.yaml")],
                       seed=5, replications=6)
    comp = comparison_table(t["summary"])
    bounded = comp[comp.metric != "mean_strain"].dropna(subset=["ci_low"])
    assert (bounded.ci_low >= 0).all()
    shares = comp[comp.metric.isin(["overdue_share", "vacancy_rate", "share_intending"])]
    assert (shares.ci_high.dropna() <= 1).all()


def test_service_flags_follow_their_definitions():
    growing = {"queue": np.array([40.0, 55, 60, 48]), "overdue": np.array([0.0, 0.5, -0.3, 0])}
    flat = {"queue": np.array([1.0, -2, 3, 0]), "overdue": np.array([0.0, 0, 0, 0])}
    zero = np.zeros(4)
    assert costbenefit.service_flags(growing, zero, zero) == ["queue_growing"]
    assert costbenefit.service_flags(flat, zero, zero) == []
    # a unit at its tipping point: the queue runs away in 2 of 8 futures, not in the base
    tipping = {"queue": np.array([0.0, 1, -1, 250, 0, 2, 240, 0.5]), "overdue": np.zeros(8)}
    assert costbenefit.service_flags(tipping, np.zeros(8), np.zeros(8),
                                     base_trend=flat) == ["queue_growing"]
    assert costbenefit.service_flags(tipping, np.zeros(8), np.zeros(8),
                                     base_trend=tipping) == []
    # a large mean rise from one runaway future warns although its interval spans zero
    heavy = np.array([0.0, -0.01, 0.01, 0.0, 0.0, 0.0, 0.0, 0.8])
    assert costbenefit.service_flags(flat, np.zeros(8), heavy) == ["turnover_up"]
    assert costbenefit.service_flags(flat, np.zeros(8), heavy / 100) == []
    up = np.array([0.02, 0.03, 0.025, 0.04])
    assert costbenefit.service_flags(flat, up, zero) == ["overdue_share_up"]
    assert costbenefit.service_flags(flat, zero, up) == ["turnover_up"]


def _cb(rows):
    out = []
    for scen, net, flag, *avoided in rows:
        for measure, value in (("net_cost_economic_sek_per_year", net),
                               ("net_cost_budget_sek_per_year", net + 1),
                               ("turnover_rate_change", -0.01),
                               ("exits_avoided_per_year", avoided[0] if avoided else 1.0),
                               ("overdue_share_change", 0.0),
                               ("p_saves_economic", 0.5),
                               ("cost_per_avoided_exit", 1e5)):
            out.append({"scenario": scen, "measure": measure, "unit": "", "mean": value,
                        "ci_low": value, "ci_high": value, "service_flag": flag})
    return pd.DataFrame(out)


def test_ranking_puts_warned_options_last_then_orders_by_economic_net_cost():
    """(all options here avoid one exit a year)"""
    cb = _cb([("a", 5e5, ""), ("b", -2e5, "queue_growing"), ("c", 1e5, ""),
              ("d", -1e6, "turnover_up")])
    r = costbenefit.ranking(cb)
    assert r.scenario.tolist() == ["c", "a", "d", "b"]
    assert r["rank"].tolist() == [1, 2, 3, 4]
    assert r.service_flag.tolist() == ["", "", "turnover_up", "queue_growing"]


def test_ranking_orders_by_cost_and_claims_avoided_exits_only_with_evidence():
    """The economic view already values the exits an option avoids, so the order is by
    its net cost; an option is said to avoid exits only when its interval of exits
    avoided lies above zero (a mean above zero with an interval across it is not)."""
    cb = _cb([("cheap_but_more_exits", -5e5, "", -0.8), ("costly", 9e5, ""),
              ("middle", 1e5, "", 2.0), ("unsure", 2e5, "", 0.5)])
    cb.loc[(cb.scenario == "unsure") & (cb.measure == "exits_avoided_per_year"),
           "ci_low"] = -0.3
    r = costbenefit.ranking(cb)
    assert r.scenario.tolist() == ["cheap_but_more_exits", "middle", "unsure", "costly"]
    assert dict(zip(r.scenario, r.group)) == {
        "cheap_but_more_exits": "not_shown", "middle": "avoids_exits",
        "unsure": "not_shown", "costly": "avoids_exits"}


def test_an_unstable_base_is_flagged_on_its_own():
    t = run_comparison([scenario("simulation.years=2", "simulation.warmup_years=0.5",
                                 "cases.investigations.arrivals_per_year=900")],
                       seed=5, replications=4)
    assert "queue_growing" in costbenefit.base_flags(t["timeseries"], "baseline")
    calm = run_comparison([scenario("simulation.years=2", "simulation.warmup_years=0.5")],
                          seed=5, replications=4)
    assert costbenefit.base_flags(calm["timeseries"], "baseline") == []


def test_cost_per_avoided_exit_follows_the_interval_the_tables_show():
    """Under drawn assumptions the exits-avoided interval shown is the spread of the
    futures; a cost per avoided exit is defined only where that interval lies above
    zero, not where only the narrower interval of the mean does."""
    from model.experiment.costbenefit import _cost_per_avoided_exit
    from model.experiment.intervals import spread_interval
    avoided = np.array([1.0] * 40 + [-1.0] * 8)          # mean 0.67; 1 in 6 futures below 0
    net = np.full(avoided.size, 1e5)
    rng = np.random.default_rng(0)
    chance_only = _cost_per_avoided_exit("x", net, avoided, 10.0, rng, True)
    spread = _cost_per_avoided_exit("x", net, avoided, 10.0, rng, True, spread_interval())
    assert np.isfinite(chance_only["mean"])
    assert np.isnan(spread["mean"])
