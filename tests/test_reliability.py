"""Hardening: fuzzed inputs never give a traceback, interruptions leave nothing
half-written, results do not depend on the hash seed, and no user input is evaluated."""

from __future__ import annotations

import ast
import json
import math
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import simulate
from conftest import BASELINE, ROOT, SCENARIOS
from model.config.scenario import load_scenario, read_yaml, validate_data
from model.errors import ScenarioError, UserError
from model.sim.workforce import Model

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12))
documents = st.recursive(scalars, lambda kids: st.one_of(
    st.lists(kids, max_size=4), st.dictionaries(st.text(max_size=10), kids, max_size=4)),
    max_leaves=25)


@FUZZ
@given(doc=documents)
def test_random_yaml_documents_never_crash_the_loader(doc, tmp_path_factory):
    f = tmp_path_factory.mktemp("fuzz") / "s.yaml"
    f.write_text(yaml.safe_dump(doc))
    try:
        load_scenario(f)
    except ScenarioError as exc:
        assert "\n" not in str(exc) and str(f) in str(exc)


BASE_DATA = read_yaml(BASELINE)


def _leaf_paths(node, prefix=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _leaf_paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _leaf_paths(v, prefix + (i,))
    else:
        yield prefix


LEAVES = sorted(_leaf_paths(BASE_DATA), key=str)
weird = st.one_of(st.just(math.nan), st.just(math.inf), st.just(-math.inf),
                  st.just(10**30), st.just(-10**30), st.just(""), st.just([1, 2]),
                  st.just({"a": 1}), st.just(None), st.just(True),
                  st.recursive(st.just(1), lambda k: st.lists(k, max_size=2), max_leaves=40),
                  scalars)


@FUZZ
@given(path=st.sampled_from(LEAVES), value=weird)
def test_mutated_baseline_never_crashes_validation(path, value):
    import copy
    data = copy.deepcopy(BASE_DATA)
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    try:
        validate_data(data, {}, "mutated.yaml")
    except ScenarioError as exc:
        assert "\n" not in str(exc) and "mutated.yaml" in str(exc)


@FUZZ
@given(doc=st.dictionaries(st.sampled_from(["base", "design", "factors", "samples",
                                              "replications", "outputs", "seed", "years"]),
                           documents, max_size=6))
def test_random_sweep_files_never_crash(doc, tmp_path_factory):
    from model.experiment import sweep
    f = tmp_path_factory.mktemp("sfuzz") / "sw.yaml"
    f.write_text(yaml.safe_dump(doc))
    try:
        sweep.load_sweep(f)
    except (ScenarioError, UserError) as exc:
        assert "\n" not in str(exc)


def test_yaml_hazards(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("name: x\n" + "#" * 1_100_000 + "\n")
    with pytest.raises(ScenarioError, match="at most 1000000 bytes"):
        load_scenario(big)
    esc = tmp_path / "escape.yaml"
    esc.write_text("extends: /etc/passwd\n")
    with pytest.raises(ScenarioError, match="must name a .yaml or .yml"):
        load_scenario(esc)
    tagged = tmp_path / "tag.yaml"
    tagged.write_text("name: !!python/object/apply:os.system ['echo hi']\n")
    with pytest.raises(ScenarioError, match="YAML"):
        load_scenario(tagged)


@pytest.mark.parametrize("argv, fragment", [
    (["run", "B", "--replications", "1000000000"], "less than or equal to 100000"),
    (["run", "B", "--years", "10000"], "less than or equal to 100"),
    (["run", "B", "--set", "unit.posts=1000000"], "less than or equal to 5000"),
])
def test_absurd_sizes_are_refused_up_front(argv, fragment, capsys, tmp_path):
    argv = [str(BASELINE) if a == "B" else a for a in argv]
    t = time.perf_counter()
    assert simulate.main(argv + ["--out", str(tmp_path / "o"), "--quiet"]) == 2
    assert time.perf_counter() - t < 5
    assert fragment in capsys.readouterr().err


def _start(args, cwd):
    return subprocess.Popen([sys.executable, str(ROOT / "simulate.py"), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd)


def _stop(proc, sig, wait_for=None, timeout=120):
    deadline = time.time() + timeout
    if wait_for is None:
        time.sleep(2.5)
    else:
        while time.time() < deadline and not wait_for():
            time.sleep(0.05)
    proc.send_signal(sig)
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    return proc.returncode, err


@pytest.mark.slow
@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_compare_interrupted_writes_nothing(sig, code, tmp_path):
    proc = _start(["compare", str(BASELINE), str(SCENARIOS / "smaller_groups.yaml"),
                   "--replications", "200", "--out", str(tmp_path / "c"), "--quiet"], tmp_path)
    rc, err = _stop(proc, sig)
    assert rc == code, err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_sweep_interrupted_by_sigterm_keeps_finished_chunks(tmp_path):
    f = tmp_path / "s.yaml"
    f.write_text(f"base: {BASELINE}\nreplications: 2\nyears: 2\nwarmup_years: 0.5\n"
                 "chunk_size: 1\nfactors:\n  unit.posts: [30, 32, 34, 36, 38, 40, 42, 44]\n")
    out = tmp_path / "sw"
    proc = _start(["sweep", str(f), "--out", str(out), "--workers", "1", "--quiet"], tmp_path)
    rc, err = _stop(proc, signal.SIGTERM,
                    wait_for=lambda: len(list((out / "parts").glob("chunk-*"))) >= 2)
    assert rc == 143 and "Traceback" not in err
    kept = len(list((out / "parts").glob("chunk-*.parquet")))
    assert 2 <= kept < 16
    assert simulate.main(["sweep", str(f), "--out", str(out), "--workers", "1",
                          "--quiet"]) == 0
    assert len(pd.read_parquet(out / "sweep.parquet")) == 16


@pytest.mark.slow
def test_calibrate_interrupted_writes_nothing(tmp_path):
    out = tmp_path / "cal.yaml"
    proc = _start(["calibrate", str(SCENARIOS / "calibration" / "national.yaml"),
                   str(SCENARIOS / "calibration" / "targets.yaml"), "--out", str(out),
                   "--quiet"], tmp_path)
    rc, err = _stop(proc, signal.SIGTERM)
    assert rc == 143 and "Traceback" not in err
    assert not out.exists()


def test_failed_sweep_write_is_a_clear_error_and_keeps_earlier_chunks(tmp_path, monkeypatch,
                                                                      capsys):
    from model.experiment.sweep import execution
    f = tmp_path / "s.yaml"
    f.write_text(f"base: {BASELINE}\nreplications: 1\nyears: 1\nwarmup_years: 0\n"
                 "chunk_size: 1\nfactors:\n  unit.posts: [30, 32, 34]\n")
    out = tmp_path / "sw"
    real = execution.write_part
    calls = {"n": 0}

    def flaky(sweep_dir, cid, rows):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        return real(sweep_dir, cid, rows)

    monkeypatch.setattr(execution, "write_part", flaky)
    assert simulate.main(["sweep", str(f), "--out", str(out), "--workers", "1",
                          "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and len(err.strip().splitlines()) == 1
    assert len(list((out / "parts").glob("chunk-*.parquet"))) == 1
    monkeypatch.setattr(execution, "write_part", real)
    assert simulate.main(["sweep", str(f), "--out", str(out), "--workers", "1",
                          "--quiet"]) == 0


@pytest.mark.slow
def test_tables_do_not_depend_on_the_hash_seed(tmp_path):
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"r{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, str(ROOT / "simulate.py"), "run", str(BASELINE),
                        "--years", "2", "--warmup-years", "0.5", "--replications", "2",
                        "--workers", seed, "--out", str(out), "--quiet"], check=True,
                       env=env, capture_output=True)
        outs.append(out)
    for name in ("summary", "timeseries", "events", "costs"):
        assert (outs[0] / f"{name}.parquet").read_bytes() == \
            (outs[1] / f"{name}.parquet").read_bytes(), name


def test_no_eval_exec_or_pickle_of_user_input():
    """The code never evaluates text or unpickles data: scan every module."""
    for path in list((ROOT / "model").rglob("*.py")) + [ROOT / "simulate.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("eval", "exec", "compile"), path
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", "") or ""]
                assert not any(n.split(".")[0] in ("pickle", "marshal", "shelve")
                               for n in names), path
            if isinstance(node, ast.Attribute) and node.attr in ("load", "unsafe_load") \
                    and isinstance(node.value, ast.Name) and node.value.id == "yaml":
                raise AssertionError(f"{path}: yaml.{node.attr}; use the safe loader")


# Compiled loops do not check array bounds; with NUMBA_BOUNDSCHECK=1 they do (an
# out-of-range index raises IndexError). Stress cases: tiny and overloaded units, every
# assignment rule, no shielding, pushed caseloads, long sick spells, and policies that
# add posts, change case flow or time.
STRESS = [
    ("baseline.yaml", ["unit.posts=1", "unit.managers=1"]),
    ("baseline.yaml", ["cases.investigations.arrivals_per_year=2000"]),
    ("baseline.yaml", ["assignment.rule=round_robin", "assignment.shield_newcomers=false"]),
    ("baseline.yaml", ["assignment.rule=least_cases", "assignment.max_utilisation=1.25"]),
    ("baseline.yaml", ["sick_leave.long_spells_per_year=3", "sick_leave.reassign_after_days=1",
                       "attrition.baseline_hazard_per_year=0.6"]),
    ("combined_stockholm.yaml", []),
    ("six_plus_two.yaml", []),
    ("overstaffing.yaml", []),
    ("trainees.yaml", []),
    ("first_line.yaml", []),
]
_STRESS_RUN = """
import json, sys
sys.path.insert(0, {root!r})
from model.config.scenario import load_scenario
from model.sim.workforce import Model
out = []
for name, extra in {cases!r}:
    sc = load_scenario({root!r} + "/scenarios/" + name,
                       extra + ["simulation.years=2", "simulation.warmup_years=0.5"])
    out.append(Model(sc, 0).run()["summary"].select_dtypes("number").iloc[0].tolist())
print(json.dumps(out))
"""


@pytest.mark.slow
def test_compiled_loops_stay_in_bounds_and_match_the_unchecked_build(tmp_path):
    env = dict(os.environ, NUMBA_BOUNDSCHECK="1", NUMBA_CACHE_DIR=str(tmp_path / "cache"))
    code = _STRESS_RUN.format(root=str(ROOT), cases=STRESS)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    checked = json.loads(done.stdout.strip().splitlines()[-1])
    for (name, extra), row in zip(STRESS, checked):
        sc = load_scenario(SCENARIOS / name,
                           extra + ["simulation.years=2", "simulation.warmup_years=0.5"])
        # the numeric columns (the text ones, scenario and crisis_reason, follow them)
        plain = Model(sc, 0).run()["summary"].select_dtypes("number").iloc[0].tolist()
        assert row == pytest.approx(plain, rel=1e-12, nan_ok=True), (name, extra)
