"""One self-contained HTML dashboard: plotly.js embedded, no network access needed.

The page opens with the options ranked (the rule in words, both cost views and the
service warning in each option's row), then the KPI cards and the charts.
Both languages are in the file: a Svenska / English toggle re-renders every chart from
its figure in that language and switches every text. A scenario selector (in rank
order, each scenario in its own colour) shows or hides a scenario's traces in every
chart and its KPI card; it starts on the base and the best three options. The language
and the selection are read from the address (``?lang=en&show=a,b`` with scenario
names, or ``show=all``) and written back to it when the reader changes them, so a link
opens the same view. All user-supplied text (scenario
names, descriptions, file names) is escaped; data travel as JSON inside
``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped.
"""

from __future__ import annotations

import html
import json

from plotly.offline import get_plotlyjs
from plotly.utils import PlotlyJSONEncoder

from ... import __version__
from . import conditions, decision
from . import figures as F
from .data import Results, default_selection, display_order
from .i18n import LANGS, T
from .tables import kpi_cards, ranking_html, views_html

CSS = """
body{font-family:Arial,Helvetica,sans-serif;margin:0 auto;max-width:1400px;padding:0 16px;
color:#222}
header{display:flex;justify-content:space-between;align-items:center;gap:12px;
flex-wrap:wrap}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}
.lang button{font-size:1em;padding:4px 10px;margin-left:4px;border:1px solid #0072B2;
background:#fff;color:#0072B2;border-radius:4px;cursor:pointer}
.lang button.active{background:#0072B2;color:#fff}
#selector label{display:inline-block;margin:2px 14px 2px 0;white-space:nowrap;cursor:pointer}
.groups button,#selector button{font-size:.95em;padding:3px 10px;margin:2px 4px 2px 0;
border:1px solid #0072B2;background:#fff;color:#0072B2;border-radius:4px;cursor:pointer}
.groups button.active{background:#0072B2;color:#fff}.groups{margin-top:16px}
#selector .swatch{display:inline-block;width:12px;height:12px;margin-right:4px;
border-radius:2px;vertical-align:middle}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px}
.card{border:1px solid #ccc;border-radius:6px;padding:8px 10px;border-top:5px solid #999}
.card h3{font-size:1em;margin:0 0 6px 0;word-break:break-word}
.kpi{display:flex;justify-content:space-between;gap:6px;padding:2px 0;cursor:help;
border-bottom:1px dotted #ddd;position:relative}
.kpi .v{font-weight:bold;text-align:right}.kpi .ci{color:#666;font-size:.85em;display:block}
.kpi:hover::after{content:attr(data-explain);position:absolute;left:0;top:100%;z-index:5;
background:#333;color:#fff;padding:6px 8px;border-radius:4px;font-size:.85em;width:260px}
.chart{margin:10px 0}
footer{margin:30px 0;font-size:.85em;color:#444;border-top:1px solid #ccc}
footer table{border-collapse:collapse}footer td{padding:2px 8px;vertical-align:top;
word-break:break-all}
body.lang-sv .only-en{display:none}body.lang-en .only-sv{display:none}
#ranking table{border-collapse:collapse;width:100%;font-size:.92em}
#ranking th,#ranking td{border:1px solid #ccc;padding:4px 6px;text-align:left;
vertical-align:top}#ranking th{background:#eef3f8}
#ranking td .ci{display:block;color:#666;font-size:.85em}
#ranking tr.warned td{background:#fff4f0}#ranking tbody tr{cursor:pointer}
#ranking tbody tr:hover td{background:#f3f7fb}
.warning{color:#a3260b;font-weight:bold}
.card .card-warning{margin:0 0 6px 0;padding:4px 6px;background:#fff4f0;
border-left:4px solid #a3260b;font-size:.9em}
.kpi .val{white-space:nowrap}
.kpi-warning{font-size:.8em;padding:2px 0 4px 0;border-bottom:1px dotted #ddd}
.rule,.note{font-size:.9em;color:#333}.views{font-size:.9em}
"""

APP_JS = """
(function(){
  const figs = JSON.parse(document.getElementById('figdata').textContent);
  const texts = JSON.parse(document.getElementById('texts').textContent);
  const state = JSON.parse(document.getElementById('state').textContent);
  const cfg = {displaylogo:false, responsive:true};
  const params = new URLSearchParams(window.location.search);
  let lang = params.get('lang') === 'en' ? 'en' : 'sv';
  const sel = {}, mode = {};
  const boxes = Array.from(document.querySelectorAll('#selector input[data-s]'));
  function setChecked(names){
    boxes.forEach(function(cb){
      cb.checked = names.indexOf(state.names[+cb.dataset.s]) >= 0;
      sel[cb.dataset.s] = cb.checked;
    });
  }
  const show = params.get('show');
  if (show === 'all') setChecked(state.names);
  else if (show) setChecked(show.split(',').map(function(x){ return x.trim(); }));
  else setChecked(state.default);
  Object.keys(figs).forEach(function(id){
    const m = figs[id].sv.layout.meta;
    if (m && m.groups) mode[id] = params.get(id) || m.groups[0];
  });
  function updateUrl(){
    const q = new URLSearchParams(window.location.search);
    q.set('lang', lang);
    const names = state.names.filter(function(n, i){ return sel[i]; });
    const same = names.length === state.default.length &&
      names.every(function(n){ return state.default.indexOf(n) >= 0; });
    if (same) q.delete('show');
    else q.set('show', names.length === state.names.length ? 'all' : names.join(','));
    const url = window.location.pathname + '?' + q.toString().replace(/%2C/g, ',');
    try { history.replaceState(null, '', url); } catch (e) { /* a browser that refuses */ }
  }
  function height(gd, id, n){
    const m = gd.layout.meta || {};
    if (m.row_px) {
      const min = (m.min_px || {})[mode[id]] || 0;
      return Math.max(min, m.base_px + m.row_px * n);
    }
    const base = figs[id][lang].layout.height || 450;
    const l = gd.layout.legend;
    if (!l || l.orientation !== 'h') return base;
    const perRow = Math.max(1, Math.floor(gd.clientWidth / 240));
    return base + 22 * Math.ceil(n / perRow);
  }
  function applySelection(){
    const n = Object.keys(sel).filter(function(k){ return sel[k]; }).length;
    const jobs = Object.keys(figs).map(function(id){
      const gd = document.getElementById('fig-' + id);
      if (!gd || !gd.data) return null;
      const vis = gd.data.map(function(tr){
        const m = tr.meta || {};
        if (m.g !== undefined && m.g !== mode[id]) return false;
        if (m.s !== undefined) return sel[m.s] ? true : false;
        return tr.visible === undefined ? true : tr.visible;
      });
      return Plotly.restyle(gd, {visible: vis}).then(function(){
        const h = height(gd, id, n);
        if (h !== gd.layout.height) return Plotly.relayout(gd, {height: h});
      });
    });
    document.querySelectorAll('.card[data-s]').forEach(function(c){
      c.style.display = sel[c.dataset.s] ? '' : 'none';
    });
    document.querySelectorAll('#ranking tr[data-scenario]').forEach(function(r){
      const i = state.names.indexOf(r.dataset.scenario);
      r.classList.toggle('shown', !!sel[i]);
      r.style.boxShadow = sel[i] ? 'inset 6px 0 0 ' + state.colours[i] : '';
    });
    document.querySelectorAll('.groups button').forEach(function(b){
      b.classList.toggle('active', mode[b.dataset.fig] === b.dataset.g);
    });
    updateUrl();
    return Promise.all(jobs);
  }
  function render(){
    const jobs = Object.keys(figs).map(function(id){
      const f = figs[id][lang];
      return Plotly.react('fig-' + id, f.data, f.layout, cfg);
    });
    return Promise.all(jobs).then(applySelection);
  }
  function setLang(l){
    lang = l;
    document.body.classList.remove('lang-sv', 'lang-en');
    document.body.classList.add('lang-' + l);
    document.documentElement.lang = l;
    document.querySelectorAll('[data-i18n]').forEach(function(el){
      const t = texts[el.dataset.i18n];
      if (t) el.textContent = t[l];
    });
    document.getElementById('btn-sv').classList.toggle('active', l === 'sv');
    document.getElementById('btn-en').classList.toggle('active', l === 'en');
    document.title = texts[document.body.dataset.titlekey][l];
    return render();
  }
  document.getElementById('btn-sv').addEventListener('click', function(){ setLang('sv'); });
  document.getElementById('btn-en').addEventListener('click', function(){ setLang('en'); });
  boxes.forEach(function(cb){
    cb.addEventListener('change', function(){ sel[cb.dataset.s] = cb.checked; applySelection(); });
  });
  document.querySelectorAll('.groups button').forEach(function(b){
    b.addEventListener('click', function(){ mode[b.dataset.fig] = b.dataset.g; applySelection(); });
  });
  function choose(names){ setChecked(names); applySelection(); }
  document.querySelectorAll('#ranking tr[data-scenario]').forEach(function(r){
    r.addEventListener('click', function(){
      const i = state.names.indexOf(r.dataset.scenario);
      const cb = document.querySelector('#selector input[data-s="' + i + '"]');
      if (!cb) return;
      cb.checked = !cb.checked; sel[i] = cb.checked; applySelection();
    });
  });
  const a = document.getElementById('sel-all'), n = document.getElementById('sel-none'),
        d = document.getElementById('sel-default');
  if (a) a.addEventListener('click', function(){ choose(state.names); });
  if (n) n.addEventListener('click', function(){ choose([]); });
  if (d) d.addEventListener('click', function(){ choose(state.default); });
  window.dashboardReady = setLang(lang).then(function(){ document.body.dataset.ready = '1'; });
})();
"""


def _round(obj):
    """Floats to 5 significant digits: plenty for a chart, and a much smaller page."""
    if isinstance(obj, float):
        return float(f"{obj:.5g}") if obj == obj and abs(obj) != float("inf") else None
    if isinstance(obj, dict):
        return {k: _round(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_round(v) for v in obj]
    return obj


def _json_for_script(obj) -> str:
    obj = _round(json.loads(json.dumps(obj, cls=PlotlyJSONEncoder)))
    text = json.dumps(obj, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _both(key: str) -> str:
    """A span pair in both languages for static text."""
    return "".join(f'<span class="only-{lang}">{html.escape(T[key][lang])}</span>'
                   for lang in LANGS)


def _cards(res: Results) -> str:
    by_lang = {lang: kpi_cards(res, lang) for lang in LANGS}
    out = []
    for scen in display_order(res):
        i = res.scenarios.index(scen)
        col = F.colour(i)
        blocks = []
        for lang in LANGS:
            card = by_lang[lang][i]
            items = card["items"]
            rows = ""
            for j, it in enumerate(items):
                rows += (f'<div class="kpi" data-kpi="{html.escape(it["key"])}" '
                         f'title="{html.escape(it["explain"])}" '
                         f'data-explain="{html.escape(it["explain"])}"><span>'
                         f'{html.escape(it["label"])}</span><span class="v">'
                         f'<span class="{"txt" if it["key"] == "payback" else "val"}">'
                         f'{html.escape(it["value"])}'
                         f'{" ⚠" if it["warning"] else ""}</span>'
                         f'<span class="ci">{html.escape(it["ci"])}</span></span></div>')
                # the warning right under a probability of saving money or a payback
                # (once under two neighbours that carry the same warning)
                nxt = items[j + 1]["warning"] if j + 1 < len(items) else ""
                if it["warning"] and it["warning"] != nxt:
                    rows += (f'<div class="kpi-warning warning" data-for="{it["key"]}">'
                             f'⚠ {html.escape(it["warning"])}</div>')
            warn = (f'<p class="card-warning warning">{html.escape(card["warning"])}</p>'
                    if card["warning"] else "")
            blocks.append(f'<div class="only-{lang}">{warn}{rows}</div>')
        out.append(f'<div class="card" data-s="{i}" style="border-top-color:{col}">'
                   f'<h3>{_titles(res, scen)}</h3>{"".join(blocks)}</div>')
    return f'<div class="cards">{"".join(out)}</div>'


def _plain(value):
    """A number of years as read in both languages (4, not 4.0); anything else as is."""
    return f"{value:g}" if isinstance(value, float) else value


def _ranking(res: Results) -> str:
    """The options ranked, first on the page; nothing for a single run."""
    if not ranking_html(res, "sv"):
        return ""
    top = decision.top_options(res)
    blocks = "".join(f'<div class="only-{lang}">{decision.base_warning_html(res, lang)}'
                     f'{ranking_html(res, lang)}'
                     f'<p class="{decision.basis_class(res)}">'
                     f'{html.escape(decision.basis_text(res, lang))}</p>'
                     f'{decision.decisive_html(res, lang, _lang_titles(res, lang), top)}'
                     f'{views_html(res, lang)}</div>' for lang in LANGS)
    return (f'<section id="ranking"><h2 data-i18n="ranking_h">'
            f'{html.escape(T["ranking_h"]["sv"])}</h2>{blocks}{conditions.section(res)}'
            '</section>')


def _lang_titles(res: Results, lang: str) -> dict[str, str]:
    return {s: res.title(s, lang) for s in res.scenarios}


def _titles(res: Results, scen: str) -> str:
    """A scenario's title in both languages (one shown at a time)."""
    return "".join(f'<span class="only-{lang}">{html.escape(res.title(scen, lang))}</span>'
                   for lang in LANGS)


def _selector(res: Results) -> str:
    """The scenarios in rank order, each with its colour; the default selection
    ticked; buttons for all, none and the default."""
    default = set(default_selection(res))
    boxes = "".join(
        f'<label data-name="{html.escape(s)}"><input type="checkbox" '
        f'data-s="{res.scenarios.index(s)}"{" checked" if s in default else ""}>'
        f'<span class="swatch" style="background:{F.colour(res.scenarios.index(s))}">'
        f'</span>{_titles(res, s)}</label>' for s in display_order(res))
    buttons = "".join(f'<button id="sel-{k}" data-i18n="{key}">{T[key]["sv"]}</button> '
                      for k, key in (("default", "default_sel"), ("all", "all"),
                                     ("none", "none")))
    note = (f'<p class="note" data-i18n="selection_note">{T["selection_note"]["sv"]}</p>'
            if len(default) < len(res.scenarios) else "")
    return (f'<section id="selector"><h2 data-i18n="scenarios">{T["scenarios"]["sv"]}</h2>'
            f'{note}<div class="boxes">{boxes}</div><div>{buttons}</div></section>')


def _chart(fid: str, fig: dict) -> str:
    """A chart's container, with buttons for its alternative views (``meta.groups``)."""
    groups = (fig["sv"]["layout"].get("meta") or {}).get("groups") or []
    buttons = "".join(f'<button data-fig="{fid}" data-g="{g}" data-i18n="cost_{g}">'
                      f'{html.escape(T["cost_" + g]["sv"])}</button>' for g in groups)
    bar = f'<div class="groups" data-for="{fid}">{buttons}</div>' if buttons else ""
    return f'{bar}<div class="chart" id="fig-{fid}" data-chart="{fid}"></div>'


def _provenance(res: Results) -> str:
    m = res.manifest
    rows = []

    def row(key, value):
        rows.append(f'<tr><td>{_both(key)}</td><td>{html.escape(str(value))}</td></tr>')

    if res.kind == "comparison":
        for s in m.get("scenarios", []):
            row("file", f"{s.get('name')}: {s.get('file')} (sha256 {s.get('sha256', '')[:16]})")
    elif res.kind == "run":
        row("file", f"{m.get('scenario_file')} (sha256 {str(m.get('scenario_sha256', ''))[:16]})")
    else:
        row("file", f"{m.get('sweep_file', '')} (sha256 {str(m.get('sweep_sha256', ''))[:16]})")
    row("seed", m.get("seed"))
    row("replications", m.get("replications"))
    row("years", _plain(m.get("years")))
    if "warmup_years" in m:
        row("warmup", _plain(m.get("warmup_years")))
    row("version", m.get("version", __version__))
    row("commit", m.get("git_commit") or "-")
    row("date", m.get("finished") or m.get("started") or "-")
    return (f'<footer><h2 data-i18n="provenance">{T["provenance"]["sv"]}</h2>'
            f'<table>{"".join(rows)}</table></footer>')


def render_dashboard(res: Results) -> str:
    figs = F.build_all(res)
    title_key = {"run": "title_run", "comparison": "title", "sweep": "title_sweep"}[res.kind]
    body = [f'<header><h1 data-i18n="{title_key}">{html.escape(T[title_key]["sv"])}</h1>'
            '<div class="lang"><button id="btn-sv" class="active">Svenska</button>'
            '<button id="btn-en">English</button></div></header>']
    if res.kind != "sweep":
        from .brief import unit_line
        unit = {lang: unit_line(res, lang) for lang in LANGS}
        if unit["sv"]:
            body.append('<p class="unit">' + "".join(
                f'<span class="only-{lang}">{unit[lang]}</span>' for lang in LANGS) + "</p>")
        body.append(_ranking(res))
    intro = "intro_psa" if decision.draws_of(res) else "intro"
    body.append(f'<p data-i18n="{intro}">{html.escape(T[intro]["sv"])}</p>')
    if res.kind != "sweep":
        body.append(_selector(res))
        body.append(f'<h2 data-i18n="kpis">{T["kpis"]["sv"]}</h2>')
        body.append(_cards(res))
    for fid, fig in figs.items():
        body.append(_chart(fid, fig))
    body.append(_provenance(res))
    texts = {k: {lang: v[lang] for lang in LANGS} for k, v in T.items()}
    state = {"names": res.scenarios,
             "colours": [F.colour(i) for i in range(len(res.scenarios))],
             "default": default_selection(res) if res.kind != "sweep" else []}
    page = ("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
            "<meta name=\"generator\" content=\"socialstaff-sim\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(T[title_key]['sv'])}</title><style>{CSS}</style>"
            f"<script>{get_plotlyjs()}</script></head>"
            f"<body class=\"lang-sv\" data-titlekey=\"{title_key}\">"
            + "\n".join(body)
            + f'<script type="application/json" id="figdata">{_json_for_script(figs)}</script>'
            + f'<script type="application/json" id="texts">{_json_for_script(texts)}</script>'
            + f'<script type="application/json" id="state">{_json_for_script(state)}</script>'
            + f"<script>{APP_JS}</script></body></html>\n")
    return page


