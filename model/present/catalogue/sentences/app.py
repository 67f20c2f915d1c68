"""The what-if app's sentences (``app.*``)."""

from __future__ import annotations

from ..text import Text

APP: dict[str, Text] = {
    # the what-if app (model.present.app)
    "app.title": Text("Tänk om …? Åtgärder mot personalomsättning, prövade under mötet",
                      "What if …? Retention measures tried during the meeting"),
    "app.intro": Text(
        "Ändra en åtgärd, enheten eller ett antagande: modellen körs om med samma "
        "slumptal som basen. Ett första svar kommer efter några replikeringar och "
        "förfinas sedan; intervallen är 95 %-intervall och anger hur många "
        "replikeringar de vilar på.",
        "Change a measure, the unit or an assumption: the model runs again with the "
        "base's random numbers. A first answer comes after a few replications and is "
        "then refined; the intervals are 95% intervals and say how many replications "
        "they rest on."),
    "app.measure": Text("Åtgärd", "Measure"),
    "app.no_measure": Text("Ingen åtgärd (bara basen)", "No measure (the base only)"),
    "app.g_measure": Text("Åtgärdens huvudparametrar", "The measure's main parameters"),
    "app.g_unit": Text("Enheten", "The unit"),
    "app.g_assumption": Text("Viktiga antaganden utan direkt källa",
                             "Key assumptions without a direct source"),
    "app.g_run": Text("Körning", "Run"),
    "app.allowed": Text("tillåtet", "allowed"),
    "app.plausible": Text("rimligt intervall (antagande)", "plausible range (assumption)"),
    "app.source": Text("källa", "source"),
    "app.base": Text("Bas", "Base"),
    "app.option": Text("Alternativ", "Option"),
    "app.change": Text("Skillnad (parad)", "Change (paired)"),
    "app.value": Text("Värde", "Value"),
    "app.interval": Text("95 %-intervall", "95% interval"),
    "app.low": Text("nedre gräns", "lower bound"),
    "app.high": Text("övre gräns", "upper bound"),
    "app.levers": Text("Reglage", "Levers"),
    "app.running": Text("Räknar …", "Running …"),
    "app.refining": Text("Första svar på {n} replikeringar (basen på alla {t}); förfinas "
                         "till {t} i bakgrunden …",
                         "First answer on {n} replications (the base on all {t}); refining "
                         "to {t} in the background …"),
    "app.done": Text("Intervallen vilar på {n} parade replikeringar × {y} år.",
                     "Intervals rest on {n} paired replications × {y} years."),
    "app.bad_value": Text("Ogiltigt värde, inget kördes", "Invalid value, nothing was run"),
    "app.failed": Text("Körningen misslyckades", "The run failed"),
    "app.must_number": Text("måste vara ett tal, t.ex. 1,05", "must be a number, e.g. 1.05"),
    "app.day_sum": Text(
        "{names} får tillsammans vara högst {max} timmar om dagen (en betald arbetsdag); "
        "nu {parts} = {total}",
        "{names} may together be at most {max} hours a day (one paid working day); now "
        "{parts} = {total}"),
    "app.rule": Text(
        "Värdena går inte ihop: modellens regler godtar inte den här kombinationen; "
        "ändra tillbaka det senaste värdet",
        "The values do not fit together: {detail}"),
    "app.no_job": Text("Ingen tänk om-fråga ännu", "No what-if yet"),
    "app.max_options": Text("Högst {k} alternativ i listan; ta bort något först",
                            "At most {k} options in the list; delete one first"),
    "app.not_written": Text("{f}: alternativet blir inte detsamma när det skrivs som fil",
                            "{f}: the option does not survive being written"),
    "app.not_saved_file": Text("{f}: inte en av appens sparade alternativfiler",
                               "{f}: not one of the app's saved option files"),
    "app.must_whole": Text("måste vara ett heltal", "must be a whole number"),
    "app.must_ge": Text("måste vara minst {v}", "must be at least {v}"),
    "app.must_gt": Text("måste vara större än {v}", "must be greater than {v}"),
    "app.must_le": Text("får vara högst {v}", "must be at most {v}"),
    "app.got": Text("fick", "got"),
    "app.too_large": Text(
        "För stor för appen: uppskattningsvis {t} på {w} kärnor och {m} minne ({what}); "
        "appens gräns är {lt} per svar och {lm}. Minska tjänster, år eller "
        "replikeringar, eller kör den med kommandoraden (python simulate.py compare)",
        "Too large for the app: about {t} on {w} cores and {m} of memory ({what}); the "
        "app's limit is {lt} per answer and {lm}. Reduce the posts, years or "
        "replications, or run it from the command line (python simulate.py compare)"),
    "app.size_what": Text("{n} replikeringar × 2 scenarier × {posts} tjänster × {y} år",
                          "{n} replications × 2 scenarios × {posts} posts × {y} years"),
    "app.busy": Text(
        "Appen räknar redan på {k} tänk om-frågor från andra sidor (högst {k} åt "
        "gången); försök igen om en stund",
        "The app is already working on {k} what-ifs from other pages (at most {k} at a "
        "time); try again in a moment"),
    "app.timeout": Text(
        "Avbruten: tänk om-frågan hade inte svarat efter {t} s, appens gräns; minska "
        "tjänster, år eller replikeringar, eller kör den med kommandoraden (python "
        "simulate.py compare)",
        "Stopped: the what-if had not answered after {t} s, the app's limit; reduce the "
        "posts, years or replications, or run it from the command line (python "
        "simulate.py compare)"),
    "app.bad_host": Text("Okänd adress {host}: appen svarar bara på {allowed}",
                         "Unknown address {host}: the app answers only at {allowed}"),
    "app.bad_origin": Text("Begäran kom från en annan webbplats ({origin}) och avvisades",
                           "The request came from another site ({origin}) and was refused"),
    "app.base_warning": Text(
        "Obs: basens egen kö växer över perioden; alternativen jämförs med en enhet som "
        "inte klarar sitt inflöde.",
        "Note: the base's own queue keeps growing over the period; the options are "
        "compared with a unit that cannot keep up with its inflow."),
    "app.options": Text("Prövade alternativ", "Options tried"),
    "app.option_name": Text("Namn på alternativet", "Name of the option"),
    "app.keep": Text("Spara i listan", "Keep in the list"),
    "app.compare": Text("Jämför markerade", "Compare selected"),
    "app.delete": Text("Ta bort markerade", "Delete selected"),
    "app.save_yaml": Text("Spara markerat som scenariofil", "Save selected as scenario file"),
    "app.use": Text("Återskapa markerat i reglagen", "Restore selected into the levers"),
    "app.export": Text("Exportera listan (Excel)", "Export the list (Excel)"),
    "app.brief": Text("Exportera listan som underlag till nämnden (PDF)",
                      "Export the list as the committee brief (PDF)"),
    "app.brief_none": Text("Spara minst ett alternativ i listan först",
                           "Keep at least one option in the list first"),
    "app.brief_bases": Text(
        "Alternativen i listan har olika enhet, antaganden eller körning; underlaget "
        "jämför alternativ mot en och samma bas. Ta bort dem som skiljer sig och försök "
        "igen",
        "The options in the list differ in the unit, the assumptions or the run; the "
        "brief compares options against one base. Delete those that differ and try "
        "again"),
    "app.brief_busy": Text("Ett underlag skrivs redan; vänta tills det är klart",
                           "A brief is already being written; wait until it is done"),
    "app.brief_running": Text(
        "Skriver underlaget: replikeringarna körs om för {k} alternativ och basen …",
        "Writing the brief: the replications run again for {k} options and the base …"),
    "app.brief_done": Text("Underlaget (A4, PDF): {pdf}; HTML: {html}; resultatkatalog: {dir}",
                           "The brief (A4, PDF): {pdf}; HTML: {html}; result directory: {dir}"),
    "app.brief_no_pdf": Text(
        "Ingen PDF: Chromium saknas. HTML-versionen laddas ned i stället ({html}). "
        "Installera Chromium för PDF (Debian/Ubuntu: apt-get install chromium; eller: "
        "python -m playwright install chromium)",
        "No PDF: Chromium is missing. The HTML version is downloaded instead ({html}). "
        "Install Chromium for the PDF (Debian/Ubuntu: apt-get install chromium; or: "
        "python -m playwright install chromium)"),
    "app.brief_failed": Text("Underlaget kunde inte skrivas", "The brief was not written"),
    "app.saved_files": Text("Sparade scenariofiler", "Saved scenario files"),
    "app.load": Text("Läs in", "Load"),
    "app.saved_to": Text("Sparat som {f}; kör det med: {cmd}", "Saved as {f}; run it with: {cmd}"),
    "app.loaded": Text("Inläst: {f}", "Loaded: {f}"),
    "app.not_ready": Text("Vänta tills svaret är klart", "Wait until the answer is ready"),
    "app.select_one": Text("Markera ett alternativ", "Select one option"),
    "app.none_yet": Text("Inga alternativ ännu.", "No options yet."),
    "app.no_measure_found": Text(
        "ingen åtgärd i katalogen motsvarar filen; reglagen visar enheten och antagandena",
        "no measure of the catalogue matches the file; the levers show the unit and the "
        "assumptions"),
    "app.comparison": Text("Jämförelse sida vid sida", "Side-by-side comparison"),
    "app.reps": Text("replikeringar", "replications"),
    "app.warning_none": Text("Ingen varning för verksamheten", "No service warning"),
    "app.net_cost_budget_sek_per_year": Text("Nettokostnad per år, budget (kassaflöde)",
                                             "Net cost per year, budget (cash flow)"),
    "app.net_cost_economic_sek_per_year": Text("Nettokostnad per år, personalekonomisk",
                                               "Net cost per year, economic"),
    "app.p_saves_budget": Text("Chans att spara pengar, budget",
                               "Chance of saving money, budget"),
    "app.p_saves_economic": Text("Chans att spara pengar, personalekonomisk",
                                 "Chance of saving money, economic"),
    "app.policy_cost_per_year": Text("Åtgärdens egen kostnad per år",
                                     "The measure's own cost per year"),
    "app.exits_avoided_per_year": Text("Undvikna avgångar per år", "Exits avoided per year"),
    "app.turnover_rate_change": Text("Förändring av personalomsättningen (procentenheter)",
                                     "Change in turnover (percentage points)"),
    "app.overdue_share_change": Text("Förändring av andelen försenade utredningar (procentenheter)",
                                     "Change in the share of overdue investigations "
                                     "(percentage points)"),
    "app.payback_year": Text("Återbetalning (personalekonomisk)", "Payback (economic)"),
    "app.measure_col": Text("Mått", "Metric"),
    "app.name": Text("Namn", "Name"),
    "app.warning": Text("Varning för verksamheten", "Service warning"),
}
