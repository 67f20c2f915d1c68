"""Read a result directory and aggregate its tables for the dashboard and the brief.

The result directory is the only input: ``manifest.json`` plus parquet tables written by
``run`` (one scenario), ``compare`` (several, with ``comparison`` and
``cost_benefit``) or ``sweep`` (``sweep`` and optionally ``sensitivity``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from ..errors import UserError
from ..files import read_text
from ..store import MAX_MANIFEST_BYTES

# Kiruna 2017, years in the unit (n = 33): 0-2: 5; 2-5: 11; 5+: 17 (FoUI 81:2017)
KIRUNA_2017 = {"lt2": 5 / 33, "2to5": 11 / 33, "5plus": 17 / 33}
TENURE_BANDS = [(0, 1, "<1"), (1, 2, "1-2"), (2, 5, "2-5"), (5, 10, "5-10"),
                (10, 100, "10+")]


@dataclass
class Results:
    path: Path
    kind: str                       # run | comparison | sweep
    manifest: dict
    tables: dict[str, pd.DataFrame]
    scenarios: list[str] = field(default_factory=list)

    def table(self, name: str) -> pd.DataFrame | None:
        return self.tables.get(name)


def load_results(path: str | Path) -> Results:
    """Load a result directory; a clear UserError when it is not one."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"{path}: result directory not found")
    if not path.is_dir():
        raise UserError(f"{path}: not a directory; give a result directory")
    man_path = path / "manifest.json"
    if not man_path.exists():
        raise UserError(f"{path}: not a result directory (no manifest.json)")
    try:
        manifest = json.loads(read_text(man_path, MAX_MANIFEST_BYTES))
    except (UserError, ValueError) as exc:
        raise UserError(f"{man_path}: unreadable manifest ({exc})") from None
    if not isinstance(manifest, dict):
        raise UserError(f"{man_path}: manifest must be a JSON object")
    tables = {}
    for p in sorted(path.glob("*.parquet")):
        try:
            tables[p.stem] = pd.read_parquet(p)
        except Exception as exc:  # noqa: BLE001 - any unreadable file is a user error
            raise UserError(f"{p}: unreadable parquet table ({type(exc).__name__})") from None
    kind = manifest.get("kind") or ("run" if "summary" in tables else "unknown")
    if kind not in ("run", "comparison", "sweep"):
        raise UserError(f"{man_path}: unknown result kind {kind!r}; expected a run, "
                        "comparison or sweep")
    need = {"run": ["summary", "timeseries", "events", "costs"],
            "comparison": ["summary", "timeseries", "events", "costs", "comparison",
                           "cost_benefit"],
            "sweep": ["sweep"]}[kind]
    missing = [n for n in need if n not in tables]
    if missing:
        raise UserError(f"{path}: missing table(s) {', '.join(n + '.parquet' for n in missing)}")
    if kind == "comparison":
        scenarios = [s["name"] for s in manifest.get("scenarios", [])]
    elif kind == "run":
        scenarios = [manifest.get("scenario", "scenario")]
    else:
        scenarios = []
    if kind != "sweep":
        present = list(dict.fromkeys(tables["summary"]["scenario"]))
        scenarios = [s for s in scenarios if s in present] + [s for s in present
                                                              if s not in scenarios]
    return Results(path=path, kind=kind, manifest=manifest, tables=tables,
                   scenarios=scenarios)


def mean_band(df: pd.DataFrame, by: list[str], value: str) -> pd.DataFrame:
    """Mean and 95% t-interval of ``value`` over replications, per ``by`` group."""
    g = df.groupby(by)[value]
    out = g.agg(["mean", "std", "count"]).reset_index()
    tq = out["count"].map(lambda n: stats.t.ppf(0.975, n - 1) if n > 1 else math.nan)
    half = tq * out["std"] / np.sqrt(out["count"])
    out["low"] = out["mean"] - half
    out["high"] = out["mean"] + half
    return out


def yearly_turnover(res: Results) -> pd.DataFrame:
    """Exits per mean headcount, per scenario, replication and window year."""
    ts, ev = res.tables["timeseries"], res.tables["events"]
    hc = ts.groupby(["scenario", "replication", "year"]).headcount.mean().rename("hc")
    exits = ev[ev.event == "exit"].groupby(["scenario", "replication", "year"]).size()
    df = hc.to_frame().join(exits.rename("exits")).fillna({"exits": 0}).reset_index()
    df = df[df.year >= 0]
    df["turnover"] = df.exits / df.hc.where(df.hc > 0)
    return df


def monthly(ts: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    """Time series thinned to every fourth week (about monthly) for lighter pages."""
    first = ts.groupby("scenario").week.transform("min")
    return ts[((ts.week - first) % 4) == 0][["scenario", "replication", "week", "day", *cols]]


def experience_shares(res: Results) -> pd.DataFrame:
    ts = monthly(res.tables["timeseries"], ["headcount", "tenure_lt2", "tenure_2to5",
                                            "tenure_5plus"])
    hc = ts.headcount.where(ts.headcount > 0)
    for band in ("lt2", "2to5", "5plus"):
        ts[f"share_{band}"] = ts[f"tenure_{band}"] / hc
    return ts


def exits_by_band_reason(res: Results) -> pd.DataFrame:
    """Mean exits per year by scenario, tenure band and reason."""
    ev = res.tables["events"]
    ex = ev[ev.event == "exit"].copy()
    years = float(res.manifest.get("years") or 1.0)
    n_rep = res.tables["summary"].groupby("scenario").replication.nunique()
    labels = [b[2] for b in TENURE_BANDS]
    bins = [b[0] for b in TENURE_BANDS] + [TENURE_BANDS[-1][1]]
    ex["band"] = pd.cut(ex.tenure_years, bins=bins, labels=labels, right=False)
    counts = ex.groupby(["scenario", "detail", "band"], observed=False).size().rename("n")
    counts = counts.reset_index()
    counts["per_year"] = counts.apply(lambda r: r.n / n_rep.get(r.scenario, 1) / years, axis=1)
    return counts


def cost_by_year(res: Results) -> pd.DataFrame:
    """Mean SEK by scenario, year and category over replications."""
    c = res.tables["costs"]
    n_rep = res.tables["summary"].groupby("scenario").replication.nunique()
    g = c.groupby(["scenario", "year", "category"]).sek.sum().reset_index()
    g["sek"] = g.apply(lambda r: r.sek / n_rep.get(r.scenario, 1), axis=1)
    return g


def net_cost_by_year(res: Results) -> pd.DataFrame:
    """Paired net cost per year against the first scenario (mean and 95% band)."""
    c = res.tables["costs"].groupby(["scenario", "replication", "year"]).sek.sum()
    c = c.reset_index()
    base = res.scenarios[0]
    b = c[c.scenario == base].set_index(["replication", "year"]).sek
    rows = []
    for scen in res.scenarios[1:]:
        s = c[c.scenario == scen].set_index(["replication", "year"]).sek
        d = (s - b.reindex(s.index).fillna(0.0)).rename("net").reset_index()
        d["scenario"] = scen
        rows.append(d)
    if not rows:
        return pd.DataFrame(columns=["scenario", "year", "mean", "low", "high"])
    return mean_band(pd.concat(rows), ["scenario", "year"], "net")


def kpi_table(res: Results) -> pd.DataFrame:
    """Per scenario: mean and 95% interval of each KPI card value."""
    from ..experiment import mean_ci
    s = res.tables["summary"]
    years = float(res.manifest.get("years") or 1.0)
    rows = []
    base = res.scenarios[0]
    b = s[s.scenario == base].set_index("replication").total_cost_sek
    for scen in res.scenarios:
        cur = s[s.scenario == scen]
        for k in ("turnover_rate", "exits_first_2y", "vacancy_rate", "consultant_fte",
                  "overdue_share", "share_5y_plus"):
            m, lo, hi = mean_ci(cur[k])
            rows.append({"scenario": scen, "kpi": k, "mean": m, "low": lo, "high": hi})
        if scen == base:
            rows.append({"scenario": scen, "kpi": "net_cost", "mean": 0.0, "low": math.nan,
                         "high": math.nan})
        else:
            c = cur.set_index("replication").total_cost_sek
            d = (c - b.reindex(c.index)) / years
            m, lo, hi = mean_ci(d)
            rows.append({"scenario": scen, "kpi": "net_cost", "mean": m, "low": lo, "high": hi})
    return pd.DataFrame(rows)


def cost_turnover_points(res: Results) -> pd.DataFrame:
    from ..experiment import mean_ci
    s = res.tables["summary"]
    rows = []
    for scen in res.scenarios:
        cur = s[s.scenario == scen]
        t, tlo, thi = mean_ci(cur.turnover_rate)
        c, clo, chi = mean_ci(cur.cost_per_year_sek)
        rows.append({"scenario": scen, "turnover": t, "t_low": tlo, "t_high": thi,
                     "cost": c, "c_low": clo, "c_high": chi})
    return pd.DataFrame(rows)


def pareto_mask(cost: np.ndarray, turnover: np.ndarray) -> np.ndarray:
    """True for points no other point beats on both cost and turnover (lower is better)."""
    n = len(cost)
    keep = np.ones(n, bool)
    for i in range(n):
        better = (cost <= cost[i]) & (turnover <= turnover[i]) & (
            (cost < cost[i]) | (turnover < turnover[i]))
        keep[i] = not better.any()
    return keep
