"""The app's what-ifs, run on a process pool (:mod:`model.present.app.worker`), never in the
web server's threads.

A what-if asks for replications 0..n-1 of the base and of the option with the same seed
(common random numbers); replications already held (the cached base, an option tried
before) are not run again. The option's first ``first`` come first, so a first answer
comes quickly and is refined as the others arrive (the base's own column rests on all n
from the first); each stage is analysed on one thread of the runner. The work is bounded:

* one what-if per browser page (its session): a newer one supersedes it, and its
  replications stop, running ones included (within a fraction of a second);
* at most ``max_jobs`` what-ifs at once; when full, the oldest a page no longer watches
  (no state asked for ``UNWATCHED_SECONDS``) makes room, else the new one is refused
  (:class:`Busy`); a watched page's new what-if ends the unwatched ones;
* replications go to workers only as workers free up, the newest what-if's first;
* the replication cache is bounded in bytes (``CACHE_BYTES``);
* a what-if unanswered ``deadline`` seconds after it started is ended with its
  replications (state "timeout"): the sizing before the start
  (:meth:`model.present.app.state.AppState.size`) is an estimate, this is the limit.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field

import pandas as pd

from ...experiment import run_replication
from ...sim.params import Scenario
from .worker import STOP_SLOTS, Stopped, _worker_init, replication_tables

__all__ = ["Busy", "Stopped", "WhatIfRunner", "cache_key"]

CACHE_BYTES = 256 * 2**20       # replications kept (~0.3 MiB each at 20 years)
MAX_JOBS = 4                    # what-ifs under way at once, all pages together
UNWATCHED_SECONDS = 2.0         # a page asks for its what-if's state every 0.4 s
DEADLINE_SECONDS = 180.0        # a what-if still running then is ended (3x the target)


class Busy(Exception):
    """Refused: ``limit`` what-ifs are already under way."""

    def __init__(self, limit: int):
        super().__init__(f"{limit} what-ifs are already under way")
        self.limit = limit


def cache_key(sc: Scenario) -> str:
    """A scenario as the text its replications are cached under (and sent to a worker):
    the replication count is left out, replication i is the same whatever the count."""
    one = sc.model_copy(update={"simulation": sc.simulation.model_copy(
        update={"replications": 1})})
    return one.model_dump_json()


# -- in the app ---------------------------------------------------------------------------

@dataclass
class Job:
    """One what-if: the replications it needs and the stages answered so far."""

    id: int
    session: str
    base: Scenario
    option: Scenario
    stages: tuple[int, ...]                   # replication counts answered in turn
    needs: list[tuple[str, int, int]] = field(default_factory=list)  # key, rep, seed
    answers: dict[int, object] = field(default_factory=dict)    # n -> analysis
    error: str = ""
    done: bool = False
    cancelled: bool = False
    superseded: bool = False                  # a newer what-if of its page: never back
    seen: float = 0.0                         # when its state was last asked for
    started: float = 0.0                      # when it was admitted (monotonic)
    timed_out: bool = False                   # ended at the runner's deadline


@dataclass
class Task:
    key: str
    rep: int
    ticket: int
    future: Future


def _nbytes(tables: dict) -> int:
    return int(sum(df.memory_usage(deep=False).sum() for df in tables.values()))


class WhatIfRunner:
    """Runs what-ifs on a process pool with a replication cache; see the module text.

    ``analyse(base_tables, option_tables, base, option, base_all)`` turns a stage's paired
    replications (per-replication table dicts, in order) into the answer; ``base_all``:
    all the base's, for its own column.
    """

    def __init__(self, workers: int, analyse: Callable, first: int = 4,
                 max_jobs: int = MAX_JOBS, deadline: float = DEADLINE_SECONDS):
        self.workers = max(1, workers)
        self.deadline = deadline
        self.first = first
        self.max_jobs = max(1, max_jobs)
        self._analyse = analyse
        self._lock = threading.RLock()
        self._cache: OrderedDict[str, dict[int, dict]] = OrderedDict()
        self._cache_bytes = 0
        self._tasks: dict[tuple[str, int], Task] = {}
        self._jobs: dict[int, Job] = {}
        self._sessions: dict[str, int] = {}          # session -> its current job
        self._watched: dict[str, float] = {}         # session -> last asked
        self._ids = itertools.count(1)
        self._tickets = itertools.count(1)
        self._stop = multiprocessing.RawArray("q", STOP_SLOTS)
        self._pool: ProcessPoolExecutor | None = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="analysis")
        self._wake = threading.Event()
        self._closed = False
        self.stopped = 0                               # replications stopped early

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
                                         initargs=(os.getpid(), self._stop))
        # the first submission forks every worker (before any thread of the runner)
        futs = [self._pool.submit(replication_tables, text, i, 1) if text else
                self._pool.submit(os.getpid) for i in range(self.workers)]
        for f in futs:
            f.result()
        threading.Thread(target=self._dispatch, name="dispatch", daemon=True).start()

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
            self._closed = True
            for job in self._jobs.values():
                job.cancelled = True
            self._release()
        self._wake.set()
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
    def submit(self, base: Scenario, option: Scenario, session: str = "") -> int:
        """Start a what-if of the page ``session`` (superseding that page's what-if);
        returns its id. :class:`Busy` when ``max_jobs`` what-ifs of other pages are
        under way and none of them is unwatched."""
        n = option.simulation.replications
        stages = tuple(sorted({min(self.first, n), n}))
        now = time.monotonic()
        with self._lock:
            cur = self._jobs.get(self._sessions.get(session, 0))
            if cur is not None and not cur.error and not cur.superseded and (
                    cache_key(cur.base), cache_key(cur.option), cur.stages) == (
                    cache_key(base), cache_key(option), stages):
                if cur.cancelled:
                    self._admit(cur, now)       # raises Busy when there is no room
                return cur.id                   # the same what-if again: keep it
            watched = now - self._watched.get(session, -1e9) < UNWATCHED_SECONDS
            others = [j for j in self._live() if j is not cur]
            if watched:                 # someone waits for this one: end what no one does
                for j in others:
                    if not self._is_watched(j, now):
                        j.cancelled = True
            if cur is not None:
                cur.cancelled = cur.superseded = True
            job = Job(next(self._ids), session, base, option, stages, seen=now)
            self._admit(job, now)
            self._jobs[job.id] = job
            self._sessions[session] = job.id
            # the first stage's pairs, the rest of the base (its column), the option's rest
            order = ([(sc, r) for r in range(stages[0]) for sc in (base, option)]
                     + [(sc, r) for sc in (base, option) for r in range(stages[0], n)])
            job.needs = [(cache_key(sc), r, sc.simulation.seed) for sc, r in order]
            for key in {k for k, _, _ in job.needs}:
                self._cache.setdefault(key, {})
                self._cache.move_to_end(key)
            self._release()
            self._forget_old()
        self._check(job)
        self._wake.set()
        return job.id

    def _live(self) -> list[Job]:
        return [j for j in self._jobs.values()
                if not (j.cancelled or j.done or j.error)]

    def _is_watched(self, job: Job, now: float) -> bool:
        """Its page asked for the state of its what-if within ``UNWATCHED_SECONDS``
        (a what-if nobody has asked about yet is unwatched: a page asks at once)."""
        return now - self._watched.get(job.session, -1e9) < UNWATCHED_SECONDS

    def _admit(self, job: Job, now: float) -> None:
        """Make room for ``job`` (ending the oldest what-if nobody watches) or refuse."""
        live = [j for j in self._live() if j is not job]
        while len(live) >= self.max_jobs:
            idle = [j for j in live if not self._is_watched(j, now)]
            if not idle:
                raise Busy(self.max_jobs)
            oldest = min(idle, key=lambda j: j.id)
            oldest.cancelled = True
            live.remove(oldest)
        job.cancelled = False
        job.seen = job.started = now

    def _release(self) -> None:
        """Stop the replications running or queued that no live what-if needs."""
        needed = {(k, r) for j in self._live() for k, r, _ in j.needs}
        for (key, rep), task in list(self._tasks.items()):
            if (key, rep) not in needed:
                task.future.cancel()
                self._stop[task.ticket % STOP_SLOTS] = task.ticket

    # -- dispatch -------------------------------------------------------------------
    def _dispatch(self) -> None:
        """The runner's thread: hand replications to free workers, newest what-if first."""
        while not self._closed:
            self._wake.wait(0.5)
            self._wake.clear()
            try:
                self._pump()
            except Exception:  # noqa: BLE001 - a closed pool; the loop ends with close()
                time.sleep(0.1)

    def _pump(self) -> None:
        with self._lock:
            if self._pool is None or self._closed:
                return
            self._end_overdue(time.monotonic())
            free = self.workers - len(self._tasks)
            for job in sorted(self._live(), key=lambda j: -j.id):
                for key, rep, seed in job.needs:
                    if free <= 0:
                        return
                    if rep in self._cache.get(key, {}) or (key, rep) in self._tasks:
                        continue
                    ticket = next(self._tickets)
                    fut = self._pool.submit(replication_tables, key, rep, seed, ticket)
                    self._tasks[(key, rep)] = Task(key, rep, ticket, fut)
                    fut.add_done_callback(lambda f, k=key, r=rep: self._arrived(k, r, f))
                    free -= 1

    def _end_overdue(self, now: float) -> None:
        """End the what-ifs unanswered ``deadline`` seconds after they started."""
        late = [j for j in self._live() if now - j.started > self.deadline]
        for job in late:
            job.timed_out = job.superseded = True
            job.cancelled = True
        if late:
            self._release()

    def _arrived(self, key: str, rep: int, fut: Future) -> None:
        with self._lock:
            task = self._tasks.get((key, rep))
            if task is not None and task.future is fut:
                del self._tasks[(key, rep)]
            exc = None if fut.cancelled() else fut.exception()
            if fut.cancelled() or isinstance(exc, Stopped):
                self.stopped += not fut.cancelled()
                jobs = []
            elif exc is not None:
                for job in self._live():
                    if any(k == key and r == rep for k, r, _ in job.needs):
                        job.error = f"{type(exc).__name__}: {exc}"
                jobs = []
            else:
                tables = fut.result()
                held = self._cache.get(key)
                if held is not None and rep not in held:
                    held[rep] = tables
                    self._cache_bytes += _nbytes(tables)
                    self._forget_old()
                jobs = self._live()
        for job in jobs:
            self._check(job)
        self._wake.set()

    def _check(self, job: Job) -> None:
        """Analyse every stage whose replications are all present."""
        with self._lock:
            if job.cancelled:
                return
            base = self._cache.get(cache_key(job.base), {})
            opt = self._cache.get(cache_key(job.option), {})
            full = job.stages[-1]
            if not all(r in base for r in range(full)):
                return                  # the base's column rests on all its replications
            for n in job.stages:
                if n in job.answers or not all(r in opt for r in range(n)):
                    continue
                job.answers[n] = None               # in progress
                b = [base[r] for r in range(full)]
                o = [opt[r] for r in range(n)]
                self._thread.submit(self._answer, job, n, b, o)

    def _answer(self, job: Job, n: int, b: list, o: list) -> None:
        if job.cancelled:
            job.answers.pop(n, None)
            return
        try:
            result = self._analyse(b[:n], o, job.base, job.option, b)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the app goes on
            job.error = f"{type(exc).__name__}: {exc}"
            return
        with self._lock:
            job.answers[n] = result
            job.done = n == job.stages[-1]

    def status(self, job_id: int) -> dict:
        """The job's best answer so far and how many replications it rests on. Asking
        marks the job's page as watched, and brings back its what-if if it was ended
        for want of a watcher (or says ``busy`` when there is no room)."""
        now = time.monotonic()
        revived = False
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return {"state": "unknown"}
            job.seen = now
            self._watched[job.session] = now
            busy = False
            if job.cancelled and not job.superseded and not self._closed:
                try:
                    self._admit(job, now)
                    self._release()
                    revived = True
                except Busy:
                    busy = True
            ready = [n for n, a in job.answers.items() if a is not None]
            n = max(ready) if ready else 0
            state = ("error" if job.error else "done" if job.done else
                     "timeout" if job.timed_out else
                     "busy" if busy else "refining" if n else "running")
            out = {"state": state, "n": n, "target": job.stages[-1],
                   "answer": job.answers.get(n) if n else None, "error": job.error,
                   "current": self._sessions.get(job.session) == job.id,
                   "limit": self.max_jobs, "deadline": self.deadline}
        if revived:
            self._check(job)
            self._wake.set()
        return out

    def _forget_old(self) -> None:
        """Drop the least recently used scenarios over ``CACHE_BYTES`` (never those a
        live what-if needs) and old jobs."""
        needed = {k for j in self._live() for k, _, _ in j.needs}
        for key in list(self._cache):
            if self._cache_bytes <= CACHE_BYTES:
                break
            if key in needed:
                continue
            self._cache_bytes -= sum(_nbytes(t) for t in self._cache.pop(key).values())
        newest = max(self._jobs, default=0)
        for old in [i for i, j in self._jobs.items() if i < newest - 50
                    and self._sessions.get(j.session) != i]:
            del self._jobs[old]
        if len(self._sessions) > 1000:      # pages long gone
            for s in sorted(self._sessions, key=self._sessions.get)[:500]:
                del self._sessions[s]
                self._watched.pop(s, None)
