"""Calibration against targets, and the import of a municipality's HR data."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import simulate
from conftest import BASELINE, ROOT, scenario
from model.config import hrimport
from model.config.scenario import load_scenario
from model.experiment import calibration, mean_ci, run_scenario

CAL = ROOT / "scenarios" / "calibration"
EXAMPLES = ROOT / "scenarios" / "examples"
SHORT = ["simulation.years=4", "simulation.warmup_years=1", "simulation.replications=12"]


@pytest.mark.slow
def test_calibration_recovers_a_known_parameter(tmp_path):
    """Data from the model with h0 = 0.10 (seed 101); fitted with other draws (seed 202).

    Tolerance: three standard errors of the difference between the two turnover
    estimates, turned into units of h0 by the slope of turnover in h0 (from runs at
    0.08 and 0.12).
    """
    truth = 0.10
    data = run_scenario(scenario(*SHORT, f"attrition.baseline_hazard_per_year={truth}",
                                 "simulation.seed=101"), workers=2)["summary"].turnover_rate
    t_obs, lo, _ = mean_ci(data)
    se_obs = (t_obs - lo) / 2.2
    unit = tmp_path / "unit.yaml"
    unit.write_text(f"extends: {BASELINE}\nname: unit\nsimulation: {{seed: 202}}\n")
    targets = [calibration.Target(name="t", scenario="unit.yaml", metric="turnover_rate",
                                  value=t_obs, tolerance=0.01)]
    best, _, report, hist = calibration.calibrate(
        unit, SHORT, targets, [("attrition.baseline_hazard_per_year", 0.04, 0.2)], workers=2)
    fitted = best[0]

    def turnover(h):
        s = run_scenario(load_scenario(unit, SHORT + [f"attrition.baseline_hazard_per_year={h}"]),
                         workers=2)["summary"].turnover_rate
        m, lo, _ = mean_ci(s)
        return m, (m - lo) / 2.2

    (t8, se8), (t12, se12) = turnover(0.08), turnover(0.12)
    slope = (t12 - t8) / 0.04
    tol = 3 * math.sqrt(se_obs ** 2 + max(se8, se12) ** 2) / slope
    assert slope > 0 and tol < 0.04
    assert abs(fitted - truth) < tol, (fitted, tol)
    assert len(hist) >= 5 and report.met.all()


@pytest.mark.slow
def test_bundled_calibration_scenarios_meet_their_targets():
    targets, tdir = calibration.load_targets(CAL / "targets.yaml")
    files = sorted({t.scenario for t in targets})
    assert len(files) >= 4
    for f in files:
        mine = calibration.targets_for(tdir / f, targets, tdir)
        tables = run_scenario(load_scenario(tdir / f), workers=2)
        report = calibration.evaluate(tables, mine)
        bad = report[~report.met]
        assert bad.empty, bad[["target", "value", "tolerance", "simulated"]].to_string()


@pytest.mark.slow
def test_calibrate_command_writes_a_delta_file(tmp_path, capsys):
    out = tmp_path / "umea_calibrated.yaml"
    code = simulate.main(["calibrate", str(CAL / "umea_2014_shock.yaml"),
                          str(CAL / "targets.yaml"), "--params",
                          "assignment.max_utilisation=1.0:1.3", "--replications", "4",
                          "--max-evaluations", "6", "--out", str(out), "--quiet"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "umea_2014_exits_under_overload" in printed and " – " in printed
    assert "\\x0a" not in printed and printed.lstrip().startswith("Calibration of")
    sc = load_scenario(out)
    assert sc.name == "umea_2014_shock_calibrated"
    assert 1.0 <= sc.assignment.max_utilisation <= 1.3
    assert sc.unit.posts == 38            # the rest comes from the file it extends
    # the header says over which horizon the fit holds
    assert f"Fitted over {sc.simulation.years:g} years after" in out.read_text()
    assert "4 replications" in out.read_text()


@pytest.mark.parametrize("targets_text, argv_extra, fragment", [
    ("targets:\n  - {name: x, scenario: s.yaml, metric: happiness, value: 1, tolerance: 1}\n",
     [], "cannot compute target 'x'"),
    ("targets:\n  - {name: x, scenario: other.yaml, metric: turnover_rate, value: 0.2, "
     "tolerance: 0.1}\n", [], "no target applies"),
    ("targets:\n  - {name: x, scenario: s.yaml, metric: turnover_rate, value: 0.2, "
     "tolerance: 0.1}\n", ["--params", "unit.nonsense"], "--params unit.nonsense"),
    ("targets:\n  - {name: x, scenario: s.yaml, metric: turnover_rate, value: 0.2, "
     "tolerance: -1}\n", [], "targets.0.tolerance"),
])
def test_calibrate_bad_input(targets_text, argv_extra, fragment, tmp_path, capsys):
    (tmp_path / "s.yaml").write_text(f"extends: {BASELINE}\n")
    (tmp_path / "other.yaml").write_text(f"extends: {BASELINE}\n")
    t = tmp_path / "targets.yaml"
    t.write_text(targets_text)
    code = simulate.main(["calibrate", str(tmp_path / "s.yaml"), str(t), *argv_extra,
                          "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and fragment in err and len(err.strip().splitlines()) == 1


# -- HR import --------------------------------------------------------------------------

HEADER = "id,hire_date,exit_date,exit_reason,fte,monthly_salary,prior_experience,birth_year\n"


def test_import_of_the_example_files(tmp_path, capsys):
    out = tmp_path / "my_unit.yaml"
    assert simulate.main(["import-hr", str(EXAMPLES / "staff_example.csv"), "--as-of",
                          "2023-12-31", "--inflow",
                          str(EXAMPLES / "inflow_example.csv"), "-o", str(out)]) == 0
    sc = load_scenario(out)
    assert sc.unit.posts == len(sc.initial_state.staff) > 10
    assert sc.cases.investigations.growth_per_year > 0      # the example inflow grows
    from model.present import texts
    assert texts.title(sc, "sv").startswith("Vår enhet")   # titled in both languages
    assert texts.description(sc, "sv").startswith("Importerad från")
    assert texts.description(sc, "en").startswith("Imported from")
    targets, tdir = calibration.load_targets(tmp_path / "my_unit_targets.yaml")
    assert {t.metric for t in targets} >= {"turnover_rate"}
    assert calibration.targets_for(out, targets, tdir)
    # the file of today that the import's 'Next:' line suggests extends the import: the
    # observed exits apply to it (the nearest file in its chain that has targets)
    now = tmp_path / "my_unit_now.yaml"
    now.write_text("extends: my_unit.yaml\nname: my_unit_now\nunit: {posts: 30}\n")
    assert calibration.targets_for(now, targets, tdir) == calibration.targets_for(
        out, targets, tdir)
    assert not calibration.targets_for(BASELINE, targets, tdir)   # not a file of the unit
    printed = capsys.readouterr().out
    assert f"calibrate {now} {tmp_path / 'my_unit_targets.yaml'}" in printed


def test_observed_exit_rates_on_a_known_history(tmp_path):
    f = tmp_path / "staff.csv"
    f.write_text(HEADER
                 + "a,2010-01-01,,,1,40000,0,1970\n"                 # employed throughout
                 + "b,2020-01-01,2021-01-01,resignation,1,35000,0,1990\n"   # 1 year, left
                 + "c,2019-01-01,2022-12-31,retirement,0.8,42000,10,1958\n")
    staff = hrimport.read_staff(f)
    from datetime import date
    rates = hrimport.observed_rates(staff, date(2020, 1, 1), date(2022, 12, 31))
    exposure = 3.0 * (1096 / 1095.75) + 1.0 * (366 / 365.25) + 3.0 * (1095 / 1095.75)
    assert rates["turnover_rate"][1] == 2
    assert rates["turnover_rate"][0] == pytest.approx(2 / exposure, rel=0.01)
    # b left within its first two years; c after two years
    assert rates["exit_rate_lt2"][1] == 1 and rates["exit_rate_2to5"][1] == 1


@pytest.mark.parametrize("body, fragment", [
    ("id,fte\nx,1\n", "missing column(s) hire_date;"),
    (HEADER + "a,2020-13-01,,,1,40000,0,\n", "row 2, column hire_date: '2020-13-01' is not a date"),
    (HEADER + "a,2020-01-01,2019-01-01,resignation,1,40000,0,\n",
     "row 2, column exit_date: 2019-01-01 is before hire_date"),
    (HEADER + "a,2020-01-01,,,1,40000,0,\na,2021-01-01,,,1,40000,0,\n",
     "row 3, column id: duplicate id (the same as on row 2)"),
    (HEADER + "a,2020-01-01,,,-0.5,40000,0,\n", "row 2, column fte: '-0.5' must be > 0"),
    (HEADER + "a,2020-01-01,,,1,40000,0,\nb,2020-01-01,,,0,40000,0,\n",
     "row 3, column fte: '0': nobody works 0 % (someone on leave? give a leave column"),
    (HEADER + "a,2020-01-01,,,1,lots,0,\n", "row 2, column monthly_salary: 'lots' is not a number"),
    (HEADER + "a,2020-01-01,,resignation,1,40000,0,\n",
     "row 2, column exit_reason: given without exit_date"),
])
def test_bad_hr_files(body, fragment, tmp_path, capsys):
    f = tmp_path / "staff.csv"
    f.write_text(body)
    out = tmp_path / "unit.yaml"
    assert simulate.main(["import-hr", str(f), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert fragment in err and "staff.csv" in err and len(err.strip().splitlines()) == 1
    assert not out.exists() and not (tmp_path / "unit_targets.yaml").exists()


def test_calibrate_a_list_item_such_as_the_tenure_shape(tmp_path, capsys):
    out = tmp_path / "nat.yaml"
    code = simulate.main(["calibrate", str(CAL / "national.yaml"), str(CAL / "targets.yaml"),
                          "--params", "attrition.tenure_multipliers.0.multiplier=1.0:2.5",
                          "--replications", "2", "--years", "2", "--warmup-years", "0.5",
                          "--max-evaluations", "3", "--out", str(out), "--quiet"])
    assert code == 0
    sc = load_scenario(out)
    bands = sc.attrition.tenure_multipliers
    assert 1.0 <= bands[0].multiplier <= 2.5
    kept = load_scenario(CAL / "national.yaml").attrition.tenure_multipliers[1:]
    assert [b.multiplier for b in bands[1:]] == [b.multiplier for b in kept]  # the rest kept


@pytest.mark.parametrize("fitted, met, edge", [
    (0.0464, False, "low"), (0.155, False, "high"), (0.10, False, None),
    # a fit that meets its targets is warned of only at the very end of its range (a
    # unit with little turnover has a small hazard: no false alarm for it)
    (0.0464, True, None), (0.0401, True, "low"), (0.1595, True, "high")])
def test_a_fit_at_an_end_of_its_range_is_warned_of(fitted, met, edge):
    import pandas as pd

    from model.present.calibration_text import report_lines
    report = pd.DataFrame([{"target": "turnover_rate", "value": 0.3, "tolerance": 0.02,
                            "simulated": 0.29, "ci_low": 0.28, "ci_high": 0.30, "met": met}])
    lines = report_lines(load_scenario(BASELINE),
                         [("attrition.baseline_hazard_per_year", 0.04, 0.16)], [fitted],
                         report)
    warned = [line for line in lines if line.startswith("Warning: ")]
    if edge is None:
        assert not warned
    else:
        assert len(warned) == 1
        assert f"lies at the {edge} end of the range searched (0.04 to 0.16)" in warned[0]
        assert "--params PATH=LOW:HIGH" in warned[0]


def test_a_unit_fitted_to_a_low_turnover_is_not_screened_out_as_implausible(tmp_path):
    """The uncertainty screen keeps draws whose base turnover lies in
    simulation.plausible_turnover (default 10-35 %). A unit fitted to its own 8.7 % must
    not have its own turnover screened out: the calibrated file widens the range to the
    target's band plus two standard deviations of one run."""
    import pandas as pd

    from model.present.calibration_text import delta_text
    # 20 replications whose mean has the 95 % interval 0.080-0.092: one run's sd 0.0137
    report = pd.DataFrame([{"target": "t", "metric": "turnover_rate", "value": 0.0866,
                            "tolerance": 0.0707, "simulated": 0.086, "ci_low": 0.080,
                            "ci_high": 0.092, "met": True}])
    low, high = calibration.plausible_range((0.10, 0.35), report, 20)
    sd = 0.012 / (2 * 1.96) * math.sqrt(20)
    assert low == pytest.approx(max(0.0, 0.0866 - 0.0707 - 2 * sd), abs=1e-3)
    assert high == 0.35 and low < 0.0866
    # a target inside the range, with room, changes nothing
    inside = report.assign(value=0.22, tolerance=0.01, ci_low=0.21, ci_high=0.23)
    assert calibration.plausible_range((0.10, 0.35), inside, 20) is None
    # no turnover target: nothing to widen
    assert calibration.plausible_range((0.10, 0.35), report.assign(metric="x"), 20) is None
    # the calibrated delta file carries the range, and it loads
    unit = tmp_path / "unit.yaml"
    unit.write_text(f"extends: {BASELINE}\nname: unit\n")
    sc = load_scenario(unit)
    out = tmp_path / "unit_calibrated.yaml"
    out.write_text(delta_text(out, unit, [("attrition.baseline_hazard_per_year", 0.005, 0.5)],
                              [0.03], report, "unit", sc.simulation))
    fitted = load_scenario(out)
    assert tuple(fitted.simulation.plausible_turnover) == (low, high)
    assert fitted.attrition.baseline_hazard_per_year == pytest.approx(0.03)


def test_consultant_share_is_consultant_fte_per_budgeted_post():
    # two replications: 2 consultant FTE on 40 posts, and 1 FTE on a unit whose posts
    # go from 20 to 30 (mean 25): 5 % and 4 % of posts
    summary = pd.DataFrame({"replication": [0, 1], "consultant_fte": [2.0, 1.0]})
    ts = pd.DataFrame({"replication": [0, 0, 1, 1], "posts_open": [40, 40, 20, 30]})
    share = calibration.METRICS["consultant_share"]({"summary": summary, "timeseries": ts})
    assert share.loc[0] == pytest.approx(0.05) and share.loc[1] == pytest.approx(0.04)


def test_a_fit_far_from_the_scenarios_own_value_is_noted():
    """calibrate --turnover 0.28 on a small unit doubled the national quit hazard without
    a word: the report gives each fitted value beside the scenario's own and notes one
    outside 1/1.5-1.5 times it."""
    from model.present.calibration_text import report_lines
    base = scenario()
    was = base.attrition.baseline_hazard_per_year
    report = pd.DataFrame([{"target": "turnover", "value": 0.28, "tolerance": 0.01,
                            "simulated": 0.28, "ci_low": 0.27, "ci_high": 0.29,
                            "met": True}])
    path = "attrition.baseline_hazard_per_year"
    far = report_lines(base, [(path, 0.005, 0.5)], [2 * was], report)
    near = report_lines(base, [(path, 0.005, 0.5)], [1.2 * was], report)
    assert any("x 2.00" in ln for ln in far) and any("x 1.20" in ln for ln in near)
    assert any(ln.startswith(f"Note: {path} is 2.00 times") for ln in far)
    assert not any(ln.startswith("Note:") for ln in near)
    # a target whose tolerance is as large as its value (few exits) is said to say little
    loose = pd.concat([report, pd.DataFrame([{
        "target": "exit_rate_5plus", "value": 0.136, "tolerance": 0.158, "simulated": 0.1,
        "ci_low": 0.08, "ci_high": 0.12, "met": True}])], ignore_index=True)
    lines = report_lines(base, [(path, 0.005, 0.5)], [1.2 * was], loose)
    assert any(ln.startswith("Note: exit_rate_5plus: the tolerance is as large") for ln in lines)
    assert not any("turnover: the tolerance" in ln for ln in lines)
