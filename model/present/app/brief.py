"""The option list as the committee brief: the base and the kept options written as a
comparison result directory the app owns, the brief rendered from it by the brief's own
code (``model.present.dashboard.brief``) and printed to an A4 PDF (``model.present.dashboard.pdf``).

The replications run again in the app's worker processes (with the same seed they give
the numbers the list shows; the brief also needs the events table, which the what-if
cache does not hold). The export runs on a thread of its own, never on the web
server's; the page asks for its state until it is done. Each export gets a new
directory under ``<options dir>/briefs/``, claimed by :func:`model.store.claim`: nothing
is written over a file the app did not write.
"""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ... import store
from ...errors import UserError
from ...experiment import compare
from ...sim.params import Scenario
from ...store import provenance
from ..catalogue import LANGS
from ..dashboard import pdf
from ..dashboard.brief import render_brief
from ..dashboard.data import load_results
from .i18n import tr
from .options import Option, slug

SUBDIR = "briefs"


def _same(a: Scenario, b: Scenario) -> bool:
    keep = {"name": "x", "title": None, "description": ""}
    return a.model_copy(update=keep) == b.model_copy(update=keep)


def scenarios(base: Scenario, options: list[tuple[Option, Scenario]],
              lang: str) -> list[Scenario]:
    """The base and the options as the brief compares them: one base (the options must
    share it: the same unit, assumptions and run settings), each option named and
    titled (both languages) by the name the user gave it."""
    if not options:
        raise UserError(tr("brief_none", lang))
    if any(not _same(b, base) for _, b in options):
        raise UserError(tr("brief_bases", lang))
    out = [base.model_copy(update={"name": "base"})]
    used = {"base"}
    for opt, _ in options:
        stem = slug(opt.name)
        name = next(n for n in (stem if k == 1 else f"{stem}_{k}"
                                for k in itertools.count(1)) if n not in used)
        used.add(name)
        out.append(Scenario.model_validate({**opt.scenario.model_dump(mode="json"),
                                            "name": name,
                                            "title": dict.fromkeys(LANGS, opt.name)}))
    return out


def result_tables(runner, sims: list[Scenario]) -> dict[str, pd.DataFrame]:
    """Every replication of every scenario (run in the app's workers), with the
    comparison and cost-benefit tables, as ``compare`` writes them."""
    sim = sims[0].simulation
    parts = runner.full_tables(sims)
    tables = {t: pd.concat([p[t] for p in parts], ignore_index=True) for t in parts[0]}
    return compare.with_analysis(tables, sim)


def manifest(sims: list[Scenario], started: str, t0: float, workers: int) -> dict:
    head = {"kind": "comparison", "base": sims[0].name, "measures_on_base": True,
            "source": "app",
            "scenarios": [{"name": sc.name, "file": "", "sha256": "",
                           "resolved": sc.model_dump(mode="json")} for sc in sims]}
    return provenance.build_manifest(head, sims[0].simulation, [], started,
                                     workers=workers, t0=t0)


def new_directory(options_dir: Path) -> Path:
    """A directory name not taken yet: ``briefs/<date-time>`` (``_2`` ... after it)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    root = Path(options_dir) / SUBDIR
    for k in itertools.count(1):
        path = root / (stamp if k == 1 else f"{stamp}_{k}")
        if not path.exists():
            return path
    raise AssertionError("unreachable")


@dataclass
class Written:
    directory: Path
    html: Path
    pdf: Path | None = None
    no_browser: str = ""


def write(runner, sims: list[Scenario], options_dir: Path, lang: str,
          say=lambda line: None) -> Written:
    """Run, write the result directory, render the brief in ``lang`` and print it."""
    started, t0 = provenance.now_iso(), time.perf_counter()
    out = new_directory(options_dir)
    with store.claim(out, "comparison", directory=True, say=say) as target:
        tables = result_tables(runner, sims)
        target.write_result(tables, manifest(sims, started, t0, runner.workers))
    page = render_brief(load_results(out), lang, None)
    html_path = out / f"brief_{lang}.html"
    with store.claim(html_path, "brief", directory=False, say=say) as target:
        target.write_text(page)
    done = Written(out, html_path)
    pdf_path = html_path.with_suffix(".pdf")
    with store.claim(pdf_path, "brief", directory=False, say=say) as target:
        try:
            with pdf.browser() as b:
                target.write_bytes(pdf.html_to_pdf(b, page))
            done.pdf = pdf_path
        except pdf.NoBrowser as exc:
            done.no_browser = str(exc)
    return done


@dataclass
class Export:
    id: int
    lang: str
    state: str = "running"               # running | done | error
    result: Written | None = None
    error: str = ""
    delivered: bool = False


@dataclass
class BriefMaker:
    """One export at a time, each on a thread of its own."""

    runner: object
    options_dir: Path
    _jobs: dict[int, Export] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, sims: list[Scenario], lang: str) -> int:
        with self._lock:
            if any(j.state == "running" for j in self._jobs.values()):
                raise UserError(tr("brief_busy", lang))
            job = Export(next(self._ids), lang)
            self._jobs[job.id] = job
        threading.Thread(target=self._run, args=(job, sims), daemon=True,
                         name=f"brief-{job.id}").start()
        return job.id

    def _run(self, job: Export, sims: list[Scenario]) -> None:
        try:
            job.result = write(self.runner, sims, self.options_dir, job.lang)
            job.state = "done"
        except UserError as exc:
            job.error, job.state = str(exc), "error"
        except Exception as exc:  # noqa: BLE001 - shown to the user, the app goes on
            job.error, job.state = f"{type(exc).__name__}: {exc}", "error"

    def get(self, job_id) -> Export | None:
        try:
            return self._jobs.get(int(job_id))
        except (TypeError, ValueError):
            return None
