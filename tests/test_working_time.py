"""Working-time measures: how the freed hours are found (redesign before client time is
cut, productivity), paid time off client work as a working condition on the outside
pull, Sundsvall's 6+2 against the same hours with client time simply cut, and what
must be true for each option (``model.experiment.conditions``)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from conftest import SCENARIOS, scenario
from model.experiment import conditions, run_scenario
from model.experiment.intervals import mean_ci
from model.present.dashboard import conditions as page
from model.sim import policies
from model.sim.policies.working_time import client_share_kept
from model.sim.workforce import Model


class Cfg:
    def __init__(self, client_hours_per_day, redesign_share):
        self.client_hours_per_day = client_hours_per_day
        self.redesign_share = redesign_share


def test_without_redesign_client_time_falls_with_the_day():
    assert client_share_kept(Cfg(6, 0.0), 0.7) == pytest.approx(6 / 8)
    assert client_share_kept(Cfg(7, 0.0), 0.7) == pytest.approx(7 / 8)


def test_redesign_takes_the_freed_hours_from_non_client_work_first():
    # 6+2 frees 10 of 40 hours; non-client work is 12: full redesign keeps all client time
    assert client_share_kept(Cfg(6, 1.0), 0.7) == pytest.approx(1.0)
    # half: client work loses half of its proportional share, 0.5 * 0.25 * 0.7 of the day
    assert client_share_kept(Cfg(6, 0.5), 0.7) == pytest.approx(1 - 0.5 * 0.25)
    kept = [client_share_kept(Cfg(6, r), 0.7) for r in np.linspace(0, 1, 11)]
    assert all(b > a for a, b in zip(kept, kept[1:]))


def test_redesign_cannot_take_more_than_the_non_client_hours():
    # a 2-hour client day frees 75% of the day; non-client work is only 30% of it
    assert client_share_kept(Cfg(2, 1.0), 0.7) == pytest.approx(1 - (0.75 - 0.3) / 0.7)


def _model_at(path, day, *extra):
    sc = scenario("simulation.years=1", "simulation.warmup_years=1", *extra, path=path)
    m = Model(sc, 0)
    m.env.run(until=day)
    policies.update(m.unit)
    return m


def test_sundsvall_design_keeps_the_client_work_the_unit_can_do():
    m = _model_at(SCENARIOS / "six_plus_two.yaml", 365 + 9.5 * 30.44)   # all groups
    wt = m.unit.params.policies.working_time
    assert wt.redesign_share > 0
    assert np.allclose(m.unit.fx.client_factor, 0.875 * (1 + wt.productivity_gain))
    assert abs(m.unit.fx.client_factor[0] - 1.0) < 0.01
    bare = _model_at(SCENARIOS / "six_plus_two_no_redesign.yaml", 365 + 9.5 * 30.44)
    assert np.allclose(bare.unit.fx.client_factor, 0.75 * 1.05)
    # the same hours and the same time off client work in both
    assert np.allclose(bare.unit.fx.paid_time_off(), m.unit.fx.paid_time_off())
    assert np.allclose(m.unit.fx.time_value(), 0.5 * 10 / 40)


def test_paid_time_off_client_work_lowers_the_outside_pull_as_pay_would():
    """Only the outside pull acts (no internal hazard, no intention, no notice); a flat
    salary equal to the market's, so the pull rate is 1/year times 1.05^-cond, with
    cond = 0.5 x 10/40 x 40 (thousand SEK/month) = 5 for 6+2."""
    common = ("unit.posts=200", "simulation.years=3", "simulation.warmup_years=0",
              "attrition.baseline_hazard_per_year=0", "attrition.intention.onset_per_year=0",
              "attrition.outside_pull_per_year=1.0", "attrition.notice_period_weeks=0",
              "attrition.retirement_age=80", "consultants.enabled=false",
              "pay.salary_by_experience=[{from_years: 0, sek_per_month: 40000}]",
              "pay.market_by_experience=[{from_years: 0, sek_per_month: 40000}]")
    expected = {"baseline": 1.0, "six_plus_two": 1.05 ** -5.0}
    for name, rate in expected.items():
        s = Model(scenario(*common, path=SCENARIOS / f"{name}.yaml"), 0).run()["summary"]
        exits = float(s.exits.iloc[0])
        exposure = float(s.mean_headcount.iloc[0]) * 3
        # Poisson count: the rate's standard error is sqrt(exits) / exposure; 4 SE
        se = math.sqrt(exits) / exposure
        assert abs(exits / exposure - rate) < 4 * se, (name, exits / exposure, rate)


def _paired(base, other, column):
    b = base.set_index("replication")[column]
    s = other.set_index("replication")[column]
    return mean_ci((s - b).to_numpy(float))


@pytest.fixture(scope="module")
def six_plus_two_runs():
    reps = ("simulation.replications=8",)
    return {name: run_scenario(scenario(*reps, path=SCENARIOS / f"{name}.yaml"))["summary"]
            for name in ("baseline", "six_plus_two", "six_plus_two_no_redesign")}


@pytest.mark.slow
def test_six_plus_two_as_designed_does_not_raise_turnover(six_plus_two_runs):
    """Paired common-random-number runs (8 replications): the 95% interval of the
    paired difference in turnover lies below zero."""
    r = six_plus_two_runs
    _, _, hi = _paired(r["baseline"], r["six_plus_two"], "turnover_rate")
    assert hi < 0


def test_six_plus_two_without_redesign_raises_turnover_and_the_backlog(six_plus_two_runs):
    """The unit overloads: some replications run away (turnover above 0.8 a year), so
    the paired mean's t interval is wide. Turnover is tested with a sign test instead:
    under "no effect" each paired difference is positive with probability 1/2, and at
    least 7 of 8 positive has probability 9/256 = 0.035. The backlog's paired 95%
    interval lies above zero."""
    r = six_plus_two_runs
    b = r["baseline"].set_index("replication")["turnover_rate"]
    s = r["six_plus_two_no_redesign"].set_index("replication")["turnover_rate"]
    assert int(((s - b) > 0).sum()) >= 7, (s - b).tolist()
    _, lo, _ = _paired(r["baseline"], r["six_plus_two_no_redesign"], "mean_queue")
    assert lo > 0


@pytest.mark.slow
def test_what_must_be_true_finds_the_gain_for_six_plus_two_without_redesign():
    short = ("simulation.years=4", "simulation.warmup_years=1")
    base = scenario(*short)
    option = scenario(*short, path=SCENARIOS / "six_plus_two_no_redesign.yaml")
    table = conditions.what_must_be_true(base, [base, option], replications=4)
    assert list(table.columns) == conditions.COLUMNS
    assert set(table.scenario) == {"six_plus_two_no_redesign"}     # the base has no policy
    row = table.set_index("metric").loc["turnover_rate"]
    assert row.status == "root"
    assert row.low < row.value < row.high
    # as bundled (a 5% gain) it raises turnover, so the condition does not hold
    assert row.value > row.current and not row.holds
    html = page.conditions_block(table, {"six_plus_two_no_redesign": {
        "sv": "6+2 utan omställning", "en": "6+2 without redesign"}})
    assert "only-sv" in html and "only-en" in html
    assert "Krävs minst" in html and "Needed at least" in html
    assert "6+2 utan omställning" in html and "6+2 without redesign" in html
    assert f"{100 * row.value:.1f}%" in html                       # English number format
    assert f"{100 * row.value:.1f}".replace(".", ",") + "\u00a0%" in html

    class Res:          # what the dashboard loads from a comparison's directory
        manifest = {"scenarios": [{"name": "six_plus_two_no_redesign",
                                   "resolved": option.model_dump(mode="json")}]}

        def table(self, name):
            return table if name == "conditions" else None

    assert "6+2 utan omställning" in page.section(Res())
    assert "6+2 without redesign" in page.section(Res())


def test_conditions_fragment_says_when_the_condition_cannot_be_met():
    import pandas as pd
    row = dict.fromkeys(conditions.COLUMNS, math.nan)
    row.update(scenario="seven_hours", parameter="productivity_gain", metric="mean_queue",
               status="never", current=0.05, holds=False, low=0.0, high=0.35,
               evaluations=2, replications=4, years=5.0)
    html = page.conditions_html(pd.DataFrame([row]), "en")
    assert "not within 0.0%–35.0%" in html and "warned" in html
    assert "(at none of 2 values tried)" in html          # how thin the evidence is
    always = pd.DataFrame([{**row, "status": "always", "holds": True}])
    assert "met already at 0.0% (at all 2 values tried)" in page.conditions_html(always, "en")
    assert "(vid alla 2 prövade värden)" in page.conditions_html(always, "sv")
    # the runs behind it are named, and that they count chance only
    assert "4 paired replications × 5 years per value tried" in html
    assert "count chance only" in html
    assert page.conditions_html(pd.DataFrame(columns=conditions.COLUMNS), "sv") == ""


def test_conditions_verdict_is_uncertain_when_the_assumption_lies_inside_the_interval():
    """A root whose interval covers the option's own value is neither met nor unmet."""
    import pandas as pd
    base = dict.fromkeys(conditions.COLUMNS, math.nan)
    base.update(scenario="six_plus_two", parameter="productivity_gain",
                metric="turnover_rate", status="root", low=0.0, high=0.35,
                evaluations=4, replications=4)
    rows = [dict(base, value=0.03, ci_low=-0.29, ci_high=0.35, current=0.15, holds=True),
            dict(base, value=0.03, ci_low=0.01, ci_high=0.05, current=0.15, holds=True),
            dict(base, value=0.30, ci_low=0.28, ci_high=0.32, current=0.05, holds=False)]
    assert [page.verdict(pd.Series(r)) for r in rows] == ["unsure", "yes", "no"]
    html = page.conditions_html(pd.DataFrame(rows[:1]), "sv")
    assert "osäkert" in html and "warned" in html
