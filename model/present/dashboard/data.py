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

from ...errors import UserError
from ...experiment.intervals import bootstrap_rows_ci, kpi_ci, level_ci, spread_interval
from ...sim.metrics import BINARY_KPIS
from ...store import MAX_MANIFEST_BYTES
from ...store.files import read_text

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
    titles: dict[str, dict[str, str]] = field(default_factory=dict)

    def table(self, name: str) -> pd.DataFrame | None:
        return self.tables.get(name)

    def title(self, scenario: str, lang: str) -> str:
        """The scenario's title in ``lang`` (its name when the result has none)."""
        return self.titles.get(scenario, {}).get(lang) or scenario.replace("_", " ")


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
                   scenarios=scenarios, titles=_titles(kind, manifest, scenarios))


def _titles(kind: str, manifest: dict, scenarios: list[str]) -> dict[str, dict[str, str]]:
    """{scenario: {lang: title}} from the scenarios as run (``model.present.texts``)."""
    from .. import texts
    if kind == "comparison":
        resolved = {s.get("name"): s.get("resolved") or {}
                    for s in manifest.get("scenarios") or [] if isinstance(s, dict)}
    elif kind == "run":
        resolved = {manifest.get("scenario"): manifest.get("resolved_scenario") or {}}
    else:
        resolved = {}
    return {s: {lang: texts.title(resolved.get(s) or {}, lang, name=s)
                for lang in texts.LANGS} for s in scenarios}


def default_selection(res: Results, best: int = 3) -> list[str]:
    """The scenarios a dashboard shows first: the base and the ``best`` first options of
    the ranking (the first ``best + 1`` scenarios without a ranking)."""
    table = ranking_table(res) if res.kind == "comparison" else None
    if table is None:
        return res.scenarios[:best + 1]
    ranked = [s for s in table.scenario if s in res.scenarios and s != res.scenarios[0]]
    return [res.scenarios[0], *ranked[:best]]


def display_order(res: Results) -> list[str]:
    """The scenarios in the order a reader meets them: the base, then by rank, then any
    scenario the ranking leaves out."""
    table = ranking_table(res) if res.kind == "comparison" else None
    ranked = [] if table is None else [s for s in table.scenario if s in res.scenarios]
    rest = [s for s in res.scenarios if s not in ranked]
    return [*rest[:1], *ranked, *rest[1:]]


def resolved_base(res: Results) -> dict:
    """The base scenario as it was run (from the manifest)."""
    m = res.manifest
    if res.kind == "comparison":
        return (m.get("scenarios") or [{}])[0].get("resolved") or {}
    return m.get("resolved_scenario") or {}


def mean_band(df: pd.DataFrame, by: list[str], value: str,
              bounded: bool = False) -> pd.DataFrame:
    """Mean and 95% interval of ``value`` over replications, per ``by`` group.

    ``bounded`` for levels that cannot be negative or are shares (counts, rates, shares):
    a bootstrap percentile interval that stays inside the observed values, so within the
    quantity's bounds (``model.experiment.intervals.level_ci``). Otherwise (paired differences) a
    Student-t interval."""
    rows = []
    groups = [(key if isinstance(key, tuple) else (key,), g.to_numpy(float))
              for key, g in df.groupby(by, sort=True)[value]]
    sizes = {v.size for _, v in groups}
    if bounded and len(sizes) == 1 and not any(np.isnan(v).any() for _, v in groups):
        # the usual case: one value per replication in every group, bootstrapped at once
        stats = bootstrap_rows_ci(np.array([v for _, v in groups]))
    else:
        stats = np.array([level_ci(v, bounded) for _, v in groups]).reshape(-1, 3)
    for (key, v), (m, lo, hi) in zip(groups, stats):
        rows.append({**dict(zip(by, key)), "mean": m, "low": lo, "high": hi,
                     "count": int(np.isfinite(v).sum())})
    return pd.DataFrame(rows, columns=[*by, "mean", "low", "high", "count"])


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


VIEWS = ("budget", "economic")


def costs_with_view(res: Results) -> pd.DataFrame:
    """The cost ledger with its ``view`` column (derived for result directories written
    before the ledger had one)."""
    c = res.tables["costs"]
    if "view" not in c.columns:
        from ...sim.costs import view_of
        c = c.assign(view=c.category.map(view_of))
    return c


def cost_by_year(res: Results) -> pd.DataFrame:
    """Mean SEK by scenario, year, view, category (and its block) over replications.
    Rows of view ``economic`` are what the economic view adds to the budget (the value
    of work lost); they are never a total on their own."""
    c = costs_with_view(res)
    if "block" not in c.columns:
        from ...sim.costs import block_of
        c = c.assign(block=c.category.map(block_of))
    n_rep = res.tables["summary"].groupby("scenario").replication.nunique()
    g = c.groupby(["scenario", "year", "view", "category", "block"]).sek.sum().reset_index()
    g["sek"] = g.sek / g.scenario.map(n_rep).fillna(1).astype(float)
    return g


def net_cost_by_year(res: Results) -> pd.DataFrame:
    """Paired net cost per year against the first scenario (mean and 95% band), in the
    budget view (budget rows) and the economic view (all rows: budget plus work lost)."""
    c = costs_with_view(res)
    base = res.scenarios[0]
    out = []
    for view in VIEWS:
        v = c[c.view == "budget"] if view == "budget" else c
        tot = v.groupby(["scenario", "replication", "year"]).sek.sum()
        tot = tot.reset_index()
        b = tot[tot.scenario == base].set_index(["replication", "year"]).sek
        for scen in res.scenarios[1:]:
            s = tot[tot.scenario == scen].set_index(["replication", "year"]).sek
            d = (s - b.reindex(s.index).fillna(0.0)).rename("net").reset_index()
            d["scenario"] = scen
            d["view"] = view
            out.append(d)
    if not out:
        return pd.DataFrame(columns=["view", "scenario", "year", "mean", "low", "high"])
    return mean_band(pd.concat(out), ["view", "scenario", "year"], "net")


def cost_benefit(res: Results) -> pd.DataFrame | None:
    """The cost-benefit table, or None for a result without one (a single run) or with
    one written before the two cost views (no ``service_flag``)."""
    cb = res.tables.get("cost_benefit")
    if cb is None or cb.empty or len(res.scenarios) < 2 or "service_flag" not in cb.columns:
        return None
    return cb


def ranking_table(res: Results) -> pd.DataFrame | None:
    """The options ranked by ``model.experiment.costbenefit.ranking`` (None without a cost-benefit
    table)."""
    cb = cost_benefit(res)
    if cb is None:
        return None
    from ...experiment.costbenefit import ranking
    table = ranking(cb)
    return table if not table.empty else None


def measure(res: Results, scenario: str, name: str) -> tuple[float, float, float]:
    """(mean, ci_low, ci_high) of one cost-benefit measure; NaNs when absent."""
    cb = cost_benefit(res)
    if cb is None:
        return math.nan, math.nan, math.nan
    r = cb[(cb.scenario == scenario) & (cb.measure == name)]
    if r.empty:
        return math.nan, math.nan, math.nan
    r = r.iloc[0]
    return float(r["mean"]), float(r.ci_low), float(r.ci_high)


def service_flag(res: Results, scenario: str) -> str:
    """The scenario's ``service_flag`` codes ('' for none or for the base)."""
    cb = cost_benefit(res)
    if cb is None:
        return ""
    f = cb.loc[cb.scenario == scenario, "service_flag"]
    return "" if f.empty or not isinstance(f.iloc[0], str) else f.iloc[0]


LEVEL_KPIS = ("turnover_rate", "exits_first_2y", "vacancy_rate", "consultant_fte",
              "overdue_share", "share_5y_plus", "crisis")


def kpi_table(res: Results) -> pd.DataFrame:
    """Per scenario: mean and 95% interval of each KPI card value. Levels use
    ``level_ci`` (bounded quantities stay in their bounds); the net costs, the
    probability of saving money and the payback come from the cost-benefit table."""
    s = res.tables["summary"]
    rows = []
    for i, scen in enumerate(res.scenarios):
        cur = s[s.scenario == scen]
        # under drawn assumptions a level's interval is the spread of the futures, as
        # the basis line and the brief say (a probability keeps its Wilson interval)
        spread = spread_interval(cur["draw"].to_numpy()) if "draw" in cur else None
        for k in (k for k in LEVEL_KPIS if k in cur.columns):   # crisis: newer results
            values = cur[k].to_numpy(float)
            m, lo, hi = (spread(values) if spread is not None and k not in BINARY_KPIS
                         else kpi_ci(k, values))
            rows.append({"scenario": scen, "kpi": k, "mean": m, "low": lo, "high": hi})
        if cost_benefit(res) is None:
            continue
        for k, name in (("net_cost_budget", "net_cost_budget_sek_per_year"),
                        ("net_cost_economic", "net_cost_economic_sek_per_year"),
                        ("p_saves_economic", "p_saves_economic"),
                        ("payback", "payback_year")):
            if i > 0:
                m, lo, hi = measure(res, scen, name)
            else:                                   # the base: zero net cost by definition
                m, lo, hi = (0.0 if k.startswith("net") else math.nan), math.nan, math.nan
            rows.append({"scenario": scen, "kpi": k, "mean": m, "low": lo, "high": hi})
    return pd.DataFrame(rows, columns=["scenario", "kpi", "mean", "low", "high"])


def cost_turnover_points(res: Results) -> pd.DataFrame:
    """Turnover and cost per year (both views) per scenario, means with bootstrap
    intervals (levels: they stay within their bounds), or under uncertainty in the
    assumptions the spread of the futures."""
    s = res.tables["summary"]
    rows = []
    for scen in res.scenarios:
        cur = s[s.scenario == scen]
        interval = (spread_interval(cur["draw"].to_numpy()) if "draw" in cur
                    else (lambda x: level_ci(x, True)))
        t, tlo, thi = interval(cur.turnover_rate.to_numpy(float))
        row = {"scenario": scen, "turnover": t, "t_low": tlo, "t_high": thi}
        for view, col in (("budget", "cost_per_year_sek"),
                          ("economic", "economic_cost_per_year_sek")):
            if col not in cur.columns:
                continue
            c, clo, chi = interval(cur[col].to_numpy(float))
            row.update({f"cost_{view}": c, f"c_low_{view}": clo, f"c_high_{view}": chi})
        rows.append(row)
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
