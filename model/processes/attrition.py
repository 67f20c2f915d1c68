"""Leaving: intention to leave, resignation (proportional hazards), notice, retirement.

The quit hazard of an employee (per year) is

    h = h0 * g(tenure) * exp(LP) * HR_int^[intending] + pull * HR_pay^gap

with the linear predictor

    LP = ln HR_d z_d + ln HR_c z_c + ln HR_m z_m + ln HR_s z_s
         + ln HR_E * exhaustion + ln HR_pay * gap

where ``gap`` is what the market pays above own salary, in 1,000 SEK/month, and
``g`` the tenure multiplier. Intention to leave is a two-state time-varying
covariate: it forms at rate ``onset * exp(LP)`` and is dropped at rate ``drop``.
Each week the probability of an event is ``1 - exp(-h * 7/365)``; draws come from
per-slot uniforms (common random numbers). A resignation starts the notice period;
the exit follows at its end. Workers reaching the retirement age give notice with
reason ``retirement``.
"""

from __future__ import annotations

import math

import numpy as np

from .. import entities as wf
from ..jit import kernel
from ..policies import vec
from . import recruitment
from .assignment import hand_over

DT_YEARS = wf.WEEK / wf.DAYS_PER_YEAR


@kernel
def step_value(years, starts, values):
    """Value of a (from_years, sek_per_month) step table at ``years`` of experience."""
    return values[np.searchsorted(starts, years, side="right") - 1]


@kernel
def market_gap(exper, salary, supplement, mkt_from, mkt_sek):
    """What the market pays above own salary and supplement, 1,000 SEK/month."""
    return (step_value(exper, mkt_from, mkt_sek) - salary - supplement) / 1000.0


class ProportionalHazards:
    """The coefficients of the quit-hazard model above (logs of the hazard ratios)."""

    def __init__(self, p):
        a = p.attrition
        hr = a.hazard_ratios
        self.h0 = a.baseline_hazard_per_year
        self.b = np.array([math.log(hr.demand), math.log(hr.control),
                           math.log(hr.manager_support), math.log(hr.colleague_support)])
        self.b_exh = math.log(hr.exhaustion)
        self.b_pay = math.log(hr.pay_gap_per_1000_sek)
        self.bounds = np.array([b.until_years for b in a.tenure_multipliers[:-1]], float)
        self.mult = np.array([b.multiplier for b in a.tenure_multipliers])
        self.hr_int = a.intention.quit_hazard_ratio
        self.onset = a.intention.onset_per_year
        self.drop = a.intention.drop_per_year
        self.pull = a.outside_pull_per_year
        self.retirement_age = a.retirement_age
        pay = p.pay
        self.salary_steps = _steps(pay.salary_by_experience)
        self.market_steps = _steps(pay.market_by_experience)
        self.coefficients = np.array([*self.b, self.b_exh, self.b_pay, self.h0, self.hr_int,
                                      self.onset, self.pull,
                                      1.0 - math.exp(-self.drop * DT_YEARS), DT_YEARS,
                                      self.retirement_age])


def _steps(steps) -> tuple[np.ndarray, np.ndarray]:
    return (np.array([s.from_years for s in steps], float),
            np.array([s.sek_per_month for s in steps], float))


def pay_gap(m, exper: np.ndarray) -> np.ndarray:
    """Market salary above own salary, 1,000 SEK/month, per slot (the formula of the
    weekly leaving pass)."""
    supplement = vec(m.fx.supplement, m.n_slots)
    return np.array([market_gap(x, s, u, *m.hazard.market_steps)
                     for x, s, u in zip(exper.tolist(), m.salary.tolist(),
                                        supplement.tolist())])


START, STOP, RESIGN, PULL, RETIRE = 1, 2, 4, 8, 16


def weekly(m) -> None:
    """Salaries, hazards and the week's intention changes, resignations and retirements."""
    n = m.n_slots
    hz = m.hazard
    u_int = m.rng["intention"].gen.random(n)     # full vectors: common random numbers
    u_quit = m.rng["quit"].gen.random(n)
    code = np.zeros(n, np.int8)
    n_events = _weekly(m.env.now, m.active, m.consultant, m.notice, m.intending, m.prior,
                       m.hire_day, m.age0, m.salary_fixed, vec(m.fx.supplement, n), m.zd,
                       m.zc, m.zm, m.zs, m.exh, hz.coefficients, hz.bounds, hz.mult,
                       *hz.salary_steps, *hz.market_steps, u_int, u_quit, m.salary, code)
    if not n_events:
        return
    for flag, detail in ((START, "formed"), (STOP, "dropped")):
        for k in np.flatnonzero(code & flag).tolist():
            m.rec.event(m, "intention", k, detail)
    for k in np.flatnonzero(code & (RESIGN | PULL)).tolist():
        resign(m, k, "outside_pull" if code[k] & PULL else "resignation")
    for k in np.flatnonzero(code & RETIRE).tolist():
        if m.active[k] and not m.notice[k]:
            resign(m, k, "retirement")


@kernel
def salaries(now, active, consultant, prior, hire_day, salary_fixed, sal_from, sal_sek,
             salary):
    """Employees' salaries, fixed or from the scale at their experience (others 0)."""
    for k in range(active.size):
        if not active[k] or consultant[k]:
            salary[k] = 0.0
        elif np.isnan(salary_fixed[k]):
            exper = prior[k] + (now - hire_day[k]) / 365.0
            salary[k] = step_value(exper, sal_from, sal_sek)
        else:
            salary[k] = salary_fixed[k]


@kernel
def _weekly(now, active, consultant, notice, intending, prior, hire_day, age0,
            salary_fixed, supplement, zd, zc, zm, zs, exh, q, bounds, mult, sal_from,
            sal_sek, mkt_from, mkt_sek, u_int, u_quit, salary, code):
    (b_d, b_c, b_m, b_s, b_exh, b_pay, h0, hr_int, onset0, pull0, p_off, dt,
     retirement_age) = q
    salaries(now, active, consultant, prior, hire_day, salary_fixed, sal_from, sal_sek,
             salary)
    n_events = 0
    for k in range(active.size):
        if not active[k] or consultant[k]:
            intending[k] = False
            continue
        if notice[k]:
            continue
        tenure = (now - hire_day[k]) / 365.0
        exper = prior[k] + tenure
        gap = market_gap(exper, salary[k], supplement[k], mkt_from, mkt_sek)
        lp = min(b_d * zd[k] + b_c * zc[k] + b_m * zm + b_s * zs[k] + b_exh * exh[k]
                 + b_pay * gap, 50.0)
        rel = np.exp(lp)
        g = mult[np.searchsorted(bounds, tenure, side="right")]
        internal = h0 * g * rel * (hr_int if intending[k] else 1.0)
        pull = pull0 * np.exp(min(b_pay * gap, 50.0))
        h = internal + pull
        c = 0
        if intending[k]:
            if u_int[k] < p_off:
                c = STOP
                intending[k] = False
        elif u_int[k] < 1.0 - np.exp(-onset0 * rel * dt):
            c = START
        p_quit = 1.0 - np.exp(-h * dt)
        if u_quit[k] < p_quit:
            c |= PULL if u_quit[k] < p_quit * pull / h else RESIGN
        elif age0[k] + tenure >= retirement_age:
            c |= RETIRE
        if c & START:
            intending[k] = True
        if c:
            code[k] = c
            n_events += 1
    return n_events


def resign(m, k: int, reason: str) -> None:
    """Worker ``k`` gives notice; the exit follows after the notice period."""
    now = m.env.now
    m.notice[k] = True
    m.intending[k] = False
    exit_day = now + m.p.attrition.notice_period_weeks * wf.WEEK
    m.exit_day[k] = exit_day
    m.positions[k].leaver_exit_day = exit_day
    m.rec.event(m, "resignation", k, reason)
    wid = int(m.wid[k])
    if exit_day <= now:
        leave(m, k, reason)
    else:
        ev = m.env.timeout(exit_day - now)
        ev.callbacks.append(lambda _e, k=k, wid=wid, r=reason: _exit_if_same(m, k, wid, r))
    if m.p.recruitment.vacancy_opens_at == "resignation":
        recruitment.open_vacancy(m, k)


def _exit_if_same(m, k, wid, reason):
    if m.active[k] and m.wid[k] == wid:
        leave(m, k, reason)


def leave(m, k: int, reason: str) -> None:
    """Worker ``k`` leaves the unit: cases handed over, post vacant or refilled."""
    now = m.env.now
    m.rec.exit(m, k, reason)
    m.exit_days_52w.append(now)
    m.active[k] = False
    hand_over(m, k)
    m.intending[k] = False
    m.notice[k] = False
    m.exit_day[k] = np.inf
    m.sick_until[k] = -np.inf
    m.exh[k] = 0.0
    m.load[k] = 0.0
    m.complex_load[k] = 0.0
    m.avail[k] = 0.0
    m.avail_full[k] = 0.0
    recruitment.post_vacated(m, k)
