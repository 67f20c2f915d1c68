"""The Model: one replication of one scenario, built on SimPy.

Time runs in days. The model owns the simulation environment and the replication's
random streams, and one ``Unit`` (``model.sim.unit``) with the unit's state: worker state
in declared columns indexed by *slot* (``model.sim.staff``), cases in the case book
(``model.sim.casebook``), posts, policies, the ledger and the recorder.

``Model.tick`` is the week, step by step (the processes in ``model/sim/processes``, the
slot transitions in ``model.sim.lifecycle``). Between ticks a few event-driven SimPy
processes run: notice periods, recruitment rounds and consultant starts. An
investigation finishes when its handler's cumulative service credit reaches its finish
credit (processor sharing), an ongoing case at a calendar day. The weekly passes are
compiled loops (``model.sim.jit``).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from contextlib import contextmanager
from typing import NamedTuple

import simpy

from . import costs, jit, lifecycle, metrics, policies
from .entities import DAYS_PER_YEAR, WEEK
from .params import Scenario
from .processes import arrivals, assignment, phases, sickleave, strain
from .rng import Streams
from .unit import Unit

_frozen = False      # inside an older_objects_frozen block (inherited by forked workers)


@contextmanager
def older_objects_frozen():
    """Leave the objects that exist now out of garbage collection until the block ends.

    Used around a batch of replications. The objects alive before it are long-lived
    (libraries such as scipy and pandas, the caller's data), yet a full collection walks
    all of them every few replications: about a tenth of a replication's time. The
    replications' own garbage is created inside the block and collected as usual.
    Freezing is O(1) and undone at the end, so nothing is kept longer than the block;
    nested blocks, and pool workers forked from a frozen parent, leave it to the
    outermost one (a forked worker's collector then never touches, and so never copies,
    the parent's memory).
    """
    global _frozen
    if _frozen:                 # (gc.get_freeze_count() would walk the frozen objects)
        yield
        return
    _frozen = True
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        _frozen = False


class Step(NamedTuple):
    """One weekly step: what it does, the function run on the unit, and the staff
    columns it may write (with ``Model.check_writes`` on, the others are read-only while
    it runs)."""
    name: str
    run: Callable
    writes: tuple[str, ...]


HOLDINGS = ("load", "complex_load", "ncases", "n_overdue")
# The week, in order: costs of the week past, then the unit's state for the week ahead.
WEEKLY_STEPS = (
    Step("payroll of the week past", costs.book_payroll, ()),
    Step("policies' own costs", policies.book_costs, ()),
    Step("consultant fees", costs.book_consultants, ()),
    Step("case progress", arrivals.progress_cases, ("credit",) + HOLDINGS),
    Step("new cases", arrivals.weekly_arrivals, ()),
    Step("investigation deadlines", arrivals.check_deadlines, ("n_overdue",)),
    Step("sick-leave onsets", sickleave.onsets,
         ("sick_until", "spell_start", "credit") + HOLDINGS),
    Step("policy effects and extra posts", lifecycle.update_policies, ()),
    Step("managers' response", lifecycle.managers_respond, HOLDINGS),
    Step("phases, mentoring and hours", phases.update,
         ("phase", "mentor_given", "mentee_cover", "shielded", "avail_full", "avail")),
    Step("case assignment", assignment.assign_week, HOLDINGS),
    Step("demand, control, support and strain", strain.update,
         ("ratio", "zd", "zc", "zs", "zm", "strain", "exh", "util")),
    Step("leaving", lifecycle.weekly_leaving, ("salary", "intending", "notice")),
    Step("weekly audit", metrics.audit_week, ()),
)


class Model:
    """One replication of a scenario. ``run()`` returns the recorder's tables."""

    def __init__(self, scenario: Scenario, replication: int = 0, seed: int | None = None):
        self.params = scenario
        self.replication = replication
        self.seed = scenario.simulation.seed if seed is None else seed
        self.rng = Streams(self.seed, replication)
        self.env = simpy.Environment()
        sim = scenario.simulation
        self.warmup_end = sim.warmup_years * DAYS_PER_YEAR
        self.horizon = (sim.warmup_years + sim.years) * DAYS_PER_YEAR
        self.unit = Unit(scenario, self.env, self.rng, self.warmup_end)
        # each weekly step may write only its declared columns (kernels must then stay
        # dispatchers, which type read-only arrays: so on with the kernel check)
        self.check_writes = jit.CHECK
        lifecycle.initial_staff(self.unit)
        self.env.process(self._weekly())

    @property
    def now(self) -> float:
        return self.env.now

    def _weekly(self):
        env = self.env
        while env.now + WEEK <= self.horizon + 1e-9:
            yield env.timeout(WEEK)
            self.tick()

    def tick(self) -> None:
        """One week: the steps of ``WEEKLY_STEPS``, in order."""
        u = self.unit
        if self.check_writes:
            for step in WEEKLY_STEPS:
                with u.staff.writable_only(step.writes):
                    step.run(u)
            return
        for step in WEEKLY_STEPS:
            step.run(u)

    def _meta(self) -> dict:
        return {"scenario": self.params.name, "replication": self.replication,
                "seed": self.seed}

    def run(self):
        """Run the replication; its four tables as DataFrames."""
        self.env.run(until=self.horizon + 1e-6)
        return self.unit.recorder.tables(self.unit, self._meta())

    def run_columns(self):
        """Run the replication; its tables as columns (see ``metrics.join_columns``)."""
        self.env.run(until=self.horizon + 1e-6)
        return self.unit.recorder.columns(self.unit, self._meta())
