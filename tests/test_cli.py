"""The command line end to end: tables, manifest, atomic output, interruptions."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

import simulate
from conftest import BASELINE, ROOT
from model import experiment

FAST = ["--years", "2", "--warmup-years", "0.5", "--replications", "3", "--quiet"]
SUMMARY_COLUMNS = {"scenario", "replication", "seed", "turnover_rate", "exits", "hires",
                   "mean_headcount", "vacancy_rate", "consultant_fte", "overdue_share",
                   "total_cost_sek"}


def test_run_writes_tables_and_manifest(tmp_path, capsys):
    out = tmp_path / "res"
    code = simulate.main(["run", str(BASELINE), "--out", str(out), "--seed", "7",
                          "--set", "unit.posts=30", "--workers", "2", *FAST])
    assert code == 0
    printed = capsys.readouterr().out
    assert "Turnover" in printed and str(out) in printed and " – " in printed
    names = sorted(p.name for p in out.iterdir())
    assert names == ["costs.parquet", "events.parquet", "manifest.json", "summary.parquet",
                     "timeseries.parquet"]
    summary = pd.read_parquet(out / "summary.parquet")
    assert set(summary.columns) >= SUMMARY_COLUMNS
    assert list(summary.replication) == [0, 1, 2] and (summary.seed == 7).all()
    ts = pd.read_parquet(out / "timeseries.parquet")
    assert ts.groupby("replication").size().tolist() == [104, 104, 104]
    ev = pd.read_parquet(out / "events.parquet")
    assert {"hire", "exit", "resignation", "phase_change", "sick_start"} <= set(ev.event)
    assert set(ev[ev.event == "exit"].detail) <= {"resignation", "outside_pull", "retirement"}
    costs = pd.read_parquet(out / "costs.parquet")
    budget = costs[costs.view == "budget"].groupby("replication").sek.sum()
    assert budget.to_numpy() == pytest.approx(summary.total_cost_sek.to_numpy())
    total = costs.groupby("replication").sek.sum()
    assert total.to_numpy() == pytest.approx(summary.economic_cost_sek.to_numpy())
    man = json.loads((out / "manifest.json").read_text())
    assert man["seed"] == 7 and man["replications"] == 3
    assert man["resolved_scenario"]["unit"]["posts"] == 30
    assert "unit.posts=30" in man["overrides"]
    for key in ("version", "git_commit", "started", "finished", "scenario_sha256"):
        assert key in man


def test_run_is_byte_identical_across_runs_and_worker_counts(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert simulate.main(["run", str(BASELINE), "--out", str(a), "--workers", "1", *FAST]) == 0
    assert simulate.main(["run", str(BASELINE), "--out", str(b), "--workers", "2", *FAST]) == 0
    for name in ("summary", "timeseries", "events", "costs"):
        assert (a / f"{name}.parquet").read_bytes() == (b / f"{name}.parquet").read_bytes()


def test_interrupted_run_leaves_nothing_and_keeps_earlier_result(tmp_path, monkeypatch, capsys):
    out = tmp_path / "res"
    assert simulate.main(["run", str(BASELINE), "--out", str(out), *FAST]) == 0
    before = (out / "summary.parquet").read_bytes()

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(experiment, "run_scenario", boom)
    assert simulate.main(["run", str(BASELINE), "--out", str(out), "--seed", "99",
                          *FAST]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert (out / "summary.parquet").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["res"]


@pytest.mark.slow
def test_sigterm_exits_143_without_partial_output(tmp_path):
    out = tmp_path / "res"
    proc = subprocess.Popen([sys.executable, str(ROOT / "simulate.py"), "run", str(BASELINE),
                             "--out", str(out), "--replications", "200", "--workers", "2",
                             "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=tmp_path)
    # signal once the run has claimed its output (its lock file exists), so the CLI's
    # handlers are installed whatever the machine's load; at most 60 s
    deadline = time.monotonic() + 60
    while not any(tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143, err
    assert "Traceback" not in err and "terminated" in err
    assert not out.exists()
    assert [p for p in tmp_path.iterdir()] == []


def test_run_warns_when_the_unit_s_queue_is_not_stable(tmp_path, capsys):
    argv = ["run", str(BASELINE), "--replications", "3", "--years", "2", "--warmup-years",
            "0.5", "--quiet"]
    assert simulate.main(argv + ["--out", str(tmp_path / "calm")]) == 0
    assert "SERVICE WARNING" not in capsys.readouterr().out
    assert simulate.main(argv + ["--out", str(tmp_path / "hot"),
                                 "--set", "cases.investigations.arrivals_per_year=900"]) == 0
    assert "SERVICE WARNING: waiting cases keep growing" in capsys.readouterr().out


def test_refuses_to_overwrite_a_directory_that_is_not_a_result(tmp_path, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("x")
    assert simulate.main(["run", str(BASELINE), "--out", str(out), *FAST]) == 2
    assert "not empty" in capsys.readouterr().err
    assert os.listdir(out) == ["notes.txt"]


def test_unwritable_output_directory_is_a_clear_error(tmp_path, capsys, monkeypatch):
    """Checked before any work: simulated with os.access, since tests may run as root."""
    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(locked)
                        else real(p, mode))
    assert simulate.main(["run", str(BASELINE), "--out", str(locked / "r"), *FAST]) == 2
    err = capsys.readouterr().err
    assert "permission denied" in err and str(locked / "r") in err
    assert list(locked.iterdir()) == []


def test_failed_write_keeps_earlier_result(tmp_path, monkeypatch, capsys):
    """A storage fault while writing (e.g. a full disk) gives a clear error and leaves
    the earlier result intact."""
    out = tmp_path / "res"
    assert simulate.main(["run", str(BASELINE), "--out", str(out), *FAST]) == 0
    before = (out / "summary.parquet").read_bytes()

    def disk_full(self, path, *a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", disk_full)
    assert simulate.main(["run", str(BASELINE), "--out", str(out), "--seed", "5", *FAST]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and len(err.strip().splitlines()) == 1
    assert (out / "summary.parquet").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["res"]
