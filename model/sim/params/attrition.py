"""Leaving (hazards, tenure bands, intention) and sick leave."""

from __future__ import annotations

from pydantic import Field, field_validator

from .base import NonNeg, P, PosFloat, Share, Strict

# ---------------------------------------------------------------------------
# leaving


class TenureBand(Strict):
    until_years: float | None = Field(default=None, gt=0, le=60,
                                      description="Upper end of the band; null = open.")
    multiplier: NonNeg = Field(le=100, description="Baseline hazard multiplier.")


class HazardRatios(Strict):
    demand: PosFloat = P(1.25, "HR per +1 SD", "Quit hazard ratio per SD of demand.",
                         source="DOMAIN.md defaults; anchored on Söderberg 2014 OR 1.63 "
                                "for job strain (range 1.1-1.4)", le=100, interval=(1.1, 1.4),
                         sv="Riskkvot för avgång per standardavvikelse krav.")
    control: PosFloat = P(0.85, "HR per +1 SD", "Quit hazard ratio per SD of control.",
                          source="DOMAIN.md defaults (range 0.75-0.95)", le=100,
                          interval=(0.75, 0.95),
                          sv="Riskkvot för avgång per standardavvikelse kontroll.")
    manager_support: PosFloat = P(0.80, "HR per +1 SD", "Quit hazard ratio per SD of "
                                  "manager support.", source="Mor Barak 2009; leadership "
                                  "HR 1.57-1.61 (DOMAIN.md, range 0.70-0.90)", le=100,
                                  interval=(0.70, 0.90),
                                  sv="Riskkvot för avgång per standardavvikelse chefsstöd.")
    colleague_support: PosFloat = P(0.90, "HR per +1 SD", "Quit hazard ratio per SD of "
                                    "colleague support.", source="Kim & Kao 2014 "
                                    "(DOMAIN.md, range 0.80-1.0)", le=100, interval=(0.80, 1.0),
                                    sv="Riskkvot för avgång per standardavvikelse kollegialt "
                                       "stöd.")
    exhaustion: PosFloat = P(1.5, "HR per unit", "Quit hazard ratio per unit of "
                             "exhaustion.", sv="Riskkvot för avgång per enhet utmattning.",
                             assumption=(1.2, 2.0), le=100)
    pay_gap_per_1000_sek: PosFloat = P(1.05, "HR per 1,000 SEK/month", "Quit hazard "
                                       "ratio per 1,000 SEK/month the market pays above "
                                       "own salary. No elasticity found in the sources.",
                                       sv="Riskkvot för avgång per 1 000 kr/månad som "
                                       "marknaden betalar över egen lön.",
                                       assumption=(1.0, 1.10), le=100)


class Intention(Strict):
    onset_per_year: NonNeg = P(0.55, "1/year", "Rate at which a typical worker (all "
                               "z = 0) forms an intention to leave; scaled by the same "
                               "exp(linear predictor) as the quit hazard.",
                               sv="Takt per år med vilken en typisk medarbetare börjar "
                               "vilja sluta.", assumption=(0.3, 0.9), le=100)
    drop_per_year: NonNeg = P(1.0, "1/year", "Rate at which an intention is given up.",
                              assumption=(0.5, 2.0), le=100,
                              sv="Takt med vilken en avgångsavsikt överges.")
    quit_hazard_ratio: PosFloat = P(4.85, "HR", "Quit hazard ratio while intending to "
                                    "leave: ln(1-0.4)/ln(1-0.1) from P(leave in 1 y) 0.4 "
                                    "with vs 0.1 without intention.",
                                    source="DOMAIN.md [derived]", le=100,
                                    sv="Riskkvot för avgång medan medarbetaren avser att sluta.")


class Attrition(Strict):
    baseline_hazard_per_year: NonNeg = P(0.080, "1/year", "Quit hazard of a non-intending "
                                         "worker with all z = 0 in tenure band multiplier "
                                         "1; set so the baseline gives ~22% exits a year.",
                                         source="calibrated to SCB/SSR, Uppsala ~22% "
                                                "(DOMAIN.md, range 10-35%)", le=100,
                                         sv="Avgångsrisk för en medarbetare utan avgångsavsikt "
                                            "med alla z = 0 i anställningstidsband med "
                                            "multiplikator 1.")
    tenure_multipliers: tuple[TenureBand, ...] = P(
        None, "table", "Baseline hazard by workplace tenure: year 1 x1.1, year 2 x1.0, "
        "years 3-5 x1.0, > 5 x0.6. Most of the early excess of DOMAIN.md's shape (year 1 "
        "x1.6, year 2 x1.3) comes from the newcomer's unmet support need "
        "(dcs.manager_support.newcomer_gap_sd); the bands keep the rest, so the baseline "
        "keeps ~48% of hires leaving within two years.", assumption=(0.7, 1.3),
        default_factory=lambda: (TenureBand(until_years=1, multiplier=1.1),
                                 TenureBand(until_years=2, multiplier=1.0),
                                 TenureBand(until_years=5, multiplier=1.0),
                                 TenureBand(until_years=None, multiplier=0.6)),
        sv="Grundrisk efter anställningstid på arbetsplatsen: år 1 ×1,1, år 2 ×1,0, år 3–5 "
           "×1,0, över 5 år ×0,6.")
    hazard_ratios: HazardRatios = Field(default_factory=HazardRatios)
    intention: Intention = Field(default_factory=Intention)
    outside_pull_per_year: NonNeg = P(0.03, "1/year", "Additive hazard of being recruited "
                                      "away by neighbouring employers and staffing "
                                      "agencies; scaled by the pay-gap ratio. Near 0 in a "
                                      "remote town (Kiruna).",
                                      sv="Tillägg till risken att rekryteras bort av "
                                      "grannkommuner och bemanningsföretag, per år.",
                                      assumption=(0.0, 0.1), le=10)
    notice_period_weeks: NonNeg = P(4, "weeks", "Notice served after resigning. 4 weeks is "
                                    "LAS's one month, the floor; the municipal agreement "
                                    "AB gives three months after twelve months' "
                                    "employment (Kommunalarbetaren 31 July 2013, citing "
                                    "AB; not checked against AB's current text), and a "
                                    "leaver may be released earlier by agreement.",
                                    assumption=(4, 13), le=52, decision=True,
                                    sv="Uppsägningstid efter en egen uppsägning. 4 veckor "
                                       "är lagens (LAS) en månad, golvet; kommunernas "
                                       "avtal AB ger tre månader efter tolv månaders "
                                       "anställning, och den som slutar kan släppas "
                                       "tidigare efter överenskommelse.")
    retirement_age: float = P(65, "years of age", "Age at which a worker retires.",
                              assumption=(63, 69), gt=18, le=80, decision=True,
                              sv="Ålder då en medarbetare går i pension.")

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
                                      assumption=(1.5, 5), le=100, decision=True,
                                      sv="Korta sjukfall (högst 14 dagar) per medarbetare och "
                                         "år vid referensläget (krav och kontroll z = 0, ingen "
                                         "utmattning).")
    short_mean_days: PosFloat = P(4, "days", "Mean calendar length of a short spell "
                                  "(exponential, at most 14 days).", assumption=(2, 7),
                                  le=14, decision=True,
                                  sv="Genomsnittlig kalenderlängd på ett kort sjukfall "
                                     "(exponentialfördelad, högst 14 dagar).")
    long_spells_per_year: NonNeg = P(0.089, "spells/year", "Spells over 14 days per worker "
                                     "per year at the reference (z = 0, no exhaustion, "
                                     "manager support z = 0); set so the baseline unit has "
                                     "~133 per 1,000 employees a year.",
                                     source="calibrated to Försäkringskassan 2021, 133 per "
                                            "1,000 socialsekreterare (DOMAIN.md)", le=10,
                                     sv="Sjukfall över 14 dagar per medarbetare och år vid "
                                        "referensläget (z = 0, ingen utmattning, chefsstöd z = "
                                        "0).")
    long_mean_days: PosFloat = P(140, "days", "Mean calendar length of a long spell "
                                 "(14 days plus exponential). Calibrated: with the long "
                                 "spells' rate above it gives the baseline unit the ~7% "
                                 "total sick absence of the calibration target (municipal "
                                 "staff 6.9% in 2018; social workers have more long "
                                 "spells); 90 days gave 5.7%.", assumption=(60, 150),
                                 le=730, decision=True,
                                 sv="Genomsnittlig kalenderlängd på ett långt sjukfall (14 "
                                    "dagar plus en exponentialfördelad tid).")
    job_strain_rr: PosFloat = P(1.44, "RR", "Relative rate of sick spells in job strain "
                                "(demand above and control below the median) against "
                                "the rest. The model's rate rises smoothly with demand "
                                "minus control (z-scores), with the slope that gives this "
                                "contrast between the two groups.",
                                source="Amiri & Behnezhad 2020 (DOMAIN.md, 1.16-1.66)",
                                le=100, interval=(1.16, 1.66),
                                sv="Relativ takt för sjukfall vid hög arbetspåfrestning (krav "
                                   "över och kontroll under medianen) jämfört med övriga.")
    exhaustion_rr_long: PosFloat = P(2.0, "RR per unit", "Relative rate of long spells "
                                     "per unit of exhaustion (stress-related diagnoses "
                                     "dominate long spells).", assumption=(1.3, 3.0),
                                     le=100,
                                     sv="Relativ takt för långa sjukfall per enhet utmattning.")
    exhaustion_rr_short: PosFloat = P(1.2, "RR per unit", "Relative rate of short "
                                      "spells per unit of exhaustion.",
                                      assumption=(1.0, 1.6), le=100,
                                      sv="Relativ takt för korta sjukfall per enhet utmattning.")
    low_leadership_rr: PosFloat = P(1.61, "HR", "Long-term sick leave under low "
                                    "leadership quality against the rest; the model's "
                                    "long-spell rate falls smoothly with the worker's "
                                    "manager-support z-score, with the slope that gives "
                                    "this contrast.", source="Danish register studies "
                                    "(DOMAIN.md)", le=100,
                                    sv="Långtidssjukskrivning vid låg ledarskapskvalitet "
                                       "jämfört med övriga.")
    low_leadership_share: float = P(0.25, "share", "Share of workers who count as having "
                                    "'low' leadership quality in that contrast (the lowest "
                                    "quarter).", assumption=(0.2, 0.33), gt=0, lt=1,
                                    sv="Andel medarbetare som räknas ha ”låg” "
                                       "ledarskapskvalitet i den jämförelsen (den lägsta "
                                       "fjärdedelen).")
    reassign_after_days: PosFloat = P(14, "days", "Spells expected to last longer than "
                                      "this hand the worker's cases to colleagues.",
                                      assumption=(7, 30), le=365, decision=True,
                                      sv="Sjukfall som väntas vara längre än så här lämnar "
                                         "medarbetarens ärenden till kollegor.")
    sick_pay_share: Share = P(0.8, "share of salary", "Sick pay the employer pays for "
                              "days 1-14 (sjuklön; the qualifying deduction, karensavdrag, "
                              "is not taken off).", source="Sjuklönelagen (80%)",
                              sv="Sjuklön som arbetsgivaren betalar för dag 1–14, som andel av "
                                 "lönen.")
    employer_pay_days: float = P(14, "days", "Days of a spell paid by the employer; "
                                 "later days are paid by Försäkringskassan. A supplement "
                                 "the collective agreement (AB) may add after day 14 is "
                                 "not counted (assumption: not found in the sources).",
                                 source="Sjuklönelagen", ge=0, le=365,
                                 sv="Dagar av ett sjukfall som arbetsgivaren betalar; senare "
                                    "dagar betalar Försäkringskassan. Ett tillägg som "
                                    "kollektivavtalet (AB) kan ge efter dag 14 räknas inte.")
    rehabilitation_sek_per_long_spell: NonNeg = P(
        8_000, "SEK", "Employer's cash cost of rehabilitation per spell over 14 days "
        "(occupational health service, rehabilitation meetings, adjustments).",
        assumption=(3_000, 30_000), le=1e7,
        sv="Arbetsgivarens kontantkostnad för rehabilitering per sjukfall över 14 dagar "
           "(företagshälsovård, rehabiliteringsmöten, anpassningar).")
