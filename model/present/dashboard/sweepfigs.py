"""The sweep dashboard's figures: outcomes against each factor (small multiples), the
cost-turnover Pareto front (one per unit size when the sweep varies the size), a grid
heatmap and the sensitivity indices. Axes are named by the parameters' documented
descriptions and units (:mod:`.labels`), in the chosen language with its decimal mark.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..catalogue.numbers import written
from . import data as D
from .i18n import t
from .labels import index_label, output_label, output_scale, param_label, wrap
from .style import PALETTE, colour, esc, layout, symbol

# parameters that set the size of the unit: points that differ in them are not
# comparable on total cost
SIZE_PARAMS = ("unit.posts",)
MAX_FRONTS = 6


def _sweep_points(res):
    sw = res.tables["sweep"]
    factors = [f for f in (res.manifest.get("factors") or []) if f in sw.columns]
    outputs = [o for o in (res.manifest.get("outputs") or []) if o in sw.columns]
    if not outputs:
        outputs = [c for c in ("turnover_rate", "total_cost_sek") if c in sw.columns]
    pts = sw.groupby("point")[factors + outputs].mean().reset_index()
    return pts, factors, outputs


def _fmt_num(v: float, lang: str) -> str:
    s = f"{v:,.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:,.2f}"
    return written(s, lang)


def sweep_splom(res, lang):
    """Each output (rows) against each factor (columns): point means."""
    pts, factors, outputs = _sweep_points(res)
    if not factors or not outputs:
        return None
    fig = make_subplots(rows=len(outputs), cols=len(factors), shared_xaxes="columns",
                        shared_yaxes="rows", horizontal_spacing=0.04,
                        vertical_spacing=0.06)
    for r, out in enumerate(outputs, start=1):
        scale, tickformat = output_scale(out)
        for c, f in enumerate(factors, start=1):
            fig.add_trace(go.Scatter(
                x=pts[f], y=pts[out] * scale, mode="markers", showlegend=False,
                marker={"color": PALETTE[0], "size": 6, "opacity": 0.7},
                hovertemplate=f"{esc(param_label(f, lang))}: %{{x}}<br>"
                              f"{esc(output_label(out, lang))}: %{{y}}<extra></extra>"),
                row=r, col=c)
            if r == len(outputs):
                fig.update_xaxes(title_text=wrap(esc(param_label(f, lang)), 34), row=r, col=c)
        fig.update_yaxes(title_text=wrap(esc(output_label(out, lang)), 24),
                         tickformat=tickformat or None, row=r, col=1)
    height = 150 + 230 * len(outputs)
    return layout(fig, t("fig_splom", lang), lang, height=height,
                  margin={"t": 70, "l": 110, "r": 20, "b": 130})


def _sizes(pts, factors):
    """The size parameter the sweep varies and its values ((None, []) if none)."""
    for p in SIZE_PARAMS:
        if p in factors:
            values = sorted(pts[p].unique())
            if len(values) > 1:
                return p, values
    return None, []


def _front(fig, tr, cost, name, col, sym="circle"):
    front = D.pareto_mask(cost, tr)
    order = np.argsort(tr[front])
    fig.add_trace(go.Scatter(x=tr[front][order], y=cost[front][order], mode="lines+markers",
                             name=name, marker={"color": col, "size": 9, "symbol": sym},
                             line={"color": col},
                             hovertemplate="%{x:.1%}<br>%{y:,.2f}<extra>" + name
                                           + "</extra>"))


def sweep_pareto(res, lang):
    pts, factors, _ = _sweep_points(res)
    if not {"turnover_rate", "total_cost_sek"} <= set(pts.columns):
        return None
    cost = pts.total_cost_sek.to_numpy() / 1e6
    tr = pts.turnover_rate.to_numpy()
    size, values = _sizes(pts, factors)
    fig = go.Figure()
    sizes_text = ", ".join(_fmt_num(v, lang) for v in values)
    if size and len(values) <= MAX_FRONTS:
        note = t("pareto_sizes", lang).format(sizes=sizes_text)
        for k, v in enumerate(values):
            m = (pts[size] == v).to_numpy()
            name = esc(t("posts_n", lang).format(n=_fmt_num(v, lang)))
            fig.add_trace(go.Scatter(x=tr[m], y=cost[m], mode="markers", name=name,
                                     legendgroup=f"v{k}", showlegend=False,
                                     marker={"color": colour(k), "size": 7, "opacity": 0.45,
                                             "symbol": symbol(k)},
                                     hovertemplate="%{x:.1%}<br>%{y:,.2f}<extra>" + name
                                                   + "</extra>"))
            _front(fig, tr[m], cost[m], name, colour(k))
    else:
        marker = {"color": "#999999", "size": 7}
        if size:
            note = t("pareto_mixed", lang).format(sizes=f"{_fmt_num(values[0], lang)}–"
                                                        f"{_fmt_num(values[-1], lang)}")
            marker = {"color": pts[size].tolist(), "size": 7, "colorscale": "Viridis",
                      "colorbar": {"title": {"text": wrap(esc(t("unit_size", lang)), 14)}}}
        else:
            note = t("pareto_one_size", lang)
        fig.add_trace(go.Scatter(x=tr, y=cost, mode="markers", name=esc(t("points", lang)),
                                 marker=marker,
                                 hovertemplate="%{x:.1%}<br>%{y:,.2f}<extra></extra>"))
        _front(fig, tr, cost, esc(t("pareto_front", lang)), PALETTE[5])
    fig.update_xaxes(title_text=esc(output_label("turnover_rate", lang)), tickformat=".0%")
    fig.update_yaxes(title_text=esc(output_label("total_cost_sek", lang)))
    out = layout(fig, t("fig_pareto", lang), lang)
    out["layout"]["title"]["subtitle"] = {"text": esc(note)}
    out["layout"]["margin"]["t"] = 90
    return out


def sweep_heatmap(res, lang):
    pts, factors, outputs = _sweep_points(res)
    if res.manifest.get("design") != "grid" or len(factors) != 2 or not outputs:
        return None
    fx, fy = factors
    out = outputs[0]
    scale, tickformat = output_scale(out)
    grid = pts.pivot_table(index=fy, columns=fx, values=out) * scale
    fig = go.Figure(go.Heatmap(
        z=grid.values.tolist(), x=[float(v) for v in grid.columns],
        y=[float(v) for v in grid.index], colorscale="Viridis",
        colorbar={"title": {"text": wrap(esc(output_label(out, lang)), 16)},
                  "tickformat": tickformat or None},
        hovertemplate="%{x}<br>%{y}<br>%{z}<extra></extra>"))
    fig.update_xaxes(title_text=wrap(esc(param_label(fx, lang)), 60),
                     tickvals=[float(v) for v in grid.columns])
    fig.update_yaxes(title_text=wrap(esc(param_label(fy, lang)), 30),
                     tickvals=[float(v) for v in grid.index])
    return layout(fig, t("fig_heatmap", lang), lang,
                  margin={"t": 70, "l": 170, "r": 20, "b": 80})


def sensitivity_bars(res, lang):
    sens = res.tables.get("sensitivity")
    if sens is None or sens.empty:
        return None
    fig = go.Figure()
    for j, ((output, index), sub) in enumerate(sens.groupby(["output", "index"], sort=False)):
        err_hi = (sub.ci_high - sub.value).fillna(0).clip(lower=0) if "ci_high" in sub else None
        err_lo = (sub.value - sub.ci_low).fillna(0).clip(lower=0) if "ci_low" in sub else None
        fig.add_trace(go.Bar(
            y=[wrap(esc(param_title_or_noise(f, lang)), 40) for f in sub.factor],
            x=sub.value, orientation="h",
            name=esc(f"{output_label(output, lang)}: {index_label(index, lang)}"),
            marker={"color": colour(j)},
            error_x=({"type": "data", "symmetric": False, "array": err_hi.tolist(),
                      "arrayminus": err_lo.tolist()} if err_hi is not None else None)))
    fig.update_layout(barmode="group", showlegend=True)
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title_text=esc(t("sens_axis", lang)))
    n = sens.factor.nunique()
    return layout(fig, t("fig_sensitivity", lang), lang, height=240 + 60 * n)


def param_title_or_noise(factor: str, lang: str) -> str:
    if factor == "(replication noise)":
        return index_label("noise_share", lang)
    return param_label(factor, lang)


SWEEP_FIGURES = [("splom", sweep_splom), ("pareto", sweep_pareto),
                 ("heatmap", sweep_heatmap), ("sensitivity", sensitivity_bars)]
