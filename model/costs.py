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

CATEGORIES = ("salaries", "sick_leave", "mentoring", "rampup_lost_output",
              "recruitment", "consultants")   # plus policy_<name> for each policy in use
WEEKS_PER_MONTH = 52.0 / 12.0


def weekly_payroll_split(pay_week, absent_days, paid_absent_days, sick_pay_share,
                         mentor_share, capacity, other_shares=None):
    """Split one week of pay per worker into ledger categories (pure function).

    All arguments are arrays (or scalars) per worker; ``other_shares`` maps a category
    to the share of worked time it takes (e.g. policy time off client work). Returns a
    dict of arrays whose sum is the pay for worked days plus sick pay.
    """
    present = 1.0 - absent_days / 7.0
    sick = pay_week * sick_pay_share * paid_absent_days / 7.0
    worked = pay_week * present
    mentoring = worked * mentor_share
    out = {"sick_leave": sick, "mentoring": mentoring}
    rest = worked - mentoring
    for cat, share in (other_shares or {}).items():
        part = worked * share
        out[cat] = part
        rest = rest - part
    rest = np.maximum(rest, 0.0)
    out["rampup_lost_output"] = rest * (1.0 - capacity)
    out["salaries"] = rest - out["rampup_lost_output"]
    return out


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
        emp = m.employees()
        if emp.any():
            idx = np.flatnonzero(emp)
            pay = (m.salary[idx] * 12.0 / 52.0 * (1.0 + p.pay.employer_oncost) * m.fte[idx])
            s0 = np.maximum(m.spell_start[idx], start)
            s1 = np.minimum(m.sick_until[idx], m.env.now)
            absent = np.clip(s1 - s0, 0.0, 7.0)
            paid_end = np.minimum(s1, m.spell_start[idx] + p.sick_leave.employer_pay_days)
            paid = np.clip(paid_end - s0, 0.0, 7.0)
            # hired or leaving mid-week: pay only the days employed
            employed = np.clip(m.env.now - np.maximum(m.hire_day[idx], start), 0.0, 7.0) / 7.0
            paid_hours = m.phase_cfg.paid_hours * m.fte[idx]
            mentor_share = np.minimum(m.mentor_given[idx] / np.maximum(paid_hours, 1e-9), 1.0)
            cap = np.minimum(m.phase_cfg.capacity[m.phase[idx]], m.fx.capacity_cap[idx])
            hours = np.maximum(paid_hours, 1e-9)
            other = {f"time_{name}": np.minimum(arr[idx] / hours, 1.0) if isinstance(
                arr, np.ndarray) else arr / hours for name, arr in m.fx.policy_time.items()}
            parts = weekly_payroll_split(pay * employed, absent, paid, p.sick_leave.sick_pay_share,
                                         mentor_share, cap, other)
            extra = idx >= m.n_base_positions
            if extra.any():   # overstaffing: the posts above budget are the policy's cost
                parts["policy_overstaffing"] = np.where(extra, parts["salaries"], 0.0)
                parts["salaries"] = np.where(extra, 0.0, parts["salaries"])
            y = self.year_of(start)
            for cat, arr in parts.items():
                total = float(arr.sum())
                if total:
                    self.sek[(y, cat)] += total
        from . import policies
        policies.book_costs(m)
        n_cons = int((m.active & m.consultant).sum())
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
