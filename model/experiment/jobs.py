"""The work behind the run, compare and breakeven commands: run the replications, add
the analysis tables and build the manifest. Returns tables and manifests; never prints
and never writes (the command line claims the output and writes through
:mod:`model.store`)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pandas as pd

from .. import experiment
from ..sim.params import Scenario
from ..store import provenance
from . import breakeven, compare, psa, replacement
from .conditions import what_must_be_true, working_time_options

Progress = Callable[[int], None] | None


def like_base(overrides: list[str], sim) -> list[str]:
    """Overrides that give another scenario the base's horizon, replications and seed."""
    return overrides + [f"simulation.years={sim.years}",
                        f"simulation.warmup_years={sim.warmup_years}",
                        f"simulation.replications={sim.replications}",
                        f"simulation.seed={sim.seed}"]


def run(scenario: Scenario, scenario_file: str, overrides: list[str], workers: int,
        progress: Progress = None) -> tuple[dict[str, pd.DataFrame], dict]:
    """Every replication of one scenario: its tables and their manifest."""
    started, t0 = provenance.now_iso(), time.perf_counter()
    tables = experiment.run_scenario(scenario, workers=workers, progress=progress)
    head = {"scenario": scenario.name, "scenario_file": str(scenario_file),
            "scenario_sha256": provenance.file_sha256(scenario_file)}
    manifest = provenance.build_manifest(
        head, scenario.simulation, overrides, started, workers=workers, t0=t0,
        tail={"resolved_scenario": scenario.model_dump(mode="json")})
    return tables, manifest


def comparison(scenarios: list[Scenario], files: list[str], overrides: list[str],
               workers: int, progress: Progress = None, on_base: bool = False,
               conditions: bool = False, draws: int = 0, per_draw: int = 1,
               scheduler: str | None = None,
               replacement_cost: bool = False) -> tuple[dict[str, pd.DataFrame], dict]:
    """The scenarios against the first with common random numbers: the run tables, the
    comparison and cost-benefit tables, and their manifest. ``on_base``: the others are
    measures applied to the first (``compare --base``); ``conditions``: also what must be
    true for each working-time option (``conditions.parquet``, model/experiment/conditions.py);
    ``draws``: that many draws of the uncertain assumptions, ``per_draw`` runs each
    (model/experiment/psa.py), on the pool or on Dask (``scheduler``);
    ``replacement_cost``: also the unit's marginal replacement cost (a paired probe of the
    base, ``replacement_cost.parquet``, model/experiment/replacement.py)."""
    sim = scenarios[0].simulation
    started, t0 = provenance.now_iso(), time.perf_counter()
    if draws:
        tables = psa.run(scenarios, sim.seed, draws, per_draw, workers, progress, scheduler)
    else:
        tables = compare.run_comparison(scenarios, seed=sim.seed,
                                        replications=sim.replications, workers=workers,
                                        progress=progress)
    tables = compare.with_analysis(tables, sim)
    if conditions and working_time_options(scenarios[1:]):
        tables["conditions"] = what_must_be_true(scenarios[0], scenarios[1:], workers=workers)
    if replacement_cost:
        tables["replacement_cost"] = replacement.unit_replacement_cost(tables, scenarios[0],
                                                                       workers)
    left_out, examined = psa.screen_counts(tables.get("screen"))
    head = {"kind": "comparison", "base": scenarios[0].name, "measures_on_base": on_base,
            "uncertainty": {"draws": draws, "per_draw": per_draw if draws else None,
                            "plausible_base_turnover": list(sim.plausible_turnover)
                            if draws else None,
                            "screened_out": left_out if draws else None,
                            "candidates": examined if draws else None,
                            "intervals": "spread of futures: chance and assumptions"
                            if draws else "confidence interval of the mean: chance only, "
                            "assumptions fixed"},
            "scenarios": [{"name": sc.name, "file": str(f),
                           "sha256": provenance.file_sha256(f),
                           "resolved": sc.model_dump(mode="json")}
                          for sc, f in zip(scenarios, files)]}
    manifest = provenance.build_manifest(head, sim, overrides, started, workers=workers,
                                         t0=t0)
    return tables, manifest


def break_even(base: Scenario, scenario: Scenario, files: dict[str, str], param: str,
               low: float, high: float, target_text: str, overrides: list[str],
               workers: int, log: Callable[[dict], None] | None = None):
    """The break-even search of ``param`` in [low, high]; returns (result, evaluations
    table, manifest). ``files``: the 'scenario' and 'base' files."""
    target, value = breakeven.parse_target(target_text)
    sim = base.simulation
    base_summary = experiment.run_scenario(base, workers=workers)["summary"]
    started = provenance.now_iso()
    objective = breakeven.make_objective(files["scenario"], like_base(overrides, sim), param,
                                         target, value, base_summary, sim.years, workers,
                                         log)
    res = breakeven.find_root(objective, low, high)
    head = {"kind": "breakeven", "scenario": scenario.name, "scenario_file": files["scenario"],
            "base_file": files["base"], "param": param, "low": low, "high": high,
            "target": target_text, "status": res.status, "root": res.root,
            "ci_low": res.ci_low, "ci_high": res.ci_high, "slope": res.slope}
    manifest = provenance.build_manifest(head, sim, overrides, started)
    return res, {"evaluations": pd.DataFrame(res.evaluations)}, manifest
