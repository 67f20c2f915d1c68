"""The app's worker processes: what-ifs run there, never in the web server's threads.

One :class:`WhatIfRunner` owns a process pool. A what-if asks for replications
0..n-1 of the base and of the option with the same seed (common random numbers); the
replications already held (the cached base, an option tried before) are not run again.
The first ``first`` replications are asked for before the rest, so a first answer comes
quickly and is refined as the others arrive. A new what-if supersedes the one before:
its replications still waiting are cancelled (only those a worker has already started
finish), so clicks in a row never pile up runs. The analysis of each stage runs on one
thread of the runner, off the web server's threads.
"""

from __future__ import annotations

import ctypes
import itertools
import multiprocessing
import os
import signal
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field

import pandas as pd

from ...experiment import _quiet_worker, run_replication
from ...sim.params import Scenario

TABLES = ("summary", "costs", "timeseries")
CACHE_SCENARIOS = 24            # scenarios whose replications are kept
WORKER_NICENESS = 5
PR_SET_PDEATHSIG = 1            # prctl option (linux/prctl.h)


def cache_key(sc: Scenario) -> str:
    """A scenario as the text its replications are cached under (and sent to a worker):
    the replication count is left out, replication i is the same whatever the count."""
    one = sc.model_copy(update={"simulation": sc.simulation.model_copy(
        update={"replications": 1})})
    return one.model_dump_json()


def _worker_init(app_pid: int) -> None:
    """Workers leave signals to the app, yield the CPU to the web server and the
    analysis (which stand between a click and its answer), and end with the app."""
    _quiet_worker()
    try:
        os.nice(WORKER_NICENESS)
        # Linux: end with the app even if it is killed outright (SIGKILL)
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass
    if os.getppid() != app_pid:
        os._exit(0)                     # the app ended before the line above


def replication_tables(scenario_json: str, replication: int, seed: int) -> dict:
    """Worker: one replication's tables that the what-if analysis reads."""
    tables = run_replication(scenario_json, replication, seed)
    return {name: tables[name] for name in TABLES}


@dataclass
class Job:
    """One what-if: the replications it needs and the stages answered so far."""

    id: int
    base: Scenario
    option: Scenario
    stages: tuple[int, ...]                   # replication counts answered in turn
    futures: list[Future] = field(default_factory=list)
    answers: dict[int, object] = field(default_factory=dict)    # n -> analysis
    error: str = ""
    done: bool = False
    cancelled: bool = False


class WhatIfRunner:
    """Runs what-ifs on a process pool with a replication cache; see the module text.

    ``analyse(base_tables, option_tables, base, option)`` turns the replications of a
    stage (lists of per-replication table dicts, in replication order) into the answer.
    """

    def __init__(self, workers: int, analyse: Callable, first: int = 4):
        self.workers = max(1, workers)
        self.first = first
        self._analyse = analyse
        self._lock = threading.RLock()
        self._cache: OrderedDict[str, dict[int, dict]] = OrderedDict()
        self._running: dict[tuple[str, int], Future] = {}
        self._jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)
        self._current: Job | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="analysis")

    # -- pool ---------------------------------------------------------------------
    def start(self, warm: Scenario | None = None) -> None:
        """Start the worker processes now (before the web server's threads exist) and,
        with ``warm``, run one short replication in each so the first what-if does
        not wait for the model's compiled code to load."""
        text = None
        if warm is not None:
            short = warm.model_copy(update={"simulation": warm.simulation.model_copy(
                update={"years": 0.25, "warmup_years": 0.0})})
            text = short.model_dump_json()
            replication_tables(text, 0, 1)      # compiled code loaded here, then forked
        ctx = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx,
                                         initializer=_worker_init,
                                         initargs=(os.getpid(),))
        if text is not None:
            futs = [self._pool.submit(replication_tables, text, i, 1)
                    for i in range(self.workers)]
            for f in futs:
                f.result()

    def full_tables(self, scenarios: list[Scenario]) -> list[dict[str, pd.DataFrame]]:
        """Every table of replications 0..n-1 of each scenario (n and the seed of the
        first), run in the workers; per scenario, joined in replication order. Waits:
        call it off the web server's threads."""
        sim = scenarios[0].simulation
        futs = [[self._pool.submit(run_replication, sc.model_dump_json(), rep, sim.seed)
                 for rep in range(sim.replications)] for sc in scenarios]
        return [{t: pd.concat([f.result()[t] for f in row], ignore_index=True)
                 for t in row[0].result()} for row in futs]

    def worker_pids(self) -> list[int]:
        procs = getattr(self._pool, "_processes", None) or {}
        return [p.pid for p in procs.values()]

    def close(self) -> None:
        """Cancel everything and stop the workers (terminated, then joined)."""
        with self._lock:
            for job in self._jobs.values():
                self._cancel(job)
        pool, self._pool = self._pool, None
        if pool is not None:
            procs = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.join(timeout=5)
        self._thread.shutdown(wait=False, cancel_futures=True)

    # -- jobs ---------------------------------------------------------------------
    def submit(self, base: Scenario, option: Scenario) -> int:
        """Start a what-if (superseding the current one); returns its id."""
        n = option.simulation.replications
        stages = tuple(sorted({min(self.first, n), n}))
        with self._lock:
            cur = self._current
            if cur is not None and not cur.error and (cache_key(cur.base), cache_key(
                    cur.option), cur.stages) == (cache_key(base), cache_key(option), stages):
                return cur.id                       # the same what-if again: keep it
            if cur is not None:
                self._cancel(cur)
            job = Job(next(self._ids), base, option, stages)
            self._jobs[job.id] = job
            self._current = job
            for sc in (base, option):
                self._cache.setdefault(cache_key(sc), {})
                self._cache.move_to_end(cache_key(sc))
            # the first stage's replications first: a quick answer, then the rest
            lo = 0
            for hi in stages:
                for sc in (base, option):
                    for rep in range(lo, hi):
                        self._need(job, sc, rep)
                lo = hi
            self._forget_old()
        self._check(job)
        return job.id

    def _need(self, job: Job, sc: Scenario, rep: int) -> None:
        key = cache_key(sc)
        if rep in self._cache[key]:
            return
        fut = self._running.get((key, rep))
        if fut is None or fut.cancelled():
            fut = self._pool.submit(replication_tables, key, rep, sc.simulation.seed)
            self._running[(key, rep)] = fut
            fut.add_done_callback(lambda f, k=key, r=rep: self._arrived(k, r, f))
        job.futures.append(fut)

    def _cancel(self, job: Job) -> None:
        job.cancelled = True
        for fut in job.futures:
            fut.cancel()

    def _arrived(self, key: str, rep: int, fut: Future) -> None:
        with self._lock:
            if self._running.get((key, rep)) is fut:
                del self._running[(key, rep)]
            if fut.cancelled():
                return
            exc = fut.exception()
            job = self._current
            if exc is not None:
                if job is not None and fut in job.futures:
                    job.error = f"{type(exc).__name__}: {exc}"
                return
            self._cache.setdefault(key, {})[rep] = fut.result()
        if job is not None:
            self._check(job)

    def _check(self, job: Job) -> None:
        """Analyse every stage whose replications are all present."""
        with self._lock:
            if job.cancelled:
                return
            base = self._cache.get(cache_key(job.base), {})
            opt = self._cache.get(cache_key(job.option), {})
            for n in job.stages:
                if n in job.answers or not all(r in base and r in opt for r in range(n)):
                    continue
                job.answers[n] = None               # in progress
                b = [base[r] for r in range(n)]
                o = [opt[r] for r in range(n)]
                self._thread.submit(self._answer, job, n, b, o)

    def _answer(self, job: Job, n: int, b: list, o: list) -> None:
        if job.cancelled:
            return
        try:
            result = self._analyse(b, o, job.base, job.option)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the app goes on
            job.error = f"{type(exc).__name__}: {exc}"
            return
        with self._lock:
            job.answers[n] = result
            job.done = n == job.stages[-1]

    def status(self, job_id: int) -> dict:
        """The job's best answer so far and how many replications it rests on."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return {"state": "unknown"}
            ready = [n for n, a in job.answers.items() if a is not None]
            n = max(ready) if ready else 0
            state = ("error" if job.error else "done" if job.done else
                     "refining" if n else "running")
            return {"state": state, "n": n, "target": job.stages[-1],
                    "answer": job.answers.get(n) if n else None, "error": job.error,
                    "current": job is self._current}

    def _forget_old(self) -> None:
        while len(self._cache) > CACHE_SCENARIOS:
            self._cache.popitem(last=False)
        for old in [i for i in self._jobs if i < (self._current.id - 50)]:
            del self._jobs[old]


def concat(parts: list[dict], name: str) -> dict[str, pd.DataFrame]:
    """Per-replication tables joined, with the scenario column set to ``name``."""
    return {t: pd.concat([p[t] for p in parts], ignore_index=True).assign(scenario=name)
            for t in TABLES}
