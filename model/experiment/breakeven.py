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
from ..present.console import plain
from . import mean_ci, run_scenario

# evaluations of a search, for sizing it beforehand: the two bounds and Brent's steps
TYPICAL_EVALUATIONS = 12


PROBE_SHARE = 0.05   # where the search resumes after a trivial root at a bound


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


WORDS = {
    "interval": {"en": "95 % interval", "sv": "95 % intervall"},
    "cut": {"en": " (cut at the range searched)", "sv": " (avgränsat till sökintervallet)"},
    "how": {"en": "({n} evaluations; the interval is the objective's 95 % interval at the root "
                  "divided by its slope)",
            "sv": "({n} beräkningar; intervallet är målfunktionens 95 % intervall vid roten "
                  "delat med dess lutning)"},
    "base_at": {"en": "At {x} the measure is not in effect (the scenario equals the base): "
                      "that zero is not an answer; the search went on from {y}.",
                "sv": "Vid {x} verkar åtgärden inte (scenariot är lika med basen): den nollan "
                      "är inget svar; sökningen fortsatte från {y}."},
    "pos": {"en": "The net cost stays positive across the range: no value of {p} between {a} "
                  "and {b} pays for itself;",
            "sv": "Nettokostnaden är positiv i hela intervallet: inget värde på {p} mellan {a} "
                  "och {b} betalar sig självt;"},
    "neg": {"en": "The net cost stays negative across the range: every value of {p} between "
                  "{a} and {b} saves money;",
            "sv": "Nettokostnaden är negativ i hela intervallet: varje värde på {p} mellan {a} "
                  "och {b} sparar pengar;"},
    "ends": {"en": "net cost {fa} per year at {a} and {fb} per year at {b} ({view}).",
             "sv": "nettokostnad {fa} per år vid {a} och {fb} per år vid {b} ({view})."},
    "economic": {"en": "economic view", "sv": "personalekonomisk kalkyl"},
    "budget": {"en": "budget view", "sv": "budget (kassaflöde)"},
    "turnover": {"en": "Turnover stays {side} {v} across the range: no value of {p} between {a} "
                       "and {b} meets the target;",
                 "sv": "Personalomsättningen ligger {side} {v} i hela intervallet: inget värde "
                       "på {p} mellan {a} och {b} når målet;"},
    "above": {"en": "above", "sv": "över"}, "below": {"en": "below", "sv": "under"},
    "t_ends": {"en": "turnover {fa} at {a} and {fb} at {b}.",
               "sv": "personalomsättning {fa} vid {a} och {fb} vid {b}."},
}


def _w(key: str, lang: str, **kw) -> str:
    return WORDS[key][lang].format(**kw)


def _num(v: float, lang: str) -> str:
    text = plain(v)
    return text.replace(",", " ").replace(".", ",") if lang == "sv" else text


def _kr(v: float, lang: str) -> str:
    from ..present.console_text import fmt
    return fmt(v, "sek", lang)


def describe(res: RootResult, param: str, target: str, value: float,
             lang: str = "en") -> list[str]:
    """What the search found, in words (English or Swedish)."""
    n = lambda v: _num(v, lang)    # noqa: E731
    lines = []
    if res.status == "root":
        xs = [e["value"] for e in res.evaluations]
        lo, hi = max(res.ci_low, min(xs)), min(res.ci_high, max(xs))
        clipped = (lo, hi) != (res.ci_low, res.ci_high)
        lines += [f"  {param} = {n(res.root)}  {_w('interval', lang)} [{n(lo)}, {n(hi)}]"
                  + (_w("cut", lang) if clipped else ""),
                  "  " + _w("how", lang, n=len(res.evaluations))]
    else:
        (a, fa), (b, fb) = res.ends
        if target in COST_TARGETS:
            view = _w("budget" if target == "net_cost_budget" else "economic", lang)
            lines += ["  " + _w("pos" if fa > 0 else "neg", lang, p=param, a=n(a), b=n(b)),
                      "  " + _w("ends", lang, fa=_kr(fa, lang), a=n(a), fb=_kr(fb, lang),
                                b=n(b), view=view)]
        else:
            v = n(value)
            lines += ["  " + _w("turnover", lang, side=_w("above" if fa > 0 else "below", lang),
                                v=v, p=param, a=n(a), b=n(b)),
                      "  " + _w("t_ends", lang, fa=n(round(fa + value, 3)), a=n(a),
                                fb=n(round(fb + value, 3)), b=n(b))]
    if res.base_at is not None:
        start = min((e["value"] for e in res.evaluations if e["value"] != res.base_at),
                    key=lambda v: abs(v - res.base_at))
        lines.append("  " + _w("base_at", lang, x=n(res.base_at), y=n(start)))
    return lines


def heading(name: str, target: str, value: float, sim, lang: str = "en") -> str:
    """The first line of the printed result."""
    if lang == "sv":
        return (f"Nollpunkt för {name} ({target_label(target, value, lang)}), "
                f"{sim.replications} parvisa replikeringar × {_num(sim.years, lang)} år, "
                f"slumpfrö {sim.seed}:")
    return (f"Break-even for {name} ({target_label(target, value)}), {sim.replications} "
            f"paired replications × {sim.years:g} years, seed {sim.seed}:")


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
    ``log`` receives one line per evaluation."""
    def objective(x: float) -> tuple[float, float]:
        sc = load_scenario(scenario_file, overrides + [f"{param}={x}"])
        s = run_scenario(sc, workers=workers)["summary"]
        m, half = paired_objective(target, value, base_summary, s, years)
        if log:
            log(f"  {param} = {plain(x)}: objective {plain(m)} (± {plain(half)})")
        return m, half
    return objective


def target_label(target: str, value: float, lang: str = "en") -> str:
    sv = lang == "sv"
    if target == "net_cost_budget":
        return ("nettokostnad mot basen = 0 (budget: kassaflöde)" if sv
                else "net cost against the base = 0 (budget view: cash)")
    if target in COST_TARGETS:
        return ("nettokostnad mot basen = 0 (personalekonomisk: kassaflöde + förlorat arbete)"
                if sv else "net cost against the base = 0 (economic view: cash + work lost)")
    return (f"personalomsättning = {_num(value, lang)}" if sv
            else f"turnover rate = {value:g}")
