"""Swedish and English texts and number formats for the dashboard and the brief."""

from __future__ import annotations

import math

from ..catalogue import metric
from ..catalogue.numbers import fmt  # noqa: F401 - the dashboard's number format
from ..catalogue.sentences import sentences

LANGS = ("sv", "en")

# the dashboard's and the brief's sentences (model.present.catalogue.sentences,
# ``dashboard.*``) by id, and the turnover chart's title, the catalogue's metric
T = {**sentences("dashboard"), "fig_turnover": metric("turnover_rate").label}


# KPI cards: key -> (label, explanation, format); the cost cards' words are the
# catalogue's (``cards.*``)
CARDS = sentences("cards")
KPI = {
    **{m.name: (m.label, m.help, "chance" if m.name == "crisis" else m.mean_kind())
       for m in map(metric, ("turnover_rate", "exits_first_2y", "vacancy_rate",
                             "consultant_fte", "overdue_share", "share_5y_plus",
                             "crisis"))},     # a share of runs, as page one writes it
    **{key: (CARDS[key], CARDS[key + "_help"], kind)
       for key, kind in (("net_cost_budget", "tkr"), ("net_cost_economic", "tkr"),
                         ("p_saves_economic", "chance"), ("payback", "payback"))},
}
# the cards' cost items (comparisons only)
COST_KPIS = ("net_cost_budget", "net_cost_economic", "p_saves_economic", "payback")


def t(key: str, lang: str) -> str:
    return T[key][lang]


def _policy_name(name: str, lang: str) -> str:
    return T.get(f"pol_{name}", {}).get(lang, name.replace("_", " "))


# the cost categories of a measure, named after it (``costs.*``)
COSTS = sentences("costs")


def category_label(cat: str, lang: str) -> str:
    if f"cat_{cat}" in T:
        return T[f"cat_{cat}"][lang]
    if cat.startswith("policy_"):
        name = _policy_name(cat[len("policy_"):], lang)
        return COSTS["policy"].format(lang, name=name)
    if cat.startswith("time_"):
        name = _policy_name(cat[len("time_"):], lang)
        return COSTS["time"].format(lang, name=name)
    return cat


def block_label(block: str, lang: str) -> str:
    return T.get(f"block_{block}", {}).get(lang, block)


def view_label(view: str, lang: str) -> str:
    """``budget`` -> Budget (kassaflöde) / Budget (cash flow); ``economic`` ->
    Personalekonomisk / Economic (personnel economics)."""
    return T[f"view_{view}"][lang]


def whole_pct(share: float, lang: str) -> str:
    """A share as a percentage without a trailing zero decimal ('10 %', not '10,0 %')."""
    return fmt(share, "pct", lang).replace(",0\u00a0%", "\u00a0%").replace(
        ",0 %", " %").replace(".0%", "%")


def warning_text(flag: str, lang: str, suffix: bool = False) -> str:
    """A scenario's service warning in words ('' when there is none)."""
    codes = [f for f in str(flag or "").split(";") if f]
    if not codes:
        return ""
    words = "; ".join(T.get(f"flag_{c}", {}).get(lang, c) for c in codes)
    text = f"{T['warning_prefix'][lang]}: {words}"
    return f"{text} ({T['warning_suffix'][lang]})" if suffix else text


def payback_text(value, lang: str) -> str:
    """A payback year in words; NaN means the measure has no cash cost."""
    if value is None or not isinstance(value, (int, float)) or math.isnan(value):
        return T["payback_none"][lang]
    if math.isinf(value):
        return T["payback_never"][lang]
    if value <= 1:
        return T["payback_first"][lang]
    return T["payback_year"][lang].format(n=int(value))


# The English rule the Swedish "ranking_rule" text translates; a test fails when
# model.experiment.costbenefit.RANKING_RULE changes without the translation being reviewed.
RANKING_RULE_TRANSLATED = ("options without a service warning first; within each group by "
                           "expected economic net cost per year (lowest first); an option is "
                           "said to avoid exits only when its 95% interval of exits avoided "
                           "lies above zero")


def ranking_rule(lang: str, base: str) -> str:
    from ...experiment.costbenefit import RANKING_RULE
    return T["ranking_rule"][lang].format(rule=RANKING_RULE, base=base)


def reason_label(reason: str, lang: str) -> str:
    return T.get(f"reason_{reason}", {}).get(lang, reason)
