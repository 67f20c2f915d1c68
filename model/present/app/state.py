"""What the app holds between requests: the base, the measures, the levers, the worker
processes, the options; and the one function that turns the browser's lever values
into a validated what-if (all checks in the reader's language)."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ...config.scenario import load_scenario, validate_data
from ...errors import ScenarioError, UserError
from ...experiment import sizing
from ...sim.params import Scenario
from ...sim.policies.working_time import DAY_HOURS, WorkingTime
from ..catalogue.numbers import exact, typed, written
from ..dashboard.data import load_results, resolved_base
from . import levers as L
from .i18n import lever_label, tr
from .limits import FIRST_REPLICATIONS
from .options import OptionBook
from .results import analyse
from .runner import Busy, WhatIfRunner

NO_MEASURE = "-"
WORKING_TIME = "policies.working_time"
# the parts of the paid day whose sum the 8-hour rule limits (the policy's own fields)
DAY_PARTS = tuple(f for f in WorkingTime.model_fields if f.endswith("_hours_per_day"))
# the app's latency target: a what-if whose refined answer is estimated (model.experiment.sizing,
# as the command line sizes its work) to take longer on the app's workers is refused
MAX_SECONDS = 60
# memory of the replications running at once (one per worker); the app's own tables of
# a replication do not grow with the posts
MAX_MEMORY_BYTES = 512 * 2**20


def open_base(source: str | Path | None, default_base: Path,
              catalogue: list[Path]) -> tuple[Scenario, dict[str, L.Measure]]:
    """The base and the measures: of a result directory (its scenarios after the first),
    or of the catalogue against a scenario file (the baseline without one)."""
    path = Path(source) if source else default_base
    if path.is_dir():
        res = load_results(path)
        base = validate_data(dict(resolved_base(res)), {}, str(path / "manifest.json"))
        others = [s.get("resolved") or {} for s in res.manifest.get("scenarios", [])[1:]]
        measures = [L.measure_from(validate_data(dict(o), {}, str(path)), base)
                    for o in others]
    else:
        base = load_scenario(path)
        written_for = load_scenario(default_base)
        measures = [L.measure_from(load_scenario(f), written_for) for f in catalogue]
    return base, {m.name: m for m in measures}


@dataclass
class AppState:
    base: Scenario
    measures: dict[str, L.Measure]
    runner: WhatIfRunner
    book: OptionBook
    years: float
    replications: int
    jobs: dict[int, tuple[str, dict, Scenario]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def create(cls, base, measures, options_dir: Path, workers: int, replications: int,
               years: float | None) -> AppState:
        reps = max(L.MIN_REPLICATIONS, min(replications, L.MAX_REPLICATIONS))
        yrs = min(years or base.simulation.years, L.MAX_YEARS)
        runner = WhatIfRunner(workers, analyse, first=min(FIRST_REPLICATIONS, reps))
        return cls(base, measures, runner, OptionBook(options_dir), yrs, reps)

    # -- levers -------------------------------------------------------------------
    def common_levers(self) -> list[L.Lever]:
        return L.unit_levers() + L.assumption_levers() + L.run_levers()

    def measure_levers(self, measure: str) -> list[L.Lever]:
        m = self.measures.get(measure)
        if m is None:
            return []
        _, option = L.build(self.base, m, {}, {})
        return L.measure_levers(option)

    def defaults(self, measure: str) -> dict[str, float]:
        """Every lever's value: the base's, the measure's, the app's horizon."""
        m = self.measures.get(measure)
        _, option = L.build(self.base, m, {}, {})
        values = {lv.key: L.value_of(option, lv)
                  for lv in self.common_levers() + self.measure_levers(measure)}
        values["simulation.years"] = self.years
        values["simulation.replications"] = self.replications
        return values

    # -- a what-if ------------------------------------------------------------------
    def check(self, lever: L.Lever, value, lang: str) -> float:
        """The lever's value as a number (typed text as the reader's language writes it:
        1,05 in Swedish) within the lever's own bounds, in the reader's language (the
        schema checks again)."""
        step = str(int(lever.path.split(".")[-2]) + 1) if ".steps." in lever.path else None
        name = lever_label(lever.key, lang, step)
        if isinstance(value, str):
            value = typed(value, lang)
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value):
            raise ScenarioError(f"{name}: {tr('must_number', lang)}")
        got = f" ({tr('got', lang)} {exact(value, lang, group=True)})"
        if lever.integer and value != int(value):
            raise ScenarioError(f"{name}: {tr('must_whole', lang)}{got}")
        if lever.low is not None and (value <= lever.low if lever.low_open
                                      else value < lever.low):
            key = "must_gt" if lever.low_open else "must_ge"
            raise ScenarioError(f"{name}: {tr(key, lang, v=exact(lever.low, lang, True))}"
                                f"{got}")
        if lever.high is not None and value > lever.high:
            raise ScenarioError(f"{name}: {tr('must_le', lang, v=exact(lever.high, lang, True))}"
                                f"{got}")
        return float(value)

    def parse(self, measure: str, values: dict, lang: str) -> dict[str, float]:
        """The browser's values of this what-if's levers as numbers, each checked
        against its lever's bounds (others are ignored); then the rules between levers
        (the working day), all in the reader's language."""
        levers = self.common_levers() + self.measure_levers(measure)
        known = {lv.key: lv for lv in levers}
        clean = {key: self.check(known[key], value, lang)
                 for key, value in values.items() if key in known}
        self._working_day(measure, clean, lang)
        return clean

    def _working_day(self, measure: str, values: dict, lang: str) -> None:
        """The working-time measure's rule about the sum: client, competence and recovery
        hours together fill at most the paid day (the schema's rule, said as one)."""
        keys = [f"{WORKING_TIME}.{f}" for f in DAY_PARTS]
        if not any(k in values for k in keys):
            return
        full = {**self.defaults(measure), **values}
        if not all(full.get(k) is not None for k in keys):
            return
        hours = [float(full[k]) for k in keys]
        if sum(hours) <= DAY_HOURS + 1e-9:
            return
        raise ScenarioError(tr(
            "day_sum", lang, names=" + ".join(lever_label(k, lang) for k in keys),
            max=exact(DAY_HOURS, lang), total=exact(round(sum(hours), 6), lang),
            parts=" + ".join(exact(h, lang) for h in hours)))

    def what_if(self, measure: str, values: dict, lang: str) -> tuple[Scenario, Scenario]:
        """(base, option) from the browser's values, validated; ScenarioError else."""
        levers = self.common_levers() + self.measure_levers(measure)
        clean = self.parse(measure, values, lang)
        names = {lv.key: lever_label(lv.key, lang) for lv in levers}
        try:
            base, option = L.build(self.base, self.measures.get(measure), clean, names)
        except ScenarioError as exc:
            # a rule of the schema between values that no lever's own check covers
            raise ScenarioError(tr("rule", lang, detail=str(exc))) from None
        self.size(base, option, lang)
        return base, option

    def size(self, base: Scenario, option: Scenario, lang: str) -> None:
        """Refuse, in the reader's language and naming the limit, a what-if whose
        refined answer would take longer than the app's latency target (or more memory
        than its share), estimated as the command line estimates its work."""
        workers = self.runner.workers
        n = option.simulation.replications
        work = sizing.what_if([base, option], n, workers)
        seconds, memory = work.seconds(workers), work.memory_bytes()
        if seconds <= MAX_SECONDS and memory <= MAX_MEMORY_BYTES:
            return
        sim = option.simulation
        posts = max(base.unit.posts, option.unit.posts)
        what = tr("size_what", lang, n=n, posts=_n(posts, lang),
                  y=_n(sim.years + sim.warmup_years, lang))
        raise ScenarioError(tr("too_large", lang, t=_duration(seconds, lang), w=workers,
                               m=_mib(memory, lang), what=what,
                               lt=_duration(MAX_SECONDS, lang),
                               lm=_mib(MAX_MEMORY_BYTES, lang)))

    def submit(self, base: Scenario, option: Scenario, session: str, lang: str) -> int:
        """Start the what-if of the page ``session``; refused in the reader's language
        when the app already has as many what-ifs under way as it takes."""
        try:
            return self.runner.submit(base, option, session)
        except Busy as exc:
            raise UserError(tr("busy", lang, k=exc.limit)) from None

    def base_of(self, measure: str, values: dict) -> Scenario:
        """The base a kept option was compared with (the unit, assumptions and run
        levers of its what-if)."""
        return L.build(self.base, self.measures.get(measure), values, {})[0]

    def start(self, measure: str) -> None:
        """Start the workers and the first what-if (the base cache) before serving."""
        self.runner.start(warm=self.base)
        base, option = L.build(self.base, self.measures.get(measure),
                               self.defaults(measure), {})
        self.runner.submit(base, option)

    def remember(self, job: int, measure: str, values: dict, option: Scenario) -> None:
        with self.lock:
            self.jobs[job] = (measure, dict(values), option)
            for old in [j for j in self.jobs if j < job - 100]:
                del self.jobs[old]

    def job(self, job, lang: str = "en") -> tuple[str, dict, Scenario]:
        try:
            return self.jobs[int(job)]
        except (KeyError, TypeError, ValueError):
            raise UserError(tr("no_job", lang)) from None

    def match(self, scenario: Scenario) -> tuple[str, dict, bool]:
        """A loaded option as (measure, lever values, exact): the first measure that
        with the file's lever values gives the file's scenario exactly."""
        def same(a: Scenario, b: Scenario) -> bool:
            keep = {"name": "x", "title": None, "description": ""}
            return a.model_copy(update=keep) == b.model_copy(update=keep)

        for name in [*self.measures, NO_MEASURE]:
            levers = self.common_levers() + self.measure_levers(name)
            values = {lv.key: L.value_of(scenario, lv) for lv in levers}
            values = {k: v for k, v in values.items() if v is not None}
            try:
                _, option = L.build(self.base, self.measures.get(name), values, {})
            except ScenarioError:
                continue
            if same(option, scenario):
                return name, values, True
        levers = self.common_levers()
        values = {lv.key: L.value_of(scenario, lv) for lv in levers}
        return NO_MEASURE, {k: v for k, v in values.items() if v is not None}, False


def _n(x: float, lang: str) -> str:
    """A count or size as the reader writes it: 5 000 / 5,000; 2,5 / 2.5."""
    s = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")
    return written(s, lang)


def _duration(seconds: float, lang: str) -> str:
    if seconds >= 3600:
        return f"{_n(round(seconds / 360) / 10, lang)} h"
    if seconds >= 120:
        return f"{_n(round(seconds / 60), lang)} min"
    return f"{_n(round(seconds), lang)} s"


def _mib(n: float, lang: str) -> str:
    return f"{_n(round(n / 2**20), lang)} MiB"
