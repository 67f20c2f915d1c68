"""The break-even search's result in words (English or Swedish)."""

from __future__ import annotations

from ..experiment.breakeven import COST_TARGETS, RootResult
from .catalogue.numbers import short, written
from .catalogue.sentences import sentences
from .console import digits, plain

# the words of a search's result (model.present.catalogue.sentences, ``breakeven.*``)
WORDS = sentences("breakeven")


def _w(key: str, lang: str, **kw) -> str:
    return WORDS[key][lang].format(**kw)


def _num(v: float, lang: str) -> str:
    text = plain(v)
    return written(text, lang, thousands=" ")


def _short(v: float, lang: str) -> str:
    """A year count or a target as written on the command line (10, 0.25); in Swedish
    with the Swedish separators."""
    return short(v, plain(v), lang)


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
    return _w("heading", lang, name=name, target=target_label(target, value, lang),
              r=sim.replications, y=_short(sim.years, lang), s=sim.seed)


def target_label(target: str, value: float, lang: str = "en") -> str:
    if target == "net_cost_budget":
        return _w("target_budget", lang)
    if target in COST_TARGETS:
        return _w("target_economic", lang)
    return _w("target_turnover", lang, v=_short(value, lang))


def evaluation_line(ev: dict) -> str:
    """One evaluation of a search as the progress line of the command line."""
    if "param" in ev:
        return (f"  {ev['param']} = {plain(ev['value'])}: objective {plain(ev['objective'])}"
                f" (± {plain(ev['half_width'])})")
    return ("  " + ", ".join(f"{p} = {digits(v, 5)}" for p, v in ev["values"].items())
            + f": objective {plain(ev['objective'])}")
