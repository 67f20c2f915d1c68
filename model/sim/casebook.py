"""The unit's cases as rows of two arrays (one float, one integer), not objects.

A case is a row index ``c``. Its fields are columns: ``f[c, WEEKLY]`` is the work
hours per week while open, ``i[c, OWNER]`` the slot of its lead handler (-1 while
queued), and so on (one case's fields share a cache line or two). The weekly passes
over cases (progress, deadlines, assignment, hand-overs) are compiled loops over these
arrays (see ``model.sim.jit``).

* ``live[:n_live]``: the ids of open cases, in creation order (closed ones are dropped
  by the weekly progress pass);
* ``inv_ids[:n_inv]``: every investigation in arrival order; their deadlines come in
  the same order, so one pointer walks them (``dl_ptr``);
* a case waits in the queue of its kind while open and unowned; queues are served in
  order of ``f[c, QKEY]``: the arrival day, or ``arrival - FRONT`` for a case handed back
  when nobody could take it (such cases go first, oldest first).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .jit import entry, kernel

# float columns
WEEKLY, ARRIVAL, DEADLINE, FINISH, END, REMAINING, QKEY = range(7)
# integer columns
KIND, CLS, COMPLEX, OWNER, OPEN, OVERDUE, HANDOVERS = range(7)
INVESTIGATION, ONGOING = 0, 1
FRONT = 1.0e9            # days: puts handed-back cases before every new case


class Arrays(NamedTuple):
    """The case book's arrays (replaced together when they grow)."""
    f: np.ndarray
    i: np.ndarray
    live: np.ndarray
    inv_ids: np.ndarray


class Holdings(NamedTuple):
    """Staff columns that follow the cases a worker holds (owner: the case book)."""
    credit: np.ndarray          # service weeks
    load: np.ndarray            # hours/week
    complex_load: np.ndarray    # hours/week
    ncases: np.ndarray
    n_overdue: np.ndarray


class CaseBook:
    """Storage of all cases of one replication (grows by doubling)."""

    def __init__(self, capacity: int = 1024):
        self.f = np.zeros((capacity, 7))
        self.i = np.zeros((capacity, 7), np.int64)
        self.n = 0
        self.live = np.zeros(capacity, np.int64)
        self.n_live = 0
        self.inv_ids = np.zeros(capacity, np.int64)
        self.n_inv = 0
        self.dl_ptr = 0
        self.arrays = Arrays(self.f, self.i, self.live, self.inv_ids)   # kept current

    def reserve(self, extra: int) -> None:
        """Make room for ``extra`` more cases (the arrays double when full)."""
        need = self.n + extra
        if need > self.f.shape[0]:
            cap = max(2 * self.f.shape[0], need)
            self.f = _grow(self.f, cap)
            self.i = _grow(self.i, cap)
        if self.n_live + extra > self.live.size:
            self.live = _grow(self.live, max(2 * self.live.size, self.n_live + extra))
        if self.n_inv + extra > self.inv_ids.size:
            self.inv_ids = _grow(self.inv_ids, max(2 * self.inv_ids.size, self.n_inv + extra))
        if self.arrays.f is not self.f or self.arrays.live is not self.live \
                or self.arrays.inv_ids is not self.inv_ids:
            self.arrays = Arrays(self.f, self.i, self.live, self.inv_ids)

    # -- views (for the audit and for tests) -----------------------------------

    def open_ids(self) -> np.ndarray:
        ids = self.live[:self.n_live]
        return ids[self.i[ids, OPEN] == 1]

    def queued(self, kind: int | None = None) -> np.ndarray:
        """Ids of open cases waiting for a handler (of one kind, or both)."""
        ids = self.open_ids()
        ids = ids[self.i[ids, OWNER] < 0]
        return ids if kind is None else ids[self.i[ids, KIND] == kind]

    def owned(self, k: int) -> np.ndarray:
        """Ids of the open cases held by the worker in slot ``k``."""
        ids = self.open_ids()
        return ids[self.i[ids, OWNER] == k]

    def queue_stats(self) -> tuple[int, int, int, float]:
        """(queued investigations, queued ongoing cases, overdue queued, queued hours)."""
        return _queue_stats(self.f, self.i, self.live, self.n_live)

    def queue_audit(self, now: float, days: float) -> tuple[int, int, int, int]:
        """(queued investigations, queued ongoing cases, overdue queued, queued cases
        that arrived at least ``days`` ago): the weekly audit's view, in one pass."""
        return _queue_audit(self.f, self.i, self.live, self.n_live, now, days)

    def waiting_longer_than(self, now: float, days: float) -> int:
        """Queued cases that arrived at least ``days`` ago."""
        return _waiting_longer_than(self.f, self.i, self.live, self.n_live, now, days)


@entry
def _waiting_longer_than(f, i, live, n_live, now, days):
    n = 0
    for x in range(n_live):
        c = live[x]
        if i[c, OPEN] and i[c, OWNER] < 0 and now - f[c, ARRIVAL] >= days:
            n += 1
    return n


@entry
def _queue_audit(f, i, live, n_live, now, days):
    n_inv = n_ong = overdue = n_long = 0
    for x in range(n_live):
        c = live[x]
        if i[c, OPEN] and i[c, OWNER] < 0:
            if i[c, KIND] == INVESTIGATION:
                n_inv += 1
                overdue += i[c, OVERDUE]
            else:
                n_ong += 1
            if now - f[c, ARRIVAL] >= days:
                n_long += 1
    return n_inv, n_ong, overdue, n_long


def _grow(a: np.ndarray, cap: int) -> np.ndarray:
    """``a`` with its first axis extended to ``cap`` (zeros)."""
    out = np.zeros((cap,) + a.shape[1:], a.dtype)
    out[:a.shape[0]] = a
    return out


@entry
def _queue_stats(f, i, live, n_live):
    n_inv = n_ong = overdue = 0
    hours = 0.0
    for x in range(n_live):
        c = live[x]
        if i[c, OPEN] and i[c, OWNER] < 0:
            hours += f[c, WEEKLY]
            if i[c, KIND] == INVESTIGATION:
                n_inv += 1
                overdue += i[c, OVERDUE]
            else:
                n_ong += 1
    return n_inv, n_ong, overdue, hours


@kernel
def attach(f, i, c, k, now, h):
    """Give case ``c`` to the worker in slot ``k``; an ongoing case starts its clock."""
    i[c, OWNER] = k
    w = f[c, WEEKLY]
    h.load[k] += w
    if i[c, COMPLEX]:
        h.complex_load[k] += w
    h.ncases[k] += 1
    if i[c, KIND] == INVESTIGATION:
        h.n_overdue[k] += i[c, OVERDUE]
        f[c, FINISH] = h.credit[k] + f[c, REMAINING]
    elif f[c, END] == np.inf:
        f[c, END] = now + f[c, REMAINING]


@kernel
def add_service(h, ratio):
    """A week of service: each worker's credit grows by their service ratio (weeks)."""
    for k in range(h.credit.size):
        h.credit[k] += ratio[k]


@kernel
def mark_overdue(i, c, h):
    """Investigation ``c`` is open at its legal deadline: overdue, on its handler's
    books too."""
    i[c, OVERDUE] = 1
    if i[c, OWNER] >= 0:
        h.n_overdue[i[c, OWNER]] += 1


@kernel
def detach(f, i, c, h):
    """Take case ``c`` off its handler's books (the case keeps its progress)."""
    k = i[c, OWNER]
    w = f[c, WEEKLY]
    h.load[k] -= w
    if i[c, COMPLEX]:
        h.complex_load[k] -= w
    h.ncases[k] -= 1
    if i[c, KIND] == INVESTIGATION:
        h.n_overdue[k] -= i[c, OVERDUE]
        f[c, REMAINING] = max(0.0, f[c, FINISH] - h.credit[k])
    i[c, OWNER] = -1
    if h.ncases[k] == 0:        # clear rounding residue
        h.load[k] = 0.0
        h.complex_load[k] = 0.0


@entry
def rescale_ongoing(f, i, live, ratio, h):
    """Multiply every open ongoing case's weekly hours by ``ratio``, and its holder's
    load with it (the managers' prioritisation, ``model.sim.processes.response``)."""
    for c in live:
        if not i[c, OPEN] or i[c, KIND] != ONGOING:
            continue
        old = f[c, WEEKLY]
        new = old * ratio
        f[c, WEEKLY] = new
        k = i[c, OWNER]
        if k >= 0:
            h.load[k] += new - old
            if i[c, COMPLEX]:
                h.complex_load[k] += new - old
