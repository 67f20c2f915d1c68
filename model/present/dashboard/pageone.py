"""The brief's first page: the options ranked in one compact table that holds every
option of the main job on one A4 page in either language, with what the decision rests
on beside each (the chance of being best and of a crisis, the paid time moved off
casework) and what its intervals count.

Amounts are in thousands of kronor (the heading says so) and every interval stands on
its own line under its value, so no cell wraps further; service warnings are named in
a few words (the method page and the dashboard have them in full)."""

from __future__ import annotations

import html

from ..catalogue.numbers import chance
from ..catalogue.sentences import sentences
from . import data as D
from .i18n import fmt
from .tables import bound, heading, unsure_conditions

W = sentences("pageone")

# (heading id, cost-benefit measure, format); "k" is thousands of kronor
COLUMNS = [
    ("col_turnover", "turnover_rate_change", "pp"),
    ("col_avoided", "exits_avoided_per_year", "num1"),
    ("col_economic", "net_cost_economic_sek_per_year", "k"),
    ("col_budget", "net_cost_budget_sek_per_year", "k"),
    ("col_time", "paid_time_off_casework_per_year", "k"),
    ("col_saves", "p_saves_economic", "chance"),
    ("col_best", "p_best", "chance"),
    ("col_crisis", "p_crisis", "chance"),
]
# service warning -> its few words, the gravest first (page 1 names the first two): more
# investigations past the law's four months first, the breach a committee answers for
FLAGS = {"overdue_share_up": "flag_overdue_share_up",
         "crisis_risk_up": "flag_crisis_risk_up", "turnover_up": "flag_turnover_up",
         "crisis_response_up": "flag_crisis_response_up", "queue_growing": "flag_queue_growing",
         "overdue_growing": "flag_overdue_growing"}
SHOWN_FLAGS = 2


def w(key: str, lang: str, **kw) -> str:
    text = W[key][lang]
    return text.format(**kw) if kw else text


def _amount(value: float, lang: str) -> str:
    """Thousands of kronor, whole (12,5 below ten thousand kronor would be noise)."""
    return fmt(value / 1000.0, "whole", lang) if value == value else fmt(None, "num", lang)


def _cell(res, scen: str, measure: str, kind: str, lang: str, runs: int, draws: int,
          moved: bool) -> str:
    mean, lo, hi = D.measure(res, scen, measure)
    if kind == "chance":
        n = draws if measure == "p_best" and draws else runs
        return html.escape(chance(mean, n, lang))
    if measure == "paid_time_off_casework_per_year" and not moved:
        return "–"
    show = (lambda v: _amount(v, lang)) if kind == "k" else (lambda v: fmt(v, kind, lang))
    out = html.escape(show(mean))
    if lo == lo and hi == hi:
        out += (f"<span class='ci'>{html.escape(bound(lo, kind, lang, show))} – "
                f"{html.escape(bound(hi, kind, lang, show))}</span>")
    return out


# the warnings whose size page one states beside them: the mean change they rest on
SIZED = {"overdue_share_up": "overdue_share_change", "turnover_up": "turnover_rate_change"}


def short_warning(flag: str, lang: str, sizes: dict[str, float] | None = None) -> str:
    """The service warning in a few words ('' for none): its two gravest parts and how
    many more there are (the method page and the dashboard name them all); ``sizes``:
    the mean change behind a warning of ``SIZED``, stated beside it (in pp)."""
    codes = [c for c in (flag or "").split(";") if c]
    codes.sort(key=lambda c: list(FLAGS).index(c) if c in FLAGS else len(FLAGS))
    sizes = sizes or {}
    words = [(w(FLAGS[c], lang) if c in FLAGS else c)
             + (f" ({w('flag_size', lang, d=fmt(sizes[c], 'pp', lang))})"
                if c in sizes else "")
             for c in codes[:SHOWN_FLAGS]]
    if len(codes) > SHOWN_FLAGS:
        words.append(w("flag_more", lang, n=len(codes) - SHOWN_FLAGS))
    return ", ".join(words)


def table_html(res, lang: str, titles: dict[str, str]) -> str:
    """The compact ranking ('' without a cost-benefit table)."""
    ranked = D.ranking_table(res)
    if ranked is None or ranked.empty:
        return ""
    uncertainty = res.manifest.get("uncertainty") or {}
    draws = int(uncertainty.get("draws") or 0)
    runs = int(res.manifest.get("replications") or 0)
    head = ["#", w("col_option", lang)] + [w(k, lang) for k, _, _ in COLUMNS] + [
        w("col_service", lang)]
    unsure = unsure_conditions(res)
    body = []
    for r in ranked.itertuples(index=False):
        moved = abs(D.measure(res, r.scenario, "paid_time_off_casework_per_year")[0]) >= 500
        cells = [str(int(r.rank)), f"<strong>{html.escape(titles[r.scenario])}</strong>"]
        for _, measure, kind in COLUMNS:
            text = _cell(res, r.scenario, measure, kind, lang, runs, draws, moved)
            if measure == "p_best" and r.service_flag:
                text = "–"
            if measure == "exits_avoided_per_year" and getattr(r, "group", "") == \
                    "avoids_exits":
                text = f"<strong>{text}</strong>"
            cells.append(text)
        warning = short_warning(r.service_flag, lang, {
            c: D.measure(res, r.scenario, m)[0] for c, m in SIZED.items()
            if c in str(r.service_flag or "")})
        cells.append(f"<span class='warning'>\u26a0 {html.escape(warning)}</span>" if warning
                     else html.escape(w("ok_unsure" if r.scenario in unsure else "ok", lang)))
        cls = " class='warned'" if warning else ""
        body.append(f"<tr data-scenario='{html.escape(r.scenario)}'{cls}>"
                    + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return ("<table class='ranking pageone'><thead><tr>"
            + "".join(f"<th>{heading(h)}</th>" for h in head)
            + "</tr></thead><tbody>" + "".join(body) + "</tbody></table>")


def notes_html(res, lang: str) -> str:
    """What the columns mean, in one paragraph (and what an uncertain condition is, where
    an option without a warning has one)."""
    ranked = D.ranking_table(res)
    unwarned = set()
    if ranked is not None:
        unwarned = {r.scenario for r in ranked.itertuples(index=False)
                    if not short_warning(r.service_flag, lang)}
    from ...experiment.prices import PRICE_YEAR
    note = w("columns_note", lang) + " " + w("price_year", lang, year=PRICE_YEAR)
    if ranked is not None and any(
            len([c for c in str(r.service_flag or "").split(";") if c]) > SHOWN_FLAGS
            for r in ranked.itertuples(index=False)):
        note += " " + w("more_note", lang, n="n")
    if unwarned & unsure_conditions(res):
        note += " " + w("unsure_note", lang)
    return f"<p class='note'>{html.escape(note)}</p>"
