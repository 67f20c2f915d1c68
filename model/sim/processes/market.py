"""The recruitment market: how many suitable applicants an advertised post draws, and
what follows from it.

Suitable applicants per round are Poisson with mean ``mu = mu0 * A``, where
``mu0 = -ln(failure_probability)`` (a round of today's unit, ``A = 1``, finds nobody
with the scenario's failure probability) and the unit's attractiveness is

    ln A = ln R_pay * pay / 1000 + ln R_rep * (turnover_52w - reference) / 0.10
           + ln effort

* ``pay``: what the unit pays above its own salary scale, SEK/month, mean over its
  employees: supplements of the measures in force plus the worth of paid time off
  client work (competence, recovery; ``pay.paid_time_value_share``). The scenario's
  scale is today's: at no measure the term is 0.
* ``turnover_52w``: exits in the last 52 weeks per budgeted post (reputation); at
  ``reference_turnover`` (today's ~22%) the term is 0.
* ``effort``: recruitment effort bought by a measure (``applicant_factor``).

From ``A`` follow, with no further knob:

* a failed round: ``P = exp(-mu) = failure_probability ** A``;
* the time to hire: the drawn time x ``A ** -time_to_hire_elasticity``;
* the experience mix: each applicant is experienced with probability ``e`` and an
  experienced one is hired when there is one, so a successful round hires a graduate
  with ``(exp(-mu e) - exp(-mu)) / (1 - exp(-mu))``; ``e`` is set so that at ``A = 1``
  this is ``new_graduate_share``;
* former employees (left by resignation or outside pull within
  ``returner_window_years``) each apply with probability ``returner_apply_per_round``
  x ``A`` (capped at 1); they are among the experienced applicants, and one who
  applies is preferred when the hire is experienced (so the graduate share stays as
  above).

Consultants are not touched here: fewer empty post-days follow from faster, surer
hiring and from fewer exits.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from ..entities import DAYS_PER_YEAR, WEEK

TURNOVER_STEP = 0.10     # the reputation ratio is per 10 percentage points


class Former(NamedTuple):
    """A former employee who may come back."""
    exit_day: float
    experience: float     # years at exit
    age: float            # years at exit
    fte: float


class Offer(NamedTuple):
    """What the market gives a round that ends now."""
    attractiveness: float
    failure: float                  # probability that the round finds nobody
    graduate_share: float           # probability that a successful round hires a graduate
    returner: float                 # probability that a former employee is hired


def pay_above_scale(u) -> float:
    """SEK/month the unit pays above its scale, mean over its employees: supplements and
    the worth of paid time off client work."""
    emp = u.staff.employees()
    if not emp.any():
        return 0.0
    fx = u.fx
    extra = (np.broadcast_to(fx.supplement, emp.shape)[emp]
             + fx.time_value()[emp] * u.staff.salary[emp])
    return float(extra.mean())


def recent_turnover(u) -> float:
    """Exits in the last 52 weeks per budgeted post."""
    since = u.env.now - 52 * WEEK
    n = sum(1 for d in u.exit_days_52w if d > since)
    return n / max(u.n_base_positions, 1)


def attractiveness(u) -> float:
    """The unit's attractiveness ``A`` (1 for today's unit on average)."""
    m = u.params.recruitment.market
    ln_a = (math.log(m.applicants_per_1000_sek) * pay_above_scale(u) / 1000.0
            + math.log(m.applicants_per_10pp_turnover)
            * (recent_turnover(u) - m.reference_turnover) / TURNOVER_STEP
            + math.log(u.fx.applicant_factor))
    return math.exp(min(max(ln_a, -20.0), 20.0))


def time_factor(u) -> float:
    """Time to hire relative to today's unit."""
    el = u.params.recruitment.market.time_to_hire_elasticity
    return attractiveness(u) ** -el


def graduate_share(mu: float, e: float) -> float:
    """P(a graduate is hired | at least one applicant) with Poisson(mu) applicants, each
    experienced with probability ``e``."""
    if mu <= 0:
        return 1.0 - e
    return (math.exp(-mu * e) - math.exp(-mu)) / -math.expm1(-mu)


def experienced_probability(p0: float, g0: float) -> float:
    """``e`` such that at ``mu0 = -ln p0`` a successful round hires a graduate with
    ``g0``."""
    mu0 = -math.log(p0)
    return -math.log(g0 * (1.0 - p0) + p0) / mu0


def offer(u, pool_size: int) -> Offer:
    """The market's answer to a round ending now, with ``pool_size`` former employees
    who may return."""
    hiring = u.params.recruitment
    a = attractiveness(u)
    p0, g0 = hiring.failure_probability, hiring.new_graduate_share
    if 0.0 < p0 < 1.0:
        fail = p0 ** a
        grad = graduate_share(-math.log(p0) * a, experienced_probability(p0, g0))
    else:                  # no market signal in a sure (or hopeless) round
        fail, grad = p0, g0
    q = min(1.0, hiring.market.returner_apply_per_round * a)
    returner = 1.0 - (1.0 - q) ** pool_size if pool_size else 0.0
    return Offer(a, fail, grad, returner)


def former_pool(u) -> list[Former]:
    """The former employees who may still return (older ones are dropped)."""
    window = u.params.recruitment.market.returner_window_years * DAYS_PER_YEAR
    while u.former and u.former[0].exit_day < u.env.now - window:
        u.former.popleft()
    return list(u.former)
