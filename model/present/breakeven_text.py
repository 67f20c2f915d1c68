"""The break-even search's result in words (English or Swedish)."""

from __future__ import annotations

from ..experiment.breakeven import COST_TARGETS, RootResult
from .console import digits, plain

WORDS = {
    "interval": {"en": "95 % interval", "sv": "95 % intervall"},
    "cut": {"en": " (cut at the range searched)", "sv": " (avgränsat till sökintervallet)"},
    "how": {"en": "({n} evaluations; the interval is the objective's 95 % interval at the root "
                  "divided by its slope)",
            "sv": "({n} beräkningar; intervallet är målfunktionens 95 % intervall vid roten "
                  "delat med dess lutning)"},
    "base_at": {"en": "At {x} the measure is not in effect (the scenario equals the base): "
                      "that zero is not an answer; the search went on from {y}.",
                "sv": "Vid {x} verkar åtgärden inte (scenariot är lika med basen): den nollan "
                      "är inget svar; sökningen fortsatte från {y}."},
    "pos": {"en": "The net cost stays positive across the range: no value of {p} between {a} "
                  "and {b} pays for itself;",
            "sv": "Nettokostnaden är positiv i hela intervallet: inget värde på {p} mellan {a} "
                  "och {b} betalar sig självt;"},
    "neg": {"en": "The net cost stays negative across the range: every value of {p} between "
                  "{a} and {b} saves money;",
            "sv": "Nettokostnaden är negativ i hela intervallet: varje värde på {p} mellan {a} "
                  "och {b} sparar pengar;"},
    "ends": {"en": "net cost {fa} per year at {a} and {fb} per year at {b} ({view}).",
             "sv": "nettokostnad {fa} per år vid {a} och {fb} per år vid {b} ({view})."},
    "economic": {"en": "economic view", "sv": "personalekonomisk kalkyl"},
    "budget": {"en": "budget view", "sv": "budget (kassaflöde)"},
    "turnover": {"en": "Turnover stays {side} {v} across the range: no value of {p} between {a} "
                       "and {b} meets the target;",
                 "sv": "Personalomsättningen ligger {side} {v} i hela intervallet: inget värde "
                       "på {p} mellan {a} och {b} når målet;"},
    "above": {"en": "above", "sv": "över"}, "below": {"en": "below", "sv": "under"},
    "t_ends": {"en": "turnover {fa} at {a} and {fb} at {b}.",
               "sv": "personalomsättning {fa} vid {a} och {fb} vid {b}."},
}


def _w(key: str, lang: str, **kw) -> str:
    return WORDS[key][lang].format(**kw)


def _num(v: float, lang: str) -> str:
    text = plain(v)
    return text.replace(",", " ").replace(".", ",") if lang == "sv" else text


def _kr(v: float, lang: str) -> str:
    from .console_text import fmt
    return fmt(v, "sek", lang)


def describe(res: RootResult, param: str, target: str, value: float,
             lang: str = "en") -> list[str]:
    """What the search found, in words (English or Swedish)."""
    n = lambda v: _num(v, lang)    # noqa: E731
    lines = []
    if res.status == "root":
        xs = [e["value"] for e in res.evaluations]
        lo, hi = max(res.ci_low, min(xs)), min(res.ci_high, max(xs))
        clipped = (lo, hi) != (res.ci_low, res.ci_high)
        lines += [f"  {param} = {n(res.root)}  {_w('interval', lang)} [{n(lo)}, {n(hi)}]"
                  + (_w("cut", lang) if clipped else ""),
                  "  " + _w("how", lang, n=len(res.evaluations))]
    else:
        (a, fa), (b, fb) = res.ends
        if target in COST_TARGETS:
            view = _w("budget" if target == "net_cost_budget" else "economic", lang)
            lines += ["  " + _w("pos" if fa > 0 else "neg", lang, p=param, a=n(a), b=n(b)),
                      "  " + _w("ends", lang, fa=_kr(fa, lang), a=n(a), fb=_kr(fb, lang),
                                b=n(b), view=view)]
        else:
            v = n(value)
            lines += ["  " + _w("turnover", lang, side=_w("above" if fa > 0 else "below", lang),
                                v=v, p=param, a=n(a), b=n(b)),
                      "  " + _w("t_ends", lang, fa=n(round(fa + value, 3)), a=n(a),
                                fb=n(round(fb + value, 3)), b=n(b))]
    if res.base_at is not None:
        start = min((e["value"] for e in res.evaluations if e["value"] != res.base_at),
                    key=lambda v: abs(v - res.base_at))
        lines.append("  " + _w("base_at", lang, x=n(res.base_at), y=n(start)))
    return lines


def heading(name: str, target: str, value: float, sim, lang: str = "en") -> str:
    """The first line of the printed result."""
    if lang == "sv":
        return (f"Nollpunkt för {name} ({target_label(target, value, lang)}), "
                f"{sim.replications} parvisa replikeringar × {_num(sim.years, lang)} år, "
                f"slumpfrö {sim.seed}:")
    return (f"Break-even for {name} ({target_label(target, value)}), {sim.replications} "
            f"paired replications × {sim.years:g} years, seed {sim.seed}:")


def target_label(target: str, value: float, lang: str = "en") -> str:
    sv = lang == "sv"
    if target == "net_cost_budget":
        return ("nettokostnad mot basen = 0 (budget: kassaflöde)" if sv
                else "net cost against the base = 0 (budget view: cash)")
    if target in COST_TARGETS:
        return ("nettokostnad mot basen = 0 (personalekonomisk: kassaflöde + förlorat arbete)"
                if sv else "net cost against the base = 0 (economic view: cash + work lost)")
    return (f"personalomsättning = {_num(value, lang)}" if sv
            else f"turnover rate = {value:g}")


def evaluation_line(ev: dict) -> str:
    """One evaluation of a search as the progress line of the command line."""
    if "param" in ev:
        return (f"  {ev['param']} = {plain(ev['value'])}: objective {plain(ev['objective'])}"
                f" (± {plain(ev['half_width'])})")
    return ("  " + ", ".join(f"{p} = {digits(v, 5)}" for p, v in ev["values"].items())
            + f": objective {plain(ev['objective'])}")
