"""The levers of the what-if app and the scenarios they make.

A lever is a parameter path: the unit, assumption and run levers from this module's own
table, a measure's levers as its policy declares them beside its schema and behaviour
(``model.sim.policies``, each family's ``POLICIES``). The browser sends only lever keys
and numbers, never a path or YAML text. Its unit, help text, allowed bounds and
documented assumption range come from the scenario schema (``model.sim.params``); every
value is validated by the schema before anything runs.

A what-if is the base with the unit and assumption levers applied, and the same base
with one measure's changes (its difference to the base it was written against) and its
lever values on top. Base and option share seed, horizon and replications, so the
comparison uses common random numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from annotated_types import Ge, Gt, Le, Lt
from pydantic import BaseModel

from ...config.scenario import _model_in, apply_override, deep_merge, get_path, validate_data
from ...errors import ScenarioError
from ...sim.params import Scenario
from ...sim.policies import SPECS
from ..dashboard.brief import KEY_ASSUMPTIONS
from .limits import MAX_REPLICATIONS, MAX_YEARS, MIN_REPLICATIONS  # noqa: F401 - the caps

UNIT_PATHS = ("unit.posts", "cases.investigations.arrivals_per_year",
              "cases.ongoing.arrivals_per_year")


@dataclass(frozen=True)
class Lever:
    """One adjustable parameter: its key (sent by the browser), path, group (``measure``,
    ``unit``, ``assumption`` or ``run``) and what the schema says about it."""

    key: str
    path: str
    group: str
    unit: str
    help: str
    low: float | None               # allowed (inclusive unless low_open)
    high: float | None
    low_open: bool
    integer: bool
    plausible: tuple[float, float] | None     # documented assumption range
    source: str


def _bounds(info) -> tuple[float | None, float | None, bool]:
    low = high = None
    low_open = False
    for m in info.metadata:
        if isinstance(m, Ge):
            low = float(m.ge)
        elif isinstance(m, Gt):
            low, low_open = float(m.gt), True
        elif isinstance(m, Le):
            high = float(m.le)
        elif isinstance(m, Lt):
            high = float(m.lt)
    return low, high, low_open


def field_info(path: str):
    """The pydantic field of a parameter path (list items by index)."""
    model: type[BaseModel] | None = Scenario
    info = None
    for part in path.split("."):
        if part.isdigit():
            continue
        if model is None or part not in model.model_fields:
            raise KeyError(path)
        info = model.model_fields[part]
        model = _model_in(info.annotation)
    if info is None:
        raise KeyError(path)
    return info


def make_lever(path: str, group: str, key: str | None = None,
               unit: str | None = None) -> Lever:
    """The lever of ``path``; ``unit`` where the schema field has none."""
    info = field_info(path)
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    low, high, low_open = _bounds(info)
    rng = extra.get("assumption_range")
    plausible = (float(rng[0]), float(rng[1])) if isinstance(rng, list) else None
    return capped(Lever(key=key or path, path=path, group=group,
                        unit=str(extra.get("unit") or unit or ""),
                        help=info.description or "", low=low, high=high,
                        low_open=low_open, integer=info.annotation is int,
                        plausible=plausible, source=str(extra.get("source") or "")))


def assumption_levers() -> list[Lever]:
    """The key unsourced assumptions the brief names, those that are single numbers."""
    out = []
    for path in KEY_ASSUMPTIONS:
        lever = make_lever(path, "assumption")
        if lever.plausible is not None and value_of(Scenario(), lever) is not None:
            out.append(lever)
    return out


def unit_levers() -> list[Lever]:
    return [make_lever(p, "unit") for p in UNIT_PATHS]


def capped(lever: Lever, low: float | None = None, high: float | None = None) -> Lever:
    """``lever`` with the app's own bounds, its documented range cut to them: the page
    shows, and the check allows, the same range."""
    low = lever.low if low is None else low
    high = lever.high if high is None else high
    plausible = lever.plausible
    if plausible is not None:
        lo, hi = plausible
        lo = lo if low is None else max(lo, low)
        hi = hi if high is None else min(hi, high)
        plausible = (lo, hi) if lo <= hi else None
    return Lever(**{**lever.__dict__, "low": low, "high": high, "plausible": plausible})


def run_levers() -> list[Lever]:
    """Horizon and replications, capped for the app (the command line's ``app --years``
    and ``--replications`` take the same caps, model.present.app.limits)."""
    return [capped(make_lever("simulation.years", "run"), high=float(MAX_YEARS)),
            capped(make_lever("simulation.replications", "run"),
                   low=float(MIN_REPLICATIONS), high=float(MAX_REPLICATIONS))]


def measure_levers(option: Scenario) -> list[Lever]:
    """The levers of the measures an option uses, as each policy declares them."""
    out = []
    for spec in SPECS:
        block = getattr(option.policies, spec.key)
        if block is None:
            continue
        out += [make_lever(f"policies.{spec.key}.{path}", "measure", unit=lever.unit)
                for lever in spec.levers for path in lever.paths(block)]
    return out


def value_of(scenario: Scenario | dict, lever: Lever) -> float | None:
    data = scenario if isinstance(scenario, dict) else scenario.model_dump(mode="json")
    v = get_path(data, lever.path)
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


# -- building scenarios -------------------------------------------------------------

def difference(data: dict, base: dict) -> dict:
    """What ``data`` changes against ``base``: differing keys, blocks merged key by key,
    lists and distributions whole (as a scenario file's ``extends`` would merge it)."""
    out = {}
    for key, value in data.items():
        if key in ("name", "title", "description"):
            continue
        other = base.get(key)
        if isinstance(value, dict) and isinstance(other, dict) and "dist" not in value:
            sub = difference(value, other)
            if sub:
                out[key] = sub
        elif value != other:
            out[key] = value
    return out


def number(value: Any, label: str) -> float:
    """A finite number from the browser, or a one-line error naming the lever."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScenarioError(f"{label}: got {value!r}; must be a number")
    if not math.isfinite(value):
        raise ScenarioError(f"{label}: got {value}; must be a finite number")
    return float(value)


def apply_levers(data: dict, levers: list[Lever], values: dict[str, Any], label: str,
                 names: dict[str, str]) -> Scenario:
    """``data`` with the lever values set, validated by the schema. ``names``: the
    levers' labels in the reader's language, used in error messages."""
    origin: dict = {}
    for lever in levers:
        if lever.key not in values:
            continue
        name = f"{names.get(lever.key, lever.path)} ({lever.path})"
        v = number(values[lever.key], name)
        if lever.integer:
            if v != int(v):
                raise ScenarioError(f"{name}: got {v:g}; must be a whole number")
            v = int(v)
        data = apply_override(data, tuple(lever.path.split(".")), v, origin, name)
    return validate_data(data, origin, label)


@dataclass(frozen=True)
class Measure:
    """A measure of the catalogue or of a results directory: its name, title data and
    what it changes against the base it was written for."""

    name: str
    texts: dict                    # {"name", "title", "description"} for model.present.texts
    delta: dict


def measure_from(scenario: Scenario, written_for: Scenario) -> Measure:
    data = scenario.model_dump(mode="json")
    return Measure(name=scenario.name,
                   texts={k: data.get(k) for k in ("name", "title", "description")},
                   delta=difference(data, written_for.model_dump(mode="json")))


def build(base: Scenario, measure: Measure | None, values: dict[str, Any],
          names: dict[str, str], option_name: str = "what_if") -> tuple[Scenario, Scenario]:
    """(base, option) of one what-if, both validated, with equal simulation settings."""
    common = unit_levers() + assumption_levers() + run_levers()
    data = base.model_dump(mode="json")
    new_base = apply_levers(data, common, values, "what-if base", names)
    opt_data = deep_merge(base.model_dump(mode="json"), measure.delta if measure else {},
                          {}, "measure")
    opt_data = {**opt_data, "name": option_name,
                **({"title": measure.texts.get("title"),
                    "description": measure.texts.get("description")} if measure else {})}
    levers = common + (measure_levers(validate_data(opt_data, {}, "measure"))
                       if measure else [])
    option = apply_levers(opt_data, levers, values, "what-if option", names)
    return new_base, option
