"""Sick leave: a dose-response in strain and exhaustion and the manager's support.

The worker-level slopes are checked against the contrasts the sources report (Amiri &
Behnezhad 2020: job strain RR 1.44; Danish registers: low leadership quality and
long-term sick leave HR 1.61), with the other channels switched off; the unit-level
tests check directions. Tolerances: three standard errors of the log rate ratio
(Poisson counts: sqrt(1/a + 1/b)), or two standard errors of a paired mean difference.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from conftest import SCENARIOS, scenario
from model.experiment import run_replication, run_scenario
from model.sim.processes.sickleave import K_STRAIN, leadership_contrast

# a large unit without exits for 4 years: many spells, a fixed population
QUIET = ("simulation.years=4", "simulation.warmup_years=0",
         "attrition.baseline_hazard_per_year=0", "attrition.outside_pull_per_year=0",
         "attrition.intention.onset_per_year=0", "attrition.retirement_age=80",
         "unit.posts=60", "sick_leave.exhaustion_rr_long=1", "sick_leave.exhaustion_rr_short=1")


def _spells(*overrides: str, kind: str) -> int:
    ev = run_replication(scenario(*QUIET, *overrides), 0)["events"]
    return int(((ev.event == "sick_start") & (ev.detail == kind)).sum())


def _check_ratio(a: int, b: int, expected_log: float) -> None:
    assert abs(math.log(a / b) - expected_log) < 3 * math.sqrt(1 / a + 1 / b), (a, b)


def test_the_spell_rate_rises_smoothly_with_demand_minus_control():
    """A dose-response: demand one SD up vs one SD down (two SD of demand minus control)
    multiplies the rate by exp(2 ln(1.44) / K), and the middle lies between."""
    short = ("sick_leave.long_spells_per_year=0", "sick_leave.short_mean_days=1")
    hi = _spells(*short, "dcs.demand.shift_sd=1", kind="short")
    mid = _spells(*short, kind="short")
    lo = _spells(*short, "dcs.demand.shift_sd=-1", kind="short")
    rr = scenario().sick_leave.job_strain_rr
    _check_ratio(hi, lo, 2 * math.log(rr) / K_STRAIN)
    assert lo < mid < hi


def test_the_quadrant_contrast_of_the_slope_is_the_reported_relative_rate():
    """For standard-normal demand and control, the mean rate in the high-strain quadrant
    over that of the rest is job_strain_rr (the slope is built to give it)."""
    rng = np.random.default_rng(7)
    zd, zc = rng.standard_normal((2, 400_000))
    rate = np.exp(math.log(1.44) / K_STRAIN * (zd - zc))
    quadrant = (zd > 0) & (zc < 0)
    ratio = rate[quadrant].mean() / rate[~quadrant].mean()
    assert abs(ratio - 1.44) < 0.03, ratio      # the exp() curvature costs about 1%


def test_long_spells_fall_with_the_managers_support():
    """Manager support one SD up vs one SD down: long spells at exp(-2 b_lead), b_lead the
    slope that gives HR 1.61 between the lowest quarter and the rest."""
    long = ("sick_leave.short_spells_per_year=0", "sick_leave.long_spells_per_year=2",
            "sick_leave.long_mean_days=15", "sick_leave.reassign_after_days=30")
    good = _spells(*long, "dcs.manager_support.shift_sd=1", kind="long")
    poor = _spells(*long, "dcs.manager_support.shift_sd=-1", kind="long")
    b = math.log(1.61) / leadership_contrast(0.25)
    _check_ratio(poor, good, 2 * b)
    # and short spells do not depend on it (the registers' finding is on long spells)
    short = ("sick_leave.long_spells_per_year=0", "sick_leave.short_mean_days=1")
    a = _spells(*short, "dcs.manager_support.shift_sd=1", kind="short")
    c = _spells(*short, "dcs.manager_support.shift_sd=-1", kind="short")
    _check_ratio(a, c, 0.0)


def _paired(metric: str, reps: int, other: list[str], path=SCENARIOS / "baseline.yaml"):
    common = ["simulation.years=5", "simulation.warmup_years=1",
              f"simulation.replications={reps}", "simulation.seed=2024"]
    base = run_scenario(scenario(*common), workers=2)["summary"]
    alt = run_scenario(scenario(*common, *other, path=path), workers=2)["summary"]
    d = alt[metric].to_numpy(float) - base[metric].to_numpy(float)
    return d.mean(), d.std(ddof=1) / math.sqrt(d.size)


@pytest.mark.slow
def test_exhaustion_raises_sick_absence_in_the_unit():
    """The same unit with exhaustion weighing on long spells (RR 3 per unit) against
    not at all (RR 1): more absence. Mean exhaustion is low in the baseline (~0.13), so
    the effect is a few percent of absence; 32 paired replications give about 3 SE,
    and the test asks for 2 SE (paired-difference standard error)."""
    common = ["simulation.years=5", "simulation.warmup_years=1",
              "simulation.replications=32", "simulation.seed=2024"]
    runs = [run_scenario(scenario(*common, f"sick_leave.exhaustion_rr_long={v}"),
                         workers=2)["summary"]["sick_absence_rate"].to_numpy(float)
            for v in (1, 3)]
    d = runs[1] - runs[0]
    m, se = d.mean(), d.std(ddof=1) / math.sqrt(d.size)
    assert m > 2 * se, (m, se)


@pytest.mark.slow
def test_closer_leadership_lowers_sick_absence():
    """Smaller groups with more team leaders (Södertälje): more manager support, so fewer
    long spells and less absence, through the mechanism alone."""
    m, se = _paired("sick_absence_rate", 16, [], path=SCENARIOS / "smaller_groups.yaml")
    assert m < -2 * se, (m, se)
