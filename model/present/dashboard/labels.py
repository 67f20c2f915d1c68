"""Readable names for what a sweep varies and measures, in both languages.

A factor is any parameter path of the scenario schema; its English name is the first
sentence of the parameter's documented description (``model.sim.params``) and its unit the
documented unit. Swedish names of the parameters the bundled sweeps vary and of units
are below; a parameter without a Swedish name shows its documented English description.
The summary outputs are the metrics of :mod:`model.present.catalogue`.
"""

from __future__ import annotations

import re
import textwrap
import types
import typing

from pydantic import BaseModel

from ..catalogue import metric

# Swedish names of parameters (list items as *), for the factors of the bundled sweeps
# and the parameters most often varied
PARAM_SV = {
    "unit.posts": "Budgeterade tjänster som socialsekreterare",
    "attrition.hazard_ratios.pay_gap_per_1000_sek":
        "Riskkvot för avgång per 1 000 kr/mån som marknaden betalar över egen lön",
    "attrition.outside_pull_per_year":
        "Risk att rekryteras bort av grannkommuner och bemanningsföretag",
    "attrition.hazard_ratios.exhaustion": "Riskkvot för avgång per enhet utmattning",
    "policies.salary_ladder.steps.*.supplement_sek_per_month":
        "Lönetrappa: tillägg till månadslönen i steget, kr",
    "simulation.years": "Periodens längd",
}
UNIT_SV = {"FTE posts": "tjänster", "FTE": "årsarbetare", "years": "år", "months": "månader",
           "weeks": "veckor", "days": "dagar", "share": "andel", "SEK": "kr",
           "SEK/month": "kr/mån", "1/year": "per år", "HR per unit": "riskkvot per enhet",
           "HR per 1,000 SEK/month": "riskkvot per 1 000 kr/mån", "HR": "riskkvot",
           "hours/week": "timmar/vecka", "hours/day": "timmar/dag", "persons": "personer",
           "cases/year": "ärenden/år", "count": "antal", "factor": "faktor",
           "probability": "sannolikhet", "share of posts": "andel av tjänsterna",
           "share of salary": "andel av lönen", "groups": "grupper"}
SENS_INDEX = {"S1": {"sv": "förstaordningens index (S1)", "en": "first-order index (S1)"},
              "ST": {"sv": "totalindex (ST)", "en": "total index (ST)"},
              "mu_star": {"sv": "Morris μ*", "en": "Morris μ*"},
              "sigma": {"sv": "Morris σ", "en": "Morris σ"},
              "noise_share": {"sv": "andel slumpbrus", "en": "share of replication noise"}}


def _unwrap(ann):
    """The type behind ``Annotated[X, ...]`` and ``X | None``."""
    while True:
        origin = typing.get_origin(ann)
        if origin is typing.Annotated:
            ann = typing.get_args(ann)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(ann) if a is not type(None)]
            if len(args) == 1:
                ann = args[0]
                continue
        return ann


def param_field(path: str):
    """The schema field (pydantic FieldInfo) at a dotted parameter path (list items by
    index), or None."""
    from ...sim.params import Scenario
    ann, info = Scenario, None
    for part in path.split("."):
        ann = _unwrap(ann)
        origin = typing.get_origin(ann)
        if origin in (list, tuple) and part.isdigit():
            ann = typing.get_args(ann)[0]
        elif origin is dict:
            ann = typing.get_args(ann)[1]
        elif isinstance(ann, type) and issubclass(ann, BaseModel):
            info = ann.model_fields.get(part)
            if info is None:
                return None
            ann = info.annotation
        else:
            return None
    return info


def _unit(path: str, lang: str) -> str:
    info = param_field(path)
    unit = str((info.json_schema_extra or {}).get("unit", "")) if info is not None else ""
    if lang == "sv":
        return UNIT_SV.get(unit, unit)
    return unit


def param_title(path: str, lang: str) -> str:
    """The parameter's name without its unit."""
    generic = re.sub(r"\.\d+\.", ".*.", path)
    if lang == "sv" and generic in PARAM_SV:
        return PARAM_SV[generic]
    info = param_field(path)
    if info is None or not info.description:
        return path
    first = re.split(r"(?<=[a-z)])\.\s", info.description.strip(), maxsplit=1)[0]
    return first.rstrip(".")


def param_label(path: str, lang: str) -> str:
    """The parameter's name and unit, e.g. "Budgeted posts of social workers (FTE
    posts)"."""
    unit = _unit(path, lang)
    title = param_title(path, lang)
    return f"{title} ({unit})" if unit and unit not in ("flag", "name", "list") else title


def output_label(name: str, lang: str) -> str:
    """A summary output's name and unit as shown on a chart (shares in %, costs in
    Mkr)."""
    m = metric(name)
    return m.chart_label(lang) if m else name


def output_scale(name: str) -> tuple[float, str]:
    """(factor, Plotly tick format) for a summary output: costs in millions of SEK,
    shares as percentages."""
    m = metric(name)
    return (m.chart_scale(), m.tick) if m else (1.0, "")


def index_label(index: str, lang: str) -> str:
    return SENS_INDEX.get(index, {}).get(lang, index)


def wrap(text: str, width: int = 30) -> str:
    """Break a long label into lines (Plotly's ``<br>``) so axis titles never overlap;
    the text must already be escaped."""
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=False)) or text
