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

from ..params.base import MAX_POSTS, NonNeg, P, PosFloat, Share
from .base import Effects, Policy, PolicyBase, PolicySpec


def management_per_post():
    """The field every measure that adds posts declares: management added with them."""
    return P(0.0, "manager equivalents per post", "Management added with each post the "
             "measure adds (0: the unit's managers lead them too; 1/15 = one manager per 15 "
             "posts, the reference span).", assumption=(0, 0.067), le=1, decision=True,
             sv="Ledning som tillkommer med varje tjänst som åtgärden lägger till (0: "
                "enhetens chefer leder även dem; 1/15 = en chef per 15 tjänster, "
                "referensspannet).")

# ---------------------------------------------------------------------------
# the schema


class Overstaffing(PolicyBase):
    """Posts above the budgeted need to absorb vacancies and absence (Umeå)."""

    extra_posts: float = P(0, "FTE posts", "Posts added above the budget.",
                           source="Umeå practice; Kiruna proposal (DOMAIN.md); size "
                                  "assumption 0-10%", ge=0, le=MAX_POSTS,
                           sv="Tjänster utöver budget.")
    extra_share: Share = P(0.0, "share of posts", "Posts added as a share of the budget "
                           "(added to extra_posts).", assumption=(0, 0.15),
                           sv="Tjänster utöver budget som andel av budgeten (läggs till extra "
                              "tjänster).", decision=True)
    management_per_post: NonNeg = management_per_post()


class Specialists(PolicyBase):
    """Specialist social workers without own cases (Umeå 4, Uppsala 8, Kiruna 2)."""

    posts: float = P(2, "FTE", "Specialist posts.", source="Kiruna proposal 2; Umeå 4; "
                     "Uppsala 8 (DOMAIN.md)", ge=0, le=100,
                     sv="Specialisttjänster utan egna ärenden.")
    mentor_hours_per_week: NonNeg = P(10, "hours/week", "Mentoring each specialist gives.",
                                      assumption=(5, 20), le=40,
                                      sv="Mentorstimmar per vecka som varje specialist ger.",
                                      decision=True)
    complex_cohandling_share: Share = P(0.3, "share", "Share of the complex-case demand "
                                        "lifted from case holders per specialist per 20 "
                                        "staff (co-handling), capped at 1.",
                                        assumption=(0.1, 0.5),
                                        sv="Andel av kraven från komplexa ärenden som lyfts "
                                           "från ärendeägarna per specialist och 20 medarbetare "
                                           "(samhandläggning), högst 1.")
    reflection_support_sd: NonNeg = P(0.2, "SD", "Colleague-support gain for everyone from "
                                      "specialist-led reflection.", assumption=(0, 0.4), le=5,
                                      sv="Ökning av kollegialt stöd för alla genom reflektion "
                                         "som specialisten leder.")
    salary_sek_per_month: NonNeg = P(44_000, "SEK/month", "Specialist salary (experienced "
                                     "salary + L4-type supplement).",
                                     assumption=(41_000, 48_000), le=1e6, decision=True,
                                     sv="Specialistens lön (erfaren lön plus ett tillägg som "
                                        "L4).")
    management_per_post: NonNeg = management_per_post()


class AdminSupport(PolicyBase):
    """Social assistants who take tasks that need no exercise of authority."""

    assistants_fte: float = P(2, "FTE", "Social assistants (administrators) added.",
                              source="Södertälje, Krokom (DOMAIN.md); size assumption",
                              ge=0, le=100,
                              sv="Socialassistenter som tar uppgifter utan myndighetsutövning.")
    admin_hours_taken_per_fte: NonNeg = P(30, "hours/week", "Administrative hours one "
                                          "assistant takes off the social workers.",
                                          assumption=(20, 35), le=40,
                                          sv="Administrativa timmar per vecka som en assistent "
                                             "tar över från socialsekreterarna.")
    salary_sek_per_month: NonNeg = P(30_000, "SEK/month", "Assistant salary.",
                                     assumption=(27_000, 33_000), le=1e6, decision=True,
                                     sv="Assistentens lön.")
    management_per_post: NonNeg = management_per_post()


class SmallerGroups(PolicyBase):
    """More team leaders: smaller span of control (Södertälje)."""

    extra_team_leaders: int = P(2, "persons", "Team leaders added.",
                                source="Södertälje (DOMAIN.md); number assumption", ge=0,
                                le=100,
                                sv="Gruppledare som läggs till.")
    team_leader_salary_sek_per_month: NonNeg = P(45_000, "SEK/month", "Team leader salary.",
                                                 assumption=(42_000, 50_000), le=1e6, decision=True,
                                                 sv="Arbetsledarens lön.")


class Trainees(PolicyBase):
    """Student employees / trainees who start pre-introduced (Värmdö, Krokom...)."""

    trainee_fte: float = P(2, "FTE", "Trainee FTE employed (part-time students).",
                           assumption=(1, 4), ge=0, le=100,
                           sv="Anställda studenter/traineer.", decision=True)
    trainee_cost_sek_per_month: NonNeg = P(25_000, "SEK/month per FTE", "Trainee wage.",
                                           assumption=(20_000, 30_000), le=1e6, decision=True,
                                           sv="Lön för en trainee.")
    graduate_hire_share: Share = P(0.6, "share", "Share of new-graduate hires who come "
                                   "from the trainee pool (pre-introduced, faster hire).",
                                   assumption=(0.3, 0.9),
                                   sv="Andel av nyexaminerade som anställs ur traineepoolen.")
    time_to_hire_factor: PosFloat = P(0.5, "factor", "Time-to-hire of a trainee hire "
                                      "relative to an open recruitment.",
                                      assumption=(0.3, 0.8), le=1,
                                      sv="Tid till anställning för en trainee jämfört med en "
                                         "öppen rekrytering.")
    casework_share: Share = P(0.4, "share of a full worker's client hours", "Casework a "
                              "trainee FTE does (co-handling, simpler tasks), net of the "
                              "supervision it needs; shared over the unit.",
                              assumption=(0.2, 0.6),
                              sv="Ärendearbete som en trainee på heltid gör (samhandläggning, "
                                 "enklare uppgifter), netto efter den handledning den behöver; "
                                 "delas över enheten.")
    years_in_unit_before_hire: NonNeg = P(1.0, "years", "Calendar time a trainee hire has "
                                          "already spent in the unit as a part-time student "
                                          "(the trainee period). Värmdö: 'i princip alla' "
                                          "trainees stayed.",
                                          assumption=(0.5, 2), le=10, decision=True,
                                          sv="Kalendertid som en trainee redan har varit i "
                                             "enheten som deltidsanställd student "
                                             "(traineeperioden).")
    days_per_week: float = P(1.0, "days/week", "Days a week a trainee works in the unit; "
                             "tenure in the unit and professional experience accrue for "
                             "the days worked (years in the unit x days/5), so a trainee "
                             "hire starts that far into the introduction and knows the "
                             "unit and its manager that much.",
                             source="Värmdö (seed 001): a 'timanställning med möjlighet att "
                                    "arbeta minst en dag per vecka'; range assumption",
                             interval=(1.0, 2.5), gt=0, le=5,
                             sv="Dagar i veckan som en trainee arbetar i enheten; "
                                "anställningstid och yrkeserfarenhet räknas för de dagar som "
                                "arbetas.")
    management_per_post: NonNeg = management_per_post()


class RecruitmentSupport(PolicyBase):
    """HR recruitment support: faster, better hiring (Stockholm Spånga-Tensta)."""

    time_to_hire_factor: PosFloat = P(0.7, "factor", "Time-to-hire relative to today: "
                                      "HR runs adverts, screening and references (the "
                                      "process, not the market).",
                                      assumption=(0.5, 0.9), le=1,
                                      sv="Rekryteringstid jämfört med i dag.")
    applicant_factor: PosFloat = P(1.43, "factor", "Applicants per advertised post "
                                   "relative to today (active sourcing, employer "
                                   "branding); 1.43 halves failed rounds of today's unit "
                                   "(0.2 -> 0.1).", assumption=(1.0, 2.0), le=10,
                                   sv="Sökande per annonserad tjänst jämfört med i dag (aktiv "
                                      "rekrytering, arbetsgivarvarumärke).")
    hr_fte: float = P(0.5, "FTE", "HR recruiter time bought.", assumption=(0.25, 1), ge=0,
                      le=10,
                      sv="Köpt tid av HR-rekryterare.", decision=True)
    hr_salary_sek_per_month: NonNeg = P(42_000, "SEK/month", "HR recruiter salary.",
                                        assumption=(38_000, 46_000), le=1e6, decision=True,
                                        sv="Lön för HR-rekryteraren.")


# ---------------------------------------------------------------------------
# the behaviour


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
    share of graduate hires come, faster and part-way through their introduction
    (``model.sim.lifecycle`` credits them the days they worked as trainees)."""

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


# the policies this module declares (see ``registry``)
POLICIES = (
    PolicySpec(Overstaffing, OverstaffingPolicy, order=40,
               levers=("extra_posts", "extra_share")),
    PolicySpec(Specialists, SpecialistsPolicy, order=60,
               levers=("posts", "mentor_hours_per_week")),
    PolicySpec(AdminSupport, AdminSupportPolicy, order=70,
               levers=("assistants_fte",)),
    PolicySpec(SmallerGroups, SmallerGroupsPolicy, order=80,
               levers=("extra_team_leaders",)),
    PolicySpec(Trainees, TraineesPolicy, order=110,
               levers=("trainee_fte", "graduate_hire_share")),
    PolicySpec(RecruitmentSupport, RecruitmentSupportPolicy, order=120,
               levers=("hr_fte", "time_to_hire_factor")),
)
