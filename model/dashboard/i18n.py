"""Swedish and English texts and number formats for the dashboard and the brief."""

from __future__ import annotations

import math

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
    "fig_turnover": {"sv": "Personalomsättning per år", "en": "Turnover per year"},
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
    # cost categories
    "cat_salaries": {"sv": "Löner", "en": "Salaries"},
    "cat_sick_leave": {"sv": "Sjuklön", "en": "Sick pay"},
    "cat_mentoring": {"sv": "Mentorstid", "en": "Mentor time"},
    "cat_rampup_lost_output": {"sv": "Inskolning (förlorad produktion)",
                               "en": "Ramp-up (lost output)"},
    "cat_recruitment": {"sv": "Rekrytering", "en": "Recruitment"},
    "cat_consultants": {"sv": "Konsulter", "en": "Consultants"},
    # exit reasons
    "reason_resignation": {"sv": "Egen uppsägning", "en": "Resignation"},
    "reason_outside_pull": {"sv": "Lockad av annan arbetsgivare", "en": "Pulled away"},
    "reason_retirement": {"sv": "Pension", "en": "Retirement"},
}

# KPI cards: key -> (label, explanation, format)
KPI = {
    "turnover_rate": ({"sv": "Personalomsättning per år", "en": "Annual turnover"},
                      {"sv": "Avgångar per genomsnittligt antal anställda och år.",
                       "en": "Exits per average headcount per year."}, "pct"),
    "exits_first_2y": ({"sv": "Avgångar inom 2 år", "en": "Exits in the first two years"},
                       {"sv": "Avgångar under perioden bland dem som varit anställda kortare "
                              "än två år.",
                        "en": "Exits in the period by people employed less than two years."},
                       "num"),
    "vacancy_rate": ({"sv": "Vakanser", "en": "Vacancy rate"},
                     {"sv": "Andel av tjänsterna som står tomma, i genomsnitt över tiden.",
                      "en": "Share of posts empty, averaged over time."}, "pct"),
    "consultant_fte": ({"sv": "Konsulter (årsarbetare)", "en": "Consultants (FTE)"},
                       {"sv": "Genomsnittligt antal inhyrda socialsekreterare.",
                        "en": "Average number of agency social workers."}, "num1"),
    "overdue_share": ({"sv": "Utredningar över tidsgränsen", "en": "Overdue investigations"},
                      {"sv": "Andel utredningar som inte var klara inom lagens fyra månader.",
                       "en": "Share of investigations not finished within the legal four "
                             "months."}, "pct"),
    "share_5y_plus": ({"sv": "Andel med 5+ år", "en": "Staff with 5+ years"},
                      {"sv": "Andel av personalen med minst fem år på enheten.",
                       "en": "Share of staff with at least five years in the unit."}, "pct"),
    "net_cost": ({"sv": "Nettokostnad mot basen per år", "en": "Net cost vs base per year"},
                 {"sv": "Skillnad i total kostnad per år mot basscenariot (parvisa "
                        "replikeringar). Negativt = billigare.",
                  "en": "Difference in total cost per year against the base scenario "
                        "(paired replications). Negative = cheaper."}, "sek"),
}


def t(key: str, lang: str) -> str:
    return T[key][lang]


def category_label(cat: str, lang: str) -> str:
    if f"cat_{cat}" in T:
        return T[f"cat_{cat}"][lang]
    if cat.startswith("policy_"):
        name = cat[len("policy_"):].replace("_", " ")
        return f"{'Åtgärd' if lang == 'sv' else 'Policy'}: {name}"
    if cat.startswith("time_"):
        name = cat[len("time_"):].replace("_", " ")
        return (f"Tid från klientarbete: {name}" if lang == "sv"
                else f"Time off casework: {name}")
    return cat


def reason_label(reason: str, lang: str) -> str:
    return T.get(f"reason_{reason}", {}).get(lang, reason)


def fmt(value, kind: str, lang: str) -> str:
    """A number in the language's format: Swedish 1 234 567 kr and 12,5 %; English
    SEK 1,234,567 and 12.5%."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return T["na"][lang]
    # a value that rounds to zero is shown as 0, never -0 (e.g. an interval bound -0.0004)
    digits = 1 if kind in ("pct", "num1") or (kind != "sek" and abs(value) < 100) else 0
    if round(100 * value if kind == "pct" else value, digits) == 0:
        value = 0.0
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
