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

from .. import entities as wf


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
        return ((wt.hours_per_week * wt.client_work_share * fx.client_factor
                 - wt.competence_hours_per_week - wt.recovery_hours_per_week)
                * wt.working_weeks_per_year / 52.0 + fx.admin_relief_h)

    def lookup(self, tenure, experience) -> np.ndarray:
        idx = 1 + np.searchsorted(self.bounds, experience, side="right")
        return np.where(tenure < self.intro_years, 0, idx)


def update(m) -> None:
    """Phase changes (logged), mentoring allocation and available hours for the week."""
    from .. import policies
    from .recruitment import open_extra_positions
    policies.update(m)
    fx = m.fx
    if fx.extra_positions > m.open_positions - m.n_base_positions:
        open_extra_positions(m, fx.extra_positions)
    now = m.env.now
    cfg = m.phase_cfg
    emp = m.employees()
    tenure = m.tenure_years()
    exper = m.prior + tenure
    new = cfg.lookup(tenure + m.intro_offset, exper)
    new = np.where(m.consultant, len(cfg.names) - 1, new)
    changed = np.flatnonzero(emp & (new != m.phase))
    if changed.size:
        for k in changed.tolist():
            m.rec.event(m, "phase_change", k, cfg.names[int(new[k])])
        m.phase[changed] = new[changed]
    m.phase[m.consultant] = len(cfg.names) - 1

    absent = np.clip(m.sick_until - now, 0.0, wf.WEEK) / wf.WEEK
    present_share = np.where(m.active, 1.0 - absent, 0.0)
    here = m.active & (absent < 1.0)

    # mentoring: outside supply (specialists) first, then experienced colleagues
    need_each = np.where(emp & here, np.maximum(cfg.mentor_hours[m.phase], fx.mentor_need), 0.0)
    need = float(need_each.sum())
    mentors = emp & here & ~m.notice & (exper >= m.p.mentoring.mentor_min_experience_years) \
        & (need_each == 0)
    n_mentors = int(mentors.sum())
    m.mentor_given[:] = 0.0
    if need > 0:
        outside = min(fx.mentor_supply_h, need)
        rest = need - outside
        staff_supply = n_mentors * m.p.mentoring.max_hours_per_mentor_per_week
        staff_given = min(rest, staff_supply)
        cover = (outside + staff_given) / need
        if n_mentors and staff_given > 0:
            m.mentor_given[mentors] = staff_given / n_mentors
    else:
        cover = 1.0
    m.mentor_coverage = cover
    m.mentor_hours_total = need * cover
    m.mentee_cover = np.where(need_each > 0, cover, 1.0)

    client = cfg.client_hours_for(fx)
    cap = np.minimum(cfg.capacity[m.phase], fx.capacity_cap)
    full = client * m.fte * cap - m.mentor_given
    m.shielded = cfg.shielded[m.phase] | fx.shield
    full = np.where(m.active, np.maximum(full, 0.0), 0.0)
    m.avail_full = full
    m.avail = full * present_share
