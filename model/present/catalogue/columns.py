"""The names of the result tables' columns, of the values in their word columns (units,
events, details) and of the tables themselves, in Swedish and English, for the export to
Excel and CSV (``model.present.dashboard.columns`` adds each column's number format).
A column that is a metric takes the metric's header; a few take the dashboard's words."""

from __future__ import annotations

from .metrics import METRICS
from .sentences import SENTENCES
from .text import Text


def _t(key: str, suffix: str = "") -> Text:
    text = SENTENCES[f"dashboard.{key}"]
    return Text(text.sv + suffix, text.en + suffix)


def _unit(text: Text, sv: str, en: str) -> Text:
    return Text(f"{text.sv} ({sv})", f"{text.en} ({en})")


# column -> its header
COLUMN_WORDS: dict[str, Text] = {
    # keys
    "scenario": Text("Scenario", "Scenario"),
    "replication": Text("Replikering", "Replication"),
    "seed": _t("seed"),
    "year": _t("year"),
    "week": Text("Vecka", "Week"),
    "day": Text("Dag", "Day"),
    "point": Text("Punkt", "Point"),
    # summary (one row per replication), also the metrics of the comparison table
    **{m.name: Text(m.header("sv"), m.header("en")) for m in METRICS},
    # comparison and cost-benefit (the cost-benefit table's rows are metrics too)
    "metric": Text("Mått", "Metric"),
    "measure": Text("Mått", "Metric"),
    "unit": Text("Enhet", "Unit"),
    "mean": Text("Medelvärde", "Mean"),
    "ci_low": Text("95 %-intervall, nedre", "95% interval, lower"),
    "ci_high": Text("95 %-intervall, övre", "95% interval, upper"),
    "diff": Text("Skillnad mot basen", "Difference from the base"),
    "diff_ci_low": Text("Skillnad, 95 %-intervall, nedre", "Difference, 95% interval, lower"),
    "diff_ci_high": Text("Skillnad, 95 %-intervall, övre", "Difference, 95% interval, upper"),
    "n": Text("Antal replikeringar", "Number of replications"),
    "service_flag": _t("col_service"),
    # costs
    "category": Text("Kostnadsslag", "Cost category"),
    "view": Text("Kalkyl", "Cost view"),
    "block": _t("block"),
    "sek": Text("Belopp (kr)", "Amount (SEK)"),
    # events
    "event": Text("Händelse", "Event"),
    "worker_id": Text("Medarbetare (nr)", "Worker (no.)"),
    "slot": Text("Tjänst (nr)", "Post (no.)"),
    "detail": Text("Detalj", "Detail"),
    "tenure_years": Text("År på enheten", "Years in the unit"),
    "value": Text("Värde", "Value"),
    "count": Text("Antal", "Count"),
    "events_per_replication": Text("Antal per replikering", "Count per replication"),
    # timeseries
    "headcount": _t("headcount_axis"),
    "fte": Text("Årsarbetare", "FTE"),
    "vacancies": Text("Vakanta tjänster", "Vacant posts"),
    "consultants": Text("Konsulter", "Consultants"),
    "on_notice": Text("Under uppsägningstid", "On notice"),
    "sick_absent": Text("Sjukfrånvarande (årsarbetare)", "Sick absent (FTE)"),
    "intending_share": Text("Andel som tänker sluta", "Share intending to leave"),
    "demand_z": Text("Krav (z)", "Demand (z)"),
    "control_z": Text("Kontroll (z)", "Control (z)"),
    "manager_support_z": Text("Stöd från chefen (z)", "Manager support (z)"),
    "colleague_support_z": Text("Stöd från kollegor (z)", "Colleague support (z)"),
    "strain": Text("Belastning (z)", "Strain (z)"),
    "exhaustion": Text("Utmattning (0–1)", "Exhaustion (0–1)"),
    "utilisation": Text("Beläggning", "Utilisation"),
    "queue_investigations": Text("Väntande utredningar", "Waiting investigations"),
    "queue_ongoing": Text("Väntande pågående ärenden", "Waiting ongoing cases"),
    "open_cases": Text("Öppna ärenden", "Open cases"),
    "caseload_per_worker": _t("caseload"),
    "overdue_open": _t("overdue"),
    "mentor_hours": Text("Mentorstimmar per vecka", "Mentor hours per week"),
    "mentor_coverage": Text("Andel nyanställda med mentor", "Share of new hires with a mentor"),
    "tenure_lt2": Text("Anställda under 2 år", "Employed under 2 years"),
    "tenure_2to5": Text("Anställda 2–5 år", "Employed 2–5 years"),
    "tenure_5plus": Text("Anställda 5 år eller mer", "Employed 5 years or more"),
    "exits_cum": Text("Avgångar hittills", "Exits so far"),
    "hires_cum": Text("Nyanställningar hittills", "Hires so far"),
    "posts_open": Text("Tjänster", "Posts"),
    "unassigned_past_relax": Text("Ärenden utan handläggare längre än gränsen",
                                  "Cases without a worker beyond the limit"),
    # what must be true for a working-time option (conditions)
    "parameter": Text("Parameter", "Parameter"),
    "status": Text("Utfall av sökningen", "Outcome of the search"),
    "current": Text("Antaget värde i scenariot", "Value assumed in the scenario"),
    "holds": Text("Uppfyllt", "Holds"),
    "low": Text("Sökt från", "Searched from"),
    "high": Text("Sökt till", "Searched to"),
    "objective_low": Text("Skillnad mot basen vid lägsta värdet",
                          "Difference from the base at the lowest value"),
    "objective_high": Text("Skillnad mot basen vid högsta värdet",
                           "Difference from the base at the highest value"),
    "evaluations": Text("Antal beräkningar", "Number of evaluations"),
    "replications": Text("Replikeringar per beräkning", "Replications per evaluation"),
    "years": Text("År per beräkning", "Years per evaluation"),
    # cost-benefit measures (the rows of cost_benefit)
    "policy_cost_per_year": Text("Åtgärdens egen kostnad per år (kr)",
                                 "The measure's own cost per year (SEK)"),
    "recruitment_cost_change_per_year": Text(
        "Rekrytering, förändring av kostnaden per år (kr; + dyrare, - billigare)",
        "Recruitment, change in cost per year (SEK; + costs more, - saves)"),
    "consultants_cost_change_per_year": Text(
        "Konsulter, förändring av kostnaden per år (kr; + dyrare, - billigare)",
        "Consultants, change in cost per year (SEK; + costs more, - saves)"),
    "sick_pay_cost_change_per_year": Text(
        "Sjuklön och rehabilitering, förändring av kostnaden per år (kr; + dyrare, "
        "- billigare)",
        "Sick pay and rehabilitation, change in cost per year (SEK; + costs more, - saves)"),
    "crisis_response_cost_change_per_year": Text(
        "Övertid, köpta utredningar och tillfälliga gruppledare, förändring av kostnaden "
        "per år (kr; + dyrare, - billigare)",
        "Overtime, bought investigations and temporary team leaders, change in cost per "
        "year (SEK; + costs more, - saves)"),
    "payroll_change_per_year": Text("Förändring lönekostnad per år (kr)",
                                    "Change in payroll per year (SEK)"),
    "paid_time_off_casework_per_year": Text("Betald tid från klientarbetet per år (kr)",
                                            "Paid time off casework per year (SEK)"),
    "net_cost_budget_sek_per_year": _t("col_net_budget", " (kr)"),
    "work_lost_change_per_year": Text("Förändring förlorat arbete per år (kr)",
                                      "Change in work lost per year (SEK)"),
    "net_cost_economic_sek_per_year": _t("col_net_economic", " (kr)"),
    "p_saves_budget": Text("Chans att spara pengar (budget)",
                           "Chance of saving money (budget)"),
    "p_saves_economic": _t("col_p_saves"),
    "exits_avoided_per_year": _t("col_avoided"),
    "turnover_rate_change": Text("Personalomsättning, förändring", "Turnover, change"),
    "overdue_share_change": Text("Utredningar över tidsgränsen, förändring",
                                 "Investigations over the legal limit, change"),
    "mean_queue_change": Text("Väntande ärenden, förändring", "Waiting cases, change"),
    "queue_trend_per_year": Text("Väntande ärenden, trend per år",
                                 "Waiting cases, trend per year"),
    "overdue_open_trend_per_year": Text("Öppna utredningar över tidsgränsen, trend per år",
                                        "Open investigations over the legal limit, trend "
                                        "per year"),
    "p_queue_growing": Text("Andel körningar där kön växer", "Share of runs where the queue grows"),
    "cost_per_avoided_exit": _t("col_per_exit", " (kr)"),
    "payback_year": _t("col_payback", " (år)"),
    "payback_year_budget": _t("col_payback_budget", " (år)"),
    "work_lost_measure_time_per_year": Text(
        "Förlorat arbete: klienttid som åtgärden tar, per år (kr)",
        "Work lost: client time the measure takes, per year (SEK)"),
    # skewed results and the crisis risk
    "median": Text("Median", "Median"),
    "interval": Text("Intervallets metod", "Interval method"),
    "diff_median": Text("Skillnad mot basen, median", "Difference to the base, median"),
    "diff_interval": Text("Skillnadens intervall, metod", "Method of the difference's interval"),
    "crisis_year": Text("Första krisår", "First crisis year"),
    "crisis_reason": Text("Vad som gjorde första krisåret till kris",
                          "What made the first crisis year one"),
    "p_crisis": Text("Risk för kris (andel körningar)", "Risk of a crisis (share of runs)"),
    "p_crisis_base": Text("Basens risk för kris i samma körningar",
                          "The base's risk of a crisis in the same runs"),
    "crisis_risk_change": Text("Risk för kris, förändring", "Risk of a crisis, change"),
    # the unit's replacement cost (replacement_cost)
    "part": Text("Del", "Part"),
    "kind": Text("Slag", "Kind"),
    "sek_per_exit": Text("Kronor per extra avgång", "SEK per extra exit"),
    # uncertainty in the assumptions (draws, ceac, evppi)
    "p_best": Text("Sannolikhet att vara bäst", "Probability of being best"),
    "draw": Text("Dragning", "Draw"),
    "quantile": Text("Kvantil", "Quantile"),
    "value_per_avoided_exit_sek": Text("Värde av en undviken avgång (kr)",
                                       "Value of one avoided exit (SEK)"),
    "evppi_sek_per_year": Text("Värde av säker kunskap (EVPPI) per år (kr)",
                               "Value of perfect knowledge (EVPPI) per year (SEK)"),
    "flip_value": Text("Värde där slutsatsen vänder", "Value at which the verdict flips"),
    "influence_sek_per_year": Text("Påverkan på nettokostnaden per år (kr)",
                                   "Effect on the net cost per year (SEK)"),
    # break-even
    "objective": Text("Målfunktion", "Objective"),
    "half_width": Text("Halva 95 %-intervallets bredd", "Half width of the 95% interval"),
    # sensitivity
    "output": Text("Utfall", "Outcome"),
    "factor": Text("Faktor", "Factor"),
    "method": Text("Metod", "Method"),
    "index": Text("Index", "Index"),
}

# values of the cost-benefit table's ``unit`` column
UNIT_WORDS: dict[str, Text] = {
    "SEK/year": Text("kr/år", "SEK/year"), "SEK": Text("kr", "SEK"),
    "probability": Text("sannolikhet", "probability"),
    "exits/year": Text("avgångar/år", "exits/year"), "share/year": Text("andel/år", "share/year"),
    "share": Text("andel", "share"), "cases": Text("ärenden", "cases"),
    "cases/year": Text("ärenden/år", "cases/year"), "year": Text("år", "year")}
# values of the events table's ``event`` and ``detail`` columns
EVENT_WORDS: dict[str, Text] = {
    "hire": Text("Anställning", "Hire"), "exit": Text("Avgång", "Exit"),
    "resignation": Text("Uppsägning", "Notice given"),
    "intention": Text("Avsikt att sluta", "Intention to leave"),
    "sick_start": Text("Sjukskrivning börjar", "Sick leave starts"),
    "sick_end": Text("Sjukskrivning slutar", "Sick leave ends"),
    "recruitment_round": Text("Rekryteringsomgång", "Recruitment round"),
    "consultant_start": Text("Konsult börjar", "Consultant starts"),
    "consultant_end": Text("Konsult slutar", "Consultant ends"),
    "phase_change": Text("Ny karriärfas", "New career phase")}
DETAIL_WORDS: dict[str, Text] = {
    "formed": Text("uppstår", "formed"), "dropped": Text("släpps", "dropped"),
    "advertised": Text("utannonserad", "advertised"), "failed": Text("misslyckad", "failed"),
    "trainee": Text("trainee", "trainee"), "new_graduate": Text("nyexaminerad", "new graduate"),
    "experienced": Text("erfaren", "experienced"), "returner": Text("återvändande", "returner"),
    "short": Text("kort", "short"), "long": Text("lång", "long")}
# values of the summary's crisis_reason (model.sim.crisis.REASONS, joined by ";")
CRISIS_WORDS: dict[str, Text] = {
    "overdue": Text("utredningar över fyramånadersgränsen",
                    "investigations past the four-month limit"),
    "queue": Text("kö av väntande utredningar", "queue of waiting investigations"),
    "exits": Text("avgångar", "exits"),
    "bought": Text("köpta utredningar", "investigations bought")}


# table -> its sheet name (at most 31 characters) and its description
TABLE_WORDS: dict[str, tuple[Text, Text]] = {
    "cost_benefit": (Text("Kostnad och nytta", "Cost and benefit"), Text(
        "Per scenario och mått: medelvärde och 95 %-intervall av kostnader och effekter "
        "jämfört med basen, med varning för verksamheten. En kostnad är positiv: en "
        "förändring över noll kostar mer, under noll sparar pengar.",
        "Per scenario and measure: mean and 95% interval of costs and effects against the "
        "base, with the service warning. A cost is positive: a change above zero costs "
        "more, below zero saves money.")),
    "comparison": (Text("Jämförelse", "Comparison"), Text(
        "Per scenario och mått: medelvärde med 95 %-intervall och den parvisa skillnaden mot "
        "basen.",
        "Per scenario and metric: mean with 95% interval and the paired difference to the base.")),
    "summary": (Text("Sammanfattning", "Summary"), Text(
        "En rad per scenario och replikering: personalomsättning, avgångar, vakanser, konsulter, "
        "kostnader och belastning över perioden.",
        "One row per scenario and replication: turnover, exits, vacancies, consultants, costs and "
        "strain over the period.")),
    "costs": (Text("Kostnader", "Costs"), Text(
        "Kronor per scenario, replikering, år och kostnadsslag, med kalkyl (budget eller "
        "personalekonomiskt tillägg) och Johréns kostnadsblock.",
        "SEK per scenario, replication, year and category, with the view (budget or economic "
        "addition) and Johrén's cost block.")),
    "timeseries": (Text("Tidsserier", "Time series"), Text(
        "Enhetens läge varje vecka per scenario och replikering.",
        "The unit's state every week per scenario and replication.")),
    "events": (Text("Händelser", "Events"), Text(
        "Anställningar, avgångar, sjukfall, rekryteringar och konsulter, en rad per händelse.",
        "Hires, exits, sick spells, recruitment rounds and consultants, one row per event.")),
    "evaluations": (Text("Brytpunkt", "Break-even"), Text(
        "Varje beräkning av brytpunktssökningen: parametervärde och målfunktion.",
        "Each evaluation of the break-even search: parameter value and objective.")),
    "sweep": (Text("Svep", "Sweep"), Text(
        "En rad per punkt och replikering: faktorernas värden och utfallen.",
        "One row per point and replication: the factors' values and the outcomes.")),
    "points": (Text("Punkter", "Points"), Text(
        "Svepets punkter och faktorernas värden.",
        "The sweep's points and the factors' values.")),
    "conditions": (Text("Vad måste gälla", "What must hold"), Text(
        "Per arbetstidsalternativ och utfall: det värde på produktivitetsvinsten där alternativet "
        "slutar höja personalomsättningen respektive kön, med 95 %-intervall.",
        "Per working-time option and outcome: the productivity gain at which the option stops "
        "raising turnover or the backlog, with a 95% interval.")),
    "ceac": (Text("Sannolikhet att vara bäst", "Probability of being best"), Text(
        "Per alternativ och värde av en undviken avgång: sannolikheten att ha den största "
        "nettonyttan (acceptanskurva), över antagandenas och slumpens osäkerhet.",
        "Per option and value of one avoided exit: the probability of the highest net "
        "benefit (acceptability curve), over the uncertainty of the assumptions and chance.")),
    "evppi": (Text("Värde av säker kunskap", "Value of perfect knowledge"), Text(
        "Per alternativ och osäkert antagande: värdet per år av att veta antagandets rätta "
        "värde (EVPPI) och värdet där slutsatsen vänder.",
        "Per option and uncertain assumption: the value a year of knowing the assumption's "
        "true value (EVPPI) and the value at which the verdict flips.")),
    "replacement_cost": (Text("Ersättningskostnad", "Replacement cost"), Text(
        "Enhetens marginella kostnad för en extra avgång, per Johréns kostnadsblock och "
        "följdeffekter, med 95 %-intervall.",
        "The unit's marginal cost of one extra exit, by Johrén's cost blocks and knock-on "
        "effects, with 95% intervals.")),
    "draws": (Text("Dragningar", "Draws"), Text(
        "Varje dragning av de osäkra antagandena: parameter, kvantil och värde per scenario.",
        "Each draw of the uncertain assumptions: parameter, quantile and value per "
        "scenario.")),
    "sensitivity": (Text("Känslighet", "Sensitivity"), Text(
        "Känslighetsindex per utfall och faktor, med 95 %-intervall.",
        "Sensitivity indices per outcome and factor, with 95% intervals.")),
}
# the yearly summaries that stand in a workbook for tables too large for a sheet
YEARLY_WORDS: dict[str, tuple[Text, Text]] = {
    "timeseries": (Text("Tidsserier per år", "Time series by year"), Text(
        "Enhetens läge, medelvärde per scenario, replikering och år (hela veckotabellen finns i "
        "CSV-exporten).",
        "The unit's state, mean per scenario, replication and year (the whole weekly table is in "
        "the CSV export).")),
    "events": (Text("Händelser per år", "Events by year"), Text(
        "Antal händelser per scenario, replikering, år, händelse och detalj (varje händelse för "
        "sig finns i CSV-exporten).",
        "Number of events per scenario, replication, year, event and detail (each event on its own"
        " is in the CSV export).")),
}
# the export's own words: its contents sheet and list, the kind of result, the glossary
EXPORT_WORDS: dict[str, Text] = {
    "contents": Text("Innehåll", "Contents"),
    "result": Text("Resultat", "Result"),
    "finished": Text(", klar {when}", ", finished {when}"),
    "sheet": Text("Blad", "Sheet"),
    "rows": Text("Rader", "Rows"),
    "table": Text("Tabell", "Table"),
    "title": Text("Titel", "Title"),
    "column": Text("Kolumn", "Column"),
    "file": Text("Fil", "File"),
    "scenario_name": Text("Scenariots namn (dess fil)", "The scenario's name (its file)"),
    "against": Text("{kind} mot {base}", "{kind} against {base}"),
    "folder": Text("katalog {name}", "directory {name}"),
    "glossary": Text("Varje kolumns svenska rubrik och dess engelska namn.",
                     "Each column's Swedish header and its English name."),
    "kind_run": Text("körning", "run"),
    "kind_comparison": Text("jämförelse", "comparison"),
    "kind_breakeven": Text("brytpunkt", "break-even"),
    "kind_sweep": Text("parametersvep", "sweep"),
}


def both(key: str) -> str:
    """An export word in both languages, as the bilingual headings write it:
    'Rader / Rows'."""
    text = EXPORT_WORDS[key]
    return f"{text.sv} / {text.en}"


# every table of words above (tests/test_words.py checks their translations)
TABLES_OF_WORDS = [COLUMN_WORDS, UNIT_WORDS, EVENT_WORDS, DETAIL_WORDS, CRISIS_WORDS,
                   EXPORT_WORDS,
                   {f"{k}.{i}": t for k, v in {**TABLE_WORDS, **YEARLY_WORDS}.items()
                    for i, t in enumerate(v)}]
