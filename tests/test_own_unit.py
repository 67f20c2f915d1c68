"""Your own unit, correctly: the inflow follows the unit, measures apply to any base, the
present state and present turnover can be given, a re-run keeps what is not its own,
and an empty scenario file is refused."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import simulate
from conftest import BASELINE, SCENARIOS, scenario
from model.cli import runs
from model.config.capacity import expected_load, span_far, span_z
from model.config.measures import load_on_base
from model.config.scenario import load_scenario
from model.errors import ScenarioError
from model.experiment import run_scenario
from model.sim.workforce import Model

TINY = ["--replications", "2", "--years", "1", "--warmup-years", "0", "--quiet",
        "--workers", "1"]


def _main(argv, capsys):
    code = simulate.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _unit(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"extends: {BASELINE}\nname: {name}\n{body}", encoding="utf-8")
    return path


# -- 1. the inflow follows the unit ---------------------------------------------------------

def test_bundled_inflow_per_post_gives_todays_counts():
    base = scenario()
    assert base.cases.investigations.arrivals_per_year == 520        # 13 x 40
    assert base.cases.ongoing.arrivals_per_year == 220               # 5.5 x 40
    small = scenario("unit.posts=25")
    assert small.cases.investigations.arrivals_per_year == 13 * 25
    assert small.cases.ongoing.arrivals_per_year == 5.5 * 25
    kiruna = load_scenario(SCENARIOS / "kiruna_2017.yaml")
    assert (kiruna.cases.investigations.arrivals_per_year,
            kiruna.cases.ongoing.arrivals_per_year) == (429, 182)


def test_inflow_as_a_count_per_post_or_per_1000_children(tmp_path):
    count = _unit(tmp_path, "count", "unit: {posts: 25}\n"
                  "cases: {investigations: {arrivals_per_year: 400}}\n")
    sc = load_scenario(count)
    assert sc.cases.investigations.arrivals_per_year == 400          # a count stays a count
    assert sc.cases.investigations.per_post_per_year is None
    assert sc.cases.ongoing.arrivals_per_year == 5.5 * 25            # the other follows posts
    # the resolved scenario validates again to itself (manifests are read back)
    again = type(sc).model_validate(sc.model_dump(mode="json"))
    assert again.cases == sc.cases
    # a file that gives a count can be extended by one that gives it per post again
    per_post = tmp_path / "per_post.yaml"
    per_post.write_text("extends: count.yaml\ncases: {investigations: {per_post_per_year: 10}}\n")
    assert load_scenario(per_post).cases.investigations.arrivals_per_year == 250
    # --set a count on a per-post file
    assert scenario("cases.investigations.arrivals_per_year=300").cases.investigations \
        .arrivals_per_year == 300
    kids = _unit(tmp_path, "kids", "unit: {posts: 25, children: 8000}\n"
                 "cases: {investigations: {per_1000_children_per_year: 40}}\n")
    assert load_scenario(kids).cases.investigations.arrivals_per_year == 320


@pytest.mark.parametrize("body, fragment", [
    ("cases: {investigations: {per_1000_children_per_year: 40}}\n", "needs unit.children"),
    ("cases: {investigations: {per_post_per_year: 10, arrivals_per_year: 400}}\n",
     "give only one of"),
])
def test_inflow_errors_are_one_line(tmp_path, capsys, body, fragment):
    bad = _unit(tmp_path, "bad", body)
    code, _, err = _main(["validate", bad], capsys)
    assert code == 2 and fragment in err and str(bad) in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_25_post_unit_keeps_a_plausible_overdue_share():
    """With inflow per post, 25 posts get 325 investigations, not the 40-post unit's 520:
    investigations over the legal limit stay rare (8 replications: the baseline's share is
    about 0.001 with a standard deviation of 0.003 per replication, so 0.05 is more than 40
    standard errors away), where the 40-post unit's count sends most of them over it."""
    common = ("simulation.years=3", "simulation.warmup_years=1",
              "simulation.replications=8")
    own = run_scenario(scenario(*common, "unit.posts=25"), workers=2)["summary"]
    assert own.overdue_share.mean() < 0.05
    # (with the managers' response off: it would buy the excess investigations)
    old = run_scenario(scenario(*common, "unit.posts=25",
                                "cases.investigations.arrivals_per_year=520",
                                "cases.ongoing.arrivals_per_year=220",
                                "response.enabled=false"), workers=2)["summary"]
    assert old.overdue_share.mean() > 0.5


def test_validate_and_run_report_utilisation_and_warn_when_unstable(tmp_path, capsys):
    base = scenario()
    load = expected_load(base)
    # 520 x 50.5 h + 220 x 26 weeks x 1.9 h against 40 x 40 h x 0.7 x 45 weeks
    assert load.demand_hours == pytest.approx(520 * 50.5 + 220 * 26 * 1.9)
    assert load.capacity_hours == pytest.approx(40 * 40 * 0.7 * 45)
    code, out, _ = _main(["validate", BASELINE], capsys)
    assert code == 0 and "expected utilisation 74%" in out and "WARNING" not in out
    crowded = _unit(tmp_path, "crowded", "unit: {posts: 25}\ncases:\n"
                    "  investigations: {arrivals_per_year: 520}\n"
                    "  ongoing: {arrivals_per_year: 220}\n")
    code, out, _ = _main(["validate", crowded], capsys)
    warn = [ln for ln in out.splitlines() if "WARNING" in ln]
    assert code == 0 and len(warn) == 1
    assert "118%" in warn[0] and "cannot be stable" in warn[0]
    code, out, _ = _main(["run", crowded, "--out", tmp_path / "r", *TINY], capsys)
    assert code == 0 and "118%" in out and "cannot be stable" in out


def test_a_unit_made_larger_without_its_managers_is_told_of_its_span_of_control(
        tmp_path, capsys):
    # the baseline's 40 posts and 2 managers: 20 staff per manager, z = -(20 - 15) / 7.5;
    # 80 posts and still 2 managers: 40, z = -3.3, beyond the note's -2
    assert span_z(scenario()) == pytest.approx((20, -2 / 3))
    assert not span_far(scenario())
    assert span_z(scenario("unit.posts=80"))[1] == pytest.approx(-10 / 3)
    assert not span_far(scenario("unit.posts=80", "unit.managers=4"))
    assert not span_far(scenario("unit.posts=80", "unit.team_leaders=4"))   # 80 / 4
    assert span_far(scenario("unit.posts=80"))
    code, out, _ = _main(["run", BASELINE, "--set", "unit.posts=80",
                          "--out", tmp_path / "r", *TINY], capsys)
    note = [ln for ln in out.splitlines() if "span of control" in ln]
    assert code == 0 and len(note) == 1 and "40 staff per manager" in note[0]
    assert "unit.managers" in note[0]
    code, out, _ = _main(["run", BASELINE, "--out", tmp_path / "s", *TINY], capsys)
    assert code == 0 and "span of control" not in out


# -- 2. measures on any base ----------------------------------------------------------------

def test_one_measure_on_two_bases(tmp_path, capsys):
    """Overstaffing (10% of the budgeted posts) applied to a 25-post and a 60-post unit:
    each result carries its base's posts and inflow; the measure adds 3 and 6 posts and
    raises the headcount on both bases (a deterministic count of open posts; the mean
    headcount gain is several times its paired standard error here)."""
    measure = SCENARIOS / "overstaffing.yaml"
    gains = {}
    for posts in (25, 60):
        base = _unit(tmp_path, f"unit{posts}", f"unit: {{posts: {posts}}}\n"
                     "description: {sv: Vår enhet, en: Our unit}\n")
        out = tmp_path / f"cmp{posts}"
        code, _, err = _main(["compare", "--base", base, measure, "--out", out,
                              "--replications", "4", "--years", "2", "--warmup-years", "0",
                              "--quiet", "--workers", "2"], capsys)
        assert code == 0, err
        assert f"adds {math.ceil(posts * 0.1)} posts above the budget" in err
        man = json.loads((out / "manifest.json").read_text())
        assert man["measures_on_base"] is True
        (b, m) = man["scenarios"]
        assert b["resolved"]["unit"]["posts"] == m["resolved"]["unit"]["posts"] == posts
        assert m["resolved"]["cases"]["investigations"]["arrivals_per_year"] == 13 * posts
        assert m["name"] == "overstaffing"
        assert m["resolved"]["description"]["en"] != "Our unit"     # the measure's own
        assert m["resolved"]["policies"]["overstaffing"]["extra_share"] == 0.1
        s = pd.read_parquet(out / "summary.parquet")
        head = s.pivot(index="replication", columns="scenario", values="mean_headcount")
        gains[posts] = (head["overstaffing"] - head[f"unit{posts}"]).to_numpy()
        # the brief's list of options says what the measure adds on this base, beside
        # its description of the bundled 40-post unit
        from model.present.dashboard.brief import _options
        from model.present.dashboard.data import load_results
        options = _options(load_results(out), "en")
        added = math.ceil(posts * 0.1)
        assert f"On this base ({posts} posts): {added} posts above the budget" in options
    for posts, g in gains.items():
        se = g.std(ddof=1) / np.sqrt(len(g))
        assert g.mean() > 0.5 and g.mean() > 3 * se, (posts, g)
    assert gains[60].mean() > gains[25].mean()


def test_a_measure_file_holding_only_the_measure(tmp_path):
    base = _unit(tmp_path, "mine", "unit: {posts: 25}\ntitle: {sv: Vår enhet, en: Our unit}\n")
    measure = tmp_path / "more_pay.yaml"
    measure.write_text("title: {sv: Mer lön, en: More pay}\npolicies:\n  salary_ladder:\n"
                       "    steps:\n      - {name: all, min_years: 0, "
                       "supplement_sek_per_month: 1000}\n")
    sc = load_on_base(measure, base)
    assert sc.name == "more_pay" and sc.title.en == "More pay" and sc.unit.posts == 25
    assert sc.description == ""                       # never the base's description
    # krokom_package extends salary_ladder_krokom: the ladder comes along, baseline not
    kp = load_on_base(SCENARIOS / "krokom_package.yaml", base)
    assert kp.policies.salary_ladder is not None and kp.policies.reflection_day is not None
    assert kp.unit.posts == 25


@pytest.mark.slow
def test_main_job_takes_a_base(tmp_path, capsys):
    argv = runs._main_job(["--base", "units/my_unit.yaml"])
    assert argv[:2] == ["compare", str(SCENARIOS / "six_plus_two.yaml")]
    assert argv[argv.index("--out") + 1].endswith("policy_comparison_my_unit")
    assert argv[-2:] == ["--base", "units/my_unit.yaml"]
    assert str(BASELINE) not in argv
    assert runs._main_job([])[1] == str(BASELINE)             # today's main job
    base = _unit(tmp_path, "tiny", "unit: {posts: 10}\n")
    out = tmp_path / "pc"
    code, _, err = _main(["--base", base, "--replications", "2", "--years", "0.25",
                          "--warmup-years", "0", "--quiet", "--out", out], capsys)
    assert code == 0, err
    man = json.loads((out / "manifest.json").read_text())
    names = [s["name"] for s in man["scenarios"]]
    assert names == ["tiny", *runs.MAIN_POLICIES]
    assert {s["resolved"]["unit"]["posts"] for s in man["scenarios"]} == {10}
    assert (out / "dashboard.html").exists()


# -- 3. the present state -----------------------------------------------------------------

def test_vacant_posts_and_consultants_now():
    sc = scenario("initial_state.vacant_posts=5", "initial_state.consultants=3")
    u = Model(sc, 0).unit
    assert u.staff.active[:u.n_positions].sum() == 35
    assert u.staff.active[u.n_positions:].sum() == 3
    assert expected_load(sc).start_capacity_hours == pytest.approx(38 * 40 * 0.7 * 45)
    with pytest.raises(ScenarioError, match="initial_state.consultants"):
        scenario("initial_state.vacant_posts=2", "initial_state.consultants=3")
    with pytest.raises(ScenarioError, match="vacant_posts"):
        scenario("initial_state.vacant_posts=41")


@pytest.mark.slow
def test_calibrate_turnover_meets_the_present_turnover(tmp_path, capsys):
    """calibrate --turnover 0.30 fits the hazard; the calibrated file, run again with the
    calibration's seed, is within the tool's tolerance (0.01) of 0.30, and with another
    seed within 0.01 plus three standard errors of the difference of the two estimates."""
    unit = _unit(tmp_path, "mine", "unit: {posts: 25}\n")
    code, out, err = _main(["calibrate", unit, "--turnover", "0.30", "--replications", "8",
                            "--years", "3", "--warmup-years", "1", "--quiet"], capsys)
    assert code == 0, err
    calibrated = tmp_path / "mine_calibrated.yaml"
    assert "attrition.baseline_hazard_per_year" in out and "met" in out
    assert unit.read_text().endswith("unit: {posts: 25}\n")           # input untouched
    fitted = load_scenario(calibrated)
    assert fitted.attrition.baseline_hazard_per_year > 0.08            # above the baseline's
    common = ["simulation.years=3", "simulation.warmup_years=1"]
    same = run_scenario(load_scenario(calibrated, common + ["simulation.replications=8"]),
                        workers=2)["summary"].turnover_rate
    other = run_scenario(load_scenario(calibrated, common + ["simulation.replications=16",
                                                             "simulation.seed=99"]),
                         workers=2)["summary"].turnover_rate
    assert abs(same.mean() - 0.30) <= 0.01 + 1e-9
    se = math.sqrt(same.var(ddof=1) / len(same) + other.var(ddof=1) / len(other))
    assert abs(other.mean() - 0.30) <= 0.01 + 3 * se
    # one of a targets file and --turnover
    code, _, err = _main(["calibrate", unit], capsys)
    assert code == 2 and "--turnover" in err


# -- 6. nothing deleted or overwritten silently ------------------------------------------------

@pytest.mark.slow
def test_a_rerun_keeps_a_brief_and_the_users_files(tmp_path, capsys):
    out = tmp_path / "cmp"
    cmd = ["compare", BASELINE, SCENARIOS / "six_plus_two.yaml", "--out", out, *TINY]
    assert _main(cmd, capsys)[0] == 0
    assert _main(["report", out], capsys)[0] == 0
    brief = (out / "brief_sv.html").read_bytes()
    (out / "notes.txt").write_text("mine\n")
    code, _, err = _main([*cmd[:-len(TINY)], *TINY, "--seed", "7"], capsys)
    assert code == 0
    assert (out / "brief_sv.html").read_bytes() == brief
    assert (out / "notes.txt").read_text() == "mine\n"
    assert "replaced the earlier comparison" in err and "summary.parquet" in err
    assert "kept your file(s) in it: notes.txt" in err
    assert "kept brief_sv.html" in err and "made from the earlier result" in err
    assert json.loads((out / "manifest.json").read_text())["seed"] == 7


@pytest.mark.parametrize("text", ["", "   \n\t\n", "# only a comment\n"])
def test_an_empty_scenario_file_is_refused(tmp_path, capsys, text):
    empty = tmp_path / "empty.yaml"
    empty.write_text(text)
    for cmd in (["validate", empty], ["run", empty, "--out", tmp_path / "r", *TINY]):
        code, out, err = _main(cmd, capsys)
        assert code == 2 and "is empty" in err and str(empty) in err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.yaml"]


def test_what_a_measure_adds_is_said_in_the_chosen_language():
    """The lines compare --base prints about what a measure adds, in sv and en."""
    from model.config import measures
    from model.config.scenario import load_scenario
    from model.present import measure_text
    base = load_scenario(SCENARIOS / "baseline.yaml", ["unit.posts=25"])
    for name, words in (("overstaffing.yaml", ("3 tjänster utöver budget", "avrundat",
                                                "Överbemanning")),
                        ("admin_support.yaml", ("årsarbetare assistent",))):
        sc = measures.load_on_base(SCENARIOS / name, SCENARIOS / "baseline.yaml",
                                   ["unit.posts=25"])
        sv = measure_text.notes(base, SCENARIOS / name, sc, "sv")
        en = measure_text.notes(base, SCENARIOS / name, sc, "en")
        assert sv and en and sv != en
        assert all(w in sv[-1] for w in words) and "på en bas med 25 tjänster" in sv[-1]
        assert "on a base of 25 posts" in en[-1]


def test_the_lines_before_a_run_speak_the_readers_language(tmp_path, capsys):
    """With --lang sv the utilisation line, the span-of-control note and the estimate of
    a long run are Swedish, as the rest of the console is."""
    from types import SimpleNamespace

    from model.cli.common import _check_size
    from model.experiment import sizing
    code, out, _ = _main(["run", BASELINE, "--set", "unit.posts=80", "--lang", "sv",
                          "--out", tmp_path / "r", *TINY], capsys)
    assert code == 0
    assert "förväntat utnyttjande 74 %" in out and "74 256 ärendetimmar" in out
    assert "ledningsspann 40 medarbetare per chef" in out and "3,3 SD" in out
    assert "expected utilisation" not in out and "span of control" not in out
    work = sizing.replications([scenario()], 900)
    _check_size(work, SimpleNamespace(workers=2, allow_large=False, lang="sv"))
    err = capsys.readouterr().err
    assert err.startswith("Uppskattat: omkring") and "GiB minne" in err
    assert "(900 körningar × 40 tjänster × 12 år)" in err and "replications" not in err
