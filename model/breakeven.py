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
[low, high]; a bracket without a sign change is refused. Its uncertainty comes from the
95% interval of the paired objective at the root, divided by the slope of a least-squares
line through all evaluations (delta
method): ``x* +/- half_width / |slope|``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy import optimize

from .errors import UserError
from .experiment import mean_ci, run_scenario
from .scenario import load_scenario

# evaluations of a search, for sizing it beforehand: the two bounds and Brent's steps
TYPICAL_EVALUATIONS = 12


@dataclass
class RootResult:
    root: float
    ci_low: float
    ci_high: float
    slope: float
    evaluations: list[dict] = field(default_factory=list)


def find_root(objective, low: float, high: float, xtol: float | None = None,
              maxiter: int = 30) -> RootResult:
    """Root of ``objective(x) -> (mean, ci_half_width)`` on [low, high].

    Raises UserError when the bracket holds no sign change.
    """
    if not high > low:
        raise UserError(f"--high ({high:g}) must be greater than --low ({low:g})")
    evals: list[dict] = []
    cache: dict[float, tuple[float, float]] = {}

    def f(x: float) -> float:
        if x not in cache:
            mean, half = objective(x)
            cache[x] = (mean, half)
            evals.append({"value": x, "objective": mean, "half_width": half})
        return cache[x][0]

    f_lo, f_hi = f(low), f(high)
    if not (math.isfinite(f_lo) and math.isfinite(f_hi)):
        raise UserError("the objective is undefined at the bounds")
    if f_lo == 0:
        return _result(low, evals, cache)
    if f_hi == 0:
        return _result(high, evals, cache)
    if (f_lo > 0) == (f_hi > 0):
        raise UserError(f"bounds do not bracket a root: objective is {f_lo:,.4g} at "
                        f"--low {low:g} and {f_hi:,.4g} at --high {high:g} (same sign); "
                        "widen the bounds")
    tol = xtol if xtol is not None else (high - low) * 1e-3
    root = optimize.brentq(f, low, high, xtol=tol, maxiter=maxiter)
    return _result(root, evals, cache)


def _result(root: float, evals: list[dict], cache) -> RootResult:
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
                      slope=float(slope), evaluations=evals)


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
    ``log`` receives one line per evaluation."""
    def objective(x: float) -> tuple[float, float]:
        sc = load_scenario(scenario_file, overrides + [f"{param}={x}"])
        s = run_scenario(sc, workers=workers)["summary"]
        m, half = paired_objective(target, value, base_summary, s, years)
        if log:
            log(f"  {param} = {x:,.6g}: objective {m:,.4g} (+/- {half:,.3g})")
        return m, half
    return objective


def target_label(target: str, value: float) -> str:
    if target == "net_cost_budget":
        return "net cost against the base = 0 (budget view: cash)"
    if target in COST_TARGETS:
        return "net cost against the base = 0 (economic view: cash + work lost)"
    return f"turnover rate = {value:g}"
