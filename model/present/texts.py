"""Titles and descriptions of scenarios in the reader's language.

A scenario file may give ``title`` and ``description`` either as one text or as
``{sv: ..., en: ...}``. Everything a committee reads asks these two functions, so a
file without a title still shows something readable (its name, underscores as
spaces) and a file with only one text shows it in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGS = ("sv", "en")


def _as_dict(scenario: Any) -> Mapping:
    if scenario is None:
        return {}
    if isinstance(scenario, Mapping):
        return scenario
    return scenario.model_dump(mode="json")


def localized(value: Any, lang: str) -> str:
    """One text of a ``str | {sv, en} | None`` value in ``lang`` ("" when absent)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        other = next(code for code in LANGS if code != lang)
        return str(value.get(lang) or value.get(other) or "")
    return localized(_as_dict(value), lang)


def title(scenario: Any, lang: str, name: str | None = None) -> str:
    """The scenario's title in ``lang``; its name (underscores as spaces) without one."""
    data = _as_dict(scenario)
    text = localized(data.get("title"), lang).strip()
    if text:
        return text
    raw = name or data.get("name") or ""
    return str(raw).replace("_", " ")


def description(scenario: Any, lang: str) -> str:
    """The scenario's description in ``lang`` ("" without one)."""
    return localized(_as_dict(scenario).get("description"), lang).strip()


def distinct_titles(items, lang: str) -> dict[str, str]:
    """Name -> title for several scenarios ``[(name, scenario_or_dict), ...]``. A title
    that an earlier scenario already has (a file that extends another and keeps its
    title) gets the scenario's name after it, so that no two options read the same."""
    out: dict[str, str] = {}
    for name, scenario in items:
        text = title(scenario, lang, name)
        if text in out.values():
            text = f"{text} ({name})"
        out[name] = text
    return out
