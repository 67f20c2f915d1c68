"""Swedish and English words of the what-if app: its sentences, metrics and parameter
descriptions are the catalogue's (``model.present.catalogue``); the levers' short names
are below."""

from __future__ import annotations

from ..catalogue import Text, metric
from ..catalogue.parameters import description, unit_label  # noqa: F401 - the app's units
from ..catalogue.sentences import sentences
from ..dashboard.i18n import LANGS
from .levers import field_info

# the app's sentences (model.present.catalogue.sentences, ``app.*``) by id
T = sentences("app")

# the levers: label in both languages; help in Swedish where the schema field has no
# Swedish description of its own (the English help is the schema's description)
LEVERS = {
    "policies.working_time.client_hours_per_day": (
        "Klienttimmar per dag", "Client hours per day",
        "Timmar klientarbete under en betald 8-timmarsdag (6 i 6+2)."),
    "policies.working_time.competence_hours_per_day": (
        "Kompetenstimmar per dag", "Competence hours per day",
        "Av de frigjorda timmarna: kompetensutveckling (ger mer kontroll)."),
    "policies.working_time.recovery_hours_per_day": (
        "Återhämtningstimmar per dag", "Recovery hours per day",
        "Av de frigjorda timmarna: återhämtning och motion."),
    "policies.reflection_day.days_per_month": (
        "Reflektionsdagar per månad", "Reflection days per month",
        "Betalda reflektions- och återhämtningsdagar per månad, tagna från klienttiden."),
    "policies.overstaffing.extra_posts": (
        "Extra tjänster", "Extra posts", "Tjänster utöver budget."),
    "policies.overstaffing.extra_share": (
        "Extra tjänster som andel", "Extra posts as a share",
        "Tjänster utöver budget som andel av budgeten (läggs till extra tjänster)."),
    "policies.introduction_programme.mentor_hours_year1": (
        "Mentorstimmar år 1", "Mentor hours in year 1", "Mentorstimmar per vecka första året."),
    "policies.introduction_programme.mentor_hours_year2": (
        "Mentorstimmar år 2", "Mentor hours in year 2", "Mentorstimmar per vecka andra året."),
    "policies.introduction_programme.reduced_load_months": (
        "Månader med reducerad belastning", "Months of reduced load",
        "Månader med ett tak för arbetsbelastningen i början."),
    "policies.specialists.posts": (
        "Specialisttjänster", "Specialist posts", "Specialisttjänster utan egna ärenden."),
    "policies.specialists.mentor_hours_per_week": (
        "Specialisternas mentorstimmar", "Specialists' mentor hours",
        "Mentorstimmar per vecka som varje specialist ger."),
    "policies.admin_support.assistants_fte": (
        "Socialassistenter (åa)", "Social assistants (FTE)",
        "Socialassistenter som tar uppgifter utan myndighetsutövning."),
    "policies.smaller_groups.extra_team_leaders": (
        "Extra gruppledare", "Extra team leaders", "Gruppledare som läggs till."),
    "policies.first_line.simple_case_share": (
        "Andel enkla ärenden till första linjen", "Share of simple cases to the first line",
        "Andel enkla ärenden som första linjen tar i stället."),
    "policies.first_line.staff_fte": (
        "Första linjens personal (åa)", "First-line staff (FTE)",
        "Personal i första linjen (betalas av denna budget)."),
    "policies.intensive_investigation.nominal_weeks": (
        "Utredningsveckor", "Investigation weeks",
        "Veckor som en utrednings arbete sprids över."),
    "policies.trainees.trainee_fte": (
        "Traineer (åa)", "Trainees (FTE)", "Anställda studenter/traineer."),
    "policies.trainees.graduate_hire_share": (
        "Andel nyexaminerade från traineepoolen", "Share of graduate hires from trainees",
        "Andel av nyexaminerade som anställs ur traineepoolen."),
    "policies.recruitment_support.hr_fte": (
        "HR-rekryterare (åa)", "HR recruiter (FTE)", "Köpt tid av HR-rekryterare."),
    "policies.recruitment_support.time_to_hire_factor": (
        "Rekryteringstid (faktor)", "Time to hire (factor)",
        "Rekryteringstid jämfört med i dag."),
    # the levers of the unit, the cases and the assumptions: their Swedish help is the
    # Swedish of their description in the schema
    "unit.posts": ("Tjänster", "Posts", None),
    "cases.investigations.arrivals_per_year": (
        "Nya utredningar per år", "New investigations per year", None),
    "cases.ongoing.arrivals_per_year": (
        "Nya pågående ärenden per år", "New ongoing cases per year", None),
    "attrition.hazard_ratios.pay_gap_per_1000_sek": (
        "Lönegapets effekt på avgångar", "Effect of the pay gap on quitting", None),
    "attrition.outside_pull_per_year": (
        "Dragningskraft från andra arbetsgivare", "Pull from other employers", None),
    "attrition.hazard_ratios.exhaustion": (
        "Utmattningens effekt på avgångar", "Effect of exhaustion on quitting", None),
    "attrition.intention.onset_per_year": (
        "Hur ofta avsikt att sluta uppstår", "How often an intention to leave forms", None),
    "simulation.years": ("År att simulera", "Years simulated", None),
    "simulation.replications": ("Replikeringar (förfinat svar)",
                                "Replications (refined answer)", None),
}
STEP = ("Lönetillägg steg {s}", "Salary supplement, step {s}",
        "Tillägg till månadslönen i steg {s}, kronor.")



# the result rows that are metrics take the catalogue's labels
T.update({key: metric(key).label for key in ("turnover_rate", "overdue_share",
                                             "consultant_fte", "vacancy_rate", "exits",
                                             "crisis")})


def tr(key: str, lang: str, **kw) -> str:
    text = T[key][lang]
    return text.format(**kw) if kw else text


def lever_label(key: str, lang: str, step: str | None = None) -> str:
    if key in LEVERS:
        return LEVERS[key][LANGS.index(lang)]
    return STEP[LANGS.index(lang)].format(s=step or "?")


def lever_help(key: str, lang: str, english: str, step: str | None = None,
               path: str | None = None) -> str:
    """A lever's help: its parameter's description in the schema, in English or in
    Swedish (the field's ``sv``); a lever whose field has no Swedish yet has its own."""
    swedish = ((description(field_info(path), "sv") if path else None)
               or (LEVERS[key][2] if key in LEVERS else STEP[2].format(s=step or "?")))
    return Text(swedish, english)[lang]


