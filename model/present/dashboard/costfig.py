"""The cost chart: one horizontal bar per option, cost per year over the period.

Two views of the same bars, switched on the page (``layout.meta.groups``):

* ``total``: the budget total (solid, the option's colour) and on top, hatched, the
  value of work lost that the economic view adds; the labels give both totals.
* ``category``: the same bar split into the budget's categories (solid, legend
  "Budget (kassaflöde)") and the economic additions (hatched, a legend of their own).

The top of the solid part is the budget total, the whole bar the economic total.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from . import data as D
from .i18n import block_label, category_label, t, view_label
from .style import colour, esc, layout, rgba

CATEGORY_COLOURS = {"salaries": "#0072B2", "sick_leave": "#E69F00", "mentoring": "#009E73",
                    "rampup_lost_output": "#CC79A7", "recruitment": "#56B4E9",
                    "consultants": "#D55E00", "rehabilitation": "#999933",
                    "policy_overstaffing": "#332288", "overtime": "#882E72",
                    "bought_investigations": "#5D4037", "leadership": "#6A3D9A",
                    "bought_follow_up": "#8D6E63", "borrowed_staff": "#455A64"}
# budget categories without a fixed colour (policies' own costs and paid time)
EXTRA_COLOURS = ["#332288", "#7F3C8D", "#3969AC", "#11A579", "#E73F74", "#F2B701",
                 "#80BA5A", "#008695"]
# what the economic view adds (value of work lost): drawn hatched, in their own legend
ECONOMIC_COLOURS = {"lost_vacancy": "#882255", "lost_measure_time": "#661100",
                    "lost_notice": "#AA4499",
                    "lost_rampup": "#CC6677", "lost_colleague_time": "#DDCC77",
                    "lost_mentoring": "#44AA99", "lost_sick_leave": "#88CCEE",
                    "manager_introduction": "#117733", "service_overdue": "#666666",
                    "service_handovers": "#AAAAAA"}
LEGEND_ENTRY_PX = 24           # room per legend entry, to stack the two cost legends
ROW_PX = 38                    # room per option (bar)
TOP_PX, BOTTOM_PX = 100, 70
GROUPS = ("total", "category")


def _hatched(col: str) -> dict:
    return {"color": rgba(col, 0.45), "pattern": {"shape": "/", "fgcolor": col,
                                                  "solidity": 0.4},
            "line": {"color": col, "width": 0.5}}


def _category_order(cats, colours):
    return sorted(set(cats), key=lambda c: (list(colours).index(c) if c in colours else 99, c))


def per_year(res) -> pd.DataFrame:
    """Mean SEK per year of the period by scenario, view, category and block."""
    g = D.cost_by_year(res)
    years = g.groupby("scenario").year.nunique()
    out = g.groupby(["scenario", "view", "category", "block"], as_index=False).sek.sum()
    out["sek"] = out.sek / out.scenario.map(years).clip(lower=1)
    return out


def _totals(fig, g, res, order, lang):
    for scen in order:
        i = res.scenarios.index(scen)
        name = esc(res.title(scen, lang))
        sub = g[g.scenario == scen]
        budget = sub.sek[sub.view == "budget"].sum() / 1e6
        added = sub.sek[sub.view == "economic"].sum() / 1e6
        common = {"y": [name], "orientation": "h", "meta": {"s": i, "g": "total"},
                  "legendgroup": f"s{i}", "showlegend": False}
        fig.add_trace(go.Bar(
            x=[budget], name=esc(view_label("budget", lang)), marker={"color": colour(i)},
            text=[budget], texttemplate="%{text:,.1f}", textposition="inside",
            insidetextanchor="end",
            hovertemplate=f"{name}<br>{esc(view_label('budget', lang))}: %{{x:,.2f}}"
                          "<extra></extra>", **common))
        fig.add_trace(go.Bar(
            x=[added], name=esc(t("economic_additions", lang)), marker=_hatched(colour(i)),
            text=[budget + added], texttemplate="%{text:,.1f}", textposition="outside",
            cliponaxis=False,
            hovertemplate=f"{name}<br>{esc(t('economic_additions', lang))}: %{{x:,.2f}}"
                          f"<br>{esc(view_label('economic', lang))}: %{{text:,.2f}}"
                          "<extra></extra>", **common))


def _categories(fig, g, res, order, lang) -> tuple[int, int]:
    extra, counts = 0, []
    for view, colours, legend in (("budget", CATEGORY_COLOURS, "legend"),
                                  ("economic", ECONOMIC_COLOURS, "legend2")):
        gv = g[g.view == view]
        cats = _category_order(gv.category, colours)
        counts.append(len(cats))
        for cat in cats:
            if cat in colours:
                col = colours[cat]
            else:
                col = EXTRA_COLOURS[extra % len(EXTRA_COLOURS)]
                extra += 1
            label = esc(category_label(cat, lang))
            first = True
            for scen in order:
                i = res.scenarios.index(scen)
                sub = gv[(gv.scenario == scen) & (gv.category == cat)]
                if sub.empty:
                    continue
                name = esc(res.title(scen, lang))
                fig.add_trace(go.Bar(
                    y=[name], x=sub.sek / 1e6, orientation="h", name=label,
                    legendgroup=f"{view}:{cat}", legend=legend, showlegend=first,
                    visible=False, meta={"s": i, "g": "category"},
                    marker={"color": col} if view == "budget" else _hatched(col),
                    hovertemplate=f"{name}<br>{esc(view_label(view, lang))}<br>"
                                  f"{esc(t('block', lang))}: "
                                  f"{esc(block_label(sub.block.iloc[0], lang))}<br>"
                                  f"{label}: %{{x:,.2f}}<extra></extra>"))
                first = False
    return counts[0], counts[1]


def cost_ledger(res, lang):
    """Cost per year of each option (Mkr), totals or by category (see the module)."""
    g = per_year(res)
    order = D.display_order(res)
    fig = go.Figure()
    _totals(fig, g, res, order, lang)
    n_budget, n_econ = _categories(fig, g, res, order, lang)
    fig.update_layout(barmode="stack", bargap=0.25)
    fig.update_xaxes(title_text=esc(t("cost_axis_m", lang)))
    fig.update_yaxes(autorange="reversed", automargin=True)
    out = layout(fig, t("fig_costs_option", lang), lang)
    lay = out["layout"]
    lay["title"]["subtitle"] = {"text": esc(t("costs_note_total", lang))}
    lay["margin"].update({"t": TOP_PX, "b": BOTTOM_PX})
    legend_px = (n_budget + n_econ + 4) * LEGEND_ENTRY_PX + TOP_PX + BOTTOM_PX
    lay["meta"] = {"groups": list(GROUPS), "row_px": ROW_PX, "base_px": TOP_PX + BOTTOM_PX,
                   "min_px": {"total": 260, "category": legend_px}}
    lay["height"] = max(TOP_PX + BOTTOM_PX + ROW_PX * len(order), 260)
    lay["legend"] = {
        "title": {"text": "<b>" + esc(view_label("budget", lang)) + "</b>"},
        "y": 1.0, "yanchor": "top", "x": 1.02, "xanchor": "left", "orientation": "v",
        "tracegroupgap": 2}
    lay["legend2"] = {
        "title": {"text": "<b>" + esc(t("economic_additions", lang)) + "</b>"},
        "y": 0.0, "yanchor": "bottom", "x": 1.02, "xanchor": "left", "orientation": "v",
        "tracegroupgap": 2}
    return out
