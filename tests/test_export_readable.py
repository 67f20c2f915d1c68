"""Exports a colleague can read: every sheet names the options by their titles (the
dashboard's), never by file name, and one sign convention holds in the console, the
dashboard, the brief and the export (a cost is positive: a change in cost above zero
costs more), shown on the same numbers."""

from __future__ import annotations

import contextlib
import csv
import html
import io
import re

import numpy as np
import pandas as pd
import pytest

import simulate
from conftest import BASELINE, SCENARIOS
from model.config.scenario import load_scenario
from model.experiment.costsigns import cost_signed
from model.present.catalogue.numbers import fmt
from model.present.dashboard import columns as C

OPTIONS = ["no_consultants", "smaller_groups"]
FAST = ["--years", "2", "--warmup-years", "0.5", "--replications", "3", "--quiet",
        "--workers", "1"]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    """A comparison, what the console printed (English, with details), its workbook,
    CSV files, dashboard and Swedish brief."""
    from model.present.dashboard.brief import render_brief
    from model.present.dashboard.data import load_results
    from model.present.dashboard.page import render_dashboard
    root = tmp_path_factory.mktemp("signs")
    out = root / "cmp"
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert simulate.main(["compare", str(BASELINE),
                              *[str(SCENARIOS / f"{n}.yaml") for n in OPTIONS],
                              "--out", str(out), "--details", *FAST]) == 0
        assert simulate.main(["export", str(out), "-o", str(root / "book.xlsx")]) == 0
        assert simulate.main(["export", str(out), "--format", "csv",
                              "-o", str(root / "csv")]) == 0
    res = load_results(out)
    return {"out": out, "console": buf.getvalue(),
            "cb": pd.read_parquet(out / "cost_benefit.parquet"),
            "book": pd.read_excel(root / "book.xlsx", sheet_name=None, engine="openpyxl"),
            "csv": root / "csv", "dashboard": html.unescape(render_dashboard(res)),
            "brief": html.unescape(render_brief(res, "sv"))}


def _title(name: str, lang: str) -> str:
    from model.present.texts import title
    return title(load_scenario(SCENARIOS / f"{name}.yaml"), lang)


def _mean(cb: pd.DataFrame, scen: str, measure: str) -> float:
    return float(cb[(cb.scenario == scen) & (cb.measure == measure)]["mean"].iloc[0])


def _console_amount(text: str, scen: str, label: str) -> float:
    """The amount the console's details print on the ``label`` line of option ``scen``."""
    block = text[text.index(_title(scen, "en") + ": turnover"):]
    line = next(x for x in block.splitlines() if x.strip().startswith(label))
    return float(re.search(r"SEK (-?[\d,]+)", line).group(1).replace(",", ""))


def test_a_cost_is_positive_in_the_table_and_the_console(result):
    cb, text = result["cb"], result["console"]
    assert not cb.measure.str.startswith("saving_").any()
    # no consultants: the unit pays less for consultants, a change in cost below zero
    consultants = _mean(cb, "no_consultants", "consultants_cost_change_per_year")
    assert consultants < 0
    assert "(+ costs more, - saves)" in text
    for scen in OPTIONS:
        for measure, label in (("consultants_cost_change_per_year", "consultants"),
                               ("recruitment_cost_change_per_year", "recruitment"),
                               ("policy_cost_per_year", "the measure itself")):
            assert _console_amount(text, scen, label) == pytest.approx(
                _mean(cb, scen, measure), abs=0.51)


def test_console_dashboard_brief_and_export_agree_on_the_same_numbers(result):
    cb, book = result["cb"], result["book"]
    sheet = book["Kostnad och nytta"]
    scen_col, measure_col = C.header("scenario"), C.header("measure")
    assert not sheet[measure_col].str.contains("Besparing").any()
    for scen in OPTIONS:
        rows = sheet[sheet[scen_col] == _title(scen, "sv")].set_index(measure_col)
        for measure in ("consultants_cost_change_per_year", "recruitment_cost_change_per_year",
                        "sick_pay_cost_change_per_year", "net_cost_budget_sek_per_year",
                        "net_cost_economic_sek_per_year", "policy_cost_per_year"):
            exported = float(rows.loc[C.header(measure), C.header("mean")])
            assert exported == pytest.approx(_mean(cb, scen, measure), rel=1e-9), measure
        # the console: the economic view's net cost, as printed in the details
        value = _mean(cb, scen, "net_cost_economic_sek_per_year")
        block = result["console"][result["console"].index(_title(scen, "en") + ": turnover"):]
        econ = block[block.index("economic view"):]
        printed = float(re.search(r"net cost per year +SEK (-?[\d,]+)", econ)
                        .group(1).replace(",", ""))
        assert printed == pytest.approx(value, abs=0.51)
        assert np.sign(printed) == np.sign(value)
        # the dashboard's ranking (thousands of kronor) and the brief's first page show
        # both views' net costs with the same sign and value
        for measure in ("net_cost_economic_sek_per_year", "net_cost_budget_sek_per_year"):
            value = _mean(cb, scen, measure)
            for lang in ("sv", "en"):
                assert fmt(value, "tkr", lang) in result["dashboard"], fmt(value, "tkr", lang)
            brief = fmt(value / 1000.0, "num", "sv")
            row = result["brief"][result["brief"].index(_title(scen, "sv")):]
            assert brief in row[:2000], (brief, row[:600])


def test_every_sheet_names_the_options_by_their_titles(result):
    names = ["baseline", *OPTIONS]
    titles = {_title(n, "sv") for n in names}
    checked = 0
    for sheet, df in result["book"].items():
        col = C.header("scenario")
        if sheet == "Innehåll" or col not in df.columns:
            continue
        assert set(df[col]) <= titles, (sheet, set(df[col]) - titles)
        checked += 1
    assert checked >= 5
    # the CSV files too
    with open(result["csv"] / "cost_benefit.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    j = rows[0].index(C.header("scenario"))
    assert {r[j] for r in rows[1:]} <= titles
    # the contents sheet keeps each title beside its scenario's name, titles first
    contents = result["book"]["Innehåll"].astype(str).to_string()
    for n in names:
        assert n in contents and _title(n, "sv") in contents and _title(n, "en") in contents


def test_results_written_before_take_the_same_sign():
    old = pd.DataFrame([
        {"scenario": "x", "measure": "saving_consultants_per_year", "unit": "SEK/year",
         "mean": 500.0, "ci_low": 100.0, "ci_high": 900.0, "median": 450.0},
        {"scenario": "x", "measure": "net_cost_budget_sek_per_year", "unit": "SEK/year",
         "mean": -200.0, "ci_low": -400.0, "ci_high": 0.0, "median": -150.0}])
    new = cost_signed(old)
    row = new.iloc[0]
    assert row.measure == "consultants_cost_change_per_year"
    assert (row["mean"], row.ci_low, row.ci_high, row["median"]) == (-500, -900, -100, -450)
    assert new.iloc[1].to_dict() == old.iloc[1].to_dict()
    assert cost_signed(new) is new                      # already in the convention
