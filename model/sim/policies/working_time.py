"""Shorter client days at the same pay (6+2, 6.5 h, 7 h) and the monthly reflection day.

The workplace part of a paid 8-hour day falls to ``client_hours_per_day``; the freed
hours become competence development (control) and recovery (exhaustion recovery). How
the time is found decides what client work is lost: a share ``redesign_share`` of the
freed hours comes out of redesigned non-client work (administration, meetings,
documentation), the rest falls on client and non-client work in proportion to their
shares of the week; client work cannot fall below what the non-client hours cannot
absorb. The remaining client hours do ``1 + productivity_gain`` times the work (rested
staff). The time is paid as before; the ledger moves its pay from ``salaries`` to the
policy's category, and the economic view values the part of the freed hours' work that
is not recovered (``unrecovered_share``) as work lost. The paid hours off client work
also count as working conditions when staff and applicants compare employers
(``pay.paid_time_value_share``, see ``model.sim.processes.market``).
"""

from __future__ import annotations

import numpy as np
from pydantic import model_validator

from ..params.base import NonNeg, P, Share
from .base import Effects, Policy, PolicyBase, PolicySpec

DAY_HOURS = 8.0
WORKDAYS_PER_MONTH = 52.0 * 5.0 / 12.0


# ---------------------------------------------------------------------------
# the schema


class WorkingTime(PolicyBase):
    """Shorter client day at the same pay (6+2 in Sundsvall; 6.5 h; 7 h in Ljusdal)."""

    client_hours_per_day: float = P(6, "hours/day", "Hours of client work in a paid 8-hour "
                                    "day (6 in 6+2).", source="Sundsvall IFO 6+2 (DOMAIN.md)",
                                    gt=0, le=8,
                                    sv="Timmar klientarbete under en betald 8-timmarsdag (6 i "
                                       "6+2).")
    competence_hours_per_day: float = P(1, "hours/day", "Of the freed hours: competence "
                                        "development (raises control).",
                                        source="Sundsvall 6+2: 2 h competence development, "
                                        "recovery, exercise; split assumption", ge=0, le=8,
                                        sv="Av de frigjorda timmarna: kompetensutveckling (ger "
                                           "mer kontroll).")
    recovery_hours_per_day: float = P(1, "hours/day", "Of the freed hours: recovery and "
                                      "exercise (raises exhaustion recovery).",
                                      source="Sundsvall 6+2; split assumption", ge=0, le=8,
                                      sv="Av de frigjorda timmarna: återhämtning och motion.")
    redesign_share: Share = P(
        0.0, "share of the freed hours", "Share of the freed hours found by redesigning "
        "non-client work (administration, meetings, documentation) before client time is "
        "cut; the rest falls on client and non-client work in proportion (0: client time "
        "simply cut).", source="Sundsvall 6+2 (seed 000): extensive preparation \"för att "
        "klara befintlig belastning och nuvarande arbetsuppgifter inom den nya "
        "arbetstiden\"; the share itself assumption (0-1): how much a unit achieves is "
        "not measured, so it is drawn in the uncertainty analysis",
        assumption=(0.0, 1.0),
        sv="Andel av den frigjorda tiden som hittas genom att göra om arbete utan klienter "
           "(administration, möten, dokumentation) innan klienttiden minskas.")
    productivity_gain: NonNeg = P(0.05, "share", "More client work done per client hour "
                                  "with shorter days (rested staff); 8/6 - 1 = 0.33 keeps "
                                  "the whole load in a 6-hour client day.",
                                  assumption=(0.0, 0.35), le=1,
                                  sv="Mer klientarbete per klienttimme med kortare dagar "
                                     "(utvilad personal); 8/6 − 1 = 0,33 rymmer hela "
                                     "belastningen i en klientdag på 6 timmar.")

    @model_validator(mode="after")
    def _sum(self):
        if self.client_hours_per_day + self.competence_hours_per_day \
                + self.recovery_hours_per_day > 8 + 1e-9:
            raise ValueError("client + competence + recovery hours per day must not exceed 8")
        return self


class ReflectionDay(PolicyBase):
    """A paid reflection/recovery day each month (Krokom)."""

    days_per_month: float = P(1, "days/month", "Paid reflection and recovery days a month, "
                              "taken from client time.", source="Krokom (DOMAIN.md)", gt=0,
                              le=10,
                              sv="Betalda reflektions- och återhämtningsdagar per månad, tagna "
                                 "från klienttiden.")
    control_share: Share = P(0.5, "share", "Share of the day used for reflection on cases "
                             "(competence, raises control); the rest is recovery.",
                             assumption=(0.3, 0.7),
                             sv="Andel av dagen som används till reflektion över ärenden "
                                "(kompetens, höjer kontrollen); resten är återhämtning.")


# ---------------------------------------------------------------------------
# the behaviour


def client_share_kept(cfg, client_work_share: float) -> float:
    """Client hours kept under a working-time policy, as a share of today's client
    hours (before the productivity gain).

    Of the freed share of the day ``f = 1 - client_hours_per_day / 8``, the share
    ``redesign_share`` is taken from non-client work; the rest is cut in proportion
    (client work loses ``(1 - redesign_share) * f * s`` of the day, ``s`` the client
    share), and at least what non-client work cannot absorb, ``f - (1 - s)``.
    """
    s = client_work_share
    if s <= 0:
        return 1.0
    freed = 1.0 - cfg.client_hours_per_day / DAY_HOURS
    lost = max((1.0 - cfg.redesign_share) * freed * s, freed - (1.0 - s), 0.0)
    return max(0.0, 1.0 - lost / s)


def unrecovered_share(cfg, client_work_share: float) -> float:
    """Share of the freed hours whose work is not recovered (the economic view values
    it as work lost, like an uncovered vacancy hour; ``model.sim.costs``).

    Of the freed share of the day ``f``, the work is recovered by redesign (the share
    ``redesign_share`` of ``f``, as far as non-client work was cut to find it) and by
    the productivity gain on the client hours kept (``productivity_gain * kept * s``);
    the rest (client work cut and non-client work cut in proportion) is lost. Negative
    when the gain recovers more than the hours moved: the ledger then credits the extra
    work only against empty budgeted capacity (``model.sim.costs``).
    """
    s = client_work_share
    freed = 1.0 - cfg.client_hours_per_day / DAY_HOURS
    if freed <= 0:
        return 0.0
    kept = client_share_kept(cfg, s)
    client_cut = s * (1.0 - kept)
    redesigned = min(cfg.redesign_share * freed, freed - client_cut)
    gained = cfg.productivity_gain * kept * s
    return (freed - redesigned - gained) / freed


class WorkingTimePolicy(Policy):
    name = "working_time"

    def apply(self, u, fx: Effects) -> None:
        mask = self.mask(u)
        if not mask.any():
            return
        c = self.cfg
        wt = u.params.work_time
        scale = wt.hours_per_week / DAY_HOURS / 5.0   # 1.0 for a 40-hour week
        kept = client_share_kept(c, wt.client_work_share)
        fx.client_factor[mask] *= kept * (1 + c.productivity_gain)
        fx.competence_h[mask] += 5 * c.competence_hours_per_day * scale
        fx.recovery_h[mask] += 5 * c.recovery_hours_per_day * scale
        # paid hours moved a week, as a yearly average over the paid weeks (as the
        # ledger's paid hours and the other policies' times are)
        hours = np.where(mask, 5 * (DAY_HOURS - c.client_hours_per_day) * scale
                         * wt.working_weeks_per_year / 52.0, 0.0)
        fx.add_time(self.name, hours, hours * unrecovered_share(c, wt.client_work_share))


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


# the policies this module declares (see ``registry``)
POLICIES = (
    PolicySpec(WorkingTime, WorkingTimePolicy, order=10,
               levers=("client_hours_per_day", "competence_hours_per_day",
                       "recovery_hours_per_day")),
    PolicySpec(ReflectionDay, ReflectionDayPolicy, order=20,
               levers=("days_per_month",)),
)
