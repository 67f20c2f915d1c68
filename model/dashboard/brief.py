"""The committee brief: a printable one-page HTML summary in Swedish or English, with a
STRESS-DES reporting checklist (Monks et al. 2019) filled from the run's real parameters
as an appendix. It informs and does not recommend. Built from result tables only.

It opens with the options ranked (``model.costbenefit.ranking``, the rule in words),
names both cost views wherever a cost appears (Budget (kassaflöde) and
Personalekonomisk), and never shows a payback or a probability of saving money without
the option's service warning beside it.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from .. import texts
from ..intervals import level_ci
from . import data as D
from .data import Results
from .i18n import fmt, payback_text, t, warning_text
from .tables import heading, ranking_html, views_html

W = {
    "title": {"sv": "Underlag till nämnden: personalomsättning bland socialsekreterare",
              "en": "Brief for the committee: turnover among social workers"},
    "question_h": {"sv": "Frågan", "en": "The question"},
    "question": {"sv": "Vad kostar personalomsättningen oss, vad skulle åtgärderna kosta, och "
                       "betalar de sig? Simuleringen jämför åtgärderna med dagens läge under "
                       "samma slumpmässiga förlopp (parvisa replikeringar).",
                 "en": "What does turnover cost us, what would the measures cost, and do they "
                       "pay for themselves? The simulation compares each measure with today's "
                       "situation under the same random course of events (paired "
                       "replications)."},
    "options_h": {"sv": "Alternativ som jämförs", "en": "Options compared"},
    "results_h": {"sv": "Resultat (medelvärde och 95 %-intervall)",
                  "en": "Results (mean and 95% interval)"},
    "views_h": {"sv": "Två sätt att räkna kostnad", "en": "Two ways to count cost"},
    "col_option": {"sv": "Alternativ", "en": "Option"},
    "col_turnover": {"sv": "Omsättning per år", "en": "Turnover per year"},
    "col_overdue": {"sv": "Utredningar över 4 mån.", "en": "Investigations over 4 months"},
    "col_payback": {"sv": "Återbetalning", "en": "Payback"},
    "col_prob": {"sv": "Sannolikhet att spara pengar", "en": "Probability of saving money"},
    "base": {"sv": "jämförelsebas", "en": "base"},
    "sens_h": {"sv": "Antaganden som svaret är mest känsligt för",
               "en": "Assumptions the answer is most sensitive to"},
    "sens_from": {"sv": "Från känslighetsanalysen (totalt Sobol-index eller Morris μ*):",
                  "en": "From the sensitivity analysis (total Sobol index or Morris μ*):"},
    "sens_none": {"sv": "Ingen känslighetsanalys ingår i detta underlag. Dessa antaganden saknar "
                        "direkt källa och bör varieras (parametersvep) innan beslut:",
                  "en": "No sensitivity analysis is part of these results. These assumptions "
                        "have no direct source and should be varied (parameter sweep) before a "
                        "decision:"},
    "neutral": {"sv": "Underlaget beskriver simulerade konsekvenser av alternativen under "
                      "angivna antaganden. Det innehåller ingen rekommendation.",
                "en": "This brief describes simulated consequences of the options under the "
                      "stated assumptions. It makes no recommendation."},
    "appendix_h": {"sv": "Bilaga: STRESS-DES-checklista", "en": "Appendix: STRESS-DES checklist"},
    "period": {"sv": "{r} replikeringar × {y} år efter {w} års insvängning, slumpfrö {s}.",
               "en": "{r} replications × {y} years after {w} warm-up years, seed {s}."},
}

# assumptions without a direct source that drive turnover (path, label sv, label en)
KEY_ASSUMPTIONS = [
    ("attrition.hazard_ratios.pay_gap_per_1000_sek", "Lönegapets effekt på avgångar",
     "Effect of the pay gap on quitting"),
    ("attrition.outside_pull_per_year", "Dragningskraft från andra arbetsgivare",
     "Pull from other employers"),
    ("attrition.hazard_ratios.exhaustion", "Utmattningens effekt på avgångar",
     "Effect of exhaustion on quitting"),
    ("dcs.control.overload_erosion", "Hur snabbt överbelastning tar kontrollen",
     "How fast overload destroys control"),
    ("attrition.intention.onset_per_year", "Hur ofta avsikt att sluta uppstår",
     "How often an intention to leave forms"),
    ("recruitment.time_to_hire_days", "Rekryteringstid", "Time to hire"),
]


def w(key: str, lang: str, **kw) -> str:
    text = W[key][lang]
    return text.format(**kw) if kw else text


def _get(d: dict, path: str):
    from ..scenario import get_path
    return get_path(d, path)


def _ci(mean, lo, hi, kind, lang) -> str:
    if not isinstance(mean, (int, float)) or not math.isfinite(mean):
        return html.escape(fmt(None, kind, lang))
    out = fmt(mean, kind, lang)
    if isinstance(lo, (int, float)) and math.isfinite(lo):
        out += f" ({fmt(lo, kind, lang)} – {fmt(hi, kind, lang)})"
    return html.escape(out)


def _payback(v, lang) -> str:
    return payback_text(v, lang)


def _marked(text: str, warning: str) -> str:
    """A payback or a probability of saving money: marked when the option has a service
    warning (the warning itself is in the next cell of the same row)."""
    return f"{text} <span class='warning'>⚠</span>" if warning else text


def _two_views(budget: str, economic: str, lang: str) -> str:
    return (f"{html.escape(t('view_budget', lang))}: {budget}<br>"
            f"{html.escape(t('view_economic', lang))}: {economic}")


def _results_table(res: Results, lang: str) -> str:
    """Levels per option, and for a comparison the net cost in both views, the payback
    and the probability of saving money in both views, then the service warning right
    beside them."""
    s = res.tables["summary"]
    head = [w("col_option", lang), w("col_turnover", lang), w("col_overdue", lang)]
    comparison = D.cost_benefit(res) is not None
    if comparison:
        head += [t("col_net_budget", lang), t("col_net_economic", lang),
                 w("col_payback", lang), w("col_prob", lang), t("col_service", lang)]
    rows = []
    for i, scen in enumerate(res.scenarios):
        cur = s[s.scenario == scen]
        cells = [html.escape(scen) + (f" <em>({w('base', lang)})</em>" if comparison and i == 0
                                      else "")]
        cells.append(_ci(*level_ci(cur.turnover_rate.to_numpy(float), True), "pct", lang))
        cells.append(_ci(*level_ci(cur.overdue_share.to_numpy(float), True), "pct", lang))
        warning = ""
        if comparison and i == 0:
            cells += ["–"] * 5
        elif comparison:
            warning = warning_text(D.service_flag(res, scen), lang)

            def m(name, kind="tkr"):
                return _ci(*D.measure(res, scen, name), kind, lang)

            def pb(name):
                return html.escape(_payback(D.measure(res, scen, name)[0], lang))

            cells.append(m("net_cost_budget_sek_per_year"))
            cells.append(m("net_cost_economic_sek_per_year"))
            cells.append(_marked(_two_views(pb("payback_year_budget"), pb("payback_year"),
                                            lang), warning))
            cells.append(_marked(_two_views(m("p_saves_budget", "pct"),
                                            m("p_saves_economic", "pct"), lang), warning))
            cells.append(f"<span class='warning'>{html.escape(warning)}</span>" if warning
                         else html.escape(t("service_ok", lang)))
        cls = " class='warned'" if warning else ""
        rows.append(f"<tr data-scenario='{html.escape(scen)}'{cls}>"
                    + "".join(f"<td>{x}</td>" for x in cells) + "</tr>")
    return ("<table class='res'><thead><tr>" + "".join(f"<th>{heading(h)}</th>" for h in head)
            + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _options(res: Results, lang: str) -> str:
    m = res.manifest
    if res.kind == "comparison":
        items = [(s["name"], s.get("resolved") or {}) for s in m.get("scenarios", [])]
    else:
        items = [(m.get("scenario", ""), m.get("resolved_scenario") or {})]
    return "<ul>" + "".join(
        f"<li><strong>{html.escape(texts.title(r, lang, n))}</strong>: "
        f"{html.escape(texts.description(r, lang))}</li>" for n, r in items) + "</ul>"


def _sensitivity(res: Results, sens: pd.DataFrame | None, lang: str) -> str:
    if sens is not None and not sens.empty:
        pick = sens[sens["index"].isin(["ST", "mu_star"])]
        top = (pick.groupby("factor").value.max().sort_values(ascending=False).head(5))
        items = "".join(f"<li>{html.escape(str(f))}: {v:.2f}</li>" for f, v in top.items())
        return f"<p>{w('sens_from', lang)}</p><ol>{items}</ol>"
    from ..paramdoc import leaves
    from ..params import Scenario
    ranges = {path: (info.json_schema_extra or {}).get("assumption_range")
              for path, info, _ in leaves(Scenario)}
    base = D.resolved_base(res)
    items = []
    for path, sv, en in KEY_ASSUMPTIONS:
        val = _get(base, path)
        if isinstance(val, dict):
            val = ", ".join(f"{k} {v}" for k, v in val.items() if k != "dist")
        rng = ranges.get(path)
        rng_txt = f"{rng[0]:g}–{rng[1]:g}" if isinstance(rng, list) else ""
        label = sv if lang == "sv" else en
        extra = (f" ({'intervall' if lang == 'sv' else 'range'} {rng_txt})" if rng_txt else "")
        items.append(f"<li>{html.escape(label)}: <code>{html.escape(path)}</code> = "
                     f"{html.escape(str(val))}{html.escape(extra)}</li>")
    return f"<p>{w('sens_none', lang)}</p><ul>{''.join(items)}</ul>"


def stress_des(res: Results, lang: str) -> str:
    """The STRESS-DES checklist filled from the manifest and the resolved scenario."""
    m = res.manifest
    sc = D.resolved_base(res)
    inv = _get(sc, "cases.investigations") or {}
    ong = _get(sc, "cases.ongoing") or {}
    en = lang == "en"
    names = ", ".join(res.scenarios)
    items = [
        ("1.1", "Purpose" if en else "Syfte",
         "Compare retention policies on turnover and cost for a social-services unit."
         if en else "Jämföra åtgärder mot personalomsättning på omsättning och kostnad."),
        ("1.2", "Model outputs" if en else "Utfall",
         "turnover_rate, exits, hires, vacancy_rate, consultant_fte, overdue_share, "
         "total_cost_sek (budget view), economic_cost_sek (economic view) (summary); weekly "
         "unit state; events; costs by year, category, view and block"),
        ("1.3", "Experimentation aims" if en else "Experimentets syfte",
         f"Scenarios: {names}"),
        ("2.1", "Base model overview" if en else "Modellöversikt",
         "docs/MODEL.md (ODD): weekly unit tick; events for notice, recruitment, consultants"),
        ("2.2", "Base model logic" if en else "Modellogik",
         "Poisson case inflow -> queue -> assignment (most spare hours) -> processor-sharing "
         "progress; demand-control-support -> exhaustion -> intention and proportional-hazards "
         "quitting -> notice -> exit -> recruitment"),
        ("2.3", "Scenario logic" if en else "Scenariologik",
         "Each scenario is a YAML delta from the baseline; policies act through capacity, "
         "demand, control, support, recovery, pay gap and recruitment"),
        ("2.4", "Algorithms" if en else "Algoritmer",
         "Weekly Bernoulli draws with p = 1 - exp(-h dt); gamma case sizes; lognormal time "
         "to hire; bootstrap percentile intervals for bounded levels; Student-t intervals "
         "for paired differences; Wilson intervals for probabilities; bootstrap for ratios"),
        ("2.5", "Components" if en else "Komponenter",
         f"Entities: workers, cases; resources: {_get(sc, 'unit.posts')} posts, "
         f"{_get(sc, 'unit.managers')} managers; queues: investigations, ongoing cases; "
         "exit: resignation, outside pull, retirement"),
        ("3.1", "Data sources" if en else "Datakällor",
         "DOMAIN.md: SCB/SSR, Tham 2007, FoUI 81:2017 (Kiruna), Försäkringskassan, SKR, "
         "Vision/Johrén, Mor Barak 2009, Söderberg 2014, Amiri & Behnezhad 2020"),
        ("3.2", "Pre-processing" if en else "Förbehandling", "none at run time"),
        ("3.3", "Input parameters" if en else "Indataparametrar",
         f"investigations {inv.get('arrivals_per_year')}/year, ongoing cases "
         f"{ong.get('arrivals_per_year')}/year, baseline quit hazard "
         f"{_get(sc, 'attrition.baseline_hazard_per_year')}/year, employer on-cost "
         f"{_get(sc, 'pay.employer_oncost')}; every parameter in docs/MODEL.md"),
        ("3.4", "Assumptions" if en else "Antaganden",
         "parameters marked 'assumption' in docs/MODEL.md, each with a range"),
        ("4.1", "Initialisation" if en else "Initiering",
         f"warm-up {m.get('warmup_years')} years discarded"),
        ("4.2", "Run length" if en else "Körlängd", f"{m.get('years')} years"),
        ("4.3", "Estimation approach" if en else "Skattning",
         f"{m.get('replications')} replications, 95% intervals (bootstrap for levels, "
         "Student-t for paired differences), common random numbers"),
        ("5.1", "Software" if en else "Programvara",
         f"Python {m.get('python', '')}, SimPy, numpy, pandas; socialstaff-sim "
         f"{m.get('version', '')}"),
        ("5.2", "Random sampling" if en else "Slumptal",
         f"numpy SeedSequence, named streams per replication, seed {m.get('seed')}"),
        ("5.3", "Model execution" if en else "Körning",
         "discrete-event simulation (SimPy), days; weekly strain update"),
        ("5.4", "System specification" if en else "Systemspecifikation",
         f"{m.get('platform', '')}"),
        ("6", "Code access" if en else "Kod", f"git commit {m.get('git_commit') or '-'}"),
    ]
    rows = "".join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td>"
                   f"<td>{html.escape(str(c))}</td></tr>" for a, b, c in items)
    return f"<table class='stress'>{rows}</table>"


CSS = """
body{font-family:Arial,Helvetica,sans-serif;max-width:190mm;margin:10mm auto;color:#111;
font-size:10.5pt}
h1{font-size:15pt;margin:0 0 4pt 0}h2{font-size:11.5pt;margin:10pt 0 3pt 0}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:2pt 3pt;
text-align:left;vertical-align:top;font-size:8pt}th{background:#eef}
.neutral{border-left:4px solid #0072B2;padding:4pt 8pt;background:#f4f8fb}
.meta{color:#444;font-size:9pt}ul,ol{margin:2pt 0 2pt 16pt;padding:0}
.appendix{page-break-before:always}
.ci{display:block;color:#555;font-size:8pt}.warning{color:#a3260b;font-weight:bold}
tr.warned td{background:#fff4f0}.rule,.note{font-size:9pt}.views{font-size:9.5pt}
@media print{body{margin:0 auto}}
"""


def render_brief(res: Results, lang: str = "sv", sensitivity: pd.DataFrame | None = None) -> str:
    if res.kind == "sweep":
        from ..errors import UserError
        raise UserError(f"{res.path}: the brief needs a run or a comparison; for a sweep use "
                        "--sensitivity with the comparison's directory")
    m = res.manifest
    sens = sensitivity if sensitivity is not None else res.tables.get("sensitivity")
    def num(v):                             # 4.0 -> "4", 2.5 -> "2,5" in Swedish
        if not isinstance(v, (int, float)):
            return str(v)
        text = f"{v:g}"
        return text.replace(".", ",") if lang == "sv" else text

    period = w("period", lang, r=m.get("replications"), y=num(m.get("years")),
               w=num(m.get("warmup_years")), s=m.get("seed"))
    ranked = ranking_html(res, lang)
    parts = [
        f"<h1>{html.escape(w('title', lang))}</h1>",
        f"<p class='meta'>{html.escape(period)} {html.escape(str(m.get('finished', '')))}</p>",
    ]
    if ranked:
        parts += [f"<h2 id='ranking'>{html.escape(t('ranking_h', lang))}</h2>{ranked}"]
    parts += [
        f"<h2>{html.escape(w('views_h', lang))}</h2>{views_html(res, lang)}",
        f"<h2>{w('question_h', lang)}</h2><p>{html.escape(w('question', lang))}</p>",
        f"<h2>{w('options_h', lang)}</h2>{_options(res, lang)}",
        f"<h2>{w('results_h', lang)}</h2>{_results_table(res, lang)}",
        f"<h2>{w('sens_h', lang)}</h2>{_sensitivity(res, sens, lang)}",
        f"<p class='neutral'>{html.escape(w('neutral', lang))}</p>",
        f"<div class='appendix'><h2>{w('appendix_h', lang)}</h2>{stress_des(res, lang)}</div>",
    ]
    return (f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'>"
            "<meta name=\"generator\" content=\"socialstaff-sim\">"
            f"<title>{html.escape(w('title', lang))}</title><style>{CSS}</style></head><body>"
            + "\n".join(parts) + "</body></html>\n")
