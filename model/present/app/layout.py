"""The page of the what-if app: components and their texts in the reader's language.

Every text the page shows is either a ``{"type": "t", "k": key}`` span (the language
callback fills it) or rendered by a callback that receives the language.
"""

from __future__ import annotations

from dash import dcc, html

from ...sim.params import Scenario
from .. import texts
from ..catalogue.numbers import TYPED_MAX, exact
from ..dashboard.i18n import fmt, payback_text, warning_text
from .i18n import lever_help, lever_label, tr, unit_label
from .levers import Lever
from .results import LEVELS, MEASURES, Answer

CSS = """
body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#222}
header{display:flex;justify-content:space-between;align-items:center;padding:8px 16px;
background:#0072B2;color:white} header h1{font-size:20px;margin:0}
#lang label{margin-left:12px}
.cols{display:flex;gap:16px;padding:0 16px}
#left{flex:0 0 380px;max-height:calc(100vh - 70px);overflow-y:auto}
#right{flex:1;min-width:0}
.lever{margin:6px 0 10px} .lever label{font-weight:bold;display:block}
.lever input{width:140px} .lever .help{font-size:12px;color:#555}
.message{background:#fde8e8;border-left:4px solid #D55E00;padding:6px 10px;margin:8px 0}
.warning{background:#fff4d6;border-left:4px solid #E69F00;padding:6px 10px;margin:8px 0}
.status{color:#0b5394;margin:8px 0} table.res{border-collapse:collapse}
table.res td,table.res th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:right}
table.res td:first-child,table.res th:first-child{text-align:left}
#options-section{padding:0 16px 24px} button{margin:4px 6px 4px 0}
"""


def span(key: str) -> html.Span:
    return html.Span(id={"type": "t", "k": key})


def page(measures: list[tuple[str, str]], start: str, lang: str = "sv",
         session: str = "") -> html.Div:
    """The page; ``measures``: (value, label) of the measure chooser; ``session``: the
    page's own id (each page load gets a new one: one what-if at a time per page)."""
    return html.Div([
        dcc.Store(id="session", data=session), dcc.Store(id="job"), dcc.Store(id="shown"),
        dcc.Store(id="restore"),
        dcc.Store(id="lang-sink"), dcc.Store(id="compared"),
        dcc.Interval(id="tick", interval=400),
        html.Header([html.H1(span("title")),
                     dcc.RadioItems(id="lang", value=lang, inline=True,
                                    options=[{"label": "Svenska", "value": "sv"},
                                             {"label": "English", "value": "en"}])]),
        html.Div(className="cols", children=[
            html.Div(id="left", children=[
                html.P(span("intro")),
                html.Label(span("measure"), htmlFor="measure"),
                dcc.Dropdown(id="measure", options=[{"label": lab, "value": v}
                                                    for v, lab in measures],
                             value=start, clearable=False),
                html.Div(id="levers")]),
            html.Div(id="right", children=[
                html.Div(id="message", role="alert"),
                html.Div(id="status", className="status"),
                html.Div(id="base-warning"), html.Div(id="warning"),
                html.Div(id="table"),
                dcc.Graph(id="fig-net", config={"displaylogo": False}),
                dcc.Graph(id="fig-ct", config={"displaylogo": False})])]),
        html.Section(id="options-section", children=[
            html.H2(span("options")),
            html.Label(span("option_name"), htmlFor="opt-name"),
            dcc.Input(id="opt-name", type="text", maxLength=60, debounce=False),
            html.Button(span("keep"), id="keep"),
            dcc.Checklist(id="opt-list", options=[], value=[]),
            html.Div([html.Button(span(k), id=k) for k in
                      ("compare", "delete", "save_yaml", "use", "export", "brief")]),
            html.Div(id="opt-msg"),
            dcc.Store(id="brief-job"), html.Div(id="brief-msg", role="status"),
            dcc.Download(id="download-brief"),
            html.Div(id="comparison"),
            html.H3(span("saved_files")),
            dcc.Dropdown(id="saved", options=[], clearable=True),
            html.Button(span("load"), id="load"),
            dcc.Download(id="download")])])


def lever_block(levers: list[Lever], values: dict, lang: str) -> list:
    """Inputs of a group of levers, with label, unit, help, bounds and range."""
    out = []
    for lv in levers:
        step = str(int(lv.path.split(".")[-2]) + 1) if ".steps." in lv.path else None
        bounds = []
        if lv.low is not None:
            bounds.append(("> " if lv.low_open else "≥ ") + exact(lv.low, lang, True))
        if lv.high is not None:
            bounds.append("≤ " + exact(lv.high, lang, True))
        extra = f"{tr('allowed', lang)} {', '.join(bounds)}" if bounds else ""
        if lv.plausible:
            lo, hi = (exact(x, lang, True) for x in lv.plausible)
            extra += f"; {tr('plausible', lang)} {lo}–{hi}"
        value = values.get(lv.key)
        # a text box, so that a Swedish reader types a decimal comma (a number box takes
        # the browser's locale, not the page's); the server reads it (state.check)
        out.append(html.Div(className="lever", children=[
            html.Label(f"{lever_label(lv.key, lang, step)} "
                       f"({unit_label(lv.unit, lang)})"),
            dcc.Input(id={"type": "lever", "key": lv.key}, type="text",
                      inputMode="numeric" if lv.integer else "decimal",
                      value=exact(value, lang) if isinstance(value, (int, float))
                      and not isinstance(value, bool) else value,
                      debounce=True, name=lv.key, maxLength=TYPED_MAX),
            html.Div(className="help", children=[
                lever_help(lv.key, lang, lv.help, step, lv.path), html.Br(), extra])]))
    return out


def _ci(t, kind, lang) -> str:
    m, lo, hi = t
    return f"{fmt(m, kind, lang)} ({fmt(lo, kind, lang)} – {fmt(hi, kind, lang)})"


def result_table(a: Answer, lang: str) -> html.Table:
    """Base, option and the paired change for the levels; then the cost-benefit rows.
    Each value cell carries its exact mean in ``data-value``."""
    head = html.Tr([html.Th(tr("measure_col", lang)), html.Th(tr("base", lang)),
                    html.Th(tr("option", lang)), html.Th(tr("change", lang))])
    rows = [head]
    for kpi, kind in LEVELS:
        v = a.levels[kpi]
        diff_kind = "pp" if kind == "pct" else kind
        rows.append(html.Tr([html.Td(tr(kpi, lang)),
                             html.Td(_ci(v["base"], kind, lang),
                                     **{"data-value": repr(v["base"][0])}),
                             html.Td(_ci(v["option"], kind, lang),
                                     **{"data-kpi": kpi, "data-value": repr(v["option"][0])}),
                             html.Td(_ci(v["diff"], diff_kind, lang))]))
    for name, kind in MEASURES:
        m = a.measures[name]
        text = payback_text(m[0], lang) if kind == "payback" else _ci(m, kind, lang)
        if a.service_flag and name.startswith(("p_saves", "payback")):
            text += " ⚠"
        rows.append(html.Tr([html.Td(tr(name, lang)), html.Td(""),
                             html.Td(text, **{"data-kpi": name,
                                              "data-value": repr(m[0])}),
                             html.Td("")]))
    return html.Table(rows, className="res")


def warning_box(a: Answer, lang: str):
    text = warning_text(a.service_flag, lang)
    if not text:
        return html.Div(tr("warning_none", lang), className="status")
    return html.Div("⚠ " + text, className="warning", id="service-warning")


def comparison(options: list, lang: str) -> html.Table:
    """The options side by side: one column each, values with intervals and n."""
    head = [html.Th(tr("measure_col", lang))] + [html.Th(o.name) for o in options]
    rows = [html.Tr(head), html.Tr([html.Td(tr("measure", lang))] + [
        html.Td(texts.title(o.scenario, lang)) for o in options]),
        html.Tr([html.Td(tr("reps", lang))] + [html.Td(str(o.answer.n)) for o in options])]
    for kpi, kind in LEVELS:
        rows.append(html.Tr([html.Td(tr(kpi, lang))] + [
            html.Td(_ci(o.answer.levels[kpi]["option"], kind, lang)) for o in options]))
    for name, kind in MEASURES:
        rows.append(html.Tr([html.Td(tr(name, lang))] + [
            html.Td(payback_text(o.answer.measures[name][0], lang) if kind == "payback"
                    else _ci(o.answer.measures[name], kind, lang)) for o in options]))
    rows.append(html.Tr([html.Td(tr("warning", lang))] + [
        html.Td(warning_text(o.answer.service_flag, lang) or "–") for o in options]))
    return html.Table(rows, className="res", id="comparison-table")


def measure_label(texts_of: dict | Scenario, lang: str) -> str:
    return texts.title(texts_of, lang)
