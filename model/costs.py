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

import numpy as np

from . import policies
from .jit import kernel
from .policies import vec

CATEGORIES = ("salaries", "sick_leave", "mentoring", "rampup_lost_output",
              "recruitment", "consultants")   # plus policy_<name> for each policy in use
WEEKS_PER_MONTH = 52.0 / 12.0


PAYROLL = ("sick_leave", "mentoring", "rampup_lost_output", "salaries",
           "policy_overstaffing")     # then time_<policy> for each policy moving time


@kernel
def _payroll_week(now, start, active, consultant, salary, fte, spell_start, sick_until,
                  hire_day, mentor_given, phase, capacity, capacity_cap, policy_time,
                  n_base, q):
    """Totals of one week of pay (``now - 7``, ``now``] per ledger category.

    Each employee's pay for the days employed is split: employer sick pay for absent
    days within the employer period; of the pay for days present, the mentoring share,
    the shares of paid time that policies move off casework, then of the rest the
    ramp-up share ``1 - capacity`` and the salaries (or ``policy_overstaffing`` for
    posts above the budget).
    """
    oncost, pay_days, sick_share, paid_hours_full = q
    n_time = policy_time.shape[0]
    out = np.zeros(len(PAYROLL) + n_time)
    n_cons = 0
    for k in range(active.size):
        if not active[k]:
            continue
        if consultant[k]:
            n_cons += 1
            continue
        pay = salary[k] * 12.0 / 52.0 * (1.0 + oncost) * fte[k]
        s0 = max(spell_start[k], start)
        s1 = min(sick_until[k], now)
        absent = min(max(s1 - s0, 0.0), 7.0)
        paid = min(max(min(s1, spell_start[k] + pay_days) - s0, 0.0), 7.0)
        # hired or leaving mid-week: pay only the days employed
        pay *= min(max(now - max(hire_day[k], start), 0.0), 7.0) / 7.0
        hours = max(paid_hours_full * fte[k], 1e-9)
        out[0] += pay * sick_share * paid / 7.0
        worked = pay * (1.0 - absent / 7.0)
        mentoring = worked * min(mentor_given[k] / hours, 1.0)
        out[1] += mentoring
        rest = worked - mentoring
        for j in range(n_time):
            part = worked * min(policy_time[j, k] / hours, 1.0)
            out[len(PAYROLL) + j] += part
            rest -= part
        rest = max(rest, 0.0)
        ramp = rest * (1.0 - min(capacity[phase[k]], capacity_cap[k]))
        out[2] += ramp
        out[4 if k >= n_base else 3] += rest - ramp
    return out, n_cons


class Ledger:
    """SEK by (year, category), counting only days in the statistics window."""

    def __init__(self, window_start: float):
        self.start = window_start
        self.sek: dict[tuple[int, str], float] = defaultdict(float)

    def year_of(self, day: float) -> int:
        return int((day - self.start) // 365.0)

    def add(self, day: float, category: str, amount: float) -> None:
        if day >= self.start - 1e-9 and amount:
            self.sek[(self.year_of(day + 1e-9), category)] += float(amount)

    def accrue_week(self, m) -> None:
        """Book the week (now - 7, now] for every employee and consultant."""
        start = m.env.now - 7.0
        if start < self.start - 1e-9:
            return
        p = m.p
        n = m.n_slots
        fx = m.fx
        names = list(fx.policy_time)
        time = (np.array([vec(fx.policy_time[x], n) for x in names]) if names
                else np.zeros((0, n)))
        totals, n_cons = _payroll_week(
            m.env.now, start, m.active, m.consultant, m.salary, m.fte, m.spell_start,
            m.sick_until, m.hire_day, m.mentor_given, m.phase, m.phase_cfg.capacity,
            vec(fx.capacity_cap, n), time, m.n_base_positions,
            np.array([p.pay.employer_oncost, p.sick_leave.employer_pay_days,
                      p.sick_leave.sick_pay_share, m.phase_cfg.paid_hours]))
        y = self.year_of(start)
        for cat, total in zip(PAYROLL + tuple(f"time_{x}" for x in names), totals.tolist()):
            if total:
                self.sek[(y, cat)] += total
        policies.book_costs(m)
        if n_cons:
            self.add(start, "consultants", n_cons * p.consultants.cost_sek_per_month
                     / WEEKS_PER_MONTH)

    def add_leaver_days(self, m, k: int) -> None:
        """Pay of a worker who left mid-week, for the days of that week worked."""
        start = max(m.env.now - (m.env.now % 7.0), self.start)
        if m.env.now < self.start:
            return
        days = m.env.now - max(start, m.hire_day[k])
        if days <= 0:
            return
        pay = m.salary[k] * 12.0 / 52.0 * (1.0 + m.p.pay.employer_oncost) * m.fte[k]
        self.add(m.env.now, "salaries", pay * days / 7.0)

    def total(self) -> float:
        return float(sum(self.sek.values()))

    def rows(self):
        for (year, cat), sek in sorted(self.sek.items()):
            yield year, cat, sek
