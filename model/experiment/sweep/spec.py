"""The sweep file: its validated schema, loading against the base scenario, its hash."""

from __future__ import annotations

import copy
import hashlib
import json
import math
from pathlib import Path
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ...config.scenario import (
    apply_overrides,
    format_validation_error,
    merged_data,
    read_yaml,
    validate_data,
)
from ...errors import ScenarioError
from ...sim.metrics import SUMMARY_KPIS
from ...sim.params import Scenario
from ...sim.params.base import MAX_REPLICATIONS, MAX_YEARS


class Range(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
    low: float
    high: float

    @model_validator(mode="after")
    def _order(self):
        if self.low > self.high:
            raise ValueError(f"low ({self.low:g}) must be <= high ({self.high:g})")
        return self


Factor = Union[list[Any], Range]


class SweepSpec(BaseModel):
    """A validated sweep file."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
    name: str | None = Field(default=None, min_length=1, max_length=120)
    base: str = Field(min_length=1, description="Scenario file, relative to the sweep file.")
    replications: int = Field(default=5, ge=1, le=MAX_REPLICATIONS)
    years: float | None = Field(default=None, gt=0, le=MAX_YEARS)
    warmup_years: float | None = Field(default=None, ge=0, le=MAX_YEARS)
    seed: int = Field(default=1, ge=0, lt=2**63)
    design: Literal["grid", "random", "lhs", "sobol", "morris"] = "grid"
    samples: int = Field(default=16, ge=1, le=100_000)
    morris_levels: int = Field(default=4, ge=2, le=20)
    chunk_size: int = Field(default=8, ge=1, le=10_000, description="Runs per stored chunk.")
    factors: dict[str, Factor]
    outputs: list[str] = Field(default_factory=lambda: ["turnover_rate", "total_cost_sek"])

    @field_validator("factors", mode="before")
    @classmethod
    def _factors(cls, v):
        if not isinstance(v, dict):
            raise ValueError("factors must map parameter paths to values or ranges")
        if not v:
            raise ValueError("at least one factor is needed")
        out = {}
        for path, f in v.items():
            if not isinstance(path, str) or not path or any(not p for p in path.split(".")):
                raise ValueError(f"factor path {path!r} is empty or malformed")
            if isinstance(f, list):
                if not f:
                    raise ValueError(f"factor {path}: the list of values is empty")
                out[path] = f
            elif isinstance(f, dict):
                try:
                    out[path] = Range.model_validate(f)
                except ValidationError as exc:
                    err = exc.errors(include_url=False)[0]
                    msg = err["msg"].removeprefix("Value error, ")
                    where = ".".join(str(x) for x in err["loc"])
                    raise ValueError(f"factor {path}{'.' + where if where else ''}: "
                                     f"{msg}") from None
            else:
                raise ValueError(f"factor {path}: give a list of values or {{low, high}}, "
                                 f"got {f!r}")
        return out

    @field_validator("outputs")
    @classmethod
    def _outputs(cls, v):
        if not v:
            raise ValueError("at least one output is needed")
        bad = [o for o in v if o not in SUMMARY_KPIS]
        if bad:
            raise ValueError(f"unknown output(s) {', '.join(bad)}; allowed: "
                             + ", ".join(SUMMARY_KPIS))
        return v

    def point_count(self) -> int:
        """The number of design points, computed without building the design."""
        if self.design == "grid":
            return math.prod(len(f) for f in self.factors.values())
        if self.design == "sobol":
            return self.samples * (len(self.factors) + 2)
        if self.design == "morris":
            return self.samples * (len(self.factors) + 1)
        return self.samples

    @model_validator(mode="after")
    def _design(self):
        lists = [p for p, f in self.factors.items() if isinstance(f, list)]
        ranges = [p for p, f in self.factors.items() if isinstance(f, Range)]
        if self.design == "grid" and ranges:
            raise ValueError(f"design grid needs lists of values; factor {ranges[0]} is a "
                             "range")
        if self.design != "grid" and lists:
            raise ValueError(f"design {self.design} needs ranges {{low, high}}; factor "
                             f"{lists[0]} is a list")
        if self.design in ("sobol", "morris") and len(self.factors) < 2:
            raise ValueError(f"design {self.design} needs at least two factors")
        return self


# -- loading ---------------------------------------------------------------------------

def load_sweep(path: str | Path) -> tuple[SweepSpec, Path, dict]:
    """Load and validate a sweep file; returns (spec, base path, resolved base dict)."""
    path = Path(path)
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ScenarioError(f"{path}: top level must be a mapping, got {type(data).__name__}")
    try:
        spec = SweepSpec.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(format_validation_error(exc, {}, str(path))) from None
    base_path = path.parent / spec.base
    if not base_path.exists():
        raise ScenarioError(f"{path}: field 'base': file not found: {base_path}")
    # every factor path must be a real parameter: validate the extremes of each factor
    # the base is read once (with what it extends); each value is applied to a copy
    common = _common_overrides(spec)
    origin: dict = {}
    base_data = merged_data(base_path, origin)

    def load(overrides: list[str]) -> Scenario:
        where = dict(origin)
        data = apply_overrides(copy.deepcopy(base_data), overrides, where)
        return validate_data(data, where, str(base_path))

    for fpath, fac in spec.factors.items():
        values = fac if isinstance(fac, list) else [fac.low, fac.high]
        for v in values:
            try:
                load(common + [f"{fpath}={_yaml_value(v)}"])
            except ScenarioError as exc:
                msg = str(exc)
                detail = msg.split(": ", 1)[1] if ": " in msg else msg
                raise ScenarioError(f"{path}: factor '{fpath}' = {v!r}: {detail}") from None
    base = load(common)
    return spec, base_path, base.model_dump(mode="json")


def _yaml_value(v) -> str:
    return json.dumps(v)


def _common_overrides(spec: SweepSpec) -> list[str]:
    out = [f"simulation.replications={spec.replications}", f"simulation.seed={spec.seed}"]
    if spec.years is not None:
        out.append(f"simulation.years={spec.years}")
    if spec.warmup_years is not None:
        out.append(f"simulation.warmup_years={spec.warmup_years}")
    return out


def spec_hash(spec: SweepSpec, base: dict) -> str:
    blob = json.dumps({"spec": spec.model_dump(mode="json"), "base": base}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()
