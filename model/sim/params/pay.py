"""Pay (salary steps) and the economics of the cost ledger."""

from __future__ import annotations

from pydantic import Field, field_validator

from .base import NonNeg, P, Share, Strict

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
                                 SalaryStep(from_years=5, sek_per_month=41_000)),
        sv="Egen månadslön efter total erfarenhet (i genomsnitt omkring 38 800 kr).")
    market_by_experience: tuple[SalaryStep, ...] = P(
        None, "SEK/month", "What neighbouring employers pay by experience; experienced "
        "staff lag the market when there is no ladder.", assumption=(32_000, 46_000),
        default_factory=lambda: (SalaryStep(from_years=0, sek_per_month=35_000),
                                 SalaryStep(from_years=2, sek_per_month=39_000),
                                 SalaryStep(from_years=5, sek_per_month=43_000)),
        sv="Vad grannarbetsgivare betalar efter erfarenhet; erfarna ligger efter marknaden när "
           "det inte finns någon lönetrappa.")
    employer_oncost: float = P(0.445, "share of salary", "Employer on-cost (PO-pålägg).",
                               source="SKR ~44.5% 2023 (DOMAIN.md, 40-46%)", ge=0, le=2,
                               sv="Arbetsgivaravgifter och avtalsförsäkringar (PO-pålägg).")
    paid_time_value_share: Share = P(
        0.5, "share of the hour's pay", "What one paid hour a week off client work "
        "(competence development, recovery: 6+2, shorter days, reflection days) is worth "
        "to a worker, as a share of its pay, when comparing employers (outside pull and "
        "applicants).", assumption=(0.2, 1.0),
        sv="Vad en betald timme i veckan utan klientarbete (kompetensutveckling, återhämtning: "
           "6+2, kortare dagar, reflektionsdagar) är värd för en medarbetare, som andel av "
           "timmens lön.")

    @field_validator("salary_by_experience", "market_by_experience")
    @classmethod
    def _steps(cls, v, info):
        return _check_steps(v, info.field_name)


class Economics(Strict):
    """The economic (personnel-economics) view: the value of work lost, on top of the
    cash the budget view books."""

    value_of_work_factor: float = P(
        1.0, "SEK per SEK of labour cost", "Value of work not done (capacity short of the "
        "budgeted posts; client time a measure takes away and does not recover; a "
        "newcomer's shortfall; mentors', colleagues' and managers' time; absent days) per "
        "SEK of that time's labour cost (salary with on-costs). 1.0 values work at its "
        "labour cost, the floor the personnel-economics literature sets; 1.25 and 1.5 are "
        "shown as a sensitivity in docs/VALIDATION.md.",
        source="DOMAIN.md: work lost valued at least at its labour cost (Johrén; Vision "
        "2015); not tuned to the literature's replacement cost (range 1.0-1.5)",
        ge=0, le=5,
        sv="Värdet av arbete som inte blir gjort, i kronor per krona arbetskostnad (kapacitet "
           "under behovet; klienttid som en åtgärd tar och inte tar igen; en nyanställds "
           "bortfall; mentorers och kollegors tid).")
    manager_salary_sek_per_month: NonNeg = P(
        52_000, "SEK/month", "Monthly salary of the unit manager whose time introduction "
        "takes.", assumption=(45_000, 60_000), le=1e7, decision=True,
        sv="Månadslön för den enhetschef vars tid introduktionen tar.")
    introduction_manager_hours_per_hire: NonNeg = P(
        16, "hours", "Manager's and HR's time on one newcomer's introduction (planning, "
        "courses, follow-up), besides the mentors' hours; Johrén's introduction block.",
        assumption=(8, 40), le=2000,
        sv="Chefens och HR:s tid för en nyanställds introduktion (planering, kurser, "
           "uppföljning), utöver mentorernas timmar; Johréns introduktionsblock.")
    notice_output_loss: Share = P(
        0.25, "share of output", "Share of a leaver's work not done during the notice "
        "period (winding down, hand-over work); Johrén's vacancy-and-exit block.",
        assumption=(0.1, 0.5),
        sv="Andel av en avgångens arbete som inte blir gjort under uppsägningstiden "
           "(nedtrappning, överlämning); Johréns block för vakans och avgång.")
    colleague_time_per_shortfall: NonNeg = P(
        0.25, "hours per hour", "Colleagues' informal time helping a newcomer (questions, "
        "joint visits), besides the mentors' hours, per hour of the newcomer's shortfall; "
        "Johrén's training-in block.", assumption=(0.0, 0.5), le=5,
        sv="Kollegors informella tid för att hjälpa en nyanställd (frågor, gemensamma besök), "
           "utöver mentorernas timmar, per timme av den nyanställdas bortfall; Johréns "
           "inlärningsblock.")
    overdue_investigation_sek: NonNeg = P(
        0, "SEK", "Price put on one investigation over the legal limit (socialtjänstlagen "
        "2025:400, 20 kap. 3 §) in the economic view; 0 leaves the service unpriced (it "
        "is reported on its own).",
        assumption=(0, 50_000), le=1e7, decision=True,
        sv="Pris på en utredning över lagens tidsgräns (socialtjänstlagen 2025:400, 20 kap. "
           "3 §) i den "
           "samhällsekonomiska bilden; 0 lämnar servicen oprissatt (den redovisas för sig).")
    handover_sek: NonNeg = P(
        0, "SEK", "Price put on one case hand-over (a continuity break for a child or "
        "family) in the economic view; 0 leaves it unpriced.", assumption=(0, 10_000),
        le=1e7, decision=True,
        sv="Pris på en överlämning av ett ärende (ett kontinuitetsbrott för ett barn eller en "
           "familj) i den samhällsekonomiska bilden; 0 lämnar den oprissatt.")

    @property
    def service_priced(self) -> bool:
        return bool(self.overdue_investigation_sek or self.handover_sek)
