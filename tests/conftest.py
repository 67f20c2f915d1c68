"""Shared helpers for the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from model.config.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
BASELINE = SCENARIOS / "baseline.yaml"


def scenario(*overrides: str, path: Path = BASELINE):
    """The baseline (or another file) with ``--set``-style overrides."""
    return load_scenario(path, list(overrides))


@pytest.fixture
def short():
    """A short baseline: 1 warm-up year, 3 years, 2 replications."""
    return scenario("simulation.years=3", "simulation.warmup_years=1",
                    "simulation.replications=2")


def chromium() -> str | None:
    """The system's Chromium; as root, Debian's package is installed when missing."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return None
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True,
                       timeout=600, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True,
                       capture_output=True, timeout=900, env=env)
    except (subprocess.SubprocessError, OSError):
        return None
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium_path():
    """The path of Chromium with Playwright to drive it (the test is skipped without)."""
    path = chromium()
    if path is None:
        pytest.skip("Chromium is not installed and could not be installed with apt-get")
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
