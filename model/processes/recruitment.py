"""Initial staff, recruitment rounds, hires and consultants.

A vacancy opens at the leaver's resignation (default) or exit. Each recruitment
round costs ``cost_per_round_sek``, takes a time-to-hire draw and fails with
``failure_probability`` (then it is re-advertised). A successful candidate starts on
the later of the ready day and the leaver's exit day. The candidate is a new graduate
with ``new_graduate_share``, otherwise experienced with prior years drawn from
``experienced_prior_years``.

Consultants (when enabled) cover a post that has been empty for
``start_delay_days``, up to ``max_share_of_posts`` at once; a consultant leaves when
the post is filled, handing the cases over.
"""

from __future__ import annotations

from collections import deque

import numpy as np

from .. import entities as wf
from ..distributions import sample
from .assignment import assign_queue, hand_over


def update_salaries(m) -> None:
    """Every employee's salary: fixed, or the scale at their experience today."""
    from .attrition import salaries
    salaries(m.env.now, m.active, m.consultant, m.prior, m.hire_day, m.salary_fixed,
             *m.hazard.salary_steps, m.salary)


def _new_worker(m, k, *, hire_day, prior, age, fte, consultant=False, salary=None,
                pre_introduced=False):
    m.active[k] = True
    m.consultant[k] = consultant
    m.wid[k] = m.next_wid
    m.next_wid += 1
    m.hire_day[k] = hire_day
    m.prior[k] = prior
    m.age0[k] = age
    m.fte[k] = fte
    m.salary_fixed[k] = np.nan if salary is None else salary
    m.intending[k] = False
    m.notice[k] = False
    m.exit_day[k] = np.inf
    m.sick_until[k] = -np.inf
    m.spell_start[k] = -np.inf
    m.exh[k] = 0.0
    m.credit[k] = 0.0
    m.ratio[k] = 0.0
    m.load[k] = 0.0
    m.complex_load[k] = 0.0
    m.ncases[k] = 0
    m.n_overdue[k] = 0
    m.intro_offset[k] = m.phase_cfg.intro_years if pre_introduced else 0.0
    tenure = (m.env.now - hire_day) / wf.DAYS_PER_YEAR
    m.phase[k] = m.phase_cfg.phase_of(tenure + m.intro_offset[k], prior + tenure)


def initial_staff(m) -> None:
    """Fill the posts at day 0 from the staff list or the tenure distribution."""
    ini = m.p.initial_state
    s = m.rng["initial_staff"]
    m.consultant_wait = deque()
    if ini.staff:
        if len(ini.staff) > m.n_base_positions:
            from ..errors import ScenarioError
            raise ScenarioError(f"initial_state.staff: {len(ini.staff)} staff but only "
                                f"{m.n_base_positions} posts; raise unit.posts")
        for k, st in enumerate(ini.staff):
            _new_worker(m, k, hire_day=-st.tenure_years * wf.DAYS_PER_YEAR,
                        prior=st.prior_years, age=st.age - st.tenure_years, fte=st.fte,
                        salary=st.salary_sek_per_month)
        filled = len(ini.staff)
    else:
        filled = int(round(ini.fill_share * m.n_base_positions))
        bins = ini.tenure_distribution
        w = np.array([b.count for b in bins], float)
        cum = np.cumsum(w / w.sum())
        rec = m.p.recruitment
        limit = m.p.attrition.retirement_age
        for k in range(filled):
            i = min(int(np.searchsorted(cum, s.random(), side="right")), len(bins) - 1)
            b = bins[i]
            tenure = b.from_years + (b.to_years - b.from_years) * s.random()
            prior = max(0.0, sample(ini.prior_years, s))
            age = sample(rec.graduate_age, s) + prior + tenure
            age = min(age, limit - 0.5 * s.random())
            fte = min(max(sample(rec.fte, s), 0.1), 1.0)
            _new_worker(m, k, hire_day=-tenure * wf.DAYS_PER_YEAR, prior=prior,
                        age=age - tenure, fte=fte)
    update_salaries(m)
    for k in range(filled, m.n_base_positions):
        m.positions[k].vacant_since = 0.0
        open_vacancy(m, k)
        _schedule_consultant(m, k)


def open_extra_positions(m, target_extra: int) -> None:
    """Overstaffing: open budget-exceeding posts up to ``target_extra``; each recruits."""
    goal = m.n_base_positions + min(target_extra, m.n_extra_positions)
    while m.open_positions < goal:
        k = m.open_positions
        m.open_positions += 1
        m.positions[k].vacant_since = m.env.now
        open_vacancy(m, k)
        _schedule_consultant(m, k)


def open_vacancy(m, k: int) -> None:
    pos = m.positions[k]
    if pos.recruiting or pos.pending_hire is not None:
        return
    pos.recruiting = True
    m.env.process(_recruit(m, k))


def _recruit(m, k: int):
    rec = m.p.recruitment
    s = m.rng["recruitment"]
    pos = m.positions[k]
    fx = m.fx
    trainee = s.random() < rec.new_graduate_share * fx.trainee_share
    while True:
        m.ledger.add(m.env.now, "recruitment", rec.cost_per_round_sek)
        m.rec.event(m, "recruitment_round", k, "trainee" if trainee else "advertised")
        factor = fx.time_to_hire_factor * (fx.trainee_time_factor if trainee else 1.0)
        yield m.env.timeout(max(1.0, factor * sample(rec.time_to_hire_days, s)))
        fail = (rec.failure_probability if fx.failure_probability is None
                else fx.failure_probability)
        u = s.random()
        if trainee or u >= fail:
            break
        m.rec.event(m, "recruitment_round", k, "failed")
    profile = _candidate(m, trainee)
    pos.recruiting = False
    if m.active[k]:                       # the leaver is still serving notice
        pos.pending_hire = profile
    else:
        hire(m, k, profile)


def _candidate(m, trainee: bool = False) -> dict:
    rec = m.p.recruitment
    s = m.rng["hire_profile"]
    # trainee hires are graduates drawn from the graduate share; the rest keep the mix
    g, t = rec.new_graduate_share, m.fx.trainee_share
    p_grad = g if t == 0 else (g * (1 - t) / (1 - g * t) if g * t < 1 else 0.0)
    graduate = trainee or s.random() < p_grad
    prior = 0.0 if graduate else max(0.0, sample(rec.experienced_prior_years, s))
    age = sample(rec.graduate_age, s) + prior
    fte = min(max(sample(rec.fte, s), 0.1), 1.0)
    return {"prior": prior, "age": age, "fte": fte, "graduate": graduate, "trainee": trainee}


def hire(m, k: int, profile: dict) -> None:
    pos = m.positions[k]
    pos.pending_hire = None
    pos.vacant_since = None
    pos.leaver_exit_day = None
    _new_worker(m, k, hire_day=m.env.now, prior=profile["prior"], age=profile["age"],
                fte=profile["fte"], pre_introduced=profile.get("trainee", False))
    update_salaries(m)
    kind = ("trainee" if profile.get("trainee") else
            "new_graduate" if profile["graduate"] else "experienced")
    m.rec.hire(m, k, kind)
    if pos.consultant >= 0:
        _end_consultant(m, pos)
    _refresh_capacity(m)


def _refresh_capacity(m) -> None:
    from . import phases, strain
    phases.update(m)
    m.saturated = False
    assign_queue(m)
    strain.set_service_ratio(m)


def post_vacated(m, k: int) -> None:
    """Called when the holder of post ``k`` has left."""
    pos = m.positions[k]
    pos.vacant_since = m.env.now
    if pos.pending_hire is not None:
        hire(m, k, pos.pending_hire)
        return
    open_vacancy(m, k)
    _schedule_consultant(m, k)


# -- consultants ---------------------------------------------------------------

def _schedule_consultant(m, k: int) -> None:
    if m.n_consultant_slots == 0:
        return
    since = m.positions[k].vacant_since
    ev = m.env.timeout(m.p.consultants.start_delay_days)
    ev.callbacks.append(lambda _e: _try_consultant(m, k, since))


def _try_consultant(m, k: int, since) -> None:
    pos = m.positions[k]
    if pos.vacant_since != since or pos.consultant >= 0 or m.active[k]:
        return
    free = np.flatnonzero(~m.active[m.n_positions:])
    if free.size == 0:
        m.consultant_wait.append((k, since))
        return
    c = m.n_positions + int(free[0])
    _new_worker(m, c, hire_day=m.env.now, prior=10.0, age=45.0, fte=1.0, consultant=True)
    pos.consultant = c
    m.rec.event(m, "consultant_start", c, f"post {k}")
    _refresh_capacity(m)


def _end_consultant(m, pos) -> None:
    c = pos.consultant
    pos.consultant = -1
    m.rec.event(m, "consultant_end", c, f"post {pos.index}")
    m.active[c] = False
    hand_over(m, c)
    m.load[c] = 0.0
    m.complex_load[c] = 0.0
    m.avail[c] = m.avail_full[c] = 0.0
    while m.consultant_wait:
        k, since = m.consultant_wait.popleft()
        if m.positions[k].vacant_since == since and not m.active[k]:
            _try_consultant(m, k, since)
            break
