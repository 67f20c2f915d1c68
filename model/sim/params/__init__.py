"""The typed, frozen parameter schema of a scenario.

Every field carries its unit and either a source (from the domain brief, DOMAIN.md)
or the mark ``assumption`` with a plausible range. ``docs/MODEL.md`` lists them all;
``python simulate.py schema`` prints the JSON Schema built from these classes.

Validation lives here: unknown keys, wrong types and out-of-range values are
rejected by pydantic; cross-field rules are ``model_validator`` methods.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from .attrition import Attrition, SickLeave
from .base import P, Simulation, Strict, bound_problem, field_info_at
from .cases import Assignment, Cases, Investigations, Ongoing
from .crisis import Crisis
from .initial import InitialState
from .pay import Economics, Pay
from .policies import Policies
from .recruitment import Consultants, Recruitment
from .response import Response
from .strain import DCS
from .unit import DEFAULT_PHASES, Mentoring, Phase, Unit, WorkTime

# ---------------------------------------------------------------------------
# the scenario


class LocalText(Strict):
    """A text in both languages a committee reads (see model/present/texts.py)."""

    sv: str = Field(min_length=1, max_length=5000, description="Swedish text.")
    en: str = Field(min_length=1, max_length=5000, description="English text.")


class UncertainSpec(Strict):
    """A parameter's distribution in the probabilistic sensitivity analysis."""

    dist: Literal["pert", "uniform", "fixed"] = Field(
        description="pert (mode at the scenario's value), uniform, or fixed (not drawn).")
    low: float | None = Field(default=None, description="Lower end of the range.")
    high: float | None = Field(default=None, description="Upper end of the range.")

    @model_validator(mode="after")
    def _ends(self):
        if self.dist != "fixed" and (self.low is None or self.high is None):
            raise ValueError(f"a {self.dist} distribution needs low and high")
        return self


class Scenario(Strict):
    """A complete, validated scenario: every parameter of one model run."""

    name: str = Field(default="baseline", min_length=1, max_length=120,
                      description="Scenario name (used in tables and file names).")
    title: LocalText | str | None = Field(
        default=None, description="Title shown instead of the name in the dashboard, "
        "brief and CLI: {sv: ..., en: ...} or one text for both languages.")
    description: LocalText | str = Field(
        default="", description="Text shown in reports: {sv: ..., en: ...} or one "
        "text for both languages.")

    @field_validator("title", "description")
    @classmethod
    def _text_length(cls, v):
        if isinstance(v, str) and len(v) > 5000:
            raise ValueError("at most 5000 characters")
        return v
    simulation: Simulation = Field(default_factory=Simulation)
    unit: Unit = Field(default_factory=Unit)
    work_time: WorkTime = Field(default_factory=WorkTime)
    phases: tuple[Phase, ...] = P(DEFAULT_PHASES, "table", "Career phase table: length "
                                  "(until_years), capacity share, mentor hours/week, "
                                  "shielding.", source="Lindquist 2012; SKL 2014; Uppsala "
                                  "mentor hours; capacities from the ramp-up assumption "
                                  "(DOMAIN.md)",
                                  sv="Tabell över karriärfaser: längd (until_years), "
                                     "kapacitetsandel, mentorstimmar per vecka, skydd.")
    mentoring: Mentoring = Field(default_factory=Mentoring)
    cases: Cases = Field(default_factory=Cases)
    assignment: Assignment = Field(default_factory=Assignment)
    dcs: DCS = Field(default_factory=DCS)
    attrition: Attrition = Field(default_factory=Attrition)
    sick_leave: SickLeave = Field(default_factory=SickLeave)
    recruitment: Recruitment = Field(default_factory=Recruitment)
    consultants: Consultants = Field(default_factory=Consultants)
    pay: Pay = Field(default_factory=Pay)
    economics: Economics = Field(default_factory=Economics)
    initial_state: InitialState = Field(default_factory=InitialState)
    response: Response = Field(default_factory=Response, description="What the unit's "
                               "managers do when cases wait (the brake real units have).")
    crisis: Crisis = Field(default_factory=Crisis, description="What counts as a "
                           "crisis year in the results (reporting only).")
    policies: Policies = Field(default_factory=Policies, description="Retention policies "
                               "in use; an absent block means the policy is not used.")
    uncertainty: dict[str, UncertainSpec] = Field(
        default_factory=dict, max_length=500, description="Distributions of uncertain "
        "parameters for the probabilistic sensitivity analysis (compare --uncertainty), "
        "by parameter path: {dist: pert | uniform | fixed, low, high}; restates the "
        "schema's range, or holds a parameter fixed. The simulation never reads it.")

    @field_validator("uncertainty")
    @classmethod
    def _uncertainty(cls, v):
        for path, spec in v.items():
            info = field_info_at(cls, path)
            if info is None:
                raise ValueError(f"'{path}' is not a parameter of the scenario")
            if spec.dist == "fixed":
                continue
            problem = bound_problem(info, spec.low, spec.high)
            if problem:
                raise ValueError(f"'{path}': the range {spec.low:g}-{spec.high:g} {problem}")
        return v

    @field_validator("phases")
    @classmethod
    def _phases(cls, v):
        if len(v) < 2:
            raise ValueError("the phase table needs at least two phases")
        names = [p.name for p in v]
        if len(set(names)) != len(names):
            raise ValueError("phase names must be unique")
        prev = 0.0
        for i, ph in enumerate(v):
            last = i == len(v) - 1
            if (ph.until_years is None) != last:
                raise ValueError("only the last phase has until_years null")
            if ph.until_years is not None:
                if ph.until_years <= prev:
                    raise ValueError(f"phase until_years must increase "
                                     f"({ph.name}: {ph.until_years:g} after {prev:g})")
                prev = ph.until_years
        return v

    @model_validator(mode="before")
    @classmethod
    def _resolve_inflow(cls, data):
        return resolve_inflow(data)

    @model_validator(mode="after")
    def _present_state(self):
        ini, posts = self.initial_state, max(1, int(round(self.unit.posts)))
        vacant = (posts - len(ini.staff) if ini.staff
                  else posts - int(round(ini.fill_share * posts)))
        if ini.vacant_posts is not None:
            if ini.vacant_posts > posts:
                raise ValueError(f"initial_state.vacant_posts ({ini.vacant_posts:g}) must "
                                 f"not exceed unit.posts ({posts})")
            if ini.staff and int(round(ini.vacant_posts)) != vacant:
                raise ValueError(f"initial_state.vacant_posts ({ini.vacant_posts:g}) "
                                 f"disagrees with the staff list: {len(ini.staff)} staff "
                                 f"on {posts} posts leave {vacant} vacant")
            vacant = posts - (len(ini.staff) if ini.staff
                              else posts - int(round(ini.vacant_posts)))
        c = self.consultants
        if ini.consultants and c.enabled:     # not enabled (a measure): they end now
            slots = int(math.floor(c.max_share_of_posts * posts))
            if ini.consultants > min(vacant, slots):
                raise ValueError(
                    f"initial_state.consultants ({ini.consultants}) must be at most the "
                    f"vacant posts ({vacant}) and the consultant slots ({slots} = "
                    "consultants.max_share_of_posts x unit.posts)")
        return self

    @model_validator(mode="after")
    def _sizes(self):
        if self.unit.posts * (self.simulation.years + self.simulation.warmup_years) > 200_000:
            raise ValueError("posts x (years + warmup_years) must be at most 200,000 "
                             "post-years per replication")
        return self


def _inflow_basis(block: dict, unit: dict, what: str) -> dict:
    """One case type's inflow block with ``arrivals_per_year`` resolved (see INFLOW_KEYS):
    per 1,000 children first, then per post, then a count; nothing given: the default
    per post."""
    block = dict(block)
    fields = (Ongoing if what == "ongoing" else Investigations).model_fields
    per_child = block.get("per_1000_children_per_year")
    per_post = block.get("per_post_per_year", MISSING_VALUE)
    count = block.get("arrivals_per_year")
    if per_child is not None and per_post not in (None, MISSING_VALUE):
        raise ValueError(f"cases.{what}: give one of per_post_per_year and "
                         "per_1000_children_per_year, not both")
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool)
               for v in (per_child, per_post, count) if v not in (None, MISSING_VALUE)):
        return block      # a wrong type: the field's own validation reports it
    posts = unit.get("posts", Unit.model_fields["posts"].default)
    if per_child is not None:
        children = unit.get("children")
        if not isinstance(children, (int, float)) or isinstance(children, bool):
            raise ValueError(f"cases.{what}.per_1000_children_per_year needs "
                             "unit.children (the municipality's children aged 0-17)")
        block.update(arrivals_per_year=per_child * children / 1000.0,
                     per_post_per_year=None)
    elif per_post is MISSING_VALUE and count is not None:
        block.update(per_post_per_year=None)
    else:
        if per_post is MISSING_VALUE:
            per_post = fields["per_post_per_year"].default
        if per_post is None:
            if count is None:
                raise ValueError(f"cases.{what}: give arrivals_per_year, "
                                 "per_post_per_year or per_1000_children_per_year")
        elif isinstance(posts, (int, float)) and not isinstance(posts, bool):
            block.update(arrivals_per_year=per_post * posts)
    return block


MISSING_VALUE = object()


def resolve_inflow(data):
    """The raw scenario mapping with each case type's inflow resolved into
    ``arrivals_per_year`` (a per-post inflow follows ``unit.posts``)."""
    if not isinstance(data, dict):
        return data
    cases, unit = data.get("cases", {}), data.get("unit", {})
    if isinstance(unit, BaseModel):
        unit = unit.model_dump()
    if isinstance(cases, BaseModel):
        cases = cases.model_dump()
    if not isinstance(cases, dict) or not isinstance(unit, dict):
        return data
    cases = dict(cases)
    for what in ("investigations", "ongoing"):
        block = cases.get(what, {})
        if isinstance(block, BaseModel):
            block = block.model_dump()
        if isinstance(block, dict):
            cases[what] = _inflow_basis(block, unit, what)
    return {**data, "cases": cases}


def json_schema() -> dict:
    """The JSON Schema of a scenario file (``extends`` added, as the loader allows it)."""
    schema = Scenario.model_json_schema()
    schema["properties"]["extends"] = {
        "type": "string",
        "description": "Path (relative to this file) of the scenario this one modifies.",
    }
    schema["title"] = "Scenario"
    return schema
