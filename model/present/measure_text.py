"""What applying a measure to another base does to the unit's size, in words
(``compare --base``): the measure's own ``unit`` keys, and the staff its measures add on
this base (posts above the budget, specialists, assistants, team leaders), so a measure
written for 40 posts is never silently applied to 25."""

from __future__ import annotations

from pathlib import Path

from ..config.measures import overlay
from ..sim.params import Scenario
from ..sim.policies.staffing import OverstaffingPolicy
from .catalogue.numbers import counted, whole_percent, written
from .catalogue.sentences import sentences
from .texts import title

# the words of these lines (model.present.catalogue.sentences, ``cli.measure_*``)
WORDS = sentences("cli")


def _w(key: str, lang: str, **kw) -> str:
    return WORDS[key][lang].format(**kw)


def _counted(key: str, lang: str, n: float) -> str:
    return counted(WORDS[key][lang], n)


def added_staff(sc: Scenario, lang: str = "en") -> list[str]:
    """What the scenario's measures add in staff, in words (posts above the budget,
    specialists, assistants, team leaders), in ``lang``."""
    pol, posts = sc.policies, sc.unit.posts
    out = []
    if pol.overstaffing is not None:
        ov = pol.overstaffing
        n = OverstaffingPolicy.extra(ov, posts)
        share = whole_percent(ov.extra_share, lang)
        how = (f" ({ov.extra_posts:g} + " if ov.extra_posts else " (") + (
            _w("measure_of", lang, share=share, posts=f"{posts:g}") + ")")
        out.append(_counted("measure_above", lang, n) + (how if ov.extra_share else ""))
    if pol.specialists is not None:
        out.append(_counted("measure_specialists", lang, pol.specialists.posts))
    if pol.admin_support is not None:
        fte = f"{pol.admin_support.assistants_fte:g}"
        out.append(_w("measure_assistants", lang, n=written(fte, lang)))
    if pol.smaller_groups is not None:
        out.append(_counted("measure_leaders", lang, pol.smaller_groups.extra_team_leaders))
    return out


def notes(base: Scenario, measure: str | Path, sc: Scenario, lang: str = "en") -> list[str]:
    """Lines that say what applying the measure to the base does to the unit's size."""
    lines = []
    unit = overlay(measure).get("unit")
    if isinstance(unit, dict) and unit:
        keys = ", ".join(f"unit.{k}" for k in unit)
        lines.append(_w("measure_sets", lang, name=title(sc, lang, sc.name), keys=keys,
                        posts=f"{sc.unit.posts:g}", base=f"{base.unit.posts:g}"))
    added = added_staff(sc, lang)
    if added:
        lines.append(_w("measure_adds", lang, name=title(sc, lang, sc.name),
                        base=f"{base.unit.posts:g}", what="; ".join(added)))
    return lines
