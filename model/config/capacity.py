"""The unit's expected utilisation at the start, from its parameters alone (no run).

The case hours the inflow brings a year (investigations: arrivals x mean hours;
ongoing cases: arrivals x mean duration x mean weekly hours) against the client hours
of the budgeted posts filled by fully productive staff (hours a week x client-work share,
less paid competence and recovery time, x working weeks). At 100% or more the queue
cannot be stable: even a full unit of experienced staff, never sick, falls behind; a
real unit has vacancies, newcomers and sick leave, so it falls behind below 100% too
(the baseline's 74% is about 90% of what its staff can actually carry).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..sim.params import Scenario

# above this share the queue may grow: the baseline's 74% is about 90% of what its
# staff actually carry, so a unit with usual vacancies, newcomers and sick leave carries
# roughly 80% of the nominal hours
TIGHT = 0.85
# a span of control this many standard deviations of manager support below the
# reference is noted before a run (the baseline's 20 staff per manager are -0.7)
SPAN_FAR_Z = -2.0


@dataclass(frozen=True)
class Load:
    demand_hours: float        # case hours a year the inflow brings
    capacity_hours: float      # client hours a year of the posts, all filled
    start_capacity_hours: float  # the same for the staff and consultants at the start

    @property
    def utilisation(self) -> float:
        return self.demand_hours / self.capacity_hours if self.capacity_hours else float("inf")

    @property
    def start_utilisation(self) -> float:
        return (self.demand_hours / self.start_capacity_hours if self.start_capacity_hours
                else float("inf"))

    @property
    def unstable(self) -> bool:
        return self.utilisation >= 1.0


def expected_load(sc: Scenario) -> Load:
    """Demand and capacity hours a year of the scenario's unit (see the module text)."""
    inv, ong = sc.cases.investigations, sc.cases.ongoing
    inv_hours = sum(c.share * c.hours for c in inv.complexity.values())
    ong_hours = sum(c.share * c.hours_per_week for c in ong.complexity.values())
    demand = (inv.arrivals_per_year * inv_hours
              + ong.arrivals_per_year * ong.mean_duration_weeks * ong_hours)
    wt = sc.work_time
    per_fte = max(0.0, wt.hours_per_week * wt.client_work_share
                  - wt.competence_hours_per_week - wt.recovery_hours_per_week
                  ) * wt.working_weeks_per_year
    posts = max(1, int(round(sc.unit.posts)))
    ini = sc.initial_state
    if ini.staff:
        staffed = sum(m.fte for m in ini.staff)
    elif ini.vacant_posts is not None:
        staffed = posts - int(round(ini.vacant_posts))
    else:
        staffed = int(round(ini.fill_share * posts))
    staffed += ini.consultants * sc.consultants.productivity
    return Load(demand, posts * per_fte, staffed * per_fte)


def span_z(sc: Scenario) -> tuple[float, float]:
    """The span of control with every post filled (staff per manager equivalent) and the
    manager-support z-score it gives (the staff measures add are left out)."""
    unit, ms = sc.unit, sc.dcs.manager_support
    span = unit.posts / (unit.managers + unit.team_leader_weight * unit.team_leaders)
    return span, -(span - ms.reference_span) / ms.span_per_sd


def span_far(sc: Scenario) -> bool:
    """Whether the span of control is far above the reference: manager support more
    than ``SPAN_FAR_Z`` standard deviations down (the managers do not grow with the
    posts, so a unit made larger with ``--set unit.posts`` alone lands here)."""
    return span_z(sc)[1] < SPAN_FAR_Z
