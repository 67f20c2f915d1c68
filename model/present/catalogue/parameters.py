"""The words of the scenario's parameters: a parameter's name is the first sentence of
its description in the schema (``model.sim.params``), in English, with its Swedish
beside it (the field's ``sv``); units in Swedish by their English symbol."""

from __future__ import annotations

import re

# a unit of the schema (English) -> the same unit in Swedish
UNITS_SV = {
    "FTE posts": "tjänster", "FTE": "årsarbetare", "years": "år", "months": "månader",
    "weeks": "veckor", "days": "dagar", "share": "andel", "SEK": "kr",
    "SEK/month": "kr/månad", "1/year": "per år", "HR per unit": "riskkvot per enhet",
    "HR per 1,000 SEK/month": "riskkvot per 1 000 kr/månad", "HR": "riskkvot",
    "hours/week": "timmar/vecka", "hours/day": "timmar/dag", "days/month": "dagar/månad",
    "persons": "personer", "cases/year": "ärenden/år", "count": "antal", "factor": "faktor",
    "probability": "sannolikhet", "share of posts": "andel av tjänsterna",
    "share of salary": "andel av lönen", "groups": "grupper",
}


def unit_label(unit: str, lang: str) -> str:
    """A schema unit as shown in ``lang`` (an unknown unit as written)."""
    return UNITS_SV.get(unit, unit) if lang == "sv" else unit


def first_sentence(text: str) -> str:
    """A description's first sentence, without its full stop."""
    first = re.split(r"(?<=[a-zåäö)])\.\s", text.strip(), maxsplit=1)[0]
    return first.rstrip(".")


def description(info, lang: str) -> str | None:
    """A schema field's description in ``lang``: the English one, or the field's Swedish
    (``sv``) where it has one; None where there is none in that language."""
    if info is None:
        return None
    if lang == "sv":
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        return extra.get("sv")
    return info.description or None
