"""The per-slot worker state: every column declared once, with its unit and its owner.

A *slot* is a row: slot ``k < n_positions`` is budgeted post ``k`` (a hire takes the
slot of the post it fills, so random numbers drawn per slot line up across scenarios:
common random numbers); slots from ``n_positions`` on hold consultants. A column is a
numpy array over the slots, allocated from its declaration in ``COLUMNS``.

Each column has one owner, the only module whose code writes it; ``model.sim.lifecycle``
fills and empties slots, always through ``Staff.fill`` and ``Staff.reset``. A weekly
step declares the columns it writes (``model.sim.workforce.WEEKLY_STEPS``); with the kernel
check on (``model.sim.jit.CHECK``) every other column is read-only while the step runs
(``Staff.writable_only``), so a write outside the declaration fails.

=============  =======  ==========================  ==============================
column         dtype    unit                        owner (writer)
=============  =======  ==========================  ==============================
active         bool     flag                        lifecycle
consultant     bool     flag (fixed by slot)        staff (set at construction)
wid            int64    worker id (-1: empty)       lifecycle
hire_day       float64  day                         lifecycle
prior          float64  years of experience         lifecycle
age0           float64  years (age at hire)         lifecycle
fte            float64  FTE                         lifecycle
salary_fixed   float64  SEK/month (NaN: by scale)   lifecycle
intro_offset   float64  years                       lifecycle
notice         bool     flag                        lifecycle
salary         float64  SEK/month                   attrition (pay pass)
intending      bool     flag                        attrition
phase          int64    index into the phase table  phases (lifecycle at hire)
avail          float64  client hours/week           phases
avail_full     float64  client hours/week           phases
mentor_given   float64  hours/week                  phases
mentee_cover   float64  share of mentor need        phases
shielded       bool     flag                        phases
sick_until     float64  day                         sickleave
spell_start    float64  day                         sickleave
credit         float64  service weeks               casebook (weekly service)
load           float64  case hours/week             casebook (attach, detach)
complex_load   float64  case hours/week             casebook (attach, detach)
ncases         int64    cases                       casebook (attach, detach)
n_overdue      int64    cases                       casebook (attach, detach, overdue)
ratio          float64  share (service ratio)       strain
zd, zc, zs     float64  z-score (SD)                strain
zm             float64  z-score (SD)                strain
strain         float64  strain index                strain
exh            float64  exhaustion index            strain
util           float64  load / full hours           strain
=============  =======  ==========================  ==============================
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

import numpy as np

from .entities import DAYS_PER_YEAR
from .jit import kernel


class Column(NamedTuple):
    name: str
    dtype: type
    initial: object
    unit: str
    owner: str
    doc: str


COLUMNS = (
    Column("active", np.bool_, False, "flag", "lifecycle",
           "the slot holds a worker or consultant now"),
    Column("consultant", np.bool_, False, "flag", "staff",
           "the slot is a consultant slot (fixed at construction)"),
    Column("wid", np.int64, -1, "worker id", "lifecycle", "id of the holder, -1 if empty"),
    Column("hire_day", np.float64, 0.0, "day", "lifecycle", "day the holder started"),
    Column("prior", np.float64, 0.0, "years", "lifecycle",
           "experience before this unit"),
    Column("age0", np.float64, 0.0, "years", "lifecycle", "age at hire"),
    Column("fte", np.float64, 0.0, "FTE", "lifecycle", "employment rate"),
    Column("salary_fixed", np.float64, np.nan, "SEK/month", "lifecycle",
           "salary from the staff list; NaN: from the salary scale"),
    Column("intro_offset", np.float64, 0.0, "years", "lifecycle",
           "years already spent in the unit before hire (trainees)"),
    Column("notice", np.bool_, False, "flag", "lifecycle", "serving the notice period"),
    Column("salary", np.float64, 0.0, "SEK/month", "attrition", "own salary this week"),
    Column("intending", np.bool_, False, "flag", "attrition", "intends to leave"),
    Column("phase", np.int64, 0, "index", "phases", "career phase (phase table row)"),
    Column("avail", np.float64, 0.0, "hours/week", "phases",
           "client hours this week, absence deducted"),
    Column("avail_full", np.float64, 0.0, "hours/week", "phases",
           "client hours this week if present"),
    Column("mentor_given", np.float64, 0.0, "hours/week", "phases",
           "hours given as a mentor"),
    Column("mentee_cover", np.float64, 1.0, "share", "phases",
           "covered share of the worker's own mentor need"),
    Column("shielded", np.bool_, False, "flag", "phases",
           "gets no complex lead cases (shielding on)"),
    Column("sick_until", np.float64, -np.inf, "day", "sickleave",
           "end of the current or last sick spell"),
    Column("spell_start", np.float64, -np.inf, "day", "sickleave",
           "start of the current or last sick spell"),
    Column("credit", np.float64, 0.0, "service weeks", "casebook",
           "cumulative service credit (processor sharing)"),
    Column("load", np.float64, 0.0, "hours/week", "casebook", "hours of the cases held"),
    Column("complex_load", np.float64, 0.0, "hours/week", "casebook",
           "hours of the complex cases held"),
    Column("ncases", np.int64, 0, "cases", "casebook", "open cases held"),
    Column("n_overdue", np.int64, 0, "cases", "casebook",
           "held investigations past the legal limit"),
    Column("ratio", np.float64, 0.0, "share", "strain",
           "service ratio min(1, avail / load)"),
    Column("zd", np.float64, 0.0, "SD", "strain", "demand z-score"),
    Column("zc", np.float64, 0.0, "SD", "strain", "control z-score"),
    Column("zs", np.float64, 0.0, "SD", "strain", "colleague-support z-score"),
    Column("zm", np.float64, 0.0, "SD", "strain",
           "manager-support z-score (the unit's, less a newcomer's unmet need)"),
    Column("strain", np.float64, 0.0, "index", "strain", "demand-control-support strain"),
    Column("exh", np.float64, 0.0, "index", "strain", "exhaustion"),
    Column("util", np.float64, 0.0, "ratio", "strain", "load over full client hours"),
)
NAMES = tuple(c.name for c in COLUMNS)
OWNERS = {c.name: c.owner for c in COLUMNS}
FIXED = ("consultant",)
# what a new holder brings (set by ``fill``; every other column starts at its initial)
HOLDER = ("active", "wid", "hire_day", "prior", "age0", "fte", "salary_fixed",
          "intro_offset", "phase")


def owned_by(owner: str) -> tuple[str, ...]:
    """The columns an owner writes."""
    return tuple(c.name for c in COLUMNS if c.owner == owner)


@kernel
def tenure_years(now, hire_day):
    """Years at this unit."""
    return (now - hire_day) / DAYS_PER_YEAR


@kernel
def experience_years(now, prior, hire_day):
    """Total years of experience: before this unit plus the tenure here."""
    return prior + (now - hire_day) / DAYS_PER_YEAR


@kernel
def weekly_pay(salary, fte, oncost):
    """One week's pay with the employer's on-cost, SEK, for ``fte`` at a monthly
    ``salary``."""
    return salary * 12.0 / 52.0 * (1.0 + oncost) * fte


class Staff:
    """The worker state of one unit: one array per declared column (see the module
    docstring), ``n_slots`` long. The arrays are allocated once and never replaced, so
    views of them (the kernels' named tuples) can be built once."""

    def __init__(self, n_slots: int, n_positions: int):
        self.n_slots = n_slots
        self.n_positions = n_positions
        for c in COLUMNS:
            setattr(self, c.name, np.full(n_slots, c.initial, c.dtype))
        self.consultant[n_positions:] = True
        self._initial = [(getattr(self, c.name), c.initial) for c in COLUMNS
                         if c.name not in FIXED]
        self.version = 0    # counts the slots emptied or filled (who holds which post)

    def reset(self, k: int) -> None:
        """Slot ``k`` empty: every column at its initial value (the slot kind stays)."""
        self.version += 1
        for column, initial in self._initial:
            column[k] = initial

    def fill(self, k: int, *, wid: int, hire_day: float, prior: float, age: float,
             fte: float, phase: int, salary_fixed: float = np.nan,
             intro_offset: float = 0.0) -> None:
        """A new holder in slot ``k``: the slot reset, then the holder's own columns."""
        self.reset(k)
        self.active[k] = True
        self.wid[k] = wid
        self.hire_day[k] = hire_day
        self.prior[k] = prior
        self.age0[k] = age
        self.fte[k] = fte
        self.salary_fixed[k] = salary_fixed
        self.intro_offset[k] = intro_offset
        self.phase[k] = phase

    @contextmanager
    def writable_only(self, names) -> Iterator[None]:
        """Every column but ``names`` read-only until the block ends: a write to one of
        them raises (numpy), or fails to compile (a kernel typed with read-only arrays)."""
        locked = [getattr(self, c) for c in NAMES if c not in names]
        for column in locked:
            column.flags.writeable = False
        try:
            yield
        finally:
            for column in locked:
                column.flags.writeable = True

    def view(self, cls):
        """The named tuple ``cls`` of the columns its fields name (built once)."""
        return cls(*(getattr(self, f) for f in cls._fields))

    def employees(self) -> np.ndarray:
        return self.active & ~self.consultant

    def tenure_years(self, now: float) -> np.ndarray:
        return tenure_years(float(now), self.hire_day)

    def experience_years(self, now: float) -> np.ndarray:
        return experience_years(float(now), self.prior, self.hire_day)

    def snapshot(self) -> dict[str, np.ndarray]:
        """A copy of every column (for tests)."""
        return {c: getattr(self, c).copy() for c in NAMES}
