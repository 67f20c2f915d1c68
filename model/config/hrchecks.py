"""The checks that tie an HR file's content to the scenario schema: each staff member
and the inflow validated by the schema's own models before the scenario is written, and
an error the schema finds later mapped back to the file's own row and column (never the
generated YAML's field path). ``f`` is an HR file as :mod:`model.config.hrtable` reads it
(its path, header names, rows, ``fail(row, column, text)`` and the places of its values:
a row and column in a text file, a cell in a workbook)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from ..errors import ScenarioError, UserError
from ..sim.params.cases import Investigations, Ongoing
from ..sim.params.initial import StaffMember


class HRFile(Protocol):
    """An HR file as :mod:`model.config.hrtable` reads it."""

    path: Path
    heads: dict[str, str]                  # the model's column -> the header as written
    rows: list                             # (row number, values) of the rows read
    dialect: Any

    def fail(self, n: int, col: str, what: str) -> UserError: ...

    def where_rows(self, col: str) -> str: ...

    def hint(self) -> str: ...


# the staff member's fields in a scenario, by the column each comes from
_MEMBER_COLUMNS = {"tenure_years": "hire_date", "prior_years": "prior_experience",
                   "age": "birth_year", "fte": "fte", "salary_sek_per_month": "monthly_salary"}


def _allowed(msg: str) -> str:
    """What the schema allows, from its message ("Input should be less than ...")."""
    for lead in ("Value error, ", "Input should be ", "input should be "):
        if msg.startswith(lead):
            msg = msg[len(lead):]
            if "should be" in lead:
                return "allowed: " + msg
    return msg[:1].lower() + msg[1:]


def _column(s: dict, field: str) -> str:
    """The column a staff member's field comes from (age: the birth year or the age)."""
    if field == "age":
        return "birth_year" if s.get("birth_year") else "age" if s.get("age") is not None \
            else "id"
    return _MEMBER_COLUMNS.get(field, "id")


def _member_fail(f: HRFile, s: dict, field: str, value, msg: str, ref: date, ref_note: str):
    """The error about a staff member's field, at the row and column it comes from."""
    col = _column(s, field)
    if field == "tenure_years":
        what = (f"{s['hire']} gives {value} years at the workplace on the reference date "
                f"{ref}{ref_note}")
    elif field == "age" and s.get("birth_year"):
        what = f"{s['birth_year']} gives age {value} on the reference date {ref}{ref_note}"
    elif col != "id" and field != "age":
        what = f"gives {field} {value}"
    else:
        col, what = "id", f"gives {field} {value}"
    return f.fail(s["row"], col, f"{what}; {_allowed(msg)}")


def check_member(f: HRFile, s: dict, member: dict, ref: date, ref_note: str) -> None:
    """A staff member checked by the scenario's own schema, an error naming its row."""
    try:
        StaffMember.model_validate(member)
    except ValidationError as exc:
        e = exc.errors(include_url=False)[0]
        field = str(e["loc"][0]) if e["loc"] else ""
        raise _member_fail(f, s, field, member.get(field), e["msg"], ref,
                           ref_note) from None


def check_inflow(f: HRFile, cases: dict) -> None:
    """The inflow's yearly level and trend checked by the scenario's own schema, an error
    naming the column (and the rows) they come from."""
    for what, model in (("investigations", Investigations), ("ongoing", Ongoing)):
        try:
            model.model_validate(cases[what])
        except ValidationError as exc:
            e = exc.errors(include_url=False)[0]
            raise _inflow_fail(f, what, str(e["loc"][0]) if e["loc"] else "",
                               e.get("input"), e["msg"]) from None


def _inflow_fail(f: HRFile, col: str, field: str, value, msg: str) -> UserError:
    what = ("a yearly growth" if field == "growth_per_year" else "a yearly count"
            if field == "arrivals_per_year" else field)
    shown_value = f"{value:.4g}" if isinstance(value, float) else value
    return UserError(f"{f.path}: {f.where_rows(col)}: the monthly counts give {what} of "
                     f"{shown_value}; {_allowed(msg)}{f.hint()}")


_FIELD = re.compile(r"field '([^']*)': (?:got (.*?); )?(.*)$")


def in_the_files(exc: ScenarioError, f: HRFile, current: list[dict],
                  fin: HRFile | None) -> UserError:
    """An error of the generated scenario named by the file, row and column it comes
    from (a staff member's field by its row, the inflow by its column); other errors
    (of the base scenario, say) as they are."""
    m = _FIELD.search(str(exc))
    if not m:
        return exc
    field, value, msg = m.groups()
    parts = field.split(".")
    if parts[:2] == ["initial_state", "staff"] and len(parts) >= 4 and parts[2].isdigit() \
            and int(parts[2]) < len(current):
        s = current[int(parts[2])]
        return f.fail(s["row"], _column(s, parts[3]),
                      f"gives {parts[3]} {value}; {_allowed(msg)}")
    if parts[0] == "cases" and len(parts) >= 3 and parts[1] in ("investigations", "ongoing") \
            and fin is not None:
        return _inflow_fail(fin, parts[1], parts[2], value, msg)
    return exc
