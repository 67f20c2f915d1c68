"""Sick leave: spells whose rate rises in job strain.

Each week an employee who is not already sick starts a short spell (at most 14 days,
exponential length) or a long spell (14 days plus an exponential tail) with weekly
probabilities ``1 - exp(-rate * RR * 7/365)``, where ``RR`` is ``job_strain_rr`` if
the worker was in job strain last week (demand above and control below the
reference, Karasek's high-strain quadrant) and 1 otherwise. An absent worker has no
hours; present colleagues cover part of the absent load (see ``strain``). A spell
longer than ``reassign_after_days`` hands the worker's cases to colleagues.
"""

from __future__ import annotations

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


class SickCoefficients(NamedTuple):
    job_strain_rr: float
    long_per_year: float       # long spells per employee-year at RR 1
    short_per_year: float      # short spells per employee-year at RR 1
    dt: float                  # years per week


def sick_coefficients(sl) -> SickCoefficients:
    return coefficients(SickCoefficients, job_strain_rr=sl.job_strain_rr,
                        long_per_year=sl.long_spells_per_year,
                        short_per_year=sl.short_spells_per_year, dt=DT_YEARS)


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
        rr = q.job_strain_rr if w.zd[k] > 0 and w.zc[k] < 0 else 1.0
        p_long = 1.0 - np.exp(-q.long_per_year * rr * q.dt)
        p_short = 1.0 - np.exp(-q.short_per_year * rr * q.dt)
        if draw[k] < p_long + p_short:
            code[k] = LONG if draw[k] < p_long else SHORT
            n += 1
    return n
