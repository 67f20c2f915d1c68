"""The main job's options: the scenario files that ``python simulate.py`` (no command)
compares with the baseline, in order. The list is data, ``scenarios/main_job.txt`` (one
name per line, ``#`` comments), kept beside the scenario files it names, so a new
measure's author edits it there."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import UserError
from ..store.files import read_text

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
MAIN_JOB = SCENARIOS / "main_job.txt"
NAME = re.compile(r"[a-z0-9_]+")


def main_options(path: Path = MAIN_JOB) -> list[str]:
    """The names of the main job's scenario files (in ``path``'s folder), in order; a
    line that is not a scenario there, or a name given twice, is a one-line error."""
    names: list[str] = []
    for n, line in enumerate(read_text(path).splitlines(), start=1):
        name = line.split("#", 1)[0].strip()
        if not name:
            continue
        if not NAME.fullmatch(name):
            raise UserError(f"{path}:{n}: {name!r} is not a scenario name (lower-case "
                            "letters, digits and _; the file name without .yaml)")
        if name in names:
            raise UserError(f"{path}:{n}: {name} is listed twice")
        if not (path.parent / f"{name}.yaml").is_file():
            raise UserError(f"{path}:{n}: {name}: no {name}.yaml in {path.parent}")
        names.append(name)
    if not names:
        raise UserError(f"{path}: no scenario listed")
    return names


def main_files(path: Path = MAIN_JOB) -> list[Path]:
    """The main job's scenario files, in order."""
    return [path.parent / f"{name}.yaml" for name in main_options(path)]
