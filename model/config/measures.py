"""A measure applied to any base: ``compare --base my_unit.yaml six_plus_two.yaml ...``.

A measure file holds the measure: its name, title and description, its ``policies`` and
whatever else it changes. Applied to a base, the measure's own keys are overlaid on the
base (merged as ``extends`` merges), not the unit it was written for: the root of its
``extends`` chain (baseline.yaml for the bundled measures) is left out, while a measure it
extends on the way (krokom_package.yaml extends salary_ladder_krokom.yaml) comes along.
The base's name, title and description never pass to the measure; a measure without a
name is named after its file.

A measure that states the unit's size itself (``unit.posts``) would replace the base's;
:func:`notes` says so, and says what each measure adds in staff on this base, so a
measure written for 40 posts is never silently applied to 25.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UserError
from ..sim.params import Scenario
from ..sim.policies.staffing import OverstaffingPolicy
from .scenario import (
    apply_overrides,
    deep_merge,
    merged_data,
    read_yaml,
    source_files,
    validate_data,
)

OWN_TEXTS = ("name", "title", "description")


def compare_files(scenarios: list[str], base: str | None) -> tuple[list[str], bool]:
    """The files of ``compare``: the base first, then the others; and whether the others
    are measures applied to the base (``--base``)."""
    files = [base, *scenarios] if base else list(scenarios)
    if len(files) < 2:
        raise UserError("compare: give the base and at least one scenario to compare with "
                        "it (or --base FILE and at least one measure)")
    return files, bool(base)


def overlay(measure: str | Path) -> dict:
    """The keys the measure file brings: its own and those of the measures it extends
    (every file in its chain but the root, the unit it was written for)."""
    chain = source_files(measure)            # the file first, then what it extends
    if len(chain) > 1:
        chain = chain[:-1]
    data: dict = {}
    for path in reversed(chain):
        own = dict(read_yaml(path))
        own.pop("extends", None)
        data = deep_merge(data, own, {}, str(path))
    if not data.get("name"):
        data["name"] = Path(measure).stem
    return data


def load_on_base(measure: str | Path, base: str | Path,
                 overrides: list[str] | None = None) -> Scenario:
    """The measure applied to the base (see the module text), with ``overrides``."""
    origin: dict = {}
    data = merged_data(base, origin)
    data = {k: v for k, v in data.items() if k not in OWN_TEXTS}
    data = deep_merge(data, overlay(measure), origin, str(measure))
    return validate_data(apply_overrides(data, overrides, origin), origin, str(measure))


# the words of the lines below, in the CLI's two languages
WORDS = {
    "en": {"above": "{n} post(s) above the budget", "of": "{share} of {posts}, rounded up",
           "specialists": "{n} specialist post(s)", "assistants": "{n} assistant FTE",
           "leaders": "{n} team leader(s)",
           "sets": "{name}: sets {keys} itself, replacing the base's (now {posts} posts "
                   "against the base's {base}); to add posts to any base, use "
                   "policies.overstaffing.extra_posts or extra_share",
           "adds": "{name} on a base of {base} posts adds {what}"},
    "sv": {"above": "{n} tjänst(er) utöver budget", "of": "{share} av {posts}, avrundat uppåt",
           "specialists": "{n} specialisttjänst(er)", "assistants": "{n} årsarbetare assistent",
           "leaders": "{n} gruppledare",
           "sets": "{name}: anger själv {keys} och ersätter basens (nu {posts} tjänster mot "
                   "basens {base}); för att lägga till tjänster på vilken bas som helst, "
                   "använd policies.overstaffing.extra_posts eller extra_share",
           "adds": "{name} på en bas med {base} tjänster lägger till {what}"},
}


def added_staff(sc: Scenario, lang: str = "en") -> list[str]:
    """What the scenario's measures add in staff, in words (posts above the budget,
    specialists, assistants, team leaders), in ``lang``."""
    w = WORDS[lang]
    pol, posts = sc.policies, sc.unit.posts
    out = []
    if pol.overstaffing is not None:
        ov = pol.overstaffing
        n = OverstaffingPolicy.extra(ov, posts)
        share = f"{ov.extra_share:.0%}" if lang == "en" else f"{ov.extra_share * 100:.0f} %"
        how = (f" ({ov.extra_posts:g} + " if ov.extra_posts else " (") + (
            w["of"].format(share=share, posts=f"{posts:g}") + ")")
        out.append(w["above"].format(n=n) + (how if ov.extra_share else ""))
    if pol.specialists is not None:
        out.append(w["specialists"].format(n=f"{pol.specialists.posts:g}"))
    if pol.admin_support is not None:
        fte = f"{pol.admin_support.assistants_fte:g}"
        out.append(w["assistants"].format(n=fte.replace(".", ",") if lang == "sv" else fte))
    if pol.smaller_groups is not None:
        out.append(w["leaders"].format(n=pol.smaller_groups.extra_team_leaders))
    return out


def notes(base: Scenario, measure: str | Path, sc: Scenario, lang: str = "en") -> list[str]:
    """Lines that say what applying the measure to the base does to the unit's size."""
    w, lines = WORDS[lang], []
    unit = overlay(measure).get("unit")
    if isinstance(unit, dict) and unit:
        keys = ", ".join(f"unit.{k}" for k in unit)
        lines.append(w["sets"].format(name=sc.name, keys=keys, posts=f"{sc.unit.posts:g}",
                                      base=f"{base.unit.posts:g}"))
    added = added_staff(sc, lang)
    if added:
        lines.append(w["adds"].format(name=sc.name, base=f"{base.unit.posts:g}",
                                      what="; ".join(added)))
    return lines
