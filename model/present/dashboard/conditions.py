"""What must be true for each working-time option, as an HTML fragment in Swedish and
English: the productivity gain (or redesign share) at which the option stops raising
turnover and the backlog, read from a result directory's ``conditions.parquet``
(written by ``model.experiment.conditions``); never runs the model."""

from __future__ import annotations

import html
import math
from pathlib import Path

import pandas as pd

from .. import texts
from ..catalogue import metric
from ..catalogue.numbers import number
from ..catalogue.sentences import sentences
from .i18n import LANGS, fmt

FILE = "conditions.parquet"

# the section's sentences (model.present.catalogue.sentences, ``conditions.*``) and the
# names of the outcomes (the catalogue's metrics)
W = {**sentences("conditions"),
     "turnover_rate": metric("turnover_rate").label,
     "mean_queue": metric("mean_queue").label}


def w(key: str, lang: str) -> str:
    return W[key][lang]


def read_conditions(result_dir: str | Path) -> pd.DataFrame | None:
    """The conditions table of a result directory (None when it has none)."""
    path = Path(result_dir) / FILE
    return pd.read_parquet(path) if path.is_file() else None


def _needed(r, lang: str) -> str:
    # how many values the search tried: 'met already at 0 %' from two tries is weak
    k = int(getattr(r, "evaluations", 0) or 0)
    if r.status == "always":
        return w("always", lang).format(low=fmt(r.low, "pct", lang), k=k)
    if r.status == "never":
        return w("never", lang).format(low=fmt(r.low, "pct", lang),
                                       high=fmt(r.high, "pct", lang), k=k)
    text = fmt(r.value, "pct", lang)
    if math.isfinite(r.ci_low) and math.isfinite(r.ci_high):
        lo, hi = max(r.ci_low, r.low), min(r.ci_high, r.high)
        text += (f'<span class="ci">{html.escape(fmt(lo, "pct", lang))} – '
                 f'{html.escape(fmt(hi, "pct", lang))}</span>')
    return text


def verdict(r) -> str:
    """"yes" when the option's own value meets the condition beyond its interval, "no"
    when it falls short of the whole interval, "unsure" in between."""
    if r.status == "always":
        return "yes"
    if r.status == "never":
        return "no"
    lo, hi = r.ci_low, r.ci_high
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return "yes" if r.holds else "no"
    if r.current >= min(hi, r.high):
        return "yes"
    if r.current < max(lo, r.low):
        return "no"
    return "unsure"


def unsure_of(table: pd.DataFrame | None) -> set[str]:
    """The options of a conditions table whose verdict is not a plain yes."""
    if table is None or table.empty:
        return set()
    return {r.scenario for r in table.itertuples(index=False) if verdict(r) != "yes"}


def conditions_html(table: pd.DataFrame | None, lang: str,
                    titles: dict[str, str] | None = None) -> str:
    """The table in one language ('' without rows); ``titles`` maps scenario names to
    their titles in ``lang`` (see ``model.present.texts.title``)."""
    if table is None or table.empty:
        return ""
    titles = titles or {}
    head = [w("col_option", lang), w("col_metric", lang), w("col_needed", lang),
            w("col_assumed", lang), w("col_holds", lang)]
    body = []
    for r in table.itertuples(index=False):
        name = titles.get(r.scenario) or str(r.scenario).replace("_", " ")
        cells = [f"<strong>{html.escape(name)}</strong>",
                 html.escape(W.get(r.metric, {}).get(lang, str(r.metric))),
                 _needed(r, lang),
                 html.escape(fmt(r.current, "pct", lang)),
                 html.escape(w(verdict(r), lang))]
        cls = "" if verdict(r) == "yes" else ' class="warned"'
        body.append(f'<tr data-scenario="{html.escape(str(r.scenario))}"{cls}>'
                    + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    parameter = str(table["parameter"].iloc[0])
    n = int(table["replications"].iloc[0])
    y = float(table["years"].iloc[0]) if "years" in table.columns else math.nan
    years = number(y, lang) if math.isfinite(y) else "–"
    return (f'<h3>{html.escape(w("heading", lang))}</h3>'
            f'<p>{html.escape(w("intro", lang))} {html.escape(w("parameter", lang))}: '
            f'{html.escape(W.get(parameter, {}).get(lang, parameter))}.</p>'
            '<table class="conditions"><thead><tr>'
            + "".join(f"<th>{html.escape(h)}</th>" for h in head)
            + "</tr></thead><tbody>" + "".join(body) + "</tbody></table>"
            f'<p class="note">{html.escape(w("note", lang).format(n=n, y=years))}</p>')


def conditions_block(table: pd.DataFrame | None,
                     titles: dict[str, dict[str, str]] | None = None) -> str:
    """Both languages, each in the dashboard's ``only-<lang>`` wrapper ('' without
    rows); ``titles`` maps scenario names to ``{lang: title}``."""
    if table is None or table.empty:
        return ""
    titles = titles or {}
    return "".join(
        f'<div class="only-{lang}">'
        + conditions_html(table, lang, {k: v.get(lang, k) for k, v in titles.items()})
        + "</div>" for lang in LANGS)


def titles_of(res) -> dict[str, dict[str, str]]:
    """Scenario name -> {lang: title} from a comparison's manifest."""
    out = {}
    for s in res.manifest.get("scenarios", []):
        resolved = s.get("resolved") or {}
        out[s["name"]] = {lang: texts.title(resolved, lang, s["name"]) for lang in LANGS}
    return out


def section(res) -> str:
    """The dashboard's section for a loaded result (``data.Results``): both languages,
    '' when the result has no conditions table."""
    return conditions_block(res.table("conditions"), titles_of(res))
