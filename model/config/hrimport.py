"""Import a municipality's own HR data: staff (and optionally monthly case inflow).

Staff file (one row per employment), as CSV or as an .xlsx workbook (its first sheet),
as an HR system saves its report: a CSV file may be UTF-8 (with or without a byte-order
mark) or Windows-1252, separated by commas, semicolons or tabs, with decimal points or
commas (``model.store.officefiles`` reads it as Excel saved it); report titles and blank
rows above the header are skipped. Columns are recognised by the names HR systems give
them (``model.config.hrvocabulary``, case, punctuation and spacing ignored):

====================  =========  ==============================================
column                required   meaning
====================  =========  ==============================================
id                    yes        unique employee id (Anst.nr; any text)
hire_date             yes        first day in the unit, YYYY-MM-DD
fte                   yes        employment level, 0 < fte <= 1, or 1 < fte <= 100 in %
exit_date             no         last day, YYYY-MM-DD; empty if still employed
exit_reason           no         the reason as written (Egen begäran, Pension ...)
title                 no         job title (Befattning): who carries cases
employment_form       no         Tillsvidare, Visstid, Vikariat ...
monthly_salary        no         SEK per month, >= 0; default: the model's pay
prior_experience      no         years before this unit, >= 0; default: an estimate
birth_year / age      no         for retirement; default: age 40 at the reference date
====================  =========  ==============================================

Columns of personal data (personnummer, names, contact details) are dropped unread.
Inflow file, read the same way: ``month`` (YYYY-MM), ``investigations``, ``ongoing``
(counts >= 0).

The import builds a scenario (a delta from the baseline) with the case-carrying staff
employed on the reference date as the explicit initial staff list and the posts set to
their number, managers and team leaders in ``unit``, the inflow level and yearly trend
(log-linear fit) when an inflow file is given, and a targets file with the observed exit
rates of the case-carrying staff (overall and by tenure band, per person-year over the
observation window, with tolerances of two Poisson standard errors; a fixed-term
contract's end is no exit) that ``calibrate`` can fit to. The reference date is
``as_of``, else the export date the report states, else today. ``build`` also returns
the lines that say what was read, counted and assumed.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from ..errors import ScenarioError, UserError
from ..sim.params.base import MAX_POSTS
from . import hrstaff
from .hrchecks import check_inflow, check_member, in_the_files
from .hrtable import HRFile, employment_levels, export_date, read_date, read_number
from .hrtable import parse_date as parse_date
from .hrvocabulary import INFLOW_COLUMNS, STAFF_COLUMNS
from .scenario import load_scenario, load_scenario_text

REQUIRED = ["id", "hire_date", "fte"]
BANDS = [("exit_rate_lt2", 0, 2), ("exit_rate_2to5", 2, 5), ("exit_rate_5plus", 5, 1e9)]
DEFAULT_AGE = 40
STALE_YEARS = 1.0            # a file whose latest date lies this long before the reference
MAX_ROWS = 100_000
MAX_CSV_BYTES = 50_000_000


def read_staff(path: str | Path) -> list[dict]:
    """The staff rows, each with ``row``: its row number in the file."""
    return _read_staff(Path(path))[1]


def _read_staff(path: Path) -> tuple[HRFile, list[dict], bool]:
    """The file, its staff and whether the employment level was written in percent."""
    f = HRFile(path, STAFF_COLUMNS, REQUIRED, MAX_CSV_BYTES, MAX_ROWS)
    if not f.rows:
        raise UserError(f"{path}: no staff rows")
    levels, percent = employment_levels(f, away={
        i for i, r in f.rows if hrstaff.on_leave({"leave": r.get("leave", "")})})
    seen = {}
    out = []
    for i, r in f.rows:
        pid = r["id"]
        if not pid:
            raise f.fail(i, "id", "empty; allowed: a unique employee id")
        if pid in seen:        # the id is not shown: it may be a personal identity number
            raise f.fail(i, "id", f"duplicate id (the same as on row {seen[pid]}); allowed: "
                         "one row per employment")
        seen[pid] = i
        hire = read_date(f, i, "hire_date", r["hire_date"])
        exit_ = read_date(f, i, "exit_date", r["exit_date"]) if r.get("exit_date") else None
        if exit_ is not None and exit_ < hire:
            raise f.fail(i, "exit_date", f"{exit_} is before hire_date {hire}")
        given = r.get("exit_reason", "")
        if given and exit_ is None:
            raise f.fail(i, "exit_reason", "given without exit_date")
        out.append({
            "id": pid, "hire": hire, "exit": exit_, "given": given,
            "reason": hrstaff.exit_reason(given, r.get("employment_form", ""))
            if exit_ else None,
            "title": r.get("title", ""), "role": hrstaff.role(r.get("title", "")),
            "form": r.get("employment_form", ""), "fte": levels[i],
            "leave": r.get("leave", "").strip(),
            "salary": _optional(f, i, {**r, "monthly_salary": _no_currency(
                r.get("monthly_salary", ""))}, "monthly_salary", 0, 1e7),
            "prior": _optional(f, i, r, "prior_experience", 0, 60),
            "birth_year": _whole(_optional(f, i, r, "birth_year", 1900, 2100)),
            "age": _optional(f, i, r, "age", 0, 120), "row": i})
    return f, out, percent


def _optional(f: HRFile, i: int, r: dict, col: str, low: float, high: float):
    return read_number(f, i, col, r[col], low, high) if r.get(col) else None


def _no_currency(text: str) -> str:
    """A salary as written without its currency ('54 800 kr', 'SEK 54 800', '54 800:-')."""
    return re.sub(r"(?i)^\s*(sek|kr)\s+|\s*(kr\.?|sek|:-)\s*$", "", text or "")


def _whole(v: float | None) -> int | None:
    return None if v is None else int(v)


def read_inflow(path: str | Path) -> list[tuple[date, float, float]]:
    return _read_inflow(Path(path))[1]


def _read_inflow(path: Path) -> tuple[HRFile, list[tuple[date, float, float]]]:
    f = HRFile(path, INFLOW_COLUMNS, list(INFLOW_COLUMNS), MAX_CSV_BYTES, MAX_ROWS)
    if len(f.rows) < 2:
        raise UserError(f"{path}: at least two months are needed")
    out = []
    seen = set()
    for i, r in f.rows:
        m = _month(f, i, r["month"])
        if m in seen:
            raise f.fail(i, "month", f"duplicate month {m:%Y-%m}")
        seen.add(m)
        out.append((m, read_number(f, i, "investigations", r["investigations"], 0, 1e6),
                    read_number(f, i, "ongoing", r["ongoing"], 0, 1e6)))
    return f, sorted(out)


def _month(f: HRFile, n: int, text: str) -> date:
    """YYYY-MM, or a date in that month (Excel turns a typed 2021-01 into 2021-01-01)."""
    for fmt, part in (("%Y-%m", text), ("%Y-%m-%d", text.split(" ")[0])):
        try:
            return datetime.strptime(part, fmt).date().replace(day=1)
        except ValueError:
            pass
    raise f.fail(n, "month", f"{text!r} is not a month; allowed: YYYY-MM")


def _years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier (28 February for a 29th that year lacks)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        if day.year - years < 1:
            raise
        return day.replace(year=day.year - years, day=28)


def _years(a: date, b: date) -> float:
    return (b - a).days / 365.25


def observed_rates(staff: list[dict], start: date, end: date) -> dict[str, tuple[float, int]]:
    """Exits per person-year in [start, end], overall and by tenure band: (rate, exits).
    A fixed-term contract's end is no exit: its time up to the end counts, the end not."""
    out = {}
    for name, lo, hi in [("turnover_rate", 0, 1e9), *BANDS]:
        exposure = 0.0
        exits = 0
        for s in staff:
            a = max(s["hire"], start)
            b = min(s["exit"] or end, end)
            if b <= a:
                continue
            # the part of [a, b] in which tenure is within [lo, hi)
            t0 = _years(s["hire"], a)
            t1 = _years(s["hire"], b)
            exposure += max(0.0, min(t1, hi) - max(t0, lo))
            if s["exit"] and start <= s["exit"] <= end and lo <= t1 < hi \
                    and s.get("reason") != "fixed_term_end":
                exits += 1
        out[name] = (exits / exposure if exposure > 0 else math.nan, exits)
    return out


def targets_path(out: Path) -> Path:
    """The targets file written beside the scenario ``out``."""
    return Path(out).with_name(Path(out).stem + "_targets.yaml")


def default_base() -> Path:
    return Path(__file__).resolve().parents[2] / "scenarios" / "baseline.yaml"


def own_folder() -> Path:
    """Where own units go by default: ``scenarios/own/``, kept out of version control
    and out of the bundled scenarios."""
    return default_base().parent / "own"


@dataclass(frozen=True)
class Reference:
    """The reference date, where it comes from (for messages about values) and the line
    that says so."""
    day: date
    note: str
    line: str


def _reference(f: HRFile, staff: list[dict], as_of: date | None) -> Reference:
    """``as_of``, else the export date the report states, else today."""
    other = "; --as-of YYYY-MM-DD sets another"
    stated = export_date(f)
    if as_of is not None:
        return Reference(as_of, " (--as-of)", f"Reference date {as_of} (--as-of).")
    if stated and stated.day and stated.labelled:
        return Reference(stated.day, f" (the export date, {stated.place})",
                         f"Reference date {stated.day}: the export date the file states "
                         f"({stated.place}: {stated.text!r}){other}.")
    if stated and stated.day:
        return Reference(stated.day, f" (the date in the report's title, {stated.place})",
                         f"Reference date {stated.day}: the only date in the report's "
                         f"title ({stated.place}: {stated.text!r}), taken as the day the "
                         f"report was taken out{other}.")
    today = date.today()
    why = ("the file states no export date" if stated is None else
           f"{stated.place}: {stated.text!r} is no date YYYY-MM-DD")
    line = f"Reference date {today}: today ({why}){other}."
    # planned ends of fixed-term contracts are known long before they come: not a sign
    # of when the report was taken out
    latest = max((d for s in staff
                  for d in (s["hire"], s["exit"] if s.get("reason") != "fixed_term_end" else None)
                  if d and d <= today), default=None)
    if latest and _years(latest, today) > STALE_YEARS:
        line += (f" The file's latest date is {latest}, {_years(latest, today):.1f} years "
                 f"earlier: if it was taken out then, give --as-of {latest}.")
    return Reference(today, " (today)", line)


def _prior_estimate(base: Path) -> float:
    """The assumed experience before joining of staff whose file does not say: the mean
    of the base scenario's ``initial_state.prior_years``, the experience the model gives
    the staff it samples (the baseline: exponential, mean 2 years)."""
    d = load_scenario(base).initial_state.prior_years
    mean = getattr(d, "mean", getattr(d, "value", None))
    return round(max(0.0, mean if mean is not None else (d.low + d.high) / 2), 2)


def build(staff_path, inflow_path, out: Path, as_of: date | None = None,
          base: Path | None = None, window_years: float = 3.0,
          words: dict[str, dict[str, str]] | None = None) -> tuple[str, str, list[str]]:
    """The text of the unit's scenario (to be written to ``out``), of its targets file,
    and the lines that say what was read, counted and assumed; the scenario validates as
    the file ``out`` would, so nothing invalid is ever written. ``words``: the scenario's
    ``title`` and ``description`` per language, templates filled with ``name``, ``file``
    (the staff file's name) and ``ref`` (the reference date)."""
    f, staff, percent = _read_staff(Path(staff_path))
    base = Path(base) if base else default_base()
    ref = _reference(f, staff, as_of)
    employed = [s for s in staff
                if s["hire"] <= ref.day and (s["exit"] is None or s["exit"] > ref.day)]
    carrying_now = [s for s in employed if hrstaff.carries_cases(s)]
    current = [s for s in carrying_now if not hrstaff.on_leave(s)]
    if not current:
        raise UserError(f"{staff_path}: nobody with a case-carrying title is employed on the "
                        f"reference date {ref.day}{ref.note}; allowed: a staff list with "
                        "social workers employed then, or give --as-of YYYY-MM-DD")
    if len(current) > MAX_POSTS:
        raise UserError(f"{staff_path}: {len(current):,} staff employed on the reference date "
                        f"{ref.day}; at most {MAX_POSTS:,} allowed (unit.posts)")
    guessed = sum(1 for s in current if s["prior"] is None)
    prior = _prior_estimate(base) if guessed else None
    members = []
    for s in current:
        age = (ref.day.year - s["birth_year"] if s["birth_year"] else
               s["age"] if s["age"] is not None else DEFAULT_AGE)
        member = {"tenure_years": round(_years(s["hire"], ref.day), 3),
                  "prior_years": round(prior if s["prior"] is None else s["prior"], 3),
                  "age": max(18.0, float(age)), "fte": round(s["fte"], 4)}
        if s["salary"] is not None:
            member["salary_sek_per_month"] = s["salary"]
        check_member(f, s, member, ref.day, ref.note)
        members.append(member)
    hired = sum(1 for s in employed if hrstaff.consultant(s))
    unit = {"posts": len(current) + hired}
    for r, field in hrstaff.MAPPED.items():
        n = sum(1 for s in employed if s["role"] == r)
        if n:
            unit[field] = n
    out = Path(out)
    name = out.stem
    scen: dict = {"extends": os.path.relpath(base.resolve(), out.resolve().parent),
                  "name": name,
                  **{field: {lang: text.format(name=name, file=Path(staff_path).name,
                                               ref=ref.day) for lang, text in by_lang.items()}
                     for field, by_lang in (words or {}).items()},
                  "unit": unit, "initial_state": {"staff": members, **(
                      {"consultants": hired} if hired else {})}}
    fin = None
    if inflow_path:
        fin, flow = _read_inflow(Path(inflow_path))
        months = len(flow)
        inv = sum(f[1] for f in flow) / months * 12
        ong = sum(f[2] for f in flow) / months * 12
        scen["cases"] = {"investigations": {"arrivals_per_year": round(inv, 2),
                                            "growth_per_year": _trend(flow, 1)},
                         "ongoing": {"arrivals_per_year": round(ong, 2),
                                     "growth_per_year": _trend(flow, 2)}}
        check_inflow(fin, scen["cases"])
    try:
        start = _years_before(ref.day, int(window_years))
    except (ValueError, OverflowError):
        raise UserError(f"{staff_path}: the observation window of {window_years:g} years "
                        f"before the reference date {ref.day} starts before year 1; check "
                        "the dates or give a shorter --window-years") from None
    carrying = [s for s in staff if hrstaff.carries_cases(s)]
    targets = _targets(carrying, start, ref.day, name, out, Path(staff_path).name)
    notes = [*hrstaff.column_lines(f.columns, percent), ref.line,
             *hrstaff.posts_lines([s for s in employed if not hrstaff.on_leave(s)],
                                  ref.day, "title" in f.heads, unit),
             *hrstaff.leave_lines(carrying_now),
             *hrstaff.reason_lines(staff, ref.day), hrstaff.target_line(staff, start, ref.day),
             *_assumed(f, (prior, guessed, len(current)), staff, ref.day)]
    header = (f"# Generated by python simulate.py import-hr from {Path(staff_path).name}"
              + (f" and {Path(inflow_path).name}" if inflow_path else "")
              + f"; reference date {ref.day}{ref.note}.\n"
              + (f"# Prior experience not in the file for {guessed} of {len(current)}: "
                 f"{prior:g} years each (the mean of the base scenario's "
                 "initial_state.prior_years).\n" if guessed else ""))
    scen_text = header + yaml.safe_dump(scen, sort_keys=False, allow_unicode=True)
    try:
        load_scenario_text(scen_text, out)
    except ScenarioError as exc:
        raise in_the_files(exc, f, current, fin) from None
    targets_text = (header + "# Observed exit rates per person-year (calibrate against "
                    "these)\n" + yaml.safe_dump({"targets": targets}, sort_keys=False,
                                                allow_unicode=True))
    return scen_text, targets_text, notes


def _targets(staff: list[dict], start: date, end: date, name: str, out: Path,
             source: str) -> list[dict]:
    targets = []
    for metric, (rate, exits) in observed_rates(staff, start, end).items():
        if not math.isfinite(rate) or exits == 0:
            continue
        # two Poisson standard errors of the observed rate, at least 0.02 a year
        tol = max(0.02, 2 * rate / math.sqrt(exits))
        targets.append({"name": f"{name}_{metric}", "scenario": out.name, "metric": metric,
                        "value": round(rate, 4), "tolerance": round(tol, 4),
                        "source": f"{source}: {exits} exits, {start} to {end}"})
    return targets


def _assumed(f: HRFile, prior: tuple, staff: list[dict], ref: date) -> list[str]:
    """The lines that say what the file did not give and what was assumed instead, and
    which dates lie after the reference date. ``prior``: the estimate of the experience
    before joining, for how many of how many staff."""
    lines = []
    estimate, guessed, of = prior
    if guessed:
        lines.append(f"Prior experience: not in the file for {guessed} of {of} staff; each "
                     f"given {estimate:g} years, the mean experience before joining that the "
                     "base scenario gives the staff it samples (initial_state.prior_years); "
                     "add a column Tidigare erfarenhet (years) to give your own.")
    if "birth_year" not in f.heads and "age" not in f.heads:
        lines.append(f"Age: not in the file (Födelseår or Ålder); each person {DEFAULT_AGE} "
                     "on the reference date.")
    if "monthly_salary" not in f.heads:
        lines.append("Monthly salary: not in the file; the model's pay by experience.")
    starts = [s["row"] for s in staff if s["hire"] > ref]
    ends = [s["row"] for s in staff if s["hire"] <= ref and s["exit"] and s["exit"] > ref]
    if starts or ends:
        rows = ", ".join(f"{what} on row(s) {', '.join(map(str, r[:8]))}"
                         f"{', ...' if len(r) > 8 else ''}"
                         for what, r in (("starts", starts), ("ends", ends)) if r)
        lines.append(f"After the reference date {ref} (planned; the staff list is the staff "
                     f"of that day): {rows}.")
    return lines


def _trend(flow, col: int) -> float:
    """Yearly growth from a log-linear fit of monthly counts."""
    import numpy as np
    y = np.array([max(f[col], 0.5) for f in flow])
    t = np.array([(f[0].year - flow[0][0].year) * 12 + f[0].month - flow[0][0].month
                  for f in flow], float)
    slope = np.polyfit(t, np.log(y), 1)[0]
    return round(float(math.exp(slope * 12) - 1), 4)
