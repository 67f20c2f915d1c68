"""Swedish and English texts and number formats for the dashboard and the brief."""

from __future__ import annotations

import math

from ..catalogue import metric
from ..catalogue.sentences import sentences

LANGS = ("sv", "en")

T = {
    "title": {"sv": "Personalomsättning i socialtjänsten: jämförelse av åtgärder",
              "en": "Social-services workforce stability: policy comparison"},
    "title_run": {"sv": "Personalomsättning i socialtjänsten: simuleringsresultat",
                  "en": "Social-services workforce stability: simulation results"},
    "title_sweep": {"sv": "Parametersvep: vad driver resultatet?",
                    "en": "Parameter sweep: what drives the result?"},
    "intro": {"sv": "Simulerade resultat med 95 % konfidensintervall över replikeringar. "
                    "Håll muspekaren över ett värde för en förklaring.",
              "en": "Simulated results with 95% confidence intervals over replications. "
                    "Hover over a value for an explanation."},
    "scenarios": {"sv": "Scenarier", "en": "Scenarios"},
    "all": {"sv": "Alla", "en": "All"},
    "none": {"sv": "Inga", "en": "None"},
    "kpis": {"sv": "Nyckeltal per scenario", "en": "Key figures per scenario"},
    "provenance": {"sv": "Ursprung", "en": "Provenance"},
    "seed": {"sv": "Slumpfrö", "en": "Seed"},
    "replications": {"sv": "Replikeringar", "en": "Replications"},
    "years": {"sv": "År", "en": "Years"},
    "warmup": {"sv": "Insvängningsår", "en": "Warm-up years"},
    "version": {"sv": "Version", "en": "Version"},
    "commit": {"sv": "Git-commit", "en": "Git commit"},
    "date": {"sv": "Datum", "en": "Date"},
    "file": {"sv": "Fil", "en": "File"},
    "year": {"sv": "År", "en": "Year"},
    "week_year": {"sv": "År i perioden", "en": "Year of the period"},
    "ci": {"sv": "95 %-intervall", "en": "95% interval"},
    "interval_band": {"sv": "95 %-intervall", "en": "95% interval"},
    "kiruna": {"sv": "Kiruna 2017", "en": "Kiruna 2017"},
    "base": {"sv": "jämförelsebas", "en": "base"},
    "na": {"sv": "–", "en": "n/a"},
    # charts
    "fig_turnover": metric("turnover_rate").label,
    "fig_headcount": {"sv": "Antal anställda", "en": "Headcount"},
    "fig_experience": {"sv": "Erfarenhetsmix (år på enheten) med Kirunas fördelning 2017",
                       "en": "Experience mix (years in the unit) with Kiruna's 2017 distribution"},
    "fig_caseload": {"sv": "Ärenden per handläggare, kö och utredningar över tidsgränsen",
                     "en": "Cases per worker, queue and overdue investigations"},
    "fig_costs": {"sv": "Kostnader per kategori och år (Mkr)",
                  "en": "Costs by category and year (million SEK)"},
    "fig_net": {"sv": "Nettokostnad jämfört med basen per år (tkr)",
                "en": "Net cost against the base per year (thousand SEK)"},
    "fig_cost_turnover": {"sv": "Kostnad mot personalomsättning",
                          "en": "Cost versus turnover"},
    "fig_exits": {"sv": "Avgångar per år efter anställningstid och orsak",
                  "en": "Exits per year by tenure and reason"},
    "fig_splom": {"sv": "Faktorer mot utfall", "en": "Factors against outcomes"},
    "fig_pareto": {"sv": "Kostnad mot omsättning: Pareto-front",
                   "en": "Cost versus turnover: Pareto front"},
    "fig_heatmap": {"sv": "Två faktorer: utfall i rutnätet",
                    "en": "Two factors: outcome on the grid"},
    "fig_sensitivity": {"sv": "Känslighetsindex", "en": "Sensitivity indices"},
    "turnover_axis": {"sv": "Avgångar per anställd och år", "en": "Exits per head and year"},
    "headcount_axis": {"sv": "Anställda", "en": "Employees"},
    "share_axis": {"sv": "Andel av personalen", "en": "Share of staff"},
    "cost_axis": {"sv": "Kostnad per år (tkr)", "en": "Cost per year (thousand SEK)"},
    "cost_axis_m": {"sv": "Kostnad per år (Mkr)", "en": "Cost per year (million SEK)"},
    "exits_axis": {"sv": "Avgångar per år", "en": "Exits per year"},
    "pareto_front": {"sv": "Pareto-front", "en": "Pareto front"},
    "points": {"sv": "Punkter", "en": "Points"},
    "lt2": {"sv": "< 2 år", "en": "< 2 years"},
    "2to5": {"sv": "2–5 år", "en": "2-5 years"},
    "5plus": {"sv": "5+ år", "en": "5+ years"},
    "caseload": {"sv": "Ärenden per handläggare", "en": "Cases per worker"},
    "queue": {"sv": "Väntande ärenden", "en": "Waiting cases"},
    "overdue": {"sv": "Utredningar över 4 månader", "en": "Investigations over 4 months"},
    # the two cost views
    "view_budget": {"sv": "Budget (kassaflöde)", "en": "Budget (cash flow)"},
    "view_economic": {"sv": "Personalekonomisk", "en": "Economic (personnel economics)"},
    "view_budget_expl": {"sv": "Det kommunen betalar ut: löner, sjuklön, rekrytering, "
                               "konsulter och åtgärdernas egna kostnader.",
                         "en": "The cash the municipality pays: salaries, sick pay, "
                               "recruitment, consultants and the measures' own costs."},
    "service_unpriced": {"sv": "Verksamhetens kvalitet (utredningar över tidsgränsen, väntande "
                               "ärenden, byten av handläggare) redovisas för sig och är inte "
                               "prissatt i någon av kalkylerna.",
                         "en": "The service (investigations over the legal limit, waiting "
                               "cases, caseworker handovers) is reported on its own and is "
                               "not priced in either view."},
    "service_priced": {"sv": "Verksamhetens kvalitet är prissatt i den personalekonomiska "
                             "kalkylen (ett antagande): {overdue} per utredning över "
                             "tidsgränsen och {handover} per byte av handläggare.",
                       "en": "The service is priced in the economic view (an assumption): "
                             "{overdue} per investigation over the legal limit and {handover} "
                             "per caseworker handover."},
    "view_economic_expl": {"sv": "Budget plus värdet av arbete som går förlorat (vakanser, "
                                 "uppsägningstid, inskolning, kollegors och chefens tid, "
                                 "sjukfrånvaro). Det förlorade arbetet betalas inte ut "
                                 "men blir ogjort.",
                           "en": "The budget plus the value of work lost (vacancies, notice, "
                                 "ramp-up, colleagues' and the manager's time, sick leave). "
                                 "The lost work is not paid out, but it is not done."},
    "economic_additions": {"sv": "Personalekonomisk: tillägg för förlorat arbete",
                           "en": "Economic (personnel economics): added value of work lost"},
    "costs_note": {"sv": "Fyllda staplar = Budget (kassaflöde). Randiga staplar ovanpå = det "
                         "förlorade arbete som den personalekonomiska kalkylen lägger till. Hela "
                         "stapeln = Personalekonomisk kostnad.",
                   "en": "Solid bars = Budget (cash flow). Hatched bars on top = the work lost "
                         "that the economic view adds. The whole bar = Economic (personnel "
                         "economics) cost."},
    # ranking and service warnings
    "ranking_h": {"sv": "Alternativen rangordnade", "en": "The options ranked"},
    "ranking_rule": {"sv": "Ordning: alternativ utan varning för verksamheten först; bland "
                           "dem först de som minskar antalet avgångar, och inom varje grupp "
                           "efter personalekonomisk nettokostnad per år (lägst först). "
                           "Jämfört med basen: {base}. Rangordningen följer bara denna regel "
                           "och innehåller ingen rekommendation.",
                     "en": "Order: {rule}. Compared with the base: {base}. The order follows "
                           "this rule only and makes no recommendation."},
    "ranking_none": {"sv": "Ingen rangordning: resultatet innehåller bara ett scenario.",
                     "en": "No ranking: these results hold a single scenario."},
    "col_rank": {"sv": "Plats", "en": "Rank"},
    "col_option": {"sv": "Alternativ", "en": "Option"},
    "col_turnover_change": {"sv": "Personalomsättning, förändring (procentenheter)",
                            "en": "Turnover change (percentage points)"},
    "col_avoided": {"sv": "Undvikna avgångar per år", "en": "Exits avoided per year"},
    "col_net_budget": {"sv": "Nettokostnad per år: Budget (kassaflöde)",
                       "en": "Net cost per year: Budget (cash flow)"},
    "col_net_economic": {"sv": "Nettokostnad per år: Personalekonomisk",
                         "en": "Net cost per year: Economic (personnel economics)"},
    "col_p_saves": {"sv": "Sannolikhet att spara pengar (personalekonomisk)",
                    "en": "Probability of saving money (economic)"},
    "col_per_exit": {"sv": "Kostnad per undviken avgång (personalekonomisk)",
                     "en": "Cost per avoided exit (economic)"},
    "col_payback": {"sv": "Återbetalning (personalekonomisk)",
                    "en": "Payback (economic)"},
    "col_payback_budget": {"sv": "Återbetalning: Budget (kassaflöde)",
                           "en": "Payback: Budget (cash flow)"},
    "col_service": {"sv": "Verksamheten", "en": "Service"},
    "negative_cheaper": {"sv": "Negativ nettokostnad = billigare än basen. – = inte definierat "
                               "(åtgärden har ingen egen kostnad eller undviker inte säkert "
                               "några avgångar).",
                         "en": "Negative net cost = cheaper than the base. n/a = not defined "
                               "(the measure has no cash cost or does not avoid exits with "
                               "confidence)."},
    "service_ok": {"sv": "ingen varning", "en": "no warning"},
    "warning_prefix": {"sv": "VARNING FÖR VERKSAMHETEN", "en": "SERVICE WARNING"},
    "warning_suffix": {"sv": "en besparing här är ingen rekommendation",
                       "en": "a saving here is not a recommendation"},
    "flag_queue_growing": {"sv": "väntande ärenden fortsätter att öka",
                           "en": "waiting cases keep growing"},
    "flag_overdue_growing": {"sv": "öppna utredningar över tidsgränsen fortsätter att öka",
                             "en": "open overdue investigations keep growing"},
    "flag_overdue_share_up": {"sv": "fler utredningar över lagens tidsgräns",
                              "en": "more investigations over the legal limit"},
    "flag_turnover_up": {"sv": "personalomsättningen ökar", "en": "turnover rises"},
    "payback_none": {"sv": "ingen egen kostnad", "en": "no cash cost"},
    "payback_never": {"sv": "inte inom perioden", "en": "not within the period"},
    "payback_first": {"sv": "från år 1", "en": "from year 1"},
    "payback_year": {"sv": "år {n}", "en": "year {n}"},
    # cost categories (budget view)
    "cat_salaries": {"sv": "Löner", "en": "Salaries"},
    "cat_sick_leave": {"sv": "Sjuklön", "en": "Sick pay"},
    "cat_rehabilitation": {"sv": "Rehabilitering", "en": "Rehabilitation"},
    "cat_mentoring": {"sv": "Mentorstid (lön)", "en": "Mentor time (pay)"},
    "cat_rampup_lost_output": {"sv": "Inskolning (lön för tid som ännu inte ger klientarbete)",
                               "en": "Ramp-up (pay for time not yet usable for casework)"},
    "cat_recruitment": {"sv": "Rekrytering", "en": "Recruitment"},
    "cat_consultants": {"sv": "Konsulter", "en": "Consultants"},
    "cat_policy_overstaffing": {"sv": "Tjänster utöver budget", "en": "Posts above budget"},
    # cost categories (what the economic view adds: the value of work lost)
    "cat_lost_vacancy": {"sv": "Förlorat arbete: vakanta tjänster",
                         "en": "Work lost: vacant posts"},
    "cat_lost_notice": {"sv": "Förlorat arbete: uppsägningstid",
                        "en": "Work lost: notice period"},
    "cat_lost_rampup": {"sv": "Förlorat arbete: nyanställdas inskolning",
                        "en": "Work lost: newcomers' ramp-up"},
    "cat_lost_colleague_time": {"sv": "Förlorat arbete: kollegors hjälp till nyanställda",
                                "en": "Work lost: colleagues' help to newcomers"},
    "cat_lost_mentoring": {"sv": "Förlorat arbete: mentorers tid",
                           "en": "Work lost: mentors' time"},
    "cat_lost_sick_leave": {"sv": "Förlorat arbete: sjukfrånvaro",
                            "en": "Work lost: sick leave"},
    "cat_manager_introduction": {"sv": "Chefens tid för introduktion",
                                 "en": "Manager's time on introduction"},
    "cat_service_overdue": {"sv": "Verksamheten: utredningar över tidsgränsen",
                            "en": "Service: overdue investigations"},
    "cat_service_handovers": {"sv": "Verksamheten: byte av handläggare",
                              "en": "Service: caseworker handovers"},
    # Johrén's blocks
    "block": {"sv": "Johréns kostnadsblock", "en": "Johrén's cost block"},
    "block_recruitment": {"sv": "Rekrytering", "en": "Recruitment"},
    "block_introduction": {"sv": "Introduktion", "en": "Introduction"},
    "block_training_in": {"sv": "Upplärning", "en": "Training-in"},
    "block_vacancy_exit": {"sv": "Vakans och avgång", "en": "Vacancy and exit"},
    "block_sick_leave": {"sv": "Sjukfrånvaro", "en": "Sick leave"},
    "block_payroll": {"sv": "Ordinarie lönekostnad", "en": "Ordinary payroll"},
    "block_measures": {"sv": "Åtgärder", "en": "Measures"},
    "block_service": {"sv": "Verksamheten", "en": "Service"},
    # policies (for their cost categories)
    "pol_first_line": {"sv": "första linjen", "en": "first line"},
    "pol_intensive_investigation": {"sv": "intensivutredning",
                                    "en": "intensive investigation"},
    "pol_introduction_programme": {"sv": "introduktionsprogram",
                                   "en": "introduction programme"},
    "pol_salary_ladder": {"sv": "lönetrappa", "en": "salary ladder"},
    "pol_overstaffing": {"sv": "överbemanning", "en": "overstaffing"},
    "pol_specialists": {"sv": "specialister", "en": "specialists"},
    "pol_admin_support": {"sv": "administrativt stöd", "en": "administrative support"},
    "pol_smaller_groups": {"sv": "mindre arbetsgrupper", "en": "smaller groups"},
    "pol_trainees": {"sv": "traineer", "en": "trainees"},
    "pol_recruitment_support": {"sv": "rekryteringsstöd", "en": "recruitment support"},
    "pol_working_time": {"sv": "arbetstid", "en": "working time"},
    "pol_reflection_day": {"sv": "reflektionsdag", "en": "reflection day"},
    # exit reasons
    "reason_resignation": {"sv": "Egen uppsägning", "en": "Resignation"},
    "reason_outside_pull": {"sv": "Lockad av annan arbetsgivare", "en": "Pulled away"},
    "reason_retirement": {"sv": "Pension", "en": "Retirement"},
}

# the dashboard's sentences of the catalogue (selection, cost views, sweep labels)
T.update(sentences("dashboard"))

# KPI cards: key -> (label, explanation, format)
KPI = {
    **{m.name: (m.label, m.help, m.mean_kind())
       for m in map(metric, ("turnover_rate", "exits_first_2y", "vacancy_rate",
                             "consultant_fte", "overdue_share", "share_5y_plus"))},
    "net_cost_budget": ({"sv": "Nettokostnad per år mot basen: Budget (kassaflöde)",
                         "en": "Net cost per year vs base: Budget (cash flow)"},
                        {"sv": "Skillnad i utbetalningar per år mot basscenariot (parvisa "
                               "replikeringar). Negativt = billigare.",
                         "en": "Difference in cash paid per year against the base scenario "
                               "(paired replications). Negative = cheaper."}, "tkr"),
    "net_cost_economic": ({"sv": "Nettokostnad per år mot basen: Personalekonomisk",
                           "en": "Net cost per year vs base: Economic (personnel economics)"},
                          {"sv": "Som budget, plus förändringen i värdet av förlorat arbete "
                                 "(vakanser, inskolning, sjukfrånvaro m.m.). Negativt = "
                                 "billigare.",
                           "en": "The budget difference plus the change in the value of work "
                                 "lost (vacancies, ramp-up, sick leave etc.). Negative = "
                                 "cheaper."}, "tkr"),
    "p_saves_economic": ({"sv": "Sannolikhet att spara pengar (personalekonomisk)",
                          "en": "Probability of saving money (economic)"},
                         {"sv": "Andel replikeringar där den personalekonomiska "
                                "nettokostnaden är negativ.",
                          "en": "Share of replications in which the economic net cost is "
                                "negative."}, "pct"),
    "payback": ({"sv": "Återbetalning (personalekonomisk)", "en": "Payback (economic)"},
                {"sv": "Första år från vilket den samlade personalekonomiska nettokostnaden "
                       "stannar på noll eller lägre. Bara för åtgärder med en egen kostnad.",
                 "en": "First year from which the cumulative economic net cost stays at or "
                       "below zero. Only for measures with a cash cost."}, "payback"),
}
# the cards' cost items (comparisons only)
COST_KPIS = ("net_cost_budget", "net_cost_economic", "p_saves_economic", "payback")


def t(key: str, lang: str) -> str:
    return T[key][lang]


def _policy_name(name: str, lang: str) -> str:
    return T.get(f"pol_{name}", {}).get(lang, name.replace("_", " "))


def category_label(cat: str, lang: str) -> str:
    if f"cat_{cat}" in T:
        return T[f"cat_{cat}"][lang]
    if cat.startswith("policy_"):
        name = _policy_name(cat[len("policy_"):], lang)
        return f"{'Åtgärdens kostnad' if lang == 'sv' else 'Measure cost'}: {name}"
    if cat.startswith("time_"):
        name = _policy_name(cat[len("time_"):], lang)
        return (f"Lön för tid från klientarbetet: {name}" if lang == "sv"
                else f"Pay for time off casework: {name}")
    return cat


def block_label(block: str, lang: str) -> str:
    return T.get(f"block_{block}", {}).get(lang, block)


def view_label(view: str, lang: str) -> str:
    """``budget`` -> Budget (kassaflöde) / Budget (cash flow); ``economic`` ->
    Personalekonomisk / Economic (personnel economics)."""
    return T[f"view_{view}"][lang]


def warning_text(flag: str, lang: str, suffix: bool = False) -> str:
    """A scenario's service warning in words ('' when there is none)."""
    codes = [f for f in str(flag or "").split(";") if f]
    if not codes:
        return ""
    words = "; ".join(T.get(f"flag_{c}", {}).get(lang, c) for c in codes)
    text = f"{T['warning_prefix'][lang]}: {words}"
    return f"{text} ({T['warning_suffix'][lang]})" if suffix else text


def payback_text(value, lang: str) -> str:
    """A payback year in words; NaN means the measure has no cash cost."""
    if value is None or not isinstance(value, (int, float)) or math.isnan(value):
        return T["payback_none"][lang]
    if math.isinf(value):
        return T["payback_never"][lang]
    if value <= 1:
        return T["payback_first"][lang]
    return T["payback_year"][lang].format(n=int(value))


# The English rule the Swedish "ranking_rule" text translates; a test fails when
# model.experiment.costbenefit.RANKING_RULE changes without the translation being reviewed.
RANKING_RULE_TRANSLATED = ("options without a service warning first; among them those that "
                           "avoid exits first; within each group by net economic cost per "
                           "year (lowest first)")


def ranking_rule(lang: str, base: str) -> str:
    from ...experiment.costbenefit import RANKING_RULE
    return T["ranking_rule"][lang].format(rule=RANKING_RULE, base=base)


def reason_label(reason: str, lang: str) -> str:
    return T.get(f"reason_{reason}", {}).get(lang, reason)


def fmt(value, kind: str, lang: str) -> str:
    """A number in the language's format: Swedish 1 234 567 kr and 12,5 %; English
    SEK 1,234,567 and 12.5%."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return T["na"][lang]
    if kind == "tkr":                                   # thousand SEK: 1 583 tkr / SEK 1,583k
        s = fmt(value / 1000.0, "sek", lang)
        return s.replace("\u00a0kr", "\u00a0tkr") if lang == "sv" else s + "k"
    # a value that rounds to zero is shown as 0, never -0 (e.g. an interval bound -0.0004)
    digits = 1 if kind in ("pct", "pp", "num1") or (kind != "sek" and abs(value) < 100) else 0
    if round(100 * value if kind in ("pct", "pp") else value, digits) == 0:
        value = 0.0
    if kind == "pp":
        s = f"{100 * value:+.1f}" if value != 0 else "0.0"
        return s.replace(".", ",") if lang == "sv" else s
    if kind == "pct":
        s = f"{100 * value:.1f}"
        return (s.replace(".", ",") + "\u00a0%") if lang == "sv" else s + "%"
    if kind == "sek":
        s = f"{value:,.0f}"
        return (s.replace(",", "\u00a0") + "\u00a0kr") if lang == "sv" else "SEK " + s
    if kind == "num1":
        s = f"{value:,.1f}"
    else:
        s = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}"
    if lang == "sv":
        s = s.replace(",", "\u00a0").replace(".", ",")
    return s
