"""Caseload assignment: the rules, the queue, and hand-overs.

A rule picks, among the eligible workers, the one with the most spare hours
(``most_spare``, default), the fewest open cases (``least_cases``; ties: most spare
hours) or the next after the worker who got the previous case (``round_robin``).
Eligible workers are present (not sick, not serving notice), have hours this week
and, when shielding is on, are not in a shielded phase if the case is complex.

New cases go only to workers whose spare hours reach ``min_spare_share`` of the case's
weekly need; otherwise they wait in the queue (investigations first, then ongoing
cases; handed-back cases first, then oldest first). A case is skipped in O(1) when the
largest spare among the workers it may go to is below its need, so a long queue in an
overloaded unit costs little. When a worker leaves or falls ill for long, their cases
go to colleagues even if that overloads them; each hand-over is a continuity break and
is counted.
"""

from __future__ import annotations

import numpy as np

from .. import casebook as cb
from ..jit import kernel

RULES = {"most_spare": 0, "least_cases": 1, "round_robin": 2}


def assign_queue(m) -> None:
    """Assign queued cases while some eligible worker has room."""
    b = m.book
    if m.saturated or not b.n_live:
        return
    m.saturated = True
    a = m.p.assignment
    m.rr_pointer, wait_sum, wait_n = _assign(
        m.env.now, b.f, b.i, b.live, b.n_live, m.active, m.notice, m.sick_until, m.avail,
        m.load, m.complex_load, m.ncases, m.n_overdue, m.shielded, m.credit,
        a.shield_newcomers, a.max_utilisation, a.min_spare_share, RULES[a.rule],
        m.rr_pointer)
    if m.in_window(m.env.now):
        m.rec.wait_sum += wait_sum
        m.rec.wait_n += wait_n


def hand_over(m, k: int) -> None:
    """Give all cases of worker ``k`` to colleagues (overload allowed)."""
    b = m.book
    if not m.ncases[k]:
        return
    a = m.p.assignment
    m.rr_pointer, n = _hand_over(
        k, m.env.now, b.f, b.i, b.live, b.n_live, m.active, m.notice, m.sick_until,
        m.avail, m.load, m.complex_load, m.ncases, m.n_overdue, m.shielded, m.credit,
        a.shield_newcomers, RULES[a.rule], m.rr_pointer)
    if m.in_window(m.env.now):
        m.rec.handovers += n
    m.saturated = False


@kernel
def choose(rule, spare, pool, need, ncases, rr, use_need):
    """The slot the rule picks among the eligible workers (-1 if none), and the new
    round-robin pointer. Eligible: in ``pool`` and, with ``use_need``, spare hours
    positive and at least ``need``."""
    best = -1
    first = -1
    key = 0.0
    for k in range(spare.size):
        if not pool[k] or (use_need and (spare[k] < need or spare[k] <= 0)):
            continue
        if rule == 0:                       # most spare hours
            if best < 0 or spare[k] > key:
                best, key = k, spare[k]
        elif rule == 1:                     # fewest cases, then most spare hours
            x = ncases[k] - spare[k] * 1e-6
            if best < 0 or x < key:
                best, key = k, x
        else:                               # round robin
            if first < 0:
                first = k
            if k >= rr:
                best = k
                break
    if rule == 2:
        if best < 0:
            best = first
        if best >= 0:
            rr = best + 1
    return best, rr


@kernel
def _pools(now, active, notice, sick_until, avail, shielded, shield_newcomers):
    n = active.size
    present = np.zeros(n, np.bool_)
    unshielded = np.zeros(n, np.bool_)
    for k in range(n):
        present[k] = active[k] and not notice[k] and sick_until[k] <= now and avail[k] > 0
        unshielded[k] = present[k] and not (shield_newcomers and shielded[k])
    return present, unshielded


@kernel
def _max_where(x, mask):
    best = -np.inf
    for k in range(x.size):
        if mask[k] and x[k] > best:
            best = x[k]
    return best


@kernel
def _assign(now, f, i, live, n_live, active, notice, sick_until, avail, load,
            complex_load, ncases, n_overdue, shielded, credit, shield_newcomers, max_util,
            share, rule, rr):
    present, unshielded = _pools(now, active, notice, sick_until, avail, shielded,
                                 shield_newcomers)
    # extra room above full load when cases are pushed onto workers (max_utilisation > 1)
    spare = avail * max_util - load
    max_all = _max_where(spare, present)
    max_un = _max_where(spare, unshielded)
    wait_sum = 0.0
    wait_n = 0
    if max_all == -np.inf:
        return rr, wait_sum, wait_n
    for kind in (cb.INVESTIGATION, cb.ONGOING):
        if max_all <= 0:
            continue
        ids = np.empty(n_live, np.int64)
        nq = 0
        for x in range(n_live):
            c = live[x]
            if i[c, cb.OPEN] and i[c, cb.OWNER] < 0 and i[c, cb.KIND] == kind:
                ids[nq] = c
                nq += 1
        ids = ids[:nq]
        ids = ids[np.argsort(f[ids, cb.QKEY], kind="mergesort")]
        for c in ids:
            w = f[c, cb.WEEKLY]
            need = share * w
            cplx = i[c, cb.COMPLEX] == 1
            mx = max_un if cplx else max_all
            if mx <= 0 or mx < need:
                continue
            k, rr = choose(rule, spare, unshielded if cplx else present, need, ncases, rr,
                           True)
            if k < 0:
                continue
            cb.attach(f, i, c, k, now, credit, load, complex_load, ncases, n_overdue)
            spare[k] -= w
            max_all = _max_where(spare, present)
            if unshielded[k]:
                max_un = _max_where(spare, unshielded)
            if i[c, cb.HANDOVERS] == 0:
                wait_sum += now - f[c, cb.ARRIVAL]
                wait_n += 1
    return rr, wait_sum, wait_n


@kernel
def _hand_over(k, now, f, i, live, n_live, active, notice, sick_until, avail, load,
               complex_load, ncases, n_overdue, shielded, credit, shield_newcomers, rule,
               rr):
    present, unshielded = _pools(now, active, notice, sick_until, avail, shielded,
                                 shield_newcomers)
    present[k] = False
    unshielded[k] = False
    spare = avail - load
    n = 0
    for x in range(n_live):
        c = live[x]
        if not i[c, cb.OPEN] or i[c, cb.OWNER] != k:
            continue
        cb.detach(f, i, c, credit, load, complex_load, ncases, n_overdue)
        i[c, cb.HANDOVERS] += 1
        n += 1
        j, rr = choose(rule, spare, unshielded if i[c, cb.COMPLEX] else present, 0.0,
                       ncases, rr, False)
        if j < 0:        # nobody can take it: to the front of its queue
            f[c, cb.QKEY] = f[c, cb.ARRIVAL] - cb.FRONT
        else:
            cb.attach(f, i, c, j, now, credit, load, complex_load, ncases, n_overdue)
            spare[j] -= f[c, cb.WEEKLY]
    return rr, n
