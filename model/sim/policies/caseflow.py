"""Case-flow policies: a first-line unit for light cases; intensive investigations."""

from __future__ import annotations

from .base import Effects, Policy


class FirstLinePolicy(Policy):
    """A first-line unit takes a share of the simple (non-complex, lightest) cases."""

    name = "first_line"

    def apply(self, u, fx: Effects) -> None:
        f = self.fraction(u.env.now)
        if f == 0:
            return
        for kind, cfg in (("investigation", u.params.cases.investigations),
                          ("ongoing", u.params.cases.ongoing)):
            lightest = min(cfg.complexity, key=lambda n: _size(cfg.complexity[n]))
            key = (kind, lightest)
            fx.inflow_factor[key] = fx.inflow_factor.get(key, 1.0) * (
                1.0 - self.cfg.simple_case_share * f)

    def cost_week(self, u, fx: Effects) -> float:
        return self.weekly_staff_cost(u, self.cfg.staff_fte * self.fraction(u.env.now),
                                       self.cfg.salary_sek_per_month)


def _size(cls) -> float:
    return getattr(cls, "hours", None) or getattr(cls, "hours_per_week", 0.0)


class IntensiveInvestigationPolicy(Policy):
    """Investigations concentrated into a few weeks (new investigations only)."""

    name = "intensive_investigation"

    def apply(self, u, fx: Effects) -> None:
        if self.fraction(u.env.now) == 0:
            return
        fx.nominal_weeks = self.cfg.nominal_weeks
        fx.hours_factor *= self.cfg.hours_factor
