"""The words of the scenario's parameters: a parameter's name is the first sentence of
its description in the schema (``model.sim.params``), in English, with its Swedish
beside it (the field's ``sv``); units in Swedish by their English symbol; the short names
that the app's levers and the brief's key assumptions give the most visible parameters
(``SHORT_NAMES``, one per parameter in each language)."""

from __future__ import annotations

import re

from .text import Text

# a unit of the schema (English) -> the same unit in Swedish
UNITS_SV = {
    "FTE posts": "tjänster", "FTE": "årsarbetare", "years": "år", "months": "månader",
    "weeks": "veckor", "days": "dagar", "share": "andel", "SEK": "kr",
    "SEK/month": "kr/månad", "1/year": "per år", "HR per unit": "riskkvot per enhet",
    "HR per 1,000 SEK/month": "riskkvot per 1 000 kr/månad", "HR": "riskkvot",
    "hours/week": "timmar/vecka", "hours/day": "timmar/dag", "days/month": "dagar/månad",
    "days/week": "dagar/vecka",
    "persons": "personer", "cases/year": "ärenden/år", "count": "antal", "factor": "faktor",
    "probability": "sannolikhet", "share of posts": "andel av tjänsterna",
    "share of salary": "andel av lönen", "groups": "grupper",
    "HR per +1 SD": "riskkvot per +1 standardavvikelse", "RR": "relativ risk",
    "RR per unit": "relativ risk per enhet", "SD": "standardavvikelser", "units": "enheter",
    "SEK per SEK of labour cost": "kr per kr arbetskostnad",
    "SEK/month per FTE": "kr/månad per årsarbetare",
    "cases/year per 1,000 children": "ärenden/år per 1 000 barn",
    "cases/year per post": "ärenden/år per tjänst", "children aged 0-17": "barn 0–17 år",
    "coefficient of variation": "variationskoefficient", "control index": "kontrollindex",
    "elasticity": "elasticitet", "exits/post/year": "avgångar/tjänst/år", "flag": "ja/nej",
    "fraction/week": "andel/vecka", "fraction/week per hour/week": "andel/vecka per timme/vecka",
    "fraction/year": "andel/år", "hours": "timmar", "hours per hour": "timmar per timme",
    "index": "index", "index per case": "index per ärende",
    "index per hour/week": "index per timme/vecka", "index per share": "index per andel",
    "index per unit overload": "index per enhet överbelastning", "integer": "heltal",
    "list": "lista", "load / available hours": "belastning / tillgängliga timmar",
    "manager equivalents": "chefsekvivalenter",
    "manager equivalents per post": "chefsekvivalenter per tjänst",
    "months of intake": "månaders inflöde", "name": "namn", "per SD": "per standardavvikelse",
    "posts": "tjänster",
    "probability per former employee and round": "sannolikhet per tidigare anställd och omgång",
    "ratio per 1,000 SEK/month": "kvot per 1 000 kr/månad",
    "ratio per 10 pp": "kvot per 10 procentenheter",
    "sessions/month": "tillfällen/månad", "share of a full load": "andel av full belastning",
    "share of a full worker's client hours": "andel av en heltidsanställds klienttimmar",
    "share of headcount": "andel av antalet anställda", "share of hours": "andel av timmarna",
    "share of output": "andel av arbetet",
    "share of the case's weekly hours": "andel av ärendets veckotimmar",
    "share of the freed hours": "andel av de frigjorda timmarna",
    "share of the hour's pay": "andel av timlönen", "spells/year": "sjukfall/år",
    "staff per manager": "medarbetare per chef", "strain units": "påfrestningsenheter",
    "table": "tabell", "units per strain unit per week": "enheter per påfrestningsenhet och vecka",
    "utilisation": "beläggning", "weeks/year": "veckor/år",
    "workers per band": "medarbetare per intervall",
    "years of age": "års ålder",
    "demand per overtime share": "krav per andel övertid",
    "x hourly pay": "× timlönen",
    "share of the year's investigations": "andel av årets utredningar",
    "share of ongoing cases' weekly hours": "andel av pågående ärendens veckotimmar",
}


def unit_label(unit: str, lang: str) -> str:
    """A schema unit as shown in ``lang`` (an unknown unit as written)."""
    return UNITS_SV.get(unit, unit) if lang == "sv" else unit


def first_sentence(text: str) -> str:
    """A description's first sentence, without its full stop."""
    first = re.split(r"(?<=[a-zåäö)])\.\s", text.strip(), maxsplit=1)[0]
    return first.rstrip(".")


def description(info, lang: str) -> str | None:
    """A schema field's description in ``lang``: the English one, or the field's Swedish
    (``sv``) where it has one; None where there is none in that language."""
    if info is None:
        return None
    if lang == "sv":
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        return extra.get("sv")
    return info.description or None


# the short name of a parameter the reader sees often (the what-if app's levers, the
# brief's key assumptions), by its path; its description is the schema's (``sv`` beside
# the English)
SHORT_NAMES: dict[str, Text] = {
    "policies.working_time.client_hours_per_day":
        Text("Klienttimmar per dag", "Client hours per day"),
    "policies.working_time.competence_hours_per_day":
        Text("Kompetenstimmar per dag", "Competence hours per day"),
    "policies.working_time.recovery_hours_per_day":
        Text("Återhämtningstimmar per dag", "Recovery hours per day"),
    "policies.reflection_day.days_per_month":
        Text("Reflektionsdagar per månad", "Reflection days per month"),
    "policies.overstaffing.extra_posts": Text("Extra tjänster", "Extra posts"),
    "policies.overstaffing.extra_share": Text("Extra tjänster som andel", "Extra posts as a share"),
    "policies.introduction_programme.mentor_hours_year1":
        Text("Mentorstimmar år 1", "Mentor hours in year 1"),
    "policies.introduction_programme.mentor_hours_year2":
        Text("Mentorstimmar år 2", "Mentor hours in year 2"),
    "policies.introduction_programme.reduced_load_months":
        Text("Månader med reducerad belastning", "Months of reduced load"),
    "policies.specialists.posts": Text("Specialisttjänster", "Specialist posts"),
    "policies.specialists.mentor_hours_per_week":
        Text("Specialisternas mentorstimmar", "Specialists' mentor hours"),
    "policies.admin_support.assistants_fte":
        Text("Socialassistenter (åa)", "Social assistants (FTE)"),
    "policies.smaller_groups.extra_team_leaders": Text("Extra gruppledare", "Extra team leaders"),
    "policies.first_line.simple_case_share":
        Text("Andel enkla ärenden till första linjen", "Share of simple cases to the first line"),
    "policies.first_line.staff_fte": Text("Första linjens personal (åa)", "First-line staff (FTE)"),
    "policies.intensive_investigation.nominal_weeks":
        Text("Utredningsveckor", "Investigation weeks"),
    "policies.trainees.trainee_fte": Text("Traineer (åa)", "Trainees (FTE)"),
    "policies.trainees.graduate_hire_share":
        Text("Andel nyexaminerade från traineepoolen", "Share of graduate hires from trainees"),
    "policies.recruitment_support.hr_fte": Text("HR-rekryterare (åa)", "HR recruiter (FTE)"),
    "policies.recruitment_support.time_to_hire_factor":
        Text("Rekryteringstid (faktor)", "Time to hire (factor)"),
    "unit.posts": Text("Tjänster", "Posts"),
    "policies.working_time.redesign_share":
        Text("Andel av den frigjorda tiden som hittas genom omställning av arbetet utan "
             "klienter", "Share of the freed time found by redesigning non-client work"),
    "dcs.strain.scale_bound_sd":
        Text("Hur långt arbetsmiljöskalorna når (SD åt båda hållen)",
             "How far the work-environment scales reach (SD either way)"),
    "dcs.demand.backlog_weight":
        Text("Största krav som en växande kö lägger på personalen",
             "Largest demand a growing queue puts on the staff"),
    "response.buy_ongoing_above_months":
        Text("Kö av pågående ärenden (månader) då de köps externt",
             "Queue of ongoing cases (months) from which they are bought externally"),
    "cases.investigations.arrivals_per_year":
        Text("Nya utredningar per år", "New investigations per year"),
    "cases.ongoing.arrivals_per_year":
        Text("Nya pågående ärenden per år", "New ongoing cases per year"),
    "attrition.hazard_ratios.pay_gap_per_1000_sek":
        Text("Lönegapets effekt på avgångar", "Effect of the pay gap on quitting"),
    "attrition.outside_pull_per_year":
        Text("Dragningskraft från andra arbetsgivare", "Pull from other employers"),
    "attrition.hazard_ratios.exhaustion":
        Text("Utmattningens effekt på avgångar", "Effect of exhaustion on quitting"),
    "attrition.intention.onset_per_year":
        Text("Hur ofta avsikt att sluta uppstår", "How often an intention to leave forms"),
    "dcs.control.overload_erosion": Text("Hur snabbt överbelastning tar kontrollen",
                                         "How fast overload destroys control"),
    "recruitment.time_to_hire_days": Text("Rekryteringstid", "Time to hire"),
    "simulation.years": Text("År att simulera", "Years simulated"),
    "simulation.replications":
        Text("Replikeringar (förfinat svar)", "Replications (refined answer)"),
}
# the salary ladder's steps (one lever per step): the name and the help of a step
STEP_NAME = Text("Lönetillägg steg {s}", "Salary supplement, step {s}")
STEP_HELP = Text("Tillägg till månadslönen i steg {s}, kronor.",
                 "Added to the monthly salary at step {s}, SEK.")

# the parameters of a distribution in words (a value of the brief: "mean 90, sd 30")
DIST_WORDS: dict[str, Text] = {
    "mean": Text("medelvärde", "mean"), "sd": Text("standardavvikelse", "sd"),
    "median": Text("median", "median"), "value": Text("värde", "value"),
    "low": Text("lägst", "low"), "high": Text("högst", "high"),
    "mode": Text("typvärde", "mode"), "shape": Text("form", "shape"),
    "scale": Text("skala", "scale")}
