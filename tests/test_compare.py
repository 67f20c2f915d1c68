"""Paired comparison, cost-benefit and break-even: synthetic checks with known answers,
the commands end to end, and bad input."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import simulate
from conftest import BASELINE, SCENARIOS, scenario
from model.errors import UserError
from model.experiment import breakeven, compare
from model.present import breakeven_text


def _synthetic_summary(rng, n, true_diff, noise=1.0):
    base = rng.normal(10, 3, n)                       # large between-replication spread
    other = base + true_diff + rng.normal(0, noise, n)
    rows = [{"scenario": "base", "replication": i, "turnover_rate": base[i]} for i in range(n)]
    rows += [{"scenario": "other", "replication": i, "turnover_rate": other[i]}
             for i in range(n)]
    return pd.DataFrame(rows)


def test_paired_interval_matches_the_t_interval_of_differences():
    rng = np.random.default_rng(1)
    s = _synthetic_summary(rng, 12, 2.0)
    t = compare.comparison_table(s, ["turnover_rate"]).set_index("scenario")
    d = (s[s.scenario == "other"].turnover_rate.to_numpy()
         - s[s.scenario == "base"].turnover_rate.to_numpy())
    half = stats.t.ppf(0.975, 11) * d.std(ddof=1) / math.sqrt(12)
    assert t.loc["other", "diff"] == pytest.approx(d.mean())
    assert t.loc["other", "diff_ci_low"] == pytest.approx(d.mean() - half)
    assert t.loc["other", "diff_ci_high"] == pytest.approx(d.mean() + half)
    assert t.loc["base", "diff"] == 0
    # pairing removes the between-replication spread: far narrower than the levels' CIs
    assert half < (t.loc["other", "ci_high"] - t.loc["other", "ci_low"]) / 4


@pytest.mark.slow
def test_paired_interval_covers_the_true_difference_95_percent_of_the_time():
    """400 synthetic experiments with a known difference of 2. Coverage must be within
    three binomial standard errors of 0.95 (sqrt(0.95*0.05/400) = 1.1%)."""
    rng = np.random.default_rng(7)
    hits = 0
    for _ in range(400):
        t = compare.comparison_table(_synthetic_summary(rng, 10, 2.0), ["turnover_rate"])
        row = t[t.scenario == "other"].iloc[0]
        hits += row.diff_ci_low <= 2.0 <= row.diff_ci_high
    assert abs(hits / 400 - 0.95) < 3 * math.sqrt(0.95 * 0.05 / 400)


def test_payback_year_and_wilson_interval():
    assert compare.payback_year(np.array([5.0, 2.0, -1.0, -3.0])) == 3
    assert compare.payback_year(np.array([-1.0, -2.0])) == 0
    assert math.isinf(compare.payback_year(np.array([1.0, 2.0])))
    lo, hi = compare.wilson(10, 10)
    assert hi == pytest.approx(1.0) and 0.6 < lo < 0.75


def test_find_root_on_a_synthetic_monotone_function():
    calls = []

    def f(x):
        calls.append(x)
        return x ** 3 - 8.0, 0.6

    res = breakeven.find_root(f, 0.0, 5.0, xtol=1e-6)
    assert res.root == pytest.approx(2.0, abs=1e-5)
    assert len(calls) < 40
    # delta method: half-width / slope of the least-squares line through the evaluations
    assert res.ci_low < 2.0 < res.ci_high
    assert res.ci_high - res.root == pytest.approx(0.6 / abs(res.slope))


def test_net_cost_targets_name_their_view():
    assert breakeven.parse_target("net_cost") == ("net_cost", 0.0)
    assert breakeven.COST_TARGETS["net_cost"] == "economic_cost_sek"
    assert breakeven.COST_TARGETS["net_cost_budget"] == "total_cost_sek"
    assert "economic view" in breakeven_text.target_label("net_cost", 0.0)
    assert "budget view" in breakeven_text.target_label("net_cost_budget", 0.0)
    base = pd.DataFrame({"replication": [0, 1], "total_cost_sek": [10.0, 20.0],
                         "economic_cost_sek": [100.0, 200.0], "turnover_rate": [0.2, 0.2]})
    other = base.assign(total_cost_sek=[14.0, 24.0], economic_cost_sek=[90.0, 190.0])
    m_budget, _ = breakeven.paired_objective("net_cost_budget", 0.0, base, other, 2.0)
    m_econ, _ = breakeven.paired_objective("net_cost", 0.0, base, other, 2.0)
    assert m_budget == pytest.approx(2.0) and m_econ == pytest.approx(-5.0)


def test_find_root_says_when_the_range_holds_no_root():
    res = breakeven.find_root(lambda x: (x + 1.0, 0.0), 0.0, 5.0)
    assert res.status == "none" and math.isnan(res.root)
    assert res.ends == ((0.0, 1.0), (5.0, 6.0))
    words = " ".join(breakeven_text.describe(res, "p", "net_cost", 0.0))
    assert "stays positive" in words and "pays for itself" in words
    assert "SEK 1 per year at 0" in words and "economic view" in words
    with pytest.raises(UserError, match="greater than"):
        breakeven.find_root(lambda x: (x, 0.0), 5.0, 1.0)


def test_a_root_interval_is_cut_at_the_range_and_printed_without_exponents():
    res = breakeven.RootResult(root=1962.3, ci_low=-13310.0, ci_high=17240.0, slope=1.0,
                               evaluations=[{"value": 0.0}, {"value": 20000.0}])
    line = breakeven_text.describe(res, "p", "turnover_rate", 0.15)[0]
    assert line == "  p = 1,962  95 % interval [0, 17,240] (cut at the range searched)"


def test_a_zero_at_the_bound_where_the_measure_is_the_base_is_no_answer():
    """A supplement of 0 is the base itself (objective exactly 0 with common random
    numbers): the search looks inside the range instead of answering 0."""
    cost = lambda x: (0.0 if x == 0 else 100.0 + 2.0 * x, 1.0)   # noqa: E731
    res = breakeven.find_root(cost, 0.0, 6000.0)
    assert res.status == "none" and res.ends[0][0] == pytest.approx(300.0)
    saves_after_2000 = lambda x: (0.0 if x == 0 else 2000.0 - x, 1.0)   # noqa: E731
    res = breakeven.find_root(saves_after_2000, 0.0, 6000.0)
    assert res.status == "root" and res.root == pytest.approx(2000.0, abs=10)


FAST = ["--years", "2", "--warmup-years", "0.5", "--replications", "3", "--quiet"]


def test_compare_command_writes_paired_tables(tmp_path, capsys):
    out = tmp_path / "cmp"
    code = simulate.main(["compare", str(BASELINE), str(SCENARIOS / "smaller_groups.yaml"),
                          str(SCENARIOS / "no_consultants.yaml"), "--out", str(out), *FAST,
                          "--details"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "Smaller groups" in printed and "net cost per year" in printed
    assert "budget view" in printed and "economic view" in printed
    assert "not priced in the economic view" in printed
    assert printed.index("The options ranked") < printed.index("Base: Today (no measure)")
    assert any(ch.isdigit() and "," in printed for ch in printed)
    comp = pd.read_parquet(out / "comparison.parquet")
    assert {"scenario", "metric", "mean", "ci_low", "ci_high", "diff", "diff_ci_low",
            "diff_ci_high"} <= set(comp.columns)
    assert (comp[comp.scenario == "baseline"]["diff"] == 0).all()
    costs = pd.read_parquet(out / "costs.parquet")
    assert list(costs.columns) == ["scenario", "replication", "seed", "year", "category",
                                   "view", "block", "sek"]
    assert "policy_smaller_groups" in set(costs[costs.scenario == "smaller_groups"].category)
    cb = pd.read_parquet(out / "cost_benefit.parquet")
    measures = set(cb.measure)
    assert {"policy_cost_per_year", "net_cost_budget_sek_per_year",
            "net_cost_economic_sek_per_year", "p_saves_budget", "p_saves_economic",
            "exits_avoided_per_year", "cost_per_avoided_exit", "payback_year",
            "recruitment_cost_change_per_year", "consultants_cost_change_per_year",
            "queue_trend_per_year", "paid_time_off_casework_per_year",
            "work_lost_measure_time_per_year"} <= measures
    # no per-option average replacement cost (the unit's is a marginal probe)
    assert not {m for m in measures if "replacement" in m}
    assert "service_flag" in cb.columns
    # budget net = policy cost + the changes in cost + payroll change + paid time moved
    # (its own part, not in the payroll change); economic = budget + work lost; one sign
    # throughout: a cost is positive
    sg = cb[cb.scenario == "smaller_groups"].set_index("measure")["mean"]
    changes = sum(sg[m] for m in sg.index if m.endswith("_cost_change_per_year"))
    assert not [m for m in sg.index if m.startswith("saving_")]
    assert sg["net_cost_budget_sek_per_year"] == pytest.approx(
        sg["policy_cost_per_year"] + changes + sg["payroll_change_per_year"]
        + sg["paid_time_off_casework_per_year"], rel=1e-6)
    assert sg["net_cost_economic_sek_per_year"] == pytest.approx(
        sg["net_cost_budget_sek_per_year"] + sg["work_lost_change_per_year"], rel=1e-6)
    # no_consultants costs no cash: no payback is computed for it
    assert np.isnan(cb[(cb.scenario == "no_consultants")
                       & (cb.measure == "payback_year")]["mean"].iloc[0])
    summary = pd.read_parquet(out / "summary.parquet")
    assert summary.groupby("scenario").size().tolist() == [3, 3, 3]


def test_compare_uses_common_random_numbers():
    """Two copies of the same scenario compared: every paired difference is zero."""
    from model.experiment.compare import run_comparison
    a = scenario("simulation.years=1", "simulation.warmup_years=0.5", "name=a")
    b = scenario("simulation.years=1", "simulation.warmup_years=0.5", "name=b")
    t = run_comparison([a, b], seed=3, replications=3)
    comp = compare.comparison_table(t["summary"])
    assert (comp["diff"].abs() < 1e-9).all()


@pytest.mark.slow
def test_breakeven_command_finds_a_supplement(tmp_path, capsys):
    out = tmp_path / "be"
    code = simulate.main(["breakeven", str(SCENARIOS / "pay_supplement_jonkoping.yaml"),
                          "--param", "policies.salary_ladder.steps.0.supplement_sek_per_month",
                          "--low", "0", "--high", "6000", "--target", "turnover_rate=0.115",
                          "--out", str(out), "--years", "2", "--warmup-years", "0.5",
                          "--replications", "4", "--quiet"])
    assert code == 0
    ev = pd.read_parquet(out / "evaluations.parquet")
    assert len(ev) >= 3
    assert "supplement_sek_per_month = " in capsys.readouterr().out


def test_breakeven_says_in_words_that_no_value_pays(tmp_path, capsys):
    out = tmp_path / "be"
    code = simulate.main(["breakeven", str(SCENARIOS / "pay_supplement_jonkoping.yaml"),
                          "--param", "policies.salary_ladder.steps.0.supplement_sek_per_month",
                          "--low", "500", "--high", "600", "--out", str(out),
                          "--years", "1", "--warmup-years", "0", "--replications", "2",
                          "--quiet"])
    printed = capsys.readouterr().out
    assert code == 0
    assert "stays positive across the range" in printed and "widen" not in printed
    assert json.loads((out / "manifest.json").read_text())["status"] == "none"


@pytest.mark.parametrize("argv, fragment", [
    (["breakeven", "SC", "--param", "policies.salary_ladder.steps.0.supplement_sek_per_month",
      "--low", "0", "--high", "10", "--target", "speed=3"], "allowed: net_cost"),
    (["breakeven", "SC", "--param", "policies.nonsense", "--low", "0", "--high", "1"],
     "policies.nonsense"),
])
def test_breakeven_bad_input(argv, fragment, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    argv = [str(SCENARIOS / "pay_supplement_jonkoping.yaml") if a == "SC" else a for a in argv]
    code = simulate.main(argv + ["--years", "1", "--warmup-years", "0", "--replications", "2",
                                 "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and fragment in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "results").exists()


@pytest.mark.parametrize("yaml_text, field", [
    ("policies:\n  flying_cars: {}\n", "policies.flying_cars"),
    ("policies:\n  salary_ladder:\n    steps:\n"
     "      - {name: a, min_years: 5, supplement_sek_per_month: 1000}\n"
     "      - {name: b, min_years: 2, supplement_sek_per_month: 2000}\n",
     "policies.salary_ladder.steps"),
    ("policies:\n  introduction_programme:\n    mentor_hours_year1: -4\n",
     "policies.introduction_programme.mentor_hours_year1"),
    ("policies:\n  working_time:\n    client_hours_per_day: 7\n    recovery_hours_per_day: 3\n",
     "policies.working_time"),
])
def test_bad_policy_files(yaml_text, field, tmp_path, capsys):
    f = tmp_path / "bad.yaml"
    f.write_text(f"extends: {BASELINE}\n" + yaml_text)
    code = simulate.main(["compare", str(BASELINE), str(f), "--out", str(tmp_path / "o"),
                          "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and field in err and "bad.yaml" in err
    assert not (tmp_path / "o").exists()
