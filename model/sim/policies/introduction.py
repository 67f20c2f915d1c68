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

from ..params.base import NonNeg, P, PosFloat, Share
from .base import Effects, Policy, PolicyBase, PolicySpec

FACILITATOR_SHARE = 0.25   # one facilitator hour per four participant hours (groups of 4)


# ---------------------------------------------------------------------------
# the schema


class IntroductionProgramme(PolicyBase):
    """Structured introduction: mentors, reflection, reduced load, shielding."""

    mentor_hours_year1: NonNeg = P(4, "hours/week", "Mentor hours in the first year.",
                                   source="Uppsala (DOMAIN.md)", le=20,
                                   sv="Mentorstimmar per vecka första året.")
    mentor_hours_year2: NonNeg = P(2, "hours/week", "Mentor hours in the second year.",
                                   source="Uppsala (DOMAIN.md)", le=20,
                                   sv="Mentorstimmar per vecka andra året.")
    reflection_sessions_per_month_early: NonNeg = P(2, "sessions/month", "Reflection "
                                                    "sessions in the first months.",
                                                    source="Kiruna plan (DOMAIN.md)", le=20,
                                                    sv="Reflektionstillfällen per månad de "
                                                       "första månaderna.")
    reflection_early_months: NonNeg = P(4, "months", "Months with the early frequency.",
                                        source="Kiruna plan (DOMAIN.md)", le=60,
                                        sv="Månader med den tidiga frekvensen.")
    reflection_sessions_per_month_later: NonNeg = P(1, "sessions/month", "Reflection "
                                                    "sessions after that.",
                                                    source="Kiruna plan (DOMAIN.md)", le=20,
                                                    sv="Reflektionstillfällen per månad "
                                                       "därefter.")
    reflection_until_months: NonNeg = P(12, "months", "Reflection ends (at most a year).",
                                        source="Kiruna plan (DOMAIN.md)", le=60,
                                        sv="Reflektionen upphör (högst efter ett år).")
    session_hours: PosFloat = P(2, "hours", "Length of one reflection session "
                                "(participant and facilitator).", assumption=(1, 3), le=8,
                                decision=True,
                                sv="Längd på ett reflektionstillfälle (deltagare och "
                                   "handledare).")
    reflection_support_sd: NonNeg = P(0.8, "SD", "Colleague-support gain while in "
                                      "reflection.", assumption=(0.4, 1.2), le=5,
                                      sv="Ökning av kollegialt stöd under reflektionen.")
    participant_control_gain: NonNeg = P(0.15, "control index", "Control gained by "
                                         "participants while in the programme (a written "
                                         "plan, role clarity); with the support gains the "
                                         "programme gives HR 0.55-0.80 on early exits "
                                         "(Texas OR 0.61, DOMAIN.md).", assumption=(0.05, 0.25),
                                         le=1,
                                         sv="Kontroll som deltagarna vinner medan programmet "
                                            "pågår (en skriftlig plan, tydlig roll).")
    reduced_load_months: NonNeg = P(6, "months", "Months with a reduced load cap.",
                                    source="Jönköping (DOMAIN.md)", le=60,
                                    sv="Månader med ett tak för arbetsbelastningen i början.")
    reduced_load_capacity: float = P(0.5, "share of a full load", "Capacity cap during the "
                                     "reduced-load months.", assumption=(0.4, 0.75), gt=0,
                                     le=1,
                                     sv="Tak för kapaciteten under månaderna med minskad "
                                        "belastning.")
    shield_complex_years: NonNeg = P(2, "years", "No complex lead cases during the first "
                                     "years (induction).", source="Jönköping (DOMAIN.md)",
                                     le=10,
                                     sv="Inga komplexa ärenden som huvudhandläggare under de "
                                        "första åren (introduktion).")
    support_gap_met: Share = P(0.8, "share", "Share of a newcomer's unmet need for the "
                               "manager's support (dcs.manager_support.newcomer_gap_sd) "
                               "that the programme meets while it lasts: a scheduled "
                               "introducer, a written plan, group supervision.",
                               assumption=(0.5, 1.0),
                               sv="Andel av en nyanställds ouppfyllda behov av chefens stöd "
                                  "(dcs.manager_support.newcomer_gap_sd) som programmet möter "
                                  "medan det pågår.")


# ---------------------------------------------------------------------------
# the behaviour


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

    def next_change(self, u) -> float:
        c = self.cfg
        months = (12, 24, c.reflection_early_months, c.reflection_until_months,
                  c.reduced_load_months, c.shield_complex_years * 12.0)
        return min(super().next_change(u),
                   self.next_crossing(u, [m / 12.0 for m in months]))

    def cost_week(self, u, fx: Effects) -> float:
        hours = self.session_hours
        if hours <= 0:
            return 0.0
        # facilitator: an experienced colleague's hourly cost
        top = u.params.pay.salary_by_experience[-1].sek_per_month
        hourly = self.weekly_staff_cost(u, 1.0, top) / u.phase_table.paid_hours
        return FACILITATOR_SHARE * hours * hourly


# the policies this module declares (see ``registry``)
POLICIES = (
    PolicySpec(IntroductionProgramme, IntroductionPolicy, order=50,
               levers=("mentor_hours_year1", "mentor_hours_year2", "reduced_load_months")),
)
