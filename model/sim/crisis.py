"""Crisis years of one replication (the definition is the scenario's ``crisis`` block,
model/sim/params/crisis.py): each year of the statistics window is judged on its own
overdue share, waiting investigations, exits and investigations bought."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from .entities import DAYS_PER_YEAR, WEEK


class WeekCounts(NamedTuple):
    """The recorder's running counters after one weekly audit (statistics window)."""
    year: int
    overdue: int                 # investigations still open at their deadline
    deadlines: int               # investigations whose deadline came
    investigations: int          # investigations arrived
    exits: int
    bought: int = 0              # investigations given to an external firm


class YearCheck(NamedTuple):
    """One window year against the crisis thresholds."""
    overdue_share: float
    queue_months: float          # mean waiting investigations / monthly intake
    exits_share: float           # exits / mean headcount (not annualised)
    bought_share: float = 0.0    # investigations bought / investigations arrived


def year_checks(counts: list[WeekCounts], queue: np.ndarray,
                headcount: np.ndarray) -> dict[int, YearCheck]:
    """Per window year, its overdue share, queue in months of intake and exits per
    headcount, from the weekly counters and the weekly waiting investigations and
    headcount (one value per audit, in the same order). A partial last year is judged on
    its own weeks; its exits are not scaled up to a year."""
    if not counts:
        return {}
    cum = np.array([tuple(c[1:]) for c in counts], float)
    weekly = np.diff(cum, axis=0, prepend=np.zeros((1, cum.shape[1])))
    years = np.array([c.year for c in counts])
    out = {}
    for y in np.unique(years):
        w = years == y
        overdue, deadlines, arrived, exits, bought = weekly[w].sum(axis=0)
        months = w.sum() * WEEK / DAYS_PER_YEAR * 12
        intake = arrived / months if months else math.nan
        hc = float(headcount[w].mean())
        out[int(y)] = YearCheck(
            overdue / deadlines if deadlines else math.nan,
            float(queue[w].mean()) / intake if intake else math.nan,
            exits / hc if hc > 0 else math.nan,
            bought / arrived if arrived else 0.0)
    return out


# the crisis thresholds a year can pass, by the code ``crisis_reason`` records
REASONS = ("overdue", "queue", "exits", "bought")


def _passed(c: YearCheck, crisis) -> list[str]:
    """The thresholds year ``c`` passed, as ``REASONS`` codes."""
    return [code for code, hit in zip(REASONS, (
        c.overdue_share >= crisis.overdue_share, c.queue_months >= crisis.queue_months,
        c.exits_share >= crisis.turnover_share, c.bought_share >= crisis.bought_share))
        if hit]


def first_crisis(checks: dict[int, YearCheck], crisis) -> tuple[float, str]:
    """The first window year (1-based) that is a crisis year, NaN if none is, and what
    made it one: the thresholds it passed (``REASONS`` codes joined by ';', '' if none)."""
    for y in sorted(checks):
        passed = _passed(checks[y], crisis)
        if passed:
            return float(y + 1), ";".join(passed)
    return math.nan, ""
