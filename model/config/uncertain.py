"""Uncertainty in the assumptions: which parameters are uncertain, their distributions,
and a scenario with one draw of them (probabilistic sensitivity analysis, PSA).

A leaf parameter of the schema is *uncertain* when it carries a documented range (an
assumption's ``assumption=(low, high)`` or a source's ``interval=(low, high)``, see
``model.sim.params.base.P``) and is not a ``decision`` (what the municipality chooses
or knows: the unit's size and inflow, a measure's size and price, the horizon). Its
distribution is PERT over the range with the mode at the scenario's own value (a
scenario that sets a value states its best estimate), or uniform where declared; a
scenario file may restate any of them in its ``uncertainty`` block.

A draw is a vector of quantiles ``u`` in (0, 1), one per parameter path, shared by every
option of a comparison (common random numbers for parameters, as the random streams are
for chance): option *s* takes the value ``F_s^-1(u)`` of its own distribution. Each
path's quantiles come from their own stream seeded by (seed, path), so a parameter's
draws do not depend on which other parameters or options are in the comparison; the
quantiles of one path form a Latin hypercube column (stratified over the draws).

Held fixed (not drawn), and said so in docs/MODEL.md: whole tables (phases, tenure
bands, salary steps), integers, and distributions other than a mean's range.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel
from scipy.special import betaincinv

from ..errors import ScenarioError
from ..sim.params import Scenario
from ..sim.params.base import bound_problem, field_info_at
from .fields import leaves

DISTS = ("pert", "uniform")
PERT_WEIGHT = 4.0          # the classic PERT: Beta with shape 1 + 4 (mode - a) / (b - a)


@dataclass(frozen=True)
class Uncertain:
    """One uncertain parameter as the schema declares it."""

    path: str
    low: float
    high: float
    dist: str = "pert"
    basis: str = "assumption"      # or "source": a source's interval


def _range_of(extra: dict) -> tuple[tuple[float, float] | None, str]:
    if extra.get("interval"):
        return tuple(extra["interval"]), "source"
    rng = extra.get("assumption_range")
    if isinstance(rng, list):
        return (float(rng[0]), float(rng[1])), "assumption"
    return None, ""


def declared() -> list[Uncertain]:
    """Every uncertain parameter of the schema, in schema order."""
    out = []
    for path, info, value in leaves():
        extra = info.json_schema_extra or {}
        rng, basis = _range_of(extra)
        if extra.get("decision") or rng is None:
            continue
        if isinstance(value, BaseModel) and hasattr(value, "mean"):
            path += ".mean"            # a distribution: its mean is uncertain
        elif isinstance(value, bool) or not isinstance(value, float):
            continue                   # tables, integers, texts: held fixed
        out.append(Uncertain(path, float(rng[0]), float(rng[1]),
                             extra.get("dist", "pert"), basis))
    return out


def _get(obj, path: str):
    for part in path.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def specs_for(scenario: Scenario) -> list[Uncertain]:
    """The uncertain parameters present in ``scenario`` (a measure's parameters only
    where it uses the measure), with the scenario's own ``uncertainty`` block applied;
    a parameter the block marks ``fixed`` is left out."""
    own = dict(scenario.uncertainty)
    out = []
    for u in declared():
        if _get(scenario, u.path) is None:
            continue
        spec = own.pop(u.path, None)
        if spec is None:
            out.append(u)
        elif spec.dist != "fixed":
            out.append(Uncertain(u.path, spec.low if spec.low is not None else u.low,
                                 spec.high if spec.high is not None else u.high, spec.dist,
                                 "scenario"))
    for path, spec in own.items():      # a parameter the schema holds fixed
        if spec.dist != "fixed" and _get(scenario, path) is not None:
            out.append(Uncertain(path, spec.low, spec.high, spec.dist, "scenario"))
    return out


def quantiles(paths: list[str], draws: int, seed: int) -> dict[str, np.ndarray]:
    """Per path, ``draws`` quantiles in (0, 1): a Latin hypercube column from the
    path's own stream (seed, path)."""
    out = {}
    for path in paths:
        rng = np.random.default_rng([int(seed) % 2**63, zlib.crc32(path.encode())])
        out[path] = (rng.permutation(draws) + rng.random(draws)) / draws
    return out


def value_at(u: float, spec: Uncertain, mode: float) -> float:
    """The value at quantile ``u`` of the parameter's distribution."""
    a, b = spec.low, spec.high
    if not b > a:
        return a
    if spec.dist == "uniform":
        return float(a + (b - a) * u)
    m = min(max(mode, a), b)
    alpha = 1 + PERT_WEIGHT * (m - a) / (b - a)
    beta = 1 + PERT_WEIGHT * (b - m) / (b - a)
    return float(a + (b - a) * betaincinv(alpha, beta, u))


def draw_values(scenario: Scenario, u: dict[str, float]) -> dict[str, float]:
    """Parameter values of one draw for ``scenario`` (its uncertain parameters that ``u``
    has a quantile for)."""
    return {s.path: value_at(u[s.path], s, float(_get(scenario, s.path)))
            for s in specs_for(scenario) if s.path in u}


def with_values(scenario: Scenario, values: dict[str, float]) -> Scenario:
    """The scenario with these parameter values (validated again: a draw never makes an
    invalid scenario without saying so)."""
    data = scenario.model_dump(mode="python")
    for path, value in values.items():
        node = data
        *head, last = path.split(".")
        for part in head:
            node = node[part]
        node[last] = value
    try:
        return Scenario.model_validate(data)
    except ValueError as exc:      # pydantic's ValidationError is a ValueError
        first = str(exc).splitlines()
        raise ScenarioError(f"{scenario.name}: a draw of the uncertain parameters "
                            f"({', '.join(sorted(values))}) makes the scenario invalid: "
                            f"{first[2].strip() if len(first) > 2 else first[0]}") from None


def mean_of(spec: Uncertain, mode: float) -> float:
    """The distribution's mean (PERT: (a + 4 m + b) / 6)."""
    if spec.dist == "uniform":
        return (spec.low + spec.high) / 2
    m = min(max(mode, spec.low), spec.high)
    return (spec.low + PERT_WEIGHT * m + spec.high) / (PERT_WEIGHT + 2)


def describe(scenarios: list[Scenario]) -> list[dict]:
    """One row per (scenario, uncertain parameter): range, distribution, mode, basis."""
    rows = []
    for sc in scenarios:
        for s in specs_for(sc):
            mode = float(_get(sc, s.path))
            rows.append({"scenario": sc.name, "parameter": s.path, "dist": s.dist,
                         "low": s.low, "mode": min(max(mode, s.low), s.high),
                         "high": s.high, "basis": s.basis})
    return rows


def check_declarations() -> None:
    """Refuse (one line, naming the field) a declared range outside its parameter's
    bounds; run by the tests and by ``validate``."""
    for u in declared():
        info = field_info_at(Scenario, u.path)
        for lo, hi in [(u.low, u.high)]:
            problem = bound_problem(info, lo, hi) if info is not None else None
            if problem:
                raise ScenarioError(f"schema: field '{u.path}': its range {lo:g}-{hi:g} "
                                    f"{problem}")
