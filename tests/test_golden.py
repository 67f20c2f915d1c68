"""Golden tables: fixed seeds pin the outputs, so a speed-up never changes results
silently. Regenerate only with tests/update_golden.py (see its docstring)."""

from __future__ import annotations

import pandas as pd
import pytest

from update_golden import CASES, GOLDEN, golden_tables


@pytest.mark.parametrize("name", sorted(CASES))
def test_outputs_match_the_golden_tables(name):
    t = golden_tables(name)
    for table in ("summary", "costs"):
        expected = pd.read_csv(GOLDEN / f"{name}_{table}.csv")
        got = t[table][expected.columns]
        # values were stored with 10 significant digits
        pd.testing.assert_frame_equal(got.reset_index(drop=True), expected,
                                      check_dtype=False, rtol=1e-8, atol=1e-6)
