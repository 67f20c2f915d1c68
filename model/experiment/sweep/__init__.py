"""Parameter sweeps from YAML: designs, executors, a resumable store, sensitivity.

A sweep file names a base scenario, the factors (any parameter path of the scenario
schema) with grid values or ranges, a design (grid, random, lhs, sobol, morris), the
replications and the outputs to analyse. Every (point, replication) run uses the random
streams of (seed, replication), so replication *i* shares its random numbers at every
point (common random numbers) and the tables are identical whatever the executor.

Storage: ``<out>/parts/chunk-NNNNN.parquet``, one per finished chunk, each written to a
temporary file and renamed; ``points.parquet`` lists the design points and
``manifest.json`` the chunks and their state. Re-running the same command resumes: a
chunk whose part exists is not run again. A changed sweep file against an existing
directory is refused (``--force`` starts over). ``collect`` (also run at the end)
writes ``sweep.parquet`` (point, factor values, replication, KPIs) and, for sobol and
morris designs, ``sensitivity.parquet`` (SALib indices with confidence intervals, plus
the share of the output variance that is replication noise).

The package is split by concern: :mod:`.spec` (the sweep file), :mod:`.designs` (the
design points and their scenarios), :mod:`.execution` (the directory, chunks and
executors) and :mod:`.analysis` (collecting, sensitivity indices, the report).
"""

from .analysis import collect, sensitivity
from .designs import design_points, point_scenarios, salib_problem
from .execution import (
    MAX_RUNS,
    SweepDir,
    check_runs,
    execute,
    make_chunks,
    prepare,
    run_chunk,
    simulate_run,
    work,
)
from .spec import Range, SweepSpec, load_sweep, spec_hash

__all__ = ["MAX_RUNS", "Range", "SweepDir", "SweepSpec", "check_runs", "collect",
           "design_points",
           "execute", "load_sweep", "make_chunks", "point_scenarios", "prepare",
           "run_chunk", "salib_problem", "sensitivity", "simulate_run",
           "spec_hash", "work"]
