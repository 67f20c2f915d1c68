"""Swedish and English texts of the what-if app (the dashboard's own texts are reused
from ``model.present.dashboard.i18n`` where they say the same thing)."""

from __future__ import annotations

from ..catalogue import metric
from ..dashboard.i18n import LANGS  # noqa: F401 - the app's languages

T = {
    "title": {"sv": "Tänk om …? Åtgärder mot personalomsättning, prövade under mötet",
              "en": "What if …? Retention measures tried during the meeting"},
    "intro": {"sv": "Ändra en åtgärd, enheten eller ett antagande: modellen körs om med samma "
                    "slumptal som basen. Ett första svar kommer efter några replikeringar och "
                    "förfinas sedan; intervallen är 95 %-intervall och anger hur många "
                    "replikeringar de vilar på.",
              "en": "Change a measure, the unit or an assumption: the model runs again with "
                    "the base's random numbers. A first answer comes after a few replications "
                    "and is then refined; the intervals are 95% intervals and say how many "
                    "replications they rest on."},
    "measure": {"sv": "Åtgärd", "en": "Measure"},
    "no_measure": {"sv": "Ingen åtgärd (bara basen)", "en": "No measure (the base only)"},
    "base_is": {"sv": "Bas", "en": "Base"},
    "g_measure": {"sv": "Åtgärdens huvudparametrar", "en": "The measure's main parameters"},
    "g_unit": {"sv": "Enheten", "en": "The unit"},
    "g_assumption": {"sv": "Viktiga antaganden utan direkt källa",
                     "en": "Key assumptions without a direct source"},
    "g_run": {"sv": "Körning", "en": "Run"},
    "allowed": {"sv": "tillåtet", "en": "allowed"},
    "plausible": {"sv": "rimligt intervall (antagande)", "en": "plausible range (assumption)"},
    "source": {"sv": "källa", "en": "source"},
    "results": {"sv": "Resultat", "en": "Results"},
    "base": {"sv": "Bas", "en": "Base"},
    "option": {"sv": "Alternativ", "en": "Option"},
    "change": {"sv": "Skillnad (parad)", "en": "Change (paired)"},
    "value": {"sv": "Värde", "en": "Value"},
    "interval": {"sv": "95 %-intervall", "en": "95% interval"},
    "low": {"sv": "nedre gräns", "en": "lower bound"},
    "high": {"sv": "övre gräns", "en": "upper bound"},
    "levers": {"sv": "Reglage", "en": "Levers"},
    "running": {"sv": "Räknar …", "en": "Running …"},
    "refining": {"sv": "Första svar på {n} replikeringar; förfinas till {t} i bakgrunden …",
                 "en": "First answer on {n} replications; refining to {t} in the "
                       "background …"},
    "done": {"sv": "Intervallen vilar på {n} parade replikeringar × {y} år.",
             "en": "Intervals rest on {n} paired replications × {y} years."},
    "bad_value": {"sv": "Ogiltigt värde, inget kördes", "en": "Invalid value, nothing was run"},
    "failed": {"sv": "Körningen misslyckades", "en": "The run failed"},
    "must_number": {"sv": "måste vara ett tal", "en": "must be a number"},
    "must_whole": {"sv": "måste vara ett heltal", "en": "must be a whole number"},
    "must_ge": {"sv": "måste vara minst {v}", "en": "must be at least {v}"},
    "must_gt": {"sv": "måste vara större än {v}", "en": "must be greater than {v}"},
    "must_le": {"sv": "får vara högst {v}", "en": "must be at most {v}"},
    "got": {"sv": "fick", "en": "got"},
    "too_large": {"sv": "För stor för appen: uppskattningsvis {t} på {w} kärnor och {m} "
                        "minne ({what}); appens gräns är {lt} per svar och {lm}. Minska "
                        "tjänster, år eller replikeringar, eller kör den med kommandoraden "
                        "(python simulate.py compare)",
                  "en": "Too large for the app: about {t} on {w} cores and {m} of memory "
                        "({what}); the app's limit is {lt} per answer and {lm}. Reduce the "
                        "posts, years or replications, or run it from the command line "
                        "(python simulate.py compare)"},
    "size_what": {"sv": "{n} replikeringar × 2 scenarier × {posts} tjänster × {y} år",
                  "en": "{n} replications × 2 scenarios × {posts} posts × {y} years"},
    "busy": {"sv": "Appen räknar redan på {k} tänk om-frågor från andra sidor (högst {k} åt "
                   "gången); försök igen om en stund",
             "en": "The app is already working on {k} what-ifs from other pages (at most "
                   "{k} at a time); try again in a moment"},
    "timeout": {"sv": "Avbruten: tänk om-frågan hade inte svarat efter {t} s, appens gräns; "
                      "minska tjänster, år eller replikeringar, eller kör den med "
                      "kommandoraden (python simulate.py compare)",
                "en": "Stopped: the what-if had not answered after {t} s, the app's limit; "
                      "reduce the posts, years or replications, or run it from the "
                      "command line (python simulate.py compare)"},
    "bad_host": {"sv": "Okänd adress {host}: appen svarar bara på {allowed}",
                 "en": "Unknown address {host}: the app answers only at {allowed}"},
    "bad_origin": {"sv": "Begäran kom från en annan webbplats ({origin}) och avvisades",
                   "en": "The request came from another site ({origin}) and was refused"},
    "base_warning": {"sv": "Obs: basens egen kö växer över perioden; alternativen jämförs "
                           "med en enhet som inte klarar sitt inflöde.",
                     "en": "Note: the base's own queue keeps growing over the period; the "
                           "options are compared with a unit that cannot keep up with its "
                           "inflow."},
    # the options list
    "options": {"sv": "Prövade alternativ", "en": "Options tried"},
    "option_name": {"sv": "Namn på alternativet", "en": "Name of the option"},
    "keep": {"sv": "Spara i listan", "en": "Keep in the list"},
    "compare": {"sv": "Jämför markerade", "en": "Compare selected"},
    "delete": {"sv": "Ta bort markerade", "en": "Delete selected"},
    "save_yaml": {"sv": "Spara markerat som scenariofil", "en": "Save selected as scenario file"},
    "use": {"sv": "Återskapa markerat i reglagen", "en": "Restore selected into the levers"},
    "export": {"sv": "Exportera listan (Excel)", "en": "Export the list (Excel)"},
    "brief": {"sv": "Exportera listan som underlag till nämnden (PDF)",
              "en": "Export the list as the committee brief (PDF)"},
    "brief_none": {"sv": "Spara minst ett alternativ i listan först",
                   "en": "Keep at least one option in the list first"},
    "brief_bases": {"sv": "Alternativen i listan har olika enhet, antaganden eller körning; "
                          "underlaget jämför alternativ mot en och samma bas. Ta bort dem "
                          "som skiljer sig och försök igen",
                    "en": "The options in the list differ in the unit, the assumptions or "
                          "the run; the brief compares options against one base. Delete "
                          "those that differ and try again"},
    "brief_busy": {"sv": "Ett underlag skrivs redan; vänta tills det är klart",
                   "en": "A brief is already being written; wait until it is done"},
    "brief_running": {"sv": "Skriver underlaget: replikeringarna körs om för {k} alternativ "
                            "och basen …",
                      "en": "Writing the brief: the replications run again for {k} options "
                            "and the base …"},
    "brief_done": {"sv": "Underlaget (A4, PDF): {pdf}; HTML: {html}; resultatkatalog: {dir}",
                   "en": "The brief (A4, PDF): {pdf}; HTML: {html}; result directory: {dir}"},
    "brief_no_pdf": {"sv": "Ingen PDF: Chromium saknas. HTML-versionen laddas ned i stället "
                           "({html}). Installera Chromium för PDF (Debian/Ubuntu: apt-get "
                           "install chromium; eller: python -m playwright install chromium)",
                     "en": "No PDF: Chromium is missing. The HTML version is downloaded "
                           "instead ({html}). Install Chromium for the PDF (Debian/Ubuntu: "
                           "apt-get install chromium; or: python -m playwright install "
                           "chromium)"},
    "brief_failed": {"sv": "Underlaget kunde inte skrivas", "en": "The brief was not written"},
    "saved_files": {"sv": "Sparade scenariofiler", "en": "Saved scenario files"},
    "load": {"sv": "Läs in", "en": "Load"},
    "saved_to": {"sv": "Sparat som {f}; kör det med: {cmd}",
                 "en": "Saved as {f}; run it with: {cmd}"},
    "loaded": {"sv": "Inläst: {f}", "en": "Loaded: {f}"},
    "not_ready": {"sv": "Vänta tills svaret är klart", "en": "Wait until the answer is ready"},
    "select_one": {"sv": "Markera ett alternativ", "en": "Select one option"},
    "none_yet": {"sv": "Inga alternativ ännu.", "en": "No options yet."},
    "no_measure_found": {"sv": "ingen åtgärd i katalogen motsvarar filen; reglagen visar "
                               "enheten och antagandena",
                         "en": "no measure of the catalogue matches the file; the levers "
                               "show the unit and the assumptions"},
    "comparison": {"sv": "Jämförelse sida vid sida", "en": "Side-by-side comparison"},
    "reps": {"sv": "replikeringar", "en": "replications"},
    "warning_none": {"sv": "Ingen varning för verksamheten", "en": "No service warning"},
    # result rows
    # the levels shown (turnover_rate, overdue_share, consultant_fte, vacancy_rate, exits)
    # are named by the catalogue of metrics, as on the dashboard
    "net_cost_budget_sek_per_year": {"sv": "Nettokostnad per år, budget (kassaflöde)",
                                     "en": "Net cost per year, budget (cash flow)"},
    "net_cost_economic_sek_per_year": {"sv": "Nettokostnad per år, personalekonomisk",
                                       "en": "Net cost per year, economic"},
    "p_saves_budget": {"sv": "Sannolikhet att spara pengar, budget",
                       "en": "Probability of saving money, budget"},
    "p_saves_economic": {"sv": "Sannolikhet att spara pengar, personalekonomisk",
                         "en": "Probability of saving money, economic"},
    "policy_cost_per_year": {"sv": "Åtgärdens egen kostnad per år",
                             "en": "The measure's own cost per year"},
    "exits_avoided_per_year": {"sv": "Undvikna avgångar per år",
                               "en": "Exits avoided per year"},
    "turnover_rate_change": {"sv": "Förändring av personalomsättningen (procentenheter)",
                             "en": "Change in turnover (percentage points)"},
    "overdue_share_change": {"sv": "Förändring av andelen försenade utredningar "
                                   "(procentenheter)",
                             "en": "Change in the share of overdue investigations "
                                   "(percentage points)"},
    "payback_year": {"sv": "Återbetalning (personalekonomisk)", "en": "Payback (economic)"},
    "measure_col": {"sv": "Mått", "en": "Measure"},
    "name": {"sv": "Namn", "en": "Name"},
    "warning": {"sv": "Varning för verksamheten", "en": "Service warning"},
}

# the levers: label in both languages; help in Swedish (the English help is the
# schema's own description)
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
    "unit.posts": ("Tjänster", "Posts", "Budgeterade tjänster som socialsekreterare."),
    "cases.investigations.arrivals_per_year": (
        "Nya utredningar per år", "New investigations per year",
        "Utredningar som inleds per år."),
    "cases.ongoing.arrivals_per_year": (
        "Nya pågående ärenden per år", "New ongoing cases per year",
        "Uppföljningsärenden som tillkommer per år."),
    "attrition.hazard_ratios.pay_gap_per_1000_sek": (
        "Lönegapets effekt på avgångar", "Effect of the pay gap on quitting",
        "Riskkvot för att sluta per 1 000 kr/månad under marknadslönen."),
    "attrition.outside_pull_per_year": (
        "Dragningskraft från andra arbetsgivare", "Pull from other employers",
        "Tillägg till risken att rekryteras bort, per år."),
    "attrition.hazard_ratios.exhaustion": (
        "Utmattningens effekt på avgångar", "Effect of exhaustion on quitting",
        "Riskkvot för att sluta per enhet utmattning."),
    "attrition.intention.onset_per_year": (
        "Hur ofta avsikt att sluta uppstår", "How often an intention to leave forms",
        "Takt per år med vilken en typisk medarbetare börjar vilja sluta."),
    "simulation.years": ("År att simulera", "Years simulated",
                         "Längd på perioden som statistiken gäller (efter insvängning)."),
    "simulation.replications": ("Replikeringar (förfinat svar)",
                                "Replications (refined answer)",
                                "Replikeringar som det förfinade svaret vilar på."),
}
STEP = ("Lönetillägg steg {s}", "Salary supplement, step {s}",
        "Tillägg till månadslönen i steg {s}, kronor.")
UNITS = {"hours/day": "timmar/dag", "days/month": "dagar/månad", "FTE posts": "tjänster",
         "share of posts": "andel av tjänsterna", "hours/week": "timmar/vecka",
         "months": "månader", "FTE": "årsarbetare", "persons": "personer",
         "share": "andel", "weeks": "veckor", "factor": "faktor",
         "cases/year": "ärenden/år", "1/year": "per år", "HR per unit": "riskkvot per enhet",
         "HR per 1,000 SEK/month": "riskkvot per 1 000 kr/månad", "years": "år",
         "count": "antal", "SEK/month": "kr/månad"}


# the result rows that are metrics take the catalogue's labels
T.update({key: metric(key).label for key in ("turnover_rate", "overdue_share",
                                             "consultant_fte", "vacancy_rate", "exits")})


def tr(key: str, lang: str, **kw) -> str:
    text = T[key][lang]
    return text.format(**kw) if kw else text


def lever_label(key: str, lang: str, step: str | None = None) -> str:
    if key in LEVERS:
        return LEVERS[key][0 if lang == "sv" else 1]
    return STEP[0 if lang == "sv" else 1].format(s=step or "?")


def lever_help(key: str, lang: str, english: str, step: str | None = None) -> str:
    if lang == "en":
        return english
    if key in LEVERS:
        return LEVERS[key][2]
    return STEP[2].format(s=step or "?")


def unit_label(unit: str, lang: str) -> str:
    return UNITS.get(unit, unit) if lang == "sv" else unit
