"""sweep and collect: parameter sweeps, resumable, and their collection."""

from __future__ import annotations

import time
from pathlib import Path

from ..errors import clean
from .common import DEFAULT_RESULTS, _check_size, _claim, _note, _safe_name


def cmd_sweep(args) -> int:
    from .. import experiment
    from ..experiment import sweep
    from ..present.console import progress_bar
    from ..present.sweep_text import report_lines
    from ..store import provenance

    spec, base_path, base = sweep.load_sweep(args.file)
    name = spec.name or Path(args.file).stem
    out = Path(args.out) if args.out else DEFAULT_RESULTS / _safe_name(name)
    workers = args.workers or experiment.default_workers()
    sweep.check_runs(spec, args.file)
    _check_size(sweep.work(spec, base), args)
    with _claim(out, "sweep", args, inputs=[args.file, base_path], in_place=True):
        sweep_dir, points, chunks, manifest = sweep.prepare(
            spec, base, out, args.force, str(args.file),
            {**provenance.provenance(), "base_file": str(base_path),
             "started": provenance.now_iso()})
        scenarios = dict(enumerate(sweep.point_scenarios(spec, base, points)))
        total = len(points) * spec.replications
        done_before = sum(len(c) for i, c in enumerate(chunks) if sweep_dir.done(i))
        t0 = time.perf_counter()
        with progress_bar(total, args.quiet, clean(name), done=done_before) as bar:
            ran = sweep.execute(sweep_dir, chunks, scenarios, spec.seed, manifest,
                                workers=workers, scheduler=args.scheduler, progress=bar)
        wall = time.perf_counter() - t0
        result = sweep.collect(out)
    where = f"Dask ({args.scheduler})" if args.scheduler else (
        "serial" if workers <= 1 else f"{workers} processes")
    print(f"\nSweep '{clean(name)}': {len(points)} points x {spec.replications} replications "
          f"({spec.design} design), {total - done_before} runs now ({ran} chunks, {where}, "
          f"{wall:.1f} s), {done_before} resumed from earlier.")
    for line in report_lines(spec, result):
        print(clean(line))
    print(f"\nTables in {out}/: sweep.parquet"
          + (", sensitivity.parquet" if "sensitivity" in result else "")
          + ", points.parquet, manifest.json, parts/")
    return 0


def cmd_collect(args) -> int:
    from .. import store
    from ..experiment import sweep

    # collect checks the directory itself and writes only its own tables: the claim is
    # for the lock and the recovery of an interrupted write
    with store.claim(args.results, "sweep", directory=True, in_place=True, force=True,
                     say=_note):
        result = sweep.collect(Path(args.results))
    print(f"{args.results}/sweep.parquet: {len(result['sweep'])} rows"
          + ("; sensitivity.parquet written" if "sensitivity" in result else ""))
    return 0
