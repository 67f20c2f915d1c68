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
from . import recruitment
from .assignment import hand_over

DT_YEARS = wf.WEEK / wf.DAYS_PER_YEAR


_STEPS: dict[int, tuple] = {}   # step tables as arrays, keyed by the (frozen) table


def step_lookup(steps, years: np.ndarray) -> np.ndarray:
    """Value of a (from_years, sek_per_month) step table at each experience."""
    arrays = _STEPS.get(id(steps))
    if arrays is None or arrays[2] is not steps:
        arrays = (np.array([s.from_years for s in steps]),
                  np.array([s.sek_per_month for s in steps]), steps)
        _STEPS[id(steps)] = arrays
    starts, vals, _ = arrays
    return vals[np.searchsorted(starts, years, side="right") - 1]


class ProportionalHazards:
    """The default quit-hazard model (pluggable: any object with ``hazards``)."""

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

    def linear_predictor(self, m, gap) -> np.ndarray:
        b = self.b
        return (b[0] * m.zd + b[1] * m.zc + b[2] * m.zm + b[3] * m.zs
                + self.b_exh * m.exh + self.b_pay * gap)

    def hazards(self, m, gap):
        """(quit hazard, pull part, intention onset hazard) per slot, per year."""
        lp = np.minimum(self.linear_predictor(m, gap), 50.0)
        rel = np.exp(lp)
        g = self.mult[np.searchsorted(self.bounds, m.tenure_years(), side="right")]
        internal = self.h0 * g * rel * np.where(m.intending, self.hr_int, 1.0)
        pull = self.pull * np.exp(np.minimum(self.b_pay * gap, 50.0))
        return internal + pull, pull, self.onset * rel


def pay_gap(m, exper: np.ndarray) -> np.ndarray:
    """Market salary above own salary, 1,000 SEK/month."""
    market = step_lookup(m.p.pay.market_by_experience, exper)
    return (market - m.salary - m.fx.supplement) / 1000.0


def weekly(m) -> None:
    now = m.env.now
    n = m.n_slots
    emp = m.employees()
    staying = emp & ~m.notice
    exper = m.experience_years()
    recruitment.update_salaries(m, exper)
    gap = pay_gap(m, exper)
    h, pull, onset = m.hazard.hazards(m, gap)

    # intention to leave (always draw the full vector: common random numbers)
    u_int = m.rng["intention"].gen.random(n)
    p_on = 1.0 - np.exp(-onset * DT_YEARS)
    p_off = 1.0 - math.exp(-m.hazard.drop * DT_YEARS)
    start = staying & ~m.intending & (u_int < p_on)
    stop = staying & m.intending & (u_int < p_off)
    for k in np.flatnonzero(start).tolist():
        m.rec.event(m, "intention", k, "formed")
    for k in np.flatnonzero(stop).tolist():
        m.rec.event(m, "intention", k, "dropped")
    m.intending = (m.intending | start) & ~stop & emp

    # resignations
    u_quit = m.rng["quit"].gen.random(n)
    p_quit = 1.0 - np.exp(-h * DT_YEARS)
    quits = np.flatnonzero(staying & (u_quit < p_quit))
    for k in quits.tolist():
        reason = "outside_pull" if u_quit[k] < p_quit[k] * pull[k] / h[k] else "resignation"
        resign(m, k, reason)

    # retirements
    age = m.age0 + (now - m.hire_day) / wf.DAYS_PER_YEAR
    retire = np.flatnonzero(emp & ~m.notice & (age >= m.p.attrition.retirement_age))
    for k in retire.tolist():
        resign(m, k, "retirement")


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
    m.heaps[k] = []
    m.nextfin[k] = np.inf
    recruitment.post_vacated(m, k)
