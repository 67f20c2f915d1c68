"""The rows of the output tables as named records.

A record's fields are its table's columns, in order, and their annotated types the
columns' types: ``int`` int64, ``float`` float64, ``str`` text (``kinds_of``). The
recorder (``model.sim.metrics``) appends records and turns them into columns; the ledger
(``model.sim.costs``) yields its rows as ``CostRow``.
"""

from __future__ import annotations

from typing import NamedTuple, get_type_hints


class EventRow(NamedTuple):
    """One row of the events table: its fields are the table's columns, in order, and
    their types the columns' types (``int`` int64, ``float`` float64, ``str`` text)."""
    day: float
    year: int
    event: str
    worker_id: int              # -1: an empty slot
    slot: int
    detail: str
    tenure_years: float         # NaN: an empty slot
    value: float


class WeekRow(NamedTuple):
    """One row of the timeseries table, the unit's state in one weekly audit (fields
    and types as in ``EventRow``)."""
    week: int
    day: float
    year: int
    headcount: int
    fte: float
    vacancies: int
    consultants: int
    on_notice: int
    sick_absent: float              # employees, week-weighted
    intending_share: float
    demand_z: float
    control_z: float
    manager_support_z: float
    colleague_support_z: float
    strain: float
    exhaustion: float
    utilisation: float
    queue_investigations: int
    queue_ongoing: int
    open_cases: int
    caseload_per_worker: float
    overdue_open: int
    mentor_hours: float             # hours/week
    mentor_coverage: float          # share
    tenure_lt2: int
    tenure_2to5: int
    tenure_5plus: int
    exits_cum: int
    hires_cum: int
    posts_open: int
    unassigned_past_relax: int


_KIND = {int: "i", float: "f", str: "s"}


def kinds_of(record) -> str:
    """The column kinds of a record class, one letter per field (see ``_columns``)."""
    hints = get_type_hints(record)
    return "".join(_KIND[hints[f]] for f in record._fields)


class CostRow(NamedTuple):
    """One row of the costs table: its fields are the table's columns, in order, and
    their types the columns' types (as in ``EventRow``)."""
    year: int
    category: str
    view: str                   # budget or economic (``view_of``)
    block: str                  # ``block_of``
    sek: float
