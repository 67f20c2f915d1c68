"""Plotly figures for the dashboard, each built once per language.

Every trace that belongs to a scenario carries ``meta = {"s": index}`` so the page's
scenario selector can show or hide it; a trace that belongs to one of a figure's
alternative views (``layout.meta.groups``) also carries ``meta.g``. Scenarios are named
by their titles in the figure's language; every text is HTML-escaped before it reaches
Plotly (which renders a few tags in text), so any name shows as plain text.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ...sim.entities import DAYS_PER_YEAR
from . import data as D
from .costfig import CATEGORY_COLOURS, ECONOMIC_COLOURS, EXTRA_COLOURS, cost_ledger
from .decision import ceac_figure
from .i18n import fmt, reason_label, t, view_label
from .runsfig import replication_outcomes
from .style import PALETTE, SEPARATORS, colour, dash, esc, layout, rgba, symbol
from .sweepfigs import SWEEP_FIGURES

# the names this module offered before the shared style and the cost chart moved out
_layout, _rgba = layout, rgba
__all__ = ["CATEGORY_COLOURS", "ECONOMIC_COLOURS", "EXTRA_COLOURS", "PALETTE", "SEPARATORS",
           "build_all", "colour", "cost_ledger", "dash", "esc", "symbol"]


def _band(fig, x, mean, low, high, i, name, row=None, col=None, y_fmt=".3f",
          showlegend=True):
    """A scenario's mean line with its 95% band."""
    kw = {"row": row, "col": col} if row else {}
    meta = {"s": i}
    fig.add_trace(go.Scatter(x=list(x) + list(x)[::-1], y=list(high) + list(low)[::-1],
                             mode="lines", fill="toself", fillcolor=rgba(colour(i), 0.15),
                             line={"width": 0}, hoverinfo="skip", showlegend=False,
                             legendgroup=f"s{i}", meta=meta, name=esc(name)), **kw)
    fig.add_trace(go.Scatter(x=list(x), y=list(mean), mode="lines", name=esc(name),
                             legendgroup=f"s{i}", showlegend=showlegend,
                             line={"color": colour(i), "dash": dash(i)}, meta=meta,
                             hovertemplate=f"%{{x}}: %{{y:{y_fmt}}}<extra>{esc(name)}</extra>"),
                  **kw)


def _years(res, df):
    return (df.day - res.manifest.get("warmup_years", 0) * DAYS_PER_YEAR) / DAYS_PER_YEAR


def turnover_over_time(res, lang):
    df = D.yearly_turnover(res)
    band = D.mean_band(df, ["scenario", "year"], "turnover", bounded=True)
    hc = D.monthly(res.tables["timeseries"], ["headcount"])
    hc["t"] = _years(res, hc)
    hcb = D.mean_band(hc, ["scenario", "t"], "headcount", bounded=True)
    fig = make_subplots(rows=1, cols=2, subplot_titles=(esc(t("fig_turnover", lang)),
                                                          esc(t("fig_headcount", lang))))
    for i, scen in enumerate(res.scenarios):
        name = res.title(scen, lang)
        b = band[band.scenario == scen]
        _band(fig, b.year + 1, b["mean"], b.low, b.high, i, name, 1, 1, ".1%")
        h = hcb[hcb.scenario == scen]
        _band(fig, h.t, h["mean"], h.low, h.high, i, name, 1, 2, ".1f", showlegend=False)
    fig.update_yaxes(title_text=esc(t("turnover_axis", lang)), tickformat=".0%", row=1, col=1)
    fig.update_yaxes(title_text=esc(t("headcount_axis", lang)), row=1, col=2)
    fig.update_xaxes(title_text=esc(t("week_year", lang)))
    fig.update_xaxes(dtick=1, row=1, col=1)
    return layout(fig, t("fig_turnover", lang) + " / " + t("fig_headcount", lang), lang)


def experience_mix(res, lang):
    ts = D.experience_shares(res)
    ts["t"] = _years(res, ts)
    bands = ("lt2", "2to5", "5plus")
    fig = make_subplots(rows=1, cols=3, subplot_titles=[esc(t(b, lang)) for b in bands],
                        shared_yaxes=True)
    for j, band in enumerate(bands, start=1):
        agg = D.mean_band(ts, ["scenario", "t"], f"share_{band}", bounded=True)
        for i, scen in enumerate(res.scenarios):
            a = agg[agg.scenario == scen]
            _band(fig, a.t, a["mean"], a.low, a.high, i, res.title(scen, lang), 1, j, ".1%",
                  showlegend=(j == 1))
        ref = D.KIRUNA_2017[band]
        fig.add_hline(y=ref, line={"color": "#555555", "dash": "dot"}, row=1, col=j,
                      annotation_text=esc(f"{t('kiruna', lang)}: {fmt(ref, 'pct', lang)}"),
                      annotation_position="top left")
    fig.update_yaxes(tickformat=".0%", title_text=esc(t("share_axis", lang)), row=1, col=1)
    fig.update_xaxes(title_text=esc(t("week_year", lang)))
    return layout(fig, t("fig_experience", lang), lang)


def caseload(res, lang):
    ts = D.monthly(res.tables["timeseries"], ["caseload_per_worker", "queue_investigations",
                                              "queue_ongoing", "overdue_open"])
    ts["queue"] = ts.queue_investigations + ts.queue_ongoing
    ts["t"] = _years(res, ts)
    cols = [("caseload_per_worker", "caseload"), ("queue", "queue"),
            ("overdue_open", "overdue")]
    fig = make_subplots(rows=1, cols=3, subplot_titles=[esc(t(k, lang)) for _, k in cols])
    for j, (col, _) in enumerate(cols, start=1):
        agg = D.mean_band(ts, ["scenario", "t"], col, bounded=True)
        for i, scen in enumerate(res.scenarios):
            a = agg[agg.scenario == scen]
            _band(fig, a.t, a["mean"], a.low, a.high, i, res.title(scen, lang), 1, j, ".1f",
                  showlegend=(j == 1))
    fig.update_xaxes(title_text=esc(t("week_year", lang)))
    return layout(fig, t("fig_caseload", lang), lang)


def net_cost(res, lang):
    """Net cost against the base per year, in both views side by side."""
    nb = D.net_cost_by_year(res)
    views = D.VIEWS
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True,
                        subplot_titles=[esc(view_label(v, lang)) for v in views])
    for j, view in enumerate(views, start=1):
        for i, scen in enumerate(res.scenarios):
            if i == 0:
                continue
            a = nb[(nb.scenario == scen) & (nb.view == view)]
            _band(fig, a.year + 1, a["mean"] / 1000, a.low / 1000, a.high / 1000, i,
                  res.title(scen, lang), 1, j, y_fmt=",.0f", showlegend=(j == 1))
        fig.add_hline(y=0, line={"color": "#555555"}, row=1, col=j)
    fig.update_xaxes(title_text=esc(t("year", lang)), dtick=1)
    fig.update_yaxes(tickformat=",.0f")
    fig.update_yaxes(title_text=esc(t("cost_axis", lang)), row=1, col=1)
    return layout(fig, t("fig_net", lang), lang)


def cost_vs_turnover(res, lang):
    """Cost per year against turnover, one panel per cost view; each scenario its own
    colour and marker, with both intervals."""
    pts = D.cost_turnover_points(res)
    views = [v for v in D.VIEWS if f"cost_{v}" in pts.columns]
    fig = make_subplots(rows=1, cols=len(views), horizontal_spacing=0.12,
                        subplot_titles=[esc(view_label(v, lang)) for v in views])
    for j, view in enumerate(views, start=1):
        for i, scen in enumerate(res.scenarios):
            p = pts[pts.scenario == scen].iloc[0]
            name = esc(res.title(scen, lang))
            c, lo, hi = p[f"cost_{view}"], p[f"c_low_{view}"], p[f"c_high_{view}"]
            fig.add_trace(go.Scatter(
                x=[p.turnover], y=[c / 1e6], mode="markers", name=name, meta={"s": i},
                legendgroup=f"s{i}", showlegend=(j == 1),
                marker={"color": colour(i), "size": 11, "symbol": symbol(i)},
                error_x={"type": "data", "symmetric": False,
                         "array": [_nz(p.t_high - p.turnover)],
                         "arrayminus": [_nz(p.turnover - p.t_low)]},
                error_y={"type": "data", "symmetric": False,
                         "array": [_nz((hi - c) / 1e6)],
                         "arrayminus": [_nz((c - lo) / 1e6)]},
                hovertemplate=f"{name}<br>{esc(view_label(view, lang))}<br>"
                              "%{x:.1%}<br>%{y:,.2f}<extra></extra>"), row=1, col=j)
        fig.update_yaxes(title_text=esc(t("cost_axis_m", lang) + ": "
                                        + view_label(view, lang)), row=1, col=j)
    fig.update_xaxes(title_text=esc(t("turnover_axis", lang)), tickformat=".0%")
    return layout(fig, t("fig_cost_turnover", lang), lang)


def _nz(v):
    return 0.0 if v is None or not math.isfinite(v) else float(v)


def exits_by_tenure(res, lang):
    ex = D.exits_by_band_reason(res)
    years = t("years_short", lang)
    fig = go.Figure()
    for i, scen in enumerate(res.scenarios):
        sub = ex[ex.scenario == scen]
        if sub.empty:
            continue
        name = esc(res.title(scen, lang))
        fig.add_trace(go.Bar(
            x=[[esc(reason_label(r, lang)) for r in sub.detail],
               [f"{b} {years}" for b in sub.band]],
            y=sub.per_year, name=name, meta={"s": i}, marker={"color": colour(i)},
            hovertemplate=f"{name}: %{{y:.2f}}<extra></extra>"))
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text=esc(t("exits_axis", lang)))
    return layout(fig, t("fig_exits", lang), lang)


RUN_FIGURES = [("turnover", turnover_over_time), ("experience", experience_mix),
               ("caseload", caseload), ("costs", cost_ledger), ("net_cost", net_cost),
               ("cost_turnover", cost_vs_turnover), ("exits", exits_by_tenure),
               ("runs", replication_outcomes), ("ceac", ceac_figure)]


def build_all(res) -> dict[str, dict]:
    """{figure id: {lang: figure json}} for the figures this result supports."""
    from .i18n import LANGS
    builders = SWEEP_FIGURES if res.kind == "sweep" else RUN_FIGURES
    # legends list the scenarios as the selector does: the base, then by rank
    rank = {res.scenarios.index(s): k for k, s in enumerate(D.display_order(res))}
    out = {}
    for fid, fn in builders:
        if fid == "net_cost" and len(res.scenarios) < 2:
            continue
        figs = {lang: fn(res, lang) for lang in LANGS}
        if all(f is not None for f in figs.values()):
            for f in figs.values():
                for tr in f["data"]:
                    s = (tr.get("meta") or {}).get("s")
                    if s is not None and "legendrank" not in tr:
                        tr["legendrank"] = 1000 + rank.get(s, s)
            out[fid] = figs
    return out
