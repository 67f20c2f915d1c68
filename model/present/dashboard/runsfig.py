"""Every replication's outcome as a point, so that a collapse is seen rather than
averaged away: per option, each run's annual turnover and share of investigations past
the legal limit, crisis runs (the summary's ``crisis``) marked with a cross, and the
median of the runs as a bar. Options are rows, in the order the reader meets them (the
base on top, then by rank), named on the left so that long titles read across; points
are spread within a row by their replication number, the same offset in every option,
so a run can be followed from option to option."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..catalogue import metric
from . import data as D
from .i18n import t
from .style import colour, esc, layout

PANELS = ("turnover_rate", "overdue_share")
CRISIS_COLOUR = "#B00020"
SPREAD = 0.5            # spread of an option's points within its row (a row is 1 high)
ROW_PX = 46             # the figure's height per option


def offset(replication: int) -> float:
    """A run's sideways place within its option: the golden-ratio sequence, so runs
    spread evenly whatever their number."""
    return ((replication * 0.6180339887) % 1.0 - 0.5) * SPREAD


def replication_outcomes(res, lang: str):
    """The figure (None for a result whose summary lacks the outcomes)."""
    s = res.tables.get("summary")
    if s is None or any(c not in s.columns for c in PANELS):
        return None
    order = D.display_order(res)
    labels = [esc(res.title(scen, lang)) for scen in order]
    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.06, shared_yaxes=True,
                        subplot_titles=[esc(metric(c).label[lang]) for c in PANELS])
    shown = {"crisis": False, "median": False}
    for k, scen in enumerate(order):
        i = res.scenarios.index(scen)
        cur = s[s.scenario == scen]
        crisis = (cur["crisis"] == 1 if "crisis" in cur.columns      # newer results
                  else pd.Series(False, index=cur.index))
        for j, col in enumerate(PANELS, start=1):
            _points(fig, cur[~crisis], col, k, i, labels[k], j, {"color": colour(i),
                    "size": 7, "opacity": 0.75}, labels[k], showlegend=(j == 1))
            if crisis.any():
                _points(fig, cur[crisis], col, k, i, t("crisis_run", lang), j,
                        {"color": CRISIS_COLOUR, "size": 12, "symbol": "x"},
                        labels[k], showlegend=not shown["crisis"],
                        year=t("first_crisis_year", lang))
                shown["crisis"] = True
            med = float(cur[col].median())
            if math.isfinite(med):
                fig.add_trace(go.Scatter(
                    x=[med], y=[k], mode="markers", name=esc(t("median_runs", lang)),
                    meta={"s": i}, legendgroup="median", showlegend=not shown["median"],
                    marker={"symbol": "line-ns-open", "size": 30, "color": "#333333",
                            "line": {"width": 2, "color": "#333333"}},
                    hovertemplate=f"{labels[k]}: %{{x:.1%}}<extra>"
                                  f"{esc(t('median_runs', lang))}</extra>"), row=1, col=j)
                shown["median"] = True
    fig.update_yaxes(tickvals=list(range(len(order))), ticktext=labels, autorange=False,
                     range=[len(order) - 0.5, -0.5], automargin=True)
    for j, col in enumerate(PANELS, start=1):
        fig.update_xaxes(tickformat=metric(col).tick or ".0%", rangemode="tozero",
                         row=1, col=j)
    return layout(fig, t("fig_runs", lang), lang, height=180 + ROW_PX * len(order),
                  margin={"t": 70, "l": 20, "r": 20, "b": 50})


def _points(fig, rows, col, k, i, name, j, marker, label, showlegend, year=""):
    """The runs ``rows`` of option ``k`` (scenario index ``i``) in panel ``j``; with
    ``year`` (its words), the first crisis year in the hover text."""
    if rows.empty:
        return
    reps = rows["replication"].astype(int).tolist()
    years = (rows["crisis_year"].tolist() if "crisis_year" in rows.columns
             else [math.nan] * len(reps))
    fig.add_trace(go.Scatter(
        x=rows[col].tolist(), y=[k + offset(r) for r in reps], mode="markers",
        name=name, meta={"s": i}, legendgroup=name if marker.get("symbol") else f"s{i}",
        showlegend=showlegend, marker=marker,
        customdata=[[r, "" if not math.isfinite(y) else int(y)] for r, y in zip(reps, years)],
        hovertemplate=f"{label}<br>#%{{customdata[0]}}: %{{x:.1%}}"
                      + (f"<br>{esc(year)}: %{{customdata[1]}}" if year else "")
                      + f"<extra>{esc(name)}</extra>"), row=1, col=j)
