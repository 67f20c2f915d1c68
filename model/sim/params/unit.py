"""The unit: posts, working time, career phases and mentoring."""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import MAX_POSTS, NonNeg, P, Share, Strict

# ---------------------------------------------------------------------------
# the unit


class Unit(Strict):
    posts: float = P(40, "FTE posts", "Budgeted posts of social workers.",
                     sv="Budgeterade tjänster som socialsekreterare.", assumption=(5, 400),
                     gt=0, le=MAX_POSTS, decision=True)
    managers: int = P(2, "persons", "First-line managers (enhetschefer) of the unit.",
                      assumption=(1, 10), ge=1, le=1000, decision=True,
                      sv="Enhetschefer i enheten.")
    team_leaders: int = P(0, "persons", "Team leaders (arbetsledare/gruppledare) "
                          "sharing the management span.", assumption=(0, 10), ge=0, le=1000,
                          decision=True,
                          sv="Arbetsledare eller gruppledare som delar ledningsspannet.")
    team_leader_weight: Share = P(0.5, "manager equivalents", "How much of a manager "
                                  "one team leader counts for in the span of control.",
                                  assumption=(0.3, 0.8),
                                  sv="Hur mycket av en chef en arbetsledare räknas som i "
                                     "ledningsspannet.")
    children: float | None = P(None, "children aged 0-17", "Children and young people "
                               "living in the municipality (or the unit's area); needed "
                               "when an inflow is given per 1,000 children.",
                               assumption="user data (SCB population statistics)", ge=0,
                               le=1e8,
                               sv="Barn och unga som bor i kommunen (eller enhetens område); "
                                  "behövs när inflödet anges per 1 000 barn.")


class WorkTime(Strict):
    hours_per_week: float = P(40, "hours/week", "Full-time working week.",
                              source="Swedish 40-hour week (Arbetstidslagen); "
                                     "municipal agreement AB", gt=0, le=60,
                              sv="Heltidsvecka.")
    client_work_share: Share = P(0.70, "share of hours", "Share of working time "
                                 "available for casework (the rest: administration, "
                                 "meetings, travel).", assumption=(0.55, 0.8), decision=True,
                                 sv="Andel av arbetstiden som finns för ärendearbete (resten: "
                                    "administration, möten, resor).")
    working_weeks_per_year: float = P(45, "weeks/year", "Weeks actually worked after "
                                      "vacation and public holidays; capacity is "
                                      "averaged over the year.",
                                      assumption=(43, 47), gt=0, le=52, decision=True,
                                      sv="Veckor som faktiskt arbetas efter semester och "
                                         "helgdagar; kapaciteten räknas som årsmedel.")
    competence_hours_per_week: NonNeg = P(0, "hours/week", "Paid competence-development "
                                          "time taken from client hours (policy lever).",
                                          assumption=(0, 10), le=40, decision=True,
                                          sv="Betald tid för kompetensutveckling som tas från "
                                             "klienttiden (åtgärdsspak).")
    recovery_hours_per_week: NonNeg = P(0, "hours/week", "Paid recovery time taken from "
                                        "client hours (policy lever).",
                                        assumption=(0, 10), le=40, decision=True,
                                        sv="Betald återhämtningstid som tas från klienttiden "
                                           "(åtgärdsspak).")

    @model_validator(mode="after")
    def _fits(self):
        client = self.hours_per_week * self.client_work_share
        if self.competence_hours_per_week + self.recovery_hours_per_week > client:
            raise ValueError("competence_hours_per_week + recovery_hours_per_week "
                             f"must not exceed client hours ({client:g} h/week)")
        return self


class Phase(Strict):
    name: str = Field(min_length=1, max_length=60, description="Phase name.")
    until_years: float | None = Field(
        description="Upper end of the phase in years (workplace tenure for the first "
                    "phase, total experience after it); null for the last phase.",
        default=None, gt=0, le=60)
    capacity: float = Field(gt=0, le=1, description="Share of a full caseload the "
                            "worker can carry in this phase.")
    mentor_hours_per_week: float = Field(default=0, ge=0, le=20, description="Mentor "
                                         "time this phase needs, hours/week, taken from "
                                         "experienced colleagues.")
    shielded: bool = Field(default=False, description="Not lead handler of complex "
                           "cases while shielding is on.")


DEFAULT_PHASES = (
    # Career phases: Lindquist 2012; SKL 2014 (DOMAIN.md). Capacity: ramp-up assumption
    # in DOMAIN.md (~50% output months 0-6, ~75% months 6-12, ~90% months 12-24).
    # Mentor hours without an introduction programme (informal introduction today):
    # assumption; the programme raises them to Uppsala's 4 h/week in year 1 and 2 in year 2.
    Phase(name="introduction", until_years=0.25, capacity=0.40, mentor_hours_per_week=4,
          shielded=True),
    Phase(name="induction_year1", until_years=1.0, capacity=0.65, mentor_hours_per_week=2,
          shielded=True),
    Phase(name="induction_year2", until_years=2.0, capacity=0.90, mentor_hours_per_week=0,
          shielded=True),
    Phase(name="deepening", until_years=5.0, capacity=1.0),
    Phase(name="experienced", until_years=7.0, capacity=1.0),
    Phase(name="specialist_eligible", until_years=None, capacity=1.0),
)


class Mentoring(Strict):
    mentor_min_experience_years: float = P(5, "years", "Total experience needed to "
                                           "mentor (the 'experienced' phase).",
                                           source="Lindquist 2010/2012 via FoUI 81:2017",
                                           ge=0, le=40,
                                           sv="Total erfarenhet som krävs för att vara mentor "
                                              "(fasen ”erfaren”).")
    max_hours_per_mentor_per_week: float = P(6, "hours/week", "Most mentoring one "
                                             "experienced colleague gives in a week.",
                                             assumption=(4, 10), gt=0, le=40, decision=True,
                                             sv="Mest mentorskap som en erfaren kollega ger "
                                                "under en vecka.")
