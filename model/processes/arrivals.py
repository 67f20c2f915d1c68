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

import heapq

import numpy as np

from .. import entities as wf


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
    new_inv = []
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
    if ni:
        days = now - wf.WEEK * g.random(ni)
        cv = inv.hours_cv
        if cv > 0:
            shape = 1.0 / (cv * cv)
            mult = g.gamma(shape, 1.0 / shape, ni)
        else:
            mult = np.ones(ni)
        j = 0
        for name, cnt in zip(names_i, counts_i.tolist()):
            cl = inv.complexity[name]
            for _ in range(cnt):
                hours = cl.hours * mult[j] * fx.hours_factor
                weekly = hours / nominal
                c = wf.Case(m.next_cid, "investigation", name, cl.complex, weekly,
                            days[j], days[j] + inv.legal_limit_days, nominal)
                m.next_cid += 1
                new_inv.append(c)
                j += 1
        new_inv.sort(key=lambda c: c.arrival)
        m.inv_queue.extend(new_inv)
        m.deadlines.extend(new_inv)
        m.rec.cases_arrived += ni if m.in_window(now) else 0
        m.rec.cases_arrived_all += ni
    if no:
        days = now - wf.WEEK * g.random(no)
        dur = g.exponential(ong.mean_duration_weeks * wf.WEEK, no)
        new_ong = []
        j = 0
        for name, cnt in zip(names_o, counts_o.tolist()):
            cl = ong.complexity[name]
            for _ in range(cnt):
                c = wf.Case(m.next_cid, "ongoing", name, cl.complex, cl.hours_per_week,
                            days[j], np.inf, float(dur[j]))   # days, from assignment
                c.end = np.inf
                m.next_cid += 1
                new_ong.append(c)
                j += 1
        new_ong.sort(key=lambda c: c.arrival)
        m.ong_queue.extend(new_ong)
        m.rec.cases_arrived += no if m.in_window(now) else 0
        m.rec.cases_arrived_all += no


def progress_cases(m) -> None:
    """Advance every worker's credit by last week's service ratio; close finished cases."""
    m.credit += m.ratio
    done = np.flatnonzero(m.nextfin <= m.credit + 1e-12)
    for k in done.tolist():
        heap = m.heaps[k]
        cr = m.credit[k]
        while heap and heap[0][0] <= cr + 1e-12:
            _, _, case = heapq.heappop(heap)
            if case.open and case.owner == k:
                close_case(m, case)
        m.nextfin[k] = heap[0][0] if heap else np.inf
    now = m.env.now
    ends = m.ongoing_ends
    while ends and ends[0][0] <= now:
        _, _, case = heapq.heappop(ends)
        if case.open:
            close_case(m, case)


def close_case(m, case) -> None:
    """A case is finished: release its handler's load (or leave the queue) and record it.

    An ongoing case runs on the calendar: if it was handed back to the queue after its
    clock started, it still ends on its day, and leaves the queue then.
    """
    k = case.owner
    case.open = False
    if k >= 0:
        detach(m, case)
    else:
        queue = m.inv_queue if case.kind == "investigation" else m.ong_queue
        try:
            queue.remove(case)
        except ValueError:
            pass
    m.rec.case_closed(m, case)


def detach(m, case) -> None:
    """Remove a case from its handler's books (the case itself stays as it is)."""
    k = case.owner
    m.cases[k].pop(case, None)
    m.load[k] -= case.weekly
    if case.complex:
        m.complex_load[k] -= case.weekly
    m.ncases[k] -= 1
    if case.overdue and case.kind == "investigation":
        m.n_overdue[k] -= 1
    if case.kind == "investigation":
        case.remaining = max(0.0, case.finish - m.credit[k])
    case.owner = -1
    if m.ncases[k] == 0:          # clear rounding residue
        m.load[k] = 0.0
        m.complex_load[k] = 0.0


def attach(m, case, k: int) -> None:
    """Give a case to the worker in slot ``k``."""
    case.owner = k
    m.cases[k][case] = None
    m.load[k] += case.weekly
    if case.complex:
        m.complex_load[k] += case.weekly
    m.ncases[k] += 1
    if case.kind == "investigation":
        if case.overdue:
            m.n_overdue[k] += 1
        case.finish = m.credit[k] + case.remaining
        m.seq += 1
        heapq.heappush(m.heaps[k], (case.finish, m.seq, case))
        if case.finish < m.nextfin[k]:
            m.nextfin[k] = case.finish
    elif case.end == np.inf:       # an ongoing case starts its calendar clock
        case.end = m.env.now + case.remaining
        m.push_ongoing_end(case)


def check_deadlines(m) -> None:
    """Investigations still open at their legal deadline become overdue."""
    now = m.env.now
    dq = m.deadlines
    while dq and dq[0].deadline <= now:
        case = dq.popleft()
        counted = m.in_window(case.deadline)
        if case.open:
            case.overdue = True
            if case.owner >= 0:
                m.n_overdue[case.owner] += 1
            if counted:
                m.rec.overdue += 1
        if counted:
            m.rec.deadlines_reached += 1
