"""A calibration's result in words: the report printed and the calibrated delta file."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import yaml

from ..config.scenario import get_path
from .console import digits, plain

# a fitted value this close to an end of its range (as a share of the range) is warned of
# when a target is missed; one at the end (AT_EDGE_SHARE) whether or not they are met
EDGE_SHARE = 0.10
AT_EDGE_SHARE = 0.01
# a fitted value this many times the scenario's own (or its inverse) is noted: the
# national hazard doubled to fit a unit's exits says the unit differs in something else
FAR_RATIO = 1.5


def report_lines(scenario, params, best, report: pd.DataFrame) -> list[str]:
    """What a calibration found: each parameter, each target against its simulated mean."""
    sim = scenario.simulation
    lines = ["", f"Calibration of {scenario.name} ({sim.replications} replications x "
                 f"{sim.years:g} years, seed {sim.seed}; common random numbers):"]
    edges, moved = [], []
    # near an end (a tenth of the range) matters when a target is missed; at an end (a
    # hundredth) always: a fit that meets its targets inside the range needs no warning
    near = EDGE_SHARE if not report.met.all() else AT_EDGE_SHARE
    before = scenario.model_dump()
    for (p, lo, hi), v in zip(params, best):
        was = get_path(before, p)
        ratio = v / was if isinstance(was, (int, float)) and was > 0 else None
        lines.append(f"  {p} = {digits(v)}   (searched {plain(lo)} to {plain(hi)}"
                     + (f"; was {digits(was)}, x {ratio:.2f}" if ratio else "") + ")")
        if ratio and not 1 / FAR_RATIO <= ratio <= FAR_RATIO:
            moved.append(f"{p} is {ratio:.2f} times the value the scenario had "
                         f"({digits(was)})")
        if hi > lo and min(v - lo, hi - v) <= near * (hi - lo):
            edges.append(f"{p} = {digits(v)} lies at the {'low' if v - lo < hi - v else 'high'}"
                         f" end of the range searched ({plain(lo)} to {plain(hi)})")
    lines.append("Targets (observed value, tolerance) against simulated mean (95 % interval):")
    for r in report.itertuples():
        lines.append(f"  {r.target}: {digits(r.value)} ± {digits(r.tolerance)} vs "
                     f"{digits(r.simulated, 4)} ({digits(r.ci_low, 4)} – {digits(r.ci_high, 4)})"
                     f"  {'met' if r.met else 'NOT met'}")
    for edge in edges:
        lines.append(f"Warning: {edge}: the best value may lie beyond it, or the "
                     "parameter is not what moves the targets; widen the range (--params "
                     "PATH=LOW:HIGH) or check the targets before trusting the fit.")
    loose = [r.target for r in report.itertuples() if r.tolerance >= abs(r.value) > 0]
    if loose:
        lines.append(f"Note: {', '.join(loose)}: the tolerance is as large as the observed "
                     "value itself (few exits behind it), so meeting it says little; the "
                     "fit rests on the other targets.")
    for m in moved:
        lines.append(f"Note: {m}: the unit differs from the one the scenario describes in "
                     "something its other parameters do not carry (the pull of other "
                     "employers, pay, the local labour market, how the unit is led); the "
                     "fit carries that difference, and the measures act on top of it. "
                     "Check the targets and the unit's posts, managers and inflow first.")
    if not report.met.all():
        lines.append("Not every target is met: the file written holds the best values found, "
                     "not a calibrated unit. A wide interval means too few replications "
                     "(or runs that collapse: look at the replications one by one); "
                     "otherwise widen the ranges, add parameters or check the targets.")
    return lines


# the line of a calibrated file's header that states the run settings of the fit
# (written by delta_text, read by fitted_over)
FITTED = re.compile(r"^# Fitted over (\S+) years after (\S+) warm-up years, (\d+) "
                    r"replications, seed (\d+)\.")


def fitted_over(path: str | Path) -> dict | None:
    """The run settings a calibrated scenario was fitted with, from the header that
    :func:`delta_text` writes in the file or in the nearest file it extends that has
    one: ``{file, years, warmup_years, replications, seed}``; None for a scenario that
    was never calibrated."""
    from ..config.scenario import source_files
    from ..errors import UserError
    from ..store.files import read_text
    try:
        files = source_files(path)
    except UserError:
        return None
    for f in files:
        try:
            head = read_text(f).splitlines()[:20]
        except UserError:
            continue
        for line in head:
            m = FITTED.match(line)
            if m:
                return {"file": f, "years": float(m[1]), "warmup_years": float(m[2]),
                        "replications": int(m[3]), "seed": int(m[4])}
    return None


def delta_text(out: Path, scenario_path: Path, params, best, report: pd.DataFrame,
               name: str, sim=None) -> str:
    """The calibrated scenario (to be written to ``out``): a delta file extending the
    calibrated one; ``sim`` (the run settings of the fit) is stated in its header."""
    rel = os.path.relpath(Path(scenario_path).resolve(), Path(out).resolve().parent)
    data: dict = {}
    from ..config.scenario import apply_override, load_scenario
    for (path, _, _), v in zip(params, best):
        parts = tuple(path.split("."))
        if any(p.isdigit() for p in parts):
            # a list item (e.g. a tenure band): lists replace whole, so write the list
            top = parts[:next(i for i, p in enumerate(parts) if p.isdigit())]
            full = load_scenario(scenario_path).model_dump(mode="json")
            merged = apply_override(full, parts, float(f"{v:.6g}"), {}, "calibrate")
            node, src = data, merged
            for part in top[:-1]:
                node = node.setdefault(part, {})
                src = src[part]
            node[top[-1]] = src[top[-1]]
            continue
        node = data
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = float(f"{v:.6g}")
    screen = None
    if sim is not None:
        from ..experiment.calibration import plausible_range
        screen = plausible_range(tuple(sim.plausible_turnover), report, sim.replications)
    if screen is not None:
        data.setdefault("simulation", {})["plausible_turnover"] = list(screen)
    lines = [f"# Calibrated by: python simulate.py calibrate (fitted: "
             f"{', '.join(p for p, _, _ in params)})"]
    if sim is not None:
        lines += [f"# Fitted over {sim.years:g} years after {sim.warmup_years:g} warm-up years, "
                  f"{sim.replications} replications, seed {sim.seed}. Runs over another",
                  "# horizon show another turnover (most in a unit near its tipping point):",
                  "# compare on this file with the same --years and --warmup-years."]
    lines.append("# Targets (value, simulated, 95% CI):")
    for r in report.itertuples():
        lines.append(f"#   {r.target}: {digits(r.value)} vs {digits(r.simulated, 4)} "
                     f"[{digits(r.ci_low, 4)}, {digits(r.ci_high, 4)}] "
                     f"{'met' if r.met else 'NOT met'}")
    if screen is not None:
        lines += [f"# simulation.plausible_turnover widened to {screen[0]:g}-{screen[1]:g} so "
                  "that the uncertainty analysis", "# keeps the futures in which the unit "
                  "shows its own turnover (the target's band and one run's spread)."]
    body = yaml.safe_dump({"extends": rel, "name": f"{name}_calibrated", **data},
                          sort_keys=False, allow_unicode=True)
    return "\n".join(lines) + "\n" + body
