"""Caseload assignment: pluggable rules, the queue, and hand-overs.

A rule is a small object with one method, ``choose(m, spare, eligible, case)``,
returning a slot or -1. Eligible workers are present (not sick, not serving notice),
have hours this week, and, when shielding is on, are not in a shielded phase if the
case is complex. New cases go only to workers whose spare hours reach
``min_spare_share`` of the case's weekly need; otherwise they wait in the queue
(investigations first, oldest first). When a worker leaves or falls ill for long,
their cases go to colleagues even if that overloads them; each hand-over is a
continuity break and is counted.
"""

from __future__ import annotations

import numpy as np

from .arrivals import attach, detach


class MostSpare:
    """The eligible worker with the most spare hours (default)."""

    name = "most_spare"

    def choose(self, m, spare, eligible, case) -> int:
        if not eligible.any():
            return -1
        masked = np.where(eligible, spare, -np.inf)
        return int(np.argmax(masked))


class LeastCases:
    """The eligible worker with the fewest open cases (ties: most spare hours)."""

    name = "least_cases"

    def choose(self, m, spare, eligible, case) -> int:
        if not eligible.any():
            return -1
        key = np.where(eligible, m.ncases - spare * 1e-6, np.inf)
        return int(np.argmin(key))


class RoundRobin:
    """The next eligible worker after the one who got the previous case."""

    name = "round_robin"

    def choose(self, m, spare, eligible, case) -> int:
        idx = np.flatnonzero(eligible)
        if idx.size == 0:
            return -1
        after = idx[idx >= m.rr_pointer]
        k = int(after[0]) if after.size else int(idx[0])
        m.rr_pointer = k + 1
        return k


RULES = {cls.name: cls for cls in (MostSpare, LeastCases, RoundRobin)}


def make_rule(name: str):
    return RULES[name]()


def _present(m) -> np.ndarray:
    now = m.env.now
    return m.active & ~m.notice & (m.sick_until <= now) & (m.avail > 0)


def assign_queue(m) -> None:
    """Assign queued cases, oldest first, while some eligible worker has room.

    A case is skipped in O(1) when the largest spare among the workers it may go to
    is below its need, so a long queue in an overloaded unit costs little.
    """
    if m.saturated or not (m.inv_queue or m.ong_queue):
        return
    m.saturated = True
    present = _present(m)
    if not present.any():
        return
    unshielded = present & ~m.shielded if m.p.assignment.shield_newcomers \
        else present
    # extra room above full load when cases are pushed onto workers (max_utilisation > 1)
    spare = m.avail * m.p.assignment.max_utilisation - m.load
    sp_all = np.where(present, spare, -np.inf)
    sp_un = np.where(unshielded, spare, -np.inf)
    max_all = float(sp_all.max())
    max_un = float(sp_un.max()) if unshielded.any() else -np.inf
    share = m.p.assignment.min_spare_share
    rule = m.assign_rule
    # most_spare picks the argmax of the pool's spare hours; once that maximum reaches the
    # case's need, it is the same worker the full eligibility mask would give
    fast = isinstance(rule, MostSpare)
    for qname in ("inv_queue", "ong_queue"):
        queue = getattr(m, qname)
        if max_all <= 0 or not queue:
            continue
        taken = 0
        kept = []
        for case in queue:
            need = share * case.weekly
            mx = max_un if case.complex else max_all
            if mx <= 0 or mx < need:
                kept.append(case)
                continue
            if fast:
                k = int(np.argmax(sp_un if case.complex else sp_all))
            else:
                pool = unshielded if case.complex else present
                eligible = pool & (spare >= need) & (spare > 0)
                k = rule.choose(m, spare, eligible, case)
            if k < 0:
                kept.append(case)
                continue
            attach(m, case, k)
            taken += 1
            spare[k] -= case.weekly
            sp_all[k] = spare[k]
            max_all = float(sp_all.max())
            if unshielded[k]:
                sp_un[k] = spare[k]
                max_un = float(sp_un.max())
            m.rec.case_assigned(m, case)
        if taken:
            queue.clear()
            queue.extend(kept)


def hand_over(m, k: int) -> None:
    """Give all cases of worker ``k`` to colleagues (overload allowed)."""
    cases = list(m.cases[k])
    if not cases:
        return
    present = _present(m)
    present[k] = False
    unshielded = present & ~m.shielded if m.p.assignment.shield_newcomers \
        else present
    back = []
    for case in cases:
        detach(m, case)
        case.handovers += 1
        m.rec.handover(m, case)
        pool = unshielded if case.complex else present
        if not pool.any():
            back.append(case)
            continue
        spare = m.avail - m.load
        j = m.assign_rule.choose(m, spare, pool, case)
        if j < 0:
            back.append(case)
        else:
            attach(m, case, j)
    # cases nobody could take go to the front of their queue, oldest first
    for case in sorted(back, key=lambda c: c.arrival, reverse=True):
        (m.inv_queue if case.kind == "investigation" else m.ong_queue).appendleft(case)
    m.saturated = False
