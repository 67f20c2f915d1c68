"""Case inflow, case progress and the investigation deadline.

Inflow: each week, a Poisson number of investigations and of ongoing cases arrives
per complexity class, at the class's share of the annual rate
``rate * (1 + growth) ** t_years``; arrival days are uniform within the week.
Investigations carry gamma-distributed work hours (mean by class, CV from the
scenario) spread over ``nominal_weeks`` when fully served; ongoing cases carry
weekly hours and an exponential calendar duration.

Progress is processor sharing: each week a worker's cases all progress by the
worker's service ratio ``min(1, available hours / load)``; an investigation finishes
when the worker's cumulative credit reaches its finish credit.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .. import casebook as cb
from ..entities import DAYS_PER_YEAR, WEEK
from ..jit import entry, kernel


class Inflow:
    """The complexity classes of one kind of case as arrays (built once per unit)."""

    def __init__(self, cfg, kind: str, value: str):
        self.kind = kind
        self.names = list(cfg.complexity)
        self.shares = [cfg.complexity[x].share for x in self.names]
        self.classes = Classes(
            np.array([getattr(cfg.complexity[x], value) for x in self.names], float),
            np.array([cfg.complexity[x].complex for x in self.names], np.int64))

    def shares_under(self, fx) -> list[float]:
        """Each class's share of the inflow with the policies' inflow factors."""
        if not fx.inflow_factor:
            return self.shares
        return [s * fx.inflow_factor.get((self.kind, x), 1.0)
                for s, x in zip(self.shares, self.names)]


class Classes(NamedTuple):
    """The complexity classes of one kind of case."""
    value: np.ndarray       # investigations: hours; ongoing cases: hours per week
    complex: np.ndarray     # 1 for a complex class


class NewCases(NamedTuple):
    """A week's new cases of one kind, drawn in class order."""
    counts: np.ndarray      # per class
    days: np.ndarray        # arrival days
    scale: np.ndarray       # hours multiplier
    remaining: np.ndarray   # investigations: nominal weeks; ongoing: duration, days


class Terms(NamedTuple):
    """How a kind's weekly hours and deadline follow from its draws."""
    kind: int
    factor: float           # policy hours factor
    divisor: float          # investigations: nominal weeks
    limit: float            # days to the legal deadline


_NONE = NewCases(np.zeros(0, np.int64), np.zeros(0), np.zeros(0), np.zeros(0))


def weekly_arrivals(u) -> None:
    """Draw the week's new cases (arrived in (now-7, now]) into the queues."""
    now = u.env.now
    t_years = (now - WEEK / 2) / DAYS_PER_YEAR
    inv = u.params.cases.investigations
    ong = u.params.cases.ongoing
    g = u.rng["arrivals"].gen
    surge = 1.0
    if u.params.cases.surges:
        wy = (now - WEEK / 2 - u.warmup_end) / DAYS_PER_YEAR
        for s in u.params.cases.surges:
            if wy >= s.start_year and (s.end_year is None or wy < s.end_year):
                surge *= s.factor
    lam_inv = (inv.arrivals_per_year * (1 + inv.growth_per_year) ** t_years * surge
               * WEEK / DAYS_PER_YEAR)
    lam_ong = (ong.arrivals_per_year * (1 + ong.growth_per_year) ** t_years * surge
               * WEEK / DAYS_PER_YEAR)
    fx = u.fx
    flow_i, flow_o = u.inflow
    shares_i, shares_o = flow_i.shares_under(fx), flow_o.shares_under(fx)
    u.response.intake_per_day = (lam_inv * sum(shares_i) / WEEK,
                                 lam_ong * sum(shares_o) / WEEK)
    counts_i = _counts(g, lam_inv, shares_i)
    counts_o = _counts(g, lam_ong, shares_o)
    ni, no = sum(counts_i), sum(counts_o)
    if not ni + no:
        return
    # the draws in a fixed order: investigations' days and hours, then ongoing cases'
    new_i = new_o = _NONE
    nominal = fx.nominal_weeks or inv.nominal_weeks
    if ni:
        days = now - WEEK * g.random(ni)
        cv = inv.hours_cv
        if cv > 0:
            shape = 1.0 / (cv * cv)
            mult = g.gamma(shape, 1.0 / shape, ni)
        else:
            mult = np.ones(ni)
        new_i = NewCases(np.array(counts_i, np.int64), days, mult,
                         np.full(ni, float(nominal)))
    if no:
        days = now - WEEK * g.random(no)
        dur = g.exponential(ong.mean_duration_weeks * WEEK, no)   # days, from assignment
        new_o = NewCases(np.array(counts_o, np.int64), days, np.ones(no), dur)
    book = u.book
    book.reserve(ni + no)
    book.n, book.n_live, book.n_inv = _add(
        book.arrays, book.n, book.n_live, book.n_inv,
        new_i, flow_i.classes,
        Terms(cb.INVESTIGATION, float(fx.hours_factor), float(nominal),
              float(inv.legal_limit_days)),
        new_o, flow_o.classes,
        Terms(cb.ONGOING, float(u.response.ongoing_factor), 1.0, np.inf))
    u.recorder.cases_arrived_in_week(ni, no, u.in_window(now))


def _counts(g, lam: float, shares: list[float]) -> list[int]:
    """Poisson counts per class for a week with total intensity ``lam``: one scalar draw
    per class (the same numbers as one vector draw, less overhead)."""
    if lam <= 0:
        return [0] * len(shares)
    return [int(g.poisson(lam * s)) for s in shares]


@entry
def _add(book, n, n_live, n_inv, new_i, classes_i, terms_i, new_o, classes_o, terms_o):
    """Append a week's investigations, then its ongoing cases, each kind in order of
    arrival (see ``_add_kind``)."""
    n, n_live, n_inv = _add_kind(book, n, n_live, n_inv, new_i, classes_i, terms_i)
    return _add_kind(book, n, n_live, n_inv, new_o, classes_o, terms_o)


@kernel
def _add_kind(book, n, n_live, n_inv, new, classes, terms):
    """Append a week's cases of one kind in order of arrival. Draw ``j`` belongs to
    class ``cls`` by the counts; weekly hours ``value[cls] * scale[j] * factor / divisor``
    (investigations: hours spread over the nominal weeks; ongoing: hours per week)."""
    f, i = book.f, book.i
    cls = np.repeat(np.arange(new.counts.size), new.counts)
    order = np.argsort(new.days, kind="mergesort")
    for r in range(new.days.size):
        j = order[r]
        c = n + r
        k = cls[j]
        f[c, cb.WEEKLY] = classes.value[k] * new.scale[j] * terms.factor / terms.divisor
        f[c, cb.ARRIVAL] = new.days[j]
        f[c, cb.QKEY] = new.days[j]
        f[c, cb.DEADLINE] = new.days[j] + terms.limit
        f[c, cb.FINISH] = 0.0
        f[c, cb.END] = np.inf
        f[c, cb.REMAINING] = new.remaining[j]
        i[c, cb.KIND] = terms.kind
        i[c, cb.CLS] = k
        i[c, cb.COMPLEX] = classes.complex[k]
        i[c, cb.OWNER] = -1
        i[c, cb.OPEN] = 1
        i[c, cb.OVERDUE] = 0
        i[c, cb.HANDOVERS] = 0
        book.live[n_live] = c
        n_live += 1
        if terms.kind == cb.INVESTIGATION:
            book.inv_ids[n_inv] = c
            n_inv += 1
    return n + new.days.size, n_live, n_inv


class ProgressColumns(NamedTuple):
    """Staff columns the progress pass reads (the holdings it updates are the case
    book's, ``cb.Holdings``)."""
    ratio: np.ndarray


def progress_cases(u) -> None:
    """Advance every worker's credit by last week's service ratio; close finished cases."""
    b = u.book
    b.n_live, closed = _progress(float(u.env.now), b.f, b.i, b.live, b.n_live,
                                 u.views[ProgressColumns], u.views[cb.Holdings])
    u.recorder.cases_closed_in_week(closed, u.in_window(u.env.now))


@entry
def _progress(now, f, i, live, n_live, w, h):
    """An investigation is done when its handler's credit reaches its finish credit; an
    ongoing case ends on its calendar day, also if it was handed back to the queue."""
    cb.add_service(h, w.ratio)
    closed = 0
    j = 0
    for x in range(n_live):
        c = live[x]
        if not i[c, cb.OPEN]:
            continue
        k = i[c, cb.OWNER]
        if i[c, cb.KIND] == cb.INVESTIGATION:
            done = k >= 0 and f[c, cb.FINISH] <= h.credit[k] + 1e-12
        else:
            done = f[c, cb.END] <= now
        if done:
            i[c, cb.OPEN] = 0
            closed += 1
            if k >= 0:
                cb.detach(f, i, c, h)
        else:
            live[j] = c
            j += 1
    return j, closed


def check_deadlines(u) -> None:
    """Investigations still open at their legal deadline become overdue."""
    b = u.book
    b.dl_ptr, overdue, reached = _deadlines(float(u.env.now), u.warmup_end, b.f, b.i,
                                            b.inv_ids[:b.n_inv], b.dl_ptr,
                                            u.views[cb.Holdings])
    u.recorder.deadlines_passed(overdue, reached)
    u.ledger.book_service(u, overdue=overdue)


@entry
def _deadlines(now, warmup_end, f, i, inv_ids, ptr, h):
    overdue = reached = 0
    while ptr < inv_ids.size:
        c = inv_ids[ptr]
        day = f[c, cb.DEADLINE]
        if day > now:
            break
        ptr += 1
        counted = day >= warmup_end
        if i[c, cb.OPEN]:
            cb.mark_overdue(i, c, h)
            if counted:
                overdue += 1
        if counted:
            reached += 1
    return ptr, overdue, reached
