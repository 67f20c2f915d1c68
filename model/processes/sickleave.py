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

import numpy as np

from .. import entities as wf
from .assignment import hand_over

DT_YEARS = wf.WEEK / wf.DAYS_PER_YEAR


def onsets(m) -> None:
    sl = m.p.sick_leave
    now = m.env.now
    u = m.rng["sick"].gen.random(m.n_slots)
    at_risk = m.employees() & (m.sick_until <= now)
    rr = np.where((m.zd > 0) & (m.zc < 0), sl.job_strain_rr, 1.0)
    p_long = 1.0 - np.exp(-sl.long_spells_per_year * rr * DT_YEARS)
    p_short = 1.0 - np.exp(-sl.short_spells_per_year * rr * DT_YEARS)
    starts = np.flatnonzero(at_risk & (u < p_long + p_short))
    if starts.size == 0:
        return
    d = m.rng["sick_duration"]
    for k in starts.tolist():
        long = u[k] < p_long[k]
        if long:
            days = 14.0 + d.exponential(max(sl.long_mean_days - 14.0, 1.0))
        else:
            days = min(14.0, max(1.0, d.exponential(sl.short_mean_days)))
        m.spell_start[k] = now
        m.sick_until[k] = now + days
        m.rec.event(m, "sick_start", k, "long" if long else "short", days)
        if days > sl.reassign_after_days:
            m.avail[k] = 0.0
            hand_over(m, k)
