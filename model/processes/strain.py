"""Demand, control, support and exhaustion, updated weekly for every worker at once.

All four dimensions are z-scores against a reference worker (z = 0), so the hazard
ratios "per SD" of the attrition model apply directly.

* Demand ``D = (load + cover) / full hours + w_complex * complex share * (1 - E_x)
  + w_overdue * own overdue investigations + w_backlog * r / (1 + r)`` with r the weekly
  hours of waiting cases over the unit's available hours (a bounded pressure);
  ``z_d = (D - ref) / sd + shift``.
  ``E_x = 1 - exp(-experience / tau)`` is control from experience, so complex work
  weighs on the inexperienced; ``cover`` is this worker's part of absent colleagues'
  load.
* Control ``C = E_x - erosion * max(0, utilisation - 1) + gain * competence hours``;
  ``z_c = (C - ref) / sd + shift``. Overload destroys control.
* Manager support falls with the span of control (staff per manager equivalent):
  ``z_m = -(span - ref_span) / span_per_sd + shift`` (the same for everyone).
* Colleague support: the mean of the z-scores of the share of experienced
  colleagues and of team stability (1 - exits in the last 52 weeks per head), less
  ``mentor_sd * (1 - coverage)`` for a worker whose mentor need is not covered.
* Strain ``S = a_d z_d - a_c z_c - a_m z_m - a_s z_s``; exhaustion
  ``E <- E (1 - r) + g max(0, S - threshold)`` with recovery ``r`` raised by paid
  recovery hours.
"""

from __future__ import annotations

import numpy as np

from .. import entities as wf
from ..jit import kernel
from ..policies import vec


def set_service_ratio(m) -> None:
    """Each worker's cases progress at min(1, available / load) this week."""
    _service_ratio(m.active, m.avail, m.load, m.ratio)


@kernel
def _service_ratio(active, avail, load, ratio):
    for k in range(active.size):
        ratio[k] = min(1.0, avail[k] / load[k]) if active[k] and load[k] > 0 else 0.0


def span_of_control(m) -> float:
    u = m.p.unit
    staff = int(m.active.sum())
    return staff / (u.managers + u.team_leader_weight * (u.team_leaders
                                                         + m.fx.extra_team_leaders))


def backlog_pressure(m) -> float:
    """``w_backlog * r / (1 + r)``, r the waiting hours over the unit's available hours."""
    w = m.p.dcs.demand.backlog_weight
    if not w:
        return 0.0
    waiting = m.book.queue_stats()[3]
    if not waiting:
        return 0.0
    ratio = waiting / max(float(m.avail_full.sum()), 1.0)
    # saturating: the pressure of waiting cases is bounded (triage, closed intake)
    return w * ratio / (1.0 + ratio)


def _constants(p) -> np.ndarray:
    d, c, cs, st = p.demand, p.control, p.colleague_support, p.strain
    return np.array([d.cover_share, d.overdue_weight, d.reference, d.sd, d.shift_sd,
                     c.experience_tau_years, c.overload_erosion, c.competence_time_gain,
                     c.reference, c.sd, c.shift_sd, cs.experienced_years, cs.reference_share,
                     cs.share_per_sd, cs.reference_stability, cs.stability_per_sd,
                     cs.mentor_sd, cs.shift_sd, st.demand_weight, st.control_weight,
                     st.manager_weight, st.colleague_weight, st.recovery_per_week,
                     st.recovery_per_hour, st.exhaustion_gain_per_week, st.threshold])


def update(m) -> None:
    """Service ratio, the four z-scores, strain and exhaustion of every worker."""
    p = m.p.dcs
    now = m.env.now
    fx = m.fx
    ms = p.manager_support
    zm = -(span_of_control(m) - ms.reference_span) / ms.span_per_sd + ms.shift_sd
    while m.exit_days_52w and m.exit_days_52w[0] <= now - 52 * wf.WEEK:
        m.exit_days_52w.popleft()
    n = m.n_slots
    if m.dcs_constants is None:
        m.dcs_constants = _constants(p)
    m.team_stability = _update(
        now, m.active, m.consultant, m.prior, m.hire_day, m.sick_until, m.load,
        m.complex_load, m.avail, m.avail_full, m.n_overdue, m.mentee_cover, m.exh,
        vec(fx.competence_h, n), vec(fx.control_boost, n), vec(fx.support_boost, n),
        vec(fx.recovery_h, n), m.dcs_constants, backlog_pressure(m),
        p.demand.complex_weight * fx.complex_demand_factor, zm, len(m.exit_days_52w),
        m.ratio, m.zd, m.zc, m.zs, m.strain, m.util)
    m.zm = zm


@kernel
def _update(now, active, consultant, prior, hire_day, sick_until, load, complex_load,
            avail, avail_full, n_overdue, mentee_cover, exh, competence_h, control_boost,
            support_boost, recovery_h, q, backlog, complex_w, zm, exits_52w, ratio, zd, zc,
            zs, strain, util):
    (cover_share, overdue_w, d_ref, d_sd, d_shift, tau, erosion, comp_gain, c_ref, c_sd,
     c_shift, exp_years, ref_share, share_sd, ref_stab, stab_sd, mentor_sd, s_shift, a_d,
     a_c, a_m, a_s, rec_week, rec_hour, gain, threshold) = q
    n = active.size
    absent_load = 0.0
    n_absent = 0
    n_here = 0
    n_emp = 0
    n_exp = 0
    _service_ratio(active, avail, load, ratio)
    for k in range(n):
        if active[k]:
            if sick_until[k] > now:
                absent_load += load[k]
                n_absent += 1
            else:
                n_here += 1
            if not consultant[k]:
                n_emp += 1
                if prior[k] + (now - hire_day[k]) / 365.0 >= exp_years:
                    n_exp += 1
    cover_each = cover_share * absent_load / n_here if n_absent and n_here else 0.0
    denom = max(n_emp - 1, 1)
    stability = 1.0 - exits_52w / max(n_emp, 1)
    z_stab = 0.5 * (stability - ref_stab) / stab_sd
    rec = 0.0
    for k in range(n):
        if not active[k]:
            zd[k] = zc[k] = zs[k] = strain[k] = util[k] = 0.0
            exh[k] = 0.0
            continue
        exper = prior[k] + (now - hire_day[k]) / 365.0
        ex_ctrl = 1.0 - np.exp(-max(exper, 0.0) / tau)
        full = max(avail_full[k], 1.0)
        u = load[k] / full
        cshare = complex_load[k] / load[k] if load[k] > 0 else 0.0
        dem = (backlog + (load[k] + cover_each) / full + complex_w * cshare * (1 - ex_ctrl)
               + overdue_w * n_overdue[k])
        z_d = (dem - d_ref) / d_sd + d_shift
        ctrl = (ex_ctrl - erosion * max(0.0, u - 1.0) + comp_gain * competence_h[k]
                + control_boost[k])
        z_c = (ctrl - c_ref) / c_sd + c_shift
        experienced = (not consultant[k]) and exper >= exp_years
        share = (n_exp - 1) / denom if experienced else n_exp / denom
        z_s = (0.5 * (share - ref_share) / share_sd + z_stab
               - mentor_sd * (1.0 - mentee_cover[k]) + support_boost[k] + s_shift)
        s = a_d * z_d - a_c * z_c - a_m * zm - a_s * z_s
        zd[k] = z_d
        zc[k] = z_c
        zs[k] = z_s
        strain[k] = s
        util[k] = u
        if consultant[k]:
            exh[k] = 0.0
        else:
            rec = min(1.0, rec_week + rec_hour * recovery_h[k])
            exh[k] = exh[k] * (1.0 - rec) + gain * max(0.0, s - threshold)
    return stability
