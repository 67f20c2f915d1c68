"""Case-flow policies: a first-line unit for light cases; intensive investigations."""

from __future__ import annotations

from ..params.base import NonNeg, P, PosFloat, Share
from .base import Effects, Policy, PolicyBase, PolicySpec

# ---------------------------------------------------------------------------
# the schema


class FirstLine(PolicyBase):
    """A first-line unit takes a share of the light cases (Umeå)."""

    simple_case_share: Share = P(0.5, "share", "Share of simple cases (both types) handled "
                                 "by the first-line unit instead.", source="Umeå (DOMAIN.md);"
                                 " share assumption 0.3-0.7",
                                 sv="Andel enkla ärenden som första linjen tar i stället.",
                                 interval=(0.3, 0.7))
    staff_fte: float = P(2, "FTE", "Staff of the first-line unit (paid by this budget).",
                         assumption=(1, 4), ge=0, le=100,
                         sv="Personal i första linjen (betalas av denna budget).", decision=True)
    salary_sek_per_month: NonNeg = P(38_000, "SEK/month", "Salary in the first-line unit.",
                                     assumption=(35_000, 41_000), le=1e6, decision=True,
                                     sv="Lön i första linjen.")


class IntensiveInvestigation(PolicyBase):
    """Investigations done in 4-6 weeks instead of spread over 4 months (Värmdö)."""

    nominal_weeks: PosFloat = P(5, "weeks", "Weeks an investigation's work is spread over.",
                                source="Värmdö 4-6 weeks (DOMAIN.md)", le=52,
                                sv="Veckor som en utrednings arbete sprids över.")
    hours_factor: PosFloat = P(0.95, "factor", "Work hours per investigation relative to "
                               "today (less re-reading when focused).",
                               assumption=(0.85, 1.0), le=2,
                               sv="Arbetstimmar per utredning jämfört med i dag (mindre "
                                  "omläsning med fokuserat arbete).")


# ---------------------------------------------------------------------------
# the behaviour


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


# the policies this module declares (see ``registry``)
POLICIES = (
    PolicySpec(FirstLine, FirstLinePolicy, order=90,
               levers=("simple_case_share", "staff_fte")),
    PolicySpec(IntensiveInvestigation, IntensiveInvestigationPolicy, order=100,
               levers=("nominal_weeks",)),
)
