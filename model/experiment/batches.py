"""Replications scheduled in batches, every scenario of a command in one pool.

A *batch* is a list of (scenario, replication) pairs that one worker runs one after
another and sends back together: the scenarios' JSON text travels once per batch, not
once per replication, and the results come back in one message. Replication ``i`` of a
scenario still uses the random streams of (seed, i) whatever batch it is in, so the
tables are identical whatever the batch size, the worker count or the executor.

All the pairs a command needs at one time (a comparison's every scenario, the
uncertainty analysis's every option and draw) are batches of one pool: no worker waits
for the last replications of one scenario before the next scenario starts.

The batch size is chosen from the work unless ``--batch`` sets it
(:func:`set_batch`): at least :data:`TASKS_PER_WORKER` batches per worker, so the
workers finish together; at most :data:`MAX_AUTO_BATCH` replications, so progress is
reported often; and at most what :data:`BATCH_MEMORY_BYTES` of tables allows (a worker
holds its batch's tables until the batch is done; ``model.experiment.sizing``'s bytes
per post-year).

Each batch reports how long its worker was busy, so :data:`last_pool` tells how well the
workers were used (``benchmarks/bench_scaling.py`` reports it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from ..errors import UserError
from .sizing import BYTES_PER_POST_YEAR

BATCH_MEMORY_BYTES = 256 * 2**20   # tables one worker holds for one batch
TASKS_PER_WORKER = 4               # batches per worker at least (the tail is short)
MAX_AUTO_BATCH = 8                 # replications per batch at most, unless --batch
MAX_BATCH = 4096                   # what --batch accepts

Item = tuple[Hashable, str, int]   # (key, the scenario as JSON text, replication)

_requested: int | None = None


@dataclass(frozen=True)
class PoolStats:
    """How one pool of batches used its workers."""
    workers: int
    batches: int
    replications: int
    wall_seconds: float
    busy_seconds: float          # summed over the workers, measured inside them

    @property
    def busy_share(self) -> float:
        """The share of the workers' wall time spent running replications."""
        return self.busy_seconds / max(1e-9, self.workers * self.wall_seconds)


last_pool: PoolStats | None = None


def set_batch(size: int | None) -> None:
    """Replications per batch for the commands of this process (``--batch``); None:
    chosen from the work."""
    global _requested
    if size is not None and not 1 <= size <= MAX_BATCH:
        raise UserError(f"--batch {size}: must be a whole number from 1 to {MAX_BATCH}")
    _requested = size


def batch_size(n: int, workers: int, post_years: float, requested: int | None = None) -> int:
    """Replications per batch for ``n`` replications of ``post_years`` (posts x years)
    each on ``workers`` workers."""
    requested = _requested if requested is None else requested
    if requested:
        return requested
    by_memory = max(1, int(BATCH_MEMORY_BYTES // max(1.0, post_years * BYTES_PER_POST_YEAR)))
    by_balance = max(1, n // max(1, workers * TASKS_PER_WORKER))
    return min(MAX_AUTO_BATCH, by_balance, by_memory)


def batches(items: list[Item], size: int) -> list[tuple[dict, list]]:
    """The items in batches of ``size``: each the texts it needs by key and its
    (key, replication) pairs, in the items' order."""
    out = []
    for start in range(0, len(items), size):
        part = items[start:start + size]
        out.append(({key: text for key, text, _ in part}, [(key, rep) for key, _, rep in part]))
    return out


def run_batch(texts: dict, pairs: list, seed: int) -> tuple[list, float]:
    """Worker: the batch's replications in order; (key, replication, columns) each, and
    the seconds the worker was busy."""
    from .pools import _columns
    t = time.perf_counter()
    done = [(key, rep, _columns(texts[key], rep, seed)) for key, rep in pairs]
    return done, time.perf_counter() - t


def run_replications(items: list[Item], seed: int, workers: int,
                     on_result: Callable[[Hashable, int, dict], None],
                     post_years: float, progress: Callable[[int], None] | None = None,
                     scheduler: str | None = None) -> None:
    """Run every item's replication, serially (one worker, no scheduler), on the process
    pool or on Dask, calling ``on_result(key, replication, columns)`` in this process as
    each finishes (in batches)."""
    global last_pool
    from .pools import _columns, run_on_dask, run_on_pool
    if not items:
        return
    if workers <= 1 and not scheduler:
        t = time.perf_counter()
        for key, text, rep in items:
            on_result(key, rep, _columns(text, rep, seed))
            if progress:
                progress(1)
        wall = time.perf_counter() - t
        last_pool = PoolStats(1, len(items), len(items), wall, wall)
        return
    size = batch_size(len(items), workers, post_years)
    jobs = [(run_batch, (texts, pairs, seed)) for texts, pairs in batches(items, size)]
    busy = [0.0]

    def done(result):
        finished, seconds = result
        busy[0] += seconds
        for key, rep, cols in finished:
            on_result(key, rep, cols)
        if progress:
            progress(len(finished))

    t = time.perf_counter()
    if scheduler:
        run_on_dask(scheduler, workers, jobs, done)
    else:
        run_on_pool(min(workers, len(jobs)), jobs, done)
    last_pool = PoolStats(min(workers, len(jobs)), len(jobs), len(items),
                          time.perf_counter() - t, busy[0])
