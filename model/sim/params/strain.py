"""Demand, control, support and exhaustion (the strain of each worker)."""

from __future__ import annotations

from pydantic import Field

from .base import NonNeg, P, PosFloat, Share, Strict

# ---------------------------------------------------------------------------
# demand, control, support, exhaustion


class Demand(Strict):
    reference: float = P(0.9, "utilisation", "Demand index (load/available hours plus "
                         "pressure terms) of a typical worker: z = 0 here.",
                         assumption=(0.8, 1.0), gt=0, le=5, decision=True,
                         sv="Kravindex (belastning per tillgänglig timme plus trycktermer) hos "
                            "en typisk medarbetare: z = 0 här.")
    sd: PosFloat = P(0.25, "utilisation", "One standard deviation of the demand index "
                     "between workers.", assumption=(0.15, 0.35), le=5, decision=True,
                     sv="En standardavvikelse av kravindexet mellan medarbetare.")
    complex_weight: NonNeg = P(0.3, "index per share", "Added demand per share of own "
                               "load that is complex, scaled by inexperience (1 - control "
                               "from experience).", assumption=(0, 0.6), le=5,
                               sv="Tillkommande krav per andel av den egna belastningen som är "
                                  "komplex, skalat med oerfarenhet (1 − kontroll från "
                                  "erfarenhet).")
    overdue_weight: NonNeg = P(0.03, "index per case", "Added demand per own overdue "
                               "investigation (deadline pressure).",
                               assumption=(0, 0.1), le=1,
                               sv="Tillkommande krav per egen utredning över tidsgränsen "
                                  "(tidspress).")
    backlog_weight: NonNeg = P(0.0, "index", "Most demand the unit's backlog can add: "
                               "w * r / (1 + r), r = weekly hours of waiting cases over the "
                               "unit's available hours (pressure and ethical stress of "
                               "cases nobody can take, bounded by triage).",
                               assumption=(0, 1.5), le=10,
                               sv="Största krav som enhetens kö kan lägga till: w · r / (1 + "
                                  "r), där r är väntande ärendens timmar per vecka delat med "
                                  "enhetens tillgängliga timmar.")
    cover_share: Share = P(0.5, "share", "Share of an absent colleague's weekly load that "
                           "lands on present colleagues (acute cover).",
                           assumption=(0.2, 0.8),
                           sv="Andel av en frånvarande kollegas veckobelastning som hamnar på "
                              "närvarande kollegor (akut täckning).")
    shift_sd: float = P(0.0, "SD", "Fixed shift of every worker's demand z-score "
                        "(analysis lever).", assumption=(-2, 2), ge=-5, le=5, decision=True,
                        sv="Fast förskjutning av allas z-värde för krav (analysspak).")


class Control(Strict):
    experience_tau_years: PosFloat = P(3.0, "years", "Control from experience rises as "
                                       "1 - exp(-experience/tau).", assumption=(1.5, 5),
                                       le=30,
                                       sv="Kontroll från erfarenhet stiger som 1 − "
                                          "exp(−erfarenhet/tau).")
    reference: float = P(0.6, "index", "Control index of a typical worker (z = 0).",
                         assumption=(0.4, 0.8), ge=0, le=2, decision=True,
                         sv="Kontrollindex hos en typisk medarbetare (z = 0).")
    sd: PosFloat = P(0.3, "index", "One standard deviation of the control index.",
                     assumption=(0.2, 0.4), le=5, decision=True,
                     sv="En standardavvikelse av kontrollindexet.")
    overload_erosion: NonNeg = P(0.8, "index per unit overload", "Control lost per unit "
                                 "of utilisation above 1 ('if the workload is too high, "
                                 "control is lost').", source="FoUI 81:2017 citing Karasek; "
                                 "strength is an assumption (0.4-1.2)", le=10,
                                 sv="Kontroll som går förlorad per enhet beläggning över 1 "
                                    "(”är arbetsbelastningen för hög förloras kontrollen”).",
                                    interval=(0.4, 1.2))
    competence_time_gain: NonNeg = P(0.02, "index per hour/week", "Control gained per "
                                     "weekly hour of competence development.",
                                     assumption=(0, 0.04), le=1,
                                     sv="Kontroll som vinns per veckotimme kompetensutveckling.")
    shift_sd: float = P(0.0, "SD", "Fixed shift of every worker's control z-score "
                        "(analysis lever).", assumption=(-2, 2), ge=-5, le=5, decision=True,
                        sv="Fast förskjutning av allas z-värde för kontroll (analysspak).")


class ManagerSupport(Strict):
    reference_span: PosFloat = P(15, "staff per manager", "Span of control with z = 0.",
                                 assumption=(10, 20), le=1000, decision=True,
                                 sv="Ledningsspann (medarbetare per chef) där z = 0.")
    span_per_sd: PosFloat = P(7.5, "staff per manager", "Extra staff per manager that "
                              "lower manager support by one SD.", assumption=(5, 12),
                              le=1000, decision=True,
                              sv="Fler medarbetare per chef som sänker chefsstödet med en "
                                 "standardavvikelse.")
    shift_sd: float = P(0.0, "SD", "Fixed shift of manager support z-score (analysis "
                        "lever).", assumption=(-2, 2), ge=-5, le=5, decision=True,
                        sv="Fast förskjutning av z-värdet för chefsstöd (analysspak).")
    newcomer_gap_sd: NonNeg = P(1.2, "SD", "Manager support a newcomer to the unit lacks "
                                "at hire (guidance, role clarity) when the introduction is "
                                "informal; falls linearly to 0 over newcomer_gap_years. A "
                                "structured introduction meets part of it. Uppsala's exit "
                                "interviews name poor introduction and poor support as the "
                                "main reasons to leave.", assumption=(0.5, 2.5), le=5,
                                sv="Chefsstöd som en nyanställd saknar vid anställningen "
                                   "(vägledning, tydlig roll) när introduktionen är informell; "
                                   "minskar linjärt till 0 under newcomer_gap_years.")
    newcomer_gap_years: PosFloat = P(2, "years", "Years of tenure over which a newcomer's "
                                     "unmet need for support closes (the induction).",
                                     source="induction up to 2 years: Lindquist 2012, "
                                            "Jönköping (DOMAIN.md)", le=10,
                                     sv="År av anställningstid under vilka den nyanställdas "
                                        "ouppfyllda stödbehov försvinner (introduktionen).")


class ColleagueSupport(Strict):
    experienced_years: float = P(5, "years", "Total experience that makes a colleague "
                                 "'experienced'.", source="Lindquist 2012 (DOMAIN.md)",
                                 ge=0, le=40,
                                 sv="Total erfarenhet som gör en kollega ”erfaren”.")
    reference_share: Share = P(0.4, "share", "Share of experienced colleagues with "
                               "z = 0.", assumption=(0.3, 0.5), decision=True,
                               sv="Andel erfarna kollegor där z = 0.")
    share_per_sd: PosFloat = P(0.2, "share", "Change in that share worth one SD.",
                               assumption=(0.1, 0.3), le=1, decision=True,
                               sv="Förändring i den andelen som motsvarar en standardavvikelse.")
    reference_stability: Share = P(0.78, "share", "Team stability (1 - exits in the last "
                                   "52 weeks per head) with z = 0 (22% exits).",
                                   source="SCB/SSR, Uppsala (DOMAIN.md)",
                                   sv="Gruppens stabilitet (1 − avgångar de senaste 52 veckorna "
                                      "per person) där z = 0 (22 % avgångar).")
    stability_per_sd: PosFloat = P(0.15, "share", "Change in stability worth one SD.",
                                   assumption=(0.1, 0.25), le=1,
                                   sv="Förändring i stabiliteten som motsvarar en "
                                      "standardavvikelse.")
    mentor_sd: NonNeg = P(1.0, "SD", "Support lost by a worker in a mentored phase "
                          "whose mentor time is not covered.", assumption=(0.5, 1.5), le=5,
                          sv="Stöd som en medarbetare i en fas med mentor förlorar när "
                             "mentorstiden inte täcks.")
    shift_sd: float = P(0.0, "SD", "Fixed shift of colleague support z-score "
                        "(analysis lever).", assumption=(-2, 2), ge=-5, le=5, decision=True,
                        sv="Fast förskjutning av z-värdet för kollegialt stöd (analysspak).")


class Strain(Strict):
    demand_weight: NonNeg = P(0.5, "per SD", "Weight of demand in the strain index.",
                              assumption=(0.3, 1.0), le=10,
                              sv="Kravens vikt i påfrestningsindexet.")
    control_weight: NonNeg = P(1.0, "per SD", "Weight of (low) control in the strain "
                               "index; larger than demand's (low control harms more than "
                               "high demands).", source="Karasek, cited in FoUI 81:2017; "
                               "magnitude assumption (0.6-1.5)", le=10, interval=(0.6, 1.5),
                               sv="Vikten av (låg) kontroll i påfrestningsindexet; större än "
                                  "kravens (låg kontroll skadar mer än höga krav).")
    manager_weight: NonNeg = P(0.4, "per SD", "Buffering by manager support.",
                               source="FoUI 81:2017: manager support matters more than "
                                      "colleague support; magnitude assumption (0.2-0.6)",
                               le=10, interval=(0.2, 0.6),
                               sv="Buffring genom chefsstöd.")
    colleague_weight: NonNeg = P(0.2, "per SD", "Buffering by colleague support.",
                                 assumption=(0.1, 0.3), le=10,
                                 sv="Buffring genom kollegialt stöd.")
    threshold: float = P(0.5, "strain units", "Strain above which exhaustion builds up.",
                         assumption=(0, 1), ge=-10, le=10,
                         sv="Påfrestning över vilken utmattning byggs upp.")
    exhaustion_gain_per_week: NonNeg = P(0.05, "units per strain unit per week",
                                         "Exhaustion added per week per unit of strain "
                                         "above the threshold.", assumption=(0.02, 0.1),
                                         le=10,
                                         sv="Utmattning som tillkommer per vecka och enhet "
                                            "påfrestning över tröskeln.")
    recovery_per_week: Share = P(0.04, "fraction/week", "Share of exhaustion recovered "
                                 "each week (half-life ~17 weeks).",
                                 assumption=(0.02, 0.08),
                                 sv="Andel av utmattningen som återhämtas varje vecka "
                                    "(halveringstid ungefär 17 veckor).")
    recovery_per_hour: NonNeg = P(0.004, "fraction/week per hour/week", "Extra recovery "
                                  "per weekly hour of paid recovery time.",
                                  assumption=(0, 0.01), le=1,
                                  sv="Extra återhämtning per veckotimme betald "
                                     "återhämtningstid.")


    scale_bound_sd: PosFloat = P(
        3.0, "SD", "Farthest demand, control, manager support and colleague support can lie "
        "from the reference, in SD either way: the questionnaires that measure them have "
        "ends (the Swedish Demand-Control Questionnaire scores each item 1-4), and the "
        "hazard ratios per SD were estimated within them, so the model does not extrapolate "
        "beyond.", assumption=(2.5, 4.0), le=20,
        sv="Längsta avstånd från referensen, i SD åt båda hållen, som krav, kontroll, "
           "chefsstöd och kollegialt stöd kan nå: enkäterna som mäter dem har ändpunkter.")
    exhaustion_max: PosFloat = P(
        3.0, "units", "Highest exhaustion a worker can reach (burnout inventories end too; "
        "about ten times the baseline unit's mean, beyond which the hazard ratio per unit "
        "is not observed).", assumption=(2.0, 4.0), le=100,
        sv="Högsta utmattning en medarbetare kan nå (utmattningsskalor har också ett tak).")


class DCS(Strict):
    demand: Demand = Field(default_factory=Demand)
    control: Control = Field(default_factory=Control)
    manager_support: ManagerSupport = Field(default_factory=ManagerSupport)
    colleague_support: ColleagueSupport = Field(default_factory=ColleagueSupport)
    strain: Strain = Field(default_factory=Strain)
