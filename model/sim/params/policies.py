"""The policies: one block each, absent when the policy is not used."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from .base import MAX_POSTS, MAX_YEARS, NonNeg, P, PosFloat, Share, Strict

# ---------------------------------------------------------------------------
# policies (each block absent = policy not used)


class Rollout(Strict):
    groups: int = P(1, "groups", "Groups the policy reaches one after another (workers are "
                    "split by post).", source="Sundsvall rolled 6+2 out group by group "
                    "(DOMAIN.md); count is a choice", ge=1, le=100)
    interval_months: float = P(0, "months", "Months between one group's start and the next.",
                               assumption="a choice of the municipality", ge=0, le=120)


class PolicyBase(Strict):
    start_year: float = P(0, "years", "Years after the warm-up when the policy starts (0 = "
                          "from the start of the statistics window).",
                          assumption="a choice of the municipality", ge=0, le=MAX_YEARS)
    rollout: Rollout = Field(default_factory=Rollout)


class WorkingTime(PolicyBase):
    """Shorter client day at the same pay (6+2 in Sundsvall; 6.5 h; 7 h in Ljusdal)."""

    client_hours_per_day: float = P(6, "hours/day", "Hours of client work in a paid 8-hour "
                                    "day (6 in 6+2).", source="Sundsvall IFO 6+2 (DOMAIN.md)",
                                    gt=0, le=8)
    competence_hours_per_day: float = P(1, "hours/day", "Of the freed hours: competence "
                                        "development (raises control).",
                                        source="Sundsvall 6+2: 2 h competence development, "
                                        "recovery, exercise; split assumption", ge=0, le=8)
    recovery_hours_per_day: float = P(1, "hours/day", "Of the freed hours: recovery and "
                                      "exercise (raises exhaustion recovery).",
                                      source="Sundsvall 6+2; split assumption", ge=0, le=8)
    redesign_share: Share = P(
        0.0, "share of the freed hours", "Share of the freed hours found by redesigning "
        "non-client work (administration, meetings, documentation) before client time is "
        "cut; the rest falls on client and non-client work in proportion (0: client time "
        "simply cut).", source="Sundsvall 6+2 (seed 000): extensive preparation \"för att "
        "klara befintlig belastning och nuvarande arbetsuppgifter inom den nya "
        "arbetstiden\"; the share itself assumption (0-1)")
    productivity_gain: NonNeg = P(0.05, "share", "More client work done per client hour "
                                  "with shorter days (rested staff); 8/6 - 1 = 0.33 keeps "
                                  "the whole load in a 6-hour client day.",
                                  assumption=(0.0, 0.35), le=1)

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
                              le=10)
    control_share: Share = P(0.5, "share", "Share of the day used for reflection on cases "
                             "(competence, raises control); the rest is recovery.",
                             assumption=(0.3, 0.7))


class LadderStep(Strict):
    name: str = Field(min_length=1, max_length=60)
    min_years: float = Field(default=0, ge=0, le=60, description="Total experience from "
                             "which the step applies.")
    max_years: float | None = Field(default=None, gt=0, le=60, description="Experience at "
                                    "which the step ends (null: no end).")
    after_introduction: bool = Field(default=False, description="Only after the "
                                     "introduction phase.")
    supplement_sek_per_month: float = Field(ge=0, le=1e6, description="Added to the monthly "
                                            "salary, SEK.")
    posts: int | None = Field(default=None, ge=1, le=1000, description="Limited number of "
                              "posts at this step (specialist posts); null = everyone "
                              "eligible.")
    term_years: float | None = Field(default=None, gt=0, le=20, description="Term of a "
                                     "limited post (renewable while eligible).")

    @model_validator(mode="after")
    def _range(self):
        if self.max_years is not None and self.max_years <= self.min_years:
            raise ValueError(f"step {self.name}: max_years must be > min_years")
        return self


class SalaryLadder(PolicyBase):
    """Salary supplements by experience (Umeå, Krokom, Jönköping, Österåker)."""

    steps: tuple[LadderStep, ...] = P(
        None, "table", "Supplement steps; a worker gets the highest step they qualify for. "
        "Default: Umeå L1-L4.", source="Umeå ladder (DOMAIN.md): L1 +1,000 (max 1 year); "
        "L2 +1,000 after introduction; L3 +1,500 at >= 5 y; L4 +1,500 at >= 7 y, 4 posts, "
        "2-year terms",
        default_factory=lambda: (
            LadderStep(name="L1", min_years=0, max_years=1, supplement_sek_per_month=1000),
            LadderStep(name="L2", min_years=0, after_introduction=True,
                       supplement_sek_per_month=1000),
            LadderStep(name="L3", min_years=5, supplement_sek_per_month=1500),
            LadderStep(name="L4", min_years=7, supplement_sek_per_month=1500, posts=4,
                       term_years=2)))
    cumulative: bool = P(False, "flag", "Supplements add up over the steps reached "
                         "(true) or only the highest applies (false).",
                         assumption="ladder design choice")
    career_control_gain: NonNeg = P(0.1, "control index", "Control gained by holders of a "
                                    "limited specialist step (a visible career path).",
                                    assumption=(0, 0.2), le=1)

    @field_validator("steps")
    @classmethod
    def _steps(cls, v):
        if not v:
            raise ValueError("a salary ladder needs at least one step")
        for a, b in zip(v, v[1:]):
            if b.min_years < a.min_years:
                raise ValueError(f"ladder thresholds must not decrease ({b.name}: "
                                 f"{b.min_years:g} after {a.name}: {a.min_years:g})")
        return v


class Overstaffing(PolicyBase):
    """Posts above the budgeted need to absorb vacancies and absence (Umeå)."""

    extra_posts: float = P(0, "FTE posts", "Posts added above the budget.",
                           source="Umeå practice; Kiruna proposal (DOMAIN.md); size "
                                  "assumption 0-10%", ge=0, le=MAX_POSTS)
    extra_share: Share = P(0.0, "share of posts", "Posts added as a share of the budget "
                           "(added to extra_posts).", assumption=(0, 0.15))
    management_per_post: NonNeg = P(0.0, "manager equivalents per post", "Management "
                                    "added with each post the measure adds (0: the "
                                    "unit's managers lead them too; 1/15 = one manager "
                                    "per 15 posts, the reference span).",
                                    assumption=(0, 0.067), le=1)


class IntroductionProgramme(PolicyBase):
    """Structured introduction: mentors, reflection, reduced load, shielding."""

    mentor_hours_year1: NonNeg = P(4, "hours/week", "Mentor hours in the first year.",
                                   source="Uppsala (DOMAIN.md)", le=20)
    mentor_hours_year2: NonNeg = P(2, "hours/week", "Mentor hours in the second year.",
                                   source="Uppsala (DOMAIN.md)", le=20)
    reflection_sessions_per_month_early: NonNeg = P(2, "sessions/month", "Reflection "
                                                    "sessions in the first months.",
                                                    source="Kiruna plan (DOMAIN.md)", le=20)
    reflection_early_months: NonNeg = P(4, "months", "Months with the early frequency.",
                                        source="Kiruna plan (DOMAIN.md)", le=60)
    reflection_sessions_per_month_later: NonNeg = P(1, "sessions/month", "Reflection "
                                                    "sessions after that.",
                                                    source="Kiruna plan (DOMAIN.md)", le=20)
    reflection_until_months: NonNeg = P(12, "months", "Reflection ends (at most a year).",
                                        source="Kiruna plan (DOMAIN.md)", le=60)
    session_hours: PosFloat = P(2, "hours", "Length of one reflection session "
                                "(participant and facilitator).", assumption=(1, 3), le=8)
    reflection_support_sd: NonNeg = P(0.8, "SD", "Colleague-support gain while in "
                                      "reflection.", assumption=(0.4, 1.2), le=5)
    participant_control_gain: NonNeg = P(0.15, "control index", "Control gained by "
                                         "participants while in the programme (a written "
                                         "plan, role clarity); with the support gains the "
                                         "programme gives HR 0.55-0.80 on early exits "
                                         "(Texas OR 0.61, DOMAIN.md).", assumption=(0.05, 0.25),
                                         le=1)
    reduced_load_months: NonNeg = P(6, "months", "Months with a reduced load cap.",
                                    source="Jönköping (DOMAIN.md)", le=60)
    reduced_load_capacity: float = P(0.5, "share of a full load", "Capacity cap during the "
                                     "reduced-load months.", assumption=(0.4, 0.75), gt=0,
                                     le=1)
    shield_complex_years: NonNeg = P(2, "years", "No complex lead cases during the first "
                                     "years (induction).", source="Jönköping (DOMAIN.md)",
                                     le=10)
    support_gap_met: Share = P(0.8, "share", "Share of a newcomer's unmet need for the "
                               "manager's support (dcs.manager_support.newcomer_gap_sd) "
                               "that the programme meets while it lasts: a scheduled "
                               "introducer, a written plan, group supervision.",
                               assumption=(0.5, 1.0))


class Specialists(PolicyBase):
    """Specialist social workers without own cases (Umeå 4, Uppsala 8, Kiruna 2)."""

    posts: float = P(2, "FTE", "Specialist posts.", source="Kiruna proposal 2; Umeå 4; "
                     "Uppsala 8 (DOMAIN.md)", ge=0, le=100)
    mentor_hours_per_week: NonNeg = P(10, "hours/week", "Mentoring each specialist gives.",
                                      assumption=(5, 20), le=40)
    complex_cohandling_share: Share = P(0.3, "share", "Share of the complex-case demand "
                                        "lifted from case holders per specialist per 20 "
                                        "staff (co-handling), capped at 1.",
                                        assumption=(0.1, 0.5))
    reflection_support_sd: NonNeg = P(0.2, "SD", "Colleague-support gain for everyone from "
                                      "specialist-led reflection.", assumption=(0, 0.4), le=5)
    salary_sek_per_month: NonNeg = P(44_000, "SEK/month", "Specialist salary (experienced "
                                     "salary + L4-type supplement).",
                                     assumption=(41_000, 48_000), le=1e6)
    management_per_post: NonNeg = P(0.0, "manager equivalents per post", "Management "
                                    "added with each post the measure adds (0: the "
                                    "unit's managers lead them too; 1/15 = one manager "
                                    "per 15 posts, the reference span).",
                                    assumption=(0, 0.067), le=1)


class AdminSupport(PolicyBase):
    """Social assistants who take tasks that need no exercise of authority."""

    assistants_fte: float = P(2, "FTE", "Social assistants (administrators) added.",
                              source="Södertälje, Krokom (DOMAIN.md); size assumption",
                              ge=0, le=100)
    admin_hours_taken_per_fte: NonNeg = P(30, "hours/week", "Administrative hours one "
                                          "assistant takes off the social workers.",
                                          assumption=(20, 35), le=40)
    salary_sek_per_month: NonNeg = P(30_000, "SEK/month", "Assistant salary.",
                                     assumption=(27_000, 33_000), le=1e6)
    management_per_post: NonNeg = P(0.0, "manager equivalents per post", "Management "
                                    "added with each post the measure adds (0: the "
                                    "unit's managers lead them too; 1/15 = one manager "
                                    "per 15 posts, the reference span).",
                                    assumption=(0, 0.067), le=1)


class SmallerGroups(PolicyBase):
    """More team leaders: smaller span of control (Södertälje)."""

    extra_team_leaders: int = P(2, "persons", "Team leaders added.",
                                source="Södertälje (DOMAIN.md); number assumption", ge=0,
                                le=100)
    team_leader_salary_sek_per_month: NonNeg = P(45_000, "SEK/month", "Team leader salary.",
                                                 assumption=(42_000, 50_000), le=1e6)


class FirstLine(PolicyBase):
    """A first-line unit takes a share of the light cases (Umeå)."""

    simple_case_share: Share = P(0.5, "share", "Share of simple cases (both types) handled "
                                 "by the first-line unit instead.", source="Umeå (DOMAIN.md);"
                                 " share assumption 0.3-0.7")
    staff_fte: float = P(2, "FTE", "Staff of the first-line unit (paid by this budget).",
                         assumption=(1, 4), ge=0, le=100)
    salary_sek_per_month: NonNeg = P(38_000, "SEK/month", "Salary in the first-line unit.",
                                     assumption=(35_000, 41_000), le=1e6)


class IntensiveInvestigation(PolicyBase):
    """Investigations done in 4-6 weeks instead of spread over 4 months (Värmdö)."""

    nominal_weeks: PosFloat = P(5, "weeks", "Weeks an investigation's work is spread over.",
                                source="Värmdö 4-6 weeks (DOMAIN.md)", le=52)
    hours_factor: PosFloat = P(0.95, "factor", "Work hours per investigation relative to "
                               "today (less re-reading when focused).",
                               assumption=(0.85, 1.0), le=2)


class Trainees(PolicyBase):
    """Student employees / trainees who start pre-introduced (Värmdö, Krokom...)."""

    trainee_fte: float = P(2, "FTE", "Trainee FTE employed (part-time students).",
                           assumption=(1, 4), ge=0, le=100)
    trainee_cost_sek_per_month: NonNeg = P(25_000, "SEK/month per FTE", "Trainee wage.",
                                           assumption=(20_000, 30_000), le=1e6)
    graduate_hire_share: Share = P(0.6, "share", "Share of new-graduate hires who come "
                                   "from the trainee pool (pre-introduced, faster hire).",
                                   assumption=(0.3, 0.9))
    time_to_hire_factor: PosFloat = P(0.5, "factor", "Time-to-hire of a trainee hire "
                                      "relative to an open recruitment.",
                                      assumption=(0.3, 0.8), le=1)
    casework_share: Share = P(0.4, "share of a full worker's client hours", "Casework a "
                              "trainee FTE does (co-handling, simpler tasks), net of the "
                              "supervision it needs; shared over the unit.",
                              assumption=(0.2, 0.6))
    years_in_unit_before_hire: NonNeg = P(1.0, "years", "Time a trainee hire has already "
                                          "spent in the unit as a student: they start "
                                          "introduced and know the unit and its manager, "
                                          "so less of a newcomer's support need is unmet. "
                                          "Värmdö: 'i princip alla' trainees stayed.",
                                          assumption=(0.5, 2), le=10)
    experience_years_at_hire: NonNeg = P(0.5, "years", "Professional experience a trainee "
                                         "hire brings from part-time casework in the unit "
                                         "(adds to control from experience).",
                                         assumption=(0.25, 1.0), le=10)
    management_per_post: NonNeg = P(0.0, "manager equivalents per post", "Management "
                                    "added with each post the measure adds (0: the "
                                    "unit's managers lead them too; 1/15 = one manager "
                                    "per 15 posts, the reference span).",
                                    assumption=(0, 0.067), le=1)


class RecruitmentSupport(PolicyBase):
    """HR recruitment support: faster, better hiring (Stockholm Spånga-Tensta)."""

    time_to_hire_factor: PosFloat = P(0.7, "factor", "Time-to-hire relative to today: "
                                      "HR runs adverts, screening and references (the "
                                      "process, not the market).",
                                      assumption=(0.5, 0.9), le=1)
    applicant_factor: PosFloat = P(1.43, "factor", "Applicants per advertised post "
                                   "relative to today (active sourcing, employer "
                                   "branding); 1.43 halves failed rounds of today's unit "
                                   "(0.2 -> 0.1).", assumption=(1.0, 2.0), le=10)
    hr_fte: float = P(0.5, "FTE", "HR recruiter time bought.", assumption=(0.25, 1), ge=0,
                      le=10)
    hr_salary_sek_per_month: NonNeg = P(42_000, "SEK/month", "HR recruiter salary.",
                                        assumption=(38_000, 46_000), le=1e6)


class Policies(Strict):
    working_time: WorkingTime | None = None
    reflection_day: ReflectionDay | None = None
    salary_ladder: SalaryLadder | None = None
    overstaffing: Overstaffing | None = None
    introduction_programme: IntroductionProgramme | None = None
    specialists: Specialists | None = None
    admin_support: AdminSupport | None = None
    smaller_groups: SmallerGroups | None = None
    first_line: FirstLine | None = None
    intensive_investigation: IntensiveInvestigation | None = None
    trainees: Trainees | None = None
    recruitment_support: RecruitmentSupport | None = None
