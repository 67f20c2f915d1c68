"""What the managers do when cases wait or many leave (``model.sim.params.response``):
each week they look at the queue as it stood and at the exits of the last 52 weeks and
set the responses for the week ahead (consultants beyond the usual cap and temporary
team leaders are set here too; see the parameters' module).

* ``pressure``: waiting cases of both kinds over the expected month's intake of both
  (the inflow's rate this week, surges and policies included);
* **prioritisation**: ongoing cases' weekly hours are cut by
  ``max_cut * ramp(pressure, from, full)``; every open ongoing case (held or waiting)
  and every new one carries the same cut, so a change rescales them all and the
  holders' loads with them;
* **overtime**: each employee present gets ``max_hours * ramp(pressure, from, full)``
  more client hours this week, within what is left of the calendar year's limit; the
  phases pass adds them to the available hours, the strain pass to demand, the ledger
  pays them;
* **borrowed staff**: from ``borrow_from_months`` (until the pressure falls below half
  of it) colleagues of other units, up to ``borrow_share`` of the posts in client hours,
  take the oldest waiting investigations that fit their hours and see them through;
  the ledger pays their hours at the unit's mean pay with on-costs;
* **bought investigations**: waiting investigations above ``buy_above_months`` of the
  month's investigation intake are closed, oldest first, as given to an external firm;
* **bought follow-up**: waiting ongoing cases above ``buy_ongoing_above_months`` of the
  month's ongoing intake go, oldest first, to an external firm for the rest of their
  nominal weeks, at the consultants' price per client hour.

The hours of borrowed staff and of bought work count as capacity in the economic view
while the cases run (their nominal weeks).

No random numbers are drawn, so common random numbers across options still hold.
"""

from __future__ import annotations

from collections import deque
from typing import NamedTuple

import numpy as np

from .. import casebook as cb
from ..entities import DAYS_PER_YEAR, WEEK
from ..jit import entry
from ..staff import weekly_pay

DAYS_PER_MONTH = DAYS_PER_YEAR / 12.0


def ramp(x: float, start: float, full: float) -> float:
    """0 below ``start``, 1 from ``full``, linear between."""
    if x <= start:
        return 0.0
    if x >= full:
        return 1.0
    return (x - start) / (full - start)


class OvertimeColumns(NamedTuple):
    """Staff columns the overtime rule reads."""
    active: np.ndarray
    consultant: np.ndarray
    notice: np.ndarray
    sick_until: np.ndarray
    fte: np.ndarray


class Response:
    """The managers' responses in force and what they have used (one per unit)."""

    def __init__(self, params, n_slots: int):
        self.cfg = params.response
        self.enabled = bool(self.cfg.enabled)
        self.cut = 0.0                         # cut of ongoing cases' weekly hours
        self.overtime = np.zeros(n_slots)      # overtime hours this week, per slot
        self.overtime_on = False               # any of them non-zero
        self.overtime_total = 0.0              # their sum
        self.used = np.zeros(n_slots)          # overtime hours this calendar year
        self.year = 0
        self.running: deque = deque()          # bought cases: (end day, hours/week)
        self.bought_hours_week = 0.0           # their hours this week
        self.lent: deque = deque()             # cases of borrowed staff: (end, hours/week)
        self.borrowing = False                 # staff borrowed from other units
        self.borrowed_hours_week = 0.0
        self.pressure = 0.0
        self.crisis_consultants = False        # consultants beyond the usual cap allowed
        self.crisis_from: float | None = None  # day they may start (decided, lead time)
        self.team_leaders = 0.0                # temporary team leaders in post
        # the rates of the inflow, cases a day (set by the arrivals each week)
        self.intake_per_day = (0.0, 0.0)

    @property
    def ongoing_factor(self) -> float:
        """What new ongoing cases' weekly hours are multiplied by."""
        return 1.0 - self.cut

    def slot_filled(self, k: int) -> None:
        """A new worker in slot ``k`` starts with no overtime used this year."""
        self.used[k] = 0.0

    def extra_hours(self) -> float:
        """Hours of work this week beyond the staff's own: overtime, borrowed staff and
        bought cases (capacity in the economic view)."""
        return self.overtime_total + self.bought_hours_week + self.borrowed_hours_week


def respond(u) -> bool:
    """Set the week's responses from the queue as it stands (see the module docstring);
    True when consultants beyond the usual cap have just become allowed (the vacant
    posts waiting for one are to be served)."""
    r = u.response
    if not r.enabled:
        return False
    cfg = r.cfg
    now = float(u.env.now)
    # the queue as it stood after last week's assignment (this week's new cases aside)
    live = u.book.live[:u.book.n_live]
    n_inv, n_ong = _waiting(u.book.f, u.book.i, live, now - WEEK)
    inv_day, ong_day = r.intake_per_day
    month_inv, month_all = inv_day * DAYS_PER_MONTH, (inv_day + ong_day) * DAYS_PER_MONTH
    r.pressure = (n_inv + n_ong) / month_all if month_all > 0 else 0.0
    counted = u.in_window(now)
    # borrowed staff first, then bought work: the queue the other responses see is what
    # is left
    n_inv -= _borrow(u, cfg, now, counted)
    keep = int(np.floor(cfg.buy_above_months * month_inv))
    if n_inv > keep and month_inv > 0:
        bought = _close(u, r.running, cb.INVESTIGATION, now, n_inv - keep, np.inf)[0]
        u.ledger.add(now, "bought_investigations", bought * cfg.bought_investigation_sek)
        u.recorder.investigations_bought(bought, counted)
        n_inv -= bought
    keep = int(np.floor(cfg.buy_ongoing_above_months * ong_day * DAYS_PER_MONTH))
    if n_ong > keep and ong_day > 0:
        bought, hours = _close(u, r.running, cb.ONGOING, now, n_ong - keep, np.inf)
        u.ledger.add(now, "bought_follow_up", hours * _hour_price(u.params))
        u.recorder.ongoing_bought(bought, counted)
        n_ong -= bought
    r.pressure = (n_inv + n_ong) / month_all if month_all > 0 else 0.0
    if r.running:
        r.running = deque(x for x in r.running if x[0] > now)
        r.bought_hours_week = sum(w for _, w in r.running)
    # prioritisation: one cut for every ongoing case
    cut = cfg.prioritise_max_cut * ramp(r.pressure, cfg.prioritise_from_months,
                                        cfg.prioritise_full_months)
    if abs(cut - r.cut) > 1e-12:
        cb.rescale_ongoing(u.book.f, u.book.i, live, (1.0 - cut) / (1.0 - r.cut),
                           u.views[cb.Holdings])
        r.cut = cut
    # overtime within the year's limit
    year = int(now // DAYS_PER_YEAR)
    if year != r.year:
        r.used[:] = 0.0
        r.year = year
    hours = cfg.overtime_max_hours_per_week * ramp(r.pressure, cfg.overtime_from_months,
                                                   cfg.overtime_full_months)
    r.overtime_total = 0.0
    if hours > 0 or r.overtime_on:
        r.overtime[:] = 0.0
        r.overtime_on = hours > 0
    if hours > 0:
        _overtime(now, u.views[OvertimeColumns], hours, cfg.overtime_max_hours_per_year,
                  r.used, r.overtime)
        u.ledger.book_overtime(u, r.overtime, cfg.overtime_pay_factor)
        r.overtime_total = float(r.overtime.sum())
    u.recorder.response_week(r.cut, r.overtime_total, counted)
    # leadership strengthened while people leave (exits of the last 52 weeks per post)
    exits = len(u.exit_days_52w) / max(u.n_base_positions, 1)
    if exits >= cfg.leadership_from_turnover:
        r.team_leaders = float(cfg.leadership_team_leaders)
    elif exits < cfg.leadership_from_turnover / 2:
        r.team_leaders = 0.0
    if r.team_leaders:
        u.ledger.add(now, "leadership", weekly_pay(cfg.leadership_salary_sek_per_month,
                                                   r.team_leaders,
                                                   u.params.pay.employer_oncost))
    # consultants beyond the usual cap: decided at the threshold, allowed after the lead
    # time, no more taken on below half the threshold
    start = cfg.crisis_consultants_from_months
    if r.pressure < start / 2:
        r.crisis_consultants, r.crisis_from = False, None
    elif r.pressure >= start and not r.crisis_consultants and r.crisis_from is None:
        r.crisis_from = now + cfg.crisis_consultant_lead_days
    if r.crisis_from is not None and now >= r.crisis_from - 1e-9:
        r.crisis_consultants, r.crisis_from = True, None
        return True
    return False


def _client_hours(params) -> float:
    """Client hours a week of one full-time post."""
    wt = params.work_time
    return wt.hours_per_week * wt.client_work_share


def _hour_price(params) -> float:
    """The consultants' price of one client hour."""
    return (params.consultants.cost_sek_per_month * 12.0 / 52.0
            / max(_client_hours(params), 1e-9))


def _close(u, into: deque, kind: int, now: float, n: int, hours: float
           ) -> tuple[int, float]:
    """Close up to ``n`` of the oldest waiting cases of ``kind`` whose weekly hours fit in
    ``hours`` (see ``_take``), add them to ``into`` as (end day, hours/week); their count
    and their hours over their nominal weeks."""
    live = u.book.live[:u.book.n_live]
    taken, h = _take(u.book.f, u.book.i, live, now - WEEK, kind, n, hours)
    for end, weekly in zip((now + h[:, 1] * WEEK).tolist(), h[:, 0].tolist()):
        into.append((end, weekly))
    return taken, float((h[:, 0] * h[:, 1]).sum())


def _borrow(u, cfg, now: float, counted: bool) -> int:
    """Staff borrowed from other units take waiting investigations that fit their hours;
    how many they took this week (see the module docstring)."""
    r = u.response
    if r.pressure >= cfg.borrow_from_months:
        r.borrowing = True
    elif r.pressure < cfg.borrow_from_months / 2:
        r.borrowing = False
    if r.lent:
        r.lent = deque(x for x in r.lent if x[0] > now)
    taken = 0
    budget = cfg.borrow_share * u.n_base_positions * _client_hours(u.params)
    free = budget - sum(w for _, w in r.lent)
    if r.borrowing and free > 0:
        taken = _close(u, r.lent, cb.INVESTIGATION, now, u.book.n_live, free)[0]
        u.recorder.cases_closed_in_week(taken, counted)
    r.borrowed_hours_week = sum(w for _, w in r.lent)
    if r.borrowed_hours_week:
        s = u.staff
        emp = s.active & ~s.consultant
        pay = float(s.salary[emp].mean()) if emp.any() else 0.0
        fte = r.borrowed_hours_week / max(_client_hours(u.params), 1e-9)
        u.ledger.add(now, "borrowed_staff", weekly_pay(pay, fte, u.params.pay.employer_oncost))
        u.recorder.borrowed_week(fte, counted)
    return taken


@entry
def _waiting(f, i, live, before):
    """Open cases waiting for a handler that arrived by day ``before``: (investigations,
    ongoing cases)."""
    n_inv = n_ong = 0
    for c in live:
        if i[c, cb.OPEN] and i[c, cb.OWNER] < 0 and f[c, cb.ARRIVAL] <= before:
            if i[c, cb.KIND] == cb.INVESTIGATION:
                n_inv += 1
            else:
                n_ong += 1
    return n_inv, n_ong


@entry
def _take(f, i, live, before, kind, n, hours):
    """Close up to ``n`` of the oldest waiting cases of ``kind`` that arrived by day
    ``before``, skipping those whose weekly hours no longer fit in ``hours``; their count
    and, per case, (weekly hours, nominal weeks left)."""
    ids = np.empty(live.size, np.int64)
    m = 0
    for c in live:
        if i[c, cb.OPEN] and i[c, cb.OWNER] < 0 and i[c, cb.KIND] == kind \
                and f[c, cb.ARRIVAL] <= before:
            ids[m] = c
            m += 1
    ids = ids[:m]
    ids = ids[np.argsort(f[ids, cb.QKEY], kind="mergesort")]
    out = np.zeros((min(ids.size, n), 2))
    t = 0
    left = hours
    for c in ids:
        if t >= n:
            break
        if f[c, cb.WEEKLY] > left:
            continue
        i[c, cb.OPEN] = 0
        left -= f[c, cb.WEEKLY]
        out[t, 0] = f[c, cb.WEEKLY]
        out[t, 1] = f[c, cb.REMAINING]
        t += 1
    return t, out[:t]


@entry
def _overtime(now, w, hours, limit, used, out):
    """Each employee present (not sick, not serving notice) works ``hours`` more, in
    proportion to the post's FTE, within what is left of ``limit`` this year."""
    for k in range(w.active.size):
        if w.active[k] and not w.consultant[k] and not w.notice[k] \
                and w.sick_until[k] <= now:
            h = min(hours * w.fte[k], max(limit * w.fte[k] - used[k], 0.0))
            out[k] = h
            used[k] += h
