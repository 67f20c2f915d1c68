"""Case-flow policies: a first-line unit for light cases; intensive investigations."""

from __future__ import annotations

from . import Effects, Policy


class FirstLinePolicy(Policy):
    """A first-line unit takes a share of the simple (non-complex, lightest) cases."""

    name = "first_line"

    def apply(self, m, fx: Effects) -> None:
        f = self.fraction(m.env.now)
        if f == 0:
            return
        for kind, cfg in (("investigation", m.p.cases.investigations),
                          ("ongoing", m.p.cases.ongoing)):
            lightest = min(cfg.complexity, key=lambda n: _size(cfg.complexity[n]))
            key = (kind, lightest)
            fx.inflow_factor[key] = fx.inflow_factor.get(key, 1.0) * (
                1.0 - self.cfg.simple_case_share * f)

    def cost_week(self, m, fx: Effects) -> float:
        return self.monthly_staff_cost(m, self.cfg.staff_fte * self.fraction(m.env.now),
                                       self.cfg.salary_sek_per_month)


def _size(cls) -> float:
    return getattr(cls, "hours", None) or getattr(cls, "hours_per_week", 0.0)


class IntensiveInvestigationPolicy(Policy):
    """Investigations concentrated into a few weeks (new investigations only)."""

    name = "intensive_investigation"

    def apply(self, m, fx: Effects) -> None:
        if self.fraction(m.env.now) == 0:
            return
        fx.nominal_weeks = self.cfg.nominal_weeks
        fx.hours_factor *= self.cfg.hours_factor
