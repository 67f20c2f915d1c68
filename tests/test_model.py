"""Functional, extreme-case, conservation and determinism tests of the model."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from conftest import BUNDLED_FILES, scenario
from model.experiment import run_replication, run_scenario
from model.sim.casebook import COMPLEX, WEEKLY
from model.sim.workforce import Model

SHORT = ("simulation.years=3", "simulation.warmup_years=1")


def test_same_seed_gives_identical_tables():
    sc = scenario(*SHORT)
    a = run_replication(sc, 3)
    b = run_replication(sc, 3)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name])
    assert len(a["events"]) > 0 and len(a["timeseries"]) > 0


def test_other_seed_or_replication_gives_other_draws():
    sc = scenario(*SHORT)
    a = run_replication(sc, 0)["events"]
    b = run_replication(sc, 1)["events"]
    c = run_replication(sc, 0, seed=sc.simulation.seed + 1)["events"]
    assert not a[["day", "event"]].equals(b[["day", "event"]])
    assert not a[["day", "event"]].equals(c[["day", "event"]])


def test_serial_equals_parallel():
    sc = scenario(*SHORT, "simulation.replications=3")
    serial = run_scenario(sc, workers=1)
    parallel = run_scenario(sc, workers=2)
    for name in serial:
        pd.testing.assert_frame_equal(serial[name], parallel[name])


def test_headcount_conservation_and_case_accounting():
    sc = scenario(*SHORT, "attrition.baseline_hazard_per_year=0.3")
    m = Model(sc, 0)
    t = m.run()
    ts = t["timeseries"]
    # hires - exits = change in headcount, week by week
    d_head = ts["headcount"] - ts["headcount"].iloc[0]
    d_flow = ((ts["hires_cum"] - ts["hires_cum"].iloc[0])
              - (ts["exits_cum"] - ts["exits_cum"].iloc[0]))
    assert (d_head == d_flow).all()
    assert t["summary"]["exits"].iloc[0] > 10
    ev = t["events"]
    assert (ev.event == "hire").sum() == t["summary"]["hires"].iloc[0]
    assert (ev.event == "exit").sum() == t["summary"]["exits"].iloc[0]
    # every case that arrived is closed, held by a worker, or queued
    held = int(m.unit.staff.ncases.sum())
    b = m.unit.book
    queued = len(b.queued())
    assert m.unit.recorder.cases_arrived_all == m.unit.recorder.cases_closed_all + held + queued
    assert held == sum(len(b.owned(k)) for k in range(m.unit.n_slots))
    assert b.n == m.unit.recorder.cases_arrived_all
    # load bookkeeping matches the cases each worker holds
    for k in range(m.unit.n_slots):
        assert m.unit.staff.load[k] == pytest.approx(b.f[b.owned(k), WEEKLY].sum(), abs=1e-6)
        cplx = b.owned(k)[b.i[b.owned(k), COMPLEX] == 1]
        assert m.unit.staff.complex_load[k] == pytest.approx(b.f[cplx, WEEKLY].sum(), abs=1e-6)


def test_zero_hazards_give_no_exits():
    sc = scenario(*SHORT, "attrition.baseline_hazard_per_year=0",
                  "attrition.outside_pull_per_year=0", "attrition.retirement_age=80",
                  "recruitment.graduate_age={dist: constant, value: 30}",
                  "initial_state.prior_years={dist: constant, value: 0}")
    s = run_replication(sc, 0)["summary"].iloc[0]
    assert s["exits"] == 0 and s["hires"] == 0
    assert s["vacancy_rate"] == 0


def test_zero_inflow_gives_no_cases():
    sc = scenario(*SHORT, "cases.investigations.arrivals_per_year=0",
                  "cases.ongoing.arrivals_per_year=0")
    t = run_replication(sc, 0)
    s = t["summary"].iloc[0]
    assert s["cases_arrived"] == 0 and s["cases_closed"] == 0
    assert (t["timeseries"]["open_cases"] == 0).all()
    assert np.isnan(s["overdue_share"])


def test_zero_time_to_hire_and_no_failures_keep_posts_filled_but_for_notice_gaps():
    sc = scenario(*SHORT, "recruitment.time_to_hire_days={dist: constant, value: 1}",
                  "recruitment.failure_probability=0")
    s = run_replication(sc, 0)["summary"].iloc[0]
    assert s["exits"] > 0
    assert s["vacancy_rate"] < 0.01   # the hire is ready before the leaver's notice ends


@pytest.mark.parametrize("path", BUNDLED_FILES,
                         ids=lambda p: p.name)
def test_every_scenario_file_smoke_runs(path):
    sc = scenario("simulation.years=1", "simulation.warmup_years=0.5", path=path)
    t = run_replication(sc, 0)
    s = t["summary"].iloc[0]
    assert s["mean_headcount"] > 0
    assert s["total_cost_sek"] > 0
    assert set(t["costs"]["category"]) >= {"salaries", "recruitment"} or s["hires"] == 0


def test_joined_replication_columns_equal_the_concatenated_tables():
    """run_scenario joins replications as columns (text as values + codes); the result
    must equal concatenating each replication's DataFrames, dtypes included, also when a
    replication has no events at all (a one-post unit with nothing happening)."""
    import pandas as pd
    for sc in (scenario("simulation.years=1", "simulation.warmup_years=0.5",
                        "simulation.replications=3"),
               scenario("simulation.years=0.1", "simulation.warmup_years=0", "unit.posts=1",
                        "unit.managers=1", "simulation.replications=2",
                        "sick_leave.short_spells_per_year=0",
                        "sick_leave.long_spells_per_year=0",
                        "attrition.intention.onset_per_year=0",
                        "attrition.baseline_hazard_per_year=0",
                        "attrition.outside_pull_per_year=0")):
        joined = run_scenario(sc, workers=2)
        n = sc.simulation.replications
        for name, table in joined.items():
            parts = pd.concat([Model(sc, r).run()[name] for r in range(n)],
                              ignore_index=True)
            pd.testing.assert_frame_equal(table, parts)
    assert len(joined["events"]) == 0          # the empty case was exercised
