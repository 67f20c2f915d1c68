"""Crisis risk on the screens: the dashboard's per-replication chart (collapses seen, not
averaged away), its KPI card with the Wilson interval, the console's details and the
app's result, in both languages."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import scenario
from model.experiment import intervals, run_replication
from model.present.dashboard import data as D
from model.present.dashboard.data import Results
from model.present.dashboard.figures import RUN_FIGURES
from model.present.dashboard.runsfig import CRISIS_COLOUR, replication_outcomes

N = 8


def _results() -> Results:
    """A base whose runs are calm and an option with one runaway replication (3)."""
    rng = np.random.default_rng(5)
    rows = []
    for scen, runaway in (("base", None), ("option", 3)):
        for i in range(N):
            hot = i == runaway
            rows.append({"scenario": scen, "replication": i,
                         "turnover_rate": 1.9 if hot else 0.2 + rng.normal(0, 0.02),
                         "overdue_share": 0.7 if hot else 0.001,
                         "crisis": int(hot), "crisis_year": 2.0 if hot else np.nan})
    return Results(path=Path("."), kind="comparison", manifest={},
                   tables={"summary": pd.DataFrame(rows)}, scenarios=["base", "option"])


@pytest.mark.parametrize("lang, crisis_name", [("sv", "Körning i kris"),
                                               ("en", "Run in crisis")])
def test_every_replication_is_a_point_and_crisis_runs_are_marked(lang, crisis_name):
    res = _results()
    fig = replication_outcomes(res, lang)
    points = [tr for tr in fig["data"] if tr["marker"].get("symbol") != "line-ns-open"]
    # each run once per panel: 2 options x 8 runs x 2 panels
    assert sum(len(tr["x"]) for tr in points) == 2 * N * 2
    crisis = [tr for tr in points if tr["name"] == crisis_name]
    assert len(crisis) == 2                                   # one per panel
    assert all(tr["marker"]["color"] == CRISIS_COLOUR for tr in crisis)
    assert sorted(x for tr in crisis for x in tr["x"]) == [0.7, 1.9]
    assert all(tr["meta"]["s"] == 1 for tr in crisis)         # the option's, for the selector
    # the runaway run is drawn where it is, not averaged into the others
    s = res.tables["summary"]
    opt = s[s.scenario == "option"]
    medians = [tr for tr in fig["data"] if tr["marker"].get("symbol") == "line-ns-open"
               and tr["meta"]["s"] == 1]
    assert medians[0]["x"][0] == pytest.approx(opt.turnover_rate.median())
    assert medians[0]["x"][0] < 0.3 < opt.turnover_rate.mean()
    assert ("runs", replication_outcomes) in RUN_FIGURES


def test_the_kpi_cards_carry_the_crisis_risk_with_its_wilson_interval():
    kt = D.kpi_table(_results())
    row = kt[(kt.scenario == "option") & (kt.kpi == "crisis")].iloc[0]
    assert row["mean"] == 1 / N
    assert (row.low, row.high) == intervals.wilson(1, N)
    old = _results()
    old.tables["summary"] = old.tables["summary"].drop(columns=["crisis", "crisis_year"])
    assert "crisis" not in set(D.kpi_table(old).kpi)              # an older result
    assert replication_outcomes(old, "sv") is not None


def test_the_app_answer_gives_the_crisis_risk_of_base_and_option():
    from model.present.app import layout
    from model.present.app.results import LEVELS, analyse

    assert ("crisis", "pct") in LEVELS
    common = ("simulation.years=1", "simulation.warmup_years=0.5")
    base = scenario(*common)
    option = scenario(*common, "cases.investigations.per_post_per_year=45", "name=hot")
    parts = [[run_replication(sc, r) for r in range(2)] for sc in (base, option)]
    a = analyse(parts[0], parts[1], base, option)
    crisis = a.levels["crisis"]
    assert crisis["base"][0] == 0 and crisis["option"][0] == 1
    assert crisis["option"][1:] == intervals.wilson(2, 2)
    assert "crisis_risk_up" in a.service_flag
    for lang, label in (("sv", "Kris (andel körningar)"), ("en", "Crisis (share of runs)")):
        assert label in str(layout.result_table(a, lang))


@pytest.mark.parametrize("lang, words", [
    ("en", ("risk of a crisis (share of runs)", "the base's risk in the same runs",
            "the risk of a crisis rises")),
    ("sv", ("risk för kris (andel körningar)", "basens risk i samma körningar",
            "risken för kris ökar")),
])
def test_compare_details_say_the_crisis_risk_and_warn(tmp_path, capsys, lang, words):
    from conftest import BASELINE, cli
    hot = tmp_path / "hot.yaml"
    hot.write_text(f"extends: {BASELINE}\nname: hot\n"
                   "cases:\n  investigations:\n    per_post_per_year: 45\n")
    code, out, _ = cli(["compare", BASELINE, hot, "--replications", "2", "--years", "1",
                        "--warmup-years", "0.5", "--quiet", "--workers", "1", "--details",
                        "--lang", lang, "--out", tmp_path / "res"], capsys)
    assert code == 0
    for w in words:
        assert w in out, w
    cb = pd.read_parquet(tmp_path / "res" / "cost_benefit.parquet")
    p = cb[cb.measure == "p_crisis"].iloc[0]
    assert p["mean"] == 1 and p.interval == "wilson"
    assert {"median", "interval"} <= set(cb.columns)
    comp = pd.read_parquet(tmp_path / "res" / "comparison.parquet")
    assert {"median", "interval", "diff_median", "diff_interval"} <= set(comp.columns)
