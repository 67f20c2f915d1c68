"""The STRESS-DES reporting checklist (Monks et al. 2019) of a result, filled from its
manifest and the base scenario as run, entirely in Swedish or in English."""

from __future__ import annotations

import html

from ..catalogue.numbers import runs_text, written
from ..catalogue.sentences import sentences
from . import data as D
from .data import Results
from .decision import draw_counts
from .i18n import fmt

# the checklist's items in order: number, the id of its heading and the id of its text
# (``brief.stress_*`` in model.present.catalogue.sentences; a text the same in every
# language, such as names and versions, by a plain id)
ITEMS = [
    ("1.1", "stress_purpose_h", "stress_purpose"),
    ("1.2", "stress_outputs_h", "stress_outputs"),
    ("1.3", "stress_aims_h", "stress_aims"),
    ("2.1", "stress_overview_h", "stress_overview"),
    ("2.2", "stress_logic_h", "stress_logic"),
    ("2.3", "stress_scenarios_h", "stress_scenarios"),
    ("2.4", "stress_algorithms_h", "stress_algorithms"),
    ("2.5", "stress_components_h", "stress_components"),
    ("3.1", "stress_data_h", "data"),
    ("3.2", "stress_preprocessing_h", "stress_preprocessing"),
    ("3.3", "stress_inputs_h", "stress_inputs"),
    ("3.4", "stress_assumptions_h", "stress_assumptions"),
    ("4.1", "stress_warmup_h", "stress_warmup"),
    ("4.2", "stress_length_h", "stress_length"),
    ("4.3", "stress_estimation_h", "stress_estimation"),
    ("5.1", "stress_software_h", "software"),
    ("5.2", "stress_sampling_h", "stress_sampling"),
    ("5.3", "stress_execution_h", "stress_execution"),
    ("5.4", "stress_system_h", "system"),
    ("6", "stress_code_h", "code"),
]
# the brief's sentences (model.present.catalogue.sentences, ``brief.*``)
W = sentences("brief")


def _get(d: dict, path: str):
    from ...config.scenario import get_path
    return get_path(d, path)


def _num(v, lang: str) -> str:
    """A parameter value as written in the language: 4.0 -> "4", 2.5 -> "2,5" (sv)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return "–" if v is None else str(v)
    text = f"{v:,.4g}" if abs(v) >= 1 or v == 0 else f"{v:.4g}"
    if "e" in text:
        text = f"{v:,.0f}"
    return written(text, lang)


def _items(res: Results, lang: str, titles: list[str]) -> list[tuple[str, str, str]]:
    m = res.manifest
    sc = D.resolved_base(res)
    inv = _get(sc, "cases.investigations") or {}
    ong = _get(sc, "cases.ongoing") or {}

    def n(v):
        return _num(v, lang)

    # under drawn assumptions the runs are draws, and the intervals their spread
    psa = draw_counts(res)

    def say(key: str, **kw) -> str:
        return W[key][lang].format(**kw)

    text = {
        "stress_components": say("stress_components", posts=n(_get(sc, "unit.posts")),
                          managers=n(_get(sc, "unit.managers"))),
        "stress_inputs": say("stress_inputs", inv=n(inv.get("arrivals_per_year")),
                      ong=n(ong.get("arrivals_per_year")),
                      hazard=n(_get(sc, "attrition.baseline_hazard_per_year")),
                      oncost=fmt(_get(sc, "pay.employer_oncost"), "pct", lang)),
        "stress_aims": say("stress_aims", names=", ".join(titles)),
        "stress_warmup": say("stress_warmup", n=n(m.get("warmup_years"))),
        "stress_length": say("stress_length", n=n(m.get("years"))),
        "stress_estimation": (
            say("stress_estimation_psa", **psa, runs=runs_text(psa["r"], lang)) if psa
            else say("stress_estimation", n=m.get("replications"))),
        "stress_algorithms": say("stress_algorithms_psa" if psa else "stress_algorithms"),
        "stress_sampling": say("stress_sampling", seed=m.get("seed")),
        # the items whose text is the same in every language (names, versions)
        "data": "SCB/SSR, Tham 2007, FoUI 81:2017 (Kiruna), Försäkringskassan, SKR, "
                "Vision/Johrén, Mor Barak 2009, Söderberg 2014, Amiri & Behnezhad 2020",
        "software": f"Python {m.get('python', '')}, SimPy, numpy, pandas; socialstaff-sim "
                    f"{m.get('version', '')}",
        "system": f"{m.get('platform', '')}",
        "code": f"git commit {m.get('git_commit') or '–'}",
    }
    return [(number, say(heading), text[item] if item in text else say(item))
            for number, heading, item in ITEMS]


def stress_des(res: Results, lang: str, titles: list[str] | None = None) -> str:
    """The checklist as an HTML table; ``titles``: the options' titles in ``lang``."""
    titles = titles if titles is not None else list(res.scenarios)
    rows = "".join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td>"
                   f"<td>{html.escape(str(c))}</td></tr>"
                   for a, b, c in _items(res, lang, titles))
    return f"<table class='stress'>{rows}</table>"
