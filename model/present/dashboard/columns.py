"""Swedish names and number formats of the result tables' columns and tables (for the
export to Excel and CSV), reusing the dashboard's translations where it has them.

A column's *kind* says how Excel shows it: ``pct`` a share (12,5 %), ``sek`` whole
kronor with thousands separators, ``int`` a count, ``num`` two decimals, ``num1`` one,
``code`` a number without separators (seed, replication, id) and ``text``.
"""

from __future__ import annotations

from ..catalogue import METRICS
from .i18n import T

# Excel number formats (Excel shows them in the reader's locale: 1 234 567 and 12,5 %)
EXCEL_FORMATS = {"pct": "0.0%", "sek": "#,##0", "int": "#,##0", "num": "#,##0.00",
                 "num1": "#,##0.0", "code": "0", "text": "@"}


def _t(key: str) -> str:
    return T[key]["sv"]


# column -> (Swedish header, kind)
COLUMNS: dict[str, tuple[str, str]] = {
    # keys
    "scenario": ("Scenario", "text"),
    "replication": ("Replikering", "code"),
    "seed": (_t("seed"), "code"),
    "year": (_t("year"), "code"),
    "week": ("Vecka", "code"),
    "day": ("Dag", "num1"),
    "point": ("Punkt", "code"),
    # summary (one row per replication), also the metrics of the comparison table: from
    # the catalogue of metrics
    **{m.name: (m.header("sv"), m.kind) for m in METRICS},
    # comparison and cost-benefit
    "metric": ("Mått", "text"),
    "measure": ("Mått", "text"),
    "unit": ("Enhet", "text"),
    "mean": ("Medelvärde", "num"),
    "ci_low": ("95 %-intervall, nedre", "num"),
    "ci_high": ("95 %-intervall, övre", "num"),
    "diff": ("Skillnad mot basen", "num"),
    "diff_ci_low": ("Skillnad, 95 %-intervall, nedre", "num"),
    "diff_ci_high": ("Skillnad, 95 %-intervall, övre", "num"),
    "n": ("Antal replikeringar", "int"),
    "median": ("Median", "num"),
    "interval": ("Intervallets metod", "text"),
    "diff_median": ("Skillnad mot basen, median", "num"),
    "diff_interval": ("Skillnadens intervall, metod", "text"),
    "crisis_year": ("Första krisår", "num1"),
    "service_flag": (_t("col_service"), "text"),
    # costs
    "category": ("Kostnadsslag", "text"),
    "view": ("Kalkyl", "text"),
    "block": (_t("block"), "text"),
    "sek": ("Belopp (kr)", "sek"),
    # events
    "event": ("Händelse", "text"),
    "worker_id": ("Medarbetare (nr)", "code"),
    "slot": ("Tjänst (nr)", "code"),
    "detail": ("Detalj", "text"),
    "tenure_years": ("År på enheten", "num"),
    "value": ("Värde", "num"),
    "count": ("Antal", "int"),
    "events_per_replication": ("Antal per replikering", "num"),
    # timeseries
    "headcount": (_t("headcount_axis"), "int"),
    "fte": ("Årsarbetare", "num"),
    "vacancies": ("Vakanta tjänster", "int"),
    "consultants": ("Konsulter", "int"),
    "on_notice": ("Under uppsägningstid", "int"),
    "sick_absent": ("Sjukfrånvarande (årsarbetare)", "num"),
    "intending_share": ("Andel som tänker sluta", "pct"),
    "demand_z": ("Krav (z)", "num"),
    "control_z": ("Kontroll (z)", "num"),
    "manager_support_z": ("Stöd från chefen (z)", "num"),
    "colleague_support_z": ("Stöd från kollegor (z)", "num"),
    "strain": ("Belastning (z)", "num"),
    "exhaustion": ("Utmattning (0–1)", "num"),
    "utilisation": ("Beläggning", "pct"),
    "queue_investigations": ("Väntande utredningar", "int"),
    "queue_ongoing": ("Väntande pågående ärenden", "int"),
    "open_cases": ("Öppna ärenden", "int"),
    "caseload_per_worker": (_t("caseload"), "num"),
    "overdue_open": (_t("overdue"), "int"),
    "mentor_hours": ("Mentorstimmar per vecka", "num1"),
    "mentor_coverage": ("Andel nyanställda med mentor", "pct"),
    "tenure_lt2": ("Anställda under 2 år", "int"),
    "tenure_2to5": ("Anställda 2–5 år", "int"),
    "tenure_5plus": ("Anställda 5 år eller mer", "int"),
    "exits_cum": ("Avgångar hittills", "int"),
    "hires_cum": ("Nyanställningar hittills", "int"),
    "posts_open": ("Tjänster", "int"),
    "unassigned_past_relax": ("Ärenden utan handläggare längre än gränsen", "int"),
    # what must be true for a working-time option (conditions)
    "parameter": ("Parameter", "text"),
    "status": ("Utfall av sökningen", "text"),
    "current": ("Antaget värde i scenariot", "num"),
    "holds": ("Uppfyllt", "text"),
    "low": ("Sökt från", "num"),
    "high": ("Sökt till", "num"),
    "objective_low": ("Skillnad mot basen vid lägsta värdet", "num"),
    "objective_high": ("Skillnad mot basen vid högsta värdet", "num"),
    "evaluations": ("Antal beräkningar", "int"),
    "replications": ("Replikeringar per beräkning", "int"),
    "years": ("År per beräkning", "num"),
    # cost-benefit measures (the rows of cost_benefit)
    "policy_cost_per_year": ("Åtgärdens egen kostnad per år (kr)", "sek"),
    "saving_recruitment_per_year": ("Besparing rekrytering per år (kr)", "sek"),
    "saving_consultants_per_year": ("Besparing konsulter per år (kr)", "sek"),
    "saving_sick_pay_per_year": ("Besparing sjuklön och rehabilitering per år (kr)", "sek"),
    "payroll_change_per_year": ("Förändring lönekostnad per år (kr)", "sek"),
    "paid_time_off_casework_per_year": ("Betald tid från klientarbetet per år (kr)", "sek"),
    "net_cost_budget_sek_per_year": (_t("col_net_budget") + " (kr)", "sek"),
    "work_lost_change_per_year": ("Förändring förlorat arbete per år (kr)", "sek"),
    "net_cost_economic_sek_per_year": (_t("col_net_economic") + " (kr)", "sek"),
    "p_saves_budget": ("Sannolikhet att spara pengar (budget)", "pct"),
    "p_saves_economic": (_t("col_p_saves"), "pct"),
    "exits_avoided_per_year": (_t("col_avoided"), "num"),
    "turnover_rate_change": ("Personalomsättning, förändring", "pct"),
    "overdue_share_change": ("Utredningar över tidsgränsen, förändring", "pct"),
    "mean_queue_change": ("Väntande ärenden, förändring", "num"),
    "queue_trend_per_year": ("Väntande ärenden, trend per år", "num"),
    "overdue_open_trend_per_year": ("Öppna utredningar över tidsgränsen, trend per år",
                                    "num"),
    "p_queue_growing": ("Andel körningar där kön växer", "pct"),
    "p_crisis": ("Risk för kris (andel körningar)", "pct"),
    "p_crisis_base": ("Basens risk för kris i samma körningar", "pct"),
    "crisis_risk_change": ("Risk för kris, förändring", "pct"),
    "replacement_cost_sek": ("Kostnad per extra avgång (kr)", "sek"),
    "cost_per_avoided_exit": (_t("col_per_exit") + " (kr)", "sek"),
    "payback_year": (_t("col_payback") + " (år)", "num1"),
    "payback_year_budget": (_t("col_payback_budget") + " (år)", "num1"),
    # break-even
    "objective": ("Målfunktion", "num"),
    "half_width": ("Halva 95 %-intervallets bredd", "num"),
    # sensitivity
    "output": ("Utfall", "text"),
    "factor": ("Faktor", "text"),
    "method": ("Metod", "text"),
    "index": ("Index", "text"),
}

# values of the cost-benefit table's ``unit`` column
UNITS = {"SEK/year": "kr/år", "SEK": "kr", "probability": "sannolikhet",
         "exits/year": "avgångar/år", "share/year": "andel/år", "share": "andel",
         "cases": "ärenden", "cases/year": "ärenden/år", "year": "år"}
# values of the events table's ``event`` and ``detail`` columns
EVENTS = {"hire": "Anställning", "exit": "Avgång", "resignation": "Uppsägning",
          "intention": "Avsikt att sluta", "sick_start": "Sjukskrivning börjar",
          "sick_end": "Sjukskrivning slutar", "recruitment_round": "Rekryteringsomgång",
          "consultant_start": "Konsult börjar", "consultant_end": "Konsult slutar",
          "phase_change": "Ny karriärfas"}
DETAILS = {"formed": "uppstår", "dropped": "släpps", "advertised": "utannonserad",
           "failed": "misslyckad", "trainee": "trainee", "new_graduate": "nyexaminerad",
           "experienced": "erfaren", "returner": "återvändande", "short": "kort",
           "long": "lång"}

# table -> (sheet name (at most 31 characters), Swedish and English description)
TABLES: dict[str, tuple[str, str, str]] = {
    "cost_benefit": ("Kostnad och nytta",
                     "Per scenario och mått: medelvärde och 95 %-intervall av kostnader, "
                     "besparingar och effekter jämfört med basen, med varning för "
                     "verksamheten.",
                     "Per scenario and measure: mean and 95% interval of costs, savings and "
                     "effects against the base, with the service warning."),
    "comparison": ("Jämförelse",
                   "Per scenario och mått: medelvärde med 95 %-intervall och den parvisa "
                   "skillnaden mot basen.",
                   "Per scenario and metric: mean with 95% interval and the paired "
                   "difference to the base."),
    "summary": ("Sammanfattning",
                "En rad per scenario och replikering: personalomsättning, avgångar, "
                "vakanser, konsulter, kostnader och belastning över perioden.",
                "One row per scenario and replication: turnover, exits, vacancies, "
                "consultants, costs and strain over the period."),
    "costs": ("Kostnader",
              "Kronor per scenario, replikering, år och kostnadsslag, med kalkyl (budget "
              "eller personalekonomiskt tillägg) och Johréns kostnadsblock.",
              "SEK per scenario, replication, year and category, with the view (budget or "
              "economic addition) and Johrén's cost block."),
    "timeseries": ("Tidsserier",
                   "Enhetens läge varje vecka per scenario och replikering.",
                   "The unit's state every week per scenario and replication."),
    "events": ("Händelser",
               "Anställningar, avgångar, sjukfall, rekryteringar och konsulter, en rad per "
               "händelse.",
               "Hires, exits, sick spells, recruitment rounds and consultants, one row per "
               "event."),
    "evaluations": ("Brytpunkt",
                    "Varje beräkning av brytpunktssökningen: parametervärde och målfunktion.",
                    "Each evaluation of the break-even search: parameter value and "
                    "objective."),
    "sweep": ("Svep",
              "En rad per punkt och replikering: faktorernas värden och utfallen.",
              "One row per point and replication: the factors' values and the outcomes."),
    "points": ("Punkter", "Svepets punkter och faktorernas värden.",
               "The sweep's points and the factors' values."),
    "conditions": ("Vad måste gälla",
                   "Per arbetstidsalternativ och utfall: det värde på produktivitetsvinsten "
                   "där alternativet slutar höja personalomsättningen respektive kön, med "
                   "95 %-intervall.",
                   "Per working-time option and outcome: the productivity gain at which "
                   "the option stops raising turnover or the backlog, with a 95% "
                   "interval."),
    "sensitivity": ("Känslighet",
                    "Känslighetsindex per utfall och faktor, med 95 %-intervall.",
                    "Sensitivity indices per outcome and factor, with 95% intervals."),
}
# the yearly summaries that stand in a workbook for tables too large for a sheet
YEARLY = {"timeseries": ("Tidsserier per år",
                         "Enhetens läge, medelvärde per scenario, replikering och år (hela "
                         "veckotabellen finns i CSV-exporten).",
                         "The unit's state, mean per scenario, replication and year (the "
                         "whole weekly table is in the CSV export)."),
          "events": ("Händelser per år",
                     "Antal händelser per scenario, replikering, år, händelse och detalj "
                     "(varje händelse för sig finns i CSV-exporten).",
                     "Number of events per scenario, replication, year, event and detail "
                     "(each event on its own is in the CSV export).")}


def header(column: str) -> str:
    """The Swedish header of a column (its own name when the table has none)."""
    return COLUMNS.get(column, (column, ""))[0]


def kind(column: str, dtype_kind: str = "f") -> str:
    """How a column is shown; a column without an entry by its data type."""
    if column in COLUMNS:
        return COLUMNS[column][1]
    return {"i": "int", "u": "int", "f": "num", "b": "int"}.get(dtype_kind, "text")
