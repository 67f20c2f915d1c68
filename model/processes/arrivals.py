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


def _classes(cfg):
    names = list(cfg.complexity)
    shares = np.array([cfg.complexity[n].share for n in names])
    return names, shares


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
    names_i, shares_i = _classes(inv)
    names_o, shares_o = _classes(ong)
    fx = m.fx
    if fx.inflow_factor:
        shares_i = shares_i * np.array([fx.inflow_factor.get(("investigation", n), 1.0)
                                        for n in names_i])
        shares_o = shares_o * np.array([fx.inflow_factor.get(("ongoing", n), 1.0)
                                        for n in names_o])
    nominal = fx.nominal_weeks or inv.nominal_weeks
    counts_i = g.poisson(lam_inv * shares_i) if lam_inv > 0 else np.zeros(len(names_i), int)
    counts_o = g.poisson(lam_ong * shares_o) if lam_ong > 0 else np.zeros(len(names_o), int)
    ni, no = int(counts_i.sum()), int(counts_o.sum())
    book = m.book
    if ni:
        days = now - wf.WEEK * g.random(ni)
        cv = inv.hours_cv
        if cv > 0:
            shape = 1.0 / (cv * cv)
            mult = g.gamma(shape, 1.0 / shape, ni)
        else:
            mult = np.ones(ni)
        cls = np.repeat(np.arange(len(names_i)), counts_i)
        hours = _class_values(inv, names_i, "hours")[cls] * mult * fx.hours_factor
        order = np.argsort(days, kind="stable")
        cls, days = cls[order], days[order]
        book.add(cb.INVESTIGATION, cls, _class_values(inv, names_i, "complex")[cls],
                 hours[order] / nominal, days, days + inv.legal_limit_days, nominal)
        m.rec.cases_arrived += ni if m.in_window(now) else 0
        m.rec.cases_arrived_all += ni
    if no:
        days = now - wf.WEEK * g.random(no)
        dur = g.exponential(ong.mean_duration_weeks * wf.WEEK, no)   # days, from assignment
        cls = np.repeat(np.arange(len(names_o)), counts_o)
        order = np.argsort(days, kind="stable")
        cls = cls[order]
        book.add(cb.ONGOING, cls, _class_values(ong, names_o, "complex")[cls],
                 _class_values(ong, names_o, "hours_per_week")[cls], days[order], np.inf,
                 dur[order])
        m.rec.cases_arrived += no if m.in_window(now) else 0
        m.rec.cases_arrived_all += no


def _class_values(cfg, names, field) -> np.ndarray:
    return np.array([getattr(cfg.complexity[x], field) for x in names],
                    float if field != "complex" else np.int64)


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
        if not i[cb.OPEN, c]:
            continue
        k = i[cb.OWNER, c]
        if i[cb.KIND, c] == cb.INVESTIGATION:
            done = k >= 0 and f[cb.FINISH, c] <= credit[k] + 1e-12
        else:
            done = f[cb.END, c] <= now
        if done:
            i[cb.OPEN, c] = 0
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
        day = f[cb.DEADLINE, c]
        if day > now:
            break
        ptr += 1
        counted = day >= warmup_end
        if i[cb.OPEN, c]:
            i[cb.OVERDUE, c] = 1
            if i[cb.OWNER, c] >= 0:
                n_overdue[i[cb.OWNER, c]] += 1
            if counted:
                overdue += 1
        if counted:
            reached += 1
    return ptr, overdue, reached
