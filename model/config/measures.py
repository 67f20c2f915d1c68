"""A measure applied to any base: ``compare --base my_unit.yaml six_plus_two.yaml ...``.

A measure file holds the measure: its name, title and description, its ``policies`` and
whatever else it changes. Applied to a base, the measure's own keys are overlaid on the
base (merged as ``extends`` merges), not the unit it was written for: the root of its
``extends`` chain (baseline.yaml for the bundled measures) is left out, while a measure it
extends on the way (krokom_package.yaml extends salary_ladder_krokom.yaml) comes along.
The base's name, title and description never pass to the measure; a measure without a
name is named after its file.

A measure that states the unit's size itself (``unit.posts``) would replace the base's;
``model.present.measure_text.notes`` says so, and says what each measure adds in staff
on this base, so a measure written for 40 posts is never silently applied to 25.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UserError
from ..sim.params import Scenario
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
