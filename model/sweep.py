"""Parameter sweeps from YAML: designs, executors, a resumable store, sensitivity.

A sweep file names a base scenario, the factors (any parameter path of the scenario
schema) with grid values or ranges, a design (grid, random, lhs, sobol, morris), the
replications and the outputs to analyse. Every (point, replication) run uses the random
streams of (seed, replication), so replication *i* shares its random numbers at every
point (common random numbers) and the tables are identical whatever the executor.

Storage: ``<out>/parts/chunk-NNNNN.parquet``, one per finished chunk, each written to a
temporary file and renamed; ``points.parquet`` lists the design points and
``manifest.json`` the chunks and their state. Re-running the same command resumes: a
chunk whose part exists is not run again. A changed sweep file against an existing
directory is refused (``--force`` starts over). ``collect`` (also run at the end)
writes ``sweep.parquet`` (point, factor values, replication, KPIs) and, for sobol and
morris designs, ``sensitivity.parquet`` (SALib indices with confidence intervals, plus
the share of the output variance that is replication noise).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
import shutil
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, Union

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import ScenarioError, UserError
from .metrics import SUMMARY_KPIS
from .params import MAX_REPLICATIONS, MAX_YEARS
from .scenario import apply_override, format_validation_error, get_path, load_scenario, read_yaml

MAX_RUNS = 2_000_000
DESIGN_KEY = "sweep-design"


class Range(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
    low: float
    high: float

    @model_validator(mode="after")
    def _order(self):
        if self.low > self.high:
            raise ValueError(f"low ({self.low:g}) must be <= high ({self.high:g})")
        return self


Factor = Union[list[Any], Range]


class SweepSpec(BaseModel):
    """A validated sweep file."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
    name: str | None = Field(default=None, min_length=1, max_length=120)
    base: str = Field(min_length=1, description="Scenario file, relative to the sweep file.")
    replications: int = Field(default=5, ge=1, le=MAX_REPLICATIONS)
    years: float | None = Field(default=None, gt=0, le=MAX_YEARS)
    warmup_years: float | None = Field(default=None, ge=0, le=MAX_YEARS)
    seed: int = Field(default=1, ge=0, lt=2**63)
    design: Literal["grid", "random", "lhs", "sobol", "morris"] = "grid"
    samples: int = Field(default=16, ge=1, le=100_000)
    morris_levels: int = Field(default=4, ge=2, le=20)
    chunk_size: int = Field(default=8, ge=1, le=10_000, description="Runs per stored chunk.")
    factors: dict[str, Factor]
    outputs: list[str] = Field(default_factory=lambda: ["turnover_rate", "total_cost_sek"])

    @field_validator("factors", mode="before")
    @classmethod
    def _factors(cls, v):
        if not isinstance(v, dict):
            raise ValueError("factors must map parameter paths to values or ranges")
        if not v:
            raise ValueError("at least one factor is needed")
        out = {}
        for path, f in v.items():
            if not isinstance(path, str) or not path or any(not p for p in path.split(".")):
                raise ValueError(f"factor path {path!r} is empty or malformed")
            if isinstance(f, list):
                if not f:
                    raise ValueError(f"factor {path}: the list of values is empty")
                out[path] = f
            elif isinstance(f, dict):
                try:
                    out[path] = Range.model_validate(f)
                except ValidationError as exc:
                    err = exc.errors(include_url=False)[0]
                    msg = err["msg"].removeprefix("Value error, ")
                    where = ".".join(str(x) for x in err["loc"])
                    raise ValueError(f"factor {path}{'.' + where if where else ''}: "
                                     f"{msg}") from None
            else:
                raise ValueError(f"factor {path}: give a list of values or {{low, high}}, "
                                 f"got {f!r}")
        return out

    @field_validator("outputs")
    @classmethod
    def _outputs(cls, v):
        if not v:
            raise ValueError("at least one output is needed")
        bad = [o for o in v if o not in SUMMARY_KPIS]
        if bad:
            raise ValueError(f"unknown output(s) {', '.join(bad)}; allowed: "
                             + ", ".join(SUMMARY_KPIS))
        return v

    @model_validator(mode="after")
    def _design(self):
        lists = [p for p, f in self.factors.items() if isinstance(f, list)]
        ranges = [p for p, f in self.factors.items() if isinstance(f, Range)]
        if self.design == "grid" and ranges:
            raise ValueError(f"design grid needs lists of values; factor {ranges[0]} is a "
                             "range")
        if self.design != "grid" and lists:
            raise ValueError(f"design {self.design} needs ranges {{low, high}}; factor "
                             f"{lists[0]} is a list")
        if self.design in ("sobol", "morris") and len(self.factors) < 2:
            raise ValueError(f"design {self.design} needs at least two factors")
        return self


# -- loading ---------------------------------------------------------------------------

def load_sweep(path: str | Path) -> tuple[SweepSpec, Path, dict]:
    """Load and validate a sweep file; returns (spec, base path, resolved base dict)."""
    path = Path(path)
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ScenarioError(f"{path}: top level must be a mapping, got {type(data).__name__}")
    try:
        spec = SweepSpec.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(format_validation_error(exc, {}, str(path))) from None
    base_path = path.parent / spec.base
    if not base_path.exists():
        raise ScenarioError(f"{path}: field 'base': file not found: {base_path}")
    # every factor path must be a real parameter: validate the extremes of each factor
    common = _common_overrides(spec)
    for fpath, fac in spec.factors.items():
        values = fac if isinstance(fac, list) else [fac.low, fac.high]
        for v in values:
            try:
                load_scenario(base_path, common + [f"{fpath}={_yaml_value(v)}"])
            except ScenarioError as exc:
                msg = str(exc)
                detail = msg.split(": ", 1)[1] if ": " in msg else msg
                raise ScenarioError(f"{path}: factor '{fpath}' = {v!r}: {detail}") from None
    base = load_scenario(base_path, common)
    return spec, base_path, base.model_dump(mode="json")


def _yaml_value(v) -> str:
    return json.dumps(v)


def _common_overrides(spec: SweepSpec) -> list[str]:
    out = [f"simulation.replications={spec.replications}", f"simulation.seed={spec.seed}"]
    if spec.years is not None:
        out.append(f"simulation.years={spec.years}")
    if spec.warmup_years is not None:
        out.append(f"simulation.warmup_years={spec.warmup_years}")
    return out


def spec_hash(spec: SweepSpec, base: dict) -> str:
    blob = json.dumps({"spec": spec.model_dump(mode="json"), "base": base}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


# -- designs ---------------------------------------------------------------------------

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
    from .scenario import validate_data
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


# -- running ---------------------------------------------------------------------------

def simulate_run(scenario: dict, point: int, replication: int, seed: int) -> dict:
    """Default evaluator: one replication of the simulation; returns its summary KPIs."""
    from .experiment import replication_kpis
    return replication_kpis(scenario, replication, seed)


def run_chunk(tasks: list[tuple[int, int]], scenarios: dict[int, dict], seed: int,
              evaluator: Callable = simulate_run) -> list[dict]:
    """Run a chunk of (point, replication) tasks; only plain data in and out."""
    from .workforce import older_objects_frozen
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


class Store:
    """The sweep's directory: parts, points, manifest; atomic writes."""

    def __init__(self, out: Path):
        self.out = Path(out)
        self.parts = self.out / "parts"

    def part_path(self, cid: int) -> Path:
        return self.parts / f"chunk-{cid:05d}.parquet"

    def done(self, cid: int) -> bool:
        return self.part_path(cid).exists()

    def write_part(self, cid: int, rows: list[dict]) -> None:
        tmp = self.parts / f".chunk-{cid:05d}.tmp-{os.getpid()}"
        pd.DataFrame(rows).to_parquet(tmp, index=False)
        os.replace(tmp, self.part_path(cid))

    def write_json(self, name: str, obj: dict) -> None:
        tmp = self.out / f".{name}.tmp-{os.getpid()}"
        tmp.write_text(json.dumps(obj, indent=2, default=str) + "\n", encoding="utf-8")
        os.replace(tmp, self.out / name)

    def write_table(self, name: str, df: pd.DataFrame) -> None:
        tmp = self.out / f".{name}.tmp-{os.getpid()}"
        df.to_parquet(tmp, index=False)
        os.replace(tmp, self.out / name)


def prepare(spec: SweepSpec, base: dict, out: Path, force: bool, sweep_file: str,
            provenance: dict) -> tuple[Store, pd.DataFrame, list, dict]:
    """Create or reopen the sweep directory; refuse a changed sweep unless ``force``."""
    store = Store(out)
    digest = spec_hash(spec, base)
    man_path = out / "manifest.json"
    if out.exists() and any(out.iterdir()):
        old = None
        if man_path.exists():
            try:
                old = json.loads(man_path.read_text(encoding="utf-8"))
            except ValueError:
                old = None
        if old is None or old.get("kind") != "sweep":
            raise UserError(f"{out}: directory exists and is not a sweep result; choose "
                            "another --out")
        if old.get("spec_sha256") != digest:
            if not force:
                raise UserError(f"{out}: holds a sweep of a different sweep file or base; "
                                "use --force to start over or choose another --out")
            shutil.rmtree(out)
    store.parts.mkdir(parents=True, exist_ok=True)
    points = design_points(spec)
    n_runs = len(points) * spec.replications
    if n_runs > MAX_RUNS:
        raise UserError(f"{sweep_file}: {n_runs:,} runs; at most {MAX_RUNS:,} allowed")
    chunks = make_chunks(len(points), spec.replications, spec.chunk_size)
    manifest = {
        "kind": "sweep", "name": spec.name, "sweep_file": sweep_file,
        "sweep_sha256": hashlib.sha256(Path(sweep_file).read_bytes()).hexdigest(),
        "spec_sha256": digest, "spec": spec.model_dump(mode="json"), "design": spec.design,
        "factors": list(spec.factors), "outputs": list(spec.outputs), "seed": spec.seed,
        "replications": spec.replications, "years": base["simulation"]["years"],
        "warmup_years": base["simulation"]["warmup_years"], "points": len(points),
        "runs": n_runs,
        "chunks": [{"id": i, "tasks": len(c), "state": "done" if store.done(i) else "pending"}
                   for i, c in enumerate(chunks)],
        **provenance,
    }
    store.write_table("points.parquet", points)
    store.write_json("manifest.json", manifest)
    return store, points, chunks, manifest


def execute(store: Store, chunks: list, scenarios: dict[int, dict], seed: int,
            manifest: dict, workers: int = 1, scheduler: str | None = None,
            evaluator: Callable = simulate_run, progress=None) -> int:
    """Run every chunk not yet stored; returns the number of chunks run now."""
    todo = [i for i in range(len(chunks)) if not store.done(i)]
    if not todo:
        return 0

    def finished(cid, rows):
        try:
            store.write_part(cid, rows)
            manifest["chunks"][cid]["state"] = "done"
            store.write_json("manifest.json", manifest)
        except OSError as exc:
            raise UserError(f"{store.out}: cannot write chunk {cid} "
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
        from .experiment import run_on_pool
        run_on_pool(workers, [(_chunk_job, (cid, *payload(cid), seed, evaluator))
                              for cid in todo], lambda res: finished(*res))
    return len(todo)


def _execute_dask(todo, payload, finished, seed, workers, scheduler, evaluator) -> None:
    try:
        from distributed import Client, LocalCluster
        from distributed import as_completed as dask_completed
    except ImportError:
        raise UserError("--scheduler needs the 'distributed' package (pip install "
                        "'dask[distributed]')") from None
    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            if not scheduler.startswith(("tcp://", "tls://", "inproc://")):
                raise UserError(f"--scheduler {scheduler}: expected local or "
                                "tcp://HOST:PORT")
            client = Client(scheduler, timeout="20s")
    except OSError as exc:
        raise UserError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
    try:
        futs = {}
        for cid in todo:
            tasks, scen = payload(cid)
            fut = client.submit(run_chunk, tasks, scen, seed, evaluator, pure=False,
                                key=f"chunk-{cid}-{os.getpid()}-{id(todo)}")
            futs[fut] = cid
        for fut in dask_completed(list(futs)):
            finished(futs[fut], fut.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# -- collecting and sensitivity ----------------------------------------------------------

def collect(out: Path) -> dict[str, pd.DataFrame]:
    """Join the stored parts into sweep.parquet (+ sensitivity.parquet when due)."""
    out = Path(out)
    man_path = out / "manifest.json"
    if not man_path.exists():
        raise UserError(f"{out}: not a sweep directory (no manifest.json)")
    man = json.loads(man_path.read_text(encoding="utf-8"))
    if man.get("kind") != "sweep":
        raise UserError(f"{out}: not a sweep directory (manifest kind {man.get('kind')!r})")
    try:
        return _collect(out, man)
    except OSError as exc:
        raise UserError(f"{out}: cannot write the collected tables ({exc.strerror or exc}); "
                        "the stored chunks are untouched") from None


def _collect(out: Path, man: dict) -> dict[str, pd.DataFrame]:
    store = Store(out)
    points = pd.read_parquet(out / "points.parquet")
    parts = sorted(store.parts.glob("chunk-*.parquet"))
    if not parts:
        raise UserError(f"{out}: no finished chunks to collect yet")
    runs = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    runs = runs.sort_values(["point", "replication"], kind="stable").reset_index(drop=True)
    table = points.merge(runs, on="point", how="inner")
    cols = ["point", *man["factors"], "replication"]
    table = table[cols + [c for c in table.columns if c not in cols]]
    store.write_table("sweep.parquet", table)
    result = {"sweep": table}
    complete = len(runs) == man["runs"]
    if complete and man["design"] in ("sobol", "morris"):
        sens = sensitivity(SweepSpec.model_validate(man["spec"]), points, runs)
        store.write_table("sensitivity.parquet", sens)
        result["sensitivity"] = sens
    man["collected"] = {"runs": int(len(runs)), "complete": bool(complete)}
    store.write_json("manifest.json", man)
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

