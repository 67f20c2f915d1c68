"""The tool never destroys or hides a user's files, refuses runaway work before it starts,
reads files with a bound and prints their text sanitised (docs/RELIABILITY.md). Each test
reproduces one case a careless or hostile user could bring about."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import simulate
from conftest import BASELINE, FAST, ROOT, SCENARIOS, cli, one_line_error
from model import store
from model.config import hrimport
from model.config.scenario import load_scenario
from model.errors import ScenarioError
from model.experiment import sizing

STAFF = SCENARIOS / "examples" / "staff_example.csv"
HEADER = "id,hire_date,exit_date,exit_reason,fte,monthly_salary,prior_experience,birth_year\n"


_main = cli
_one_line_error = one_line_error


def _sweep_file(tmp_path: Path, posts: str, replications: int = 1, years: float = 0.5):
    """A small grid sweep over unit.posts, one run per stored chunk."""
    f = tmp_path / "s.yaml"
    f.write_text(f"base: {BASELINE}\nreplications: {replications}\nyears: {years}\n"
                 f"warmup_years: 0\nchunk_size: 1\nfactors:\n  unit.posts: {posts}\n")
    return f


def _sweep(f: Path, out: Path, capsys, *extra) -> int:
    return _main(["sweep", f, "--out", out, "--workers", "1", "--quiet", *extra], capsys)[0]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    """A small run result (its files are inputs of dashboard and report)."""
    out = tmp_path_factory.mktemp("results") / "run"
    assert simulate.main(["run", str(BASELINE), "--out", str(out), *FAST]) == 0
    return out


@pytest.fixture
def scenarios(tmp_path):
    """A private copy of the scenario catalogue, so refusals are tested on copies."""
    return Path(shutil.copytree(SCENARIOS, tmp_path / "scenarios"))


# -- 1. import-hr -------------------------------------------------------------------------

def test_import_hr_never_writes_onto_its_base_a_foreign_file_or_a_foreign_targets_file(
        tmp_path, scenarios, monkeypatch, capsys):
    base = scenarios / "baseline.yaml"
    monkeypatch.setattr(hrimport, "default_base", lambda: base)
    before = base.read_bytes()
    code, _, err = _main(["import-hr", STAFF, "-o", base, "--force"], capsys)
    assert code == 2 and base.read_bytes() == before
    _one_line_error(err, "own inputs")
    assert load_scenario(scenarios / "six_plus_two.yaml").name == "six_plus_two"

    readme = tmp_path / "README.md"
    readme.write_text("# my notes\n")
    code, _, err = _main(["import-hr", STAFF, "-o", readme], capsys)
    assert code == 2 and readme.read_text() == "# my notes\n"
    _one_line_error(err, "not written by this tool")
    assert not (tmp_path / "README_targets.yaml").exists()

    # the targets file beside the scenario is checked too, before anything is written
    unit = tmp_path / "unit.yaml"
    (tmp_path / "unit_targets.yaml").write_text("targets: mine\n")
    code, _, err = _main(["import-hr", STAFF, "-o", unit], capsys)
    assert code == 2 and not unit.exists()
    assert (tmp_path / "unit_targets.yaml").read_text() == "targets: mine\n"
    _one_line_error(err, "unit_targets.yaml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "scenarios",
                                                          "unit_targets.yaml"]

    # its own earlier output is replaced, and it says so
    (tmp_path / "unit_targets.yaml").unlink()
    assert _main(["import-hr", STAFF, "-o", unit], capsys)[0] == 0
    code, _, err = _main(["import-hr", STAFF, "-o", unit, "--as-of", "2020-01-01"], capsys)
    assert code == 0 and "replaced the earlier scenario" in err
    assert "2020-01-01" in unit.read_text()


# -- 2. calibrate -------------------------------------------------------------------------

def test_calibrate_never_writes_onto_its_scenario_what_it_extends_or_its_targets(
        scenarios, capsys):
    cal = scenarios / "calibration"
    scen, targets = cal / "national.yaml", cal / "targets.yaml"
    for out in (scen, scenarios / "baseline.yaml", targets):
        before = _snapshot(scenarios)
        code, _, err = _main(["calibrate", scen, targets, "--out", out, "--force",
                              "--max-evaluations", "1", *FAST], capsys)
        assert code == 2 and _snapshot(scenarios) == before
        _one_line_error(err, "own inputs")


# -- 3. result directories ----------------------------------------------------------------

def test_a_result_is_never_written_onto_its_own_scenario(tmp_path, capsys):
    out = tmp_path / "res"
    out.mkdir()
    scenario = out / "manifest.json"        # a scenario file under the name of a result file
    scenario.write_bytes(BASELINE.read_bytes())
    code, _, err = _main(["run", scenario, "--out", out, "--force", *FAST], capsys)
    assert code == 2 and scenario.read_bytes() == BASELINE.read_bytes()
    _one_line_error(err, "own inputs")


def test_a_directory_with_any_manifest_is_not_replaced_and_user_files_survive(
        tmp_path, capsys):
    thesis = tmp_path / "thesis"
    thesis.mkdir()
    (thesis / "manifest.json").write_text('{"title": "my thesis"}\n')
    (thesis / "thesis.tex").write_text("\\documentclass{article}\n")
    (thesis / "notes").mkdir()
    (thesis / "notes" / "brief.txt").write_text("brief\n")
    before = _snapshot(thesis)
    for cmd in (["run", BASELINE], ["compare", BASELINE, SCENARIOS / "six_plus_two.yaml"]):
        code, _, err = _main([*cmd, "--out", thesis, *FAST], capsys)
        assert code == 2 and _snapshot(thesis) == before
        _one_line_error(err, "holds no earlier result")
    # --force writes the result, and the user's files survive (hard links or copies)
    code, _, err = _main(["run", BASELINE, "--out", thesis, "--force", *FAST], capsys)
    assert code == 0 and "kept your file(s)" in err
    assert (thesis / "thesis.tex").read_text() == "\\documentclass{article}\n"
    assert (thesis / "notes" / "brief.txt").read_text() == "brief\n"
    assert store.result_kind(thesis) == "run"
    # the tool's own earlier result is replaced, saying so; user files still survive,
    # and so does the dashboard made from the earlier result, with a line saying it
    # shows the earlier numbers
    assert _main(["dashboard", thesis], capsys)[0] == 0
    page = (thesis / "dashboard.html").read_bytes()
    code, _, err = _main(["run", BASELINE, "--out", thesis, "--seed", "5", *FAST], capsys)
    assert code == 0 and "replaced the earlier run" in err
    assert "kept dashboard.html, made from the earlier result" in err
    names = sorted(p.name for p in thesis.iterdir())
    assert names == ["costs.parquet", "dashboard.html", "events.parquet", "manifest.json",
                     "notes", "summary.parquet", "thesis.tex", "timeseries.parquet"]
    assert (thesis / "dashboard.html").read_bytes() == page
    assert json.loads((thesis / "manifest.json").read_text())["seed"] == 5


@pytest.mark.parametrize("out", [".", ".."])
def test_the_working_directory_is_never_an_output(out, tmp_path, monkeypatch, capsys):
    work = tmp_path / "work"
    work.mkdir()
    (work / "thesis.tex").write_text("mine\n")
    monkeypatch.chdir(work)
    code, _, err = _main(["run", BASELINE, "--out", out, "--force", *FAST], capsys)
    assert code == 2
    _one_line_error(err, "a name of its own")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["thesis.tex", "work"]


def test_a_sweep_is_not_replaced_by_a_run_or_a_comparison(tmp_path, capsys):
    f = _sweep_file(tmp_path, "[30, 32]", years=1)
    out = tmp_path / "sw"
    assert _sweep(f, out, capsys) == 0
    before = _snapshot(out)
    for cmd in (["run", BASELINE], ["compare", BASELINE, SCENARIOS / "six_plus_two.yaml"]):
        code, _, err = _main([*cmd, "--out", out, *FAST], capsys)
        assert code == 2 and _snapshot(out) == before
        _one_line_error(err, "holds a sweep result")


# -- 4. sweep --force ---------------------------------------------------------------------

def test_sweep_force_refuses_a_too_large_sweep_before_touching_the_earlier_one(
        tmp_path, capsys):
    f = _sweep_file(tmp_path, "[30, 32]", years=1)
    out = tmp_path / "sw"
    assert _sweep(f, out, capsys) == 0
    (out / "notes.txt").write_text("mine\n")
    before = _snapshot(out)
    ten = "[" + ", ".join(str(30 + i) for i in range(10)) + "]"
    shares = "[" + ", ".join(f"0.0{i}" for i in range(10)) + "]"
    big = tmp_path / "big.yaml"      # 10^7 points: refused from the factor lists alone
    big.write_text(f"base: {BASELINE}\nreplications: 1\nfactors:\n  unit.posts: {ten}\n"
                   f"  simulation.seed: {ten}\n  unit.managers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
                   f"  attrition.outside_pull_per_year: {shares}\n"
                   f"  recruitment.failure_probability: {shares}\n"
                   f"  simulation.years: {ten}\n  simulation.warmup_years: {ten}\n")
    t = time.perf_counter()
    code, _, err = _main(["sweep", big, "--out", out, "--force", "--quiet"], capsys)
    assert code == 2 and time.perf_counter() - t < 15
    _one_line_error(err, "10,000,000 runs; at most 2,000,000")
    assert _snapshot(out) == before
    code, _, err = _main(["sweep", big, "--out", tmp_path / "fresh", "--quiet"], capsys)
    assert code == 2 and not (tmp_path / "fresh").exists()
    # a different sweep with --force starts over, keeping the user's file
    f.write_text(f.read_text().replace("[30, 32]", "[30, 34]"))
    assert _sweep(f, out, capsys, "--force") == 0
    assert (out / "notes.txt").read_text() == "mine\n"
    assert sorted(pd.read_parquet(out / "sweep.parquet")["unit.posts"]) == [30, 34]


# -- 5. dashboard, report, schema ---------------------------------------------------------

@pytest.mark.slow
def test_dashboard_report_and_schema_never_overwrite_foreign_files(run_dir, scenarios,
                                                                    tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_text("# mine\n")
    base = scenarios / "baseline.yaml"
    before = base.read_bytes()
    for cmd in (["dashboard", run_dir, "-o"], ["report", run_dir, "-o"], ["schema", "-o"]):
        for target in (readme, base):
            code, _, err = _main([*cmd, target], capsys)
            assert code == 2
            _one_line_error(err, "not written by this tool")
    assert readme.read_text() == "# mine\n" and base.read_bytes() == before
    # never onto an input, even with --force
    code, _, err = _main(["dashboard", run_dir, "-o", run_dir / "manifest.json", "--force"],
                         capsys)
    assert code == 2
    _one_line_error(err, "own inputs")
    # the tool's own earlier page is replaced, saying so
    page = tmp_path / "page.html"
    assert _main(["dashboard", run_dir, "-o", page], capsys)[0] == 0
    code, _, err = _main(["dashboard", run_dir, "-o", page], capsys)
    assert code == 0 and "replaced the earlier dashboard" in err


@pytest.mark.slow
def test_dashboard_and_brief_are_refreshed_inside_their_result_directory(run_dir, tmp_path,
                                                                         capsys):
    """The default targets sit in the result directory: a page written there earlier is
    the tool's own output, not one of its inputs."""
    res = tmp_path / "res"
    shutil.copytree(run_dir, res)
    for cmd in (["dashboard", res], ["report", res]):
        assert _main(cmd, capsys)[0] == 0
        code, _, err = _main(cmd, capsys)
        assert code == 0 and "replaced the earlier" in err
    assert (res / "dashboard.html").exists() and (res / "brief_sv.html").exists()


def test_schema_output_to_a_directory_a_missing_parent_or_a_full_disk(tmp_path, capsys,
                                                                      monkeypatch):
    code, _, err = _main(["schema", "-o", tmp_path], capsys)
    assert code == 2
    _one_line_error(err, "is a directory")
    deep = tmp_path / "new" / "sub" / "scenario.schema.json"
    assert _main(["schema", "-o", deep], capsys)[0] == 0
    assert json.loads(deep.read_text())["title"] == "Scenario"
    real_write = Path.write_text

    def disk_full(self, text, *a, **k):
        real_write(self, text[:100], *a, **k)       # a truncated temporary file
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", disk_full)
    for target in (deep, tmp_path / "other" / "s.json"):
        before = target.read_bytes() if target.exists() else None
        code, _, err = _main(["schema", "-o", target], capsys)
        assert code == 2
        _one_line_error(err, "No space left on device")
        assert (target.read_bytes() if target.exists() else None) == before
    monkeypatch.undo()
    assert sorted(p.name for p in deep.parent.iterdir()) == ["scenario.schema.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new"]


# -- 6. work sized before it starts --------------------------------------------------------

def test_oversized_work_is_refused_before_it_starts(tmp_path, capsys):
    t = time.perf_counter()
    code, _, err = _main(["run", BASELINE, "--replications", "5000", "--set",
                          "unit.posts=400", "--out", tmp_path / "big", "--quiet"], capsys)
    assert code == 2 and time.perf_counter() - t < 10
    _one_line_error(err, "--allow-large")
    assert "5,000 replications x 400 posts" in err and "GiB" in err
    assert list(tmp_path.iterdir()) == []


def test_size_estimates_follow_the_benchmark_figures():
    # 10 replications of 400 posts x 30 years: ~20 MiB each held (docs/PERFORMANCE.md)
    sc = load_scenario(BASELINE, ["unit.posts=400", "simulation.years=30",
                                  "simulation.warmup_years=0"])
    work = sizing.replications([sc], 10)
    assert 150e6 < work.memory_bytes() < 300e6
    # one core, CPU seconds of a replication (benchmarks/bench_sizing.py): 400 posts x
    # 12 years 5.2 s, 10 posts x 12 years 0.05 s: a post-year costs more in a larger unit
    def estimate(posts):
        sc = load_scenario(BASELINE, [f"unit.posts={posts}", "simulation.years=10",
                                      "simulation.warmup_years=2"])
        return sizing.replications([sc], 1).seconds(1)
    assert 4.0 < estimate(400) < 7.0
    assert 0.03 < estimate(10) < 0.08
    assert estimate(400) / 400 > 2 * estimate(10) / 10     # per post-year
    # the main job (22 scenarios x 48 futures, 96 screened draws, its pages) took 120 s
    # on 2 workers (docs/PERFORMANCE.md): the estimate says about 2 min, not 1
    base = load_scenario(BASELINE)
    main = sizing.comparison([base] * 22, 48, screened=96, pages=True)
    assert 95 < main.seconds(2) < 150
    assert main.seconds(2) > sizing.comparison([base] * 22, 48).seconds(2) + 20
    # memory of the whole command (benchmarks/bench_memory.py, process and workers): a
    # small run is mostly the libraries (270-285 MiB measured); the main job with its
    # pages peaked at 2.2-2.5 GiB, against 0.85 GiB of tables alone
    small = sizing.replications([base], 16)
    assert 270 * 2**20 < small.command_bytes() < 400 * 2**20
    assert small.command_bytes() - small.memory_bytes() == sizing.PROCESS_BYTES
    assert 2.2 * 2**30 < main.command_bytes() < 3.0 * 2**30
    no_pages = sizing.comparison([base] * 22, 48)
    assert 1.3 * 2**30 < no_pages.command_bytes() < main.command_bytes()
    # over the cap: refused unless allowed; a long run is announced in one line
    huge = sizing.replications([sc], 100_000)
    said = []
    with pytest.raises(Exception, match="--allow-large"):
        sizing.check(huge, 2, False, said.append)
    sizing.check(huge, 2, True, said.append)
    assert len(said) == 1 and said[0].startswith("Estimated: about")


def test_sweep_manifest_is_not_rewritten_after_every_chunk(tmp_path, monkeypatch, capsys):
    f = _sweep_file(tmp_path, "[30, 32, 34, 36]", replications=2)
    writes = []
    real = store.write_json
    monkeypatch.setattr(store, "write_json",
                        lambda path, obj: writes.append(Path(path).name) or real(path, obj))
    assert _sweep(f, tmp_path / "sw", capsys) == 0
    # 8 chunks: one manifest at the start, one at the end of the run, one by collect
    assert writes.count("manifest.json") == 3
    man = json.loads((tmp_path / "sw" / "manifest.json").read_text())
    assert len(man["chunks"]) == 8 and all(c["state"] == "done" for c in man["chunks"])


# -- 7. import-hr failures leave nothing ---------------------------------------------------

@pytest.mark.parametrize("rows, fragment", [
    ("a,9999-01-01,,,1,40000,0,1970\n", "nobody with a case-carrying title is employed"),
    ("a,0001-06-01,,,1,40000,0,\n", "less than or equal to 60"),
    ("".join(f"p{i},2020-01-01,,,1,40000,0,1980\n" for i in range(6000)), "unit.posts"),
])
def test_failed_import_leaves_no_file_behind(rows, fragment, tmp_path, capsys):
    staff = tmp_path / "staff.csv"
    staff.write_text(HEADER + rows)
    code, _, err = _main(["import-hr", staff, "-o", tmp_path / "unit.yaml"], capsys)
    assert code == 2
    _one_line_error(err, fragment)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["staff.csv"]


# -- 8. bounded reads ---------------------------------------------------------------------

def test_reads_accept_only_regular_files_of_bounded_size(tmp_path, capsys):
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    child = tmp_path / "child.yaml"
    child.write_text("extends: zero.yaml\n")
    for path in (zero, child):
        t = time.perf_counter()
        with pytest.raises(ScenarioError, match="not a regular file"):
            load_scenario(path)
        assert time.perf_counter() - t < 2
    staff = tmp_path / "staff.csv"
    staff.symlink_to("/dev/zero")
    code, _, err = _main(["import-hr", staff, "-o", tmp_path / "u.yaml"], capsys)
    assert code == 2
    _one_line_error(err, "not a regular file")
    results = tmp_path / "results"
    results.mkdir()
    (results / "manifest.json").symlink_to("/dev/zero")
    code, _, err = _main(["dashboard", results, "-o", tmp_path / "d.html"], capsys)
    assert code == 2
    _one_line_error(err, "not a regular file")
    sweep_file = tmp_path / "sweep.yaml"
    sweep_file.symlink_to("/dev/zero")
    code, _, err = _main(["sweep", sweep_file, "--out", tmp_path / "o"], capsys)
    assert code == 2
    _one_line_error(err, "not a regular file")


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    proc = subprocess.run([sys.executable, str(ROOT / "simulate.py"), "validate", str(fifo)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "not a regular file" in proc.stderr


# -- 9. terminal escapes ------------------------------------------------------------------

def test_escape_sequences_from_a_scenario_reach_the_terminal_escaped(tmp_path, capsys):
    f = tmp_path / "evil.yaml"
    f.write_text(f"extends: {BASELINE}\n"
                 'name: "unit\\e[2J\\e]0;title\\a\\rerror: fake\\nerror: fake too"\n'
                 'description: "\\e[31mred\\u202e"\n')
    for argv in (["validate", f], ["run", f, "--out", tmp_path / "o", *FAST]):
        code, out, err = _main(argv, capsys)
        assert code == 0
        text = out + err
        assert "\x1b" not in text and "\r" not in text and "\x07" not in text
        assert not any(line.startswith("error") for line in text.splitlines())
        assert "unit\\x1b[2J" in text
    bad = tmp_path / "bad.yaml"
    bad.write_text('"key\\e[2J\\nerror: fake": 1\n')
    code, _, err = _main(["validate", bad], capsys)
    assert code == 2 and "\x1b" not in err and len(err.strip().splitlines()) == 1


# -- 10. concurrent writers, crashes, temporary files -------------------------------------

def _writer(args: list, hook: str, cwd: Path) -> subprocess.Popen:
    """simulate.py in a subprocess with a fault hook at a step of the replacement."""
    code = ("import os, sys, time\n"
            f"sys.path.insert(0, {str(ROOT)!r})\n"
            "from model import store\n"
            f"store.fault_hook = lambda step: ({hook})\n"
            "import simulate\n"
            f"sys.exit(simulate.main({[str(a) for a in args]!r}))\n")
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=cwd)


def _wait_for(predicate, timeout=60.0) -> None:
    deadline = time.time() + timeout
    while not predicate():
        assert time.time() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.slow
def test_a_second_writer_is_refused_while_the_first_writes(tmp_path, capsys):
    out = tmp_path / "res"
    first = _writer(["run", BASELINE, "--out", out, "--seed", "1", *FAST],
                    "time.sleep(4) if step == 'before-rename' else None", tmp_path)
    try:
        _wait_for(lambda: (tmp_path / ".res.lock").exists())
        code, _, err = _main(["run", BASELINE, "--out", out, "--seed", "2", *FAST], capsys)
        assert code == 2
        _one_line_error(err, "another process")
        assert f"pid {first.pid}" in err
        _, first_err = first.communicate(timeout=120)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0, first_err
    assert json.loads((out / "manifest.json").read_text())["seed"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["res"]


@pytest.mark.slow
def test_a_crash_between_the_renames_is_recovered_by_the_next_run(tmp_path, capsys):
    out = tmp_path / "res"
    assert _main(["run", BASELINE, "--out", out, "--seed", "1", *FAST], capsys)[0] == 0
    earlier = _snapshot(out)
    crashed = _writer(["run", BASELINE, "--out", out, "--seed", "2", *FAST],
                      "os._exit(9) if step == 'between-renames' else None", tmp_path)
    crashed.communicate(timeout=120)
    assert crashed.returncode == 9
    # the earlier result is set aside, not lost; the lock died with the process (its
    # file stays until the next writer)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert not out.exists() and len(left) == 3 and left[0] == ".res.lock"
    assert left[1].startswith(".res.old-") and left[2].startswith(".res.tmp-")
    # the next command that writes there restores the earlier result and says so
    code, _, err = _main(["dashboard", out], capsys)
    assert code == 0 and "restored the earlier result" in err
    assert "removed 1 unfinished" in err
    assert {k: v for k, v in _snapshot(out).items() if k != "dashboard.html"} == earlier
    assert sorted(p.name for p in tmp_path.iterdir()) == ["res"]


def test_a_full_disk_during_a_sweep_leaves_no_partial_chunk(tmp_path, monkeypatch, capsys):
    f = _sweep_file(tmp_path, "[30, 32, 34]")
    out = tmp_path / "sw"
    real = pd.DataFrame.to_parquet
    calls = {"n": 0}

    def flaky(self, path, *a, **k):
        if "chunk-" in str(path):
            calls["n"] += 1
            if calls["n"] == 2:
                Path(path).write_bytes(b"PAR1 half a table")
                raise OSError(28, "No space left on device")
        return real(self, path, *a, **k)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", flaky)
    code, _, err = _main(["sweep", f, "--out", out, "--workers", "1", "--quiet"], capsys)
    assert code == 2
    _one_line_error(err, "No space left on device")
    assert sorted(p.name for p in (out / "parts").iterdir()) == ["chunk-00000.parquet"]
    assert not list(tmp_path.glob(".*"))
    monkeypatch.undo()
    assert _sweep(f, out, capsys) == 0
    assert len(pd.read_parquet(out / "sweep.parquet")) == 3


def test_sweep_resume_removes_what_a_killed_sweep_left_unfinished(tmp_path, capsys):
    f = _sweep_file(tmp_path, "[30, 32]")
    out = tmp_path / "sw"
    assert _sweep(f, out, capsys) == 0
    (out / "parts" / "chunk-00001.parquet").unlink()
    (out / "parts" / ".chunk-00001.parquet.tmp-99999").write_bytes(b"PAR1 half")
    code, _, err = _main(["sweep", f, "--out", out, "--workers", "1", "--quiet"], capsys)
    assert code == 0 and "removed 1 unfinished" in err
    assert sorted(p.name for p in (out / "parts").iterdir()) == ["chunk-00000.parquet",
                                                                  "chunk-00001.parquet"]
