"""The answer to one what-if: the project's comparison and cost-benefit tables computed
on the replications of the base and the option (common random numbers), and the
dashboard's figures drawn from them, in both languages.

An :class:`Answer` holds plain numbers only, so the option list can keep it, compare
options side by side and export them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ...experiment.compare import comparison_table
from ...experiment.costbenefit import base_flags, cost_benefit
from ...sim.params import Scenario
from .. import texts
from ..catalogue import metric
from ..dashboard import figures as F
from ..dashboard.data import Results
from .i18n import LANGS, tr
from .worker import TABLES

# results shown for base and option: (summary KPI, number format)
LEVELS = tuple((name, metric(name).mean_kind())
               for name in ("turnover_rate", "overdue_share", "consultant_fte", "vacancy_rate",
                            "exits", "crisis"))
# cost-benefit measures shown: (measure, number format)
MEASURES = (("net_cost_budget_sek_per_year", "tkr"), ("net_cost_economic_sek_per_year", "tkr"),
            ("p_saves_budget", "pct"), ("p_saves_economic", "pct"),
            ("policy_cost_per_year", "tkr"), ("exits_avoided_per_year", "num1"),
            ("turnover_rate_change", "pp"), ("overdue_share_change", "pp"),
            ("payback_year", "payback"))
BASE, OPTION = "base", "option"


@dataclass
class Answer:
    """One what-if's results on ``n`` paired replications. The figures are drawn when
    first asked for, in the language asked for (off the way to the first answer)."""

    n: int
    years: float
    levels: dict[str, dict[str, tuple[float, float, float]]]   # kpi -> base/option/diff
    measures: dict[str, tuple[float, float, float]]
    service_flag: str
    base_flags: str = ""
    base_n: int = 0                     # replications of the base's own column
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # lang -> names
    tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    _figures: dict[str, dict] = field(default_factory=dict, repr=False)

    def figures(self, lang: str) -> dict[str, dict]:
        """The dashboard's net-cost and cost-versus-turnover charts of this answer."""
        if lang not in self._figures and self.tables:
            bname, oname = self.names[lang]
            rename = {BASE: bname, OPTION: oname}
            view = {t: df.assign(scenario=df.scenario.map(rename))
                    for t, df in self.tables.items()}
            res = Results(path=Path("."), kind="comparison", manifest={}, tables=view,
                          scenarios=[bname, oname])
            self._figures[lang] = {"net": F.net_cost(res, lang),
                                   "cost_turnover": F.cost_vs_turnover(res, lang)}
        return self._figures.get(lang, {})


def _triple(row) -> tuple[float, float, float]:
    return float(row["mean"]), float(row["ci_low"]), float(row["ci_high"])


def _names(base: Scenario, option: Scenario, lang: str) -> tuple[str, str]:
    b = f"{tr('base', lang)}: {texts.title(base, lang)}"
    o = f"{tr('option', lang)}: {texts.title(option, lang)}"
    return b, (o if o != b else o + " *")


def analyse(base_parts: list[dict], option_parts: list[dict], base: Scenario,
            option: Scenario, base_all: list[dict] | None = None) -> Answer:
    """The answer on the replications given (replication i of each, in order, paired).
    ``base_all``: all the base's replications of the refined answer (by default those
    given), on which the base's own column rests."""
    b = concat(base_parts, BASE)
    o = concat(option_parts, OPTION)
    full = concat(base_all, BASE) if base_all else b
    tables = {t: pd.concat([b[t], o[t]], ignore_index=True) for t in b}
    years = option.simulation.years
    kpis = [k for k, _ in LEVELS]
    comp = comparison_table(tables["summary"], kpis=kpis)
    own = comparison_table(full["summary"], kpis=kpis).set_index("metric")
    levels: dict[str, dict] = {}
    for kpi, _ in LEVELS:
        rows = comp[comp.metric == kpi].set_index("scenario")
        ob = rows.loc[OPTION]
        levels[kpi] = {"base": _triple(own.loc[kpi]), "option": _triple(ob),
                       "diff": (float(ob["diff"]), float(ob.diff_ci_low),
                                float(ob.diff_ci_high))}
    cb = cost_benefit(tables["summary"], tables["costs"], years, tables["timeseries"])
    by = cb.set_index("measure")
    measures = {m: (_triple(by.loc[m]) if m in by.index else (math.nan,) * 3)
                for m, _ in MEASURES}
    flag = str(cb.service_flag.iloc[0]) if len(cb) else ""
    return Answer(n=len(base_parts), years=years, levels=levels, measures=measures,
                  service_flag=flag, base_n=len(full["summary"]),
                  base_flags=";".join(base_flags(full["timeseries"], BASE,
                                                 full["summary"])),
                  names={lang: _names(base, option, lang) for lang in LANGS},
                  tables={"summary": tables["summary"], "costs": tables["costs"],
                          "cost_benefit": cb})


def concat(parts: list[dict], name: str) -> dict[str, pd.DataFrame]:
    """Per-replication tables joined, with the scenario column set to ``name``."""
    return {t: pd.concat([p[t] for p in parts], ignore_index=True).assign(scenario=name)
            for t in TABLES}
