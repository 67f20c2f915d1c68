"""The command line's sentences (``cli.*``) and the break-even search's result in words
(``breakeven.*``)."""

from __future__ import annotations

from ..text import Text

CLI: dict[str, Text] = {
    # the command line's tables and messages (model.present.console)
    "cli.run_head": Text(
        "Scenario '{name}' ({title}): {n} replikeringar × {y} år (efter {w} års "
        "insvängning), slumpfrö {s}",
        "Scenario '{name}' ({title}): {n} replications × {y} years (after {w} warm-up "
        "years), seed {s}"),
    "cli.run_means": Text("Medelvärden, med 95 % intervall över replikeringarna inom parentes:",
                          "Means, with the 95 % interval over replications in brackets:"),
    "cli.ranked_h": Text("Alternativen rangordnade. {rule}", "The options ranked. {rule}"),
    "cli.units": Text(
        "Förändring av personalomsättningen i procentenheter; nettokostnad per år "
        "jämfört med basen (ett negativt belopp är en besparing); chansen att spara "
        "pengar i den personalekonomiska kalkylen.",
        "Turnover change in percentage points; net cost per year against the base (a "
        "negative amount saves money); the chance of saving money in the economic view."),
    "cli.col_option": Text("Alternativ", "Option"),
    "cli.col_turnover": Text("Omsättning", "Turnover"),
    "cli.col_budget": Text("Budget", "Budget view"),
    "cli.col_economic": Text("Personalekonomisk", "Economic view"),
    "cli.col_p": Text("Sparar", "Saves"),
    "cli.col_service": Text("Verksamheten", "Service"),
    "cli.group_warned": Text("alternativ med varning för verksamheten",
                             "options with a service warning"),
    "cli.group_avoid": Text("alternativ som minskar avgångarna", "options that avoid exits"),
    "cli.group_none": Text("alternativ som inte minskar avgångarna", "options that avoid no exits"),
    "cli.ok": Text("ingen varning", "ok"),
    "cli.details_hint": Text(
        "Varje alternativ i detalj (båda kalkylerna, återbetalning, köer): lägg till --details.",
        "Each option in detail (both cost views, payback, backlog): add --details."),
    "cli.details_h": Text("Varje alternativ i detalj (medelvärden, 95 % intervall inom parentes):",
                          "Each option in detail (means, the 95 % interval in brackets):"),
    "cli.base_line": Text("Bas: {base}, personalomsättning {t} per år ({lo} – {hi})",
                          "Base: {base}, turnover {t} a year ({lo} – {hi})"),
    "cli.option_line": Text("{name}: personalomsättning {t} per år", "{name}: turnover {t} a year"),
    "cli.d_turnover": Text("omsättning, förändring (procentenheter)",
                           "turnover change (percentage points)"),
    "cli.d_avoided": Text("undvikna avgångar per år", "exits avoided per year"),
    "cli.d_overdue": Text("utredningar över tidsgränsen (procentenheter)",
                          "overdue investigations (percentage points)"),
    "cli.d_queue": Text("väntande ärenden, förändring", "waiting cases, change"),
    "cli.d_trend": Text("väntande ärenden, trend per år", "waiting cases, trend per year"),
    "cli.d_p_queue": Text("körningar där kön växer", "runs where the queue grows"),
    "cli.d_p_crisis": Text("risk för kris (andel körningar)", "risk of a crisis (share of runs)"),
    "cli.d_p_crisis_base": Text("basens risk i samma körningar",
                                "the base's risk in the same runs"),
    "cli.d_crisis_change": Text("förändring mot basen (procentenheter)",
                                "change against the base (percentage points)"),
    "cli.d_budget_h": Text(
        "budget (kassaflöde), förändring av kostnaden per år (+ dyrare, - billigare):",
        "budget view (cash), change in cost per year (+ costs more, - saves):"),
    "cli.d_measure": Text("åtgärden själv", "the measure itself"),
    "cli.d_recruitment": Text("rekrytering", "recruitment"),
    "cli.d_consultants": Text("konsulter", "consultants"),
    "cli.d_sick": Text("sjuklön, rehabilitering", "sick pay, rehabilitation"),
    "cli.d_payroll": Text("lönekostnad", "payroll"),
    "cli.d_time_moved": Text("varav betald tid flyttad från klientarbete",
                             "of which paid time moved off casework"),
    "cli.d_net": Text("nettokostnad per år", "net cost per year"),
    "cli.d_p_cash": Text("chans att spara kontanter", "chance it saves cash"),
    "cli.d_econ_h": Text("personalekonomisk kalkyl (budget + värdet av förlorat arbete):",
                         "economic view (budget + value of work lost):"),
    "cli.d_work_lost": Text("förlorat arbete, förändring", "work lost, change"),
    "cli.d_p_saves": Text("chans att spara pengar", "chance it saves money"),
    "cli.d_per_exit": Text("kostnad per undviken avgång", "cost per avoided exit"),
    "cli.d_payback": Text("återbetalning", "payback"),
    "cli.d_replacement": Text("ersättningskostnad per avgång", "replacement cost per exit"),
    "cli.not_advice": Text("en besparing här är ingen rekommendation",
                           "a saving here is not a recommendation"),
    "cli.base_unstable": Text(
        "{w} redan i BASEN: alla alternativ jämförs med en enhet vars kö eller "
        "bemanning inte är stabil; kontrollera först basens inflöde, tjänster och chefer",
        "{w} in the BASE itself: every option is compared with a unit whose queue or "
        "staffing is not stable; check the base's inflow, posts and managers first"),
    "cli.header": Text(
        "Jämförelse av {n} scenarier mot '{base}': {r} parvisa replikeringar × {y} år "
        "(efter {w} års insvängning), slumpfrö {s}.",
        "Comparison of {n} scenarios against '{base}': {r} paired replications × {y} "
        "years (after {w} warm-up years), seed {s}."),
    "cli.unpriced": Text(
        "Verksamheten (utredningar över tidsgränsen, väntande ärenden, byten av "
        "handläggare) redovisas för sig och prissätts inte i den personalekonomiska "
        "kalkylen.",
        "Service (investigations over the legal limit, waiting cases, hand-overs) is "
        "reported on its own, not priced in the economic view."),
    "cli.priced": Text(
        "Verksamheten prissätts i den personalekonomiska kalkylen: {o} per utredning "
        "över tidsgränsen, {h} per byte av handläggare (economics.*; ett antagande).",
        "Service priced in the economic view: {o} per overdue investigation, {h} per "
        "hand-over (economics.*; an assumption)."),
    "cli.few": Text(
        "Obs: bara {n} replikeringar: intervallen är grova (med 2 spänner de bara över "
        "de två körningarna); använd {k} eller fler inför ett beslut.",
        "Note: {n} replications only: the intervals are rough (with 2 they span just "
        "the two runs); use {k} or more for a decision."),
    "cli.tables": Text("Tabeller skrivna till {out}/", "Tables written to {out}/"),
    # the break-even search in words (model.present.breakeven_text)
    "breakeven.interval": Text("95 % intervall", "95 % interval"),
    "breakeven.cut": Text(" (avgränsat till sökintervallet)", " (cut at the range searched)"),
    "breakeven.how": Text(
        "({n} beräkningar; intervallet är målfunktionens 95 % intervall vid roten delat "
        "med dess lutning)",
        "({n} evaluations; the interval is the objective's 95 % interval at the root "
        "divided by its slope)"),
    "breakeven.base_at": Text(
        "Vid {x} verkar åtgärden inte (scenariot är lika med basen): den nollan är "
        "inget svar; sökningen fortsatte från {y}.",
        "At {x} the measure is not in effect (the scenario equals the base): that zero "
        "is not an answer; the search went on from {y}."),
    "breakeven.pos": Text(
        "Nettokostnaden är positiv i hela intervallet: inget värde på {p} mellan {a} "
        "och {b} betalar sig självt;",
        "The net cost stays positive across the range: no value of {p} between {a} and "
        "{b} pays for itself;"),
    "breakeven.neg": Text(
        "Nettokostnaden är negativ i hela intervallet: varje värde på {p} mellan {a} "
        "och {b} sparar pengar;",
        "The net cost stays negative across the range: every value of {p} between {a} "
        "and {b} saves money;"),
    "breakeven.ends": Text("nettokostnad {fa} per år vid {a} och {fb} per år vid {b} ({view}).",
                           "net cost {fa} per year at {a} and {fb} per year at {b} ({view})."),
    "breakeven.economic": Text("personalekonomisk kalkyl", "economic view"),
    "breakeven.budget": Text("budget (kassaflöde)", "budget view"),
    "breakeven.turnover": Text(
        "Personalomsättningen ligger {side} {v} i hela intervallet: inget värde på {p} "
        "mellan {a} och {b} når målet;",
        "Turnover stays {side} {v} across the range: no value of {p} between {a} and "
        "{b} meets the target;"),
    "breakeven.above": Text("över", "above"),
    "breakeven.below": Text("under", "below"),
    "breakeven.t_ends": Text("personalomsättning {fa} vid {a} och {fb} vid {b}.",
                             "turnover {fa} at {a} and {fb} at {b}."),
    "breakeven.heading": Text(
        "Nollpunkt för {name} ({target}), {r} parvisa replikeringar × {y} år, slumpfrö {s}:",
        "Break-even for {name} ({target}), {r} paired replications × {y} years, seed {s}:"),
    "breakeven.target_budget": Text("nettokostnad mot basen = 0 (budget: kassaflöde)",
                                    "net cost against the base = 0 (budget view: cash)"),
    "breakeven.target_economic": Text(
        "nettokostnad mot basen = 0 (personalekonomisk: kassaflöde + förlorat arbete)",
        "net cost against the base = 0 (economic view: cash + work lost)"),
    "breakeven.target_turnover": Text("personalomsättning = {v}", "turnover rate = {v}"),
}
