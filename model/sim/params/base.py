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
      interval: tuple[float, float] | None = None, dist: str | None = None,
      decision: bool = False, **constraints):
    """A documented parameter: default, unit, meaning and provenance.

    Exactly one of ``source`` (a citation, normally from DOMAIN.md) or
    ``assumption`` (a plausible (low, high) range) should be given; the
    documentation test enforces that for every leaf field. ``sv`` is the Swedish of the
    description's first sentence, for the readers' screens (metadata only: the
    simulation never reads it).

    Uncertainty (probabilistic sensitivity analysis, ``model.config.uncertain``): a
    parameter with an assumption range, or a source that gives an ``interval``, is
    uncertain and drawn from ``dist`` over that range ("pert", the default, with its
    mode at the scenario's value, or "uniform"), unless it is a ``decision``: something
    the municipality chooses or knows (the unit's size and inflow, a measure's size and
    price, the horizon), which every draw leaves as the scenario states it.
    """
    extra = {"unit": unit}
    if decision:
        extra["decision"] = True
    if interval is not None:
        extra["interval"] = list(interval)
    if dist is not None:
        extra["dist"] = dist
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


def field_info_at(model, path: str):
    """The pydantic field of a dotted path under ``model`` (a distribution's ``mean``
    answers with the distribution's field), or None."""
    info = None
    parts = path.split(".")
    for i, part in enumerate(parts):
        fields = getattr(model, "model_fields", {})
        if part not in fields:
            return info if i == len(parts) - 1 and part == "mean" else None
        info = fields[part]
        ann = info.annotation
        args = [a for a in getattr(ann, "__args__", ()) or () if a is not type(None)]
        model = ann if isinstance(ann, type) else (args[0] if len(args) == 1 else None)
    return info


def bound_problem(info, low: float, high: float) -> str | None:
    """What is wrong with a range for a field with these constraints (None: nothing)."""
    if not (math.isfinite(low) and math.isfinite(high)) or low > high:
        return "must be finite with low <= high"
    for c in getattr(info, "metadata", ()):
        for name, ok in (("ge", lambda b: low >= b), ("gt", lambda b: low > b),
                         ("le", lambda b: high <= b), ("lt", lambda b: high < b)):
            bound = getattr(c, name, None)
            if bound is not None and not ok(bound):
                word = {"ge": ">=", "gt": ">", "le": "<=", "lt": "<"}[name]
                return f"leaves the parameter's bounds (must be {word} {bound:g})"
    return None


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
                     assumption=(1, 30), gt=0, le=MAX_YEARS, decision=True)
    warmup_years: float = P(2, "years", "Warm-up simulated before statistics start; "
                            "excluded from every table.", assumption=(0, 5), ge=0,
                            le=MAX_YEARS, decision=True,
                            sv="Insvängningstid som simuleras innan statistiken börjar; ingår "
                               "inte i någon tabell.")
    replications: int = P(20, "count", "Independent replications (common random "
                          "numbers across scenarios).", sv="Oberoende replikeringar (samma "
                          "slumptal i alla scenarier).", assumption=(5, 200), ge=1,
                          le=MAX_REPLICATIONS, decision=True)
    seed: int = P(20170101, "integer", "Root seed of all random streams; printed "
                  "with every result.", assumption=(0, 2**63 - 1), ge=0, lt=2**63, decision=True,
                  sv="Grundfrö för alla slumptalsströmmar; skrivs ut med varje resultat.")
    plausible_turnover: tuple[Annotated[float, Field(ge=0)], Annotated[float, Field(gt=0)]] = P(
        (0.10, 0.35), "exits/post/year", "Turnover of this unit that a draw of the "
        "uncertain assumptions must give the base in its first run to be kept in the "
        "uncertainty analysis (compare --uncertainty): the range the unit is known to "
        "show. Default: annual exits from Swedish units, 10-35 %.",
        source="DOMAIN.md, suggested defaults: annual exits from the unit ~22 %, range "
               "10-35 % (SCB/SSR, Uppsala, Humana); a unit in crisis states its own",
        decision=True,
        sv="Personalomsättning som en dragning av de osäkra antagandena måste ge basen i "
           "dess första körning för att behållas i osäkerhetsanalysen.")

    @model_validator(mode="after")
    def _band(self):
        lo, hi = self.plausible_turnover
        if not lo < hi:
            raise ValueError("plausible_turnover must be [low, high] with low < high")
        return self
