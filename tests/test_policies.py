"""Each policy moves the quantity it acts on, in the intended direction, from its start
date and group by group; each books its own cost."""

from __future__ import annotations

import numpy as np
import pytest

from conftest import SCENARIOS, scenario
from model.experiment import run_replication
from model.sim import policies
from model.sim.casebook import ARRIVAL, INVESTIGATION, KIND, REMAINING
from model.sim.processes import phases
from model.sim.workforce import Model

SHORT = ("simulation.years=3", "simulation.warmup_years=1")


def _model_at(sc, day):
    m = Model(sc, 0)
    m.env.run(until=day)
    policies.update(m.unit)
    return m


def _policy(name, *extra):
    return scenario(*SHORT, *extra, path=SCENARIOS / f"{name}.yaml")


def test_six_plus_two_cuts_client_hours_by_a_quarter_and_adds_recovery_group_by_group():
    # without redesign (client time simply cut) and without a productivity gain
    sc = _policy("six_plus_two_no_redesign", "policies.working_time.productivity_gain=0")
    start = 365.0                       # warm-up of one year
    m = _model_at(sc, start + 1)        # only the first of four groups has started
    groups = np.arange(m.unit.n_slots) % 4
    assert np.allclose(m.unit.fx.client_factor[groups == 0], 0.75)
    assert np.allclose(m.unit.fx.client_factor[groups != 0], 1.0)
    m = _model_at(sc, start + 9.5 * 30.44)   # all four groups (3 months apart)
    assert np.allclose(m.unit.fx.client_factor, 0.75)
    assert np.allclose(m.unit.fx.recovery_h, 5.0) and np.allclose(m.unit.fx.competence_h, 5.0)
    base = _model_at(scenario(*SHORT), start + 9.5 * 30.44)
    assert np.allclose(m.unit.phase_table.client_hours_for(m.unit.fx),
                       0.75 * base.unit.phase_table.client_hours_for(base.unit.fx))
    t = run_replication(sc, 0)
    assert "time_working_time" in set(t["costs"].category)


def test_policy_does_nothing_before_its_start():
    sc = _policy("six_plus_two", "policies.working_time.start_year=2")
    m = _model_at(sc, 365.0 + 300)
    assert np.allclose(m.unit.fx.client_factor, 1.0)


def test_reflection_day_takes_one_day_a_month_from_client_time():
    m = _model_at(_policy("reflection_day"), 400)
    assert np.allclose(m.unit.fx.client_factor, 1 - 12 / 260)
    assert np.allclose(m.unit.fx.recovery_h + m.unit.fx.competence_h, 8 * 12 / 52)


def _ladder_model(path, staff_years):
    staff = "[" + ", ".join(f"{{tenure_years: {y}, prior_years: 0}}" for y in staff_years) + "]"
    sc = scenario("simulation.years=1", "simulation.warmup_years=0",
                  f"unit.posts={len(staff_years)}",
                  f"initial_state.staff={staff}", path=path)
    m = Model(sc, 0)
    policies.update(m.unit)
    return m


def test_umea_ladder_pays_the_right_supplements_at_the_right_tenures():
    years = [0.1, 0.5, 3, 6, 8, 9, 10, 11, 12]
    m = _ladder_model(SCENARIOS / "salary_ladder_umea.yaml", years)
    sup = m.unit.fx.supplement[:len(years)]
    # L1 (first year) 1,000; L2 after introduction 1,000; L3 >= 5 y 1,500; L4 >= 7 y 1,500
    assert sup.tolist() == [1000, 1000, 1000, 1500, 1500, 1500, 1500, 1500, 1500]
    # four specialist (L4) posts go to the longest-serving eligible, who gain control
    holders = np.flatnonzero(m.unit.fx.control_boost[:len(years)] > 0).tolist()
    assert holders == [5, 6, 7, 8]


def test_osteraker_ladder_is_cumulative():
    m = _ladder_model(SCENARIOS / "salary_ladder_osteraker.yaml", [1, 3, 5])
    assert m.unit.fx.supplement[:3].tolist() == [0, 2000, 4500]


def test_ladder_supplement_closes_the_pay_gap_and_is_booked():
    t = run_replication(_policy("pay_supplement_jonkoping"), 0)
    ladder = t["costs"][t["costs"].category == "policy_salary_ladder"].sek.sum()
    heads = t["summary"].mean_headcount.iloc[0]
    expected = 2000 * 12 * 1.445 * heads * 3            # 3 years, all at +2,000
    assert ladder == pytest.approx(expected, rel=0.03)
    from model.sim.processes.attrition import pay_gap
    m = _model_at(_policy("pay_supplement_jonkoping"), 400)
    base = _model_at(scenario(*SHORT), 400)
    emp = m.unit.staff.employees() & base.unit.staff.employees()
    gap = pay_gap(m.unit, m.unit.staff.experience_years(m.now))[emp]
    gap0 = pay_gap(base.unit, base.unit.staff.experience_years(base.now))[emp]
    assert np.allclose(gap, gap0 - 2.0)


def test_overstaffing_raises_posts_and_salary_cost():
    t = run_replication(_policy("overstaffing"), 0)
    b = run_replication(scenario(*SHORT), 0)
    assert (t["timeseries"].posts_open == 44).mean() > 0.95
    assert t["summary"].mean_headcount.iloc[0] > b["summary"].mean_headcount.iloc[0] + 2
    payroll = ["salaries", "sick_leave", "mentoring", "rampup_lost_output",
               "policy_overstaffing"]
    pay = t["costs"][t["costs"].category.isin(payroll)].sek.sum()
    pay0 = b["costs"][b["costs"].category.isin(payroll)].sek.sum()
    heads0 = b["summary"].mean_headcount.iloc[0]
    heads = t["summary"].mean_headcount.iloc[0] - heads0
    # the extra heads are paid (more juniors, so a little less per head than the base)
    assert pay - pay0 > 0.5 * heads * (pay0 / heads0)
    assert t["costs"][t["costs"].category == "policy_overstaffing"].sek.sum() > 0


def test_introduction_programme_mentors_reflection_reduced_load_and_shielding():
    staff = "[{tenure_years: 10}, {tenure_years: 10}, {tenure_years: 0.2}, {tenure_years: 1.5}]"
    sc = scenario("unit.posts=4", f"initial_state.staff={staff}", "simulation.years=1",
                  "simulation.warmup_years=0", path=SCENARIOS / "introduction_programme.yaml")
    m = Model(sc, 0)
    policies.update(m.unit)
    phases.update(m.unit)
    fx = m.unit.fx
    assert fx.mentor_need[2] == 4 and fx.mentor_need[3] == 2      # Uppsala year 1 / year 2
    assert fx.capacity_cap[2] == 0.5 and fx.capacity_cap[3] == 1.0
    assert fx.shield[2] and fx.shield[3] and not fx.shield[0]
    # twice a month, 2 hours: 2 * 2 * 12 / 52 hours a week in the first four months
    assert fx.policy_time["introduction_programme"][2] == pytest.approx(4 * 12 / 52)
    assert fx.policy_time["introduction_programme"][3] == 0
    assert fx.control_boost[2] > 0 and fx.support_boost[2] > 0
    given = m.unit.staff.mentor_given
    assert given[0] == given[1] == pytest.approx(3.0)   # (4 + 2) / 2


def test_specialists_mentor_and_lift_complex_demand():
    m = _model_at(_policy("specialists"), 400)
    assert m.unit.fx.mentor_supply_h == 20
    assert m.unit.fx.complex_demand_factor < 1
    t = run_replication(_policy("specialists"), 0)
    sek = t["costs"][t["costs"].category == "policy_specialists"].sek.sum()
    assert sek == pytest.approx(2 * 44000 * 12 * 1.445 * 3, rel=0.02)


def test_admin_support_gives_client_hours():
    m = _model_at(_policy("admin_support"), 400)
    base = _model_at(scenario(*SHORT), 400)
    heads = int(m.unit.staff.employees().sum())
    gained = (m.unit.phase_table.client_hours_for(m.unit.fx)
              - base.unit.phase_table.client_hours_for(base.unit.fx))
    assert np.allclose(gained, 2 * 30 / heads * 45 / 52)


def test_smaller_groups_shrink_the_span_of_control():
    from model.sim.processes.strain import span_of_control
    m = _model_at(_policy("smaller_groups"), 400)
    base = _model_at(scenario(*SHORT), 400)
    staff = int(m.unit.staff.active.sum())
    assert span_of_control(m.unit) == pytest.approx(staff / (2 + 0.5 * 2))
    assert span_of_control(m.unit) < span_of_control(base.unit)


def test_first_line_takes_half_of_the_simple_cases():
    t = run_replication(_policy("first_line"), 0)["summary"].iloc[0]
    b = run_replication(scenario(*SHORT), 0)["summary"].iloc[0]
    # simple shares: investigations 0.3 of 520, ongoing 0.4 of 220 -> half of 244 a year
    expected = b.cases_arrived - 0.5 * (0.3 * 520 + 0.4 * 220) * 3
    assert abs(t.cases_arrived - expected) < 4 * np.sqrt(expected)   # Poisson error


def test_intensive_investigation_concentrates_the_work():
    m = _model_at(_policy("intensive_investigation"), 400)
    assert m.unit.fx.nominal_weeks == 5 and m.unit.fx.hours_factor == 0.95
    m.env.run(until=420)
    b = m.unit.book
    ids = b.open_ids()
    new = ids[(b.i[ids, KIND] == INVESTIGATION) & (b.f[ids, ARRIVAL] > 400)]
    assert new.size and (b.f[new, REMAINING] <= 5).all()


@pytest.mark.parametrize("days", [1, 5])
def test_trainees_accrue_tenure_and_experience_for_the_days_they_work(days):
    """A trainee hire brings the trainee period at its days a week (Värmdö: at least one)
    as experience and as tenure in the unit: one year at one day a week is 0.2 years,
    still inside the introduction; at five days a week a whole year, past it."""
    # five years, so a trainee hired in the window has time to pass a phase boundary
    sc = _policy("trainees", "attrition.baseline_hazard_per_year=0.3",
                 f"policies.trainees.days_per_week={days}", "simulation.years=5")
    t = Model(sc, 0).run()
    ev = t["events"]
    hires = ev[ev.event == "hire"]
    trainees = hires[hires.detail == "trainee"]
    assert len(trainees) > 0
    # a trainee hire is a new graduate: the prior years are the days worked as a trainee
    assert trainees.value.to_numpy() == pytest.approx(days / 5.0)
    # their first phase change comes when tenure plus the days worked reach the next
    # phase boundary (one week's tick of resolution): 0.05 years after hire at one day
    # a week (introduction ends at 0.25), a year after hire at five
    offset = days / 5.0
    bound = min(p.until_years for p in sc.phases if p.until_years and p.until_years > offset)
    changes = ev[ev.event == "phase_change"].groupby("worker_id").tenure_years.min()
    first = changes.reindex(trainees.worker_id).dropna()
    assert len(first) > 0
    assert first.to_numpy() == pytest.approx(bound - offset, abs=7.5 / 365)
    assert "policy_trainees" in set(t["costs"].category)


def test_recruitment_support_shortens_hiring_and_costs_hr_time():
    m = _model_at(_policy("recruitment_support"), 400)
    assert m.unit.fx.time_to_hire_factor == 0.7 and m.unit.fx.applicant_factor == 1.43
    t = run_replication(_policy("recruitment_support"), 0)
    assert "policy_recruitment_support" in set(t["costs"].category)


def test_combined_package_enables_several_policies():
    sc = scenario(path=SCENARIOS / "combined_stockholm.yaml")
    pol = sc.policies
    assert pol.introduction_programme and pol.admin_support and pol.smaller_groups
    m = _model_at(scenario(*SHORT, path=SCENARIOS / "combined_stockholm.yaml"), 400)
    assert {p.name for p in m.unit.policies} == {"introduction_programme", "admin_support",
                                            "smaller_groups"}
