"""The app's callbacks: texts in the chosen language, the levers, a what-if on every
lever change, the answer as it arrives, and the options list. Nothing from the browser
is trusted: lever values are checked and validated by the scenario schema, options and
saved files are chosen by ids and names the server gave out."""

from __future__ import annotations

from dash import ALL, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from ...errors import UserError
from .. import texts
from ..catalogue.numbers import exact, typed
from .brief import BriefMaker, scenarios
from .i18n import LANGS, T, tr
from .layout import comparison, lever_block, result_table, warning_box
from .options import to_excel
from .state import NO_MEASURE, AppState

LEVER = {"type": "lever", "key": ALL}


def _lang(lang) -> str:
    return lang if lang in LANGS else "sv"


def _measure(st: AppState, measure) -> str:
    return measure if isinstance(measure, str) and measure in st.measures else NO_MEASURE


def _session(session) -> str:
    """The page's session (given out by the server with the page); any other text
    counts as a page of its own, so the limits hold whatever the browser sends."""
    return session if isinstance(session, str) and 0 < len(session) <= 64 else "?"


def _typed(value, lang: str):
    """A box's text as a number where it is one (else the text, shown again as typed)."""
    if isinstance(value, str):
        number = typed(value, lang)
        return value if number is None else number
    return value


def _values(ids, values) -> dict:
    return {i["key"]: v for i, v in zip(ids or [], values or []) if isinstance(i, dict)}


def register(app, st: AppState) -> None:
    """Attach the callbacks to the Dash ``app``."""

    @app.callback(Output({"type": "t", "k": ALL}, "children"), Input("lang", "value"))
    def _texts(lang):
        lang = _lang(lang)
        return [T.get(str(o["id"].get("k")), {}).get(lang, "") for o in ctx.outputs_list]

    app.clientside_callback("function(l){document.documentElement.lang = l; return l;}",
                            Output("lang-sink", "data"), Input("lang", "value"))

    @app.callback(Output("measure", "options"), Input("lang", "value"))
    def _measures(lang):
        lang = _lang(lang)
        return ([{"label": tr("no_measure", lang), "value": NO_MEASURE}]
                + [{"label": texts.title(m.texts, lang), "value": name}
                   for name, m in st.measures.items()])

    @app.callback(Output("levers", "children"), Input("measure", "value"),
                  Input("lang", "value"), Input("restore", "data"),
                  State(LEVER, "value"), State(LEVER, "id"))
    def _levers(measure, lang, restore, values, ids):
        lang, measure = _lang(lang), _measure(st, measure)
        fired = {t["prop_id"].split(".")[0] for t in ctx.triggered or []}
        # the boxes hold text as the reader wrote it: in the other language when the
        # language has just been switched
        written_in = next(x for x in LANGS if x != lang) if "lang" in fired else lang
        current = {k: _typed(v, written_in) for k, v in _values(ids, values).items()}
        defaults = st.defaults(measure)
        if "restore" in fired and isinstance(restore, dict):
            chosen = {**defaults, **(restore.get("values") or {})}
        elif "measure" in fired or not current:
            chosen = {**defaults, **{k: v for k, v in current.items()
                                     if k in defaults and not k.startswith("policies.")}}
        else:
            chosen = {**defaults, **current}
        out = []
        for group, levers in (("g_measure", st.measure_levers(measure)),
                              ("g_unit", [lv for lv in st.common_levers()
                                          if lv.group == "unit"]),
                              ("g_assumption", [lv for lv in st.common_levers()
                                                if lv.group == "assumption"]),
                              ("g_run", [lv for lv in st.common_levers()
                                         if lv.group == "run"])):
            if levers:
                out += [html.H3(tr(group, lang))] + lever_block(levers, chosen, lang)
        return out

    @app.callback(Output("job", "data"), Output("message", "children"),
                  Input(LEVER, "value"), State(LEVER, "id"), State("measure", "value"),
                  State("lang", "value"), State("session", "data"))
    def _run(values, ids, measure, lang, session):
        lang, measure = _lang(lang), _measure(st, measure)
        vals = _values(ids, values)
        if not vals:
            raise PreventUpdate
        try:
            vals = st.parse(measure, vals, lang)        # numbers, as the reader wrote them
            base, option = st.what_if(measure, vals, lang)
        except UserError as exc:
            return no_update, html.Div(f"{tr('bad_value', lang)}: {exc}",
                                       className="message", id="bad-value")
        try:
            job = st.submit(base, option, _session(session), lang)
        except UserError as exc:
            return no_update, html.Div(str(exc), className="message", id="busy")
        st.remember(job, measure, vals, option)
        return job, ""

    @app.callback(Output("status", "children"), Output("base-warning", "children"),
                  Output("warning", "children"), Output("table", "children"),
                  Output("fig-net", "figure"), Output("fig-ct", "figure"),
                  Output("shown", "data"),
                  Input("tick", "n_intervals"), Input("lang", "value"),
                  Input("job", "data"), State("shown", "data"))
    def _poll(_, lang, job, shown):
        lang = _lang(lang)
        if not isinstance(job, int) or isinstance(job, bool):
            raise PreventUpdate
        s = st.runner.status(job)
        key = [job, s["state"], s["n"], lang]
        if key == shown:
            raise PreventUpdate
        a = s["answer"]
        if s["state"] == "error":
            status = html.Span(f"{tr('failed', lang)}: {s['error']}", className="message")
        elif s["state"] == "timeout":
            status = html.Span(tr("timeout", lang, t=round(s["deadline"])),
                               className="message")
        elif s["state"] == "busy":
            status = html.Span(tr("busy", lang, k=s["limit"]), className="message")
        elif s["state"] == "running" or a is None:
            status = tr("running", lang)
        elif s["state"] == "refining":
            status = tr("refining", lang, n=s["n"], t=s["target"])
        else:
            status = tr("done", lang, n=s["n"], y=exact(a.years, lang))
        status = html.Span(status, id="status-text", **{"data-state": s["state"],
                                                        "data-n": str(s["n"])})
        if a is None:
            return status, no_update, no_update, no_update, no_update, no_update, key
        base_warning = (html.Div(tr("base_warning", lang), className="warning")
                        if a.base_flags else "")
        figs = a.figures(lang)
        return (status, base_warning, warning_box(a, lang), result_table(a, lang),
                figs.get("net", no_update), figs.get("cost_turnover", no_update), key)

    @app.callback(Output("opt-list", "options"), Output("opt-list", "value"),
                  Output("opt-msg", "children"), Output("comparison", "children"),
                  Output("saved", "options"), Output("download", "data"),
                  Output("restore", "data"), Output("measure", "value"),
                  Output("compared", "data"),
                  Input("keep", "n_clicks"), Input("delete", "n_clicks"),
                  Input("compare", "n_clicks"), Input("save_yaml", "n_clicks"),
                  Input("use", "n_clicks"), Input("export", "n_clicks"),
                  Input("load", "n_clicks"), Input("lang", "value"),
                  State("opt-name", "value"), State("opt-list", "value"),
                  State("job", "data"), State("saved", "value"), State("compared", "data"))
    def _options(*args):
        lang, name, selected, job, saved, compared = args[7:]
        lang = _lang(lang)
        selected = selected if isinstance(selected, list) else []
        action = ctx.triggered_id
        selected = [o.id for o in st.book.all() if o.id in (selected or [])]
        msg, comp, download, restore, measure = "", no_update, no_update, no_update, no_update
        try:
            if action == "keep":
                msg = _keep(st, job, name, lang)
            elif action == "delete":
                st.book.delete(selected)
                selected = []
            elif action in ("compare", "lang"):
                ids = selected if action == "compare" else (
                    compared if isinstance(compared, list) else [])
                chosen = [o for o in (st.book.get(i) for i in ids) if o is not None]
                compared = [o.id for o in chosen]
                comp = (comparison(chosen, lang) if chosen else
                        tr("select_one", lang) if action == "compare" else no_update)
            elif action == "save_yaml":
                opt = _one(st, selected, lang)
                path = st.book.save(opt, lang)
                msg = tr("saved_to", lang, f=str(path),
                         cmd=f"python simulate.py run {path}")
            elif action == "use":
                opt = _one(st, selected, lang)
                restore, measure = {"values": opt.values}, opt.measure
            elif action == "export":
                data = to_excel(st.book.all(), lang)
                download = dcc.send_bytes(data, "options.xlsx")
            elif action == "load":
                scenario = st.book.load(saved, lang)
                measure, values, matched = st.match(scenario)
                restore = {"values": values}
                msg = tr("loaded", lang, f=str(saved)) + (
                    "" if matched else f" ({tr('no_measure_found', lang)})")
        except UserError as exc:
            msg = html.Span(str(exc), className="message")
        items = st.book.all()
        options = [{"label": f"{o.name}: {texts.title(o.scenario, lang)} "
                             f"({o.answer.n} {tr('reps', lang)})", "value": o.id}
                   for o in items] or []
        if not items:
            comp = tr("none_yet", lang) if action in ("compare", "delete", "lang") else comp
        return (options, selected, html.Div(msg, id="opt-msg-text"), comp,
                [{"label": f, "value": f} for f in st.book.saved()], download, restore,
                measure, compared)


def register_brief(app, st: AppState) -> None:
    """The option list as the committee brief: started on a thread of its own, the page
    asks for its state with the tick, and the PDF (the HTML without Chromium) is
    downloaded once it is written."""
    maker = BriefMaker(st.runner, st.book.directory)

    @app.callback(Output("brief-job", "data"), Output("brief-msg", "children"),
                  Output("download-brief", "data"),
                  Input("brief", "n_clicks"), Input("tick", "n_intervals"),
                  State("brief-job", "data"), State("lang", "value"),
                  prevent_initial_call=True)
    def _brief(_, __, job_id, lang):
        lang = _lang(lang)
        if ctx.triggered_id == "brief":
            try:
                items = st.book.all()
                pairs = [(o, st.base_of(o.measure, o.values)) for o in items]
                sims = scenarios(pairs[0][1] if pairs else st.base, pairs, lang)
                job_id = maker.start(sims, lang)
            except UserError as exc:
                return no_update, _brief_msg(str(exc), "error"), no_update
            return job_id, _brief_msg(tr("brief_running", lang, k=len(items)),
                                      "running"), no_update
        job = maker.get(job_id)
        if job is None or job.delivered or job.state == "running":
            raise PreventUpdate
        job.delivered = True
        if job.state == "error":
            return no_update, _brief_msg(f"{tr('brief_failed', lang)}: {job.error}",
                                         "error"), no_update
        w = job.result
        if w.pdf is None:
            return (no_update, _brief_msg(tr("brief_no_pdf", job.lang, html=str(w.html)),
                                          "no-pdf"), dcc.send_file(str(w.html)))
        text = tr("brief_done", job.lang, pdf=str(w.pdf), html=str(w.html),
                  dir=str(w.directory))
        return no_update, _brief_msg(text, "done"), dcc.send_file(str(w.pdf))


def _brief_msg(text: str, state: str) -> html.Div:
    return html.Div(text, id="brief-msg-text", className="message" if state == "error"
                    else "status", **{"data-state": state})


def _keep(st: AppState, job, name, lang) -> str:
    measure, values, option = st.job(job, lang)
    s = st.runner.status(job)
    if s["state"] != "done" or s["answer"] is None:
        raise UserError(tr("not_ready", lang))
    opt = st.book.add(name, measure, values, option, s["answer"], lang)
    return f"{opt.name}: {texts.title(option, lang)}"


def _one(st: AppState, selected: list, lang: str):
    if len(selected) != 1:
        raise UserError(tr("select_one", lang))
    return st.book.get(selected[0])
