"""Shorter client days at the same pay (6+2, 6.5 h, 7 h) and the monthly reflection day.

The client part of a paid 8-hour day falls to ``client_hours_per_day``; the freed hours
become competence development (control) and recovery (exhaustion recovery). The time
is paid as before; the ledger moves its pay from ``salaries`` to the policy's category.
"""

from __future__ import annotations

import numpy as np

from .base import Effects, Policy

DAY_HOURS = 8.0
WORKDAYS_PER_MONTH = 52.0 * 5.0 / 12.0


class WorkingTimePolicy(Policy):
    name = "working_time"

    def apply(self, u, fx: Effects) -> None:
        mask = self.mask(u)
        if not mask.any():
            return
        c = self.cfg
        scale = u.params.work_time.hours_per_week / DAY_HOURS / 5.0   # 1.0 for a 40-hour week
        fx.client_factor[mask] *= c.client_hours_per_day / DAY_HOURS * (1 + c.productivity_gain)
        fx.time_to_hire_factor *= 1.0 - (1.0 - c.time_to_hire_factor) * self.fraction(u.env.now)
        fx.competence_h[mask] += 5 * c.competence_hours_per_day * scale
        fx.recovery_h[mask] += 5 * c.recovery_hours_per_day * scale
        fx.add_time(self.name, np.where(mask, 5 * (DAY_HOURS - c.client_hours_per_day)
                                        * scale, 0.0))


class ReflectionDayPolicy(Policy):
    name = "reflection_day"

    def apply(self, u, fx: Effects) -> None:
        mask = self.mask(u)
        if not mask.any():
            return
        c = self.cfg
        hours_week = c.days_per_month * DAY_HOURS * 12.0 / 52.0
        fx.client_factor[mask] *= 1.0 - c.days_per_month / WORKDAYS_PER_MONTH
        fx.competence_h[mask] += hours_week * c.control_share
        fx.recovery_h[mask] += hours_week * (1.0 - c.control_share)
        fx.add_time(self.name, np.where(mask, hours_week, 0.0))
