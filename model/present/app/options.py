"""The options tried in the app: kept in a list, saved as scenario files, exported.

A saved option is a complete scenario (only the values that differ from the schema's
defaults are written, so it needs no other file) that ``python simulate.py run`` turns
into the same numbers: the same parameters, seed, horizon and replications. Files go
into a directory the app owns and never replace an existing file.
"""

from __future__ import annotations

import io
import itertools
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from ...config.scenario import load_scenario, load_scenario_text
from ...errors import UserError
from ...sim.params import Scenario
from ...store.atomic import create_new, make_dirs
from .. import texts, workbook
from ..dashboard.i18n import payback_text, warning_text
from .i18n import lever_label, tr
from .results import LEVELS, MEASURES, Answer

GENERATOR = "# Written by 'python simulate.py app': one option tried in the what-if app."
MAX_NAME = 60
MAX_OPTIONS = 200


@dataclass
class Option:
    id: int
    name: str
    measure: str                   # measure name ('' for the base only)
    values: dict[str, float]       # lever key -> value
    scenario: Scenario             # the option as run
    answer: Answer
    files: list[str] = field(default_factory=list)


def clean_name(text, fallback: str) -> str:
    """A name typed in the browser: printable, one line, at most MAX_NAME characters."""
    text = "".join(ch for ch in str(text or "") if ch.isprintable()).strip()
    return text[:MAX_NAME] or fallback


def slug(text: str) -> str:
    keep = re.sub(r"[^\w-]+", "_", text.lower())
    return keep.strip("_")[:MAX_NAME] or "option"


class OptionBook:
    """The options of one app, in the order they were kept."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self._items: dict[int, Option] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def add(self, name, measure: str, values: dict, scenario: Scenario,
            answer: Answer, lang: str = "en") -> Option:
        with self._lock:
            if len(self._items) >= MAX_OPTIONS:
                raise UserError(tr("max_options", lang, k=MAX_OPTIONS))
            i = next(self._ids)
            opt = Option(i, clean_name(name, f"#{i}"), measure, dict(values), scenario,
                         answer)
            self._items[i] = opt
            return opt

    def delete(self, ids) -> None:
        with self._lock:
            for i in ids or []:
                self._items.pop(int(i), None)

    def get(self, i) -> Option | None:
        try:
            return self._items.get(int(i))
        except (TypeError, ValueError):
            return None

    def all(self) -> list[Option]:
        with self._lock:
            return list(self._items.values())

    # -- files ------------------------------------------------------------------
    def save(self, opt: Option, lang: str = "en") -> Path:
        """Write the option as a scenario file in the app's directory (a new file)."""
        make_dirs(self.directory)
        stem = slug(opt.name)
        data = opt.scenario.model_dump(mode="json", exclude_defaults=True)
        data = {"name": stem,
                "title": {lang: f"{texts.title(opt.scenario, lang)}: {opt.name}"
                          for lang in ("sv", "en")},
                **{k: v for k, v in data.items() if k not in ("name", "title")}}
        text = GENERATOR + "\n" + yaml.safe_dump(data, allow_unicode=True,
                                                 sort_keys=False)
        for k in itertools.count(1):
            target = self.directory / (f"{stem}.yaml" if k == 1 else f"{stem}_{k}.yaml")
            if target.exists():
                continue
            # the file must give the option exactly, else it is not written
            check = load_scenario_text(text, target)
            if check.model_copy(update={"name": opt.scenario.name, "title":
                                        opt.scenario.title}) != opt.scenario:
                raise UserError(tr("not_written", lang, f=str(target)))
            if create_new(target, text):
                opt.files.append(target.name)
                return target
        raise AssertionError("unreachable")

    def saved(self) -> list[str]:
        """The scenario files this app wrote (they start with its generator line)."""
        if not self.directory.is_dir():
            return []
        out = []
        for p in sorted(self.directory.glob("*.yaml")):
            try:
                if p.is_file() and not p.is_symlink() and p.open(
                        encoding="utf-8").readline().rstrip("\n") == GENERATOR:
                    out.append(p.name)
            except (OSError, UnicodeDecodeError):
                continue
        return out

    def load(self, name, lang: str = "en") -> Scenario:
        """One of the app's saved files, chosen by its name in :meth:`saved`."""
        if name not in self.saved():
            raise UserError(tr("not_saved_file", lang, f=repr(name)))
        return load_scenario(self.directory / name)


# -- export -------------------------------------------------------------------------

def option_rows(options: list[Option], lang: str) -> pd.DataFrame:
    """One row per option: its results with their 95% intervals (lower and upper bound
    as numbers), in the reader's language."""
    low = f"{tr('interval', lang)}, {tr('low', lang)}"
    high = f"{tr('interval', lang)}, {tr('high', lang)}"
    rows = []
    for opt in options:
        a = opt.answer
        row = {tr("name", lang): opt.name,
               tr("measure", lang): texts.title(opt.scenario, lang),
               tr("reps", lang): a.n}
        for kpi, _ in LEVELS:
            m, lo, hi = a.levels[kpi]["option"]
            d, dlo, dhi = a.levels[kpi]["diff"]
            name, change = tr(kpi, lang), f"{tr(kpi, lang)}: {tr('change', lang)}"
            row.update({name: m, f"{name}: {low}": lo, f"{name}: {high}": hi,
                        change: d, f"{change}, {low}": dlo, f"{change}, {high}": dhi})
        for name, kind in MEASURES:
            m, lo, hi = a.measures[name]
            if kind == "payback":
                row[tr(name, lang)] = payback_text(m, lang)
            else:
                row.update({tr(name, lang): m, f"{tr(name, lang)}: {low}": lo,
                            f"{tr(name, lang)}: {high}": hi})
        row[tr("warning", lang)] = warning_text(a.service_flag, lang)
        rows.append(row)
    return pd.DataFrame(rows)


def _lever_header(key: str, lang: str) -> str:
    """A lever's column: its short name in the reader's language, its path after it."""
    step = key.split(".")[-2] if ".steps." in key else None
    name = lever_label(key, lang, str(int(step) + 1) if step and step.isdigit() else None)
    return f"{name} ({key})"


def to_excel(options: list[Option], lang: str) -> bytes:
    """The option list as an Excel workbook (the export command's writer, so every text
    cell is formula-safe): results, and the lever values."""
    levers = pd.DataFrame([{tr("name", lang): o.name,
                            **{_lever_header(k, lang): v for k, v in o.values.items()}}
                           for o in options])
    sheet_list = [("options", tr("options", lang)[:31], "", "", option_rows(options, lang),
                   None),
                  ("levers", tr("levers", lang)[:31], "", "", levers, None)]
    buf = io.BytesIO()
    workbook.workbook(buf, sheet_list, title=tr("options", lang), header=str)
    return buf.getvalue()
