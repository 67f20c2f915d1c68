"""Retention policies: small objects the model consults every week.

Each policy acts only through the model's mechanisms (client hours, competence and
recovery time, pay, control, support, mentoring, span of control, caseload, case
inflow, recruitment); none sets turnover directly. Each books its own costs in the
ledger under ``policy_<name>``. A policy starts ``start_year`` years into the
statistics window and can roll out group by group: workers are split into groups by
post (slot modulo groups) and group g starts ``g * interval_months`` later; unit-level
measures (assistants, team leaders, specialists...) scale with the share of groups
started.

Each family module declares its policies beside their schema and behaviour
(``base.PolicySpec``); ``registry`` gathers them in their order.
"""

from __future__ import annotations

from ..entities import WEEK
from .base import Effects, Policy, PolicySpec, vec
from .registry import REGISTRY, SPECS

__all__ = ["Effects", "Policy", "PolicySpec", "REGISTRY", "SPECS", "build", "update",
           "book_costs", "vec"]


def build(unit) -> list[Policy]:
    """The policy objects of a scenario, in a fixed order."""
    out = []
    for spec in SPECS:
        cfg = getattr(unit.params.policies, spec.key)
        if cfg is not None:
            out.append(spec.behaviour(cfg, unit))
    return out


# effects are recomputed from this close before a policy's next change (days): the
# day computed for a threshold may differ from the day a tenure reaches it by rounding
CHANGE_MARGIN = 1e-6


def update(u) -> None:
    """The week's effects from every policy in force (without policies the neutral
    effects built with the unit stay as they are). They are recomputed only when they
    may have changed: a post was filled or emptied since they were computed, or a
    policy's next change (``Policy.next_change``: a roll-out group starting, a holder
    crossing a tenure threshold) has come. Otherwise the week keeps the effects, and
    the kernels' tuples built from them (``Effects.tuple_of``), of the week before."""
    if not u.policies:
        return
    now = u.env.now
    if u.staff.version == u.fx_version and now + CHANGE_MARGIN < u.fx_until:
        return
    fx = Effects(u.n_slots, u.params)
    for pol in u.policies:
        pol.apply(u, fx)
    u.fx = fx
    u.fx_version = u.staff.version
    u.fx_until = min(pol.next_change(u) for pol in u.policies)


def book_costs(u) -> None:
    """Book each policy's own costs for the week just ended (in the statistics window)."""
    if not u.ledger.in_window(u.env.now):
        return
    start = u.env.now - WEEK
    for pol in u.policies:
        sek = pol.cost_week(u, u.fx)
        if sek:
            u.ledger.add(start, f"policy_{pol.name}", sek)
