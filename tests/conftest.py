"""Shared helpers for the tests."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from model.config.scenario import load_scenario

# A suite started as a background job of a non-interactive shell inherits Ctrl-C ignored,
# and so would every command the tests start (Python then installs no handler for it):
# the tests that interrupt a command with SIGINT need it delivered as on a terminal.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
BASELINE = SCENARIOS / "baseline.yaml"
# The bundled scenarios, by name. Tests of "every bundled scenario" read this list, never
# the folder, so a file of the user's own in scenarios/ (import-hr writes to
# scenarios/own/) cannot break the suite; tests/test_main_job.py checks the list against
# the main job's options and the scenarios left out of it.
BUNDLED = ("baseline", "admin_support", "combined_stockholm", "crisis_unit", "first_line",
           "growing_inflow", "intensive_investigation", "introduction_programme",
           "kiruna_2017", "krokom_2015", "krokom_package", "no_consultants", "overstaffing",
           "pay_supplement_jonkoping", "recruitment_support", "reflection_day",
           "salary_ladder_krokom", "salary_ladder_osteraker", "salary_ladder_umea",
           "seven_hours", "six_and_half_hours", "six_plus_two", "six_plus_two_no_redesign",
           "smaller_groups", "specialists", "trainees", "umea_2015", "varmdo_2017")
BUNDLED_FILES = tuple(SCENARIOS / f"{name}.yaml" for name in BUNDLED)


# fixtures that start a browser or a server: every test using one is marked slow
SLOW_FIXTURES = {"browser", "chromium_path", "page", "app"}


def pytest_collection_modifyitems(items) -> None:
    """Browser and server tests are ``slow``, as the tests marked so by hand
    (subprocesses and long statistical runs): ``pytest -m "not slow"`` is the inner
    loop, the README's test command runs everything."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


# a run as small as the commands allow: 2 replications x 1 year, one worker, quiet
FAST = ["--replications", "2", "--years", "1", "--warmup-years", "0", "--quiet",
        "--workers", "1"]


def cli(argv, capsys) -> tuple[int, str, str]:
    """``python simulate.py ARGV`` in this process: exit code, stdout, stderr."""
    import simulate
    code = simulate.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str, fragment: str) -> None:
    """The command's error is one line holding ``fragment``, with no traceback."""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0] and "Traceback" not in err, err


def scenario(*overrides: str, path: Path = BASELINE):
    """The baseline (or another file) with ``--set``-style overrides."""
    return load_scenario(path, list(overrides))


@pytest.fixture
def short():
    """A short baseline: 1 warm-up year, 3 years, 2 replications."""
    return scenario("simulation.years=3", "simulation.warmup_years=1",
                    "simulation.replications=2")


def chromium() -> str | None:
    """The system's Chromium, or None (the tests never install system packages:
    ``.ci/prepare`` does)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def chromium_path():
    """The path of Chromium with Playwright to drive it (the test is skipped without)."""
    path = chromium()
    if path is None:
        pytest.skip("Chromium is not installed: run .ci/prepare (as root, Debian's "
                    "apt-get install chromium) to run the browser tests")
    pytest.importorskip("playwright.sync_api")
    return path


@pytest.fixture(scope="module")
def browser(chromium_path):
    """A headless Chromium driven by Playwright (skipped without one)."""
    from playwright import sync_api
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, headless=True,
                              args=["--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking"])
        yield b
        b.close()
