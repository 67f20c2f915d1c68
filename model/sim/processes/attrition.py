"""Leaving: intention to leave, resignation (proportional hazards), retirement; and pay.

The quit hazard of an employee (per year) is

    h = h0 * g(tenure) * exp(LP) * HR_int^[intending] + pull * HR_pay^(gap - cond)

with the linear predictor

    LP = ln HR_d z_d + ln HR_c z_c + ln HR_m z_m + ln HR_s z_s
         + ln HR_E * exhaustion + ln HR_pay * gap

where ``gap`` is what the market pays above own salary, in 1,000 SEK/month, and
``g`` the tenure multiplier (workplace tenure, including a trainee's time in the unit
before hire); ``cond`` is the worth of the paid hours off client work
that measures give (competence, recovery), in 1,000 SEK/month:
``pay.paid_time_value_share`` x those hours' share of the paid week x own salary.
Working conditions so act on the outside pull as pay does (other employers must offer
more to draw the worker away). Intention to leave is a two-state time-varying
covariate: it forms at rate ``onset * exp(LP)`` and is dropped at rate ``drop``.
Each week the probability of an event is ``1 - exp(-h * 7/365)``; draws come from
per-slot uniforms (common random numbers). ``weekly`` returns who resigns and who
retires; the notice period and the exit are ``model.sim.lifecycle``'s.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from ..entities import DAYS_PER_YEAR, WEEK
from ..jit import coefficients, entry, kernel
from ..policies import vec
from ..staff import experience_years, tenure_years

DT_YEARS = WEEK / DAYS_PER_YEAR
START, STOP, RESIGN, PULL, RETIRE = 1, 2, 4, 8, 16


class PayColumns(NamedTuple):
    """Staff columns of the pay pass (``salary`` is written)."""
    active: np.ndarray
    consultant: np.ndarray
    prior: np.ndarray
    hire_day: np.ndarray
    salary_fixed: np.ndarray
    salary: np.ndarray


class PayTables(NamedTuple):
    """Step tables (from_years, SEK/month): own salary scale and the market's."""
    salary_from: np.ndarray
    salary_sek: np.ndarray
    market_from: np.ndarray
    market_sek: np.ndarray


class LeavingColumns(NamedTuple):
    """Staff columns of the leaving pass (``intending`` is written)."""
    active: np.ndarray
    consultant: np.ndarray
    notice: np.ndarray
    intending: np.ndarray
    prior: np.ndarray
    hire_day: np.ndarray
    intro_offset: np.ndarray
    age0: np.ndarray
    salary: np.ndarray
    zd: np.ndarray
    zc: np.ndarray
    zs: np.ndarray
    zm: np.ndarray
    exh: np.ndarray


class HazardCoefficients(NamedTuple):
    """Logs of the hazard ratios, rates per year and the week's step."""
    b_demand: float
    b_control: float
    b_manager: float
    b_colleague: float
    b_exhaustion: float
    b_pay: float
    h0: float                 # baseline hazard per year
    hr_intending: float
    onset: float              # intention onset per year at LP = 0
    pull: float               # outside pull per year at no pay gap
    p_drop: float             # weekly probability of dropping an intention
    dt: float                 # years per week
    retirement_age: float


class TenureMultipliers(NamedTuple):
    bounds: np.ndarray        # until_years of every band but the last
    mult: np.ndarray


class ProportionalHazards:
    """The coefficients of the quit-hazard model above, built once per unit."""

    def __init__(self, params):
        a = params.attrition
        hr = a.hazard_ratios
        self.coef = coefficients(
            HazardCoefficients, b_demand=math.log(hr.demand),
            b_control=math.log(hr.control), b_manager=math.log(hr.manager_support),
            b_colleague=math.log(hr.colleague_support), b_exhaustion=math.log(hr.exhaustion),
            b_pay=math.log(hr.pay_gap_per_1000_sek), h0=a.baseline_hazard_per_year,
            hr_intending=a.intention.quit_hazard_ratio, onset=a.intention.onset_per_year,
            pull=a.outside_pull_per_year,
            p_drop=1.0 - math.exp(-a.intention.drop_per_year * DT_YEARS), dt=DT_YEARS,
            retirement_age=a.retirement_age)
        self.tenure = TenureMultipliers(
            np.array([b.until_years for b in a.tenure_multipliers[:-1]], float),
            np.array([b.multiplier for b in a.tenure_multipliers], float))
        pay = params.pay
        self.pay_tables = PayTables(*_steps(pay.salary_by_experience),
                                    *_steps(pay.market_by_experience))


def _steps(steps) -> tuple[np.ndarray, np.ndarray]:
    return (np.array([s.from_years for s in steps], float),
            np.array([s.sek_per_month for s in steps], float))


@kernel
def step_value(years, starts, values):
    """Value of a (from_years, sek_per_month) step table at ``years`` of experience."""
    return values[np.searchsorted(starts, years, side="right") - 1]


@kernel
def market_gap(exper, salary, supplement, tables):
    """What the market pays above own salary and supplement, 1,000 SEK/month."""
    return (step_value(exper, tables.market_from, tables.market_sek) - salary
            - supplement) / 1000.0


@kernel
def _salaries(now, w, tables):
    for k in range(w.active.size):
        if not w.active[k] or w.consultant[k]:
            w.salary[k] = 0.0
        elif np.isnan(w.salary_fixed[k]):
            w.salary[k] = step_value(experience_years(now, w.prior[k], w.hire_day[k]),
                                     tables.salary_from, tables.salary_sek)
        else:
            w.salary[k] = w.salary_fixed[k]


salaries = entry(_salaries)


def update_salaries(u) -> None:
    """Every employee's salary: fixed, or the scale at their experience today."""
    salaries(float(u.env.now), u.views[PayColumns], u.hazard.pay_tables)


def pay_gap(u, exper: np.ndarray) -> np.ndarray:
    """Market salary above own salary, 1,000 SEK/month, per slot (the formula of the
    weekly leaving pass)."""
    supplement = vec(u.fx.supplement, u.n_slots)
    tables = u.hazard.pay_tables
    return np.array([market_gap(x, s, v, tables)
                     for x, s, v in zip(exper.tolist(), u.staff.salary.tolist(),
                                        supplement.tolist())])


class PayEffects(NamedTuple):
    """The week's pay-like effects per slot."""
    supplement: np.ndarray      # SEK/month above the scale
    time_value: np.ndarray      # worth of paid time off client work, share of salary


class Draws(NamedTuple):
    """The week's per-slot uniforms and the event code written per slot."""
    u_intention: np.ndarray
    u_quit: np.ndarray
    code: np.ndarray


@entry
def _leaving(now, w, pay, fxp, q, tenure, tables, draws):
    """Salaries, then each employee's week: intention changes, resignation (or the
    outside pull) and retirement, as bit codes in ``draws.code``."""
    _salaries(now, pay, tables)
    n_events = 0
    for k in range(w.active.size):
        if not w.active[k] or w.consultant[k]:
            w.intending[k] = False
            continue
        if w.notice[k]:
            continue
        t = tenure_years(now, w.hire_day[k])
        gap = market_gap(experience_years(now, w.prior[k], w.hire_day[k]), w.salary[k],
                         fxp.supplement[k], tables)
        lp = min(q.b_demand * w.zd[k] + q.b_control * w.zc[k] + q.b_manager * w.zm[k]
                 + q.b_colleague * w.zs[k] + q.b_exhaustion * w.exh[k] + q.b_pay * gap, 50.0)
        rel = np.exp(lp)
        # time in the unit before hire (trainees) counts as workplace tenure
        g = tenure.mult[np.searchsorted(tenure.bounds, t + w.intro_offset[k], side="right")]
        internal = q.h0 * g * rel * (q.hr_intending if w.intending[k] else 1.0)
        cond = fxp.time_value[k] * w.salary[k] / 1000.0
        pull = q.pull * np.exp(min(q.b_pay * (gap - cond), 50.0))
        h = internal + pull
        c = 0
        if w.intending[k]:
            if draws.u_intention[k] < q.p_drop:
                c = STOP
                w.intending[k] = False
        elif draws.u_intention[k] < 1.0 - np.exp(-q.onset * rel * q.dt):
            c = START
        p_quit = 1.0 - np.exp(-h * q.dt)
        u_quit = draws.u_quit[k]
        if u_quit < p_quit:
            c |= PULL if u_quit < p_quit * pull / h else RESIGN
        elif w.age0[k] + t >= q.retirement_age:
            c |= RETIRE
        if c & START:
            w.intending[k] = True
        if c:
            draws.code[k] = c
            n_events += 1
    return n_events


def notice_given(staff, k: int) -> None:
    """Worker ``k`` has resigned: the intention to leave is acted on, so it ends."""
    staff.intending[k] = False


def _pay_effects(fx, n: int) -> PayEffects:
    return PayEffects(vec(fx.supplement, n), vec(fx.time_value(), n))


def weekly(u) -> list[tuple[int, str]]:
    """Salaries, hazards and the week's intention changes (logged); returns the slots
    that resign (``resignation`` or ``outside_pull``) and then those that reach the
    retirement age, in slot order, each with its reason."""
    n = u.n_slots
    hz = u.hazard
    draws = Draws(u.rng["intention"].gen.random(n),     # full vectors: common random
                  u.rng["quit"].gen.random(n),          # numbers
                  np.zeros(n, np.int8))
    if not _leaving(float(u.env.now), u.views[LeavingColumns], u.views[PayColumns],
                    u.fx.tuple_of(_pay_effects, n), hz.coef, hz.tenure, hz.pay_tables, draws):
        return []
    code = draws.code
    for flag, detail in ((START, "formed"), (STOP, "dropped")):
        for k in np.flatnonzero(code & flag).tolist():
            u.recorder.event(u, "intention", k, detail)
    out = [(k, "outside_pull" if code[k] & PULL else "resignation")
           for k in np.flatnonzero(code & (RESIGN | PULL)).tolist()]
    out += [(k, "retirement") for k in np.flatnonzero(code & RETIRE).tolist()]
    return out
