"""The "Reported outcomes of measures" section of docs/VALIDATION.md: verdicts computed
from the comparison's numbers, one line per row of DOMAIN.md's table, and the queue
statement for every scenario. Tested on synthetic comparisons (known answers) and on a
reduced real run."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from conftest import SCENARIOS
from model.config.scenario import load_scenario
from model.experiment import costbenefit
from model.experiment.compare import run_comparison
from model.present import reported

METRICS = ("turnover_rate", "vacancy_rate", "consultant_fte", "sick_absence_rate",
           "exits_first_2y", "hires", "mean_strain", "mean_exhaustion")


def _summary(changes: dict[str, dict[str, float]], reps: int = 8) -> pd.DataFrame:
    """Baseline plus scenarios whose metrics differ from it by the given amounts, with
    replication noise (fixed seed) shared across scenarios (paired)."""
    rng = np.random.default_rng(3)
    noise = {m: rng.normal(0, 0.01, reps) for m in METRICS}
    base = {"turnover_rate": 0.2, "vacancy_rate": 0.05, "consultant_fte": 1.0,
            "sick_absence_rate": 0.06, "exits_first_2y": 40.0, "hires": 80.0,
            "mean_strain": 0.0, "mean_exhaustion": 0.1}
    rows = []
    for scen, delta in [("baseline", {})] + list(changes.items()):
        for r in range(reps):
            rows.append({"scenario": scen, "replication": r,
                         **{m: base[m] + delta.get(m, 0.0) + noise[m][r] for m in METRICS}})
    return pd.DataFrame(rows)


def _cb(scenarios, flag: str = "") -> pd.DataFrame:
    return pd.DataFrame([{"scenario": s, "measure": "net_cost_economic_sek_per_year",
                          "unit": "SEK/year", "mean": -1e5, "ci_low": -2e5, "ci_high": -1e4,
                          "service_flag": flag} for s in scenarios])


def _line(lines: list[str], place: str) -> str:
    found = [x for x in lines if f"({place}" in x]
    assert len(found) == 1, place
    return found[0]


def test_one_line_per_reported_outcome_and_verdicts_from_the_numbers():
    good = {"krokom_package": {"consultant_fte": -1.0, "vacancy_rate": -0.04,
                               "sick_absence_rate": -0.01}}
    lines = reported.outcomes_section(_summary(good), _cb(good), "## X")
    assert sum(x.startswith("| ") for x in lines) == len(reported.ROWS) + 1   # + header
    row = _line(lines, "Krokom")
    assert row.rstrip(" |").endswith("agrees")
    assert "reaches the reported ~0" in row
    # the same measure with consultants and sick leave rising: the verdict follows
    bad = {"krokom_package": {"consultant_fte": +0.5, "vacancy_rate": -0.04,
                              "sick_absence_rate": +0.01}}
    row = _line(reported.outcomes_section(_summary(bad), _cb(bad), "## X"), "Krokom")
    assert "partly differs" in row and "consultants (FTE) differs" in row
    assert "sick absence differs" in row
    # rows whose scenario is not in the comparison say so
    assert "not compared" in _line(lines, "Södertälje")


def test_a_comparison_between_two_measures():
    """Jönköping: pay weighs less than manager support, read as the pay supplement's
    turnover against smaller groups'."""
    ch = {"pay_supplement_jonkoping": {"turnover_rate": -0.01},
          "smaller_groups": {"turnover_rate": -0.05}}
    row = _line(reported.outcomes_section(_summary(ch), _cb(ch), "## X"), "Jönköping")
    assert row.rstrip(" |").endswith("agrees")
    ch = {"pay_supplement_jonkoping": {"turnover_rate": -0.05},
          "smaller_groups": {"turnover_rate": -0.01}}
    row = _line(reported.outcomes_section(_summary(ch), _cb(ch), "## X"), "Jönköping")
    assert "differs" in row


def test_judge():
    assert reported.judge(-1, -2, -0.5, -1) == "agrees"
    assert reported.judge(-1, -2, 0.5, -1).startswith("agrees in direction")
    assert reported.judge(1, -0.5, 2, -1) == "differs"
    assert reported.judge(1, 0.5, 2, +1) == "agrees"


@pytest.fixture(scope="module")
def reduced():
    names = ["baseline", "krokom_package", "smaller_groups", "pay_supplement_jonkoping",
             "intensive_investigation"]
    scs = [load_scenario(SCENARIOS / f"{n}.yaml",
                         ["simulation.years=3", "simulation.warmup_years=1"])
           for n in names]
    t = run_comparison(scs, seed=2024, replications=4, workers=2)
    cb = costbenefit.cost_benefit(t["summary"], t["costs"], 3, t["timeseries"])
    return t, cb


@pytest.mark.slow
def test_sections_from_a_reduced_run(reduced):
    t, cb = reduced
    lines = reported.outcomes_section(t["summary"], cb, "## 5. Reported outcomes")
    for place in ("Krokom", "Jönköping"):
        row = _line(lines, place)
        assert row.count("|") == 6
        assert any(v in row for v in ("agrees", "differs"))
    q = reported.queue_section(cb, costbenefit.base_flags(t["timeseries"], "baseline"),
                               "baseline", "## 6. Queues")
    body = [x for x in q if x.startswith("| `")]
    assert len(body) == 5                                   # the base and four scenarios
    assert not any("no warning**" in x for x in body)       # stable, or warned


def test_a_row_with_its_own_unit_reads_the_measure_applied_to_that_unit():
    """Krokom's package is judged on Krokom's own unit (krokom_2015, nine posts), not on
    the 40-post baseline: the row reads the own-base comparison and says so; the
    baseline comparison's numbers for the same scenario do not enter it."""
    own_summary = _summary({"krokom_package": {"vacancy_rate": -0.03,
                                               "consultant_fte": -0.9,
                                               "sick_absence_rate": -0.01}})
    own_summary["scenario"] = own_summary.scenario.replace({"baseline": "krokom_2015"})
    base_summary = _summary({"krokom_package": {"vacancy_rate": +0.03,
                                                "consultant_fte": +0.9,
                                                "sick_absence_rate": +0.01}})
    lines = reported.outcomes_section(
        base_summary, _cb(["krokom_package"]), "## 5",
        own={"krokom_2015": (own_summary, _cb(["krokom_package"]))})
    row = _line(lines, "Krokom")
    assert "on `krokom_2015`" in row
    assert "vacancy rate: -3.0 pp" in row and "differs" not in row
    without = _line(reported.outcomes_section(base_summary, _cb(["krokom_package"]), "## 5"),
                    "Krokom")
    assert "vacancy rate: +3.0 pp" in without and "on `krokom_2015`" not in without
