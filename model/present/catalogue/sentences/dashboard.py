"""The dashboard's sentences (``dashboard.*``), its cost cards' (``cards.*``), the names
of the sensitivity indices (``sensitivity.*``), of a measure's cost categories
(``costs.*``), the committee brief's (``brief.*``) and the conditions of a working-time
option (``conditions.*``)."""

from __future__ import annotations

from ..text import Text

DASHBOARD: dict[str, Text] = {
    # the dashboard and the brief (model.present.dashboard)
    "dashboard.title": Text("Personalomsättning i socialtjänsten: jämförelse av åtgärder",
                            "Social-services workforce stability: policy comparison"),
    "dashboard.title_run": Text("Personalomsättning i socialtjänsten: simuleringsresultat",
                                "Social-services workforce stability: simulation results"),
    "dashboard.title_sweep": Text("Parametersvep: vad driver resultatet?",
                                  "Parameter sweep: what drives the result?"),
    "dashboard.intro": Text(
        "Simulerade resultat med 95 % konfidensintervall över replikeringar. Håll "
        "muspekaren över ett värde för en förklaring.",
        "Simulated results with 95% confidence intervals over replications. Hover over "
        "a value for an explanation."),
    "dashboard.intro_psa": Text(
        "Simulerade resultat under osäkra antaganden: varje intervall är spannet där 95 % "
        "av de simulerade framtiderna hamnar (slumpen och de osäkra antagandena). Håll "
        "muspekaren över ett värde för en förklaring.",
        "Simulated results under uncertain assumptions: every interval is the span in which "
        "95% of the simulated futures fall (chance and the uncertain assumptions). Hover "
        "over a value for an explanation."),
    "dashboard.scenarios": Text("Scenarier", "Scenarios"),
    "dashboard.all": Text("Alla", "All"),
    "dashboard.none": Text("Inga", "None"),
    "dashboard.kpis": Text("Nyckeltal per scenario", "Key figures per scenario"),
    "dashboard.provenance": Text("Ursprung", "Provenance"),
    "dashboard.seed": Text("Slumpfrö", "Seed"),
    "dashboard.replications": Text("Replikeringar", "Replications"),
    "dashboard.years": Text("År", "Years"),
    "dashboard.warmup": Text("Insvängningsår", "Warm-up years"),
    "dashboard.version": Text("Version", "Version"),
    "dashboard.commit": Text("Git-commit", "Git commit"),
    "dashboard.date": Text("Datum", "Date"),
    "dashboard.file": Text("Fil", "File"),
    "dashboard.year": Text("År", "Year"),
    "dashboard.week_year": Text("År i perioden", "Year of the period"),
    "dashboard.ci": Text("95 %-intervall", "95% interval"),
    "dashboard.interval_band": Text("95 %-intervall", "95% interval"),
    "dashboard.kiruna": Text("Kiruna 2017", "Kiruna 2017"),
    "dashboard.base": Text("jämförelsebas", "base"),
    "dashboard.na": Text("–", "n/a"),
    "dashboard.fig_headcount": Text("Antal anställda", "Headcount"),
    "dashboard.fig_experience": Text("Erfarenhetsmix (år på enheten) med Kirunas fördelning 2017",
                                     "Experience mix (years in the unit) with Kiruna's "
                                     "2017 distribution"),
    "dashboard.fig_caseload": Text("Ärenden per handläggare, kö och utredningar över tidsgränsen",
                                   "Cases per worker, queue and overdue investigations"),
    "dashboard.fig_costs": Text("Kostnader per kategori och år (Mkr)",
                                "Costs by category and year (million SEK)"),
    "dashboard.fig_net": Text("Nettokostnad jämfört med basen per år (tkr)",
                              "Net cost against the base per year (thousand SEK)"),
    "dashboard.fig_cost_turnover": Text("Kostnad mot personalomsättning", "Cost versus turnover"),
    "dashboard.fig_exits": Text("Avgångar per år efter anställningstid och orsak",
                                "Exits per year by tenure and reason"),
    "dashboard.fig_runs": Text("Varje körning för sig: personalomsättning och utredningar "
                               "över tidsgränsen (kryss = kris)",
                               "Each run on its own: turnover and investigations past the "
                               "limit (cross = crisis)"),
    "dashboard.crisis_run": Text("Körning i kris", "Run in crisis"),
    "dashboard.median_runs": Text("Median av körningarna", "Median of the runs"),
    "dashboard.first_crisis_year": Text("första krisår", "first crisis year"),
    "dashboard.fig_splom": Text("Faktorer mot utfall", "Factors against outcomes"),
    "dashboard.fig_pareto": Text("Kostnad mot omsättning: Pareto-front",
                                 "Cost versus turnover: Pareto front"),
    "dashboard.fig_heatmap": Text("Två faktorer: utfall i rutnätet",
                                  "Two factors: outcome on the grid"),
    "dashboard.fig_sensitivity": Text("Känslighetsindex", "Sensitivity indices"),
    "dashboard.turnover_axis": Text("Avgångar per anställd och år", "Exits per head and year"),
    "dashboard.headcount_axis": Text("Anställda", "Employees"),
    "dashboard.share_axis": Text("Andel av personalen", "Share of staff"),
    "dashboard.cost_axis": Text("Kostnad per år (tkr)", "Cost per year (thousand SEK)"),
    "dashboard.cost_axis_m": Text("Kostnad per år (Mkr)", "Cost per year (million SEK)"),
    "dashboard.exits_axis": Text("Avgångar per år", "Exits per year"),
    "dashboard.pareto_front": Text("Pareto-front", "Pareto front"),
    "dashboard.points": Text("Punkter", "Points"),
    "dashboard.lt2": Text("< 2 år", "< 2 years"),
    "dashboard.2to5": Text("2–5 år", "2-5 years"),
    "dashboard.5plus": Text("5+ år", "5+ years"),
    "dashboard.caseload": Text("Ärenden per handläggare", "Cases per worker"),
    "dashboard.queue": Text("Väntande ärenden", "Waiting cases"),
    "dashboard.overdue": Text("Utredningar över 4 månader", "Investigations over 4 months"),
    "dashboard.view_budget": Text("Budget (kassaflöde)", "Budget (cash flow)"),
    "dashboard.view_economic": Text("Personalekonomisk", "Economic (personnel economics)"),
    "dashboard.view_budget_expl": Text(
        "Det kommunen betalar ut: löner, sjuklön, rekrytering, konsulter och "
        "åtgärdernas egna kostnader.",
        "The cash the municipality pays: salaries, sick pay, recruitment, consultants "
        "and the measures' own costs."),
    "dashboard.service_unpriced": Text(
        "Verksamhetens kvalitet (utredningar över tidsgränsen, väntande ärenden, byten "
        "av handläggare) redovisas för sig och är inte prissatt i någon av kalkylerna.",
        "The service (investigations over the legal limit, waiting cases, caseworker "
        "handovers) is reported on its own and is not priced in either view."),
    "dashboard.service_priced": Text(
        "Verksamhetens kvalitet är prissatt i den personalekonomiska kalkylen (ett "
        "antagande): {overdue} per utredning över tidsgränsen och {handover} per byte "
        "av handläggare.",
        "The service is priced in the economic view (an assumption): {overdue} per "
        "investigation over the legal limit and {handover} per caseworker handover."),
    "dashboard.view_economic_expl": Text(
        "Budget plus värdet av arbete som går förlorat (vakanser, klienttid som en "
        "åtgärd tar och som inte tas igen, uppsägningstid, inskolning, kollegors och "
        "chefens tid, sjukfrånvaro), värderat till lönekostnaden. Det förlorade arbetet "
        "betalas inte ut men blir ogjort; arbete som tillagda tjänster gör räknas in.",
        "The budget plus the value of work lost (vacancies, client time a measure takes "
        "away and does not recover, notice, ramp-up, colleagues' and the manager's time, "
        "sick leave), valued at its labour cost. The lost work is not paid out, but it is "
        "not done; work that added posts do is counted."),
    "dashboard.replacement_cost": Text(
        "Enhetens ersättningskostnad: en extra avgång kostar {total} ({lo} – {hi}) i den "
        "personalekonomiska kalkylen, i {year} års priser. Johréns block (rekrytering, "
        "introduktion, upplärning, vakans och avgång) ger {johren}, följdeffekterna "
        "{knock} ({parts}); de två delarna ger tillsammans {total}. "
        "I budgetkalkylen (kassaflöde) kostar den {cash}. Siffran gäller scenariots egna "
        "antaganden, och intervallet räknar bara slumpen ({runs} parvisa körningar).",
        "The unit's replacement cost: one extra exit costs {total} ({lo} – {hi}) in the "
        "economic view, in {year} prices. Johrén's blocks (recruitment, introduction, "
        "training-in, vacancy and exit) give {johren}, the knock-on effects {knock} "
        "({parts}); the two parts together make {total}. In the budget view (cash "
        "flow) it costs {cash}. The figure holds at the scenario's own assumptions, and "
        "its interval counts chance only ({runs} paired runs)."),
    "dashboard.economic_additions": Text("Personalekonomisk: tillägg för förlorat arbete",
                                         "Economic (personnel economics): added value "
                                         "of work lost"),
    "dashboard.costs_note": Text(
        "Fyllda staplar = Budget (kassaflöde). Randiga staplar ovanpå = det förlorade "
        "arbete som den personalekonomiska kalkylen lägger till. Hela stapeln = "
        "Personalekonomisk kostnad.",
        "Solid bars = Budget (cash flow). Hatched bars on top = the work lost that the "
        "economic view adds. The whole bar = Economic (personnel economics) cost."),
    "dashboard.ranking_h": Text("Alternativen rangordnade", "The options ranked"),
    "dashboard.ranking_rule": Text(
        "Ordning: alternativ utan varning för verksamheten först, inom varje grupp efter "
        "förväntad personalekonomisk nettokostnad per år (lägst först); ett alternativ "
        "sägs minska avgångarna bara när dess 95 %-intervall för undvikna avgångar "
        "ligger över noll. "
        "Jämfört med basen: {base}. Rangordningen följer bara denna regel och innehåller "
        "ingen rekommendation.",
        "Order: {rule}. Compared with the base: {base}. The order follows this rule "
        "only and makes no recommendation."),
    "dashboard.ranking_none": Text("Ingen rangordning: resultatet innehåller bara ett scenario.",
                                   "No ranking: these results hold a single scenario."),
    "dashboard.col_rank": Text("Plats", "Rank"),
    "dashboard.col_option": Text("Alternativ", "Option"),
    "dashboard.col_turnover_change": Text("Personalomsättning, förändring (procentenheter)",
                                          "Turnover change (percentage points)"),
    "dashboard.col_avoided": Text("Undvikna avgångar per år", "Exits avoided per year"),
    "dashboard.col_net_budget": Text("Nettokostnad per år: Budget (kassaflöde)",
                                     "Net cost per year: Budget (cash flow)"),
    "dashboard.col_net_economic": Text("Nettokostnad per år: Personalekonomisk",
                                       "Net cost per year: Economic (personnel economics)"),
    "dashboard.col_p_crisis": Text("Risk för kris (andel körningar)",
                                   "Risk of a crisis (share of runs)"),
    "dashboard.col_p_best": Text("Chans att vara bäst (personalekonomisk)",
                                 "Chance of being best (economic)"),
    "dashboard.col_p_saves": Text("Chans att spara pengar (personalekonomisk)",
                                  "Chance of saving money (economic)"),
    "dashboard.col_per_exit": Text("Kostnad per undviken avgång (personalekonomisk)",
                                   "Cost per avoided exit (economic)"),
    "dashboard.col_payback": Text("Återbetalning (personalekonomisk)", "Payback (economic)"),
    "dashboard.col_payback_budget": Text("Återbetalning: Budget (kassaflöde)",
                                         "Payback: Budget (cash flow)"),
    "dashboard.col_service": Text("Verksamheten", "Service"),
    "dashboard.negative_cheaper": Text(
        "Negativ nettokostnad = billigare än basen. – = inte definierat (åtgärden har "
        "ingen egen kontantutgift: betald tid från klientarbetet är lön som betalas ändå "
        "och räknas i den personalekonomiska kalkylen; eller så undviker den inte säkert "
        "några avgångar). Kostnad per undviken avgång: intervallet gäller kvoten av "
        "medelvärdena (bootstrap), inte framtidernas spridning, och är därför smalare. "
        "Personalomsättningen räknas per anställd: en åtgärd som lägger till tjänster kan "
        "sänka den utan att avgångarna blir färre. En varning för verksamheten ges när "
        "intervallet för medelskillnaden ligger på fel sida om noll; att ett alternativ "
        "minskar avgångarna sägs först när spannet av framtider ligger över noll, en "
        "strängare prövning.",
        "Negative net cost = cheaper than the base. n/a = not defined (the measure has "
        "no cash outlay of its own: paid time off client work is pay paid anyway and is "
        "counted in the economic view; or it does not avoid exits with confidence). Cost "
        "per avoided exit: its interval is that of the ratio of the means (bootstrap), "
        "not the spread of the futures, and so narrower. Turnover counts per employee: a "
        "measure that adds posts can lower it without fewer exits. A service warning is "
        "given when the interval of the mean difference lies on the wrong side of zero; "
        "an option is said to avoid exits only when the spread of futures lies above "
        "zero, a stricter test."),
    "dashboard.service_ok": Text("ingen varning", "no warning"),
    "dashboard.service_ok_unsure": Text(
        "ingen varning, villkor osäkert (se ”Vad måste gälla för kortare arbetstid?”)",
        "no warning, condition uncertain (see 'What must be true for shorter working "
        "time?')"),
    "dashboard.warning_prefix": Text("VARNING FÖR VERKSAMHETEN", "SERVICE WARNING"),
    "dashboard.warning_suffix": Text("en besparing här är ingen rekommendation",
                                     "a saving here is not a recommendation"),
    "dashboard.flag_queue_growing": Text("väntande ärenden fortsätter att öka",
                                         "waiting cases keep growing"),
    "dashboard.flag_overdue_growing": Text("öppna utredningar över tidsgränsen fortsätter att öka",
                                           "open overdue investigations keep growing"),
    "dashboard.flag_crisis_response_up": Text(
        "enheten hinner bara med genom nödåtgärder (kortad tid i pågående ärenden, köpta "
        "utredningar)",
        "the unit keeps up only by emergency measures (less time for ongoing cases, bought "
        "investigations)"),
    "dashboard.flag_overdue_share_up": Text("fler utredningar över lagens tidsgräns",
                                            "more investigations over the legal limit"),
    "dashboard.flag_turnover_up": Text("personalomsättningen ökar", "turnover rises"),
    "dashboard.flag_crisis_risk_up": Text("risken för kris ökar", "the risk of a crisis rises"),
    "dashboard.flag_crisis_risk": Text("enheten hamnar i kris i minst en körning av tio",
                                       "the unit falls into crisis in at least one run "
                                       "in ten"),
    "dashboard.payback_none": Text("ingen egen kontantutgift (se nettokostnaden)",
                                   "no cash outlay of its own (see the net cost)"),
    "dashboard.payback_never": Text("inte inom perioden", "not within the period"),
    "dashboard.payback_first": Text("från år 1", "from year 1"),
    "dashboard.payback_year": Text("år {n}", "year {n}"),
    "dashboard.cat_salaries": Text("Löner", "Salaries"),
    "dashboard.cat_sick_leave": Text("Sjuklön", "Sick pay"),
    "dashboard.cat_rehabilitation": Text("Rehabilitering", "Rehabilitation"),
    "dashboard.cat_mentoring": Text("Mentorstid (lön)", "Mentor time (pay)"),
    "dashboard.cat_rampup_lost_output": Text(
        "Inskolning (lön för tid som ännu inte ger klientarbete)",
        "Ramp-up (pay for time not yet usable for casework)"),
    "dashboard.cat_recruitment": Text("Rekrytering", "Recruitment"),
    "dashboard.cat_consultants": Text("Konsulter", "Consultants"),
    "dashboard.cat_overtime": Text("Övertid när kön växer", "Overtime when the queue grows"),
    "dashboard.cat_bought_investigations": Text("Köpta utredningar när kön växer",
                                                "Investigations bought when the queue grows"),
    "dashboard.cat_bought_follow_up": Text("Köpt uppföljning av pågående ärenden när kön "
                                           "växer", "Follow-up of ongoing cases bought when "
                                           "the queue grows"),
    "dashboard.cat_borrowed_staff": Text("Personal lånad från andra enheter när kön växer",
                                         "Staff borrowed from other units when the queue "
                                         "grows"),
    "dashboard.cat_leadership": Text("Tillfälliga gruppledare när många slutar",
                                     "Temporary team leaders when many leave"),
    "dashboard.cat_policy_overstaffing": Text("Tjänster utöver budget", "Posts above budget"),
    "dashboard.cat_lost_vacancy": Text("Förlorat arbete: vakanta tjänster",
                                       "Work lost: vacant posts"),
    "dashboard.cat_lost_measure_time": Text(
        "Förlorat arbete: klienttid som åtgärder tar och som inte tas igen",
        "Work lost: client time measures take away, not recovered"),
    "dashboard.cat_lost_notice": Text("Förlorat arbete: uppsägningstid",
                                      "Work lost: notice period"),
    "dashboard.cat_lost_rampup": Text("Förlorat arbete: nyanställdas inskolning",
                                      "Work lost: newcomers' ramp-up"),
    "dashboard.cat_lost_colleague_time": Text("Förlorat arbete: kollegors hjälp till nyanställda",
                                              "Work lost: colleagues' help to newcomers"),
    "dashboard.cat_lost_mentoring": Text("Förlorat arbete: mentorers tid",
                                         "Work lost: mentors' time"),
    "dashboard.cat_lost_sick_leave": Text("Förlorat arbete: sjukfrånvaro", "Work lost: sick leave"),
    "dashboard.cat_manager_introduction": Text("Chefens tid för introduktion",
                                               "Manager's time on introduction"),
    "dashboard.cat_service_overdue": Text("Verksamheten: utredningar över tidsgränsen",
                                          "Service: overdue investigations"),
    "dashboard.cat_service_handovers": Text("Verksamheten: byte av handläggare",
                                            "Service: caseworker handovers"),
    "dashboard.block": Text("Johréns kostnadsblock", "Johrén's cost block"),
    "dashboard.block_recruitment": Text("Rekrytering", "Recruitment"),
    "dashboard.block_introduction": Text("Introduktion", "Introduction"),
    "dashboard.block_training_in": Text("Upplärning", "Training-in"),
    "dashboard.block_vacancy_exit": Text("Vakans och avgång", "Vacancy and exit"),
    "dashboard.block_sick_leave": Text("Sjukfrånvaro", "Sick leave"),
    "dashboard.block_payroll": Text("Ordinarie lönekostnad (yngre personal kostar mindre)",
                                    "Ordinary payroll (a younger staff costs less)"),
    "dashboard.block_recruitment_market": Text("Senare rekryteringar (sämre rekryteringsläge)",
                                               "Later recruitment (a harder market)"),
    "dashboard.block_measures": Text("Åtgärder", "Measures"),
    "dashboard.block_service": Text("Verksamheten", "Service"),
    "dashboard.block_crisis_response": Text("Förstärkt ledning när många slutar",
                                            "Leadership strengthened when many leave"),
    "dashboard.pol_first_line": Text("första linjen", "first line"),
    "dashboard.pol_intensive_investigation": Text("intensivutredning", "intensive investigation"),
    "dashboard.pol_introduction_programme": Text("introduktionsprogram", "introduction programme"),
    "dashboard.pol_salary_ladder": Text("lönetrappa", "salary ladder"),
    "dashboard.pol_overstaffing": Text("överbemanning", "overstaffing"),
    "dashboard.pol_specialists": Text("specialister", "specialists"),
    "dashboard.pol_admin_support": Text("administrativt stöd", "administrative support"),
    "dashboard.pol_smaller_groups": Text("mindre arbetsgrupper", "smaller groups"),
    "dashboard.pol_trainees": Text("traineer", "trainees"),
    "dashboard.pol_recruitment_support": Text("rekryteringsstöd", "recruitment support"),
    "dashboard.pol_working_time": Text("arbetstid", "working time"),
    "dashboard.pol_reflection_day": Text("reflektionsdag", "reflection day"),
    "dashboard.reason_resignation": Text("Egen uppsägning", "Resignation"),
    "dashboard.reason_outside_pull": Text("Lockad av annan arbetsgivare", "Pulled away"),
    "dashboard.reason_retirement": Text("Pension", "Retirement"),
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
    "conditions.always": Text("uppfyllt redan vid {low} (vid alla {k} prövade värden)",
                              "met already at {low} (at all {k} values tried)"),
    "conditions.never": Text("inte inom {low}–{high} (vid inget av {k} prövade värden)",
                             "not within {low}–{high} (at none of {k} values tried)"),
    "conditions.yes": Text("ja", "yes"),
    "conditions.unsure": Text("osäkert (antagandet ligger inom intervallet)",
                              "uncertain (the assumption lies inside the interval)"),
    "conditions.parameter": Text("Sökt parameter", "Parameter searched"),
    "conditions.no": Text("nej", "no"),
    "conditions.note": Text(
        "{n} parvisa replikeringar × {y} år per prövat värde, med övriga antaganden "
        "fasta på scenariots värden (en kortare sökning än huvudkörningens, så intervallen "
        "räknar bara slumpen); en produktivitetsvinst på 33 % (8/6 − 1) betyder att hela "
        "dagens arbetsmängd klaras på sex timmar.",
        "{n} paired replications × {y} years per value tried, with the other assumptions "
        "held at the scenario's values (a shorter search than the main run's, so the "
        "intervals count chance only); a productivity gain of 33% (8/6 − 1) means the "
        "whole of today's load is done in six hours."),
    # the committee brief's own sentences: sentences/brief.py
    # the dashboard's cost cards (model.present.dashboard.tables)
    "cards.net_cost_budget": Text("Nettokostnad per år mot basen: Budget (kassaflöde)",
                                  "Net cost per year vs base: Budget (cash flow)"),
    "cards.net_cost_budget_help": Text(
        "Skillnad i utbetalningar per år mot basscenariot (parvisa replikeringar). "
        "Negativt = billigare.",
        "Difference in cash paid per year against the base scenario (paired "
        "replications). Negative = cheaper."),
    "cards.net_cost_economic": Text("Nettokostnad per år mot basen: Personalekonomisk",
                                    "Net cost per year vs base: Economic (personnel economics)"),
    "cards.net_cost_economic_help": Text(
        "Som budget, plus förändringen i värdet av förlorat arbete (vakanser, "
        "inskolning, sjukfrånvaro m.m.). Negativt = billigare.",
        "The budget difference plus the change in the value of work lost (vacancies, "
        "ramp-up, sick leave etc.). Negative = cheaper."),
    "cards.p_saves_economic": Text("Chans att spara pengar (personalekonomisk)",
                                   "Chance of saving money (economic)"),
    "cards.p_saves_economic_help": Text(
        "Andel replikeringar där den personalekonomiska nettokostnaden är negativ.",
        "Share of replications in which the economic net cost is negative."),
    "cards.payback": Text("Återbetalning (personalekonomisk)", "Payback (economic)"),
    "cards.payback_help": Text(
        "Första år från vilket den samlade personalekonomiska nettokostnaden stannar på "
        "noll eller lägre. Bara för åtgärder med en kontantkostnad.",
        "First year from which the cumulative economic net cost stays at or below zero. "
        "Only for measures with a cash cost."),
    # the sensitivity indices (model.present.dashboard.sweepfigs)
    "sensitivity.S1": Text("förstaordningens index (S1)", "first-order index (S1)"),
    "sensitivity.ST": Text("totalindex (ST)", "total index (ST)"),
    "sensitivity.mu_star": Text("Morris μ*", "Morris μ*"),
    "sensitivity.sigma": Text("Morris σ", "Morris σ"),
    "sensitivity.noise_share": Text("andel slumpbrus", "share of replication noise"),
    # the cost categories of a measure (model.present.dashboard.i18n.category_label)
    "costs.policy": Text("Åtgärdens kostnad: {name}", "Measure cost: {name}"),
    "costs.time": Text("Lön för tid från klientarbetet: {name}",
                       "Pay for time off casework: {name}"),
}
