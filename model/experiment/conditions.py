"""What must be true for a working-time option: the value of one of its parameters
(the productivity gain, or the redesign share) at which it stops raising turnover and
the backlog against the base.

For every scenario with a ``working_time`` policy and every metric in ``METRICS``,
the paired mean difference ``metric(option with parameter = x) - metric(base)`` over
common-random-number replications is the objective; its zero on ``[low, high]`` is
found with the break-even machinery (``model.experiment.breakeven.find_root``: Brent's method,
with a 95% interval from the objective's interval over its slope). Every value of
``x`` is run once and serves both metrics.

The table (``conditions.parquet`` in a result directory), one row per option and
metric:

* ``scenario``, ``parameter`` (e.g. ``productivity_gain``), ``metric``
  (``turnover_rate``; ``mean_queue``: cases waiting for a handler, the backlog);
* ``status``: ``root`` (the option stops raising the metric at ``value``),
  ``always`` (it does not raise it anywhere in the range: the condition holds at
  ``low``), ``never`` (it raises it across the whole range);
* ``value``, ``ci_low``, ``ci_high``: the threshold and its 95% interval (NaN unless
  ``root``; ``value`` is ``low`` for ``always``);
* ``current``: the option's own value of the parameter; ``holds``: whether that
  value meets the condition (at or above the threshold);
* ``low``, ``high``, ``objective_low``, ``objective_high``: the range searched and
  the paired difference at both ends;
* ``evaluations``, ``replications``, ``years``: runs behind the row (evaluations of
  the option, shared by its metrics; replications per evaluation; statistics years).
"""

from __future__ import annotations

import math

import pandas as pd

from ..sim.params import Scenario
from . import run_on_pool, run_scenario
from .breakeven import find_root
from .intervals import mean_ci

FILE = "conditions.parquet"
METRICS = ("turnover_rate", "mean_queue")
RANGES = {"productivity_gain": (0.0, 0.35), "redesign_share": (0.0, 1.0)}
SEARCH_YEARS = 5.0        # statistics years per evaluation (after the base's warm-up)
COLUMNS = ["scenario", "parameter", "metric", "status", "value", "ci_low", "ci_high",
           "current", "holds", "low", "high", "objective_low", "objective_high",
           "evaluations", "replications", "years"]


def working_time_options(scenarios: list[Scenario]) -> list[Scenario]:
    """The scenarios that use a working-time policy."""
    return [sc for sc in scenarios if sc.policies.working_time is not None]


def with_parameter(sc: Scenario, parameter: str, x: float) -> Scenario:
    """``sc`` with its working-time ``parameter`` set to ``x``."""
    data = sc.model_dump(mode="json")
    data["policies"]["working_time"][parameter] = float(x)
    return Scenario.model_validate(data)


def _horizon(sc: Scenario, base: Scenario, replications: int,
             years: float | None = None) -> Scenario:
    """``sc`` on the base's seed and warm-up, with ``replications`` and ``years``
    (default: the base's)."""
    data = sc.model_dump(mode="json")
    data["simulation"] = {**base.simulation.model_dump(mode="json"),
                          "replications": replications}
    if years is not None:
        data["simulation"]["years"] = float(years)
    return Scenario.model_validate(data)


def _paired(summary: pd.DataFrame, base: pd.DataFrame, metric: str) -> tuple[float, float]:
    s = summary.set_index("replication")[metric]
    b = base.set_index("replication")[metric]
    common = s.index.intersection(b.index)
    m, lo, hi = mean_ci((s.loc[common] - b.loc[common]).to_numpy(float))
    return m, (hi - lo) / 2 if math.isfinite(lo) else math.nan


def threshold_rows(base: Scenario, option: Scenario, parameter: str = "productivity_gain",
                   replications: int = 4, workers: int = 1, xtol: float | None = None,
                   base_summary: pd.DataFrame | None = None, log=None,
                   years: float | None = None) -> list[dict]:
    """The rows of one option: for every metric, the value of ``parameter`` at which
    the option stops raising it against ``base`` (``base_summary``: the base's runs on
    the same horizon, if already made)."""
    low, high = RANGES[parameter]
    option = _horizon(option, base, replications, years)
    if base_summary is None:
        base_summary = run_scenario(_horizon(base, base, replications, years),
                                    workers=workers)["summary"]
    runs: dict[float, pd.DataFrame] = {}

    def summary_at(x: float) -> pd.DataFrame:
        if x not in runs:
            runs[x] = run_scenario(with_parameter(option, parameter, x),
                                   workers=workers)["summary"]
            if log:
                log(f"  {option.name}: {parameter} = {x:.4g}")
        return runs[x]

    current = float(getattr(option.policies.working_time, parameter))
    rows = []
    for metric in METRICS:
        res = find_root(lambda x, m=metric: _paired(summary_at(x), base_summary, m),
                        low, high, xtol=xtol if xtol is not None else (high - low) / 12)
        at_low = _paired(summary_at(low), base_summary, metric)[0]
        at_high = _paired(summary_at(high), base_summary, metric)[0]
        if res.status == "root":
            status, value, lo, hi = "root", res.root, res.ci_low, res.ci_high
        elif at_low <= 0:
            status, value, lo, hi = "always", low, math.nan, math.nan
        else:
            status, value, lo, hi = "never", math.nan, math.nan, math.nan
        holds = status == "always" or (status == "root" and current >= value)
        rows.append({"scenario": option.name, "parameter": parameter, "metric": metric,
                     "status": status, "value": value, "ci_low": lo, "ci_high": hi,
                     "current": current, "holds": holds, "low": low, "high": high,
                     "objective_low": at_low, "objective_high": at_high,
                     "evaluations": len(runs), "replications": replications,
                     "years": option.simulation.years})
    return rows


def what_must_be_true(base: Scenario, scenarios: list[Scenario],
                      parameter: str = "productivity_gain", replications: int = 4,
                      workers: int = 1, xtol: float | None = None, log=None,
                      years: float | None = SEARCH_YEARS) -> pd.DataFrame:
    """The conditions table (see the module docstring) for every working-time option
    among ``scenarios``, against ``base`` with the base's seed and warm-up over
    ``years`` (None: the base's horizon); ``log`` receives one line per evaluation.

    The default (4 replications, 5 years, a tolerance of 1/12 of the range) keeps it
    to about ten runs of 4 replications per option: a threshold to about +/- 0.03 in
    productivity gain, enough to say whether the option's own value meets it."""
    if parameter not in RANGES:
        raise ValueError(f"parameter must be one of {sorted(RANGES)}")
    options = working_time_options(scenarios)
    rows: list[dict] = []
    if options:
        base_summary = run_scenario(_horizon(base, base, replications, years),
                                    workers=workers)["summary"]
        if workers > 1 and len(options) > 1 and log is None:
            # the options' searches are independent: one per worker at a time, each
            # serial (a search's evaluations are a few short replications, too small
            # to share out), so no worker waits between evaluations
            found: dict[int, list[dict]] = {}
            run_on_pool(min(workers, len(options)),
                        [(_option_rows, (i, base.model_dump_json(), opt.model_dump_json(),
                                         parameter, replications, xtol, base_summary,
                                         years)) for i, opt in enumerate(options)],
                        lambda res: found.__setitem__(*res))
            rows = [row for i in range(len(options)) for row in found[i]]
        else:
            for option in options:
                rows += threshold_rows(base, option, parameter, replications, workers,
                                       xtol, base_summary, log, years)
    return pd.DataFrame(rows, columns=COLUMNS)


def _option_rows(i, base_json, option_json, parameter, replications, xtol, base_summary,
                 years):
    """Worker: one option's rows, its search run serially."""
    return i, threshold_rows(Scenario.model_validate_json(base_json),
                             Scenario.model_validate_json(option_json), parameter,
                             replications, 1, xtol, base_summary, None, years)
