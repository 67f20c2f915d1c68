"""A structured introduction programme (Uppsala, Kiruna, Jönköping).

Mentor hours by tenure year (Uppsala: 4 h/week in year 1, 2 in year 2) replace the
phase table's informal hours where higher; reflection sessions (Kiruna: twice a month
for 4 months, then monthly up to a year) take participants' time, raise their colleague
support and cost a facilitator; a reduced-load cap in the first months and no complex
lead cases during induction (Jönköping). While in the programme (up to two years), a
participant's unmet need for the manager's guidance
(``dcs.manager_support.newcomer_gap_sd``) is met in the share ``support_gap_met``.
"""

from __future__ import annotations

import numpy as np

from .base import Effects, Policy

FACILITATOR_SHARE = 0.25   # one facilitator hour per four participant hours (groups of 4)


class IntroductionPolicy(Policy):
    name = "introduction_programme"

    def __init__(self, cfg, unit):
        super().__init__(cfg, unit)
        self.session_hours = 0.0        # participants' reflection hours this week

    def apply(self, u, fx: Effects) -> None:
        mask = self.mask(u) & u.staff.employees()
        if not mask.any():
            self.session_hours = 0.0
            return
        c = self.cfg
        months = u.staff.tenure_years(u.env.now) * 12.0
        need = np.where(months < 12, c.mentor_hours_year1,
                        np.where(months < 24, c.mentor_hours_year2, 0.0))
        fx.mentor_need = np.where(mask, np.maximum(fx.mentor_need, need), fx.mentor_need)
        per_month = np.where(months < c.reflection_early_months,
                             c.reflection_sessions_per_month_early,
                             np.where(months < c.reflection_until_months,
                                      c.reflection_sessions_per_month_later, 0.0))
        hours = np.where(mask, per_month * c.session_hours * 12.0 / 52.0, 0.0)
        fx.client_factor *= np.where(hours > 0, 1.0 - hours / max(u.phase_table.paid_hours, 1.0),
                                     1.0)
        fx.add_time(self.name, hours)
        fx.support_boost += np.where(hours > 0, c.reflection_support_sd, 0.0)
        fx.capacity_cap = np.where(mask & (months < c.reduced_load_months),
                                   np.minimum(fx.capacity_cap, c.reduced_load_capacity),
                                   fx.capacity_cap)
        fx.shield |= mask & (months < c.shield_complex_years * 12.0)
        in_programme = mask & (months < max(24.0, c.reflection_until_months))
        fx.control_boost += np.where(in_programme, c.participant_control_gain, 0.0)
        fx.gap_met = np.where(in_programme, np.maximum(fx.gap_met, c.support_gap_met),
                              fx.gap_met)
        self.session_hours = float(hours.sum())

    def cost_week(self, u, fx: Effects) -> float:
        hours = self.session_hours
        if hours <= 0:
            return 0.0
        # facilitator: an experienced colleague's hourly cost
        top = u.params.pay.salary_by_experience[-1].sek_per_month
        hourly = self.weekly_staff_cost(u, 1.0, top) / u.phase_table.paid_hours
        return FACILITATOR_SHARE * hours * hourly
