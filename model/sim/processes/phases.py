"""Career phases, mentoring and weekly capacity.

The first phase (introduction) is by tenure at this workplace; later phases by total
experience (prior years + tenure), so an experienced hire is introduced and then
goes straight to the phase of their experience. Each phase has a capacity fraction,
the mentor hours a week it needs and whether it is shielded from complex cases.
Consultants work at the last phase's capacity times ``consultants.productivity``.

Mentoring: the week's mentor need is shared among present experienced employees
(total experience >= ``mentor_min_experience_years``), each giving at most
``max_hours_per_mentor_per_week``; the covered share of the need is the mentees'
mentor coverage. Mentor hours come out of the mentors' client hours.

Available client hours per week (a yearly average, so vacations are spread out):
``(hours_per_week * client_work_share - competence - recovery) * working_weeks/52
* fte * capacity(phase) - mentor hours``, times the share of the week present.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ..jit import coefficients, entry, kernel
from ..policies import vec
from ..staff import experience_years, tenure_years


class PhaseArrays(NamedTuple):
    """The phase table as arrays (one row per phase)."""
    bounds: np.ndarray          # experience bounds of the phases after introduction
    capacity: np.ndarray        # share of full client hours
    mentor_hours: np.ndarray    # hours/week of mentoring needed
    shielded: np.ndarray        # no complex lead cases


class PhaseCoefficients(NamedTuple):
    intro_years: float
    mentor_min_experience: float      # years
    max_mentor_hours: float           # hours/week per mentor
    client_week: float                # hours/week of client work in the paid week
    competence: float                 # hours/week
    recovery: float                   # hours/week
    working_weeks: float              # per year
    consultant_productivity: float    # consultants' capacity factor


class PhaseColumns(NamedTuple):
    """Staff columns of the phase pass (the last six are written)."""
    active: np.ndarray
    consultant: np.ndarray
    notice: np.ndarray
    prior: np.ndarray
    hire_day: np.ndarray
    intro_offset: np.ndarray
    sick_until: np.ndarray
    fte: np.ndarray
    phase: np.ndarray
    mentor_given: np.ndarray
    mentee_cover: np.ndarray
    shielded: np.ndarray
    avail_full: np.ndarray
    avail: np.ndarray


class PhaseEffects(NamedTuple):
    """The week's policy effects per slot, and the unit-level ones."""
    mentor_need: np.ndarray     # hours/week of a programme (max with the phase's)
    client_factor: np.ndarray
    capacity_cap: np.ndarray
    shield: np.ndarray
    mentor_supply: float        # hours/week of mentoring from outside the posts
    admin_relief: float         # client hours/week won per worker


class PhaseTable:
    """The scenario's phase table and working time, built once per unit."""

    def __init__(self, params):
        ph = params.phases
        self.names = [x.name for x in ph]
        self.intro_years = ph[0].until_years
        self.arrays = PhaseArrays(np.array([x.until_years for x in ph[1:-1]], float),
                                  np.array([x.capacity for x in ph], float),
                                  np.array([x.mentor_hours_per_week for x in ph], float),
                                  np.array([x.shielded for x in ph], bool))
        self.bounds = self.arrays.bounds
        self.capacity = self.arrays.capacity
        self.shielded = self.arrays.shielded
        wt = self.work_time = params.work_time
        client = wt.hours_per_week * wt.client_work_share
        self.client_hours = ((client - wt.competence_hours_per_week
                              - wt.recovery_hours_per_week)
                             * wt.working_weeks_per_year / 52.0)
        self.paid_hours = wt.hours_per_week * wt.working_weeks_per_year / 52.0
        m = params.mentoring
        self.coef = coefficients(
            PhaseCoefficients, intro_years=self.intro_years,
            mentor_min_experience=m.mentor_min_experience_years,
            max_mentor_hours=m.max_hours_per_mentor_per_week, client_week=client,
            competence=wt.competence_hours_per_week, recovery=wt.recovery_hours_per_week,
            working_weeks=wt.working_weeks_per_year,
            consultant_productivity=params.consultants.productivity)

    def client_hours_for(self, fx) -> np.ndarray:
        """Client hours a week per slot (yearly average) under the policies in force."""
        q = self.coef
        factors = np.atleast_1d(np.asarray(fx.client_factor, float)).tolist()
        return np.array([client_hours(q.client_week, f, q.competence, q.recovery,
                                      q.working_weeks, fx.admin_relief_h)
                         for f in factors])

    def phase_of(self, tenure: float, experience: float) -> int:
        """Phase index of one worker (introduction by tenure, later by experience)."""
        return int(phase_index(tenure, experience, self.intro_years, self.bounds))


@kernel
def phase_index(tenure, experience, intro_years, bounds):
    """The first phase by tenure at this workplace, later ones by total experience."""
    if tenure < intro_years:
        return 0
    return 1 + np.searchsorted(bounds, experience, side="right")


@kernel
def client_hours(client_week, factor, competence, recovery, working_weeks, relief):
    """Client hours a week (yearly average): the client share of the week, less
    competence and recovery time, over the working weeks, plus admin relief."""
    return (client_week * factor - competence - recovery) * working_weeks / 52.0 + relief


@kernel
def absent_share(now, sick_until):
    """Share of the coming week a worker is on sick leave."""
    return min(max(sick_until - now, 0.0), 7.0) / 7.0


def _effects(fx, n: int) -> PhaseEffects:
    return PhaseEffects(vec(fx.mentor_need, n), vec(fx.client_factor, n),
                        vec(fx.capacity_cap, n), vec(fx.shield, n),
                        float(fx.mentor_supply_h), float(fx.admin_relief_h))


def update(u) -> None:
    """Phase changes (logged), mentoring allocation and available hours for the week."""
    fx = u.fx
    n = u.n_slots
    table = u.phase_table
    changed = np.zeros(n, np.bool_)
    effects = fx.tuple_of(_effects, n)
    u.mentor_coverage, u.mentor_hours_total, n_changed = _update(
        float(u.env.now), u.views[PhaseColumns], effects, table.arrays, table.coef, changed,
        u.response.overtime)
    if n_changed:
        for k in np.flatnonzero(changed).tolist():
            u.recorder.event(u, "phase_change", k, table.names[int(u.staff.phase[k])])


@entry
def _update(now, w, fx, table, q, changed, overtime):
    n = w.active.size
    last = table.capacity.size - 1
    need = 0.0
    n_mentors = 0
    n_changed = 0
    for k in range(n):
        tenure = tenure_years(now, w.hire_day[k])
        exper = experience_years(now, w.prior[k], w.hire_day[k])
        if w.consultant[k]:
            new = last
        else:
            new = phase_index(tenure + w.intro_offset[k], exper, q.intro_years, table.bounds)
        if w.active[k] and not w.consultant[k] and new != w.phase[k]:
            changed[k] = True
            n_changed += 1
            w.phase[k] = new
        if w.consultant[k]:
            w.phase[k] = last
        w.mentor_given[k] = 0.0
        here = w.active[k] and absent_share(now, w.sick_until[k]) < 1.0
        need_k = 0.0
        if here and not w.consultant[k]:
            need_k = max(table.mentor_hours[w.phase[k]], fx.mentor_need[k])
            if need_k == 0 and not w.notice[k] and exper >= q.mentor_min_experience:
                n_mentors += 1
                w.mentor_given[k] = 1.0        # marks a mentor until the hours are known
        w.mentee_cover[k] = need_k             # the need, until the cover is known
        need += need_k
    cover = 1.0
    each = 0.0
    if need > 0:
        outside = min(fx.mentor_supply, need)
        staff_given = min(need - outside, n_mentors * q.max_mentor_hours)
        cover = (outside + staff_given) / need
        if n_mentors and staff_given > 0:
            each = staff_given / n_mentors
    for k in range(n):
        w.mentor_given[k] = each if w.mentor_given[k] > 0 else 0.0
        w.mentee_cover[k] = cover if w.mentee_cover[k] > 0 else 1.0
        w.shielded[k] = table.shielded[w.phase[k]] or fx.shield[k] > 0
        if w.active[k]:
            client = client_hours(q.client_week, fx.client_factor[k], q.competence,
                                  q.recovery, q.working_weeks, fx.admin_relief)
            cap = min(table.capacity[w.phase[k]], fx.capacity_cap[k])
            if w.consultant[k]:
                cap *= q.consultant_productivity
            # overtime (the managers' response) is hours worked on top, at full pace
            full = max(client * w.fte[k] * cap - w.mentor_given[k], 0.0) + overtime[k]
            w.avail_full[k] = full
            w.avail[k] = full * (1.0 - absent_share(now, w.sick_until[k]))
        else:
            w.avail_full[k] = w.avail[k] = 0.0
    return cover, need * cover, n_changed
