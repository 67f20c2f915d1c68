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
from ..jit import kernel
from .assignment import hand_over

DT_YEARS = wf.WEEK / wf.DAYS_PER_YEAR


def onsets(m) -> None:
    sl = m.p.sick_leave
    now = m.env.now
    u = m.rng["sick"].gen.random(m.n_slots)
    code = np.zeros(m.n_slots, np.int8)
    if not _onsets(now, m.active, m.consultant, m.sick_until, m.zd, m.zc, u,
                   sl.job_strain_rr, sl.long_spells_per_year, sl.short_spells_per_year,
                   DT_YEARS, code):
        return
    starts = np.flatnonzero(code)
    d = m.rng["sick_duration"]
    for k in starts.tolist():
        long = code[k] == LONG
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


SHORT, LONG = 1, 2


@kernel
def _onsets(now, active, consultant, sick_until, zd, zc, u, strain_rr, long_rate,
            short_rate, dt, code):
    n = 0
    for k in range(active.size):
        if not active[k] or consultant[k] or sick_until[k] > now:
            continue
        rr = strain_rr if zd[k] > 0 and zc[k] < 0 else 1.0
        p_long = 1.0 - np.exp(-long_rate * rr * dt)
        p_short = 1.0 - np.exp(-short_rate * rr * dt)
        if u[k] < p_long + p_short:
            code[k] = LONG if u[k] < p_long else SHORT
            n += 1
    return n
