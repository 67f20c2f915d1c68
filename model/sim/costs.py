"""The cost ledger in SEK, by year of the statistics window, category and view.

Two views of cost (docs/MODEL.md, "The cost of turnover: two views"):

**Budget view** (``view = "budget"``): the cash the municipality pays. Payroll is split
so that nothing is counted twice: each employee-week's pay
(``salary * 12/52 * (1 + on-cost) * fte``) goes to

* ``sick_leave``: employer sick pay (``sick_pay_share`` of pay) for absent days within
  the first ``employer_pay_days`` of a spell (later days cost the employer nothing);
* ``mentoring``: the part of the payroll that bought mentors' time with newcomers;
* ``rampup_lost_output``: the part that bought a newcomer's time not yet usable for
  casework, ``1 - capacity(phase)``;
* ``time_<policy>``: paid time a policy moves off casework (shorter days, reflection);
* ``salaries`` (``policy_overstaffing`` for posts above the budget): the rest.

Mentoring, ramp-up and policy time are parts of the same payroll, never savings. On top
of payroll: ``recruitment`` (per round), ``consultants`` (monthly cost per
consultant), ``rehabilitation`` (per long sick spell) and ``policy_<name>``: the extra
cash each policy costs (supplements, added staff, facilitators).

**Economic view** (personnel economics, Johrén; Vision 2015): the budget view plus the
value of work lost (``view = "economic"``), each valued at its labour cost times
``economics.value_of_work_factor``:

* ``lost_vacancy``: the unit's capacity short of its need, at the unit's mean labour
  cost of a full-time post. The need is the budgeted posts; the capacity is every
  employee in post (budgeted and extra posts, in FTE) and every consultant (in FTE
  times ``consultants.productivity``), so a filled extra post offsets an empty budgeted
  one. Capacity above the need is not credited (its work shows as a shorter queue and
  fewer overdue investigations, priced only through the optional service prices);
* ``lost_measure_time`` (Johrén's block ``measures``): the work that paid time moved off
  casework by a measure takes away and the model does not show recovered (after
  ``redesign_share`` and ``productivity_gain`` for the working-time policies; all of it
  for reflection time), valued like an uncovered vacancy hour and compared with need
  like ``lost_vacancy``: extra posts absorb it first; a measure whose productivity gain
  recovers more than the hours it moves fills empty budgeted capacity (it lowers
  ``lost_vacancy``) but is never credited beyond the need, as capacity above the need
  is not;
* ``lost_notice``: the part of a leaver's work not done during the notice period;
* ``lost_rampup`` and ``lost_mentoring``: the newcomer's shortfall and the mentors'
  time, which the budget view counts only as pay; ``lost_colleague_time``: colleagues'
  informal help to newcomers, in proportion to the shortfall;
* ``lost_sick_leave``: the absent days' work (covered by colleagues at the cost of their
  own cases, or not done);
* ``manager_introduction``: the manager's time on each hire's introduction;
* ``service_overdue`` and ``service_handovers``: only when a price is set (optional).

Every category belongs to one of Johrén's blocks (``BLOCKS``): recruitment,
introduction, training-in, vacancy and exit, plus sick leave, the ordinary payroll,
measures and service; a block's rows add up to the view's total with nothing counted
twice.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

import numpy as np

from .entities import DAYS_PER_YEAR, WEEK
from .jit import coefficients, entry
from .policies import vec
from .records import CostRow
from .staff import weekly_pay

WEEKS_PER_MONTH = 52.0 / 12.0
PAYROLL = ("sick_leave", "mentoring", "rampup_lost_output", "salaries",
           "policy_overstaffing")     # then time_<policy> for each policy moving time
LOST = ("lost_rampup", "lost_mentoring", "lost_sick_leave", "lost_colleague_time",
        "lost_notice")                                      # economic, from payroll
SICK, MENTORING, RAMPUP, SALARIES, OVERSTAFFING = range(len(PAYROLL))
ECONOMIC = {"lost_vacancy", "lost_measure_time", "lost_notice", "lost_rampup",
            "lost_colleague_time", "lost_mentoring", "lost_sick_leave",
            "manager_introduction", "service_overdue", "service_handovers"}
BLOCKS = {
    "recruitment": "recruitment",
    "mentoring": "introduction", "lost_mentoring": "introduction",
    "manager_introduction": "introduction",
    "rampup_lost_output": "training_in", "lost_rampup": "training_in",
    "lost_colleague_time": "training_in",
    "consultants": "vacancy_exit", "lost_vacancy": "vacancy_exit",
    "overtime": "vacancy_exit", "bought_investigations": "vacancy_exit",
    "bought_follow_up": "vacancy_exit", "borrowed_staff": "vacancy_exit",
    "leadership": "crisis_response",
    "lost_notice": "vacancy_exit",
    "lost_measure_time": "measures",
    "sick_leave": "sick_leave", "rehabilitation": "sick_leave",
    "lost_sick_leave": "sick_leave",
    "salaries": "payroll",
    "service_overdue": "service", "service_handovers": "service",
}


def view_of(category: str) -> str:
    """``economic`` for the value of work lost (and priced service), else ``budget``."""
    return "economic" if category in ECONOMIC else "budget"


def block_of(category: str) -> str:
    """Johrén's block of a category (``measures`` for a policy's own costs and time)."""
    if category in BLOCKS:
        return BLOCKS[category]
    if category.startswith(("policy_", "time_")):
        return "measures"
    raise KeyError(category)


class PayrollColumns(NamedTuple):
    """Staff columns the payroll pass reads."""
    active: np.ndarray
    consultant: np.ndarray
    salary: np.ndarray
    fte: np.ndarray
    notice: np.ndarray
    spell_start: np.ndarray
    sick_until: np.ndarray
    hire_day: np.ndarray
    mentor_given: np.ndarray
    phase: np.ndarray


class PayrollTerms(NamedTuple):
    oncost: float                 # employer's on-cost, share of pay
    employer_pay_days: float      # days of a spell the employer pays
    sick_pay_share: float
    paid_hours: float             # paid hours/week of a full-time post (yearly average)
    value_of_work: float          # value of lost work per SEK of its labour cost
    consultant_productivity: float  # a consultant's FTE as a share of an employee's
    notice_loss: float            # share of a leaver's output lost during notice
    colleague_time: float         # colleagues' hours per hour of a newcomer's shortfall


class PayrollWeek(NamedTuple):
    """The week's totals per category, and what the economic view adds."""
    payroll: np.ndarray           # PAYROLL, then time_<policy>
    lost: np.ndarray              # LOST
    fulltime_pay: float           # mean labour cost of a full-time employee this week
    capacity: float               # FTE in post at the week's end (consultants weighted)
    measure_lost_h: float         # hours of work measures took away, not recovered


class PayrollEffects(NamedTuple):
    """The week's policy effects on pay: capacity caps, paid time moved off casework and
    the hours of it not recovered (one row per policy)."""
    capacity_cap: np.ndarray
    policy_time: np.ndarray
    policy_lost: np.ndarray


@entry
def _payroll_week(now, w, capacity, fx, n_base, q):
    """Totals of one week of pay (``now - 7``, ``now``] per ledger category, the
    economic view's lost work that follows from them, the mean labour cost of a
    full-time post, the capacity in post (FTE of every active worker, consultants at
    their productivity) and the hours of work measures took away and did not recover.

    Each employee's pay for the days employed is split: employer sick pay for absent
    days within the employer period; of the pay for days present, the mentoring share,
    the shares of paid time that policies move off casework, then of the rest the
    ramp-up share ``1 - capacity`` and the salaries (or ``policy_overstaffing`` for
    posts above the budget).
    """
    start = now - 7.0
    n_time = fx.policy_time.shape[0]
    out = np.zeros(len(PAYROLL) + n_time)
    lost = np.zeros(len(LOST))
    salary_sum = 0.0
    n_emp = 0
    in_post = 0.0
    measure_lost_h = 0.0
    for k in range(w.active.size):
        if w.active[k] and not w.consultant[k]:
            salary_sum += w.salary[k]
            n_emp += 1
            in_post += w.fte[k]
        elif w.active[k]:
            in_post += w.fte[k] * q.consultant_productivity
    fulltime_pay = weekly_pay(salary_sum / n_emp if n_emp else 0.0, 1.0, q.oncost)
    for k in range(w.active.size):
        if not w.active[k] or w.consultant[k]:
            continue
        pay = weekly_pay(w.salary[k], w.fte[k], q.oncost)
        s0 = max(w.spell_start[k], start)
        s1 = min(w.sick_until[k], now)
        absent = min(max(s1 - s0, 0.0), 7.0)
        paid = min(max(min(s1, w.spell_start[k] + q.employer_pay_days) - s0, 0.0), 7.0)
        # hired or leaving mid-week: pay only the days employed
        employed = min(max(now - max(w.hire_day[k], start), 0.0), 7.0) / 7.0
        pay *= employed
        hours = max(q.paid_hours * w.fte[k], 1e-9)
        out[SICK] += pay * q.sick_pay_share * paid / 7.0
        lost[2] += pay * absent / 7.0 * q.value_of_work
        worked = pay * (1.0 - absent / 7.0)
        mentoring = worked * min(w.mentor_given[k] / hours, 1.0)
        out[MENTORING] += mentoring
        lost[1] += mentoring * q.value_of_work
        rest = worked - mentoring
        for j in range(n_time):
            part = worked * min(fx.policy_time[j, k] / hours, 1.0)
            out[len(PAYROLL) + j] += part
            rest -= part
            measure_lost_h += fx.policy_lost[j, k] * employed * (1.0 - absent / 7.0)
        rest = max(rest, 0.0)
        shortfall = 1.0 - min(capacity[w.phase[k]], fx.capacity_cap[k])
        ramp = rest * shortfall
        out[RAMPUP] += ramp
        # the work not done is a full post's, valued at the unit's mean labour cost
        lost_ramp = ramp * fulltime_pay / weekly_pay(w.salary[k], 1.0, q.oncost) \
            if w.salary[k] > 0 else 0.0
        lost[0] += lost_ramp * q.value_of_work
        lost[3] += lost_ramp * q.colleague_time * q.value_of_work
        if w.notice[k]:
            lost[4] += (rest - ramp) * q.notice_loss * q.value_of_work
        out[OVERSTAFFING if k >= n_base else SALARIES] += rest - ramp
    return out, lost, fulltime_pay, in_post, measure_lost_h


def _effects(fx, n: int) -> PayrollEffects:
    def rows(d):
        return np.array([vec(d[x], n) for x in d]) if d else np.zeros((0, n))
    return PayrollEffects(vec(fx.capacity_cap, n), rows(fx.policy_time),
                          rows({x: fx.policy_lost[x] for x in fx.policy_time}))


def _categories(fx, _n: int) -> tuple[str, ...]:
    """The payroll's categories, in the order of ``_payroll_week``'s totals."""
    return PAYROLL + tuple(f"time_{x}" for x in fx.policy_time)


def work_shortfall(need: float, capacity: float, measure_posts: float) -> tuple[float, float]:
    """Posts of work lost this week: (vacancy, measures). ``need``: budgeted posts;
    ``capacity``: FTE in post; ``measure_posts``: work measures took away and did not
    recover, in posts (negative when they recover more than they move). The total is the
    need not met by the capacity less the measures' loss, never below zero; the vacancy
    part is what the posts alone leave unmet, lowered by a measure's net recovery; the
    measures' part is the rest (never negative: no credit beyond the need)."""
    vacancy = max(need - capacity, 0.0)
    total = max(need - capacity + measure_posts, 0.0)
    return min(vacancy, total), max(total - vacancy, 0.0)


class Ledger:
    """SEK by (year, category), counting only days in the statistics window."""

    def __init__(self, window_start: float, params):
        self.start = window_start
        self.sek: dict[tuple[int, str], float] = defaultdict(float)
        econ = params.economics
        self.terms = coefficients(
            PayrollTerms, oncost=params.pay.employer_oncost,
            employer_pay_days=params.sick_leave.employer_pay_days,
            sick_pay_share=params.sick_leave.sick_pay_share,
            paid_hours=(params.work_time.hours_per_week
                        * params.work_time.working_weeks_per_year / 52.0),
            value_of_work=econ.value_of_work_factor,
            consultant_productivity=params.consultants.productivity,
            notice_loss=econ.notice_output_loss,
            colleague_time=econ.colleague_time_per_shortfall)
        self.consultant_month = params.consultants.cost_sek_per_month
        self.economics = econ
        # memo, not a cost: labour cost of vacant budget posts (pay not paid), SEK
        self.vacant_post_pay = 0.0
        self.rehabilitation = params.sick_leave.rehabilitation_sek_per_long_spell
        # manager's hour: salary with on-cost over the paid hours of a month
        self.manager_hour = (weekly_pay(float(econ.manager_salary_sek_per_month), 1.0,
                                        float(params.pay.employer_oncost))
                             / max(self.terms.paid_hours, 1e-9))

    def year_of(self, day: float) -> int:
        return int((day - self.start) // DAYS_PER_YEAR)

    def add(self, day: float, category: str, amount: float) -> None:
        if day >= self.start - 1e-9 and amount:
            self.sek[(self.year_of(day + 1e-9), category)] += float(amount)

    def in_window(self, now: float) -> bool:
        """Whether the week (now - 7, now] is inside the statistics window."""
        return now - WEEK >= self.start - 1e-9

    def book_payroll(self, u) -> None:
        """Book the week's pay (now - 7, now] of every employee."""
        if not self.in_window(u.env.now):
            return
        fx = u.fx
        totals, lost, fulltime_pay, in_post, measure_lost_h = _payroll_week(
            float(u.env.now), u.views[PayrollColumns], u.phase_table.capacity,
            fx.tuple_of(_effects, u.n_slots), u.n_base_positions, self.terms)
        y = self.year_of(u.env.now - WEEK)
        for cat, total in zip(fx.tuple_of(_categories, 0), totals.tolist()):
            if total:
                self.sek[(y, cat)] += total
        for cat, total in zip(LOST, lost.tolist()):
            if total:
                self.sek[(y, cat)] += total
        # overtime and bought investigations are work done (the managers' response)
        in_post += u.response.extra_hours() / max(self.terms.paid_hours, 1e-9)
        vacancy, measures = work_shortfall(
            float(u.n_base_positions), in_post,
            measure_lost_h / max(self.terms.paid_hours, 1e-9))
        for cat, posts in (("lost_vacancy", vacancy), ("lost_measure_time", measures)):
            if posts > 1e-12:
                self.sek[(y, cat)] += posts * fulltime_pay * self.terms.value_of_work
        self.vacant_post_pay += _vacant_posts(u) * fulltime_pay

    def book_consultants(self, u) -> None:
        """The week's consultant fees (consultants in post at the week's end)."""
        if not self.in_window(u.env.now):
            return
        n = int(np.count_nonzero(u.staff.active & u.staff.consultant))
        if n:
            # those above the usual cap (the managers' crisis response) at their price
            above = max(n - u.consultant_cap, 0)
            factor = u.params.response.crisis_consultant_price_factor
            self.add(u.env.now - WEEK, "consultants",
                     (n + above * (factor - 1.0)) * self.consultant_month / WEEKS_PER_MONTH)

    def book_overtime(self, u, hours: np.ndarray, pay_factor: float) -> None:
        """The week's overtime (``hours`` per slot, the week ahead) at ``pay_factor``
        times each worker's hourly pay with on-costs."""
        if not hours.any():
            return
        sal = u.staff.salary
        total = float((hours * sal).sum()) * 12.0 / 52.0 * (1.0 + self.terms.oncost)
        self.add(u.env.now, "overtime", total * pay_factor / max(self.terms.paid_hours, 1e-9))

    def book_hire(self, u) -> None:
        """The manager's time on a newcomer's introduction (economic view)."""
        hours = self.economics.introduction_manager_hours_per_hire
        if hours:
            self.add(u.env.now, "manager_introduction",
                     hours * self.manager_hour * self.terms.value_of_work)

    def book_long_spell(self, u) -> None:
        """Rehabilitation of a spell over 14 days (cash)."""
        self.add(u.env.now, "rehabilitation", self.rehabilitation)

    def book_service(self, u, overdue: int = 0, handovers: int = 0) -> None:
        """Priced service losses (economic view; only when a price is set)."""
        econ = self.economics
        if overdue and econ.overdue_investigation_sek:
            self.add(u.env.now, "service_overdue", overdue * econ.overdue_investigation_sek)
        if handovers and econ.handover_sek:
            self.add(u.env.now, "service_handovers", handovers * econ.handover_sek)

    def add_leaver_days(self, u, k: int) -> None:
        """Pay of a worker who left mid-week, for the days of that week worked."""
        now = u.env.now
        start = max(now - (now % WEEK), self.start)
        if now < self.start:
            return
        st = u.staff
        days = now - max(start, st.hire_day[k])
        if days <= 0:
            return
        pay = weekly_pay(st.salary[k], st.fte[k], self.terms.oncost)
        self.add(now, "salaries", pay * days / WEEK)

    def total(self, view: str | None = None) -> float:
        """The budget view's total (``view="budget"``), the economic view's (all rows:
        the budget plus the value of work lost; ``view="economic"`` or None)."""
        if view == "budget":
            return float(sum(v for (_, c), v in self.sek.items() if c not in ECONOMIC))
        return float(sum(self.sek.values()))

    def rows(self):
        """The rows of the costs table, sorted by year and category."""
        for (year, cat), sek in sorted(self.sek.items()):
            yield CostRow(year=year, category=cat, view=view_of(cat), block=block_of(cat),
                          sek=sek)


def _vacant_posts(u) -> int:
    """Budgeted posts with nobody in them (the memo of pay not paid)."""
    n = u.n_base_positions
    return n - int(np.count_nonzero(u.staff.active[:n]))


def book_payroll(u) -> None:
    """Weekly step: the payroll of the week past."""
    u.ledger.book_payroll(u)


def book_consultants(u) -> None:
    """Weekly step: the consultant fees of the week past."""
    u.ledger.book_consultants(u)
