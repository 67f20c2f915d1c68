"""Import a municipality's own HR data: staff (and optionally monthly case inflow).

Staff file (header row; one row per employment), as CSV or as an .xlsx workbook (its
first sheet). A CSV file may be UTF-8 (with or without a byte-order mark) or
Windows-1252, separated by commas, semicolons or tabs, with decimal points or commas
(``model.store.officefiles`` reads it as Excel saved it). Each column may also carry its
Swedish name (``SWEDISH_COLUMNS``) and the exit reason its Swedish word (``REASONS``):

====================  =========  ==============================================
column                required   meaning
====================  =========  ==============================================
id                    yes        unique employee id (any text)
hire_date             yes        first day in the unit, YYYY-MM-DD
exit_date             no         last day, YYYY-MM-DD; empty if still employed
exit_reason           no         resignation, retirement or other; empty if employed
fte                   yes        employment level, 0 < fte <= 1
monthly_salary        yes        SEK per month, >= 0
prior_experience      yes        years of experience before this unit, >= 0
birth_year            no         for retirement; default: age 40 at the reference date
====================  =========  ==============================================

Inflow file, read the same way: ``month`` (YYYY-MM), ``investigations``, ``ongoing``
(counts >= 0).

The import builds a scenario (a delta from the baseline) with the staff employed at the
reference date as the explicit initial staff list and the posts set to their number,
the inflow level and yearly trend (log-linear fit) when an inflow file is given, and a
targets file with the observed exit rates (overall and by tenure band, per person-year
over the observation window, with tolerances of two Poisson standard errors) that
``calibrate`` can fit to.
"""

from __future__ import annotations

import math
import os
import re
from datetime import date, datetime
from pathlib import Path

import yaml

from ..errors import ScenarioError, UserError
from ..sim.params.base import MAX_POSTS
from ..store.officefiles import read_table
from .hrchecks import check_inflow, check_member, in_the_files
from .scenario import load_scenario_text

STAFF_COLUMNS = ["id", "hire_date", "fte", "monthly_salary", "prior_experience"]
OPTIONAL = ["exit_date", "exit_reason", "birth_year"]
INFLOW_COLUMNS = ["month", "investigations", "ongoing"]
# Swedish column names accepted beside the English ones (compared after lower-casing,
# dropping a parenthesised note such as "(år)" and writing spaces and hyphens as "_")
SWEDISH_COLUMNS = {
    "id": ["anställningsnummer", "anstnr"],
    "hire_date": ["anställningsdatum", "startdatum"],
    "exit_date": ["slutdatum", "avgångsdatum"],
    "exit_reason": ["avgångsorsak", "orsak"],
    "fte": ["sysselsättningsgrad", "tjänstgöringsgrad"],
    "monthly_salary": ["månadslön", "lön"],
    "prior_experience": ["tidigare_erfarenhet", "erfarenhet_före"],
    "birth_year": ["födelseår"],
    "month": ["månad"],
    "investigations": ["utredningar"],
    "ongoing": ["pågående", "uppföljningar"],
}
# exit reasons: the English words and their Swedish alternatives
REASONS = {"resignation": "resignation", "retirement": "retirement", "other": "other",
           "": "", "egen uppsägning": "resignation", "uppsägning": "resignation",
           "pension": "retirement", "ålderspension": "retirement", "annan": "other",
           "annat": "other", "övrigt": "other"}
BANDS = [("exit_rate_lt2", 0, 2), ("exit_rate_2to5", 2, 5), ("exit_rate_5plus", 5, 1e9)]
MAX_ROWS = 100_000
MAX_CSV_BYTES = 50_000_000


def _key(name: str) -> str:
    name = re.sub(r"\(.*?\)", "", name).strip().lower()
    return re.sub(r"[\s\-]+", "_", name)


class _File:
    """A staff or inflow file read: its rows by column name, and how it was read (for
    the hint that ends every message about a value)."""

    def __init__(self, path: Path, columns: list[str], required: list[str]):
        self.path = path
        header, rows, self.dialect = read_table(path, MAX_CSV_BYTES, MAX_ROWS)
        names = {}
        for c in columns:
            for alias in (c, *SWEDISH_COLUMNS.get(c, [])):
                names[_key(alias)] = c
        index: dict[str, int] = {}
        for j, h in enumerate(header):
            c = names.get(_key(h))
            if c is None:
                continue
            if c in index:
                raise UserError(f"{path}: columns {header[index[c]]!r} and {h!r} both give "
                                f"{c}; keep one")
            index[c] = j
        missing = [c for c in required if c not in index]
        if missing:
            found = ", ".join(repr(h) for h in header[:12]) + (", ..." if len(header) > 12
                                                                 else "")
            allowed = "; ".join(f"{c} ({' / '.join(SWEDISH_COLUMNS.get(c, []))})"
                                if c in SWEDISH_COLUMNS else c for c in required)
            raise UserError(f"{path}: missing column(s) {', '.join(missing)}; found {found} "
                            f"({self.dialect.describe()}); required: {allowed}")
        self.rows = [(n, {c: values[j] for c, j in index.items()}) for n, values in rows]
        self.heads = {c: header[j] for c, j in index.items()}

    def fail(self, n: int, col: str, what: str):
        """The one-line error about a value: the column by the file's own header."""
        head = self.heads.get(col, col)
        shown = col if head == col else f"{head} ({col})"
        hint = "" if self.dialect.plain else f" ({self.dialect.describe()})"
        return UserError(f"{self.path}: row {n}, column {shown}: {what}{hint}")


def parse_date(text: str, label: str) -> date:
    """A YYYY-MM-DD date given on the command line (``label``: the option)."""
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise UserError(f"{label} {text}: not a date (YYYY-MM-DD)") from None


_DMY = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")


def _date(f: _File, n: int, col: str, text: str) -> date:
    for fmt in ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    hint = ""
    if _DMY.match(text):
        hint = "; it looks like day.month.year: format the column as ÅÅÅÅ-MM-DD in Excel"
    elif text.isdigit() and 20000 <= int(text) <= 80000:
        hint = "; it looks like an Excel date number: format the column as a date"
    raise f.fail(n, col, f"{text!r} is not a date; allowed: YYYY-MM-DD{hint}") from None


def _num(f: _File, n: int, col: str, text: str, low=None, high=None, low_open=False,
         percent=False) -> float:
    """A number written with a decimal point or a decimal comma, spaces as thousands
    separators allowed (``1 234,5``); with ``percent`` also ``80 %``."""
    t = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d)", "", text.strip())
    scale = 1.0
    if percent and t.endswith("%"):
        t, scale = t[:-1].strip(), 0.01
    if "," in t and "." not in t:
        t = t.replace(",", ".")
    rng = f"{'>' if low_open else '>='} {low:g}" if low is not None else ""
    if high is not None:
        rng += f"{' and ' if rng else ''}<= {high:g}"
    try:
        v = float(t) * scale
    except ValueError:
        raise f.fail(n, col, f"{text!r} is not a number; allowed: a number {rng}, with a "
                     "decimal point or comma and no thousands separator but spaces") from None
    if not math.isfinite(v) or (low is not None and (v <= low if low_open else v < low)) \
            or (high is not None and v > high):
        hint = (f"; a percentage is written with a % sign ('{text} %')"
                if percent and 1 < v <= 100 else "")
        raise f.fail(n, col, f"{text!r} must be {rng}{hint}")
    return v


def read_staff(path: str | Path) -> list[dict]:
    """The staff rows, each with ``row``: its row number in the file."""
    return _read_staff(Path(path))[1]


def _read_staff(path: Path) -> tuple[_File, list[dict]]:
    f = _File(path, STAFF_COLUMNS + OPTIONAL, STAFF_COLUMNS)
    if not f.rows:
        raise UserError(f"{path}: no staff rows")
    seen = {}
    out = []
    for i, r in f.rows:
        pid = r["id"]
        if not pid:
            raise f.fail(i, "id", "empty; allowed: a unique employee id")
        if pid in seen:
            raise f.fail(i, "id", f"duplicate id {pid!r} (first on row {seen[pid]})")
        seen[pid] = i
        hire = _date(f, i, "hire_date", r["hire_date"])
        exit_ = _date(f, i, "exit_date", r["exit_date"]) if r.get("exit_date") else None
        if exit_ is not None and exit_ < hire:
            raise f.fail(i, "exit_date", f"{exit_} is before hire_date {hire}")
        given = r.get("exit_reason", "")
        reason = REASONS.get(given.lower())
        if reason is None:
            raise f.fail(i, "exit_reason", f"{given!r}; allowed: resignation (egen "
                         "uppsägning), retirement (pension), other (annan) or empty")
        if reason and exit_ is None:
            raise f.fail(i, "exit_reason", "given without exit_date")
        birth = (int(_num(f, i, "birth_year", r["birth_year"], 1900, 2100))
                 if r.get("birth_year") else None)
        out.append({"id": pid, "hire": hire, "exit": exit_, "reason": reason or None,
                    "fte": _num(f, i, "fte", r["fte"], 0, 1, low_open=True, percent=True),
                    "salary": _num(f, i, "monthly_salary", r["monthly_salary"], 0, 1e7),
                    "prior": _num(f, i, "prior_experience", r["prior_experience"], 0, 60),
                    "birth_year": birth, "row": i})
    return f, out


def read_inflow(path: str | Path) -> list[tuple[date, float, float]]:
    return _read_inflow(Path(path))[1]


def _read_inflow(path: Path) -> tuple[_File, list[tuple[date, float, float]]]:
    f = _File(path, INFLOW_COLUMNS, INFLOW_COLUMNS)
    if len(f.rows) < 2:
        raise UserError(f"{path}: at least two months are needed")
    out = []
    seen = set()
    for i, r in f.rows:
        m = _month(f, i, r["month"])
        if m in seen:
            raise f.fail(i, "month", f"duplicate month {m:%Y-%m}")
        seen.add(m)
        out.append((m, _num(f, i, "investigations", r["investigations"], 0, 1e6),
                    _num(f, i, "ongoing", r["ongoing"], 0, 1e6)))
    return f, sorted(out)


def _month(f: _File, n: int, text: str) -> date:
    """YYYY-MM, or a date in that month (Excel turns a typed 2021-01 into 2021-01-01)."""
    for fmt, part in (("%Y-%m", text), ("%Y-%m-%d", text.split(" ")[0])):
        try:
            return datetime.strptime(part, fmt).date().replace(day=1)
        except ValueError:
            pass
    raise f.fail(n, "month", f"{text!r} is not a month; allowed: YYYY-MM")


def _years(a: date, b: date) -> float:
    return (b - a).days / 365.25


def observed_rates(staff: list[dict], start: date, end: date) -> dict[str, tuple[float, int]]:
    """Exits per person-year in [start, end], overall and by tenure band: (rate, exits)."""
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
            if s["exit"] and start <= s["exit"] <= end and lo <= t1 < hi:
                exits += 1
        out[name] = (exits / exposure if exposure > 0 else math.nan, exits)
    return out


def targets_path(out: Path) -> Path:
    """The targets file written beside the scenario ``out``."""
    return Path(out).with_name(Path(out).stem + "_targets.yaml")


def default_base() -> Path:
    return Path(__file__).resolve().parents[2] / "scenarios" / "baseline.yaml"


def build(staff_path, inflow_path, out: Path, as_of: date | None = None,
          base: Path | None = None, window_years: float = 3.0,
          words: dict[str, dict[str, str]] | None = None) -> tuple[str, str]:
    """The text of the unit's scenario (to be written to ``out``) and of its targets
    file, both checked: the scenario validates as the file ``out`` would, so nothing
    invalid is ever written. ``words``: the scenario's ``title`` and ``description`` per
    language, templates filled with ``name``, ``file`` (the staff file's name) and
    ``ref`` (the reference date); the presentation's catalogue holds them."""
    f, staff = _read_staff(Path(staff_path))
    ref, ref_note = _reference_date(f, staff, as_of)
    current = [s for s in staff if s["hire"] <= ref and (s["exit"] is None or s["exit"] > ref)]
    if not current:
        raise UserError(f"{staff_path}: nobody is employed on the reference date {ref}")
    if len(current) > MAX_POSTS:
        raise UserError(f"{staff_path}: {len(current):,} staff employed on the reference date "
                        f"{ref}; at most {MAX_POSTS:,} allowed (unit.posts)")
    members = []
    for s in current:
        age = (ref.year - s["birth_year"]) if s["birth_year"] else 40
        member = {"tenure_years": round(_years(s["hire"], ref), 3),
                  "prior_years": round(s["prior"], 3), "age": max(18.0, float(age)),
                  "fte": s["fte"], "salary_sek_per_month": s["salary"]}
        check_member(f, s, member, ref, ref_note)
        members.append(member)
    out = Path(out)
    base = Path(base) if base else default_base()
    name = out.stem
    scen: dict = {"extends": os.path.relpath(base.resolve(), out.resolve().parent),
                  "name": name,
                  **{field: {lang: text.format(name=name, file=Path(staff_path).name,
                                               ref=ref) for lang, text in by_lang.items()}
                     for field, by_lang in (words or {}).items()},
                  "unit": {"posts": len(current)},
                  "initial_state": {"staff": members}}
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
        start = date(ref.year - int(window_years), ref.month, min(ref.day, 28))
    except (ValueError, OverflowError):
        raise UserError(f"{staff_path}: the observation window of {window_years:g} years "
                        f"before the reference date {ref} starts before year 1; check the "
                        "dates or give a shorter --window-years") from None
    rates = observed_rates(staff, start, ref)
    targets = []
    for metric, (rate, exits) in rates.items():
        if not math.isfinite(rate) or exits == 0:
            continue
        # two Poisson standard errors of the observed rate, at least 0.02 a year
        tol = max(0.02, 2 * rate / math.sqrt(exits))
        targets.append({"name": f"{name}_{metric}", "scenario": out.name, "metric": metric,
                        "value": round(rate, 4), "tolerance": round(tol, 4),
                        "source": f"{Path(staff_path).name}: {exits} exits, {start} to {ref}"})
    header = (f"# Generated by python simulate.py import-hr from {Path(staff_path).name}"
              + (f" and {Path(inflow_path).name}" if inflow_path else "")
              + f"; reference date {ref}.\n")
    scen_text = header + yaml.safe_dump(scen, sort_keys=False, allow_unicode=True)
    try:
        load_scenario_text(scen_text, out)
    except ScenarioError as exc:
        raise in_the_files(exc, f, current, fin) from None
    targets_text = (header + "# Observed exit rates per person-year (calibrate against "
                    "these)\n" + yaml.safe_dump({"targets": targets}, sort_keys=False,
                                                allow_unicode=True))
    return scen_text, targets_text


def _reference_date(f: _File, staff: list[dict], as_of: date | None) -> tuple[date, str]:
    """The reference date and where it comes from (for messages): ``--as-of``, or the
    latest date in the file, which may not lie after today."""
    if as_of is not None:
        return as_of, " (--as-of)"
    latest = max(((s["hire"], s["row"], "hire_date") for s in staff),
                 key=lambda d: (d[0], -d[1]))
    exits = [(s["exit"], s["row"], "exit_date") for s in staff if s["exit"]]
    if exits:
        latest = max([latest, *exits], key=lambda d: (d[0], -d[1]))
    ref, row, col = latest
    today = date.today()
    if ref > today:
        raise f.fail(row, col, f"{ref} is after today ({today}); a future date in this field "
                     "would become the reference date (the latest date in the file); "
                     "allowed: dates up to today, or give --as-of YYYY-MM-DD to import as "
                     "of a date of your own")
    return ref, f" (the latest date in the file: row {row}, column {f.heads.get(col, col)})"


def _trend(flow, col: int) -> float:
    """Yearly growth from a log-linear fit of monthly counts."""
    import numpy as np
    y = np.array([max(f[col], 0.5) for f in flow])
    t = np.array([(f[0].year - flow[0][0].year) * 12 + f[0].month - flow[0][0].month
                  for f in flow], float)
    slope = np.polyfit(t, np.log(y), 1)[0]
    return round(float(math.exp(slope * 12) - 1), 4)
