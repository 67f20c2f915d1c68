"""Where replications run: one replication's columns in this process, and jobs on the
process pool or on Dask. Workers get plain data (the scenario as JSON text), never
pickled model objects; results come back as numpy columns."""

from __future__ import annotations

import functools
import gc
import os
from concurrent.futures import ProcessPoolExecutor, as_completed

from ..errors import UserError
from ..sim.params import Scenario
from ..sim.workforce import Model, older_objects_frozen
from .workers import init_worker


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


