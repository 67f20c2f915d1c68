"""The Model: one replication of one scenario, built on SimPy.

Time runs in days. Worker state lives in numpy arrays indexed by *slot* (structure
of arrays) so the weekly tick updates every worker at once. Slot ``k < n_positions``
is budgeted position ``k``: a hire takes the slot of the post it fills, so random
numbers drawn per slot line up across scenarios (common random numbers). Slots from
``n_positions`` on hold consultants.

Processes (see ``model/processes``): one unit-level weekly tick (case progress,
arrivals, deadlines, sick leave, phases and mentoring, assignment, strain, leaving,
costs, the weekly audit) and a few event-driven SimPy processes (notice periods,
recruitment rounds, consultant starts). Cases are rows of the case book
(``model.casebook``), not processes: an investigation finishes when its handler's
cumulative service credit reaches its finish credit (processor sharing), an ongoing case
at a calendar day. The weekly passes are compiled loops (``model.jit``).
"""

from __future__ import annotations

import gc
from collections import deque
from contextlib import contextmanager

import numpy as np
import simpy

from . import policies
from .casebook import CaseBook
from .costs import Ledger
from .entities import DAYS_PER_YEAR, WEEK, Position  # noqa: F401
from .metrics import Recorder
from .params import Scenario
from .policies.staffing import OverstaffingPolicy
from .processes import arrivals, assignment, attrition, phases, recruitment, sickleave, strain
from .rng import Streams

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


class Model:
    """One replication of a scenario. ``run()`` returns the recorder's tables."""

    def __init__(self, scenario: Scenario, replication: int = 0, seed: int | None = None):
        self.p = scenario
        self.replication = replication
        self.seed = scenario.simulation.seed if seed is None else seed
        self.rng = Streams(self.seed, replication)
        self.env = simpy.Environment()
        sim = scenario.simulation
        self.warmup_end = sim.warmup_years * DAYS_PER_YEAR
        self.horizon = (sim.warmup_years + sim.years) * DAYS_PER_YEAR

        self.n_base_positions = max(1, int(round(scenario.unit.posts)))
        ov = scenario.policies.overstaffing
        self.n_extra_positions = (OverstaffingPolicy.extra(ov, scenario.unit.posts)
                                  if ov is not None else 0)
        self.n_positions = self.n_base_positions + self.n_extra_positions
        self.open_positions = self.n_base_positions
        c = scenario.consultants
        self.n_consultant_slots = (int(np.floor(c.max_share_of_posts * self.n_positions))
                                   if c.enabled else 0)
        n = self.n_slots = self.n_positions + self.n_consultant_slots
        self.positions = [Position(i) for i in range(self.n_positions)]

        # worker arrays
        self.active = np.zeros(n, bool)
        self.consultant = np.zeros(n, bool)
        self.consultant[self.n_positions:] = True
        self.wid = np.full(n, -1, np.int64)
        self.hire_day = np.zeros(n)
        self.prior = np.zeros(n)
        self.fte = np.zeros(n)
        self.age0 = np.zeros(n)
        self.salary = np.zeros(n)
        self.salary_fixed = np.full(n, np.nan)
        self.phase = np.zeros(n, np.int64)
        self.intending = np.zeros(n, bool)
        self.notice = np.zeros(n, bool)
        self.exit_day = np.full(n, np.inf)
        self.sick_until = np.full(n, -np.inf)
        self.spell_start = np.full(n, -np.inf)
        self.exh = np.zeros(n)
        self.credit = np.zeros(n)
        self.ratio = np.zeros(n)
        self.load = np.zeros(n)
        self.complex_load = np.zeros(n)
        self.ncases = np.zeros(n, np.int64)
        self.n_overdue = np.zeros(n, np.int64)
        self.avail = np.zeros(n)
        self.avail_full = np.zeros(n)
        self.mentor_given = np.zeros(n)
        self.mentee_cover = np.ones(n)
        self.zd = np.zeros(n)
        self.zc = np.zeros(n)
        self.zs = np.zeros(n)
        self.zm = 0.0
        self.util = np.zeros(n)
        self.team_stability = 1.0
        self.dcs_constants = None                # built on first use (strain)
        self.strain = np.zeros(n)
        self.intro_offset = np.zeros(n)          # pre-introduced hires skip introduction
        self.shielded = np.zeros(n, bool)

        # unit state
        self.next_wid = 0
        self.next_cid = 0
        self.book = CaseBook()
        cs = scenario.cases
        self.inflow = (arrivals.Inflow(cs.investigations, "investigation", "hours"),
                       arrivals.Inflow(cs.ongoing, "ongoing", "hours_per_week"))
        self.exit_days_52w: deque = deque()
        self.saturated = False
        self.rr_pointer = 0
        self.mentor_coverage = 1.0
        self.mentor_hours_total = 0.0

        self.ledger = Ledger(self.warmup_end)
        self.rec = Recorder(self)
        self.hazard = attrition.ProportionalHazards(scenario)
        self.phase_cfg = phases.PhaseTable(scenario)
        self.policies = policies.build(self)
        self.fx = policies.Effects(n, scenario)

        recruitment.initial_staff(self)
        self.env.process(self._weekly())

    # -- helpers ------------------------------------------------------------

    @property
    def now(self) -> float:
        return self.env.now

    def in_window(self, day: float) -> bool:
        return day >= self.warmup_end

    def experience_years(self) -> np.ndarray:
        return self.prior + (self.env.now - self.hire_day) / DAYS_PER_YEAR

    def tenure_years(self) -> np.ndarray:
        return (self.env.now - self.hire_day) / DAYS_PER_YEAR

    def employees(self) -> np.ndarray:
        return self.active & ~self.consultant

    # -- the weekly tick ------------------------------------------------------

    def _weekly(self):
        env = self.env
        while env.now + WEEK <= self.horizon + 1e-9:
            yield env.timeout(WEEK)
            self.tick()

    def tick(self) -> None:
        """One week: costs of the week past, then the unit's state for the week ahead."""
        self.ledger.accrue_week(self)
        arrivals.progress_cases(self)
        arrivals.weekly_arrivals(self)
        arrivals.check_deadlines(self)
        sickleave.onsets(self)
        phases.update(self)
        self.saturated = False
        assignment.assign_queue(self)
        strain.update(self)
        attrition.weekly(self)
        self.rec.weekly(self)

    def run(self):
        """Run the replication; its four tables as DataFrames."""
        self.env.run(until=self.horizon + 1e-6)
        return self.rec.tables(self)

    def run_columns(self):
        """Run the replication; its tables as columns (see ``metrics.join_columns``)."""
        self.env.run(until=self.horizon + 1e-6)
        return self.rec.columns(self)
