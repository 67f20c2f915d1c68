"""Design points of a sweep (grid, random, Latin hypercube, Sobol, Morris) and the
resolved scenario of every point."""

from __future__ import annotations

import itertools
import zlib

import numpy as np
import pandas as pd

from ...config.scenario import apply_override, get_path, validate_data
from .spec import SweepSpec

DESIGN_KEY = "sweep-design"


def salib_problem(spec: SweepSpec) -> dict:
    names = list(spec.factors)
    return {"num_vars": len(names), "names": names,
            "bounds": [[spec.factors[n].low, spec.factors[n].high] for n in names]}


def design_points(spec: SweepSpec) -> pd.DataFrame:
    """The design: one row per point, one column per factor (in file order)."""
    names = list(spec.factors)
    seed = int(np.random.SeedSequence([spec.seed, zlib.crc32(DESIGN_KEY.encode())])
               .generate_state(1)[0])
    if spec.design == "grid":
        rows = list(itertools.product(*[spec.factors[n] for n in names]))
        X = pd.DataFrame(rows, columns=names)
    else:
        lo = np.array([spec.factors[n].low for n in names])
        hi = np.array([spec.factors[n].high for n in names])
        if spec.design == "random":
            u = np.random.default_rng(seed).random((spec.samples, len(names)))
            X = lo + u * (hi - lo)
        elif spec.design == "lhs":
            from scipy.stats import qmc
            u = qmc.LatinHypercube(d=len(names), seed=np.random.default_rng(seed)).random(
                spec.samples)
            X = lo + u * (hi - lo)
        elif spec.design == "sobol":
            from SALib.sample import sobol as sobol_sample
            X = sobol_sample.sample(salib_problem(spec), spec.samples,
                                    calc_second_order=False, seed=seed)
        else:
            from SALib.sample import morris as morris_sample
            X = morris_sample.sample(salib_problem(spec), spec.samples,
                                     num_levels=spec.morris_levels, seed=seed)
        X = pd.DataFrame(np.asarray(X, float), columns=names)
    X.insert(0, "point", np.arange(len(X)))
    return X


def _integer_paths(base: dict, names: list[str]) -> set[str]:
    """Factors whose parameter is a whole number in the schema (sampled values rounded)."""
    return {n for n in names
            if isinstance(v := get_path(base, n), int) and not isinstance(v, bool)}


def point_scenarios(spec: SweepSpec, base: dict, points: pd.DataFrame) -> list[dict]:
    """The resolved scenario (plain data) of every point."""
    names = list(spec.factors)
    ints = _integer_paths(base, names)
    out = []
    values = points[names].to_numpy(dtype=object)
    for i, row in enumerate(values):
        data = base
        origin: dict = {}
        for n, v in zip(names, row):
            v = _plain(v)
            if n in ints and isinstance(v, float):
                v = int(round(v))
            data = apply_override(data, tuple(n.split(".")), v, origin, f"factor {n}")
        sc = validate_data(data, origin, f"point {int(points.point.iloc[i])}")
        out.append(sc.model_dump(mode="json"))
    return out


def _plain(v):
    if isinstance(v, np.generic):
        return v.item()
    return v
