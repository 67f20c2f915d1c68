"""The interface's sentences, keyed by id, in Swedish and English: the what-if app's
(``app.*``), the command line's (``cli.*``), the break-even search's result
(``breakeven.*``), the conditions of a working-time option (``conditions.*``) and the
dashboard's selection, cost views and sweep labels (``dashboard.*``). Placeholders in braces (``{n}``) are the
same in both languages; ``tests/test_words.py`` checks that, and that every id a screen
asks for is here and every id here is asked for."""

from __future__ import annotations

from .text import Text

SENTENCES: dict[str, Text] = {
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
    "app.refining": Text("Första svar på {n} replikeringar; förfinas till {t} i bakgrunden …",
                         "First answer on {n} replications; refining to {t} in the background …"),
    "app.done": Text("Intervallen vilar på {n} parade replikeringar × {y} år.",
                     "Intervals rest on {n} paired replications × {y} years."),
    "app.bad_value": Text("Ogiltigt värde, inget kördes", "Invalid value, nothing was run"),
    "app.failed": Text("Körningen misslyckades", "The run failed"),
    "app.must_number": Text("måste vara ett tal", "must be a number"),
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
    "app.p_saves_budget": Text("Sannolikhet att spara pengar, budget",
                               "Probability of saving money, budget"),
    "app.p_saves_economic": Text("Sannolikhet att spara pengar, personalekonomisk",
                                 "Probability of saving money, economic"),
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
    # the command line's tables and messages (model.present.console)
    "cli.run_head": Text(
        "Scenario '{name}' ({title}): {n} replikeringar × {y} år (efter {w} års "
        "insvängning), slumpfrö {s}",
        "Scenario '{name}' ({title}): {n} replications × {y} years (after {w} warm-up "
        "years), seed {s}"),
    "cli.run_means": Text("Medelvärden, med 95 % intervall över replikeringarna inom parentes:",
                          "Means, with the 95 % interval over replications in brackets:"),
    "cli.ranked_h": Text("Alternativen rangordnade. {rule}", "The options ranked. {rule}"),
    "cli.units": Text(
        "Förändring av personalomsättningen i procentenheter; nettokostnad per år "
        "jämfört med basen (ett negativt belopp är en besparing); chansen att spara "
        "pengar i den personalekonomiska kalkylen.",
        "Turnover change in percentage points; net cost per year against the base (a "
        "negative amount saves money); the chance of saving money in the economic view."),
    "cli.col_option": Text("Alternativ", "Option"),
    "cli.col_turnover": Text("Omsättning", "Turnover"),
    "cli.col_budget": Text("Budget", "Budget view"),
    "cli.col_economic": Text("Personalekonomisk", "Economic view"),
    "cli.col_p": Text("Sparar", "Saves"),
    "cli.col_service": Text("Verksamheten", "Service"),
    "cli.group_warned": Text("alternativ med varning för verksamheten",
                             "options with a service warning"),
    "cli.group_avoid": Text("alternativ som minskar avgångarna", "options that avoid exits"),
    "cli.group_none": Text("alternativ som inte minskar avgångarna", "options that avoid no exits"),
    "cli.ok": Text("ingen varning", "ok"),
    "cli.details_hint": Text(
        "Varje alternativ i detalj (båda kalkylerna, återbetalning, köer): lägg till --details.",
        "Each option in detail (both cost views, payback, backlog): add --details."),
    "cli.details_h": Text("Varje alternativ i detalj (medelvärden, 95 % intervall inom parentes):",
                          "Each option in detail (means, the 95 % interval in brackets):"),
    "cli.base_line": Text("Bas: {base}, personalomsättning {t} per år ({lo} – {hi})",
                          "Base: {base}, turnover {t} a year ({lo} – {hi})"),
    "cli.option_line": Text("{name}: personalomsättning {t} per år", "{name}: turnover {t} a year"),
    "cli.d_turnover": Text("omsättning, förändring (procentenheter)",
                           "turnover change (percentage points)"),
    "cli.d_avoided": Text("undvikna avgångar per år", "exits avoided per year"),
    "cli.d_overdue": Text("utredningar över tidsgränsen (procentenheter)",
                          "overdue investigations (percentage points)"),
    "cli.d_queue": Text("väntande ärenden, förändring", "waiting cases, change"),
    "cli.d_trend": Text("väntande ärenden, trend per år", "waiting cases, trend per year"),
    "cli.d_p_queue": Text("körningar där kön växer", "runs where the queue grows"),
    "cli.d_budget_h": Text(
        "budget (kassaflöde), förändring av kostnaden per år (+ dyrare, - billigare):",
        "budget view (cash), change in cost per year (+ costs more, - saves):"),
    "cli.d_measure": Text("åtgärden själv", "the measure itself"),
    "cli.d_recruitment": Text("rekrytering", "recruitment"),
    "cli.d_consultants": Text("konsulter", "consultants"),
    "cli.d_sick": Text("sjuklön, rehabilitering", "sick pay, rehabilitation"),
    "cli.d_payroll": Text("lönekostnad", "payroll"),
    "cli.d_time_moved": Text("varav betald tid flyttad från klientarbete",
                             "of which paid time moved off casework"),
    "cli.d_net": Text("nettokostnad per år", "net cost per year"),
    "cli.d_p_cash": Text("chans att spara kontanter", "chance it saves cash"),
    "cli.d_econ_h": Text("personalekonomisk kalkyl (budget + värdet av förlorat arbete):",
                         "economic view (budget + value of work lost):"),
    "cli.d_work_lost": Text("förlorat arbete, förändring", "work lost, change"),
    "cli.d_p_saves": Text("chans att spara pengar", "chance it saves money"),
    "cli.d_per_exit": Text("kostnad per undviken avgång", "cost per avoided exit"),
    "cli.d_payback": Text("återbetalning", "payback"),
    "cli.d_replacement": Text("ersättningskostnad per avgång", "replacement cost per exit"),
    "cli.not_advice": Text("en besparing här är ingen rekommendation",
                           "a saving here is not a recommendation"),
    "cli.base_unstable": Text(
        "{w} redan i BASEN: alla alternativ jämförs med en enhet vars kö inte är "
        "stabil; kontrollera först basens inflöde, tjänster och chefer",
        "{w} in the BASE itself: every option is compared with a unit whose queue is "
        "not stable; check the base's inflow, posts and managers first"),
    "cli.header": Text(
        "Jämförelse av {n} scenarier mot '{base}': {r} parvisa replikeringar × {y} år "
        "(efter {w} års insvängning), slumpfrö {s}.",
        "Comparison of {n} scenarios against '{base}': {r} paired replications × {y} "
        "years (after {w} warm-up years), seed {s}."),
    "cli.unpriced": Text(
        "Verksamheten (utredningar över tidsgränsen, väntande ärenden, byten av "
        "handläggare) redovisas för sig och prissätts inte i den personalekonomiska "
        "kalkylen.",
        "Service (investigations over the legal limit, waiting cases, hand-overs) is "
        "reported on its own, not priced in the economic view."),
    "cli.priced": Text(
        "Verksamheten prissätts i den personalekonomiska kalkylen: {o} per utredning "
        "över tidsgränsen, {h} per byte av handläggare (economics.*; ett antagande).",
        "Service priced in the economic view: {o} per overdue investigation, {h} per "
        "hand-over (economics.*; an assumption)."),
    "cli.few": Text(
        "Obs: bara {n} replikeringar: intervallen är grova (med 2 spänner de bara över "
        "de två körningarna); använd {k} eller fler inför ett beslut.",
        "Note: {n} replications only: the intervals are rough (with 2 they span just "
        "the two runs); use {k} or more for a decision."),
    "cli.tables": Text("Tabeller skrivna till {out}/", "Tables written to {out}/"),
    # the break-even search in words (model.present.breakeven_text)
    "breakeven.interval": Text("95 % intervall", "95 % interval"),
    "breakeven.cut": Text(" (avgränsat till sökintervallet)", " (cut at the range searched)"),
    "breakeven.how": Text(
        "({n} beräkningar; intervallet är målfunktionens 95 % intervall vid roten delat "
        "med dess lutning)",
        "({n} evaluations; the interval is the objective's 95 % interval at the root "
        "divided by its slope)"),
    "breakeven.base_at": Text(
        "Vid {x} verkar åtgärden inte (scenariot är lika med basen): den nollan är "
        "inget svar; sökningen fortsatte från {y}.",
        "At {x} the measure is not in effect (the scenario equals the base): that zero "
        "is not an answer; the search went on from {y}."),
    "breakeven.pos": Text(
        "Nettokostnaden är positiv i hela intervallet: inget värde på {p} mellan {a} "
        "och {b} betalar sig självt;",
        "The net cost stays positive across the range: no value of {p} between {a} and "
        "{b} pays for itself;"),
    "breakeven.neg": Text(
        "Nettokostnaden är negativ i hela intervallet: varje värde på {p} mellan {a} "
        "och {b} sparar pengar;",
        "The net cost stays negative across the range: every value of {p} between {a} "
        "and {b} saves money;"),
    "breakeven.ends": Text("nettokostnad {fa} per år vid {a} och {fb} per år vid {b} ({view}).",
                        "net cost {fa} per year at {a} and {fb} per year at {b} ({view})."),
    "breakeven.economic": Text("personalekonomisk kalkyl", "economic view"),
    "breakeven.budget": Text("budget (kassaflöde)", "budget view"),
    "breakeven.turnover": Text(
        "Personalomsättningen ligger {side} {v} i hela intervallet: inget värde på {p} "
        "mellan {a} och {b} når målet;",
        "Turnover stays {side} {v} across the range: no value of {p} between {a} and "
        "{b} meets the target;"),
    "breakeven.above": Text("över", "above"),
    "breakeven.below": Text("under", "below"),
    "breakeven.t_ends": Text("personalomsättning {fa} vid {a} och {fb} vid {b}.",
                          "turnover {fa} at {a} and {fb} at {b}."),
    "breakeven.heading": Text(
        "Nollpunkt för {name} ({target}), {r} parvisa replikeringar × {y} år, slumpfrö {s}:",
        "Break-even for {name} ({target}), {r} paired replications × {y} years, seed {s}:"),
    "breakeven.target_budget": Text("nettokostnad mot basen = 0 (budget: kassaflöde)",
                                 "net cost against the base = 0 (budget view: cash)"),
    "breakeven.target_economic": Text(
        "nettokostnad mot basen = 0 (personalekonomisk: kassaflöde + förlorat arbete)",
        "net cost against the base = 0 (economic view: cash + work lost)"),
    "breakeven.target_turnover": Text("personalomsättning = {v}", "turnover rate = {v}"),
    # what must be true for a working-time option (model.present.dashboard.conditions)
    "conditions.heading": Text("Vad måste gälla för kortare arbetstid?",
                               "What must be true for shorter working time?"),
    "conditions.intro": Text(
        "För varje arbetstidsalternativ: det värde där alternativet slutar höja "
        "personalomsättningen respektive kön av ärenden jämfört med jämförelsebasen "
        "(parvisa körningar med samma slumptal, 95 %-intervall).",
        "For each working-time option: the value at which the option stops raising "
        "turnover and the backlog of cases against the base (paired runs with common "
        "random numbers, 95% interval)."),
    "conditions.col_option": Text("Alternativ", "Option"),
    "conditions.col_metric": Text("Utfall", "Outcome"),
    "conditions.col_needed": Text("Krävs minst", "Needed at least"),
    "conditions.col_assumed": Text("Antaget i scenariot", "Assumed in the scenario"),
    "conditions.col_holds": Text("Uppfyllt?", "Met?"),
    "conditions.productivity_gain": Text("produktivitetsvinst per klienttimme",
                                         "productivity gain per client hour"),
    "conditions.redesign_share": Text(
        "andel av den frigjorda tiden från omställt icke-klientarbete",
        "share of the freed time from redesigned non-client work"),
    "conditions.always": Text("uppfyllt redan vid {low}", "met already at {low}"),
    "conditions.never": Text("inte inom {low}–{high}", "not within {low}–{high}"),
    "conditions.yes": Text("ja", "yes"),
    "conditions.unsure": Text("osäkert (antagandet ligger inom intervallet)",
                              "uncertain (the assumption lies inside the interval)"),
    "conditions.parameter": Text("Sökt parameter", "Parameter searched"),
    "conditions.no": Text("nej", "no"),
    "conditions.note": Text(
        "{n} replikeringar per värde; en produktivitetsvinst på 33 % (8/6 − 1) betyder "
        "att hela dagens arbetsmängd klaras på sex timmar.",
        "{n} replications per value; a productivity gain of 33% (8/6 − 1) means the "
        "whole of today's load is done in six hours."),
    # the dashboard's selection, cost views and sweep labels (model.present.dashboard)
    "dashboard.years_short": Text("år", "years"),
    "dashboard.default_sel": Text("Förval", "Default"),
    "dashboard.selection_note": Text(
        "Visas: basen och de tre första alternativen i rangordningen. Kryssa i fler "
        "alternativ, klicka på en rad i tabellen ovan, eller välj Alla.",
        "Shown: the base and the first three options of the ranking. Tick more options, "
        "click a row of the table above, or choose All."),
    "dashboard.cost_total": Text("Totalt", "Totals"),
    "dashboard.fig_costs_option": Text("Kostnad per år och alternativ (Mkr)",
                                       "Cost per year by option (million SEK)"),
    "dashboard.cost_category": Text("Per kategori", "By category"),
    "dashboard.costs_note_total": Text(
        "Kostnad per år i genomsnitt över perioden. Fylld del = Budget (kassaflöde), "
        "randig del = förlorat arbete som den personalekonomiska kalkylen lägger till.",
        "Cost per year, averaged over the period. Solid = Budget (cash flow); hatched = "
        "the work lost that the economic view adds."),
    "dashboard.pareto_sizes": Text("Enheter av olika storlek ({sizes}): en front per storlek",
                                   "Units of different sizes ({sizes}): one front per size"),
    "dashboard.pareto_one_size": Text("Alla punkter: samma enhetsstorlek",
                                      "All points: the same unit size"),
    "dashboard.pareto_mixed": Text(
        "Punkterna har olika enhetsstorlek ({sizes}); färgen visar storleken. Fronten "
        "blandar storlekar.",
        "The points differ in unit size ({sizes}); the colour shows the size. The front "
        "mixes sizes."),
    "dashboard.posts_n": Text("{n} tjänster", "{n} posts"),
    "dashboard.sens_axis": Text("Index (andel av utfallets variation)",
                                "Index (share of the outcome's variation)"),
    "dashboard.unit_size": Text("Enhetens storlek (tjänster)", "Unit size (posts)"),
}


def sentences(prefix: str) -> dict[str, Text]:
    """The sentences of one screen (``app``, ``cli``, ``breakeven``, ``conditions``,
    ``dashboard``) by their id without the prefix."""
    start = prefix + "."
    return {key[len(start):]: text for key, text in SENTENCES.items()
            if key.startswith(start)}
