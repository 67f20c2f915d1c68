"""The output tables' rows are named records: their fields are the tables' columns and
their types the columns' dtypes; the recorder alone writes its counters."""

from __future__ import annotations

import ast
from typing import get_type_hints

import pandas as pd
import pytest

from conftest import ROOT, scenario
from model.sim.records import CostRow, EventRow, WeekRow, kinds_of
from model.sim.workforce import Model

META = ["scenario", "replication", "seed"]
DTYPE = {int: "int64", float: "float64", str: "text"}


def _dtype(column: pd.Series) -> str:
    return "text" if pd.api.types.is_string_dtype(column) else str(column.dtype)


@pytest.fixture(scope="module")
def tables():
    sc = scenario("simulation.years=1", "simulation.warmup_years=0.5")
    return Model(sc, 1).run()


@pytest.mark.parametrize("name, record", [("events", EventRow), ("timeseries", WeekRow),
                                          ("costs", CostRow)])
def test_a_record_generates_its_tables_columns_and_dtypes(tables, name, record):
    t = tables[name]
    assert len(t) > 0
    assert list(t.columns) == META + list(record._fields)
    hints = get_type_hints(record)
    got = {c: _dtype(t[c]) for c in record._fields}
    assert got == {c: DTYPE[hints[c]] for c in record._fields}
    assert [_dtype(t[c]) for c in META] == ["text", "int64", "int64"]


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "golden").glob("*_costs.csv")),
                         ids=lambda p: p.stem)
def test_the_cost_record_is_the_golden_costs_table(path):
    golden = pd.read_csv(path)
    assert list(golden.columns) == META + list(CostRow._fields)
    hints = get_type_hints(CostRow)
    assert {c: _dtype(golden[c]) for c in CostRow._fields} == {
        c: DTYPE[hints[c]] for c in CostRow._fields}


def test_the_records_kinds_are_the_published_ones():
    """The column types the tables have always had (a changed type is a changed output)."""
    assert kinds_of(EventRow) == "fisiisff"
    assert kinds_of(CostRow) == "isssf"
    counts = {c for c, k in zip(WeekRow._fields, kinds_of(WeekRow)) if k == "i"}
    assert counts == {"week", "year", "headcount", "vacancies", "consultants", "on_notice",
                      "queue_investigations", "queue_ongoing", "open_cases", "overdue_open",
                      "tenure_lt2", "tenure_2to5", "tenure_5plus", "exits_cum", "hires_cum",
                      "posts_open", "unassigned_past_relax"}
    assert len(WeekRow._fields) == 31 and "s" not in kinds_of(WeekRow)


def _counter_writes(tree: ast.AST) -> list[str]:
    """``x.recorder.name = ...`` or ``recorder.name += ...`` anywhere in a module."""
    found = []
    for node in ast.walk(tree):
        targets = (node.targets if isinstance(node, ast.Assign) else
                   [node.target] if isinstance(node, ast.AugAssign) else [])
        for t in targets:
            if isinstance(t, ast.Attribute):
                owner = t.value
                name = (owner.attr if isinstance(owner, ast.Attribute) else
                        owner.id if isinstance(owner, ast.Name) else None)
                if name == "recorder":
                    found.append(f"{t.attr} (line {node.lineno})")
    return found


def test_only_the_recorder_writes_its_counters():
    assert _counter_writes(ast.parse("u.recorder.handovers += n\nrecorder.x = 1"))
    offenders = {p.relative_to(ROOT).as_posix(): w for p in (ROOT / "model").rglob("*.py")
                 if p.name != "metrics.py"
                 and (w := _counter_writes(ast.parse(p.read_text(encoding="utf-8"))))}
    assert not offenders
