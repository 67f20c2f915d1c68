"""The recruitment market: attractiveness from pay above the scale, paid time off
client work and recent turnover; failed rounds, time to hire, the experience mix and
returning former employees follow from it; today's unit reproduces today's values."""

from __future__ import annotations

import math

import numpy as np
import pytest

from conftest import SCENARIOS, scenario
from model.experiment import run_scenario
from model.experiment.intervals import mean_ci
from model.sim import policies
from model.sim.processes import market
from model.sim.workforce import Model


def _unit(*extra, path=None, day=400.0):
    kw = {"path": path} if path else {}
    m = Model(scenario("simulation.years=1", "simulation.warmup_years=1", *extra, **kw), 0)
    m.env.run(until=day)
    policies.update(m.unit)
    return m.unit


def _at_reference_turnover(u):
    """Exits of the last 52 weeks set to the reference turnover (reputation term 0)."""
    ref = u.params.recruitment.market.reference_turnover
    u.exit_days_52w.clear()
    n = ref * u.n_base_positions
    u.exit_days_52w.extend([u.env.now - 1.0] * int(round(n)))
    return abs(int(round(n)) - n) / u.n_base_positions   # turnover left over


def test_today_s_unit_reproduces_today_s_failure_and_graduate_share():
    u = _unit("recruitment.market.reference_turnover=0.2")       # 8 of 40 posts
    assert _at_reference_turnover(u) == 0
    assert market.attractiveness(u) == pytest.approx(1.0)
    offer = market.offer(u, 0)
    hiring = u.params.recruitment
    assert offer.failure == pytest.approx(hiring.failure_probability)
    assert offer.graduate_share == pytest.approx(hiring.new_graduate_share)
    assert market.time_factor(u) == pytest.approx(1.0)
    assert offer.returner == 0.0


def test_pay_above_the_scale_raises_attractiveness_by_the_applicant_ratio():
    u = _unit("recruitment.market.reference_turnover=0.2")
    _at_reference_turnover(u)
    u.fx.supplement = np.full(u.n_slots, 2000.0)
    assert market.attractiveness(u) == pytest.approx(1.05 ** 2)


def test_paid_time_off_client_work_counts_as_pay_for_applicants():
    u = _unit("recruitment.market.reference_turnover=0.2",
              path=SCENARIOS / "six_plus_two.yaml", day=365 + 10 * 30.44)
    _at_reference_turnover(u)
    emp = u.staff.employees()
    worth = 0.5 * 10 / 40 * u.staff.salary[emp].mean()     # SEK/month
    assert market.attractiveness(u) == pytest.approx(1.05 ** (worth / 1000))
    assert market.attractiveness(u) > 1.2


def test_reputation_ten_points_more_turnover_cuts_applicants_by_the_ratio():
    u = _unit("recruitment.market.reference_turnover=0.2")
    _at_reference_turnover(u)
    u.exit_days_52w.extend([u.env.now - 1.0] * 4)           # +4 exits on 40 posts: +10 pp
    assert market.attractiveness(u) == pytest.approx(0.85)
    u.exit_days_52w.extend([u.env.now - 400.0] * 40)        # older than 52 weeks: ignored
    assert market.attractiveness(u) == pytest.approx(0.85)


def test_more_attractive_unit_fails_less_hires_more_experience_sooner():
    u = _unit("recruitment.market.reference_turnover=0.2")
    assert _at_reference_turnover(u) == 0
    out = []
    for factor in (0.5, 1.0, 2.0, 4.0):
        u.fx.applicant_factor = factor
        o = market.offer(u, 20)
        out.append((o.failure, o.graduate_share, market.time_factor(u), o.returner))
    for a, b in zip(out, out[1:]):
        assert b[0] < a[0] and b[1] < a[1] and b[2] < a[2] and b[3] > a[3]
    # failures follow the Poisson law: P(no applicant) = p0 ** A
    assert out[2][0] == pytest.approx(0.2 ** 2) and out[0][0] == pytest.approx(0.2 ** 0.5)
    # the graduate share at A = 2 from its formula, with e set so A = 1 gives 0.5
    e = -math.log(0.5 * 0.8 + 0.2) / -math.log(0.2)
    mu = -2 * math.log(0.2)
    assert out[2][1] == pytest.approx((math.exp(-mu * e) - math.exp(-mu)) / -math.expm1(-mu))


@pytest.fixture(scope="module")
def baseline_runs():
    return run_scenario(scenario("simulation.replications=8"))


def test_baseline_unit_keeps_today_s_recruitment_values_on_average(baseline_runs):
    """Over 8 replications (~700 rounds, ~600 hires): the failed-round share within 3
    binomial standard errors of 0.2 plus 0.02 for the spread of the attractiveness,
    the graduate share of hires likewise around 0.5."""
    s, ev = baseline_runs["summary"], baseline_runs["events"]
    rounds = ev[(ev.event == "recruitment_round") & (ev.detail != "failed")]
    fail = float(s.failed_round_share.mean())
    se = math.sqrt(0.2 * 0.8 / len(rounds))
    assert abs(fail - 0.2) < 3 * se + 0.02
    hires = ev[ev.event == "hire"]
    grad = float((hires.detail == "new_graduate").mean())
    se = math.sqrt(0.25 / len(hires))
    assert abs(grad - 0.5) < 3 * se + 0.02


def test_more_applicants_shorten_vacancies_and_need_fewer_consultants(baseline_runs):
    """A pure market effect (recruitment support's applicant factor 2, no faster
    process, no cash cost): paired runs, 95% intervals of the differences below 0."""
    more = run_scenario(scenario(
        "simulation.replications=8", "policies.recruitment_support.time_to_hire_factor=1",
        "policies.recruitment_support.applicant_factor=2",
        "policies.recruitment_support.hr_fte=0", path=SCENARIOS / "recruitment_support.yaml"))
    b = baseline_runs["summary"].set_index("replication")
    s = more["summary"].set_index("replication")
    for column in ("failed_round_share", "vacancy_rate", "consultant_fte"):
        _, _, hi = mean_ci((s[column] - b[column]).to_numpy(float))
        assert hi < 0, column


def test_former_employees_return_and_are_counted():
    hot = ("attrition.baseline_hazard_per_year=0.2", "simulation.years=4",
           "simulation.warmup_years=1", "recruitment.market.returner_apply_per_round=0.01")
    t = Model(scenario(*hot), 0).run()
    ev, s = t["events"], t["summary"]
    back = ev[(ev.event == "hire") & (ev.detail == "returner")]
    assert len(back) > 0
    assert int(s.returner_hires.iloc[0]) == len(back)
    assert (back.value > 0).all()                       # they bring their experience
    intro = ev[(ev.event == "phase_change") & (ev.detail == "introduction")]
    assert not set(back.worker_id) & set(intro.worker_id)   # and start introduced
    none = Model(scenario(*hot[:-1], "recruitment.market.returner_apply_per_round=0"),
                 0).run()["summary"]
    assert int(none.returner_hires.iloc[0]) == 0
