"""A command line that meets a newcomer: --help says what the bare command does and lists
the main job's options; a bundled scenario is named without its path (a name that
matches nothing lists the names, closest first); a re-run with the same inputs reuses
the stored result and says so (--force recomputes); compare warns when the unit was
calibrated over another horizon or replications, and prints the base's expected
utilisation; a run says when some of its replications were crisis runs."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import simulate
from conftest import BASELINE, SCENARIOS, cli, one_line_error
from model.cli import runs
from model.config import names
from model.errors import UserError

FAST = ["--replications", "2", "--years", "1", "--warmup-years", "0", "--quiet",
        "--workers", "1"]


# -- --help ------------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [["--help"], ["-h"], ["--lang", "sv", "--help"],
                                  ["--base", "x.yaml", "-h"]])
def test_help_says_what_the_bare_command_does_and_lists_the_main_jobs_options(argv, capsys):
    try:
        code = simulate.main(argv)
    except SystemExit as exc:
        code = exc.code
    text = " ".join(capsys.readouterr().out.split())
    assert code == 0
    assert "runs the main job" in text and "scenarios/main_job.txt" in text
    assert f"({len(runs.MAIN_POLICIES)} measures)" in text
    assert f"{runs.MAIN_DRAWS} draws of the uncertain assumptions" in text
    assert "results/policy_comparison/" in text and "dashboard" in text
    assert "briefs in Swedish and English" in text
    assert "run the bundled baseline" not in text          # what it said before
    for option in ("--base FILE", "--lang sv|en", "--details", "--uncertainty 0",
                   "--replications N", "--force", "--workers N"):
        assert option in text, option
    assert "run six_plus_two" in text


# -- a scenario by its name ----------------------------------------------------------------

def test_a_bundled_scenario_is_named_without_its_path(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)                   # anywhere: the bundled folder is found
    assert Path(names.resolve("six_plus_two")).resolve() == SCENARIOS / "six_plus_two.yaml"
    assert Path(names.resolve("six_plus_two.yaml")).resolve() == \
        SCENARIOS / "six_plus_two.yaml"
    code, out, _ = cli(["validate", "six_plus_two", "reflection_day"], capsys)
    assert code == 0 and "ok (six_plus_two)" in out and "ok (reflection_day)" in out
    code, out, err = cli(["run", "baseline", "--out", tmp_path / "r", *FAST], capsys)
    assert code == 0, err
    assert json.loads((tmp_path / "r" / "manifest.json").read_text())["scenario"] == "baseline"
    # a file of that name here comes first
    (tmp_path / "six_plus_two.yaml").write_text(f"extends: {BASELINE}\nname: mine\n")
    assert names.resolve("six_plus_two.yaml") == "six_plus_two.yaml"


def test_a_name_that_matches_nothing_lists_the_names_closest_first(capsys):
    try:
        code, _, err = cli(["run", "six_plus_tw"], capsys)
    except SystemExit as exc:
        code, err = exc.code, capsys.readouterr().err
    assert code == 2
    one_line_error(err, "six_plus_tw: file not found, and no bundled scenario is named "
                        "'six_plus_tw'")
    listed = (err.split("(closest first): ")[1].split(" (see --help)")[0]
              .split("; your own units")[0].split(", "))
    assert listed[:2] == ["six_plus_two", "six_plus_two_no_redesign"]
    assert {p.stem for p in SCENARIOS.glob("*.yaml")} <= set(listed)
    # a path with a folder is not looked up by name, but the names are still listed
    try:
        code, _, err = cli(["compare", "baseline", "elsewhere/reflection_dai.yaml"], capsys)
    except SystemExit as exc:
        code, err = exc.code, capsys.readouterr().err
    assert code == 2 and "closest first): reflection_day, " in err


def test_own_units_are_named_apart_and_their_targets_files_are_no_scenarios(
        tmp_path, monkeypatch):
    own = tmp_path / "own"
    own.mkdir()
    (own / "myunit.yaml").write_text(f"extends: {BASELINE}\nname: myunit\n")
    (own / "myunit_targets.yaml").write_text("targets: []\n")
    monkeypatch.setattr(names, "FOLDERS", (SCENARIOS, own))
    assert Path(names.resolve("myunit")).resolve() == own / "myunit.yaml"
    with pytest.raises(UserError) as e:
        names.resolve("myunit_targets")
    msg = str(e.value)
    bundled, mine = msg.split("(closest first): ")[1].split("; your own units (scenarios/own/): ")
    assert mine == "myunit"
    assert "myunit" not in bundled.split(", ") and "six_plus_two" in bundled.split(", ")


# -- a re-run with the same inputs ------------------------------------------------------------

def test_a_rerun_with_the_same_inputs_reuses_the_stored_result(tmp_path, capsys, monkeypatch):
    out = tmp_path / "r"
    code, first, err = cli(["run", BASELINE, "--out", out, *FAST], capsys)
    assert code == 0 and "same inputs" not in err
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["inputs_sha256"]) == 64
    stamp = (out / "manifest.json").stat().st_mtime_ns

    from model.experiment import jobs

    def no_run(*a, **k):
        raise AssertionError("recomputed")
    monkeypatch.setattr(jobs, "run", no_run)
    code, again, err = cli(["run", BASELINE, "--out", out, *FAST, "--workers", "2"], capsys)
    assert code == 0
    assert f"{out}: the stored result has the same inputs" in err and "--force" in err
    assert (out / "manifest.json").stat().st_mtime_ns == stamp
    assert again.split("Scenario 'baseline'")[1] == first.split("Scenario 'baseline'")[1]
    monkeypatch.undo()
    # --force recomputes; another seed, or another file content, is another input
    for extra in (["--force"], ["--seed", "7"]):
        code, _, err = cli(["run", BASELINE, "--out", out, *FAST, *extra], capsys)
        assert code == 0 and "same inputs" not in err and "replaced the earlier run" in err
    mine = tmp_path / "mine.yaml"
    mine.write_text(f"extends: {BASELINE}\nname: baseline\n")
    code, _, err = cli(["run", mine, "--out", out, *FAST, "--seed", "7"], capsys)
    assert code == 0 and "same inputs" not in err
    code, _, err = cli(["run", mine, "--out", out, *FAST, "--seed", "7"], capsys)
    assert "same inputs" in err
    mine.write_text(f"extends: {BASELINE}\nname: baseline\n# a note\n")
    code, _, err = cli(["run", mine, "--out", out, *FAST, "--seed", "7"], capsys)
    assert code == 0 and "same inputs" not in err


def test_a_comparison_is_reused_with_its_pages(tmp_path, capsys):
    out = tmp_path / "c"
    argv = ["compare", BASELINE, SCENARIOS / "reflection_day.yaml", "--out", out, *FAST,
            "--dashboard"]
    code, first, err = cli(argv, capsys)
    assert code == 0, err
    page = out / "dashboard.html"
    stamp = page.stat().st_mtime_ns
    code, again, err = cli(argv + ["--lang", "sv"], capsys)
    assert code == 0 and "det sparade resultatet har samma indata" in err
    assert page.stat().st_mtime_ns == stamp and str(page) in again
    assert "Alternativen rangordnade" in again
    # another option is another input
    code, _, err = cli(["compare", BASELINE, SCENARIOS / "specialists.yaml", "--out", out,
                        *FAST], capsys)
    assert code == 0 and "same inputs" not in err


def test_a_reused_comparison_says_that_its_brief_has_no_pdf(tmp_path, capsys, monkeypatch):
    from model.present.dashboard import pdf

    def no_browser():
        raise pdf.NoBrowser("no Chromium found")
    monkeypatch.setattr(pdf, "browser", no_browser)
    out = tmp_path / "c"
    argv = ["compare", BASELINE, SCENARIOS / "reflection_day.yaml", "--out", out, *FAST,
            "--brief"]
    code, first, err = cli(argv, capsys)
    assert code == 0, err
    assert "PDF not written: no Chromium found" in first
    code, again, err = cli(argv, capsys)
    assert code == 0 and "same inputs" in err
    assert "PDF not written with this result" in again and "--force" in again
    assert not list(out.glob("*.pdf"))


# -- compare against a calibrated unit ------------------------------------------------------

def _calibrated(tmp_path, sim_args) -> Path:
    """A unit calibrated (the header calibrate writes) with the run settings given."""
    from model.config.scenario import load_scenario
    from model.present.calibration_text import delta_text
    unit = tmp_path / "unit.yaml"
    unit.write_text(f"extends: {BASELINE}\nname: unit\n")
    out = tmp_path / "unit_calibrated.yaml"
    sim = load_scenario(unit, sim_args).simulation
    report = pd.DataFrame([{"target": "turnover_rate", "value": 0.3, "tolerance": 0.01,
                            "simulated": 0.3, "ci_low": 0.29, "ci_high": 0.31, "met": True}])
    out.write_text(delta_text(out, unit, [("attrition.baseline_hazard_per_year", 0, 1)],
                              [0.2], report, "unit", sim))
    return out


def test_compare_warns_when_the_calibration_ran_over_another_horizon(tmp_path, capsys):
    fitted = _calibrated(tmp_path, ["simulation.years=1", "simulation.warmup_years=0",
                                    "simulation.replications=2"])
    measure = SCENARIOS / "reflection_day.yaml"
    code, out, err = cli(["compare", "--base", fitted, measure, "--out", tmp_path / "a",
                          *FAST], capsys)
    assert code == 0 and "calibrated over" not in err
    # the base's expected utilisation, as validate and run print it
    assert "unit_calibrated: expected utilisation 74%" in out
    code, out, err = cli(["compare", "--base", fitted, measure, "--out", tmp_path / "b",
                          *FAST[:2], "--years", "2", *FAST[4:]], capsys)
    assert code == 0
    line = next(x for x in err.splitlines() if "calibrated over" in x)
    assert f"Note: {fitted} was calibrated over 1 years after 0 warm-up years with 2 " \
           "replications, but this runs 2 years after 0 warm-up years with 2 " \
           "replications" in line
    assert line.endswith("as calibrated: --years 1 --warmup-years 0 --replications 2")
    # a file that extends the calibrated one is the calibrated unit too
    mine = tmp_path / "mine.yaml"
    mine.write_text("extends: unit_calibrated.yaml\nname: mine\n")
    code, _, err = cli(["compare", "--base", mine, measure, "--out", tmp_path / "c",
                        *FAST[:2], "--years", "2", *FAST[4:]], capsys)
    assert code == 0 and "calibrated over" in err
    # the replications count too, in Swedish with --lang sv
    code, _, err = cli(["compare", "--base", fitted, measure, "--out", tmp_path / "d",
                        "--replications", "3", *FAST[2:], "--lang", "sv"], capsys)
    assert code == 0 and "kalibrerades över 1 år efter 0 års insvängning med 2 " \
        "replikeringar, men här körs 1 år efter 0 års insvängning med 3 replikeringar" in err
    # under uncertainty the runs are draws of the assumptions: only the horizon counts
    from argparse import Namespace

    from model.config.scenario import load_scenario
    for years, said in (("1", False), ("2", True)):
        sim = load_scenario(fitted, [f"simulation.years={years}", "simulation.warmup_years=0",
                                     "simulation.replications=48"]).simulation
        runs._calibration_note(fitted, sim, Namespace(uncertainty=48, lang="en"))
        assert ("calibrated over" in capsys.readouterr().err) == said


# -- crisis runs ---------------------------------------------------------------------------

NEVER = ["crisis.overdue_share=0.99", "crisis.queue_months=100", "crisis.turnover_share=10",
         "crisis.bought_share=1"]


def test_a_run_says_when_some_of_its_replications_were_crisis_runs(tmp_path, capsys):
    sets = [a for s in ["crisis.turnover_share=0.001"] for a in ("--set", s)]
    code, out, err = cli(["run", BASELINE, "--out", tmp_path / "r", *FAST, *sets], capsys)
    assert code == 0, err
    line = next(x for x in out.splitlines() if "crisis runs" in x)
    assert line.startswith("Note: 2 of 2 runs of Today (no measure) (100%) were crisis "
                           "runs; what made their first crisis year one: ")
    # only the threshold that fired is named, with how many runs it made crises of
    assert "exits of at least 0.1% of the staff (2 of them)" in line
    assert "four-month limit" not in line and "one by one" in line
    # none: nothing said; compare says it of the base, in Swedish with --lang sv
    sets = [a for s in NEVER for a in ("--set", s)]
    code, out, _ = cli(["run", BASELINE, "--out", tmp_path / "n", *FAST, *sets], capsys)
    assert code == 0 and "crisis runs" not in out
    code, out, _ = cli(["compare", BASELINE, SCENARIOS / "reflection_day.yaml", "--out",
                        tmp_path / "c", *FAST, "--set", "crisis.turnover_share=0.001",
                        "--lang", "sv"], capsys)
    assert code == 0
    assert "Obs: 2 av 2 körningar av Nuläge (ingen åtgärd) (100 %) var kriskörningar" in out
    assert "alternativens andelar står i kolumnen Kris" in out


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_comparison_with_its_pages_ends_with_the_next_steps(tmp_path, capsys, monkeypatch,
                                                              lang):
    """After the pages are written the console says what to do next, as the guide's
    steps go: read the brief, bring in one's own unit, the app."""
    from model.present.dashboard import pdf

    def no_browser():
        raise pdf.NoBrowser("no Chromium found")
    monkeypatch.setattr(pdf, "browser", no_browser)
    code, out, err = cli(["compare", BASELINE, SCENARIOS / "reflection_day.yaml", "--out",
                          tmp_path / "c", *FAST, "--brief", "--dashboard", "--lang", lang],
                         capsys)
    assert code == 0, err
    last = out.strip().splitlines()[-1]
    assert last.startswith({"en": "Next:", "sv": "Nästa steg:"}[lang])
    assert "import-hr" in last and "--base scenarios/own/" in last and "app" in last


def test_on_ones_own_unit_the_next_steps_do_not_send_one_back_to_the_import(
        tmp_path, capsys, monkeypatch):
    """compare --base on one's own unit: the unit is in already, so the closing line
    names the brief, the dashboard and the app, not import-hr again."""
    from model.present.dashboard import pdf

    def no_browser():
        raise pdf.NoBrowser("no Chromium found")
    monkeypatch.setattr(pdf, "browser", no_browser)
    code, out, err = cli(["compare", "--base", BASELINE, SCENARIOS / "reflection_day.yaml",
                          "--out", tmp_path / "c", *FAST, "--brief", "--dashboard"], capsys)
    assert code == 0, err
    last = out.strip().splitlines()[-1]
    assert last.startswith("Next:") and "app" in last and "import-hr" not in last
