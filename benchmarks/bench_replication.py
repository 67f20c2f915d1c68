"""Milliseconds per 10-year replication of the 40-post baseline, beside the plain
SimPy reference prototype measured in the same run (speed reported as a ratio).

    python benchmarks/bench_replication.py [--reps N] [--reference PATH] [--profile]
                                           [--kernels]

``--profile`` adds the wall time of each step of the model (each step timed by a thin
wrapper). ``--kernels`` adds the time spent inside the compiled weekly kernels (numba),
calls and all: the weekly arithmetic itself, the floor that a replication cannot go
below however its Python orchestration, events and random draws are arranged.

The reference prototype lives outside the project (../shared/bench/); it is imported
from there, never copied.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.config.scenario import load_scenario  # noqa: E402
from model.sim.workforce import Model, older_objects_frozen  # noqa: E402

DEFAULT_REF = ROOT.parent / "shared" / "bench" / "reference_prototype.py"


def _baseline(posts: int, years: float):
    return load_scenario(ROOT / "scenarios" / "baseline.yaml",
                         [f"unit.posts={posts}", f"simulation.years={years}",
                          "simulation.warmup_years=0",
                          f"cases.investigations.arrivals_per_year={520 * posts / 40}",
                          f"cases.ongoing.arrivals_per_year={220 * posts / 40}"])


def time_project(reps: int, posts: int = 40, years: float = 10):
    sc = _baseline(posts, years)
    Model(sc, reps).run()      # warm-up: load (or, the first time, compile) the loops
    walls, events = [], []
    with older_objects_frozen():          # as run_scenario and sweeps run replications
        for r in range(reps):
            t = time.perf_counter()
            m = Model(sc, r)
            m.run()
            walls.append(time.perf_counter() - t)
            events.append(next(m.env._eid))
    return statistics.median(walls) * 1000, statistics.median(events)


def _timed_step(step, spent):
    run = step.run

    def timed(u):
        t = time.perf_counter()
        try:
            return run(u)
        finally:
            spent[step.name] += time.perf_counter() - t
    return timed


def profile(reps: int) -> None:
    """Wall time per step of the model (each step timed by a thin wrapper, ~0.3 µs per
    call; cProfile would inflate the many small Python calls several-fold)."""
    from collections import defaultdict

    from model.sim import lifecycle, metrics, workforce
    steps = [(lifecycle, "leave"), (lifecycle, "hire"), (lifecycle, "_try_consultant"),
             (metrics.Recorder, "tables"), (workforce.Model, "run")]
    spent: dict[str, float] = defaultdict(float)
    saved = []

    def timed(owner, name):
        fn = getattr(owner, name)
        label = f"{getattr(owner, '__name__', '').split('.')[-1]}.{name}"

        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[label] += time.perf_counter() - t
        saved.append((owner, name, fn))
        setattr(owner, name, wrapper)

    for owner, name in steps:
        timed(owner, name)
    weekly = workforce.WEEKLY_STEPS
    workforce.WEEKLY_STEPS = tuple(step._replace(run=_timed_step(step, spent))
                                   for step in weekly)
    try:
        sc = _baseline(40, 10)
        with older_objects_frozen():
            for r in range(reps):
                Model(sc, r).run()
    finally:
        workforce.WEEKLY_STEPS = weekly
        for owner, name, fn in saved:
            setattr(owner, name, fn)
    total = spent.pop("Model.run")
    print(f"\nwhere a replication's time goes ({reps} replications; nested steps, e.g. a "
          "hire inside the weekly leaving pass, are counted in both):")
    print("| step | ms per replication | share of the run |\n|---|---|---|")
    for label, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"| `{label}` | {sec / reps * 1000:.1f} | {sec / total:.0%} |")
    print(f"| whole run (`Model.run`) | {total / reps * 1000:.1f} | 100% |")


def kernels(reps: int) -> None:
    """Time inside the compiled kernels (``model.sim.jit.entry``): each kernel's class is
    swapped for one whose call is timed, after a warm-up replication has compiled them.
    The time includes numba's unboxing of the arguments (named tuples of arrays), the
    cost of crossing into compiled code; the wrapper's own cost (measured on a no-op of
    the same shape) is taken off."""
    import gc
    from collections import defaultdict

    from model.sim import jit

    sc = _baseline(40, 10)
    Model(sc, reps + 1).run()           # compile (or load) every kernel and swap it in
    spent: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    clock = time.perf_counter

    def timed_call(fast, name):
        def call(self, *args):
            t = clock()
            try:
                return fast(*args)
            finally:
                spent[name] += clock() - t
                calls[name] += 1
        return call

    found = [k for k in gc.get_objects() if isinstance(k, jit.entry)]
    saved = [(k, k.__class__) for k in found]
    for k in found:
        cls = k.__class__
        k.__class__ = type(f"timed_{k.__name__}", (cls,),
                           {"__call__": timed_call(cls.__call__, k.__name__)})
    try:
        t0 = clock()
        with older_objects_frozen():
            for r in range(reps):
                Model(sc, r).run()
        total = clock() - t0
    finally:
        for k, cls in saved:
            k.__class__ = cls
    # the wrapper's own cost per call, on a no-op called the same way
    probe = type("probe", (), {"__call__": timed_call(lambda: None, "_probe")})()
    n = 100_000
    for _ in range(n):
        probe()
    per_call = spent.pop("_probe") / n
    calls.pop("_probe")
    ncalls = sum(calls.values())
    inside = sum(spent.values()) - ncalls * per_call
    print(f"\ntime inside the compiled kernels ({reps} replications, {len(found)} kernels; "
          "the timer's own cost per call taken off):")
    print("| kernel | calls per replication | ms per replication |\n|---|---|---|")
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1])[:12]:
        net = sec - calls[name] * per_call
        print(f"| `{name}` | {calls[name] / reps:,.0f} | {net / reps * 1000:.2f} |")
    print(f"| all kernels | {ncalls / reps:,.0f} | {inside / reps * 1000:.1f} |")
    rest = total - inside
    print(f"whole replication {total / reps * 1000:.1f} ms (timers included); inside the "
          f"kernels {inside / reps * 1000:.1f} ms; the rest (Python's weekly steps, SimPy "
          f"events, random draws, tables) {rest / reps * 1000:.1f} ms")


def time_reference(path: Path, reps: int):
    spec = importlib.util.spec_from_file_location("reference_prototype", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    walls = [mod.replicate(r + 1)["wall"] for r in range(reps)]
    return statistics.median(walls) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--reference", type=Path, default=DEFAULT_REF)
    ap.add_argument("--profile", action="store_true", help="also print the top hotspots")
    ap.add_argument("--kernels", action="store_true",
                    help="also print the time inside the compiled kernels")
    args = ap.parse_args(argv)
    print(f"machine: {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}")
    ms, ev = time_project(args.reps)
    print(f"project baseline (40 posts, 10 years): {ms:8.1f} ms/replication, "
          f"{ev / ms * 1000:,.0f} SimPy events/s")
    if args.reference.exists():
        ref = time_reference(args.reference, args.reps)
        print(f"reference prototype (40 posts, 10 years): {ref:8.1f} ms/replication")
        print(f"ratio project / reference: {ms / ref:.2f}")
    else:
        print(f"reference prototype not found at {args.reference}; ratio not reported")
    if args.profile:
        profile(args.reps)
    if args.kernels:
        kernels(args.reps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
