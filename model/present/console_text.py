"""The words of the command line's tables and messages in English and Swedish
(``--lang``). Numbers use the language's separators (``model.present.dashboard.i18n.fmt``)
with ordinary spaces, so that columns line up in a terminal."""

from __future__ import annotations

from .dashboard.i18n import fmt as _fmt

CLI_LANGS = ("en", "sv")
DEFAULT_LANG = "en"

TEXT = {
    "ranked_h": {"en": "The options ranked. {rule}",
                 "sv": "Alternativen rangordnade. {rule}"},
    "units": {"en": "Turnover change in percentage points; net cost per year against the base "
                    "(a negative amount saves money); the chance of saving money in the "
                    "economic view.",
              "sv": "Förändring av personalomsättningen i procentenheter; nettokostnad per år "
                    "jämfört med basen (ett negativt belopp är en besparing); chansen att "
                    "spara pengar i den personalekonomiska kalkylen."},
    "col_option": {"en": "Option", "sv": "Alternativ"},
    "col_turnover": {"en": "Turnover", "sv": "Omsättning"},
    "col_budget": {"en": "Budget view", "sv": "Budget"},
    "col_economic": {"en": "Economic view", "sv": "Personalekonomisk"},
    "col_p": {"en": "Saves", "sv": "Sparar"},
    "col_service": {"en": "Service", "sv": "Verksamheten"},
    "group_warned": {"en": "options with a service warning",
                     "sv": "alternativ med varning för verksamheten"},
    "group_avoid": {"en": "options that avoid exits", "sv": "alternativ som minskar avgångarna"},
    "group_none": {"en": "options that avoid no exits",
                   "sv": "alternativ som inte minskar avgångarna"},
    "ok": {"en": "ok", "sv": "ingen varning"},
    "details_hint": {"en": "Each option in detail (both cost views, payback, backlog): add "
                           "--details.",
                     "sv": "Varje alternativ i detalj (båda kalkylerna, återbetalning, köer): "
                           "lägg till --details."},
    "details_h": {"en": "Each option in detail (means, the 95 % interval in brackets):",
                  "sv": "Varje alternativ i detalj (medelvärden, 95 % intervall inom "
                        "parentes):"},
    "base_line": {"en": "Base: {base}, turnover {t} a year ({lo} – {hi})",
                  "sv": "Bas: {base}, personalomsättning {t} per år ({lo} – {hi})"},
    "option_line": {"en": "{name}: turnover {t} a year", "sv": "{name}: personalomsättning "
                    "{t} per år"},
    "d_turnover": {"en": "turnover change (percentage points)",
                   "sv": "omsättning, förändring (procentenheter)"},
    "d_avoided": {"en": "exits avoided per year", "sv": "undvikna avgångar per år"},
    "d_overdue": {"en": "overdue investigations (percentage points)",
                  "sv": "utredningar över tidsgränsen (procentenheter)"},
    "d_queue": {"en": "waiting cases, change", "sv": "väntande ärenden, förändring"},
    "d_trend": {"en": "waiting cases, trend per year", "sv": "väntande ärenden, trend per år"},
    "d_p_queue": {"en": "runs where the queue grows", "sv": "körningar där kön växer"},
    "d_budget_h": {"en": "budget view (cash), change in cost per year (+ costs more, - saves):",
                   "sv": "budget (kassaflöde), förändring av kostnaden per år (+ dyrare, - "
                         "billigare):"},
    "d_measure": {"en": "the measure itself", "sv": "åtgärden själv"},
    "d_recruitment": {"en": "recruitment", "sv": "rekrytering"},
    "d_consultants": {"en": "consultants", "sv": "konsulter"},
    "d_sick": {"en": "sick pay, rehabilitation", "sv": "sjuklön, rehabilitering"},
    "d_payroll": {"en": "payroll", "sv": "lönekostnad"},
    "d_time_moved": {"en": "of which paid time moved off casework",
                     "sv": "varav betald tid flyttad från klientarbete"},
    "d_net": {"en": "net cost per year", "sv": "nettokostnad per år"},
    "d_p_cash": {"en": "chance it saves cash", "sv": "chans att spara kontanter"},
    "d_econ_h": {"en": "economic view (budget + value of work lost):",
                 "sv": "personalekonomisk kalkyl (budget + värdet av förlorat arbete):"},
    "d_work_lost": {"en": "work lost, change", "sv": "förlorat arbete, förändring"},
    "d_p_saves": {"en": "chance it saves money", "sv": "chans att spara pengar"},
    "d_per_exit": {"en": "cost per avoided exit", "sv": "kostnad per undviken avgång"},
    "d_payback": {"en": "payback", "sv": "återbetalning"},
    "d_no_cash": {"en": "the measure has no cash cost", "sv": "åtgärden har ingen egen kostnad"},
    "d_replacement": {"en": "replacement cost per exit", "sv": "ersättningskostnad per avgång"},
    "not_advice": {"en": "a saving here is not a recommendation",
                   "sv": "en besparing här är ingen rekommendation"},
    "base_unstable": {"en": "{w} in the BASE itself: every option is compared with a unit "
                            "whose queue is not stable; check the base's inflow, posts and "
                            "managers first",
                      "sv": "{w} redan i BASEN: alla alternativ jämförs med en enhet vars kö "
                            "inte är stabil; kontrollera först basens inflöde, tjänster och "
                            "chefer"},
    "header": {"en": "Comparison of {n} scenarios against '{base}': {r} paired replications "
                     "× {y} years (after {w} warm-up years), seed {s}.",
               "sv": "Jämförelse av {n} scenarier mot '{base}': {r} parvisa replikeringar × "
                     "{y} år (efter {w} års insvängning), slumpfrö {s}."},
    "unpriced": {"en": "Service (investigations over the legal limit, waiting cases, "
                       "hand-overs) is reported on its own, not priced in the economic view.",
                 "sv": "Verksamheten (utredningar över tidsgränsen, väntande ärenden, byten av "
                       "handläggare) redovisas för sig och prissätts inte i den "
                       "personalekonomiska kalkylen."},
    "priced": {"en": "Service priced in the economic view: {o} per overdue investigation, "
                     "{h} per hand-over (economics.*; an assumption).",
               "sv": "Verksamheten prissätts i den personalekonomiska kalkylen: {o} per "
                     "utredning över tidsgränsen, {h} per byte av handläggare (economics.*; "
                     "ett antagande)."},
    "few": {"en": "Note: {n} replications only: the intervals are rough (with 2 they span just "
                  "the two runs); use {k} or more for a decision.",
            "sv": "Obs: bara {n} replikeringar: intervallen är grova (med 2 spänner de bara "
                  "över de två körningarna); använd {k} eller fler inför ett beslut."},
    "tables": {"en": "Tables written to {out}/", "sv": "Tabeller skrivna till {out}/"},
}


def say(key: str, lang: str, **kw) -> str:
    text = TEXT[key][lang]
    return text.format(**kw) if kw else text


def fmt(value, kind: str, lang: str) -> str:
    """A number for the terminal in the language's format (no non-breaking spaces)."""
    return _fmt(value, kind, lang).replace("\u00a0", " ")


def number(value: float, lang: str) -> str:
    """A count or duration: 10.0 -> '10', 2.5 -> '2,5' in Swedish."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "sv" else text
