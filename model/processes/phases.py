"""Career phases, mentoring and weekly capacity.

The first phase (introduction) is by tenure at this workplace; later phases by total
experience (prior years + tenure), so an experienced hire is introduced and then
goes straight to the phase of their experience. Each phase has a capacity fraction,
the mentor hours a week it needs and whether it is shielded from complex cases.

Mentoring: the week's mentor need is shared among present experienced employees
(total experience >= ``mentor_min_experience_years``), each giving at most
``max_hours_per_mentor_per_week``; the covered share of the need is the mentees'
mentor coverage. Mentor hours come out of the mentors' client hours.

Available client hours per week (a yearly average, so vacations are spread out):
``(hours_per_week * client_work_share - competence - recovery) * working_weeks/52
* fte * capacity(phase) - mentor hours``, times the share of the week present.
"""

from __future__ import annotations

import numpy as np

from .. import policies
from ..jit import kernel
from ..policies import vec
from .recruitment import open_extra_positions


class PhaseTable:
    """Vectorised lookup of the scenario's phase table."""

    def __init__(self, p):
        ph = p.phases
        self.names = [x.name for x in ph]
        self.intro_years = ph[0].until_years
        self.bounds = np.array([x.until_years for x in ph[1:-1]], float)
        self.capacity = np.array([x.capacity for x in ph])
        self.mentor_hours = np.array([x.mentor_hours_per_week for x in ph])
        self.shielded = np.array([x.shielded for x in ph], bool)
        wt = self.work_time = p.work_time
        client = wt.hours_per_week * wt.client_work_share
        self.client_hours = ((client - wt.competence_hours_per_week
                              - wt.recovery_hours_per_week)
                             * wt.working_weeks_per_year / 52.0)
        self.paid_hours = wt.hours_per_week * wt.working_weeks_per_year / 52.0

    def client_hours_for(self, fx) -> np.ndarray:
        """Client hours a week per slot (yearly average) under the policies in force."""
        wt = self.work_time
        factors = np.atleast_1d(np.asarray(fx.client_factor, float)).tolist()
        return np.array([client_hours(wt.hours_per_week * wt.client_work_share, f,
                                      wt.competence_hours_per_week,
                                      wt.recovery_hours_per_week,
                                      wt.working_weeks_per_year, fx.admin_relief_h)
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


def update(m) -> None:
    """Phase changes (logged), mentoring allocation and available hours for the week."""
    policies.update(m)
    fx = m.fx
    if fx.extra_positions > m.open_positions - m.n_base_positions:
        open_extra_positions(m, fx.extra_positions)
    cfg = m.phase_cfg
    wt = cfg.work_time
    n = m.n_slots
    changed = np.zeros(n, np.bool_)
    out = _update(m.env.now, m.active, m.consultant, m.notice, m.prior, m.hire_day,
                  m.intro_offset, m.sick_until, m.fte, vec(fx.mentor_need, n),
                  vec(fx.client_factor, n), vec(fx.capacity_cap, n), vec(fx.shield, n),
                  cfg.bounds, cfg.capacity, cfg.mentor_hours, cfg.shielded,
                  np.array([cfg.intro_years, m.p.mentoring.mentor_min_experience_years,
                            m.p.mentoring.max_hours_per_mentor_per_week, fx.mentor_supply_h,
                            wt.hours_per_week * wt.client_work_share,
                            wt.competence_hours_per_week, wt.recovery_hours_per_week,
                            wt.working_weeks_per_year, fx.admin_relief_h]),
                  m.phase, m.mentor_given, m.mentee_cover, m.shielded, m.avail_full,
                  m.avail, changed)
    m.mentor_coverage, m.mentor_hours_total, n_changed = out
    if n_changed:
        for k in np.flatnonzero(changed).tolist():
            m.rec.event(m, "phase_change", k, cfg.names[int(m.phase[k])])


@kernel
def _update(now, active, consultant, notice, prior, hire_day, intro_offset, sick_until,
            fte, mentor_need, client_factor, capacity_cap, shield, bounds, capacity,
            mentor_hours, shielded_tbl, q, phase, mentor_given, mentee_cover, shielded,
            avail_full, avail, changed):
    (intro_years, mentor_min_exp, max_mentor_h, outside_supply, client_week, competence,
     recovery, working_weeks, admin_relief) = q
    n = active.size
    last = capacity.size - 1
    need = 0.0
    n_mentors = 0
    n_changed = 0
    for k in range(n):
        tenure = (now - hire_day[k]) / 365.0
        exper = prior[k] + tenure
        if consultant[k]:
            new = last
        else:
            new = phase_index(tenure + intro_offset[k], exper, intro_years, bounds)
        if active[k] and not consultant[k] and new != phase[k]:
            changed[k] = True
            n_changed += 1
            phase[k] = new
        if consultant[k]:
            phase[k] = last
        mentor_given[k] = 0.0
        here = active[k] and min(max(sick_until[k] - now, 0.0), 7.0) / 7.0 < 1.0
        need_k = 0.0
        if here and not consultant[k]:
            need_k = max(mentor_hours[phase[k]], mentor_need[k])
            if need_k == 0 and not notice[k] and exper >= mentor_min_exp:
                n_mentors += 1
                mentor_given[k] = 1.0          # marks a mentor until the hours are known
        mentee_cover[k] = need_k               # the need, until the cover is known
        need += need_k
    cover = 1.0
    each = 0.0
    if need > 0:
        outside = min(outside_supply, need)
        staff_given = min(need - outside, n_mentors * max_mentor_h)
        cover = (outside + staff_given) / need
        if n_mentors and staff_given > 0:
            each = staff_given / n_mentors
    for k in range(n):
        mentor_given[k] = each if mentor_given[k] > 0 else 0.0
        mentee_cover[k] = cover if mentee_cover[k] > 0 else 1.0
        shielded[k] = shielded_tbl[phase[k]] or shield[k] > 0
        if active[k]:
            client = client_hours(client_week, client_factor[k], competence, recovery,
                                  working_weeks, admin_relief)
            cap = min(capacity[phase[k]], capacity_cap[k])
            full = max(client * fte[k] * cap - mentor_given[k], 0.0)
            absent = min(max(sick_until[k] - now, 0.0), 7.0) / 7.0
            avail_full[k] = full
            avail[k] = full * (1.0 - absent)
        else:
            avail_full[k] = avail[k] = 0.0
    return cover, need * cover, n_changed
