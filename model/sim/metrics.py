"""Collectors that turn one replication into three tidy tables.

* events: one row per hire, phase change, intention change, resignation, exit (with
  reason and tenure), sick spell, recruitment round and consultant start/end;
* timeseries: the unit's state once a week;
* summary: one row of key results.

Only the statistics window (after warm-up) is recorded. Levels are averaged over the
weekly audits (each audit stands for one week).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pandas as pd

from .crisis import WeekCounts, first_crisis, year_checks
from .entities import DAYS_PER_YEAR, WEEK
from .jit import entry
from .records import CostRow, EventRow, WeekRow, kinds_of
from .response_records import ResponseRecords
from .staff import tenure_years

EVENT_COLUMNS = list(EventRow._fields)
TS_COLUMNS = list(WeekRow._fields)
COST_COLUMNS = list(CostRow._fields)
# every summary result but the strain index is a count, a rate, a share, a cost or a
# level that cannot be negative: its interval uses the bounded method (model.experiment.intervals)
UNBOUNDED_KPIS = {"mean_strain"}
# results that are 0 or 1 per replication: their mean is a probability (Wilson interval)
BINARY_KPIS = {"crisis"}
SUMMARY_KPIS = ["turnover_rate", "exits", "resignations", "retirements",
                "exits_first_2y", "hires", "mean_headcount", "vacancy_rate",
                "consultant_fte", "overdue_share", "total_cost_sek", "economic_cost_sek",
                "vacant_post_pay_sek", "cost_per_year_sek", "economic_cost_per_year_sek",
                "handovers", "cases_arrived", "cases_closed", "mean_caseload",
                "mean_queue", "mean_wait_days", "share_5y_plus", "share_under_2y",
                "share_intending", "sick_absence_rate", "mean_exhaustion",
                "mean_strain", "returner_hires", "failed_round_share", "crisis",
                "investigations_bought", "overtime_hours_per_fte", "prioritised_share",
                "ongoing_bought", "borrowed_fte"]
# summary columns that are no result to average over replications: the first window
# year (1-based) that was a crisis year, NaN in a run without one, and the thresholds that
# year passed (model.sim.crisis.REASONS, joined by ";"; empty without one)
SUMMARY_EXTRA = ["crisis_year", "crisis_reason"]


class AuditColumns(NamedTuple):
    """Staff columns the weekly audit reads."""
    active: np.ndarray
    consultant: np.ndarray
    fte: np.ndarray
    notice: np.ndarray
    spell_start: np.ndarray
    sick_until: np.ndarray
    intending: np.ndarray
    zd: np.ndarray
    zc: np.ndarray
    zs: np.ndarray
    strain: np.ndarray
    exh: np.ndarray
    util: np.ndarray
    ncases: np.ndarray
    n_overdue: np.ndarray
    hire_day: np.ndarray


@entry
def _audit(now, w, n_open_posts):
    """One pass over the workers: the sums and counts of the weekly audit."""
    out = np.zeros(17)
    (n_emp, fte_sum, vacant, n_cons, on_notice, absent, n_int, s_zd, s_zc, s_zs, s_strain,
     s_exh, s_util, open_cases, emp_cases, overdue, _) = out
    lt2 = mid = ge5 = 0
    for k in range(w.active.size):
        if k < n_open_posts and not w.active[k]:
            vacant += 1
        if not w.active[k]:
            continue
        open_cases += w.ncases[k]
        overdue += w.n_overdue[k]
        if w.consultant[k]:
            n_cons += 1
            continue
        n_emp += 1
        fte_sum += w.fte[k]
        on_notice += w.notice[k]
        s0 = max(w.spell_start[k], now - 7.0)
        s1 = min(w.sick_until[k], now)
        absent += min(max(s1 - s0, 0.0), 7.0)
        n_int += w.intending[k]
        s_zd += w.zd[k]
        s_zc += w.zc[k]
        s_zs += w.zs[k]
        s_strain += w.strain[k]
        s_exh += w.exh[k]
        s_util += w.util[k]
        emp_cases += w.ncases[k]
        t = tenure_years(now, w.hire_day[k])
        if t < 2:
            lt2 += 1
        elif t < 5:
            mid += 1
        else:
            ge5 += 1
    return (n_emp, fte_sum, vacant, n_cons, on_notice, absent / 7.0, n_int, s_zd, s_zc,
            s_zs, s_strain, s_exh, s_util, open_cases, emp_cases, overdue, lt2, mid, ge5)


class Recorder(ResponseRecords):
    """The replication's events, weekly audits and counters (statistics window only,
    except the ``*_all`` case counters that the conservation checks use).

    The recorder owns its counters: the processes report what happened through its
    methods and never write a counter themselves."""

    def __init__(self):
        self.events: list[EventRow] = []
        self.ts: list[WeekRow] = []
        self.exits = self.resignations = self.retirements = self.exits_first_2y = 0
        self.hires = 0
        self.returner_hires = 0
        self.rounds = self.failed_rounds = 0
        self.handovers = 0
        self.cases_arrived = 0
        self.cases_closed = 0
        self.cases_arrived_all = 0
        self.investigations_arrived = 0
        self.week_counts: list[WeekCounts] = []
        self.cases_closed_all = 0
        self.deadlines_reached = 0
        self.overdue = 0
        self.wait_sum = 0.0
        self.wait_n = 0
        self.start_response_counts()

    # -- events ------------------------------------------------------------------

    def event(self, u, name, k, detail="", value=math.nan):
        """One event about slot ``k`` (its holder's id and tenure; -1 and NaN for an
        empty slot, e.g. a recruitment round for a vacant post)."""
        now = u.env.now
        if now < u.warmup_end:
            return
        st = u.staff
        if k >= 0 and st.active[k]:
            # tenure as ``tenure_years`` computes it, without a call into the compiled code
            worker, tenure = int(st.wid[k]), (now - float(st.hire_day[k])) / DAYS_PER_YEAR
        else:
            worker, tenure = -1, math.nan
        self.events.append(EventRow(now, u.ledger.year_of(now), name, worker, int(k),
                                    detail, tenure, float(value)))

    def hire(self, u, k, kind):
        if u.env.now >= u.warmup_end:
            self.hires += 1
            self.returner_hires += kind == "returner"
        self.event(u, "hire", k, kind, u.staff.prior[k])

    def round_ended(self, failed: bool, in_window: bool) -> None:
        """A recruitment round ended (counted in the statistics window)."""
        if in_window:
            self.rounds += 1
            self.failed_rounds += failed

    def exit(self, u, k, reason):
        now = u.env.now
        if u.staff.consultant[k]:
            return
        if now >= u.warmup_end:
            self.exits += 1
            if reason == "retirement":
                self.retirements += 1
            else:
                self.resignations += 1
            if (now - float(u.staff.hire_day[k])) / DAYS_PER_YEAR < 2:
                self.exits_first_2y += 1
        self.event(u, "exit", k, reason)

    # -- cases -------------------------------------------------------------------

    def cases_arrived_in_week(self, n_inv: int, n_ong: int, in_window: bool) -> None:
        """``n_inv`` new investigations and ``n_ong`` new ongoing cases arrived (counted
        in the window, and in ``*_all`` always; the investigations are the crisis
        check's intake)."""
        n = n_inv + n_ong
        if in_window:
            self.cases_arrived += n
            self.investigations_arrived += n_inv
        self.cases_arrived_all += n

    def cases_closed_in_week(self, n: int, in_window: bool) -> None:
        """``n`` cases closed (counted in the window, and in ``*_all`` always)."""
        self.cases_closed_all += n
        if in_window:
            self.cases_closed += n

    def deadlines_passed(self, overdue: int, reached: int) -> None:
        """Investigations whose legal deadline came in the window: ``reached`` of them,
        ``overdue`` still open then."""
        self.overdue += overdue
        self.deadlines_reached += reached

    def cases_assigned(self, wait_days: float, n: int, in_window: bool) -> None:
        """``n`` first assignments after ``wait_days`` of waiting in all."""
        if in_window:
            self.wait_sum += wait_days
            self.wait_n += n

    def cases_handed_over(self, n: int) -> None:
        """``n`` hand-overs in the window (continuity breaks)."""
        self.handovers += n

    # -- weekly audit ------------------------------------------------------------

    def weekly(self, u):
        now = u.env.now
        if now < u.warmup_end:
            return
        (n_emp, fte, vacant, n_cons, on_notice, absent, n_int, s_zd, s_zc, s_zs, s_strain,
         s_exh, s_util, open_cases, emp_cases, overdue, lt2, mid, ge5) = _audit(
            float(now), u.views[AuditColumns], u.open_positions)
        n_emp = int(n_emp)
        per = 1.0 / n_emp if n_emp else math.nan
        q_inv, q_ong, overdue_q, past_relax = u.book.queue_audit(float(now),
                                                                 u.rule.relax_after_days)
        year = u.ledger.year_of(now - 1e-9)
        self.week_counts.append(WeekCounts(year, self.overdue, self.deadlines_reached,
                                           self.investigations_arrived, self.exits,
                                           self.bought))
        # positional, in WeekRow's field order (a keyword call costs more, weekly)
        self.ts.append(WeekRow(
            int(round(now / WEEK)), now, year, n_emp, fte, int(vacant), int(n_cons),
            int(on_notice), absent, n_int * per, s_zd * per, s_zc * per, float(u.zm),
            s_zs * per, s_strain * per, s_exh * per, s_util * per, q_inv, q_ong,
            int(open_cases), emp_cases * per, int(overdue) + overdue_q,
            float(u.mentor_hours_total), float(u.mentor_coverage), lt2, mid, ge5,
            self.exits, self.hires, u.open_positions, past_relax))

    # -- tables -----------------------------------------------------------------

    def tables(self, u, meta: dict) -> dict[str, pd.DataFrame]:
        """The four tables of the replication."""
        return {name: frame(cols) for name, cols in self.columns(u, meta).items()}

    def columns(self, u, meta: dict) -> dict[str, dict[str, np.ndarray]]:
        """The four tables as columns (numpy arrays): cheap to send between processes
        and to join over replications (see ``join_columns``)."""
        ev = _columns(meta, self.events, EventRow)
        ts = _columns(meta, self.ts, WeekRow)
        costs = _columns(meta, list(u.ledger.rows()), CostRow)
        years = u.params.simulation.years
        nweeks = len(self.ts)
        col = {c: ts[c].astype(float) for c in TS_COLUMNS}

        def avg(x) -> float:
            x = x[~np.isnan(x)]
            return float(x.mean()) if x.size else math.nan

        s = {}
        hc = float(col["headcount"].mean()) if nweeks else math.nan
        s["turnover_rate"] = (self.exits / hc / years) if hc and hc > 0 else math.nan
        s["exits"] = self.exits
        s["resignations"] = self.resignations
        s["retirements"] = self.retirements
        s["exits_first_2y"] = self.exits_first_2y
        s["hires"] = self.hires
        s["returner_hires"] = self.returner_hires
        s["failed_round_share"] = (self.failed_rounds / self.rounds if self.rounds
                                   else math.nan)
        s["mean_headcount"] = hc
        s["overdue_share"] = (self.overdue / self.deadlines_reached
                              if self.deadlines_reached else math.nan)
        total = u.ledger.total("budget")
        s["total_cost_sek"] = total
        s["economic_cost_sek"] = u.ledger.total("economic")
        s["vacant_post_pay_sek"] = u.ledger.vacant_post_pay
        s["cost_per_year_sek"] = total / years
        s["economic_cost_per_year_sek"] = s["economic_cost_sek"] / years
        s["handovers"] = self.handovers
        s["cases_arrived"] = self.cases_arrived
        s["cases_closed"] = self.cases_closed
        s["mean_wait_days"] = self.wait_sum / self.wait_n if self.wait_n else math.nan
        checks = year_checks(self.week_counts, col["queue_investigations"],
                             col["headcount"])
        self.response_summary(s, hc, years)
        s["crisis_year"], s["crisis_reason"] = first_crisis(checks, u.params.crisis)
        s["crisis"] = int(not math.isnan(s["crisis_year"]))
        if nweeks:
            with np.errstate(divide="ignore", invalid="ignore"):
                hcs = np.where(col["headcount"] > 0, col["headcount"], np.nan)
                s["vacancy_rate"] = avg(col["vacancies"] / col["posts_open"])
                s["share_5y_plus"] = avg(col["tenure_5plus"] / hcs)
                s["share_under_2y"] = avg(col["tenure_lt2"] / hcs)
                s["sick_absence_rate"] = avg(col["sick_absent"] / hcs)
            s["consultant_fte"] = avg(col["consultants"])
            s["mean_caseload"] = avg(col["caseload_per_worker"])
            s["mean_queue"] = avg(col["queue_investigations"] + col["queue_ongoing"])
            s["share_intending"] = avg(col["intending_share"])
            s["mean_exhaustion"] = avg(col["exhaustion"])
            s["mean_strain"] = avg(col["strain"])
        else:
            for k in ("vacancy_rate", "share_5y_plus", "share_under_2y", "sick_absence_rate",
                      "consultant_fte", "mean_caseload", "mean_queue", "share_intending",
                      "mean_exhaustion", "mean_strain"):
                s[k] = math.nan
        summary = {k: Text.of([v]) if isinstance(v, str) else np.array([v])
                   for k, v in {**meta, **{k: s[k] for k in SUMMARY_KPIS + SUMMARY_EXTRA}}
                   .items()}
        return {"summary": summary, "timeseries": ts, "events": ev, "costs": costs}


def audit_week(u) -> None:
    """Weekly step: the unit's state in the timeseries."""
    u.recorder.weekly(u)


class Text:
    """A text column as its distinct values and one code per row (the few distinct
    event names, reasons and categories repeat over thousands of rows)."""

    __slots__ = ("values", "codes")

    def __init__(self, values: np.ndarray, codes: np.ndarray):
        self.values = values
        self.codes = codes

    @classmethod
    def of(cls, items) -> Text:
        values, codes = np.unique(np.asarray(items, dtype=str), return_inverse=True)
        return cls(values, codes.reshape(-1))

    @classmethod
    def join(cls, parts: list[Text]) -> Text:
        values = np.unique(np.concatenate([p.values for p in parts]))
        codes = [np.searchsorted(values, p.values)[p.codes] if p.codes.size else p.codes
                 for p in parts]
        return cls(values, np.concatenate(codes))

    def series(self) -> pd.Series:
        return pd.Series(pd.array(self.values, dtype=str).take(self.codes))


def _columns(meta: dict, rows: list[tuple], record) -> dict:
    """Rows of the named tuple ``record`` as typed columns, one per field (kinds from
    ``kinds_of``: i int64, f float64, s text), led by the replication's identifying
    columns."""
    n = len(rows)
    columns = record._fields
    kinds = kinds_of(record)
    data = list(zip(*rows)) if n else [() for _ in columns]
    out: dict = {k: Text(np.array([v]), np.zeros(n, np.intp)) if isinstance(v, str)
                 else np.full(n, v, np.int64) for k, v in meta.items()}
    for c, kind, values in zip(columns, kinds, data):
        out[c] = (Text.of(values) if kind == "s" else
                  np.array(values, dtype=np.int64 if kind == "i" else np.float64))
    return out


def join_columns(parts: list[dict]) -> dict:
    """One table's columns from several replications, in the order given (the parts
    are emptied on the way, so each column is held once, not twice)."""
    out = {}
    for c in list(parts[0]):
        pieces = [p.pop(c) for p in parts]
        out[c] = (Text.join(pieces) if isinstance(pieces[0], Text)
                  else np.concatenate(pieces))
    return out


def frame(cols: dict) -> pd.DataFrame:
    """A table from its columns (text columns become pandas strings)."""
    return pd.DataFrame({c: v.series() if isinstance(v, Text) else v
                         for c, v in cols.items()})
