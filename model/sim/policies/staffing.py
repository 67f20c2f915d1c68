"""Staffing policies: overstaffing, specialists, admin support, smaller groups,
trainees and recruitment support.

Every measure that adds posts says, by ``management_per_post``, whether management grows
with them: the span of control counts the staff the measures add (specialists,
assistants, trainees; extra social-worker posts are in the slots) against the managers,
team leaders and the management added (``strain.span_of_control``), and the added
management is paid at ``economics.manager_salary_sek_per_month``.
"""

from __future__ import annotations

import math

from .base import Effects, Policy


def add_posts(fx: Effects, cfg, led_fte: float, posts: float) -> None:
    """``posts`` added by a measure, ``led_fte`` of them outside the slots: the staff a
    manager leads and the management added with them."""
    fx.extra_staff += led_fte
    fx.extra_managers += posts * cfg.management_per_post


def management_cost(policy: Policy, u, posts: float) -> float:
    """One week of the management added with ``posts``."""
    return policy.weekly_staff_cost(u, posts * policy.cfg.management_per_post,
                                    u.params.economics.manager_salary_sek_per_month)


class OverstaffingPolicy(Policy):
    """Open posts above the budget; their pay is booked as the policy's cost."""

    name = "overstaffing"

    @staticmethod
    def extra(cfg, posts: float) -> int:
        return int(math.ceil(cfg.extra_posts + cfg.extra_share * posts - 1e-9))

    def apply(self, u, fx: Effects) -> None:
        fx.extra_positions = int(round(self.fraction(u.env.now) * u.n_extra_positions))
        add_posts(fx, self.cfg, 0.0, fx.extra_positions)

    def cost_week(self, u, fx: Effects) -> float:
        return management_cost(self, u, fx.extra_positions)


class SpecialistsPolicy(Policy):
    """Specialists without own cases: mentoring, co-handling complex cases, reflection."""

    name = "specialists"

    def apply(self, u, fx: Effects) -> None:
        f = self.fraction(u.env.now)
        if f == 0:
            return
        c = self.cfg
        posts = c.posts * f
        fx.mentor_supply_h += posts * c.mentor_hours_per_week
        staff = max(int(u.staff.employees().sum()), 1)
        lift = min(1.0, c.complex_cohandling_share * posts * 20.0 / staff)
        fx.complex_demand_factor *= 1.0 - lift
        fx.support_boost += c.reflection_support_sd
        add_posts(fx, c, posts, posts)

    def cost_week(self, u, fx: Effects) -> float:
        posts = self.cfg.posts * self.fraction(u.env.now)
        return (self.weekly_staff_cost(u, posts, self.cfg.salary_sek_per_month)
                + management_cost(self, u, posts))


class AdminSupportPolicy(Policy):
    """Social assistants take administrative hours off the social workers."""

    name = "admin_support"

    def apply(self, u, fx: Effects) -> None:
        f = self.fraction(u.env.now)
        if f == 0:
            return
        staff = max(int(u.staff.employees().sum()), 1)
        wt = u.params.work_time
        admin_per_worker = wt.hours_per_week * (1 - wt.client_work_share)
        taken = self.cfg.assistants_fte * f * self.cfg.admin_hours_taken_per_fte / staff
        fx.admin_relief_h += min(taken, admin_per_worker) * wt.working_weeks_per_year / 52.0
        fte = self.cfg.assistants_fte * f
        add_posts(fx, self.cfg, fte, fte)

    def cost_week(self, u, fx: Effects) -> float:
        fte = self.cfg.assistants_fte * self.fraction(u.env.now)
        return (self.weekly_staff_cost(u, fte, self.cfg.salary_sek_per_month)
                + management_cost(self, u, fte))


class SmallerGroupsPolicy(Policy):
    """More team leaders: a smaller span of control, so more manager support."""

    name = "smaller_groups"

    def apply(self, u, fx: Effects) -> None:
        fx.extra_team_leaders += self.cfg.extra_team_leaders * self.fraction(u.env.now)

    def cost_week(self, u, fx: Effects) -> float:
        return self.weekly_staff_cost(u, self.cfg.extra_team_leaders * self.fraction(u.env.now),
                                       self.cfg.team_leader_salary_sek_per_month)


class TraineesPolicy(Policy):
    """Trainees: part-time students who do casework in proportion to their hours (their
    client hours times ``casework_share``, shared over the unit's workers) and from whom a
    share of graduate hires come, faster and already introduced (``model.sim.lifecycle``
    gives them ``years_in_unit_before_hire``)."""

    name = "trainees"

    def apply(self, u, fx: Effects) -> None:
        f = self.fraction(u.env.now)
        if f == 0:
            return
        c = self.cfg
        fx.trainee_share = c.graduate_hire_share
        fx.trainee_time_factor = c.time_to_hire_factor
        fte = c.trainee_fte * f
        staff = max(int(u.staff.employees().sum()), 1)
        fx.admin_relief_h += fte * u.phase_table.client_hours * c.casework_share / staff
        add_posts(fx, c, fte, fte)

    def cost_week(self, u, fx: Effects) -> float:
        fte = self.cfg.trainee_fte * self.fraction(u.env.now)
        return (self.weekly_staff_cost(u, fte, self.cfg.trainee_cost_sek_per_month)
                + management_cost(self, u, fte))


class RecruitmentSupportPolicy(Policy):
    """HR recruitment support: a faster hiring process and more applicants per post
    (the market then gives fewer failed rounds and more experienced hires)."""

    name = "recruitment_support"

    def apply(self, u, fx: Effects) -> None:
        if self.fraction(u.env.now) == 0:
            return
        fx.time_to_hire_factor *= self.cfg.time_to_hire_factor
        fx.applicant_factor *= self.cfg.applicant_factor

    def cost_week(self, u, fx: Effects) -> float:
        return self.weekly_staff_cost(u, self.cfg.hr_fte * self.fraction(u.env.now),
                                       self.cfg.hr_salary_sek_per_month)
