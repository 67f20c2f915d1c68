"""Readable names for what a sweep varies and measures, in both languages.

A factor is any parameter path of the scenario schema; its English name is the first
sentence of the parameter's documented description (``model.sim.params``) and its unit the
documented unit, its Swedish name and unit from :mod:`model.present.catalogue.parameters`;
a parameter without a Swedish name shows its documented English description.
The summary outputs are the metrics of :mod:`model.present.catalogue`.
"""

from __future__ import annotations

import textwrap
import types
import typing

from pydantic import BaseModel

from ..catalogue import metric
from ..catalogue.parameters import description, first_sentence, unit_label
from ..catalogue.sentences import sentences

# the sensitivity indices' names (model.present.catalogue.sentences, ``sensitivity.*``)
SENS_INDEX = sentences("sensitivity")


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
    return unit_label(unit, lang)


def param_title(path: str, lang: str) -> str:
    """The parameter's name without its unit."""
    info = param_field(path)
    text = description(info, lang) or description(info, "en")
    return first_sentence(text) if text else path


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
