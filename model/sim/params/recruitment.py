"""The labour market, recruitment and consultants."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import (
    Constant,
    Distribution,
    Lognormal,
    NonNeg,
    Normal,
    P,
    PosFloat,
    Share,
    Strict,
    Uniform,
)

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
        le=3,
        sv="Sökande per tjänst multipliceras med detta för varje 1 000 kr/månad som enheten "
           "betalar över sin egen lönenivå.")
    reference_turnover: Share = P(
        0.19, "exits/post/year", "Exits in the last 52 weeks per budgeted post at which "
        "the unit's reputation neither adds nor removes applicants: today's unit, whose "
        "~0.20 exits per head (0.19 per post) meet the national calibration target.",
        source="SCB/SSR, Uppsala ~22% a year, target 0.22 +/- 0.04 (DOMAIN.md; "
        "docs/VALIDATION.md)",
        sv="Avgångar de senaste 52 veckorna per budgeterad tjänst där enhetens rykte varken ger "
           "eller tar sökande.")
    applicants_per_10pp_turnover: PosFloat = P(
        0.85, "ratio per 10 pp", "Applicants per post multiply by this for every 10 "
        "percentage points of exits in the last 52 weeks above the reference (reputation; "
        "Umeå 2014: recruitment problems after many left).", assumption=(0.7, 1.0), le=1,
        sv="Sökande per tjänst multipliceras med detta för varje 10 procentenheter avgångar de "
           "senaste 52 veckorna över referensen (rykte).")
    time_to_hire_elasticity: NonNeg = P(
        0.25, "elasticity", "Time to hire scales with attractiveness^-elasticity (more "
        "applicants: a suitable one is found sooner).", assumption=(0.0, 0.5), le=2,
        sv="Tiden till anställning skalas med attraktivitet upphöjt till −elasticiteten (fler "
           "sökande: en lämplig hittas tidigare).")
    returner_apply_per_round: Share = P(
        0.005, "probability per former employee and round", "Chance that one former "
        "employee (left by resignation or outside pull within the window) applies to an "
        "advertised round at the reference attractiveness; scales with attractiveness. "
        "A returner is preferred and starts introduced (Krokom: former staff came back).",
        assumption=(0.0, 0.01),
        sv="Chans att en tidigare medarbetare (som slutade själv eller drogs bort inom "
           "fönstret) söker en annonserad omgång vid referensattraktiviteten.")
    returner_window_years: NonNeg = P(
        3, "years", "Former employees who left this long ago or less may return.",
        assumption=(1, 5), le=40,
        sv="Tidigare medarbetare som slutade för högst så här länge sedan kan komma tillbaka.")


class Recruitment(Strict):
    vacancy_opens_at: Literal["resignation", "exit"] = P(
        "resignation", "name", "When recruitment starts for a leaver's post.",
        assumption="Swedish practice varies",
        sv="När rekryteringen till en avgångens tjänst börjar.")
    time_to_hire_days: Distribution = P(
        None, "days", "Advertisement to first working day of the hire (includes their "
        "own notice).", assumption=(60, 150),
        default_factory=lambda: Lognormal(dist="lognormal", mean=90, sd=30),
        sv="Tid från annons till den nyanställdas första arbetsdag (inklusive dennes "
           "uppsägningstid).")
    failure_probability: float = P(0.2, "probability", "Chance a recruitment round finds "
                                   "nobody and is re-advertised, for a unit as attractive "
                                   "to applicants as today's (the market block scales it).",
                                   assumption=(0.05, 0.4), ge=0, le=0.95,
                                   sv="Risk att en rekryteringsomgång inte hittar någon och "
                                      "annonseras om, för en enhet som är lika attraktiv "
                                      "för sökande som i dag.")
    new_graduate_share: Share = P(0.5, "share", "Share of hires who are new graduates "
                                  "(no prior experience) at the reference "
                                  "attractiveness.", source="SSR: ~7,000 new hires "
                                  "in two years, > 40% of the workforce (DOMAIN.md); "
                                  "share itself assumption (0.3-0.7)", interval=(0.3, 0.7),
                                  sv="Andel nyanställda som är nyexaminerade (ingen tidigare "
                                     "erfarenhet) vid referensattraktiviteten.")
    experienced_prior_years: Distribution = P(
        None, "years", "Prior experience of experienced hires.", assumption=(1, 15),
        default_factory=lambda: Uniform(dist="uniform", low=1, high=10),
        sv="Tidigare erfarenhet hos erfarna nyanställda.")
    graduate_age: Distribution = P(
        None, "years", "Age of a new graduate at hire.", assumption=(24, 35),
        default_factory=lambda: Normal(dist="normal", mean=28, sd=4, low=22, high=50),
        decision=True,
        sv="Ålder hos en nyexaminerad vid anställningen.")
    fte: Distribution = P(
        None, "FTE", "Employment level of a hire.", assumption=(0.75, 1.0),
        default_factory=lambda: Constant(dist="constant", value=1.0), decision=True,
        sv="Sysselsättningsgrad för en nyanställd.")
    cost_per_round_sek: NonNeg = P(60_000, "SEK", "Cost of one recruitment round "
                                   "(preparation, advertisements, interviews, "
                                   "deliberations).", source="part of Johrén's replacement "
                                   "cost 340-543k (Vision 2015; 2015 SEK, about 442-706k "
                                   "in 2023 SEK); split is an assumption (30-100k)", le=1e8,
                                   sv="Kostnad för en rekryteringsomgång (förberedelser, "
                                      "annonser, intervjuer, överväganden).")
    market: Market = Field(default_factory=lambda: Market())


class Consultants(Strict):
    enabled: bool = P(True, "flag", "Agency social workers may cover vacant posts.",
                      source="Södertälje, Stockholm practice (DOMAIN.md)",
                      sv="Konsulter från bemanningsföretag får täcka vakanta tjänster.")
    max_share_of_posts: Share = P(0.1, "share of posts", "Most consultants at once, as a "
                                  "share of posts.", assumption=(0, 0.25), decision=True,
                                  sv="Högsta antal konsulter samtidigt, som andel av "
                                     "tjänsterna.")
    start_delay_days: NonNeg = P(30, "days", "A post vacant this long gets a consultant "
                                 "if the cap allows.", assumption=(7, 90), le=3650,
                                 sv="En tjänst som varit vakant så här länge får en konsult om "
                                    "taket tillåter.")
    cost_sek_per_month: NonNeg = P(127_000, "SEK/month", "Cost of one full-time "
                                   "consultant.", source="Härjedalen 2018; Hultsfred 2024 "
                                   "~130,000; typically 2-3x an employee's ~51,000 with "
                                   "on-costs, the range (DOMAIN.md)", le=1e8,
                                   interval=(102_000, 153_000),
                                   sv="Kostnad för en konsult på heltid.")
    experience_years: NonNeg = P(10.0, "years", "Experience of a consultant: agencies "
                                 "place experienced social workers (sets their control "
                                 "from experience).", assumption=(3, 20), le=50, decision=True,
                                 sv="En konsults erfarenhet: bemanningsföretag placerar erfarna "
                                    "socialsekreterare (ger deras kontroll från erfarenhet).")
    age_years: NonNeg = P(45.0, "years", "Age of a consultant (consultants do not retire "
                          "within the model; kept for the event log).",
                          assumption=(30, 60), le=80, decision=True,
                          sv="En konsults ålder (konsulter går inte i pension i modellen; "
                             "behålls för händelseloggen).")
    productivity: Share = P(1.0, "share", "Consultant's client hours as a share of an "
                            "experienced employee's (below 1: time to learn local routines "
                            "and systems, no continuity).", assumption=(0.7, 1.0),
                            sv="En konsults klienttimmar som andel av en erfaren anställds "
                               "(under 1: tid att lära sig lokala rutiner och system, ingen "
                               "kontinuitet).")
