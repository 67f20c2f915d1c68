"""Building blocks of the schema: a field with its unit and source, the
strict base model, distributions as data, and the simulation's control."""

from __future__ import annotations

import math
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

# ---------------------------------------------------------------------------
# helpers


def P(default, unit: str, doc: str, *, source: str | None = None,
      assumption: tuple[float, float] | str | None = None, sv: str | None = None,
      **constraints):
    """A documented parameter: default, unit, meaning and provenance.

    Exactly one of ``source`` (a citation, normally from DOMAIN.md) or
    ``assumption`` (a plausible (low, high) range) should be given; the
    documentation test enforces that for every leaf field. ``sv`` is the Swedish of the
    description's first sentence, for the readers' screens (metadata only: the
    simulation never reads it).
    """
    extra = {"unit": unit}
    if sv is not None:
        extra["sv"] = sv
    if source is not None:
        extra["source"] = source
    if assumption is not None:
        extra["assumption_range"] = (list(assumption) if isinstance(assumption, tuple)
                                     else assumption)
    if "default_factory" in constraints:
        return Field(description=doc, json_schema_extra=extra, **constraints)
    return Field(default, description=doc, json_schema_extra=extra, **constraints)


class Strict(BaseModel):
    """Base for all schema blocks: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False,
                              validate_default=True)


Share = Annotated[float, Field(ge=0.0, le=1.0)]
PosFloat = Annotated[float, Field(gt=0.0)]
NonNeg = Annotated[float, Field(ge=0.0)]

# Hard limits that keep a run inside what this machine can do in sensible time.
MAX_POSTS = 5000
MAX_YEARS = 100
MAX_REPLICATIONS = 100_000


# ---------------------------------------------------------------------------
# distributions as data


class Constant(Strict):
    dist: Literal["constant"]
    value: float


class Uniform(Strict):
    dist: Literal["uniform"]
    low: float
    high: float

    @model_validator(mode="after")
    def _order(self):
        if self.high < self.low:
            raise ValueError(f"high ({self.high}) must be >= low ({self.low})")
        return self


class Normal(Strict):
    """Normal distribution truncated to [low, high] by clipping."""

    dist: Literal["normal"]
    mean: float
    sd: NonNeg
    low: float = -math.inf
    high: float = math.inf

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=True)


class Lognormal(Strict):
    """Lognormal given by its own mean and standard deviation (not log-scale)."""

    dist: Literal["lognormal"]
    mean: PosFloat
    sd: NonNeg


class Exponential(Strict):
    dist: Literal["exponential"]
    mean: PosFloat


class Gamma(Strict):
    """Gamma given by mean and coefficient of variation."""

    dist: Literal["gamma"]
    mean: PosFloat
    cv: PosFloat


Distribution = Annotated[
    Union[Constant, Uniform, Normal, Lognormal, Exponential, Gamma],
    Field(discriminator="dist"),
]


# ---------------------------------------------------------------------------
# simulation control


class Simulation(Strict):
    years: float = P(10, "years", "Length of the statistics window after warm-up.",
                     sv="Längd på perioden som statistiken gäller, efter insvängning.",
                     assumption=(1, 30), gt=0, le=MAX_YEARS)
    warmup_years: float = P(2, "years", "Warm-up simulated before statistics start; "
                            "excluded from every table.", assumption=(0, 5), ge=0,
                            le=MAX_YEARS)
    replications: int = P(20, "count", "Independent replications (common random "
                          "numbers across scenarios).", sv="Oberoende replikeringar (samma "
                          "slumptal i alla scenarier).", assumption=(5, 200), ge=1,
                          le=MAX_REPLICATIONS)
    seed: int = P(20170101, "integer", "Root seed of all random streams; printed "
                  "with every result.", assumption=(0, 2**63 - 1), ge=0, lt=2**63)
