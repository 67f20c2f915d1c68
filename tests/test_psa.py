"""Uncertainty in the assumptions (probabilistic sensitivity analysis): which parameters
are drawn, how draws are shared by the options, and the decision tables (p_best, CEAC,
EVPPI) against cases whose answer is known."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from conftest import ROOT, cli, one_line_error, scenario
from model.config import uncertain
from model.config.scenario import load_scenario_text
from model.errors import ScenarioError
from model.experiment import psa

SIX_PLUS_TWO = ROOT / "scenarios" / "six_plus_two.yaml"
BASE = ROOT / "scenarios" / "baseline.yaml"
GAIN = "policies.working_time.productivity_gain"


def test_every_declared_range_lies_within_its_parameters_bounds():
    uncertain.check_declarations()
    paths = {u.path for u in uncertain.declared()}
    # assumptions and sourced intervals are drawn; decisions and unit facts are not
    assert GAIN in paths and "attrition.hazard_ratios.demand" in paths
    assert "unit.posts" not in paths and "simulation.years" not in paths
    assert "cases.investigations.per_post_per_year" not in paths


def test_a_range_outside_the_parameters_bounds_is_refused_naming_the_field():
    text = ("extends: baseline.yaml\nuncertainty:\n  " + GAIN
            + ": {dist: uniform, low: -0.1, high: 0.3}\n")
    with pytest.raises(ScenarioError) as exc:
        load_scenario_text(text, ROOT / "scenarios" / "bad_uncertainty.yaml")
    msg = str(exc.value)
    assert "uncertainty" in msg and GAIN in msg and ">= 0" in msg and "\n" not in msg


def test_a_path_that_is_no_parameter_is_refused():
    text = "uncertainty:\n  unit.no_such: {dist: pert, low: 0, high: 1}\n"
    with pytest.raises(ScenarioError, match="unit.no_such' is not a parameter"):
        load_scenario_text(text, ROOT / "scenarios" / "bad_uncertainty.yaml")


def test_a_scenario_can_hold_a_parameter_fixed_or_restate_its_range():
    sc = scenario(path=SIX_PLUS_TWO)
    assert GAIN in {s.path for s in uncertain.specs_for(sc)}
    fixed = sc.model_copy(update={"uncertainty": {GAIN: uncertain.Scenario.model_fields[
        "uncertainty"].annotation.__args__[1](dist="fixed")}})
    assert GAIN not in {s.path for s in uncertain.specs_for(fixed)}


def test_draws_are_shared_by_the_options_and_independent_of_the_others():
    base, option = scenario(path=BASE), scenario(path=SIX_PLUS_TWO)
    _, both = psa.plan([base, option], 8, seed=5)
    _, alone = psa.plan([option], 8, seed=5)
    q = both.pivot_table(index=["draw", "parameter"], columns="scenario", values="quantile")
    shared = q.dropna()
    # every parameter the two have in common takes the same quantile in each draw
    assert len(shared) > 8 * 30
    assert np.allclose(shared[base.name], shared[option.name])
    # an option's draws do not depend on which other options are compared
    mine = both[both.scenario == option.name].reset_index(drop=True)
    assert np.allclose(mine["value"], alone["value"])
    # the measure's own assumption is drawn for the option only
    assert GAIN in set(mine.parameter) and GAIN not in set(both[both.scenario == base.name]
                                                            .parameter)


def test_pert_draws_have_the_pert_mean_and_stay_in_range():
    spec = uncertain.Uncertain("x", 0.0, 0.35)
    u = uncertain.quantiles(["x"], 4000, seed=1)["x"]
    values = np.array([uncertain.value_at(v, spec, 0.15) for v in u])
    assert values.min() >= 0 and values.max() <= 0.35
    # Latin hypercube: the sample mean is far closer than sd / sqrt(n); allow 3 sd / sqrt(n)
    tol = 3 * values.std() / math.sqrt(values.size)
    assert abs(values.mean() - uncertain.mean_of(spec, 0.15)) < tol
    assert abs(np.median(values) - 0.15) < 0.03      # the mode pulls the middle towards it


def _outcomes(inb_by_option: dict[str, np.ndarray], avoided=None) -> pd.DataFrame:
    n = len(next(iter(inb_by_option.values())))
    rows = [pd.DataFrame({"scenario": "base", "draw": range(n), "net_cost_economic": 0.0,
                          "exits_avoided": 0.0})]
    for name, inb in inb_by_option.items():
        rows.append(pd.DataFrame({"scenario": name, "draw": range(n),
                                  "net_cost_economic": -inb,
                                  "exits_avoided": (avoided or {}).get(name, 0.0)}))
    return pd.concat(rows, ignore_index=True)


def test_evppi_and_the_flip_value_match_a_case_with_a_known_answer():
    # net benefit theta - 0.3 with theta uniform on (0, 1): adopting is right on average
    # (mean 0.2) but wrong below 0.3; EVPPI = E[max(0, -(theta - 0.3))] = 0.3^2 / 2
    n = 400
    rng = np.random.default_rng(3)
    theta = (rng.permutation(n) + rng.random(n)) / n
    noise = rng.normal(0, 0.05, n)
    out = _outcomes({"a": theta - 0.3 + noise})
    draws = pd.DataFrame({"scenario": "a", "draw": range(n), "parameter": ["t"] * n,
                          "quantile": theta, "value": theta})
    draws = pd.concat([draws, draws.assign(parameter="irrelevant",
                                           value=rng.random(n))], ignore_index=True)
    table = psa.evppi(out, draws).set_index("parameter")
    # the regression's error on a mean over 400 draws is ~0.05 / 20; allow 0.01
    assert table.loc["t", "evppi_sek_per_year"] == pytest.approx(0.045, abs=0.01)
    assert table.loc["t", "flip_value"] == pytest.approx(0.3, abs=0.03)
    assert table.loc["irrelevant", "evppi_sek_per_year"] < 0.005
    assert psa.decisive(table.reset_index()).parameter.iloc[0] == "t"


def test_p_best_excludes_options_with_a_service_warning_and_ceac_follows_the_value():
    n = 100
    cheap = np.full(n, 1000.0)            # saves 1,000 a year, avoids no exits
    costly = np.full(n, -5000.0)          # costs 5,000 a year, avoids 0.1 exits a year
    out = _outcomes({"cheap": cheap, "costly": costly}, {"costly": 0.1})
    rows = {r["scenario"]: r for r in psa.p_best_rows(out, warned=set())}
    assert rows["cheap"]["mean"] == 1.0 and rows["costly"]["mean"] == 0.0
    warned = {r["scenario"]: r for r in psa.p_best_rows(out, warned={"cheap"})}
    assert math.isnan(warned["cheap"]["mean"]) and warned["costly"]["mean"] == 0.0
    curve = psa.ceac(out, set()).pivot(index="value_per_avoided_exit_sek",
                                       columns="scenario", values="p_best")
    # costly wins once 0.1 exits are worth more than 6,000 a year: above 60,000 per exit
    assert curve.loc[50_000, "cheap"] == 1.0 and curve.loc[100_000, "costly"] == 1.0
    assert np.allclose(curve.sum(axis=1), 1.0)


def test_too_few_draws_and_replications_beside_draws_are_refused(capsys, tmp_path):
    code, _, err = cli(["compare", BASE, SIX_PLUS_TWO, "--uncertainty", "5", "--out",
                        tmp_path / "x"], capsys)
    assert code != 0
    one_line_error(err, "at least 24 draws")
    code, _, err = cli(["compare", BASE, SIX_PLUS_TWO, "--uncertainty", "24",
                        "--replications", "4", "--out", tmp_path / "y"], capsys)
    assert code != 0
    one_line_error(err, "--per-draw")
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()


@pytest.mark.slow
def test_a_comparison_under_uncertainty_writes_the_decision_tables(capsys, tmp_path):
    args = [BASE, SIX_PLUS_TWO, "--uncertainty", "24", "--years", "1", "--warmup-years",
            "0", "--quiet"]
    code, out, _ = cli(["compare", *args, "--workers", "1", "--out", tmp_path / "a"], capsys)
    assert code == 0
    code, _, _ = cli(["compare", *args, "--workers", "2", "--out", tmp_path / "b"], capsys)
    assert code == 0
    code, _, err = cli(["compare", *args, "--workers", "1", "--scheduler", "local", "--out",
                        tmp_path / "c"], capsys)
    assert code == 0, err
    a, b = tmp_path / "a", tmp_path / "b"
    evppi = pd.read_parquet(a / "evppi.parquet")
    assert {"scenario", "parameter", "evppi_sek_per_year"} <= set(evppi.columns)
    assert GAIN in set(evppi.parameter) and (evppi.evppi_sek_per_year >= 0).all()
    cb = pd.read_parquet(a / "cost_benefit.parquet")
    assert "p_best" in set(cb.measure)
    summary = pd.read_parquet(a / "summary.parquet")
    assert summary.groupby("scenario").draw.nunique().eq(24).all()
    # the same seed gives identical tables, serial, on the pool or on Dask
    for name in ("summary", "cost_benefit", "evppi", "ceac", "draws"):
        for other in (b, tmp_path / "c"):
            pd.testing.assert_frame_equal(pd.read_parquet(a / f"{name}.parquet"),
                                          pd.read_parquet(other / f"{name}.parquet"))
    # the console says what the intervals count, and so does the dashboard's intro
    assert "24 draws of the assumptions" in out
    assert cli(["dashboard", a], capsys)[0] == 0
    page = (a / "dashboard.html").read_text(encoding="utf-8")
    assert 'data-i18n="intro_psa"' in page and 'data-i18n="intro"' not in page
    # the cards' intervals of levels are the spread of the futures, as that intro and
    # the brief say (not the narrower interval of the mean)
    from model.experiment.intervals import spread_interval
    from model.present.dashboard.data import kpi_table, load_results
    kt = kpi_table(load_results(a)).set_index(["scenario", "kpi"])
    base = summary[summary.scenario == summary.scenario.iloc[0]]
    m, lo, hi = spread_interval(base.draw.to_numpy())(base.turnover_rate.to_numpy(float))
    card = kt.loc[(base.scenario.iloc[0], "turnover_rate")]
    assert (card["low"], card["high"]) == pytest.approx((lo, hi))
    # and the brief's STRESS-DES checklist names draws and the spread, not replications
    from model.present.dashboard.stress import stress_des
    checklist = stress_des(load_results(a), "en")
    assert "24 draws of the uncertain assumptions" in checklist
    assert "Student-t" not in checklist and "span of the futures" in checklist


def test_draws_are_kept_only_where_the_base_shows_a_turnover_units_show(tmp_path):
    """Rejection on the calibration target: of OVERSAMPLE x N candidate draws, the first
    N whose base (first run) has a turnover in simulation.plausible_turnover are kept, in
    candidate order; the rest are not in any table. A range no draw meets is refused in
    one line naming it."""
    from model.errors import UserError
    from model.experiment import psa
    scs = [scenario("simulation.years=1", "simulation.warmup_years=0.5")]
    t = psa.run(scs, seed=5, draws=24, per_draw=1)
    screen, summary = t["screen"], t["summary"]
    assert len(screen) == 24 * psa.OVERSAMPLE and screen.kept.sum() == 24
    lo, hi = scs[0].simulation.plausible_turnover
    kept = screen[screen.kept]
    assert kept.base_turnover.between(lo, hi).all()
    # the first 24 plausible candidates, in order
    plausible = screen[screen.base_turnover.between(lo, hi)].draw.head(24)
    assert list(kept.draw) == list(plausible)
    assert sorted(summary.draw) == sorted(kept.draw)
    left_out, examined = psa.screen_counts(screen)
    assert examined == kept.draw.max() + 1 and left_out == examined - 24
    assert left_out == int((~screen.head(examined).base_turnover.between(lo, hi)).sum())
    assert set(t["draws"].draw) == set(kept.draw)
    assert summary.set_index("draw").turnover_rate.loc[kept.draw].between(lo, hi).all()
    with pytest.raises(UserError, match="0%-0%"):
        psa.run(scs, seed=5, draws=24, per_draw=1, plausible=(0.0, 0.001))


def test_the_redesign_share_and_the_consultants_price_are_drawn_where_not_defined():
    """How much of the freed time a unit finds by redesign is not measured, so it is an
    uncertain assumption (drawn); the options defined without redesign hold it at 0."""
    from model.config.scenario import load_scenario
    path = "policies.working_time.redesign_share"

    def drawn(name):
        return {u.path for u in uncertain.specs_for(load_scenario(ROOT / "scenarios"
                                                                  / f"{name}.yaml"))}
    assert path in drawn("six_plus_two") and path in drawn("six_and_half_hours")
    assert path not in drawn("six_plus_two_no_redesign")
    assert path not in drawn("seven_hours")
    # the consultants' price, which drives the savings of options that fill posts, is
    # drawn over its documented range (2-3x an employee's cost)
    assert "consultants.cost_sek_per_month" in drawn("baseline")


def test_the_screen_runs_only_the_candidates_it_needs_and_keeps_the_same_draws(monkeypatch):
    """The screen runs candidates in rounds until it has enough plausible draws: the
    draws kept and every table are those of screening all candidates at once, with fewer
    runs."""
    from model.experiment import batches, psa
    scs = [scenario("simulation.years=1", "simulation.warmup_years=0.5")]
    runs = []
    real = batches.run_replications

    def counting(items, *a, **k):
        runs.append(len(items))
        return real(items, *a, **k)

    monkeypatch.setattr(batches, "run_replications", counting)
    rounds = psa.run(scs, seed=5, draws=24, per_draw=1)
    screened_in_rounds = sum(runs[:-1])
    runs.clear()
    monkeypatch.setattr(psa, "screen_round", lambda *a: 24 * psa.OVERSAMPLE)
    at_once = psa.run(scs, seed=5, draws=24, per_draw=1)
    assert runs[0] == 24 * psa.OVERSAMPLE
    assert screened_in_rounds < 24 * psa.OVERSAMPLE
    for name in ("summary", "costs", "draws"):
        pd.testing.assert_frame_equal(rounds[name], at_once[name], check_exact=True)
    both = rounds["screen"].base_turnover.notna()
    assert (rounds["screen"].kept == at_once["screen"].kept).all()
    assert np.array_equal(rounds["screen"].base_turnover[both],
                          at_once["screen"].base_turnover[both])
    assert both.sum() == screened_in_rounds


def test_a_screen_round_asks_for_what_the_acceptance_seen_so_far_needs():
    from model.experiment.psa import screen_round
    assert screen_round(48, 0, 0, 2) == 48 * 12 // 10 + 1 + 2      # all accepted so far
    assert screen_round(10, 30, 60, 1) == 24 + 1                    # half accepted
    assert screen_round(10, 0, 40, 1) == 48 + 1                     # floor at one in four


def test_a_failed_screen_names_the_bases_turnover_and_an_extreme_span_of_control(
        tmp_path, capsys):
    # nothing lies in a range of 0-1 % a year: the screen fails after its 24 x OVERSAMPLE
    # candidates, and the error says where the base's turnover was (its median over the
    # candidates examined) and, for 80 posts with the baseline's 2 managers, the span
    argv = ["compare", "baseline", "six_plus_two", "--uncertainty", "24", "--years", "1",
            "--warmup-years", "0", "--quiet", "--workers", "2", "--out", tmp_path / "x",
            "--set", "simulation.plausible_turnover=[0.0, 0.01]"]
    code, _, err = cli([*argv, "--set", "unit.posts=80"], capsys)
    assert code == 2
    one_line_error(err, f"only 0 of {24 * psa.OVERSAMPLE} draws")
    median = float(err.split("median over the draws was ")[1].split("%")[0])
    assert median > 1
    assert "span of control 40 staff per manager" in err and "unit.managers" in err
    code, _, err = cli(argv, capsys)
    assert code == 2 and "median over the draws" in err and "span of control" not in err
    assert not (tmp_path / "x").exists()
