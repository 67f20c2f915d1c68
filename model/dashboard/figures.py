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
from .i18n import LANGS, block_label, category_label, reason_label, t, view_label

# Colour-blind-safe: Okabe & Ito (2008), then Paul Tol's "muted" scheme; line dashes
# tell apart scenarios beyond the palette.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000",
           "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933",
           "#AA4499", "#CC6677"]
DASHES = ["solid", "dash", "dot", "dashdot"]
CATEGORY_COLOURS = {"salaries": "#0072B2", "sick_leave": "#E69F00", "mentoring": "#009E73",
                    "rampup_lost_output": "#CC79A7", "recruitment": "#56B4E9",
                    "consultants": "#D55E00", "rehabilitation": "#999933",
                    "policy_overstaffing": "#332288"}
# budget categories without a fixed colour (policies' own costs and paid time)
EXTRA_COLOURS = ["#332288", "#7F3C8D", "#3969AC", "#11A579", "#E73F74", "#F2B701",
                 "#80BA5A", "#008695"]
LEGEND_ENTRY_PX = 30           # room per legend entry, to stack the two cost legends
# what the economic view adds (value of work lost): drawn hatched, in their own legend
ECONOMIC_COLOURS = {"lost_vacancy": "#882255", "lost_notice": "#AA4499",
                    "lost_rampup": "#CC6677", "lost_colleague_time": "#DDCC77",
                    "lost_mentoring": "#44AA99", "lost_sick_leave": "#88CCEE",
                    "manager_introduction": "#117733", "service_overdue": "#666666",
                    "service_handovers": "#AAAAAA"}
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
                             mode="lines", fill="toself", fillcolor=_rgba(colour(i), 0.15),
                             line={"width": 0}, hoverinfo="skip", showlegend=False,
                             legendgroup=f"s{i}", meta=meta, name=esc(name)), **kw)
    fig.add_trace(go.Scatter(x=list(x), y=list(mean), mode="lines", name=esc(name),
                             legendgroup=f"s{i}", showlegend=showlegend,
                             line={"color": colour(i), "dash": dash(i)}, meta=meta,
                             hovertemplate=f"%{{x}}: %{{y:{y_fmt}}}<extra>{esc(name)}</extra>"),
                  **kw)


def turnover_over_time(res, lang):
    df = D.yearly_turnover(res)
    band = D.mean_band(df, ["scenario", "year"], "turnover", bounded=True)
    hc = D.monthly(res.tables["timeseries"], ["headcount"])
    hc["t"] = (hc.day - res.manifest.get("warmup_years", 0) * DAYS_PER_YEAR) / DAYS_PER_YEAR
    hcb = D.mean_band(hc, ["scenario", "t"], "headcount", bounded=True)
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
    fig.update_xaxes(dtick=1, row=1, col=1)
    return _layout(fig, t("fig_turnover", lang) + " / " + t("fig_headcount", lang), lang)


def experience_mix(res, lang):
    ts = D.experience_shares(res)
    ts["t"] = (ts.day - res.manifest.get("warmup_years", 0) * DAYS_PER_YEAR) / DAYS_PER_YEAR
    bands = ("lt2", "2to5", "5plus")
    fig = make_subplots(rows=1, cols=3, subplot_titles=[esc(t(b, lang)) for b in bands],
                        shared_yaxes=True)
    for j, band in enumerate(bands, start=1):
        agg = D.mean_band(ts, ["scenario", "t"], f"share_{band}", bounded=True)
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
        agg = D.mean_band(ts, ["scenario", "t"], col, bounded=True)
        for i, scen in enumerate(res.scenarios):
            a = agg[agg.scenario == scen]
            _band(fig, a.t, a["mean"], a.low, a.high, i, scen, lang, 1, j, ".1f",
                  showlegend=(j == 1))
    fig.update_xaxes(title_text=esc(t("week_year", lang)))
    return _layout(fig, t("fig_caseload", lang), lang)


def _category_order(cats, colours):
    return sorted(set(cats), key=lambda c: (list(colours).index(c) if c in colours else 99, c))


def cost_ledger(res, lang):
    """Stacked costs per scenario and year: the budget view's categories (solid, legend
    "Budget (kassaflöde)") and on top, hatched and in a legend of their own, the value of
    work lost that the economic view adds. The top of the solid part is the budget total,
    the whole bar the economic total."""
    g = D.cost_by_year(res)
    fig = go.Figure()
    extra = 0
    for view, colours, legend in (("budget", CATEGORY_COLOURS, "legend"),
                                  ("economic", ECONOMIC_COLOURS, "legend2")):
        gv = g[g.view == view]
        for cat in _category_order(gv.category, colours):
            if cat in colours:
                col = colours[cat]
            else:
                col = EXTRA_COLOURS[extra % len(EXTRA_COLOURS)]
                extra += 1
            label = esc(category_label(cat, lang))
            for i, scen in enumerate(res.scenarios):
                sub = gv[(gv.scenario == scen) & (gv.category == cat)]
                if sub.empty:
                    continue
                marker = {"color": col}
                if view == "economic":
                    marker = {"color": _rgba(col, 0.55),
                              "pattern": {"shape": "/", "fgcolor": col, "solidity": 0.4},
                              "line": {"color": col, "width": 0.5}}
                fig.add_trace(go.Bar(
                    x=[[f"{esc(t('year', lang))} {int(y) + 1}" for y in sub.year],
                       [esc(scen)] * len(sub)],
                    y=sub.sek / 1e6, name=label, legendgroup=f"{view}:{cat}",
                    legend=legend,
                    showlegend=not any(tr.legendgroup == f"{view}:{cat}" for tr in fig.data),
                    marker=marker, meta={"s": i},
                    hovertemplate=f"{esc(scen)}<br>{esc(view_label(view, lang))}<br>"
                                  f"{esc(t('block', lang))}: "
                                  f"{esc(block_label(sub.block.iloc[0], lang))}<br>"
                                  f"{label}: %{{y:,.2f}}<extra></extra>"))
    # two legends on the right, one under the other: fixed margins, so the plot area's
    # height in pixels is known and tall enough for every entry
    n_budget = len(set(g.category[g.view == "budget"]))
    n_econ = len(set(g.category[g.view == "economic"]))
    top, bottom = 90, 170
    plot_h = max(450, (n_budget + n_econ + 5) * LEGEND_ENTRY_PX)
    fig.update_layout(barmode="stack", height=top + plot_h + bottom)
    fig.update_yaxes(title_text=esc(t("cost_axis_m", lang)))
    fig.update_xaxes(automargin=False)
    out = _layout(fig, t("fig_costs", lang), lang)
    out["layout"]["title"]["subtitle"] = {"text": esc(t("costs_note", lang))}
    out["layout"]["margin"].update({"t": top, "b": bottom})
    out["layout"]["legend"] = {
        "title": {"text": "<b>" + esc(view_label("budget", lang)) + "</b>"},
        "y": 1.0, "yanchor": "top", "x": 1.02, "xanchor": "left"}
    out["layout"]["legend2"] = {
        "title": {"text": "<b>" + esc(t("economic_additions", lang)) + "</b>"},
        "yanchor": "top", "x": 1.02, "xanchor": "left",
        "y": 1 - (n_budget + 2) * LEGEND_ENTRY_PX / plot_h}
    return out


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
            _band(fig, a.year + 1, a["mean"] / 1000, a.low / 1000, a.high / 1000, i, scen,
                  lang, 1, j, y_fmt=",.0f", showlegend=(j == 1))
        fig.add_hline(y=0, line={"color": "#555555"}, row=1, col=j)
    fig.update_xaxes(title_text=esc(t("year", lang)), dtick=1)
    fig.update_yaxes(title_text=esc(t("cost_axis", lang)), row=1, col=1)
    return _layout(fig, t("fig_net", lang), lang)


def cost_vs_turnover(res, lang):
    """Cost per year against turnover, one panel per cost view."""
    pts = D.cost_turnover_points(res)
    views = [v for v in D.VIEWS if f"cost_{v}" in pts.columns]
    fig = make_subplots(rows=1, cols=len(views),
                        subplot_titles=[esc(view_label(v, lang)) for v in views])
    for j, view in enumerate(views, start=1):
        for i, scen in enumerate(res.scenarios):
            p = pts[pts.scenario == scen].iloc[0]
            c, lo, hi = p[f"cost_{view}"], p[f"c_low_{view}"], p[f"c_high_{view}"]
            fig.add_trace(go.Scatter(
                x=[p.turnover], y=[c / 1e6], mode="markers", name=esc(scen), meta={"s": i},
                legendgroup=f"s{i}", showlegend=(j == 1),
                marker={"color": colour(i), "size": 11},
                error_x={"type": "data", "symmetric": False,
                         "array": [_nz(p.t_high - p.turnover)],
                         "arrayminus": [_nz(p.turnover - p.t_low)]},
                error_y={"type": "data", "symmetric": False,
                         "array": [_nz((hi - c) / 1e6)],
                         "arrayminus": [_nz((c - lo) / 1e6)]},
                hovertemplate=f"{esc(scen)}<br>{esc(view_label(view, lang))}<br>"
                              "%{x:.1%}<br>%{y:,.2f}<extra></extra>"), row=1, col=j)
        fig.update_yaxes(title_text=esc(t("cost_axis_m", lang) + ": "
                                        + view_label(view, lang)), row=1, col=j)
    fig.update_xaxes(title_text=esc(t("turnover_axis", lang)), tickformat=".0%")
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
