"""The policy base: the schema block every policy's parameters extend (start and
roll-out), the week's effects, the policy object every family extends, and the
declaration (``PolicySpec``) by which a family module makes its policies known."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel, Field

from ..entities import DAYS_PER_YEAR
from ..params.base import MAX_YEARS, P, Strict
from ..staff import weekly_pay

DAYS_PER_MONTH = DAYS_PER_YEAR / 12.0

# ---------------------------------------------------------------------------
# the schema every policy block extends (each block absent = policy not used)


class Rollout(Strict):
    groups: int = P(1, "groups", "Groups the policy reaches one after another (workers are "
                    "split by post).", source="Sundsvall rolled 6+2 out group by group "
                    "(DOMAIN.md); count is a choice", ge=1, le=100,
                    sv="Grupper som åtgärden når en efter en (medarbetarna delas efter tjänst).")
    interval_months: float = P(0, "months", "Months between one group's start and the next.",
                               assumption="a choice of the municipality", ge=0, le=120,
                               sv="Månader mellan en grupps start och nästa.")


class PolicyBase(Strict):
    start_year: float = P(0, "years", "Years after the warm-up when the policy starts (0 = "
                          "from the start of the statistics window).",
                          assumption="a choice of the municipality", ge=0, le=MAX_YEARS,
                          sv="År efter insvängningen när åtgärden börjar (0 = från "
                             "statistikperiodens början).")
    rollout: Rollout = Field(default_factory=Rollout)


def vec(x, n: int) -> np.ndarray:
    """An effect as a float array over the ``n`` slots (effects may be scalars)."""
    a = np.asarray(x, dtype=float)
    return a if a.shape == (n,) else np.broadcast_to(a, (n,)).copy()


class Effects:
    """What the policies in force do this week (neutral when none is)."""

    def __init__(self, n: int, params):
        wt = params.work_time
        self.client_factor = np.ones(n)
        self.competence_h = np.full(n, float(wt.competence_hours_per_week))
        self.recovery_h = np.full(n, float(wt.recovery_hours_per_week))
        self._own_time_h = float(wt.competence_hours_per_week + wt.recovery_hours_per_week)
        self._value_per_hour = params.pay.paid_time_value_share / wt.hours_per_week
        self.policy_time_h = np.zeros(n)        # paid hours moved off client work by policy
        self.policy_time: dict[str, np.ndarray] = {}   # the same, per policy
        # of those hours, the work not recovered (hours of work, per policy; negative
        # where a measure recovers more than it moves)
        self.policy_lost: dict[str, np.ndarray] = {}
        self.supplement = np.zeros(n)           # SEK/month
        self.control_boost = np.zeros(n)        # control index units
        self.support_boost = np.zeros(n)        # colleague-support z units
        self.gap_met = np.zeros(n)              # share of a newcomer's support need met
        self.capacity_cap = np.ones(n)
        self.shield = np.zeros(n, bool)         # extra shielding from complex lead cases
        self.mentor_need = np.zeros(n)          # programme mentor hours (max with phase)
        self.admin_relief_h = 0.0               # client hours won per worker per week
                                                # (assistants, trainees' casework)
        self.complex_demand_factor = 1.0
        self.mentor_supply_h = 0.0              # mentoring hours from outside the posts
        self.extra_team_leaders = 0.0
        self.extra_staff = 0.0                  # FTE led by the manager outside the slots
        self.extra_managers = 0.0               # manager equivalents added with posts
        self.extra_positions = 0                # overstaffing: posts open above budget
        self.inflow_factor: dict[tuple[str, str], float] = {}
        self.nominal_weeks: float | None = None
        self.hours_factor = 1.0
        self.time_to_hire_factor = 1.0
        self.applicant_factor = 1.0             # applicants per post (recruitment effort)
        self.trainee_share = 0.0
        self.trainee_time_factor = 1.0
        self._built: dict = {}                  # see tuple_of

    def tuple_of(self, build, n: int):
        """``build(self, n)``, the named tuple a kernel takes, made once per week's
        effects (the effects do not change once the policies have applied them)."""
        v = self._built.get(build)
        if v is None:
            v = self._built[build] = build(self, n)
        return v

    def paid_time_off(self) -> np.ndarray:
        """Paid hours a week off client work that measures give each slot for
        competence and recovery, beyond the working time's own (a working condition)."""
        return np.maximum(self.competence_h + self.recovery_h - self._own_time_h, 0.0)

    def time_value(self) -> np.ndarray:
        """What that paid time is worth to each slot's worker, as a share of own salary
        (``pay.paid_time_value_share`` x the hours' share of the paid week)."""
        return self._value_per_hour * self.paid_time_off()

    def add_time(self, name: str, hours, lost=None) -> None:
        """Record paid hours a policy moves off client work (for the ledger) and, of
        them, the hours of work the model does not show recovered (``lost``; all of
        them unless the policy says otherwise): the economic view values those as work
        lost (``model.sim.costs``)."""
        self.policy_time_h = self.policy_time_h + hours
        self.policy_time[name] = self.policy_time.get(name, 0.0) + hours
        self.policy_lost[name] = self.policy_lost.get(name, 0.0) + (
            hours if lost is None else lost)


class Policy:
    """Base: start date and group roll-out. Subclasses override ``apply``/``cost``."""

    name = "policy"

    def __init__(self, cfg, unit):
        self.cfg = cfg
        self.start = unit.warmup_end + cfg.start_year * DAYS_PER_YEAR
        self.groups = cfg.rollout.groups
        self.interval = cfg.rollout.interval_months * DAYS_PER_MONTH
        self.slot_group = np.arange(unit.n_slots) % self.groups

    def started_groups(self, now: float) -> int:
        if now < self.start:
            return 0
        if self.interval <= 0:
            return self.groups
        return min(self.groups, int((now - self.start) // self.interval) + 1)

    def fraction(self, now: float) -> float:
        return self.started_groups(now) / self.groups

    def mask(self, u) -> np.ndarray:
        return self.slot_group < self.started_groups(u.env.now)

    def next_change(self, u) -> float:
        """The first day after today on which ``apply`` may give other effects while
        the same workers hold the same posts: here the next group's start (a policy
        whose effects follow its holders' tenure or experience adds the next threshold
        one of them crosses). Never later than the true day: effects are recomputed
        from that day on (``model.sim.policies.update``)."""
        now = u.env.now
        if now < self.start:
            return self.start
        started = self.started_groups(now)
        if self.interval <= 0 or started >= self.groups:
            return np.inf
        return self.start + started * self.interval

    def next_crossing(self, u, years, experience: bool = False) -> float:
        """The first day, from today on, on which an employee's tenure (or experience,
        with ``experience``) reaches one of ``years``; a day in the last one counts too
        (a threshold met today, perhaps by rounding alone, is looked at again)."""
        emp = u.staff.employees()
        start = u.staff.hire_day[emp]
        if experience:
            start = start - u.staff.prior[emp] * DAYS_PER_YEAR
        days = start[:, None] + np.asarray(years, float)[None, :] * DAYS_PER_YEAR
        days = days[days > u.env.now - 1.0]
        return float(days.min()) if days.size else np.inf

    def apply(self, u, fx: Effects) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def cost_week(self, u, fx: Effects) -> float:
        """SEK this policy costs for the week just ended, beyond payroll shares."""
        return 0.0

    def weekly_staff_cost(self, u, fte: float, salary: float) -> float:
        """One week of pay (with on-cost) for ``fte`` staff at ``salary`` SEK/month."""
        return weekly_pay(float(salary), float(fte), float(u.params.pay.employer_oncost))


# ---------------------------------------------------------------------------
# the declaration of a policy


@dataclass(frozen=True)
class LeverSpec:
    """A parameter of a policy's block that the what-if app offers as a lever.

    ``field`` is the path inside the block; a ``*`` stands for every item of a list
    (one lever per item, e.g. ``steps.*.supplement_sek_per_month``). The lever's
    bounds, whole-number steps and plausible range are the schema field's own; ``unit``
    is given only where the field has none. No words: the app finds the lever's label
    by its full parameter path.
    """

    field: str
    unit: str | None = None

    def paths(self, block: BaseModel) -> list[str]:
        """The paths inside ``block`` (a validated policy block) this lever stands for."""
        out = [("", block)]
        for part in self.field.split("."):
            if part == "*":
                out = [(f"{p}{i}.", item) for p, v in out for i, item in enumerate(v)]
            else:
                out = [(f"{p}{part}.", getattr(v, part)) for p, v in out]
        return [p[:-1] for p, _ in out]


@dataclass(frozen=True)
class PolicySpec:
    """One policy, declared once in its family's module (``POLICIES``): the schema block
    under ``policies.<key>`` in a scenario, the behaviour the model consults every week,
    the levers the what-if app offers, and ``order``: where the block stands in the
    schema and when the policy applies its effects in the week (lower first).

    The key is the behaviour's ``name``: the scenario block, the cost category
    ``policy_<key>`` and the word tables (``pol_<key>``, lever paths) all use it.
    """

    schema: type[PolicyBase]
    behaviour: type[Policy]
    levers: tuple[LeverSpec | str, ...]
    order: int

    def __post_init__(self):
        object.__setattr__(self, "levers", tuple(
            lv if isinstance(lv, LeverSpec) else LeverSpec(lv) for lv in self.levers))

    @property
    def key(self) -> str:
        return self.behaviour.name
