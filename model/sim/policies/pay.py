"""Salary ladders: supplements by experience, optional limited specialist steps.

A worker gets the highest step they qualify for (or, if ``cumulative``, the sum of all
steps reached). A limited step (``posts``) is held by at most that many eligible
workers, longest-serving first, for renewable terms of ``term_years``; holders gain
``career_control_gain`` control (a visible career path). Supplements raise pay, so
they shrink the gap to the market; they are booked as the policy's cost.
"""

from __future__ import annotations

import numpy as np
from pydantic import Field, field_validator, model_validator

from ..entities import DAYS_PER_YEAR
from ..params.base import NonNeg, P, Strict
from ..staff import weekly_pay
from .base import Effects, LeverSpec, Policy, PolicyBase, PolicySpec

# ---------------------------------------------------------------------------
# the schema


class LadderStep(Strict):
    name: str = Field(min_length=1, max_length=60)
    min_years: float = Field(default=0, ge=0, le=60, description="Total experience from "
                             "which the step applies.")
    max_years: float | None = Field(default=None, gt=0, le=60, description="Experience at "
                                    "which the step ends (null: no end).")
    after_introduction: bool = Field(default=False, description="Only after the "
                                     "introduction phase.")
    # no unit of its own (the lever gives one): a label names the unit in its words
    supplement_sek_per_month: float = P(..., "", "Added to the monthly salary, SEK.",
                                        sv="Lönetrappa: tillägg till månadslönen i steget, "
                                           "kr.", ge=0, le=1e6)
    posts: int | None = Field(default=None, ge=1, le=1000, description="Limited number of "
                              "posts at this step (specialist posts); null = everyone "
                              "eligible.")
    term_years: float | None = Field(default=None, gt=0, le=20, description="Term of a "
                                     "limited post (renewable while eligible).")

    @model_validator(mode="after")
    def _range(self):
        if self.max_years is not None and self.max_years <= self.min_years:
            raise ValueError(f"step {self.name}: max_years must be > min_years")
        return self


class SalaryLadder(PolicyBase):
    """Salary supplements by experience (Umeå, Krokom, Jönköping, Österåker)."""

    steps: tuple[LadderStep, ...] = P(
        None, "table", "Supplement steps; a worker gets the highest step they qualify for. "
        "Default: Umeå L1-L4.", source="Umeå ladder (DOMAIN.md): L1 +1,000 (max 1 year); "
        "L2 +1,000 after introduction; L3 +1,500 at >= 5 y; L4 +1,500 at >= 7 y, 4 posts, "
        "2-year terms",
        default_factory=lambda: (
            LadderStep(name="L1", min_years=0, max_years=1, supplement_sek_per_month=1000),
            LadderStep(name="L2", min_years=0, after_introduction=True,
                       supplement_sek_per_month=1000),
            LadderStep(name="L3", min_years=5, supplement_sek_per_month=1500),
            LadderStep(name="L4", min_years=7, supplement_sek_per_month=1500, posts=4,
                       term_years=2)),
        sv="Steg med lönetillägg; en medarbetare får det högsta steg hen uppfyller. Standard: "
           "Umeås L1–L4.")
    cumulative: bool = P(False, "flag", "Supplements add up over the steps reached "
                         "(true) or only the highest applies (false).",
                         assumption="ladder design choice",
                         sv="Tilläggen adderas över de steg som nåtts (sant) eller bara det "
                            "högsta gäller (falskt).")
    career_control_gain: NonNeg = P(0.1, "control index", "Control gained by holders of a "
                                    "limited specialist step (a visible career path).",
                                    assumption=(0, 0.2), le=1,
                                    sv="Kontroll som vinns av dem som har ett begränsat "
                                       "specialiststeg (en synlig karriärväg).")

    @field_validator("steps")
    @classmethod
    def _steps(cls, v):
        if not v:
            raise ValueError("a salary ladder needs at least one step")
        for a, b in zip(v, v[1:]):
            if b.min_years < a.min_years:
                raise ValueError(f"ladder thresholds must not decrease ({b.name}: "
                                 f"{b.min_years:g} after {a.name}: {a.min_years:g})")
        return v


# ---------------------------------------------------------------------------
# the behaviour


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
        # the slot of each worker in post (worker ids are unique among them)
        slot_of = dict(zip(wid[u.staff.active].tolist(),
                           np.flatnonzero(u.staff.active).tolist()))
        # drop holders who left, lost eligibility, or whose term ended
        for w in list(held):
            k = slot_of.get(w)
            if k is None or not eligible[k]:
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
        out[[slot_of[w] for w in held if w in slot_of]] = True
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

    def next_change(self, u) -> float:
        steps = self.cfg.steps
        years = [s.min_years for s in steps] + [s.max_years for s in steps
                                                 if s.max_years is not None]
        out = min(super().next_change(u), self.next_crossing(u, years, experience=True))
        if any(s.after_introduction for s in steps):
            out = min(out, self.next_crossing(u, [u.phase_table.intro_years]))
        return out

    def cost_week(self, u, fx: Effects) -> float:
        emp = u.staff.employees()
        # supplements are pay: one week of them, with on-cost, over the employees' FTE
        return float(weekly_pay(float((fx.supplement[emp] * u.staff.fte[emp]).sum()), 1.0,
                                u.params.pay.employer_oncost))


# the policies this module declares (see ``registry``)
POLICIES = (
    PolicySpec(SalaryLadder, SalaryLadderPolicy, order=30,
               levers=(LeverSpec("steps.*.supplement_sek_per_month", "SEK/month"),)),
)
