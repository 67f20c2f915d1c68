"""The cost ledger in SEK, by year of the statistics window and category.

Payroll is split so that nothing is counted twice: each employee-week's pay
(``salary * 12/52 * (1 + on-cost) * fte``) goes to

* ``sick_leave``: employer sick pay (``sick_pay_share`` of pay) for absent days within
  the first ``employer_pay_days`` of a spell (later days cost the employer nothing);
* ``mentoring``: the share of present time spent mentoring newcomers;
* ``rampup_lost_output``: the share of present time a newcomer cannot yet use for
  casework, ``1 - capacity(phase)``;
* ``salaries``: the rest.

* ``time_<policy>``: paid time a policy moves off casework (shorter days, reflection);
  pay that is not extra cash but buys no casework.

On top of payroll: ``recruitment`` (per recruitment round), ``consultants`` (monthly cost
per consultant) and ``policy_<name>``: the extra cash each policy costs (supplements,
added staff, facilitators). The total of all categories is the unit's cost.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

import numpy as np

from .entities import DAYS_PER_YEAR, WEEK
from .jit import coefficients, entry
from .policies import vec
from .staff import weekly_pay

WEEKS_PER_MONTH = 52.0 / 12.0
PAYROLL = ("sick_leave", "mentoring", "rampup_lost_output", "salaries",
           "policy_overstaffing")     # then time_<policy> for each policy moving time


class PayrollColumns(NamedTuple):
    """Staff columns the payroll pass reads."""
    active: np.ndarray
    consultant: np.ndarray
    salary: np.ndarray
    fte: np.ndarray
    spell_start: np.ndarray
    sick_until: np.ndarray
    hire_day: np.ndarray
    mentor_given: np.ndarray
    phase: np.ndarray


class PayrollTerms(NamedTuple):
    oncost: float                 # employer's on-cost, share of pay
    employer_pay_days: float      # days of a spell the employer pays
    sick_pay_share: float
    paid_hours: float             # paid hours/week of a full-time post (yearly average)


class PayrollEffects(NamedTuple):
    """The week's policy effects on pay: capacity caps and paid time moved off casework
    (one row per policy)."""
    capacity_cap: np.ndarray
    policy_time: np.ndarray


@entry
def _payroll_week(now, w, capacity, fx, n_base, q):
    """Totals of one week of pay (``now - 7``, ``now``] per ledger category.

    Each employee's pay for the days employed is split: employer sick pay for absent
    days within the employer period; of the pay for days present, the mentoring share,
    the shares of paid time that policies move off casework, then of the rest the
    ramp-up share ``1 - capacity`` and the salaries (or ``policy_overstaffing`` for
    posts above the budget).
    """
    start = now - 7.0
    n_time = fx.policy_time.shape[0]
    out = np.zeros(len(PAYROLL) + n_time)
    for k in range(w.active.size):
        if not w.active[k] or w.consultant[k]:
            continue
        pay = weekly_pay(w.salary[k], w.fte[k], q.oncost)
        s0 = max(w.spell_start[k], start)
        s1 = min(w.sick_until[k], now)
        absent = min(max(s1 - s0, 0.0), 7.0)
        paid = min(max(min(s1, w.spell_start[k] + q.employer_pay_days) - s0, 0.0), 7.0)
        # hired or leaving mid-week: pay only the days employed
        pay *= min(max(now - max(w.hire_day[k], start), 0.0), 7.0) / 7.0
        hours = max(q.paid_hours * w.fte[k], 1e-9)
        out[0] += pay * q.sick_pay_share * paid / 7.0
        worked = pay * (1.0 - absent / 7.0)
        mentoring = worked * min(w.mentor_given[k] / hours, 1.0)
        out[1] += mentoring
        rest = worked - mentoring
        for j in range(n_time):
            part = worked * min(fx.policy_time[j, k] / hours, 1.0)
            out[len(PAYROLL) + j] += part
            rest -= part
        rest = max(rest, 0.0)
        ramp = rest * (1.0 - min(capacity[w.phase[k]], fx.capacity_cap[k]))
        out[2] += ramp
        out[4 if k >= n_base else 3] += rest - ramp
    return out


def _effects(fx, n: int) -> PayrollEffects:
    time = (np.array([vec(fx.policy_time[x], n) for x in fx.policy_time]) if fx.policy_time
            else np.zeros((0, n)))
    return PayrollEffects(vec(fx.capacity_cap, n), time)


class Ledger:
    """SEK by (year, category), counting only days in the statistics window."""

    def __init__(self, window_start: float, params):
        self.start = window_start
        self.sek: dict[tuple[int, str], float] = defaultdict(float)
        self.terms = coefficients(
            PayrollTerms, oncost=params.pay.employer_oncost,
            employer_pay_days=params.sick_leave.employer_pay_days,
            sick_pay_share=params.sick_leave.sick_pay_share,
            paid_hours=(params.work_time.hours_per_week
                        * params.work_time.working_weeks_per_year / 52.0))
        self.consultant_month = params.consultants.cost_sek_per_month

    def year_of(self, day: float) -> int:
        return int((day - self.start) // DAYS_PER_YEAR)

    def add(self, day: float, category: str, amount: float) -> None:
        if day >= self.start - 1e-9 and amount:
            self.sek[(self.year_of(day + 1e-9), category)] += float(amount)

    def in_window(self, now: float) -> bool:
        """Whether the week (now - 7, now] is inside the statistics window."""
        return now - WEEK >= self.start - 1e-9

    def book_payroll(self, u) -> None:
        """Book the week's pay (now - 7, now] of every employee."""
        if not self.in_window(u.env.now):
            return
        fx = u.fx
        names = list(fx.policy_time)
        totals = _payroll_week(
            float(u.env.now), u.views[PayrollColumns], u.phase_table.capacity,
            fx.tuple_of(_effects, u.n_slots), u.n_base_positions, self.terms)
        y = self.year_of(u.env.now - WEEK)
        for cat, total in zip(PAYROLL + tuple(f"time_{x}" for x in names), totals.tolist()):
            if total:
                self.sek[(y, cat)] += total

    def book_consultants(self, u) -> None:
        """The week's consultant fees (consultants in post at the week's end)."""
        if not self.in_window(u.env.now):
            return
        n = int(np.count_nonzero(u.staff.active & u.staff.consultant))
        if n:
            self.add(u.env.now - WEEK, "consultants", n * self.consultant_month / WEEKS_PER_MONTH)

    def add_leaver_days(self, u, k: int) -> None:
        """Pay of a worker who left mid-week, for the days of that week worked."""
        now = u.env.now
        start = max(now - (now % WEEK), self.start)
        if now < self.start:
            return
        st = u.staff
        days = now - max(start, st.hire_day[k])
        if days <= 0:
            return
        pay = weekly_pay(st.salary[k], st.fte[k], self.terms.oncost)
        self.add(now, "salaries", pay * days / WEEK)

    def total(self) -> float:
        return float(sum(self.sek.values()))

    def rows(self):
        for (year, cat), sek in sorted(self.sek.items()):
            yield year, cat, sek


def book_payroll(u) -> None:
    """Weekly step: the payroll of the week past."""
    u.ledger.book_payroll(u)


def book_consultants(u) -> None:
    """Weekly step: the consultant fees of the week past."""
    u.ledger.book_consultants(u)
