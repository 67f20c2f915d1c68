"""What a command says about a unit before it runs (``run``, ``compare``, ``validate``),
in the reader's language: its expected utilisation from its parameters alone
(``model.config.capacity``), with a warning when the queue cannot be stable or has little
room, and a note when its span of control is far above the model's reference."""

from __future__ import annotations

from ..config.capacity import TIGHT, expected_load, span_far, span_z
from ..sim.params import Scenario
from .catalogue.numbers import whole_percent as _pct
from .console_text import fmt, say


def utilisation_line(sc: Scenario, label: str, lang: str = "en") -> str:
    """One line: the expected utilisation at the start, and a warning when the queue
    cannot be stable (or has little room)."""
    load = expected_load(sc)
    u = load.utilisation
    text = say("util", lang, label=label, u=_pct(u, lang),
               d=fmt(load.demand_hours, "whole", lang),
               c=fmt(load.capacity_hours, "whole", lang), p=f"{sc.unit.posts:g}")
    if abs(load.start_utilisation - u) > 0.005:
        text += say("util_start", lang, s=_pct(load.start_utilisation, lang))
    if load.unstable:
        return say("util_unstable", lang, text=text,
                   i=f"{sc.cases.investigations.arrivals_per_year:g}",
                   o=f"{sc.cases.ongoing.arrivals_per_year:g}")
    if u >= TIGHT:
        return say("util_tight", lang, text=text)
    return text


def start_lines(sc: Scenario, label: str, lang: str = "en") -> list[str]:
    """The lines a command prints about a scenario before it runs: its expected
    utilisation, and a note when its span of control is far above the reference."""
    lines = [utilisation_line(sc, label, lang)]
    if span_far(sc):
        span, z = span_z(sc)
        lines.append(say("span_note", lang, label=label, s=f"{span:.0f}",
                         z=fmt(-z, "num1", lang),
                         r=f"{sc.dcs.manager_support.reference_span:g}"))
    return lines
