"""The typed, frozen parameter schema of a scenario.

Every field carries its unit and either a source (from the domain brief, DOMAIN.md)
or the mark ``assumption`` with a plausible range. ``docs/MODEL.md`` lists them all;
``python simulate.py schema`` prints the JSON Schema built from these classes.

Validation lives here: unknown keys, wrong types and out-of-range values are
rejected by pydantic; cross-field rules are ``model_validator`` methods.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# ---------------------------------------------------------------------------
# helpers


def P(default, unit: str, doc: str, *, source: str | None = None,
      assumption: tuple[float, float] | str | None = None, **constraints):
    """A documented parameter: default, unit, meaning and provenance.

    Exactly one of ``source`` (a citation, normally from DOMAIN.md) or
    ``assumption`` (a plausible (low, high) range) should be given; the
    documentation test enforces that for every leaf field.
    """
    extra = {"unit": unit}
    if source is not None:
        extra["source"] = source
    if assumption is not None:
        extra["assumption_range"] = (list(assumption) if isinstance(assumption, tuple)
                                     else assumption)
    if "default_factory" in constraints:
        return Field(description=doc, json_schema_extra=extra, **constraints)
    return Field(default, description=doc, json_schema_extra=extra, **constraints)


class Strict(BaseModel):
    """Base for all schema blocks: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False,
                              validate_default=True)


Share = Annotated[float, Field(ge=0.0, le=1.0)]
PosFloat = Annotated[float, Field(gt=0.0)]
NonNeg = Annotated[float, Field(ge=0.0)]

# Hard limits that keep a run inside what this machine can do in sensible time.
MAX_POSTS = 5000
MAX_YEARS = 100
MAX_REPLICATIONS = 100_000


# ---------------------------------------------------------------------------
# distributions as data


class Constant(Strict):
    dist: Literal["constant"]
    value: float


class Uniform(Strict):
    dist: Literal["uniform"]
    low: float
    high: float

    @model_validator(mode="after")
    def _order(self):
        if self.high < self.low:
            raise ValueError(f"high ({self.high}) must be >= low ({self.low})")
        return self


class Normal(Strict):
    """Normal distribution truncated to [low, high] by clipping."""

    dist: Literal["normal"]
    mean: float
    sd: NonNeg
    low: float = -math.inf
    high: float = math.inf

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=True)


class Lognormal(Strict):
    """Lognormal given by its own mean and standard deviation (not log-scale)."""

    dist: Literal["lognormal"]
    mean: PosFloat
    sd: NonNeg


class Exponential(Strict):
    dist: Literal["exponential"]
    mean: PosFloat


class Gamma(Strict):
    """Gamma given by mean and coefficient of variation."""

    dist: Literal["gamma"]
    mean: PosFloat
    cv: PosFloat


Distribution = Annotated[
    Union[Constant, Uniform, Normal, Lognormal, Exponential, Gamma],
    Field(discriminator="dist"),
]


# ---------------------------------------------------------------------------
# simulation control


class Simulation(Strict):
    years: float = P(10, "years", "Length of the statistics window after warm-up.",
                     assumption=(1, 30), gt=0, le=MAX_YEARS)
    warmup_years: float = P(2, "years", "Warm-up simulated before statistics start; "
                            "excluded from every table.", assumption=(0, 5), ge=0,
                            le=MAX_YEARS)
    replications: int = P(20, "count", "Independent replications (common random "
                          "numbers across scenarios).", assumption=(5, 200), ge=1,
                          le=MAX_REPLICATIONS)
    seed: int = P(20170101, "integer", "Root seed of all random streams; printed "
                  "with every result.", assumption=(0, 2**63 - 1), ge=0, lt=2**63)


# ---------------------------------------------------------------------------
# the unit


class Unit(Strict):
    posts: float = P(40, "FTE posts", "Budgeted posts of social workers.",
                     assumption=(5, 400), gt=0, le=MAX_POSTS)
    managers: int = P(2, "persons", "First-line managers (enhetschefer) of the unit.",
                      assumption=(1, 10), ge=1, le=1000)
    team_leaders: int = P(0, "persons", "Team leaders (arbetsledare/gruppledare) "
                          "sharing the management span.", assumption=(0, 10), ge=0, le=1000)
    team_leader_weight: Share = P(0.5, "manager equivalents", "How much of a manager "
                                  "one team leader counts for in the span of control.",
                                  assumption=(0.3, 0.8))
    children: float | None = P(None, "children aged 0-17", "Children and young people "
                               "living in the municipality (or the unit's area); needed "
                               "when an inflow is given per 1,000 children.",
                               assumption="user data (SCB population statistics)", ge=0,
                               le=1e8)


class WorkTime(Strict):
    hours_per_week: float = P(40, "hours/week", "Full-time working week.",
                              source="Swedish 40-hour week (Arbetstidslagen); "
                                     "municipal agreement AB", gt=0, le=60)
    client_work_share: Share = P(0.70, "share of hours", "Share of working time "
                                 "available for casework (the rest: administration, "
                                 "meetings, travel).", assumption=(0.55, 0.8))
    working_weeks_per_year: float = P(45, "weeks/year", "Weeks actually worked after "
                                      "vacation and public holidays; capacity is "
                                      "averaged over the year.",
                                      assumption=(43, 47), gt=0, le=52)
    competence_hours_per_week: NonNeg = P(0, "hours/week", "Paid competence-development "
                                          "time taken from client hours (policy lever).",
                                          assumption=(0, 10), le=40)
    recovery_hours_per_week: NonNeg = P(0, "hours/week", "Paid recovery time taken from "
                                        "client hours (policy lever).",
                                        assumption=(0, 10), le=40)

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
                                           ge=0, le=40)
    max_hours_per_mentor_per_week: float = P(6, "hours/week", "Most mentoring one "
                                             "experienced colleague gives in a week.",
                                             assumption=(4, 10), gt=0, le=40)


# ---------------------------------------------------------------------------
# cases


class InvestigationClass(Strict):
    share: Share = Field(description="Share of investigations in this class.")
    hours: PosFloat = Field(description="Mean work hours for one investigation.")
    complex: bool = Field(default=False, description="Counts as complex (shielding, "
                          "demand).")


class OngoingClass(Strict):
    share: Share = Field(description="Share of ongoing cases in this class.")
    hours_per_week: PosFloat = Field(description="Mean work hours per week while open.")
    complex: bool = Field(default=False, description="Counts as complex (shielding, "
                          "demand).")


def _check_shares(classes: dict, what: str) -> dict:
    if not classes:
        raise ValueError(f"{what} needs at least one complexity class")
    total = sum(c.share for c in classes.values())
    if abs(total - 1.0) > 1e-6:
        raise ValueError(f"complexity shares must sum to 1 (got {total:g})")
    return classes


# The inflow of a case type is given in one of three ways (one per file, see
# model/config/scenario.py: setting one clears the others a parent file set): a count a year,
# a count per budgeted post, or per 1,000 children. The scenario resolves it into
# ``arrivals_per_year`` (see Scenario._resolve_inflow).
INFLOW_KEYS = ("arrivals_per_year", "per_post_per_year", "per_1000_children_per_year")
# blocks whose keys in a group are alternatives: a file that sets one replaces the one
# its parent set (model/config/scenario.py)
ALTERNATIVES = {("cases", "investigations"): INFLOW_KEYS, ("cases", "ongoing"): INFLOW_KEYS}


class Investigations(Strict):
    arrivals_per_year: NonNeg | None = P(
        None, "cases/year", "Investigations opened per year (Poisson). Null: follows the "
        "unit, per_post_per_year x unit.posts (or per_1000_children_per_year x "
        "unit.children / 1000); after loading it always holds the resolved count.",
        assumption=(300, 1000), le=1e6)
    per_post_per_year: NonNeg | None = P(
        13, "cases/year per post", "Investigations opened per year per budgeted post; 13 "
        "gives the 40-post unit 520 a year, sized with the ongoing cases so that the unit "
        "with usual vacancies and sick leave is ~90% utilised.", assumption=(7.5, 25),
        le=1e4)
    per_1000_children_per_year: NonNeg | None = P(
        None, "cases/year per 1,000 children", "Investigations opened per year per 1,000 "
        "children in the municipality (needs unit.children).",
        assumption="user data (the municipality's own statistics)", le=1e3)
    growth_per_year: float = P(0.0, "fraction/year", "Yearly growth of the inflow "
                               "(Kiruna concern reports 347 -> 677 in 2012-2016 is "
                               "about +18%/year).", source="FoUI 81:2017 (Kiruna)",
                               ge=-0.5, le=1.0)
    legal_limit_days: PosFloat = P(120, "days", "Statutory time limit for an "
                                   "investigation (4 months).", source="SoL 11 kap. 2 §",
                                   le=3650)
    nominal_weeks: PosFloat = P(12, "weeks", "Weeks over which an investigation's "
                                "hours are spread when its handler is not overloaded.",
                                assumption=(4, 16), le=104)
    hours_cv: NonNeg = P(0.4, "coefficient of variation", "Spread of work hours "
                         "between investigations of one class (gamma).",
                         assumption=(0.2, 0.8), le=5)
    complexity: dict[str, InvestigationClass] = P(
        None, "table", "Complexity classes with share, hours and complexity flag.",
        assumption="hours +/-50%; shares from unit practice",
        default_factory=lambda: {
            "simple": InvestigationClass(share=0.3, hours=25),
            "standard": InvestigationClass(share=0.5, hours=50),
            "complex": InvestigationClass(share=0.2, hours=90, complex=True),
        })

    @field_validator("complexity")
    @classmethod
    def _shares(cls, v):
        return _check_shares(v, "investigations")


class Ongoing(Strict):
    arrivals_per_year: NonNeg | None = P(
        None, "cases/year", "Ongoing (follow-up) cases opened per year (Poisson). Null: "
        "follows the unit as for investigations; after loading it holds the resolved "
        "count.", assumption=(100, 600), le=1e6)
    per_post_per_year: NonNeg | None = P(
        5.5, "cases/year per post", "Ongoing cases opened per year per budgeted post (5.5 "
        "gives the 40-post unit 220 a year).", assumption=(2.5, 15), le=1e4)
    per_1000_children_per_year: NonNeg | None = P(
        None, "cases/year per 1,000 children", "Ongoing cases opened per year per 1,000 "
        "children in the municipality (needs unit.children).",
        assumption="user data (the municipality's own statistics)", le=1e3)
    growth_per_year: float = P(0.0, "fraction/year", "Yearly growth of the inflow.",
                               assumption=(-0.1, 0.2), ge=-0.5, le=1.0)
    mean_duration_weeks: PosFloat = P(26, "weeks", "Mean calendar duration of an "
                                      "ongoing case (exponential).",
                                      assumption=(12, 52), le=520)
    complexity: dict[str, OngoingClass] = P(
        None, "table", "Complexity classes with share, weekly hours and complexity flag.",
        assumption="weekly hours +/-50%",
        default_factory=lambda: {
            "simple": OngoingClass(share=0.4, hours_per_week=1.0),
            "standard": OngoingClass(share=0.4, hours_per_week=2.0),
            "complex": OngoingClass(share=0.2, hours_per_week=3.5, complex=True),
        })

    @field_validator("complexity")
    @classmethod
    def _shares(cls, v):
        return _check_shares(v, "ongoing cases")


class Surge(Strict):
    start_year: float = Field(ge=-MAX_YEARS, le=MAX_YEARS, description="Window year the "
                              "surge starts (negative: during the warm-up).")
    end_year: float | None = Field(default=None, le=MAX_YEARS, description="Window year it "
                                   "ends; null = lasts.")
    factor: float = Field(ge=0, le=20, description="Inflow multiplier while it lasts.")

    @model_validator(mode="after")
    def _order(self):
        if self.end_year is not None and self.end_year <= self.start_year:
            raise ValueError("end_year must be after start_year")
        return self


class Cases(Strict):
    investigations: Investigations = Field(default_factory=Investigations)
    ongoing: Ongoing = Field(default_factory=Ongoing)
    surges: tuple[Surge, ...] = P((), "list", "Periods when the inflow of both case types is "
                                  "multiplied (a crisis, a new duty); times in window years.",
                                  assumption="scenario choice")


class Assignment(Strict):
    rule: Literal["most_spare", "least_cases", "round_robin"] = P(
        "most_spare", "name", "Caseload assignment rule: the eligible worker with the "
        "most spare hours (default), the fewest open cases, or in turn.",
        assumption="rule is a design choice")
    shield_newcomers: bool = P(True, "flag", "Workers in shielded phases are never lead "
                               "handlers of complex cases.",
                               source="Jönköping practice (FoUI 81:2017)")
    min_spare_share: float = P(0.5, "share of the case's weekly hours", "A worker is "
                               "eligible for a new case when spare hours are at least "
                               "this share of the case's weekly need.",
                               assumption=(0.0, 1.0), ge=0, le=5)
    relax_after_days: PosFloat = P(28, "days", "A case that nobody can take under "
                                   "min_spare_share waits at most this long; then any "
                                   "present worker with spare hours may take it (the rule "
                                   "relaxes, so no case stays unassignable).",
                                   assumption=(7, 60), le=3650)
    max_utilisation: float = P(1.0, "load / available hours", "Load a worker may be given "
                               "before new cases wait: above 1, cases are pushed onto "
                               "workers (statutory cases assigned regardless).",
                               assumption=(1.0, 1.5), ge=1, le=3)


# ---------------------------------------------------------------------------
# demand, control, support, exhaustion


class Demand(Strict):
    reference: float = P(0.9, "utilisation", "Demand index (load/available hours plus "
                         "pressure terms) of a typical worker: z = 0 here.",
                         assumption=(0.8, 1.0), gt=0, le=5)
    sd: PosFloat = P(0.25, "utilisation", "One standard deviation of the demand index "
                     "between workers.", assumption=(0.15, 0.35), le=5)
    complex_weight: NonNeg = P(0.3, "index per share", "Added demand per share of own "
                               "load that is complex, scaled by inexperience (1 - control "
                               "from experience).", assumption=(0, 0.6), le=5)
    overdue_weight: NonNeg = P(0.03, "index per case", "Added demand per own overdue "
                               "investigation (deadline pressure).",
                               assumption=(0, 0.1), le=1)
    backlog_weight: NonNeg = P(0.0, "index", "Most demand the unit's backlog can add: "
                               "w * r / (1 + r), r = weekly hours of waiting cases over the "
                               "unit's available hours (pressure and ethical stress of "
                               "cases nobody can take, bounded by triage).",
                               assumption=(0, 1.5), le=10)
    cover_share: Share = P(0.5, "share", "Share of an absent colleague's weekly load that "
                           "lands on present colleagues (acute cover).",
                           assumption=(0.2, 0.8))
    shift_sd: float = P(0.0, "SD", "Fixed shift of every worker's demand z-score "
                        "(analysis lever).", assumption=(-2, 2), ge=-5, le=5)


class Control(Strict):
    experience_tau_years: PosFloat = P(3.0, "years", "Control from experience rises as "
                                       "1 - exp(-experience/tau).", assumption=(1.5, 5),
                                       le=30)
    reference: float = P(0.6, "index", "Control index of a typical worker (z = 0).",
                         assumption=(0.4, 0.8), ge=0, le=2)
    sd: PosFloat = P(0.3, "index", "One standard deviation of the control index.",
                     assumption=(0.2, 0.4), le=5)
    overload_erosion: NonNeg = P(0.8, "index per unit overload", "Control lost per unit "
                                 "of utilisation above 1 ('if the workload is too high, "
                                 "control is lost').", source="FoUI 81:2017 citing Karasek; "
                                 "strength is an assumption (0.4-1.2)", le=10)
    competence_time_gain: NonNeg = P(0.02, "index per hour/week", "Control gained per "
                                     "weekly hour of competence development.",
                                     assumption=(0, 0.04), le=1)
    shift_sd: float = P(0.0, "SD", "Fixed shift of every worker's control z-score "
                        "(analysis lever).", assumption=(-2, 2), ge=-5, le=5)


class ManagerSupport(Strict):
    reference_span: PosFloat = P(15, "staff per manager", "Span of control with z = 0.",
                                 assumption=(10, 20), le=1000)
    span_per_sd: PosFloat = P(7.5, "staff per manager", "Extra staff per manager that "
                              "lower manager support by one SD.", assumption=(5, 12),
                              le=1000)
    shift_sd: float = P(0.0, "SD", "Fixed shift of manager support z-score (analysis "
                        "lever).", assumption=(-2, 2), ge=-5, le=5)
    newcomer_gap_sd: NonNeg = P(1.2, "SD", "Manager support a newcomer to the unit lacks "
                                "at hire (guidance, role clarity) when the introduction is "
                                "informal; falls linearly to 0 over newcomer_gap_years. A "
                                "structured introduction meets part of it. Uppsala's exit "
                                "interviews name poor introduction and poor support as the "
                                "main reasons to leave.", assumption=(0.5, 2.5), le=5)
    newcomer_gap_years: PosFloat = P(2, "years", "Years of tenure over which a newcomer's "
                                     "unmet need for support closes (the induction).",
                                     source="induction up to 2 years: Lindquist 2012, "
                                            "Jönköping (DOMAIN.md)", le=10)


class ColleagueSupport(Strict):
    experienced_years: float = P(5, "years", "Total experience that makes a colleague "
                                 "'experienced'.", source="Lindquist 2012 (DOMAIN.md)",
                                 ge=0, le=40)
    reference_share: Share = P(0.4, "share", "Share of experienced colleagues with "
                               "z = 0.", assumption=(0.3, 0.5))
    share_per_sd: PosFloat = P(0.2, "share", "Change in that share worth one SD.",
                               assumption=(0.1, 0.3), le=1)
    reference_stability: Share = P(0.78, "share", "Team stability (1 - exits in the last "
                                   "52 weeks per head) with z = 0 (22% exits).",
                                   source="SCB/SSR, Uppsala (DOMAIN.md)")
    stability_per_sd: PosFloat = P(0.15, "share", "Change in stability worth one SD.",
                                   assumption=(0.1, 0.25), le=1)
    mentor_sd: NonNeg = P(1.0, "SD", "Support lost by a worker in a mentored phase "
                          "whose mentor time is not covered.", assumption=(0.5, 1.5), le=5)
    shift_sd: float = P(0.0, "SD", "Fixed shift of colleague support z-score "
                        "(analysis lever).", assumption=(-2, 2), ge=-5, le=5)


class Strain(Strict):
    demand_weight: NonNeg = P(0.5, "per SD", "Weight of demand in the strain index.",
                              assumption=(0.3, 1.0), le=10)
    control_weight: NonNeg = P(1.0, "per SD", "Weight of (low) control in the strain "
                               "index; larger than demand's (low control harms more than "
                               "high demands).", source="Karasek, cited in FoUI 81:2017; "
                               "magnitude assumption (0.6-1.5)", le=10)
    manager_weight: NonNeg = P(0.4, "per SD", "Buffering by manager support.",
                               source="FoUI 81:2017: manager support matters more than "
                                      "colleague support; magnitude assumption (0.2-0.6)",
                               le=10)
    colleague_weight: NonNeg = P(0.2, "per SD", "Buffering by colleague support.",
                                 assumption=(0.1, 0.3), le=10)
    threshold: float = P(0.5, "strain units", "Strain above which exhaustion builds up.",
                         assumption=(0, 1), ge=-10, le=10)
    exhaustion_gain_per_week: NonNeg = P(0.05, "units per strain unit per week",
                                         "Exhaustion added per week per unit of strain "
                                         "above the threshold.", assumption=(0.02, 0.1),
                                         le=10)
    recovery_per_week: Share = P(0.04, "fraction/week", "Share of exhaustion recovered "
                                 "each week (half-life ~17 weeks).",
                                 assumption=(0.02, 0.08))
    recovery_per_hour: NonNeg = P(0.004, "fraction/week per hour/week", "Extra recovery "
                                  "per weekly hour of paid recovery time.",
                                  assumption=(0, 0.01), le=1)


class DCS(Strict):
    demand: Demand = Field(default_factory=Demand)
    control: Control = Field(default_factory=Control)
    manager_support: ManagerSupport = Field(default_factory=ManagerSupport)
    colleague_support: ColleagueSupport = Field(default_factory=ColleagueSupport)
    strain: Strain = Field(default_factory=Strain)


# ---------------------------------------------------------------------------
# leaving


class TenureBand(Strict):
    until_years: float | None = Field(default=None, gt=0, le=60,
                                      description="Upper end of the band; null = open.")
    multiplier: NonNeg = Field(le=100, description="Baseline hazard multiplier.")


class HazardRatios(Strict):
    demand: PosFloat = P(1.25, "HR per +1 SD", "Quit hazard ratio per SD of demand.",
                         source="DOMAIN.md defaults; anchored on Söderberg 2014 OR 1.63 "
                                "for job strain (range 1.1-1.4)", le=100)
    control: PosFloat = P(0.85, "HR per +1 SD", "Quit hazard ratio per SD of control.",
                          source="DOMAIN.md defaults (range 0.75-0.95)", le=100)
    manager_support: PosFloat = P(0.80, "HR per +1 SD", "Quit hazard ratio per SD of "
                                  "manager support.", source="Mor Barak 2009; leadership "
                                  "HR 1.57-1.61 (DOMAIN.md, range 0.70-0.90)", le=100)
    colleague_support: PosFloat = P(0.90, "HR per +1 SD", "Quit hazard ratio per SD of "
                                    "colleague support.", source="Kim & Kao 2014 "
                                    "(DOMAIN.md, range 0.80-1.0)", le=100)
    exhaustion: PosFloat = P(1.5, "HR per unit", "Quit hazard ratio per unit of "
                             "exhaustion.", assumption=(1.2, 2.0), le=100)
    pay_gap_per_1000_sek: PosFloat = P(1.05, "HR per 1,000 SEK/month", "Quit hazard "
                                       "ratio per 1,000 SEK/month the market pays above "
                                       "own salary. No elasticity found in the sources.",
                                       assumption=(1.0, 1.10), le=100)


class Intention(Strict):
    onset_per_year: NonNeg = P(0.55, "1/year", "Rate at which a typical worker (all "
                               "z = 0) forms an intention to leave; scaled by the same "
                               "exp(linear predictor) as the quit hazard.",
                               assumption=(0.3, 0.9), le=100)
    drop_per_year: NonNeg = P(1.0, "1/year", "Rate at which an intention is given up.",
                              assumption=(0.5, 2.0), le=100)
    quit_hazard_ratio: PosFloat = P(4.85, "HR", "Quit hazard ratio while intending to "
                                    "leave: ln(1-0.4)/ln(1-0.1) from P(leave in 1 y) 0.4 "
                                    "with vs 0.1 without intention.",
                                    source="DOMAIN.md [derived]", le=100)


class Attrition(Strict):
    baseline_hazard_per_year: NonNeg = P(0.080, "1/year", "Quit hazard of a non-intending "
                                         "worker with all z = 0 in tenure band multiplier "
                                         "1; set so the baseline gives ~22% exits a year.",
                                         source="calibrated to SCB/SSR, Uppsala ~22% "
                                                "(DOMAIN.md, range 10-35%)", le=100)
    tenure_multipliers: tuple[TenureBand, ...] = P(
        None, "table", "Baseline hazard by workplace tenure: year 1 x1.1, year 2 x1.0, "
        "years 3-5 x1.0, > 5 x0.6. Most of the early excess of DOMAIN.md's shape (year 1 "
        "x1.6, year 2 x1.3) comes from the newcomer's unmet support need "
        "(dcs.manager_support.newcomer_gap_sd); the bands keep the rest, so the baseline "
        "keeps ~48% of hires leaving within two years.", assumption=(0.7, 1.3),
        default_factory=lambda: (TenureBand(until_years=1, multiplier=1.1),
                                 TenureBand(until_years=2, multiplier=1.0),
                                 TenureBand(until_years=5, multiplier=1.0),
                                 TenureBand(until_years=None, multiplier=0.6)))
    hazard_ratios: HazardRatios = Field(default_factory=HazardRatios)
    intention: Intention = Field(default_factory=Intention)
    outside_pull_per_year: NonNeg = P(0.03, "1/year", "Additive hazard of being recruited "
                                      "away by neighbouring employers and staffing "
                                      "agencies; scaled by the pay-gap ratio. Near 0 in a "
                                      "remote town (Kiruna).", assumption=(0.0, 0.1), le=10)
    notice_period_weeks: NonNeg = P(4, "weeks", "Notice served after resigning.",
                                    assumption=(4, 12), le=52)
    retirement_age: float = P(65, "years of age", "Age at which a worker retires.",
                              assumption=(63, 69), gt=18, le=80)

    @field_validator("tenure_multipliers")
    @classmethod
    def _bands(cls, v):
        return _check_bands(v, "tenure_multipliers")


def _check_bands(bands, what: str):
    if not bands:
        raise ValueError(f"{what} needs at least one band")
    prev = 0.0
    for i, b in enumerate(bands):
        last = i == len(bands) - 1
        if b.until_years is None and not last:
            raise ValueError(f"only the last band of {what} may have until_years null")
        if b.until_years is not None:
            if last:
                raise ValueError(f"the last band of {what} must have until_years null")
            if b.until_years <= prev:
                raise ValueError(f"{what} until_years must increase "
                                 f"({b.until_years:g} after {prev:g})")
            prev = b.until_years
    return bands


# ---------------------------------------------------------------------------
# sick leave


class SickLeave(Strict):
    short_spells_per_year: NonNeg = P(3.2, "spells/year", "Short spells (<= 14 days) "
                                      "per worker per year at the reference (demand and "
                                      "control z = 0, no exhaustion); set so the baseline "
                                      "unit keeps ~2.9 short spells per employee-year.",
                                      assumption=(1.5, 5), le=100)
    short_mean_days: PosFloat = P(4, "days", "Mean calendar length of a short spell "
                                  "(exponential, at most 14 days).", assumption=(2, 7),
                                  le=14)
    long_spells_per_year: NonNeg = P(0.089, "spells/year", "Spells over 14 days per worker "
                                     "per year at the reference (z = 0, no exhaustion, "
                                     "manager support z = 0); set so the baseline unit has "
                                     "~133 per 1,000 employees a year.",
                                     source="calibrated to Försäkringskassan 2021, 133 per "
                                            "1,000 socialsekreterare (DOMAIN.md)", le=10)
    long_mean_days: PosFloat = P(90, "days", "Mean calendar length of a long spell "
                                 "(14 days plus exponential). Total absence ~6.5% is "
                                 "near municipal 6.9% (2018).", assumption=(60, 150),
                                 le=730)
    job_strain_rr: PosFloat = P(1.44, "RR", "Relative rate of sick spells in job strain "
                                "(demand above and control below the median) against "
                                "the rest. The model's rate rises smoothly with demand "
                                "minus control (z-scores), with the slope that gives this "
                                "contrast between the two groups.",
                                source="Amiri & Behnezhad 2020 (DOMAIN.md, 1.16-1.66)",
                                le=100)
    exhaustion_rr_long: PosFloat = P(2.0, "RR per unit", "Relative rate of long spells "
                                     "per unit of exhaustion (stress-related diagnoses "
                                     "dominate long spells).", assumption=(1.3, 3.0),
                                     le=100)
    exhaustion_rr_short: PosFloat = P(1.2, "RR per unit", "Relative rate of short "
                                      "spells per unit of exhaustion.",
                                      assumption=(1.0, 1.6), le=100)
    low_leadership_rr: PosFloat = P(1.61, "HR", "Long-term sick leave under low "
                                    "leadership quality against the rest; the model's "
                                    "long-spell rate falls smoothly with the worker's "
                                    "manager-support z-score, with the slope that gives "
                                    "this contrast.", source="Danish register studies "
                                    "(DOMAIN.md)", le=100)
    low_leadership_share: float = P(0.25, "share", "Share of workers who count as having "
                                    "'low' leadership quality in that contrast (the lowest "
                                    "quarter).", assumption=(0.2, 0.33), gt=0, lt=1)
    reassign_after_days: PosFloat = P(14, "days", "Spells expected to last longer than "
                                      "this hand the worker's cases to colleagues.",
                                      assumption=(7, 30), le=365)
    sick_pay_share: Share = P(0.8, "share of salary", "Sick pay the employer pays for "
                              "days 1-14 (sjuklön).", source="Sjuklönelagen (80%)")
    employer_pay_days: float = P(14, "days", "Days of a spell paid by the employer; "
                                 "later days are paid by Försäkringskassan.",
                                 source="Sjuklönelagen", ge=0, le=365)
    rehabilitation_sek_per_long_spell: NonNeg = P(
        8_000, "SEK", "Employer's cash cost of rehabilitation per spell over 14 days "
        "(occupational health service, rehabilitation meetings, adjustments).",
        assumption=(3_000, 30_000), le=1e7)


# ---------------------------------------------------------------------------
# recruitment and consultants


class Market(Strict):
    """The recruitment market: applicants per advertised post follow the unit's
    attractiveness (pay above its scale, paid time off client work, recent turnover).
    At the reference attractiveness (the baseline unit on average) rounds fail with
    ``failure_probability``, take ``time_to_hire_days`` and hire graduates with
    ``new_graduate_share``."""

    applicants_per_1000_sek: PosFloat = P(
        1.05, "ratio per 1,000 SEK/month", "Applicants per post multiply by this for every "
        "1,000 SEK/month the unit pays above its own scale (supplements of the measures "
        "in force, and paid time off client work valued by pay.paid_time_value_share); "
        "the mirror of the pay hazard ratio of the outside pull.", assumption=(1.0, 1.15),
        le=3)
    reference_turnover: Share = P(
        0.19, "exits/post/year", "Exits in the last 52 weeks per budgeted post at which "
        "the unit's reputation neither adds nor removes applicants: today's unit, whose "
        "~0.20 exits per head (0.19 per post) meet the national calibration target.",
        source="SCB/SSR, Uppsala ~22% a year, target 0.22 +/- 0.04 (DOMAIN.md; "
        "docs/VALIDATION.md)")
    applicants_per_10pp_turnover: PosFloat = P(
        0.85, "ratio per 10 pp", "Applicants per post multiply by this for every 10 "
        "percentage points of exits in the last 52 weeks above the reference (reputation; "
        "Umeå 2014: recruitment problems after many left).", assumption=(0.7, 1.0), le=1)
    time_to_hire_elasticity: NonNeg = P(
        0.25, "elasticity", "Time to hire scales with attractiveness^-elasticity (more "
        "applicants: a suitable one is found sooner).", assumption=(0.0, 0.5), le=2)
    returner_apply_per_round: Share = P(
        0.005, "probability per former employee and round", "Chance that one former "
        "employee (left by resignation or outside pull within the window) applies to an "
        "advertised round at the reference attractiveness; scales with attractiveness. "
        "A returner is preferred and starts introduced (Krokom: former staff came back).",
        assumption=(0.0, 0.01))
    returner_window_years: NonNeg = P(
        3, "years", "Former employees who left this long ago or less may return.",
        assumption=(1, 5), le=40)


class Recruitment(Strict):
    vacancy_opens_at: Literal["resignation", "exit"] = P(
        "resignation", "name", "When recruitment starts for a leaver's post.",
        assumption="Swedish practice varies")
    time_to_hire_days: Distribution = P(
        None, "days", "Advertisement to first working day of the hire (includes their "
        "own notice).", assumption=(60, 150),
        default_factory=lambda: Lognormal(dist="lognormal", mean=90, sd=30))
    failure_probability: float = P(0.2, "probability", "Chance a recruitment round finds "
                                   "nobody and is re-advertised, at the reference "
                                   "attractiveness (see recruitment.market).",
                                   assumption=(0.05, 0.4), ge=0, le=0.95)
    new_graduate_share: Share = P(0.5, "share", "Share of hires who are new graduates "
                                  "(no prior experience) at the reference "
                                  "attractiveness.", source="SSR: ~7,000 new hires "
                                  "in two years, > 40% of the workforce (DOMAIN.md); "
                                  "share itself assumption (0.3-0.7)")
    experienced_prior_years: Distribution = P(
        None, "years", "Prior experience of experienced hires.", assumption=(1, 15),
        default_factory=lambda: Uniform(dist="uniform", low=1, high=10))
    graduate_age: Distribution = P(
        None, "years", "Age of a new graduate at hire.", assumption=(24, 35),
        default_factory=lambda: Normal(dist="normal", mean=28, sd=4, low=22, high=50))
    fte: Distribution = P(
        None, "FTE", "Employment level of a hire.", assumption=(0.75, 1.0),
        default_factory=lambda: Constant(dist="constant", value=1.0))
    cost_per_round_sek: NonNeg = P(60_000, "SEK", "Cost of one recruitment round "
                                   "(preparation, advertisements, interviews, "
                                   "deliberations).", source="part of Johrén's replacement "
                                   "cost 340-543k (Vision 2015); split is an assumption "
                                   "(30-100k)", le=1e8)
    market: Market = Field(default_factory=lambda: Market())


class Consultants(Strict):
    enabled: bool = P(True, "flag", "Agency social workers may cover vacant posts.",
                      source="Södertälje, Stockholm practice (DOMAIN.md)")
    max_share_of_posts: Share = P(0.1, "share of posts", "Most consultants at once, as a "
                                  "share of posts.", assumption=(0, 0.25))
    start_delay_days: NonNeg = P(30, "days", "A post vacant this long gets a consultant "
                                 "if the cap allows.", assumption=(7, 90), le=3650)
    cost_sek_per_month: NonNeg = P(127_000, "SEK/month", "Cost of one full-time "
                                   "consultant.", source="Härjedalen 2018; Hultsfred 2024 "
                                   "~130,000 (DOMAIN.md)", le=1e8)
    experience_years: NonNeg = P(10.0, "years", "Experience of a consultant: agencies "
                                 "place experienced social workers (sets their control "
                                 "from experience).", assumption=(3, 20), le=50)
    age_years: NonNeg = P(45.0, "years", "Age of a consultant (consultants do not retire "
                          "within the model; kept for the event log).",
                          assumption=(30, 60), le=80)
    productivity: Share = P(1.0, "share", "Consultant's client hours as a share of an "
                            "experienced employee's (below 1: time to learn local routines "
                            "and systems, no continuity).", assumption=(0.7, 1.0))


# ---------------------------------------------------------------------------
# pay and cost


class SalaryStep(Strict):
    from_years: NonNeg = Field(le=60, description="Total experience at which the step "
                               "starts.")
    sek_per_month: NonNeg = Field(le=1e7, description="Monthly salary, SEK.")


def _check_steps(steps, what):
    if not steps:
        raise ValueError(f"{what} needs at least one step")
    if steps[0].from_years != 0:
        raise ValueError(f"{what} must start at from_years 0")
    for a, b in zip(steps, steps[1:]):
        if b.from_years <= a.from_years:
            raise ValueError(f"{what} from_years must increase ({b.from_years:g} after "
                             f"{a.from_years:g})")
    return steps


class Pay(Strict):
    salary_by_experience: tuple[SalaryStep, ...] = P(
        None, "SEK/month", "Own monthly salary by total experience (average ~38,800).",
        source="SCB 2023 average 38,800, range 32-43k (DOMAIN.md); steps assumption",
        default_factory=lambda: (SalaryStep(from_years=0, sek_per_month=35_000),
                                 SalaryStep(from_years=2, sek_per_month=38_000),
                                 SalaryStep(from_years=5, sek_per_month=41_000)))
    market_by_experience: tuple[SalaryStep, ...] = P(
        None, "SEK/month", "What neighbouring employers pay by experience; experienced "
        "staff lag the market when there is no ladder.", assumption=(32_000, 46_000),
        default_factory=lambda: (SalaryStep(from_years=0, sek_per_month=35_000),
                                 SalaryStep(from_years=2, sek_per_month=39_000),
                                 SalaryStep(from_years=5, sek_per_month=43_000)))
    employer_oncost: float = P(0.445, "share of salary", "Employer on-cost (PO-pålägg).",
                               source="SKR ~44.5% 2023 (DOMAIN.md, 40-46%)", ge=0, le=2)
    paid_time_value_share: Share = P(
        0.5, "share of the hour's pay", "What one paid hour a week off client work "
        "(competence development, recovery: 6+2, shorter days, reflection days) is worth "
        "to a worker, as a share of its pay, when comparing employers (outside pull and "
        "applicants).", assumption=(0.2, 1.0))

    @field_validator("salary_by_experience", "market_by_experience")
    @classmethod
    def _steps(cls, v, info):
        return _check_steps(v, info.field_name)


class Economics(Strict):
    """The economic (personnel-economics) view: the value of work lost, on top of the
    cash the budget view books."""

    value_of_work_factor: float = P(
        1.25, "SEK per SEK of labour cost", "Value of work not done (vacant, uncovered "
        "post-time; a newcomer's shortfall; mentors', colleagues' and managers' time; "
        "absent days) per SEK of that time's labour cost (salary with on-costs). 1.25 "
        "places an extra exit inside the replacement cost per quit of 340-543 kSEK "
        "(about 480 kSEK with the recruitment market; docs/VALIDATION.md).",
        source="DOMAIN.md: work lost valued at least at its labour cost; calibrated to "
        "Johrén ~340k and Vision 2015 542.7k per replacement (range 1.0-1.5)", ge=0, le=5)
    manager_salary_sek_per_month: NonNeg = P(
        52_000, "SEK/month", "Monthly salary of the unit manager whose time introduction "
        "takes.", assumption=(45_000, 60_000), le=1e7)
    introduction_manager_hours_per_hire: NonNeg = P(
        16, "hours", "Manager's and HR's time on one newcomer's introduction (planning, "
        "courses, follow-up), besides the mentors' hours; Johrén's introduction block.",
        assumption=(8, 40), le=2000)
    notice_output_loss: Share = P(
        0.25, "share of output", "Share of a leaver's work not done during the notice "
        "period (winding down, hand-over work); Johrén's vacancy-and-exit block.",
        assumption=(0.1, 0.5))
    colleague_time_per_shortfall: NonNeg = P(
        0.25, "hours per hour", "Colleagues' informal time helping a newcomer (questions, "
        "joint visits), besides the mentors' hours, per hour of the newcomer's shortfall; "
        "Johrén's training-in block.", assumption=(0.0, 0.5), le=5)
    overdue_investigation_sek: NonNeg = P(
        0, "SEK", "Price put on one investigation over the legal limit (SoL 11 kap. 2 §) "
        "in the economic view; 0 leaves the service unpriced (it is reported on its own).",
        assumption=(0, 50_000), le=1e7)
    handover_sek: NonNeg = P(
        0, "SEK", "Price put on one case hand-over (a continuity break for a child or "
        "family) in the economic view; 0 leaves it unpriced.", assumption=(0, 10_000),
        le=1e7)

    @property
    def service_priced(self) -> bool:
        return bool(self.overdue_investigation_sek or self.handover_sek)


# ---------------------------------------------------------------------------
# initial state


class TenureBin(Strict):
    from_years: NonNeg = Field(le=60)
    to_years: PosFloat = Field(le=60)
    count: NonNeg = Field(le=1e6, description="Workers (or relative weight) in the bin.")

    @model_validator(mode="after")
    def _order(self):
        if self.to_years <= self.from_years:
            raise ValueError(f"to_years ({self.to_years:g}) must be > from_years "
                             f"({self.from_years:g})")
        return self


class StaffMember(Strict):
    tenure_years: NonNeg = Field(le=60, description="Years at this workplace.")
    prior_years: NonNeg = Field(default=0, le=60, description="Experience before.")
    age: float = Field(default=40, gt=16, le=80)
    fte: float = Field(default=1.0, gt=0, le=1)
    salary_sek_per_month: float | None = Field(default=None, ge=0, le=1e7)


class InitialState(Strict):
    tenure_distribution: tuple[TenureBin, ...] = P(
        None, "workers per band", "Workplace tenure of the starting staff (sampled "
        "uniformly within bins, scaled to the posts). Default shape: a unit with ~22% "
        "turnover; the warm-up removes its imprint.", assumption="shape; the warm-up removes it",
        default_factory=lambda: (TenureBin(from_years=0, to_years=2, count=40),
                                 TenureBin(from_years=2, to_years=5, count=25),
                                 TenureBin(from_years=5, to_years=10, count=20),
                                 TenureBin(from_years=10, to_years=20, count=10),
                                 TenureBin(from_years=20, to_years=30, count=5)))
    staff: tuple[StaffMember, ...] | None = P(None, "list", "An explicit staff list; "
                                              "replaces tenure_distribution when given.",
                                              assumption="user data")
    prior_years: Distribution = P(
        None, "years", "Experience before joining, for sampled staff.",
        assumption=(0, 10), default_factory=lambda: Exponential(dist="exponential",
                                                                mean=2.0))
    fill_share: Share = P(1.0, "share of posts", "Share of posts filled at the start.",
                          assumption=(0.8, 1.0))
    vacant_posts: float | None = P(None, "posts", "Posts vacant now (the present state): "
                                   "replaces fill_share when given; with a staff list the "
                                   "posts beyond the list are vacant.",
                                   assumption="user data", ge=0, le=MAX_POSTS)
    consultants: int = P(0, "persons", "Agency social workers covering vacant posts now "
                         "(the present state); they stay until the post is filled.",
                         assumption="user data", ge=0, le=MAX_POSTS)

    @field_validator("tenure_distribution")
    @classmethod
    def _bins(cls, v):
        if not v or sum(b.count for b in v) <= 0:
            raise ValueError("tenure_distribution needs at least one bin with count > 0")
        return v


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


# ---------------------------------------------------------------------------
# the scenario


class LocalText(Strict):
    """A text in both languages a committee reads (see model/present/texts.py)."""

    sv: str = Field(min_length=1, max_length=5000, description="Swedish text.")
    en: str = Field(min_length=1, max_length=5000, description="English text.")


class Scenario(Strict):
    """A complete, validated scenario: every parameter of one model run."""

    name: str = Field(default="baseline", min_length=1, max_length=120,
                      description="Scenario name (used in tables and file names).")
    title: LocalText | str | None = Field(
        default=None, description="Title shown instead of the name in the dashboard, "
        "brief and CLI: {sv: ..., en: ...} or one text for both languages.")
    description: LocalText | str = Field(
        default="", description="Text shown in reports: {sv: ..., en: ...} or one "
        "text for both languages.")

    @field_validator("title", "description")
    @classmethod
    def _text_length(cls, v):
        if isinstance(v, str) and len(v) > 5000:
            raise ValueError("at most 5000 characters")
        return v
    simulation: Simulation = Field(default_factory=Simulation)
    unit: Unit = Field(default_factory=Unit)
    work_time: WorkTime = Field(default_factory=WorkTime)
    phases: tuple[Phase, ...] = P(DEFAULT_PHASES, "table", "Career phase table: length "
                                  "(until_years), capacity share, mentor hours/week, "
                                  "shielding.", source="Lindquist 2012; SKL 2014; Uppsala "
                                  "mentor hours; capacities from the ramp-up assumption "
                                  "(DOMAIN.md)")
    mentoring: Mentoring = Field(default_factory=Mentoring)
    cases: Cases = Field(default_factory=Cases)
    assignment: Assignment = Field(default_factory=Assignment)
    dcs: DCS = Field(default_factory=DCS)
    attrition: Attrition = Field(default_factory=Attrition)
    sick_leave: SickLeave = Field(default_factory=SickLeave)
    recruitment: Recruitment = Field(default_factory=Recruitment)
    consultants: Consultants = Field(default_factory=Consultants)
    pay: Pay = Field(default_factory=Pay)
    economics: Economics = Field(default_factory=Economics)
    initial_state: InitialState = Field(default_factory=InitialState)
    policies: Policies = Field(default_factory=Policies, description="Retention policies "
                               "in use; an absent block means the policy is not used.")

    @field_validator("phases")
    @classmethod
    def _phases(cls, v):
        if len(v) < 2:
            raise ValueError("the phase table needs at least two phases")
        names = [p.name for p in v]
        if len(set(names)) != len(names):
            raise ValueError("phase names must be unique")
        prev = 0.0
        for i, ph in enumerate(v):
            last = i == len(v) - 1
            if (ph.until_years is None) != last:
                raise ValueError("only the last phase has until_years null")
            if ph.until_years is not None:
                if ph.until_years <= prev:
                    raise ValueError(f"phase until_years must increase "
                                     f"({ph.name}: {ph.until_years:g} after {prev:g})")
                prev = ph.until_years
        return v

    @model_validator(mode="before")
    @classmethod
    def _resolve_inflow(cls, data):
        return resolve_inflow(data)

    @model_validator(mode="after")
    def _present_state(self):
        ini, posts = self.initial_state, max(1, int(round(self.unit.posts)))
        vacant = (posts - len(ini.staff) if ini.staff
                  else posts - int(round(ini.fill_share * posts)))
        if ini.vacant_posts is not None:
            if ini.vacant_posts > posts:
                raise ValueError(f"initial_state.vacant_posts ({ini.vacant_posts:g}) must "
                                 f"not exceed unit.posts ({posts})")
            if ini.staff and int(round(ini.vacant_posts)) != vacant:
                raise ValueError(f"initial_state.vacant_posts ({ini.vacant_posts:g}) "
                                 f"disagrees with the staff list: {len(ini.staff)} staff "
                                 f"on {posts} posts leave {vacant} vacant")
            vacant = posts - (len(ini.staff) if ini.staff
                              else posts - int(round(ini.vacant_posts)))
        c = self.consultants
        if ini.consultants and c.enabled:     # not enabled (a measure): they end now
            slots = int(math.floor(c.max_share_of_posts * posts))
            if ini.consultants > min(vacant, slots):
                raise ValueError(
                    f"initial_state.consultants ({ini.consultants}) must be at most the "
                    f"vacant posts ({vacant}) and the consultant slots ({slots} = "
                    "consultants.max_share_of_posts x unit.posts)")
        return self

    @model_validator(mode="after")
    def _sizes(self):
        if self.unit.posts * (self.simulation.years + self.simulation.warmup_years) > 200_000:
            raise ValueError("posts x (years + warmup_years) must be at most 200,000 "
                             "post-years per replication")
        return self


def _inflow_basis(block: dict, unit: dict, what: str) -> dict:
    """One case type's inflow block with ``arrivals_per_year`` resolved (see INFLOW_KEYS):
    per 1,000 children first, then per post, then a count; nothing given: the default
    per post."""
    block = dict(block)
    fields = (Ongoing if what == "ongoing" else Investigations).model_fields
    per_child = block.get("per_1000_children_per_year")
    per_post = block.get("per_post_per_year", MISSING_VALUE)
    count = block.get("arrivals_per_year")
    if per_child is not None and per_post not in (None, MISSING_VALUE):
        raise ValueError(f"cases.{what}: give one of per_post_per_year and "
                         "per_1000_children_per_year, not both")
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool)
               for v in (per_child, per_post, count) if v not in (None, MISSING_VALUE)):
        return block      # a wrong type: the field's own validation reports it
    posts = unit.get("posts", Unit.model_fields["posts"].default)
    if per_child is not None:
        children = unit.get("children")
        if not isinstance(children, (int, float)) or isinstance(children, bool):
            raise ValueError(f"cases.{what}.per_1000_children_per_year needs "
                             "unit.children (the municipality's children aged 0-17)")
        block.update(arrivals_per_year=per_child * children / 1000.0,
                     per_post_per_year=None)
    elif per_post is MISSING_VALUE and count is not None:
        block.update(per_post_per_year=None)
    else:
        if per_post is MISSING_VALUE:
            per_post = fields["per_post_per_year"].default
        if per_post is None:
            if count is None:
                raise ValueError(f"cases.{what}: give arrivals_per_year, "
                                 "per_post_per_year or per_1000_children_per_year")
        elif isinstance(posts, (int, float)) and not isinstance(posts, bool):
            block.update(arrivals_per_year=per_post * posts)
    return block


MISSING_VALUE = object()


def resolve_inflow(data):
    """The raw scenario mapping with each case type's inflow resolved into
    ``arrivals_per_year`` (a per-post inflow follows ``unit.posts``)."""
    if not isinstance(data, dict):
        return data
    cases, unit = data.get("cases", {}), data.get("unit", {})
    if isinstance(unit, BaseModel):
        unit = unit.model_dump()
    if isinstance(cases, BaseModel):
        cases = cases.model_dump()
    if not isinstance(cases, dict) or not isinstance(unit, dict):
        return data
    cases = dict(cases)
    for what in ("investigations", "ongoing"):
        block = cases.get(what, {})
        if isinstance(block, BaseModel):
            block = block.model_dump()
        if isinstance(block, dict):
            cases[what] = _inflow_basis(block, unit, what)
    return {**data, "cases": cases}


def json_schema() -> dict:
    """The JSON Schema of a scenario file (``extends`` added, as the loader allows it)."""
    schema = Scenario.model_json_schema()
    schema["properties"]["extends"] = {
        "type": "string",
        "description": "Path (relative to this file) of the scenario this one modifies.",
    }
    schema["title"] = "Scenario"
    return schema
