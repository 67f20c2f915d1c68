"""Number formats of the result tables' columns and their Swedish names (for the export
to Excel and CSV); the names in both languages are the catalogue's
(``model.present.catalogue.columns``).

A column's *kind* says how Excel shows it: ``pct`` a share (12,5 %), ``sek`` whole
kronor with thousands separators, ``int`` a count, ``num`` two decimals, ``num1`` one,
``code`` a number without separators (seed, replication, id) and ``text``.
"""

from __future__ import annotations

from ..catalogue import METRICS
from ..catalogue.columns import (
    COLUMN_WORDS,
    CRISIS_WORDS,
    DETAIL_WORDS,
    EVENT_WORDS,
    TABLE_WORDS,
    UNIT_WORDS,
    YEARLY_WORDS,
)

# Excel number formats (Excel shows them in the reader's locale: 1 234 567 and 12,5 %)
EXCEL_FORMATS = {"pct": "0.0%", "sek": "#,##0", "int": "#,##0", "num": "#,##0.00",
                 "num1": "#,##0.0", "code": "0", "text": "@"}


# column -> its kind (how Excel shows it); its header in each language is the
# catalogue's (model.present.catalogue.columns)
KINDS: dict[str, str] = {
    "scenario": "text", "replication": "code", "seed": "code", "year": "code", "week": "code",
    "day": "num1", "point": "code",
    **{m.name: m.kind for m in METRICS},
    "metric": "text", "measure": "text", "unit": "text", "mean": "num", "ci_low": "num",
    "ci_high": "num", "diff": "num", "diff_ci_low": "num", "diff_ci_high": "num", "n": "int",
    "service_flag": "text", "category": "text", "view": "text", "block": "text", "sek": "sek",
    "event": "text", "worker_id": "code", "slot": "code", "detail": "text", "tenure_years": "num",
    "value": "num", "count": "int", "events_per_replication": "num", "headcount": "int",
    "fte": "num", "vacancies": "int", "consultants": "int", "on_notice": "int",
    "sick_absent": "num", "intending_share": "pct", "demand_z": "num", "control_z": "num",
    "manager_support_z": "num", "colleague_support_z": "num", "strain": "num", "exhaustion": "num",
    "utilisation": "pct", "queue_investigations": "int", "queue_ongoing": "int",
    "open_cases": "int", "caseload_per_worker": "num", "overdue_open": "int",
    "mentor_hours": "num1", "mentor_coverage": "pct", "tenure_lt2": "int", "tenure_2to5": "int",
    "tenure_5plus": "int", "exits_cum": "int", "hires_cum": "int", "posts_open": "int",
    "unassigned_past_relax": "int", "parameter": "text", "status": "text", "current": "num",
    "holds": "text", "low": "num", "high": "num", "objective_low": "num", "objective_high": "num",
    "evaluations": "int", "replications": "int", "years": "num", "policy_cost_per_year": "sek",
    "recruitment_cost_change_per_year": "sek", "consultants_cost_change_per_year": "sek",
    "sick_pay_cost_change_per_year": "sek",
    "crisis_response_cost_change_per_year": "sek", "payroll_change_per_year": "sek",
    "paid_time_off_casework_per_year": "sek", "net_cost_budget_sek_per_year": "sek",
    "work_lost_change_per_year": "sek", "work_lost_measure_time_per_year": "sek",
    "net_cost_economic_sek_per_year": "sek",
    "p_saves_budget": "pct", "p_saves_economic": "pct", "exits_avoided_per_year": "num",
    "turnover_rate_change": "pct", "overdue_share_change": "pct", "mean_queue_change": "num",
    "queue_trend_per_year": "num", "overdue_open_trend_per_year": "num", "p_queue_growing": "pct",
    "cost_per_avoided_exit": "sek", "payback_year": "num1",
    "payback_year_budget": "num1", "objective": "num", "half_width": "num", "output": "text",
    "factor": "text", "method": "text", "index": "text", "p_best": "pct", "draw": "int",
    "quantile": "num", "value_per_avoided_exit_sek": "sek", "evppi_sek_per_year": "sek",
    "flip_value": "num", "influence_sek_per_year": "sek", "part": "text", "kind": "text",
    "sek_per_exit": "sek", "median": "num", "interval": "text", "diff_median": "num",
    "diff_interval": "text", "crisis_year": "num1", "crisis_reason": "text", "p_crisis": "pct",
    "p_crisis_base": "pct",
    "crisis_risk_change": "pct",
}
# column -> (Swedish header, kind): the export's headers
COLUMNS: dict[str, tuple[str, str]] = {c: (COLUMN_WORDS[c].sv, k) for c, k in KINDS.items()}

# values of the cost-benefit table's ``unit`` column, of the events table's ``event`` and
# ``detail`` columns, in Swedish
UNITS = {key: text.sv for key, text in UNIT_WORDS.items()}
EVENTS = {key: text.sv for key, text in EVENT_WORDS.items()}
DETAILS = {key: text.sv for key, text in DETAIL_WORDS.items()}
CRISIS = {key: text.sv for key, text in CRISIS_WORDS.items()}

# table -> (sheet name (at most 31 characters), Swedish and English description); the
# yearly summaries that stand in a workbook for tables too large for a sheet
TABLES: dict[str, tuple[str, str, str]] = {
    key: (sheet.sv, text.sv, text.en) for key, (sheet, text) in TABLE_WORDS.items()}
YEARLY = {key: (sheet.sv, text.sv, text.en) for key, (sheet, text) in YEARLY_WORDS.items()}


def header(column: str, lang: str = "sv") -> str:
    """A column's header in ``lang`` (Swedish, the export's, unless asked; its own name
    when the catalogue has none)."""
    return COLUMN_WORDS[column][lang] if column in COLUMN_WORDS else column


def kind(column: str, dtype_kind: str = "f") -> str:
    """How a column is shown; a column without an entry by its data type."""
    if column in COLUMNS:
        return COLUMNS[column][1]
    return {"i": "int", "u": "int", "f": "num", "b": "int"}.get(dtype_kind, "text")
