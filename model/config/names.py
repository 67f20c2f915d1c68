"""Scenario files named the short way: ``run six_plus_two`` finds
``scenarios/six_plus_two.yaml``.

A path that exists is taken as it is. A bare name (no folder; ``.yaml`` or ``.yml`` may
be left out) that names no file here is looked up among the bundled scenarios
(``scenarios/``, then a unit of your own in ``scenarios/own/``). A name that matches
nothing is a one-line error listing the names there are, the closest first.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from ..errors import UserError

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
FOLDERS = (SCENARIOS, SCENARIOS / "own")
SUFFIXES = (".yaml", ".yml")


def bundled() -> dict[str, Path]:
    """Name -> file of every scenario that can be named without its path (the first
    folder of ``FOLDERS`` that holds a name wins). The targets file ``import-hr`` writes
    beside an own unit (``NAME_targets.yaml``) is no scenario and is left out."""
    out: dict[str, Path] = {}
    for folder in FOLDERS:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in SUFFIXES and path.is_file() \
                    and not path.stem.endswith("_targets"):
                out.setdefault(path.stem, path)
    return out


def closest_first(name: str, names) -> list[str]:
    """``names`` ordered by their likeness to ``name`` (difflib's ratio), the closest
    first, ties by name."""
    return sorted(names, key=lambda n: (-difflib.SequenceMatcher(None, name, n).ratio(), n))


def resolve(arg: str) -> str:
    """The scenario file ``arg`` names: itself when it exists, else a bundled scenario
    of that name; UserError (one line) when neither."""
    path = Path(arg)
    if os.path.lexists(path):
        return arg
    stem = path.stem if path.suffix.lower() in SUFFIXES else path.name
    known = bundled()
    if len(path.parts) == 1 and stem in known:
        try:
            found = os.path.relpath(known[stem])
        except ValueError:              # another drive
            return str(known[stem])
        return found if not found.startswith("..") else str(known[stem])
    own = [n for n, p in known.items() if p.parent == FOLDERS[1]]
    listed = ", ".join(closest_first(stem, [n for n in known if n not in own])) or "none"
    if own:
        listed += f"; your own units (scenarios/own/): {', '.join(closest_first(stem, own))}"
    raise UserError(f"{arg}: file not found, and no bundled scenario is named {stem!r}; "
                    f"the scenarios that can be named without their path (closest first): "
                    f"{listed}")
