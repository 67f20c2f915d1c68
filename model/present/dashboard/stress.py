"""The STRESS-DES reporting checklist (Monks et al. 2019) of a result, filled from its
manifest and the base scenario as run, entirely in Swedish or in English."""

from __future__ import annotations

import html

from . import data as D
from .data import Results
from .i18n import fmt


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
    return text.replace(",", "\u00a0").replace(".", ",") if lang == "sv" else text


def _items(res: Results, lang: str, titles: list[str]) -> list[tuple[str, str, str]]:
    m = res.manifest
    sc = D.resolved_base(res)
    inv = _get(sc, "cases.investigations") or {}
    ong = _get(sc, "cases.ongoing") or {}

    def n(v):
        return _num(v, lang)

    sv = lang == "sv"
    names = ", ".join(titles)
    return [
        ("1.1", "Syfte" if sv else "Purpose",
         "Jämföra åtgärder mot personalomsättning på omsättning, verksamhet och kostnad i "
         "en enhet inom socialtjänsten." if sv else
         "Compare retention measures on turnover, service and cost for a social-services "
         "unit."),
        ("1.2", "Utfall" if sv else "Model outputs",
         "personalomsättning, avgångar, anställningar, vakanser, konsulter, utredningar "
         "över tidsgränsen, kostnad per år i två kalkyler (budget och personalekonomisk); "
         "enhetens läge varje vecka; händelser; kostnader per år, kategori och kalkyl" if sv
         else "turnover, exits, hires, vacancies, consultants, investigations over the "
         "legal limit, cost per year in two views (budget and economic); the unit's state "
         "each week; events; costs by year, category and view"),
        ("1.3", "Experimentets syfte" if sv else "Experimentation aims",
         ("Alternativ: " if sv else "Options: ") + names),
        ("2.1", "Modellöversikt" if sv else "Base model overview",
         "docs/MODEL.md (ODD-protokollet): enhetens läge uppdateras varje vecka; händelser "
         "för uppsägning, rekrytering och konsulter" if sv else
         "docs/MODEL.md (ODD protocol): the unit's state is updated each week; events for "
         "notice, recruitment and consultants"),
        ("2.2", "Modellogik" if sv else "Base model logic",
         "ärenden kommer in (Poisson) → kö → fördelning till den med mest ledig tid → "
         "arbete delas mellan ärendena; krav, kontroll och stöd → utmattning → avsikt att "
         "sluta och risk att sluta → uppsägningstid → avgång → rekrytering" if sv else
         "cases arrive (Poisson) → queue → assignment to whoever has most spare hours → "
         "work shared between cases; demand, control and support → exhaustion → intention "
         "and hazard of quitting → notice → exit → recruitment"),
        ("2.3", "Scenariologik" if sv else "Scenario logic",
         "Varje alternativ är en ändring av basscenariot; åtgärderna verkar genom "
         "kapacitet, krav, kontroll, stöd, återhämtning, lönegap och rekrytering" if sv else
         "Each option is a change of the base scenario; the measures act through capacity, "
         "demand, control, support, recovery, the pay gap and recruitment"),
        ("2.4", "Algoritmer" if sv else "Algorithms",
         "veckovisa slumpdragningar med p = 1 − exp(−h·dt); gammafördelade ärendestorlekar; "
         "lognormal rekryteringstid; bootstrap-intervall för nivåer, t-intervall för "
         "parvisa skillnader, Wilson-intervall för sannolikheter" if sv else
         "weekly draws with p = 1 − exp(−h·dt); gamma case sizes; lognormal time to hire; "
         "bootstrap intervals for levels, Student-t intervals for paired differences, "
         "Wilson intervals for probabilities"),
        ("2.5", "Komponenter" if sv else "Components",
         (f"handläggare och ärenden; {n(_get(sc, 'unit.posts'))} tjänster, "
          f"{n(_get(sc, 'unit.managers'))} chefer; köer: utredningar, pågående ärenden; "
          "avgång: egen uppsägning, annan arbetsgivare, pension") if sv else
         (f"workers and cases; {n(_get(sc, 'unit.posts'))} posts, "
          f"{n(_get(sc, 'unit.managers'))} managers; queues: investigations, ongoing "
          "cases; exit: resignation, another employer, retirement")),
        ("3.1", "Datakällor" if sv else "Data sources",
         "SCB/SSR, Tham 2007, FoUI 81:2017 (Kiruna), Försäkringskassan, SKR, Vision/Johrén, "
         "Mor Barak 2009, Söderberg 2014, Amiri & Behnezhad 2020"),
        ("3.2", "Förbehandling" if sv else "Pre-processing",
         "ingen vid körning" if sv else "none at run time"),
        ("3.3", "Indataparametrar" if sv else "Input parameters",
         (f"{n(inv.get('arrivals_per_year'))} utredningar och "
          f"{n(ong.get('arrivals_per_year'))} pågående ärenden per år; grundrisk att sluta "
          f"{n(_get(sc, 'attrition.baseline_hazard_per_year'))} per år; arbetsgivaravgift "
          f"{fmt(_get(sc, 'pay.employer_oncost'), 'pct', lang)}; alla parametrar i "
          "docs/MODEL.md") if sv else
         (f"{n(inv.get('arrivals_per_year'))} investigations and "
          f"{n(ong.get('arrivals_per_year'))} ongoing cases a year; baseline quit hazard "
          f"{n(_get(sc, 'attrition.baseline_hazard_per_year'))} a year; employer on-cost "
          f"{fmt(_get(sc, 'pay.employer_oncost'), 'pct', lang)}; every parameter in "
          "docs/MODEL.md")),
        ("3.4", "Antaganden" if sv else "Assumptions",
         "parametrar utan direkt källa är märkta som antaganden i docs/MODEL.md, var och en "
         "med ett intervall" if sv else
         "parameters without a direct source are marked as assumptions in docs/MODEL.md, "
         "each with a range"),
        ("4.1", "Initiering" if sv else "Initialisation",
         (f"{n(m.get('warmup_years'))} års insvängning räknas inte" if sv else
          f"{n(m.get('warmup_years'))} warm-up years discarded")),
        ("4.2", "Körlängd" if sv else "Run length",
         f"{n(m.get('years'))} år" if sv else f"{n(m.get('years'))} years"),
        ("4.3", "Skattning" if sv else "Estimation approach",
         (f"{m.get('replications')} replikeringar, 95 % intervall, samma slumptal för alla "
          "alternativ (parvisa jämförelser)") if sv else
         (f"{m.get('replications')} replications, 95% intervals, the same random numbers "
          "for every option (paired comparisons)")),
        ("5.1", "Programvara" if sv else "Software",
         f"Python {m.get('python', '')}, SimPy, numpy, pandas; socialstaff-sim "
         f"{m.get('version', '')}"),
        ("5.2", "Slumptal" if sv else "Random sampling",
         (f"numpy SeedSequence, namngivna slumpströmmar per replikering, slumpfrö "
          f"{m.get('seed')}") if sv else
         f"numpy SeedSequence, named streams per replication, seed {m.get('seed')}"),
        ("5.3", "Körning" if sv else "Model execution",
         "händelsestyrd simulering (SimPy) i dagar; belastningen uppdateras varje vecka"
         if sv else "discrete-event simulation (SimPy) in days; weekly strain update"),
        ("5.4", "Systemspecifikation" if sv else "System specification",
         f"{m.get('platform', '')}"),
        ("6", "Kod" if sv else "Code access", f"git commit {m.get('git_commit') or '–'}"),
    ]


def stress_des(res: Results, lang: str, titles: list[str] | None = None) -> str:
    """The checklist as an HTML table; ``titles``: the options' titles in ``lang``."""
    titles = titles if titles is not None else list(res.scenarios)
    rows = "".join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td>"
                   f"<td>{html.escape(str(c))}</td></tr>"
                   for a, b, c in _items(res, lang, titles))
    return f"<table class='stress'>{rows}</table>"
