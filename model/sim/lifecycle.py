"""Every transition of a slot: initial staff, resignation, notice, exit, hire,
consultant start and end, opening a vacancy, extra posts, refreshing capacity.

This is the one module that calls into several processes; the processes return what
happened (who resigns, which candidate accepts) and never call each other. A worker
leaving walks, all in this file:

    resign -> (notice period) -> exit -> cases handed over -> post vacated
           -> pending hire or vacancy -> hire -> consultant ended -> refresh capacity

A vacancy opens at the leaver's resignation (default) or exit. A successful candidate
(``processes.recruitment``) starts on the later of the ready day and the leaver's exit
day. Consultants (when enabled) cover a post that has been empty for
``start_delay_days``, up to ``max_share_of_posts`` at once; a consultant leaves when
the post is filled, handing the cases over.
"""

from __future__ import annotations

import numpy as np

from ..errors import ScenarioError
from . import policies
from .distributions import sample
from .entities import DAYS_PER_YEAR, WEEK
from .processes import assignment, attrition, market, phases, recruitment, response, strain
from .staff import experience_years, tenure_years


def _fill(u, k: int, *, hire_day: float, prior: float, age: float, fte: float,
          salary=None, trainee: bool = False, returner: bool = False) -> None:
    intro_offset = 0.0
    if trainee:                 # the days worked as a trainee: tenure and experience
        intro_offset = trainee_years_worked(u)
        prior += intro_offset
    elif returner:              # a former employee knows the unit: past its introduction
        intro_offset = u.phase_table.intro_years
    tenure = float(tenure_years(float(u.env.now), float(hire_day)))
    u.response.slot_filled(k)
    u.staff.fill(k, wid=u.next_wid, hire_day=hire_day, prior=prior, age=age, fte=fte,
                 phase=u.phase_table.phase_of(tenure + intro_offset, prior + tenure),
                 salary_fixed=np.nan if salary is None else salary,
                 intro_offset=intro_offset)
    u.next_wid += 1


def trainee_years_worked(u) -> float:
    """Full-time years a trainee hire has already worked in the unit: the trainee period
    at its days a week (Värmdö: at least one). They count as tenure in the unit (the
    introduction and the newcomer's support need are that far along) and as professional
    experience."""
    t = u.params.policies.trainees
    return t.years_in_unit_before_hire * t.days_per_week / 5.0 if t else 0.0


def initial_staff(u) -> None:
    """Fill the posts at day 0 from the staff list or the tenure distribution."""
    ini = u.params.initial_state
    s = u.rng["initial_staff"]
    if ini.staff:
        if len(ini.staff) > u.n_base_positions:
            raise ScenarioError(f"initial_state.staff: {len(ini.staff)} staff but only "
                                f"{u.n_base_positions} posts; raise unit.posts")
        for k, st in enumerate(ini.staff):
            _fill(u, k, hire_day=-st.tenure_years * DAYS_PER_YEAR, prior=st.prior_years,
                  age=st.age - st.tenure_years, fte=st.fte, salary=st.salary_sek_per_month)
        filled = len(ini.staff)
    else:
        filled = (int(round(ini.fill_share * u.n_base_positions)) if ini.vacant_posts is None
                  else u.n_base_positions - int(round(ini.vacant_posts)))
        bins = ini.tenure_distribution
        w = np.array([b.count for b in bins], float)
        cum = np.cumsum(w / w.sum())
        hiring = u.params.recruitment
        limit = u.params.attrition.retirement_age
        for k in range(filled):
            i = min(int(np.searchsorted(cum, s.random(), side="right")), len(bins) - 1)
            b = bins[i]
            tenure = b.from_years + (b.to_years - b.from_years) * s.random()
            prior = max(0.0, sample(ini.prior_years, s))
            age = sample(hiring.graduate_age, s) + prior + tenure
            age = min(age, limit - 0.5 * s.random())
            fte = min(max(sample(hiring.fte, s), 0.1), 1.0)
            _fill(u, k, hire_day=-tenure * DAYS_PER_YEAR, prior=prior, age=age - tenure,
                  fte=fte)
    attrition.update_salaries(u)
    for k in range(filled, u.n_base_positions):
        u.positions[k].vacant_since = 0.0
        open_vacancy(u, k)
        if k - filled < ini.consultants:     # covered by a consultant now
            _try_consultant(u, k, 0.0, refresh=False)
        _schedule_consultant(u, k)


# -- the weekly steps that change who is in which slot ------------------------------

def update_policies(u) -> None:
    """The week's policy effects, then any extra posts they open."""
    policies.update(u)
    if u.fx.extra_positions > u.open_positions - u.n_base_positions:
        open_extra_positions(u, u.fx.extra_positions)


def open_extra_positions(u, target_extra: int) -> None:
    """Overstaffing: open budget-exceeding posts up to ``target_extra``; each recruits."""
    goal = u.n_base_positions + min(target_extra, u.n_extra_positions)
    while u.open_positions < goal:
        k = u.open_positions
        u.open_positions += 1
        u.positions[k].vacant_since = u.env.now
        open_vacancy(u, k)
        _schedule_consultant(u, k)


def weekly_leaving(u) -> None:
    """Salaries and hazards (``attrition.weekly``); the resignations and retirements it
    finds give notice."""
    for k, reason in attrition.weekly(u):
        if reason != "retirement" or (u.staff.active[k] and not u.staff.notice[k]):
            resign(u, k, reason)


def refresh_capacity(u) -> None:
    """After a hire or a consultant start: effects, hours and the queue anew."""
    update_policies(u)
    phases.update(u)
    u.saturated = False
    assignment.assign_queue(u)
    strain.set_service_ratio(u)


# -- leaving ----------------------------------------------------------------------

def resign(u, k: int, reason: str) -> None:
    """Worker ``k`` gives notice; the exit follows after the notice period."""
    now = u.env.now
    st = u.staff
    st.notice[k] = True
    attrition.notice_given(st, k)
    exit_day = now + u.params.attrition.notice_period_weeks * WEEK
    u.recorder.event(u, "resignation", k, reason)
    wid = int(st.wid[k])
    if exit_day <= now:
        leave(u, k, reason)
    else:
        ev = u.env.timeout(exit_day - now)
        ev.callbacks.append(lambda _e, k=k, wid=wid, r=reason: _exit_if_same(u, k, wid, r))
    if u.params.recruitment.vacancy_opens_at == "resignation":
        open_vacancy(u, k)


def _exit_if_same(u, k, wid, reason):
    if u.staff.active[k] and u.staff.wid[k] == wid:
        leave(u, k, reason)


def leave(u, k: int, reason: str) -> None:
    """Worker ``k`` leaves the unit: pay of the last days, cases handed over, the slot
    emptied, the post refilled or vacant."""
    st = u.staff
    if not st.consultant[k]:
        u.ledger.add_leaver_days(u, k)
        if reason != "retirement":
            now = float(u.env.now)
            u.former.append(market.Former(
                now, float(experience_years(now, float(st.prior[k]), float(st.hire_day[k]))),
                float(st.age0[k] + tenure_years(now, float(st.hire_day[k]))),
                float(st.fte[k])))
    u.recorder.exit(u, k, reason)
    u.exit_days_52w.append(u.env.now)
    st.active[k] = False
    assignment.hand_over(u, k)
    st.reset(k)
    post_vacated(u, k)


def post_vacated(u, k: int) -> None:
    """The holder of post ``k`` has left."""
    pos = u.positions[k]
    pos.vacant_since = u.env.now
    if pos.pending_hire is not None:
        hire(u, k, pos.pending_hire)
        return
    open_vacancy(u, k)
    _schedule_consultant(u, k)


# -- filling ----------------------------------------------------------------------

def open_vacancy(u, k: int) -> None:
    """Advertise post ``k`` unless it is already being filled."""
    pos = u.positions[k]
    if pos.recruiting or pos.pending_hire is not None:
        return
    pos.recruiting = True
    u.env.process(_fill_post(u, k))


def _fill_post(u, k: int):
    """Recruitment rounds until a candidate accepts; the candidate starts when the
    post is free."""
    profile = yield from recruitment.rounds(u, k)
    pos = u.positions[k]
    pos.recruiting = False
    if u.staff.active[k]:                 # the leaver is still serving notice
        pos.pending_hire = profile
    else:
        hire(u, k, profile)


def hire(u, k: int, profile: recruitment.Candidate) -> None:
    pos = u.positions[k]
    pos.pending_hire = None
    pos.vacant_since = None
    _fill(u, k, hire_day=u.env.now, prior=profile.prior, age=profile.age, fte=profile.fte,
          trainee=profile.trainee, returner=profile.returner)
    attrition.update_salaries(u)
    u.recorder.hire(u, k, profile.kind)
    u.ledger.book_hire(u)
    if pos.consultant >= 0:
        _end_consultant(u, pos)
    refresh_capacity(u)


# -- consultants ------------------------------------------------------------------

def _schedule_consultant(u, k: int) -> None:
    if u.n_consultant_slots == 0:
        return
    since = u.positions[k].vacant_since
    ev = u.env.timeout(u.params.consultants.start_delay_days)
    ev.callbacks.append(lambda _e: _try_consultant(u, k, since))


def _try_consultant(u, k: int, since, refresh: bool = True) -> None:
    pos = u.positions[k]
    st = u.staff
    if pos.vacant_since != since or pos.consultant >= 0 or st.active[k]:
        return
    free = np.flatnonzero(~st.active[u.n_positions:])
    in_post = u.n_consultant_slots - free.size
    cap = u.n_consultant_slots if u.response.crisis_consultants else u.consultant_cap
    # a consultant covers a shortfall against the budgeted posts: a unit whose own staff
    # (and consultants) fill its budget, as one staffed above it does, buys none
    short = int(st.active[:u.n_positions].sum()) + in_post < u.n_base_positions
    if free.size == 0 or in_post >= cap or not short:
        u.consultant_wait.append((k, since))
        return
    c = u.n_positions + int(free[0])
    cons = u.params.consultants
    _fill(u, c, hire_day=u.env.now, prior=cons.experience_years, age=cons.age_years,
          fte=1.0)
    pos.consultant = c
    u.recorder.event(u, "consultant_start", c, f"post {k}")
    if refresh:
        refresh_capacity(u)


def managers_respond(u) -> None:
    """Weekly step: the managers' response to the queue; when consultants beyond the
    usual cap become allowed, the vacant posts waiting for one get them."""
    if response.respond(u):
        # consultant starts are events of their own, after the week's steps
        u.env.timeout(0).callbacks.append(lambda _e: serve_consultant_queue(u))


def serve_consultant_queue(u) -> None:
    """Cover the vacant posts waiting for a consultant, as far as the cap allows now."""
    waiting = list(u.consultant_wait)
    u.consultant_wait.clear()
    for k, since in waiting:
        if u.positions[k].vacant_since == since and not u.staff.active[k]:
            _try_consultant(u, k, since)


def _end_consultant(u, pos) -> None:
    c = pos.consultant
    pos.consultant = -1
    u.recorder.event(u, "consultant_end", c, f"post {pos.index}")
    u.staff.active[c] = False
    assignment.hand_over(u, c)
    u.staff.reset(c)
    serve_consultant_queue(u)
