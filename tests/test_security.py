"""Security and recovery of the command line's files (docs/RELIABILITY.md): no link is
followed when the tool creates a lock, a temporary file or an output, and no crash
leaves a worker or a lock behind that blocks the next command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import simulate
from conftest import BASELINE, FAST, ROOT, SCENARIOS, cli, one_line_error
from model import store
from model.errors import UserError
from model.store import atomic, locking

_main = cli
_one_line = one_line_error


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("results") / "run"
    assert simulate.main(["run", str(BASELINE), "--out", str(out), *FAST]) == 0
    return out


# -- finding 1: a planted link is never written through ---------------------------------

def test_a_link_planted_as_the_lock_file_is_refused_and_its_target_kept(
        run_dir, tmp_path, capsys):
    precious = tmp_path / "precious.txt"
    precious.write_text("years of notes\n")
    (tmp_path / ".dash.html.lock").symlink_to(precious)
    code, _, err = _main(["dashboard", run_dir, "-o", tmp_path / "dash.html"], capsys)
    assert code == 2
    _one_line(err, ".dash.html.lock: is a link")
    assert precious.read_text() == "years of notes\n"
    assert not (tmp_path / "dash.html").exists()


def test_a_dangling_link_as_the_lock_file_creates_nothing(run_dir, tmp_path, capsys):
    target = tmp_path / "would-be-created"
    (tmp_path / ".dash.html.lock").symlink_to(target)
    code, _, err = _main(["dashboard", run_dir, "-o", tmp_path / "dash.html"], capsys)
    assert code == 2 and "is a link" in err
    assert not os.path.lexists(target)


@pytest.mark.parametrize("plant", ["fifo", "hardlink"])
def test_a_lock_file_that_is_not_a_plain_file_of_ours_is_refused(plant, run_dir, tmp_path,
                                                                 capsys):
    lock = tmp_path / ".dash.html.lock"
    precious = tmp_path / "precious.txt"
    precious.write_text("keep\n")
    if plant == "fifo":
        os.mkfifo(lock)
    else:
        os.link(precious, lock)
    code, _, err = _main(["dashboard", run_dir, "-o", tmp_path / "dash.html"], capsys)
    assert code == 2
    _one_line(err, "not a lock file of this tool")
    assert precious.read_text() == "keep\n"


def test_a_link_planted_as_the_temporary_file_is_never_written_through(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep\n")
    out = tmp_path / "brief.html"
    (tmp_path / f".brief.html.tmp-{os.getpid()}").symlink_to(precious)
    with pytest.raises(UserError, match=r"tmp-\d+: is a link"):
        atomic.write_atomic(out, lambda tmp: tmp.write_text("<html>"))
    assert precious.read_text() == "keep\n" and not out.exists()


def test_a_link_planted_as_a_result_directory_temporary_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / f".res.tmp-{os.getpid()}").symlink_to(elsewhere)
    with store.claim(tmp_path / "res", "run", directory=True, say=lambda _: None) as out:
        # the claim's recovery removes a leftover of that name (a link is removed, not
        # followed): plant it again after the claim, as a racing local user would
        (tmp_path / f".res.tmp-{os.getpid()}").symlink_to(elsewhere)
        with pytest.raises(UserError, match="is a link"):
            out.write_result({}, {"package": store.PACKAGE, "kind": "run"})
    assert list(elsewhere.iterdir()) == []


def test_recovery_removes_planted_links_without_following_or_restoring_them(tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep\n")
    (tmp_path / ".res.old-4242").symlink_to(precious)
    (tmp_path / ".res.tmp-4243").symlink_to(precious)
    said = []
    locking.recover(tmp_path / "res", False, said.append)
    assert not (tmp_path / "res").exists()             # a link is never restored
    assert (precious / "notes.txt").read_text() == "keep\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["precious"]


def test_the_rename_replaces_a_link_at_the_output_not_its_target(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep\n")
    out = tmp_path / "page.html"
    out.symlink_to(precious)
    atomic.write_atomic(out, lambda tmp: tmp.write_text("new"))
    assert precious.read_text() == "keep\n"
    assert not out.is_symlink() and out.read_text() == "new"


# -- finding 4: a crash never blocks the next command ----------------------------------

def _children(pid: int) -> set[int]:
    kids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.add(int(entry.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc")
@pytest.mark.parametrize("command", ["run", "compare"])
def test_kill_9_of_the_parent_leaves_no_worker_and_no_blocking_lock(command, tmp_path,
                                                                     capsys):
    out = tmp_path / "res"
    scen = [str(BASELINE), str(SCENARIOS / "smaller_groups.yaml")][:1 if command == "run"
                                                                    else 2]
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "simulate.py"), command, *scen, "--out", str(out),
         "--replications", "400", "--years", "3", "--warmup-years", "0", "--workers", "2",
         "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
    try:
        deadline = time.time() + 120
        workers: set[int] = set()
        while time.time() < deadline and len(workers) < 2:
            workers = _children(proc.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the pool's workers did not start"
        time.sleep(1.0)                           # the workers are busy with replications
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        # the workers end within a few seconds of their parent (model.experiment.workers)
        deadline = time.time() + 5
        while time.time() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.05)
        assert not any(_alive(w) for w in workers), "a worker outlived its parent"
    finally:
        if proc.poll() is None:
            proc.kill()
        for w in _children(proc.pid):
            os.kill(w, signal.SIGKILL)
    # the next command into the same output is not refused
    code, _, err = _main(["run", BASELINE, "--out", out, *FAST], capsys)
    assert code == 0, err
    assert "another process" not in err


def test_a_child_forked_under_the_lock_does_not_keep_it_after_its_parent_dies(tmp_path):
    # the parent takes the lock, forks a child that lives on, and dies without releasing
    code = ("import os, sys, time\n"
            f"sys.path.insert(0, {str(ROOT)!r})\n"
            "from pathlib import Path\n"
            "from model.store.locking import Lock\n"
            f"Lock(Path({str(tmp_path / 'res')!r})).acquire()\n"
            "if os.fork() == 0:\n"
            "    time.sleep(30)\n"
            "    os._exit(0)\n"
            "os._exit(9)\n")
    parent = subprocess.run([sys.executable, "-c", code], timeout=60)
    assert parent.returncode == 9
    assert (tmp_path / ".res.lock").exists()      # left behind by the dead owner
    lock = locking.Lock(tmp_path / "res")
    try:
        lock.acquire()                            # not refused: its owner is dead
    finally:
        lock.release()
        subprocess.run(["pkill", "-f", "time.sleep(30)"], check=False)


# -- finding 8: a refused sweep answers at once ------------------------------------------

def test_a_sweep_reads_its_base_scenario_once_with_the_c_parser(tmp_path, monkeypatch):
    import yaml

    from model.config import scenario as scenario_module
    from model.experiment.sweep import spec as spec_module
    reads = []
    real = scenario_module.read_yaml
    monkeypatch.setattr(scenario_module, "read_yaml",
                        lambda path: reads.append(Path(path).name) or real(path))
    f = tmp_path / "s.yaml"
    f.write_text(f"base: {BASELINE}\nreplications: 1000\nyears: 10\nfactors:\n"
                 f"  unit.posts: {list(range(20, 120))}\n"
                 f"  cases.ongoing.per_post_per_year: {[3 + i / 10 for i in range(100)]}\n")
    spec, _, base = spec_module.load_sweep(f)
    assert base["unit"]["posts"] == 40 and len(spec.factors) == 2
    assert reads.count("baseline.yaml") == 1, reads
    if getattr(yaml, "__with_libyaml__", False):
        assert issubclass(scenario_module._UniqueKeyLoader, yaml.CSafeLoader)


def test_a_factor_value_outside_the_schema_still_names_the_sweep_file(tmp_path):
    from model.errors import ScenarioError
    from model.experiment.sweep.spec import load_sweep
    f = tmp_path / "s.yaml"
    f.write_text(f"base: {BASELINE}\nreplications: 2\nfactors:\n  unit.posts: [40, -3]\n")
    with pytest.raises(ScenarioError, match=r"s.yaml: factor 'unit.posts' = -3: "):
        load_sweep(f)


# -- finding 9: messages that say what is true ------------------------------------------

def test_collect_on_a_run_result_names_what_it_holds(run_dir, capsys):
    code, _, err = _main(["collect", run_dir], capsys)
    assert code == 2
    _one_line(err, "holds a run result, not a sweep")
    assert "None" not in err


@pytest.mark.slow
def test_a_rerun_that_remakes_its_dashboard_does_not_call_it_kept(tmp_path, capsys):
    out = tmp_path / "cmp"
    argv = ["compare", BASELINE, BASELINE.parent / "smaller_groups.yaml", "--out", out,
            "--dashboard", *FAST]
    assert _main(argv, capsys)[0] == 0
    (out / "notes.txt").write_text("mine\n")
    code, _, err = _main(argv + ["--force"], capsys)     # recomputed (same inputs)
    assert code == 0, err
    assert "until you run dashboard" not in err
    assert "kept your file(s) in it: notes.txt" in err
    assert "dashboard.html" in err            # the new dashboard is announced once
