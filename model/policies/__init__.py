"""Retention policies: small objects the model consults every week.

Each policy acts only through the model's mechanisms (client hours, competence and
recovery time, pay, control, support, mentoring, span of control, caseload, case
inflow, recruitment); none sets turnover directly. Each books its own costs in the
ledger under ``policy_<name>``. A policy starts ``start_year`` years into the
statistics window and can roll out group by group: workers are split into groups by
post (slot modulo groups) and group g starts ``g * interval_months`` later; unit-level
measures (assistants, team leaders, specialists...) scale with the share of groups
started.
"""

from __future__ import annotations

import numpy as np

from ..entities import DAYS_PER_YEAR, WEEK

DAYS_PER_MONTH = DAYS_PER_YEAR / 12.0


def vec(x, n: int) -> np.ndarray:
    """An effect as a float array over the ``n`` slots (effects may be scalars)."""
    a = np.asarray(x, dtype=float)
    return a if a.shape == (n,) else np.broadcast_to(a, (n,)).copy()


class Effects:
    """What the policies in force do this week (neutral when none is)."""

    def __init__(self, n: int, p):
        wt = p.work_time
        self.client_factor = np.ones(n)
        self.competence_h = np.full(n, float(wt.competence_hours_per_week))
        self.recovery_h = np.full(n, float(wt.recovery_hours_per_week))
        self.policy_time_h = np.zeros(n)        # paid hours moved off client work by policy
        self.policy_time: dict[str, np.ndarray] = {}   # the same, per policy
        self.supplement = np.zeros(n)           # SEK/month
        self.control_boost = np.zeros(n)        # control index units
        self.support_boost = np.zeros(n)        # colleague-support z units
        self.capacity_cap = np.ones(n)
        self.shield = np.zeros(n, bool)         # extra shielding from complex lead cases
        self.mentor_need = np.zeros(n)          # programme mentor hours (max with phase)
        self.admin_relief_h = 0.0               # client hours won per worker per week
        self.complex_demand_factor = 1.0
        self.mentor_supply_h = 0.0              # mentoring hours from outside the posts
        self.extra_team_leaders = 0.0
        self.extra_positions = 0                # overstaffing: posts open above budget
        self.inflow_factor: dict[tuple[str, str], float] = {}
        self.nominal_weeks: float | None = None
        self.hours_factor = 1.0
        self.time_to_hire_factor = 1.0
        self.failure_probability: float | None = None
        self.trainee_share = 0.0
        self.trainee_time_factor = 1.0

    def add_time(self, name: str, hours) -> None:
        """Record paid hours a policy moves off client work (for the ledger)."""
        self.policy_time_h = self.policy_time_h + hours
        self.policy_time[name] = self.policy_time.get(name, 0.0) + hours


class Policy:
    """Base: start date and group roll-out. Subclasses override ``apply``/``cost``."""

    name = "policy"

    def __init__(self, cfg, model):
        self.cfg = cfg
        self.start = model.warmup_end + cfg.start_year * DAYS_PER_YEAR
        self.groups = cfg.rollout.groups
        self.interval = cfg.rollout.interval_months * DAYS_PER_MONTH
        self.slot_group = np.arange(model.n_slots) % self.groups

    def started_groups(self, now: float) -> int:
        if now < self.start:
            return 0
        if self.interval <= 0:
            return self.groups
        return min(self.groups, int((now - self.start) // self.interval) + 1)

    def fraction(self, now: float) -> float:
        return self.started_groups(now) / self.groups

    def mask(self, m) -> np.ndarray:
        return self.slot_group < self.started_groups(m.env.now)

    def apply(self, m, fx: Effects) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def cost_week(self, m, fx: Effects) -> float:
        """SEK this policy costs for the week just ended, beyond payroll shares."""
        return 0.0

    def monthly_staff_cost(self, m, fte: float, salary: float) -> float:
        """One week of pay (with on-cost) for ``fte`` staff at ``salary`` SEK/month."""
        return fte * salary * 12.0 / 52.0 * (1.0 + m.p.pay.employer_oncost)


def build(model) -> list[Policy]:
    """The policy objects of a scenario, in a fixed order."""
    from . import caseflow, introduction, pay, staffing, working_time
    registry = {
        "working_time": working_time.WorkingTimePolicy,
        "reflection_day": working_time.ReflectionDayPolicy,
        "salary_ladder": pay.SalaryLadderPolicy,
        "overstaffing": staffing.OverstaffingPolicy,
        "introduction_programme": introduction.IntroductionPolicy,
        "specialists": staffing.SpecialistsPolicy,
        "admin_support": staffing.AdminSupportPolicy,
        "smaller_groups": staffing.SmallerGroupsPolicy,
        "first_line": caseflow.FirstLinePolicy,
        "intensive_investigation": caseflow.IntensiveInvestigationPolicy,
        "trainees": staffing.TraineesPolicy,
        "recruitment_support": staffing.RecruitmentSupportPolicy,
    }
    out = []
    for name, cls in registry.items():
        cfg = getattr(model.p.policies, name)
        if cfg is not None:
            out.append(cls(cfg, model))
    return out


def update(m) -> None:
    """Recompute the week's effects from every policy in force (without policies the
    neutral effects built with the model stay as they are)."""
    if not m.policies:
        return
    fx = Effects(m.n_slots, m.p)
    for pol in m.policies:
        pol.apply(m, fx)
    m.fx = fx


def book_costs(m) -> None:
    """Book each policy's own costs for the week just ended."""
    start = m.env.now - WEEK
    for pol in m.policies:
        sek = pol.cost_week(m, m.fx)
        if sek:
            m.ledger.add(start, f"policy_{pol.name}", sek)
