"""Plotly figures for the dashboard, each built once per language.

Every trace that belongs to a scenario carries ``meta = {"s": index}`` so the page's
scenario selector can show or hide it. Scenario names are HTML-escaped before they
reach Plotly (which renders a few tags in text), so any name shows as plain text.
"""

from __future__ import annotations

import html
import math

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..entities import DAYS_PER_YEAR
from . import data as D
from .i18n import KPI, LANGS, category_label, reason_label, t

# Colour-blind-safe: Okabe & Ito (2008), then Paul Tol's "muted" scheme; line dashes
# tell apart scenarios beyond the palette.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000",
           "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933",
           "#AA4499", "#CC6677"]
DASHES = ["solid", "dash", "dot", "dashdot"]
CATEGORY_COLOURS = {"salaries": "#0072B2", "sick_leave": "#E69F00", "mentoring": "#009E73",
                    "rampup_lost_output": "#CC79A7", "recruitment": "#56B4E9",
                    "consultants": "#D55E00"}
SEPARATORS = {"sv": ", ", "en": ".,"}


def esc(text: str) -> str:
    return html.escape(str(text), quote=True)


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def dash(i: int) -> str:
    return DASHES[(i // len(PALETTE)) % len(DASHES)]


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _layout(fig, title: str, lang: str, **kw):
    fig.update_layout(title={"text": esc(title)}, separators=SEPARATORS[lang],
                      template="plotly_white", hovermode="closest",
                      legend={"orientation": "v"}, margin={"t": 60, "l": 70, "r": 20,
                                                           "b": 50},
                      font={"family": "Arial, Helvetica, sans-serif"}, **kw)
    return fig.to_plotly_json()


def _band(fig, x, mean, low, high, i, name, lang, row=None, col=None, y_fmt=".3f",
          showlegend=True):
    kw = {"row": row, "col": col} if row else {}
    meta = {"s": i}
    fig.add_trace(go.Scatter(x=list(x) + list(x)[::-1], y=list(high) + list(low)[::-1],
                             fill="toself", fillcolor=_rgba(colour(i), 0.15),
                             line={"width": 0}, hoverinfo="skip", showlegend=False,
                             legendgroup=f"s{i}", meta=meta, name=esc(name)), **kw)
    fig.add_trace(go.Scatter(x=list(x), y=list(mean), mode="lines", name=esc(name),
                             legendgroup=f"s{i}", showlegend=showlegend,
                             line={"color": colour(i), "dash": dash(i)}, meta=meta,
                             hovertemplate=f"%{{x}}: %{{y:{y_fmt}}}<extra>{esc(name)}</extra>"),
                  **kw)


def turnover_over_time(res, lang):
    df = D.yearly_turnover(res)
    band = D.mean_band(df, ["scenario", "year"], "turnover")
    hc = D.monthly(res.tables["timeseries"], ["headcount"])
    hc["t"] = (hc.day - res.manifest.get("warmup_years", 0) * DAYS_PER_YEAR) / DAYS_PER_YEAR
    hcb = D.mean_band(hc, ["scenario", "t"], "headcount")
    fig = make_subplots(rows=1, cols=2, subplot_titles=(esc(t("fig_turnover", lang)),
                                                          esc(t("fig_headcount", lang))))
    for i, scen in enumerate(res.scenarios):
        b = band[band.scenario == scen]
        _band(fig, b.year + 1, b["mean"], b.low, b.high, i, scen, lang, 1, 1, ".1%")
        h = hcb[hcb.scenario == scen]
        _band(fig, h.t, h["mean"], h.low, h.high, i, scen, lang, 1, 2, ".1f",
              showlegend=False)
    fig.update_yaxes(title_text=esc(t("turnover_axis", lang)), tickformat=".0%", row=1, col=1)
    fig.update_yaxes(title_text=esc(t("headcount_axis", lang)), row=1, col=2)
    fig.update_xaxes(title_text=esc(t("week_year", lang)))
    return _layout(fig, t("fig_turnover", lang) + " / " + t("fig_headcount", lang), lang)


def experience_mix(res, lang):
    ts = D.experience_shares(res)
    ts["t"] = (ts.day - res.manifest.get("warmup_years", 0) * DAYS_PER_YEAR) / DAYS_PER_YEAR
    bands = ("lt2", "2to5", "5plus")
    fig = make_subplots(rows=1, cols=3, subplot_titles=[esc(t(b, lang)) for b in bands],
                        shared_yaxes=True)
    for j, band in enumerate(bands, start=1):
        agg = D.mean_band(ts, ["scenario", "t"], f"share_{band}")
        for i, scen in enumerate(res.scenarios):
            a = agg[agg.scenario == scen]
            _band(fig, a.t, a["mean"], a.low, a.high, i, scen, lang, 1, j, ".1%",
                  showlegend=(j == 1))
        ref = D.KIRUNA_2017[band]
        fig.add_hline(y=ref, line={"color": "#555555", "dash": "dot"}, row=1, col=j,
                      annotation_text=esc(f"{t('kiruna', lang)}: {ref:.0%}"),
                      annotation_position="top left")
    fig.update_yaxes(tickformat=".0%", title_text=esc(t("share_axis", lang)), row=1, col=1)
    fig.update_xaxes(title_text=esc(t("week_year", lang)))
    return _layout(fig, t("fig_experience", lang), lang)


def caseload(res, lang):
    ts = D.monthly(res.tables["timeseries"], ["caseload_per_worker", "queue_investigations",
                                              "queue_ongoing", "overdue_open"])
    ts["queue"] = ts.queue_investigations + ts.queue_ongoing
    ts["t"] = (ts.day - res.manifest.get("warmup_years", 0) * DAYS_PER_YEAR) / DAYS_PER_YEAR
    cols = [("caseload_per_worker", "caseload"), ("queue", "queue"),
            ("overdue_open", "overdue")]
    fig = make_subplots(rows=1, cols=3, subplot_titles=[esc(t(k, lang)) for _, k in cols])
    for j, (col, _) in enumerate(cols, start=1):
        agg = D.mean_band(ts, ["scenario", "t"], col)
        for i, scen in enumerate(res.scenarios):
            a = agg[agg.scenario == scen]
            _band(fig, a.t, a["mean"], a.low, a.high, i, scen, lang, 1, j, ".1f",
                  showlegend=(j == 1))
    fig.update_xaxes(title_text=esc(t("week_year", lang)))
    return _layout(fig, t("fig_caseload", lang), lang)


def cost_ledger(res, lang):
    g = D.cost_by_year(res)
    cats = list(dict.fromkeys(sorted(g.category, key=lambda c: (
        list(CATEGORY_COLOURS).index(c) if c in CATEGORY_COLOURS else 99, c))))
    fig = go.Figure()
    extra = 0
    for cat in cats:
        if cat in CATEGORY_COLOURS:
            col = CATEGORY_COLOURS[cat]
        else:
            col = PALETTE[(7 + extra) % len(PALETTE)]
            extra += 1
        for i, scen in enumerate(res.scenarios):
            sub = g[(g.scenario == scen) & (g.category == cat)]
            if sub.empty:
                continue
            fig.add_trace(go.Bar(
                x=[[str(int(y) + 1) for y in sub.year], [esc(scen)] * len(sub)],
                y=sub.sek / 1e6, name=esc(category_label(cat, lang)), legendgroup=cat,
                showlegend=not any(tr.legendgroup == cat for tr in fig.data),
                marker={"color": col}, meta={"s": i},
                hovertemplate=f"{esc(scen)}<br>{esc(category_label(cat, lang))}: "
                              "%{y:,.2f}<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text=esc(t("cost_axis_m", lang)))
    return _layout(fig, t("fig_costs", lang), lang)


def net_cost(res, lang):
    nb = D.net_cost_by_year(res)
    fig = go.Figure()
    for i, scen in enumerate(res.scenarios):
        if i == 0:
            continue
        a = nb[nb.scenario == scen]
        _band(fig, a.year + 1, a["mean"] / 1000, a.low / 1000, a.high / 1000, i, scen, lang,
              y_fmt=",.0f")
    fig.add_hline(y=0, line={"color": "#555555"})
    fig.update_xaxes(title_text=esc(t("year", lang)))
    fig.update_yaxes(title_text=esc(t("cost_axis", lang)))
    return _layout(fig, t("fig_net", lang), lang)


def cost_vs_turnover(res, lang):
    pts = D.cost_turnover_points(res)
    fig = go.Figure()
    for i, scen in enumerate(res.scenarios):
        p = pts[pts.scenario == scen].iloc[0]
        fig.add_trace(go.Scatter(
            x=[p.turnover], y=[p.cost / 1e6], mode="markers", name=esc(scen), meta={"s": i},
            marker={"color": colour(i), "size": 11},
            error_x={"type": "data", "symmetric": False,
                     "array": [_nz(p.t_high - p.turnover)],
                     "arrayminus": [_nz(p.turnover - p.t_low)]},
            error_y={"type": "data", "symmetric": False,
                     "array": [_nz((p.c_high - p.cost) / 1e6)],
                     "arrayminus": [_nz((p.cost - p.c_low) / 1e6)]},
            hovertemplate=f"{esc(scen)}<br>%{{x:.1%}}<br>%{{y:,.2f}}<extra></extra>"))
    fig.update_xaxes(title_text=esc(t("turnover_axis", lang)), tickformat=".0%")
    fig.update_yaxes(title_text=esc(t("cost_axis_m", lang)))
    return _layout(fig, t("fig_cost_turnover", lang), lang)


def _nz(v):
    return 0.0 if v is None or not math.isfinite(v) else float(v)


def exits_by_tenure(res, lang):
    ex = D.exits_by_band_reason(res)
    fig = go.Figure()
    for i, scen in enumerate(res.scenarios):
        sub = ex[ex.scenario == scen]
        if sub.empty:
            continue
        fig.add_trace(go.Bar(
            x=[[esc(reason_label(r, lang)) for r in sub.detail], [str(b) for b in sub.band]],
            y=sub.per_year, name=esc(scen), meta={"s": i}, marker={"color": colour(i)},
            hovertemplate=f"{esc(scen)}: %{{y:.2f}}<extra></extra>"))
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text=esc(t("exits_axis", lang)))
    return _layout(fig, t("fig_exits", lang), lang)


# -- sweeps ---------------------------------------------------------------------------

def _sweep_points(res):
    sw = res.tables["sweep"]
    factors = list(res.manifest.get("factors") or [])
    outputs = [o for o in (res.manifest.get("outputs") or []) if o in sw.columns]
    if not outputs:
        outputs = [c for c in ("turnover_rate", "total_cost_sek") if c in sw.columns]
    pts = sw.groupby("point")[factors + outputs].mean().reset_index()
    return pts, factors, outputs


def sweep_splom(res, lang):
    pts, factors, outputs = _sweep_points(res)
    dims = [{"label": esc(c), "values": pts[c].tolist()} for c in factors + outputs]
    fig = go.Figure(go.Splom(dimensions=dims, showupperhalf=False,
                             marker={"color": PALETTE[0], "size": 5}))
    return _layout(fig, t("fig_splom", lang), lang, height=650)


def sweep_pareto(res, lang):
    pts, factors, _ = _sweep_points(res)
    if not {"turnover_rate", "total_cost_sek"} <= set(pts.columns):
        return None
    cost = pts.total_cost_sek.to_numpy() / 1e6
    tr = pts.turnover_rate.to_numpy()
    front = D.pareto_mask(cost, tr)
    order = np.argsort(tr[front])
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=tr, y=cost, mode="markers", name=esc(t("points", lang)),
                             marker={"color": "#999999", "size": 7},
                             hovertemplate="%{x:.1%}<br>%{y:,.2f}<extra></extra>"))
    fig.add_trace(go.Scatter(x=tr[front][order], y=cost[front][order], mode="lines+markers",
                             name=esc(t("pareto_front", lang)),
                             marker={"color": PALETTE[5], "size": 9}))
    fig.update_xaxes(title_text=esc(t("turnover_axis", lang)), tickformat=".0%")
    fig.update_yaxes(title_text=esc("total_cost_sek (M)"))
    return _layout(fig, t("fig_pareto", lang), lang)


def sweep_heatmap(res, lang):
    pts, factors, outputs = _sweep_points(res)
    if res.manifest.get("design") != "grid" or len(factors) != 2 or not outputs:
        return None
    fx, fy = factors
    out = outputs[0]
    grid = pts.pivot_table(index=fy, columns=fx, values=out)
    fig = go.Figure(go.Heatmap(z=grid.values.tolist(), x=[str(v) for v in grid.columns],
                               y=[str(v) for v in grid.index], colorscale="Viridis",
                               colorbar={"title": {"text": esc(out)}}))
    fig.update_xaxes(title_text=esc(fx))
    fig.update_yaxes(title_text=esc(fy))
    return _layout(fig, t("fig_heatmap", lang), lang)


def sensitivity_bars(res, lang):
    sens = res.tables.get("sensitivity")
    if sens is None or sens.empty:
        return None
    fig = go.Figure()
    for j, ((output, index), sub) in enumerate(sens.groupby(["output", "index"], sort=False)):
        err_hi = (sub.ci_high - sub.value).fillna(0).clip(lower=0) if "ci_high" in sub else None
        err_lo = (sub.value - sub.ci_low).fillna(0).clip(lower=0) if "ci_low" in sub else None
        fig.add_trace(go.Bar(
            x=[esc(f) for f in sub.factor], y=sub.value, name=esc(f"{output}: {index}"),
            marker={"color": colour(j)},
            error_y=({"type": "data", "symmetric": False, "array": err_hi.tolist(),
                      "arrayminus": err_lo.tolist()} if err_hi is not None else None)))
    fig.update_layout(barmode="group")
    return _layout(fig, t("fig_sensitivity", lang), lang)


RUN_FIGURES = [("turnover", turnover_over_time), ("experience", experience_mix),
               ("caseload", caseload), ("costs", cost_ledger), ("net_cost", net_cost),
               ("cost_turnover", cost_vs_turnover), ("exits", exits_by_tenure)]
SWEEP_FIGURES = [("splom", sweep_splom), ("pareto", sweep_pareto),
                 ("heatmap", sweep_heatmap), ("sensitivity", sensitivity_bars)]


def build_all(res) -> dict[str, dict]:
    """{figure id: {lang: figure json}} for the figures this result supports."""
    builders = SWEEP_FIGURES if res.kind == "sweep" else RUN_FIGURES
    out = {}
    for fid, fn in builders:
        if fid == "net_cost" and len(res.scenarios) < 2:
            continue
        figs = {lang: fn(res, lang) for lang in LANGS}
        if all(f is not None for f in figs.values()):
            out[fid] = figs
    return out


def kpi_cards(res, lang) -> list[dict]:
    """Card contents per scenario: label, value text, interval text, explanation."""
    from .i18n import fmt
    kt = D.kpi_table(res)
    cards = []
    for i, scen in enumerate(res.scenarios):
        items = []
        for key, (label, expl, kind) in KPI.items():
            if key == "net_cost" and len(res.scenarios) < 2:
                continue
            r = kt[(kt.scenario == scen) & (kt.kpi == key)].iloc[0]
            ci = (f"{fmt(r.low, kind, lang)} – {fmt(r.high, kind, lang)}"
                  if math.isfinite(r.low) else "")
            if key == "net_cost" and i == 0:
                ci = t("base", lang)
            items.append({"key": key, "label": label[lang], "value": fmt(r["mean"], kind, lang),
                          "ci": ci, "explain": expl[lang]})
        cards.append({"index": i, "scenario": scen, "items": items})
    return cards
