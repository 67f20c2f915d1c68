"""The command line's sentences (``cli.*``) and the break-even search's result in words
(``breakeven.*``)."""

from __future__ import annotations

from ..text import Text

CLI: dict[str, Text] = {
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
        "pengar i den personalekonomiska kalkylen och chansen att vara bäst (lägst "
        "personalekonomisk nettokostnad bland basen och alternativen utan varning); "
        "risken för kris (andel körningar med ett krisår).",
        "Turnover change in percentage points; net cost per year against the base (a "
        "negative amount saves money); the chance of saving money in the economic view "
        "and the chance of being best (the lowest economic net cost among the base and "
        "the options without a warning); the risk of a crisis (share of runs with a "
        "crisis year)."),
    "cli.col_option": Text("Alternativ", "Option"),
    "cli.col_turnover": Text("Omsättning", "Turnover"),
    "cli.col_budget": Text("Budget", "Budget view"),
    "cli.col_economic": Text("Personalekonomisk", "Economic view"),
    "cli.col_p": Text("Sparar", "Saves"),
    "cli.col_best": Text("Bäst", "Best"),
    "cli.col_crisis": Text("Kris", "Crisis"),
    "cli.col_service": Text("Verksamheten", "Service"),
    "cli.intervals_fixed": Text(
        "Intervallen och chanserna räknar bara slumpen: antagandena hålls fasta (lägg "
        "till --uncertainty N för att också dra dem).",
        "The intervals and chances count chance only: the assumptions are held fixed "
        "(add --uncertainty N to draw them as well)."),
    "cli.intervals_psa": Text(
        "Intervallen och chanserna räknar både slumpen och de osäkra antagandena: {d} "
        "dragningar av antagandena, {runs} per dragning, samma dragningar för "
        "alla alternativ; {x} av {n} dragningar uteslöts för att basens "
        "personalomsättning låg utanför den enheten visar ({lo}–{hi} per år); ett intervall "
        "är spannet där 95 % av dessa framtider hamnar.",
        "The intervals and chances count both chance and the uncertain assumptions: {d} "
        "draws of the assumptions, {runs} per draw, the same draws for every option; "
        "{x} of {n} draws were left out because the base's turnover lay outside what the "
        "unit shows ({lo}-{hi} a year); an interval is the span in which 95% of these "
        "futures fall."),
    "cli.group_warned": Text("alternativ med varning för verksamheten",
                             "options with a service warning"),
    "cli.group_open": Text("alternativ utan varning för verksamheten",
                           "options without a service warning"),
    "cli.col_avoids": Text("Färre avgångar", "Fewer exits"),
    "cli.avoids_yes": Text("ja", "yes"),
    "cli.avoids_not_shown": Text("ej belagt", "not established"),
    "cli.ok": Text("ingen varning", "ok"),
    "cli.ok_unsure": Text("ingen varning, villkor osäkert*", "no warning, condition uncertain*"),
    "cli.unsure_note": Text(
        "* Kön eller personalomsättningen hålls bara om produktivitetsvinsten (eller "
        "omställningen) är minst ett värde vars intervall rymmer det antagna värdet "
        "(conditions.parquet; underlagets ”Vad måste gälla för kortare arbetstid?”).",
        "* The queue or the turnover holds only if the productivity gain (or redesign) "
        "reaches a value whose interval holds the assumed one (conditions.parquet; the "
        "brief's 'What must be true for shorter working time?')."),
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
    "cli.d_p_crisis": Text("risk för kris (andel körningar)", "risk of a crisis (share of runs)"),
    "cli.d_p_crisis_base": Text("basens risk i samma körningar",
                                "the base's risk in the same runs"),
    "cli.d_crisis_change": Text("förändring mot basen (procentenheter)",
                                "change against the base (percentage points)"),
    "cli.d_budget_h": Text(
        "budget (kassaflöde), förändring av kostnaden per år (+ dyrare, - billigare):",
        "budget view (cash), change in cost per year (+ costs more, - saves):"),
    "cli.d_measure": Text("åtgärden själv", "the measure itself"),
    "cli.d_recruitment": Text("rekrytering", "recruitment"),
    "cli.d_consultants": Text("konsulter", "consultants"),
    "cli.d_sick": Text("sjuklön, rehabilitering", "sick pay, rehabilitation"),
    "cli.d_crisis_response": Text("övertid, köpta utredningar, tillfälliga gruppledare",
                                  "overtime, bought investigations, temporary team leaders"),
    "cli.d_payroll": Text("lönekostnad", "payroll"),
    "cli.d_time_moved": Text("betald tid flyttad från klientarbete",
                             "paid time moved off casework"),
    "cli.time_h": Text(
        "Betald tid som alternativen flyttar från klientarbete, kr per år (i budgeten, till "
        "lönen hos dem som får tiden), och det arbete som inte tas igen (förlorat arbete i "
        "den personalekonomiska kalkylen, värderat till enhetens genomsnittliga "
        "arbetskostnad för en tjänst, så det kan överstiga den flyttade lönen när tiden går "
        "till medarbetare med lägre lön):",
        "Paid time the options move off casework, SEK a year (budget view, at the pay of "
        "those who get the time), and the work not recovered (work lost in the economic "
        "view, valued at the unit's mean labour cost of a post, so it can exceed the pay "
        "moved when the time goes to staff on lower pay):"),
    "cli.time_line": Text("{name}: {moved} flyttad; arbete värt {lost} tas inte igen",
                          "{name}: {moved} moved; work worth {lost} not recovered"),
    "cli.d_lost_measures": Text("förlorat arbete: åtgärdens klienttid",
                                "work lost: the measure's client time"),
    "cli.d_lost_other": Text("förlorat arbete i övrigt, förändring",
                             "other work lost, change"),
    "cli.d_net": Text("nettokostnad per år", "net cost per year"),
    "cli.d_p_cash": Text("chans att spara kontanter", "chance it saves cash"),
    "cli.d_econ_h": Text("personalekonomisk kalkyl (budget + värdet av förlorat arbete):",
                         "economic view (budget + value of work lost):"),
    "cli.d_work_lost": Text("förlorat arbete, förändring", "work lost, change"),
    "cli.d_p_saves": Text("chans att spara pengar", "chance it saves money"),
    "cli.d_per_exit": Text("kostnad per undviken avgång", "cost per avoided exit"),
    "cli.d_payback": Text("återbetalning", "payback"),
    "cli.not_advice": Text("en besparing här är ingen rekommendation",
                           "a saving here is not a recommendation"),
    "cli.base_unstable": Text(
        "{w} redan i BASEN: alla alternativ jämförs med en enhet vars kö eller "
        "bemanning inte är stabil; kontrollera först basens inflöde, tjänster och chefer",
        "{w} in the BASE itself: every option is compared with a unit whose queue or "
        "staffing is not stable; check the base's inflow, posts and managers first"),
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
    "cli.written_to": Text("Skrivet till", "Written to"),
    "cli.dashboard_written": Text("Dashboard (öppna i en webbläsare, fungerar utan nät)",
                                  "Dashboard (open in a browser, works offline)"),
    "cli.brief_word": Text("Underlag till nämnden", "Committee brief"),
    "cli.next_steps": Text(
        "Nästa steg: läs underlaget (sidan 1 är beslutsunderlaget) och öppna dashboarden; "
        "för er egen enhet: python simulate.py import-hr personalrapport.csv, därefter "
        "python simulate.py --base scenarios/own/<enhet>.yaml (docs/USER_GUIDE.md); "
        "provsvar under ett sammanträde: python simulate.py app.",
        "Next: read the brief (page 1 is the decision page) and open the dashboard; for "
        "your own unit: python simulate.py import-hr staff_report.csv, then python "
        "simulate.py --base scenarios/own/<unit>.yaml (docs/USER_GUIDE.md); what-ifs "
        "during a meeting: python simulate.py app; add --lang sv for this console in "
        "Swedish."),
    "cli.estimated": Text(
        "Uppskattat: omkring {t} på {w} kärnor och {m} minne ({what}); Ctrl-C avbryter "
        "och lämnar inget halvskrivet",
        "Estimated: about {t} on {w} core(s) and {m} of memory ({what}); Ctrl-C stops it "
        "and leaves nothing half-written"),
    "cli.estimated_what": Text("{r} körningar × {p} tjänster × {y} år",
                               "{r} runs x {p} posts x {y} years"),
    # what a command says about a unit before it runs (model.present.unit_text)
    "cli.util": Text(
        "{label}: förväntat utnyttjande {u} ({d} ärendetimmar per år mot {c} klienttimmar "
        "för {p} tjänster, alla tillsatta)",
        "{label}: expected utilisation {u} ({d} case hours a year against {c} client hours "
        "of {p} posts all filled)"),
    "cli.util_start": Text("; {s} med personalen vid start", "; {s} with the staff at the start"),
    "cli.util_unstable": Text(
        "VARNING {text}: kön kan inte bli stabil; inflödet ({i} utredningar, {o} pågående "
        "ärenden per år) är mer än tjänsterna bär (ange det per tjänst, eller kontrollera "
        "det mot tjänsterna)",
        "WARNING {text}: the queue cannot be stable; the inflow ({i} investigations, {o} "
        "ongoing cases a year) is more than the posts can carry (give it per post, or "
        "check it against the posts)"),
    "cli.util_tight": Text(
        "obs {text}: kön kan växa; en enhet med vanliga vakanser, nyanställda och "
        "sjukfrånvaro bär ungefär 80 % av dessa timmar",
        "note {text}: the queue may grow; a unit with usual vacancies, newcomers and sick "
        "leave carries roughly 80% of these hours"),
    "cli.span_note": Text(
        "obs {label}: ledningsspann {s} medarbetare per chef, chefsstödet {z} SD under det "
        "vid referensspannet {r} (unit.managers och unit.team_leaders följer inte "
        "unit.posts: ange dem också för en större enhet)",
        "note {label}: span of control {s} staff per manager, manager support {z} SD "
        "below that of the reference span of {r} (unit.managers and unit.team_leaders do "
        "not grow with unit.posts: set them too for a larger unit)"),
    "cli.next_steps_own": Text(
        "Nästa steg: läs underlaget (sidan 1 är beslutsunderlaget) och öppna dashboarden; "
        "provsvar under ett sammanträde: python simulate.py app.",
        "Next: read the brief (page 1 is the decision page) and open the dashboard; "
        "what-ifs during a meeting: python simulate.py app; add --lang sv for this console "
        "in Swedish."),
    "cli.queue_unstable": Text(
        "enhetens kö är inte stabil under perioden (jämför dess inflöde med dess "
        "tjänster och chefer)",
        "this unit's queue is not stable over the horizon (check its inflow against its "
        "posts and managers)"),
    "cli.reused": Text(
        "{out}: det sparade resultatet har samma indata (scenariernas innehåll, "
        "slumpfrö, period, replikeringar och verktygets version; beräknat {when}) och "
        "visas igen utan att räknas om; --force räknar om",
        "{out}: the stored result has the same inputs (the scenarios' contents, seed, "
        "horizon, replications and the tool's version; computed {when}) and is shown "
        "again without recomputing; --force recomputes"),
    "cli.settings": Text("{y} år efter {w} års insvängning med {r} replikeringar",
                         "{y} years after {w} warm-up years with {r} replications"),
    "cli.calibrated_over": Text(
        "Obs: {file} kalibrerades över {fit}, men här körs {now}: basen visar då "
        "kanske inte den personalomsättning den anpassades till (omsättningen beror på "
        "perioden, mest nära en tippunkt, och anpassningens medelvärde på antalet "
        "replikeringar); som vid kalibreringen: {flags}",
        "Note: {file} was calibrated over {fit}, but this runs {now}: the base may "
        "not show the turnover it was fitted to (turnover depends on the horizon, most "
        "near a tipping point, and the fit's mean on its replications); as calibrated: "
        "{flags}"),
    "cli.crisis_share": Text(
        "Obs: {k} av {n} körningar av {name} ({p}) var kriskörningar; det som gjorde "
        "deras första krisår till kris: {why}; ett medelvärde blandar sådana kollapser med "
        "vanliga "
        "framtider, så läs körningarna en och en (dashboardens diagram över varje "
        "körning){more}",
        "Note: {k} of {n} runs of {name} ({p}) were crisis runs; what made their first "
        "crisis year one: {why}; a mean mixes such collapses with "
        "ordinary futures, so read the runs one by one (the dashboard's chart of each "
        "run){more}"),
    "cli.crisis_why": Text("{what} ({k} av dem)", "{what} ({k} of them)"),
    "cli.crisis_or": Text(", ", ", "),
    # what made a run a crisis run (the summary's crisis_reason), with its threshold
    "cli.crisis_overdue": Text("minst {o} av utredningarna över fyramånadersgränsen",
                               "at least {o} of the investigations past the four-month "
                               "limit"),
    "cli.crisis_queue": Text("väntande utredningar motsvarande minst {q} månaders inflöde",
                             "waiting investigations of at least {q} months of intake"),
    "cli.crisis_exits": Text("avgångar av minst {t} av personalen",
                             "exits of at least {t} of the staff"),
    "cli.crisis_bought": Text("minst {b} av utredningarna köpta",
                              "at least {b} of the investigations bought"),
    "cli.crisis_options": Text("; alternativens andelar står i kolumnen Kris",
                               "; the options' shares are in the Crisis column"),
    # what a measure applied to another base adds (compare --base; model.present.measure_text)
    "cli.measure_above": Text("{n} tjänst utöver budget|{n} tjänster utöver budget",
                              "{n} post above the budget|{n} posts above the budget"),
    "cli.measure_of": Text("{share} av {posts}, avrundat uppåt", "{share} of {posts}, rounded up"),
    "cli.measure_specialists": Text("{n} specialisttjänst|{n} specialisttjänster",
                                    "{n} specialist post|{n} specialist posts"),
    "cli.measure_assistants": Text("{n} årsarbetare assistent", "{n} assistant FTE"),
    "cli.measure_leaders": Text("{n} gruppledare|{n} gruppledare",
                                "{n} team leader|{n} team leaders"),
    "cli.measure_sets": Text(
        "{name}: anger själv {keys} och ersätter basens (nu {posts} tjänster mot "
        "basens {base}); för att lägga till tjänster på vilken bas som helst, "
        "använd policies.overstaffing.extra_posts eller extra_share",
        "{name}: sets {keys} itself, replacing the base's (now {posts} posts "
        "against the base's {base}); to add posts to any base, use "
        "policies.overstaffing.extra_posts or extra_share"),
    "cli.measure_adds": Text("{name} på en bas med {base} tjänster lägger till {what}",
                             "{name} on a base of {base} posts adds {what}"),
    "cli.measure_on_base": Text("På denna bas ({base} tjänster): {what}.",
                                "On this base ({base} posts): {what}."),
    # the title and description of a unit's scenario made from HR files (import-hr)
    "cli.import_title": Text("Vår enhet ({name})", "Our unit ({name})"),
    "cli.import_description": Text("Importerad från {file}, referensdatum {ref}.",
                                   "Imported from {file} on reference date {ref}."),
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
}
