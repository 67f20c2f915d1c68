"""One unit's state: its staff, case book, posts, policies, ledger and recorder.

A ``Unit`` holds everything that belongs to one social-services unit; the simulation
environment (the clock) and the random streams are the simulation's and are handed
in, so several units could share one environment. The processes (``model.sim.processes``)
and ``model.sim.lifecycle`` act on a unit; ``Model.tick`` lists the weekly steps.
"""

from __future__ import annotations

from collections import deque

import numpy as np

from . import policies
from .casebook import CaseBook
from .costs import Ledger
from .entities import Position
from .metrics import Recorder
from .policies.staffing import OverstaffingPolicy
from .processes import arrivals, assignment, attrition, phases, response, sickleave, strain
from .staff import Staff


class StaffViews(dict):
    """``views[cls]``: the named tuple ``cls`` of staff columns, built on first use and
    kept (the arrays are never replaced)."""

    def __init__(self, staff):
        super().__init__()
        self.staff = staff

    def __missing__(self, cls):
        v = self[cls] = self.staff.view(cls)
        return v


class Unit:
    """The state of one unit in one replication (see the module docstring).

    Sizes: ``n_base_positions`` budgeted posts, ``n_extra_positions`` posts a measure
    may open above the budget, ``n_consultant_slots`` consultant slots; ``n_slots`` rows
    in ``staff``. ``open_positions`` posts are open now.
    """

    def __init__(self, scenario, env, rng, warmup_end: float):
        self.params = scenario
        self.env = env                  # the simulation's clock (not owned)
        self.rng = rng                  # the replication's random streams (not owned)
        self.warmup_end = warmup_end

        self.n_base_positions = max(1, int(round(scenario.unit.posts)))
        ov = scenario.policies.overstaffing
        self.n_extra_positions = (OverstaffingPolicy.extra(ov, scenario.unit.posts)
                                  if ov is not None else 0)
        self.n_positions = self.n_base_positions + self.n_extra_positions
        self.open_positions = self.n_base_positions
        c = scenario.consultants
        # the usual cap; the managers' crisis response may raise it (slots for both)
        self.consultant_cap = (int(np.floor(c.max_share_of_posts * self.n_positions))
                               if c.enabled else 0)
        crisis = scenario.response
        self.n_consultant_slots = (
            max(self.consultant_cap,
                int(np.floor(crisis.crisis_consultant_share * self.n_positions)))
            if c.enabled and crisis.enabled else self.consultant_cap)
        self.n_slots = self.n_positions + self.n_consultant_slots
        self.positions = [Position(i) for i in range(self.n_positions)]
        self.staff = Staff(self.n_slots, self.n_positions)
        self.views = StaffViews(self.staff)

        # unit-level state
        self.next_wid = 0
        self.book = CaseBook()
        cs = scenario.cases
        self.inflow = (arrivals.Inflow(cs.investigations, "investigation", "hours"),
                       arrivals.Inflow(cs.ongoing, "ongoing", "hours_per_week"))
        self.exit_days_52w: deque = deque()       # exit days of the last 52 weeks
        self.former: deque = deque()              # market.Former: who may come back
        self.consultant_wait: deque = deque()     # (post, vacant since) awaiting a slot
        self.saturated = False     # the queue was served and nothing has changed since
        self.rr_pointer = 0        # round-robin assignment: the next slot to consider
        self.mentor_coverage = 1.0
        self.mentor_hours_total = 0.0
        self.zm = 0.0              # the unit's manager-support z-score (span of control)

        # fixed coefficients of the weekly passes
        self.hazard = attrition.ProportionalHazards(scenario)
        self.phase_table = phases.PhaseTable(scenario)
        self.strain_coef = strain.strain_coefficients(scenario.dcs)
        self.sick_coef = sickleave.sick_coefficients(scenario.sick_leave)
        self.rule = assignment.rule_of(scenario.assignment)

        self.response = response.Response(scenario, self.n_slots)
        self.ledger = Ledger(warmup_end, scenario)
        self.recorder = Recorder()
        self.policies = policies.build(self)
        self.fx = policies.Effects(self.n_slots, scenario)
        self.fx_version, self.fx_until = -1, -np.inf   # when ``fx`` was computed, for how long

    def in_window(self, day: float) -> bool:
        """Whether ``day`` is in the statistics window (after the warm-up)."""
        return day >= self.warmup_end
