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

import numpy as np

from .. import casebook as cb
from .. import entities as wf
from ..jit import kernel


class Inflow:
    """The complexity classes of one kind of case as arrays (built once per model)."""

    def __init__(self, cfg, kind: str, value: str):
        self.kind = kind
        self.names = list(cfg.complexity)
        self.shares = [cfg.complexity[x].share for x in self.names]
        self.value = np.array([getattr(cfg.complexity[x], value) for x in self.names])
        self.complex = np.array([cfg.complexity[x].complex for x in self.names], np.int64)

    def counts(self, g, lam: float, fx) -> list[int]:
        """Poisson counts per class for a week with total intensity ``lam``."""
        if lam <= 0:
            return [0] * len(self.names)
        shares = self.shares
        if fx.inflow_factor:
            shares = [s * fx.inflow_factor.get((self.kind, x), 1.0)
                      for s, x in zip(shares, self.names)]
        # one scalar draw per class: the same numbers as one vector draw, less overhead
        return [int(g.poisson(lam * s)) for s in shares]


def weekly_arrivals(m) -> None:
    """Draw the week's new cases (arrived in (now-7, now]) into the queues."""
    now = m.env.now
    t_years = (now - wf.WEEK / 2) / wf.DAYS_PER_YEAR
    inv = m.p.cases.investigations
    ong = m.p.cases.ongoing
    g = m.rng["arrivals"].gen
    surge = 1.0
    if m.p.cases.surges:
        wy = (now - wf.WEEK / 2 - m.warmup_end) / wf.DAYS_PER_YEAR
        for s in m.p.cases.surges:
            if wy >= s.start_year and (s.end_year is None or wy < s.end_year):
                surge *= s.factor
    lam_inv = (inv.arrivals_per_year * (1 + inv.growth_per_year) ** t_years * surge
               * wf.WEEK / 365.0)
    lam_ong = (ong.arrivals_per_year * (1 + ong.growth_per_year) ** t_years * surge
               * wf.WEEK / 365.0)
    fx = m.fx
    flow_i, flow_o = m.inflow
    counts_i = flow_i.counts(g, lam_inv, fx)
    counts_o = flow_o.counts(g, lam_ong, fx)
    ni, no = sum(counts_i), sum(counts_o)
    book = m.book
    counted = m.in_window(now)
    if ni:
        days = now - wf.WEEK * g.random(ni)
        cv = inv.hours_cv
        if cv > 0:
            shape = 1.0 / (cv * cv)
            mult = g.gamma(shape, 1.0 / shape, ni)
        else:
            mult = np.ones(ni)
        nominal = fx.nominal_weeks or inv.nominal_weeks
        book.reserve(ni)
        book.n, book.n_live, book.n_inv = _add(
            book.f, book.i, book.live, book.n_live, book.inv_ids, book.n_inv, book.n,
            cb.INVESTIGATION, np.array(counts_i), days, mult, np.full(ni, float(nominal)),
            flow_i.value, flow_i.complex, fx.hours_factor, nominal, inv.legal_limit_days)
        m.rec.cases_arrived += ni if counted else 0
        m.rec.cases_arrived_all += ni
    if no:
        days = now - wf.WEEK * g.random(no)
        dur = g.exponential(ong.mean_duration_weeks * wf.WEEK, no)   # days, from assignment
        book.reserve(no)
        book.n, book.n_live, book.n_inv = _add(
            book.f, book.i, book.live, book.n_live, book.inv_ids, book.n_inv, book.n,
            cb.ONGOING, np.array(counts_o), days, np.ones(no), dur, flow_o.value,
            flow_o.complex, 1.0, 1.0, np.inf)
        m.rec.cases_arrived += no if counted else 0
        m.rec.cases_arrived_all += no


@kernel
def _add(f, i, live, n_live, inv_ids, n_inv, n, kind, counts, days, scale, remaining,
         cls_value, cls_complex, factor, divisor, limit):
    """Append a week's cases of one kind in order of arrival. Draw ``j`` belongs to
    class ``cls`` by the counts; weekly hours ``value[cls] * scale[j] * factor / divisor``
    (investigations: hours spread over the nominal weeks; ongoing: hours per week)."""
    cls = np.repeat(np.arange(counts.size), counts)
    order = np.argsort(days, kind="mergesort")
    for r in range(days.size):
        j = order[r]
        c = n + r
        k = cls[j]
        f[c, cb.WEEKLY] = cls_value[k] * scale[j] * factor / divisor
        f[c, cb.ARRIVAL] = days[j]
        f[c, cb.QKEY] = days[j]
        f[c, cb.DEADLINE] = days[j] + limit
        f[c, cb.FINISH] = 0.0
        f[c, cb.END] = np.inf
        f[c, cb.REMAINING] = remaining[j]
        i[c, cb.KIND] = kind
        i[c, cb.CLS] = k
        i[c, cb.COMPLEX] = cls_complex[k]
        i[c, cb.OWNER] = -1
        i[c, cb.OPEN] = 1
        i[c, cb.OVERDUE] = 0
        i[c, cb.HANDOVERS] = 0
        live[n_live] = c
        n_live += 1
        if kind == cb.INVESTIGATION:
            inv_ids[n_inv] = c
            n_inv += 1
    return n + days.size, n_live, n_inv


def progress_cases(m) -> None:
    """Advance every worker's credit by last week's service ratio; close finished cases."""
    b = m.book
    b.n_live, closed = _progress(m.env.now, b.f, b.i, b.live, b.n_live, m.credit, m.ratio,
                                 m.load, m.complex_load, m.ncases, m.n_overdue)
    m.rec.cases_closed_all += closed
    if m.in_window(m.env.now):
        m.rec.cases_closed += closed


@kernel
def _progress(now, f, i, live, n_live, credit, ratio, load, complex_load, ncases, n_overdue):
    """An investigation is done when its handler's credit reaches its finish credit; an
    ongoing case ends on its calendar day, also if it was handed back to the queue."""
    for k in range(credit.size):
        credit[k] += ratio[k]
    closed = 0
    j = 0
    for x in range(n_live):
        c = live[x]
        if not i[c, cb.OPEN]:
            continue
        k = i[c, cb.OWNER]
        if i[c, cb.KIND] == cb.INVESTIGATION:
            done = k >= 0 and f[c, cb.FINISH] <= credit[k] + 1e-12
        else:
            done = f[c, cb.END] <= now
        if done:
            i[c, cb.OPEN] = 0
            closed += 1
            if k >= 0:
                cb.detach(f, i, c, credit, load, complex_load, ncases, n_overdue)
        else:
            live[j] = c
            j += 1
    return j, closed


def check_deadlines(m) -> None:
    """Investigations still open at their legal deadline become overdue."""
    b = m.book
    b.dl_ptr, overdue, reached = _deadlines(m.env.now, m.warmup_end, b.f, b.i, b.inv_ids,
                                            b.n_inv, b.dl_ptr, m.n_overdue)
    m.rec.overdue += overdue
    m.rec.deadlines_reached += reached


@kernel
def _deadlines(now, warmup_end, f, i, inv_ids, n_inv, ptr, n_overdue):
    overdue = reached = 0
    while ptr < n_inv:
        c = inv_ids[ptr]
        day = f[c, cb.DEADLINE]
        if day > now:
            break
        ptr += 1
        counted = day >= warmup_end
        if i[c, cb.OPEN]:
            i[c, cb.OVERDUE] = 1
            if i[c, cb.OWNER] >= 0:
                n_overdue[i[c, cb.OWNER]] += 1
            if counted:
                overdue += 1
        if counted:
            reached += 1
    return ptr, overdue, reached
