"""The committee brief: a printable HTML page (and, through ``model.present.dashboard.pdf``, an
A4 PDF) entirely in Swedish or in English. It informs and does not recommend. Built
from result tables only.

Page one holds the decision: the question, the options ranked
(``model.experiment.costbenefit.ranking``, the rule in words) by their titles, one table with the
turnover change, exits avoided, the net cost per year in both cost views (Budget
(kassaflöde) and Personalekonomisk), the cost per avoided exit, the probability of
saving money and the payback, each with the option's service warning in the same row,
and a static chart of cost against turnover with intervals. Page two holds the method:
the two cost views, the options described, the assumptions that matter, and the
STRESS-DES reporting checklist (Monks et al. 2019) filled from the run's parameters.
"""

from __future__ import annotations

import html
import math
from pathlib import Path

import pandas as pd

from ...experiment.intervals import level_ci, spread_interval
from .. import texts
from ..catalogue import metric
from ..catalogue.numbers import counted, date_text, runs_text
from ..catalogue.parameters import DIST_WORDS, SHORT_NAMES
from ..catalogue.sentences import sentences
from ..console_text import number
from . import conditions, pageone
from . import data as D
from . import decision as decide
from .data import Results
from .i18n import fmt, payback_text, ranking_rule, t
from .stress import stress_des
from .svgchart import Point, cost_turnover_svg
from .tables import RANKING_COLUMNS, heading, ranking_rows, service_ok, views_html

# the brief's sentences (model.present.catalogue.sentences, ``brief.*``)
W = sentences("brief")

# assumptions without a direct source that drive turnover (their short names in
# model.present.catalogue.parameters)
KEY_ASSUMPTIONS = ["attrition.hazard_ratios.pay_gap_per_1000_sek",
                   "attrition.outside_pull_per_year", "attrition.hazard_ratios.exhaustion",
                   "dcs.control.overload_erosion", "attrition.intention.onset_per_year",
                   "recruitment.time_to_hire_days"]


def dw(key: str, lang: str) -> str:
    return decide.w(key, lang)


def w(key: str, lang: str, **kw) -> str:
    text = W[key][lang]
    return text.format(**kw) if kw else text


def num(v, lang: str) -> str:
    """A count or duration as written: 10.0 -> '10', 2.5 -> '2,5' in Swedish."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return str(v)
    return number(v, lang)


def _get(d: dict, path: str):
    from ...config.scenario import get_path
    return get_path(d, path)


def option_titles(res: Results, lang: str) -> dict[str, str]:
    """Scenario name -> its title in ``lang`` (the name, readable, without one)."""
    m = res.manifest
    if res.kind == "comparison":
        items = [(s["name"], s.get("resolved") or {}) for s in m.get("scenarios", [])]
    else:
        items = [(m.get("scenario", ""), m.get("resolved_scenario") or {})]
    out = texts.distinct_titles(items, lang)
    for s in res.scenarios:
        out.setdefault(s, texts.title({}, lang, s))
    return out


def _ci(mean, lo, hi, kind, lang) -> str:
    if not isinstance(mean, (int, float)) or not math.isfinite(mean):
        return html.escape(fmt(None, kind, lang))
    out = fmt(mean, kind, lang)
    if isinstance(lo, (int, float)) and math.isfinite(lo):
        out += f" ({fmt(lo, kind, lang)} – {fmt(hi, kind, lang)})"
    return html.escape(out)


def _options(res: Results, lang: str) -> str:
    m = res.manifest
    if res.kind == "comparison":
        items = [(s["name"], s.get("resolved") or {}) for s in m.get("scenarios", [])]
    else:
        items = [(m.get("scenario", ""), m.get("resolved_scenario") or {})]
    return "<ul class='options'>" + "".join(
        f"<li><strong>{html.escape(texts.title(r, lang, n))}</strong>: "
        f"{html.escape(texts.description(r, lang))}"
        f"{html.escape(_on_base(r, lang) if m.get('measures_on_base') else '')}</li>"
        for n, r in items) + "</ul>"


def _on_base(resolved: dict, lang: str) -> str:
    """What a measure adds on the reader's own base (compare --base): its description
    speaks of the bundled 40-post unit ('fyra vid 40 tjänster')."""
    from ...sim.params import Scenario
    from ..measure_text import WORDS, added_staff
    try:
        sc = Scenario.model_validate(resolved)
    except ValueError:                      # a result of an older schema: say nothing
        return ""
    added = added_staff(sc, lang)
    return (" " + WORDS["measure_on_base"][lang].format(base=f"{sc.unit.posts:g}",
                                                        what="; ".join(added))
            if added else "")


def _value(v, lang: str) -> str:
    """A parameter value in the brief's language (numbers with the language's decimal
    mark, a distribution as its parameters)."""
    if isinstance(v, dict):
        return ", ".join(f"{DIST_WORDS[k][lang] if k in DIST_WORDS else k} "
                         f"{_value(x, lang)}" for k, x in v.items() if k != "dist")
    return num(v, lang)


def _sensitivity(res: Results, sens: pd.DataFrame | None, lang: str) -> str:
    if sens is not None and not sens.empty:
        pick = sens[sens["index"].isin(["ST", "mu_star"])]
        top = (pick.groupby("factor").value.max().sort_values(ascending=False).head(5))
        items = "".join(f"<li>{html.escape(str(f))}: {html.escape(fmt(v, 'num1', lang))}</li>"
                        if v >= 100 else
                        f"<li>{html.escape(str(f))}: {num(round(v, 2), lang)}</li>"
                        for f, v in top.items())
        return f"<p>{w('sens_from', lang)}</p><ol>{items}</ol>"
    evppi = res.table("evppi")
    draws = decide.draws_of(res)
    if draws and evppi is not None and not evppi.empty:
        # ranked as page one ranks the decisive assumption: by the value of knowing it,
        # then by how far it moves the net cost (a cubic fit's range, which one future
        # that collapses can stretch: the influence alone put the managers' last resort
        # above every assumption the choice rests on)
        top = (evppi.groupby("parameter")[["evppi_sek_per_year", "influence_sek_per_year"]]
               .max().sort_values(["evppi_sek_per_year", "influence_sek_per_year"],
                                  ascending=False).head(5))
        items = "".join(
            f"<li>{html.escape(decide.parameter_name(p, lang))}: "
            + html.escape(w("sens_item", lang, e=fmt(r.evppi_sek_per_year, "tkr", lang),
                            i=fmt(r.influence_sek_per_year, "tkr", lang))) + "</li>"
            for p, r in top.iterrows())
        return f"<p>{html.escape(w('sens_psa', lang, d=draws))}</p><ol>{items}</ol>"
    from ...config.paramdoc import leaves
    from ...sim.params import Scenario
    ranges = {path: (info.json_schema_extra or {}).get("assumption_range")
              for path, info, _ in leaves(Scenario)}
    base = D.resolved_base(res)
    items = []
    for path in KEY_ASSUMPTIONS:
        rng = ranges.get(path)
        rng_txt = (f"{num(rng[0], lang)}–{num(rng[1], lang)}" if isinstance(rng, list)
                   else "")
        label = SHORT_NAMES[path][lang]
        extra = f" ({w('range', lang)} {rng_txt})" if rng_txt else ""
        items.append(f"<li>{html.escape(label)}: "
                     f"{html.escape(_value(_get(base, path), lang))}{html.escape(extra)}</li>")
    return f"<p>{w('sens_none', lang)}</p><ul>{''.join(items)}</ul>"


# the detail table's columns (headings of the dashboard's ranking, RANKING_COLUMNS)
DETAIL_COLUMNS = ("col_turnover_change", "col_avoided", "col_net_economic", "col_net_budget",
                  "col_per_exit", "col_p_crisis", "col_p_saves")   # the chance of saving
                                                                    # beside the payback


def _decision_table(res: Results, lang: str, titles: dict[str, str]) -> str:
    """The options ranked with both cost views, the cost per avoided exit, the
    probability of saving money, the payback and the service warning in each row."""
    rows = ranking_rows(res, lang)
    if not rows:
        return ""
    head = ([t("col_rank", lang), t("col_option", lang)]
            + [t(k, lang) for k in DETAIL_COLUMNS]
            + [w("col_payback", lang), t("col_service", lang)])
    # ranking_rows' cells (in RANKING_COLUMNS' order) in this table's column order
    keys = [k for k, *_ in RANKING_COLUMNS]
    order = [keys.index(k) for k in DETAIL_COLUMNS]
    body = []
    for r in rows:
        cells = [str(r["rank"]), f"<strong>{html.escape(titles[r['scenario']])}</strong>"]
        for k in order:
            value, ci = r["cells"][k]
            cells.append(html.escape(value)
                         + (f"<span class='ci'>{html.escape(ci)}</span>" if ci else ""))
        pb = payback_text(D.measure(res, r["scenario"], "payback_year")[0], lang)
        cells.append(html.escape(pb) + (" <span class='warning'>⚠</span>" if r["warning"]
                                        else ""))
        cells.append(f"<span class='warning'>{html.escape(r['warning'])}</span>"
                     if r["warning"] else html.escape(service_ok(res, r["scenario"], lang)))
        cls = " class='warned'" if r["warning"] else ""
        body.append(f"<tr data-scenario='{html.escape(r['scenario'])}'{cls}>"
                    + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return ("<table class='ranking'><thead><tr>"
            + "".join(f"<th>{heading(h)}</th>" for h in head)
            + "</tr></thead><tbody>" + "".join(body) + "</tbody></table>")


def _base_line(res: Results, lang: str, titles: dict[str, str]) -> str:
    base = res.scenarios[0]
    s = res.tables["summary"]
    cur = s[s.scenario == base]
    # under uncertainty in the assumptions the interval is the spread of the futures, as
    # page one says of every interval; else the confidence interval of the mean
    interval = (spread_interval(cur["draw"].to_numpy()) if "draw" in cur
                else (lambda x: level_ci(x, True)))
    turnover = _ci(*interval(cur.turnover_rate.to_numpy(float)), "pct", lang)
    overdue = _ci(*interval(cur.overdue_share.to_numpy(float)), "pct", lang)
    return (w("base_line", lang, title=html.escape(titles[base]), turnover=turnover,
              overdue=overdue) + " " + unit_line(res, lang))


def unit_line(res: Results, lang: str) -> str:
    """Which unit the figures are for: its posts and managers, and for the bundled
    example unit that it is not the reader's own (a committee reads 'vad kostar
    personalomsättningen oss' as its own municipality's figures)."""
    from ...config.names import SCENARIOS
    first = (res.manifest.get("scenarios") or [{}])[0]
    unit = (first.get("resolved") or {}).get("unit") or {}
    if not unit:
        return ""
    leaders = counted(w("managers", lang), int(unit.get("managers", 0)))
    if unit.get("team_leaders"):
        leaders += counted(w("team_leaders", lang), int(unit["team_leaders"]))
    text = w("unit_line", lang, posts=number(unit.get("posts", 0), lang), leaders=leaders)
    src = first.get("file")
    if src and Path(src).resolve().parent == SCENARIOS.resolve():
        text += w("unit_example", lang)
    return html.escape(text.strip())


def _chart(res: Results, lang: str) -> str:
    rows = ranking_rows(res, lang)
    if not rows:
        return ""
    pts = D.cost_turnover_points(res).set_index("scenario")

    def point(scen, label, warned=False):
        p = pts.loc[scen]
        if scen == res.scenarios[0]:
            zero = (0.0, math.nan, math.nan)
            return Point(label, p.turnover, p.t_low, p.t_high, zero, zero, warned)
        return Point(label, p.turnover, p.t_low, p.t_high,
                     D.measure(res, scen, "net_cost_economic_sek_per_year"),
                     D.measure(res, scen, "net_cost_budget_sek_per_year"), warned)

    points = [point(res.scenarios[0], t("base", lang))]
    points += [point(r["scenario"], str(r["rank"]), bool(r["warning"])) for r in rows]
    svg = cost_turnover_svg(points, lang, {
        "x": metric("turnover_rate").label[lang], "y": w("chart_y", lang),
        "economic": t("view_economic", lang).split(" (")[0],
        "budget": t("view_budget", lang).split(" (")[0], "note": w("chart_note", lang)})
    return f"<h2>{html.escape(w('chart_h', lang))}</h2>{svg}"


CSS = """
@page{size:A4;margin:12mm}
body{font-family:Arial,Helvetica,sans-serif;max-width:186mm;margin:8mm auto;color:#111;
font-size:9.5pt}
h1{font-size:14pt;margin:0 0 3pt 0}h1.part{font-size:12pt;margin:0 0 4pt 0}
h2{font-size:11pt;margin:7pt 0 3pt 0}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:1.5pt 2.5pt;
text-align:left;vertical-align:top;font-size:7.5pt}th{background:#eef;hyphens:manual}
.neutral{border-left:4px solid #0072B2;padding:3pt 8pt;background:#f4f8fb;font-size:8.5pt}
.meta,.base{color:#333;font-size:8.5pt;margin:2pt 0}ul,ol{margin:2pt 0 2pt 16pt;padding:0}
.question{margin:3pt 0}.decision{page-break-after:always;break-after:page}
.ci{display:block;color:#555;font-size:7pt}.warning{color:#a3260b;font-weight:bold}
tr.warned td{background:#fff4f0}.rule,.note{font-size:8pt;margin:2pt 0}
.views,.options{font-size:8.5pt}svg.chart{width:100%;height:auto;max-height:78mm}
table.stress td{font-size:7.5pt}table.pageone td:last-child{width:31mm}
table.pageone td:nth-child(2){width:28mm}table.pageone td{font-size:7pt;padding:1pt 2pt}
table.pageone .ci{font-size:6.5pt}.base-warning{font-size:7.5pt;margin:2pt 0}
table.decisive td{font-size:7.5pt}tr{break-inside:avoid;page-break-inside:avoid}
@media print{body{margin:0 auto;max-width:none}}
"""


def render_brief(res: Results, lang: str = "sv", sensitivity: pd.DataFrame | None = None) -> str:
    if res.kind == "sweep":
        from ...errors import UserError
        raise UserError(f"{res.path}: the brief needs a run or a comparison; for a sweep use "
                        "--sensitivity with the comparison's directory")
    m = res.manifest
    sens = sensitivity if sensitivity is not None else res.tables.get("sensitivity")
    titles = option_titles(res, lang)
    draws = decide.draws_of(res)
    period = (w("period_psa", lang, d=draws,
                runs=runs_text((m.get("uncertainty") or {}).get("per_draw") or 1, lang),
                y=num(m.get("years"), lang), w=num(m.get("warmup_years"), lang),
                s=m.get("seed")) if draws else
              w("period", lang, r=m.get("replications"), y=num(m.get("years"), lang),
                w=num(m.get("warmup_years"), lang), s=m.get("seed")))
    when = date_text(m.get("finished", ""), lang)
    if when:
        period += " " + w("run_on", lang, date=when)
    decision = [f"<h1>{html.escape(w('title', lang))}</h1>",
                f"<p class='meta'>{html.escape(period)}</p>",
                f"<p class='question'><strong>{w('question_h', lang)}:</strong> "
                f"{html.escape(w('question', lang))}</p>"]
    table = pageone.table_html(res, lang, titles)
    if table:
        rule = ranking_rule(lang, titles[res.scenarios[0]])
        top = decide.top_options(res)
        decision_part = [
            f"<h2 id='ranking'>{html.escape(t('ranking_h', lang))}</h2>",
            f"<p class='base'>{_base_line(res, lang, titles)}</p>",
            decide.base_warning_html(res, lang),
            f"<p class='{decide.basis_class(res)}'>"
            f"{html.escape(decide.basis_text(res, lang))}</p>",
            table, pageone.notes_html(res, lang),
            f"<p class='note'>{html.escape(rule)}</p>",
            decide.decisive_html(res, lang, titles, top)]
        decision_part = [x for x in decision_part if x]
        decision += decision_part
    else:
        decision += [f"<p class='base'>{_base_line(res, lang, titles)}</p>"]
    decision.append(f"<p class='neutral'>{html.escape(w('neutral', lang))}</p>")
    detail = _decision_table(res, lang, titles)
    ceac = decide.ceac_svg(res, lang, titles, decide.top_options(res)) if detail else ""
    method = [
        f"<h1 class='part'>{html.escape(w('method_h', lang))}</h1>",
        (f"<h2>{html.escape(w('detail_h', lang))}</h2>{detail}"
         f"<p class='note'>{html.escape(t('negative_cheaper', lang))} "
         f"{html.escape(metric('crisis').label[lang])}: "
         f"{html.escape(metric('crisis').help[lang])}</p>{_chart(res, lang)}"
         if detail else ""),
        (f"<h2>{html.escape(dw('ceac_title', lang))}</h2>{ceac}"
         f"<p class='note'>{html.escape(dw('ceac_note', lang))}</p>" if ceac else ""),
        f"<h2>{html.escape(w('views_h', lang))}</h2>{views_html(res, lang)}",
        conditions.conditions_html(res.table("conditions"), lang, titles),
        f"<h2>{w('options_h', lang)}</h2>{_options(res, lang)}",
        f"<h2>{w('sens_h', lang)}</h2>{_sensitivity(res, sens, lang)}",
        f"<h2>{w('appendix_h', lang)}</h2>"
        f"{stress_des(res, lang, [titles[s] for s in res.scenarios])}",
    ]
    return (f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'>"
            "<meta name=\"generator\" content=\"socialstaff-sim\">"
            f"<title>{html.escape(w('title', lang))}</title><style>{CSS}</style></head><body>"
            f"<section class='decision'>{''.join(decision)}</section>"
            f"<section class='method'>{''.join(method)}</section></body></html>\n")
