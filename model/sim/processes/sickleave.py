"""Sick leave: spells whose rate rises with strain and exhaustion and falls with
the manager's support (dose-response, not yes/no).

Each week an employee who is not already sick starts a short spell (at most 14 days,
exponential length) or a long spell (14 days plus an exponential tail) with weekly
probabilities ``1 - exp(-rate * RR * 7/365)``, where

    ln RR_short = b_strain (z_d - z_c) + ln(RR_exh_short) * exhaustion
    ln RR_long  = b_strain (z_d - z_c) + ln(RR_exh_long) * exhaustion - b_lead z_m

(z-scores of last week; ``z_m`` the worker's own manager support). The slopes come from
the contrasts the sources report between groups:

* ``b_strain = ln(job_strain_rr) / K_strain``: Amiri & Behnezhad compare the high-strain
  quadrant (demand above, control below the median) with the rest. For independent
  standard-normal z-scores the mean of ``z_d - z_c`` in the quadrant minus its mean
  outside it is ``K_strain = 2 sqrt(2/pi) (1 + 1/3)`` = 2.13 SD.
* ``b_lead = ln(low_leadership_rr) / K_lead``: the Danish registers compare low
  leadership quality (the lowest ``q`` of workers) with the rest; for a standard-normal
  z-score ``K_lead = phi(x_q) / (q (1 - q))`` SD, ``x_q`` the q-quantile (1.69 SD for
  the lowest quarter).

The reference rates are set so that the baseline unit keeps its calibrated sick leave.
An absent worker has no hours; present colleagues cover part of the absent load (see
``strain``). A spell longer than ``reassign_after_days`` hands the worker's cases to
colleagues.
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import NamedTuple

import numpy as np

from ..entities import DAYS_PER_YEAR, WEEK
from ..jit import coefficients, entry
from .assignment import hand_over

DT_YEARS = WEEK / DAYS_PER_YEAR
SHORT, LONG = 1, 2


class SickColumns(NamedTuple):
    """Staff columns the onset pass reads."""
    active: np.ndarray
    consultant: np.ndarray
    sick_until: np.ndarray
    zd: np.ndarray
    zc: np.ndarray
    zm: np.ndarray
    exh: np.ndarray


class SickCoefficients(NamedTuple):
    b_strain: float            # log rate per SD of demand minus control
    b_exh_long: float          # log rate of long spells per unit of exhaustion
    b_exh_short: float         # log rate of short spells per unit of exhaustion
    b_lead: float              # log rate of long spells per SD less manager support
    long_per_year: float       # long spells per employee-year at RR 1
    short_per_year: float      # short spells per employee-year at RR 1
    dt: float                  # years per week


# mean of z_d - z_c in the high-strain quadrant minus its mean outside (standard normals)
K_STRAIN = 2.0 * math.sqrt(2.0 / math.pi) * (1.0 + 1.0 / 3.0)


def leadership_contrast(q: float) -> float:
    """Mean z-score of the top ``1 - q`` minus that of the lowest ``q`` (standard
    normal), SD."""
    nd = NormalDist()
    return nd.pdf(nd.inv_cdf(q)) / (q * (1.0 - q))


def sick_coefficients(sl) -> SickCoefficients:
    return coefficients(
        SickCoefficients, b_strain=math.log(sl.job_strain_rr) / K_STRAIN,
        b_exh_long=math.log(sl.exhaustion_rr_long),
        b_exh_short=math.log(sl.exhaustion_rr_short),
        b_lead=math.log(sl.low_leadership_rr) / leadership_contrast(sl.low_leadership_share),
        long_per_year=sl.long_spells_per_year, short_per_year=sl.short_spells_per_year,
        dt=DT_YEARS)


def onsets(u) -> None:
    """The week's new spells (logged); a spell longer than ``reassign_after_days``
    hands the worker's cases to colleagues at once."""
    sl = u.params.sick_leave
    now = u.env.now
    st = u.staff
    draw = u.rng["sick"].gen.random(u.n_slots)
    code = np.zeros(u.n_slots, np.int8)
    if not _onsets(float(now), u.views[SickColumns], u.sick_coef, draw, code):
        return
    d = u.rng["sick_duration"]
    for k in np.flatnonzero(code).tolist():
        long = code[k] == LONG
        if long:
            days = 14.0 + d.exponential(max(sl.long_mean_days - 14.0, 1.0))
        else:
            days = min(14.0, max(1.0, d.exponential(sl.short_mean_days)))
        st.spell_start[k] = now
        st.sick_until[k] = now + days
        u.recorder.event(u, "sick_start", k, "long" if long else "short", days)
        if long:
            u.ledger.book_long_spell(u)
        if days > sl.reassign_after_days:
            hand_over(u, k)


@entry
def _onsets(now, w, q, draw, code):
    n = 0
    for k in range(w.active.size):
        if not w.active[k] or w.consultant[k] or w.sick_until[k] > now:
            continue
        ls = q.b_strain * (w.zd[k] - w.zc[k])
        lp_long = min(ls + q.b_exh_long * w.exh[k] - q.b_lead * w.zm[k], 50.0)
        lp_short = min(ls + q.b_exh_short * w.exh[k], 50.0)
        p_long = 1.0 - np.exp(-q.long_per_year * np.exp(lp_long) * q.dt)
        p_short = 1.0 - np.exp(-q.short_per_year * np.exp(lp_short) * q.dt)
        if draw[k] < p_long + p_short:
            code[k] = LONG if draw[k] < p_long else SHORT
            n += 1
    return n
