"""Statistical tests with fixed seeds; each tolerance is derived from sampling error.

Comparisons are paired over replications (common random numbers) and pass when the
mean paired difference exceeds two standard errors of that mean (a one-sided test at
about 2.3%); with fixed seeds the outcome is reproducible. 40 replications put the
smallest effect compared (low control vs high demand, about 13 exits in 5 years) at
about four standard errors, so the test has power well above 95%.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from conftest import scenario
from model.experiment import run_replication, run_scenario

# the mechanisms' own effects, without the managers' response to them (which damps every
# rise in exits; tests/test_response.py has it)
EFFECT = ("simulation.years=5", "simulation.warmup_years=1", "simulation.replications=40",
          "response.enabled=false")


def _paired(a, b):
    d = np.asarray(a, float) - np.asarray(b, float)
    return d.mean(), d.std(ddof=1) / math.sqrt(d.size)


def _summary(*overrides):
    return run_scenario(scenario(*EFFECT, *overrides), workers=2)["summary"]


@pytest.mark.slow
def test_constant_hazard_gives_exponential_tenures():
    """With only a constant baseline hazard h, tenures follow Exp(h).

    Tolerance: the Dvoretzky-Kiefer-Wolfowitz bound at alpha = 0.001,
    sqrt(ln(2/alpha) / 2n), plus the weekly draw's largest discretisation error,
    1 - exp(-h * 7/365).
    """
    h = 0.8
    sc = scenario("simulation.years=35", "simulation.warmup_years=0", "unit.posts=60",
                  f"attrition.baseline_hazard_per_year={h}",
                  "attrition.tenure_multipliers=[{until_years: null, multiplier: 1}]",
                  "attrition.hazard_ratios={demand: 1, control: 1, manager_support: 1, "
                  "colleague_support: 1, exhaustion: 1, pay_gap_per_1000_sek: 1}",
                  "attrition.intention.quit_hazard_ratio=1",
                  "attrition.outside_pull_per_year=0", "attrition.notice_period_weeks=0",
                  "attrition.retirement_age=80",
                  "recruitment.graduate_age={dist: constant, value: 25}",
                  "recruitment.experienced_prior_years={dist: constant, value: 2}")
    ev = run_replication(sc, 0)["events"]
    hires = ev[(ev.event == "hire") & (ev.day < 25 * 365)].set_index("worker_id").day
    exits = ev[ev.event == "exit"].set_index("worker_id").day
    both = hires.index.intersection(exits.index)
    assert len(hires) - len(both) <= 3          # P(censored) = exp(-8) per hire
    tenure_years = (exits[both] - hires[both]).to_numpy() / 365.0
    n = tenure_years.size
    assert n > 600
    ks = stats.kstest(tenure_years, "expon", args=(0, 1 / h)).statistic
    tol = math.sqrt(math.log(2 / 0.001) / (2 * n)) + (1 - math.exp(-h * 7 / 365))
    assert ks < tol, (ks, tol)
    # and the rate estimate is within 3 standard errors of h (Poisson error, n events)
    est = n / tenure_years.sum()
    assert abs(est - h) < 3 * h / math.sqrt(n) + h * (1 - math.exp(-h * 7 / 365))


@pytest.mark.slow
def test_more_inflow_gives_more_exits():
    base = _summary()
    more = _summary("cases.investigations.arrivals_per_year=650",
                    "cases.ongoing.arrivals_per_year=275")
    mean, se = _paired(more.exits, base.exits)
    assert mean > 2 * se and mean > 0, (mean, se)


@pytest.mark.slow
def test_more_posts_give_lower_mean_demand():
    sc40 = scenario("simulation.years=3", "simulation.warmup_years=1",
                    "simulation.replications=8")
    # the same inflow as the 40 posts (a per-post inflow would grow with the posts)
    sc50 = scenario("simulation.years=3", "simulation.warmup_years=1",
                    "simulation.replications=8", "unit.posts=50",
                    "cases.investigations.arrivals_per_year=520",
                    "cases.ongoing.arrivals_per_year=220")
    d40 = run_scenario(sc40, workers=2)["timeseries"].groupby("replication").demand_z.mean()
    d50 = run_scenario(sc50, workers=2)["timeseries"].groupby("replication").demand_z.mean()
    mean, se = _paired(d40, d50)
    assert mean > 2 * se and mean > 0, (mean, se)


@pytest.mark.slow
def test_manager_support_weighs_more_than_colleague_support():
    mgr = _summary("dcs.manager_support.shift_sd=-1.5")
    col = _summary("dcs.colleague_support.shift_sd=-1.5")
    base = _summary()
    assert _paired(col.exits, base.exits)[0] > 0
    mean, se = _paired(mgr.exits, col.exits)
    assert mean > 2 * se, (mean, se)


@pytest.mark.slow
def test_low_control_weighs_more_than_high_demand():
    ctrl = _summary("dcs.control.shift_sd=-1")
    dem = _summary("dcs.demand.shift_sd=1")
    base = _summary()
    assert _paired(dem.exits, base.exits)[0] > 0
    mean, se = _paired(ctrl.exits, dem.exits)
    assert mean > 2 * se, (mean, se)
