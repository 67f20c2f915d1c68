"""Salary ladders: supplements by experience, optional limited specialist steps.

A worker gets the highest step they qualify for (or, if ``cumulative``, the sum of all
steps reached). A limited step (``posts``) is held by at most that many eligible
workers, longest-serving first, for renewable terms of ``term_years``; holders gain
``career_control_gain`` control (a visible career path). Supplements raise pay, so
they shrink the gap to the market; they are booked as the policy's cost.
"""

from __future__ import annotations

import numpy as np

from ..entities import DAYS_PER_YEAR
from ..staff import weekly_pay
from .base import Effects, Policy


class SalaryLadderPolicy(Policy):
    name = "salary_ladder"

    def __init__(self, cfg, unit):
        super().__init__(cfg, unit)
        self.holders: dict[int, dict[int, float]] = {i: {} for i, s in enumerate(cfg.steps)
                                                    if s.posts}
        self.step_held = np.full(unit.n_slots, -1)   # highest step index held, per slot

    def supplements(self, u) -> np.ndarray:
        """SEK/month per slot under the ladder (without roll-out masking)."""
        now = u.env.now
        exper = u.staff.experience_years(u.env.now)
        tenure = u.staff.tenure_years(u.env.now)
        intro_done = tenure >= u.phase_table.intro_years
        emp = u.staff.employees()
        total = np.zeros(u.n_slots)
        best = np.zeros(u.n_slots)
        self.step_held = np.full(u.n_slots, -1)
        for i, st in enumerate(self.cfg.steps):
            ok = emp & (exper >= st.min_years)
            if st.max_years is not None:
                ok &= exper < st.max_years
            if st.after_introduction:
                ok &= intro_done
            if st.posts:
                ok = self._limited(u, i, st, ok, now)
            total += np.where(ok, st.supplement_sek_per_month, 0.0)
            higher = ok & (st.supplement_sek_per_month >= best)
            best = np.where(higher, st.supplement_sek_per_month, best)
            self.step_held = np.where(ok, i, self.step_held)
        return total if self.cfg.cumulative else best

    def _limited(self, u, i, st, eligible, now) -> np.ndarray:
        held = self.holders[i]
        wid = u.staff.wid
        # drop holders who left, lost eligibility, or whose term ended
        for w in list(held):
            slot = np.flatnonzero(u.staff.active & (wid == w))
            if slot.size == 0 or not eligible[slot[0]]:
                del held[w]
            elif st.term_years and now >= held[w]:
                held[w] = now + st.term_years * DAYS_PER_YEAR        # renewed while eligible
        free = st.posts - len(held)
        if free > 0:
            cand = [k for k in np.flatnonzero(eligible).tolist() if int(wid[k]) not in held]
            cand.sort(key=lambda k: (u.staff.hire_day[k], k))
            for k in cand[:free]:
                held[int(wid[k])] = now + (st.term_years or 1e9) * DAYS_PER_YEAR
        out = np.zeros(u.n_slots, bool)
        for w in held:
            out |= u.staff.active & (wid == w)
        return out

    def apply(self, u, fx: Effects) -> None:
        mask = self.mask(u)
        if not mask.any():
            return
        sup = self.supplements(u)
        fx.supplement += np.where(mask, sup, 0.0)
        limited = [i for i, s in enumerate(self.cfg.steps) if s.posts]
        if limited:
            holds = np.isin(self.step_held, limited) & mask
            fx.control_boost += np.where(holds, self.cfg.career_control_gain, 0.0)

    def cost_week(self, u, fx: Effects) -> float:
        emp = u.staff.employees()
        # supplements are pay: one week of them, with on-cost, over the employees' FTE
        return float(weekly_pay(float((fx.supplement[emp] * u.staff.fte[emp]).sum()), 1.0,
                                u.params.pay.employer_oncost))
