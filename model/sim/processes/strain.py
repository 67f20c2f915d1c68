"""Demand, control, support and exhaustion, updated weekly for every worker at once.

All four dimensions are z-scores against a reference worker (z = 0), so the hazard
ratios "per SD" of the attrition model apply directly.

* Demand ``D = (load + cover) / full hours + w_complex * complex share * (1 - E_x)
  + w_overdue * own overdue investigations + w_backlog * r / (1 + r)
  + w_overtime * overtime hours / full hours`` with r the weekly
  hours of waiting cases over the unit's available hours (a bounded pressure);
  ``z_d = (D - ref) / sd + shift``.
  ``E_x = 1 - exp(-experience / tau)`` is control from experience, so complex work
  weighs on the inexperienced; ``cover`` is this worker's part of absent colleagues'
  load.
* Control ``C = E_x - erosion * max(0, utilisation - 1) + gain * competence hours``;
  ``z_c = (C - ref) / sd + shift``. Overload destroys control.
* Manager support falls with the span of control (staff per manager equivalent):
  ``z_m = -(span - ref_span) / span_per_sd + shift``, less, for a newcomer to the unit,
  the need for guidance an informal introduction leaves unmet:
  ``gap * max(0, 1 - (tenure + intro_offset) / gap_years) * (1 - met)`` with ``met``
  the share a structured introduction meets (trainees' ``intro_offset`` counts their
  time in the unit before hire).
* Colleague support: the mean of the z-scores of the share of experienced
  colleagues and of team stability (1 - exits in the last 52 weeks per head, at least
  0), less
  ``mentor_sd * (1 - coverage)`` for a worker whose mentor need is not covered.
* Strain ``S = a_d z_d - a_c z_c - a_m z_m - a_s z_s``; exhaustion
  ``E <- E (1 - r) + g max(0, S - threshold)`` with recovery ``r`` raised by paid
  recovery hours.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ..entities import WEEK
from ..jit import coefficients, entry, kernel
from ..policies import vec
from ..staff import experience_years, tenure_years


class RatioColumns(NamedTuple):
    """Staff columns of the service ratio (``ratio`` is written)."""
    active: np.ndarray
    avail: np.ndarray
    load: np.ndarray
    ratio: np.ndarray


class StrainColumns(NamedTuple):
    """Staff columns of the strain pass (``ratio`` and the last seven are written)."""
    avail: np.ndarray
    ratio: np.ndarray
    active: np.ndarray
    consultant: np.ndarray
    prior: np.ndarray
    hire_day: np.ndarray
    intro_offset: np.ndarray
    sick_until: np.ndarray
    load: np.ndarray
    complex_load: np.ndarray
    avail_full: np.ndarray
    n_overdue: np.ndarray
    mentee_cover: np.ndarray
    zd: np.ndarray
    zc: np.ndarray
    zs: np.ndarray
    zm: np.ndarray
    strain: np.ndarray
    exh: np.ndarray
    util: np.ndarray


class StrainEffects(NamedTuple):
    """The week's policy effects per slot."""
    competence_h: np.ndarray      # hours/week of competence time
    control_boost: np.ndarray     # control index units
    support_boost: np.ndarray     # colleague-support z units
    recovery_h: np.ndarray        # paid recovery hours/week
    gap_met: np.ndarray           # share of a newcomer's unmet support need met


class UnitWeek(NamedTuple):
    """Unit-level inputs of the week."""
    backlog: float                # the bounded backlog pressure
    complex_weight: float         # demand weight of complex work, policies applied
    zm: float                     # manager-support z-score (the same for everyone)
    exits_52w: float              # exits in the last 52 weeks
    overtime: np.ndarray          # overtime hours this week per slot
    overtime_weight: float        # demand per overtime hour over full client hours


class StrainCoefficients(NamedTuple):
    cover_share: float
    overdue_weight: float
    demand_reference: float
    demand_sd: float
    demand_shift: float
    experience_tau: float         # years
    overload_erosion: float
    competence_gain: float        # control per competence hour/week
    control_reference: float
    control_sd: float
    control_shift: float
    experienced_years: float
    reference_share: float
    share_per_sd: float
    reference_stability: float
    stability_per_sd: float
    mentor_sd: float
    support_shift: float
    newcomer_gap: float           # SD of manager support lacking at hire
    newcomer_gap_years: float
    w_demand: float
    w_control: float
    w_manager: float
    w_colleague: float
    recovery_per_week: float
    recovery_per_hour: float
    exhaustion_gain: float        # per week
    threshold: float
    bound: float                  # SD either way the four z-scores stay within
    exhaustion_max: float


def strain_coefficients(dcs) -> StrainCoefficients:
    """The demand-control-support coefficients of a scenario (built once per unit)."""
    d, c, cs, st = dcs.demand, dcs.control, dcs.colleague_support, dcs.strain
    ms = dcs.manager_support
    return coefficients(
        StrainCoefficients, cover_share=d.cover_share, overdue_weight=d.overdue_weight,
        demand_reference=d.reference, demand_sd=d.sd, demand_shift=d.shift_sd,
        experience_tau=c.experience_tau_years, overload_erosion=c.overload_erosion,
        competence_gain=c.competence_time_gain, control_reference=c.reference,
        control_sd=c.sd, control_shift=c.shift_sd, experienced_years=cs.experienced_years,
        reference_share=cs.reference_share, share_per_sd=cs.share_per_sd,
        reference_stability=cs.reference_stability, stability_per_sd=cs.stability_per_sd,
        mentor_sd=cs.mentor_sd, support_shift=cs.shift_sd,
        newcomer_gap=ms.newcomer_gap_sd, newcomer_gap_years=ms.newcomer_gap_years,
        w_demand=st.demand_weight,
        w_control=st.control_weight, w_manager=st.manager_weight,
        w_colleague=st.colleague_weight, recovery_per_week=st.recovery_per_week,
        recovery_per_hour=st.recovery_per_hour,
        exhaustion_gain=st.exhaustion_gain_per_week, threshold=st.threshold,
        bound=st.scale_bound_sd, exhaustion_max=st.exhaustion_max)


@kernel
def service_ratios(w):
    """Each worker's service ratio, min(1, available / load)."""
    for k in range(w.active.size):
        w.ratio[k] = (min(1.0, w.avail[k] / w.load[k]) if w.active[k] and w.load[k] > 0
                      else 0.0)


_service_ratio = entry(service_ratios)


def set_service_ratio(u) -> None:
    """Each worker's cases progress at min(1, available / load) this week."""
    _service_ratio(u.views[RatioColumns])


def span_of_control(u) -> float:
    """Staff per manager equivalent: the workers in the slots and the staff measures add
    outside them (specialists, assistants, trainees), over the managers, team leaders
    and the management measures add with their posts."""
    unit = u.params.unit
    fx = u.fx
    staff = int(u.staff.active.sum()) + fx.extra_staff
    leaders = unit.team_leaders + fx.extra_team_leaders + u.response.team_leaders
    return staff / (unit.managers + fx.extra_managers + unit.team_leader_weight * leaders)


def backlog_pressure(u) -> float:
    """``w_backlog * r / (1 + r)``, r the waiting hours over the unit's available hours."""
    w = u.params.dcs.demand.backlog_weight
    if not w:
        return 0.0
    waiting = u.book.queue_stats()[3]
    if not waiting:
        return 0.0
    ratio = waiting / max(float(u.staff.avail_full.sum()), 1.0)
    # saturating: the pressure of waiting cases is bounded (triage, closed intake)
    return w * ratio / (1.0 + ratio)


def _effects(fx, n: int) -> StrainEffects:
    return StrainEffects(vec(fx.competence_h, n), vec(fx.control_boost, n),
                         vec(fx.support_boost, n), vec(fx.recovery_h, n),
                         vec(fx.gap_met, n))


def update(u) -> None:
    """Service ratio, the four z-scores, strain and exhaustion of every worker."""
    dcs = u.params.dcs
    now = u.env.now
    fx = u.fx
    ms = dcs.manager_support
    zm = -(span_of_control(u) - ms.reference_span) / ms.span_per_sd + ms.shift_sd
    while u.exit_days_52w and u.exit_days_52w[0] <= now - 52 * WEEK:
        u.exit_days_52w.popleft()
    n = u.n_slots
    _update(float(now), u.views[StrainColumns],
            fx.tuple_of(_effects, n),
            u.strain_coef,
            UnitWeek(backlog_pressure(u), dcs.demand.complex_weight * fx.complex_demand_factor,
                     float(zm), float(len(u.exit_days_52w)), u.response.overtime,
                     float(u.params.response.overtime_demand_weight)))
    u.zm = zm


@kernel
def _within(z, bound):
    """``z`` kept within the scales' ends, ``bound`` SD either way."""
    return min(max(z, -bound), bound)


@entry
def _update(now, w, fx, q, week):
    n = w.active.size
    absent_load = 0.0
    n_absent = 0
    n_here = 0
    n_emp = 0
    n_exp = 0
    service_ratios(w)
    for k in range(n):
        if w.active[k]:
            if w.sick_until[k] > now:
                absent_load += w.load[k]
                n_absent += 1
            else:
                n_here += 1
            if not w.consultant[k]:
                n_emp += 1
                if experience_years(now, w.prior[k], w.hire_day[k]) >= q.experienced_years:
                    n_exp += 1
    cover_each = q.cover_share * absent_load / n_here if n_absent and n_here else 0.0
    denom = max(n_emp - 1, 1)
    # a share: a team cannot be less stable than having lost everyone once
    stability = max(1.0 - week.exits_52w / max(n_emp, 1), 0.0)
    z_stab = 0.5 * (stability - q.reference_stability) / q.stability_per_sd
    for k in range(n):
        if not w.active[k]:
            w.zd[k] = w.zc[k] = w.zs[k] = w.zm[k] = w.strain[k] = w.util[k] = 0.0
            w.exh[k] = 0.0
            continue
        exper = experience_years(now, w.prior[k], w.hire_day[k])
        ex_ctrl = 1.0 - np.exp(-max(exper, 0.0) / q.experience_tau)
        full = max(w.avail_full[k], 1.0)
        u = w.load[k] / full
        cshare = w.complex_load[k] / w.load[k] if w.load[k] > 0 else 0.0
        dem = (week.backlog + (w.load[k] + cover_each) / full
               + week.complex_weight * cshare * (1 - ex_ctrl)
               + q.overdue_weight * w.n_overdue[k]
               + week.overtime_weight * week.overtime[k] / full)
        z_d = _within((dem - q.demand_reference) / q.demand_sd + q.demand_shift, q.bound)
        ctrl = (ex_ctrl - q.overload_erosion * max(0.0, u - 1.0)
                + q.competence_gain * fx.competence_h[k] + fx.control_boost[k])
        z_c = _within((ctrl - q.control_reference) / q.control_sd + q.control_shift, q.bound)
        experienced = (not w.consultant[k]) and exper >= q.experienced_years
        share = (n_exp - 1) / denom if experienced else n_exp / denom
        z_s = (0.5 * (share - q.reference_share) / q.share_per_sd + z_stab
               - q.mentor_sd * (1.0 - w.mentee_cover[k]) + fx.support_boost[k]
               + q.support_shift)
        z_s = _within(z_s, q.bound)
        z_m = week.zm
        if not w.consultant[k]:
            into = (tenure_years(now, w.hire_day[k]) + w.intro_offset[k]) / q.newcomer_gap_years
            z_m -= q.newcomer_gap * max(0.0, 1.0 - into) * (1.0 - fx.gap_met[k])
        z_m = _within(z_m, q.bound)
        s = q.w_demand * z_d - q.w_control * z_c - q.w_manager * z_m - q.w_colleague * z_s
        w.zd[k] = z_d
        w.zm[k] = z_m
        w.zc[k] = z_c
        w.zs[k] = z_s
        w.strain[k] = s
        w.util[k] = u
        if w.consultant[k]:
            w.exh[k] = 0.0
        else:
            recovery = min(1.0, q.recovery_per_week + q.recovery_per_hour * fx.recovery_h[k])
            w.exh[k] = min(w.exh[k] * (1.0 - recovery)
                           + q.exhaustion_gain * max(0.0, s - q.threshold), q.exhaustion_max)
