"""Tables of text: the options ranked (shared by the dashboard, both languages, and the
committee brief, one language), built from ``model.experiment.costbenefit.ranking`` and the
cost-benefit table's intervals, with the service warning in every option's row and
beside its probability of saving money; and the contents of the dashboard's KPI cards."""

from __future__ import annotations

import html
import math

from ..catalogue.numbers import chance, significant
from . import data as D
from .i18n import COST_KPIS, KPI, block_label, fmt, payback_text, ranking_rule, t, warning_text

# (column heading key, ranking column, cost-benefit measure for the interval, format)
RANKING_COLUMNS = [
    ("col_turnover_change", "turnover_rate_change", "turnover_rate_change", "pp"),
    ("col_avoided", "exits_avoided_per_year", "exits_avoided_per_year", "num1"),
    # the economic view first, as page one and the ranking have it
    ("col_net_economic", "net_cost_economic_sek_per_year", "net_cost_economic_sek_per_year",
     "tkr"),
    ("col_net_budget", "net_cost_budget_sek_per_year", "net_cost_budget_sek_per_year", "tkr"),
    ("col_p_saves", "p_saves_economic", "p_saves_economic", "chance"),
    ("col_p_best", "p_best", "p_best", "chance"),
    ("col_p_crisis", "p_crisis", "p_crisis", "chance"),
    ("col_per_exit", "cost_per_avoided_exit", "cost_per_avoided_exit", "tkr"),
]


# break points for long Swedish compounds in narrow table headings (soft hyphens)
_SOFT = {"Personalekonomisk": "Personal\u00adekonomisk",
         "personalekonomisk": "personal\u00adekonomisk",
         "Personalomsättning": "Personal\u00adomsättning",
         "Nettokostnad": "Netto\u00adkostnad", "Sannolikhet": "Sannolik\u00adhet",
         "procentenheter": "procent\u00adenheter", "Återbetalning": "Åter\u00adbetalning",
         "klientarbetet": "klient\u00adarbetet"}


def heading(text: str) -> str:
    """A table heading, escaped, with soft hyphens in long compounds."""
    out = html.escape(text)
    for word, soft in _SOFT.items():
        out = out.replace(word, soft)
    return out


def _shown(value, kind: str, lang: str, runs: int) -> str:
    """A cell's number; a probability at the precision its runs support (``chance``)."""
    return chance(value, runs, lang) if kind == "chance" else fmt(value, kind, lang)


def bound(value: float, kind: str, lang: str, show=None) -> str:
    """An interval bound as ``show`` writes it, except a count's bound that is not zero
    but would read 0,0: it gets one significant digit, so that whether the interval
    lies above zero (the ranking's 'avoids exits') can be read ("0,02", "-0,01")."""
    if kind == "num1" and value != 0 and abs(value) < 0.05:
        return significant(value, lang, 1)
    return (show or (lambda v: fmt(v, kind, lang)))(value)


def unsure_conditions(res) -> set[str]:
    """The options whose queue or turnover holds only under a condition (the conditions
    search: a productivity gain or redesign share) that their assumed value meets within
    its interval, not beyond it, or not at all."""
    from .conditions import unsure_of
    return unsure_of(res.table("conditions"))


def service_ok(res, scenario: str, lang: str, unsure: set[str] | None = None) -> str:
    """The service cell of an option without a warning: 'no warning', or 'no warning,
    condition uncertain' where its queue or turnover rests on an uncertain condition."""
    if unsure is None:
        unsure = unsure_conditions(res)
    return t("service_ok_unsure" if scenario in unsure else "service_ok", lang)


def _interval(lo, hi, kind, lang, runs: int = 0) -> str:
    if not (isinstance(lo, float) and math.isfinite(lo) and math.isfinite(hi)):
        return ""
    if kind == "chance":            # a probability's ends rounded outwards
        return f"{chance(lo, runs, lang, 'low')} – {chance(hi, runs, lang, 'high')}"

    def show(v):
        return _shown(v, kind, lang, runs)
    return f"{bound(lo, kind, lang, show)} – {bound(hi, kind, lang, show)}"


def ranking_rows(res, lang: str) -> list[dict] | None:
    """The ranked options as text: rank, scenario, its title, cells [(value, interval)],
    warning
    (None when the result has no cost-benefit table)."""
    table = D.ranking_table(res)
    if table is None:
        return None
    rows = []
    runs = int(res.manifest.get("replications") or 0)
    for r in table.itertuples(index=False):
        warning = warning_text(r.service_flag, lang)
        cells = []
        for _, col, measure, kind in RANKING_COLUMNS:
            value = getattr(r, col)
            _, lo, hi = D.measure(res, r.scenario, measure)
            text = _shown(value, kind, lang, runs)
            if col == "p_saves_economic" and warning:
                text += " \u26a0"
            if col == "p_best" and warning:      # an option with a warning is not ranked best
                cells.append(("–", ""))
                continue
            cells.append((text, _interval(lo, hi, kind, lang, runs)))
        rows.append({"rank": int(r.rank), "scenario": r.scenario,
                     "title": res.title(r.scenario, lang), "cells": cells,
                     "warning": warning, "flag": r.service_flag})
    return rows


def ranking_html(res, lang: str) -> str:
    """The ranking rule in words and the ranked table ('' without a cost-benefit
    table)."""
    rows = ranking_rows(res, lang)
    if rows is None:
        return ""
    head = [t("col_rank", lang), t("col_option", lang)] + [
        t(key, lang) for key, *_ in RANKING_COLUMNS] + [t("col_service", lang)]
    body = []
    unsure = unsure_conditions(res)
    for r in rows:
        cells = [str(r["rank"]), f"<strong>{html.escape(r['title'])}</strong>"]
        for value, ci in r["cells"]:
            cells.append(html.escape(value)
                         + (f'<span class="ci">{html.escape(ci)}</span>' if ci else ""))
        if r["warning"]:
            cells.append(f'<span class="warning">{html.escape(r["warning"])}</span>')
        else:
            cells.append(html.escape(service_ok(res, r["scenario"], lang, unsure)))
        cls = ' class="warned"' if r["warning"] else ""
        body.append(f'<tr data-scenario="{html.escape(r["scenario"])}"'
                    f' data-flag="{html.escape(r["flag"])}"{cls}>'
                    + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    rule = ranking_rule(lang, res.title(res.scenarios[0], lang))
    return (f'<p class="rule">{html.escape(rule)}</p>'
            '<table class="ranking"><thead><tr>'
            + "".join(f"<th>{heading(h)}</th>" for h in head)
            + "</tr></thead><tbody>" + "".join(body) + "</tbody></table>"
            f'<p class="note">{html.escape(t("negative_cheaper", lang))}</p>')


def views_html(res, lang: str) -> str:
    """The two cost views named and explained, and whether lost service is priced."""
    econ = D.resolved_base(res).get("economics") or {}
    overdue, handover = (econ.get("overdue_investigation_sek") or 0,
                         econ.get("handover_sek") or 0)
    service = (t("service_priced", lang).format(overdue=fmt(overdue, "sek", lang),
                                                handover=fmt(handover, "sek", lang))
               if overdue or handover else t("service_unpriced", lang))
    return ('<ul class="views">'
            f'<li><strong>{html.escape(t("view_budget", lang))}</strong>: '
            f'{html.escape(t("view_budget_expl", lang))}</li>'
            f'<li><strong>{html.escape(t("view_economic", lang))}</strong>: '
            f'{html.escape(t("view_economic_expl", lang))}</li>'
            f'<li class="service-pricing">{html.escape(service)}</li>'
            f'{_replacement_item(res, lang)}</ul>')


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _knock_on_parts(rc) -> list[tuple[str, float]]:
    """The knock-on blocks of a replacement cost, largest effect first (a reader sees
    what the knock-on sum nets: a crisis response's cost, a younger staff's pay)."""
    k = rc[(rc.part == "block") & (rc.kind == "knock_on")]
    k = k.reindex(k.sek_per_exit.abs().sort_values(ascending=False).index)
    return list(zip(k.block, k.sek_per_exit.astype(float)))


def _replacement_item(res, lang: str) -> str:
    """The unit's replacement cost (the main job's probe), when the result has it."""
    from ...experiment.prices import PRICE_YEAR
    rc = res.table("replacement_cost")
    if rc is None or rc.empty:
        return ""
    r = rc.set_index("block")
    if not {"total", "johren", "knock_on"} <= set(r.index):
        return ""
    text = t("replacement_cost", lang).format(
        total=fmt(r.loc["total", "sek_per_exit"], "tkr", lang),
        lo=fmt(r.loc["total", "ci_low"], "tkr", lang),
        hi=fmt(r.loc["total", "ci_high"], "tkr", lang), year=PRICE_YEAR,
        johren=fmt(r.loc["johren", "sek_per_exit"], "tkr", lang),
        knock=fmt(r.loc["knock_on", "sek_per_exit"], "tkr", lang),
        cash=(fmt(r.loc["cash", "sek_per_exit"], "tkr", lang) if "cash" in r.index
              else t("na", lang)),
        runs=int(res.manifest.get("replications") or 0),
        parts="; ".join(f"{_lower_first(block_label(b, lang))} {fmt(v, 'tkr', lang)}"
                        for b, v in _knock_on_parts(rc)))
    return f'<li class="replacement-cost">{html.escape(text)}</li>'


def kpi_cards(res, lang) -> list[dict]:
    """Card contents per scenario: label, value text, interval text, explanation, and
    the service warning (on the card, and beside a payback or a probability of saving
    money)."""
    kt = D.kpi_table(res)
    comparison = D.cost_benefit(res) is not None
    runs = int(res.manifest.get("replications") or 0)
    cards = []
    for i, scen in enumerate(res.scenarios):
        warning = warning_text(D.service_flag(res, scen), lang) if i > 0 else ""
        items = []
        for key, (label, expl, kind) in KPI.items():
            if key in COST_KPIS and not comparison:
                continue
            found = kt[(kt.scenario == scen) & (kt.kpi == key)]
            if found.empty:                   # a result written before the metric
                continue
            r = found.iloc[0]
            if kind == "payback":
                value = payback_text(r["mean"], lang) if i > 0 else t("na", lang)
                ci = ""
            else:
                value = _shown(r["mean"], kind, lang, runs)
                ci = _interval(float(r.low), float(r.high), kind, lang, runs)
            if key in COST_KPIS and i == 0:
                ci = t("base", lang)
                if key in ("p_saves_economic", "payback"):
                    value = t("na", lang)
            warn = warning if key in ("p_saves_economic", "payback") else ""
            items.append({"key": key, "label": label[lang], "value": value, "ci": ci,
                          "explain": expl[lang], "warning": warn})
        cards.append({"index": i, "scenario": scen, "title": res.title(scen, lang),
                      "items": items, "warning": warning})
    return cards
