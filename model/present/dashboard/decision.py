"""What the uncertainty in the assumptions means for the decision, in Swedish and
English: the cost-effectiveness acceptability curve (a Plotly figure for the dashboard,
an inline SVG for the brief) and, per option, its decisive assumption with the value at
which its verdict flips. Read from a result's ``ceac`` and ``evppi`` tables
(``model.experiment.psa``); never runs the model."""

from __future__ import annotations

import html
import math

import pandas as pd

from ...config.fields import leaves
from ..catalogue.numbers import runs_text, share_percent, significant
from ..catalogue.parameters import SHORT_NAMES, description, first_sentence, unit_label
from ..catalogue.sentences import sentences
from . import data as D
from .i18n import fmt, whole_pct
from .style import colour, esc, layout

W = sentences("decision")
# parameter path -> its schema field (the words of a parameter come from the schema)
_FIELDS = {path: info for path, info, _ in leaves()}


def w(key: str, lang: str, **kw) -> str:
    text = W[key][lang]
    return text.format(**kw) if kw else text


def parameter_name(path: str, lang: str) -> str:
    """A parameter's name in ``lang``: its short name where the catalogue gives one, else
    the first clause of its description in the schema (a distribution's ``mean``: its
    field's), else its path."""
    short = SHORT_NAMES.get(path) or SHORT_NAMES.get(path.removesuffix(".mean"))
    if short is not None:
        return short[lang]
    info = _FIELDS.get(path) or _FIELDS.get(path.rsplit(".", 1)[0])
    text = description(info, lang)
    return first_sentence(text).split("; ")[0] if text else path


def draws_of(res) -> int:
    """How many draws of the assumptions the result rests on (0: assumptions fixed)."""
    return int((res.manifest.get("uncertainty") or {}).get("draws") or 0)


def ceac_figure(res, lang: str) -> dict | None:
    """The acceptability curve: each option's probability of the highest net benefit
    against the value of one avoided exit (None without a ``ceac`` table)."""
    import plotly.graph_objects as go
    table = res.table("ceac")
    if table is None or table.empty:
        return None
    fig = go.Figure()
    for scen, g in table.groupby("scenario", sort=False):
        if g.p_best.isna().all() or (g.p_best.fillna(0) == 0).all():
            continue                      # never best at any value: no line to read
        i = res.scenarios.index(scen) if scen in res.scenarios else 0
        fig.add_trace(go.Scatter(
            x=g.value_per_avoided_exit_sek / 1000, y=g.p_best, mode="lines+markers",
            name=esc(res.title(scen, lang)), meta={"s": i},
            line={"color": colour(i)}, marker={"size": 4},
            hovertemplate="%{x:.0f} tkr: %{y:.0%}<extra>%{fullData.name}</extra>"))
    fig.update_xaxes(title_text=w("ceac_x", lang))
    fig.update_yaxes(title_text=w("ceac_y", lang), tickformat=".0%", range=[0, 1.02])
    return layout(fig, w("ceac_title", lang), lang)


def decisive_rows(res, top: list[str]) -> list[dict]:
    """For each option in ``top``: its decisive assumption (the largest EVPPI, else the
    largest influence), that EVPPI and the value where the verdict flips."""
    from ...experiment.psa import decisive
    table = res.table("evppi")
    if table is None or table.empty:
        return []
    pick = decisive(table).set_index("scenario")
    rows = []
    for scen in top:
        if scen not in pick.index:
            continue
        r = pick.loc[scen]
        rows.append({"scenario": scen, "parameter": r.parameter,
                     "evppi": float(r.evppi_sek_per_year), "flip": float(r.flip_value),
                     "current": _current(res, scen, r.parameter)})
    return rows


def _current(res, scen: str, path: str) -> float:
    """The option's own value of a parameter (its scenario file's), NaN if unknown."""
    for s in res.manifest.get("scenarios", []):
        if s.get("name") == scen:
            node = s.get("resolved") or {}
            for part in path.split("."):
                node = node.get(part) if isinstance(node, dict) else None
            return float(node) if isinstance(node, (int, float)) else math.nan
    return math.nan


def _value(v: float, lang: str) -> str:
    return significant(v, lang)


def _unit(path: str) -> str:
    info = _FIELDS.get(path) or _FIELDS.get(path.rsplit(".", 1)[0])
    return ((info.json_schema_extra or {}).get("unit") if info is not None else None) or ""


def _with_unit(text: str, path: str, lang: str) -> str:
    shown = unit_label(_unit(path), lang)
    return f"{text} {shown}" if shown and shown not in ("share", "andel", "factor",
                                                        "faktor") else text


def parameter_value(v: float, path: str, lang: str) -> str:
    """An assumption's value as the committee reads it: a share as a percentage (as
    the pages write shares), any other value with its unit."""
    unit = _unit(path)
    if unit in ("share", "probability") or unit.startswith("share of "):
        return share_percent(v, lang)
    return _with_unit(_value(v, lang), path, lang)


def queue_condition(res, scen: str, path: str) -> pd.Series | None:
    """The conditions search's row for the value of ``path`` (a working-time option's
    productivity gain or redesign share) from which ``scen``'s queue holds; None when
    the search did not look at it, or found the queue holding at every value."""
    table = res.table("conditions")
    if table is None or table.empty:
        return None
    rows = table[(table.scenario == scen) & (table.metric == "mean_queue")
                 & (table.parameter == path.rsplit(".", 1)[-1])]
    if rows.empty or rows.iloc[0].status == "always":
        return None
    return rows.iloc[0]


def _with_queue(flip: str, cond: pd.Series | None, path: str, lang: str) -> str:
    """The cost's flip value, and where the queue holds when that has a condition."""
    if cond is None:
        return flip
    if cond.status == "never":
        return w("queue_never", lang).format(c=flip, high=parameter_value(cond.high, path,
                                                                          lang))
    q = parameter_value(cond.value, path, lang)
    if math.isfinite(cond.ci_low) and math.isfinite(cond.ci_high):
        lo, hi = max(cond.ci_low, cond.low), min(cond.ci_high, cond.high)
        q += f" ({parameter_value(lo, path, lang)} – {parameter_value(hi, path, lang)})"
    return w("flip_and_queue", lang).format(c=flip, q=q)


def decisive_html(res, lang: str, titles: dict[str, str], top: list[str]) -> str:
    """The table 'what must be true': per top option, its decisive assumption, the
    value it rests on and the value at which its verdict flips ('' without EVPPI)."""
    rows = decisive_rows(res, top)
    if not rows:
        return ""
    head = [w("col_option", lang), w("col_assumption", lang), w("col_assumed", lang),
            w("col_flip", lang), w("col_evppi", lang)]
    body = []
    for r in rows:
        if not math.isfinite(r["flip"]) and not r["evppi"] > 0:
            # nothing drawn turns the verdict: no assumption is decisive
            body.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in (
                titles.get(r["scenario"], r["scenario"]), w("none_decisive", lang),
                "–", w("no_flip", lang), fmt(0.0, "tkr", lang))) + "</tr>")
            continue
        flip = (parameter_value(r["flip"], r["parameter"], lang) if math.isfinite(r["flip"])
                else w("no_flip", lang))
        flip = _with_queue(flip, queue_condition(res, r["scenario"], r["parameter"]),
                           r["parameter"], lang)
        body.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in (
            titles.get(r["scenario"], r["scenario"]), parameter_name(r["parameter"], lang),
            parameter_value(r["current"], r["parameter"], lang), flip,
            fmt(r["evppi"], "tkr", lang))) + "</tr>")
    return (f"<h2 id='decisive'>{html.escape(w('decisive_h', lang))}</h2>"
            f"<p class='note'>{html.escape(w('decisive_note', lang))}</p>"
            "<table class='decisive'><thead><tr>"
            + "".join(f"<th>{html.escape(h)}</th>" for h in head)
            + "</tr></thead><tbody>" + "".join(body) + "</tbody></table>")


def draw_counts(res) -> dict[str, int] | None:
    """The runs behind a result under drawn assumptions, as the sentences name them:
    ``d`` draws, ``r`` runs per draw, ``x`` of ``n`` candidate draws left out (None
    with the assumptions fixed)."""
    draws = draws_of(res)
    if not draws:
        return None
    u = res.manifest.get("uncertainty") or {}
    return {"d": draws, "r": u.get("per_draw") or 1, "x": u.get("screened_out") or 0,
            "n": u.get("candidates") or draws}


def basis_text(res, lang: str) -> str:
    """What the intervals and chances of this result count, in one sentence."""
    counts = draw_counts(res)
    if counts:
        u = res.manifest.get("uncertainty") or {}
        lo, hi = u.get("plausible_base_turnover") or (math.nan, math.nan)
        return w("basis_psa", lang, **counts, runs=runs_text(counts["r"], lang),
                 lo=whole_pct(lo, lang), hi=whole_pct(hi, lang))
    return w("basis_fixed", lang, r=res.manifest.get("replications"))


def basis_class(res) -> str:
    """The basis line's style: a warning where the assumptions were held fixed (its
    intervals count chance only, and the page has no 'what must be true')."""
    return "note basis" if draws_of(res) else "note basis warning"


def top_options(res, n: int = 3) -> list[str]:
    """The first ``n`` options of the ranking without a service warning."""
    table = D.ranking_table(res)
    if table is None or table.empty:
        return []
    ok = table[table.service_flag.fillna("") == ""]
    return list(ok.scenario.head(n))


def ceac_table(res) -> pd.DataFrame | None:
    return res.table("ceac")


def ceac_svg(res, lang: str, titles: dict[str, str], top: list[str]) -> str:
    """The acceptability curve for print (inline SVG, no JavaScript): the base and the
    options in ``top``, their probability of being best against the value of one
    avoided exit ('' without a ``ceac`` table)."""
    from .svgchart import nice_ticks
    table = res.table("ceac")
    if table is None or table.empty:
        return ""
    strong = set(table.groupby("scenario").p_best.max().loc[lambda p: p >= 0.1].index)
    names = [res.scenarios[0]] + [s for s in res.scenarios[1:] if s in top or s in strong]
    width, height, left, right, top_m, bottom = 720, 36 + max(174, 16 * len(names)), 60, 190, 10, 36
    pw, ph = width - left - right, height - top_m - bottom
    xs = sorted(table.value_per_avoided_exit_sek.unique())
    x0, x1 = xs[0], xs[-1]

    def X(v):
        return left + (v - x0) / ((x1 - x0) or 1) * pw

    def Y(p):
        return top_m + ph * (1 - p)

    out = [f'<svg class="chart ceac" viewBox="0 0 {width} {height}" '
           'xmlns="http://www.w3.org/2000/svg" font-family="Arial,Helvetica,sans-serif" '
           'font-size="11" role="img">']
    for p in (0, 0.25, 0.5, 0.75, 1):
        out.append(f'<line x1="{left}" x2="{left + pw}" y1="{Y(p):.1f}" y2="{Y(p):.1f}" '
                   'stroke="#e4e4e4"/>'
                   f'<text x="{left - 5}" y="{Y(p) + 4:.1f}" text-anchor="end">'
                   f'{html.escape(fmt(p, "pct", lang).replace(",0", "").replace(".0", ""))}'
                   '</text>')
    for v in nice_ticks(x0, x1):
        if x0 <= v <= x1:
            out.append(f'<text x="{X(v):.1f}" y="{top_m + ph + 14}" text-anchor="middle">'
                       f'{html.escape(fmt(v, "tkr", lang))}</text>')
    out.append(f'<text x="{left + pw / 2:.1f}" y="{height - 6}" text-anchor="middle">'
               f'{html.escape(w("ceac_x", lang))}</text>')
    legend_y = top_m + 10
    for k, scen in enumerate(names):
        g = table[table.scenario == scen].sort_values("value_per_avoided_exit_sek")
        if g.empty or g.p_best.isna().all():
            continue
        i = res.scenarios.index(scen) if scen in res.scenarios else k
        pts = " ".join(f"{X(v):.1f},{Y(p):.1f}" for v, p in
                       zip(g.value_per_avoided_exit_sek, g.p_best.fillna(0)))
        dash = ' stroke-dasharray="4 3"' if k == 0 else ""
        out.append(f'<polyline points="{pts}" fill="none" stroke="{colour(i)}" '
                   f'stroke-width="2"{dash}/>')
        out.append(f'<line x1="{left + pw + 10}" x2="{left + pw + 28}" y1="{legend_y - 4}" '
                   f'y2="{legend_y - 4}" stroke="{colour(i)}" stroke-width="2"{dash}/>'
                   f'<text x="{left + pw + 32}" y="{legend_y}">'
                   f'{html.escape(titles.get(scen, scen)[:28])}</text>')
        legend_y += 16
    out.append("</svg>")
    return "".join(out)


def base_warning_html(res, lang: str) -> str:
    """The base's own queue warning as a paragraph ('' when its queue is stable)."""
    from ...experiment.costbenefit import base_flags
    from .i18n import T
    ts = res.table("timeseries")
    if ts is None or res.kind != "comparison":
        return ""
    flags = base_flags(ts, res.scenarios[0], res.table("summary"))
    if not flags:
        return ""
    words = "; ".join(T[f"flag_{c}"][lang] if f"flag_{c}" in T else c for c in flags)
    return (f"<p class='warning base-warning'>\u26a0 "
            f"{html.escape(w('base_unstable', lang, w=words))}</p>")
