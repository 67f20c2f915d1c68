"""Readable names for what a sweep varies and measures, in both languages.

A factor is any parameter path of the scenario schema; its English name is the first
sentence of the parameter's documented description (``model.sim.params``) and its unit the
documented unit. Swedish names of the parameters the bundled sweeps vary, of units and
of the summary outputs are in :mod:`.i18n`; a parameter without a Swedish name shows
its documented English description.
"""

from __future__ import annotations

import re
import textwrap
import types
import typing

from pydantic import BaseModel

# summary outputs of a sweep: label with the unit as shown, scale, Plotly tick format
OUTPUT_LABELS = {
    "turnover_rate": {"sv": "Personalomsättning per år", "en": "Turnover per year",
                      "format": ".0%"},
    "vacancy_rate": {"sv": "Andel vakanta tjänster", "en": "Vacancy rate", "format": ".1%"},
    "overdue_share": {"sv": "Andel utredningar över tidsgränsen",
                      "en": "Share of investigations overdue", "format": ".1%"},
    "share_5y_plus": {"sv": "Andel med 5+ år", "en": "Staff with 5+ years", "format": ".0%"},
    "share_under_2y": {"sv": "Andel med under 2 år", "en": "Staff with under 2 years",
                       "format": ".0%"},
    "share_intending": {"sv": "Andel som vill sluta", "en": "Share intending to leave",
                        "format": ".0%"},
    "sick_absence_rate": {"sv": "Sjukfrånvaro", "en": "Sick absence", "format": ".1%"},
    "total_cost_sek": {"sv": "Total kostnad, budget (Mkr)",
                       "en": "Total cost, budget (million SEK)", "scale": 1e-6},
    "economic_cost_sek": {"sv": "Total kostnad, personalekonomisk (Mkr)",
                          "en": "Total cost, economic (million SEK)", "scale": 1e-6},
    "cost_per_year_sek": {"sv": "Kostnad per år, budget (Mkr)",
                          "en": "Cost per year, budget (million SEK)", "scale": 1e-6},
    "economic_cost_per_year_sek": {"sv": "Kostnad per år, personalekonomisk (Mkr)",
                                   "en": "Cost per year, economic (million SEK)",
                                   "scale": 1e-6},
    "vacant_post_pay_sek": {"sv": "Lön för vakanta tjänster (Mkr)",
                            "en": "Pay of vacant posts (million SEK)", "scale": 1e-6},
    "exits": {"sv": "Avgångar", "en": "Exits"},
    "resignations": {"sv": "Egna uppsägningar", "en": "Resignations"},
    "retirements": {"sv": "Pensioneringar", "en": "Retirements"},
    "exits_first_2y": {"sv": "Avgångar inom 2 år", "en": "Exits in the first two years"},
    "hires": {"sv": "Anställningar", "en": "Hires"},
    "mean_headcount": {"sv": "Anställda (medel)", "en": "Headcount (mean)"},
    "consultant_fte": {"sv": "Konsulter (årsarbetare)", "en": "Consultants (FTE)"},
    "handovers": {"sv": "Byten av handläggare", "en": "Caseworker handovers"},
    "cases_arrived": {"sv": "Nya ärenden", "en": "Cases arrived"},
    "cases_closed": {"sv": "Avslutade ärenden", "en": "Cases closed"},
    "mean_caseload": {"sv": "Ärenden per handläggare", "en": "Cases per worker"},
    "mean_queue": {"sv": "Väntande ärenden (medel)", "en": "Waiting cases (mean)"},
    "mean_wait_days": {"sv": "Väntetid (dagar)", "en": "Waiting time (days)"},
    "mean_exhaustion": {"sv": "Utmattning (index)", "en": "Exhaustion (index)"},
    "mean_strain": {"sv": "Belastning (index)", "en": "Strain (index)"},
}
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
    """A summary output's name and unit as shown (shares in %, costs in Mkr)."""
    entry = OUTPUT_LABELS.get(name)
    return entry[lang] if entry else name


def output_scale(name: str) -> tuple[float, str]:
    """(factor, Plotly tick format) for a summary output: costs in millions of SEK,
    shares as percentages."""
    entry = OUTPUT_LABELS.get(name) or {}
    return float(entry.get("scale", 1.0)), str(entry.get("format", ""))


def index_label(index: str, lang: str) -> str:
    return SENS_INDEX.get(index, {}).get(lang, index)


def wrap(text: str, width: int = 30) -> str:
    """Break a long label into lines (Plotly's ``<br>``) so axis titles never overlap;
    the text must already be escaped."""
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=False)) or text
