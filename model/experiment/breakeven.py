"""Break-even search: the value of one policy parameter at which a target is met.

The objective is a common-random-number estimate: every evaluation runs the same
replications (same seed) of the scenario with the parameter set to x, and compares them
pairwise with the same replications of the base. Targets:

* ``net_cost`` (or ``net_cost_economic``): mean paired net cost per year against the
  base is zero in the economic view (cash plus the value of work lost);
  ``net_cost_budget``: the same in the budget view (cash only);
* ``turnover_rate=V``: mean turnover rate equals V (for a parameter that lowers
  turnover as it grows and costs more, the root is the cheapest value meeting V).

The root is found with Brent's method (``scipy.optimize.brentq``) on the bracket
[low, high]. Without a sign change the search says so in words (``status = "none"``:
the objective keeps one sign across the range, e.g. no supplement between A and B pays
for itself). An objective of exactly zero at a bound means the scenario there equals
the base (common random numbers: e.g. a supplement of 0); that trivial root is not an
answer, and the search continues from a point just inside the range. Its uncertainty comes from the
95% interval of the paired objective at the root, divided by the slope of a least-squares
line through all evaluations (delta
method): ``x* +/- half_width / |slope|``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy import optimize

from ..config.scenario import load_scenario
from ..errors import UserError
from . import mean_ci, run_scenario

# evaluations of a search, for sizing it beforehand: the two bounds and Brent's steps
TYPICAL_EVALUATIONS = 12


PROBE_SHARE = 0.05   # where the search resumes after a trivial root at a bound


class NoRoot(UserError):
    """The search found no root in the range (``res.status == "none"``)."""

    def __init__(self, res: RootResult, param: str, target: str, value: float):
        super().__init__(f"no root of {param} in the range searched")
        self.res, self.param, self.target, self.value = res, param, target, value


@dataclass
class RootResult:
    root: float
    ci_low: float
    ci_high: float
    slope: float
    evaluations: list[dict] = field(default_factory=list)
    status: str = "root"          # "root", or "none": one sign across the range
    ends: tuple = ()              # (x, objective) at both ends of the range searched
    base_at: float | None = None  # a bound where the scenario equals the base (no answer)


def _is_base(mean: float, half: float) -> bool:
    """The scenario equals the base here: every paired difference is (numerically) zero."""
    return abs(mean) <= BASE_TOL and (not math.isfinite(half) or abs(half) <= BASE_TOL)


BASE_TOL = 1e-6   # SEK per year, or turnover: below any difference a policy makes


def find_root(objective, low: float, high: float, xtol: float | None = None,
              maxiter: int = 30) -> RootResult:
    """Root of ``objective(x) -> (mean, ci_half_width)`` on [low, high].

    A bound where the scenario equals the base (objective and its interval zero) is not
    taken as the root: the search goes on from a point just inside the range, and the
    result remembers that bound (``RootResult.base_at``). Raises UserError when the
    bounds are reversed.
    """
    if not high > low:
        raise UserError(f"--high ({high:g}) must be greater than --low ({low:g})")
    evals: list[dict] = []
    cache: dict[float, tuple[float, float]] = {}

    def f(x: float) -> float:
        if x not in cache:
            mean, half = objective(x)
            if _is_base(mean, half):
                mean = 0.0
            cache[x] = (mean, half)
            evals.append({"value": x, "objective": mean, "half_width": half})
        return cache[x][0]

    tol = xtol if xtol is not None else (high - low) * 1e-3
    f_lo, f_hi = f(low), f(high)
    if not (math.isfinite(f_lo) and math.isfinite(f_hi)):
        raise UserError("the objective is undefined at the bounds")
    # an exact zero at a bound is the base itself (common random numbers): search on
    # from a point just inside
    base_at = None
    if f_lo == 0 and f_hi != 0:
        base_at = low
        low = low + PROBE_SHARE * (high - low)
        f_lo = f(low)
    elif f_hi == 0 and f_lo != 0:
        base_at = high
        high = high - PROBE_SHARE * (high - low)
        f_hi = f(high)
    if f_lo == 0 and f_hi == 0:
        return _none(low, high, evals, cache, base_at)
    if f_lo == 0 or f_hi == 0:
        return _result(low if f_lo == 0 else high, evals, cache, base_at)
    if (f_lo > 0) == (f_hi > 0):
        return _none(low, high, evals, cache, base_at)
    root = optimize.brentq(f, low, high, xtol=tol, maxiter=maxiter)
    return _result(root, evals, cache, base_at)


def _none(low, high, evals, cache, base_at=None) -> RootResult:
    """No sign change in the range searched: the answer is that fact."""
    evals.sort(key=lambda e: e["value"])
    return RootResult(root=math.nan, ci_low=math.nan, ci_high=math.nan, slope=math.nan,
                      evaluations=evals, status="none",
                      ends=((low, cache[low][0]), (high, cache[high][0])), base_at=base_at)


def _result(root: float, evals: list[dict], cache, base_at=None) -> RootResult:
    xs = np.array(sorted(cache))
    ys = np.array([cache[x][0] for x in xs])
    # slope: least-squares line through all evaluations (the common-random-number
    # objective is a step function, so a local secant would be noise)
    slope = float(np.polyfit(xs, ys, 1)[0]) if xs.size >= 2 else math.nan
    near = min(cache, key=lambda x: abs(x - root))
    half = cache[near][1]
    if math.isfinite(slope) and slope != 0 and math.isfinite(half):
        d = half / abs(slope)
        lo, hi = root - d, root + d
    else:
        lo = hi = math.nan
    evals.sort(key=lambda e: e["value"])
    return RootResult(root=float(root), ci_low=float(lo), ci_high=float(hi),
                      slope=float(slope), evaluations=evals, base_at=base_at)


COST_TARGETS = {"net_cost": "economic_cost_sek", "net_cost_economic": "economic_cost_sek",
                "net_cost_budget": "total_cost_sek"}


def parse_target(text: str) -> tuple[str, float]:
    """``net_cost`` (economic view), ``net_cost_budget`` or ``turnover_rate=VALUE``."""
    if text in COST_TARGETS:
        return text, 0.0
    name, sep, raw = text.partition("=")
    if name == "turnover_rate" and sep:
        try:
            value = float(raw)
        except ValueError:
            value = math.nan
        if not 0 <= value <= 5:
            raise UserError(f"--target {text}: turnover_rate must be a number in [0, 5]")
        return "turnover_rate", value
    raise UserError(f"--target {text}: allowed: net_cost (economic view), net_cost_budget "
                    "or turnover_rate=VALUE")


def paired_objective(target: str, value: float, base_summary, summary, years: float):
    """(mean, 95% half-width) of the objective from per-replication summaries."""
    if target in COST_TARGETS:
        column = COST_TARGETS[target]
        b = base_summary.set_index("replication")[column]
        s = summary.set_index("replication")[column]
        common = s.index.intersection(b.index)
        d = ((s.loc[common] - b.loc[common]) / years).to_numpy(float)
    else:
        d = summary.turnover_rate.to_numpy(float) - value
    m, lo, hi = mean_ci(d)
    return m, (hi - lo) / 2 if math.isfinite(lo) else math.nan


def make_objective(scenario_file: str, overrides: list[str], param: str, target: str,
                   value: float, base_summary, years: float, workers: int = 1,
                   log=None):
    """The objective of the search: x -> (mean, 95% half-width) of the paired target
    with ``param`` set to x in the scenario file (overrides: the base's settings).
    ``log`` receives each evaluation (param, value, objective, half_width)."""
    def objective(x: float) -> tuple[float, float]:
        sc = load_scenario(scenario_file, overrides + [f"{param}={x}"])
        s = run_scenario(sc, workers=workers)["summary"]
        m, half = paired_objective(target, value, base_summary, s, years)
        if log:
            log({"param": param, "value": x, "objective": m, "half_width": half})
        return m, half
    return objective
