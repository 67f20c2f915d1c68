"""Calibration targets, the metrics that compute them, and the calibration itself.

A targets file lists targets, each with the scenario it applies to (relative to the
file), a metric the model can compute, the observed value, a tolerance and a source.
``calibrate`` fits chosen parameters of one scenario so that its targets are met: the
objective is the sum over its targets of ((simulated mean - value) / tolerance)^2,
estimated with common random numbers (the same seed and replications at every trial,
so the objective is a deterministic function of the parameters), and minimised with
``scipy.optimize`` (bounded scalar minimisation for one parameter, bounded Powell for
several). Targets the model cannot compute are refused with a clear message.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..config.scenario import format_validation_error, load_scenario, read_yaml
from ..errors import ScenarioError, UserError
from ..sim.entities import DAYS_PER_YEAR, WEEK
from ..sim.metrics import SUMMARY_KPIS
from . import mean_ci, run_scenario

# -- metrics ---------------------------------------------------------------------------

def _exit_rate_band(lo: float, hi: float) -> Callable:
    """Exits per person-year among staff with lo <= tenure < hi years, per replication."""
    col = {(0, 2): "tenure_lt2", (2, 5): "tenure_2to5", (5, 1e9): "tenure_5plus"}[(lo, hi)]

    def metric(tables) -> pd.Series:
        ts, ev = tables["timeseries"], tables["events"]
        exposure = ts.groupby("replication")[col].sum() * WEEK / DAYS_PER_YEAR
        ex = ev[(ev.event == "exit") & (ev.tenure_years >= lo) & (ev.tenure_years < hi)]
        n = ex.groupby("replication").size().reindex(exposure.index, fill_value=0)
        return n / exposure.where(exposure > 0)
    return metric


def _first_year_exit_share(tables) -> pd.Series:
    """Exits during the first window year per head at its start (a shock's toll)."""
    ts, ev = tables["timeseries"], tables["events"]
    start = ts[ts.week == ts.groupby("replication").week.transform("min")]
    head = start.set_index("replication").headcount
    n = ev[(ev.event == "exit") & (ev.year == 0)].groupby("replication").size()
    return n.reindex(head.index, fill_value=0) / head.where(head > 0)


def _consultant_share(tables) -> pd.Series:
    """Consultant full-time equivalents per budgeted post (the mean over the window)."""
    posts = tables["timeseries"].groupby("replication").posts_open.mean()
    fte = tables["summary"].set_index("replication").consultant_fte
    return fte / posts.reindex(fte.index).where(lambda p: p > 0)


METRICS: dict[str, Callable] = {
    **{k: (lambda key: (lambda tables: tables["summary"].set_index("replication")[key]))(k)
       for k in SUMMARY_KPIS},
    "exit_rate_lt2": _exit_rate_band(0, 2),
    "exit_rate_2to5": _exit_rate_band(2, 5),
    "exit_rate_5plus": _exit_rate_band(5, 1e9),
    "first_year_exit_share": _first_year_exit_share,
    "consultant_share": _consultant_share,
}


# -- targets -----------------------------------------------------------------------------

class Target(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
    name: str = Field(min_length=1, max_length=120)
    scenario: str = Field(min_length=1)
    metric: str
    value: float
    tolerance: float = Field(gt=0)
    source: str = ""


class Targets(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    targets: list[Target] = Field(min_length=1)


def load_targets(path: str | Path) -> tuple[list[Target], Path]:
    path = Path(path)
    data = read_yaml(path)
    try:
        spec = Targets.model_validate(data if isinstance(data, dict) else {"targets": data})
    except ValidationError as exc:
        raise ScenarioError(format_validation_error(exc, {}, str(path))) from None
    for i, t in enumerate(spec.targets):
        if t.metric not in METRICS:
            raise ScenarioError(f"{path}: field 'targets.{i}.metric': cannot compute target "
                                f"{t.name!r}: unknown metric {t.metric!r}; allowed: "
                                + ", ".join(METRICS))
        if not (path.parent / t.scenario).exists():
            raise ScenarioError(f"{path}: field 'targets.{i}.scenario': file not found: "
                                f"{path.parent / t.scenario}")
    return spec.targets, path.parent


# calibrate --turnover: the present turnover as the one target, met within one
# percentage point, by the baseline hazard searched over a wide range
TURNOVER_TOLERANCE = 0.01
TURNOVER_PARAMS = "attrition.baseline_hazard_per_year=0.005:0.5"


def turnover_target(scenario: Path, rate: float) -> Target:
    """The unit's present turnover (exits per mean headcount a year) as a target."""
    return Target(name="present turnover", scenario=str(scenario), metric="turnover_rate",
                  value=rate, tolerance=TURNOVER_TOLERANCE,
                  source="given with calibrate --turnover")


def plausible_range(current: tuple[float, float], report: pd.DataFrame,
                    replications: int) -> tuple[float, float] | None:
    """The turnover the uncertainty analysis's screen must let through for a unit fitted
    to a turnover target (``simulation.plausible_turnover``): its range widened, where
    needed, to the target's band plus two standard deviations of one run's turnover (the
    screen judges one run), so that the unit's own observed turnover is never screened
    out as implausible. None where the range already holds it."""
    rows = report[report["metric"] == "turnover_rate"] if "metric" in report else report[:0]
    if rows.empty:
        return None
    r = rows.iloc[0]
    one_run = (r.ci_high - r.ci_low) / (2 * 1.96) * math.sqrt(max(replications, 1))
    spread = r.tolerance + 2 * (one_run if math.isfinite(one_run) else 0.0)
    low = round(float(max(0.0, min(current[0], r.value - spread))), 3)
    high = round(float(max(current[1], r.value + spread)), 3)
    return None if (low, high) == (round(current[0], 3), round(current[1], 3)) else (low, high)


def targets_for(scenario: Path, targets: list[Target], base_dir: Path) -> list[Target]:
    """The targets that name ``scenario``; where none does, those of the nearest file it
    extends (``my_unit_now.yaml`` extending an import is fitted to the import's observed
    exits: what it adds, the posts and consultants of today, is the same unit)."""
    from ..config.scenario import source_files
    for path in source_files(scenario):
        key = Path(path).resolve()
        mine = [t for t in targets if (base_dir / t.scenario).resolve() == key]
        if mine:
            return mine
    return []


def evaluate(tables, targets: list[Target]) -> pd.DataFrame:
    """Simulated mean and 95% interval for each target; whether it is met."""
    rows = []
    for t in targets:
        values = METRICS[t.metric](tables).to_numpy(float)
        m, lo, hi = mean_ci(values)
        rows.append({"target": t.name, "metric": t.metric, "value": t.value,
                     "tolerance": t.tolerance, "simulated": m, "ci_low": lo, "ci_high": hi,
                     "met": bool(abs(m - t.value) <= t.tolerance) if math.isfinite(m)
                     else False, "source": t.source})
    return pd.DataFrame(rows)


# -- calibration ---------------------------------------------------------------------------

def parse_params(text: str | None, scenario) -> list[tuple[str, float, float]]:
    """``path[=low:high],...``; default bounds from the schema's assumption range, else
    half to twice the current value."""
    from ..config.paramdoc import leaves
    text = text or "attrition.baseline_hazard_per_year"
    ranges = {p: (info.json_schema_extra or {}).get("assumption_range")
              for p, info, _ in leaves()}
    current = scenario.model_dump(mode="json")
    out = []
    for item in [x.strip() for x in text.split(",") if x.strip()]:
        path, _, bounds = item.partition("=")
        from ..config.scenario import MISSING, get_path
        node = get_path(current, path, MISSING)
        if node is MISSING:
            raise UserError(f"--params {path}: not a parameter of the scenario")
        if not isinstance(node, (int, float)) or isinstance(node, bool):
            raise UserError(f"--params {path}: not a number (got {node!r})")
        if bounds:
            try:
                lo, hi = (float(x) for x in bounds.split(":"))
            except ValueError:
                raise UserError(f"--params {item}: bounds must be low:high") from None
        elif isinstance(ranges.get(path), list):
            lo, hi = ranges[path]
        else:
            lo, hi = 0.5 * node, 2.0 * node
        if not hi > lo:
            raise UserError(f"--params {item}: high must be greater than low")
        out.append((path, float(lo), float(hi)))
    return out


def calibrate(scenario_path: Path, overrides: list[str], targets: list[Target],
              params: list[tuple[str, float, float]], workers: int = 1,
              max_evaluations: int = 40, log: Callable[[dict], None] | None = None):
    """Fit ``params``; returns (best values, objective, report table, history)."""
    from scipy import optimize
    history = []

    def run(values):
        sets = [f"{p}={float(v)!r}" for (p, _, _), v in zip(params, values)]
        sc = load_scenario(scenario_path, overrides + sets)
        return run_scenario(sc, workers=workers)

    def objective(values):
        values = [min(max(v, lo), hi) for v, (_, lo, hi) in zip(values, params)]
        rep = evaluate(run(values), targets)
        z = ((rep.simulated - rep.value) / rep.tolerance).to_numpy(float)
        obj = float(np.sum(np.where(np.isfinite(z), z, 1e3) ** 2))
        history.append({**{p: v for (p, _, _), v in zip(params, values)}, "objective": obj})
        if log:
            log({"values": {p: v for (p, _, _), v in zip(params, values)}, "objective": obj})
        return obj

    if len(params) == 1:
        _, lo, hi = params[0]
        res = optimize.minimize_scalar(lambda x: objective([x]), bounds=(lo, hi),
                                       method="bounded",
                                       options={"maxiter": max_evaluations,
                                                "xatol": (hi - lo) * 1e-3})
        best = [float(res.x)]
    else:
        x0 = [(lo + hi) / 2 for _, lo, hi in params]
        res = optimize.minimize(objective, x0, method="Powell",
                                bounds=[(lo, hi) for _, lo, hi in params],
                                options={"maxfev": max_evaluations, "xtol": 1e-3})
        best = [float(v) for v in res.x]
    tables = run(best)
    report = evaluate(tables, targets)
    return best, float(objective(best)), report, pd.DataFrame(history)


def fit_turnover(scenario_path: Path, overrides: list[str], target: Target,
                 params: list[tuple[str, float, float]], workers: int = 1,
                 log: Callable[[dict], None] | None = None):
    """calibrate --turnover: the value of one parameter where the simulated turnover
    equals the target, with the break-even root-finder (Brent's method on the
    common-random-number estimate; turnover rises with the hazard). Returns (best
    values, report table)."""
    from . import breakeven
    if len(params) != 1:
        raise UserError("--turnover fits one parameter (--params with one path)")
    path, lo, hi = params[0]
    objective = breakeven.make_objective(str(scenario_path), overrides, path,
                                         "turnover_rate", target.value, None, 1.0, workers,
                                         log)
    res = breakeven.find_root(objective, lo, hi)
    if res.status != "root":
        raise breakeven.NoRoot(res, path, "turnover_rate", target.value)
    best = [res.root]
    sc = load_scenario(scenario_path, overrides + [f"{path}={res.root!r}"])
    return best, evaluate(run_scenario(sc, workers=workers), [target])
