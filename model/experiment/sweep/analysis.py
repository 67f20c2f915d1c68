"""Collecting a sweep's stored chunks into tables, its sensitivity indices (SALib) and
the lines of its terminal report."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from ... import store
from ...errors import UserError
from .designs import salib_problem
from .execution import SweepDir
from .spec import SweepSpec


def collect(out: Path) -> dict[str, pd.DataFrame]:
    """Join the stored parts into sweep.parquet (+ sensitivity.parquet when due)."""
    out = Path(out)
    man_path = out / "manifest.json"
    if not man_path.exists():
        raise UserError(f"{out}: not a sweep directory (no manifest.json)")
    man = store.read_manifest(man_path)
    if man is None or man.get("kind") != "sweep":
        found = store.result_kind(out)
        what = f"holds a {found} result" if found else "holds no result of this tool"
        raise UserError(f"{out}: {what}, not a sweep; collect joins the stored parts of a "
                        "sweep directory (python simulate.py sweep FILE --out DIR)")
    try:
        return _collect(out, man)
    except OSError as exc:
        raise UserError(f"{out}: cannot write the collected tables ({exc.strerror or exc}); "
                        "the stored chunks are untouched") from None


def _collect(out: Path, man: dict) -> dict[str, pd.DataFrame]:
    points = pd.read_parquet(out / "points.parquet")
    parts = sorted(SweepDir(out).parts.glob("chunk-*.parquet"))
    if not parts:
        raise UserError(f"{out}: no finished chunks to collect yet")
    runs = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    runs = runs.sort_values(["point", "replication"], kind="stable").reset_index(drop=True)
    table = points.merge(runs, on="point", how="inner")
    cols = ["point", *man["factors"], "replication"]
    table = table[cols + [c for c in table.columns if c not in cols]]
    store.write_table(out / "sweep.parquet", table)
    result = {"sweep": table}
    complete = len(runs) == man["runs"]
    if complete and man["design"] in ("sobol", "morris"):
        sens = sensitivity(SweepSpec.model_validate(man["spec"]), points, runs)
        store.write_table(out / "sensitivity.parquet", sens)
        result["sensitivity"] = sens
    man["collected"] = {"runs": int(len(runs)), "complete": bool(complete)}
    store.write_json(out / "manifest.json", man)
    return result


def sensitivity(spec: SweepSpec, points: pd.DataFrame, runs: pd.DataFrame) -> pd.DataFrame:
    """SALib indices on the per-point mean over replications, and the noise share.

    Replication noise is handled by averaging the replications of each point (common
    random numbers make the averages comparable across points) and reported as
    ``noise_share``: the variance of a point mean due to replication noise
    (mean within-point variance / replications) over the variance of the point means.
    """
    from SALib.analyze import morris as morris_analyze
    from SALib.analyze import sobol as sobol_analyze
    problem = salib_problem(spec)
    seed = int(np.random.SeedSequence([spec.seed, 7]).generate_state(1)[0])
    X = points[list(spec.factors)].to_numpy(float)
    rows = []
    for out in spec.outputs:
        g = runs.groupby("point")[out]
        Y = g.mean().reindex(points.point).to_numpy(float)
        if not np.all(np.isfinite(Y)):
            Y = np.where(np.isfinite(Y), Y, np.nanmean(Y))
        within = float(g.var(ddof=1).mean()) if spec.replications > 1 else math.nan
        total = float(np.var(Y, ddof=1)) if len(Y) > 1 else math.nan
        noise = (within / spec.replications / total) if total and total > 0 else math.nan
        rows.append({"output": out, "factor": "(replication noise)", "method": spec.design,
                     "index": "noise_share", "value": noise, "ci_low": math.nan,
                     "ci_high": math.nan})
        if spec.design == "sobol":
            res = sobol_analyze.analyze(problem, Y, calc_second_order=False,
                                        conf_level=0.95, seed=seed)
            for idx in ("S1", "ST"):
                for name, v, c in zip(problem["names"], res[idx], res[f"{idx}_conf"]):
                    rows.append({"output": out, "factor": name, "method": "sobol",
                                 "index": idx, "value": float(v), "ci_low": float(v - c),
                                 "ci_high": float(v + c)})
        else:
            res = morris_analyze.analyze(problem, X, Y, conf_level=0.95,
                                         num_levels=spec.morris_levels, seed=seed)
            for name, mu, c, sg in zip(problem["names"], res["mu_star"],
                                       res["mu_star_conf"], res["sigma"]):
                rows.append({"output": out, "factor": name, "method": "morris",
                             "index": "mu_star", "value": float(mu), "ci_low": float(mu - c),
                             "ci_high": float(mu + c)})
                rows.append({"output": out, "factor": name, "method": "morris",
                             "index": "sigma", "value": float(sg), "ci_low": math.nan,
                             "ci_high": math.nan})
    return pd.DataFrame(rows)
