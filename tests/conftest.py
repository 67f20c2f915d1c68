"""Shared helpers for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.scenario import load_scenario

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
