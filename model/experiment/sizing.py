"""The size of a piece of work, estimated before it starts, and the cap it must stay under.

The figures come from docs/PERFORMANCE.md (2-core x86_64 machine):

* time (``benchmarks/bench_sizing.py``, CPU seconds of one replication of 10 + 2 years
  on one core): 10 posts 0.05 s, 40 posts 0.09 s, 100 posts 0.48 s, 200 posts 1.46 s,
  400 posts 5.2 s. A post-year (posts x simulated years, warm-up included) costs more
  the larger the unit (its cases grow with the posts, and assigning a case looks at
  every post): about 25 ms per replication plus post-years x (0.09 ms + 2.6 us x
  posts), a little above the benchmark's fit so that the estimate errs on the long side;
* memory (``benchmarks/bench_memory.py``, the proportional set size of a command and
  its workers together): a process with the libraries and a small run's tables,
  ~350 MiB (``PROCESS_BYTES``); the tables of every replication held until written,
  ~1.8 kB per post-year (10 replications of 400 posts x 30 years: 519 MiB); a
  comparison holds its analysis beside its tables (x ``ANALYSIS_FACTOR``) and, when it
  writes its dashboard and briefs, the pages' data (x ``PAGES_FACTOR``) and the browser
  that prints the PDF (``PAGES_BYTES``): the main job, 22 scenarios x 48 draws, took
  2.5 GiB in all against 0.85 GiB of tables;
* a sweep holds the resolved scenario of every point (a few times its JSON text) and one
  row of results per run.

Workers share a machine's cores at ``PARALLEL_EFFICIENCY`` each, and a comparison that
writes its pages adds its serial analysis (``SERIAL_SECONDS_PER_SCENARIO``).

Work whose estimate passes the cap (three quarters of the machine's memory and at most
8 GiB, or 12 hours) is refused in one line before anything runs, unless
``--allow-large`` is given; work estimated at more than a minute is announced in one
line.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import UserError

SECONDS_PER_REPLICATION = 0.025
SECONDS_PER_POST_YEAR = 9e-5
SECONDS_PER_POST_SQUARED_YEAR = 2.6e-6     # per post of the unit, per post-year
BYTES_PER_POST_YEAR = 1_800
# a command's own process and workers before their tables: the interpreter and the
# libraries (numpy, pandas, pyarrow, numba, plotly): 16 replications of the 40-post unit
# took 347 MiB in all (benchmarks/bench_memory.py, 2026-12-06)
PROCESS_BYTES = 360 * 2**20
# a comparison's analysis (paired tables, bootstrap, cost-benefit) beside its tables:
# 22 scenarios x 48 replications, 0.85 GiB of tables by the figure above, took 1.3 GiB
ANALYSIS_FACTOR = 1.4
# ... and while it writes its dashboard and briefs, the pages' data (x PAGES_FACTOR) and
# the browser that prints the PDF briefs (PAGES_BYTES): the main job took 2.5 GiB in
# all, 4 scenarios x 16 replications 0.9 GiB
PAGES_FACTOR = 2.0
PAGES_BYTES = 600 * 2**20
BYTES_PER_SWEEP_ROW = 300
SCENARIO_BYTES_PER_JSON_BYTE = 4
# workers on a machine's cores do not each run as fast as one alone (shared memory
# bandwidth and clock, the parent collecting tables): the main job on 2 workers ran its
# 1,152 replications in 92 s where one core's figures above give 136 s of work, 0.74 of
# the ideal (docs/PERFORMANCE.md, 2026-12-05)
PARALLEL_EFFICIENCY = 0.75
# a comparison's serial work after its runs, per scenario compared, when it writes its
# pages: analysis, bootstrap, conditions search, replacement-cost probe, dashboard and
# briefs took 26.7 s for the main job's 22 scenarios (docs/PERFORMANCE.md, 2026-12-05)
SERIAL_SECONDS_PER_SCENARIO = 1.2
MAX_SECONDS = 12 * 3600
MAX_MEMORY_BYTES = 8 * 2**30
ANNOUNCE_SECONDS = 60


@dataclass(frozen=True)
class Work:
    """Replications to run, each of ``post_years`` (posts x simulated years) of a unit
    of ``posts`` posts."""

    what: str                # e.g. "5,000 replications x 400 posts x 12 years"
    runs: int                # replications run in all
    post_years: float        # per replication
    held_runs: int           # replications whose tables are in memory at once
    extra_bytes: float = 0   # other memory (a sweep's point scenarios and result rows)
    posts: float = 0         # the unit's posts (a post-year costs more in a larger unit)
    serial_seconds: float = 0  # work after the runs that one process does
    memory_factor: float = 1.0  # what the work holds beside its tables, per table byte
    pages_bytes: float = 0      # the browser printing a comparison's PDF briefs

    def seconds(self, workers: int) -> float:
        per_run = SECONDS_PER_REPLICATION + self.post_years * (
            SECONDS_PER_POST_YEAR + SECONDS_PER_POST_SQUARED_YEAR * self.posts)
        w = max(1, min(workers, self.runs))
        speed = w * (PARALLEL_EFFICIENCY if w > 1 else 1.0)
        return self.runs * per_run / speed + self.serial_seconds

    def memory_bytes(self) -> float:
        """The memory the work adds to a running process (the app's budget)."""
        return (self.held_runs * self.post_years * BYTES_PER_POST_YEAR * self.memory_factor
                + self.extra_bytes)

    def command_bytes(self) -> float:
        """The memory of a command doing the work: its process and what the work adds."""
        return PROCESS_BYTES + self.memory_bytes() + self.pages_bytes


def memory_cap() -> float:
    """Three quarters of this machine's memory, at most 8 GiB."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        total = 2 * MAX_MEMORY_BYTES
    return min(MAX_MEMORY_BYTES, total * 3 / 4)


def post_years(scenarios) -> float:
    """The largest posts x simulated years (warm-up included) among the scenarios: the
    size of one replication."""
    return max(sc.unit.posts * (sc.simulation.years + sc.simulation.warmup_years)
               for sc in scenarios)


def replications(scenarios, replications: int, evaluations: int = 1,
                 held: str = "all") -> Work:
    """The work of running ``replications`` of each scenario, ``evaluations`` times
    (a search); ``held``: 'all' tables kept (run, compare) or 'one' evaluation's."""
    scenarios = list(scenarios)
    size = post_years(scenarios)
    posts = max(sc.unit.posts for sc in scenarios)
    first = scenarios[0]
    what = (f"{replications:,} replications x {len(scenarios) * evaluations:,} "
            f"scenario runs x {first.unit.posts:g} posts x "
            f"{first.simulation.years + first.simulation.warmup_years:g} years"
            if len(scenarios) * evaluations > 1 else
            f"{replications:,} replications x {first.unit.posts:g} posts x "
            f"{first.simulation.years + first.simulation.warmup_years:g} years")
    runs = replications * len(scenarios) * evaluations
    held_runs = replications * (len(scenarios) if held == "all" else 1)
    return Work(what, runs, size, held_runs, posts=posts)


def comparison(scenarios, replications_each: int, screened: int = 0,
               pages: bool = False) -> Work:
    """The work of a comparison: ``replications_each`` of every scenario, the
    ``screened`` first runs of the base's candidate draws that the uncertainty analysis
    leaves out, and with ``pages`` (dashboard or brief) the serial work after the runs."""
    scenarios = list(scenarios)
    work = replications(scenarios, replications_each)
    serial = SERIAL_SECONDS_PER_SCENARIO * len(scenarios) if pages else 0.0
    return Work(work.what, work.runs + screened, work.post_years, work.held_runs,
                posts=work.posts, serial_seconds=serial,
                memory_factor=PAGES_FACTOR if pages else ANALYSIS_FACTOR,
                pages_bytes=PAGES_BYTES if pages else 0.0)


def what_if(scenarios, replications_each: int, workers: int) -> Work:
    """The work of one what-if of the app: ``replications_each`` of every scenario (the
    base and the option). The app keeps only each replication's small tables (summary,
    costs and the weekly series, which do not grow with the posts), so the memory that
    grows with the size is that of the replications running at once, one per worker."""
    work = replications(scenarios, replications_each)
    return Work(work.what, work.runs, work.post_years, min(max(1, workers), work.runs),
                posts=work.posts)


def sweep(points: int, replications: int, posts: float, years: float,
          scenario_json_bytes: int) -> Work:
    runs = points * replications
    extra = (points * scenario_json_bytes * SCENARIO_BYTES_PER_JSON_BYTE
             + runs * BYTES_PER_SWEEP_ROW)
    return Work(f"{points:,} points x {replications:,} replications x {posts:g} posts x "
                f"{years:g} years", runs, posts * years, 0, extra, posts=posts)


def _size(n: float) -> str:
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20)):
        if n >= scale:
            return f"{n / scale:,.1f} {unit}"
    return f"{n / 2**10:,.0f} KiB"


def _duration(s: float) -> str:
    if s >= 3600:
        return f"{s / 3600:,.1f} h"
    return f"{s / 60:,.0f} min" if s >= 60 else f"{s:,.0f} s"


def check(work: Work, workers: int, allow_large: bool, say: Callable[[str], None],
          announce: Callable[[float, float], str] | None = None) -> None:
    """Refuse work over the cap (unless ``allow_large``); announce work over a minute,
    in the words ``announce(seconds, memory bytes)`` gives (the reader's language), else
    in English."""
    seconds, memory, cap = work.seconds(workers), work.command_bytes(), memory_cap()
    estimate = (f"about {_duration(seconds)} on {workers} core(s) and {_size(memory)} of "
                f"memory ({work.what})")
    if (memory > cap or seconds > MAX_SECONDS) and not allow_large:
        raise UserError(f"this work needs {estimate}; the cap is {_size(cap)} and "
                        f"{_duration(MAX_SECONDS)} (docs/PERFORMANCE.md): make it smaller, "
                        "or add --allow-large to run it anyway")
    if seconds > ANNOUNCE_SECONDS or memory > cap:
        say(announce(seconds, memory) if announce else
            f"Estimated: {estimate}; Ctrl-C stops it and leaves nothing half-written")
