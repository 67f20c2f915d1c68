"""Running a sweep: its directory, the chunks of (point, replication) tasks and the
executors (serial, a process pool, Dask). Every file is written by :mod:`model.store`'s
atomic writes, so a stored part is always complete."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ... import store
from ...errors import UserError
from ...store.atomic import make_dirs
from ...store.provenance import file_sha256
from .. import sizing
from .designs import design_points
from .spec import SweepSpec, spec_hash

MAX_RUNS = 2_000_000
MANIFEST_INTERVAL_SECONDS = 10.0


def simulate_run(scenario: dict, point: int, replication: int, seed: int) -> dict:
    """Default evaluator: one replication of the simulation; returns its summary KPIs."""
    from .. import replication_kpis
    return replication_kpis(scenario, replication, seed)


def run_chunk(tasks: list[tuple[int, int]], scenarios: dict[int, dict], seed: int,
              evaluator: Callable = simulate_run) -> list[dict]:
    """Run a chunk of (point, replication) tasks; only plain data in and out."""
    from ...sim.workforce import older_objects_frozen
    rows = []
    with older_objects_frozen():
        for point, rep in tasks:
            out = evaluator(scenarios[point], point, rep, seed)
            rows.append({"point": point, "replication": rep, **out})
    return rows


def _chunk_job(cid, tasks, scenarios, seed, evaluator):
    return cid, run_chunk(tasks, scenarios, seed, evaluator)


def make_chunks(n_points: int, replications: int, size: int) -> list[list[tuple[int, int]]]:
    tasks = [(p, r) for p in range(n_points) for r in range(replications)]
    return [tasks[i:i + size] for i in range(0, len(tasks), size)]


@dataclass(frozen=True)
class SweepDir:
    """Where a sweep's files are: ``parts/chunk-NNNNN.parquet``, points, manifest."""

    out: Path

    @property
    def parts(self) -> Path:
        return self.out / "parts"

    def part_path(self, cid: int) -> Path:
        return self.parts / f"chunk-{cid:05d}.parquet"

    def done(self, cid: int) -> bool:
        return self.part_path(cid).exists()


def write_part(sweep_dir: SweepDir, cid: int, rows: list[dict]) -> None:
    """Store one finished chunk (atomically: a part on disk is always complete)."""
    store.write_table(sweep_dir.part_path(cid), pd.DataFrame(rows))


def prepare(spec: SweepSpec, base: dict, out: Path, force: bool, sweep_file: str,
            provenance: dict) -> tuple[SweepDir, pd.DataFrame, list, dict]:
    """Create or reopen the sweep directory; refuse a changed sweep unless ``force``."""
    out = Path(out)
    sweep_dir = SweepDir(out)
    digest = spec_hash(spec, base)
    check_runs(spec, sweep_file)
    if out.exists() and any(out.iterdir()):
        old = store.read_manifest(out / "manifest.json")
        if store.result_kind(out) != "sweep":
            if not force:
                raise UserError(f"{out}: directory exists and is not a sweep result; "
                                "choose another --out")
        elif old.get("spec_sha256") != digest:
            if not force:
                raise UserError(f"{out}: holds a sweep of a different sweep file or base; "
                                "use --force to start over or choose another --out")
            store.clear_own(out)
    make_dirs(sweep_dir.parts)
    points = design_points(spec)
    n_runs = len(points) * spec.replications
    chunks = make_chunks(len(points), spec.replications, spec.chunk_size)
    manifest = {
        "kind": "sweep", "files": store.SWEEP_FILES, "name": spec.name,
        "sweep_file": sweep_file, "sweep_sha256": file_sha256(sweep_file),
        "spec_sha256": digest, "spec": spec.model_dump(mode="json"), "design": spec.design,
        "factors": list(spec.factors), "outputs": list(spec.outputs), "seed": spec.seed,
        "replications": spec.replications, "years": base["simulation"]["years"],
        "warmup_years": base["simulation"]["warmup_years"], "points": len(points),
        "runs": n_runs,
        "chunks": [{"id": i, "tasks": len(c),
                    "state": "done" if sweep_dir.done(i) else "pending"}
                   for i, c in enumerate(chunks)],
        **provenance,
    }
    manifest.setdefault("package", store.PACKAGE)
    store.write_table(out / "points.parquet", points)
    store.write_json(out / "manifest.json", manifest)
    return sweep_dir, points, chunks, manifest


def check_runs(spec: SweepSpec, sweep_file) -> None:
    """Refuse a sweep of more than MAX_RUNS runs, from the factor lists alone."""
    n_runs = spec.point_count() * spec.replications
    if n_runs > MAX_RUNS:
        raise UserError(f"{sweep_file}: {n_runs:,} runs; at most {MAX_RUNS:,} allowed")


def work(spec: SweepSpec, base: dict) -> sizing.Work:
    """The estimated work of the sweep (for :func:`model.experiment.sizing.check`)."""
    posts = base["unit"]["posts"]
    fac = spec.factors.get("unit.posts")
    if fac is not None:
        posts = max(fac) if isinstance(fac, list) else fac.high
    years = base["simulation"]["years"] + base["simulation"]["warmup_years"]
    return sizing.sweep(spec.point_count(), spec.replications, float(posts), years,
                        len(json.dumps(base)))


def execute(sweep_dir: SweepDir, chunks: list, scenarios: dict[int, dict], seed: int,
            manifest: dict, workers: int = 1, scheduler: str | None = None,
            evaluator: Callable = simulate_run, progress=None) -> int:
    """Run every chunk not yet stored; returns the number of chunks run now."""
    todo = [i for i in range(len(chunks)) if not sweep_dir.done(i)]
    if not todo:
        return 0

    last_write = [time.monotonic()]

    def save_manifest():
        store.write_json(sweep_dir.out / "manifest.json", manifest)
        last_write[0] = time.monotonic()

    def finished(cid, rows):
        try:
            write_part(sweep_dir, cid, rows)
            manifest["chunks"][cid]["state"] = "done"
            # the parts are the record of what is done; the manifest's copy of the chunk
            # states is rewritten in batches, not after every chunk
            if time.monotonic() - last_write[0] >= MANIFEST_INTERVAL_SECONDS:
                save_manifest()
        except OSError as exc:
            raise UserError(f"{sweep_dir.out}: cannot write chunk {cid} "
                            f"({exc.strerror or exc}); finished chunks are kept: re-run the "
                            "same command to resume") from None
        if progress:
            progress(len(chunks[cid]))

    def payload(cid):
        pts = sorted({p for p, _ in chunks[cid]})
        return chunks[cid], {p: scenarios[p] for p in pts}

    if scheduler:
        _execute_dask(todo, payload, finished, seed, workers, scheduler, evaluator)
    elif workers <= 1:
        for cid in todo:
            tasks, scen = payload(cid)
            finished(cid, run_chunk(tasks, scen, seed, evaluator))
    else:
        from .. import run_on_pool
        run_on_pool(workers, [(_chunk_job, (cid, *payload(cid), seed, evaluator))
                              for cid in todo], lambda res: finished(*res))
    try:
        save_manifest()
    except OSError as exc:
        raise UserError(f"{sweep_dir.out}: cannot write the manifest ({exc.strerror or exc}); "
                        "finished chunks are kept: re-run the same command") from None
    return len(todo)


def _execute_dask(todo, payload, finished, seed, workers, scheduler, evaluator) -> None:
    from .. import run_on_dask
    run_on_dask(scheduler, workers, [(_chunk_job, (cid, *payload(cid), seed, evaluator))
                                     for cid in todo], lambda res: finished(*res))
