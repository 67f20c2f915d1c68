"""Cases: investigations, ongoing cases, surges and their assignment."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from .base import MAX_YEARS, NonNeg, P, PosFloat, Share, Strict

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
        sv="Utredningar som inleds per år (Poisson).", assumption=(300, 1000), le=1e6,
        decision=True)
    per_post_per_year: NonNeg | None = P(
        13, "cases/year per post", "Investigations opened per year per budgeted post; 13 "
        "gives the 40-post unit 520 a year, sized with the ongoing cases so that the unit "
        "with usual vacancies and sick leave is ~90% utilised.", assumption=(7.5, 25),
        le=1e4, decision=True,
        sv="Utredningar som inleds per år och budgeterad tjänst.")
    per_1000_children_per_year: NonNeg | None = P(
        None, "cases/year per 1,000 children", "Investigations opened per year per 1,000 "
        "children in the municipality (needs unit.children).",
        assumption="user data (the municipality's own statistics)", le=1e3,
        sv="Utredningar som inleds per år och 1 000 barn i kommunen (kräver unit.children).")
    growth_per_year: float = P(0.0, "fraction/year", "Yearly growth of the inflow "
                               "(Kiruna concern reports 347 -> 677 in 2012-2016 is "
                               "about +18%/year).", source="FoUI 81:2017 (Kiruna)",
                               ge=-0.5, le=1.0, decision=True,
                               sv="Årlig ökning av inflödet.")
    legal_limit_days: PosFloat = P(
        120, "days", "Statutory time limit for an investigation concerning a child (4 "
        "months from its start; extended only for special reasons, for a stated time).",
        source="socialtjänstlag (2025:400) 20 kap. 3 § (before 1 July 2025 SoL 2001:453 "
        "11 kap. 2 §)", le=3650,
        sv="Lagstadgad tidsgräns för en utredning om ett barn (fyra månader från det att "
           "den inleddes; förlängs bara vid särskilda skäl, för viss tid).")
    nominal_weeks: PosFloat = P(12, "weeks", "Weeks over which an investigation's "
                                "hours are spread when its handler is not overloaded.",
                                assumption=(4, 16), le=104, decision=True,
                                sv="Veckor som en utrednings timmar sprids över när "
                                   "handläggaren inte är överbelastad.")
    hours_cv: NonNeg = P(0.4, "coefficient of variation", "Spread of work hours "
                         "between investigations of one class (gamma).",
                         assumption=(0.2, 0.8), le=5, decision=True,
                         sv="Spridning i arbetstimmar mellan utredningar i samma klass (gamma).")
    complexity: dict[str, InvestigationClass] = P(
        None, "table", "Complexity classes with share, hours and complexity flag.",
        assumption="hours +/-50%; shares from unit practice",
        default_factory=lambda: {
            "simple": InvestigationClass(share=0.3, hours=25),
            "standard": InvestigationClass(share=0.5, hours=50),
            "complex": InvestigationClass(share=0.2, hours=90, complex=True),
        },
        sv="Komplexitetsklasser med andel, timmar och markering för komplexa ärenden.")

    @field_validator("complexity")
    @classmethod
    def _shares(cls, v):
        return _check_shares(v, "investigations")


class Ongoing(Strict):
    arrivals_per_year: NonNeg | None = P(
        None, "cases/year", "Ongoing (follow-up) cases opened per year (Poisson). Null: "
        "follows the unit as for investigations; after loading it holds the resolved "
        "count.", sv="Pågående ärenden (uppföljning) som inleds per år (Poisson).",
        assumption=(100, 600), le=1e6, decision=True)
    per_post_per_year: NonNeg | None = P(
        5.5, "cases/year per post", "Ongoing cases opened per year per budgeted post (5.5 "
        "gives the 40-post unit 220 a year).", assumption=(2.5, 15), le=1e4, decision=True,
        sv="Pågående ärenden som inleds per år och budgeterad tjänst.")
    per_1000_children_per_year: NonNeg | None = P(
        None, "cases/year per 1,000 children", "Ongoing cases opened per year per 1,000 "
        "children in the municipality (needs unit.children).",
        assumption="user data (the municipality's own statistics)", le=1e3,
        sv="Pågående ärenden som inleds per år och 1 000 barn i kommunen (kräver "
           "unit.children).")
    growth_per_year: float = P(0.0, "fraction/year", "Yearly growth of the inflow.",
                               assumption=(-0.1, 0.2), ge=-0.5, le=1.0, decision=True,
                               sv="Årlig ökning av inflödet.")
    mean_duration_weeks: PosFloat = P(26, "weeks", "Mean calendar duration of an "
                                      "ongoing case (exponential).",
                                      assumption=(12, 52), le=520, decision=True,
                                      sv="Genomsnittlig kalendertid för ett pågående ärende "
                                         "(exponentialfördelad).")
    complexity: dict[str, OngoingClass] = P(
        None, "table", "Complexity classes with share, weekly hours and complexity flag.",
        assumption="weekly hours +/-50%",
        default_factory=lambda: {
            "simple": OngoingClass(share=0.4, hours_per_week=1.0),
            "standard": OngoingClass(share=0.4, hours_per_week=2.0),
            "complex": OngoingClass(share=0.2, hours_per_week=3.5, complex=True),
        },
        sv="Komplexitetsklasser med andel, timmar per vecka och markering för komplexa ärenden.")

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
                                  assumption="scenario choice",
                                  sv="Perioder då inflödet av båda ärendetyperna mångfaldigas "
                                     "(en kris, ett nytt uppdrag); tider i år av "
                                     "statistikperioden.")


class Assignment(Strict):
    rule: Literal["most_spare", "least_cases", "round_robin"] = P(
        "most_spare", "name", "Caseload assignment rule: the eligible worker with the "
        "most spare hours (default), the fewest open cases, or in turn.",
        assumption="rule is a design choice",
        sv="Regel för ärendefördelning: den behöriga medarbetaren med mest ledig tid "
           "(standard), med minst antal öppna ärenden, eller i tur och ordning.")
    shield_newcomers: bool = P(True, "flag", "Workers in shielded phases are never lead "
                               "handlers of complex cases.",
                               source="Jönköping practice (FoUI 81:2017)",
                               sv="Medarbetare i skyddade faser blir aldrig huvudhandläggare "
                                  "för komplexa ärenden.")
    min_spare_share: float = P(0.5, "share of the case's weekly hours", "A worker is "
                               "eligible for a new case when spare hours are at least "
                               "this share of the case's weekly need.",
                               assumption=(0.0, 1.0), ge=0, le=5, decision=True,
                               sv="En medarbetare kan få ett nytt ärende när den lediga tiden "
                                  "är minst denna andel av ärendets timmar per vecka.")
    relax_after_days: PosFloat = P(28, "days", "A case that nobody can take under "
                                   "min_spare_share waits at most this long; then any "
                                   "present worker with spare hours may take it (the rule "
                                   "relaxes, so no case stays unassignable).",
                                   assumption=(7, 60), le=3650, decision=True,
                                   sv="Ett ärende som ingen kan ta enligt min_spare_share "
                                      "väntar högst så här länge; sedan får vilken närvarande "
                                      "medarbetare med ledig tid som helst ta det.")
    max_utilisation: float = P(1.0, "load / available hours", "Load a worker may be given "
                               "before new cases wait: above 1, cases are pushed onto "
                               "workers (statutory cases assigned regardless).",
                               assumption=(1.0, 1.5), ge=1, le=3, decision=True,
                               sv="Belastning en medarbetare kan få innan nya ärenden får "
                                  "vänta: över 1 läggs ärenden på ändå (lagstadgade ärenden "
                                  "fördelas oavsett).")
