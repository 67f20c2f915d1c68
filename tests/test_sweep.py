"""Parameter sweeps: designs, bad files, resumable storage, executor equivalence (serial,
process pool, a real Dask scheduler and worker), and Sobol indices through the same
pipeline on the Ishigami function."""

from __future__ import annotations

import json
import math
import os
import signal
import socket
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pytest

import simulate
from conftest import BASELINE, ROOT
from model.experiment import sweep

SWEEPS = ROOT / "scenarios" / "sweeps"


def _write(tmp_path, text, name="s.yaml"):
    f = tmp_path / name
    f.write_text(f"base: {BASELINE}\n" + text)
    return f


TINY = """replications: 2
years: 1
warmup_years: 0.5
seed: 4
design: grid
chunk_size: 2
factors:
  unit.posts: [30, 40]
  attrition.outside_pull_per_year: [0.0, 0.06]
outputs: [turnover_rate, total_cost_sek]
"""


@pytest.mark.parametrize("text, fragment", [
    ("design: spiral\nfactors: {unit.posts: [30, 40]}\n", "design"),
    ("factors: {unit.postz: [30, 40]}\n", "factor 'unit.postz'"),
    ("factors: {}\n", "at least one factor"),
    ("design: lhs\nfactors: {unit.posts: {low: 50, high: 30}}\n", "low (50) must be <= high"),
    ("design: lhs\nfactors: {unit.posts: [30, 40]}\n", "needs ranges"),
    ("factors: {unit.posts: [-3, 40]}\n", "greater than 0"),
    ("factors: {unit.posts: [30]}\noutputs: [happiness]\n", "unknown output"),
    ("factors: {unit.posts: []}\n", "empty"),
    ("replications: 0\nfactors: {unit.posts: [30]}\n", "replications"),
    ("factors: {unit.posts: [30]}\nbogus: 1\n", "bogus"),
])
def test_bad_sweep_files(text, fragment, tmp_path, capsys):
    f = _write(tmp_path, text)
    code = simulate.main(["sweep", str(f), "--out", str(tmp_path / "o"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert fragment in err and "s.yaml" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("path", sorted(SWEEPS.glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_sweeps_are_valid(path):
    spec, _, base = sweep.load_sweep(path)
    pts = sweep.design_points(spec)
    n = len(spec.factors)
    expected = {"grid": math.prod(len(v) for v in spec.factors.values()) if spec.design ==
                "grid" else None, "lhs": spec.samples, "random": spec.samples,
                "sobol": spec.samples * (n + 2), "morris": spec.samples * (n + 1)}[spec.design]
    assert len(pts) == expected
    assert len(sweep.point_scenarios(spec, base, pts.head(3))) == 3


def test_designs_are_reproducible_and_fill_their_ranges():
    spec = sweep.SweepSpec.model_validate({
        "base": "x.yaml", "design": "lhs", "samples": 50, "seed": 9,
        "factors": {"a": {"low": 0, "high": 1}, "b": {"low": 10, "high": 20}}})
    a, b = sweep.design_points(spec), sweep.design_points(spec)
    pd.testing.assert_frame_equal(a, b)
    # Latin hypercube: exactly one point in each of the 50 strata of every factor
    assert sorted(np.floor(a["a"] * 50).astype(int)) == list(range(50))
    assert sorted(np.floor((a["b"] - 10) / 10 * 50).astype(int)) == list(range(50))


def test_sweep_collect_and_refusal_of_a_changed_file(tmp_path, capsys):
    f = _write(tmp_path, TINY)
    out = tmp_path / "res"
    assert simulate.main(["sweep", str(f), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    table = pd.read_parquet(out / "sweep.parquet")
    assert list(table.columns[:4]) == ["point", "unit.posts", "attrition.outside_pull_per_year",
                                       "replication"]
    assert {"turnover_rate", "total_cost_sek"} <= set(table.columns)
    assert len(table) == 8 and sorted(table.point.unique()) == [0, 1, 2, 3]
    # replication i uses the same random streams at every point (common random numbers):
    # the two points that differ only in outside pull share their first weeks' arrivals
    man = json.loads((out / "manifest.json").read_text())
    assert all(c["state"] == "done" for c in man["chunks"])
    assert simulate.main(["collect", str(out)]) == 0
    pd.testing.assert_frame_equal(pd.read_parquet(out / "sweep.parquet"), table)
    capsys.readouterr()
    f.write_text(f.read_text().replace("seed: 4", "seed: 5"))
    assert simulate.main(["sweep", str(f), "--out", str(out), "--quiet"]) == 2
    assert "different sweep file" in capsys.readouterr().err
    assert simulate.main(["sweep", str(f), "--out", str(out), "--quiet", "--force",
                          "--workers", "1"]) == 0
    assert not pd.read_parquet(out / "sweep.parquet").equals(table)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dask_cluster():
    """A real Dask scheduler and one worker on 127.0.0.1, stopped after the test."""
    pytest.importorskip("distributed")
    port = _free_port()
    env = dict(os.environ, DASK_DISTRIBUTED__WORKER__DAEMON="False")
    sched = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler",
                              "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    procs = [sched]
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the Dask scheduler did not start")
        worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker",
                                   f"tcp://127.0.0.1:{port}", "--nworkers", "1",
                                   "--nthreads", "1", "--no-dashboard"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  env=env, cwd=str(ROOT))
        procs.append(worker)
        yield f"tcp://127.0.0.1:{port}"
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


@pytest.mark.slow
def test_serial_pool_and_dask_give_identical_tables(tmp_path, dask_cluster):
    f = _write(tmp_path, TINY)
    tables = {}
    for label, extra in (("serial", ["--workers", "1"]), ("pool", ["--workers", "2"]),
                         ("dask", ["--scheduler", dask_cluster])):
        out = tmp_path / label
        assert simulate.main(["sweep", str(f), "--out", str(out), "--quiet", *extra]) == 0
        tables[label] = pd.read_parquet(out / "sweep.parquet")
    pd.testing.assert_frame_equal(tables["serial"], tables["pool"])
    pd.testing.assert_frame_equal(tables["serial"], tables["dask"])


@pytest.mark.slow
def test_killed_sweep_resumes_to_the_same_tables(tmp_path):
    text = TINY.replace("years: 1", "years: 3").replace("chunk_size: 2", "chunk_size: 1")
    text = text.replace("[30, 40]", "[30, 35, 40]").replace("[0.0, 0.06]", "[0.0, 0.03, 0.06]")
    f = _write(tmp_path, text)
    whole = tmp_path / "whole"
    assert simulate.main(["sweep", str(f), "--out", str(whole), "--workers", "2",
                          "--quiet"]) == 0
    out = tmp_path / "killed"
    cmd = [sys.executable, str(ROOT / "simulate.py"), "sweep", str(f), "--out", str(out),
           "--workers", "1", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parts = out / "parts"
    deadline = time.time() + 120
    while time.time() < deadline and len(list(parts.glob("chunk-*.parquet"))) < 4:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    done = len(list(parts.glob("chunk-*.parquet")))
    assert 4 <= done < 18, done                   # killed mid-way
    assert simulate.main(["sweep", str(f), "--out", str(out), "--workers", "2",
                          "--quiet"]) == 0
    pd.testing.assert_frame_equal(pd.read_parquet(out / "sweep.parquet"),
                                  pd.read_parquet(whole / "sweep.parquet"))


# -- sensitivity through the same pipeline ------------------------------------------------

ISHIGAMI_S1 = {"x1": 0.3139, "x2": 0.4424, "x3": 0.0}
ISHIGAMI_ST = {"x1": 0.5576, "x2": 0.4424, "x3": 0.2437}


def ishigami(scenario: dict, point: int, replication: int, seed: int) -> dict:
    """Ishigami function (a = 7, b = 0.1) plus replication noise common to all points."""
    x1, x2, x3 = scenario["x1"], scenario["x2"], scenario["x3"]
    y = math.sin(x1) + 7 * math.sin(x2) ** 2 + 0.1 * x3 ** 4 * math.sin(x1)
    noise = np.random.default_rng([seed, replication]).normal(0, 0.1)
    return {"turnover_rate": y + noise}


def test_sobol_indices_of_ishigami_through_the_sweep_pipeline(tmp_path):
    spec = sweep.SweepSpec.model_validate({
        "base": "none.yaml", "design": "sobol", "samples": 1024, "replications": 2,
        "seed": 11, "chunk_size": 2048, "outputs": ["turnover_rate"],
        "factors": {n: {"low": -math.pi, "high": math.pi} for n in ("x1", "x2", "x3")}})
    dummy = tmp_path / "ishigami.yaml"
    dummy.write_text("ishigami\n")
    store, points, chunks, manifest = sweep.prepare(
        spec, {"simulation": {"years": 1, "warmup_years": 0}}, tmp_path / "out", False,
        str(dummy), {})
    scen = {int(r.point): {"x1": r.x1, "x2": r.x2, "x3": r.x3} for r in points.itertuples()}
    sweep.execute(store, chunks, scen, spec.seed, manifest, workers=1, evaluator=ishigami)
    sens = sweep.collect(tmp_path / "out")["sensitivity"]
    for idx, truth in (("S1", ISHIGAMI_S1), ("ST", ISHIGAMI_ST)):
        for name, true in truth.items():
            r = sens[(sens["index"] == idx) & (sens.factor == name)].iloc[0]
            half = (r.ci_high - r.ci_low) / 2          # SALib's 95% bootstrap half-width
            assert abs(r.value - true) < 2 * half + 0.01, (idx, name, r.value, half)
    noise = sens[sens["index"] == "noise_share"].value.iloc[0]
    assert 0 < noise < 0.01      # noise 0.1 against a variance of ~13.8


def linear(scenario: dict, point: int, replication: int, seed: int) -> dict:
    """y = 3a + b (c has no effect): Morris mu* must rank a > b > c, with c at zero."""
    return {"turnover_rate": 3 * scenario["a"] + scenario["b"] + 0 * scenario["c"]}


def test_morris_screening_through_the_sweep_pipeline(tmp_path):
    spec = sweep.SweepSpec.model_validate({
        "base": "none.yaml", "design": "morris", "samples": 20, "replications": 1,
        "seed": 5, "chunk_size": 50, "outputs": ["turnover_rate"],
        "factors": {n: {"low": 0, "high": 1} for n in ("a", "b", "c")}})
    dummy = tmp_path / "lin.yaml"
    dummy.write_text("linear\n")
    store, points, chunks, manifest = sweep.prepare(
        spec, {"simulation": {"years": 1, "warmup_years": 0}}, tmp_path / "out", False,
        str(dummy), {})
    assert len(points) == 20 * 4
    scen = {int(r.point): {"a": r.a, "b": r.b, "c": r.c} for r in points.itertuples()}
    sweep.execute(store, chunks, scen, spec.seed, manifest, workers=1, evaluator=linear)
    sens = sweep.collect(tmp_path / "out")["sensitivity"]
    mu = sens[sens["index"] == "mu_star"].set_index("factor").value
    # elementary effects of a linear function are its slopes exactly
    assert mu["a"] == pytest.approx(3.0) and mu["b"] == pytest.approx(1.0)
    assert mu["c"] == pytest.approx(0.0, abs=1e-12)
    sigma = sens[sens["index"] == "sigma"].set_index("factor").value
    assert sigma.max() < 1e-9            # no interactions or non-linearity
