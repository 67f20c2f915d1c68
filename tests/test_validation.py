"""Bad scenarios and overrides: one line naming file and field, exit code 2, nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import simulate
from conftest import BASELINE, BUNDLED_FILES, ROOT

BAD = Path(__file__).parent / "bad_scenarios"

# file -> (the file the message must name, the field path it must name)
CASES = {
    "negative_posts.yaml": ("negative_posts.yaml", "unit.posts"),
    "unknown_key.yaml": ("unknown_key.yaml", "unit.postz"),
    "wrong_type.yaml": ("wrong_type.yaml", "unit.posts"),
    "list_for_scalar.yaml": ("list_for_scalar.yaml", "unit.posts"),
    "nan_value.yaml": ("nan_value.yaml", "unit.posts"),
    "inf_value.yaml": ("inf_value.yaml", "sick_leave.long_mean_days"),
    "yaml_syntax.yaml": ("yaml_syntax.yaml:4:", "YAML syntax error"),
    "missing_extends.yaml": ("missing_extends.yaml", "extends"),
    "cycle_a.yaml": ("cycle_b.yaml", "extends"),
    "probability_above_one.yaml": ("probability_above_one.yaml",
                                   "recruitment.failure_probability"),
    "unknown_distribution.yaml": ("unknown_distribution.yaml",
                                  "recruitment.time_to_hire_days"),
    "uniform_low_above_high.yaml": ("uniform_low_above_high.yaml",
                                    "recruitment.experienced_prior_years"),
    "shares_not_one.yaml": ("shares_not_one.yaml", "cases.investigations.complexity"),
    "unknown_rule.yaml": ("unknown_rule.yaml", "assignment.rule"),
    "tenure_bands_decreasing.yaml": ("tenure_bands_decreasing.yaml",
                                     "attrition.tenure_multipliers"),
    "phases_last_not_open.yaml": ("phases_last_not_open.yaml", "phases"),
    "salary_steps_not_increasing.yaml": ("salary_steps_not_increasing.yaml",
                                         "pay.salary_by_experience"),
    "zero_replications.yaml": ("zero_replications.yaml", "simulation.replications"),
    "duplicate_key.yaml": ("duplicate_key.yaml:", "duplicate key 'unit'"),
    "top_level_list.yaml": ("top_level_list.yaml", "mapping"),
    "hours_exceed_client_time.yaml": ("hours_exceed_client_time.yaml", "work_time"),
    "absurd_posts.yaml": ("absurd_posts.yaml", "unit.posts"),
    "absurd_years.yaml": ("absurd_years.yaml", "simulation.years"),
    "tenure_bin_reversed.yaml": ("tenure_bin_reversed.yaml",
                                 "initial_state.tenure_distribution.0"),
    "zero_relative_rate.yaml": ("zero_relative_rate.yaml", "sick_leave.job_strain_rr"),
}

OVERRIDES = {
    "unit.posts=abc": "unit.posts",
    "unit.nonsense=1": "unit.nonsense",
    "attrition.hazard_ratios.demand=-1": "attrition.hazard_ratios.demand",
    "simulation.replications=1e12": "simulation.replications",
    "consultants.max_share_of_posts=2": "consultants.max_share_of_posts",
    "unit.posts": "path.to.param=value",
    "cases.investigations.legal_limit_days=[1,2]": "cases.investigations.legal_limit_days",
}


def test_corpus_is_large_enough():
    assert len(CASES) + len(OVERRIDES) >= 20
    assert {p.name for p in BAD.glob("*.yaml")} >= set(CASES)


def _run(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = simulate.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_run(name, capsys, tmp_path, monkeypatch):
    """`run` on a bad file: exit 2, one line naming file and field, nothing written."""
    fname, field = CASES[name]
    code, out, err = _run(["run", str(BAD / name), "--out", str(tmp_path / "res"),
                           "--quiet"], capsys, tmp_path, monkeypatch)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert fname in lines[0] and field in lines[0], lines[0]
    assert "Traceback" not in err
    assert not (tmp_path / "res").exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("override", sorted(OVERRIDES))
def test_bad_override(override, capsys, tmp_path, monkeypatch):
    code, out, err = _run(["validate", str(BASELINE), "--set", override], capsys, tmp_path,
                          monkeypatch)
    assert code == 2
    line = err.strip()
    assert "\n" not in line
    assert f"--set {override}" in line and OVERRIDES[override] in line, line


@pytest.mark.parametrize("argv, fragment", [
    (["run", "BASELINE", "--replications", "0"],
     "--replications 0: field 'simulation.replications': got 0; input should be greater "
     "than or equal to 1"),
    (["run", "BASELINE", "--years", "-1"], "--years -1: field 'simulation.years'"),
    (["run", "BASELINE", "--years", "nan"], "--years must be a finite number"),
    (["run", "BASELINE", "--workers", "0"], "--workers must be at least 1"),
    (["run", "BASELINE", "--seed", "x"], "--seed must be a whole number"),
    (["run", "BASELINE", "--bogus"], "unrecognized arguments: --bogus"),
    (["run", "missing.yaml"], "missing.yaml: file not found"),
    (["run", "."], "is a directory"),
])
def test_bad_cli_arguments(argv, fragment, capsys, tmp_path, monkeypatch):
    argv = [str(BASELINE) if a == "BASELINE" else a for a in argv]
    monkeypatch.chdir(tmp_path)
    try:
        code = simulate.main(argv)
    except SystemExit as exc:   # argparse errors
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert fragment in err and len(err.strip().splitlines()) == 1, err


def test_out_path_that_is_a_file_is_refused(capsys, tmp_path, monkeypatch):
    target = tmp_path / "taken"
    target.write_text("keep me")
    code, out, err = _run(["run", str(BASELINE), "--out", str(target), "--quiet",
                           "--years", "1", "--warmup-years", "0", "--replications", "1"],
                          capsys, tmp_path, monkeypatch)
    assert code == 2 and "exists and is a file" in err
    assert target.read_text() == "keep me"


def test_every_shipped_scenario_is_valid():
    for f in BUNDLED_FILES:
        assert simulate.main(["validate", str(f)]) == 0, f


def test_schema_command_prints_json_schema(capsys):
    assert simulate.main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["additionalProperties"] is False
    assert "extends" in schema["properties"]
    assert "attrition" in schema["properties"]


@pytest.mark.slow
def test_validation_error_has_no_traceback_in_a_real_process(tmp_path):
    """The same through a real interpreter: stderr is one line, exit code 2."""
    proc = subprocess.run([sys.executable, str(ROOT / "simulate.py"), "run",
                           str(BAD / "negative_posts.yaml")], capture_output=True, text=True,
                          cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "unit.posts" in proc.stderr
    assert not (tmp_path / "results").exists()


def test_alias_bomb_is_rejected_quickly(tmp_path):
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    f = tmp_path / "bomb.yaml"
    f.write_text("\n".join(bomb) + "\ndescription: *i\n")
    from model.config.scenario import load_scenario
    from model.errors import ScenarioError
    with pytest.raises(ScenarioError, match="too large"):
        load_scenario(f)
