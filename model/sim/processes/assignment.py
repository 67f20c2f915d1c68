"""Caseload assignment: the rules, the queue, and hand-overs.

A rule picks, among the eligible workers, the one with the most spare hours
(``most_spare``, default), the fewest open cases (``least_cases``; ties: most spare
hours) or the next after the worker who got the previous case (``round_robin``).
Eligible workers are present (not sick, not serving notice), have hours this week
and, when shielding is on, are not in a shielded phase if the case is complex.

New cases go only to workers whose spare hours reach ``min_spare_share`` of the case's
weekly need; a case that has waited ``relax_after_days`` may go to any eligible worker
with spare hours, and then, whatever the rule, to the one with the most spare hours
(the best fit for a case nobody could take), so no case stays unassignable because of
its size or the rule. Cases still waiting past ``relax_after_days`` (only when no
eligible worker has any spare hours) are counted weekly (``unassigned_past_relax``).
Otherwise cases wait in the queue (investigations first, then ongoing cases; handed-back
cases first, then oldest first). A case is skipped in O(1) when the largest spare among
the workers it may go to is below its need, so a long queue in an overloaded unit costs
little. When a worker leaves or falls ill for long, their cases go to colleagues even if
that overloads them, up to the managers' ceiling (``response.handover_max_utilisation``
times their hours); the rest go to the front of the queue. Each hand-over is a
continuity break and is counted.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .. import casebook as cb
from ..jit import entry, kernel

# the rules' numbers at the compiled boundary (``choose``); Python uses ``RULES``
MOST_SPARE, LEAST_CASES, ROUND_ROBIN = 0, 1, 2
NO_CAP = 1e9        # a hand-over ceiling no load reaches (the managers do not act)


class AssignmentRule:
    """How the handler of a case is picked among the eligible workers. The compiled
    passes take the rule as its number (``code``), as kernels take no Python objects;
    ``pick`` applies the rule once (for callers outside the compiled passes, and tests).
    """

    name = ""
    code = -1

    def pick(self, spare: np.ndarray, pool: np.ndarray, ncases: np.ndarray,
             rr: int = 0) -> tuple[int, int]:
        """The slot picked among ``pool`` (-1 if none) and the next round-robin
        pointer, given each slot's spare hours and open cases."""
        return choose(self.code, spare, pool, 0.0, ncases, rr, False)


class MostSpare(AssignmentRule):
    """The eligible worker with the most spare hours (the default)."""
    name, code = "most_spare", MOST_SPARE


class LeastCases(AssignmentRule):
    """The eligible worker with the fewest open cases; ties: the most spare hours."""
    name, code = "least_cases", LEAST_CASES


class RoundRobin(AssignmentRule):
    """The next eligible worker after the one who got the previous case."""
    name, code = "round_robin", ROUND_ROBIN


RULES = {r.name: r for r in (MostSpare(), LeastCases(), RoundRobin())}


class PoolColumns(NamedTuple):
    """Staff columns that decide who may take a case."""
    active: np.ndarray
    notice: np.ndarray
    sick_until: np.ndarray
    avail: np.ndarray
    shielded: np.ndarray


class Rule(NamedTuple):
    """The scenario's assignment rule."""
    code: int                   # the rule's number (``AssignmentRule.code``)
    shield_newcomers: bool
    max_utilisation: float      # load may reach this multiple of the hours
    min_spare_share: float      # of a case's weekly hours a worker must have spare
    relax_after_days: float     # then spare hours > 0 suffice


def rule_of(a) -> Rule:
    return Rule(RULES[a.rule].code, bool(a.shield_newcomers), float(a.max_utilisation),
                float(a.min_spare_share), float(a.relax_after_days))


def assign_queue(u) -> None:
    """Assign queued cases while some eligible worker has room."""
    b = u.book
    if u.saturated or not b.n_live:
        return
    u.saturated = True
    u.rr_pointer, wait_sum, wait_n = _assign(
        float(u.env.now), b.f, b.i, b.live[:b.n_live], u.views[PoolColumns],
        u.views[cb.Holdings], u.rule, u.rr_pointer)
    u.recorder.cases_assigned(wait_sum, wait_n, u.in_window(u.env.now))


def assign_week(u) -> None:
    """Weekly step: hours have changed, so the whole queue is tried."""
    u.saturated = False
    assign_queue(u)


def hand_over(u, k: int) -> None:
    """Give all cases of worker ``k`` to colleagues, overload allowed up to the managers'
    ceiling (``response.handover_max_utilisation``; none when the managers do not act);
    the cases nobody can take under it go to the front of their queue."""
    b = u.book
    if not u.staff.ncases[k]:
        return
    r = u.response
    cap = float(r.cfg.handover_max_utilisation) if r.enabled else NO_CAP
    u.rr_pointer, n = _hand_over(
        k, float(u.env.now), b.f, b.i, b.live[:b.n_live], u.views[PoolColumns],
        u.views[cb.Holdings], u.rule, u.rr_pointer, cap)
    if u.in_window(u.env.now):
        u.recorder.cases_handed_over(n)
        u.ledger.book_service(u, handovers=n)
    u.saturated = False


@kernel
def choose(rule, spare, pool, need, ncases, rr, use_need):
    """The slot the rule (its number) picks among the eligible workers (-1 if none),
    and the new round-robin pointer. Eligible: in ``pool`` and, with ``use_need``,
    spare hours positive and at least ``need``."""
    best = -1
    first = -1
    key = 0.0
    for k in range(spare.size):
        if not pool[k] or (use_need and (spare[k] < need or spare[k] <= 0)):
            continue
        if rule == MOST_SPARE:
            if best < 0 or spare[k] > key:
                best, key = k, spare[k]
        elif rule == LEAST_CASES:           # then most spare hours
            x = ncases[k] - spare[k] * 1e-6
            if best < 0 or x < key:
                best, key = k, x
        else:                               # round robin
            if first < 0:
                first = k
            if k >= rr:
                best = k
                break
    if rule == ROUND_ROBIN:
        if best < 0:
            best = first
        if best >= 0:
            rr = best + 1
    return best, rr


@kernel
def _pools(now, w, shield_newcomers):
    n = w.active.size
    present = np.zeros(n, np.bool_)
    unshielded = np.zeros(n, np.bool_)
    for k in range(n):
        present[k] = (w.active[k] and not w.notice[k] and w.sick_until[k] <= now
                      and w.avail[k] > 0)
        unshielded[k] = present[k] and not (shield_newcomers and w.shielded[k])
    return present, unshielded


@kernel
def _max_where(x, mask):
    best = -np.inf
    for k in range(x.size):
        if mask[k] and x[k] > best:
            best = x[k]
    return best


@entry
def _assign(now, f, i, live, w, h, rule, rr):
    present, unshielded = _pools(now, w, rule.shield_newcomers)
    # extra room above full load when cases are pushed onto workers (max_utilisation > 1)
    spare = w.avail * rule.max_utilisation - h.load
    max_all = _max_where(spare, present)
    max_un = _max_where(spare, unshielded)
    wait_sum = 0.0
    wait_n = 0
    if max_all == -np.inf:
        return rr, wait_sum, wait_n
    for kind in (cb.INVESTIGATION, cb.ONGOING):
        if max_all <= 0:
            continue
        ids = np.empty(live.size, np.int64)
        nq = 0
        for c in live:
            if i[c, cb.OPEN] and i[c, cb.OWNER] < 0 and i[c, cb.KIND] == kind:
                ids[nq] = c
                nq += 1
        ids = ids[:nq]
        ids = ids[np.argsort(f[ids, cb.QKEY], kind="mergesort")]
        for c in ids:
            weekly = f[c, cb.WEEKLY]
            relaxed = now - f[c, cb.ARRIVAL] >= rule.relax_after_days
            need = 0.0 if relaxed else rule.min_spare_share * weekly
            cplx = i[c, cb.COMPLEX] == 1
            mx = max_un if cplx else max_all
            if mx <= 0 or mx < need:
                continue
            # relaxed: whatever the rule, the case goes to the worker with most room
            k, rr = choose(MOST_SPARE if relaxed else rule.code, spare,
                           unshielded if cplx else present, need, h.ncases, rr, True)
            if k < 0:
                continue
            cb.attach(f, i, c, k, now, h)
            spare[k] -= weekly
            max_all = _max_where(spare, present)
            if unshielded[k]:
                max_un = _max_where(spare, unshielded)
            if i[c, cb.HANDOVERS] == 0:
                wait_sum += now - f[c, cb.ARRIVAL]
                wait_n += 1
    return rr, wait_sum, wait_n


@entry
def _hand_over(k, now, f, i, live, w, h, rule, rr, cap):
    present, unshielded = _pools(now, w, rule.shield_newcomers)
    present[k] = False
    unshielded[k] = False
    spare = w.avail * cap - h.load
    n = 0
    for c in live:
        if not i[c, cb.OPEN] or i[c, cb.OWNER] != k:
            continue
        cb.detach(f, i, c, h)
        i[c, cb.HANDOVERS] += 1
        n += 1
        j, rr = choose(rule.code, spare, unshielded if i[c, cb.COMPLEX] else present,
                       f[c, cb.WEEKLY], h.ncases, rr, cap < NO_CAP)
        if j < 0:        # nobody can take it: to the front of its queue
            f[c, cb.QKEY] = f[c, cb.ARRIVAL] - cb.FRONT
        else:
            cb.attach(f, i, c, j, now, h)
            spare[j] -= f[c, cb.WEEKLY]
    return rr, n
