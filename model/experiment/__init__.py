"""Replications of a scenario, serial or on a process pool, and their summary.

Replication ``i`` of a scenario always uses the random streams of (seed, i), so the
tables are identical whatever the executor or worker count, and two scenarios run
with the same seed share their random numbers (common random numbers). Workers get
plain data (the scenario as a JSON-able dict), never pickled model objects.
"""

from __future__ import annotations

import functools
import gc
import math
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed

import pandas as pd

from ..errors import UserError
from ..sim.metrics import SUMMARY_KPIS, frame, join_columns
from ..sim.params import Scenario
from ..sim.workforce import Model, older_objects_frozen
from .intervals import kpi_ci, level_ci, mean_ci  # noqa: F401 - used from here too
from .workers import init_worker

TABLES = ("summary", "timeseries", "events", "costs")


def run_replication(scenario: Scenario | dict, replication: int,
                    seed: int | None = None) -> dict[str, pd.DataFrame]:
    """Run one replication and return its tables."""
    return Model(_as_scenario(scenario), replication=replication, seed=seed).run()


@functools.lru_cache(maxsize=8)
def _scenario_from_json(text: str) -> Scenario:
    """A pool worker validates each scenario it is sent once, not once per replication."""
    return Scenario.model_validate_json(text)


def _as_scenario(scenario: Scenario | dict | str) -> Scenario:
    """A scenario given as the object, plain data (sweeps, Dask) or JSON text (the pool)."""
    if isinstance(scenario, str):
        return _scenario_from_json(scenario)
    if isinstance(scenario, dict):
        return Scenario.model_validate(scenario)
    return scenario


def _columns(scenario: Scenario | dict | str, rep: int, seed: int):
    with older_objects_frozen():
        cols = Model(_as_scenario(scenario), replication=rep, seed=seed).run_columns()
        # the model and its SimPy processes refer to each other: collect them now (only
        # this replication's objects are walked) rather than several replications later
        gc.collect()
    return cols


def replication_kpis(scenario: Scenario | dict, replication: int,
                     seed: int | None = None) -> dict[str, float | int]:
    """Run one replication and return only its summary results (plain numbers)."""
    cols = _columns(scenario, replication, seed)["summary"]
    return {k: cols[k][0].item() for k in SUMMARY_KPIS}


def _job(args):
    data, rep, seed = args
    return rep, _columns(data, rep, seed)


def run_scenario(scenario: Scenario, replications: int | None = None,
                 seed: int | None = None, workers: int = 1,
                 progress: Callable[[int], None] | None = None) -> dict[str, pd.DataFrame]:
    """Run all replications; tables are concatenated in replication order."""
    with older_objects_frozen():
        return _run_scenario(scenario, replications, seed, workers, progress)


def _run_scenario(scenario, replications, seed, workers, progress):
    n = scenario.simulation.replications if replications is None else replications
    seed = scenario.simulation.seed if seed is None else seed
    results: dict[int, dict] = {}
    if workers <= 1 or n == 1:
        for rep in range(n):
            results[rep] = _columns(scenario, rep, seed)
            if progress:
                progress(1)
    else:
        data = scenario.model_dump_json()       # plain text: cheap to send, cached there
        def done(item):
            rep, tables = item
            results[rep] = tables
            if progress:
                progress(1)

        run_on_pool(min(workers, n), [(_job, ((data, rep, seed),)) for rep in range(n)], done)
    # tables travel and are joined as numpy columns: much cheaper than DataFrames; each
    # table's parts are let go as soon as it is built (peak memory of large runs)
    return {name: frame(join_columns([results[r].pop(name) for r in range(n)]))
            for name in TABLES}


def run_on_pool(workers: int, jobs: list, on_result) -> None:
    """Run ``(function, args)`` jobs on a process pool, calling ``on_result`` in this
    process as each finishes. On any interruption the workers are stopped at once."""
    # forked workers share this process's memory copy-on-write; frozen objects are left
    # alone by the workers' garbage collector, so those pages are not copied
    with older_objects_frozen():
        _run_pool(workers, jobs, on_result)


def _run_pool(workers: int, jobs: list, on_result) -> None:
    pool = ProcessPoolExecutor(max_workers=workers, initializer=init_worker,
                               initargs=(os.getpid(),))
    try:
        futs = [pool.submit(fn, *args) for fn, args in jobs]
        for fut in as_completed(futs):
            on_result(fut.result())
    except BaseException:
        # stop the workers, whatever state the pool was in when interrupted
        try:
            procs = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for proc in procs:
                proc.terminate()
        except Exception:  # noqa: BLE001 - cleanup must not hide the interruption
            pass
        raise
    pool.shutdown(wait=True)


def run_on_dask(scheduler: str, workers: int, jobs: list, on_result) -> None:
    """Run ``(function, args)`` jobs on Dask: ``scheduler`` is ``local`` (a
    LocalCluster of ``workers`` processes) or the address of a running scheduler,
    tcp://HOST:PORT; ``on_result`` is called in this process as each job finishes."""
    try:
        from distributed import Client, LocalCluster
        from distributed import as_completed as dask_completed
    except ImportError:
        raise UserError("--scheduler needs the 'distributed' package (pip install "
                        "'dask[distributed]')") from None
    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            if not scheduler.startswith(("tcp://", "tls://", "inproc://")):
                raise UserError(f"--scheduler {scheduler}: expected local or "
                                "tcp://HOST:PORT")
            client = Client(scheduler, timeout="20s")
    except OSError as exc:
        raise UserError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
    try:
        tag = f"{os.getpid()}-{id(jobs)}"
        futs = [client.submit(fn, *args, pure=False, key=f"job-{i}-{tag}")
                for i, (fn, args) in enumerate(jobs)]
        for fut in dask_completed(futs):
            on_result(fut.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def summarise(summary: pd.DataFrame, kpis=SUMMARY_KPIS) -> pd.DataFrame:
    """One row per scenario and KPI: mean, sd and 95% confidence interval (bounded
    quantities by bootstrap, a 0/1 result by Wilson, see ``model.experiment.intervals``)."""
    rows = []
    for scen, grp in summary.groupby("scenario", sort=False):
        for k in kpis:
            m, lo, hi = kpi_ci(k, grp[k])
            rows.append({"scenario": scen, "metric": k, "mean": m,
                         "sd": float(grp[k].std(ddof=1)) if len(grp) > 1 else math.nan,
                         "ci_low": lo, "ci_high": hi, "n": int(grp[k].notna().sum())})
    return pd.DataFrame(rows)
