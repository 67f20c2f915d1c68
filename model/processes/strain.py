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


def set_service_ratio(m) -> None:
    """Each worker's cases progress at min(1, available / load) this week."""
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(m.load > 0, np.minimum(1.0, m.avail / m.load), 0.0)
    m.ratio = np.where(m.active, r, 0.0)


def span_of_control(m) -> float:
    u = m.p.unit
    staff = int(m.active.sum())
    return staff / (u.managers + u.team_leader_weight * (u.team_leaders
                                                         + m.fx.extra_team_leaders))


def update(m) -> None:
    p = m.p.dcs
    now = m.env.now
    act = m.active
    emp = m.employees()
    tenure = m.tenure_years()
    exper = m.prior + tenure
    ex_ctrl = 1.0 - np.exp(-np.maximum(exper, 0.0) / p.control.experience_tau_years)

    absent_now = act & (m.sick_until > now)
    n_here = int((act & ~absent_now).sum())
    cover_each = 0.0
    if absent_now.any() and n_here:
        cover_each = p.demand.cover_share * float(m.load[absent_now].sum()) / n_here

    full = np.maximum(m.avail_full, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        util = m.load / full
        cshare = np.where(m.load > 0, m.complex_load / m.load, 0.0)
    fx = m.fx
    backlog = 0.0
    if p.demand.backlog_weight and (m.inv_queue or m.ong_queue):
        waiting = sum(c.weekly for c in m.inv_queue) + sum(c.weekly for c in m.ong_queue)
        ratio = waiting / max(float(m.avail_full.sum()), 1.0)
        # saturating: the pressure of waiting cases is bounded (triage, closed intake)
        backlog = p.demand.backlog_weight * ratio / (1.0 + ratio)
    dem = (backlog + (m.load + cover_each) / full
           + p.demand.complex_weight * fx.complex_demand_factor * cshare * (1 - ex_ctrl)
           + p.demand.overdue_weight * m.n_overdue)
    zd = (dem - p.demand.reference) / p.demand.sd + p.demand.shift_sd

    ctrl = (ex_ctrl - p.control.overload_erosion * np.maximum(0.0, util - 1.0)
            + p.control.competence_time_gain * fx.competence_h + fx.control_boost)
    zc = (ctrl - p.control.reference) / p.control.sd + p.control.shift_sd

    ms = p.manager_support
    zm = -(span_of_control(m) - ms.reference_span) / ms.span_per_sd + ms.shift_sd

    cs = p.colleague_support
    n_emp = int(emp.sum())
    experienced = emp & (exper >= cs.experienced_years)
    n_exp = int(experienced.sum())
    # share of experienced colleagues, excluding the worker themself
    denom = max(n_emp - 1, 1)
    share = np.where(experienced, (n_exp - 1) / denom, n_exp / denom)
    while m.exit_days_52w and m.exit_days_52w[0] <= now - 52 * wf.WEEK:
        m.exit_days_52w.popleft()
    stability = 1.0 - len(m.exit_days_52w) / max(n_emp, 1)
    zs = (0.5 * (share - cs.reference_share) / cs.share_per_sd
          + 0.5 * (stability - cs.reference_stability) / cs.stability_per_sd
          - cs.mentor_sd * (1.0 - m.mentee_cover) + fx.support_boost + cs.shift_sd)

    st = p.strain
    s = (st.demand_weight * zd - st.control_weight * zc - st.manager_weight * zm
         - st.colleague_weight * zs)
    rec = np.minimum(1.0, st.recovery_per_week + st.recovery_per_hour * fx.recovery_h)
    exh = m.exh * (1.0 - rec) + st.exhaustion_gain_per_week * np.maximum(0.0, s - st.threshold)

    m.zd = np.where(act, zd, 0.0)
    m.zc = np.where(act, zc, 0.0)
    m.zm = zm
    m.zs = np.where(act, zs, 0.0)
    m.strain = np.where(act, s, 0.0)
    m.exh = np.where(emp, exh, 0.0)
    m.util = np.where(act, util, 0.0)
    m.team_stability = stability
